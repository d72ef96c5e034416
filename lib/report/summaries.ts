/**
 * The computed paragraphs the notebooks print, one function per paragraph, so that the words
 * and their grammar for any number of cases live in the library (and are tested) rather than in
 * notebook cells.
 *
 * @module
 */
import { fmt } from "../intervals.ts";
import type { CaseSeries } from "../model.ts";
import { agree, listing, plural } from "../prose.ts";
import { baselineDependence, exclusionNotes, sensitivityRange } from "./mod.ts";
import type { Robustness } from "../claims/robustness.ts";
import { phases } from "../analysis/aggregation.ts";
import { caseChange } from "../analysis/change.ts";
import { clopperPearson, type ResponderRow, type Timing } from "../analysis/responders.ts";
import type { RoundingVerdict, SensitivityRow } from "../analysis/sensitivity.ts";
import { valueScale } from "../cases.ts";

/**
 * How many rows of each table the dataset has, as one sentence.
 *
 * @param s The case series.
 * @returns For example "1 source, 3 cases, 14 dose periods, …".
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { datasetCounts, loadCaseSeries, plural } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * const start = `${plural(s.sources.size, "source")}, ${plural(s.cases.length, "case")}, `;
 * assert.ok(datasetCounts(s).startsWith(start));
 * ```
 */
export function datasetCounts(s: CaseSeries): string {
  const count = (f: (c: CaseSeries["cases"][number]) => unknown[]) =>
    s.cases.reduce((n, c) => n + f(c).length, 0);
  return `${plural(s.sources.size, "source")}, ${plural(s.cases.length, "case")}, ` +
    `${plural(count((c) => c.treatments), "dose period")}, ` +
    `${plural(count((c) => c.observations), `${valueScale(s.cases).name} value`)}, ` +
    `${plural(count((c) => c.events), "event")} and ` +
    `${plural(count((c) => c.timepoints), "time point")}`;
}

/**
 * The responders at the study's strictest percent threshold, at the first and last value after
 * the drug, with their exact intervals, the cases left out, and the narrowest interval the
 * number of cases allows.
 *
 * @param rows The computed responder rows (`responders`).
 * @returns The paragraph.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, plural, responders, responderSummary } from "#lib/mod.ts";
 * const rows = responders((await loadCaseSeries()).cases);
 * // It reports the strictest percent threshold at the last value as "count of n cases".
 * const percents = rows.flatMap((r) => r.threshold.kind === "percent" ? [r.threshold.value] : []);
 * const top = Math.max(...percents);
 * const last = rows.find((r) => r.timing === "last" && r.threshold.value === top)!;
 * const said = `${last.count} of ${plural(last.n, "case")} had a ≥${top}%`;
 * assert.ok(last.n === 0 || responderSummary(rows).includes(said));
 * ```
 */
export function responderSummary(rows: readonly ResponderRow[]): string {
  const top = Math.max(
    ...rows.flatMap((r) => r.threshold.kind === "percent" ? [r.threshold.value] : []),
  );
  const drug = rows[0]?.options.drug ?? "the drug";
  const at = (timing: Timing) =>
    rows.find((r) =>
      r.timing === timing && r.threshold.kind === "percent" && r.threshold.value === top
    );
  const say = (timing: Timing) => {
    const r = at(timing);
    return !r || r.n === 0
      ? `at the ${timing} value no case could be assessed`
      : `at the ${timing} value ${r.count} of ${plural(r.n, "case")} had a ≥${top}% ` +
        `reduction (95% CI ${fmt(100 * r.ciLower!, 0)}–${fmt(100 * r.ciUpper!, 0)}%)`;
  };
  const left = exclusionNotes(rows);
  const n = at("last")?.n ?? 0;
  const best = n > 0 ? clopperPearson(n, n) : null;
  return `After ${drug}, ${say("first")}; ${say("last")}. ` +
    (left.length ? `${left[0]} ` : "") +
    (best
      ? `With ${plural(n, "case")}, even if every case responded the exact interval's ` +
        `lower limit would be ${fmt(100 * best.ciLower!, 0)}%.`
      : "");
}

/**
 * Per case, the range of the percent reduction at the first and last value after the drug across
 * every baseline definition and extraction bound, as a Markdown list.
 *
 * @param s The case series.
 * @param table Its sensitivity table (`sensitivityTable(s.cases)`).
 * @returns One bullet per case.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, reductionRanges, sensitivityTable } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * // One bullet per case, in case order.
 * const bullets = reductionRanges(s, sensitivityTable(s.cases)).split("\n");
 * assert.deepEqual(
 *   bullets.map((b) => b.slice(0, b.indexOf(":"))),
 *   s.cases.map((c) => `- Case ${c.id}`),
 * );
 * ```
 */
export function reductionRanges(s: CaseSeries, table: readonly SensitivityRow[]): string {
  const first = "percent reduction, first post-drug value";
  const last = "percent reduction, last post-drug value";
  const span = (quantity: string, id: string) => {
    const r = sensitivityRange(table, quantity, id);
    return r.includes("–") ? `ranges ${r}% across the choices` : `is ${r}% under every choice`;
  };
  return s.cases.map((c) =>
    sensitivityRange(table, first, c.id) === "not defined"
      ? `- Case ${c.id}: no percent reduction can be computed (${
        caseChange(c).reason ?? "no value after the baseline"
      }).`
      : `- Case ${c.id}: the percent reduction at the first value after ${c.study.drug} ` +
        `${span(first, c.id)}; at the last it ${span(last, c.id)}.`
  ).join("\n");
}

/**
 * Which cases' baselines depend on the baseline definition, and why the others do not.
 *
 * @param s The case series.
 * @returns The paragraph.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { baselineDependence, baselineSummary, loadCaseSeries } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * const text = baselineSummary(s);
 * // Each case whose baseline moves with the definition gets its sentence.
 * for (const b of baselineDependence(s)) {
 *   assert.ok(text.includes(`Case ${b.caseId}'s baseline depends on the definition`));
 * }
 * ```
 */
export function baselineSummary(s: CaseSeries): string {
  const moving = baselineDependence(s);
  // Cases that take the drug of interest and whose baseline is one value or none.
  const fixed = s.cases.filter((c) => !phases(c).reason && !moving.some((b) => b.caseId === c.id));
  const drug = s.study.drug;
  const unit = valueScale(s.cases).unit;
  return (moving.length
    ? moving.map((b) =>
      `Case ${b.caseId}'s baseline depends on the definition (last, maximum, mean: ${
        b.values.map((v) => fmt(v)).join(", ")
      } ${unit}), because ${plural(b.n, "value")} ${agree(b.n, "precedes", "precede")} ${drug}.`
    ).join(" ")
    : "No case's baseline depends on the definition.") +
    (fixed.length
      ? ` In ${plural(fixed.length, "other case")} (${
        listing(fixed.map((c) => c.id))
      }) at most one value precedes ${drug} (or none does), so only the extraction bounds and ` +
        "the readings move the numbers."
      : "");
}

/**
 * How many readings of the text were varied, how many variants they give, and which headline
 * conclusions do not hold in all of them.
 *
 * @param readings Number of other readings.
 * @param variants Number of analysis variants (every compatible combination).
 * @param robust The conclusions and in how many variants each holds (`conclusionRobustness`).
 * @param fullGrid Whether the variants are every compatible combination (`isFullGrid`), or each
 * reading alone and all together.
 * @returns The paragraph.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { robustnessSummary } from "#lib/mod.ts";
 * const a = { id: "a", label: "A", value: "supported", holds: 2, of: 2, differs: [] };
 * assert.equal(
 *   robustnessSummary(1, 2, [a]),
 *   "1 other reading of the text gives 2 analysis variants (every compatible combination). " +
 *     "1 of 1 headline conclusion holds in every variant.",
 * );
 * ```
 */
export function robustnessSummary(
  readings: number,
  variants: number,
  robust: readonly Robustness[],
  fullGrid = true,
): string {
  const fragile = robust.filter((r) => r.holds < r.of);
  const holding = robust.length - fragile.length;
  return `${plural(readings, "other reading")} of the text ${agree(readings, "gives", "give")} ` +
    `${plural(variants, "analysis variant")} (${
      fullGrid
        ? "every compatible combination"
        : "each reading alone and all that can be combined together: every combination would " +
          "be too many"
    }). ` +
    `${holding} of ${plural(robust.length, "headline conclusion")} ` +
    `${agree(holding, "holds", "hold")} in every variant` +
    (fragile.length
      ? `; ${listing(fragile.map((r) => `${r.label} is "${r.value}" in ${r.holds} of ${r.of}`))}.`
      : ".");
}

/**
 * Which responder conclusions move when every stated value is varied by half its last stated
 * digit, in one paragraph.
 *
 * @param verdicts The verdicts (`roundingRobustness`).
 * @returns The paragraph.
 * @example
 * ```ts
 * import { roundingSummary } from "./summaries.ts";
 * const s = roundingSummary([{
 *   caseId: "1", timing: "first", threshold: "≥30% reduction", nominal: true,
 *   asStated: [30.3, 30.3], rounded: [27.7, 32.8], status: "moves under rounding",
 * }]);
 * if (!s.includes("case 1, ≥30% reduction at the first value (reached as stated; 27.7–32.8%")) {
 *   throw new Error(s);
 * }
 * ```
 */
export function roundingSummary(verdicts: readonly RoundingVerdict[]): string {
  const moving = verdicts.filter((v) => v.status === "moves under rounding");
  const already = verdicts.filter((v) => v.status === "moves within the extraction intervals");
  const unit = (v: RoundingVerdict) => v.threshold.includes("%") ? "%" : "";
  const what = (v: RoundingVerdict) =>
    `case ${v.caseId}, ${v.threshold} at the ${v.timing} value (${
      v.nominal ? "reached" : "not reached"
    } as stated; ${fmt(v.rounded[0], 1)}–${fmt(v.rounded[1], 1)}${unit(v)} with rounding)`;
  const head = "Each stated value varied by half a unit of its last stated digit (± 0.05 for a " +
    "value stated to one decimal, ± 0.5 for a whole number): ";
  if (verdicts.length === 0) {
    return head + "no responder conclusion to assess (no case has a value before and after the " +
      "drug).";
  }
  return head +
    (moving.length
      ? `${plural(moving.length, "responder conclusion")} of ${verdicts.length} ` +
        `${agree(moving.length, "moves", "move")}: ${listing(moving.map(what))}.`
      : `none of ${plural(verdicts.length, "responder conclusion")} moves.`) +
    (already.length
      ? ` ${plural(already.length, "other")} already ${
        agree(already.length, "depends", "depend")
      } on the extraction intervals as stated (a stated range).`
      : "");
}
