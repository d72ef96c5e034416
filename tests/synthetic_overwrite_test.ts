/**
 * `deno task synthetic <cases> <dir>` never overwrites data it did not write ("nothing lost": a
 * command deletes only what it wrote). A user who types `deno task synthetic 20000 data` must not
 * lose the project's extracted tables, nor the tables of a folder of their own.
 */
import assert from "node:assert/strict";
import { denoTaskArgs } from "./helpers/tasks.ts";
import { ROOT } from "../scripts/runner/paths.ts";

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
