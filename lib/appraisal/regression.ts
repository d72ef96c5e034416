/**
 * The design limit "regression to the mean": which starts or dose increases of a drug for the
 * indication came right after the highest value so far, and which came after a value stated
 * over a period (an average), which is no single highest rating.
 *
 * @module
 */
import { drugWithDose } from "../dose.ts";
import type { Case } from "../model.ts";
import { periodWords } from "../period_value.ts";
import { listing, plural } from "../prose.ts";
import { painValueText } from "../scales.ts";
import { relativeDay } from "../timeline.ts";

/**
 * The evidence for regression to the mean: the starts of a drug for `indication` whose last
 * value before (at the same visit or earlier) is the highest so far. Where that value is stated
 * over a period ({@link periodWords}), it is said so, and not called the highest value: an
 * average says nothing of a peak within its period.
 *
 * @param cases The article's cases.
 * @param indication What the drugs that count are given for.
 * @returns One paragraph.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, regressionEvidence } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * const text = regressionEvidence(s.cases, s.study.indication);
 * // A value stated over a period is never called the highest value so far.
 * for (const c of s.cases) {
 *   for (const o of c.observations.filter((x) => x.span !== null)) {
 *     assert.ok(!text.includes(`highest value so far (case ${c.id}`));
 *   }
 * }
 * ```
 */
export function regressionEvidence(cases: readonly Case[], indication: string): string {
  const afterHigh: string[] = [];
  const afterPeriod: string[] = [];
  for (const c of cases) {
    for (const t of c.treatments.filter((x) => x.purpose === indication)) {
      const before = c.observations.filter((o) =>
        relativeDay(c, o.day.timeId, t.start.timeId).hi <= 0
      );
      if (before.length === 0) continue;
      const lastBefore = before.at(-1)!;
      const max = Math.max(...before.map((o) => o.common.nominal));
      if (lastBefore.common.nominal !== max) continue;
      const period = periodWords(lastBefore);
      const entry = `case ${c.id}: ${drugWithDose(t)} after ${painValueText(lastBefore)}`;
      if (period) afterPeriod.push(`${entry}, ${period}`);
      else afterHigh.push(entry);
    }
  }
  const high = afterHigh.length
    ? `${
      plural(afterHigh.length, "start or dose increase", "starts or dose increases")
    } of a drug for ${indication} followed the highest value so far (${
      listing(afterHigh)
    }); values chosen because they are high tend to be followed by lower ones without any ` +
      "treatment effect."
    : "No start or increase followed the highest single value so far.";
  const period = afterPeriod.length
    ? ` ${
      plural(afterPeriod.length, "start or dose increase", "starts or dose increases")
    } followed a value stated over a period, not a single rating (${listing(afterPeriod)}): ` +
      "whether treatment began at a peak within that period is not known, so regression to " +
      "the mean can be neither assumed nor excluded there."
    : "";
  return high + period;
}
