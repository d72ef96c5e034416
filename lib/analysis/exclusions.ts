/**
 * Which cases an analysis around the drug of interest can use: the per-case change after the
 * drug, or the case left out with the reason, so that no pooled analysis drops a case silently.
 *
 * @module
 */
import type { Case } from "../model.ts";
import { firstPeriod } from "../timeline.ts";
import { type CaseChange, caseChange, type ChangeOptions } from "./change.ts";
import type { Exclusion } from "../stats/types.ts";

/**
 * The change after `drug` of a case, or why there is none (the case never takes the drug).
 *
 * @param c The case.
 * @param options Drug and baseline definition (defaults from the study: `data/study.json`).
 * @returns `{ change }` or `{ excluded }`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries } from "#lib/mod.ts";
 * import { changeOrExclusion } from "#lib/analysis/exclusions.ts";
 * const cases = (await loadCaseSeries()).cases;
 * // A change for every case that takes the drug, an exclusion for the others.
 * for (const c of cases) {
 *   const takes = c.treatments.some((t) => t.drug === c.study.drug);
 *   assert.equal("change" in changeOrExclusion(c), takes);
 * }
 * ```
 */
export function changeOrExclusion(
  c: Case,
  options: ChangeOptions = {},
): { change: CaseChange } | { excluded: Exclusion } {
  const drug = options.drug ?? c.study.drug;
  if (!firstPeriod(c, drug)) {
    return { excluded: { caseId: c.id, reason: `never takes ${drug}` } };
  }
  return { change: caseChange(c, { drug, baseline: options.baseline }) };
}
