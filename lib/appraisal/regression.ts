/**
 * The design limit "regression to the mean": which starts or dose increases of a drug for the
 * indication came right after the highest value so far, and which came after a value stated
 * over a period (an average), which is no single highest rating.
 *
 * @module
 */
import { casePainText } from "../cases.ts";
import { drugWithDose } from "../dose.ts";
import type { Case, Observation } from "../model.ts";
import { periodWords } from "../period_value.ts";
import { listing, plural } from "../prose.ts";
import { relativeDay } from "../timeline.ts";

/**
 * The value a drug was started (or its dose raised) after, when it is the highest of the values
 * before (nominal): the start regression to the mean speaks of. With whether that value was
 * stated over a period (`periodWords`: then whether treatment began at a peak is not known).
 *
 * @param before The values before the start, in time order.
 * @returns The last value and its period's words (null: a single rating), or null when the last
 *   value is not the highest or there is none.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { alignOnDrug, firstPeriod, loadCaseSeries, startedAtPeak } from "#lib/mod.ts";
 * for (const c of (await loadCaseSeries()).cases.filter((x) => firstPeriod(x, x.study.drug))) {
 *   const before = alignOnDrug(c, c.study.drug).filter((o) => o.phase === "before");
 *   const peak = startedAtPeak(before);
 *   if (peak) assert.equal(peak.value, before.at(-1));
 * }
 * ```
 */
export function startedAtPeak<O extends Observation>(
  before: readonly O[],
): { value: O; period: string | null } | null {
  const last = before.at(-1);
  if (last === undefined) return null;
  if (last.common.nominal !== Math.max(...before.map((o) => o.common.nominal))) return null;
  return { value: last, period: periodWords(last) };
}

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
      const peak = startedAtPeak(before);
      if (peak === null) continue;
      const { value: lastBefore, period } = peak;
      const entry = `case ${c.id}: ${drugWithDose(t)} after ${casePainText(c, lastBefore)}`;
      // The sentence says the value is stated over a period; its note follows a dash.
      if (period) afterPeriod.push(`${entry}${lastBefore.note ? ` — ${lastBefore.note}` : ""}`);
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
    } followed a value stated over a period, not a single rating: ${afterPeriod.join("; ")}. ` +
      "Whether treatment began at a peak within that period is not known, so regression to " +
      "the mean can be neither assumed nor excluded there."
    : "";
  return high + period;
}
