/**
 * Test helper: every figure the notebooks draw, built from a case series (real data, the
 * synthetic fixture appended, or hand-made odd cases), at single-column and full width.
 *
 * @module
 */
import * as lib from "../../lib/mod.ts";
import * as plots from "../../lib/plots/mod.ts";

/** A named figure. */
export interface NamedFigure {
  /** Where it comes from. */
  name: string;
  /** The figure. */
  figure: plots.Figure;
}

/**
 * Every figure of a case series: each case's timeline (aligned and on day 0), the composite
 * Figure 1, the before/after slopegraph, the trajectories,
 * forest plots of NAP and LRRd, the responder curve and the sensitivity figures (over the
 * analysis choices, and over the readings of the text when `variants` are given), at both widths.
 */
export function allFigures(
  cases: readonly lib.Case[],
  tag: string,
  variants?: readonly lib.AnalysisVariant[],
): NamedFigure[] {
  const out: NamedFigure[] = [];
  for (const width of ["full", "column"] as const) {
    const w = `${tag}/${width}`;
    for (const c of cases) {
      out.push({ name: `${w}/case-${c.id}`, figure: plots.caseTimelineFigure(c, { width }) });
      out.push({
        name: `${w}/case-${c.id}-day0`,
        figure: plots.caseTimelineFigure(c, { width, alignOn: null }),
      });
    }
    out.push({ name: `${w}/trajectories`, figure: plots.trajectoriesFigure(cases, { width }) });
    out.push({ name: `${w}/figure-1`, figure: plots.seriesTimelineFigure(cases, { width }) });
    out.push({ name: `${w}/before-after`, figure: plots.beforeAfterFigure(cases, { width }) });
    for (const m of ["NAP", "LRRd"] as lib.Measure[]) {
      const es = lib.caseEffectSizes(cases, m, lib.painOptions(cases[0].study));
      const aggs = (["equal", "1/V"] as lib.Weighting[]).map((wt) =>
        lib.aggregateEffectSizes(
          es.perCase.map((x) => x.result),
          es.perCase.map((x) => x.caseId),
          wt,
        )
      );
      out.push({
        name: `${w}/forest-${m}`,
        figure: plots.forestFigure(m, plots.forestRows(es.perCase, aggs), { width }),
      });
    }
    const curve = lib.responderCurve(cases);
    out.push({
      name: `${w}/responder-curve`,
      figure: plots.responderCurveFigure(curve, { width, excluded: curve[0]?.excluded ?? [] }),
    });
    out.push({
      name: `${w}/sensitivity`,
      figure: plots.sensitivityFigure(plots.sensitivityIntervals(lib.sensitivityTable(cases)), {
        width,
        varied: "baseline definition and extraction bound",
      }),
    });
    if (variants) {
      out.push({
        name: `${w}/sensitivity-readings`,
        figure: plots.sensitivityFigure(lib.sensitivitySpans(variants), {
          width,
          varied: "readings of the text, baseline definition and extraction bound",
        }),
      });
    }
  }
  return out;
}
