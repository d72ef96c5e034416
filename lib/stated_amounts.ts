/**
 * The time amounts a quote states ("Two weeks after", "within a week", "on day 12", "within 24
 * hours"), so that a time point's `amount` and `unit` are checked against its quote as pain
 * values and doses are (`data/README.md`, "Time amounts"). Written once, here.
 *
 * @module
 */
import { NUMBER_WORDS } from "./source.ts";

/** A unit a time point's amount may be in (`unit` in `timepoints.csv`). */
export type AmountUnit = "day" | "week" | "month" | "year";

/** A time amount a passage states: a number of units. */
export interface StatedAmount {
  /** How many units. */
  amount: number;
  /** The unit. */
  unit: AmountUnit;
}

/** The ordinal words that state their number ("the second month": 2 months). */
const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
};

/** `a` and `an` state one unit ("within a week", "A month later"). */
const ONE_WORDS: Readonly<Record<string, number>> = { a: 1, an: 1 };

/** Number words, ordinals and `a`/`an`, lower case, to their numbers. */
const WORDS: Readonly<Record<string, number>> = {
  ...NUMBER_WORDS,
  ...ORDINAL_WORDS,
  ...ONE_WORDS,
};

/** A number in digits as `statedNumbers` reads it (`1,200`, `6.6`), an ordinal suffix allowed. */
const DIGITS = String
  .raw`(?<![\d.,])(\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?)(?:st|nd|rd|th)?`;
const WORD_ALTS = Object.keys(WORDS).sort((a, b) => b.length - a.length).join("|");
const UNIT = "(hour|day|week|month|year)s?";

/** "2 weeks", "two-week", "a month", "the second month", "24 hours". */
const NUMBER_THEN_UNIT = new RegExp(
  String.raw`(?:${DIGITS}|\b(${WORD_ALTS}))[\s\-\u2010\u2011]+${UNIT}\b`,
  "gi",
);
/** "day 12", "week 7". */
const UNIT_THEN_NUMBER = new RegExp(
  String.raw`\b(hour|day|week|month|year)\s+(?:(\d+(?:\.\d+)?)(?![\d.,]*\d)|(${
    Object.keys(NUMBER_WORDS).join("|")
  })\b)`,
  "gi",
);
/** "the next day", "the following week", "the day after": one unit. */
const NEXT_UNIT =
  /\b(?:next|following)\s+(day|week|month|year)\b|\bthe\s+(day|week|month|year)\s+after\b/gi;

/** Hours are stated in days (the unit of `timepoints.csv` that holds them): 24 hours is 1 day. */
const HOURS_PER_DAY = 24;

/** The amount and unit of a number of `unit`s (hours as days). */
function amountOf(n: number, unit: string): StatedAmount {
  const u = unit.toLowerCase();
  return u === "hour"
    ? { amount: n / HOURS_PER_DAY, unit: "day" }
    : { amount: n, unit: u as AmountUnit };
}

/**
 * The time amounts a passage states, in order: a number before its unit (digits as
 * `statedNumbers` reads them, the number words zero to twelve, `a`/`an` for one, an ordinal:
 * "2 weeks", "two-week", "a month", "the second month", "3rd day"), a unit before its number
 * ("day 12", "week 7": day 12 is 12 days after day 0), or one unit said as "the next day", "the
 * following week", "the day after". Hours are given in days (24 hours is 1 day; there is no hour
 * unit in `timepoints.csv`).
 *
 * @param text A quote.
 * @returns Every amount found, each with its unit.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { statedAmounts } from "#lib/stated_amounts.ts";
 * assert.deepEqual(statedAmounts("Two weeks after, the pain was 6"), [{ amount: 2, unit: "week" }]);
 * assert.deepEqual(statedAmounts("within a week"), [{ amount: 1, unit: "week" }]);
 * assert.deepEqual(statedAmounts("within 24 hours of amputation"), [{ amount: 1, unit: "day" }]);
 * assert.deepEqual(statedAmounts("on day 12 the pain VAS was 6.0"), [{ amount: 12, unit: "day" }]);
 * assert.deepEqual(statedAmounts("on the day after surgery"), [{ amount: 1, unit: "day" }]);
 * assert.deepEqual(statedAmounts("for several days"), []);
 * ```
 */
export function statedAmounts(text: string): StatedAmount[] {
  const found: { at: number; amount: StatedAmount }[] = [];
  for (const m of text.matchAll(NUMBER_THEN_UNIT)) {
    const n = m[1] !== undefined ? Number(m[1].replaceAll(",", "")) : WORDS[m[2].toLowerCase()];
    found.push({ at: m.index, amount: amountOf(n, m[3]) });
  }
  for (const m of text.matchAll(UNIT_THEN_NUMBER)) {
    const n = m[2] !== undefined ? Number(m[2]) : NUMBER_WORDS[m[3].toLowerCase()];
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
    if (!isWordChar(quote.charCodeAt(end))) return true;
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
