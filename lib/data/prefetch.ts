/**
 * Large tables parsed on a second thread while this one checks the tables before them. A worker
 * (`parse_worker.ts`) reads each table it is given with the same reader and row schema as this
 * thread (`csv.ts`), in the order the checks need them, and sends the parsed cells back by column:
 * each column's distinct values once and, per row, a code for its value. This thread then replays
 * the rows to the table's check as if it had read them itself.
 *
 * Nothing is checked less, and no message changes: a table the worker found any problem in, or
 * could not read, is read again here by the usual path, which reports what it finds. Only tables
 * of at least {@link PREFETCH_MIN_BYTES} go to the worker (a small table is read here faster than
 * a worker starts). Measured on two cores (`deno task bench load 1000000`): 1,000,000 synthetic
 * observations load in 6.2 s instead of 8.0, at a peak of 934 MiB instead of 901 (the worker's
 * heap while it parses; equal values of a column come back as one string). With one core there
 * is nothing to gain: `loadCaseSeries`' option `parallel: false` keeps the load on one thread.
 *
 * @module
 */
import type { RowHandler } from "../csv.ts";
import { TableReader } from "../csv.ts";
import type { DataIssue } from "../errors.ts";
import { readText } from "../read.ts";
import { type TableName, tableSchemas } from "../schema.ts";
import { checkMemory } from "./memory.ts";

/** The smallest table, in bytes, parsed by the worker: 4 MiB (about 45,000 observations). */
export const PREFETCH_MIN_BYTES = 4 * 2 ** 20;

/** Rows replayed between two checks of the heap ({@link checkMemory}). */
const ROWS_PER_MEMORY_CHECK = 4096;

/** A cell value of a parsed row (what the row schemas give). */
type Cell = string | number | null;

/** Each row's code of one column (its narrowest type). */
type Codes = Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Int32Array<ArrayBuffer>;

/** One table parsed by column (see the module description), or why it was not. */
export type ParsedTable =
  | {
    ok: true;
    /** The line of each row. */
    lines: Int32Array<ArrayBuffer>;
    /** Per column (in schema order), its distinct values. */
    values: Cell[][];
    /** Per column, each row's index into its values. */
    codes: Codes[];
  }
  | { ok: false };

/** Key of −0 in a column's distinct values (a `Map` takes −0 and 0 as one key). */
const NEGATIVE_ZERO = Symbol("-0");

/**
 * Reads and parses one table as this module's worker does: the rows by column, or `{ ok: false }`
 * when the reader reported anything (a problem of the file, or of any row), a cell was not a
 * string, number or null, or the heap filled.
 *
 * @param path The table's path.
 * @param name The table.
 * @param dataDir The data folder (for the heap check's message).
 * @returns The parsed table.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseTable } from "#lib/data/prefetch.ts";
 * const t = parseTable("data/events.csv", "events", "data");
 * assert.ok(t.ok && t.lines[0] === 2 && t.codes.length === 5);
 * assert.equal(parseTable("/nowhere/events.csv", "events", "/nowhere").ok, false);
 * ```
 */
export function parseTable(path: string, name: TableName, dataDir: string): ParsedTable {
  const { file, schema } = tableSchemas[name];
  const columns = Object.keys(schema.shape);
  const width = columns.length;
  const issues: DataIssue[] = [];
  const keys = columns.map(() => new Map<unknown, number>());
  const last: unknown[] = columns.map(() => undefined);
  const lastCode = new Int32Array(width);
  const lineBlocks: Int32Array[] = [];
  const codeBlocks: Int32Array[][] = columns.map(() => []);
  let lines = new Int32Array(0);
  let codes: Int32Array[] = [];
  let rows = 0;
  let at = BLOCK_ROWS; // the next row's place in the current blocks
  let ok = true;
  const reader = new TableReader<Record<string, unknown>>(file, schema, (row, value) => {
    if (value === null || !ok) return;
    if (at === BLOCK_ROWS) {
      lineBlocks.push(lines = new Int32Array(BLOCK_ROWS));
      codes = codeBlocks.map((b) => b[b.push(new Int32Array(BLOCK_ROWS)) - 1]);
      at = 0;
    }
    lines[at] = row;
    for (let j = 0; j < width; j++) {
      const v = value[columns[j]];
      // Most columns repeat the row before's value (the same string, as the reader remembers it).
      if (v === last[j] && v !== 0 && rows > 0) {
        codes[j][at] = lastCode[j];
        continue;
      }
      if (v !== null && typeof v === "object") ok = false;
      last[j] = v;
      const key = v === 0 && 1 / v < 0 ? NEGATIVE_ZERO : v;
      const m = keys[j];
      let code = m.get(key);
      if (code === undefined) m.set(key, code = m.size);
      codes[j][at] = lastCode[j] = code;
    }
    at++;
    rows++;
  }, issues);
  try {
    const read = readText(path, file, (text) => {
      checkMemory(dataDir, file);
      reader.push(text);
    }, issues);
    if (read) reader.end();
    ok &&= read && reader.usable && issues.length === 0;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    ok = false;
  }
  if (!ok) return { ok: false };
  return {
    ok: true,
    lines: joinBlocks(lineBlocks, rows, new Int32Array(rows)),
    values: keys.map((m) => [...m.keys()].map((k) => (k === NEGATIVE_ZERO ? -0 : k) as Cell)),
    codes: codeBlocks.map((blocks, j) => joinBlocks(blocks, rows, narrowest(keys[j].size, rows))),
  };
}

/** Rows per block of codes while a table is parsed (the blocks are joined at its end). */
const BLOCK_ROWS = 1 << 16;

/** Codes of a column: the narrowest array that holds `distinct` codes, of `rows` rows. */
function narrowest(distinct: number, rows: number): Codes {
  if (distinct <= 1 << 8) return new Uint8Array(rows);
  if (distinct <= 1 << 16) return new Uint16Array(rows);
  return new Int32Array(rows);
}

/** The first `rows` values of consecutive blocks, copied into `into`. */
function joinBlocks<A extends Codes>(blocks: Int32Array[], rows: number, into: A): A {
  blocks.forEach((b, k) => {
    const from = k * BLOCK_ROWS;
    into.set(from + BLOCK_ROWS <= rows ? b : b.subarray(0, rows - from), from);
  });
  return into;
}

/**
 * Hands a parsed table's rows to a table's check, in file order, as the reader would: each row
 * as its schema's object (`value` and `valid` alike), the heap checked as it goes.
 *
 * @param table The parsed table.
 * @param name The table.
 * @param onRow The check's row handler.
 * @param dataDir The data folder (for the heap check's message).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseTable, replay } from "#lib/data/prefetch.ts";
 * const t = parseTable("data/events.csv", "events", "data");
 * const kinds: string[] = [];
 * if (t.ok) replay(t, "events", (_, r) => kinds.push((r as { kind: string }).kind), "data");
 * assert.ok(kinds.length > 0 && kinds.every((k) => typeof k === "string"));
 * ```
 */
export function replay<T>(
  table: Extract<ParsedTable, { ok: true }>,
  name: TableName,
  onRow: RowHandler<T>,
  dataDir: string,
): void {
  const { file, schema } = tableSchemas[name];
  const columns = Object.keys(schema.shape);
  // One object literal of the schema's columns: one shape for every row, as the reader builds.
  const build = new Function(
    "v",
    "c",
    "i",
    `return {${columns.map((c, j) => `${JSON.stringify(c)}: v[${j}][c[${j}][i]]`).join(", ")}};`,
  ) as (values: Cell[][], codes: Codes[], i: number) => T;
  const { lines, values, codes } = table;
  for (let i = 0; i < lines.length; i++) {
    if (i % ROWS_PER_MEMORY_CHECK === 0) checkMemory(dataDir, file);
    const row = build(values, codes, i);
    onRow(lines[i], row, row);
  }
}

/**
 * The worker of one load: the large tables it was given, parsed in order, each awaited by name.
 * A worker that cannot start or fails leaves every table it has not sent to this thread's reader.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Prefetch } from "#lib/data/prefetch.ts";
 * const p = new Prefetch("data/", "data", ["observations"], 0);
 * const t = await p.take("observations");
 * p.close();
 * assert.ok(t !== null && t.ok && t.lines.length > 0);
 * assert.equal(await p.take("events"), null, "a table it was not given");
 * ```
 */
export class Prefetch {
  #worker: Worker | null = null;
  #pending = new Map<TableName, PromiseWithResolvers<ParsedTable | null>>();

  /**
   * Starts the worker on the tables of `names` that are regular files of at least `minBytes`.
   *
   * @param dir The data folder, ending in `/`.
   * @param dataDir The data folder as given (for messages).
   * @param names The tables, in the order they will be taken.
   * @param minBytes The smallest file given to the worker.
   */
  constructor(
    dir: string,
    dataDir: string,
    names: readonly TableName[],
    minBytes: number = PREFETCH_MIN_BYTES,
  ) {
    const jobs = names.filter((name) => {
      try {
        const info = Deno.statSync(`${dir}${tableSchemas[name].file}`);
        return info.isFile && info.size >= minBytes;
      } catch {
        return false;
      }
    });
    if (jobs.length === 0) return;
    for (const name of jobs) this.#pending.set(name, Promise.withResolvers());
    try {
      this.#worker = new Worker(new URL("./parse_worker.ts", import.meta.url).href, {
        type: "module",
      });
    } catch {
      this.#settle(null);
      return;
    }
    this.#worker.onmessage = (e: MessageEvent<{ name: TableName; table: ParsedTable }>) => {
      this.#pending.get(e.data.name)?.resolve(e.data.table);
    };
    this.#worker.onerror = (e) => {
      e.preventDefault();
      this.close();
    };
    for (const name of jobs) {
      this.#worker.postMessage({ path: `${dir}${tableSchemas[name].file}`, name, dataDir });
    }
  }

  /**
   * The table as the worker parsed it, or `null` when it was not given to the worker or the
   * worker stopped first. Each table is taken once.
   *
   * @param name The table.
   * @returns The parsed table, or null.
   */
  async take(name: TableName): Promise<ParsedTable | null> {
    const p = this.#pending.get(name);
    if (!p) return null;
    const table = await p.promise;
    this.#pending.delete(name);
    // The last table taken: the worker's memory is freed before this thread replays it.
    if (this.#pending.size === 0) this.close();
    return table;
  }

  /** Stops the worker; tables not yet sent are `null`. */
  close(): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.#settle(null);
  }

  #settle(value: null): void {
    for (const p of this.#pending.values()) p.resolve(value);
  }
}
