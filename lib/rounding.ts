/**
 * Rounding of the values the text states: a value reported to a digit stands for any value that
 * rounds to it, so `6.6` is anything in [6.55, 6.65] and `8.0` anything in [7.95, 8.05]. The
 * sensitivity analysis varies every stated value by half a unit of its last stated digit
 * (`data/README.md`, "Rounding"); the data and the other analyses keep the value as stated.
 *
 * The digits come from the value's own words (`value_words`): the number token equal to the value
 * ("pain VAS 0–1.0": 0 is stated to the unit, 1.0 to the tenth). A number word ("six") is stated to
 * the unit. A value whose words state no number (a words-to-number rule such as `no-pain`), a
 * value of no pain whose own words (its `value_words` or its quote, as the value rule `no-pain`
 * reads them: `statesByWords`) say there is none ("completely disappeared (pain VAS 0)": stated
 * exactly, whatever digit stands beside the words) and a value on a scale of whole numbers (an
 * NRS point, a verbal category: the instrument has no other values) are not varied. The widened
 * value stays within its scale's range.
 *
 * @module
 */
import type { NominalInterval } from "./intervals.ts";
import type { Case, Observation } from "./model.ts";
import { toCommon } from "./scales.ts";
import { statedDecimals } from "./stated_digits.ts";
import { statesByWords, WORDS_TO_NUMBER } from "./quotes.ts";

/** The words-to-number rule whose words state a value exactly: no pain is 0, not [0, 0.5]. */
const NO_PAIN_RULE = "no-pain";

/**
 * Half a unit of the last digit to which `words` state `value`: 0.05 for "6.6" or "8.0", 0.5 for
 * "0" or "six"; the coarsest when several tokens state it; `null` when no token states it.
 *
 * @param words The words of the value (`value_words`).
 * @param value The value, on the scale's own units.
 * @returns Half a unit of its last stated digit, or `null`.
 * @example
 * ```ts
 * import { roundingHalfUnit } from "#lib/rounding.ts";
 * if (roundingHalfUnit("pain VAS 6.6", 6.6) !== 0.05) throw new Error("6.6 is stated to 0.1");
 * if (roundingHalfUnit("pain VAS 0–1.0", 0) !== 0.5) throw new Error("0 is stated to the unit");
 * if (roundingHalfUnit("no pain", 0) !== null) throw new Error("no number is stated");
 * ```
 */
export function roundingHalfUnit(words: string, value: number): number | null {
  const decimals = statedDecimals(words, value);
  return decimals === null ? null : 0.5 * 10 ** -decimals;
}

/**
 * Whether rounding varies a value (`data/README.md`, "Rounding"): `varied` when its words state
 * it (or one end of its range) in digits or a number word; `whole-number scale` when its scale has
 * only whole numbers (an NRS point, a verbal category), whatever its words; `no pain in words`
 * when it is the value of the rule `no-pain` (0) and its `value_words` or its quote say there is
 * no pain as that rule reads them (`statesByWords`): "completely disappeared (pain VAS 0)" states
 * 0 exactly, not anything that rounds to 0; `no number` when its words state no number.
 *
 * @param o The observation (its scale, value and words).
 * @returns How rounding treats it.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { SCALES } from "#lib/mod.ts";
 * import { roundingKind } from "#lib/rounding.ts";
 * const [vas, value, quote] = [SCALES["vas-10cm"], { lo: 3, nominal: 3, hi: 3 }, "VAS 3"];
 * assert.equal(roundingKind({ scale: vas, value, words: "VAS 3", quote }), "varied");
 * assert.equal(
 *   roundingKind({ scale: SCALES["nrs-0-10"], value, words: "3/10", quote }),
 *   "whole-number scale",
 * );
 * const none = { lo: 0, nominal: 0, hi: 0 };
 * // The quote says there is no pain: the 0 beside it is stated exactly.
 * const gone = "the pain had completely disappeared (pain VAS 0)";
 * assert.equal(
 *   roundingKind({ scale: vas, value: none, words: "pain VAS 0", quote: gone }),
 *   "no pain in words",
 * );
 * assert.equal(
 *   roundingKind({ scale: vas, value: none, words: "pain VAS 0", quote: "pain VAS 0" }),
 *   "varied",
 * );
 * ```
 */
export function roundingKind(
  o: Pick<Observation, "scale" | "value" | "words" | "quote">,
): RoundingKind {
  if (o.scale.integer) return "whole-number scale";
  if (saysNoPain(o)) return "no pain in words";
  const stated = roundingHalfUnit(o.words, o.value.lo) !== null ||
    roundingHalfUnit(o.words, o.value.hi) !== null;
  return stated ? "varied" : "no number";
}

/** How rounding treats a value ({@link roundingKind}). */
export type RoundingKind = "varied" | "whole-number scale" | "no pain in words" | "no number";

/**
 * Whether a value is the value of the rule `no-pain` and its own words say so, as that rule reads
 * them: its `value_words` or its quote (the value rule reads the quote).
 */
function saysNoPain(o: Pick<Observation, "value" | "words" | "quote">): boolean {
  const none = WORDS_TO_NUMBER[NO_PAIN_RULE].value;
  return o.value.lo === none && o.value.hi === none &&
    (statesByWords(NO_PAIN_RULE, o.words) || statesByWords(NO_PAIN_RULE, o.quote));
}

/**
 * The value of an observation widened by rounding, on its scale's own units: each end by half a
 * unit of the digit its words state it to, within the scale's range; the nominal value unchanged.
 * Unchanged for a scale of whole numbers, a value of no pain its words state ("completely
 * disappeared") or a value whose words state no number ({@link roundingKind}).
 *
 * @param o The observation.
 * @returns The widened value interval.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { type Observation, SCALES } from "#lib/mod.ts";
 * import { roundedValue } from "#lib/rounding.ts";
 * const value = { lo: 6.6, nominal: 6.6, hi: 6.6 };
 * const o = { scale: SCALES["vas-10cm"], value, common: value, words: "pain VAS 6.6" };
 * const v = roundedValue(o as unknown as Observation);
 * assert.ok(Math.abs(v.lo - 6.55) < 1e-9 && Math.abs(v.hi - 6.65) < 1e-9 && v.nominal === 6.6);
 * ```
 */
export function roundedValue(o: Observation): NominalInterval {
  if (roundingKind(o) !== "varied") return { ...o.value };
  const lo = roundingHalfUnit(o.words, o.value.lo) ?? 0;
  const hi = roundingHalfUnit(o.words, o.value.hi) ?? 0;
  return {
    lo: Math.max(o.scale.min, o.value.lo - lo),
    nominal: o.value.nominal,
    hi: Math.min(o.scale.max, o.value.hi + hi),
  };
}

/**
 * A case whose every value is widened by rounding ({@link roundedValue}), on its scale and on the
 * common metric; everything else is the case as loaded (shared, not copied).
 *
 * @param c The case.
 * @returns A new case with widened observations.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { type Case, SCALES } from "#lib/mod.ts";
 * import { withRounding } from "#lib/rounding.ts";
 * const value = { lo: 8, nominal: 8, hi: 8 };
 * const o = { scale: SCALES["vas-10cm"], value, common: value, words: "pain VAS 8.0" };
 * const c = withRounding({ id: "x", observations: [o] } as unknown as Case);
 * assert.ok(Math.abs(c.observations[0].common.hi - 8.05) < 1e-9, "8.0 is stated to a tenth");
 * ```
 */
export function withRounding(c: Case): Case {
  return {
    ...c,
    observations: c.observations.map((o) => {
      const value = roundedValue(o);
      return { ...o, value, common: toCommon(o.scale, value) };
    }),
  };
}
