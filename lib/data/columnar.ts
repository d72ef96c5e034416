/**
 * The cells of one column of a parsed table, in a form one thread sends another cheaply: the
 * column's distinct values once and a code per row (one copy of each value, however many rows
 * repeat it). Every cell comes back as the same value, −0 and `null` included.
 *
 * @module
 */

/** A cell of a parsed row: what the row schemas give. */
export type Cell = string | number | null;

/** Each row's code of a column of few values (the narrowest type that holds them). */
export type Codes = Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Int32Array<ArrayBuffer>;

/** A column, as sent: its distinct values, and each row's index into them. */
export interface Column {
  values: Cell[];
  codes: Codes;
}

/** Rows per block of numbers while they are gathered (joined once at the end). */
const BLOCK = 1 << 16;

/** Key of −0 among a column's values (a `Map` takes −0 and 0 as one key). */
const NEGATIVE_ZERO = Symbol("-0");

/**
 * Whole numbers gathered in blocks (no copy as they grow), then joined into one array.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { IntBlocks } from "#lib/data/columnar.ts";
 * const b = new IntBlocks();
 * for (let i = 0; i < 70_000; i++) b.push(i % 7);
 * const all = b.join(new Uint8Array(b.length));
 * assert.equal(all.length, 70_000);
 * assert.equal(all[69_999], 69_999 % 7);
 * ```
 */
export class IntBlocks {
  #blocks: Int32Array[] = [];
  #block = new Int32Array(0);
  #at = 0;
  /** How many numbers. */
  length = 0;

  /**
   * Adds one number.
   *
   * @param n A 32-bit integer.
   */
  push(n: number): void {
    if (this.#at === this.#block.length) {
      this.#blocks.push(this.#block = new Int32Array(BLOCK));
      this.#at = 0;
    }
    this.#block[this.#at++] = n;
    this.length++;
  }

  /**
   * Copies every number, in order, into `into`.
   *
   * @param into An array of room for {@link IntBlocks.length} numbers.
   * @returns `into`.
   */
  join<A extends Codes>(into: A): A {
    this.#blocks.forEach((b, k) => {
      const from = k * BLOCK;
      into.set(from + BLOCK <= this.length ? b : b.subarray(0, this.length - from), from);
    });
    return into;
  }
}

/**
 * Gathers one column's cells, row by row, into a {@link Column}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { cellAt, ColumnWriter } from "#lib/data/columnar.ts";
 * const w = new ColumnWriter();
 * for (const v of [1, -0, null, 1]) assert.ok(w.add(v));
 * const c = w.column();
 * assert.equal(c.values.length, 3);
 * assert.ok(Object.is(cellAt(c)(1), -0));
 * assert.equal(w.add({}), false, "not a cell");
 * ```
 */
export class ColumnWriter {
  #keys = new Map<unknown, number>();
  #codes = new IntBlocks();
  #last: unknown = undefined;
  #lastCode = 0;

  /**
   * Adds the next row's cell.
   *
   * @param v The cell.
   * @returns False when it is not a cell (a string, number or null): the column is then unusable.
   */
  add(v: unknown): boolean {
    const codes = this.#codes;
    // Most columns repeat the row before's value (the same string, as the reader remembers it).
    if (v === this.#last && v !== 0 && codes.length > 0) {
      codes.push(this.#lastCode);
      return true;
    }
    if (v !== null && typeof v !== "string" && typeof v !== "number") return false;
    const key = v === 0 && 1 / v < 0 ? NEGATIVE_ZERO : v;
    let code = this.#keys.get(key);
    if (code === undefined) this.#keys.set(key, code = this.#keys.size);
    this.#last = v;
    codes.push(this.#lastCode = code);
    return true;
  }

  /** The column of every cell added. */
  column(): Column {
    const values = [...this.#keys.keys()].map((k) => (k === NEGATIVE_ZERO ? -0 : k) as Cell);
    const n = this.#codes.length;
    const codes = values.length <= 1 << 8
      ? new Uint8Array(n)
      : values.length <= 1 << 16
      ? new Uint16Array(n)
      : new Int32Array(n);
    return { values, codes: this.#codes.join(codes) };
  }
}

/**
 * A column's cell at each row.
 *
 * @param column The column.
 * @returns The cell of row `i`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { cellAt } from "#lib/data/columnar.ts";
 * const cell = cellAt({ values: ["a", null], codes: new Uint8Array([1, 0, 0]) });
 * assert.deepEqual([cell(0), cell(1), cell(2)], [null, "a", "a"]);
 * ```
 */
export function cellAt(column: Column): (i: number) => Cell {
  const { values, codes } = column;
  return (i) => values[codes[i]];
}

/**
 * The buffers of a column that can be moved to another thread rather than copied.
 *
 * @param column The column.
 * @returns Its buffers (its codes'): a transfer leaves them empty here.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { buffersOf, ColumnWriter } from "#lib/data/columnar.ts";
 * const w = new ColumnWriter();
 * w.add("x");
 * const column = w.column();
 * assert.deepEqual(buffersOf(column), [column.codes.buffer]);
 * ```
 */
export function buffersOf(column: Column): ArrayBuffer[] {
  return [column.codes.buffer];
}
