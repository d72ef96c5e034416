/**
 * The dose lanes of a case's timeline: one lane per drug, a bar per dose period between the drawn
 * positions of its start and end (to the axis's edge with an arrowhead when no end is stated),
 * height by dose, the dose above it, and the windows of its start and end as brackets under it, each
 * on a stem up to the end of the bar it dates.
 *
 * @module
 */
import { nominalDose } from "../dose.ts";
import * as Plot from "@observablehq/plot";
import { svgElement, textElement, titled } from "./dom.ts";
import { measureText } from "./fonts.ts";
import { arrowHead } from "./legend.ts";
import { stackLabels } from "./layout.ts";
import { GREY, STROKE, TYPE } from "./theme.ts";
import type { PlacedPeriod } from "./timeline_model.ts";
import { doseLabel } from "./timeline_model.ts";
import { clipTo, note, panelFrame, type Uses } from "./timeline_panels.ts";
import { type LinearScale, windowBracket } from "./uncertainty.ts";

const LANE_H = 38;
/** The step between two rows of dose labels in a lane. */
const ROW_H = TYPE.small * 1.15;
/**
 * The least space between two dose labels in one row: an em, so that two labels never read as
 * one ("40" and "dose not stated" 4 px apart read "40 dose not stated").
 */
const LABEL_GAP = TYPE.small;

/** Options of {@link lanePanel}. */
export interface LanePanelOptions {
  width: number;
  marginLeft: number;
  marginRight: number;
  /** The time axis's label, or `null` to draw no time axis (a lane group above a shared one). */
  xLabel: string | null;
  lanes: readonly { drug: string; sub: string | null }[];
  colorOf: ReadonlyMap<string, string>;
  /** Compact lanes (lower bars, tighter rows), for a composite of several cases. */
  compact?: boolean;
  /**
   * The dose of each drug that sets its bars' full height, shared by the lanes of several cases
   * so that their heights compare (default: the drug's highest dose among the periods drawn here).
   */
  highestDose?: ReadonlyMap<string, number>;
}

/** The vertical layout of a lane: its height, where bars stand, their height, labels, brackets. */
interface LaneGeometry {
  laneH: number;
  /** Bars stand on `top + base`. */
  base: number;
  /** Bar height for a dose at `ratio` of the drug's highest. */
  bar: (ratio: number) => number;
  /** Dose labels' baseline above the bar's foot. */
  label: number;
  /** First bracket row below the foot, and the step to the second. */
  bracket: number;
  step: number;
}

const REGULAR: LaneGeometry = {
  laneH: LANE_H,
  base: 24,
  bar: (r) => 4 + 8 * r,
  label: 15,
  bracket: 4,
  step: 4,
};
const COMPACT: LaneGeometry = {
  laneH: 28,
  base: 19,
  bar: (r) => 3 + 5 * r,
  label: 10,
  bracket: 3,
  step: 3.5,
};

/**
 * One lane per drug: a bar per dose period from its drawn start to its drawn end (to the axis's
 * edge with an arrowhead when no end is stated), height by dose, the dose above it, the windows
 * of its start and end as brackets under it.
 */
export function lanePanel(
  periods: readonly PlacedPeriod[],
  x: LinearScale,
  o: LanePanelOptions,
  uses: Uses,
): Element {
  const marginTop = 2;
  const marginBottom = o.xLabel === null ? 4 : 32;
  const geo = o.compact ? COMPACT : REGULAR;
  // Each lane's dose labels, in rows: a lane whose labels need a second row is that much taller.
  const placed = o.lanes.map((lane) =>
    doseLabels(periods.filter((p) => p.t.drug === lane.drug), x, o)
  );
  const extra = placed.map((ls) => (Math.max(0, ...ls.map((l) => l.row + 1)) - 1) * ROW_H);
  const height = marginTop + Math.max(o.lanes.length, 1) * geo.laneH +
    extra.reduce((a, b) => a + b, 0) + marginBottom;
  const draw = () => {
    const g = svgElement("g", { "aria-label": "dose periods" });
    if (o.lanes.length === 0) {
      g.appendChild(
        textElement(
          "no treatment stated",
          (o.marginLeft + o.width) / 2,
          marginTop + geo.laneH / 2,
          {
            size: TYPE.label,
            anchor: "middle",
            fill: GREY.muted,
          },
        ),
      );
      return g;
    }
    let top = marginTop;
    o.lanes.forEach((lane, i) => {
      const mine = periods.filter((p) => p.t.drug === lane.drug);
      drawLane(g, { ...lane, labels: placed[i] }, mine, top + extra[i], x, o, uses, geo);
      top += extra[i] + geo.laneH;
    });
    return g;
  };
  const frame = panelFrame(o, height, marginTop, marginBottom, x);
  return Plot.plot({
    ...frame,
    x: {
      ...frame.x,
      ...(o.xLabel === null
        ? { axis: null }
        : { label: o.xLabel, labelAnchor: "right" as const, labelArrow: "none" as const }),
    },
    marks: [
      Plot.gridX({ stroke: "#e5e5e5", strokeOpacity: 1 }),
      Plot.frame({ anchor: "bottom", stroke: GREY.faint }),
      () => draw() as unknown as SVGElement,
    ],
  }) as unknown as Element;
}

/** A dose label placed in its lane: its text, centre and row (0 next to the bars, 1 above). */
interface DoseLabel {
  text: string;
  at: number;
  row: number;
}

/** Where a dose period's bar is drawn, in px (`null`: outside the axis). */
function barExtent(
  p: PlacedPeriod,
  x: LinearScale,
): { a: number; b: number; open: boolean } | null {
  const [d0, d1] = x.domain;
  const open = p.end === null;
  if (p.start.pos > d1 || (!open && p.end!.pos < d0)) return null;
  const a = x(clipTo(x, p.start.pos));
  const b = Math.max(a + 2, open ? x(d1) : x(clipTo(x, p.end!.pos)));
  return { a, b, open };
}

/**
 * The dose labels of one lane, each over the middle of its bar where it can be: two labels of a
 * row at least {@link LABEL_GAP} apart, a label that would come nearer its neighbour in a second
 * row above (as the phase strip stacks its labels).
 */
function doseLabels(
  mine: readonly PlacedPeriod[],
  x: LinearScale,
  o: Pick<LanePanelOptions, "marginLeft" | "width">,
): DoseLabel[] {
  const labels: { text: string; want: number; w: number }[] = [];
  for (const p of mine) {
    const bar = barExtent(p, x);
    if (bar === null) continue;
    const text = doseLabel(p.t);
    labels.push({ text, want: (bar.a + bar.b) / 2, w: measureText(text, TYPE.small).width });
  }
  const placed = stackLabels(
    labels.map((l) => l.want),
    labels.map((l) => l.w),
    { lo: o.marginLeft, hi: o.width - 2, gap: LABEL_GAP, rows: 2 },
  );
  return labels.map((l, k) => ({ text: l.text, ...placed[k] }));
}

/** One drug's lane: its label, bars, brackets and dose labels. */
function drawLane(
  g: Element,
  lane: { drug: string; sub: string | null; labels: readonly DoseLabel[] },
  mine: readonly PlacedPeriod[],
  top: number,
  x: LinearScale,
  o: LanePanelOptions,
  uses: Uses,
  geo: LaneGeometry,
): void {
  const y0 = top + geo.laneH / 2 + TYPE.label * 0.36 - (lane.sub ? TYPE.small * 0.55 : 0);
  g.appendChild(
    textElement(lane.drug, o.marginLeft - 8, y0, {
      size: TYPE.label,
      anchor: "end",
      fill: GREY.ink,
    }),
  );
  if (lane.sub) {
    g.appendChild(textElement(lane.sub, o.marginLeft - 8, y0 + TYPE.small * 1.15, {
      size: TYPE.small,
      anchor: "end",
      fill: GREY.muted,
    }));
  }
  const maxDose = o.highestDose?.get(lane.drug) ??
    Math.max(0, ...mine.map((p) => nominalDose(p.t.dose) ?? 0));
  const bottom = top + geo.base;
  for (const [k, p] of mine.entries()) {
    const bar = barExtent(p, x);
    if (bar === null) continue;
    const { a, b, open } = bar;
    const color = o.colorOf.get(p.t.drugClass)!;
    // A dose the text does not state has no height of its own: half way, labelled so.
    const dose = nominalDose(p.t.dose);
    const h = geo.bar(dose === null ? 0.5 : maxDose > 0 ? dose / maxDose : 1);
    g.appendChild(titled(
      svgElement("rect", {
        x: a,
        y: bottom - h,
        width: b - a - (open ? 5 : 0),
        height: h,
        fill: color,
      }),
      p.title,
    ));
    if (open) {
      uses.ongoing = true;
      g.appendChild(arrowHead(b, bottom - h / 2, h / 2 + 1.5, color));
    }
    drawBrackets(g, p, mine, k, bottom, x, uses, geo);
  }
  for (const l of lane.labels) {
    g.appendChild(
      textElement(l.text, l.at, bottom - geo.label - l.row * ROW_H, {
        size: TYPE.small,
        anchor: "middle",
        fill: GREY.ink,
      }),
    );
  }
}

/** The brackets of a dose period's start and end under its bar, each on a stem up to the bar. */
function drawBrackets(
  g: Element,
  p: PlacedPeriod,
  mine: readonly PlacedPeriod[],
  k: number,
  bottom: number,
  x: LinearScale,
  uses: Uses,
  geo: LaneGeometry,
): void {
  // The end of a dose that the next dose of the drug starts from is that dose's start.
  const next = mine.some((q) => q !== p && q.t.start.timeId === p.t.end?.timeId);
  // Brackets on two rows, alternating (a start and its end, one dose and the next), so that
  // two windows that overlap stay apart.
  const ends = [p.start, ...(p.end && !next ? [p.end] : [])];
  for (const [j, t] of ends.entries()) {
    const row = bottom + geo.bracket + geo.step * ((k + j) % 2);
    const br = windowBracket(t.window, t.pos, row, x, GREY.ink);
    note(uses, br);
    for (const el of br.elements) g.appendChild(el);
    // A stem from the bracket up to the bar's foot where the time is drawn: which end of which
    // bar a bracket belongs to, when several stand under one lane.
    if (br.elements.length > 0) {
      const at = x(clipTo(x, t.pos));
      g.appendChild(svgElement("line", {
        x1: at,
        x2: at,
        y1: row,
        y2: bottom,
        stroke: GREY.ink,
        "stroke-width": STROKE.thin,
      }));
    }
  }
}
