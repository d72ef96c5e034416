/**
 * Placing text so that nothing collides: boxes of measured text, wrapping to a width, spreading
 * labels along one axis (end labels, lane labels), and a greedy choice among candidate positions
 * that avoids earlier labels, marks and the figure's edge.
 *
 * @module
 */
import { type FontWeight, measureText } from "./fonts.ts";
import { GridIndex } from "./grid_index.ts";

/** An axis-aligned box in px (x to the right, y down). */
export interface Box {
  /** Left edge. */
  x: number;
  /** Top edge. */
  y: number;
  /** Width (≥ 0). */
  width: number;
  /** Height (≥ 0). */
  height: number;
}

/** Horizontal alignment of a text on its x (SVG `text-anchor`). */
export type Anchor = "start" | "middle" | "end";

/**
 * The box of one line of text drawn at (x, baseline y).
 *
 * @param text The text.
 * @param x Its x (meaning set by `anchor`).
 * @param y Its baseline.
 * @param size Font size in px.
 * @param anchor "start" (default), "middle" or "end".
 * @param weight Font weight.
 * @returns The box of its ink (advance width × ascent + descent).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { textBox } from "#lib/plots/layout.ts";
 * assert.ok(textBox("0", 10, 20, 10, "middle").x < 10);
 * ```
 */
export function textBox(
  text: string,
  x: number,
  y: number,
  size: number,
  anchor: Anchor = "start",
  weight: FontWeight = "normal",
): Box {
  const e = measureText(text, size, weight);
  const left = anchor === "start" ? x : anchor === "middle" ? x - e.width / 2 : x - e.width;
  return { x: left, y: y - e.ascent, width: e.width, height: e.ascent + e.descent };
}

/**
 * True when two boxes overlap by more than `tolerance` px in both directions.
 *
 * @param a A box.
 * @param b Another box.
 * @param tolerance Overlap allowed (default 0).
 * @returns Whether they overlap.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { overlaps } from "#lib/plots/layout.ts";
 * assert.ok(overlaps({ x: 0, y: 0, width: 10, height: 10 }, { x: 5, y: 5, width: 10, height: 10 }));
 * ```
 */
export function overlaps(a: Box, b: Box, tolerance = 0): boolean {
  return a.x + a.width - tolerance > b.x && b.x + b.width - tolerance > a.x &&
    a.y + a.height - tolerance > b.y && b.y + b.height - tolerance > a.y;
}

/**
 * True when `inner` lies inside `outer` (within `tolerance` px).
 *
 * @param inner The box that should be inside.
 * @param outer The container.
 * @param tolerance Slack allowed (default 0).
 * @returns Whether it is inside.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { inside } from "#lib/plots/layout.ts";
 * assert.ok(inside({ x: 1, y: 1, width: 2, height: 2 }, { x: 0, y: 0, width: 10, height: 10 }));
 * ```
 */
export function inside(inner: Box, outer: Box, tolerance = 0): boolean {
  return inner.x >= outer.x - tolerance && inner.y >= outer.y - tolerance &&
    inner.x + inner.width <= outer.x + outer.width + tolerance &&
    inner.y + inner.height <= outer.y + outer.height + tolerance;
}

/** A line segment in px. */
export interface Segment {
  /** Start x. */
  x1: number;
  /** Start y. */
  y1: number;
  /** End x. */
  x2: number;
  /** End y. */
  y2: number;
}

/**
 * True when a segment crosses or touches a box (Liang–Barsky clipping).
 *
 * @param s The segment.
 * @param b The box.
 * @returns Whether any part of the segment lies in the box.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { segmentHitsBox } from "#lib/plots/layout.ts";
 * assert.ok(segmentHitsBox({ x1: 0, y1: 5, x2: 20, y2: 5 }, { x: 5, y: 0, width: 5, height: 10 }));
 * ```
 */
export function segmentHitsBox(s: Segment, b: Box): boolean {
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  let t0 = 0;
  let t1 = 1;
  const checks: [number, number][] = [
    [-dx, s.x1 - b.x],
    [dx, b.x + b.width - s.x1],
    [-dy, s.y1 - b.y],
    [dy, b.y + b.height - s.y1],
  ];
  for (const [p, q] of checks) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const r = q / p;
      if (p < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/**
 * A text cut at a word so that it and " …" fit in `width` px (at least its first word and "…").
 *
 * @param text The text.
 * @param width Width in px.
 * @param size Font size in px.
 * @returns The text, cut and ending in " …".
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { cutText } from "#lib/plots/layout.ts";
 * assert.equal(cutText("one two three four", 60, 10), "one two …");
 * ```
 */
export function cutText(text: string, width: number, size: number): string {
  const words = text.split(" ");
  while (words.length > 1 && measureText(`${words.join(" ")} …`, size).width > width) {
    words.pop();
  }
  return `${words.join(" ")} …`;
}

/**
 * Splits text into lines no wider than `maxWidth` px at spaces (a single word wider than that
 * stays on its own line).
 *
 * @param text The text.
 * @param maxWidth Width in px.
 * @param size Font size in px.
 * @param weight Font weight.
 * @returns The lines.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { wrapText } from "#lib/plots/layout.ts";
 * assert.ok(wrapText("one two three", 40, 10).length > 1);
 * ```
 */
export function wrapText(
  text: string,
  maxWidth: number,
  size: number,
  weight: FontWeight = "normal",
): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measureText(candidate, size, weight).width > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Spreads items along one axis so that none overlaps the next, each as near its wanted position
 * as possible, all within [lo, hi] where they fit (a 1-D "dodge": end labels, lane labels).
 * Order is kept: an item wanted before another stays before it.
 *
 * @param wanted Wanted centre of each item.
 * @param sizes Size of each item along the axis (same order).
 * @param lo Lower limit of the axis.
 * @param hi Upper limit of the axis.
 * @param gap Space kept between items (default 1).
 * @returns The centre given to each item (same order as `wanted`).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { spread } from "#lib/plots/layout.ts";
 * assert.deepEqual(spread([10, 11], [10, 10], 0, 100), [5, 16]);
 * ```
 */
export function spread(
  wanted: readonly number[],
  sizes: readonly number[],
  lo: number,
  hi: number,
  gap = 1,
): number[] {
  if (wanted.length !== sizes.length) {
    throw new RangeError(`spread: ${wanted.length} positions but ${sizes.length} sizes`);
  }
  const order = wanted.map((_, i) => i).sort((a, b) => wanted[a] - wanted[b] || a - b);
  // Clusters of touching items, each centred on the mean of its members' wishes.
  type Cluster = { members: number[]; size: number; start: number };
  const clusters: Cluster[] = [];
  for (const i of order) {
    let c: Cluster = { members: [i], size: sizes[i], start: wanted[i] - sizes[i] / 2 };
    for (;;) {
      const prev = clusters.at(-1);
      if (!prev || prev.start + prev.size + gap <= c.start) break;
      clusters.pop();
      const members = [...prev.members, ...c.members];
      const size = prev.size + gap + c.size;
      // Place the merged cluster so that its members' offsets from their wishes sum to zero.
      let acc = 0;
      let offsetSum = 0;
      for (const m of members) {
        offsetSum += wanted[m] - (acc + sizes[m] / 2);
        acc += sizes[m] + gap;
      }
      c = { members, size, start: offsetSum / members.length };
    }
    clusters.push(c);
  }
  // Keep clusters inside [lo, hi], pushing later ones along.
  let floor = lo;
  for (const c of clusters) {
    c.start = Math.max(c.start, floor);
    floor = c.start + c.size + gap;
  }
  let ceiling = hi;
  for (const c of [...clusters].reverse()) {
    c.start = Math.min(c.start, ceiling - c.size);
    ceiling = c.start - gap;
  }
  const out = new Array<number>(wanted.length);
  for (const c of clusters) {
    let at = c.start;
    for (const m of c.members) {
      out[m] = at + sizes[m] / 2;
      at += sizes[m] + gap;
    }
  }
  return out;
}

/** Options of {@link stackLabels}. */
export interface StackLabelsOptions {
  /** Lower limit of the axis. */
  lo: number;
  /** Upper limit of the axis. */
  hi: number;
  /** The least space between two items of one row. */
  gap: number;
  /** The most rows (at least 1). */
  rows: number;
}

/**
 * Places items along one axis in rows: each in the first row where it stands at its wanted
 * position (inside [lo, hi]) at least `gap` from the item before it, else in the row whose last
 * item ends first; then each row is {@link spread} with that gap, so that no two items of a row
 * come nearer than `gap`, whichever row they are in.
 *
 * @param wanted Wanted centre of each item.
 * @param sizes Size of each item along the axis (same order).
 * @param o The axis's limits, the gap, the most rows.
 * @returns Each item's row (0 first) and centre (same order as `wanted`).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { stackLabels } from "#lib/plots/layout.ts";
 * const o = { lo: 0, hi: 100, gap: 10, rows: 2 };
 * // Two items 5 apart: the second goes to a row of its own, at its wanted place.
 * assert.deepEqual(stackLabels([20, 25], [10, 10], o), [{ row: 0, at: 20 }, { row: 1, at: 25 }]);
 * // Far enough apart: one row.
 * assert.deepEqual(stackLabels([20, 50], [10, 10], o), [{ row: 0, at: 20 }, { row: 0, at: 50 }]);
 * ```
 */
export function stackLabels(
  wanted: readonly number[],
  sizes: readonly number[],
  o: StackLabelsOptions,
): { row: number; at: number }[] {
  if (wanted.length !== sizes.length) {
    throw new RangeError(`stackLabels: ${wanted.length} positions but ${sizes.length} sizes`);
  }
  const rows = Math.max(1, Math.floor(o.rows));
  const order = wanted.map((_, i) => i).sort((a, b) => wanted[a] - wanted[b] || a - b);
  // Where the last item of each row ends.
  const ends: number[] = [];
  const rowOf = new Array<number>(wanted.length);
  for (const i of order) {
    const left = Math.max(o.lo, Math.min(wanted[i] - sizes[i] / 2, o.hi - sizes[i]));
    let r = ends.findIndex((e) => e + o.gap <= left);
    if (r < 0 && ends.length < rows) r = ends.length;
    if (r < 0) r = ends.indexOf(Math.min(...ends));
    rowOf[i] = r;
    ends[r] = Math.max(left, (ends[r] ?? -Infinity) + o.gap) + sizes[i];
  }
  const out = wanted.map(() => ({ row: 0, at: 0 }));
  for (let r = 0; r < ends.length; r++) {
    const members = order.filter((i) => rowOf[i] === r);
    const at = spread(
      members.map((i) => wanted[i]),
      members.map((i) => sizes[i]),
      o.lo,
      o.hi,
      o.gap,
    );
    members.forEach((i, k) => out[i] = { row: r, at: at[k] });
  }
  return out;
}

/** Things a label must not cover. */
export interface Obstacles {
  /** Boxes (other labels, markers). */
  boxes: Box[];
  /** Segments (lines, whiskers). */
  segments: Segment[];
}

/**
 * Picks the first candidate box that stays inside `bounds` and covers no obstacle, and adds it to
 * the obstacles (so later labels avoid it). When every candidate covers something, takes the one
 * inside `bounds` that covers least (boxes weigh more than lines); when none is inside, the first.
 *
 * Obstacles are only ever appended to (as the chosen box is): each array's index by place
 * ({@link GridIndex}) is kept from one call to the next and takes in what was appended, so that
 * a label is checked against the obstacles near it, not against all (each near one checked
 * exactly, and a candidate's count stopped once it is no better than the best so far: the same
 * choice). An array shortened or with its last item replaced is indexed afresh.
 *
 * @param candidates Boxes the label could take, best first (at least one).
 * @param obstacles What to avoid; the chosen box is appended to `obstacles.boxes`.
 * @param bounds Where the label must stay.
 * @param pad Space kept around the label (default 1 px).
 * @param cost A cost of each candidate besides what it covers, same order (default none): 1 weighs
 *   as a line it crosses, 100 as a box it covers.
 * @returns Index of the chosen candidate.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { placeLabel } from "#lib/plots/layout.ts";
 * const obstacles = { boxes: [{ x: 0, y: 0, width: 10, height: 10 }], segments: [] };
 * const b = (x: number) => ({ x, y: 0, width: 10, height: 10 });
 * assert.equal(placeLabel([b(5), b(20)], obstacles, { x: 0, y: 0, width: 100, height: 100 }), 1);
 * ```
 */
export function placeLabel(
  candidates: readonly Box[],
  obstacles: Obstacles,
  bounds: Box,
  pad = 1,
  cost: readonly number[] = [],
): number {
  if (candidates.length === 0) throw new RangeError("placeLabel: no candidate position");
  const boxIndex = indexOf(obstacles.boxes, boxExtent);
  const segmentIndex = indexOf(obstacles.segments, segmentExtent);
  let best = -1;
  let bestScore = Infinity;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    if (!inside(c, bounds)) continue;
    const padded = {
      x: c.x - pad,
      y: c.y - pad,
      width: c.width + 2 * pad,
      height: c.height + 2 * pad,
    };
    // Counted until it is no better than the best so far (it could then not be taken).
    let score = cost[i] ?? 0;
    const near = boxExtent(padded);
    for (const k of boxIndex.near(...near)) {
      if (score >= bestScore) break;
      if (overlaps(padded, obstacles.boxes[k])) score += 100;
    }
    for (const k of segmentIndex.near(...near)) {
      if (score >= bestScore) break;
      if (segmentHitsBox(obstacles.segments[k], padded)) score++;
    }
    if (score < bestScore) {
      best = i;
      bestScore = score;
      if (score === 0) break;
    }
  }
  if (best < 0) best = 0;
  obstacles.boxes.push(candidates[best]);
  return best;
}

/** The extents in x and y of a box. */
const boxExtent = (b: Box): Extent => [[b.x, b.x + b.width], [b.y, b.y + b.height]];

/** The extents in x and y of a segment. */
const segmentExtent = (s: Segment): Extent => [[s.x1, s.x2], [s.y1, s.y2]];

/** The ends of an item's extent in x, then in y. */
type Extent = [[number, number], [number, number]];

/** Each obstacle array's index by x, how many of its items it holds, and the last of them. */
const INDEXES = new WeakMap<
  readonly object[],
  { index: GridIndex; count: number; last: object | undefined }
>();

/**
 * The index by place of an array of obstacles (appended to since the last call: those appended are
 * filed; shortened, or its last filed item replaced: filed afresh).
 */
function indexOf<T extends object>(
  items: readonly T[],
  extent: (item: T) => Extent,
): GridIndex {
  let entry = INDEXES.get(items);
  if (
    !entry || entry.count > items.length ||
    (entry.count > 0 && items[entry.count - 1] !== entry.last)
  ) {
    entry = { index: new GridIndex(), count: 0, last: undefined };
    INDEXES.set(items, entry);
  }
  for (; entry.count < items.length; entry.count++) {
    entry.index.add(entry.count, ...extent(items[entry.count]));
    entry.last = items[entry.count];
  }
  return entry.index;
}

/**
 * Whether any of the segments crosses or touches a box ({@link segmentHitsBox}), looking only at
 * those near it (the same index {@link placeLabel} keeps of them).
 *
 * @param segments The segments (only ever appended to).
 * @param box The box.
 * @returns True when one of them hits it.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { hitsAnySegment } from "#lib/plots/layout.ts";
 * const segments = [{ x1: 0, y1: 5, x2: 20, y2: 5 }];
 * assert.ok(hitsAnySegment(segments, { x: 5, y: 0, width: 5, height: 10 }));
 * assert.ok(!hitsAnySegment(segments, { x: 30, y: 0, width: 5, height: 10 }));
 * ```
 */
export function hitsAnySegment(segments: readonly Segment[], box: Box): boolean {
  return indexOf(segments, segmentExtent).near(...boxExtent(box))
    .some((k) => segmentHitsBox(segments[k], box));
}
