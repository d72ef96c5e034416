/**
 * `deno task validate <dataDir>` run from inside the project, as a user types it in a terminal:
 * `deno task` runs its command in the folder of `deno.json`, so a relative `dataDir` must be taken
 * from the folder the user typed it in (`INIT_CWD`, which `deno task` sets), not from the project
 * root.
 */
import assert from "node:assert/strict";
import { ROOT } from "../scripts/runner/paths.ts";

/** This process's environment without INIT_CWD. */
function withoutInitCwd(): Record<string, string> {
  const env = Deno.env.toObject();
  delete env.INIT_CWD;
  return env;
}

Deno.test("validate: a relative data folder is the one below the folder the command was typed in", async () => {
  // The user stands in the data folder and validates it: `cd data && deno task validate .`.
  const out = await new Deno.Command("deno", {
    args: ["task", "--quiet", "validate", "."],
    cwd: `${ROOT}/data`,
    // As in a terminal: deno task sets INIT_CWD only when it is not set (this suite's own task set it).
    clearEnv: true,
    env: { ...withoutInitCwd(), NO_COLOR: "1" },
  }).output();
  const stdout = new TextDecoder().decode(out.stdout);
  const stderr = new TextDecoder().decode(out.stderr);
  assert.equal(out.code, 0, stderr);
  assert.match(stdout, /^ok: /);
  assert.ok(stdout.includes(`(data folder: ${ROOT}/data)`), stdout);
});
