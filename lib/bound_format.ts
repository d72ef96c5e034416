/**
 * One bound of a computed interval in print, rounded outward.
 *
 * @module
 */

/**
 * Formats one bound of an interval with at most `digits` decimals, rounded outward (a lower
 * bound down, an upper bound up), so that the interval printed still holds every value the
 * computed one holds: an upper bound 4.05 at one decimal is "4.1", never "4". A bound within
 * floating-point noise (1e-9 of its size) of a number with `digits` decimals is that number.
 *
 * @param v The bound.
 * @param side `"lo"` for a lower bound, `"hi"` for an upper one.
 * @param digits Decimals at most (default 2).
 * @returns The text (`inf`/`-inf` for infinities).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatBound } from "#lib/mod.ts";
 * assert.equal(formatBound(4.05, "hi", 1), "4.1");
 * assert.equal(formatBound(27.6923, "lo", 1), "27.6");
 * assert.equal(formatBound(0.1 + 0.2, "hi", 2), "0.3");
 * assert.equal(formatBound(-0.061, "hi", 2), "-0.06");
 * ```
 */
export function formatBound(v: number, side: "lo" | "hi", digits = 2): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? "NaN" : v > 0 ? "inf" : "-inf";
  const near = Number(v.toFixed(digits));
  if (Math.abs(near - v) <= 1e-9 * Math.max(1, Math.abs(v))) return String(near);
  const scale = 10 ** digits;
  const out = (side === "lo" ? Math.floor(v * scale) : Math.ceil(v * scale)) / scale;
  return String(out + 0);
}

/**
 * Formats a computed range (the bounds of an interval, the least and greatest of a quantity over
 * choices) as "lo–hi" with at most `digits` decimals, each end rounded outward
 * ({@link formatBound}), so the range printed holds the one computed: 27.69 to 91.729 at one
 * decimal reads "27.6–91.8". A range whose ends are one number is that number, rounded as a
 * point is (to the nearest).
 *
 * @param lo The lower end.
 * @param hi The upper end.
 * @param digits Decimals at most (default 2).
 * @returns The text.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatRange } from "#lib/mod.ts";
 * assert.equal(formatRange(27.6923, 91.729, 1), "27.6–91.8");
 * assert.equal(formatRange(0.0868, 0.9916, 2), "0.08–1");
 * assert.equal(formatRange(87.54, 87.54, 1), "87.5");
 * ```
 */
export function formatRange(lo: number, hi: number, digits = 2): string {
  if (lo === hi) {
    return Number.isFinite(lo) ? String(Number(lo.toFixed(digits))) : formatBound(lo, "lo");
  }
  return `${formatBound(lo, "lo", digits)}–${formatBound(hi, "hi", digits)}`;
}
