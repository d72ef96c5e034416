/**
 * A before/after slopegraph: for each case, its last value before the drug of interest and its
 * first and last values on it, joined, with the drug the case was taking for the indication
 * before (the earlier drug) named beside its first value.
 *
 * @module
 */
import { expectCases } from "../args.ts";
import type { Case } from "../model.ts";
import { listing } from "../prose.ts";
import { scaleLabel } from "../scales.ts";
import { activeTreatments, alignOnDrug, firstPeriod } from "../timeline.ts";
import { axesPanel } from "./axes.ts";
import { type DataRow, type Figure, stack } from "./compose.ts";
import { svgElement, textElement, titled } from "./dom.ts";
import { measureText } from "./fonts.ts";
import { spread, wrapText } from "./layout.ts";
import {
  caseColor,
  type FigureWidth,
  figureWidth,
  GREY,
  MARKER_RADIUS,
  STROKE,
  TYPE,
} from "./theme.ts";
import { doseLabel, statedValue } from "./timeline_model.ts";

/** Options of {@link beforeAfterFigure}. */
export interface BeforeAfterOptions {
  /** The drug (default: the study's drug of interest). */
  drug?: string;
  /** Figure width (default "full"). */
  width?: FigureWidth;
}

/** One case's three values. */
interface Slope {
  c: Case;
  index: number;
  earlier: string;
  points: { column: number; v: number; text: string; title: string }[];
}

/**
 * The slopegraph: three columns (last value before the drug, first and last value on it), one
 * line per case in its colour through its values (common metric when scales differ), the case
 * and the earlier drug for the indication at the left, the values printed as stated. Values whose
 * phase the words leave ambiguous are not used; cases without a value before and one on the drug
 * are named in a note.
 *
 * @param cases The cases.
 * @param options Drug, width.
 * @returns The figure.
 * @example
 * ```ts
 * import { loadCaseSeries } from "../load.ts";
 * import { beforeAfterFigure } from "./slopegraph.ts";
 * const f = beforeAfterFigure((await loadCaseSeries()).cases);
 * if (!f.data.some((r) => r.x === "last before")) throw new Error("a baseline column");
 * ```
 */
export function beforeAfterFigure(
  cases: readonly Case[],
  options: BeforeAfterOptions = {},
): Figure {
  expectCases("beforeAfterFigure", cases);
  const width = figureWidth(options.width ?? "full");
  const drug = options.drug ?? cases[0]?.study.drug ?? "";
  const columns = ["last before", "first on", "last on"] as const;
  const heads = columns.map((c) => `${c} ${drug}`);
  const slopes: Slope[] = [];
  const left: string[] = [];
  const sl = scaleLabel(cases.flatMap((c) => c.observations.map((o) => o.scale)));
  cases.forEach((c, index) => {
    if (!firstPeriod(c, drug)) return void left.push(`case ${c.id} (never takes ${drug})`);
    const aligned = alignOnDrug(c, drug);
    const before = aligned.filter((o) => o.phase === "before").at(-1);
    const after = aligned.filter((o) => o.phase === "after");
    if (!before || after.length === 0) {
      left.push(`case ${c.id} (no value ${before ? `on ${drug}` : `before ${drug}`})`);
      return;
    }
    const own = new Set(c.observations.map((o) => o.scale.id)).size === 1 &&
      sl.label === c.observations[0].scale.label;
    const a = activeTreatments(c, before.day.timeId);
    const forIndication = (ts: typeof a.certain) =>
      ts.filter((t) => t.drug !== drug && t.purpose === c.study.indication)
        .map((t) => `${t.drug} ${doseLabel(t, true)}`);
    const sure = forIndication(a.certain);
    const maybe = forIndication(a.possible);
    const earlier = sure.length
      ? `on ${listing(sure)}`
      : maybe.length
      ? `possibly on ${listing(maybe)}`
      : `no drug for ${c.study.indication} stated`;
    const pts = [before, after[0], after.at(-1)!];
    slopes.push({
      c,
      index,
      earlier,
      points: pts.map((o, column) => ({
        column,
        v: o.vas.nominal,
        text: statedValue(o, own),
        title: `Case ${c.id}, ${heads[column]}: ${o.scale.name} ${statedValue(o, true)} ` +
          `(${o.words}): “${o.quote}”`,
      })),
    });
  });
  // Left labels: "Case N  value" over the earlier drug, wrapped to at most 45% of the width.
  const leftMax = width * 0.45 - 12;
  const labelLines = new Map(slopes.map((s) => [
    s,
    [`Case ${s.c.id}  ${s.points[0].text}`, ...wrapText(s.earlier, leftMax, TYPE.small)],
  ]));
  const leftW = Math.max(
    40,
    ...[...labelLines.values()].flat().map((l) => measureText(l, TYPE.small).width),
  );
  // Heads: the step (the title names the drug).
  const headLines = columns.map((c) => [c]);
  const headW = Math.max(
    ...headLines.flat().map((h) => measureText(h, TYPE.small, "bold").width),
  );
  const margin = {
    top: 24,
    right: Math.ceil(
      Math.max(
        40,
        headW / 2 + 8,
        ...slopes.map((s) => measureText(s.points[2].text, TYPE.small).width + 14),
      ),
    ),
    bottom: 10,
    left: Math.ceil(Math.max(leftW + 12, headW / 2 + 8)),
  };
  const plot = axesPanel({
    width,
    height: 240,
    margin,
    x: { domain: [-0.05, 2.05], label: null, axis: false, grid: false },
    // No value axis: the values are printed beside their dots.
    y: { domain: [sl.min, sl.max], label: null, axis: false, ticks: 5 },
    draw: (x, y) => drawSlopes(slopes, x, y, { headLines, labelLines, margin }),
  });
  const data = slopes.flatMap((s) =>
    s.points.map((p): DataRow => ({
      series: `Case ${s.c.id}`,
      mark: "point",
      x: columns[p.column],
      y: p.v,
      label: p.text,
      earlier: s.earlier,
    }))
  );
  const n = slopes.length;
  return stack([plot], {
    data,
    title: `${sl.name[0].toUpperCase()}${sl.name.slice(1)} before ${drug} and on it, by case`,
    width,
    legend: [],
    notes: left.length ? [`Not shown: ${listing(left)}.`] : [],
    caption: `Each line: one case's last ${sl.name} value before ${drug}, its first and its ` +
      `last value on ${drug} (${sl.label}; gridlines every ${(sl.max - sl.min) / 5}), printed ` +
      `as the text states them; at the left, the drug the case ` +
      `was taking for ${cases[0]?.study.indication ?? "the indication"} before (the earlier ` +
      `drug). Values the words leave on either side of the start are not used. Columns are ` +
      `steps, not times.`,
    description: `Slopegraph of ${n} case${n === 1 ? "" : "s"}: last ${sl.name} before ` +
      `${drug}, first and last on it` + `${left.length ? `; not shown: ${listing(left)}` : ""}.`,
  });
}

/** The columns' heads, lines, dots, labels. */
function drawSlopes(
  slopes: readonly Slope[],
  x: (v: number) => number,
  y: (v: number) => number,
  o: {
    headLines: readonly string[][];
    labelLines: ReadonlyMap<Slope, string[]>;
    margin: { top: number };
  },
): Element {
  const g = svgElement("g", { "aria-label": "slopes" });
  const line = TYPE.small * 1.2;
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
  for (const s of slopes) {
    const color = caseColor(s.index);
    g.appendChild(svgElement("polyline", {
      points: s.points.map((p) => `${x(p.column)},${y(p.v)}`).join(" "),
      fill: "none",
      stroke: color,
      "stroke-width": STROKE.data,
    }));
    for (const p of s.points) {
      g.appendChild(titled(
        svgElement("circle", {
          cx: x(p.column),
          cy: y(p.v),
          r: MARKER_RADIUS,
          fill: color,
          stroke: "white",
          "stroke-width": 0.75,
        }),
        p.title,
      ));
    }
  }
  // Labels per column, spread apart vertically: at the left the case, its value and the earlier
  // drug; in the other columns the value.
  for (const column of [0, 1, 2]) {
    const items = slopes.map((s) => ({
      s,
      p: s.points[column],
      lines: column === 0 ? o.labelLines.get(s)! : [s.points[column].text],
    }));
    const hs = items.map((i) => i.lines.length * line);
    // The first line of each label sits level with its dot.
    const ys = spread(
      items.map((i, k) => y(i.p.v) + hs[k] / 2 - line / 2),
      hs,
      4,
      y(0) + 4 + line * 3,
      1,
    );
    items.forEach((it, k) => {
      const top = ys[k] - hs[k] / 2;
      it.lines.forEach((text, j) => {
        const tx = column === 0 ? x(0) - 7 : x(column) + 7;
        g.appendChild(textElement(text, tx, top + j * line + line / 2 + TYPE.small * 0.36, {
          size: TYPE.small,
          anchor: column === 0 ? "end" : "start",
          fill: j === 0 ? caseColor(it.s.index) : GREY.muted,
          halo: column === 1,
        }));
      });
    });
  }
  return g;
}
