/**
 * Uncertainty drawn the same way in every figure:
 * - a time (or value) interval is a whisker with end caps; a whisker whose interval is open-ended
 *   or runs past the axis is dashed over its whole length and has no cap on that side;
 * - an uncertain edge of a period (a start "about 7 weeks" after something) fades: the fill ramps
 *   from clear to full over the interval the edge may fall in;
 * - what is open-ended (a period whose end is not stated, a start "before" with no limit) is pale
 *   up to the axis.
 *
 * @module
 */
import type { Interval, NominalInterval } from "../intervals.ts";
import { fadeGradient, roundPx, svgElement } from "./dom.ts";
import type { Segment } from "./layout.ts";
import { DASH, SPAN_BAR, STROKE } from "./theme.ts";
import { arrowHead } from "./legend.ts";

/** A linear position scale: value → px, with the domain it maps. */
export interface LinearScale {
  /** Value → px. */
  (v: number): number;
  /** The domain [lo, hi]. */
  domain: readonly [number, number];
  /** Px → value. */
  invert: (px: number) => number;
}

/**
 * A linear scale from `domain` to `range`.
 *
 * @param domain [lo, hi] in data units (lo < hi).
 * @param range [from, to] in px.
 * @returns The scale.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { linearScale } from "#lib/plots/uncertainty.ts";
 * assert.equal(linearScale([0, 10], [0, 100])(5), 50);
 * ```
 */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): LinearScale {
  const [d0, d1] = domain;
  if (!(d1 > d0)) throw new RangeError(`scale domain must be increasing, got [${d0}, ${d1}]`);
  const [r0, r1] = range;
  const f = ((v: number) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0)) as LinearScale;
  f.domain = [d0, d1];
  f.invert = (px: number) => d0 + ((px - r0) / (r1 - r0)) * (d1 - d0);
  return f;
}

/** What {@link whisker} drew: elements and the segments to keep labels off. */
export interface Drawn {
  /** SVG elements, in drawing order. */
  elements: Element[];
  /** Segments they cover (for label placement). */
  segments: Segment[];
  /** True when the whisker is drawn dashed (open-ended or past the axis). */
  open: boolean;
}

/**
 * A horizontal whisker over [lo, hi] at height y: solid with end caps where the interval is
 * finite and on the axis; dashed, without the cap on the cut side, where it is open-ended or runs
 * past the axis. Returns nothing for a zero-width interval.
 *
 * @param interval The interval (bounds may be ±Infinity).
 * @param y Height in px.
 * @param x The horizontal scale.
 * @param color Stroke colour.
 * @returns Elements and their segments.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { linearScale, whisker } from "#lib/plots/uncertainty.ts";
 * const x = linearScale([0, 10], [0, 100]);
 * const w = whisker({ lo: 2, hi: Infinity }, 5, x, "#000");
 * assert.equal(w.elements[0].getAttribute("stroke-dasharray"), "3,2");
 * ```
 */
export function whisker(interval: Interval, y: number, x: LinearScale, color: string): Drawn {
  return axisWhisker(interval, x, color, (a, b) => ({ x1: a, x2: b, y1: y, y2: y }), "h");
}

/**
 * A vertical whisker over [lo, hi] at position x (a stated value range), drawn like
 * {@link whisker}.
 *
 * @param interval The value interval.
 * @param xPx Horizontal position in px.
 * @param y The vertical scale.
 * @param color Stroke colour.
 * @returns Elements and their segments.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { linearScale, verticalWhisker } from "#lib/plots/uncertainty.ts";
 * const y = linearScale([0, 10], [100, 0]);
 * assert.equal(verticalWhisker({ lo: 0, hi: 1 }, 5, y, "#000").elements.length, 3);
 * ```
 */
export function verticalWhisker(
  interval: Interval,
  xPx: number,
  y: LinearScale,
  color: string,
): Drawn {
  return axisWhisker(interval, y, color, (a, b) => ({ x1: xPx, x2: xPx, y1: a, y2: b }), "v");
}

function axisWhisker(
  interval: Interval,
  scale: LinearScale,
  color: string,
  seg: (a: number, b: number) => Segment,
  orientation: "h" | "v",
): Drawn {
  const [d0, d1] = scale.domain;
  const lo = Math.max(interval.lo, d0);
  const hi = Math.min(interval.hi, d1);
  if (!(hi > lo)) return { elements: [], segments: [], open: false };
  const cutLo = interval.lo < d0;
  const cutHi = interval.hi > d1;
  const s = seg(scale(lo), scale(hi));
  const attrs: Record<string, string | number> = {
    ...s,
    stroke: color,
    "stroke-width": STROKE.thin,
  };
  if (cutLo || cutHi) attrs["stroke-dasharray"] = DASH.open;
  const elements = [svgElement("line", attrs)];
  const segments = [s];
  const cap = 2.5;
  for (const [cut, v] of [[cutLo, lo], [cutHi, hi]] as const) {
    if (cut) continue;
    const p = scale(v);
    const c = orientation === "h"
      ? { x1: p, x2: p, y1: s.y1 - cap, y2: s.y1 + cap }
      : { x1: s.x1 - cap, x2: s.x1 + cap, y1: p, y2: p };
    elements.push(svgElement("line", { ...c, stroke: color, "stroke-width": STROKE.thin }));
    segments.push(c);
  }
  return { elements, segments, open: cutLo || cutHi };
}

/** Length in px of the arrow that marks a bound the text leaves open. */
export const OPEN_ARROW_PX = 14;

/** What {@link windowBracket} drew. */
export interface Bracket extends Drawn {
  /** True when a side is open (no bound stated): drawn as an arrow. */
  arrow: boolean;
}

/**
 * The window a time may fall in, drawn as a bracket around its mark (never as a bar): a thin line
 * over [lo, hi] with end caps where a bound is stated and on the axis; a bound stated but past the
 * axis is a dashed line to the axis's edge without a cap; a bound the text leaves open (±Infinity)
 * is an arrow pointing away from the mark, {@link OPEN_ARROW_PX} beyond whatever else is drawn on
 * that side. Returns nothing for a zero-width window.
 *
 * @param window The window (bounds may be ±Infinity).
 * @param at Where the mark is drawn (data units; the arrow starts from there at the least).
 * @param y Height in px.
 * @param x The horizontal scale.
 * @param color Stroke colour.
 * @returns Elements, segments, whether a side is dashed (`open`) or an arrow (`arrow`).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { linearScale, windowBracket } from "#lib/plots/uncertainty.ts";
 * const x = linearScale([0, 100], [0, 100]);
 * const b = windowBracket({ lo: 10, hi: Infinity }, 20, 5, x, "#000");
 * assert.ok(b.arrow && !b.open, "an open bound is an arrow, not a dashed line");
 * ```
 */
export function windowBracket(
  window: Interval,
  at: number,
  y: number,
  x: LinearScale,
  color: string,
): Bracket {
  const [d0, d1] = x.domain;
  if (!(window.hi > window.lo)) return { elements: [], segments: [], open: false, arrow: false };
  const elements: Element[] = [];
  const segments: Segment[] = [];
  const clip = (v: number) => Math.min(Math.max(v, d0), d1);
  const mark = x(clip(at));
  const line = (a: number, b: number, dash: boolean) => {
    if (!(b - a > 0.01)) return;
    const sg = { x1: a, x2: b, y1: y, y2: y };
    elements.push(svgElement("line", {
      ...sg,
      stroke: color,
      "stroke-width": STROKE.thin,
      ...(dash ? { "stroke-dasharray": DASH.open } : {}),
    }));
    segments.push(sg);
  };
  let open = false;
  let arrow = false;
  const side = (bound: number, dir: -1 | 1) => {
    const edgePx = x(dir < 0 ? d0 : d1);
    if (!Number.isFinite(bound)) {
      arrow = true;
      const from = dir < 0
        ? Math.min(mark, x(clip(window.hi)))
        : Math.max(mark, x(clip(window.lo)));
      const tip = dir < 0
        ? Math.max(from - OPEN_ARROW_PX, edgePx)
        : Math.min(from + OPEN_ARROW_PX, edgePx);
      if (dir < 0) line(tip, mark, false);
      else line(mark, tip, false);
      const h = 2.5;
      elements.push(svgElement("path", {
        d: `M${roundPx(tip)},${roundPx(y)}L${roundPx(tip - dir * h * 1.6)},${roundPx(y - h)}` +
          `L${roundPx(tip - dir * h * 1.6)},${roundPx(y + h)}Z`,
        fill: color,
      }));
      segments.push({ x1: Math.min(tip, mark), x2: Math.max(tip, mark), y1: y - h, y2: y + h });
      return;
    }
    const past = dir < 0 ? bound < d0 : bound > d1;
    const px = x(clip(bound));
    if (dir < 0) line(px, mark, past);
    else line(mark, px, past);
    open ||= past;
    if (!past) {
      const c = { x1: px, x2: px, y1: y - 2.5, y2: y + 2.5 };
      elements.push(svgElement("line", { ...c, stroke: color, "stroke-width": STROKE.thin }));
      segments.push(c);
    }
  };
  side(window.lo, -1);
  side(window.hi, 1);
  return { elements, segments, open, arrow };
}

/** Options of {@link fuzzyBar}. */
export interface FuzzyBarOptions {
  /** When the period starts (an interval: the start falls somewhere in it). */
  start: Interval;
  /** When it ends, or `null` when the text does not say (the bar fades out to the axis). */
  end: Interval | null;
  /** Top of the bar in px. */
  y: number;
  /** Height of the bar in px. */
  height: number;
  /** The horizontal scale. */
  x: LinearScale;
  /** Fill colour (hex). */
  color: string;
  /**
   * How an edge bounded on one side only is drawn: `"tail"` (default) a short fade then a dashed
   * line to the axis; `"pale"` the pale fill to the axis (for a value stated over the period,
   * which holds wherever the period runs).
   */
  openEdge?: "tail" | "pale";
}

/** What {@link fuzzyBar} drew. */
export interface FuzzyBar {
  /** SVG elements, clipped to the axis. */
  elements: Element[];
  /** The px extent the bar covers on the axis, or `null` when it lies outside. */
  extent: { x1: number; x2: number } | null;
  /** The px extent where the period surely runs (drawn in full colour), or `null`. */
  core: { x1: number; x2: number } | null;
  /** Which styles were drawn (for a legend that shows only what the figure has). */
  uses: { fade: boolean; pale: boolean; open: boolean };
}

/**
 * A period drawn with its uncertain edges: full colour where it surely runs, fading in over the
 * interval its start may fall in and out over the interval its end may fall in. An end bounded
 * below only ("after" X, no limit) fades from pale to clear over a short stretch and goes on as a
 * dashed line to the axis: it falls somewhere out there, at a time the words do not bound (with
 * `openEdge: "pale"`, pale to the axis instead). A start bounded on one side only is pale to the
 * axis. A period whose end is not stated at all is pale
 * from its start on. When start and end intervals overlap, the whole span is drawn pale: the
 * period lies somewhere in it.
 *
 * @param o Start, end, position, scale, colour.
 * @returns The elements (clipped to the axis), the px extent covered, the sure core, the styles.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fuzzyBar, linearScale } from "#lib/plots/uncertainty.ts";
 * const x = linearScale([0, 100], [0, 100]);
 * const bar = fuzzyBar({ start: { lo: 0, hi: 10 }, end: { lo: 50, hi: 50 }, y: 0, height: 5, x, color: "#0072B2" });
 * assert.equal(bar.elements.length, 3); // gradient, fade-in, core
 * ```
 */
export function fuzzyBar(o: FuzzyBarOptions): FuzzyBar {
  const [d0, d1] = o.x.domain;
  const clip = (v: number) => Math.min(Math.max(v, d0), d1);
  const endLo = o.end === null ? Infinity : o.end.lo;
  const endHi = o.end === null ? Infinity : o.end.hi;
  const elements: Element[] = [];
  const uses = { fade: false, pale: false, open: false };
  const rect = (a: number, b: number, fill: string, opacity = 1) => {
    const x1 = o.x(clip(a));
    const x2 = o.x(clip(b));
    if (x2 - x1 < 0.01) return;
    elements.push(svgElement("rect", {
      x: x1,
      y: o.y,
      width: x2 - x1,
      height: o.height,
      fill,
      ...(opacity < 1 ? { "fill-opacity": opacity } : {}),
    }));
  };
  /** Ramps opacity from `from` at a to `to` at b, drawn where [a, b] is on the axis. */
  const ramp = (a: number, b: number, from: number, to: number) => {
    const ca = clip(a);
    const cb = clip(b);
    if (!(cb > ca)) return;
    const at = (v: number) => from + ((v - a) / (b - a)) * (to - from);
    const g = fadeGradient(o.color, round2(at(ca)), round2(at(cb)));
    elements.push(g.element);
    rect(ca, cb, `url(#${g.id})`);
  };
  /**
   * An end bounded below only, at `v` ("after X", no limit): pale fading to clear over a short
   * stretch, then a dashed line (the mark of what is open-ended) on to the axis.
   */
  const openTail = (v: number) => {
    if (v < d0 || v > d1) return;
    const px = o.x(v);
    const edgePx = o.x(d1);
    const len = Math.min(OPEN_FADE_PX, edgePx - px);
    if (len < 0.5) return;
    uses.fade = true;
    uses.open = true;
    ramp(v, o.x.invert(px + len), PALE, 0);
    const cy = o.y + o.height / 2;
    elements.push(svgElement("line", {
      x1: px,
      x2: edgePx,
      y1: cy,
      y2: cy,
      stroke: o.color,
      "stroke-width": STROKE.thin,
      "stroke-dasharray": DASH.open,
    }));
  };
  /** An edge interval: a ramp over it where finite; an open end a tail; else pale to the axis. */
  const edge = (a: number, b: number, rising: boolean) => {
    if (!(b > a)) return;
    const finite = [a, b].filter(Number.isFinite);
    if (finite.length === 2) {
      uses.fade = true;
      ramp(a, b, rising ? 0 : 1, rising ? 1 : 0);
    } else if (!rising && Number.isFinite(a) && (o.openEdge ?? "tail") === "tail") {
      openTail(a);
    } else {
      uses.pale = true;
      rect(a, b, o.color, PALE);
    }
  };
  let core: [number, number] | null = null;
  if (o.end === null) {
    edge(o.start.lo, o.start.hi, true);
    uses.pale = true;
    rect(o.start.hi, Infinity, o.color, PALE);
  } else if (o.start.hi > endLo) {
    // Start and end intervals overlap: the period lies somewhere in [start.lo, end.hi].
    uses.pale = true;
    rect(o.start.lo, endHi, o.color, PALE);
  } else {
    edge(o.start.lo, o.start.hi, true);
    rect(o.start.hi, endLo, o.color);
    core = [o.start.hi, endLo];
    edge(endLo, endHi, false);
  }
  const px = (a: number, b: number) => {
    const x1 = o.x(clip(a));
    const x2 = o.x(clip(b));
    return x2 > x1 ? { x1, x2 } : null;
  };
  return {
    elements,
    extent: px(o.start.lo, endHi),
    core: core ? px(core[0], core[1]) : null,
    uses,
  };
}

/** Length (px) over which an edge bounded on one side only fades out before its dashed line. */
const OPEN_FADE_PX = 24;

/** Opacity of the part of a period that is open-ended (end not stated, start before the axis). */
export const PALE = 0.4;

function round2(v: number): number {
  return Math.round(Math.min(Math.max(v, 0), 1) * 100) / 100;
}

/** Options of {@link spanBar}. */
export interface SpanBarOptions {
  /** When the period starts. */
  start: Interval;
  /** When it ends (`null`: not stated). */
  end: Interval | null;
  /** The value stated for the period. */
  value: NominalInterval;
  /** Value to px (vertical). */
  y: (v: number) => number;
  /** Time to px (horizontal). */
  x: LinearScale;
  /** Fill colour. */
  color: string;
}

/**
 * A value stated for a period: a bar over the period, {@link SPAN_BAR} px thick and centred on an
 * exact value, or a band from the lower to the upper value of a range; its uncertain ends as
 * {@link fuzzyBar} draws them (an end bounded on one side only is pale to the axis).
 *
 * @param o Period, value, scales, colour.
 * @returns The bar, its top and height in px, and whether it is a band (a range) rather than a
 * thick line.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { linearScale, spanBar } from "#lib/plots/uncertainty.ts";
 * const x = linearScale([0, 100], [0, 100]);
 * const y = (v: number) => 100 - 10 * v;
 * const value = { lo: 8, hi: 8, nominal: 8 };
 * const period = { start: { lo: 0, hi: 0 }, end: { lo: 50, hi: 50 } };
 * assert.equal(spanBar({ ...period, value, y, x, color: "#555555" }).band, false);
 * ```
 */
export function spanBar(
  o: SpanBarOptions,
): FuzzyBar & { band: boolean; y: number; height: number } {
  const top = o.y(o.value.hi);
  const band = o.y(o.value.lo) - top > SPAN_BAR;
  const y = band ? top : o.y(o.value.nominal) - SPAN_BAR / 2;
  const height = band ? o.y(o.value.lo) - top : SPAN_BAR;
  const { x, color, start, end } = o;
  const bar = fuzzyBar({ start, end, y, height, x, color, openEdge: "pale" });
  return { ...bar, band, y, height };
}

/**
 * Length in px of the dashed run and arrowhead left of a value over a period whose start the text
 * leaves open: longer than a window's arrow, so that a period drawn a few px long still shows.
 */
export const OPEN_START_PX = OPEN_ARROW_PX + 6;

/**
 * The start of a period the text leaves open (no earlier bound): a dashed run from the bar's
 * drawn start `x1` to an arrowhead {@link OPEN_START_PX} to its left (not past `xMin`, the
 * axis's edge), at the bar's height, however short the drawn period is.
 *
 * @param x1 The bar's drawn start, in px.
 * @param cy The bar's middle, in px.
 * @param h The bar's height, in px.
 * @param color Its colour.
 * @param xMin The axis's left edge, in px.
 * @returns Elements and the segment they cover.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { OPEN_START_PX, openStart } from "#lib/plots/uncertainty.ts";
 * const o = openStart(100, 10, 5, "#000", 0);
 * assert.equal(o.segments[0].x1, 100 - OPEN_START_PX);
 * assert.equal(openStart(100, 10, 5, "#000", 90).segments[0].x1, 90); // not past the axis
 * ```
 */
export function openStart(
  x1: number,
  cy: number,
  h: number,
  color: string,
  xMin: number,
): { elements: Element[]; segments: Segment[] } {
  const tip = Math.max(xMin, x1 - OPEN_START_PX);
  const head = h / 2 + 1.5;
  return {
    elements: [
      svgElement("line", {
        x1: tip + head,
        x2: x1,
        y1: cy,
        y2: cy,
        stroke: color,
        "stroke-width": STROKE.data,
        "stroke-dasharray": DASH.open,
      }),
      arrowHead(tip, cy, head, color, -1),
    ],
    segments: [{ x1: tip, x2: x1, y1: cy - head, y2: cy + head }],
  };
}
