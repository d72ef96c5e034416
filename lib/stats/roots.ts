/**
 * Root finding for the confidence limits that SingleCaseES finds with `uniroot`.
 *
 * @module
 */

/**
 * Finds a root of `f` in `[lo, hi]` by bisection to machine precision. `f(lo)` and `f(hi)` must
 * differ in sign (or one be zero, which is then returned, as R's `uniroot` does).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { bisectRoot } from "#lib/stats/roots.ts";
 * assert.ok(Math.abs(bisectRoot((x) => x * x - 2, 0, 2) - Math.SQRT2) < 1e-15);
 * ```
 */
export function bisectRoot(f: (x: number) => number, lo: number, hi: number): number {
  let flo = f(lo);
  const fhi = f(hi);
  if (flo === 0) return lo;
  if (fhi === 0) return hi;
  if (Math.sign(flo) === Math.sign(fhi)) {
    throw new RangeError(`no sign change of f on [${lo}, ${hi}]`);
  }
  for (let i = 0; i < 200 && hi - lo > 4 * Number.EPSILON * Math.max(1, Math.abs(lo)); i++) {
    const mid = lo + (hi - lo) / 2;
    const fm = f(mid);
    if (fm === 0) return mid;
    if (Math.sign(fm) === Math.sign(flo)) {
      lo = mid;
      flo = fm;
    } else {
      hi = mid;
    }
  }
  return lo + (hi - lo) / 2;
}
