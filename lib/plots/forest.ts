/**
 * Forest plot of one effect size: a row per case and per aggregate, each estimate with its
 * confidence interval on the measure's own scale, the informative interval where the package's
 * is degenerate, and short footnotes for what is missing.
 *
 * @module
 */
import { checkOptions } from "../options.ts";
import { nearestTerm } from "../nearest.ts";
import { wrongArgument } from "../wrong_argument.ts";
import { forestOptionsSchema } from "./figure_options.ts";
import {
  aggregateEffectSizes,
  type AggregateResult,
  attainableRange,
  caseEffectSizes,
  type Weighting,
} from "../analysis/aggregation.ts";
import { painOptions } from "../study.ts";
import type { EffectSizeResult } from "../stats/types.ts";
import { EFFECT_SIZES, type Measure } from "../stats/effect_sizes/mod.ts";
import { casesListing, groupedExclusions, listing } from "../prose.ts";
import { axesPanel } from "./axes.ts";
import { type DataRow, type Figure, stack } from "./compose.ts";
import {
  footnoteLetter,
  forestDomain,
  forestLayout,
  forestLegend,
  forestMarks,
  type ForestRow,
  type MeasureScale,
  printedRows,
} from "./forest_marks.ts";
import { type FigureWidth, figureWidth } from "./theme.ts";
import { defineFigure, type FigureDef, type SeriesInput } from "./record.ts";

export type { ForestRow, MeasureScale } from "./forest_marks.ts";

/** Options of {@link forestFigure}. */
export interface ForestOptions {
  /** A sentence added to the caption (e.g. the options the measure was computed with). */
  note?: string;
  /** Figure width (default "full"). */
  width?: FigureWidth;
}

/**
 * Axis and reference line of each measure, read from the effect-size registry
 * (`lib/stats/effect_sizes/`): the axis spans the measure's `range` where it has one (NAP on
 * 0–1), and the reference line marks its no-effect value (NAP 0.5, the Tau family and the
 * unbounded measures 0; PND and PAND none).
 */
export const MEASURE_SCALES: Readonly<Record<Measure, MeasureScale>> = Object.freeze(
  Object.fromEntries(
    EFFECT_SIZES.map((
      d,
    ) => [d.name, Object.freeze({ domain: d.range, reference: d.plot.noEffect })]),
  ) as Record<Measure, MeasureScale>,
);

/** How a measure is printed: its registry label ("Tau-BC" for "TauBC"), else the name given. */
const printedName = (measure: string): string =>
  EFFECT_SIZES.find((d) => d.name === measure)?.label ?? measure;

/** Throws unless `measure` names a measure of the effect-size registry (with the nearest name). */
function expectMeasure(measure: unknown): void {
  const names: string[] = EFFECT_SIZES.map((d) => d.name);
  if (typeof measure === "string" && names.includes(measure)) return;
  const near = typeof measure === "string" ? nearestTerm(measure, names) : null;
  wrongArgument(
    "forestFigure",
    `a measure of the effect-size registry (${names.join(", ")})`,
    measure,
    near === null ? "" : `Did you mean "${near}"?`,
  );
}

/**
 * Throws unless `rows` are forest rows (`{ label, result: { estimate, … } }`, as `forestRows`
 * gives them), naming the first that is not.
 */
function expectForestRows(rows: unknown): void {
  const hint = "Make them with forestRows(perCase, aggregates)";
  if (!Array.isArray(rows)) wrongArgument("forestFigure", "forest rows (an array)", rows, hint);
  rows.forEach((r, i) => {
    const row = r as { label?: unknown; result?: { estimate?: unknown } } | null;
    const ok = typeof row === "object" && row !== null && typeof row.label === "string" &&
      typeof row.result === "object" && row.result !== null && "estimate" in row.result;
    if (!ok) {
      wrongArgument(
        "forestFigure",
        `forest rows ({ label, result: { estimate, ciLower, ciUpper, reason } }); row ${
          i + 1
        } is not one`,
        r,
        hint,
      );
    }
  });
}

/**
 * Forest plot of one effect size. Left: row labels with a detail line (sample sizes; the cases an
 * aggregate contains). Middle: the estimate (dot; diamond for aggregates) and its confidence
 * interval on the measure's scale ({@link MEASURE_SCALES}: NAP on 0–1 with a line at 0.5), the
 * informative interval in grey where the package's is degenerate. Right: the numbers, and for a
 * missing estimate or interval a footnote letter; the footnotes (reasons) follow the plot.
 *
 * @param measure The measure's name, one of the effect-size registry's (it selects the axis, {@link MEASURE_SCALES}).
 * @param rows The rows, top to bottom.
 * @param options Caption note, width.
 * @returns The figure.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { forestFigure } from "#lib/plots/mod.ts";
 * const fig = forestFigure("NAP", [{ label: "Case 1", result: { estimate: 1, ciLower: null, ciUpper: null, reason: "x" } }]);
 * assert.equal(
 *   fig.description,
 *   "Forest plot of NAP for 1 row: estimates with confidence intervals where defined.",
 * );
 * ```
 */
export function forestFigure(
  measure: string,
  rows: readonly ForestRow[],
  options: ForestOptions = {},
): Figure {
  checkOptions("forestFigure", forestOptionsSchema, options);
  expectMeasure(measure);
  expectForestRows(rows);
  const width = figureWidth(options.width ?? "full");
  const scale: MeasureScale = (MEASURE_SCALES as Record<string, MeasureScale>)[measure] ??
    { domain: null, reference: null };
  const confidence = rows.find((r) => r.result.options?.confidence)?.result.options?.confidence ??
    0.95;
  const { data, footnotes } = printedRows(rows);
  const domain = forestDomain(rows, scale);
  const layout = forestLayout(data, width, confidence);
  const { margin } = layout;
  const plot = axesPanel({
    width,
    height: layout.height,
    margin,
    x: {
      domain,
      // Drawn below (under the axis's own end, not at the figure's edge past the estimates).
      label: null,
      ticks: Math.max(2, Math.floor((width - margin.left - margin.right) / 60)),
    },
    y: { domain: [0, 1], label: null, axis: false, grid: false },
    draw: (x) => forestMarks(x, { measure, scale, domain, width, data, layout }),
  });
  const notes = footnotes.map((f, i) => `${footnoteLetter(i)}: ${f}`);
  const n = rows.length;
  return stack([plot], {
    data: data.map(({ r, value }) => forestDataRow(measure, r, value)),
    title: `${printedName(measure)}: per case and aggregated`,
    width,
    legend: forestLegend(rows, confidence),
    notes: notes.length ? [notes.join("; ") + "."] : [],
    caption:
      (`Estimates of ${printedName(measure)} with ${Math.round(confidence * 100)}% confidence ` +
        `intervals${scale.domain ? ` on the measure's whole range` : ""} (dashed: runs past ` +
        `the axis)` +
        `${
          scale.reference !== null ? `; the dashed line marks no effect (${scale.reference})` : ""
        }. ` +
        `${options.note ?? ""}`).trim(),
    description: `Forest plot of ${printedName(measure)} for ${n} row${n === 1 ? "" : "s"}: ` +
      "estimates with confidence intervals where defined.",
  });
}

/** Whether a case's result counts for a forest plot (see {@link forestOmission}). */
function estimable(
  r: Pick<EffectSizeResult, "estimate" | "ciLower" | "ciUpper" | "n">,
  minPoints: number,
): boolean {
  return r.estimate !== null && r.ciLower !== null && r.ciUpper !== null &&
    r.n.baseline >= minPoints && r.n.treatment >= minPoints;
}

/**
 * Why a case has no value in a phase: its own reason (e.g. never taking the drug), or which phase
 * is empty where its reason only says that one is.
 */
function emptyPhase(
  r: Pick<EffectSizeResult, "n"> & { reason?: string | null },
): string {
  if (r.reason && !/empty phase/i.test(r.reason)) return r.reason;
  return !r.n.baseline && !r.n.treatment
    ? "no value before or after the drug"
    : !r.n.baseline
    ? "no value before the drug"
    : "no value after the drug";
}

/**
 * Why a forest plot of these per-case results is not drawn, or `null` when it is: fewer than
 * `rules.minCases` cases are estimable, that is have an estimate, a confidence interval and at
 * least `rules.minPoints` values in each phase (the study's `min_cases_forest` and
 * `min_points_per_phase`). With fewer, "pooled" rows repeat one or two cases, and a sentence
 * with a per-case table says more.
 *
 * @param measure The measure's name.
 * @param perCase Each case's result.
 * @param rules The fewest estimable cases, and values per phase (from the study).
 * @returns A sentence for the notebook, or `null`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { forestOmission } from "#lib/plots/mod.ts";
 * const r = { estimate: 1, ciLower: 0.4, ciUpper: 1, reason: null, n: { baseline: 2, treatment: 2 } };
 * const rules = { minCases: 3, minPoints: 3 };
 * assert.match(forestOmission("NAP", [{ caseId: "1", result: r }], rules)!, /^No forest plot of NAP/);
 * // A measure is named by its label.
 * assert.match(forestOmission("TauBC", [{ caseId: "1", result: r }], rules)!, /^No forest plot of Tau-BC:/);
 * // No case with both phases: that is the reason given, with each case's own.
 * const none = { ...r, estimate: null, reason: "never takes x", n: { baseline: 2, treatment: 0 } };
 * assert.equal(
 *   forestOmission("NAP", [{ caseId: "1", result: none }], rules),
 *   "No forest plot of NAP: no case has pain values both before and after the drug (case 1: " +
 *     "never takes x).",
 * );
 * // A case whose reason only says a phase is empty: which one.
 * const before = { ...none, reason: "an empty phase", n: { baseline: 0, treatment: 3 } };
 * assert.match(
 *   forestOmission("NAP", [{ caseId: "1", result: before }], rules)!,
 *   /\(case 1: no value before the drug\)\.$/,
 * );
 * ```
 */
export function forestOmission(
  measure: string,
  perCase: readonly {
    caseId: string;
    result:
      & Pick<EffectSizeResult, "estimate" | "ciLower" | "ciUpper" | "n">
      & { reason?: string | null };
  }[],
  rules: { minCases: number; minPoints: number },
): string | null {
  const ok = perCase.filter((p) => estimable(p.result, rules.minPoints));
  if (ok.length >= rules.minCases) return null;
  // No case with a value in both phases (e.g. a drug no case takes): that, not the WWC
  // standard, is why; the cases with their reasons.
  if (perCase.length > 0 && perCase.every((p) => !p.result.n.baseline || !p.result.n.treatment)) {
    return `No forest plot of ${
      printedName(measure)
    }: no case has pain values both before and after the ` +
      `drug (${
        groupedExclusions(perCase.map((p) => ({ caseId: p.caseId, reason: emptyPhase(p.result) })))
      }).`;
  }
  const defined = perCase.filter((p) =>
    p.result.estimate !== null && p.result.ciLower !== null && p.result.ciUpper !== null
  );
  const which = ok.length
    ? `only ${casesListing(ok.map((p) => p.caseId))} ${ok.length === 1 ? "is" : "are"}`
    : "no case is";
  const short = defined.length - ok.length;
  return `No forest plot of ${
    printedName(measure)
  }: ${which} estimable (an estimate and a confidence ` +
    `interval from at least ${rules.minPoints} values in each phase: min_points_per_phase, ` +
    "study.json)" +
    `${
      short > 0
        ? `; ${
          casesListing(
            defined.filter((p) => !estimable(p.result, rules.minPoints)).map((p) => p.caseId),
          )
        } ` +
          `${short === 1 ? "has" : "have"} an estimate from shorter phases`
        : ""
    }, and a forest plot needs at least ${rules.minCases} estimable cases to compare or ` +
    `pool.${defined.length ? " The table below gives each case's estimate, with nA and nB." : ""}`;
}

/**
 * The per-case table shown instead of a forest plot: each case's estimate and the interval a
 * forest plot would draw (the informative one where the package's is degenerate), with its phase
 * sizes and, where undefined, why.
 *
 * @param measure The measure's name.
 * @param perCase Each case's result.
 * @returns One row per case.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { forestTable } from "#lib/plots/mod.ts";
 * assert.equal(forestTable("NAP", []).length, 0);
 * ```
 */
export function forestTable(
  measure: string,
  perCase: readonly { caseId: string; result: EffectSizeResult }[],
): DataRow[] {
  return perCase.map((p) => {
    const r = p.result;
    const ci = r.informativeCi ??
      (r.ciLower !== null && r.ciUpper !== null ? { lower: r.ciLower, upper: r.ciUpper } : null);
    return {
      case: p.caseId,
      measure,
      estimate: r.estimate,
      "CI lower": ci?.lower ?? null,
      "CI upper": ci?.upper ?? null,
      interval: r.informativeCi ? "informative (the package's is degenerate)" : ci ? "package" : "",
      nA: r.n.baseline,
      nB: r.n.treatment,
      "why not defined": r.estimate === null ? r.reason ?? null : null,
    };
  });
}

/**
 * Rows of a forest plot from per-case results and aggregates: cases labelled with their phase
 * sizes, aggregates with the cases they contain and, as footnotes, the cases they leave out and
 * why.
 *
 * @param perCase Each case's result.
 * @param aggregates Aggregates (in order).
 * @returns The rows.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { forestRows } from "#lib/plots/mod.ts";
 * assert.equal(forestRows([], []).length, 0);
 * ```
 */
export function forestRows(
  perCase: readonly { caseId: string; result: EffectSizeResult }[],
  aggregates: readonly AggregateResult[],
): ForestRow[] {
  return [
    ...perCase.map((p): ForestRow => ({
      label: `Case ${p.caseId}`,
      detail: `nA = ${p.result.n.baseline}, nB = ${p.result.n.treatment}`,
      result: p.result,
    })),
    ...aggregates.map((a): ForestRow => ({
      label: `Pooled, ${a.weighting === "equal" ? "equal weights" : `weights ${a.weighting}`}`,
      detail: casesListing(a.weights.map((w) => w.caseId)),
      kind: "aggregate",
      notes: [...new Set(a.excluded.map((e) => e.reason))].map((reason) => {
        const ids = a.excluded.filter((e) => e.reason === reason).map((e) => e.caseId);
        return `leaves out case${ids.length === 1 ? "" : "s"} ${listing(ids)}: ${reason}`;
      }),
      result: {
        estimate: a.estimate,
        ciLower: a.ciLower,
        ciUpper: a.ciUpper,
        reason: a.reason,
      },
    })),
  ];
}

/** The source-data row of a forest row: what its dot, whiskers and printed value show. */
function forestDataRow(measure: string, r: ForestRow, printed: string): DataRow {
  const { estimate, ciLower, ciUpper, informativeCi } = r.result;
  const drawnCi = !informativeCi && ciLower !== null && ciUpper !== null && ciUpper > ciLower;
  return {
    series: r.label,
    mark: r.kind ?? "case",
    measure,
    x: estimate !== null && Number.isFinite(estimate) ? estimate : null,
    x_lo: drawnCi ? ciLower : null,
    x_hi: drawnCi ? ciUpper : null,
    informative_lo: informativeCi?.lower ?? null,
    informative_hi: informativeCi?.upper ?? null,
    label: printed,
  };
}

/** Each case's estimate of a measure, under the study's definition of improvement. */
const perCaseOf = (i: SeriesInput & { measure: Measure }) =>
  caseEffectSizes(i.cases, i.measure, painOptions(i.study)).perCase;

/**
 * The record of the forest plot of one measure (`results/figures/forest-<measure>`): the cases'
 * estimates and their aggregates with equal and inverse-variance weights, drawn from the study's
 * `min_cases_forest` estimable cases on (see {@link forestOmission}).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries } from "#lib/mod.ts";
 * import { FOREST } from "#lib/plots/mod.ts";
 * const series = await loadCaseSeries();
 * const input = { ...series, measure: "NAP" as const };
 * assert.equal(FOREST.file(input), "forest-NAP");
 * assert.match(FOREST.build(input).description, /^Forest plot of NAP/);
 * ```
 */
export const FOREST: Readonly<FigureDef<"measure">> = defineFigure({
  name: "forest",
  title: "One measure per case and aggregated, with confidence intervals",
  needs: "measure",
  builder: forestFigure,
  minCases: (study) => study.minCasesForest,
  file: (i) => `forest-${i.measure}`,
  omission: (i) =>
    forestOmission(i.measure, perCaseOf(i), {
      minCases: i.study.minCasesForest,
      minPoints: i.study.minPointsPerPhase,
    }),
  build: (i, options) => {
    const perCase = perCaseOf(i);
    // Each aggregate's interval is cut to the range the measure can take on these data, as in
    // the aggregate table (PoGO: at most 100 when its goal is an end of the metric).
    const range = attainableRange(i.measure, painOptions(i.study));
    const aggs = (["equal", "1/V"] as Weighting[]).map((w) =>
      aggregateEffectSizes(
        perCase.map((x) => x.result),
        perCase.map((x) => x.caseId),
        w,
        undefined,
        range,
      )
    );
    return forestFigure(i.measure, forestRows(perCase, aggs), { ...options });
  },
});
