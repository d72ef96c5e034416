/**
 * The cells of one column of a parsed table, in a form one thread sends another cheaply: a value
 * per distinct cell text, once, and a code per row (one copy of each value, however many rows
 * repeat it). Every cell comes back as the same value, −0 and `null` included. Made by
 * `read_columns.ts`.
 *
 * @module
 */

/** A cell of a parsed row: what the row schemas give. */
export type Cell = string | number | null;

/** Each row's code of a column of few values (the narrowest type that holds them). */
export type Codes = Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Int32Array<ArrayBuffer>;

/** A column, as sent: the value of each distinct cell text, and each row's index into them. */
export interface Column {
  values: Cell[];
  codes: Codes;
}

/** Rows per block of numbers while they are gathered (joined once at the end). */
const BLOCK = 1 << 16;

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
 * The builder of the rows of a table's columns: the row at `i` as an object of the columns'
 * cells under their names, in order (the object a schema's row parser gives). One object
 * literal, each column's values and codes at hand: several times faster than a call per cell.
 *
 * @param names The columns' names, in order.
 * @param columns The columns.
 * @returns The row at `i`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { rowAt } from "#lib/data/columnar.ts";
 * const at = rowAt(["a", "b c"], [
 *   { values: ["x", 1], codes: new Uint8Array([1, 0]) },
 *   { values: [null], codes: new Int32Array([0, 0]) },
 * ]);
 * assert.deepEqual([at(0), at(1)], [{ a: 1, "b c": null }, { a: "x", "b c": null }]);
 * ```
 */
export function rowAt(names: readonly string[], columns: readonly Column[]): (i: number) => object {
  if (names.length !== columns.length) throw new RangeError("one name per column");
  const locals = names.map((_, j) => `const v${j} = c[${j}].values, k${j} = c[${j}].codes;`);
  const fields = names.map((name, j) => `${JSON.stringify(name)}: v${j}[k${j}[i]]`);
  return new Function("c", `${locals.join("\n")}\nreturn (i) => ({${fields.join(", ")}});`)(
    columns,
  );
}

/**
 * The buffers of a column that can be moved to another thread rather than copied.
 *
 * @param column The column.
 * @returns Its buffers (its codes'): a transfer leaves them empty here.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { buffersOf } from "#lib/data/columnar.ts";
 * const column = { values: ["x"], codes: new Uint8Array([0, 0]) };
 * assert.deepEqual(buffersOf(column), [column.codes.buffer]);
 * ```
 */
export function buffersOf(column: Column): ArrayBuffer[] {
  return [column.codes.buffer];
}
