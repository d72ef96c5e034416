/**
 * The cumulative responder curve: the share of cases reaching each percent reduction, at the
 * first and at the last value after the drug, with the exact confidence band where given.
 *
 * @module
 */
import { checkOptions } from "../options.ts";
import { wrongArgument } from "../wrong_argument.ts";
import { responderCurveFigureOptionsSchema } from "./figure_options.ts";
import { groupedExclusions, listing } from "../prose.ts";
import { formatBound } from "../bound_format.ts";
import { percentThresholds, type Study } from "../study.ts";
import { axesPanel } from "./axes.ts";
import { type DataRow, type Figure, stack } from "./compose.ts";
import { roundPx, svgElement, textElement, titled } from "./dom.ts";
import type { LegendItem } from "./legend.ts";
import type { LinearScale } from "./uncertainty.ts";
import { DASH, type FigureWidth, figureWidth, GREY, STROKE, TYPE } from "./theme.ts";
import { responderCurve } from "../analysis/responders.ts";
import { defineFigure, type FigureDef } from "./record.ts";

/**
 * Throws unless `points` are a responder curve's points (`{ threshold, proportion, timing, n }`,
 * as `responderCurve(cases)` gives them), naming the first that is not: cases, or rows of
 * another table, would be drawn as an empty curve.
 */
function expectCurvePoints(points: unknown): void {
  const what = "the curve's points ({ threshold, proportion, timing, n }, as " +
    "responderCurve(cases) gives them)";
  if (!Array.isArray(points)) wrongArgument("responderCurveFigure", what, points);
  points.forEach((p, i) => {
    const pt = p as Partial<ResponderCurveInput> | null;
    const ok = typeof pt === "object" && pt !== null && typeof pt.threshold === "number" &&
      (pt.timing === "first" || pt.timing === "last") && typeof pt.n === "number" &&
      (pt.proportion === null || typeof pt.proportion === "number");
    if (!ok) wrongArgument("responderCurveFigure", `${what}; point ${i + 1} is not one`, p);
  });
}

/** One point of a responder curve, as the figure takes it. */
export interface ResponderCurveInput {
  /** Percent reduction threshold (0–100). */
  threshold: number;
  /** Share of cases reaching it (0–1); `null` when no case could be assessed (not drawn). */
  proportion: number | null;
  /** At the first or at the last value after the drug. */
  timing: "first" | "last";
  /** Cases in the denominator. */
  n: number;
  /**
   * Lower limit of the share's exact (Clopper–Pearson) interval, drawn as a band when given for
   * every point of a curve and n ≤ {@link RESPONDER_BAND_MAX_N}.
   */
  ciLower?: number | null;
  /** Upper limit of that interval. */
  ciUpper?: number | null;
}

/** Options of {@link responderCurveFigure}. */
export interface ResponderCurveOptions {
  /** The study question: its drug names the curves and its percent thresholds are marked. */
  study?: Study;
  /** The drug the reductions follow (default: the study's drug of interest). */
  drug?: string;
  /** Confidence level of the band (default 0.95), for the legend. */
  confidence?: number;
  /** Cases left out of the curve, with why (listed under the plot). */
  excluded?: readonly { caseId: string; reason: string }[];
  /** Figure width (default "column"). */
  width?: FigureWidth;
}

/** The two timings in ink and mid-grey (solid and dashed): no hue that is a drug class's. */
const COLORS = { first: "#222222", last: "#777777" } as const;

/**
 * Largest number of cases for which the exact band is drawn: with few cases a share moves in
 * large steps and its interval is the honest message; with more the band would hide the curve.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { RESPONDER_BAND_MAX_N } from "#lib/plots/mod.ts";
 * assert.equal(RESPONDER_BAND_MAX_N, 10);
 * ```
 */
export const RESPONDER_BAND_MAX_N = 10;

/**
 * Why the responder curve is not drawn, or `null` when it is: no case has a percent reduction
 * (the cases left out, with why), or fewer than `minCases` cases have one (the study's
 * `min_cases_responder_curve`). The curve is the distribution of the cases' percent reductions:
 * with few cases each share moves in large steps and its exact interval spans most of the range,
 * so the responder table, which lists each case, says it better.
 *
 * @param points The curve's points (as from `responderCurve`).
 * @param minCases The fewest cases the curve is drawn from (`study.minCasesResponderCurve`).
 * @param excluded The cases left out of the curve, with why (as `responderCurve` gives them).
 * @returns A sentence for the notebook, or `null`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { responderCurveOmission } from "#lib/plots/mod.ts";
 * const pts = [{ threshold: 0, proportion: 1, timing: "first" as const, n: 3 }];
 * assert.match(responderCurveOmission(pts, 5)!, /^No responder curve: only 3 cases/);
 * assert.equal(responderCurveOmission(pts, 3), null);
 * const none = [{ threshold: 0, proportion: null, timing: "first" as const, n: 0 }];
 * assert.equal(
 *   responderCurveOmission(none, 5, [{ caseId: "1", reason: "never takes x" }]),
 *   "No responder curve: no case has a percent reduction (case 1: never takes x).",
 * );
 * ```
 */
export function responderCurveOmission(
  points: readonly ResponderCurveInput[],
  minCases: number,
  excluded: readonly { caseId: string; reason: string }[] = [],
): string | null {
  const n = Math.max(0, ...points.map((p) => p.n));
  if (n === 0) {
    return `No responder curve: no case has a percent reduction` +
      `${excluded.length ? ` (${groupedExclusions(excluded)})` : ""}.`;
  }
  if (n >= minCases) return null;
  return `No responder curve: only ${n} case${n === 1 ? "" : "s"} ${
    n === 1 ? "has" : "have"
  } a percent reduction, and the curve is drawn from ${minCases} cases on (study.json; with ` +
    `fewer, each share moves in steps of ${Math.round(100 / n)} percentage points or more); ` +
    "the responder table above gives each case.";
}

/**
 * The cumulative responder curve: for each percent reduction, the share of cases whose reduction
 * reaches it, at the first and at the last value after the drug (step lines), with their exact
 * confidence bands when the points carry them, and the percent thresholds of the study marked.
 *
 * @param points The curve's points (both timings).
 * @param options Drug, confidence level, excluded cases, width.
 * @returns The figure.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { responderCurveFigure } from "#lib/plots/mod.ts";
 * const pts = [0, 100].map((t) => ({ threshold: t, proportion: 1 - t / 100, timing: "first" as const, n: 3 }));
 * assert.ok(responderCurveFigure(pts).svg.querySelectorAll("polyline").length > 0);
 * ```
 */
export function responderCurveFigure(
  points: readonly ResponderCurveInput[],
  options: ResponderCurveOptions = {},
): Figure {
  checkOptions("responderCurveFigure", responderCurveFigureOptionsSchema, options);
  expectCurvePoints(points);
  const width = figureWidth(options.width ?? "column");
  const drug = options.drug ?? options.study?.drug ?? "the drug";
  const confidence = options.confidence ?? 0.95;
  const n = points[0]?.n ?? 0;
  const timings = (["first", "last"] as const).filter((t) => points.some((p) => p.timing === t));
  const label = (t: Timing) => `${t} value after ${drug}`;
  const curves = timings.map((t): Curve => ({
    timing: t,
    pts: points.filter((p) => p.timing === t && p.proportion !== null)
      .sort((a, b) => a.threshold - b.threshold),
  }));
  const banded = curves.filter((c) =>
    c.pts.length > 0 && c.pts[0].n <= RESPONDER_BAND_MAX_N &&
    c.pts.every((p) => typeof p.ciLower === "number" && typeof p.ciUpper === "number")
  );
  const thresholds = options.study ? percentThresholds(options.study) : [];
  const plot = axesPanel({
    width,
    height: Math.round(width * 0.62),
    margin: { top: 30, right: 10, bottom: 32, left: 40 },
    x: { domain: [0, 100], label: "Reduction from baseline (%) →", ticks: 5 },
    y: {
      domain: [0, 1],
      label: `Share of cases (n = ${n})`,
      ticks: 5,
      tickFormat: (d: number) => `${Math.round(d * 100)}%`,
    },
    draw: (x, y) => {
      const g = svgElement("g", { "aria-label": "responder curves" });
      for (const c of banded) for (const edge of bandEdges(x, y, c)) g.appendChild(edge);
      for (const v of thresholds) for (const el of thresholdMarks(x, y, v)) g.appendChild(el);
      for (const c of curves) g.appendChild(curveLine(x, y, c, label(c.timing)));
      return g;
    },
  });
  const notes = options.excluded?.length
    ? [`Not included: ${listing(options.excluded.map((e) => `case ${e.caseId} (${e.reason})`))}.`]
    : [];
  const data = curves.flatMap((c) =>
    c.pts.map((p): DataRow => ({
      series: label(c.timing),
      mark: "step",
      x: p.threshold,
      y: p.proportion,
      y_lo: banded.includes(c) ? p.ciLower ?? null : null,
      y_hi: banded.includes(c) ? p.ciUpper ?? null : null,
      n: p.n,
    }))
  );
  return stack([plot], {
    data,
    title: "Cumulative responder curve",
    width,
    legend: responderLegend(curves, banded, confidence, label),
    notes,
    caption: `Share of cases whose pain value fell by at least each percent from ` +
      `baseline` +
      `${
        thresholds.length
          ? `; dashed verticals: the ${listing(thresholds.map((v) => `${v}%`))} thresholds`
          : ""
      }` +
      `${
        banded.length
          ? "; thin lines: the limits of the Clopper–Pearson interval of each share"
          : ""
      }.`,
    description: `Cumulative responder curve of ${n} case${n === 1 ? "" : "s"} at the ` +
      `${listing(timings.map((t) => t))} value after ${drug}` +
      `${banded.length ? ", with exact confidence bands" : ""}.`,
  });
}

/** At the first or at the last value after the drug. */
type Timing = "first" | "last";

/** One curve: its timing and its drawn points, by threshold. */
interface Curve {
  /** Its timing. */
  timing: Timing;
  /** Its points with a share, by increasing threshold. */
  pts: ResponderCurveInput[];
}

/** The points of a step line through `value` of each point: it holds until the next threshold. */
function steps(
  x: LinearScale,
  y: LinearScale,
  pts: readonly ResponderCurveInput[],
  value: (p: ResponderCurveInput) => number,
): string[] {
  const out: string[] = [];
  pts.forEach((p, i) => {
    const next = pts[i + 1]?.threshold ?? p.threshold;
    out.push(
      `${roundPx(x(p.threshold))},${roundPx(y(value(p)))}`,
      `${roundPx(x(next))},${roundPx(y(value(p)))}`,
    );
  });
  return out;
}

/**
 * A curve's exact band as its two edges (step lines), thin, in the curve's colour and dash,
 * without a fill: two filled bands that overlap would mix into a colour no key explains.
 */
function bandEdges(x: LinearScale, y: LinearScale, c: Curve): Element[] {
  const up = steps(x, y, c.pts, (p) => p.ciUpper!);
  const down = steps(x, y, c.pts, (p) => p.ciLower!);
  return [up, down].map((edge) =>
    svgElement("polyline", {
      points: edge.join(" "),
      fill: "none",
      stroke: COLORS[c.timing],
      "stroke-width": STROKE.thin,
      "stroke-opacity": 0.7,
      ...(c.timing === "last" ? { "stroke-dasharray": DASH.open } : {}),
    })
  );
}

/** A percent threshold of the study: a dashed vertical and its label above the plot. */
function thresholdMarks(x: LinearScale, y: LinearScale, v: number): Element[] {
  return [
    svgElement("line", {
      x1: x(v),
      x2: x(v),
      y1: y(0),
      y2: y(1),
      stroke: GREY.muted,
      "stroke-width": STROKE.thin,
      "stroke-dasharray": DASH.reference,
    }),
    textElement(`${v}%`, x(v), y(1) - 4, {
      size: TYPE.small,
      anchor: "middle",
      fill: GREY.muted,
    }),
  ];
}

/** A curve's step line, with the share at each threshold where it changes as its tooltip. */
function curveLine(x: LinearScale, y: LinearScale, c: Curve, label: string): Element {
  const pts = steps(x, y, c.pts, (p) => p.proportion!);
  // Hover: the share at each threshold where it changes, with its interval.
  const changes = c.pts.filter((p, i) => i === 0 || p.proportion !== c.pts[i - 1].proportion)
    .map((p) =>
      `≥ ${p.threshold}%: ${Math.round(p.proportion! * 100)}%` +
      (typeof p.ciLower === "number" && typeof p.ciUpper === "number"
        ? ` [${formatBound(p.ciLower * 100, "lo", 0, 0)}, ${
          formatBound(p.ciUpper * 100, "hi", 0, 100)
        }]`
        : "")
    );
  return titled(
    svgElement("polyline", {
      points: pts.join(" "),
      fill: "none",
      stroke: COLORS[c.timing],
      "stroke-width": STROKE.data * 1.5,
      ...(c.timing === "last" ? { "stroke-dasharray": "6,2" } : {}),
    }),
    `${label}, share of ${c.pts[0]?.n ?? 0} cases reaching each reduction: ` +
      changes.join("; "),
  );
}

/** The legend: each curve, then each band's limits. */
function responderLegend(
  curves: readonly Curve[],
  banded: readonly Curve[],
  confidence: number,
  label: (t: Timing) => string,
): LegendItem[] {
  return [
    ...curves.map((c) => ({
      label: label(c.timing),
      swatch: {
        kind: "line" as const,
        color: COLORS[c.timing],
        width: STROKE.data * 1.5,
        ...(c.timing === "last" ? { dash: "6,2" } : {}),
      },
    })),
    ...banded.map((c) => ({
      label: `limits of the exact ${Math.round(confidence * 100)}% interval, ${c.timing} value`,
      swatch: {
        kind: "line" as const,
        color: COLORS[c.timing],
        width: STROKE.thin,
        ...(c.timing === "last" ? { dash: DASH.open } : {}),
      },
    })),
  ];
}

/**
 * The record of the responder curve of a series (`results/figures/responder-curve`): drawn from
 * the study's `min_cases_responder_curve` cases on (see {@link responderCurveOmission}).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries } from "#lib/mod.ts";
 * import { RESPONDER_CURVE } from "#lib/plots/mod.ts";
 * const series = await loadCaseSeries();
 * const enough = { ...series, study: { ...series.study, minCasesResponderCurve: 0 } };
 * assert.equal(RESPONDER_CURVE.omission(enough), null);
 * const tooFew = { ...series, study: { ...series.study, minCasesResponderCurve: 1e6 } };
 * assert.match(RESPONDER_CURVE.omission(tooFew)!, /^No responder curve/);
 * ```
 */
export const RESPONDER_CURVE: Readonly<FigureDef<"series">> = defineFigure({
  name: "responder-curve",
  title: "The share of cases reaching each percent reduction, at the first and last value",
  needs: "series",
  builder: responderCurveFigure,
  minCases: (study) => study.minCasesResponderCurve,
  file: () => "responder-curve",
  omission: (s) => {
    const curve = responderCurve(s.cases);
    return responderCurveOmission(
      curve,
      s.study.minCasesResponderCurve,
      curve[0]?.excluded ?? [],
    );
  },
  build: (s, options) => {
    const curve = responderCurve(s.cases);
    return responderCurveFigure(curve, {
      study: s.study,
      excluded: curve[0]?.excluded ?? [],
      ...options,
    });
  },
});
