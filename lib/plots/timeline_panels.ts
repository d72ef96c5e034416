// deno-lint-ignore-file house/max-function-lines
// TODO(issue 25): removed when the shape helper lands.
/**
 * The panels of a case's timeline, drawn from its {@link TimelineModel}: the events strip, the
 * phase-change labels, the values and the dose lanes. Every time is a mark at its drawn position
 * with a bracket for the window its words allow (an arrow where a side is open); a period is a bar
 * between the drawn positions of its start and end, never across a window. Every data mark
 * carries a `<title>` with its value, its time window and the quote.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { panel } from "./compose.ts";
import { document, svgElement, textElement, titled } from "./dom.ts";
import { measureText } from "./fonts.ts";
import { arrowHead } from "./legend.ts";
import { type Obstacles, placeLabel, textBox } from "./layout.ts";
import { DASH, GREY, MARKER_RADIUS, SPAN_BAR, STROKE, TYPE } from "./theme.ts";
import type { Phase, PlacedEvent, TimelineModel } from "./timeline_model.ts";
import { type LinearScale, linearScale, verticalWhisker, windowBracket } from "./uncertainty.ts";

/** Which marks a timeline drew, so that its legend shows those and only those. */
export interface Uses {
  /** A window bracket. */
  bracket: boolean;
  /** An open bound drawn as an arrow. */
  arrow: boolean;
  /** A window past the axis, dashed. */
  past: boolean;
  /** A value stated for a period. */
  span: boolean;
  /** A period with no end stated (bar with an arrowhead). */
  ongoing: boolean;
}

/** Colour of a value stated for a period: mid-grey, apart from the ink of the points. */
export const SPAN_COLOR = "#666666";
/** Colour of phase-change lines and their labels. */
export const PHASE_COLOR = "#444444";
const DEFAULT_ROW = TYPE.small * 1.45;
/** Phase changes closer than this (px) share one label. */
const PHASE_MERGE_PX = 14;
const VALUES_H = 150;

/** A value clipped to the scale's domain. */
export const clipTo = (x: LinearScale, v: number) =>
  Math.min(Math.max(v, x.domain[0]), x.domain[1]);

/** Layout options of {@link eventStrip} and {@link phaseStrip}. */
export interface StripOptions {
  /** Row height in px (default 1.45 × the small type). */
  row?: number;
  /** Leftmost x a label may take (default 0): room left of it is kept for a heading. */
  left?: number;
  /** Least height of the strip in px (default: what its rows need). */
  minHeight?: number;
  /** Set to true by {@link eventStrip} when a label had no room right of `left`. */
  crowded?: boolean;
}

/** Events: a diamond, a bracket and a label each, in as many rows as keep labels apart. */
export function eventStrip(
  events: readonly (PlacedEvent & { label: string })[],
  x: LinearScale,
  width: number,
  uses: Uses,
  o: StripOptions = {},
): Element {
  const rowH = o.row ?? DEFAULT_ROW;
  const minX = o.left ?? 0;
  let crowded = false;
  type Spot = { anchor: "start" | "end"; tx: number; x1: number; x2: number; halo: boolean };
  const rows: { x1: number; x2: number }[][] = [];
  const placed: (Spot & { row: number; e: typeof events[number] })[] = [];
  const gap = 3;
  const drawn = events.map((ev) => {
    const px = x(clipTo(x, ev.t.pos));
    const b = windowBracket(ev.t.window, ev.t.pos, 0, x, GREY.muted);
    const xs = b.segments.flatMap((s) => [s.x1, s.x2]);
    return {
      ev,
      px,
      w1: Math.min(px - MARKER_RADIUS, ...xs),
      w2: Math.max(px + MARKER_RADIUS, ...xs),
    };
  }).sort((a, b) => a.ev.t.pos - b.ev.t.pos);
  for (const { ev, px, w1, w2 } of drawn) {
    const lw = measureText(ev.label, TYPE.small).width;
    const spots: Spot[] = [
      { anchor: "start", tx: w2 + gap, x1: w1, x2: w2 + gap + lw, halo: false },
      { anchor: "end", tx: w1 - gap, x1: w1 - gap - lw, x2: w2, halo: false },
      {
        anchor: "start",
        tx: px + MARKER_RADIUS + gap,
        x1: w1,
        x2: Math.max(w2, px + 6 + lw),
        halo: true,
      },
      {
        anchor: "end",
        tx: px - MARKER_RADIUS - gap,
        x1: Math.min(w1, px - 6 - lw),
        x2: w2,
        halo: true,
      },
    ];
    let fits = spots.filter((s) => s.x1 >= minX && s.x2 <= width);
    if (!fits.length && minX > 0) {
      // No room right of `left`: the margin is used, and the strip says so (`crowded`).
      crowded = true;
      fits = spots.filter((s) => s.x1 >= 0 && s.x2 <= width);
    }
    const choices = fits.length ? fits : [{ ...spots[2], tx: 0, x1: 0, x2: width }];
    for (let r = 0;; r++) {
      rows[r] ??= [];
      const free = choices.find((s) => rows[r].every((q) => s.x2 + 6 <= q.x1 || q.x2 + 6 <= s.x1));
      if (free) {
        rows[r].push({ x1: free.x1, x2: free.x2 });
        placed.push({ ...free, row: r, e: ev });
        break;
      }
    }
  }
  const p = panel(width, Math.max(rows.length * rowH + 4, o.minHeight ?? 0));
  if (crowded) o.crowded = true;
  for (const q of placed) {
    const cy = 2 + q.row * rowH + rowH / 2;
    const b = windowBracket(q.e.t.window, q.e.t.pos, cy, x, GREY.muted);
    note(uses, b);
    for (const el of b.elements) p.appendChild(el);
    const px = x(clipTo(x, q.e.t.pos));
    const r = MARKER_RADIUS * 1.2;
    p.appendChild(titled(
      svgElement("path", {
        d: `M${px},${cy - r}L${px + r},${cy}L${px},${cy + r}L${px - r},${cy}Z`,
        fill: GREY.ink,
      }),
      q.e.title,
    ));
    p.appendChild(textElement(q.e.label, q.tx, cy + TYPE.small * 0.36, {
      size: TYPE.small,
      anchor: q.anchor,
      fill: GREY.ink,
      halo: q.halo,
    }));
  }
  return p;
}

export function note(uses: Uses, b: { elements: Element[]; open: boolean; arrow: boolean }): void {
  if (b.elements.length) uses.bracket = true;
  uses.past ||= b.open;
  uses.arrow ||= b.arrow;
}

/**
 * Phase changes: a label naming the drug and dose at each change, in rows that keep labels apart,
 * each on a stem that runs down to the values panel (where the line goes on, dashed).
 */
export function phaseStrip(
  phases: readonly Phase[],
  x: LinearScale,
  width: number,
  o: StripOptions = {},
): Element {
  const rowH = o.row ?? DEFAULT_ROW;
  type Placed = {
    ph: Phase;
    label: string;
    px: number;
    row: number;
    x1: number;
    x2: number;
    anchor: "start" | "end";
  };
  const placed: Placed[] = [];
  const gap = 2;
  // Changes closer than a few px share one label ("diclofenac 75 mg/day, stopped; paroxetine
  // 10 mg/day") while it fits in half the width.
  const clusters: { ph: Phase; px: number; label: string; drug: string }[] = [];
  for (const ph of phases) {
    const px = x(clipTo(x, ph.t.pos));
    const last = clusters.at(-1);
    const merged = last &&
      (last.drug === ph.drug ? `${last.label}, ${ph.change}` : `${last.label}; ${ph.label}`);
    if (
      last && merged && px - last.px < PHASE_MERGE_PX &&
      measureText(merged, TYPE.small).width < width / 2
    ) {
      last.label = merged;
      last.drug = ph.drug;
    } else clusters.push({ ph, px, label: ph.label, drug: ph.drug });
  }
  for (const { ph, px, label } of clusters) {
    const lw = measureText(label, TYPE.small).width;
    // Beside its line, or over it where neither side has room (the line runs down from under
    // the label).
    const over = Math.min(Math.max(px - lw / 2, 1), width - lw - 1);
    const spots = [
      { anchor: "start" as const, x1: px, x2: px + gap + lw },
      { anchor: "end" as const, x1: px - gap - lw, x2: px },
      { anchor: "start" as const, x1: over - gap, x2: over + lw },
    ].filter((s) => s.x1 >= 0 && s.x2 <= width);
    const choices = spots.length ? spots : [{ anchor: "start" as const, x1: 0, x2: lw }];
    const clear = (s: { x1: number; x2: number }, r: number) =>
      placed.every((q) => {
        if (q.row === r) return s.x2 + 5 <= q.x1 || q.x2 + 5 <= s.x1;
        // A stem of a label above passes through this row; this one's stem passes below.
        // (A stem within 3 px of this one's is drawn as one with it.)
        if (q.row < r) return Math.abs(q.px - px) <= 3 || q.px < s.x1 - 2 || q.px > s.x2 + 2;
        return px < q.x1 - 2 || px > q.x2 + 2;
      });
    const free = Math.max(0, ...placed.map((q) => q.row + 1));
    for (let r = 0;; r++) {
      const s = choices.find((c) => clear(c, r));
      // Past every row in use, a new row: no text there, though a stem may cross the label.
      if (s || r >= free) {
        placed.push({ ph, label, px, row: r, ...(s ?? choices[0]) });
        break;
      }
    }
  }
  const rows = Math.max(0, ...placed.map((q) => q.row + 1));
  const height = rows * rowH + 2;
  const p = panel(width, height);
  for (const q of placed) {
    const cy = q.row * rowH + rowH / 2;
    p.appendChild(titled(
      svgElement("line", {
        x1: q.px,
        x2: q.px,
        y1: cy - TYPE.small * 0.5,
        y2: height,
        stroke: PHASE_COLOR,
        "stroke-width": STROKE.thin,
      }),
      q.ph.title,
    ));
    p.appendChild(textElement(
      q.label,
      q.anchor === "start" ? q.x1 + gap : q.x2 - gap,
      cy + TYPE.small * 0.36,
      { size: TYPE.small, anchor: q.anchor, fill: PHASE_COLOR },
    ));
  }
  return p;
}

/** Options of {@link valuesPanel}. */
export interface ValuesPanelOptions {
  width: number;
  marginLeft: number;
  marginRight: number;
  /** The value axis: range and label. */
  scale: { min: number; max: number; label: string };
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
  const [d0, d1] = x.domain;
  const draw = () => {
    const g = svgElement("g", { "aria-label": "values" });
    const obstacles: Obstacles = { boxes: [], segments: [] };
    const vline = (px: number, attrs: Record<string, string | number>, title?: string) => {
      const s = { x1: px, x2: px, y1: marginTop, y2: H - marginBottom };
      const el = g.appendChild(svgElement("line", { ...s, "stroke-width": STROKE.thin, ...attrs }));
      if (title) titled(el, title);
      obstacles.segments.push(s);
    };
    if (o.zeroLine && d0 < 0 && d1 > 0) vline(x(0), { stroke: GREY.muted });
    // Phase changes closer than 2 px share one line (overlaid dashes read as a heavy bar), its
    // hover text naming each.
    const lines: { px: number; titles: string[] }[] = [];
    for (const ph of m.phases) {
      if (ph.t.pos < d0 || ph.t.pos > d1) continue;
      const px = x(ph.t.pos);
      const near = lines.find((l) => Math.abs(l.px - px) < 2);
      if (near) near.titles.push(ph.title);
      else lines.push({ px, titles: [ph.title] });
    }
    for (const l of lines) {
      vline(l.px, { stroke: PHASE_COLOR, "stroke-dasharray": DASH.reference }, l.titles.join("\n"));
    }
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
    // Values stated for a period: a bar from the drawn start to the drawn end (a band for a
    // range), brackets for the windows of its ends under it.
    const bands = m.spans.map((s) => {
      uses.span = true;
      const band = y(s.o.vas.lo) - y(s.o.vas.hi) > SPAN_BAR;
      const top = band ? y(s.o.vas.hi) : y(s.o.vas.nominal) - SPAN_BAR / 2;
      const h = band ? y(s.o.vas.lo) - y(s.o.vas.hi) : SPAN_BAR;
      const x1 = x(clipTo(x, s.start.pos));
      const open = s.end === null;
      const x2 = Math.max(x1 + 2, open ? x(d1) : x(clipTo(x, s.end!.pos)));
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
      // The start's window and the end's, on two rows under the bar.
      for (const [j, t] of [s.start, ...(s.end ? [s.end] : [])].entries()) {
        const b = windowBracket(t.window, t.pos, top + h + 3 + 4 * j, x, GREY.muted);
        note(uses, b);
        for (const el of b.elements) g.appendChild(el);
        obstacles.segments.push(...b.segments);
      }
      const box = { x: x1, y: top - 1, width: x2 - x1, height: h + 2 };
      obstacles.boxes.push(box);
      return { s, x1, x2, top, bottom: top + h, box };
    });
    // The line through the points, broken at every phase change between two of them.
    const pts = m.points;
    for (let i = 1; i < pts.length; i++) {
      const [a, b] = [pts[i - 1].t.pos, pts[i].t.pos];
      if (m.phases.some((ph) => ph.t.pos > a && ph.t.pos <= b)) continue;
      const s = {
        x1: x(clipTo(x, a)),
        y1: y(pts[i - 1].o.vas.nominal),
        x2: x(clipTo(x, b)),
        y2: y(pts[i].o.vas.nominal),
      };
      g.appendChild(svgElement("line", { ...s, stroke: GREY.ink, "stroke-width": STROKE.data }));
      obstacles.segments.push(s);
    }
    for (const p of pts) {
      const py = y(p.o.vas.nominal);
      const b = windowBracket(p.t.window, p.t.pos, py, x, GREY.ink);
      note(uses, b);
      const v = verticalWhisker(p.o.vas, x(clipTo(x, p.t.pos)), y, GREY.ink);
      for (const el of [...b.elements, ...v.elements]) g.appendChild(el);
      obstacles.segments.push(...b.segments, ...v.segments);
    }
    for (const p of pts) {
      const cx = x(clipTo(x, p.t.pos));
      const cy = y(p.o.vas.nominal);
      g.appendChild(
        titled(
          svgElement("circle", {
            cx,
            cy,
            r: MARKER_RADIUS,
            fill: GREY.ink,
            stroke: "white",
            "stroke-width": 0.75,
          }),
          p.title,
        ),
      );
      obstacles.boxes.push({
        x: cx - MARKER_RADIUS,
        y: cy - MARKER_RADIUS,
        width: 2 * MARKER_RADIUS,
        height: 2 * MARKER_RADIUS,
      });
    }
    const bounds = { x: o.marginLeft, y: 0, width: o.width - o.marginLeft - 1, height: H };
    const size = TYPE.small;
    for (const p of pts) {
      const cx = x(clipTo(x, p.t.pos));
      const cy = y(p.o.vas.nominal);
      const spots = pointSpots(cx, cy, size);
      const boxes = spots.map(([tx, ty, a]) => textBox(p.text, tx, ty, size, a));
      const [tx, ty, a] = spots[placeLabel(boxes, obstacles, bounds)];
      g.appendChild(textElement(p.text, tx, ty, { size, anchor: a, fill: GREY.ink }));
    }
    for (const b of bands) {
      const spots = bandSpots(b, size, measureText(b.s.text, size).width);
      const boxes = spots.map(([tx, ty, a]) => textBox(b.s.text, tx, ty, size, a));
      const others = { ...obstacles, boxes: obstacles.boxes.filter((q) => q !== b.box) };
      const i = placeLabel(boxes, others, bounds);
      obstacles.boxes.push(boxes[i]);
      const [tx, ty, a] = spots[i];
      g.appendChild(textElement(b.s.text, tx, ty, { size, anchor: a, fill: GREY.ink }));
    }
    return g;
  };
  return Plot.plot({
    document,
    width: o.width,
    height: H,
    marginLeft: o.marginLeft,
    marginRight: o.marginRight,
    marginTop,
    marginBottom,
    x: {
      domain: x.domain as [number, number],
      range: [o.marginLeft, o.width - o.marginRight],
      axis: null,
    },
    y: {
      domain: [o.scale.min, o.scale.max],
      range: [H - marginBottom, marginTop],
      label: o.scale.label,
      ticks,
    },
    marks: [
      Plot.gridX({ stroke: "#e5e5e5", strokeOpacity: 1 }),
      Plot.gridY({ stroke: "#e5e5e5", strokeOpacity: 1, ticks }),
      () => draw() as unknown as SVGElement,
    ],
  }) as unknown as Element;
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
