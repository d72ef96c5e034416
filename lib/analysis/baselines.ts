/**
 * Which cases' baseline depends on how the baseline is defined (the last value before the drug,
 * the largest or the mean), with the value under each definition.
 *
 * @module
 */
import { expectSeries } from "../args.ts";
import type { CaseSeries } from "../model.ts";
import { baseline, BASELINE_DEFINITIONS, firstPeriod } from "../timeline.ts";

/**
 * Cases whose baseline pain value depends on the baseline definition, with the value under each and the
 * number of values before the drug it summarises (a definition matters only from two values on).
 *
 * @param s The case series.
 * @param drug The drug (default: the study's drug of interest).
 * @returns One entry per case whose baseline moves with the definition.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { baselineDependence, loadCaseSeries } from "#lib/mod.ts";
 * // A baseline moves with its definition only when it summarises two values or more.
 * for (const b of baselineDependence(await loadCaseSeries())) {
 *   assert.ok(b.n >= 2);
 *   assert.ok(new Set(b.values).size > 1);
 * }
 * ```
 */
export function baselineDependence(
  s: CaseSeries,
  drug: string = s.study.drug,
): { caseId: string; values: (number | null)[]; n: number }[] {
  expectSeries("baselineDependence", s);
  return s.cases.filter((c) => firstPeriod(c, drug) !== null).map((c) => ({
    caseId: c.id,
    values: BASELINE_DEFINITIONS.map((d) => baseline(c, drug, d).common?.nominal ?? null),
    n: baseline(c, drug, c.study.baseline).n,
  })).filter((b) => new Set(b.values).size > 1);
}
