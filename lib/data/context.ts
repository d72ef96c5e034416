/**
 * What the checks of one load share: where problems go, the reader that streams a table through
 * its schema, the ids read so far (sources, cases and their articles), the derived time points,
 * and the two lookups every later table makes — a row's case, and the day of a row's time point —
 * each reporting an unknown id once and counting the rows that repeat it.
 *
 * @module
 */
import type { z } from "zod";
import { type RowHandler, TableReader } from "../csv.ts";
import type { DataIssue } from "../errors.ts";
import type { Day } from "../model.ts";
import { readText } from "../read.ts";
import { type TableName, tableSchemas } from "../schema.ts";
import { TermWarnings } from "../vocabulary.ts";
import { Issues } from "./issues.ts";
import { checkMemory } from "./memory.ts";
import { type ParsedTable, Prefetch, replay } from "./prefetch.ts";
import { type Provenance, provenance } from "./provenance.ts";
import { type Resolved, type Root, timeOf, unusable } from "./resolve.ts";
import { ByCase } from "./rows.ts";
import type { NarrativeWarning } from "./narrative.ts";

/**
 * The state of one load, shared by the checks of its tables (`checks/<table>.ts`), which fill it
 * in the order of the tables.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { LoadContext } from "#lib/data/context.ts";
 * const ctx = new LoadContext("/nowhere/", "/nowhere");
 * // cases.csv was not read: every case is taken as known, and no time point is looked up.
 * assert.equal(ctx.checkCase("events.csv", 2, "X"), true);
 * assert.equal(ctx.dayOf("events.csv", 2, "time", "X", "t0"), null);
 * assert.equal(ctx.issues.error(), null);
 * ```
 */
export class LoadContext {
  /** Problems, in reporting order. */
  readonly issues: Issues = new Issues();
  /** The tables that were usable as a whole. */
  readonly usable: Set<TableName> = new Set();
  /** Each source's text (normalised), by `source_id`. */
  readonly texts: Map<string, string> = new Map();
  /** The `source_id`s of `sources.csv`, valid rows or not. */
  readonly sourceIds: Set<string> = new Set();
  /** Each case id's line in `cases.csv`. */
  readonly caseIds: Map<string, number> = new Map();
  /** Each case's known `source_id`. */
  readonly caseSource: ByCase<string> = new ByCase();
  /** The quote and number checks against the texts. */
  readonly check: Provenance;
  /** Warnings other than terms (they do not stop the load): a source text without its header. */
  readonly warnings: DataIssue[] = [];
  /**
   * Narrative-order warnings by case (`narrative.ts`), given out once the alternative readings
   * are known: those a reading addresses are left out.
   */
  readonly narrativeOrder: Map<string, NarrativeWarning[]> = new Map();
  /** Terms outside the recommended vocabularies. */
  readonly terms: TermWarnings = new TermWarnings();
  /** Whether `cases.csv` was usable (else every case is taken as known). */
  casesKnown = false;
  /** Whether `timepoints.csv` was usable (else no time point is looked up). */
  timesKnown = false;
  /** By case and time id, each time point whose row failed its schema: its line and column. */
  readonly invalid: Map<string, Map<string, Root>> = new Map();
  /**
   * Sources whose text was not read, each with the problem reported that says why (the quotes
   * citing them are counted there, not checked).
   */
  readonly unreadTexts: Map<string, DataIssue> = new Map();
  /** The derived time points. */
  resolved: Resolved = { times: new ByCase(), roots: new Map(), derived: new ByCase() };
  /** The first report of each unknown case or time id, by file (and case). */
  #unknown = new Map<string, DataIssue>();
  /** The last case id found known. */
  #lastKnown: string | null = null;
  /** The worker parsing the large tables, once started. */
  #prefetch: Prefetch | null = null;
  /** Tables parsed by column (by the worker, or here while waiting), until their check reads them. */
  #parsed = new Map<TableName, ParsedTable>();

  /**
   * @param dir The data folder, ending in `/`.
   * @param dataDir The data folder as given (for messages).
   * @param replace Texts read in place of files of the folder.
   */
  constructor(
    readonly dir: string,
    readonly dataDir: string,
    readonly replace?: ReadonlyMap<string, string>,
  ) {
    this.check = provenance(this.texts, this.issues, (sourceId, file, row) => {
      const where = this.unreadTexts.get(sourceId);
      // A source with a text, or an unknown one (reported where a case names it).
      if (where === undefined) return;
      this.issues.knockOn(
        `text ${sourceId}`,
        where,
        `${file}:${row}`,
        true,
        (n, refs) =>
          `so ${n === 1 ? "the quote" : `the ${n} quotes`} citing it ${n === 1 ? "was" : "were"} ` +
          `not checked against its text (in ${refs})`,
      );
    });
  }

  /**
   * Streams one file through a row schema; rows go to `onRow`. Returns whether it was usable.
   *
   * @param file The file, relative to the data folder.
   * @param schema Its row schema.
   * @param onRow Called for every data row.
   * @returns Whether the file was usable as a whole.
   */
  read<T>(file: string, schema: z.ZodObject, onRow: RowHandler<T>): boolean {
    const fileProblems: DataIssue[] = [];
    const reader = new TableReader<T>(file, schema, onRow, {
      push: (issue) =>
        (issue.row === undefined || issue.row === 1 ? fileProblems : this.issues).push(issue),
    });
    const replaced = this.replace?.get(file);
    let ok = true;
    if (replaced !== undefined) reader.push(replaced);
    else {
      ok = readText(`${this.dir}${file}`, file, (t) => {
        checkMemory(this.dataDir, file);
        reader.push(t);
      }, fileProblems);
    }
    if (ok) reader.end();
    for (const issue of fileProblems) this.issues.pushFile(issue);
    return ok && reader.usable;
  }

  /**
   * Streams one table of the dataset through its schema, and notes whether it was usable.
   *
   * @param name The table.
   * @param onRow Called for every data row.
   */
  table<T>(name: TableName, onRow: RowHandler<T>): void {
    const parsed = this.#parsed.get(name);
    this.#parsed.delete(name);
    if (parsed?.ok) {
      replay(parsed, name, onRow, this.dataDir);
      this.usable.add(name);
      return;
    }
    const { file, schema } = tableSchemas[name];
    if (this.read(file, schema, onRow)) this.usable.add(name);
  }

  /**
   * Starts parsing the large tables of `names` on a second thread (`prefetch.ts`), in that order;
   * {@link LoadContext.parsed} waits for one before its check reads it. Call
   * {@link LoadContext.close} when the load ends.
   *
   * @param names The tables, in the order they will be read.
   * @param minBytes The smallest file parsed there (default `PREFETCH_MIN_BYTES`).
   */
  prefetch(names: readonly TableName[], minBytes?: number): void {
    const own = names.filter((n) => !this.replace?.has(tableSchemas[n].file));
    this.#prefetch?.close();
    this.#prefetch = new Prefetch(this.dir, this.dataDir, own, minBytes);
  }

  /**
   * Waits for a table given to {@link LoadContext.prefetch}: {@link LoadContext.table} then
   * replays its rows (or reads it here, when the worker did not parse it cleanly).
   *
   * @param name The table.
   */
  async parsed(name: TableName): Promise<void> {
    const table = await this.#prefetch?.take(name);
    if (table) this.#parsed.set(name, table);
  }

  /** Stops the worker of {@link LoadContext.prefetch}, if any. */
  close(): void {
    this.#prefetch?.close();
    this.#parsed.clear();
  }

  /**
   * Checks that a row's case exists; when `cases.csv` is unusable, every case is taken as known.
   * An unknown case is reported at its first row; later rows with it are counted there.
   *
   * @param file The row's file.
   * @param row Its line.
   * @param id Its case id.
   * @returns Whether the case is known.
   */
  checkCase(file: string, row: number, id: string): boolean {
    if (id === this.#lastKnown) return true;
    if (!this.casesKnown || this.caseIds.has(id)) {
      this.#lastKnown = id;
      return true;
    }
    const key = `${file}\u0000${id}`;
    const first = this.#unknown.get(key);
    if (first) this.issues.knockOn(`unknown case ${key}`, first, `line ${row}`, true);
    else {
      const issue = {
        file,
        row,
        column: "case_id",
        message: `unknown case id '${id}' (not in cases.csv)`,
      };
      this.#unknown.set(key, issue);
      this.issues.push(issue);
    }
    return false;
  }

  /**
   * The day of a row's time point, or null: a time point that could not be derived (or whose row
   * failed its schema) is not reported again; the row is counted under its problem.
   *
   * @param file The row's file.
   * @param row Its line.
   * @param column The column naming the time point.
   * @param caseId The row's case.
   * @param id The time id.
   * @returns The day, or null.
   */
  dayOf(file: string, row: number, column: string, caseId: string, id: string): Day | null {
    if (!this.timesKnown) return null;
    const tp = timeOf(this.resolved.times.get(caseId), id);
    if (tp) return tp.day;
    const root = this.resolved.roots.get(caseId)?.get(id) ?? this.invalid.get(caseId)?.get(id);
    if (root !== undefined) {
      this.issues.knockOn(
        `time ${caseId}\u0000${root.id}`,
        unusable(caseId, root),
        `${file}:${row}`,
      );
      return null;
    }
    const key = `${file}\u0000${caseId}\u0000${id}`;
    const first = this.#unknown.get(key);
    if (first) this.issues.knockOn(`unknown time ${key}`, first, `line ${row}`, true);
    else {
      const issue = {
        file,
        row,
        column,
        message: `unknown time_id '${id}' for case ${caseId} (not in timepoints.csv)`,
      };
      this.#unknown.set(key, issue);
      this.issues.push(issue);
    }
    return null;
  }
}
