/**
 * Doses as the text states them: one value or a range in mg/day, or none ("dose not stated"),
 * with the text's words, frequency and route where it gives them. The one place where a dose is
 * written for a table, a sentence or a figure label, and where two doses are compared: an
 * unstated dose is unknown, never 0, and is never higher or lower than another.
 *
 * @module
 */
import { formatNumber } from "./intervals.ts";
import type { Dose, Treatment } from "./model.ts";
import { NUMBER_DIGITS } from "./source.ts";
import { CARDINAL_WORD, NOT_COMPOUNDED } from "./number_words.ts";

/**
 * The rules that turn a dose in the text's words into `treatments.csv` cells and a {@link Dose},
 * as `data/README.md` states them (a test checks the two say the same).
 *
 * @example
 * ```ts
 * import { DOSE_RULES } from "#lib/mod.ts";
 * if (!DOSE_RULES["not stated"].includes("never 0")) throw new Error("unknown is not 0");
 * ```
 */
export const DOSE_RULES: Readonly<
  Record<"single" | "range" | "not stated" | "other unit" | "words only", string>
> = {
  single: "'D mg/day': dose_mg_per_day D, dose_hi_mg_per_day empty: [D, D].",
  range: "'a–b mg/day': dose_mg_per_day a, dose_hi_mg_per_day b (b > a): [a, b]; compared " +
    "with another dose only where the two do not overlap; a bar's height (the one place a " +
    "single number is needed) at the midpoint (a + b) / 2.",
  "not stated": "no dose in the text: both cells empty; the model holds null, shown as 'dose " +
    "not stated', never 0, never higher or lower than another dose.",
  "other unit": "a dose in another unit ('25 µg/h', '0.5 mg/kg'): both cells empty and the " +
    "words in dose_words; no conversion to mg/day.",
  "words only": "words for a dose that state no number ('a low dose'): both cells empty and " +
    "the words in dose_words; shown as the words, quoted, with 'no mg/day stated', and listed " +
    "with the doses not stated. dose_words with both cells empty are a dose in another unit " +
    "when they state an amount: a number (digits or a cardinal word) followed by its unit, " +
    "which is no word of time ('25 µg/h', 'two tablets', '2 puffs'; not 'for 3 days'), or 'a', " +
    "'an' or 'half a' before a count noun ('half a tablet', 'a patch'); else words only ('a low " +
    "dose', 'a small dose for 3 days').",
};

/** How a dose the text does not state is shown in tables, prose and figure labels. */
export const DOSE_NOT_STATED = "dose not stated";

/** What follows the text's words for a dose that state no number ("a low dose"). */
export const NO_MG_PER_DAY = "no mg/day stated";

/** The fields of a treatment that say its dose (route and frequency only add details). */
export type DoseOf =
  & Pick<Treatment, "dose" | "doseWords">
  & Partial<Pick<Treatment, "route" | "frequency">>;

/** The frequency and route a treatment gives, in that order, for `details`. */
const detailsOf = (t: DoseOf): string[] =>
  [t.frequency, t.route].filter((x): x is string => typeof x === "string" && x !== "");

/**
 * What the text states of a dose (rules in `data/README.md`, "Doses"): `mg/day` (a value or a
 * range), `other unit` (no mg/day, and words that state an amount, a number and its unit other
 * than a time: "25 µg/h", "two tablets", "half a tablet"), `words only` (no mg/day, and words
 * that state none: "a low dose", "a small dose for 3 days") or `not stated` (no
 * dose, no words). Only a dose in mg/day or in another unit states an amount; the other two are
 * doses the text leaves unknown.
 *
 * @param t The treatment's dose and its words.
 * @returns The kind of dose.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { doseKind } from "#lib/mod.ts";
 * assert.equal(doseKind({ dose: { lo: 75, hi: 75 }, doseWords: null }), "mg/day");
 * assert.equal(doseKind({ dose: null, doseWords: "25 µg/h" }), "other unit");
 * assert.equal(doseKind({ dose: null, doseWords: "two tablets" }), "other unit");
 * assert.equal(doseKind({ dose: null, doseWords: "a low dose" }), "words only");
 * assert.equal(doseKind({ dose: null, doseWords: "half a tablet" }), "other unit");
 * // A number of days is a time, not a dose.
 * assert.equal(doseKind({ dose: null, doseWords: "a small dose for 3 days" }), "words only");
 * assert.equal(doseKind({ dose: null, doseWords: null }), "not stated");
 * ```
 */
export function doseKind(
  t: Pick<Treatment, "dose" | "doseWords">,
): "mg/day" | "other unit" | "words only" | "not stated" {
  if (t.dose !== null) return "mg/day";
  if (t.doseWords === null || t.doseWords.trim() === "") return "not stated";
  return AMOUNT.test(t.doseWords) ? "other unit" : "words only";
}

/** Words of time that follow a number that is no amount of a dose ("for 3 days", "2 weeks"). */
const TIME_WORDS = String
  .raw`(?:days?|d|weeks?|wks?|months?|mos?|years?|yrs?|hours?|hrs?|h|min(?:ute)?s?|times?)\b`;

/** Count nouns a dose is given in, which "a", "an" or "half a" counts ("half a tablet"). */
const COUNT_NOUNS = String
  .raw`(?:tablet|tab|capsule|cap|patch|patche|drop|puff|spray|ampoule|ampule|vial|sachet|suppositor(?:y|ie)|lozenge|unit)s?\b`;

/**
 * An amount of a dose in words: a number (digits or a number word) followed by its unit, which is
 * no word of time ("25 µg/h", "two tablets", "2 puffs"), or "a", "an" or "half a" before a count
 * noun ("half a tablet", "a patch"); not "for 3 days" (a time, not a dose), not "a low dose".
 */
const AMOUNT = new RegExp(
  String.raw`(?:(?<![\d.])(?:${NUMBER_DIGITS})|\b${CARDINAL_WORD}\b${NOT_COMPOUNDED})` +
    String.raw`[\s\-\u2010\u2011]*(?!${TIME_WORDS})(?:[µμ%/]|\p{L})` +
    String.raw`|\b(?:half an?|an?)\s+${COUNT_NOUNS}`,
  "iu",
);

/**
 * Whether the text states an amount for a dose: in mg/day or in another unit ({@link doseKind}).
 * A dose in words only ("a low dose") or not stated at all is unknown: the dataset's unknowns
 * table lists it.
 *
 * @param t The treatment's dose and its words.
 * @returns True when it states one.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { statesAmount } from "#lib/mod.ts";
 * assert.equal(statesAmount({ dose: null, doseWords: "12 µg/h" }), true);
 * assert.equal(statesAmount({ dose: null, doseWords: "a low dose" }), false);
 * ```
 */
export function statesAmount(t: Pick<Treatment, "dose" | "doseWords">): boolean {
  const kind = doseKind(t);
  return kind === "mg/day" || kind === "other unit";
}

/**
 * The number of a dose: `75`, or `25–50` for a range (an en dash, as in the text's "25–50
 * mg/day"); {@link DOSE_NOT_STATED} when the text states none.
 *
 * @param dose The dose (`null`: not stated).
 * @returns The text.
 * @example
 * ```ts
 * import { formatDoseValue } from "#lib/mod.ts";
 * if (formatDoseValue({ lo: 25, hi: 50 }) !== "25–50") throw new Error("range");
 * if (formatDoseValue(null) !== "dose not stated") throw new Error("unstated");
 * ```
 */
export function formatDoseValue(dose: Dose | null): string {
  if (dose === null) return DOSE_NOT_STATED;
  return dose.lo === dose.hi
    ? formatNumber(dose.lo)
    : `${formatNumber(dose.lo)}–${formatNumber(dose.hi)}`;
}

/**
 * A treatment's dose for prose, by its kind ({@link doseKind}): "75 mg/day", "25–50 mg/day"; a
 * dose in another unit in the text's words ("25 µg/h"); words that state no number quoted, with
 * {@link NO_MG_PER_DAY} ("“a low dose”, no mg/day stated"); else "dose not stated". With
 * `details`, the frequency and route the text gives follow: "25–50 mg/day, twice daily, oral".
 *
 * @param t The treatment (its dose fields).
 * @param options `details`: append frequency and route (default false).
 * @returns The text.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatDose } from "#lib/mod.ts";
 * const t = { dose: null, doseWords: null, route: "oral", frequency: null };
 * assert.equal(formatDose(t), "dose not stated");
 * assert.equal(formatDose(t, { details: true }), "dose not stated, oral");
 * assert.equal(formatDose({ ...t, dose: { lo: 75, hi: 75 } }), "75 mg/day");
 * assert.equal(formatDose({ ...t, doseWords: "12 µg/h" }), "12 µg/h");
 * assert.equal(formatDose({ ...t, doseWords: "a low dose" }), "“a low dose”, no mg/day stated");
 * ```
 */
export function formatDose(t: DoseOf, options: { details?: boolean } = {}): string {
  const kind = doseKind(t);
  const main = kind === "mg/day"
    ? `${formatDoseValue(t.dose)} mg/day`
    : kind === "other unit"
    ? t.doseWords!
    : kind === "words only"
    ? `“${t.doseWords!.trim()}”, ${NO_MG_PER_DAY}`
    : DOSE_NOT_STATED;
  return options.details ? [main, ...detailsOf(t)].join(", ") : main;
}

/**
 * A drug with its dose for prose: a stated amount follows the drug ("drug-a 20 mg/day",
 * "fentanyl 12 µg/h"); a dose the text leaves unknown is in brackets ("tramadol (dose not
 * stated)", "clonazepam (“a low dose”, no mg/day stated)"). With `details`, the frequency and
 * route the text gives follow, after commas ("tramadol (dose not stated), oral").
 *
 * @param t The treatment.
 * @param options `details`: append frequency and route (default false).
 * @returns The text.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { drugWithDose } from "#lib/mod.ts";
 * const t = { drug: "tramadol", dose: null, doseWords: null, route: null, frequency: null };
 * assert.equal(drugWithDose(t), "tramadol (dose not stated)");
 * assert.equal(drugWithDose({ ...t, dose: { lo: 50, hi: 50 } }), "tramadol 50 mg/day");
 * const oral = { ...t, route: "oral" };
 * assert.equal(drugWithDose(oral, { details: true }), "tramadol (dose not stated), oral");
 * assert.equal(
 *   drugWithDose({ ...t, drug: "clonazepam", doseWords: "a low dose" }),
 *   "clonazepam (“a low dose”, no mg/day stated)",
 * );
 * ```
 */
export function drugWithDose(
  t: DoseOf & Pick<Treatment, "drug">,
  options: { details?: boolean } = {},
): string {
  const dose = formatDose(t);
  const label = statesAmount(t) ? `${t.drug} ${dose}` : `${t.drug} (${dose})`;
  return options.details ? [label, ...detailsOf(t)].join(", ") : label;
}

/**
 * A drug given at one of several doses, the times leaving open which (a dose change at a time
 * not dated): "drug-a (dose not stated or 100 mg/day)"; with one dose, as
 * {@link drugWithDose} writes it. The periods are of one drug.
 *
 * @param periods The drug's dose periods it may be at (at least one).
 * @returns The text.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { drugAtOneOf } from "#lib/mod.ts";
 * const t = { drug: "sertraline", dose: { lo: 50, hi: 50 }, doseWords: null };
 * assert.equal(drugAtOneOf([t]), "sertraline 50 mg/day");
 * assert.equal(
 *   drugAtOneOf([t, { ...t, dose: { lo: 100, hi: 100 } }, { ...t, dose: null }]),
 *   "sertraline (50 mg/day or 100 mg/day or dose not stated)",
 * );
 * ```
 */
export function drugAtOneOf(periods: readonly (DoseOf & Pick<Treatment, "drug">)[]): string {
  if (periods.length === 0) throw new RangeError("drugAtOneOf: no dose period given");
  const doses = [...new Set(periods.map((t) => formatDose(t)))];
  if (doses.length === 1) return drugWithDose(periods[0]);
  // " or " between each: a dose's own words may hold a comma.
  return `${periods[0].drug} (${doses.join(" or ")})`;
}

/**
 * How a dose compares with another: 1 when it is certainly higher (its lowest value above the
 * other's highest), -1 when certainly lower, 0 when the same single value, `null` when it cannot
 * be told (either not stated, or ranges that overlap).
 *
 * @param a A dose (`null`: not stated).
 * @param b Another dose.
 * @returns 1, -1, 0 or null.
 * @example
 * ```ts
 * import { compareDoses } from "#lib/mod.ts";
 * if (compareDoses({ lo: 75, hi: 75 }, { lo: 50, hi: 50 }) !== 1) throw new Error("higher");
 * if (compareDoses({ lo: 25, hi: 50 }, { lo: 40, hi: 40 }) !== null) throw new Error("overlap");
 * if (compareDoses(null, { lo: 40, hi: 40 }) !== null) throw new Error("unstated");
 * ```
 */
export function compareDoses(a: Dose | null, b: Dose | null): 1 | -1 | 0 | null {
  if (a === null || b === null) return null;
  if (a.lo > b.hi) return 1;
  if (a.hi < b.lo) return -1;
  return a.lo === a.hi && b.lo === b.hi ? 0 : null;
}

/**
 * The nominal value of a dose (rule in `data/README.md`): the stated value, or the midpoint of a
 * stated range; `null` when the text states none. Used only where a single height must be drawn.
 *
 * @param dose The dose.
 * @returns mg/day, or null.
 * @example
 * ```ts
 * import { nominalDose } from "#lib/mod.ts";
 * if (nominalDose({ lo: 25, hi: 50 }) !== 37.5) throw new Error("midpoint");
 * if (nominalDose(null) !== null) throw new Error("unstated");
 * ```
 */
export function nominalDose(dose: Dose | null): number | null {
  return dose === null ? null : (dose.lo + dose.hi) / 2;
}
