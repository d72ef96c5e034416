/**
 * The values panel of a case's timeline, drawn from its {@link TimelineModel}: a dot at each
 * stated value's drawn time (hollow where the text does not date that time on the axis) with its
 * window as a bracket, a vertical whisker for a stated range, a bar (or band) with the value's
 * dot for a value stated over a period (a dashed run to an arrowhead where no start is stated), a
 * line through the points broken at every phase change (dotted to an undated time), dashed phase
 * lines, and labels as stated, placed clear of the marks.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { svgElement, textElement, titled } from "./dom.ts";
import { measureText } from "./fonts.ts";
import { arrowHead } from "./legend.ts";
import { hitsAnySegment, type Obstacles, placeLabel, textBox } from "./layout.ts";
import { DASH, GREY, MARKER_RADIUS, SPAN_BAR, STROKE, TYPE } from "./theme.ts";
import type { Phase, PlacedSpan, TimelineModel } from "./timeline_model.ts";
import { clipTo, note, panelFrame, PHASE_COLOR, SPAN_COLOR, type Uses } from "./timeline_panels.ts";
import {
  type LinearScale,
  linearScale,
  openStart,
  verticalWhisker,
  windowBracket,
} from "./uncertainty.ts";
import type { ValueAxis } from "./value_axis.ts";

const VALUES_H = 150;

/** Options of {@link valuesPanel}. */
export interface ValuesPanelOptions {
  width: number;
  marginLeft: number;
  marginRight: number;
  /** The value axis: range, label and tick text (`lib/plots/value_axis.ts`). */
  scale: Pick<ValueAxis, "min" | "max" | "label" | "factor" | "tick">;
  /** Height in px (default 150). */
  height?: number;
  /** Whether the axis's day 0 is drawn as a reference line (the aligned start). */
  zeroLine: boolean;
}

/**
 * The values: a dot at each stated value's drawn time with its window as a bracket, a vertical
 * whisker for a stated range, a bar (or band) for a value stated over a period, a line through
 * the points broken at every phase change, dashed phase lines, labels as stated.
 */
export function valuesPanel(
  m: TimelineModel,
  x: LinearScale,
  o: ValuesPanelOptions,
  uses: Uses,
): Element {
  const marginTop = 18;
  const marginBottom = 6;
  const H = o.height ?? VALUES_H;
  const ticks = H < 100 ? 2 : 5;
  const y = linearScale([o.scale.min, o.scale.max], [H - marginBottom, marginTop]);
  const draw = () => {
    const g = svgElement("g", { "aria-label": "values" });
    // The value axis's label, top left (Plot draws it 3 px in from the panel's corner), which
    // stands over the panel where the left margin is narrower than it.
    const axisLabel = {
      x: 0,
      y: 0,
      width: 3 + measureText(`↑ ${o.scale.label}`, TYPE.small).width + 2,
      height: 3 + TYPE.small + 1,
    };
    const c: Canvas = {
      g,
      obstacles: { boxes: [axisLabel], segments: [] },
      dividers: [],
      m,
      x,
      y,
      uses,
    };
    phaseLines(c, o.zeroLine, [marginTop, H - marginBottom]);
    if (m.points.length + m.spans.length === 0) {
      g.appendChild(
        textElement(
          "no pain value stated",
          (o.marginLeft + o.width - o.marginRight) / 2,
          H / 2,
          {
            size: TYPE.label,
            anchor: "middle",
            fill: GREY.muted,
            halo: true,
          },
        ),
      );
      return g;
    }
    const bands = m.spans.map((s) => spanBar(c, s));
    pointLine(c);
    pointMarks(c);
    valueLabels(c, bands, { x: o.marginLeft, y: 0, width: o.width - o.marginLeft - 1, height: H });
    return g;
  };
  const frame = panelFrame(o, H, marginTop, marginBottom, x);
  return Plot.plot({
    ...frame,
    x: { ...frame.x, axis: null },
    y: {
      domain: [o.scale.min, o.scale.max],
      range: [H - marginBottom, marginTop],
      label: o.scale.label,
      ticks,
      ...(o.scale.factor !== 1 ? { tickFormat: o.scale.tick } : {}),
    },
    marks: [
      Plot.gridX({ stroke: "#e5e5e5", strokeOpacity: 1 }),
      Plot.gridY({ stroke: "#e5e5e5", strokeOpacity: 1, ticks }),
      () => draw() as unknown as SVGElement,
    ],
  }) as unknown as Element;
}

/** What the parts of the values panel draw into: the group, the marks labels must avoid, scales. */
interface Canvas {
  /** The group the marks are appended to. */
  g: Element;
  /** The marks drawn so far, which labels avoid. */
  obstacles: Obstacles;
  /** Where the vertical lines of day 0 and the phase changes are drawn, in px. */
  dividers: number[];
  /** The case's timeline model. */
  m: TimelineModel;
  /** Days → px. */
  x: LinearScale;
  /** Values → px. */
  y: LinearScale;
  /** Which marks were drawn (for the legend). */
  uses: Uses;
}

/** A value stated for a period as drawn: its bar's extent and its box. */
interface Band {
  s: PlacedSpan;
  x1: number;
  x2: number;
  top: number;
  bottom: number;
  box: { x: number; y: number; width: number; height: number };
  /** The value's marker. */
  cx: number;
  cy: number;
}

/**
 * The vertical lines over the panel's height `[top, bottom]`: day 0 (when `zeroLine` and inside
 * the axis) and the phase changes, dashed; phase changes closer than 2 px share one line
 * (overlaid dashes read as a heavy bar), its hover text naming each.
 */
function phaseLines(c: Canvas, zeroLine: boolean, [top, bottom]: [number, number]): void {
  const { g, x } = c;
  const [d0, d1] = x.domain;
  const vline = (px: number, attrs: Record<string, string | number>, title?: string) => {
    const s = { x1: px, x2: px, y1: top, y2: bottom };
    const el = g.appendChild(svgElement("line", { ...s, "stroke-width": STROKE.thin, ...attrs }));
    if (title) titled(el, title);
    c.obstacles.segments.push(s);
    c.dividers.push(px);
  };
  if (zeroLine && d0 < 0 && d1 > 0) vline(x(0), { stroke: GREY.muted });
  const lines: { px: number; titles: string[] }[] = [];
  for (const ph of c.m.phases) {
    if (ph.t.pos < d0 || ph.t.pos > d1) continue;
    const px = x(ph.t.pos);
    const near = lines.find((l) => Math.abs(l.px - px) < 2);
    if (near) near.titles.push(ph.title);
    else lines.push({ px, titles: [ph.title] });
  }
  for (const l of lines) {
    vline(l.px, { stroke: PHASE_COLOR, "stroke-dasharray": DASH.reference }, l.titles.join("\n"));
  }
}

/**
 * A value stated for a period: a bar from the drawn start to the drawn end (a band for a range,
 * an arrowhead where no end is stated), brackets for the windows of its ends under it.
 */
function spanBar(c: Canvas, s: PlacedSpan): Band {
  const { g, x, y, uses } = c;
  uses.span = true;
  const band = y(s.o.common.lo) - y(s.o.common.hi) > SPAN_BAR;
  const top = band ? y(s.o.common.hi) : y(s.o.common.nominal) - SPAN_BAR / 2;
  const h = band ? y(s.o.common.lo) - y(s.o.common.hi) : SPAN_BAR;
  const x1 = x(clipTo(x, s.start.pos));
  const open = s.end === null;
  const x2 = Math.max(x1 + 2, open ? x(x.domain[1]) : x(clipTo(x, s.end!.pos)));
  g.appendChild(titled(
    svgElement("rect", {
      x: x1,
      y: top,
      width: x2 - x1 - (open ? 4 : 0),
      height: h,
      fill: SPAN_COLOR,
      ...(band ? { "fill-opacity": 0.55 } : {}),
    }),
    s.title,
  ));
  if (open) {
    uses.ongoing = true;
    g.appendChild(arrowHead(x2, top + h / 2, h / 2 + 1.5, SPAN_COLOR));
  }
  // A start the text leaves open (no earlier bound): the bar runs on to the left, dashed, to an
  // arrowhead, however short the drawn period is.
  if (s.start.window.lo === -Infinity) {
    uses.openStart = true;
    const o = openStart(x1, top + h / 2, h, SPAN_COLOR, x(x.domain[0]));
    for (const el of o.elements) g.appendChild(el);
    c.obstacles.segments.push(...o.segments);
  }
  // The start's window and the end's, on two rows under the bar.
  for (const [j, t] of [s.start, ...(s.end ? [s.end] : [])].entries()) {
    const b = windowBracket(t.window, t.pos, top + h + 3 + 4 * j, x, GREY.muted);
    note(uses, b);
    for (const el of b.elements) g.appendChild(el);
    c.obstacles.segments.push(...b.segments);
  }
  const box = { x: x1, y: top - 1, width: x2 - x1, height: h + 2 };
  c.obstacles.boxes.push(box);
  // The value's marker on the bar, at its own drawn time (hollow where the text does not date
  // it): a mark that stays visible however short the period is drawn.
  const cx = Math.min(Math.max(x(clipTo(x, s.t.pos)), x1), x2);
  const cy = y(s.o.common.nominal);
  g.appendChild(titled(valueMarker(cx, cy, s.t.dated, uses), s.title));
  c.obstacles.boxes.push(markerBox(cx, cy));
  return { s, x1, x2, top, bottom: top + h, box, cx, cy };
}

/**
 * A value's marker: a filled dot at a time the text dates on the axis, a hollow one at a time
 * only the order of its narrative places (a placeholder, not a date).
 */
function valueMarker(cx: number, cy: number, dated: boolean, uses: Uses): Element {
  if (!dated) uses.hollow = true;
  return svgElement("circle", {
    cx,
    cy,
    r: dated ? MARKER_RADIUS : MARKER_RADIUS - STROKE.data / 2,
    fill: dated ? GREY.ink : "white",
    stroke: dated ? "white" : GREY.ink,
    "stroke-width": dated ? 0.75 : STROKE.data,
  });
}

/** The box a marker at (cx, cy) takes, which labels avoid. */
function markerBox(cx: number, cy: number) {
  return {
    x: cx - MARKER_RADIUS,
    y: cy - MARKER_RADIUS,
    width: 2 * MARKER_RADIUS,
    height: 2 * MARKER_RADIUS,
  };
}

/**
 * Which consecutive points the value line joins: the index of the later point of each segment
 * drawn. The line is broken at every phase change between two points. A change drawn at a
 * point's own position is placed as the analyses place it (`Phase.sides`, `phaseOf`): after a
 * value on its own day, at its visit or on another time point (data/README.md's same-visit rule:
 * a value reported at the visit where a dose changes reflects the dose before), before a value
 * surely after it; where the times leave the order open, the line is broken on both sides.
 *
 * @param m A case's timeline model.
 * @returns For each segment drawn, the index in `m.points` of its later point.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries } from "#lib/mod.ts";
 * import { timelineModel } from "#lib/plots/timeline_model.ts";
 * import { joinedPoints } from "#lib/plots/timeline_values.ts";
 * const m = timelineModel((await loadCaseSeries()).cases[0]);
 * // Every segment joins two points with no phase change between them.
 * for (const i of joinedPoints(m)) {
 *   const [a, b] = [m.points[i - 1].t.pos, m.points[i].t.pos];
 *   assert.ok(!m.phases.some((ph) => ph.t.pos > a && ph.t.pos < b));
 * }
 * ```
 */
export function joinedPoints(m: Pick<TimelineModel, "points" | "phases">): number[] {
  const out: number[] = [];
  for (let i = 1; i < m.points.length; i++) {
    const [a, b] = [m.points[i - 1].t, m.points[i].t];
    // A change may lie between the two when it may follow the earlier point and may precede the
    // later one; at a point's own position, its side is the analyses' (a point not in `sides`,
    // none of this case's values: ambiguous).
    const side = (ph: Phase, p: { timeId: string }) => ph.sides[p.timeId] ?? "ambiguous";
    const between = (ph: Phase) =>
      (ph.t.pos > a.pos || (ph.t.pos === a.pos && side(ph, a) !== "after")) &&
      (ph.t.pos < b.pos || (ph.t.pos === b.pos && side(ph, b) !== "before"));
    if (!m.phases.some(between)) out.push(i);
  }
  return out;
}

/** The line through the points, in the segments {@link joinedPoints} gives. */
function pointLine(c: Canvas): void {
  const { g, m, x, y } = c;
  const pts = m.points;
  for (const i of joinedPoints(m)) {
    const [a, b] = [pts[i - 1].t.pos, pts[i].t.pos];
    const s = {
      x1: x(clipTo(x, a)),
      y1: y(pts[i - 1].o.common.nominal),
      x2: x(clipTo(x, b)),
      y2: y(pts[i].o.common.nominal),
    };
    // Dotted to (or from) a time the text does not date: the line's slope there is not stated.
    const undated = !pts[i - 1].t.dated || !pts[i].t.dated;
    if (undated) c.uses.undatedLine = true;
    g.appendChild(svgElement("line", {
      ...s,
      stroke: GREY.ink,
      "stroke-width": STROKE.data,
      ...(undated ? { "stroke-dasharray": DASH.undated } : {}),
    }));
    c.obstacles.segments.push(s);
  }
}

/** Each point's window bracket and range whisker, then its dot over them. */
function pointMarks(c: Canvas): void {
  const { g, m, x, y, uses } = c;
  for (const p of m.points) {
    const py = y(p.o.common.nominal);
    const b = windowBracket(p.t.window, p.t.pos, py, x, GREY.ink);
    note(uses, b);
    const v = verticalWhisker(p.o.common, x(clipTo(x, p.t.pos)), y, GREY.ink);
    for (const el of [...b.elements, ...v.elements]) g.appendChild(el);
    c.obstacles.segments.push(...b.segments, ...v.segments);
  }
  for (const p of m.points) {
    const cx = x(clipTo(x, p.t.pos));
    const cy = y(p.o.common.nominal);
    g.appendChild(titled(valueMarker(cx, cy, p.t.dated, uses), p.title));
    c.obstacles.boxes.push(markerBox(cx, cy));
  }
}

/**
 * The labels as stated: each point's, then each period's, at the first spot inside `bounds` clear
 * of the marks and of the labels placed before.
 */
function valueLabels(
  c: Canvas,
  bands: readonly Band[],
  bounds: { x: number; y: number; width: number; height: number },
): void {
  const { g, m, x, y, obstacles } = c;
  const size = TYPE.small;
  for (const p of m.points) {
    const cx = x(clipTo(x, p.t.pos));
    const cy = y(p.o.common.nominal);
    const spots = pointSpots(cx, cy, size);
    const boxes = spots.map(([tx, ty, a]) => textBox(p.text, tx, ty, size, a));
    // A label across a phase line from its value reads as the next phase's value: it may cross
    // a line (drawn with a halo, which breaks the line behind it) rather than stand beyond one.
    const cost = boxes.map((b) => parted(b, cx, c.dividers) ? PARTED : 0);
    const i = placeLabel(boxes, obstacles, bounds, 1, cost);
    const [tx, ty, a] = spots[i];
    const halo = hitsAnySegment(obstacles.segments, boxes[i]);
    g.appendChild(textElement(p.text, tx, ty, { size, anchor: a, fill: GREY.ink, halo }));
  }
  for (const b of bands) {
    // Beside its marker first (as a point's label), then on or by its bar.
    const spots = [
      ...pointSpots(b.cx, b.cy, size),
      ...bandSpots(b, size, measureText(b.s.text, size).width),
    ];
    const boxes = spots.map(([tx, ty, a]) => textBox(b.s.text, tx, ty, size, a));
    const others = { ...obstacles, boxes: obstacles.boxes.filter((q) => q !== b.box) };
    const i = placeLabel(boxes, others, bounds);
    obstacles.boxes.push(boxes[i]);
    const [tx, ty, a] = spots[i];
    g.appendChild(textElement(b.s.text, tx, ty, { size, anchor: a, fill: GREY.ink }));
  }
}

/** What a label wholly across a vertical line from its value costs: more than any lines it
 * crosses, less than a box it covers. */
const PARTED = 50;

/**
 * Whether a box stands wholly on the other side of one of the vertical lines at `dividers` from
 * a mark at `cx`.
 */
function parted(b: { x: number; width: number }, cx: number, dividers: readonly number[]): boolean {
  return dividers.some((d) => (cx < d && b.x > d) || (cx > d && b.x + b.width < d));
}

type Spot = [number, number, "start" | "middle" | "end"];

function pointSpots(cx: number, cy: number, size: number): Spot[] {
  const r = MARKER_RADIUS + 2;
  return [
    [cx + r, cy - r, "start"],
    [cx - r, cy - r, "end"],
    [cx + r, cy + r + size * 0.8, "start"],
    [cx - r, cy + r + size * 0.8, "end"],
    [cx, cy - r - 2, "middle"],
    [cx, cy + r + size, "middle"],
    [cx + r + 2, cy + size * 0.36, "start"],
    [cx - r - 2, cy + size * 0.36, "end"],
    [cx + r, cy - r - size, "start"],
    [cx - r, cy - r - size, "end"],
    [cx + r, cy + r + size * 1.8, "start"],
    [cx - r, cy + r + size * 1.8, "end"],
    ...[2, 3, 4].flatMap((k): Spot[] => [
      [cx + k * 8, cy - r - (k - 1) * size, "start"],
      [cx - k * 8, cy - r - (k - 1) * size, "end"],
      [cx + k * 8, cy + r + k * size, "start"],
      [cx - k * 8, cy + r + k * size, "end"],
    ]),
  ];
}

/** Label spots of a value stated for a period: inside a band tall enough, above, below; over
 * its middle, else at its start. */
function bandSpots(
  b: { x1: number; x2: number; top: number; bottom: number },
  size: number,
  textWidth: number,
): Spot[] {
  const mid = (b.top + b.bottom) / 2 + size * 0.36;
  const inside = b.bottom - b.top >= size * 1.1 && b.x2 - b.x1 >= textWidth + 4 ? [mid] : [];
  const xs: [number, Spot[2]][] = [[(b.x1 + b.x2) / 2, "middle"], [b.x1 + 2, "start"], [
    b.x1,
    "middle",
  ]];
  return [
    ...[...inside, b.top - 3, b.bottom + size * 0.8 + 8, b.top - 3 - size].flatMap((ty) =>
      xs.map(([tx, a]): Spot => [tx, ty, a])
    ),
    // Beside it, left then right, level with it and a line above.
    [b.x1 - 3, mid, "end"],
    [b.x2 + 3, mid, "start"],
    [b.x1 - 3, mid - size * 1.2, "end"],
    [b.x2 + 3, mid - size * 1.2, "start"],
  ];
}
