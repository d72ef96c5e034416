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
  Record<"single" | "range" | "not stated" | "other unit", string>
> = {
  single: "'D mg/day': dose_mg_per_day D, dose_hi_mg_per_day empty: [D, D].",
  range: "'a–b mg/day': dose_mg_per_day a, dose_hi_mg_per_day b (b > a): [a, b]; compared " +
    "with another dose only where the two do not overlap; a bar's height (the one place a " +
    "single number is needed) at the midpoint (a + b) / 2.",
  "not stated": "no dose in the text: both cells empty; the model holds null, shown as 'dose " +
    "not stated', never 0, never higher or lower than another dose.",
  "other unit": "a dose in another unit ('25 µg/h', '0.5 mg/kg'): both cells empty and the " +
    "words in dose_words; no conversion to mg/day.",
};

/** How a dose the text does not state is shown in tables, prose and figure labels. */
export const DOSE_NOT_STATED = "dose not stated";

/** The fields of a treatment that say its dose. */
export type DoseOf = Pick<Treatment, "dose" | "doseWords" | "route" | "frequency">;

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
 * A treatment's dose for prose: "75 mg/day", "25–50 mg/day", the text's words when it states a
 * dose in another unit (`dose_words`, e.g. "25 µg/h"), else "dose not stated". With `details`,
 * the frequency and route the text gives follow: "25–50 mg/day, twice daily, oral".
 *
 * @param t The treatment (its dose fields).
 * @param options `details`: append frequency and route (default false).
 * @returns The text.
 * @example
 * ```ts
 * import { formatDose } from "#lib/mod.ts";
 * const t = { dose: null, doseWords: null, route: "oral", frequency: null };
 * if (formatDose(t) !== "dose not stated") throw new Error("unstated");
 * if (formatDose(t, { details: true }) !== "dose not stated, oral") throw new Error("route");
 * if (formatDose({ ...t, dose: { lo: 75, hi: 75 } }) !== "75 mg/day") throw new Error("single");
 * ```
 */
export function formatDose(t: DoseOf, options: { details?: boolean } = {}): string {
  const main = t.dose !== null
    ? `${formatDoseValue(t.dose)} mg/day`
    : t.doseWords ?? DOSE_NOT_STATED;
  if (!options.details) return main;
  return [main, t.frequency, t.route].filter((x) => x !== null && x !== "").join(", ");
}

/**
 * A drug with its dose for prose: "paroxetine 20 mg/day", "tramadol (dose not stated)"; with
 * `details`, its frequency and route follow ("tramadol, dose not stated, oral").
 *
 * @param t The treatment.
 * @param options `details`: append frequency and route (default false).
 * @returns The text.
 * @example
 * ```ts
 * import { drugWithDose } from "#lib/mod.ts";
 * const t = { drug: "tramadol", dose: null, doseWords: null, route: null, frequency: null };
 * if (drugWithDose(t) !== "tramadol (dose not stated)") throw new Error("unstated");
 * if (drugWithDose({ ...t, dose: { lo: 50, hi: 50 } }) !== "tramadol 50 mg/day") throw new Error();
 * const oral = { ...t, route: "oral" };
 * if (drugWithDose(oral, { details: true }) !== "tramadol, dose not stated, oral") throw new Error();
 * ```
 */
export function drugWithDose(
  t: DoseOf & Pick<Treatment, "drug">,
  options: { details?: boolean } = {},
): string {
  if (t.dose !== null || t.doseWords !== null) return `${t.drug} ${formatDose(t, options)}`;
  const details = formatDose(t, options);
  return details === DOSE_NOT_STATED ? `${t.drug} (${details})` : `${t.drug}, ${details}`;
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
