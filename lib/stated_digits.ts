/**
 * The digits to which the text states a value, read from the value's own words (`value_words`):
 * "pain VAS 8.0" states 8 to the tenth, "pain VAS 0–1.0" states 0 to the unit and 1 to the tenth,
 * "pain of six" states 6 to the unit. One rule for the two things that need it: rounding widens a
 * stated value by half a unit of that digit (`lib/rounding.ts`), and tables and prose write a
 * stated value with those digits ("VAS 8.0", not "VAS 8"; `painValueIn` in `lib/scales.ts`).
 * Computed numbers (means, changes, bounds) keep their own rules (`formatInterval`).
 *
 * @module
 */
import { formatNumber, type Interval } from "./intervals.ts";
import { statedNumbers } from "./source.ts";

/** A number token in digits (as `statedNumbers` reads them), with its decimals in group 1 or 2. */
const DIGITS = /\d{1,3}(?:,\d{3})+(?!\d)(?:\.(\d+))?|\d+(?:\.(\d+))?/g;

/**
 * How many decimals `words` state `value` to: those of the number token in digits equal to it
 * (1 for "8.0", 0 for "0"), the fewest when several tokens state it, 0 for a number word ("six");
 * `null` when no token states it.
 *
 * @param words The words of the value (`value_words`).
 * @param value The value, on the scale's own units.
 * @returns The decimals stated, or `null`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { statedDecimals } from "#lib/stated_digits.ts";
 * assert.equal(statedDecimals("average pain VAS 8.0", 8), 1);
 * assert.equal(statedDecimals("pain VAS 0–1.0", 0), 0);
 * assert.equal(statedDecimals("pain VAS 0–1.0", 1), 1);
 * assert.equal(statedDecimals("pain of six", 6), 0);
 * assert.equal(statedDecimals("no pain", 0), null);
 * ```
 */
export function statedDecimals(words: string, value: number): number | null {
  const same = (n: number) => Math.abs(n - value) <= 1e-9;
  let decimals: number | null = null;
  for (const m of words.matchAll(DIGITS)) {
    if (!same(Number(m[0].replaceAll(",", "")))) continue;
    const d = (m[1] ?? m[2] ?? "").length;
    decimals = decimals === null ? d : Math.min(decimals, d);
  }
  // A number word (`number_words.ts`) states a whole number.
  if (decimals === null && statedNumbers(words).some((n) => same(n))) decimals = 0;
  return decimals;
}

/**
 * A stated value (or range) written as its words state it: each end with the decimals its words
 * give ({@link statedDecimals}: "8.0"), a range both of whose ends the words state as the text
 * writes one ("0–1.0"); an end its words do not state as `formatInterval` writes it (at most
 * `digits` decimals, trailing zeros cut), the range then in brackets ("[0, 1.25]").
 *
 * @param x The value on the scale's own units (`value` of an observation).
 * @param words Its words (`value_words`).
 * @param digits Decimals at most of an end the words do not state (default 2).
 * @returns The text.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatStated } from "#lib/stated_digits.ts";
 * assert.equal(formatStated({ lo: 8, hi: 8 }, "average pain VAS 8.0"), "8.0");
 * assert.equal(formatStated({ lo: 0, hi: 1 }, "pain VAS 0–1.0"), "0–1.0");
 * assert.equal(formatStated({ lo: 0, hi: 1.25 }, "pain VAS 0"), "[0, 1.25]");
 * assert.equal(formatStated({ lo: 0, hi: 0 }, "no pain"), "0");
 * ```
 */
export function formatStated(x: Interval, words: string, digits = 2): string {
  const f = (v: number) => {
    const d = Number.isFinite(v) ? statedDecimals(words, v) : null;
    return d === null ? formatNumber(v, digits) : v.toFixed(d);
  };
  if (x.lo === x.hi) return f(x.lo);
  // A range its words state at both ends is written as the text writes one ("0–1.0").
  const stated = (v: number) => Number.isFinite(v) && statedDecimals(words, v) !== null;
  if (stated(x.lo) && stated(x.hi)) return `${f(x.lo)}–${f(x.hi)}`;
  return `${x.lo === -Infinity ? "(" : "["}${f(x.lo)}, ${f(x.hi)}${x.hi === Infinity ? ")" : "]"}`;
}
