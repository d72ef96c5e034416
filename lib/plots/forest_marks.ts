/**
 * The parts of a forest plot ({@link forestFigure} in `forest.ts` puts them together): the printed
 * value and footnotes of each row, the axis's domain, the layout of the columns and rows, the
 * marks of the rows, and the legend.
 *
 * @module
 */
import type { EffectSizeResult } from "../stats/types.ts";
import { formatBound } from "../bound_format.ts";
import { PAD } from "./compose.ts";
import { roundPx, svgElement, textElement, titled } from "./dom.ts";
import { measureText } from "./fonts.ts";
import type { LegendItem } from "./legend.ts";
import { wrapText } from "./layout.ts";
import { type LinearScale, whisker } from "./uncertainty.ts";
import { DASH, GREY, MARKER_RADIUS, STROKE, TYPE } from "./theme.ts";

/**
 * The informative interval's grey: 3:1 on white paper (WCAG non-text contrast; #bbbbbb had 1.9:1),
 * the dot on it (#222222) 5:1.
 */
const INFORMATIVE = "#949494";

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

/** The scale of a measure: its range where bounded, and its no-effect value. */
export interface MeasureScale {
  /** The whole range of the measure (the axis spans it), or `null` to fit the data. */
  domain: readonly [number, number] | null;
  /** The value meaning no effect, marked by a reference line, or `null`. */
  reference: number | null;
}

/** A row with the text printed at its right. */
export interface PrintedRow {
  /** The row. */
  r: ForestRow;
  /** Its estimate and interval as printed, with footnote marks. */
  value: string;
}

const SUPERSCRIPTS = ["ᵃ", "ᵇ", "ᶜ", "ᵈ", "ᵉ", "ᶠ", "ᵍ", "ʰ", "ⁱ", "ʲ", "ᵏ"];
const LETTERS = "abcdefghijk";

/**
 * The letter of a footnote.
 *
 * @param i Its position (from 0).
 * @returns "a", "b", … then "(12)", "(13)", … past the letters.
 */
export function footnoteLetter(i: number): string {
  return LETTERS[i] ?? `(${i + 1})`;
}

/**
 * A number as printed in a forest plot: two decimals, a true minus sign; a bound of an interval
 * rounded outward (`formatBound`: a lower bound down, an upper one up), so the interval printed
 * holds the one computed.
 */
function fmt(v: number, side?: "lo" | "hi"): string {
  const x = side === undefined || !Number.isFinite(v) ? v : Number(formatBound(v, side, 2));
  return x.toFixed(2).replace("-", "−");
}

/** Whether a row's package interval is drawn: not replaced by an informative one, not empty. */
function drawsCi(res: ForestRow["result"]): boolean {
  return !res.informativeCi && res.ciLower !== null && res.ciUpper !== null &&
    res.ciUpper > res.ciLower;
}

/**
 * What each row prints at its right (estimate, interval, footnote marks), and the footnotes: one
 * letter per distinct text, in the order first met.
 *
 * @param rows The rows, top to bottom.
 * @returns The printed rows and the footnotes' texts.
 */
export function printedRows(
  rows: readonly ForestRow[],
): { data: PrintedRow[]; footnotes: string[] } {
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
      footnoteLetter(i)
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
      value = `${fmt(estimate)} [${fmt(i.lower, "lo")}, ${fmt(i.upper, "hi")}]` +
        mark(
          `grey: the informative interval; SingleCaseES gives [${fmt(ciLower, "lo")}, ${
            fmt(ciUpper, "hi")
          }], degenerate`,
        );
    } else {
      value = `${fmt(estimate)} [${fmt(ciLower, "lo")}, ${fmt(ciUpper, "hi")}]`;
      if (ciLower === ciUpper) value += mark("degenerate interval (as in SingleCaseES)");
    }
    if (r.result.note) value += mark(r.result.note);
    for (const n of r.notes ?? []) value += mark(referTo(n));
    return { r, value };
  });
  return { data, footnotes };
}

/**
 * The x domain: the measure's range, or the data (estimates and both intervals) with the
 * reference value, padded by 8%.
 *
 * @param rows The rows.
 * @param scale The measure's scale.
 * @returns The domain.
 */
export function forestDomain(rows: readonly ForestRow[], scale: MeasureScale): [number, number] {
  if (scale.domain) return [scale.domain[0], scale.domain[1]];
  const values = rows.flatMap((r) => [
    r.result.estimate,
    r.result.ciLower,
    r.result.ciUpper,
    r.result.informativeCi?.lower ?? null,
    r.result.informativeCi?.upper ?? null,
  ]).filter((v): v is number => v !== null && Number.isFinite(v));
  const all = scale.reference === null ? values : [...values, scale.reference];
  const lo = all.length ? Math.min(...all) : -1;
  const hi = all.length ? Math.max(...all) : 1;
  const pad = (hi - lo || 1) * 0.08;
  return [lo - pad, hi + pad];
}

/** The layout of a forest plot: columns, row heights, the rule above the aggregates. */
export interface ForestLayout {
  /** Each row's label and detail, wrapped. */
  rowsText: { label: string[]; detail: string[] }[];
  /** Each row's height. */
  heights: number[];
  /** Line height of the small type. */
  lineH: number;
  /** The header above the rows (the value column's title, "no effect"). */
  header: number;
  /** The gap for the rule above the first aggregate (0 without one). */
  sep: number;
  /** The height of the rows with the gap. */
  bodyH: number;
  /** Index of the first aggregate row (-1 without one). */
  firstAggregate: number;
  /** The value column's title. */
  valueHeader: string;
  /** The plot's margins. */
  margin: { top: number; right: number; bottom: number; left: number };
  /** The plot's height. */
  height: number;
}

/**
 * Columns (labels left, printed values right, at their widest) and row heights.
 *
 * @param data The printed rows.
 * @param width The figure's width.
 * @param confidence The intervals' confidence level.
 * @returns The layout.
 */
export function forestLayout(
  data: readonly PrintedRow[],
  width: number,
  confidence: number,
): ForestLayout {
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
  return {
    rowsText,
    heights,
    lineH,
    header,
    sep,
    bodyH,
    firstAggregate,
    valueHeader,
    margin,
    height,
  };
}

/** What the marks of a forest plot are drawn from. */
export interface ForestMarksInput {
  /** The measure's name. */
  measure: string;
  /** Its scale. */
  scale: MeasureScale;
  /** The x domain. */
  domain: [number, number];
  /** The figure's width. */
  width: number;
  /** The printed rows. */
  data: readonly PrintedRow[];
  /** The layout. */
  layout: ForestLayout;
}

/**
 * The marks of a forest plot: the measure's name under the axis, the no-effect line, the value
 * column's title, then each row (see {@link rowMarks}).
 *
 * @param x The x scale.
 * @param input The measure, scale, domain, width, rows and layout.
 * @returns A group of SVG elements.
 */
export function forestMarks(x: LinearScale, input: ForestMarksInput): Element {
  const { measure, scale, domain, width, data, layout } = input;
  const { header, bodyH, sep, firstAggregate } = layout;
  const g = svgElement("g", { "aria-label": "forest rows" });
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
  g.appendChild(textElement(layout.valueHeader, width - PAD, header - 7, {
    size: TYPE.small,
    anchor: "end",
    weight: "bold",
    fill: GREY.ink,
  }));
  let top = header;
  data.forEach((_, i) => {
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
    rowMarks(g, x, input, i, top);
    top += layout.heights[i];
  });
  return g;
}

/**
 * One row's marks, appended to `g`: its label and detail lines, its informative interval (grey)
 * or confidence interval (whisker), its estimate (dot, or diamond for an aggregate, clipped to
 * the axis) and its printed value.
 */
function rowMarks(
  g: Element,
  x: LinearScale,
  { measure, domain, width, data, layout }: ForestMarksInput,
  i: number,
  top: number,
): void {
  const clip = (v: number) => Math.min(Math.max(v, domain[0]), domain[1]);
  const d = data[i];
  const { lineH } = layout;
  const cy = top + layout.heights[i] / 2;
  const t = layout.rowsText[i];
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
      stroke: INFORMATIVE,
      "stroke-width": STROKE.thick * 1.5,
    }));
  }
  if (drawsCi(res)) {
    // Drawn like every interval: capped where it ends, dashed where it runs past the axis.
    const w = whisker({ lo: res.ciLower!, hi: res.ciUpper! }, cy, x, GREY.ink);
    for (const el of w.elements) {
      el.setAttribute("stroke-width", String(STROKE.data));
      g.appendChild(el);
    }
  }
  if (res.estimate !== null && Number.isFinite(res.estimate)) {
    g.appendChild(estimateMark(d, measure, x(clip(res.estimate)), cy));
  }
  g.appendChild(textElement(d.value, width - PAD, cy + TYPE.small * 0.36, {
    size: TYPE.small,
    anchor: "end",
    fill: GREY.ink,
  }));
}

/** A row's estimate at (ex, cy): a diamond for an aggregate, a dot for a case, with a tooltip. */
function estimateMark(d: PrintedRow, measure: string, ex: number, cy: number): Element {
  const tooltip = `${d.r.label} (${d.r.detail ?? ""}): ${measure} ${d.value}`;
  if (d.r.kind === "aggregate") {
    const r = MARKER_RADIUS * 1.6;
    return titled(
      svgElement("path", {
        d: `M${roundPx(ex)},${roundPx(cy - r)}L${roundPx(ex + r)},${roundPx(cy)}L${roundPx(ex)},${
          roundPx(cy + r)
        }` +
          `L${roundPx(ex - r)},${roundPx(cy)}Z`,
        fill: GREY.ink,
      }),
      tooltip,
    );
  }
  return titled(
    svgElement("circle", { cx: ex, cy, r: MARKER_RADIUS * 1.2, fill: GREY.ink }),
    tooltip,
  );
}

/**
 * The legend: a swatch for each kind of mark the rows draw (case dot, aggregate diamond,
 * confidence interval, informative interval).
 *
 * @param rows The rows.
 * @param confidence The intervals' confidence level.
 * @returns The legend's items.
 */
export function forestLegend(rows: readonly ForestRow[], confidence: number): LegendItem[] {
  return [
    ...(rows.some((r) => r.kind !== "aggregate" && r.result.estimate !== null)
      ? [{ label: "case", swatch: { kind: "dot", color: GREY.ink } } as LegendItem]
      : []),
    ...(rows.some((r) => r.kind === "aggregate" && r.result.estimate !== null)
      ? [{ label: "aggregate", swatch: { kind: "diamond", color: GREY.ink } } as LegendItem]
      : []),
    ...(rows.some((r) => drawsCi(r.result))
      ? [{
        label: `${Math.round(confidence * 100)}% confidence interval`,
        swatch: { kind: "line", color: GREY.ink },
      } as LegendItem]
      : []),
    ...(rows.some((r) => r.result.informativeCi)
      ? [{
        label: "informative interval where the package's is degenerate",
        swatch: { kind: "line", color: INFORMATIVE, width: STROKE.thick * 1.5 },
      } as LegendItem]
      : []),
  ];
}
