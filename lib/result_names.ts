/**
 * The names notebooks give the files they save with the results (`showTable("name", rows)` writes
 * `tables/name.csv`): letters, digits, `.`, `_` and `-`, no folders, and not a name Windows keeps
 * for a device before its first `.` (`aux` gives `tables/aux.csv`, which Windows cannot create
 * nor Git for Windows check out).
 *
 * @module
 */
import { WINDOWS_DEVICE_NAMES } from "./ids.ts";

/** Letters, digits, `.`, `_` and `-`, beginning with a letter or digit (no folders). */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** What a name for results files must be, for messages. */
export const RESULT_NAME_RULE = "a name for the results files (letters, digits, '.', '_', '-'; " +
  "no folders; not a name Windows keeps for a device: con, prn, aux, nul, com0-9, lpt0-9)";

/**
 * Whether a name may name results files on every system.
 *
 * @param name the name
 * @returns true when it may
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { isResultName } from "#lib/result_names.ts";
 * assert.equal(isResultName("case-1-change"), true);
 * assert.equal(isResultName("auxiliary.v2"), true);
 * assert.equal(isResultName("../x"), false);
 * assert.equal(isResultName("Aux.v2"), false); // tables/Aux.v2.csv is the device AUX on Windows
 * ```
 */
export function isResultName(name: unknown): name is string {
  return typeof name === "string" && FILE_NAME.test(name) &&
    !WINDOWS_DEVICE_NAMES.test(name.split(".")[0]);
}
