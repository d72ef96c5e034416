/**
 * The module templates of docs/extending.md ("A new effect size", "A new figure") are what a
 * newcomer copies: copied as they are, each is formatted, passes the lint rules (the house rules
 * included), type-checks with its JSDoc example, and its example runs and holds what it asserts.
 */
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { ROOT } from "../scripts/runner/paths.ts";
import { absoluteImports } from "../scripts/runner/inputs.ts";
import { docExamples, writeExampleModules } from "./helpers/doc_examples.ts";

/** A template: its code and the folder of `lib/` it is written for. */
interface Template {
  /** The folder it goes in, relative to the project (`lib/plots`). */
  folder: string;
  /** Its code, as the doc gives it. */
  code: string;
}

/** The module templates of docs/extending.md: its ````ts blocks that declare a record. */
async function templates(): Promise<Template[]> {
  const doc = await Deno.readTextFile(`${ROOT}/docs/extending.md`);
  const blocks = [...doc.matchAll(/^( *)````ts\n([\s\S]*?)\n\1````$/gm)].map(([, indent, body]) =>
    body.split("\n").map((l) => l.startsWith(indent) ? l.slice(indent.length) : l).join("\n") +
    "\n"
  );
  return blocks.flatMap((code): Template[] => {
    if (code.includes("defineEffectSize(")) return [{ folder: "lib/stats/effect_sizes", code }];
    if (code.includes("defineFigure(")) return [{ folder: "lib/plots", code }];
    return [];
  });
}

/**
 * Runs a Deno command at the project's root, with `input` on its standard input.
 *
 * @param args The command's arguments.
 * @param input Its standard input.
 */
async function deno(args: string[], input = ""): Promise<{ code: number; out: string }> {
  const child = new Deno.Command("deno", {
    args,
    cwd: ROOT,
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(input));
  await writer.close();
  const r = await child.output();
  const dec = new TextDecoder();
  return { code: r.code, out: dec.decode(r.stdout) + dec.decode(r.stderr) };
}

Deno.test("the docs give both module templates", async () => {
  assert.deepEqual((await templates()).map((t) => t.folder).sort(), [
    "lib/plots",
    "lib/stats/effect_sizes",
  ]);
});

for (const { folder, code } of await templates()) {
  Deno.test(`the template of ${folder}/name.ts is formatted and passes the lint rules`, async () => {
    const fmt = await deno(["fmt", "--config", `${ROOT}/deno.json`, "--ext", "ts", "-"], code);
    assert.equal(fmt.code, 0, fmt.out);
    assert.equal(fmt.out, code, "deno fmt changes the template: format it in the doc");
    const lint = await deno(["lint", "--config", `${ROOT}/deno.json`, "-"], code);
    assert.equal(lint.code, 0, lint.out);
  });

  Deno.test(`the template of ${folder}/name.ts type-checks, and its example runs`, async () => {
    await Deno.mkdir(`${ROOT}/.tmp`, { recursive: true });
    const dir = await Deno.makeTempDir({ dir: `${ROOT}/.tmp`, prefix: "extending-" });
    try {
      // Written outside lib/ (the tests write only there): its relative imports made absolute,
      // and its example's import of it pointed at where it is.
      const file = `${dir}/lib/name.ts`;
      await Deno.mkdir(`${dir}/lib`);
      const placed = absoluteImports(code, pathToFileURL(`${ROOT}/${folder}/`))
        .replaceAll(`"#${folder}/name.ts"`, `"./name.ts"`);
      assert.notEqual(placed, code, "the template imports its neighbours");
      await Deno.writeTextFile(file, placed);
      const check = await deno([
        "check",
        "--quiet",
        "--doc",
        "--config",
        `${ROOT}/deno.json`,
        file,
      ]);
      assert.equal(check.code, 0, check.out);
      const examples = await docExamples(`${dir}/lib`);
      assert.equal(examples.length, 1, "one example");
      // A call of assert, not its import.
      const checks = examples[0].code.replace(/^\s*(?:import\b|\/\/).*$/gm, "");
      assert.match(checks, /\bassert\s*[(.]/, "its example asserts");
      const [url] = await writeExampleModules(examples, dir);
      await import(url.href);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  });
}
