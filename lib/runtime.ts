/**
 * The pinned runtime: the one place that names the Deno version this project is built for.
 *
 * @module
 */

/** The Deno version every task, test and notebook kernel is pinned to. */
export const PINNED_DENO = "2.9.6";

/**
 * Warns once, in one line on the terminal, when the running Deno is not {@link PINNED_DENO};
 * returns whether it is. The line is written only when stderr is a terminal: output read by
 * programs (tests, CI logs) stays as it is, and `deno task reproduce` names the Deno it ran with in
 * its report and its manifest instead.
 *
 * @returns true on the pinned Deno
 * @example
 * ```ts
 * import { PINNED_DENO, warnOnOtherDeno } from "#lib/mod.ts";
 * if (warnOnOtherDeno() !== (Deno.version.deno === PINNED_DENO)) throw new Error("pinned?");
 * ```
 */
export function warnOnOtherDeno(): boolean {
  if (Deno.version.deno === PINNED_DENO) return true;
  if (Deno.stderr.isTerminal()) {
    console.error(
      `warning: this project is pinned to Deno ${PINNED_DENO} but is running on Deno ` +
        `${Deno.version.deno}; outputs may differ (install ${PINNED_DENO}: see README.md)`,
    );
  }
  return false;
}
