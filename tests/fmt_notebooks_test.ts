/**
 * `deno task fmt-notebooks` works where the system's temporary folder is not `/tmp` (macOS:
 * `$TMPDIR` under `/var/folders`; Windows: `%TEMP%`): it failed there with "Requires write access
 * to <TMP>", its permissions allowing `/tmp` only. Simulated by pointing `TMPDIR` elsewhere.
 */
import assert from "node:assert/strict";
import { formatNotebooks } from "../scripts/format_notebooks.ts";
import { ROOT, SCRATCH } from "../scripts/runner/paths.ts";

/** The scratch folders of fmt-notebooks in `.tmp/`. */
async function leftovers(): Promise<string[]> {
  const names: string[] = [];
  try {
    for await (const e of Deno.readDir(SCRATCH)) {
      if (e.name.startsWith("fmt-notebooks-")) names.push(e.name);
    }
  } catch { /* no .tmp */ }
  return names.sort();
}

Deno.test("fmt-notebooks --check runs where the temporary folder is not /tmp", async () => {
  const before = await leftovers();
  const out = await new Deno.Command("deno", {
    args: ["task", "-q", "fmt-notebooks", "--check"],
    cwd: ROOT,
    env: {
      TMPDIR: "/var/folders/xy/T",
      TEMP: "C:\\Users\\me\\AppData\\Local\\Temp",
      NO_COLOR: "1",
    },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
  assert.equal(out.code, 0, text);
  assert.match(text, /^all \d+ notebooks are formatted$/m);
  assert.deepEqual(await leftovers(), before, "its scratch folder is removed");
});

Deno.test("fmt-notebooks' check still finds an unformatted cell, changing nothing", async () => {
  const dir = await Deno.makeTempDir({ prefix: "nbfmt-" });
  try {
    const sloppy = JSON.stringify({
      cells: [{ cell_type: "code", metadata: {}, source: "const  x=1", outputs: [] }],
    });
    await Deno.writeTextFile(`${dir}/a.ipynb`, sloppy);
    assert.deepEqual(await formatNotebooks(dir, true), { unformatted: ["a.ipynb"], total: 1 });
    assert.equal(await Deno.readTextFile(`${dir}/a.ipynb`), sloppy);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
