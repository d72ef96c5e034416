/**
 * `deno task synthetic <cases> <dir>` never overwrites data it did not write ("nothing lost": a
 * command deletes only what it wrote). A user who types `deno task synthetic 20000 data` must not
 * lose the project's extracted tables, nor the tables of a folder of their own.
 */
import assert from "node:assert/strict";
import { denoTaskArgs } from "./helpers/tasks.ts";
import { ROOT } from "../scripts/runner/paths.ts";
import { writeSyntheticSeries } from "../scripts/synthetic.ts";

Deno.test("deno task synthetic: a folder that already holds a table of the user's is refused, the table kept", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const mine = "case_id,source_id\nmy-case,my-article\n";
    await Deno.writeTextFile(`${dir}/cases.csv`, mine);
    // As the task runs it (its permissions), on a folder of the user's own.
    const [, ...flags] = await denoTaskArgs("synthetic");
    const out = await new Deno.Command("deno", {
      args: ["run", "--quiet", ...flags, "5", dir],
      cwd: ROOT,
      env: { NO_COLOR: "1" },
    }).output();
    // Today: exit 0, `wrote <dir>: ...`, and cases.csv replaced by synthetic cases.
    assert.equal(
      await Deno.readTextFile(`${dir}/cases.csv`),
      mine,
      "the user's table was replaced",
    );
    assert.notEqual(out.code, 0);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("writeSyntheticSeries: a refused folder is left exactly as it was", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(`${dir}/study.json`, "{}");
    await Deno.writeTextFile(`${dir}/notes.txt`, "mine");
    const before = await listing(dir);
    await assert.rejects(
      () => writeSyntheticSeries(dir, { cases: 2 }),
      Deno.errors.AlreadyExists,
    );
    assert.deepEqual(await listing(dir), before);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("writeSyntheticSeries: a run stopped midway leaves nothing of its own behind", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(`${dir}/notes.txt`, "mine");
    const stop = new AbortController();
    const run = writeSyntheticSeries(`${dir}/series`, { cases: 50_000, signal: stop.signal });
    setTimeout(() => stop.abort(), 50);
    await assert.rejects(() => run);
    assert.deepEqual(await listing(`${dir}/series`), []);
    assert.deepEqual(await listing(dir), ["notes.txt", "series"]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

/** The names in a folder, sorted. */
async function listing(dir: string): Promise<string[]> {
  const names: string[] = [];
  for await (const e of Deno.readDir(dir)) names.push(e.name);
  return names.sort();
}
