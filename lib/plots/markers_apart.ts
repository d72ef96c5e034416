/**
 * Markers set apart sideways where they would overlap: two cases' values at nearly the same time
 * and value (a marker over another hides it, even with its edge drawn again). Each keeps its
 * height (its value); only where it is drawn across moves, as little as keeps a gap between
 * their boxes, the two of a pair by as much each.
 *
 * @module
 */

/** A marker's centre and how far its outline reaches from it (`markerReach`). */
export interface MarkerBox {
  /** Centre's x, px. */
  x: number;
  /** Centre's y, px. */
  y: number;
  /** Half its width. */
  w: number;
  /** Its reach above the centre. */
  up: number;
  /** Its reach below the centre. */
  down: number;
}

/** The clear space kept between two markers' boxes, px (about 0.4 mm). */
export const MARKER_GAP = 1.5;

/**
 * Whether two markers' boxes overlap or come closer than `gap` px (in both directions: a box
 * beside another at another height does not).
 *
 * @param a One marker.
 * @param b Another.
 * @param gap The clear space they need (default {@link MARKER_GAP}).
 * @returns Whether they crowd each other.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { crowded } from "#lib/plots/markers_apart.ts";
 * const m = { x: 0, y: 0, w: 4, up: 4, down: 4 };
 * assert.ok(crowded(m, { ...m, x: 8 }));   // touching: less than the gap apart
 * assert.ok(!crowded(m, { ...m, x: 10 }));
 * assert.ok(!crowded(m, { ...m, y: 10 })); // one above the other
 * ```
 */
export function crowded(a: MarkerBox, b: MarkerBox, gap: number = MARKER_GAP): boolean {
  const across = Math.abs(a.x - b.x) < a.w + b.w + gap - 1e-9;
  const down = a.y - a.up < b.y + b.down + gap - 1e-9 && b.y - b.up < a.y + a.down + gap - 1e-9;
  return across && down;
}

/**
 * Where to draw each marker across so that none crowds another: pairs that do are pushed apart
 * sideways, each by half what they lack, the one drawn further left (or first) to the left,
 * again until none does (at most 200 rounds). Deterministic: the same markers, the same places.
 *
 * @param markers The markers at their own places.
 * @param gap The clear space between boxes (default {@link MARKER_GAP}).
 * @returns Each marker's x, in the order given (its own x where it crowds none).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { crowded, setApart } from "#lib/plots/markers_apart.ts";
 * const m = { x: 10, y: 0, w: 4, up: 4, down: 4 };
 * const xs = setApart([m, { ...m, x: 11 }, { ...m, y: 20 }]);
 * assert.equal(xs[2], 10); // alone at its height: where it was
 * assert.ok(!crowded({ ...m, x: xs[0] }, { ...m, x: xs[1] }));
 * assert.ok(Math.abs((xs[0] + xs[1]) / 2 - 10.5) < 1e-9); // apart about their middle
 * ```
 */
export function setApart(markers: readonly MarkerBox[], gap: number = MARKER_GAP): number[] {
  const xs = markers.map((m) => m.x);
  const order = markers.map((_, i) => i).sort((a, b) => markers[a].x - markers[b].x || a - b);
  for (let round = 0; round < 200; round++) {
    let moved = false;
    for (let i = 0; i < order.length; i++) {
      for (let j = i + 1; j < order.length; j++) {
        const [a, b] = [order[i], order[j]];
        const [ma, mb] = [{ ...markers[a], x: xs[a] }, { ...markers[b], x: xs[b] }];
        if (!crowded(ma, mb, gap)) continue;
        const lack = ma.w + mb.w + gap - Math.abs(xs[b] - xs[a]);
        // The one first in order goes left; both by half.
        const push = lack / 2 + 1e-6;
        if (xs[a] <= xs[b]) [xs[a], xs[b]] = [xs[a] - push, xs[b] + push];
        else [xs[a], xs[b]] = [xs[a] + push, xs[b] - push];
        moved = true;
      }
    }
    if (!moved) break;
  }
  return xs;
}

/**
 * Dots in columns (a slopegraph's) set apart where they crowd ({@link setApart}), those of the
 * first and last columns only inwards: clear of the labels beside those columns.
 *
 * @param dots Each dot's box at its column's x, and its column.
 * @param gap The clear space between boxes (default {@link MARKER_GAP}).
 * @returns Each dot's x, in the order given.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { setApartInColumns } from "#lib/plots/markers_apart.ts";
 * const m = { x: 100, y: 0, w: 4, up: 4, down: 4, column: 2 };
 * const xs = setApartInColumns([{ ...m, x: 0, column: 0 }, m, { ...m, y: 1 }]);
 * assert.equal(xs[0], 0);
 * assert.ok(xs[1] <= 100 && xs[2] <= 100 && Math.abs(xs[1] - xs[2]) >= 9.5); // inwards, apart
 * ```
 */
export function setApartInColumns(
  dots: readonly (MarkerBox & { column: number })[],
  gap: number = MARKER_GAP,
): number[] {
  const xs = setApart(dots, gap);
  const columns = dots.map((d) => d.column);
  for (const [column, inwards] of [[Math.min(...columns), 1], [Math.max(...columns), -1]]) {
    const at = dots.map((d, i) => ({ d, i })).filter(({ d }) => d.column === column);
    // How far the dot furthest towards the labels went towards them: the column's all go back.
    const out = Math.max(0, ...at.map(({ d, i }) => (d.x - xs[i]) * inwards));
    for (const { i } of at) xs[i] += out * inwards;
  }
  return xs;
}
