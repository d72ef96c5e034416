// deno-lint-ignore-file house/max-function-lines house/max-module-lines
// TODO(issue 25): removed when the shape helper lands.
/**
 * Forest plot of one effect size: a row per case and per aggregate, each estimate with its
 * confidence interval on the measure's own scale, the informative interval where the package's
 * is degenerate, and short footnotes for what is missing.
 *
 * @module
 */
import type { AggregateResult } from "../analysis/aggregation.ts";
import type { EffectSizeResult } from "../stats/types.ts";
import { EFFECT_SIZES, type Measure } from "../stats/effect_sizes/mod.ts";
import { casesListing, listing } from "../prose.ts";
import { axesPanel } from "./axes.ts";
import { type DataRow, type Figure, PAD, stack } from "./compose.ts";
import { svgElement, textElement, titled } from "./dom.ts";
import { measureText } from "./fonts.ts";
import type { LegendItem } from "./legend.ts";
import { wrapText } from "./layout.ts";
import { whisker } from "./uncertainty.ts";
import { DASH, type FigureWidth, figureWidth, GREY, MARKER_RADIUS, STROKE, TYPE } from "./theme.ts";

/** One row of a forest plot. */
export interface ForestRow {
  /** Row label (e.g. "Case 1" or "Pooled, equal weights"). */
  label: string;
  /** A second, smaller line under the label: sample sizes, or the cases an aggregate contains. */
  detail?: string;
  /** "case" (a dot) or "aggregate" (a diamond, below a rule); default "case". */
  kind?: "case" | "aggregate";
  /** Footnotes of the row (e.g. the cases an aggregate leaves out and why). */
  notes?: readonly string[];
  /** The effect size. */
  result: Pick<EffectSizeResult, "estimate" | "ciLower" | "ciUpper" | "reason"> & {
    /** Sample sizes. */
    n?: { baseline: number; treatment: number };
    /** A caution about a defined but misleading value. */
    note?: string;
    /** Where the package's interval is degenerate: the informative interval (drawn in grey). */
    informativeCi?: { lower: number; upper: number };
    /** Options the result was computed with (its confidence level is shown). */
    options?: { confidence?: number };
  };
}

/** Options of {@link forestFigure}. */
export interface ForestOptions {
  /** A sentence added to the caption (e.g. the options the measure was computed with). */
  note?: string;
  /** Figure width (default "full"). */
  width?: FigureWidth;
}

/** The scale of a measure: its range where bounded, and its no-effect value. */
export interface MeasureScale {
  /** The whole range of the measure (the axis spans it), or `null` to fit the data. */
  domain: readonly [number, number] | null;
  /** The value meaning no effect, marked by a reference line, or `null`. */
  reference: number | null;
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

const SUPERSCRIPTS = ["ᵃ", "ᵇ", "ᶜ", "ᵈ", "ᵉ", "ᶠ", "ᵍ", "ʰ", "ⁱ", "ʲ", "ᵏ"];
const LETTERS = "abcdefghijk";

/**
 * Forest plot of one effect size. Left: row labels with a detail line (sample sizes; the cases an
 * aggregate contains). Middle: the estimate (dot; diamond for aggregates) and its confidence
 * interval on the measure's scale ({@link MEASURE_SCALES}: NAP on 0–1 with a line at 0.5), the
 * informative interval in grey where the package's is degenerate. Right: the numbers, and for a
 * missing estimate or interval a footnote letter; the footnotes (reasons) follow the plot.
 *
 * @param measure The measure's name (a {@link Measure} selects its scale; any other fits the data).
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
  const width = figureWidth(options.width ?? "full");
  const scale: MeasureScale = (MEASURE_SCALES as Record<string, MeasureScale>)[measure] ??
    { domain: null, reference: null };
  const confidence = rows.find((r) => r.result.options?.confidence)?.result.options?.confidence ??
    0.95;
  const fmt = (v: number) => v.toFixed(2).replace("-", "−");

  // Footnotes: one letter per distinct text.
  const footnotes: string[] = [];
  const mark = (text: string) => {
    let i = footnotes.indexOf(text);
    if (i < 0) i = footnotes.push(text) - 1;
    return SUPERSCRIPTS[i] ?? `(${i + 1})`;
  };
  /** A note ending in a reason already footnoted points to that footnote instead. */
  const referTo = (note: string) => {
    const i = footnotes.findIndex((f) => note !== f && note.endsWith(f));
    if (i < 0) return note;
    return `${note.slice(0, -footnotes[i].length).replace(/[:;,]\s*$/, "").trimEnd()} (see ${
      LETTERS[i] ?? `(${i + 1})`
    })`;
  };
  const data = rows.map((r) => {
    const { estimate, ciLower, ciUpper, reason } = r.result;
    let value: string;
    if (estimate === null) {
      value = `not defined${mark(reason ?? "not defined")}`;
    } else if (ciLower === null || ciUpper === null) {
      value = `${fmt(estimate)}, no CI${mark(reason ?? "no confidence interval")}`;
    } else if (r.result.informativeCi) {
      // The interval printed is the one drawn: the informative one, the package's named.
      const i = r.result.informativeCi;
      value = `${fmt(estimate)} [${fmt(i.lower)}, ${fmt(i.upper)}]` +
        mark(
          `grey: the informative interval; SingleCaseES gives [${fmt(ciLower)}, ${
            fmt(ciUpper)
          }], degenerate`,
        );
    } else {
      value = `${fmt(estimate)} [${fmt(ciLower)}, ${fmt(ciUpper)}]`;
      if (ciLower === ciUpper) value += mark("degenerate interval (as in SingleCaseES)");
    }
    if (r.result.note) value += mark(r.result.note);
    for (const n of r.notes ?? []) value += mark(referTo(n));
    return { r, value };
  });

  // Domain: the measure's range, or the data with the reference value.
  const values = rows.flatMap((r) => [
    r.result.estimate,
    r.result.ciLower,
    r.result.ciUpper,
    r.result.informativeCi?.lower ?? null,
    r.result.informativeCi?.upper ?? null,
  ]).filter((v): v is number => v !== null && Number.isFinite(v));
  let domain: [number, number];
  if (scale.domain) {
    domain = [scale.domain[0], scale.domain[1]];
  } else {
    const all = scale.reference === null ? values : [...values, scale.reference];
    const lo = all.length ? Math.min(...all) : -1;
    const hi = all.length ? Math.max(...all) : 1;
    const pad = (hi - lo || 1) * 0.08;
    domain = [lo - pad, hi + pad];
  }

  // Columns.
  const labelMax = width * 0.3;
  const rowsText = data.map((d) => ({
    label: wrapText(d.r.label, labelMax, TYPE.label),
    detail: d.r.detail ? wrapText(d.r.detail, labelMax, TYPE.small) : [],
  }));
  const labelW = Math.max(
    ...rowsText.flatMap((t) => [
      ...t.label.map((l) => measureText(l, TYPE.label).width),
      ...t.detail.map((l) => measureText(l, TYPE.small).width),
    ]),
    20,
  );
  const valueHeader = `Estimate [${Math.round(confidence * 100)}% CI]`;
  const valueW = Math.max(
    measureText(valueHeader, TYPE.small, "bold").width,
    ...data.map((d) => measureText(d.value, TYPE.small).width),
  );
  const left = Math.ceil(PAD + labelW + 12);
  const right = Math.ceil(valueW + 14 + PAD);
  const lineH = TYPE.small * 1.25;
  const heights = rowsText.map((t) =>
    Math.max(2 * lineH, (t.label.length * TYPE.label * 1.2) + t.detail.length * lineH) + 6
  );
  const firstAggregate = data.findIndex((d) => d.r.kind === "aggregate");
  const header = 20;
  const sep = firstAggregate > 0 ? 6 : 0;
  const bodyH = heights.reduce((s, h) => s + h, 0) + sep;
  const margin = { top: header, right, bottom: 34, left };
  const height = header + bodyH + margin.bottom;

  const plot = axesPanel({
    width,
    height,
    margin,
    x: {
      domain,
      // Drawn below (under the axis's own end, not at the figure's edge past the estimates).
      label: null,
      ticks: Math.max(3, Math.floor((width - left - right) / 60)),
    },
    y: { domain: [0, 1], label: null, axis: false, grid: false },
    draw: (x) => {
      const g = svgElement("g", { "aria-label": "forest rows" });
      const clip = (v: number) => Math.min(Math.max(v, domain[0]), domain[1]);
      const bottom = header + bodyH;
      g.appendChild(textElement(`${measure} →`, x(domain[1]), bottom + 30, {
        size: TYPE.small,
        anchor: "end",
        fill: GREY.ink,
      }));
      if (scale.reference !== null && scale.reference > domain[0] && scale.reference < domain[1]) {
        const rx = x(scale.reference);
        g.appendChild(svgElement("line", {
          x1: rx,
          x2: rx,
          y1: header - 4,
          y2: bottom,
          stroke: GREY.muted,
          "stroke-width": STROKE.thin,
          "stroke-dasharray": DASH.reference,
        }));
        g.appendChild(textElement("no effect", rx, header - 7, {
          size: TYPE.small,
          anchor: "middle",
          fill: GREY.muted,
        }));
      }
      g.appendChild(textElement(valueHeader, width - PAD, header - 7, {
        size: TYPE.small,
        anchor: "end",
        weight: "bold",
        fill: GREY.ink,
      }));
      let top = header;
      data.forEach((d, i) => {
        if (i === firstAggregate && i > 0) {
          top += sep / 2;
          g.appendChild(svgElement("line", {
            x1: PAD,
            x2: width - PAD,
            y1: top,
            y2: top,
            stroke: GREY.faint,
            "stroke-width": STROKE.thin,
          }));
          top += sep / 2;
        }
        const h = heights[i];
        const cy = top + h / 2;
        const t = rowsText[i];
        const textH = t.label.length * TYPE.label * 1.2 + t.detail.length * lineH;
        let ty = cy - textH / 2 + TYPE.label * 0.95;
        for (const l of t.label) {
          g.appendChild(textElement(l, PAD, ty, { size: TYPE.label, fill: GREY.ink }));
          ty += TYPE.label * 1.2;
        }
        ty += 0.05 * lineH;
        for (const l of t.detail) {
          g.appendChild(textElement(l, PAD, ty, { size: TYPE.small, fill: GREY.muted }));
          ty += lineH;
        }
        const res = d.r.result;
        if (res.informativeCi) {
          g.appendChild(svgElement("line", {
            x1: x(clip(res.informativeCi.lower)),
            x2: x(clip(res.informativeCi.upper)),
            y1: cy,
            y2: cy,
            stroke: "#bbbbbb",
            "stroke-width": STROKE.thick * 1.5,
          }));
        }
        if (
          !res.informativeCi && res.ciLower !== null && res.ciUpper !== null &&
          res.ciUpper > res.ciLower
        ) {
          // Drawn like every interval: capped where it ends, dashed where it runs past the axis.
          const w = whisker({ lo: res.ciLower, hi: res.ciUpper }, cy, x, GREY.ink);
          for (const el of w.elements) {
            el.setAttribute("stroke-width", String(STROKE.data));
            g.appendChild(el);
          }
        }
        if (res.estimate !== null && Number.isFinite(res.estimate)) {
          const ex = x(clip(res.estimate));
          if (d.r.kind === "aggregate") {
            const r = MARKER_RADIUS * 1.6;
            g.appendChild(titled(
              svgElement("path", {
                d: `M${r2(ex)},${r2(cy - r)}L${r2(ex + r)},${r2(cy)}L${r2(ex)},${r2(cy + r)}` +
                  `L${r2(ex - r)},${r2(cy)}Z`,
                fill: GREY.ink,
              }),
              `${d.r.label} (${d.r.detail ?? ""}): ${measure} ${d.value}`,
            ));
          } else {
            g.appendChild(titled(
              svgElement("circle", { cx: ex, cy, r: MARKER_RADIUS * 1.2, fill: GREY.ink }),
              `${d.r.label} (${d.r.detail ?? ""}): ${measure} ${d.value}`,
            ));
          }
        }
        g.appendChild(textElement(d.value, width - PAD, cy + TYPE.small * 0.36, {
          size: TYPE.small,
          anchor: "end",
          fill: GREY.ink,
        }));
        top += h;
      });
      return g;
    },
  });
  const legendItems: LegendItem[] = [
    ...(rows.some((r) => r.kind !== "aggregate" && r.result.estimate !== null)
      ? [{ label: "case", swatch: { kind: "dot", color: GREY.ink } } as LegendItem]
      : []),
    ...(rows.some((r) => r.kind === "aggregate" && r.result.estimate !== null)
      ? [{ label: "aggregate", swatch: { kind: "diamond", color: GREY.ink } } as LegendItem]
      : []),
    ...(rows.some((r) =>
        !r.result.informativeCi && r.result.ciLower !== null && r.result.ciUpper !== null &&
        r.result.ciUpper > r.result.ciLower
      )
      ? [{
        label: `${Math.round(confidence * 100)}% confidence interval`,
        swatch: { kind: "line", color: GREY.ink },
      } as LegendItem]
      : []),
    ...(rows.some((r) => r.result.informativeCi)
      ? [{
        label: "informative interval where the package's is degenerate",
        swatch: { kind: "line", color: "#bbbbbb", width: STROKE.thick * 1.5 },
      } as LegendItem]
      : []),
  ];
  const notes = footnotes.map((f, i) => `${LETTERS[i] ?? `(${i + 1})`}: ${f}`);
  const n = rows.length;
  return stack([plot], {
    data: data.map(({ r, value }) => forestDataRow(measure, r, value)),
    title: `${measure}: per case and aggregated`,
    width,
    legend: legendItems,
    notes: notes.length ? [notes.join("; ") + "."] : [],
    caption: (`Estimates of ${measure} with ${Math.round(confidence * 100)}% confidence ` +
      `intervals${scale.domain ? ` on the measure's whole range` : ""} (dashed: runs past ` +
      `the axis)` +
      `${
        scale.reference !== null ? `; the dashed line marks no effect (${scale.reference})` : ""
      }. ` +
      `${options.note ?? ""}`).trim(),
    description: `Forest plot of ${measure} for ${n} row${n === 1 ? "" : "s"}: ` +
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
 * ```
 */
export function forestOmission(
  measure: string,
  perCase: readonly {
    caseId: string;
    result: Pick<EffectSizeResult, "estimate" | "ciLower" | "ciUpper" | "n">;
  }[],
  rules: { minCases: number; minPoints: number },
): string | null {
  const ok = perCase.filter((p) => estimable(p.result, rules.minPoints));
  if (ok.length >= rules.minCases) return null;
  const defined = perCase.filter((p) =>
    p.result.estimate !== null && p.result.ciLower !== null && p.result.ciUpper !== null
  );
  const which = ok.length
    ? `only ${casesListing(ok.map((p) => p.caseId))} ${ok.length === 1 ? "is" : "are"}`
    : "no case is";
  const short = defined.length - ok.length;
  return `No forest plot of ${measure}: ${which} estimable (an estimate and a confidence ` +
    `interval from at least ${rules.minPoints} values in each phase, the WWC standard)` +
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

function r2(v: number): number {
  return Math.round(v * 100) / 100;
}
