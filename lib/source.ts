/**
 * Provenance: finding a row's quote in its own article's text, and the numbers a quote states.
 * The articles themselves are data (`data/sources.csv`, `data/sources/<id>.txt`); the loader
 * applies these checks to every quote of every table.
 *
 * @module
 */
import { CARDINAL_WORD, NOT_COMPOUNDED, wordNumber } from "./number_words.ts";

/**
 * Normalises text extracted from a PDF so that quotes can be found in it: joins words split by
 * a line-break hyphen ("sertra-\n\nline" → "sertraline") and folds every run of white space into
 * one space. Apply it to both the source and the quote.
 *
 * @param text Source text or quote.
 * @returns The normalised text.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { normalizeSourceText } from "#lib/mod.ts";
 * assert.equal(
 *   normalizeSourceText("the dose of sertra-\n\nline was  increased"),
 *   "the dose of sertraline was increased",
 * );
 * ```
 */
export function normalizeSourceText(text: string): string {
  // Every run of white space becomes one space; a lone space is left as it is (the same result as
  // replacing /\s+/, several times faster on prose, where most runs are one space).
  return text.replace(/-[ \t]*\r?\n\s*/g, "").replace(/ \s+|[^\S ]\s*/g, " ").trim();
}

/**
 * A number in digits as the project reads one (the source of a regular expression, no group):
 * thousands separated by commas (`1,200`), an optional decimal part (`6.6`). Every reader of
 * numbers in quotes (values, doses, time amounts) builds on it.
 */
export const NUMBER_DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?`;

/** A number in digits, or a cardinal number word (`number_words.ts`). */
const STATED_NUMBER = new RegExp(
  String.raw`(${NUMBER_DIGITS})|\b(${CARDINAL_WORD})\b${NOT_COMPOUNDED}`,
  "gi",
);

/**
 * The numbers a passage states, in order, each a whole token: digits with an optional decimal
 * part (`6.6` gives 6.6 alone; `0–1.0` gives 0 and 1), thousands separated by commas (`1,200`
 * gives 1200), and the cardinal number words zero to ninety-nine (`number_words.ts`: "Six days"
 * gives 6, "twenty-one days" 21).
 *
 * @param text A quote.
 * @returns Every number found, in order of appearance.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { statedNumbers } from "#lib/mod.ts";
 * assert.deepEqual(statedNumbers("Six days after the accident, sertraline 10 mg/day"), [6, 10]);
 * assert.deepEqual(statedNumbers("pain VAS 0–1.0"), [0, 1]);
 * assert.deepEqual(statedNumbers("1,200 mg/day for 12 days"), [1200, 12]);
 * assert.deepEqual(statedNumbers("Twenty-one days later, VAS five"), [21, 5]);
 * // An ordinal is no number of it: "twenty-first" is not 20.
 * assert.deepEqual(statedNumbers("on the twenty-first day, forty-something"), []);
 * ```
 */
export function statedNumbers(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(STATED_NUMBER)) {
    if (m[1] !== undefined) out.push(Number(m[1].replaceAll(",", "")));
    else out.push(wordNumber(m[2]));
  }
  return out;
}

/**
 * Checks that a quote states a row's value as one of its number tokens ({@link statedNumbers}:
 * whole tokens, so `6.6` does not state 6): `null` when it does, else a message naming the
 * numbers it does state, or saying it states none (a value stated only in words needs a
 * words-to-number rule, `quotes.ts`, which the caller applies instead). A dose is checked as a dose,
 * with its unit, by `quoteStatesDose` (`stated_doses.ts`), not here.
 *
 * @param quote The row's quote.
 * @param value The row's value.
 * @param what The column the value is in, for the message.
 * @param source What the text is, for the message (default "the quote"; e.g. "its value_words").
 * @returns `null`, or what is wrong.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { quoteStatesValue } from "#lib/mod.ts";
 * assert.equal(quoteStatesValue("pain VAS 6.6", 6.6, "value_nominal"), null);
 * assert.equal(
 *   quoteStatesValue("pain VAS 6.6", 6.7, "value_nominal"),
 *   "value_nominal is 6.7 but the quote states 6.6",
 * );
 * assert.match(quoteStatesValue("the pain eased", 9.9, "value_nominal")!, /states no number/);
 * assert.equal(
 *   quoteStatesValue("pain VAS 6.6", 7, "value_nominal", "its value_words"),
 *   "value_nominal is 7 but its value_words state 6.6",
 * );
 * ```
 */
export function quoteStatesValue(
  quote: string,
  value: number,
  what: string,
  source = "the quote",
): string | null {
  const stated = statedNumbers(quote);
  if (stated.some((n) => Math.abs(n - value) <= 1e-9)) return null;
  // "the quote states", "its value_words state": the verb agrees with a plural source.
  const states = source.endsWith("s") ? "state" : "states";
  if (stated.length === 0) {
    return `${what} is ${value} but ${source} ${states} no number (in digits or number words); ` +
      "a value stated only in words needs a words-to-number rule (data/README.md)";
  }
  return `${what} is ${value} but ${source} ${states} ${stated.join(", ")}`;
}
