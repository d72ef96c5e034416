/**
 * Terms the notebooks' tables use, each explained once under the table that uses it: what A and
 * B are, what each effect size's abbreviation stands for (from its registry record), a Wald
 * interval, a Clopper–Pearson interval.
 *
 * @module
 */
import { EFFECT_SIZES, MEASURES } from "../stats/effect_sizes/mod.ts";

/**
 * What A and B are, said once under an effect-size table (the words of single-case designs).
 */
export const AB_NOTE: string =
  "A: the values before the drug (the baseline phase); B: the values after its start (the " +
  "treatment phase). An AB design has one change of phase and no return to A, so it cannot " +
  "separate the drug from time.";

/**
 * The glossary of effect sizes in one line: each measure's abbreviation as prose writes it and
 * its full name with what it measures, from its record in the registry (`fullName`), in the
 * registry's order.
 *
 * @param measures The measures to explain (their `name`s); default: every registered one.
 * @returns "Measures: NAP, non-overlap of all pairs: …; Tau, …." ("" for none).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { EFFECT_SIZES, effectSizeGlossary } from "#lib/mod.ts";
 * const line = effectSizeGlossary();
 * for (const d of EFFECT_SIZES) assert.ok(line.includes(`${d.label}, ${d.fullName}`), d.name);
 * assert.equal(effectSizeGlossary([]), "");
 * ```
 */
export function effectSizeGlossary(measures: readonly string[] = MEASURES): string {
  const defs = EFFECT_SIZES.filter((d) => measures.includes(d.name));
  return defs.length ? `Measures: ${defs.map((d) => `${d.label}, ${d.fullName}`).join("; ")}.` : "";
}

/** What a Wald interval is, said under a table whose rows name one. */
export const WALD_NOTE: string =
  "Wald interval: the estimate ± z × its standard error (a normal approximation), which can " +
  "pass the ends of a bounded measure.";

/** What a Clopper–Pearson interval is, said under a table of shares that gives one. */
export const CLOPPER_PEARSON_NOTE: string =
  "Clopper–Pearson: the exact binomial confidence interval of a share, from the binomial " +
  "distribution itself rather than a normal approximation (wide with few cases).";
