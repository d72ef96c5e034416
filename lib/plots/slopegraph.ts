/**
 * A before/after slopegraph: for each case, its last value before the drug of interest and its
 * first and last values on it (one point for a single value on it), joined, with the drugs given
 * for the indication from its last value before up to the drug's start (the earlier drugs) named
 * beside its first value.
 *
 * @module
 */
import { expectSeriesDrug } from "../series_drugs.ts";
import { checkOptions } from "../options.ts";
import { beforeAfterOptionsSchema } from "./figure_options.ts";
import { expectCases } from "../args.ts";
import type { Case } from "../model.ts";
import type { Exclusion } from "../stats/types.ts";
import { listing } from "../prose.ts";
import { type AlignedObservation, alignOnDrug, firstPeriod } from "../timeline.ts";
import { earlierDrugs } from "./slope_earlier.ts";
import { axesPanel } from "./axes.ts";
import { type DataRow, type Figure, stack } from "./compose.ts";
import { svgElement, textElement, titled } from "./dom.ts";
import { measureText } from "./fonts.ts";
import { type Obstacles, spread, textBox, wrapText } from "./layout.ts";
import { placeMiddleLabels } from "./slope_labels.ts";
import {
  caseColor,
  type FigureWidth,
  figureWidth,
  GREY,
  MARKER_RADIUS,
  STROKE,
  TYPE,
} from "./theme.ts";
import { statedValue } from "./timeline_model.ts";
import { aside } from "./hover_text.ts";
import { metricSentence, valueAxis, whiskerSentence } from "./value_axis.ts";
import { caseMarker, caseMarkerEdge, markerReach } from "./case_marks.ts";
import { setApartInColumns } from "./markers_apart.ts";
import { type LinearScale, verticalWhisker } from "./uncertainty.ts";
import { defineFigure, type FigureDef } from "./record.ts";
import { noCaseDrawn } from "./omission.ts";

/** Options of {@link beforeAfterFigure}. */
export interface BeforeAfterOptions {
  /** The drug (default: the study's drug of interest). */
  drug?: string;
  /** Figure width (default "full"). */
  width?: FigureWidth;
}

/** What follows the label of a case's only value on the drug (drawn once, in the middle). */
const ONLY_VALUE = " (only value on it)";

/** Height of the slopes' panel (px). */
const SLOPE_H = 240;

/** One case's three values. */
interface Slope {
  c: Case;
  index: number;
  earlier: string;
  /** Each column's value on the common metric (`lo`–`hi`: its whisker), its text, hover text. */
  points: {
    column: number;
    /** The time point of the value (`timepoints.csv`). */
    timeId: string;
    v: number;
    lo: number;
    hi: number;
    text: string;
    title: string;
  }[];
}

/**
 * The slopegraph: three columns (last value before the drug, first and last value on it), one
 * line per case in its colour through its values (common metric when scales differ), the case
 * and the earlier drugs for the indication (from its last value before up to the drug's start;
 * `earlier` in the data, on that value's row only) at the left, the values printed as stated; one
 * value on the drug is one point, in the middle column, said so in its label. Values whose
 * phase the words leave ambiguous are not used; cases without a value before and one on the drug
 * are named in a note.
 *
 * @param cases The cases.
 * @param options Drug, width.
 * @returns The figure.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries } from "#lib/mod.ts";
 * import { beforeAfterFigure } from "#lib/plots/mod.ts";
 * const f = beforeAfterFigure((await loadCaseSeries()).cases);
 * assert.ok(f.data.some((r) => r.x === "last before"), "a baseline column");
 * ```
 */
export function beforeAfterFigure(
  cases: readonly Case[],
  options: BeforeAfterOptions = {},
): Figure {
  checkOptions("beforeAfterFigure", beforeAfterOptionsSchema, options);
  expectCases("beforeAfterFigure", cases);
  const width = figureWidth(options.width ?? "full");
  const kept = slopeCases(cases, options);
  const drug = kept.drug;
  const columns = ["last before", "first on", "last on"] as const;
  const heads = columns.map((c) => `${c} ${drug}`);
  const scales = cases.flatMap((c) => c.observations.map((o) => o.scale));
  const sl = valueAxis(scales);
  const slopes = slopesOf(kept, sl.label, heads);
  const left = kept.excluded.map((e) => `case ${e.caseId} (${e.reason})`);
  // The value axis at the far left (ticks and numbers; its gridlines run under the labels), its
  // name above it (a row above the columns' heads).
  const step = (sl.max - sl.min) / 5;
  const ticks = [0, 1, 2, 3, 4, 5].map((k) => sl.min + k * step);
  const tickW = Math.max(...ticks.map((t) => measureText(sl.tick(t), TYPE.small).width));
  const axisX = Math.ceil(6 + tickW + 4);
  const axisName = `↑ ${sl.label}`;
  // Left labels: "Case N  value" over the earlier drugs, wrapped to at most 45% of the width
  // with the value axis.
  const leftMax = width * 0.45 - 12 - (axisX + 8);
  const labelLines = new Map(slopes.map((s) => [
    s,
    [`Case ${s.c.id}  ${s.points[0].text}`, ...wrapText(s.earlier, leftMax, TYPE.small)],
  ]));
  const leftW = Math.max(
    40,
    ...[...labelLines.values()].flat().map((l) => measureText(l, TYPE.small).width),
  );
  // Heads: the step (the title names the drug), a word a line where the columns are too close
  // for them on one.
  const boldW = (h: string) => measureText(h, TYPE.small, "bold").width;
  const oneLineW = Math.max(...columns.map(boldW));
  const right = Math.ceil(
    Math.max(
      40,
      oneLineW / 2 + 8,
      ...slopes.flatMap((s) => s.points.slice(2)).map((p) =>
        measureText(p.text, TYPE.small).width + 14
      ),
    ),
  );
  const leftOf = (hw: number) => Math.ceil(Math.max(axisX + 8 + leftW + 12, hw / 2 + 8));
  const spacing = (width - leftOf(oneLineW) - right) / 2.1;
  const headLines = columns.map((c) => spacing < oneLineW + 10 ? c.split(" ") : [c]);
  const headW = Math.max(...headLines.flat().map(boldW));
  const line = TYPE.small * 1.2;
  const headRows = Math.max(...headLines.map((l) => l.length));
  const margin = {
    top: 24 + TYPE.small * 1.4 + (headRows - 1) * line,
    right,
    bottom: 10,
    left: leftOf(headW),
  };
  // Tall enough for the left labels (case, value, earlier drugs) one under the other.
  const labelsH = [...labelLines.values()].reduce((h, l) => h + (l.length + LABEL_GAP) * line, 0);
  const height = Math.ceil(Math.max(SLOPE_H, margin.top + labelsH + margin.bottom));
  const plot = axesPanel({
    width,
    height,
    margin,
    x: { domain: [-0.05, 2.05], label: null, axis: false, grid: false },
    // The value axis is drawn by drawSlopes at the far left, clear of the case labels.
    y: { domain: [sl.min, sl.max], label: null, axis: false, grid: false },
    draw: (x, y) =>
      drawSlopes(slopes, x, y, {
        headLines,
        labelLines,
        margin,
        axis: { x: axisX, ticks, name: axisName, tick: sl.tick },
        width,
        height,
      }),
  });
  const data = slopeRows(slopes, columns, sl.factor);

  const n = slopes.length;
  const metric = metricSentence(scales);
  // The values drawn: each case's last before, first on and last on the drug.
  const whiskers = whiskerSentence(
    kept.drawn.flatMap((d) => [d.before, ...new Set([d.after[0], d.after.at(-1)!])]),
  );
  // A case with one value on the drug: one point, in the middle, said so.
  const single = kept.drawn.some((d) => d.after.length === 1)
    ? `; a case with one value on ${drug} has one point for it, in the middle, labelled ` +
      `“${ONLY_VALUE.trim().replace(/^\(|\)$/g, "")}”`
    : "";
  return stack([plot], {
    data,
    title: `${sl.name[0].toUpperCase()}${sl.name.slice(1)} before ${drug} and on it, by case`,
    width,
    legend: [],
    notes: left.length ? [`Not shown: ${listing(left)}.`] : [],
    caption: `Each line: one case's last ${sl.name} value before ${drug}, its first and its ` +
      `last value on ${drug}, printed as the text states them${single}. At the left, under ` +
      `the case and its last value before, the drugs given for ` +
      `${cases[0]?.study.indication ?? "the indication"} from that value until the start of ` +
      `${drug} (“possibly” where the times leave it open; a drug started at the visit of that ` +
      `value is given after it, not at it). Values the words leave on either side of the start ` +
      `are not used. Columns are steps, not times.${whiskers ? ` ${whiskers}` : ""}` +
      `${metric ? ` ${metric}` : ""}`,
    description: `Slopegraph of ${n} case${n === 1 ? "" : "s"}: last ${sl.name} before ` +
      `${drug}, first and last on it` + `${left.length ? `; not shown: ${listing(left)}` : ""}.`,
  });
}

/** The room between two cases' labels at the left (several lines each), in lines. */
export const LABEL_GAP = 0.5;

/** The columns' heads, lines, dots, labels. */
function drawSlopes(
  slopes: readonly Slope[],
  x: (v: number) => number,
  y: LinearScale,
  o: {
    headLines: readonly string[][];
    labelLines: ReadonlyMap<Slope, string[]>;
    margin: { top: number; right: number };
    axis: { x: number; ticks: readonly number[]; name: string; tick: (v: number) => string };
    width: number;
    height: number;
  },
): Element {
  const g = svgElement("g", { "aria-label": "slopes" });
  const line = TYPE.small * 1.2;
  drawValueAxis(g, x, y, o.axis);
  const headRows = Math.max(...o.headLines.map((l) => l.length));
  g.appendChild(textElement(o.axis.name, 6, o.margin.top - 8 - headRows * line - 2, {
    size: TYPE.small,
    anchor: "start",
    fill: GREY.ink,
  }));
  o.headLines.forEach((lines, i) => {
    lines.forEach((h, k) => {
      g.appendChild(textElement(h, x(i), o.margin.top - 8 - (lines.length - 1 - k) * line, {
        size: TYPE.small,
        anchor: "middle",
        weight: "bold",
        fill: GREY.ink,
      }));
    });
    g.appendChild(svgElement("line", {
      x1: x(i),
      x2: x(i),
      y1: o.margin.top - 4,
      y2: y(0),
      stroke: GREY.faint,
      "stroke-width": STROKE.thin,
    }));
  });
  // Where each dot is drawn across: at its column, or set apart from dots it would overlap.
  const each = slopes.flatMap((s) => s.points.map((p) => ({ s, p })));
  const xs = setApartInColumns(each.map(({ s, p }) => ({
    x: x(p.column),
    y: y(p.v),
    column: p.column,
    ...markerReach(s.index),
  })));
  const at = new Map(each.map(({ p }, i) => [p, xs[i]]));
  for (const s of slopes) {
    const color = caseColor(s.index);
    g.appendChild(svgElement("polyline", {
      points: s.points.map((p) => `${at.get(p)},${y(p.v)}`).join(" "),
      fill: "none",
      stroke: color,
      "stroke-width": STROKE.data,
    }));
    for (const p of s.points) {
      g.appendChild(titled(caseMarker(s.index, at.get(p)!, y(p.v)), p.title));
    }
  }
  // Every dot's edge again over all cases (a dot under another case's shows its edge), and every
  // stated range's whisker over them all (other cases' dots at its column hid it).
  for (const { s, p } of each) g.appendChild(caseMarkerEdge(s.index, at.get(p)!, y(p.v)));
  for (const { s, p } of each) {
    g.append(...verticalWhisker(p, at.get(p)!, y, caseColor(s.index)).elements);
  }
  // Labels at the left (the case, its value and the earlier drugs) and right (the last value),
  // spread apart vertically; the first line of each label sits level with its dot.
  const obstacles: Obstacles = { boxes: [], segments: [] };
  // The dots where they are drawn (set apart), for the middle labels to stay clear of.
  for (const { p } of each) {
    const r = MARKER_RADIUS * 1.4 + 1;
    obstacles.boxes.push({ x: at.get(p)! - r, y: y(p.v) - r, width: 2 * r, height: 2 * r });
  }
  for (const column of [0, 2]) {
    const items = slopes.filter((s) => s.points.length > column).map((s) => ({
      s,
      p: s.points[column],
      lines: column === 0 ? o.labelLines.get(s)! : [s.points[column].text],
    }));
    const hs = items.map((i) => i.lines.length * line);
    const ys = spread(
      items.map((i, k) => y(i.p.v) + hs[k] / 2 - line / 2),
      hs,
      o.margin.top - 4 + line / 2,
      o.height - 1,
      // Half a line between two cases' labels of several lines (the left ones): one case's last
      // line never reads as the next's.
      column === 0 ? LABEL_GAP * line : 1,
    );
    items.forEach((it, k) => {
      const top = ys[k] - hs[k] / 2;
      it.lines.forEach((text, j) => {
        const tx = column === 0 ? x(0) - 7 : x(column) + 7;
        const ty = top + j * line + line / 2 + TYPE.small * 0.36;
        obstacles.boxes.push(textBox(text, tx, ty, TYPE.small, column === 0 ? "end" : "start"));
        g.appendChild(textElement(text, tx, ty, {
          size: TYPE.small,
          anchor: column === 0 ? "end" : "start",
          fill: j === 0 ? caseColor(it.s.index) : GREY.muted,
          halo: true,
        }));
      });
    });
  }
  placeMiddleLabels(g, slopes, x, y, { obstacles, width: o.width });
  return g;
}

/** The value axis at `axis.x`: gridlines from it across the plot, ticks and numbers. */
function drawValueAxis(
  g: Element,
  x: (v: number) => number,
  y: (v: number) => number,
  axis: { x: number; ticks: readonly number[]; tick: (v: number) => string },
): void {
  const ax = axis.x;
  const gridEnd = x(2) + 4;
  for (const t of axis.ticks) {
    g.appendChild(svgElement("line", {
      x1: ax,
      x2: gridEnd,
      y1: y(t),
      y2: y(t),
      stroke: "#e5e5e5",
      "stroke-width": STROKE.thin,
    }));
    g.appendChild(svgElement("line", {
      x1: ax - 4,
      x2: ax,
      y1: y(t),
      y2: y(t),
      stroke: GREY.ink,
      "stroke-width": STROKE.thin,
    }));
    g.appendChild(textElement(axis.tick(t), ax - 6, y(t) + TYPE.small * 0.36, {
      size: TYPE.small,
      anchor: "end",
      fill: GREY.ink,
    }));
  }
  const [yLo, yHi] = [y(axis.ticks[0]), y(axis.ticks.at(-1)!)];
  g.appendChild(svgElement("line", {
    x1: ax,
    x2: ax,
    y1: yLo,
    y2: yHi,
    stroke: GREY.ink,
    "stroke-width": STROKE.thin,
  }));
}

/** A case the slopegraph draws: its place in the series and its values before and on the drug. */
interface SlopeCase {
  c: Case;
  index: number;
  before: AlignedObservation;
  after: AlignedObservation[];
}

/**
 * The cases the slopegraph draws (a value before the drug and one on it, in series order) and
 * those it leaves out with why: its builder's rule, which its record's omission reads too.
 */
function slopeCases(
  cases: readonly Case[],
  options: BeforeAfterOptions,
): { drug: string; drawn: SlopeCase[]; excluded: Exclusion[] } {
  expectSeriesDrug("beforeAfterFigure (options.drug)", cases, options.drug);
  const drug = options.drug ?? cases[0]?.study.drug ?? "";
  const drawn: SlopeCase[] = [];
  const excluded: Exclusion[] = [];
  cases.forEach((c, index) => {
    if (!firstPeriod(c, drug)) {
      return void excluded.push({ caseId: c.id, reason: `never takes ${drug}` });
    }
    const aligned = alignOnDrug(c, drug);
    const before = aligned.filter((o) => o.phase === "before").at(-1);
    const after = aligned.filter((o) => o.phase === "after");
    if (!before || after.length === 0) {
      excluded.push({
        caseId: c.id,
        reason: `no value ${before ? `on ${drug}` : `before ${drug}`}`,
      });
      return;
    }
    drawn.push({ c, index, before, after });
  });
  return { drug, drawn, excluded };
}

/**
 * The slopegraph's source data: one row per point (its column as x, the value on the axis), with
 * the drugs before the first column's and, after the other columns, the value's case and time.
 */
function slopeRows(
  slopes: readonly Slope[],
  columns: readonly string[],
  factor: number,
): DataRow[] {
  return slopes.flatMap((s) =>
    s.points.map((p): DataRow => ({
      series: `Case ${s.c.id}`,
      mark: "point",
      x: columns[p.column],
      y: p.v * factor,
      y_lo: p.hi > p.lo ? p.lo * factor : null,
      y_hi: p.hi > p.lo ? p.hi * factor : null,
      label: p.text,
      // The drugs from the last value before up to the drug's start: of that row only.
      earlier: p.column === 0 ? s.earlier : null,
      // The value's case and time point, to join it to timepoints.csv.
      case_id: s.c.id,
      time_id: p.timeId,
    }))
  );
}

/**
 * Each drawn case's three values (last before the drug, first and last on it) with the earlier
 * drug for the indication.
 */
function slopesOf(
  { drug, drawn }: { drug: string; drawn: readonly SlopeCase[] },
  axisLabel: string,
  heads: readonly string[],
): Slope[] {
  return drawn.map(({ c, index, before, after }) => {
    const own = new Set(c.observations.map((o) => o.scale.id)).size === 1 &&
      axisLabel === c.observations[0].scale.label;
    const earlier = earlierDrugs(c, drug, before.day.timeId);
    // One value on the drug is one point (its first and last), said so in its label.
    const pts = after.length > 1 ? [before, after[0], after.at(-1)!] : [before, after[0]];
    return {
      c,
      index,
      earlier,
      points: pts.map((o, column) => ({
        column,
        timeId: o.day.timeId,
        v: o.common.nominal,
        lo: o.common.lo,
        hi: o.common.hi,
        text: statedValue(o, own) + (pts.length === 2 && column === 1 ? ONLY_VALUE : ""),
        title:
          `Case ${c.id}, ${
            pts.length === 2 && column === 1 ? `only value on ${drug}` : heads[column]
          }: ` +
          `${aside(`${o.scale.name} ${statedValue(o, true)}`, o.words)}: “${o.quote}”`,
      })),
    };
  });
}

/**
 * The record of the before/after slopegraph (`results/figures/before-after`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries } from "#lib/mod.ts";
 * import { BEFORE_AFTER } from "#lib/plots/mod.ts";
 * const series = await loadCaseSeries();
 * assert.equal(BEFORE_AFTER.file(series), "before-after");
 * assert.ok(BEFORE_AFTER.build(series).data.some((r) => r.x === "last before"));
 * // Not drawn when no case has a value before the drug and one on it: a sentence says why.
 * assert.equal(BEFORE_AFTER.omission(series), null);
 * const study = { ...series.study, drug: "a drug no case takes" };
 * const none = { ...series, study, cases: series.cases.map((c) => ({ ...c, study })) };
 * assert.match(BEFORE_AFTER.omission(none)!, /^No before\/after slopegraph: .*never takes a drug/);
 * ```
 */
export const BEFORE_AFTER: Readonly<FigureDef<"series">> = defineFigure({
  name: "before-after",
  title: "Each case's last value before the drug against its first and last on it",
  needs: "series",
  builder: beforeAfterFigure,
  file: () => "before-after",
  omission: (s) => {
    const { drawn, excluded } = slopeCases(s.cases, {});
    return noCaseDrawn("before/after slopegraph", drawn.length, excluded);
  },
  build: (s, options) => beforeAfterFigure(s.cases, { ...options }),
});
