/**
 * Large tables parsed on a second thread while this one checks the tables before them. A worker
 * (`parse_worker.ts`) reads each table it is given straight into columns (`read_columns.ts`: the
 * row reader's splitting and the same column parsers, a value per distinct cell text and a code
 * per row), in the order the checks need them, and sends them back. This thread then replays
 * the rows to the table's check as if it had read them itself. While it waits for a table, it
 * parses a later one itself ({@link Prefetch}).
 *
 * Nothing is checked less, and no message changes: a table the worker found any problem in, or
 * could not read, is read again here by the usual path, which reports what it finds. Only tables
 * of at least {@link PREFETCH_MIN_BYTES} go to the worker (a small table is read here faster than
 * a worker starts).
 *
 * Measured back to back on an idle second core (two runs each, `loadCaseSeries` with `parallel`
 * true and false, the worker reading with `read_columns.ts`): 1,000,000 synthetic observations
 * load in 6.6 s instead of 8.6 on one thread, using 10.0 s of CPU instead of 9.7 (the worker's,
 * and the replay), at a peak of 970 MiB instead of 895:
 * the worker's heap while it parses counts too, and the heap guard (`memory.ts`) checks each
 * thread's heap, so a process may hold a table's parse more than the guard's share. On a busy or
 * single core there is nothing to gain: the default is one thread on one core, and
 * `loadCaseSeries`' option `parallel: false` keeps the load on one thread anywhere.
 *
 * @module
 */
import { fileURLToPath } from "node:url";
import type { RowHandler } from "../csv.ts";
import { type TableName, tableSchemas } from "../schema.ts";
import { type Column, rowAt } from "./columnar.ts";
import { readColumns } from "./read_columns.ts";
import { checkMemory } from "./memory.ts";

/** The smallest table, in bytes, parsed by the worker: 4 MiB (about 45,000 observations). */
export const PREFETCH_MIN_BYTES = 4 * 2 ** 20;

/** Rows replayed between two checks of the heap ({@link checkMemory}). */
const ROWS_PER_MEMORY_CHECK = 4096;

/** One table parsed by column (see the module description), or why it was not. */
export type ParsedTable =
  | {
    ok: true;
    /** The line of each row. */
    lines: Int32Array<ArrayBuffer>;
    /** Its columns, in schema order. */
    columns: Column[];
  }
  | { ok: false };

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
 * assert.ok(t.ok && t.lines[0] === 2 && t.columns.length === 5);
 * assert.equal(parseTable("/nowhere/events.csv", "events", "/nowhere").ok, false);
 * ```
 */
export function parseTable(path: string, name: TableName, dataDir: string): ParsedTable {
  const table = readColumns(path, name, dataDir);
  return table === null ? { ok: false } : { ok: true, ...table };
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
  const names = Object.keys(schema.shape);
  const rowOf = rowAt(names, table.columns);
  const { lines } = table;
  for (let i = 0; i < lines.length; i++) {
    if (i % ROWS_PER_MEMORY_CHECK === 0) checkMemory(dataDir, file);
    const row = rowOf(i) as T;
    onRow(lines[i], row, row);
  }
}

/**
 * The second thread of one load: the large tables it was given, one at a time, in order; each
 * awaited by name. While this thread waits for a table the worker is parsing, it parses a later
 * table itself (any but the largest left, which the worker takes next). A table neither thread
 * has started when it is needed is read by this thread's reader, and so is every table when the
 * worker cannot start or fails.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Prefetch } from "#lib/data/prefetch.ts";
 * const p = new Prefetch("data/", "data", ["observations", "events"], 0);
 * const t = await p.take("observations");
 * assert.ok(t !== null && t.ok && t.lines.length > 0);
 * assert.ok((await p.take("events"))?.ok, "parsed by one thread or the other");
 * assert.equal(await p.take("cases"), null, "a table it was not given");
 * p.close();
 * ```
 */
export class Prefetch {
  #worker: Worker | null = null;
  readonly #dir: string;
  readonly #dataDir: string;
  /** Tables neither thread has started, in order, with their sizes. */
  #queue: { name: TableName; bytes: number }[] = [];
  /** The table the worker is parsing. */
  #busy: TableName | null = null;
  /** Tables parsed, by either thread, until taken. */
  #done = new Map<TableName, ParsedTable>();
  /** Resolved when the worker sends a table or stops. */
  #arrived: PromiseWithResolvers<void> | null = null;

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
    this.#dir = dir;
    this.#dataDir = dataDir;
    for (const name of names) {
      try {
        const info = Deno.statSync(this.#path(name));
        if (info.isFile && info.size >= minBytes) this.#queue.push({ name, bytes: info.size });
      } catch {
        // not there: this thread's reader reports it
      }
    }
    if (this.#queue.length === 0 || !mayStartWorker()) {
      this.#queue = [];
      return;
    }
    try {
      this.#worker = new Worker(new URL("./parse_worker.ts", import.meta.url).href, {
        type: "module",
      });
    } catch {
      this.#queue = [];
      return;
    }
    this.#worker.onmessage = (e: MessageEvent<{ name: TableName; table: ParsedTable }>) => {
      this.#done.set(e.data.name, e.data.table);
      this.#busy = null;
      this.#next();
      this.#wake();
    };
    this.#worker.onerror = (e) => {
      e.preventDefault();
      this.close();
    };
    this.#worker.onmessageerror = () => this.close();
    this.#next();
  }

  /**
   * The table as one of the threads parsed it, or `null` when this thread's reader is to read it:
   * it was not given, was not started, or the worker stopped first. Each table is taken once.
   *
   * @param name The table.
   * @returns The parsed table, or null.
   */
  async take(name: TableName): Promise<ParsedTable | null> {
    let looked = false;
    while (true) {
      const table = this.#done.get(name);
      if (table) {
        this.#done.delete(name);
        this.#stopWhenIdle();
        return table;
      }
      const queued = this.#queue.findIndex((j) => j.name === name);
      if (queued >= 0) {
        this.#queue.splice(queued, 1);
        this.#stopWhenIdle();
        return null;
      }
      if (this.#busy !== name) return null;
      const steal = this.#stealable();
      if (steal >= 0 && !looked) {
        // A table the worker has sent is handled only when this thread yields: look first.
        looked = true;
        await new Promise((resolve) => setTimeout(resolve, 0));
        continue;
      }
      looked = false;
      if (steal >= 0) {
        const [job] = this.#queue.splice(steal, 1);
        this.#done.set(job.name, parseTable(this.#path(job.name), job.name, this.#dataDir));
        continue;
      }
      // One wait shared by every take waiting now (each would otherwise replace the other's).
      this.#arrived ??= Promise.withResolvers();
      await this.#arrived.promise;
    }
  }

  /** Stops the worker and forgets what was parsed: every table not taken is read here. */
  close(): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.#busy = null;
    this.#queue = [];
    this.#done.clear();
    this.#wake();
  }

  /** Resumes every take waiting for the worker. */
  #wake(): void {
    this.#arrived?.resolve();
    this.#arrived = null;
  }

  #path(name: TableName): string {
    return `${this.#dir}${tableSchemas[name].file}`;
  }

  /** Gives the worker the next table. */
  #next(): void {
    const job = this.#queue.shift();
    if (job === undefined || this.#worker === null) return this.#stopWhenIdle();
    this.#busy = job.name;
    this.#worker.postMessage({
      path: this.#path(job.name),
      name: job.name,
      dataDir: this.#dataDir,
    });
  }

  /** The queued table this thread parses while it waits: the first but the largest, or -1. */
  #stealable(): number {
    if (this.#queue.length < 2) return -1;
    const largest = Math.max(...this.#queue.map((j) => j.bytes));
    return this.#queue.findIndex((j) => j.bytes < largest);
  }

  /** Frees the worker's memory once it has nothing left to parse. */
  #stopWhenIdle(): void {
    if (this.#busy === null && this.#queue.length === 0) {
      this.#worker?.terminate();
      this.#worker = null;
    }
  }
}

/**
 * Whether this process may start the worker without asking: it loads the library's modules and
 * the packages beside them, so it needs read access to the folder the library is in. A script
 * allowed to read its data folder only (`--allow-read=data`) loads on one thread, with no prompt.
 */
function mayStartWorker(): boolean {
  try {
    const root = fileURLToPath(new URL("../../", import.meta.url));
    return Deno.permissions.querySync({ name: "read", path: root }).state === "granted";
  } catch {
    return false;
  }
}
