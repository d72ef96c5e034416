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
import { spread } from "./layout.ts";
import { GREY, STROKE, TYPE } from "./theme.ts";
import type { PlacedPeriod } from "./timeline_model.ts";
import { doseLabel } from "./timeline_model.ts";
import { clipTo, note, panelFrame, type Uses } from "./timeline_panels.ts";
import { type LinearScale, windowBracket } from "./uncertainty.ts";

const LANE_H = 38;

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
  const height = marginTop + Math.max(o.lanes.length, 1) * geo.laneH + marginBottom;
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
    o.lanes.forEach((lane, i) => {
      const top = marginTop + i * geo.laneH;
      const mine = periods.filter((p) => p.t.drug === lane.drug);
      drawLane(g, lane, mine, top, x, o, uses, geo);
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

/** One drug's lane: its label, bars, brackets and dose labels. */
function drawLane(
  g: Element,
  lane: { drug: string; sub: string | null },
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
  const [d0, d1] = x.domain;
  const maxDose = o.highestDose?.get(lane.drug) ??
    Math.max(0, ...mine.map((p) => nominalDose(p.t.dose) ?? 0));
  const bottom = top + geo.base;
  const labels: { text: string; want: number; w: number }[] = [];
  for (const [k, p] of mine.entries()) {
    const color = o.colorOf.get(p.t.drugClass)!;
    // A dose the text does not state has no height of its own: half way, labelled so.
    const dose = nominalDose(p.t.dose);
    const h = geo.bar(dose === null ? 0.5 : maxDose > 0 ? dose / maxDose : 1);
    const open = p.end === null;
    const a = x(clipTo(x, p.start.pos));
    const b = Math.max(a + 2, open ? x(d1) : x(clipTo(x, p.end!.pos)));
    if (p.start.pos > d1 || (!open && p.end!.pos < d0)) continue;
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
    const text = doseLabel(p.t);
    labels.push({ text, want: (a + b) / 2, w: measureText(text, TYPE.small).width });
  }
  const xs = spread(
    labels.map((l) => l.want),
    labels.map((l) => l.w),
    o.marginLeft,
    o.width - 2,
    4,
  );
  labels.forEach((l, k) => {
    g.appendChild(
      textElement(l.text, xs[k], bottom - geo.label, {
        size: TYPE.small,
        anchor: "middle",
        fill: GREY.ink,
      }),
    );
  });
}
