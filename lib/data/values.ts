/**
 * Checks of numbers as the data files write them: an interval's order, equality up to rounding,
 * and `Inf` for an open side in messages.
 *
 * @module
 */
import type { NominalInterval } from "../intervals.ts";

/**
 * Whether two numbers are equal up to rounding (1e-9).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sameNumber } from "#lib/data/values.ts";
 * assert.ok(sameNumber(0.1 + 0.2, 0.3));
 * assert.ok(!sameNumber(1, 1.001));
 * ```
 */
export const sameNumber = (a: number, b: number): boolean => a === b || Math.abs(a - b) <= 1e-9;

/** The three sides of a nominal interval, in the order they are checked. */
export const SIDES = ["lo", "nominal", "hi"] as const;

/**
 * A number as the data files write it: `Inf` and `-Inf` for an open side (JavaScript's
 * `Infinity` is not what a cell may hold).
 *
 * @param n The number.
 * @returns Its cell.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { cell } from "#lib/data/values.ts";
 * assert.deepEqual([cell(Infinity), cell(-Infinity), cell(2.5)], ["Inf", "-Inf", "2.5"]);
 * ```
 */
export function cell(n: number): string {
  return n === Infinity ? "Inf" : n === -Infinity ? "-Inf" : String(n);
}

/**
 * Checks `lo <= nominal <= hi`; returns the offending column and message, or null.
 *
 * @param x The interval.
 * @param prefix Its columns' prefix (`day`, `value`).
 * @returns The problem, or null.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { checkNominalInterval } from "#lib/data/values.ts";
 * assert.equal(checkNominalInterval({ lo: 1, hi: 3, nominal: 2 }, "day"), null);
 * assert.equal(checkNominalInterval({ lo: 1, hi: 3, nominal: 4 }, "day")?.column, "day_nominal");
 * ```
 */
export function checkNominalInterval(
  x: NominalInterval,
  prefix: string,
): { column: string; message: string } | null {
  if (x.lo > x.hi) {
    return {
      column: `${prefix}_lo`,
      message: `lower bound ${cell(x.lo)} is above upper bound ${cell(x.hi)}`,
    };
  }
  if (x.nominal < x.lo || x.nominal > x.hi) {
    return {
      column: `${prefix}_nominal`,
      message: `nominal ${cell(x.nominal)} is outside [${cell(x.lo)}, ${cell(x.hi)}]`,
    };
  }
  return null;
}
