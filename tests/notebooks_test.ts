/**
 * The notebooks: their code type-checks, the committed ones hold no error output, and
 * re-executing everything reproduces the committed notebooks and results byte for byte.
 */
import assert from "node:assert/strict";
import { listFiles } from "../scripts/runner/files.ts";
import { NOTEBOOKS, ROOT } from "../scripts/runner/paths.ts";

const sources = [
  ...(await listFiles(NOTEBOOKS)).filter((p) => p.endsWith(".ipynb")),
];
const read = async (p: string) => JSON.parse(await Deno.readTextFile(`${NOTEBOOKS}/${p}`));

Deno.test("every notebook's code cells type-check together (the kernel does not check)", async () => {
  const dir = await Deno.makeTempDir({ prefix: "nbcheck-" });
  try {
    const files: string[] = [];
    for (const p of sources) {
      const nb = await read(p);
      const code = nb.cells.filter((c: { cell_type: string }) => c.cell_type === "code")
        .map((c: { source: string | string[] }) => [c.source].flat().join(""))
        .join("\n\n").replaceAll('"../lib/', `"${ROOT}/lib/`);
      const file = `${dir}/${p.replaceAll("/", "_")}.ts`;
      await Deno.writeTextFile(file, `${code}\nexport {};\n`);
      files.push(file);
    }
    const out = await new Deno.Command("deno", {
      args: ["check", "--quiet", "--config", `${ROOT}/deno.json`, ...files],
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("committed notebooks have every code cell executed and no error output", async () => {
  const executed = sources.filter((p) => !p.startsWith("templates/"));
  assert.ok(executed.length >= 5, `only ${executed.length} notebooks`);
  for (const p of executed) {
    const nb = await read(p);
    for (const [i, c] of nb.cells.entries()) {
      if (c.cell_type !== "code") continue;
      assert.ok(c.execution_count !== null, `${p} cell ${i} not executed`);
      for (const o of c.outputs) assert.notEqual(o.output_type, "error", `${p} cell ${i}`);
    }
  }
});

Deno.test("there is one notebook per case, from the template", async () => {
  const cases = (await Deno.readTextFile(`${ROOT}/data/cases.csv`)).trim().split("\n").slice(1)
    .map((l) => l.split(",")[0]);
  for (const id of cases) {
    const nb = await read(`01-case-${id}.ipynb`);
    const params = nb.cells.find((c: { metadata: { tags?: string[] } }) =>
      c.metadata.tags?.includes("parameters")
    );
    assert.match([params.source].flat().join(""), new RegExp(`const caseId = "${id}";`));
  }
});

Deno.test("re-executing every notebook reproduces the committed notebooks and results/ exactly", async () => {
  const out = await new Deno.Command("deno", {
    args: [
      "run",
      "--allow-read",
      "--allow-write=.",
      "--allow-run=/usr/bin/python3",
      "--allow-env",
      "scripts/reproduce.ts",
      "--check",
    ],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const stdout = new TextDecoder().decode(out.stdout);
  const stderr = new TextDecoder().decode(out.stderr);
  assert.equal(out.code, 0, `${stdout}\n${stderr}`);
  assert.match(stdout, /check passed: \d+ files identical/);
});
