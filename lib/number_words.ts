/**
 * The number words a quote may state a number by, written once for every reader of numbers in
 * quotes (`data/README.md`, "Numbers"): pain values and other values (`source.ts`), doses
 * (`stated_doses.ts`) and time amounts (`stated_amounts.ts`). Cardinals from zero to ninety-nine,
 * a compound joined by a space or a hyphen ("twenty-one", "twenty one"); ordinals from first to
 * ninety-ninth ("third", "twenty-first"), read only where an ordinal counts units of time ("the
 * third day"). Case is ignored.
 *
 * @module
 */

/** Cardinal number words below twenty, index their number ("nineteen days"). */
const SMALL: readonly string[] = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
/** Ordinal words below twentieth, index + 1 their number ("the third day": 3). */
const SMALL_ORDINALS: readonly string[] = [
  "first",
  "second",
  "third",
  "fourth",
  "fifth",
  "sixth",
  "seventh",
  "eighth",
  "ninth",
  "tenth",
  "eleventh",
  "twelfth",
  "thirteenth",
  "fourteenth",
  "fifteenth",
  "sixteenth",
  "seventeenth",
  "eighteenth",
  "nineteenth",
];
/** The tens from twenty, index + 2 their number of tens ("thirty"; "twenty-one"). */
const TENS: readonly string[] = [
  "twenty",
  "thirty",
  "forty",
  "fifty",
  "sixty",
  "seventy",
  "eighty",
  "ninety",
];
/** The tens' ordinals ("the thirtieth day"). */
const TENS_ORDINALS: readonly string[] = TENS.map((t) => t.replace(/y$/, "ieth"));

/** Each number word, lower case, to its number: a compound is the sum of its words. */
const WORD_VALUE: ReadonlyMap<string, number> = new Map([
  ...SMALL.map((w, i): [string, number] => [w, i]),
  ...SMALL_ORDINALS.map((w, i): [string, number] => [w, i + 1]),
  ...TENS.map((w, i): [string, number] => [w, 10 * (i + 2)]),
  ...TENS_ORDINALS.map((w, i): [string, number] => [w, 10 * (i + 2)]),
]);

/** Alternatives, longest first (so that "seventeen" is not read as "seven"). */
const alts = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).join("|");

/** A space or a hyphen between words ("two-week", "twenty-one"): the source of a regex. */
export const WORD_SEPARATOR = String.raw`[\s\-\u2010\u2011]+`;
const ONES = alts(SMALL.slice(1, 10));
const ONES_ORDINAL = alts(SMALL_ORDINALS.slice(0, 9));

/**
 * A cardinal number word, zero to ninety-nine: "six", "twenty", "twenty-one", "thirty one". The
 * source of a regular expression without groups, to be matched case-insensitively between word
 * boundaries.
 */
export const CARDINAL_WORD = String.raw`(?:(?:${alts(TENS)})(?:${WORD_SEPARATOR}(?:${ONES}))?|${
  alts(SMALL)
})`;

/** An ordinal word, first to ninety-ninth: "third", "twentieth", "twenty-first" (as above). */
export const ORDINAL_WORD = String.raw`(?:(?:${alts(TENS)})${WORD_SEPARATOR}(?:${ONES_ORDINAL})|${
  alts([...TENS_ORDINALS, ...SMALL_ORDINALS])
})`;

/**
 * After a cardinal number word read alone: not the first half of a compound it does not list
 * ("twenty-first" is an ordinal, "forty-something" no number), the source of a lookahead.
 */
export const NOT_COMPOUNDED = String.raw`(?![\-\u2010\u2011][A-Za-z])`;

/** A number word, ordinal or cardinal (the ordinal first, so "twenty-first" is not "twenty"). */
export const NUMBER_WORD = String.raw`(?:${ORDINAL_WORD}|${CARDINAL_WORD})`;

/**
 * The number a number word states: a match of {@link CARDINAL_WORD}, {@link ORDINAL_WORD} or
 * {@link NUMBER_WORD}, in any case.
 *
 * @param words The word or compound.
 * @returns Its number.
 * @throws {RangeError} When `words` is not a number word.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { wordNumber } from "#lib/number_words.ts";
 * assert.equal(wordNumber("Six"), 6);
 * assert.equal(wordNumber("twenty-one"), 21);
 * assert.equal(wordNumber("thirty one"), 31);
 * assert.equal(wordNumber("twenty-first"), 21);
 * assert.throws(() => wordNumber("several"), RangeError);
 * ```
 */
export function wordNumber(words: string): number {
  let n = 0;
  for (const w of words.toLowerCase().split(new RegExp(WORD_SEPARATOR))) {
    const v = WORD_VALUE.get(w);
    if (v === undefined) throw new RangeError(`'${words}' is not a number word`);
    n += v;
  }
  return n;
}
