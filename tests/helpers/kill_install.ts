/**
 * Test helper, run as a process of its own: performs `installAll` and kills itself with SIGKILL
 * right after rename number `killAt`, as `kill -9` during an installation would.
 *
 * Usage: `deno run -A tests/helpers/kill_install.ts '<json: { moves, backup, killAt }>'`
 *
 * @module
 */
import { installAll, type Move } from "../../scripts/runner/install.ts";

const { moves, backup, killAt } = JSON.parse(Deno.args[0]) as {
  moves: Move[];
  backup: string;
  killAt: number;
};
await installAll(moves, backup, {
  afterRename: (step) => {
    if (step === killAt) Deno.kill(Deno.pid, "SIGKILL");
  },
});
