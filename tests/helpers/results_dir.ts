/**
 * Test helper: runs code with `RESULTS_DIR` (where lib's display helpers write) set to a folder,
 * or unset, while no other test reads or changes it.
 *
 * `deno test --parallel` runs the test files in workers of one process, and they share its
 * environment: a test that set the variable made the display helpers called meanwhile by another
 * test write into its folder (seen as a failure of interactive_test.ts in the suite, never alone).
 * Every test whose display helpers depend on the variable runs its part through this helper, which
 * holds an exclusive lock on `.tmp/results-dir.lock` meanwhile (a file lock, so workers of one
 * process exclude each other too). Calls must not be nested.
 *
 * @module
 */
import { ROOT } from "../../scripts/runner/paths.ts";

/**
 * Runs `fn` with `RESULTS_DIR` set to `dir` (unset when `dir` is null), alone among the tests that
 * use this helper; restores the variable after.
 *
 * @param dir The results folder, or null for none.
 * @param fn What to run meanwhile.
 * @returns What `fn` returns.
 */
export async function withResultsDir<T>(dir: string | null, fn: () => Promise<T>): Promise<T> {
  await Deno.mkdir(`${ROOT}/.tmp`, { recursive: true });
  const lock = await Deno.open(`${ROOT}/.tmp/results-dir.lock`, { create: true, write: true });
  try {
    await lock.lock(true);
    const before = Deno.env.get("RESULTS_DIR");
    if (dir === null) Deno.env.delete("RESULTS_DIR");
    else Deno.env.set("RESULTS_DIR", dir);
    try {
      return await fn();
    } finally {
      if (before === undefined) Deno.env.delete("RESULTS_DIR");
      else Deno.env.set("RESULTS_DIR", before);
    }
  } finally {
    // Closing the file releases the lock.
    lock.close();
  }
}
