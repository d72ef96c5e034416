/**
 * A value as prose names it: the one rule for every place a stated value is named as a noun
 * phrase ("the pain VAS 2.3 report", "the second NRS 3–4", "though the VAS 0 may be"), where its
 * words (`value_words`) are quoted as words elsewhere. The text's words for a value are its name
 * when they read as one ({@link wordsNameValue}: they name the value's scale and state the
 * value: "pain VAS 6.6"); words that do not ("rated 8", "between 3 and 4", "completely
 * disappeared") would read "the rated 8 report", so the value is named instead by its scale's
 * short name and the value as stated ({@link statedValueName}: "NRS 8", "NRS 3–4", "VAS 0").
 * Documented in `data/README.md` ("Pain scales").
 *
 * @module
 */
import type { Observation } from "./model.ts";
import { painValueText, type Scale } from "./scales.ts";
import { statedDecimals } from "./stated_digits.ts";

/** A value to be named: its scale, its value on the scale's units and the common metric, its words. */
export type NamedValue = Pick<Observation, "scale" | "value" | "common" | "words">;

/** Letters and digits: a term stands as a word when neither precedes nor follows it. */
const WORD = String.raw`[\p{L}\p{N}]`;

/** Whether `words` have `term` as a whole word, in any case ("VAS" in "pain vas 6", not in "VASx"). */
const hasWord = (words: string, term: string): boolean =>
  new RegExp(
    `(?<!${WORD})${term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?!${WORD})`,
    "iu",
  ).test(words);

/** The category words of a value on a scale of categories, its lower end and its upper end. */
const categoryEnds = (s: Scale, o: NamedValue): [string, string] | null => {
  const lo = s.categories?.[o.value.lo];
  const hi = s.categories?.[o.value.hi];
  return lo === undefined || hi === undefined ? null : [lo, hi];
};

/**
 * Whether a value's words read as a name of it: they name its scale (the scale's short name, a
 * whole word in any case: "VAS" in "pain VAS 6.6") and state the value (each end of it, as
 * `statedDecimals` reads a number the words state, in digits or a number word; on a scale of
 * categories, each end's category word). "rated 8" names no scale; "VAS unchanged" states no value.
 *
 * @param o The value (an `Observation` is one).
 * @returns Whether its words are its name.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { SCALES, wordsNameValue } from "#lib/mod.ts";
 * const v = { lo: 8, nominal: 8, hi: 8 };
 * const o = { scale: SCALES["nrs-0-10"], value: v, common: v };
 * assert.equal(wordsNameValue({ ...o, words: "pain NRS 8" }), true);
 * assert.equal(wordsNameValue({ ...o, words: "rated 8" }), false); // no scale named
 * assert.equal(wordsNameValue({ ...o, words: "NRS unchanged" }), false); // no value stated
 * ```
 */
export function wordsNameValue(o: NamedValue): boolean {
  if (!hasWord(o.words, o.scale.name)) return false;
  const categories = categoryEnds(o.scale, o);
  if (categories) return categories.every((w) => hasWord(o.words, w));
  return [o.value.lo, o.value.hi].every((v) => statedDecimals(o.words, v) !== null);
}

/**
 * A value named by its scale's short name and the value as stated, whatever its words: a
 * category by its word ("VRS mild", "VRS mild–moderate"), a number as `painValueText` writes a
 * value alone, with the digits its words state and, where the scale's numbers are not the common
 * metric's, its unit ("NRS 3–4", "VAS 8.0", "VAS 64 mm").
 *
 * @param o The value (an `Observation` is one).
 * @returns The name, without "the".
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { SCALES, statedValueName } from "#lib/mod.ts";
 * const v = { lo: 3, nominal: 3.5, hi: 4 };
 * const o = { scale: SCALES["nrs-0-10"], value: v, common: v, words: "between 3 and 4" };
 * assert.equal(statedValueName(o), "NRS 3–4");
 * const mild = { lo: 1, nominal: 1, hi: 1 };
 * const vrs = { scale: SCALES["vrs-4"], value: mild, common: { lo: 1, nominal: 2.5, hi: 4 } };
 * assert.equal(statedValueName({ ...vrs, words: "mild" }), "VRS mild");
 * ```
 */
export function statedValueName(o: NamedValue): string {
  const categories = categoryEnds(o.scale, o);
  if (!categories) return painValueText(o);
  const [lo, hi] = categories;
  return `${o.scale.name} ${lo === hi ? lo : `${lo}–${hi}`}`;
}

/**
 * A value as prose names it, without "the" (see the module doc): its words where they read as a
 * name of it ({@link wordsNameValue}), else its scale's short name and the value as stated
 * ({@link statedValueName}).
 *
 * @param o The value (an `Observation` is one).
 * @returns Its name.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { SCALES, valueNoun } from "#lib/mod.ts";
 * const v = { lo: 6.6, nominal: 6.6, hi: 6.6 };
 * const vas = { scale: SCALES["vas-10cm"], value: v, common: v };
 * assert.equal(valueNoun({ ...vas, words: "pain VAS 6.6" }), "pain VAS 6.6");
 * const eight = { lo: 8, nominal: 8, hi: 8 };
 * const nrs = { scale: SCALES["nrs-0-10"], value: eight, common: eight };
 * assert.equal(valueNoun({ ...nrs, words: "rated 8" }), "NRS 8");
 * ```
 */
export function valueNoun(o: NamedValue): string {
  return wordsNameValue(o) ? o.words : statedValueName(o);
}
