/**
 * `deno task validate <dataDir>` run from inside the project, as a user types it in a terminal:
 * `deno task` runs its command in the folder of `deno.json`, so a relative `dataDir` must be taken
 * from the folder the user typed it in (`INIT_CWD`, which `deno task` sets), not from the project
 * root.
 */
import assert from "node:assert/strict";
import { ROOT } from "../scripts/runner/paths.ts";

Deno.test("validate: a relative data folder is the one below the folder the command was typed in", async () => {
  // The user stands in the data folder and validates it: `cd data && deno task validate .`.
  const out = await new Deno.Command("deno", {
    args: ["task", "--quiet", "validate", "."],
    cwd: `${ROOT}/data`,
    env: { NO_COLOR: "1" },
  }).output();
  const stdout = new TextDecoder().decode(out.stdout);
  const stderr = new TextDecoder().decode(out.stderr);
  // Today `.` is the project root: `sources.csv::: file not found`, ... and exit 1, naming no
  // folder.
  assert.equal(out.code, 0, stderr);
  assert.match(stdout, /^ok: /);
});
