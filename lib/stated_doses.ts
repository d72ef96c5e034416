/**
 * The doses a quote states ("75 mg/day", "10–25 mg", "0.5 g a day"), so that a dose in mg/day
 * (`dose_mg_per_day`, `dose_hi_mg_per_day`, a label's range) is checked against its quote as a
 * dose, the number with its unit, not as any number of the quote (`data/README.md`, "Doses").
 * Written once, here.
 *
 * @module
 */
import { NUMBER_DIGITS, statedNumbers } from "./source.ts";
import { CARDINAL_WORD, NOT_COMPOUNDED, wordNumber } from "./number_words.ts";

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
  /**
   * Set on the two ends of a range ("10–20 mg/day", "between 10 and 20 mg"): `from` on the end
   * written first, `to` on the other. Two doses joined by "to" after "from" ("increased from 10
   * to 20 mg/day") are a change of dose, not a range: each is a dose, with no `range`.
   */
  range?: "from" | "to";
}

/** A number as `statedNumbers` reads it: digits (`1,200`, `6.6`) or a cardinal number word. */
const NUMBER = String
  .raw`(?:(?<![\d.,])(${NUMBER_DIGITS})|\b(${CARDINAL_WORD})\b${NOT_COMPOUNDED})`;
/** The characters that join the two ends of a range: dashes and tildes (`20~40mg`, `20～40mg`). */
const DASHES = String.raw`\-\u2010\u2011\u2012\u2013\u2014\u2212~\uFF5E\u301C`;
/** The mass units, to their symbol. */
const UNITS: ReadonlyMap<string, StatedDose["unit"]> = new Map(
  ([
    [["mg", "milligram", "milligrams"], "mg"],
    [["g", "gram", "grams"], "g"],
    [["µg", "μg", "mcg", "microgram", "micrograms"], "µg"],
  ] as const).flatMap(([names, unit]) => names.map((u) => [u, unit] as const)),
);
/** A mass unit (no group). */
const UNIT_NAME = String.raw`(?:${
  [...UNITS.keys()].sort((a, b) => b.length - a.length).join("|")
})(?![A-Za-z\u00B5\u03BC])`;
const UNIT = `(${UNIT_NAME})`;
/**
 * Between the two ends of a range, the first end's unit, if written, before it ("10 mg to 20
 * mg"): a dash or a tilde, "to", or "and" after "between" and a number ("between 10 and 20 mg",
 * "between ten mg and twenty mg"; a bare "and" joins two things: "day 3 and 20 mg", and so does
 * one after "between" and a word: "between day 3 and 20 mg").
 */
const RANGE = String.raw`(?:\s?${UNIT_NAME})?(?:\s*[${DASHES}]\s*|\s+to\s+|(?<=\bbetween\s+` +
  String.raw`(?:${NUMBER_DIGITS}|${CARDINAL_WORD})(?:\s?${UNIT_NAME})?)\s+and\s+)`;
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

/**
 * "from" right before a dose: "from 10 to 20 mg/day" is a change of dose, not a range, unless a
 * range is said ("ranging from 10 to 20 mg/day", "a range from …").
 */
const FROM_BEFORE = /(?<!\brang(?:e|es|ed|ing)\s+)\bfrom\s+$/i;

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
 * assert.deepEqual(statedDoses("Six days after the accident, drug-a 10 mg/day"), [
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
    if (m[3] === undefined && m[4] === undefined) {
      out.push({ amount: numberOf(m[1], m[2]), unit, per });
    } else if (/\sto\s/i.test(m[0]) && FROM_BEFORE.test(text.slice(0, m.index))) {
      out.push({ amount: numberOf(m[1], m[2]), unit, per });
      out.push({ amount: numberOf(m[3], m[4]), unit, per });
    } else {
      out.push({ amount: numberOf(m[1], m[2]), unit, per, range: "from" });
      out.push({ amount: numberOf(m[3], m[4]), unit, per, range: "to" });
    }
  }
  return out;
}

/** `n unit/per` as the message names a stated dose ("10 mg/day", "50 mg three times a day"). */
const doseWords = ({ amount, unit, per }: StatedDose) =>
  `${amount} ${unit}${IS_FREQUENCY.test(per) ? " " : "/"}${per}`;

/** The doses as a message names them, the two ends of a range as one ("a range 10–20 mg/day"). */
function dosesWords(doses: readonly StatedDose[]): string {
  const out: string[] = [];
  for (let i = 0; i < doses.length; i++) {
    const d = doses[i];
    if (d.range === "from" && doses[i + 1]?.range === "to") {
      out.push(`a range ${d.amount}–${doseWords(doses[++i])}`);
    } else out.push(doseWords(d));
  }
  return out.join(", ");
}

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
 * assert.equal(quoteStatesDose("drug-a 10 mg/day was started", 10, "dose_mg_per_day"), null);
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
  return `${head} ${dosesWords(doses)}${
    other
      ? "; a dose in another unit or per dose taken several times a day is not converted to " +
        "mg/day: leave both dose cells empty and keep its words in dose_words (data/README.md, " +
        '"Doses")'
      : ""
  }`;
}

/**
 * A quick necessary test for a range: a quote with none of the characters or words that join the
 * two ends of one ({@link RANGE}) states none, whatever {@link statedDoses} would read.
 */
const MAY_JOIN_RANGE = new RegExp(String.raw`[${DASHES}]|\sto\s|\sand\s`, "i");

/**
 * The range a quote states in mg/day, when the doses it states in mg/day ({@link statedDoses}:
 * in mg, per day or per nothing) are exactly the two ends of one range ("between 10 and 20 mg a
 * day", "10–25 mg/day"), its lower and upper end; else null (a single dose, two doses that are not
 * one range, "from 10 to 20 mg/day", which is a change of dose, or a range and another dose).
 *
 * @param quote A quote.
 * @returns The range's ends, lower first, or null.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { statedDoseRange } from "#lib/stated_doses.ts";
 * assert.deepEqual(statedDoseRange("started at between 10 and 20 mg a day"), { lo: 10, hi: 20 });
 * assert.equal(statedDoseRange("increased from 10 to 20 mg/day"), null);
 * assert.equal(statedDoseRange("10–20 mg/day, then 30 mg/day"), null);
 * ```
 */
export function statedDoseRange(quote: string): { lo: number; hi: number } | null {
  if (!MAY_JOIN_RANGE.test(quote)) return null;
  const doses = statedDoses(quote).filter((d) => d.unit === "mg" && d.per === "day");
  if (doses.length !== 2 || doses[0].range !== "from" || doses[1].range !== "to") return null;
  const [a, b] = [doses[0].amount, doses[1].amount];
  return a === b ? null : { lo: Math.min(a, b), hi: Math.max(a, b) };
}

/** A dose cell of a row: its column and its value in mg/day (`null`: empty). */
export interface DoseCell {
  /** The column, for the message (`dose_mg_per_day`, `max_mg_per_day`). */
  column: string;
  /** Its value, mg/day; `null` when the cell is empty. */
  value: number | null;
}

/**
 * Checks a row's pair of dose cells (the lower dose or single dose, and the upper end of a range)
 * against its quote, the one rule for doses (`data/README.md`, "Doses"): each value given must be a
 * dose the quote states ({@link quoteStatesDose}); and when the doses the quote states in mg/day
 * are exactly the two ends of one range ({@link statedDoseRange}), a row that gives a dose must
 * give both, the lower end in `low` and the upper in `high`: "between 10 and 20 mg a day" typed
 * as 10 alone would say 10 mg/day. Rows with both cells empty are not checked here.
 *
 * @param quote The row's quote.
 * @param low The lower (or single) dose's cell.
 * @param high The upper end's cell.
 * @returns The problems, each with the column it is at (none: empty).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { doseCellsProblems } from "#lib/stated_doses.ts";
 * const quote = "Amitriptyline was started at between 10 and 20 mg a day";
 * const lo = { column: "dose_mg_per_day", value: 10 };
 * assert.deepEqual(doseCellsProblems(quote, lo, { column: "dose_hi_mg_per_day", value: 20 }), []);
 * const [p] = doseCellsProblems(quote, lo, { column: "dose_hi_mg_per_day", value: null });
 * assert.equal(p.column, "dose_hi_mg_per_day");
 * assert.match(p.message, /a range 10–20 mg\/day: dose_mg_per_day 10, dose_hi_mg_per_day 20/);
 * ```
 */
export function doseCellsProblems(
  quote: string,
  low: DoseCell,
  high: DoseCell,
): { column: string; message: string }[] {
  if (low.value === null && high.value === null) return [];
  const out: { column: string; message: string }[] = [];
  for (const { column, value } of [low, high]) {
    const problem = value === null ? null : quoteStatesDose(quote, value, column);
    if (problem !== null) out.push({ column, message: problem });
  }
  if (out.length > 0) return out;
  const range = statedDoseRange(quote);
  if (range === null) return [];
  const same = (v: number | null, w: number) => v !== null && Math.abs(v - w) <= 1e-9;
  const wrong = !same(low.value, range.lo) ? low : !same(high.value, range.hi) ? high : null;
  if (wrong === null) return [];
  return [{
    column: wrong.column,
    message: `${wrong.column} is ${wrong.value ?? "empty"} but the quote states a range ` +
      `${range.lo}–${range.hi} mg/day: ${low.column} ${range.lo}, ${high.column} ${range.hi} ` +
      '(a range gives both ends: data/README.md, "Doses")',
  }];
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
