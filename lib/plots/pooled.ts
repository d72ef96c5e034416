/**
 * Figures across cases: trajectories aligned on the drug start, the forest plot of an effect
 * size, the cumulative responder curve and the sensitivity of the headline numbers.
 *
 * @module
 */
import { expectCases } from "../args.ts";
import * as Plot from "@observablehq/plot";
import type { Case } from "../model.ts";
import type { AggregateResult, ResponderCurvePoint, SensitivityRow } from "../stats/pooled.ts";
import type { EffectSizeResult } from "../stats/types.ts";
import { alignWithBaseline } from "../timeline.ts";
import type { BaselineDefinition } from "../study.ts";
import { type Figure, stack } from "./compose.ts";
import { document } from "./dom.ts";
import { caseColor, THEME } from "./theme.ts";
import { STUDY } from "../study.ts";

const common = () => ({
  document,
  width: THEME.width,
  marginLeft: THEME.marginLeft,
  marginRight: THEME.marginRight,
  style: { fontFamily: THEME.fontFamily, fontSize: `${THEME.fontSize}px` },
});

/**
 * All cases aligned on the first start of `drug`: VAS (cm) in one panel and percent of the
 * baseline in another, with the IMMPACT 30 % and 50 % reduction lines labelled. Points at nominal
 * times, lines through them, time whiskers clipped to the axis.
 *
 * @example
 * ```ts
 * import { loadCaseSeries } from "../load.ts";
 * import { trajectoriesFigure } from "./pooled.ts";
 * trajectoriesFigure((await loadCaseSeries()).cases).description.startsWith("3 cases"); // true
 * ```
 */
export function trajectoriesFigure(
  cases: readonly Case[],
  options: { drug?: string; baseline?: BaselineDefinition } = {},
): Figure {
  expectCases("trajectoriesFigure", cases);
  const drug = options.drug ?? STUDY.drug;
  const def = options.baseline ?? "last";
  const rows = cases.flatMap((c, i) =>
    alignWithBaseline(c, drug, def).map((o) => ({
      caseLabel: `Case ${c.id}`,
      color: caseColor(i),
      t: o.relative.nominal,
      lo: o.relative.lo,
      hi: o.relative.hi,
      vas: o.vas.nominal,
      pct: o.percentOfBaseline?.nominal ?? null,
    }))
  );
  const ts = rows.map((r) => r.t);
  const domain: [number, number] = [Math.min(...ts) - 10, Math.max(...ts) + 10];
  const clip = (v: number) => Math.min(Math.max(v, domain[0]), domain[1]);
  const labels = cases.map((c) => `Case ${c.id}`);
  const colors = cases.map((_, i) => caseColor(i));
  const color = { domain: labels, range: colors, legend: false };
  const panel = (
    y: "vas" | "pct",
    yOpts: Plot.ScaleOptions,
    extra: Plot.Markish[],
    height: number,
    xLabel: string | null,
  ) =>
    Plot.plot({
      ...common(),
      height,
      marginTop: 18,
      marginBottom: xLabel ? 40 : 22,
      x: { domain, label: xLabel, grid: true },
      y: yOpts,
      color,
      marks: [
        ...extra,
        Plot.ruleX([0], { stroke: "#333" }),
        Plot.ruleY(rows.filter((r) => r[y] !== null), {
          y: y,
          x1: (r) => clip(r.lo),
          x2: (r) => clip(r.hi),
          stroke: "caseLabel",
          strokeOpacity: 0.45,
        }),
        Plot.line(rows.filter((r) => r[y] !== null), {
          x: "t",
          y,
          stroke: "caseLabel",
          z: "caseLabel",
        }),
        Plot.dot(rows.filter((r) => r[y] !== null), {
          x: "t",
          y,
          fill: "caseLabel",
          r: 4,
          stroke: "white",
        }),
        Plot.text(
          labels.map((l) => rows.filter((r) => r.caseLabel === l && r[y] !== null).at(-1)!),
          {
            x: "t",
            y,
            text: "caseLabel",
            fill: "caseLabel",
            dx: 8,
            textAnchor: "start",
            fontWeight: "bold",
          },
        ),
      ],
    }) as unknown as Element;
  const vasPanel = panel(
    "vas",
    { domain: [0, 10], label: "Pain VAS (cm)", grid: true },
    [],
    230,
    null,
  );
  const topPct = Math.max(110, ...rows.map((r) => r.pct ?? 0)) + 10;
  const pctPanel = panel(
    "pct",
    { domain: [0, topPct], label: "% of baseline VAS", grid: true },
    [
      Plot.ruleY([70, 50], { stroke: "#555", strokeDasharray: "5,4" }),
      Plot.text([
        { y: 70, label: "30% reduction (moderate, IMMPACT)" },
        { y: 50, label: "50% reduction (substantial)" },
      ], {
        x: domain[1],
        y: "y",
        text: "label",
        textAnchor: "end",
        dy: -6,
        fontSize: 10,
        fill: "#555",
      }),
    ],
    250,
    `Days since the start of ${drug}`,
  );
  return stack([vasPanel, pctPanel], {
    title: `Pain after ${drug}, all cases aligned on its start`,
    caption: `Points: VAS stated in the text at nominal times (whiskers: the times the words ` +
      `allow, clipped to the axis). Lower panel: VAS as a percent of each case's baseline ` +
      `(${def} value before ${drug}); dashed lines mark 30% and 50% reductions (Dworkin et al. ` +
      `2008). n = ${cases.length} cases; no control: the natural course of phantom pain is a ` +
      `slow decline over months to years.`,
    description: `${cases.length} cases' VAS against days since the start of ${drug}, in cm ` +
      `and as a percent of the ${def} baseline, with the 30% and 50% reduction thresholds.`,
  });
}

/** One row of a forest plot. */
export interface ForestRow {
  /** Row label (e.g. "Case 1" or "Aggregate (equal)"). */
  label: string;
  /** The effect size. */
  result: Pick<EffectSizeResult, "estimate" | "ciLower" | "ciUpper" | "reason"> & {
    n?: { baseline: number; treatment: number };
    informativeCi?: { lower: number; upper: number };
  };
}

/**
 * Forest plot of one effect size: a row per case and one per aggregate, the estimate with its
 * confidence interval; a missing interval is written out with its reason, never drawn as a
 * zero-width bar.
 *
 * @example
 * ```ts
 * import { forestFigure } from "./pooled.ts";
 * const fig = forestFigure("NAP", [{ label: "Case 1", result: { estimate: 1, ciLower: null, ciUpper: null, reason: "x" } }]);
 * fig.description; // "Forest plot of NAP for 1 row: estimates with confidence intervals where defined."
 * ```
 */
export function forestFigure(measure: string, rows: readonly ForestRow[], note = ""): Figure {
  const labels = rows.map((r) => r.label);
  const data = rows.map((r) => ({
    label: r.label,
    est: r.result.estimate,
    lo: r.result.ciLower,
    hi: r.result.ciUpper,
    hasCi: r.result.ciLower !== null && r.result.ciUpper !== null &&
      r.result.ciUpper > r.result.ciLower,
    text: r.result.estimate === null
      ? `undefined: ${r.result.reason ?? ""}`
      : `${r.result.estimate.toFixed(2)}` +
        (r.result.ciLower !== null && r.result.ciUpper !== null
          ? ` [${r.result.ciLower.toFixed(2)}, ${r.result.ciUpper.toFixed(2)}]` +
            (r.result.ciLower === r.result.ciUpper
              ? " degenerate (as SingleCaseES)" +
                (r.result.informativeCi
                  ? `; other Newcombe root [${r.result.informativeCi.lower.toFixed(2)}, ` +
                    `${r.result.informativeCi.upper.toFixed(2)}]`
                  : "")
              : "")
          : ` (no CI: ${r.result.reason ?? "not defined"})`) +
        (r.result.n ? `  nA=${r.result.n.baseline}, nB=${r.result.n.treatment}` : ""),
  }));
  const values = data.flatMap((d) => [d.est, d.lo, d.hi]).filter((v): v is number =>
    v !== null && Number.isFinite(v)
  );
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const pad = (hi - lo || 1) * 0.1;
  const plot = Plot.plot({
    ...common(),
    height: 40 * rows.length + 60,
    marginTop: 12,
    marginBottom: 40,
    x: { domain: [lo - pad, hi + pad], label: measure, grid: true },
    y: { domain: labels, label: null },
    marks: [
      Plot.ruleX([0], { stroke: "#999" }),
      Plot.ruleY(data.filter((d) => d.hasCi), { y: "label", x1: "lo", x2: "hi", strokeWidth: 2 }),
      Plot.dot(data.filter((d) => d.est !== null), { y: "label", x: "est", r: 5, fill: "black" }),
      Plot.text(data, {
        y: "label",
        frameAnchor: "left",
        text: "text",
        dy: 14,
        dx: 4,
        fontSize: 10,
        fill: "#333",
        textAnchor: "start",
      }),
    ],
  }) as unknown as Element;
  return stack([plot], {
    title: `${measure}: per case and aggregated`,
    caption: `Dots: estimates; bars: confidence intervals where the measure has one and it is ` +
      `not degenerate. Rows without a bar say why. ${note}`.trim(),
    description:
      `Forest plot of ${measure} for ${rows.length} row${rows.length === 1 ? "" : "s"}: ` +
      "estimates with confidence intervals where defined.",
  });
}

/** Rows of a forest plot from per-case results and aggregates. */
export function forestRows(
  perCase: readonly { caseId: string; result: EffectSizeResult }[],
  aggregates: readonly AggregateResult[],
): ForestRow[] {
  return [
    ...perCase.map((p) => ({ label: `Case ${p.caseId}`, result: p.result })),
    ...aggregates.map((a) => ({
      label: `All (${a.weighting}, n=${a.n})`,
      result: { estimate: a.estimate, ciLower: a.ciLower, ciUpper: a.ciUpper, reason: a.reason },
    })),
  ];
}

/**
 * The cumulative responder curve: share of cases reaching each percent reduction, at the first and
 * at the last post-drug value, with the 30 % and 50 % thresholds marked.
 *
 * @example
 * ```ts
 * import { responderCurveFigure } from "./pooled.ts";
 * const pts = [0, 100].map((t) => ({ threshold: t, proportion: 1 - t / 100, timing: "first" as const, n: 3 }));
 * responderCurveFigure(pts).svg.querySelectorAll("path").length > 0; // true
 * ```
 */
export function responderCurveFigure(points: readonly ResponderCurvePoint[]): Figure {
  const n = points[0]?.n ?? 0;
  const data = points.map((p) => ({
    ...p,
    when: p.timing === "first" ? "first post-drug VAS" : "last post-drug VAS",
  }));
  const plot = Plot.plot({
    ...common(),
    height: 300,
    marginTop: 16,
    marginBottom: 40,
    x: { domain: [0, 100], label: "Percent reduction from baseline (≥)", grid: true },
    y: { domain: [0, 1], label: `Share of cases (n = ${n})`, grid: true, tickFormat: "%" },
    color: { domain: ["first post-drug VAS", "last post-drug VAS"], range: ["#E69F00", "#0072B2"] },
    marks: [
      Plot.ruleX([30, 50], { stroke: "#555", strokeDasharray: "5,4" }),
      Plot.text([30, 50], {
        x: (d) => d,
        y: 1,
        text: (d) => `${d}%`,
        dy: -6,
        dx: 4,
        textAnchor: "start",
        fontSize: 10,
      }),
      Plot.line(data, {
        x: "threshold",
        y: "proportion",
        stroke: "when",
        curve: "step-after",
        strokeWidth: 2,
      }),
      Plot.text(
        ["first post-drug VAS", "last post-drug VAS"].map((w, i) => ({ w, y: 0.12 + 0.09 * i })),
        { x: 3, y: "y", text: "w", fill: "w", textAnchor: "start", fontWeight: "bold" },
      ),
    ],
  }) as unknown as Element;
  return stack([plot], {
    title: "Cumulative responder curve",
    caption: `Share of the ${n} cases whose VAS fell by at least each percentage from baseline, ` +
      `at the first and at the last post-drug value (nominal values). With n = ${n} each step is ` +
      `1/${n}; see the responder table for exact confidence intervals.`,
    description:
      `Cumulative responder curves at the first and last post-drug value for ${n} cases.`,
  });
}

/**
 * The sensitivity table as a dot plot: each quantity per case under each baseline definition
 * (colour) and extraction bound (symbol).
 *
 * @example
 * ```ts
 * import { sensitivityFigure } from "./pooled.ts";
 * sensitivityFigure([{ caseId: "1", quantity: "q", baseline: "last", bound: "nominal", value: 1, n: 1 }])
 *   .description; // "Sensitivity of 1 quantity to baseline definition and extraction bounds."
 * ```
 */
export function sensitivityFigure(rows: readonly SensitivityRow[]): Figure {
  const perCase = rows.filter((r) => r.caseId !== "all");
  const quantities = [...new Set(perCase.map((r) => r.quantity))];
  const cases = [...new Set(perCase.map((r) => `Case ${r.caseId}`))];
  const panel = (qs: string[], label: string) =>
    Plot.plot({
      ...common(),
      marginLeft: 70,
      height: 120 * qs.length + 50,
      marginTop: 24,
      marginBottom: 40,
      fy: { domain: qs, label: null, padding: 0.3, axis: null },
      y: { domain: cases, label: null },
      x: { label, grid: true, nice: true },
      color: { domain: ["last", "max", "mean"], range: ["#0072B2", "#D55E00", "#009E73"] },
      symbol: { domain: ["nominal", "best", "worst"], range: ["circle", "triangle", "square"] },
      marks: [
        Plot.frame({ stroke: "#ddd" }),
        Plot.dot(
          perCase.filter((r) => r.value !== null && qs.includes(r.quantity)).map((r) => ({
            ...r,
            caseLabel: `Case ${r.caseId}`,
          })),
          { fy: "quantity", y: "caseLabel", x: "value", stroke: "baseline", symbol: "bound", r: 5 },
        ),
        Plot.text(qs, {
          fy: (d) => d,
          frameAnchor: "top-left",
          text: (d) => d,
          dy: -14,
          fontWeight: "bold",
        }),
      ],
    }) as unknown as Element;
  const pct = quantities.filter((q) => q.startsWith("percent"));
  const days = quantities.filter((q) => !q.startsWith("percent"));
  return stack([
    panel(pct, "Percent reduction from baseline"),
    panel(days, "Days since the drug start"),
  ], {
    title: "Sensitivity of the headline numbers",
    caption:
      "Colour: baseline definition (blue: last value before the drug; vermillion: maximum; " +
      "green: mean). Symbol: values of the extraction intervals (circle: nominal; triangle: " +
      "bounds most favourable to the drug; square: least favourable). Missing symbols: undefined " +
      "or open-ended (see the table).",
    description:
      `Sensitivity of ${quantities.length} quantit${quantities.length === 1 ? "y" : "ies"} ` +
      "to baseline definition and extraction bounds.",
  });
}
