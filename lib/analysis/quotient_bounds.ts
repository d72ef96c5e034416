/**
 * The bounds of a change over a gap (a rate) when both are known only as intervals.
 *
 * @module
 */
import type { Interval } from "../intervals.ts";

/** Bounds of c/g over c ∈ [c1, c2] and g ∈ (g1, g2], 0 ≤ g1 < g2 (g2 may be infinite). */
function overPositive(c1: number, c2: number, g1: number, g2: number): Interval {
  // c/g is monotone in each argument on g > 0: the greatest at the greatest change, over the
  // shortest gap if it is positive (then unbounded as g → 0) and the longest if it is negative.
  const at = (c: number, short: boolean) =>
    c === 0 ? 0 : short === (c > 0) ? (g1 === 0 ? Math.sign(c) * Infinity : c / g1) : c / g2;
  // `+ 0` turns −0 (a finite change over an infinite gap) into 0.
  return { lo: at(c1, false) + 0, hi: at(c2, true) + 0 };
}

/**
 * The least and greatest value of change / gap over every change in `change` and every gap in
 * `gap` but 0 (no rate: as the gap tends to 0 the rate is unbounded unless the change is 0). The
 * bounds are the infimum and supremum, so an end approached but not reached (0 over an infinite
 * gap, ±infinity as the gap tends to 0) is still the bound. A gap that may be negative (the two
 * values may come in either order) gives both signs of the rate.
 *
 * @param change The change's bounds (finite, `lo ≤ hi`).
 * @param gap The gap's bounds (`lo ≤ hi`, either may be infinite).
 * @returns The quotient's bounds (each may be infinite), or `null` when the gap can only be 0.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { quotientBounds } from "#lib/analysis/quotient_bounds.ts";
 * // A fall of 2 over a gap of at most 100 days, possibly 0: at most −2 / 100 a day.
 * assert.deepEqual(quotientBounds({ lo: -2, hi: -2 }, { lo: 0, hi: 100 }), {
 *   lo: -Infinity,
 *   hi: -0.02,
 * });
 * // Over a gap with no upper bound, a fall tends to 0.
 * assert.deepEqual(quotientBounds({ lo: -2, hi: -1 }, { lo: 4, hi: Infinity }), { lo: -0.5, hi: 0 });
 * // Either order: both signs.
 * assert.deepEqual(quotientBounds({ lo: -1, hi: -1 }, { lo: -5, hi: 10 }), {
 *   lo: -Infinity,
 *   hi: Infinity,
 * });
 * assert.equal(quotientBounds({ lo: 1, hi: 2 }, { lo: 0, hi: 0 }), null);
 * ```
 */
export function quotientBounds(change: Interval, gap: Interval): Interval | null {
  if (!(change.lo <= change.hi) || !Number.isFinite(change.lo) || !Number.isFinite(change.hi)) {
    throw new RangeError(`quotientBounds: the change [${change.lo}, ${change.hi}] is not finite`);
  }
  if (!(gap.lo <= gap.hi)) {
    throw new RangeError(`quotientBounds: the gap [${gap.lo}, ${gap.hi}] is empty`);
  }
  const parts: Interval[] = [];
  if (gap.hi > 0) parts.push(overPositive(change.lo, change.hi, Math.max(0, gap.lo), gap.hi));
  // A negative gap: c/g = (−c)/(−g), with −g > 0.
  if (gap.lo < 0) {
    parts.push(overPositive(-change.hi, -change.lo, Math.max(0, -gap.hi), -gap.lo));
  }
  if (parts.length === 0) return null;
  return {
    lo: Math.min(...parts.map((p) => p.lo)),
    hi: Math.max(...parts.map((p) => p.hi)),
  };
}
