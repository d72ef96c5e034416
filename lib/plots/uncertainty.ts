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
import type { Interval } from "../intervals.ts";
import { fadeGradient, svgElement } from "./dom.ts";
import type { Segment } from "./layout.ts";
import { DASH, STROKE } from "./theme.ts";

/** A linear position scale: value → px, with the domain it maps. */
export interface LinearScale {
  /** Value → px. */
  (v: number): number;
  /** The domain [lo, hi]. */
  domain: readonly [number, number];
}

/**
 * A linear scale from `domain` to `range`.
 *
 * @param domain [lo, hi] in data units (lo < hi).
 * @param range [from, to] in px.
 * @returns The scale.
 * @example
 * ```ts
 * import { linearScale } from "./uncertainty.ts";
 * linearScale([0, 10], [0, 100])(5); // 50
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
  return f;
}

/** What {@link whisker} drew: elements and the segments to keep labels off. */
export interface Drawn {
  /** SVG elements, in drawing order. */
  elements: Element[];
  /** Segments they cover (for label placement). */
  segments: Segment[];
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
 * import { linearScale, whisker } from "./uncertainty.ts";
 * const x = linearScale([0, 10], [0, 100]);
 * whisker({ lo: 2, hi: Infinity }, 5, x, "#000").elements[0].getAttribute("stroke-dasharray"); // "3,2"
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
 * import { linearScale, verticalWhisker } from "./uncertainty.ts";
 * const y = linearScale([0, 10], [100, 0]);
 * verticalWhisker({ lo: 0, hi: 1 }, 5, y, "#000").elements.length; // 3
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
  if (!(hi > lo)) return { elements: [], segments: [] };
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
  return { elements, segments };
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
}

/**
 * A period drawn with its uncertain edges: full colour where it surely runs, fading in over the
 * interval its start may fall in and out over the interval its end may fall in; pale where an
 * edge is open-ended and from its start on when the end is not stated. When start and end
 * intervals overlap, the whole span is drawn pale: the period lies somewhere in it.
 *
 * @param o Start, end, position, scale, colour.
 * @returns The elements (clipped to the axis) and the px extent the bar covers.
 * @example
 * ```ts
 * import { fuzzyBar, linearScale } from "./uncertainty.ts";
 * const x = linearScale([0, 100], [0, 100]);
 * fuzzyBar({ start: { lo: 0, hi: 10 }, end: { lo: 50, hi: 50 }, y: 0, height: 5, x, color: "#0072B2" })
 *   .elements.length; // 3 (gradient, fade-in, core)
 * ```
 */
export function fuzzyBar(
  o: FuzzyBarOptions,
): { elements: Element[]; extent: { x1: number; x2: number } | null } {
  const [d0, d1] = o.x.domain;
  const clip = (v: number) => Math.min(Math.max(v, d0), d1);
  const endLo = o.end === null ? Infinity : o.end.lo;
  const endHi = o.end === null ? Infinity : o.end.hi;
  const elements: Element[] = [];
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
  /** Ramps opacity over the finite interval [a, b] (drawn where it is on the axis). */
  const fade = (a: number, b: number, rising: boolean) => {
    const ca = clip(a);
    const cb = clip(b);
    if (!(cb > ca)) return;
    const at = (v: number) => (rising ? (v - a) / (b - a) : (b - v) / (b - a));
    const g = fadeGradient(o.color, round2(at(ca)), round2(at(cb)));
    elements.push(g.element);
    rect(ca, cb, `url(#${g.id})`);
  };
  /** An edge interval: a ramp where finite, the pale fill where it is open. */
  const edge = (a: number, b: number, rising: boolean) => {
    if (!(b > a)) return;
    if (Number.isFinite(a) && Number.isFinite(b)) fade(a, b, rising);
    else rect(a, b, o.color, PALE);
  };
  if (o.start.hi > endLo || o.end === null) {
    // Start and end intervals overlap, or the end is not stated: the period lies somewhere in
    // [start.lo, end.hi], drawn pale from where it surely started.
    if (o.end === null) {
      edge(o.start.lo, o.start.hi, true);
      rect(o.start.hi, Infinity, o.color, PALE);
    } else {
      rect(o.start.lo, endHi, o.color, PALE);
    }
  } else {
    edge(o.start.lo, o.start.hi, true);
    rect(o.start.hi, endLo, o.color);
    edge(endLo, endHi, false);
  }
  const lo = clip(o.start.lo);
  const hi = clip(endHi);
  return { elements, extent: hi > lo ? { x1: o.x(lo), x2: o.x(hi) } : null };
}

/** Opacity of the part of a period that is open-ended (end not stated, start before the axis). */
export const PALE = 0.4;

function round2(v: number): number {
  return Math.round(Math.min(Math.max(v, 0), 1) * 100) / 100;
}
