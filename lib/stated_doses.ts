/**
 * The doses a quote states ("75 mg/day", "10–25 mg", "0.5 g a day"), so that a dose in mg/day
 * (`dose_mg_per_day`, `dose_hi_mg_per_day`, a label's range) is checked against its quote as a
 * dose, the number with its unit, not as any number of the quote (`data/README.md`, "Doses").
 * Written once, here.
 *
 * @module
 */
import { NUMBER_DIGITS, statedNumbers } from "./source.ts";
import { CARDINAL_WORD, wordNumber } from "./number_words.ts";

/** A dose a passage states: an amount of a mass unit, and what it is per. */
export interface StatedDose {
  /** The amount, in `unit`. */
  amount: number;
  /** The mass unit, as named here (`mcg` and `μg` are `µg`; words are their symbols). */
  unit: "mg" | "g" | "µg";
  /**
   * `day` when the passage states it per day or per nothing ("75 mg", "75 mg/day", "75 mg a
   * day", "10 mg/日"); else what else it is per ("kg", "h", "week"), or the frequency of a dose
   * taken several times a day ("three times a day", "twice daily", "b.i.d."): no daily dose.
   */
  per: string;
}

/** A number as `statedNumbers` reads it: digits (`1,200`, `6.6`) or a cardinal number word. */
const NUMBER = String.raw`(?:(?<![\d.,])(${NUMBER_DIGITS})|\b(${CARDINAL_WORD})\b)`;
/**
 * Between the two ends of a range: a dash, a tilde (`20~40mg`, `20～40mg`), "to", or "and" after
 * "between" ("between 10 and 20 mg"; a bare "and" joins two things: "day 3 and 20 mg").
 */
const RANGE = String
  .raw`(?:\s*[\-\u2010\u2011\u2012\u2013\u2014\u2212~\uFF5E\u301C]\s*|\s+to\s+|(?<=\bbetween\s+\S+)\s+and\s+)`;
/** The mass units, to their symbol. */
const UNITS: ReadonlyMap<string, StatedDose["unit"]> = new Map(
  ([
    [["mg", "milligram", "milligrams"], "mg"],
    [["g", "gram", "grams"], "g"],
    [["µg", "μg", "mcg", "microgram", "micrograms"], "µg"],
  ] as const).flatMap(([names, unit]) => names.map((u) => [u, unit] as const)),
);
const UNIT = String.raw`(${
  [...UNITS.keys()].sort((a, b) => b.length - a.length).join("|")
})(?![A-Za-z\u00B5\u03BC])`;
/** What the amount is per: "/day", "/kg", " per hour" (a group), or " a day" (another group). */
const PER = String
  .raw`(?:(?:\s*\/\s*|\s+per\s+)(\d+(?:\.\d+)?\s?[A-Za-z]+|[A-Za-z\u65E5]+|m2|m²)|\s+an?\s+([A-Za-z]+))`;
/** A dose taken several times a day: "three times a day", "twice daily", "b.i.d.", "every 8 h". */
const FREQUENCIES = [
  String
    .raw`(?:twice|thrice|(?:${CARDINAL_WORD}|\d+)\s+times)(?:\s+(?:a|per)\s+day|\s+daily)?`,
  String.raw`every\s+(?:\d+|${CARDINAL_WORD})\s*(?:hours|hour|hrs|hr|h)\b`,
  String.raw`q\.?\s?\d+\s?h\b`,
  String.raw`(?:b\.i\.d|t\.i\.d|q\.i\.d)\.?`,
  String.raw`(?:bid|tid|qid)\b`,
].join("|");
const SEVERAL = String.raw`(?:,?\s+(${FREQUENCIES}))`;
/** Whether a dose's `per` is a frequency of several doses a day. */
const IS_FREQUENCY = new RegExp(`^(?:${FREQUENCIES})$`, "i");

const DOSE = new RegExp(
  `${NUMBER}(?:${RANGE}${NUMBER})?[\\s\\-\\u2010\\u2011]?${UNIT}(?:${PER})?(?:${SEVERAL})?`,
  "gi",
);

/** What a dose is per day by ("/day", "/d", "/日", "/24 h"); any other is another unit ("/12 h"). */
const DAY = new Set(["day", "d", "日", "24 h", "24 hours", "24 hr", "24 hrs", "24h", "24hrs"]);
/** After "a"/"an", the words that say what a dose is per ("25 mg a day"); others only follow it. */
const PER_A = new Set(["day", "week", "month", "hour", "kg"]);

/** The number of a match's digits or number word. */
const numberOf = (digits: string | undefined, word: string | undefined): number =>
  digits !== undefined ? Number(digits.replaceAll(",", "")) : wordNumber(word!);

/**
 * The doses a passage states, in order (`data/README.md`, "Doses"): a number followed by a mass
 * unit (mg, g, µg or mcg, or their names), with or without what it is per ("/day", "per day", "a
 * day", "/kg", "/h"); both ends of a range whose upper end carries the unit ("12.5–200 mg/day",
 * "10 to 20 mg", "20~40mg", "between 10 and 20 mg"). A dose followed by a frequency of several
 * doses a day ("50 mg three times a day") is per that frequency, not per day. Numbers are read as `statedNumbers` reads
 * them.
 *
 * @param text A quote.
 * @returns Every dose found, in order.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { statedDoses } from "#lib/stated_doses.ts";
 * assert.deepEqual(statedDoses("Six days after the accident, paroxetine 10 mg/day"), [
 *   { amount: 10, unit: "mg", per: "day" },
 * ]);
 * assert.deepEqual(statedDoses("10–25 mg/day at bedtime").map((d) => d.amount), [10, 25]);
 * assert.deepEqual(statedDoses("0.5 g a day"), [{ amount: 0.5, unit: "g", per: "day" }]);
 * assert.deepEqual(statedDoses("fentanyl 25 µg/h"), [{ amount: 25, unit: "µg", per: "h" }]);
 * assert.equal(statedDoses("50 mg three times a day")[0].per, "three times a day");
 * assert.deepEqual(statedDoses("she still rated the pain 8 on the NRS"), []);
 * ```
 */
export function statedDoses(text: string): StatedDose[] {
  const out: StatedDose[] = [];
  for (const m of text.matchAll(DOSE)) {
    const unit = UNITS.get(m[5]) ?? UNITS.get(m[5].toLowerCase())!;
    const slash = m[6]?.toLowerCase();
    const a = m[7]?.toLowerCase();
    const per = m[8] !== undefined
      ? m[8].replace(/\s+/g, " ")
      : slash !== undefined && !DAY.has(slash)
      ? slash
      : a !== undefined && a !== "day" && PER_A.has(a)
      ? a
      : "day";
    out.push({ amount: numberOf(m[1], m[2]), unit, per });
    if (m[3] !== undefined || m[4] !== undefined) {
      out.push({ amount: numberOf(m[3], m[4]), unit, per });
    }
  }
  return out;
}

/** `n unit/per` as the message names a stated dose ("10 mg/day", "50 mg three times a day"). */
const doseWords = ({ amount, unit, per }: StatedDose) =>
  `${amount} ${unit}${IS_FREQUENCY.test(per) ? " " : "/"}${per}`;

/**
 * Checks that a quote states a dose in mg/day ({@link statedDoses}): `null` when one of its doses
 * is the value in mg per day (or per nothing); else a message saying what the quote states: its
 * doses, or that it states none (its numbers then are not doses, and a dose the text does not
 * state is left empty), with the rule for a dose in another unit or per dose with a frequency
 * (both cells empty, the words in `dose_words`: `data/README.md`, "Doses").
 *
 * @param quote The row's quote.
 * @param value The row's dose, in mg/day.
 * @param what The column the value is in, for the message.
 * @returns `null`, or what is wrong.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { quoteStatesDose } from "#lib/stated_doses.ts";
 * assert.equal(quoteStatesDose("paroxetine 10 mg/day was started", 10, "dose_mg_per_day"), null);
 * assert.equal(quoteStatesDose("Amitriptyline 10–25 mg/day", 10, "dose_mg_per_day"), null);
 * assert.match(
 *   quoteStatesDose("she rated the pain 8 on the NRS", 8, "dose_mg_per_day")!,
 *   /^dose_mg_per_day is 8 but the quote states no dose .*only the number 8.*leave/,
 * );
 * assert.match(
 *   quoteStatesDose("tramadol 50 mg three times a day", 50, "dose_mg_per_day")!,
 *   /states 50 mg three times a day/,
 * );
 * ```
 */
export function quoteStatesDose(quote: string, value: number, what: string): string | null {
  if (quickStates(quote, value)) return null;
  const doses = statedDoses(quote);
  const same = (d: StatedDose) => Math.abs(d.amount - value) <= 1e-9;
  if (doses.some((d) => same(d) && d.unit === "mg" && d.per === "day")) return null;
  const head = `${what} is ${value} but the quote states`;
  const empty = "leave both dose cells empty, 'dose not stated' (data/README.md, \"Doses\")";
  if (doses.length === 0) {
    const numbers = statedNumbers(quote);
    return `${head} no dose (a number with its unit: '75 mg/day', '10–25 mg'), ${
      numbers.length === 0
        ? "no number at all"
        : `only the number${numbers.length === 1 ? "" : "s"} ${numbers.join(", ")}`
    }; where the text states no dose, ${empty}`;
  }
  const other = doses.some((d) => d.unit !== "mg" || d.per !== "day");
  return `${head} ${doses.map(doseWords).join(", ")}${
    other
      ? "; a dose in another unit or per dose taken several times a day is not converted to " +
        "mg/day: leave both dose cells empty and keep its words in dose_words (data/README.md, " +
        '"Doses")'
      : ""
  }`;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * A quick sufficient test that a quote states `value` as "<value> mg/day" (as typed, with or
 * without a space, nothing but a digit-free boundary before it and no letter after), the form
 * most rows use; when false, {@link statedDoses} decides.
 */
function quickStates(quote: string, value: number): boolean {
  if (!(value > 0) || !Number.isFinite(value) || value >= 1e21) return false;
  const n = String(value);
  for (let i = quote.indexOf(n); i >= 0; i = quote.indexOf(n, i + 1)) {
    const b = quote.charCodeAt(i - 1);
    if (isDigit(b) || b === 46 || b === 44) continue;
    let end = i + n.length;
    if (quote.charCodeAt(end) === 32) end++;
    if (!quote.startsWith("mg/day", end)) continue;
    const after = quote.charCodeAt(end + 6);
    if ((after >= 65 && after <= 90) || (after >= 97 && after <= 122)) continue;
    // "10–25 mg/day" states 25 too, but "1,200" or "0.5" must not be read from their tail.
    return true;
  }
  return false;
}
