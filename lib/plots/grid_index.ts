/**
 * Items found by where they stand on a plane: each item covers a rectangle (its extent in x and
 * in y) and is filed in the fixed-size cells of a grid that it covers, so that the items that may
 * meet a rectangle are found among those near it rather than among all (the label placement's
 * obstacles: a figure with many values otherwise checks every label against every mark, in time
 * growing with the square of them).
 *
 * @module
 */

/** Side of a cell, in the plane's units (px for the label placement). */
const CELL = 16;

/** The most cells an item is filed in; a larger item is looked at by every search. */
const MOST_CELLS = 256;

/**
 * How far beyond a searched rectangle an item is still returned: the checks the caller makes on
 * what is returned compute edges and crossings in floating point, which may place an item a
 * rounding error nearer than it stands, never a whole unit.
 */
const MARGIN = 1;

/** Beyond this magnitude a coordinate's rounding error may exceed {@link MARGIN}. */
const FAR = 1e6;

/** Cell numbers run from −2^16 to 2^16 (|coordinate| < {@link FAR}); a cell's key is one number. */
const SPAN = 2 ** 17;

/** The cell numbers a stretch covers along one axis, or `null` when it is far out or unknown. */
function cells(a: number, b: number): [number, number] | null {
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  if (!(Math.abs(lo) < FAR && Math.abs(hi) < FAR)) return null;
  return [Math.floor(lo / CELL), Math.floor(hi / CELL)];
}

/**
 * Items filed by the rectangle of the plane they cover. An item whose rectangle is not finite, is
 * far out or is large is kept apart and returned by every search, so that no item that may meet
 * a rectangle is ever left out: a search returns a superset of the items that meet it, which the
 * caller checks exactly.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { GridIndex } from "#lib/plots/grid_index.ts";
 * const g = new GridIndex();
 * g.add(0, [10, 20], [0, 5]);
 * g.add(1, [500, 520], [0, 5]);
 * g.add(2, [10, 20], [300, 310]);
 * g.add(3, [NaN, 3], [0, 1]); // unknown: returned by every search
 * assert.deepEqual(g.near([0, 30], [0, 10]).sort(), [0, 3]);
 * assert.deepEqual(g.near([505, 506], [4, 4]).sort(), [1, 3]);
 * ```
 */
export class GridIndex {
  /** The items filed in each cell, by the cell's key. */
  #cells = new Map<number, number[]>();
  /** The items every search returns. */
  #always: number[] = [];
  /** The search that last returned each item (no item twice in one search). */
  #seen: number[] = [];
  /** The number of the current search. */
  #search = 0;

  /**
   * Files an item.
   *
   * @param id The item's number (the caller's index: a whole number ≥ 0).
   * @param x The ends of its extent in x.
   * @param y The ends of its extent in y.
   */
  add(id: number, x: readonly [number, number], y: readonly [number, number]): void {
    this.#seen[id] = 0;
    const [cx, cy] = [cells(...x), cells(...y)];
    if (!cx || !cy || (cx[1] - cx[0] + 1) * (cy[1] - cy[0] + 1) > MOST_CELLS) {
      this.#always.push(id);
      return;
    }
    for (let i = cx[0]; i <= cx[1]; i++) {
      for (let j = cy[0]; j <= cy[1]; j++) {
        const key = i * SPAN + j;
        const cell = this.#cells.get(key);
        if (cell) cell.push(id);
        else this.#cells.set(key, [id]);
      }
    }
  }

  /**
   * The items that may meet a rectangle (within a margin of rounding), each once: every item
   * that meets it and some near it. A rectangle that is not finite, is far out or is large
   * returns every item.
   *
   * @param x The ends of its extent in x.
   * @param y The ends of its extent in y.
   * @returns The items' numbers, in no particular order.
   */
  near(x: readonly [number, number], y: readonly [number, number]): number[] {
    const search = ++this.#search;
    const seen = this.#seen;
    const out: number[] = [];
    const take = (ids: readonly number[]) => {
      for (const id of ids) if (seen[id] !== search) seen[id] = search, out.push(id);
    };
    const widen = ([a, b]: readonly [number, number]) =>
      a <= b ? cells(a - MARGIN, b + MARGIN) : cells(b - MARGIN, a + MARGIN);
    const [cx, cy] = [widen(x), widen(y)];
    if (!cx || !cy || (cx[1] - cx[0] + 1) * (cy[1] - cy[0] + 1) > this.#cells.size) {
      for (const cell of this.#cells.values()) take(cell);
    } else {
      for (let i = cx[0]; i <= cx[1]; i++) {
        for (let j = cy[0]; j <= cy[1]; j++) {
          const cell = this.#cells.get(i * SPAN + j);
          if (cell) take(cell);
        }
      }
    }
    take(this.#always);
    return out;
  }
}
