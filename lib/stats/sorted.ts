/**
 * Searching a sorted array: the counting step that lets rank-based measures (NAP, Tau, Kendall's
 * S across two groups) run in O(N log N) instead of comparing every pair.
 *
 * @module
 */

/**
 * Index of the first element of an ascending array that is ≥ `x` (with `strict`: > `x`); the
 * array's length when there is none. So `firstAtLeast(v, x, true) - firstAtLeast(v, x, false)`
 * counts the elements equal to `x`.
 *
 * @param v Values in ascending order.
 * @param x The value searched for.
 * @param strict Whether to skip elements equal to `x`.
 * @returns The index.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { firstAtLeast } from "#lib/stats/sorted.ts";
 * const v = Float64Array.of(1, 2, 2, 3);
 * assert.equal(firstAtLeast(v, 2, false), 1);
 * assert.equal(firstAtLeast(v, 2, true), 3);
 * assert.equal(firstAtLeast(v, 9, false), 4);
 * ```
 */
export function firstAtLeast(v: Float64Array, x: number, strict: boolean): number {
  let lo = 0;
  let hi = v.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (strict ? v[mid] <= x : v[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
