/**
 * What the suite runs without type-checking it type-checks, in one `deno check` (so that lib/,
 * which both import, is checked once): every notebook's code cells (the kernel does not check
 * them) and every `@example` in lib/ (docs_test.ts runs them, unchecked, in one process).
 */
import assert from "node:assert/strict";
import { dirname } from "node:path";
import { listFiles } from "../scripts/runner/files.ts";
import { codeModule } from "../scripts/runner/inputs.ts";
import { NOTEBOOKS, ROOT } from "../scripts/runner/paths.ts";

/** Each notebook's code cells as a module, in `dir`; returns their paths. */
async function notebookModules(dir: string): Promise<string[]> {
  await Deno.mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (const p of (await listFiles(NOTEBOOKS)).filter((p) => p.endsWith(".ipynb"))) {
    const path = `${NOTEBOOKS}/${p}`;
    const file = `${dir}/${p.replaceAll("/", "_")}.ts`;
    await Deno.writeTextFile(
      file,
      codeModule(JSON.parse(await Deno.readTextFile(path)), dirname(path)),
    );
    files.push(file);
  }
  return files;
}

Deno.test("every notebook's code cells and every @example in lib/ type-check (one deno check)", async () => {
  // A fixed folder, so that Deno's type-check cache recognises unchanged notebooks.
  const files = await notebookModules(`${ROOT}/.tmp/notebooks-typecheck`);
  assert.ok(files.length > 0, "no notebook");
  const out = await new Deno.Command("deno", {
    // --doc: the code of every file and the examples of its JSDoc.
    args: ["check", "--quiet", "--doc", "--config", `${ROOT}/deno.json`, "lib/", ...files],
    cwd: ROOT,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
});
