/**
 * The cells of one column of a parsed table, in a form one thread sends another cheaply: a column
 * of few distinct values as those values once and a code per row; a column of text that seldom
 * repeats (quotes, words) as one string and where each row's text ends in it. Every cell comes
 * back as the same value, −0 and `null` included.
 *
 * @module
 */

/** A cell of a parsed row: what the row schemas give. */
export type Cell = string | number | null;

/** Each row's code of a column of few values (the narrowest type that holds them). */
export type Codes = Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Int32Array<ArrayBuffer>;

/** A column, as sent (see the module description). */
export type Column =
  | { values: Cell[]; codes: Codes }
  | { text: string; ends: Int32Array<ArrayBuffer> };

/** Distinct values a column of codes holds before a column of text only becomes a {@link TextColumn}. */
const MOST_CODES = 4096;

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

  /** Adds one number (a 32-bit integer). */
  push(n: number): void {
    if (this.#at === this.#block.length) {
      this.#blocks.push(this.#block = new Int32Array(BLOCK));
      this.#at = 0;
    }
    this.#block[this.#at++] = n;
    this.length++;
  }

  /** The number at `i` (for a writer that rereads what it gathered). */
  at(i: number): number {
    return this.#blocks[Math.floor(i / BLOCK)][i % BLOCK];
  }

  /** Copies every number, in order, into `into` (of room for {@link IntBlocks.length}). */
  join<A extends Codes>(into: A): A {
    this.#blocks.forEach((b, k) => {
      const from = k * BLOCK;
      into.set(from + BLOCK <= this.length ? b : b.subarray(0, this.length - from), from);
    });
    return into;
  }
}

/**
 * Gathers one column's cells, row by row, into a {@link Column}: by codes while its distinct
 * values are few, else (a column of text) as one text.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { cellAt, ColumnWriter } from "#lib/data/columnar.ts";
 * const w = new ColumnWriter();
 * for (const v of [1, -0, null, 1]) assert.ok(w.add(v));
 * const c = w.column();
 * assert.ok("codes" in c && c.values.length === 3);
 * assert.ok(Object.is(cellAt(c)(1), -0));
 * assert.equal(w.add({}), false, "not a cell");
 * ```
 */
export class ColumnWriter {
  #keys: Map<unknown, number> | null = new Map();
  #codes: IntBlocks | null = new IntBlocks();
  #last: unknown = undefined;
  #lastCode = 0;
  /** Whether every value so far is text or null (a column that may become text). */
  #textual = true;
  #parts: string[] = [];
  #length = 0;
  #ends: IntBlocks | null = null;

  /**
   * Adds the next row's cell.
   *
   * @param v The cell.
   * @returns False when it is not a cell (a string, number or null): the column is then unusable.
   */
  add(v: unknown): boolean {
    if (this.#ends !== null) {
      if (v === null) this.#ends.push(~this.#length);
      else if (typeof v === "string") {
        this.#parts.push(v);
        this.#ends.push(this.#length += v.length);
      } else return false;
      return true;
    }
    const codes = this.#codes!;
    // Most columns repeat the row before's value (the same string, as the reader remembers it).
    if (v === this.#last && v !== 0 && codes.length > 0) {
      codes.push(this.#lastCode);
      return true;
    }
    if (v !== null && typeof v !== "string") {
      if (typeof v !== "number") return false;
      this.#textual = false;
    }
    const keys = this.#keys!;
    const key = v === 0 && 1 / v < 0 ? NEGATIVE_ZERO : v;
    let code = keys.get(key);
    if (code === undefined) {
      if (keys.size >= MOST_CODES && this.#textual) {
        this.#toText();
        return this.add(v);
      }
      keys.set(key, code = keys.size);
    }
    this.#last = v;
    codes.push(this.#lastCode = code);
    return true;
  }

  /** The column of every cell added. */
  column(): Column {
    if (this.#ends !== null) {
      return {
        text: this.#parts.join(""),
        ends: this.#ends.join(new Int32Array(this.#ends.length)),
      };
    }
    const values = [...this.#keys!.keys()].map((k) => (k === NEGATIVE_ZERO ? -0 : k) as Cell);
    const n = this.#codes!.length;
    const codes = values.length <= 1 << 8
      ? new Uint8Array(n)
      : values.length <= 1 << 16
      ? new Uint16Array(n)
      : new Int32Array(n);
    return { values, codes: this.#codes!.join(codes) };
  }

  /** Turns the column of codes into one of text, with the rows so far. */
  #toText(): void {
    const values = [...this.#keys!.keys()] as (string | null)[];
    const codes = this.#codes!;
    this.#keys = null;
    this.#codes = null;
    this.#ends = new IntBlocks();
    for (let i = 0; i < codes.length; i++) this.add(values[codes.at(i)]);
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
 * const text = cellAt({ text: "ab", ends: new Int32Array([1, ~1, 2]) });
 * assert.deepEqual([text(0), text(1), text(2)], ["a", null, "b"]);
 * ```
 */
export function cellAt(column: Column): (i: number) => Cell {
  if ("codes" in column) {
    const { values, codes } = column;
    return (i) => values[codes[i]];
  }
  const { text, ends } = column;
  return (i) => {
    const end = ends[i];
    if (end < 0) return null;
    const before = i === 0 ? 0 : ends[i - 1];
    return text.slice(before < 0 ? ~before : before, end);
  };
}

/** The buffers of a column that can be moved to another thread rather than copied. */
export function buffersOf(column: Column): ArrayBuffer[] {
  return ["codes" in column ? column.codes.buffer : column.ends.buffer];
}
