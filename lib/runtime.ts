/**
 * The pinned runtime: the one place that names the Deno version this project is built for.
 *
 * @module
 */

/** The Deno version every task, test and notebook kernel is pinned to. */
export const PINNED_DENO = "2.9.6";

/**
 * Warns on stderr, once, when the running Deno is not {@link PINNED_DENO}; returns whether it is.
 *
 * @example
 * ```ts
 * import { warnOnOtherDeno } from "./runtime.ts";
 * warnOnOtherDeno(); // true on Deno 2.9.6; otherwise prints a warning and returns false
 * ```
 */
export function warnOnOtherDeno(): boolean {
  if (Deno.version.deno === PINNED_DENO) return true;
  console.error(
    `warning: this project is pinned to Deno ${PINNED_DENO} but is running on Deno ` +
      `${Deno.version.deno}; outputs may differ (npm install -g deno@${PINNED_DENO})`,
  );
  return false;
}
