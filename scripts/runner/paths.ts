/**
 * Where the runner reads and writes.
 *
 * @module
 */
import { sha256 } from "./files.ts";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const ROOT: string = fileURLToPath(new URL("../../", import.meta.url)).replace(/\/$/, "");
/** Committed notebooks. */
export const NOTEBOOKS = `${ROOT}/notebooks`;
/** Committed results. */
export const RESULTS = `${ROOT}/results`;
/** Scratch space inside the repository (same file system, so renames are atomic). */
export const SCRATCH = `${ROOT}/.tmp`;

/**
 * The name shared by the lock and the scratch folders of runs on one pair of folders: runs on
 * the same folders exclude each other; runs on other folders (tests' fixtures) do not.
 *
 * @example
 * ```ts
 * import { runKey } from "./paths.ts";
 * runKey("/repo/notebooks", "/repo/results"); // "reproduce-" and 12 hex digits
 * ```
 */
export function runKey(notebooks: string, results: string): string {
  return `reproduce-${sha256(`${notebooks}\0${results}`).slice(0, 12)}`;
}
/**
 * The `deno` arguments that run the main job exactly as `deno task reproduce` does (same
 * permissions; a test checks the task says the same), for tests and benchmarks that run it.
 *
 * @example
 * ```ts
 * import { REPRODUCE_ARGS } from "./paths.ts";
 * REPRODUCE_ARGS.at(-1); // "scripts/reproduce.ts"
 * ```
 */
export const REPRODUCE_ARGS: readonly string[] = [
  "run",
  "--allow-read",
  "--allow-write=.",
  "--allow-run=deno,/usr/bin/setpriv",
  "--allow-ffi=node_modules",
  "--allow-net=127.0.0.1",
  "--allow-env",
  "scripts/reproduce.ts",
];
