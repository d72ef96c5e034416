/**
 * Checks of numbers as the data files write them: an interval's order, equality up to rounding,
 * and `Inf` for an open side in messages.
 *
 * @module
 */
import type { NominalInterval } from "../intervals.ts";

/** Whether two numbers are equal up to rounding (1e-9). */
export const sameNumber = (a: number, b: number): boolean => a === b || Math.abs(a - b) <= 1e-9;

/** The three sides of a nominal interval, in the order they are checked. */
export const SIDES = ["lo", "nominal", "hi"] as const;

/**
 * A number as the data files write it: `Inf` and `-Inf` for an open side (JavaScript's
 * `Infinity` is not what a cell may hold).
 */
export function cell(n: number): string {
  return n === Infinity ? "Inf" : n === -Infinity ? "-Inf" : String(n);
}

/** Checks `lo <= nominal <= hi`; returns the offending column and message, or null. */
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
