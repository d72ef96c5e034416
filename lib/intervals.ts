/**
 * Intervals and the rules that turn the article's words into them.
 *
 * This module is the single place where words such as "about 7 weeks after" or "within a week"
 * become numbers. `data/README.md` states the same rules in prose; the loader checks that every
 * derived number in `data/timepoints.csv` equals what these rules give.
 *
 * @module
 */
import { z } from "zod";
import { wrongArgument } from "./wrong_argument.ts";
import { WORDS_TO_NUMBER } from "./quotes.ts";
import { checkOptions } from "./options.ts";
import { formatBound, formatRange } from "./bound_format.ts";

export { formatBound, formatRange };

/**
 * A closed interval `[lo, hi]` with `lo <= hi`. An unstated side is infinite: `lo = -Infinity`
 * ("no earlier bound stated") or `hi = Infinity` ("no later bound stated").
 */
export interface Interval {
  /** Lower bound (may be `-Infinity`). */
  lo: number;
  /** Upper bound (may be `Infinity`). */
  hi: number;
}

/** An interval with a nominal (point) value inside it. */
export interface NominalInterval extends Interval {
  /** The value the text names, or the one the documented rule assigns; `lo <= nominal <= hi`. */
  nominal: number;
}

/**
 * Units of time, in days. A month is 30 days and a year 365 (see {@link TIME_RULES}).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { UNIT_DAYS } from "#lib/mod.ts";
 * assert.equal(UNIT_DAYS.month, 30);
 * ```
 */
export const UNIT_DAYS = { day: 1, week: 7, month: 30, year: 365 } as const;

/** A unit of time named in the text. */
export type TimeUnit = keyof typeof UNIT_DAYS;

/** The rules that count an amount forward from the anchor. */
export type CountedForward = "exact" | "approx" | "within";
/** How a time point is derived from the words of the text (`-before`: counted back). */
export type TimeRule = "origin" | CountedForward | `${CountedForward}-before` | "after" | "before";

/**
 * The rules that count an amount back from the anchor ("two weeks before admission"), each the
 * mirror of the rule that counts it forward: `exact-before` of `exact`, `approx-before` of
 * `approx`, `within-before` of `within` (see {@link TIME_RULES}).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { COUNTED_BACK, ruleOffset } from "#lib/mod.ts";
 * assert.equal(COUNTED_BACK.get("exact-before"), "exact"); // two weeks before: 14 days back
 * assert.deepEqual(ruleOffset("exact-before", 2, "week"), { lo: -14, hi: -14, nominal: -14 });
 * ```
 */
export const COUNTED_BACK: ReadonlyMap<TimeRule, CountedForward> = new Map([
  ["exact-before", "exact"],
  ["approx-before", "approx"],
  ["within-before", "within"],
]);

/**
 * Whether a rule places its time point at or before its anchor: `before` (by the narrative) and
 * the rules counted back ({@link COUNTED_BACK}). Such a point neither follows its anchor nor is
 * placed by its row's place in the narrative.
 *
 * @param rule The rule.
 * @returns True for `before`, `exact-before`, `approx-before`, `within-before`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { beforeAnchor } from "#lib/mod.ts";
 * assert.ok(beforeAnchor("within-before") && beforeAnchor("before") && !beforeAnchor("within"));
 * ```
 */
export function beforeAnchor(rule: TimeRule): boolean {
  return rule === "before" || COUNTED_BACK.has(rule);
}

/**
 * The rules, one sentence each, as they appear in `data/README.md`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { TIME_RULES } from "#lib/mod.ts";
 * assert.ok(TIME_RULES.approx.startsWith("'about/approximately N units after A'"));
 * ```
 */
export const TIME_RULES: Readonly<Record<TimeRule, string>> = {
  origin: "The case's day 0 (the day the limb was lost): [0, 0].",
  exact: "'N days/weeks after A' with no qualifier: A + N·unit exactly (a week is 7 days). " +
    "Months and years are never exact (see approx).",
  approx: "'about/approximately N units after A', and any count of months or years: " +
    "A + N·unit ± half the step N is stated in, the step being 1/q unit for N = p/q in lowest " +
    "terms: a whole N ± half a unit (a year is 365 days ± 182.5, a month 30 days ± 15, a week " +
    "7 ± 3.5), a half ('half a year', 'a year and a half') ± a quarter unit (half a year is " +
    "182.5 days ± 91.25), a quarter ± an eighth, a tenth (2.3 weeks) ± a twentieth; nominal " +
    "A + N·unit.",
  within: "'within N units of A', 'by N days of A': (A, A + N·unit], written closed as " +
    "[A, A + N·unit]; nominal is the named bound A + N·unit.",
  "exact-before": "'N days/weeks before A' with no qualifier: A − N·unit exactly (N > 0; " +
    "months and years are never exact: see approx-before).",
  "approx-before": "'about N units before A', and any count of months or years before A: " +
    "A − N·unit ± the margin approx gives N (N > 0); nominal A − N·unit.",
  "within-before": "'in the N units before A', 'within N units before A': [A − N·unit, A), " +
    "written closed as [A − N·unit, A] (N > 0); nominal is the named bound A − N·unit.",
  after: "Placed after A only by the order of the narrative, no gap stated: [A, B] when a later " +
    "point B is narrated as following it (nominal midway between A and B), else [A, +inf) " +
    "with nominal A.",
  before: "Placed before A only by the narrative, no gap stated: (-inf, A], nominal A.",
};

/**
 * The value-extraction rules for VAS scores, as they appear in `data/README.md`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { VALUE_RULES } from "#lib/mod.ts";
 * assert.equal(VALUE_RULES.range, "'VAS a–b': [a, b], nominal the midpoint (a + b) / 2.");
 * ```
 */
export const VALUE_RULES: Readonly<
  Record<"exact" | "range" | "category" | "no-pain", string>
> = {
  exact: "A stated value v: [v, v], nominal v.",
  range: "'VAS a–b': [a, b], nominal the midpoint (a + b) / 2.",
  category: "A verbal category (e.g. 'mild' on a 4-point verbal scale): its index on the scale, " +
    "[i, i]; the quote must state the word.",
  "no-pain": "No number, but the quote says in words that there is no pain (" +
    WORDS_TO_NUMBER["no-pain"].words.map((w) => `'${w}'`).join(", ") + "): [0, 0], nominal 0.",
};

/**
 * The offset of a time point from its anchor that a rule gives, before any later bound is
 * applied. `after` and `before` give half-open offsets; `origin` has no anchor and gives 0.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ruleOffset } from "#lib/mod.ts";
 * assert.deepEqual(ruleOffset("approx", 7, "week"), { lo: 45.5, hi: 52.5, nominal: 49 });
 * // Half a year: ± a quarter of a year, not ± half of one.
 * assert.deepEqual(ruleOffset("approx", 0.5, "year"), { lo: 91.25, hi: 273.75, nominal: 182.5 });
 * assert.deepEqual(ruleOffset("within", 1, "week"), { lo: 0, hi: 7, nominal: 7 });
 * // Counted back: the mirror of the rule counted forward.
 * assert.deepEqual(ruleOffset("approx-before", 1, "month"), { lo: -45, hi: -15, nominal: -30 });
 * assert.deepEqual(ruleOffset("within-before", 1, "week"), { lo: -7, hi: 0, nominal: -7 });
 * ```
 */
export function ruleOffset(
  rule: TimeRule,
  amount: number | null,
  unit: TimeUnit | null,
): NominalInterval {
  switch (rule) {
    case "origin":
      return { lo: 0, hi: 0, nominal: 0 };
    case "after":
      return { lo: 0, hi: Infinity, nominal: 0 };
    case "before":
      return { lo: -Infinity, hi: 0, nominal: 0 };
  }
  if (amount === null || unit === null) {
    throw new RangeError(`rule '${rule}' needs an amount and a unit`);
  }
  const forward = COUNTED_BACK.get(rule);
  if (forward !== undefined) {
    if (!(amount > 0)) throw new RangeError(`rule '${rule}' counts back more than 0`);
    const o = ruleOffset(forward, amount, unit); // `0 - x`: an end at the anchor is 0, not −0
    return { lo: 0 - o.hi, hi: 0 - o.lo, nominal: 0 - o.nominal };
  }
  const u = UNIT_DAYS[unit];
  const d = amount * u;
  switch (rule) {
    case "exact":
      if (unit === "month" || unit === "year") {
        throw new RangeError(`${unit}s are never exact: use rule 'approx'`);
      }
      return { lo: d, hi: d, nominal: d };
    case "approx": {
      const margin = (amountStep(amount) * u) / 2;
      return { lo: d - margin, hi: d + margin, nominal: d };
    }
    case "within":
      return { lo: 0, hi: d, nominal: d };
  }
  throw new RangeError(`unknown time rule '${rule}'`);
}

/** Two numbers closer than this (relative to the larger, or absolutely below 1) are one. */
const SAME_NUMBER = 1e-9;
/** Terms of a continued fraction at most: a double reaches {@link SAME_NUMBER} long before. */
const MAX_TERMS = 64;

/**
 * The step an amount is stated in, in units: `1/q` for the amount `p/q` in lowest terms (1 for
 * a whole number, 1/2 for a half, 1/4 for a quarter, 1/10 for 2.3). An `approx` time point is
 * its amount ± half of it (see {@link TIME_RULES}). The denominator is found from the continued
 * fraction of the amount, to within floating-point error, so that an amount stored as a double
 * (10 hours as 10/24 of a day) still has its own step (1/12).
 *
 * @param amount The amount (at least 0, finite).
 * @returns The step, a unit fraction `1/q`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { amountStep } from "#lib/mod.ts";
 * assert.equal(amountStep(3), 1);
 * assert.equal(amountStep(0.5), 1 / 2);
 * assert.equal(amountStep(1.5), 1 / 2);
 * assert.equal(amountStep(0.25), 1 / 4);
 * assert.equal(amountStep(2.3), 1 / 10);
 * assert.equal(amountStep(10 / 24), 1 / 12);
 * ```
 */
export function amountStep(amount: number): number {
  if (!Number.isFinite(amount) || amount < 0) {
    throw new RangeError(`an amount must be finite and at least 0, not ${amount}`);
  }
  const tolerance = SAME_NUMBER * Math.max(1, amount);
  // Convergents h/k of the continued fraction [a0; a1, a2, …] of the amount.
  let [hPrev, h] = [0, 1];
  let [kPrev, k] = [1, 0];
  let x = amount;
  for (let i = 0; i < MAX_TERMS; i++) {
    const a = Math.floor(x);
    [hPrev, h] = [h, a * h + hPrev];
    [kPrev, k] = [k, a * k + kPrev];
    if (Math.abs(h / k - amount) <= tolerance) return 1 / k;
    x = 1 / (x - a);
  }
  throw new RangeError(`no step found for the amount ${amount}`);
}

/**
 * The day of a time point and its offset from its anchor, from its rule: the anchor's day plus
 * the rule's offset; for rule `after` with a later bound B, `[A.lo, B.hi]` with nominal midway
 * between the nominal days of A and B (see {@link TIME_RULES}); a B before A by rounding alone
 * (`roundingSlack`: 3 × 0.1 and 0.3) is at A. The loader and the analysis variants use it.
 *
 * @param rule The rule.
 * @param amount Its amount (rules `exact`, `approx`, `within`), else `null`.
 * @param unit Its unit, else `null`.
 * @param anchor The anchor's day (`null` for the origin).
 * @param bound The bound's day (rule `after` only), else `null`.
 * @returns The day and the offset from the anchor.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { deriveDay } from "#lib/mod.ts";
 * const a = { lo: 2, hi: 2, nominal: 2 };
 * assert.deepEqual(
 *   deriveDay("after", null, null, a, { lo: 10.5, hi: 17.5, nominal: 14 }).day,
 *   { lo: 2, hi: 17.5, nominal: 8 },
 * );
 * ```
 */
export function deriveDay(
  rule: TimeRule,
  amount: number | null,
  unit: TimeUnit | null,
  anchor: NominalInterval | null,
  bound: NominalInterval | null,
): { day: NominalInterval; offset: NominalInterval } {
  const offset = ruleOffset(rule, amount, unit);
  if (rule === "origin" || anchor === null) return { day: offset, offset };
  if (bound !== null) {
    const hi = Math.max(bound.hi, anchor.lo);
    const mid = Math.min(Math.max((anchor.nominal + bound.nominal) / 2, anchor.lo), hi);
    return {
      day: { lo: anchor.lo, hi, nominal: mid },
      offset: { lo: 0, hi: hi - anchor.lo, nominal: (bound.nominal - anchor.nominal) / 2 },
    };
  }
  return { day: addIntervals(anchor, offset), offset };
}

/**
 * Sum of two intervals (and of their nominals): the set of `a + b` for `a`, `b` in them.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { addIntervals } from "#lib/mod.ts";
 * assert.deepEqual(
 *   addIntervals({ lo: 6, hi: 6, nominal: 6 }, { lo: 75, hi: 105, nominal: 90 }),
 *   { lo: 81, hi: 111, nominal: 96 },
 * );
 * ```
 */
export function addIntervals(a: NominalInterval, b: NominalInterval): NominalInterval {
  return { lo: a.lo + b.lo, hi: a.hi + b.hi, nominal: a.nominal + b.nominal };
}

/**
 * Intersection of two intervals, or `null` when they do not meet.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { intersect } from "#lib/mod.ts";
 * assert.deepEqual(intersect({ lo: 0, hi: 10 }, { lo: 5, hi: Infinity }), { lo: 5, hi: 10 });
 * assert.equal(intersect({ lo: 0, hi: 1 }, { lo: 2, hi: 3 }), null);
 * ```
 */
export function intersect(a: Interval, b: Interval): Interval | null {
  const lo = Math.max(a.lo, b.lo);
  const hi = Math.min(a.hi, b.hi);
  return lo <= hi ? { lo, hi } : null;
}

/** Options of {@link formatDay}. */
export interface FormatDayOptions {
  /** Write "day 6" / "days [0, 195] …" rather than the bare number or interval. */
  prefix?: boolean;
  /** Decimals at most (default 2). */
  digits?: number;
}

/** The schema of {@link FormatDayOptions}. */
const formatDayOptionsSchema = z.object({
  prefix: z.boolean().optional(),
  digits: z.number().int().min(0).max(20).optional(),
}).strict();

/**
 * Formats a day (or a time relative to another) for prose and tables: the day for a point
 * (`"6"`), the nominal day and then what the words allow for a dated interval (`"6 [0, 6]"`),
 * and only the interval where the nominal day is no date the text states (`"[0, 195] (no date
 * stated)"`); with `prefix`, `"day 6"`, `"day 6 [0, 6]"`, `"days [0, 195] (no date stated)"`.
 *
 * @param x The day.
 * @param dated Whether its nominal value is a date the text states.
 * @param options Prefix and decimals.
 * @returns The text.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatDay } from "#lib/mod.ts";
 * assert.equal(formatDay({ lo: 0, hi: 6, nominal: 6 }, true), "6 [0, 6]");
 * assert.equal(
 *   formatDay({ lo: 0, hi: 195, nominal: 97.5 }, false, { prefix: true }),
 *   "days [0, 195] (no date stated)",
 * );
 * ```
 */
export function formatDay(
  x: NominalInterval,
  dated: boolean,
  options: FormatDayOptions = {},
): string {
  checkOptions("formatDay", formatDayOptionsSchema, options);
  const { prefix = false, digits = 2 } = options;
  const day = prefix ? "day " : "";
  if (x.lo === x.hi) return `${day}${formatNumber(x.nominal, digits)}`;
  if (dated) return `${day}${formatNumber(x.nominal, digits)} ${formatInterval(x, digits)}`;
  return `${prefix ? "days " : ""}${formatInterval(x, digits)} (no date stated)`;
}

/**
 * Formats a number for prose and tables: at most `digits` decimals, trailing zeros cut, `inf`
 * and `-inf` for infinities.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatNumber } from "#lib/mod.ts";
 * assert.equal(formatNumber(30.30303, 1), "30.3");
 * assert.equal(formatNumber(Infinity), "inf");
 * ```
 */
export function formatNumber(v: number, digits = 2): string {
  return v === Infinity ? "inf" : v === -Infinity ? "-inf" : String(Number(v.toFixed(digits)));
}

/** Which values of the extraction intervals to use: nominal, or the bound that favours the drug
 * most ("best") or least ("worst"). */
export type ExtractionBound = "nominal" | "best" | "worst";

/**
 * The value of an interval to use under an {@link ExtractionBound}. `favourHigh` says which side
 * favours the drug: true for a baseline or a percent reduction, false for a later VAS or a time.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { atBound } from "#lib/mod.ts";
 * const x = { lo: 0, hi: 1, nominal: 0.5 };
 * assert.deepEqual([atBound(x, "best", false), atBound(x, "worst", false)], [0, 1]);
 * ```
 */
export function atBound(x: NominalInterval, bound: ExtractionBound, favourHigh: boolean): number {
  if (bound === "nominal") return x.nominal;
  return (bound === "best") === favourHigh ? x.hi : x.lo;
}

/**
 * Formats an interval for prose and tables: `"6.6"` when degenerate, else `"[81, 111]"`, with
 * `-inf`/`inf` for unstated sides. Numbers keep at most `digits` decimals (trailing zeros cut),
 * each end rounded outward ({@link formatBound}), so the interval printed holds the one computed.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatInterval } from "#lib/mod.ts";
 * assert.equal(formatInterval({ lo: 81, hi: Infinity }), "[81, inf)");
 * assert.equal(formatInterval({ lo: 2.3, hi: 2.3 }), "2.3");
 * ```
 */
export function formatInterval(x: Interval, digits = 2): string {
  if (x.lo === x.hi) return formatNumber(x.lo, digits);
  const [lo, hi] = [formatBound(x.lo, "lo", digits), formatBound(x.hi, "hi", digits)];
  return `${x.lo === -Infinity ? "(" : "["}${lo}, ${hi}${x.hi === Infinity ? ")" : "]"}`;
}

/**
 * Formats an interval for prose: as {@link formatInterval}, but a side the words leave open
 * reads "at least" or "at most" ("at least 10.5" for `[10.5, inf)`), as a sentence says it.
 *
 * @param x The interval.
 * @param digits Decimals at most (default 2).
 * @returns The text.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatIntervalInWords } from "#lib/mod.ts";
 * assert.equal(formatIntervalInWords({ lo: 10.5, hi: Infinity }), "at least 10.5");
 * assert.equal(formatIntervalInWords({ lo: -Infinity, hi: 3 }), "at most 3");
 * assert.equal(formatIntervalInWords({ lo: 75, hi: 111 }), "[75, 111]");
 * assert.equal(formatIntervalInWords({ lo: 21, hi: 21 }), "21");
 * ```
 */
export function formatIntervalInWords(x: Interval, digits = 2): string {
  const finite = (v: number) => Number.isFinite(v);
  if (x.hi === Infinity && finite(x.lo)) return `at least ${formatBound(x.lo, "lo", digits)}`;
  if (x.lo === -Infinity && finite(x.hi)) return `at most ${formatBound(x.hi, "hi", digits)}`;
  return formatInterval(x, digits);
}

/**
 * Formats a number for prose and tables: at most `digits` decimals, no trailing zeros; `inf`
 * for infinities; "–" for null.
 *
 * @param x The number (or null).
 * @param digits Decimals at most (default 2).
 * @returns The text.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fmt } from "#lib/mod.ts";
 * assert.equal(fmt(30.303030, 1), "30.3");
 * assert.equal(fmt(null), "–");
 * ```
 */
export function fmt(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || Number.isNaN(x)) return "–";
  if (typeof x !== "number") wrongArgument("fmt", "a number or null", x);
  return formatNumber(x, digits);
}

/**
 * Formats a p-value for prose: three decimals at most ({@link fmt}), or two significant digits
 * below 0.001, so that a small p never reads as 0; "–" for null.
 *
 * @param p The p-value (or null).
 * @returns The text.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fmtP } from "#lib/mod.ts";
 * assert.equal(fmtP(0.25), "0.25");
 * assert.equal(fmtP(0.0000123), "0.000012");
 * assert.equal(fmtP(1e-7), "0.0000001");
 * assert.equal(fmtP(null), "–");
 * ```
 */
export function fmtP(p: number | null | undefined): string {
  if (typeof p === "number" && p > 0 && p < 0.001) {
    // Two significant digits, written out (no exponent): 0.000012, 0.0000001. From the exponent
    // form, since toFixed takes at most 100 decimals (a sign test of 333 pairs gives less).
    const [mantissa, exponent] = p.toExponential(1).split("e");
    const zeros = "0".repeat(-Number(exponent) - 1);
    return `0.${zeros}${mantissa.replace(".", "")}`.replace(/0+$/, "");
  }
  return fmt(p, 3);
}
