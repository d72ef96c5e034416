/**
 * Per-case summary of the pain values (what the dataset notebook tabulates and the load benchmark
 * times), and the notes `validate` prints about cases that analyses will exclude.
 *
 * @module
 */
import type { Case, CaseSeries } from "./model.ts";

/** A pain value and the nominal day it was stated for. */
export interface DatedValue {
  /** Nominal day (days since the case's day 0). */
  day: number;
  /** Nominal value on the common 0–10 metric. */
  common: number;
}

/** The pain values of one case in a few numbers (`null` where the case has no value). */
export interface CaseSummary {
  /** Case id. */
  caseId: string;
  /** Source id of the article reporting it. */
  sourceId: string;
  /** Number of pain values. */
  n: number;
  /** The first value in time. */
  first: DatedValue | null;
  /** The last value in time. */
  last: DatedValue | null;
  /** The lowest nominal value. */
  min: number | null;
  /** The highest nominal value. */
  max: number | null;
}

/**
 * Summarises the pain values of a case, in one pass over its observations (which the loader keeps
 * in time order).
 *
 * @param c A case.
 * @returns Its summary; for a case with no pain value, `n` is 0 and the rest `null`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { caseSummary, loadCaseSeries } from "#lib/mod.ts";
 * const c = (await loadCaseSeries()).cases.find((c) => c.observations.length > 0)!;
 * const s = caseSummary(c);
 * assert.equal(s.n, c.observations.length);
 * assert.equal(s.first?.common, c.observations[0].common.nominal);
 * assert.equal(s.max, Math.max(...c.observations.map((o) => o.common.nominal)));
 * ```
 */
export function caseSummary(c: Case): CaseSummary {
  const obs = c.observations;
  let min = Infinity;
  let max = -Infinity;
  for (const o of obs) {
    if (o.common.nominal < min) min = o.common.nominal;
    if (o.common.nominal > max) max = o.common.nominal;
  }
  const dated = (i: number) =>
    obs.length === 0 ? null : { day: obs[i].day.nominal, common: obs[i].common.nominal };
  return {
    caseId: c.id,
    sourceId: c.sourceId,
    n: obs.length,
    first: dated(0),
    last: dated(obs.length - 1),
    min: obs.length === 0 ? null : min,
    max: obs.length === 0 ? null : max,
  };
}

/**
 * Notes (not errors) about valid cases some analyses cannot use: a case with no pain value, or one
 * that never takes the drug of interest. Every analysis lists such a case as excluded with its
 * reason; the notes say so before the notebooks run.
 *
 * @param series The case series.
 * @param drug The drug of interest (default: the study's, `data/study.json`).
 * @returns One sentence per note, in case order.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { caseNotes, loadCaseSeries } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * // No note for a case with values that takes the drug of interest.
 * const noted = s.cases.filter((c) =>
 *   c.observations.length === 0 || !c.treatments.some((t) => t.drug === s.study.drug)
 * );
 * assert.equal(caseNotes(s).length === 0, noted.length === 0);
 * ```
 */
export function caseNotes(series: CaseSeries, drug: string = series.study.drug): string[] {
  const notes: string[] = [];
  for (const c of series.cases) {
    if (c.observations.length === 0) {
      notes.push(
        `case ${c.id} has no pain value: analyses of pain ` +
          `(change, effect sizes, pooled response) will list it as excluded; its timeline is ` +
          `still shown`,
      );
    }
    if (!c.treatments.some((t) => t.drug === drug)) {
      notes.push(
        `case ${c.id} never takes ${drug}: analyses aligned on the start of ${drug} will list ` +
          `it as excluded (the drug of interest is drug_of_interest in study.json)`,
      );
    }
  }
  return notes;
}
