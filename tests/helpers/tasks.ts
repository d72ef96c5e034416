/**
 * Test helper: a task of `deno.json` as Deno arguments, so that a test runs a command exactly as
 * `deno task <name>` does (same permissions).
 *
 * @module
 */
import { ROOT } from "../../scripts/runner/paths.ts";

/**
 * The arguments `deno task <name>` passes to `deno` (the task's words after `deno`).
 *
 * @param name A task of the repository's `deno.json` that runs `deno` alone.
 * @returns Its arguments, e.g. `["run", "--allow-read", "scripts/validate.ts"]`.
 * @throws {Error} When the task does not exist or does not start with `deno`.
 */
export async function denoTaskArgs(name: string): Promise<string[]> {
  const tasks = JSON.parse(await Deno.readTextFile(`${ROOT}/deno.json`)).tasks;
  const words = String(tasks[name] ?? "").split(" ");
  if (words[0] !== "deno") throw new Error(`deno.json has no task '${name}' that runs deno`);
  return words.slice(1);
}
