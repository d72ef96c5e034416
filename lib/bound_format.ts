/**
 * One bound of a computed interval in print, rounded outward.
 *
 * @module
 */

/**
 * Formats one bound of an interval with at most `digits` decimals, rounded outward (a lower
 * bound down, an upper bound up), so that the interval printed still holds every value the
 * computed one holds: an upper bound 4.05 at one decimal is "4.1", never "4". A bound within
 * floating-point noise of a number with `digits` decimals is that number: within 1e-9 of its
 * size, but never more than a millionth of a step (so 12345678.004 is still "12345678.01" as an
 * upper bound at two decimals). Never in exponent notation: 1e-7 as an upper bound at 7 decimals
 * is "0.0000001" (and "0" at fewer, a lower bound). With a `limit` (the end of the quantity's range
 * on that side: 100 for a percentage's upper bound, 0 for its lower), a bound short of it is never
 * printed as reaching it: 99.16% as an upper bound at no decimal is "99.2", not "100", which would
 * say the interval reaches every case; it keeps as many more decimals as it needs (up to 6 more).
 *
 * @param v The bound.
 * @param side `"lo"` for a lower bound, `"hi"` for an upper one.
 * @param digits Decimals at most (default 2), unless the `limit` needs more.
 * @param limit The end of the quantity's range on the bound's side, if it has one.
 * @returns The text (`inf`/`-inf` for infinities).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatBound } from "#lib/mod.ts";
 * assert.equal(formatBound(4.05, "hi", 1), "4.1");
 * assert.equal(formatBound(27.6923, "lo", 1), "27.6");
 * assert.equal(formatBound(0.1 + 0.2, "hi", 2), "0.3");
 * assert.equal(formatBound(-0.061, "hi", 2), "-0.06");
 * assert.equal(formatBound(12345678.004, "hi", 2), "12345678.01");
 * assert.equal(formatBound(1e-7, "hi", 7), "0.0000001");
 * assert.equal(formatBound(99.16, "hi", 0), "100");
 * assert.equal(formatBound(99.16, "hi", 0, 100), "99.2");
 * assert.equal(formatBound(100, "hi", 0, 100), "100");
 * assert.equal(formatBound(0.004, "lo", 0, 0), "0.004");
 * ```
 */
export function formatBound(v: number, side: "lo" | "hi", digits = 2, limit?: number): string {
  const text = outward(v, side, digits);
  if (limit === undefined || !Number.isFinite(v) || (side === "hi" ? v >= limit : v <= limit)) {
    return text;
  }
  // Short of its range's end: more decimals until the print is too (never past it, by outward).
  const reaches = (t: string) => side === "hi" ? Number(t) >= limit : Number(t) <= limit;
  let shown = text;
  for (let d = digits + 1; reaches(shown) && d <= digits + 6; d++) shown = outward(v, side, d);
  return shown;
}

/** {@link formatBound} without a limit. */
function outward(v: number, side: "lo" | "hi", digits: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? "NaN" : v > 0 ? "inf" : "-inf";
  const near = Number(v.toFixed(digits));
  if (Math.abs(near - v) <= snap(v, digits)) return decimal(near, digits);
  const scale = 10 ** digits;
  // Past 2^52 steps a double has no digit below the step: v itself is its bound, exactly.
  if (Math.abs(v * scale) >= 2 ** 52) return decimal(v, digits);
  // v·scale is itself rounded, so the step found is checked against v and moved outward.
  let k = side === "lo" ? Math.floor(v * scale) : Math.ceil(v * scale);
  if (side === "lo") { while (Number(decimal(k / scale, digits)) > v) k--; }
  else while (Number(decimal(k / scale, digits)) < v) k++;
  return decimal(k / scale, digits);
}

/**
 * The floating-point noise within which a number is the one with `digits` decimals nearest to
 * it: 1e-9 of its size, but never more than a millionth of a step of `digits` decimals (so a
 * large number still rounds outward).
 */
function snap(v: number, digits: number): number {
  return Math.min(1e-9 * Math.max(1, Math.abs(v)), 1e-6 * 10 ** -digits);
}

/** A number with at most `digits` decimals as text, never in exponent notation (`1e-7`). */
function decimal(x: number, digits: number): string {
  const s = String(x + 0);
  if (!/e/i.test(s)) return s;
  // Past 1e21 a double is an integer; below 1e-6 it has a decimal point to trim zeros after.
  if (Math.abs(x) >= 1e21) return BigInt(x).toString();
  return x.toFixed(digits).replace(/0+$/, "").replace(/\.$/, "");
}

/**
 * Formats a computed range (the bounds of an interval, the least and greatest of a quantity over
 * choices) as "lo–hi" with at most `digits` decimals, each end rounded outward
 * ({@link formatBound}), so the range printed holds the one computed: 27.69 to 91.729 at one
 * decimal reads "27.6–91.8". A range whose ends are one number (equal, or within the noise
 * {@link formatBound} allows) is that number, rounded as a point is (to the nearest). A lower end
 * above the upper one is a caller's bug: a `RangeError`.
 *
 * @param lo The lower end.
 * @param hi The upper end.
 * @param digits Decimals at most (default 2).
 * @param limits The ends of the quantity's range, if it has them (see {@link formatBound}).
 * @returns The text.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatRange } from "#lib/mod.ts";
 * assert.equal(formatRange(27.6923, 91.729, 1), "27.6–91.8");
 * assert.equal(formatRange(0.0868, 0.9916, 2), "0.08–1");
 * assert.equal(formatRange(87.54, 87.54, 1), "87.5");
 * assert.equal(formatRange(0.1234, 0.1234000001, 2), "0.12");
 * assert.throws(() => formatRange(2, 1), RangeError);
 * assert.equal(formatRange(9.43, 99.16, 0, [0, 100]), "9–99.2");
 * ```
 */
export function formatRange(
  lo: number,
  hi: number,
  digits = 2,
  limits?: readonly [number, number],
): string {
  if (lo > hi) {
    throw new RangeError(`formatRange: the lower end ${lo} is above the upper end ${hi}`);
  }
  const one = lo === hi ||
    (Number.isFinite(lo) && Number.isFinite(hi) &&
      hi - lo <= snap(Math.max(Math.abs(lo), Math.abs(hi)), digits));
  if (one) {
    return Number.isFinite(lo)
      ? decimal(Number(lo.toFixed(digits)), digits)
      : formatBound(lo, "lo");
  }
  return `${formatBound(lo, "lo", digits, limits?.[0])}–${
    formatBound(hi, "hi", digits, limits?.[1])
  }`;
}
