/**
 * A table read straight into columns, for a table that has no problem: each column keeps one
 * value per distinct cell text and a code per row, so that a cell's text is parsed by its schema
 * once however many rows repeat it, and no row object is made. It reads what the row reader
 * (`csv.ts`) reads, cell for cell, with the same column parsers (`csv_schema.ts`), and reports
 * nothing: at the first thing the row reader would report (a problem of the file, a row of the
 * wrong width, a broken quote, a line break in a cell, a cell its schema refuses), or a header
 * not in schema order, it stops and says the table is not read, and the row reader reads it and
 * says what is wrong.
 *
 * It replaces, for the second thread of a load (`prefetch.ts`), the row reader with a column
 * writer behind it, which made a row object and looked each cell up twice. On the synthetic
 * 1,000,000-observation series (`deno task bench load --parse DIR`), `timepoints.csv` and
 * `observations.csv` are read in about 2.4 s of CPU instead of 3.2 s, file reading included.
 *
 * @module
 */
import type { z } from "zod";
import { cellParser, FAIL } from "../csv_schema.ts";
import { splitLine } from "../csv.ts";
import type { DataIssue } from "../errors.ts";
import { readText } from "../read.ts";
import { type TableName, tableSchemas } from "../schema.ts";
import type { Cell, Column } from "./columnar.ts";
import { IntBlocks } from "./columnar.ts";
import { checkMemory } from "./memory.ts";

/** Thrown to stop reading a table at its first problem. */
const STOP = Symbol("stop");

/** A table read by column: the line of each row and its columns in schema order. */
export interface ColumnTable {
  /** The 1-based line of each row (the header is line 1). */
  lines: Int32Array<ArrayBuffer>;
  /** Its columns, in schema order. */
  columns: Column[];
}

/** One column while it is read: its distinct cells' codes and values, and each row's code. */
class ColumnCodes {
  readonly #codes = new IntBlocks();
  readonly #of = new Map<string, number>();
  readonly #values: Cell[] = [];
  #last: string | undefined = undefined;
  #lastCode = 0;

  /** @param parse The column's cell parser (its schema's). */
  constructor(readonly parse: (cell: string, row: number, issues: DataIssue[]) => unknown) {}

  /** Adds a row's cell; throws {@link STOP} when its schema refuses it or it is not a cell. */
  add(cell: string, row: number, issues: DataIssue[]): void {
    if (cell === this.#last) {
      this.#codes.push(this.#lastCode);
      return;
    }
    let code = this.#of.get(cell);
    if (code === undefined) {
      const v = this.parse(cell, row, issues);
      if (v === FAIL || (v !== null && typeof v !== "string" && typeof v !== "number")) throw STOP;
      code = this.#values.length;
      this.#values.push(v);
      this.#of.set(cell, code);
    }
    this.#last = cell;
    this.#lastCode = code;
    this.#codes.push(code);
  }

  /** The column of every cell added. */
  column(): Column {
    const n = this.#codes.length;
    const size = this.#values.length;
    const codes = size <= 1 << 8
      ? new Uint8Array(n)
      : size <= 1 << 16
      ? new Uint16Array(n)
      : new Int32Array(n);
    return { values: this.#values, codes: this.#codes.join(codes) };
  }
}

/**
 * Reads one table by column (see the module description), or `null` when the row reader is to
 * read it: the file has a problem, a row has one, its header is not its schema's columns in
 * order, or the heap filled.
 *
 * @param path The table's path.
 * @param name The table.
 * @param dataDir The data folder (for the heap check's message).
 * @returns The table by column, or null.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { readColumns } from "#lib/data/read_columns.ts";
 * const t = readColumns("data/events.csv", "events", "data");
 * assert.ok(t !== null && t.lines[0] === 2 && t.columns.length === 5);
 * assert.equal(readColumns("/nowhere/events.csv", "events", "/nowhere"), null);
 * ```
 */
export function readColumns(path: string, name: TableName, dataDir: string): ColumnTable | null {
  const { file, schema } = tableSchemas[name];
  const names = Object.keys(schema.shape);
  const width = names.length;
  const columns = names.map((c) =>
    new ColumnCodes(cellParser(file, c, (schema.shape as Record<string, z.ZodType>)[c]))
  );
  const lines = new IntBlocks();
  const issues: DataIssue[] = [];
  let line = 0;
  let header = false;
  /**
   * Reads one line of `text` from `start` to `end` (without its line break): `quoted` and `cr`
   * are its first quote and carriage return, or -1 or a position past `end` when it has none.
   */
  const readLine = (text: string, start: number, end: number, quoted: number, cr: number) => {
    const row = ++line;
    if (start === end) return; // a blank line, as the row reader skips it
    if (!header) {
      // As the row reader: one carriage return off the line's end (`end` is without it unless
      // the line holds another before it), then each cell trimmed, carriage returns and all.
      const last = cr >= 0 && cr < end && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      const cells = splitLine(text.slice(start, last));
      if (!Array.isArray(cells) || cells.length !== width) throw STOP;
      if (cells.some((c, i) => c.trim() !== names[i])) throw STOP;
      header = true;
      return;
    }
    if (cr >= 0 && cr < end) throw STOP;
    if (quoted >= 0 && quoted < end) {
      const cells = splitLine(text.slice(start, end));
      if (!Array.isArray(cells) || cells.length !== width) throw STOP;
      for (let i = 0; i < width; i++) columns[i].add(cells[i], row, issues);
    } else {
      let p = start;
      for (let i = 0; i < width; i++) {
        const comma = text.indexOf(",", p);
        const last = comma < 0 || comma >= end;
        if (last !== (i === width - 1)) throw STOP; // too few cells, or too many
        columns[i].add(text.slice(p, last ? end : comma), row, issues);
        p = comma + 1;
      }
    }
    lines.push(row);
  };
  try {
    const read = readText(path, file, (text) => {
      checkMemory(dataDir, file);
      if (line === 0 && text.charCodeAt(0) === 0xfeff) throw STOP;
      // The next quote and carriage return at or after `pos` (-1: none left in the text).
      let quoted = -2;
      let cr = -2;
      let pos = 0;
      while (pos < text.length) {
        const nl = text.indexOf("\n", pos);
        const next = nl < 0 ? text.length : nl;
        if (quoted !== -1 && quoted < pos) quoted = text.indexOf('"', pos);
        if (cr !== -1 && cr < pos) cr = text.indexOf("\r", pos);
        const end = cr === next - 1 && next > pos ? next - 1 : next;
        readLine(text, pos, end, quoted, cr);
        pos = next + 1;
      }
    }, issues);
    if (!read || issues.length > 0 || lines.length === 0) return null;
  } catch (e) {
    if (e !== STOP && !(e instanceof RangeError)) throw e;
    return null;
  }
  return {
    lines: lines.join(new Int32Array(lines.length)),
    columns: columns.map((c) => c.column()),
  };
}
