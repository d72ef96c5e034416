/**
 * The time amounts a quote states ("Two weeks after", "within a week", "on day 12", "within 24
 * hours"), so that a time point's `amount` and `unit` are checked against its quote as pain
 * values and doses are (`data/README.md`, "Time amounts"). Written once, here.
 *
 * @module
 */
import type { TimeUnit } from "./intervals.ts";
import { NUMBER_DIGITS } from "./source.ts";
import { NUMBER_WORD, ORDINAL_WORD, WORD_SEPARATOR, wordNumber } from "./number_words.ts";

/** A unit a time point's amount may be in (`unit` in `timepoints.csv`): `TimeUnit`. */
export type AmountUnit = TimeUnit;

/** A time amount a passage states: a number of units. */
export interface StatedAmount {
  /** How many units. */
  amount: number;
  /** The unit. */
  unit: AmountUnit;
}

/** Alternatives, longest first (so that "hours" is not read as "hour"). */
const alts = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).join("|");
const SEP = WORD_SEPARATOR;

/** A number in digits as `statedNumbers` reads it (`1,200`, `6.6`). */
const DIGITS = String.raw`(?<![\d.,])(${NUMBER_DIGITS})`;
/** An ordinal suffix of digits ("3rd"). */
const SUFFIX = "(?:st|nd|rd|th)";
/**
 * The units and their abbreviations, to a unit of `timepoints.csv` and how many of it one is
 * (hours in days; a fortnight is 2 weeks).
 */
const UNITS: ReadonlyMap<string, { unit: AmountUnit | "hour"; times: number }> = new Map(
  ([
    [["hour", "hours", "hr", "hrs", "h"], "hour", 1],
    [["day", "days", "d"], "day", 1],
    [["week", "weeks", "wk", "wks"], "week", 1],
    [["fortnight", "fortnights"], "week", 2],
    [["month", "months", "mo", "mos"], "month", 1],
    [["year", "years", "yr", "yrs", "y"], "year", 1],
  ] as const).flatMap(([names, unit, times]) => names.map((u) => [u, { unit, times }] as const)),
);
/** A unit; the one-letter abbreviations only after digits ("12 h", "3d": not "a d"). */
const UNIT = String.raw`(${
  alts([...UNITS.keys()].filter((u) => u.length > 1))
}|(?<=\d(?:${SEP})?)[hdy])\b`;
/** "... and a half", after a number or after its unit. */
const AND_A_HALF = String.raw`(${SEP}and${SEP}a${SEP}half\b)?`;

/**
 * A number before its unit: "2 weeks", "2wk", "two-week", "twenty-one days", "a month", "the
 * second month", "3rd day", "half a year", "two and a half weeks", "a week and a half". Groups:
 * digits, a number word, `a`/`an`, `half`, a half after the number, the unit, a half after it.
 */
const NUMBER_THEN_UNIT = new RegExp(
  String
    .raw`(?:${DIGITS}${SUFFIX}?|\b(${NUMBER_WORD})|\b(an?)|\b(?:an?${SEP})?(half)(?:${SEP}an?)?)` +
    String.raw`${AND_A_HALF}(?:${SEP}|(?<=\d))${UNIT}${AND_A_HALF}`,
  "gi",
);
/** An ordinal, one word, then the unit: "the 3rd postoperative day", "the second hospital week". */
const ORDINAL_WORD_UNIT = new RegExp(
  String
    .raw`(?:${DIGITS}${SUFFIX}|\b(${ORDINAL_WORD}))\s+(?!(?:${NUMBER_WORD}|an?|half)\b)[a-z][a-z\-]*\s+${UNIT}`,
  "gi",
);
/** "day 12", "week 7", "day twenty-one". */
const UNIT_THEN_NUMBER = new RegExp(
  String.raw`\b(hour|day|week|month|year)\s+(?:(\d+(?:\.\d+)?)(?![\d.,]*\d)|(${NUMBER_WORD})\b)`,
  "gi",
);
/**
 * "the next day", "the following week", "the day after", and back: "the previous month", "the
 * preceding week", "the day before": one unit.
 */
const NEXT_UNIT =
  /\b(?:next|following|previous|preceding)\s+(day|week|fortnight|month|year)\b|\bthe\s+(day|week|fortnight|month|year)\s+(?:after|before)\b/gi;

/** Hours are stated in days (the unit of `timepoints.csv` that holds them): 24 hours is 1 day. */
const HOURS_PER_DAY = 24;

/** The amount and unit of a number of `unit`s (hours as days, fortnights as weeks). */
function amountOf(n: number, unit: string): StatedAmount {
  const u = UNITS.get(unit.toLowerCase())!;
  const amount = n * u.times;
  return u.unit === "hour"
    ? { amount: amount / HOURS_PER_DAY, unit: "day" }
    : { amount, unit: u.unit };
}

/** The number a match of {@link NUMBER_THEN_UNIT} states. */
function numberThenUnit(m: RegExpMatchArray): StatedAmount {
  const n = m[1] !== undefined
    ? Number(m[1].replaceAll(",", ""))
    : m[2] !== undefined
    ? wordNumber(m[2])
    : m[3] !== undefined
    ? 1
    : 0.5;
  const half = m[5] !== undefined || m[7] !== undefined ? 0.5 : 0;
  return amountOf(n + half, m[6]);
}

/**
 * The time amounts a passage states, in order (`data/README.md`, "Time amounts"): a number
 * before its unit ("2 weeks", "two-week", "twenty-one days", "a month", "the second month", "3rd
 * day", "12 h", "1 wk"), with a half ("half a year", "two and a half weeks", "a week and a
 * half"); an ordinal, one word and the unit ("the 3rd postoperative day"); a unit before its
 * number ("day 12", "week 7": day 12 is 12 days after day 0); or one unit said as "the next day",
 * "the following week", "the day after", or back as "the previous month", "the preceding week",
 * "the day before" (a time counted back from its anchor: rule `exact-before` and its kin). Numbers are digits as `statedNumbers` reads them, the
 * number words (`number_words.ts`), `a`/`an` for one, ordinals in words or digits ("3rd"). Units are
 * hours (h, hr, hrs), days (d), weeks (wk, wks), fortnights (2 weeks), months (mo, mos) and years
 * (y, yr, yrs); hours are given in days (24 hours is 1 day; there is no hour unit in
 * `timepoints.csv`).
 *
 * @param text A quote.
 * @returns Every amount found, each with its unit.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { statedAmounts } from "#lib/stated_amounts.ts";
 * assert.deepEqual(statedAmounts("Two weeks after, the pain was 6"), [{ amount: 2, unit: "week" }]);
 * assert.deepEqual(statedAmounts("within a week"), [{ amount: 1, unit: "week" }]);
 * assert.deepEqual(statedAmounts("half a year later"), [{ amount: 0.5, unit: "year" }]);
 * assert.deepEqual(statedAmounts("A fortnight later"), [{ amount: 2, unit: "week" }]);
 * assert.deepEqual(statedAmounts("twenty-one days"), [{ amount: 21, unit: "day" }]);
 * assert.deepEqual(statedAmounts("within 24 hours of amputation"), [{ amount: 1, unit: "day" }]);
 * assert.deepEqual(statedAmounts("on day 12 the pain VAS was 6.0"), [{ amount: 12, unit: "day" }]);
 * assert.deepEqual(statedAmounts("on the 3rd postoperative day"), [{ amount: 3, unit: "day" }]);
 * assert.deepEqual(statedAmounts("on the day after surgery"), [{ amount: 1, unit: "day" }]);
 * assert.deepEqual(statedAmounts("Two weeks before admission"), [{ amount: 2, unit: "week" }]);
 * assert.deepEqual(statedAmounts("over the previous month"), [{ amount: 1, unit: "month" }]);
 * assert.deepEqual(statedAmounts("on the day before surgery"), [{ amount: 1, unit: "day" }]);
 * assert.deepEqual(statedAmounts("for several days"), []);
 * ```
 */
export function statedAmounts(text: string): StatedAmount[] {
  const found: { at: number; amount: StatedAmount }[] = [];
  for (const m of text.matchAll(NUMBER_THEN_UNIT)) {
    found.push({ at: m.index, amount: numberThenUnit(m) });
  }
  for (const m of text.matchAll(ORDINAL_WORD_UNIT)) {
    const n = m[1] !== undefined ? Number(m[1].replaceAll(",", "")) : wordNumber(m[2]);
    found.push({ at: m.index, amount: amountOf(n, m[3]) });
  }
  for (const m of text.matchAll(UNIT_THEN_NUMBER)) {
    const n = m[2] !== undefined ? Number(m[2]) : wordNumber(m[3]);
    found.push({ at: m.index, amount: amountOf(n, m[1]) });
  }
  for (const m of text.matchAll(NEXT_UNIT)) {
    found.push({ at: m.index, amount: amountOf(1, m[1] ?? m[2]) });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.amount);
}

/** `n unit(s)`. */
const amountWords = ({ amount, unit }: StatedAmount) =>
  `${amount} ${unit}${amount === 1 ? "" : "s"}`;

/**
 * Checks that a quote states a time point's amount in its unit ({@link statedAmounts}): `null`
 * when it does, or when the amount is 0 (a point at its anchor, such as the same visit: no
 * number states it, and `words` say why); else which column is wrong (`unit` when the quote
 * states the amount in another unit, else `amount`) and a message naming the amounts it states,
 * or saying it states none.
 *
 * @param quote The row's quote.
 * @param amount The row's `amount`.
 * @param unit The row's `unit`.
 * @returns `null`, or the column and what is wrong.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { quoteStatesAmount } from "#lib/stated_amounts.ts";
 * assert.equal(quoteStatesAmount("Two weeks after, the pain was 6", 2, "week"), null);
 * assert.deepEqual(quoteStatesAmount("Two weeks after, the pain was 6", 3, "week"), {
 *   column: "amount",
 *   message: "amount is 3 weeks but the quote states 2 weeks",
 * });
 * assert.equal(quoteStatesAmount("one week after surgery", 10, "day")?.column, "amount");
 * assert.equal(quoteStatesAmount("one week after surgery", 1, "day")?.column, "unit");
 * assert.equal(quoteStatesAmount("the dose was increased", 0, "day"), null);
 * ```
 */
export function quoteStatesAmount(
  quote: string,
  amount: number,
  unit: AmountUnit,
): { column: "amount" | "unit"; message: string } | null {
  if (amount === 0 || quickStates(quote, amount, unit)) return null;
  const stated = statedAmounts(quote);
  const same = (a: StatedAmount) => Math.abs(a.amount - amount) <= 1e-9;
  if (stated.some((a) => same(a) && a.unit === unit)) return null;
  const row = amountWords({ amount, unit });
  if (stated.length === 0) {
    return {
      column: "amount",
      message: `amount is ${row} but the quote states no time amount (a number, a number word ` +
        "or 'a' with its unit: '2 weeks', 'a month', 'day 12'; data/README.md, \"Time amounts\")",
    };
  }
  return {
    column: stated.some(same) ? "unit" : "amount",
    message: `amount is ${row} but the quote states ${stated.map(amountWords).join(", ")}`,
  };
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isWordChar = (c: number) =>
  isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** Whether "and" follows `at` after spaces or hyphens: maybe "... and a half". */
function andAfter(quote: string, at: number): boolean {
  let i = at;
  while (/[\s\-\u2010\u2011]/.test(quote.charAt(i))) i++;
  return i > at && /^and\b/i.test(quote.slice(i, i + 4));
}

/**
 * A quick sufficient test that a quote states a whole `amount` of `unit` ("12 days", "day 12",
 * as typed in lower case), in the cases {@link statedAmounts} reads so; when false, it decides.
 * A table of a million time points is checked in a fraction of the time.
 */
function quickStates(quote: string, amount: number, unit: AmountUnit): boolean {
  if (!Number.isSafeInteger(amount)) return false;
  const n = String(amount);
  // "12 day" + "s"?: no digit, point or comma before; no word character after.
  const before = `${n} ${unit}`;
  for (let i = quote.indexOf(before); i >= 0; i = quote.indexOf(before, i + 1)) {
    const b = quote.charCodeAt(i - 1);
    if (isDigit(b) || b === 46 || b === 44) continue;
    let end = i + before.length;
    if (quote.charCodeAt(end) === 115) end++; // a plural s
    if (isWordChar(quote.charCodeAt(end))) continue;
    // "12 days and a half" states 12.5 days: left to statedAmounts.
    if (andAfter(quote, end)) continue;
    return true;
  }
  // "day 12": no word character before; no digit after, nor a point or comma and a digit.
  const after = `${unit} ${n}`;
  for (let i = quote.indexOf(after); i >= 0; i = quote.indexOf(after, i + 1)) {
    if (isWordChar(quote.charCodeAt(i - 1))) continue;
    const end = i + after.length;
    const next = quote.charCodeAt(end);
    if (isDigit(next)) continue;
    if ((next === 46 || next === 44) && isDigit(quote.charCodeAt(end + 1))) continue;
    return true;
  }
  return false;
}
