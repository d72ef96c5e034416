/**
 * The design limit "regression to the mean": which starts or dose increases of a drug for the
 * indication were made at the visit of the highest of two or more values so far (a peak), and
 * which followed a value that cannot show a peak (the only value before, the highest but rated
 * before the start, or a value stated over a period). The rule is `startAfterValue`
 * (`analysis/peak_start.ts`), shared with the causality rows and the claims.
 *
 * @module
 */
import { casePainText } from "../cases.ts";
import { drugWithDose } from "../dose.ts";
import type { Case } from "../model.ts";
import { listing, plural, sentenceStart } from "../prose.ts";
import { startAfterValue, startWords } from "../analysis/peak_start.ts";

/** A start or dose increase, counted: "1 start or dose increase", "2 starts or dose increases". */
const starts = (n: number) => plural(n, "start or dose increase", "starts or dose increases");

/**
 * The evidence for regression to the mean: the starts of a drug for `indication` made at the
 * visit of the highest of two or more values so far, where it predicts a fall; and those after a
 * value that cannot show a peak ({@link startAfterValue}: the only value before, the highest rated
 * some time before the start, an average over a period), where it can be neither assumed nor
 * excluded. A value stated over a period is never called the highest value so far.
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
  const atPeak: string[] = [];
  const unknown: string[] = [];
  // Why each start in `unknown` cannot show a peak: one value, or a value rated before it.
  const why = new Set<string>();
  const afterPeriod: string[] = [];
  for (const c of cases) {
    for (const t of c.treatments.filter((x) => x.purpose === indication)) {
      const s = startAfterValue(c, t.start.timeId);
      // Regression to the mean is a limit here only after the highest value so far.
      if (s === null || s.kind === "not highest") continue;
      const w = startWords(c, s);
      const entry = `case ${c.id}: ${drugWithDose(t)}`;
      // The sentence says the value is stated over a period; its note follows a dash.
      if (s.kind === "period") {
        afterPeriod.push(
          `${entry} ${w.after} ${casePainText(c, s.value)}${
            s.value.note ? ` — ${s.value.note}` : ""
          }`,
        );
      } else (s.kind === "peak" ? atPeak : unknown).push(`${entry} ${w.when}`);
      if (s.kind === "only value") why.add("one value cannot show a peak");
      if (s.kind !== "peak" && s.kind !== "period" && s.gap.hi > 0) {
        why.add(
          "a value that may have been rated before the start does not show the pain when it began",
        );
      }
    }
  }
  const high = atPeak.length
    ? `${starts(atPeak.length)} of a drug for ${indication} ${
      atPeak.length === 1 ? "was" : "were"
    } made at the visit of the highest of two or more values so far (${
      listing(atPeak)
    }); values chosen because they are high tend to be followed by lower ones without any ` +
      "treatment effect."
    : "No start or dose increase was made at the visit of the highest of two or more values so far.";
  const single = unknown.length
    ? ` ${starts(unknown.length)} followed a single rating that does not show the pain was at a ` +
      `peak when treatment began: ${unknown.join("; ")}. ${
        sentenceStart(listing([...why]))
      }, so regression to the mean can be neither assumed nor excluded there.`
    : "";
  const period = afterPeriod.length
    ? ` ${starts(afterPeriod.length)} followed a value stated over a period, not a single ` +
      `rating: ${afterPeriod.join("; ")}. Whether treatment began at a peak within that period ` +
      "is not known, so regression to the mean can be neither assumed nor excluded there."
    : "";
  return high + single + period;
}
