/** The tasks of `deno.json` that a reader runs by hand agree with the ones the suite runs. */
import assert from "node:assert/strict";
import { ROOT } from "../scripts/runner/paths.ts";

Deno.test("deno task test-one runs given test files with exactly the flags of deno task test", async () => {
  const tasks = JSON.parse(await Deno.readTextFile(`${ROOT}/deno.json`)).tasks;
  const words = String(tasks.test).split(" ");
  const files = words.findIndex((w) => w.startsWith("tests/"));
  assert.ok(files > 0, "deno task test names its test files after its flags");
  assert.equal(tasks["test-one"], words.slice(0, files).join(" "));
});
