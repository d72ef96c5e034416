/**
 * The rules a quote must follow to count as the source of a row: long enough to be found in one
 * place only, found in its article's text where it starts and ends at a word and number boundary,
 * and, for a numeric value, stating that value as a number token of its own (or in words that a
 * documented words-to-number rule turns into it). Documented in `data/README.md` ("Quotes").
 *
 * @module
 */
import { distance } from "fastest-levenshtein";

/** A quote of at least this many characters (after white space is folded) is long enough. */
export const MIN_QUOTE_CHARS = 12;

/** A shorter quote is long enough when it has at least this many words. */
export const MIN_QUOTE_WORDS = 3;

/**
 * What is wrong with a quote too short to locate its statement (fewer than
 * {@link MIN_QUOTE_CHARS} characters and fewer than {@link MIN_QUOTE_WORDS} words), or null.
 *
 * @param quote The quote, white space folded.
 * @returns A message, or null.
 * @example
 * ```ts
 * import { shortQuote } from "#lib/quotes.ts";
 * if (shortQuote("a") === null) throw new Error("a one-letter quote passed");
 * if (shortQuote("osteosarcoma") !== null) throw new Error("12 characters is enough");
 * if (shortQuote("VAS 6 cm") !== null) throw new Error("3 words are enough");
 * ```
 */
export function shortQuote(quote: string): string | null {
  if (quote.length >= MIN_QUOTE_CHARS) return null;
  let words = quote.length > 0 ? 1 : 0;
  for (let i = quote.indexOf(" "); i >= 0; i = quote.indexOf(" ", i + 1)) words++;
  if (words >= MIN_QUOTE_WORDS) return null;
  return `quote too short to locate what it states: at least ${MIN_QUOTE_CHARS} characters or ` +
    `${MIN_QUOTE_WORDS} words (data/README.md)`;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Whether a character code is a letter or digit (ASCII fast, the rest by Unicode class). */
function isWordChar(c: number): boolean {
  if (c < 128) return isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORD.test(String.fromCharCode(c));
}
const WORD = /[\p{L}\p{N}]/u;

/**
 * Whether `text[at, at + length)` starts and ends at a boundary: not inside a word or a number.
 * A quote that begins or ends with a letter or digit must not have one beside it in the text,
 * and one that begins or ends with a digit must not continue a number there (`6` is not at a
 * boundary in `6.6`, nor in `1,6`).
 */
function atBoundary(text: string, at: number, length: number): boolean {
  const first = text.charCodeAt(at);
  const last = text.charCodeAt(at + length - 1);
  const before = text.charCodeAt(at - 1); // NaN at the start
  const after = text.charCodeAt(at + length); // NaN at the end
  if (isWordChar(first) && before === before && isWordChar(before)) return false;
  if (isWordChar(last) && after === after && isWordChar(after)) return false;
  if (isDigit(first) && (before === 46 || before === 44) && isDigit(text.charCodeAt(at - 2))) {
    return false;
  }
  if (
    isDigit(last) && (after === 46 || after === 44) && isDigit(text.charCodeAt(at + length + 1))
  ) {
    return false;
  }
  return true;
}

/**
 * Where `quote` stands in `text` at a boundary ({@link atBoundary}): the first such place at or
 * after `from`, else the first from the start; -1 when there is none.
 *
 * @param text The source text (white space folded).
 * @param quote The quote (white space folded).
 * @param from Where to look first.
 * @returns Its index, or -1.
 * @example
 * ```ts
 * import { findQuote } from "#lib/quotes.ts";
 * if (findQuote("pain VAS 6.6 at week 7", "pain VAS 6") !== -1) throw new Error("inside 6.6");
 * if (findQuote("pain VAS 6.6 at week 7", "pain VAS 6.6") !== 0) throw new Error("not found");
 * ```
 */
export function findQuote(text: string, quote: string, from = 0): number {
  if (quote.length === 0) return -1;
  for (let at = text.indexOf(quote, from); at >= 0; at = text.indexOf(quote, at + 1)) {
    if (atBoundary(text, at, quote.length)) return at;
  }
  if (from === 0) return -1;
  for (let at = text.indexOf(quote); at >= 0 && at < from; at = text.indexOf(quote, at + 1)) {
    if (atBoundary(text, at, quote.length)) return at;
  }
  return -1;
}

/**
 * Words that say there is no pain at all, the one list of them (lower case): the value rule
 * `no-pain` reads a quote with one of them as 0 ({@link WORDS_TO_NUMBER}), and a claim's words of
 * relief (`claims/relief.ts`) as absolute, or qualified after "almost", "nearly"... ("almost
 * pain-free"), so that a word means the same in the data and in a claim.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { NO_PAIN_WORDS, WORDS_TO_NUMBER } from "#lib/quotes.ts";
 * assert.ok(NO_PAIN_WORDS.includes("pain-free"));
 * assert.ok(NO_PAIN_WORDS.every((w) => WORDS_TO_NUMBER["no-pain"].words.includes(w)));
 * ```
 */
export const NO_PAIN_WORDS: readonly string[] = Object.freeze([
  "no pain",
  "pain-free",
  "free of pain",
  "painless",
]);

/**
 * The words-to-number rules: a value rule named here lets a row's value stand for words with no
 * number in its quote. Each gives the value its words mean and the words (lower case, any one of
 * them in the quote) that state it.
 *
 * @example
 * ```ts
 * import { WORDS_TO_NUMBER } from "#lib/quotes.ts";
 * if (WORDS_TO_NUMBER["no-pain"].value !== 0) throw new Error();
 * ```
 */
export const WORDS_TO_NUMBER: Readonly<
  Record<string, { value: number; words: readonly string[] }>
> = Object.freeze({
  "no-pain": Object.freeze({
    value: 0,
    // The words of no pain, and an adverb of completeness with a word of relief (which claims
    // read as absolute too: `claims/relief.ts`).
    words: Object.freeze([
      ...NO_PAIN_WORDS,
      "completely disappeared",
      "completely resolved",
    ]),
  }),
});

/**
 * Whether `text` holds the words of a words-to-number rule ({@link WORDS_TO_NUMBER}), read as the
 * rule reads a quote (any one of its words, in any case): the one test of those words, used by the
 * value rule (`wordsRuleProblem`) and by rounding, which does not widen a value its words state
 * this way (`lib/rounding.ts`: "completely disappeared (pain VAS 0)" is 0, not [0, 0.5]).
 *
 * @param rule The rule's name (a key of {@link WORDS_TO_NUMBER}); an unknown rule holds no words.
 * @param text A quote, or a value's words.
 * @returns Whether one of the rule's words is in it.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { statesByWords } from "#lib/quotes.ts";
 * assert.ok(statesByWords("no-pain", "the pain had Completely disappeared (pain VAS 0)"));
 * assert.ok(!statesByWords("no-pain", "the pain eased (pain VAS 2.0)"));
 * // Qualified or negated, the words say there is some pain.
 * assert.ok(!statesByWords("no-pain", "he felt almost no pain (VAS 0)"));
 * assert.ok(!statesByWords("no-pain", "the pain had not completely disappeared"));
 * assert.ok(!statesByWords("no-such-rule", "no pain"));
 * ```
 */
export function statesByWords(rule: string, text: string): boolean {
  const r = Object.hasOwn(WORDS_TO_NUMBER, rule) ? WORDS_TO_NUMBER[rule] : undefined;
  const lower = text.toLowerCase();
  return r !== undefined && r.words.some((w) => {
    for (let at = lower.indexOf(w); at >= 0; at = lower.indexOf(w, at + 1)) {
      // At the start of a word ("no pain" is not in "piano pain"), and not unsaid by the word
      // before it: "almost no pain", "not completely disappeared", "hasn't completely resolved".
      if (at > 0 && WORD.test(lower[at - 1])) continue;
      const before = /([\p{L}\p{N}'’]+)[\s-]+$/u.exec(lower.slice(0, at))?.[1] ?? "";
      if (!UNSAYING.has(before) && !/n['’]t$/.test(before)) return true;
    }
    return false;
  });
}

/**
 * Words that, just before a word of no pain, say there is some: the qualifiers a claim's words of
 * relief read as "qualified" (`claims/relief.ts`: "almost no pain", "nearly pain-free") and the
 * negations ("not completely disappeared", "never pain-free").
 */
export const NO_PAIN_QUALIFIERS: readonly string[] = Object.freeze([
  "almost",
  "nearly",
  "near",
  "virtually",
  "practically",
]);

/** The qualifiers and negations that unsay a word of no pain ({@link statesByWords}). */
const UNSAYING: ReadonlySet<string> = new Set([
  ...NO_PAIN_QUALIFIERS,
  "hardly",
  "not",
  "never",
  "nor",
]);

/**
 * What is wrong with a value under a words-to-number rule, or null: the rule's words must be in
 * the quote and the value must be the rule's.
 *
 * @param rule The rule's name (a key of {@link WORDS_TO_NUMBER}).
 * @param quote The row's quote.
 * @param value The row's value.
 * @param what The column the value is in, for the message.
 * @returns A message, or null.
 * @example
 * ```ts
 * import { wordsRuleProblem } from "#lib/quotes.ts";
 * if (wordsRuleProblem("no-pain", "the pain had completely disappeared", 0, "value_nominal") !== null) {
 *   throw new Error();
 * }
 * if (wordsRuleProblem("no-pain", "the pain eased", 0, "value_nominal") === null) throw new Error();
 * ```
 */
export function wordsRuleProblem(
  rule: string,
  quote: string,
  value: number,
  what: string,
): string | null {
  const r = WORDS_TO_NUMBER[rule];
  if (r === undefined) return `no words-to-number rule '${rule}'`;
  if (!statesByWords(rule, quote)) {
    return `rule '${rule}' needs the quote to say so in words (${
      r.words.map((w) => `'${w}'`).join(", ")
    })`;
  }
  return value === r.value ? null : `${what} is ${value} but rule '${rule}' gives ${r.value}`;
}

/** A passage of a text near a quote: at most this share of the quote's characters differ. */
export const NEAR_SHARE = 0.3;

/** How many characters shorter or longer than the quote a near passage may be, nearest first. */
const NEAR_LENGTHS = [0, -1, 1, -2, 2, -3, 3];

/**
 * The passage of `text` nearest to a quote that is not in it, to show where the quote may have
 * come from (a typo, a changed number, other white space): of the passages as long as the quote
 * that start at a word where the quote's first or last word stands (and are a few characters
 * shorter or longer), the one with the fewest characters to change (Levenshtein distance),
 * when at most {@link NEAR_SHARE} of the quote's characters differ; else null.
 *
 * @param text The source text (white space folded).
 * @param quote The quote (white space folded).
 * @returns The passage and how many characters differ, or null.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { nearestPassage } from "#lib/quotes.ts";
 * const near = nearestPassage("the pain VAS was 6.6 at week 7", "the pain VAS was 6.7");
 * assert.deepEqual(near, { passage: "the pain VAS was 6.6", differ: 1 });
 * assert.equal(nearestPassage("the pain VAS was 6.6", "an unrelated sentence here"), null);
 * ```
 */
export function nearestPassage(
  text: string,
  quote: string,
): { passage: string; differ: number } | null {
  let best: { passage: string; differ: number } | null = null;
  const most = Math.floor(NEAR_SHARE * quote.length);
  for (const at of nearStarts(text, quote)) {
    if (at > 0 && isWordChar(text.charCodeAt(at - 1))) continue;
    // Passages a few characters shorter or longer too: a word changed for a longer one.
    // Lengths nearest the quote's first: of passages as near, the one of its length wins.
    for (const n of NEAR_LENGTHS.map((d) => quote.length + d)) {
      const passage = text.slice(at, at + n);
      const differ = distance(passage, quote);
      if (differ <= most && (best === null || differ < best.differ)) best = { passage, differ };
    }
  }
  return best;
}

/**
 * Where a passage near a quote may start, in text order: where the quote's first word stands in
 * the text, and where its last word stands less the quote's length (a few characters either
 * way). A passage with both words changed is not looked for: the search stays proportional to
 * the places the words stand, not to the text's length times the quote's.
 */
function nearStarts(text: string, quote: string): number[] {
  const words = quote.split(" ").filter((w) => w.length > 0);
  if (words.length === 0) return [];
  const starts = new Set<number>();
  const each = (word: string, f: (at: number) => void) => {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) f(at);
  };
  each(words[0], (at) => starts.add(at));
  const last = words.at(-1)!;
  each(last, (at) => {
    const start = at + last.length - quote.length;
    for (const d of NEAR_LENGTHS) if (start + d >= 0) starts.add(start + d);
  });
  return [...starts].sort((a, b) => a - b);
}
