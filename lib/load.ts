// deno-lint-ignore-file house/max-function-lines house/max-module-lines
// TODO(issue 25): removed when the loader helper lands.
/**
 * The loader: reads the tables of `data/` and the source texts, checks each table against its
 * schema, all of them against each other and every quote against its own article's text, derives
 * every time point from its rule, and returns the case series (types in `model.ts`). When the
 * folder has `readings.csv` (alternative readings of the text, applied by `readings.ts`), its rows
 * are checked too (schema, case, time points, quote), though they are not part of the series.
 *
 * Problems are reported root cause first: problems of whole files (missing, not UTF-8, BOM,
 * header), then each file's rows in order (files in the order of {@link TABLE_ORDER}). A check
 * that depends on an unusable file is not run; a row that refers to a time point that could not
 * be derived is not checked against it, and is counted under that time point's own problem; a
 * reference to a row that exists but failed its schema is not called unknown.
 *
 * Files are read in chunks and rows are checked as they stream, so that time is linear in the
 * data and memory holds the case series, not the raw text of the tables.
 *
 * @module
 */
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import { z } from "zod";
import { AMPUTATION, painAmputation } from "./amputation.ts";
import { wrongArgument } from "./args.ts";
import { checkOptions } from "./options.ts";
import { type IssueSink, TableReader } from "./csv.ts";
import { type DataIssue, DataValidationError } from "./errors.ts";
import { deriveDay, type NominalInterval, type TimeUnit } from "./intervals.ts";
import {
  type Case,
  type CaseEvent,
  type CaseSeries,
  compareDays,
  type Day,
  type Dose,
  type Observation,
  type ObservationSpan,
  type Source,
  type Timepoint,
  type Treatment,
} from "./model.ts";
import {
  type CaseRow,
  type EventRow,
  type ObservationRow,
  type SourceRow,
  type TableName,
  tableSchemas,
  type TimepointRow,
  type TreatmentRow,
} from "./schema.ts";
import { type ReadingRow, READINGS_FILE, readingsTable } from "./readings_schema.ts";
import { normalizeSourceText, quoteStatesValue } from "./source.ts";
import { exists, readText, readWholeText } from "./read.ts";
import { findQuote, shortQuote, WORDS_TO_NUMBER, wordsRuleProblem } from "./quotes.ts";
import { MAX_DOSE_MG_PER_DAY } from "./plausible.ts";
import { FileNameIds } from "./ids.ts";
import { TermWarnings } from "./vocabulary.ts";
import { type Scale, scaleOf, toCommon } from "./scales.ts";
import { parseStudy, type Study, studySchema } from "./study.ts";

/** The file of the study question, in the data folder. */
export const STUDY_FILE = "study.json";
import { loadArticles } from "./articles.ts";

/** The repository's `data/` folder. */
export const DEFAULT_DATA_DIR: string = fileURLToPath(new URL("../data/", import.meta.url));

/**
 * The tables in the order they are read and their problems reported.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { TABLE_ORDER } from "#lib/load.ts";
 * assert.equal(TABLE_ORDER[0], "sources");
 * ```
 */
export const TABLE_ORDER: readonly TableName[] = [
  "sources",
  "cases",
  "timepoints",
  "treatments",
  "observations",
  "events",
];

/** How many problems are kept in a {@link DataValidationError} (the rest are counted). */
const KEPT_ISSUES = 10_000;

const sameNumber = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-9;

/**
 * Shares equal intervals: returns one frozen object for each distinct `(lo, hi, nominal)`, so
 * that the many rows with the same VAS value or the same offset hold one object between them.
 */
class IntervalPool {
  #pool = new Map<number, Map<number, Map<number, NominalInterval>>>();
  #last: NominalInterval | null = null;

  /** The shared interval equal to `(lo, hi, nominal)` (a zero's sign is not kept). */
  get(lo: number, hi: number, nominal: number): NominalInterval {
    const last = this.#last;
    if (last !== null && last.lo === lo && last.hi === hi && last.nominal === nominal) return last;
    let byHi = this.#pool.get(lo);
    if (!byHi) this.#pool.set(lo, byHi = new Map());
    let byNominal = byHi.get(hi);
    if (!byNominal) byHi.set(hi, byNominal = new Map());
    let x = byNominal.get(nominal);
    if (!x) byNominal.set(nominal, x = Object.freeze({ lo, hi, nominal }));
    return this.#last = x;
  }
}

/**
 * A map keyed by case id that remembers its last lookup: the rows of a case usually follow each
 * other, so most lookups are of the same key as the one before.
 */
class ByCase<V> {
  #map = new Map<string, V>();
  #key: string | undefined;
  #value: V | undefined;

  /** The value of `key`, if any. */
  get(key: string): V | undefined {
    if (key === this.#key) return this.#value;
    this.#key = key;
    return this.#value = this.#map.get(key);
  }

  /** Sets the value of `key`. */
  set(key: string, value: V): void {
    this.#map.set(key, value);
    if (key === this.#key) this.#value = value;
  }

  /** Removes `key`. */
  delete(key: string): void {
    if (key === this.#key) this.#key = undefined;
    this.#map.delete(key);
  }

  /** The keys, in insertion order. */
  keys(): MapIterator<string> {
    return this.#map.keys();
  }
}

/** How many rows (or time points) of one case are looked up by a scan; beyond, by an index. */
const SCANNED = 32;

/**
 * One case's rows of a table while they are read: their values in file order, and the line of an
 * earlier row with the same key (a scan while the rows are few, an index beyond). Created with
 * the case's first row, so that the many cases with a row or two hold arrays of that size (an
 * array that starts empty takes room for 17 at its first push).
 */
class CaseRows<V, K> {
  /** The values, in file order. */
  readonly values: V[];
  /** Keys and lines, alternating (`[key, line, key, line, …]`), until the index replaces them. */
  #pairs: (K | number)[];
  /** Key → line of every row, once there are more than {@link SCANNED} (null until then). */
  #index: Map<K, number> | null = null;

  /**
   * @param value The first row's value.
   * @param key Its key.
   * @param row Its line.
   */
  constructor(value: V, key: K, row: number) {
    this.values = [value];
    this.#pairs = [key, row];
  }

  /** The line of an earlier row with `key`, if any. */
  earlier(key: K): number | undefined {
    if (this.#index !== null) return this.#index.get(key);
    const pairs = this.#pairs;
    for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === key) return pairs[i + 1] as number;
    return undefined;
  }

  /** Adds a row whose key has no earlier row (the caller checks with {@link CaseRows.earlier}). */
  add(value: V, key: K, row: number): void {
    this.values.push(value);
    if (this.#index !== null) {
      this.#index.set(key, row);
      return;
    }
    const pairs = this.#pairs;
    pairs.push(key, row);
    if (pairs.length > 2 * SCANNED) {
      const index = new Map<K, number>();
      for (let i = 0; i < pairs.length; i += 2) index.set(pairs[i] as K, pairs[i + 1] as number);
      this.#index = index;
      this.#pairs = [];
    }
  }
}

/**
 * The share of the old generation's limit beyond which the loader stops rather than crash: what
 * the next chunk of a file, and a map's growth, may still allocate must fit in the rest. At 0.8,
 * no fatal error in 60 loads of 100,000 observations in a 40 MiB heap, 30 of them with three CPU
 * burners.
 */
const HEAP_SHARE = 0.8;

/**
 * What V8's heap limit reserves for the young generation on top of the old generation's limit:
 * three semi-spaces of 32 MiB in the V8 of the pinned Deno (`lib/runtime.ts`).
 */
const YOUNG_RESERVE = 3 * 32 * 2 ** 20;

/**
 * Stops the load with a RangeError when the heap nearly fills the old generation's limit: the
 * case series is held in memory, and a data folder too large for it would otherwise end the
 * process with a fatal out-of-memory error and no message. Checked before each piece of a file is
 * read.
 *
 * The young generation counts too, garbage included: the rows it holds are promoted to the old
 * generation as they survive, and what is garbage cannot be told without a collection. Counting
 * only the old generation, 3 of 30 loads of 100,000 observations in a 40 MiB heap ended in V8's
 * fatal error. The check is cautious in small heaps: 5,000 synthetic cases that load in 45 MiB
 * are refused below 80 MiB. With Deno's default heap (4 GiB here) the young generation is at most
 * 96 MiB of it.
 */
function checkMemory(dataDir: string, file: string): void {
  const { used_heap_size: used, heap_size_limit: limit } = v8.getHeapStatistics();
  const oldLimit = limit - YOUNG_RESERVE;
  if (used <= HEAP_SHARE * oldLimit) return;
  const mib = (n: number) => `${Math.round(n / 2 ** 20)} MiB`;
  throw new RangeError(
    `the data in '${dataDir}' is too large to load in this process: while reading ${file} the ` +
      `heap holds ${mib(used)}, and the loader stops at ${HEAP_SHARE * 100}% of the ` +
      `${mib(oldLimit)} its old generation may hold. Load a smaller data folder, or give Deno ` +
      `more memory (DENO_V8_FLAGS=--max-old-space-size=<MiB>).`,
  );
}

/** Source texts read at a time (concurrently). */
const SOURCE_BATCH = 64;

/** Problems, kept in reporting order: whole files first, then rows by file and line. */
class Issues implements IssueSink {
  #files: DataIssue[] = [];
  #rows: DataIssue[] = [];
  #total = 0;
  /** Counts of rows not checked because they refer to something already reported. */
  #knockOns = new Map<
    string,
    { issue: DataIssue; refs: string[]; n: number; append: boolean }
  >();

  push(issue: DataIssue): void {
    this.#total++;
    if (this.#files.length + this.#rows.length >= KEPT_ISSUES) return;
    (issue.row === undefined ? this.#files : this.#rows).push(issue);
  }

  /** Pushes a problem of a whole file (reported before every row problem). */
  pushFile(issue: DataIssue): void {
    this.#total++;
    if (this.#files.length + this.#rows.length < KEPT_ISSUES) this.#files.push(issue);
  }

  /**
   * Records that the row at `ref` was not checked because of the problem `key`, reported at
   * `where`. With `append`, `where` is an issue already pushed whose message gets the count;
   * otherwise one issue per key is added at `where`, saying how many rows and which.
   */
  knockOn(key: string, where: DataIssue, ref: string, append = false): void {
    const k = this.#knockOns.get(key) ?? { issue: where, refs: [], n: 0, append };
    k.n++;
    if (k.refs.length < 5) k.refs.push(ref);
    this.#knockOns.set(key, k);
  }

  /** The error, problems in reporting order, or null when there are none. */
  error(): DataValidationError | null {
    for (const { issue, refs, n, append } of this.#knockOns.values()) {
      const more = n > refs.length ? ", ..." : "";
      const counted = append
        ? `; ${n} more row${n === 1 ? "" : "s"} of this file with it (${refs.join(", ")}${more})`
        : `: ${n} row${n === 1 ? " that refers" : "s that refer"} to it ` +
          `${n === 1 ? "was" : "were"} not checked against it (${refs.join(", ")}${more})`;
      if (append) issue.message += counted;
      else this.push({ ...issue, message: issue.message + counted });
    }
    this.#knockOns.clear();
    if (this.#total === 0) return null;
    // The checklists and articles' files (articles.ts) come last, in the order they were read.
    const later = [...new Set([...this.#files, ...this.#rows].map((i) => i.file))]
      .filter((f) => /^(reference|articles)\//.test(f));
    const rank = (file: string) => {
      const i = TABLE_ORDER.findIndex((t) => tableSchemas[t].file === file);
      if (i >= 0) return i;
      if (file.startsWith("sources/")) return 0.5;
      const j = later.indexOf(file);
      return TABLE_ORDER.length + (j < 0 ? 0 : 1 + j);
    };
    const byFile = (a: DataIssue, b: DataIssue) => rank(a.file) - rank(b.file);
    const files = [...this.#files].sort(byFile);
    const rows = [...this.#rows].sort((a, b) => byFile(a, b) || a.row! - b.row!);
    return new DataValidationError([...files, ...rows], this.#total);
  }
}

/** Options of {@link loadCaseSeries}. */
export interface LoadOptions {
  /**
   * Texts read in place of files of the folder (file name → its text), e.g. `timepoints.csv`
   * under an alternative reading (`readings.ts`), so that nothing is written to try it.
   */
  replace?: ReadonlyMap<string, string>;
  /**
   * Take every time point's days from its rule, without checking the stored `day_*` columns
   * against it: for a variant whose time points were replaced (`readings.ts`), where the stored
   * days of the rows that depend on them no longer hold.
   */
  deriveDays?: boolean;
  /**
   * Where warnings go (they do not stop the load): terms outside the recommended open
   * vocabularies (`vocabulary.ts`), one per distinct term, file and column, at its first row.
   */
  warnings?: DataIssue[];
}

/** The schema of {@link LoadOptions}. */
const loadOptionsSchema = z.object({
  replace: z.instanceof(Map).optional(),
  deriveDays: z.boolean().optional(),
  warnings: z.array(z.any()).optional(),
}).strict() as z.ZodType<LoadOptions>;

/**
 * Loads and validates the dataset. Collects every problem in every table before throwing a
 * {@link DataValidationError} (problems in reporting order: see the module description); never
 * returns partial data.
 *
 * @param dataDir The data folder (default: the repository's `data/`).
 * @param options Texts to read in place of some of its files.
 * @returns The case series.
 * @throws {DataValidationError} When the data has problems.
 * @throws {TypeError} When `dataDir` is not a folder.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries } from "#lib/mod.ts";
 * const series = await loadCaseSeries();
 * assert.ok(series.cases.every((c) => series.sources.has(c.sourceId)));
 * ```
 */
export async function loadCaseSeries(
  dataDir: string = DEFAULT_DATA_DIR,
  options: LoadOptions = {},
): Promise<CaseSeries> {
  if (typeof dataDir !== "string") {
    wrongArgument("loadCaseSeries", "a data folder (a path)", dataDir);
  }
  checkOptions("loadCaseSeries", loadOptionsSchema, options);
  const dir = dataDir.replace(/\/?$/, "/");
  let isDir = false;
  try {
    isDir = (await Deno.stat(dir)).isDirectory;
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound || e instanceof Deno.errors.NotADirectory)) throw e;
  }
  if (!isDir) {
    throw new TypeError(`data folder '${dataDir}' not found: expected a folder of tables`);
  }
  const issues = new Issues();
  const usable = new Set<TableName>();

  /** Streams one file through a row schema; rows go to `onRow`. Returns whether it was usable. */
  function read<T>(
    file: string,
    schema: z.ZodObject,
    onRow: (row: number, value: T | null, valid: Partial<T>) => void,
  ): boolean {
    const fileProblems: DataIssue[] = [];
    const reader = new TableReader<T>(file, schema, onRow, {
      push: (issue) =>
        (issue.row === undefined || issue.row === 1 ? fileProblems : issues).push(issue),
    });
    const replaced = options.replace?.get(file);
    let ok = true;
    if (replaced !== undefined) reader.push(replaced);
    else {
      ok = readText(`${dir}${file}`, file, (t) => {
        checkMemory(dataDir, file);
        reader.push(t);
      }, fileProblems);
    }
    if (ok) reader.end();
    for (const issue of fileProblems) issues.pushFile(issue);
    return ok && reader.usable;
  }

  /** Reads `study.json`, the study question; `null` (with its problems recorded) when bad. */
  function readStudy(): Study | null {
    const file = STUDY_FILE;
    let text = options.replace?.get(file);
    if (text === undefined) {
      const parts: string[] = [];
      const problems: DataIssue[] = [];
      if (!readText(`${dir}${file}`, file, (t) => parts.push(t), problems)) {
        for (const p of problems) issues.pushFile(p);
        return null;
      }
      text = parts.join("");
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      issues.pushFile({ file, message: `not valid JSON: ${(e as Error).message}` });
      return null;
    }
    const r = studySchema.safeParse(json);
    if (!r.success) {
      for (const i of r.error.issues) {
        issues.pushFile({
          file,
          column: i.path.length > 0 ? i.path.join(".") : undefined,
          message: i.message,
        });
      }
      return null;
    }
    return parseStudy(json, file);
  }

  /** Streams one table of the dataset through its schema. */
  function table<T>(
    name: TableName,
    onRow: (row: number, value: T | null, valid: Partial<T>) => void,
  ): void {
    const { file, schema } = tableSchemas[name];
    if (read(file, schema, onRow)) usable.add(name);
  }

  // Sources and their texts.
  const sources = new Map<string, Source>();
  const texts = new Map<string, string>();
  const sourceIds = new Set<string>();
  const sourceRows: { r: SourceRow; row: number }[] = [];
  const study = readStudy();
  const sourceLines = new Map<string, number>();
  const sourceNames = new FileNameIds("source", false, sourceLines);
  table<SourceRow>("sources", (row, r, valid) => {
    if (valid.source_id !== undefined) {
      if (sourceIds.has(valid.source_id)) {
        issues.push({
          file: "sources.csv",
          row,
          column: "source_id",
          message: "duplicate source id",
        });
        return;
      }
      sourceIds.add(valid.source_id);
      sourceLines.set(valid.source_id, row);
      const name = sourceNames.add(valid.source_id, row);
      if (name) issues.push({ file: "sources.csv", row, column: "source_id", message: name });
    }
    if (r === null) return;
    if (r.text_path !== `sources/${r.source_id}.txt`) {
      issues.push({
        file: "sources.csv",
        row,
        column: "text_path",
        message: `must be sources/${r.source_id}.txt (the text is named after its source_id)`,
      });
      return;
    }
    sourceRows.push({ r, row });
  });
  // The texts are read SOURCE_BATCH at a time, concurrently (off this thread), then checked here.
  for (let start = 0; start < sourceRows.length; start += SOURCE_BATCH) {
    const batch = sourceRows.slice(start, start + SOURCE_BATCH);
    const problems: DataIssue[][] = batch.map(() => []);
    const read = await Promise.all(
      batch.map(({ r }, i) => readWholeText(`${dir}${r.text_path}`, r.text_path, problems[i])),
    );
    batch.forEach(({ r }, i) => {
      sources.set(r.source_id, {
        id: r.source_id,
        citation: r.citation,
        doi: r.doi,
        pmid: r.pmid,
        licence: r.licence,
        textPath: r.text_path,
      });
      checkMemory(dataDir, r.text_path);
      const text = read[i];
      if (text !== null) texts.set(r.source_id, normalizeSourceText(text));
      for (const issue of problems[i]) issues.pushFile(issue);
    });
  }

  // Cases: a row that fails its schema still declares its case id.
  const caseRows: { r: CaseRow; row: number }[] = [];
  const caseIds = new Map<string, number>();
  const caseSource = new ByCase<string>();
  const caseNames = new FileNameIds("case", true, caseIds);
  const check = provenance(texts, issues);
  table<CaseRow>("cases", (row, r, valid) => {
    const id = valid.case_id;
    if (id !== undefined) {
      if (caseIds.has(id)) {
        issues.push({
          file: "cases.csv",
          row,
          column: "case_id",
          message: `duplicate case id (first at line ${caseIds.get(id)})`,
        });
        return;
      }
      caseIds.set(id, row);
      const name = caseNames.add(id, row);
      if (name) issues.push({ file: "cases.csv", row, column: "case_id", message: name });
    }
    if (valid.source_id !== undefined && id !== undefined) {
      if (sourceIds.has(valid.source_id)) caseSource.set(id, valid.source_id);
      else if (usable.has("sources")) {
        issues.push({
          file: "cases.csv",
          row,
          column: "source_id",
          message: `unknown source id '${valid.source_id}' (not in sources.csv)`,
        });
      }
    }
    if (r === null) return;
    caseRows.push({ r, row });
    const source = caseSource.get(r.case_id);
    const file = "cases.csv";
    r.demographics_quote = check.quote(
      file,
      row,
      source,
      "demographics_quote",
      r.demographics_quote,
    );
    r.cause_quote = check.quote(file, row, source, "cause_quote", r.cause_quote);
    r.amputation_quote = check.quote(file, row, source, "amputation_quote", r.amputation_quote);
    r.sds_quote = check.quote(file, row, source, "sds_quote", r.sds_quote);
    r.diagnosis_quote = check.quote(file, row, source, "diagnosis_quote", r.diagnosis_quote);
    check.number(file, row, r.demographics_quote, "age", r.age);
    check.number(file, row, r.sds_quote, "sds", r.sds);
    check.number(file, row, r.diagnosis_quote, "diagnosis_age", r.diagnosis_age);
  });
  const casesKnown = usable.has("cases");
  /** Checks that a row's case exists; when cases.csv is unusable, every case is taken as known. */
  const unknownCases = new Map<string, DataIssue>();
  let lastKnown: string | null = null;
  const checkCase = (file: string, row: number, id: string) => {
    if (id === lastKnown) return true;
    if (!casesKnown || caseIds.has(id)) {
      lastKnown = id;
      return true;
    }
    const key = `${file}\u0000${id}`;
    const first = unknownCases.get(key);
    if (first) issues.knockOn(`unknown case ${key}`, first, `line ${row}`, true);
    else {
      const issue = {
        file,
        row,
        column: "case_id",
        message: `unknown case id '${id}' (not in cases.csv)`,
      };
      unknownCases.set(key, issue);
      issues.push(issue);
    }
    return false;
  };

  // Time points: rows by case; a row that fails its schema still declares its time id. Each valid
  // row becomes its Timepoint at once (day: the stored columns, until derived).
  const timeRows = new ByCase<CaseTimes>();
  const invalid = new Map<string, Map<string, number>>();
  table<TimepointRow>("timepoints", (row, r, valid) => {
    const { case_id: caseId, time_id: timeId } = valid;
    if (caseId === undefined || !checkCase("timepoints.csv", row, caseId)) return;
    if (timeId === undefined) return;
    let ct = timeRows.get(caseId);
    if (!ct) timeRows.set(caseId, ct = { byId: new Map(), args: [] });
    const m = ct.byId;
    const earlier = m.get(timeId);
    const first = earlier
      ? ct.args[ARGS * earlier.order] as number
      : invalid.get(caseId)?.get(timeId);
    if (first !== undefined) {
      issues.push({
        file: "timepoints.csv",
        row,
        column: "time_id",
        message: `duplicate time_id '${timeId}' (first at line ${first})`,
      });
      return;
    }
    if (r === null) {
      let bad = invalid.get(caseId);
      if (!bad) invalid.set(caseId, bad = new Map());
      bad.set(timeId, row);
      return;
    }
    const order = m.size;
    const tp: Timepoint = {
      id: timeId,
      rule: r.rule,
      anchor: r.anchor,
      bound: r.bound,
      day: { lo: r.day_lo, hi: r.day_hi, nominal: r.day_nominal, timeId, depth: 0, order },
      offset: ZERO,
      depth: 0,
      order,
      words: r.words,
      quote: check.quote("timepoints.csv", row, caseSource.get(caseId), "quote", r.quote),
    };
    m.set(timeId, tp);
    ct.args.push(row, r.amount, r.unit, NEW);
  });
  const timesKnown = usable.has("timepoints");
  const resolved: Resolved = timesKnown
    ? resolveTimepoints(timeRows, invalid, caseIds, casesKnown, issues, !options.deriveDays)
    : { times: new ByCase(), roots: new Map(), derived: new ByCase() };
  const times = resolved.times;

  /**
   * The day of a row's time point, or null: a time point that could not be derived (or whose row
   * failed its schema) is not reported again; the row is counted under its problem.
   */
  const dayOf = (file: string, row: number, column: string, caseId: string, id: string) => {
    if (!timesKnown) return null;
    const tp = timeOf(times.get(caseId), id);
    if (tp) return tp.day;
    const line = invalid.get(caseId)?.get(id);
    const root = resolved.roots.get(caseId)?.get(id) ??
      (line === undefined ? undefined : { id, row: line });
    if (root !== undefined) {
      issues.knockOn(`time ${caseId}\u0000${root.id}`, unusable(caseId, root), `${file}:${row}`);
      return null;
    }
    const key = `${file}\u0000${caseId}\u0000${id}`;
    const first = unknownCases.get(key);
    if (first) issues.knockOn(`unknown time ${key}`, first, `line ${row}`, true);
    else {
      const issue = {
        file,
        row,
        column,
        message: `unknown time_id '${id}' for case ${caseId} (not in timepoints.csv)`,
      };
      unknownCases.set(key, issue);
      issues.push(issue);
    }
    return null;
  };

  const terms = new TermWarnings();
  const dosePool = new DosePool();
  const treatments = new ByCase<{ t: Treatment; row: number }[]>();
  /**
   * The drugs each article's rows name, whether or not their times could be derived (by source,
   * not by case: one small set per article); `null` once a row's case has no known article.
   */
  let drugsOfSource: Map<string, Set<string>> | null = new Map();
  table<TreatmentRow>("treatments", (row, r, valid) => {
    const file = "treatments.csv";
    if (
      drugsOfSource !== null && valid.case_id !== undefined && valid.drug !== undefined &&
      caseIds.has(valid.case_id)
    ) {
      const source = caseSource.get(valid.case_id);
      if (source === undefined) drugsOfSource = null;
      else {
        const drugs = drugsOfSource.get(source);
        if (drugs) drugs.add(valid.drug);
        else drugsOfSource.set(source, new Set([valid.drug]));
      }
    }
    if (r === null || !checkCase(file, row, r.case_id)) return;
    terms.check(file, row, "drug_class", r.drug_class);
    terms.check(file, row, "purpose", r.purpose);
    r.quote = check.quote(file, row, caseSource.get(r.case_id), "quote", r.quote);
    check.number(file, row, r.quote, "dose_mg_per_day", r.dose_mg_per_day);
    check.number(file, row, r.quote, "dose_hi_mg_per_day", r.dose_hi_mg_per_day);
    for (const column of ["dose_mg_per_day", "dose_hi_mg_per_day"] as const) {
      const v = r[column];
      if (v !== null && v > MAX_DOSE_MG_PER_DAY) {
        issues.push({
          file,
          row,
          column,
          message: `${v} mg/day is above the ${MAX_DOSE_MG_PER_DAY} mg/day any dose may be ` +
            "(data/README.md)",
        });
      }
    }
    const dose = treatmentDose(issues, row, r, dosePool);
    const start = dayOf(file, row, "start", r.case_id, r.start);
    const end = r.end === null ? null : dayOf(file, row, "end", r.case_id, r.end);
    if (!start || (r.end !== null && !end)) return;
    const list = treatments.get(r.case_id) ?? [];
    const same = list.find((x) => x.t.drug === r.drug && x.t.start === start);
    if (same) {
      issues.push({
        file,
        row,
        message: `duplicate of the row at line ${same.row} (same case_id, drug and start)`,
      });
      return;
    }
    if (end && end.nominal < start.nominal) {
      issues.push({ file, row, column: "end", message: "ends before it starts (nominal days)" });
    }
    const t: Treatment = {
      drug: r.drug,
      drugClass: r.drug_class,
      dose,
      doseWords: r.dose_words,
      route: r.route,
      frequency: r.frequency,
      start,
      end,
      purpose: r.purpose,
      outcome: r.outcome,
      quote: r.quote,
    };
    for (const other of list) {
      if (other.t.drug === t.drug && periodsOverlap(other.t, t)) {
        issues.push({
          file,
          row,
          column: "start",
          message: `${t.drug} dose period overlaps the one at line ${other.row}`,
        });
      }
    }
    if (list.length === 0) treatments.set(r.case_id, [{ t, row }]);
    else list.push({ t, row });
  });

  const events = new ByCase<CaseRows<CaseEvent, string>>();
  /** Cases with an amputation row, or with an event row whose kind is unreadable. */
  const amputated = new Set<string>();
  const firstAmputation = new ByCase<number>();
  table<EventRow>("events", (row, r, valid) => {
    const file = "events.csv";
    if (valid.case_id !== undefined && (valid.kind === undefined || valid.kind === "amputation")) {
      amputated.add(valid.case_id);
    }
    if (r === null || !checkCase(file, row, r.case_id)) return;
    terms.check(file, row, "kind", r.kind);
    r.quote = check.quote(file, row, caseSource.get(r.case_id), "quote", r.quote);
    const day = dayOf(file, row, "time", r.case_id, r.time);
    if (!day) return;
    const of = events.get(r.case_id);
    const key = `${r.kind}\u0000${r.time}`;
    const first = of?.earlier(key);
    if (first !== undefined) {
      issues.push({
        file,
        row,
        message: `duplicate of the row at line ${first} (same case_id, kind and time)`,
      });
      return;
    }
    if (r.kind === "amputation") {
      firstAmputation.set(r.case_id, Math.min(firstAmputation.get(r.case_id) ?? Infinity, day.lo));
    }
    const event = { kind: r.kind, day, description: r.description, quote: r.quote };
    if (of) of.add(event, key, row);
    else events.set(r.case_id, new CaseRows(event, key, row));
  });
  if (usable.has("events") && timesKnown) {
    for (const { r, row } of caseRows) {
      if (!amputated.has(r.case_id)) {
        issues.push({
          file: "cases.csv",
          row,
          column: "case_id",
          message: `case ${r.case_id} has no amputation event in events.csv (every case needs one)`,
        });
      }
    }
  }
  /** Per case: the amputation its phantom pain follows (`amputation.ts`). */
  const painAmputations = new Map<string, CaseEvent>();
  for (const { r, row } of caseRows) {
    const all = events.get(r.case_id)?.values ?? [];
    const amputations = all.filter((e) => e.kind === AMPUTATION);
    if (amputations.length === 0) continue; // reported above, or a knock-on
    if (amputations.length === 1) {
      painAmputations.set(r.case_id, amputations[0]);
      continue;
    }
    const of = [...all].sort(byEventDay);
    const caseTimes = times.get(r.case_id);
    const choice = painAmputation(r.case_id, of, (id) => timeOf(caseTimes, id)?.anchor ?? null);
    if ("event" in choice) painAmputations.set(r.case_id, choice.event);
    else issues.push({ file: "cases.csv", row, column: "case_id", message: choice.problem });
  }

  /** Per case: its observations, with the line of each by time point (each has its own Day). */
  const observations = new ByCase<CaseRows<Observation, Day>>();
  const vasPool = new IntervalPool();
  const commonPool = new CommonPool();
  table<ObservationRow>("observations", (row, r) => {
    const file = "observations.csv";
    if (r === null || !checkCase(file, row, r.case_id)) return;
    r.quote = check.quote(file, row, caseSource.get(r.case_id), "quote", r.quote);
    if (r.value_rule === "category") {
      const problem = categoryProblem(r.scale, r.value_nominal, r.value_words, r.quote);
      if (problem) issues.push({ file, row, ...problem });
    } else if (Object.hasOwn(WORDS_TO_NUMBER, r.value_rule)) {
      const problem = wordsRuleProblem(r.value_rule, r.quote, r.value_nominal, "value_nominal");
      if (problem) issues.push({ file, row, column: "value_nominal", message: problem });
    } else if (r.value_rule === "exact") {
      check.number(file, row, r.quote, "value_nominal", r.value_nominal);
    } else {
      check.number(file, row, r.quote, "value_lo", r.value_lo);
      check.number(file, row, r.quote, "value_hi", r.value_hi);
    }
    const value = vasPool.get(r.value_lo, r.value_hi, r.value_nominal);
    const scale = scaleOf(r.scale);
    const bad = checkNominalInterval(value, "value") ?? checkOnScale(value, scale);
    if (bad) {
      issues.push({ file, row, column: bad.column, message: bad.message });
      return;
    }
    const exact = r.value_rule !== "range";
    ruleGives(issues, row, r.value_rule, "lo", value.lo, exact ? r.value_nominal : r.value_lo);
    ruleGives(issues, row, r.value_rule, "hi", value.hi, exact ? r.value_nominal : r.value_hi);
    ruleGives(
      issues,
      row,
      r.value_rule,
      "nominal",
      value.nominal,
      exact ? r.value_nominal : (r.value_lo + r.value_hi) / 2,
    );
    const vas = scale.identity ? value : commonPool.get(scale, value);
    const day = dayOf(file, row, "time", r.case_id, r.time);
    if (!day) return;
    if (r.period_end !== null && r.period_start === null) {
      issues.push({
        file,
        row,
        column: "period_start",
        message: "period_end is given without period_start",
      });
      return;
    }
    let span: ObservationSpan | null = null;
    if (r.period_start !== null) {
      const start = dayOf(file, row, "period_start", r.case_id, r.period_start);
      const end = r.period_end === null
        ? null
        : dayOf(file, row, "period_end", r.case_id, r.period_end);
      if (!start || (r.period_end !== null && !end)) return;
      if (end && end.nominal < start.nominal) {
        issues.push({
          file,
          row,
          column: "period_end",
          message: "the period ends before it starts (nominal days)",
        });
        return;
      }
      span = { start, end };
    }
    const of = observations.get(r.case_id);
    const first = of?.earlier(day);
    if (first !== undefined) {
      issues.push({
        file,
        row,
        column: "time",
        message: `a second pain value for the same time point (first at line ${first})`,
      });
      return;
    }
    const earliest = firstAmputation.get(r.case_id);
    if (earliest !== undefined && day.hi < earliest) {
      issues.push({
        file,
        row,
        column: "time",
        message: `phantom-pain value dated before the amputation (day ${cell(day.hi)} < ${
          cell(earliest)
        })`,
      });
    }
    const observation = {
      day,
      scale,
      value,
      vas,
      words: r.value_words,
      note: r.note,
      span,
      quote: r.quote,
    };
    if (of) of.add(observation, day, row);
    else observations.set(r.case_id, new CaseRows(observation, day, row));
  });

  // Alternative readings (optional): each row replaces a time point of its case (readings.ts).
  const readingLines = new Map<string, number>();
  const choices = new Map<string, { choice: string; row: number }>();
  if (exists(`${dir}${READINGS_FILE}`)) {
    read<ReadingRow>(READINGS_FILE, readingsTable.schema, (row, r) => {
      const file = READINGS_FILE;
      if (r === null || !checkCase(file, row, r.case_id)) return;
      check.quote(file, row, caseSource.get(r.case_id), "quote", r.quote);
      const key = `${r.reading}\u0000${r.case_id}\u0000${r.time_id}`;
      const first = readingLines.get(key);
      if (first !== undefined) {
        issues.push({
          file,
          row,
          message: `duplicate of the row at line ${first} (same reading, case_id and time_id)`,
        });
        return;
      }
      readingLines.set(key, row);
      const described = choices.get(r.reading);
      if (!described) choices.set(r.reading, { choice: r.choice, row });
      else if (described.choice !== r.choice) {
        issues.push({
          file,
          row,
          column: "choice",
          message: `reading '${r.reading}' is described otherwise at line ${described.row} ` +
            "(a reading has one choice)",
        });
      }
      dayOf(file, row, "time_id", r.case_id, r.time_id);
      if (r.anchor !== null) dayOf(file, row, "anchor", r.case_id, r.anchor);
      if (r.bound !== null) dayOf(file, row, "bound", r.case_id, r.bound);
    });
  }

  for (const w of options.warnings ? terms.warnings() : []) options.warnings!.push(w);
  // Each article's claims and appraisal (articles.ts), checked with the same reader and quotes.
  const articles = loadArticles({
    dir,
    read,
    exists,
    quote: (file, row, sourceId, column, quote) => check.quote(file, row, sourceId, column, quote),
    texts,
    sources: usable.has("sources") ? sourceIds : null,
    caseSource: casesKnown
      ? (id) => caseIds.has(id) ? caseSource.get(id) ?? null : undefined
      : null,
    drugsOf: usable.has("treatments") ? drugsBySource(drugsOfSource, caseIds, caseSource) : null,
    hasTime: timesKnown
      ? (caseId, timeId) =>
        timeOf(times.get(caseId), timeId) !== undefined ||
        invalid.get(caseId)?.has(timeId) === true ||
        resolved.roots.get(caseId)?.has(timeId) === true
      : null,
    issues,
  });

  const error = issues.error();
  if (error) throw error;

  const byDay = <T extends { day: Day }>(a: T, b: T) => compareDays(a.day, b.day);
  const byStart = (a: Treatment, b: Treatment) =>
    compareDays(a.start, b.start) || a.drug.localeCompare(b.drug);
  const cases: Case[] = caseRows.map(({ r: c }) => ({
    id: c.case_id,
    sourceId: c.source_id,
    age: c.age,
    sex: c.sex,
    sds: c.sds,
    limb: c.limb,
    side: c.side,
    level: c.level,
    cause: c.cause,
    day0: c.day0,
    treatments: (treatments.get(c.case_id) ?? []).map((x) => x.t).sort(byStart),
    observations: (observations.get(c.case_id)?.values ?? []).sort(byDay),
    events: (events.get(c.case_id)?.values ?? []).sort(byEventDay),
    amputation: painAmputations.get(c.case_id)!,
    timepoints: resolved.derived.get(c.case_id) ?? [],
    study: study!,
  }));
  return { study: study!, sources, cases, articles };
}

/**
 * The drugs given to each article's cases, by `source_id`; `null` when the article of some case
 * is not known (a problem already reported), so that no drug is called missing because of it.
 */
function drugsBySource(
  drugsOfSource: ReadonlyMap<string, ReadonlySet<string>> | null,
  caseIds: ReadonlyMap<string, number>,
  caseSource: ByCase<string>,
): ((sourceId: string) => ReadonlySet<string>) | null {
  if (drugsOfSource === null) return null;
  for (const id of caseIds.keys()) if (caseSource.get(id) === undefined) return null;
  return (id) => drugsOfSource.get(id) ?? new Set();
}

/** Order of a case's events: by day ({@link compareDays}), then kind. */
const byEventDay = (a: CaseEvent, b: CaseEvent) =>
  compareDays(a.day, b.day) || a.kind.localeCompare(b.kind);

/** Whether a quote would differ once normalised (white space other than single inner spaces). */
const mayNeedNormalising = (quote: string): boolean => NEEDS_NORMALISING.test(quote);
const NEEDS_NORMALISING = /[^\S ]| {2}|^ | $/;

/**
 * The provenance checks: every quote against the text of its own case's source (after
 * {@link normalizeSourceText}), and the number a quote states against the row's value where the
 * two can be compared. Rows of one table usually follow their article's narrative, so each search
 * starts where the previous quote of that table and source was found (and falls back to the
 * whole text).
 */
function provenance(texts: Map<string, string>, issues: IssueSink) {
  const hintsByFile = new Map<string, Map<string, number>>();
  let lastFile = "";
  let hints = new Map<string, number>();
  return {
    /**
     * Checks that `quote` (if any) is in the text of source `sourceId` (if it has one). Returns
     * the quote to keep: the same characters taken from the source text where it stands there
     * verbatim (so that the model holds no slice of a table's text), else the quote itself.
     */
    quote<Q extends string | null>(
      file: string,
      row: number,
      sourceId: string | undefined,
      column: string,
      quote: Q,
    ): Q {
      if (sourceId === undefined || quote === null) return quote;
      const text = texts.get(sourceId);
      if (text === undefined) return quote;
      if (file !== lastFile) {
        lastFile = file;
        hints = hintsByFile.get(file) ?? new Map();
        hintsByFile.set(file, hints);
      }
      const q = mayNeedNormalising(quote) ? normalizeSourceText(quote) : quote;
      const short = shortQuote(q);
      if (short !== null) {
        issues.push({ file, row, column, message: short });
        return quote;
      }
      const at = findQuote(text, q, hints.get(sourceId) ?? 0);
      if (at < 0) {
        issues.push({
          file,
          row,
          column,
          message: text.includes(q)
            ? `quote found in source ${sourceId} only inside a longer word or number ` +
              "(a quote starts and ends where a word or number does)"
            : `quote not found in source ${sourceId}`,
        });
        return quote;
      }
      hints.set(sourceId, at);
      return (q === quote ? text.slice(at, at + q.length) : quote) as Q;
    },
    /** Checks that `quote` states `value` (when both are present and the quote states numbers). */
    number(file: string, row: number, quote: string | null, column: string, value: number | null) {
      if (quote === null || value === null || statesNumber(quote, value)) return;
      const problem = quoteStatesValue(quote, value, column);
      if (problem) issues.push({ file, row, column, message: problem });
    },
  };
}

/**
 * A quick sufficient test that a quote states `value`: a whole number token of the quote (digits,
 * optionally a point and digits, with no digit or point before it) that starts with the value's
 * integer part equals it. When false, {@link quoteStatesValue} decides.
 */
function statesNumber(quote: string, value: number): boolean {
  if (!(value >= 0) || !Number.isFinite(value)) return false;
  if (value >= 1e21) return false; // String() would write it with an exponent
  const head = String(Math.trunc(value));
  const digit = (c: number) => c >= 48 && c <= 57;
  for (let i = quote.indexOf(head); i >= 0; i = quote.indexOf(head, i + 1)) {
    const before = quote.charCodeAt(i - 1);
    if (digit(before) || before === 46) continue;
    let end = i + head.length;
    if (digit(quote.charCodeAt(end))) continue;
    if (quote.charCodeAt(end) === 46 && digit(quote.charCodeAt(end + 1))) {
      end += 2;
      while (digit(quote.charCodeAt(end))) end++;
    }
    if (Number(quote.slice(i, end)) === value) return true;
  }
  return false;
}

/** Dose intervals shared, within one load, by every row with the same dose (rows repeat a few). */
class DosePool {
  #pool = new Map<string, Readonly<Dose>>();
  /** The shared dose `[lo, hi]`. */
  get(lo: number, hi: number): Readonly<Dose> {
    const key = `${lo}|${hi}`;
    let d = this.#pool.get(key);
    if (d === undefined) this.#pool.set(key, d = Object.freeze({ lo, hi }));
    return d;
  }
}

/**
 * The dose of a `treatments.csv` row, checked: a range needs its lower end and an upper end above
 * it; `dose_words` are words of the quote (the caller checks that the quote states the numbers).
 * Returns the dose (`null`: not stated), or `null` after reporting a problem.
 */
function treatmentDose(
  issues: IssueSink,
  row: number,
  r: Pick<TreatmentRow, "dose_mg_per_day" | "dose_hi_mg_per_day" | "dose_words" | "quote">,
  doses: DosePool,
): Dose | null {
  const file = "treatments.csv";
  const { dose_mg_per_day: lo, dose_hi_mg_per_day: hi } = r;
  const problem = (column: string, message: string) => {
    issues.push({ file, row, column, message });
    return null;
  };
  if (r.dose_words !== null && !foldWords(r.quote).includes(foldWords(r.dose_words))) {
    problem("dose_words", `'${r.dose_words}' is not in the quote (dose_words are its words)`);
  }
  if (hi !== null) {
    if (lo === null) {
      return problem(
        "dose_hi_mg_per_day",
        "a dose range needs its lower end in dose_mg_per_day (empty here)",
      );
    }
    if (hi <= lo) {
      return problem(
        "dose_hi_mg_per_day",
        `the upper end of the dose range (${hi}) must be above its lower end ` +
          `dose_mg_per_day (${lo}); leave it empty for a single dose`,
      );
    }
  }
  return lo === null ? null : doses.get(lo, hi ?? lo);
}

/** Text folded for a words-in-quote check: lower case, white space as single spaces. */
const foldWords = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();

/** Reports a value column that differs from what its rule gives. */
function ruleGives(
  issues: IssueSink,
  row: number,
  rule: string,
  side: "lo" | "hi" | "nominal",
  value: number,
  gives: number,
): void {
  if (sameNumber(value, gives)) return;
  issues.push({
    file: "observations.csv",
    row,
    column: `value_${side}`,
    message: `is ${value} but rule '${rule}' gives ${gives}`,
  });
}

/** Two dose periods overlap when each starts before the other ends (nominal days, half-open). */
function periodsOverlap(a: Treatment, b: Treatment): boolean {
  const aEnd = a.end?.nominal ?? Infinity;
  const bEnd = b.end?.nominal ?? Infinity;
  return a.start.nominal < bEnd && b.start.nominal < aEnd;
}

/**
 * The words-to-number rule of a verbal scale (`value_rule` `category`): the value is the index
 * of the category its words name, and the quote states that word.
 */
function categoryProblem(
  scaleId: string,
  value: number,
  words: string,
  quote: string,
): { column: string; message: string } | null {
  const cats = scaleOf(scaleId).categories;
  if (cats === null) {
    return {
      column: "value_rule",
      message: `rule 'category' needs a verbal scale; ${scaleId} has no categories`,
    };
  }
  const at = cats.indexOf(words.trim().toLowerCase());
  if (at < 0) {
    return {
      column: "value_words",
      message: `'${words}' is not a category of ${scaleId} (${cats.join(", ")})`,
    };
  }
  if (value !== at) {
    return {
      column: "value_nominal",
      message: `is ${value} but '${cats[at]}' is category ${at} of ${scaleId}`,
    };
  }
  if (!new RegExp(`\\b${cats[at]}\\b`, "i").test(quote)) {
    return { column: "quote", message: `the quote does not state '${cats[at]}'` };
  }
  return null;
}

/** Checks that a value lies on its scale: within its range, whole where the scale has no fractions. */
function checkOnScale(
  x: NominalInterval,
  s: Scale,
): { column: string; message: string } | null {
  if (x.lo >= s.min && x.hi <= s.max && (!s.integer || (x.lo === x.hi && Number.isInteger(x.lo)))) {
    return null; // the usual case, checked at once
  }
  for (const side of ["lo", "nominal", "hi"] as const) {
    const v = x[side];
    if (v < s.min || v > s.max) {
      return {
        column: `value_${side}`,
        message: `${v} is outside the range of scale ${s.id} (${s.min}–${s.max} ${s.unit})`,
      };
    }
    if (s.integer && side !== "nominal" && !Number.isInteger(v)) {
      return { column: `value_${side}`, message: `${v} is not a whole value of scale ${s.id}` };
    }
  }
  return null;
}

/** Shares the common-metric interval of equal values on the same scale (rows repeat values). */
class CommonPool {
  #map = new Map<string, NominalInterval>();
  /** The common-metric interval of `value` on `scale`. */
  get(scale: Scale, value: NominalInterval): NominalInterval {
    const key = `${scale.id}|${value.lo}|${value.nominal}|${value.hi}`;
    let c = this.#map.get(key);
    if (c === undefined) {
      c = Object.freeze(toCommon(scale, value));
      this.#map.set(key, c);
    }
    return c;
  }
}

/**
 * A number as the data files write it: `Inf` and `-Inf` for an open side (JavaScript's
 * `Infinity` is not what a cell may hold).
 */
function cell(n: number): string {
  return n === Infinity ? "Inf" : n === -Infinity ? "-Inf" : String(n);
}

/** Checks `lo <= nominal <= hi`; returns the offending column and message, or null. */
function checkNominalInterval(
  x: NominalInterval,
  prefix: string,
): { column: string; message: string } | null {
  if (x.lo > x.hi) {
    return {
      column: `${prefix}_lo`,
      message: `lower bound ${cell(x.lo)} is above upper bound ${cell(x.hi)}`,
    };
  }
  if (x.nominal < x.lo || x.nominal > x.hi) {
    return {
      column: `${prefix}_nominal`,
      message: `nominal ${cell(x.nominal)} is outside [${cell(x.lo)}, ${cell(x.hi)}]`,
    };
  }
  return null;
}

/**
 * The valid rows of one case's time points while they are read: each time point by id (its day
 * holds the stored columns until derived), and for each, at `ARGS * order`, its line, amount,
 * unit and derivation state.
 */
interface CaseTimes {
  byId: Map<string, Timepoint>;
  args: (number | TimeUnit | null)[];
}

/** Entries of {@link CaseTimes.args} per time point, and the derivation states. */
const ARGS = 4;
const NEW = 0;
const VISITING = 1;
const DERIVED = 2;
const FAILED = 3;
/** Being derived, while following its bound (VISITING: its anchor). */
const VISITING_BOUND = 4;

/** The offset of an origin before it is derived. */
const ZERO: NominalInterval = Object.freeze({ lo: 0, hi: 0, nominal: 0 });

/**
 * Derives every time point from its anchor and rule, checking the origin, references, cycles,
 * the rule's arguments and the derived columns. `times` holds the derived time points only: one
 * that could not be derived has its problem, or its anchor's, in `issues`, and the root of that
 * problem in `roots`. A reference to a time point whose row failed its schema (in `invalid`, by
 * case and time id, with its line) is not reported again. What derives the time points of each
 * case is let go once they are. The stored days are checked against the derived ones unless
 * `checkStored` is false.
 */
function resolveTimepoints(
  rows: ByCase<CaseTimes>,
  invalid: Map<string, Map<string, number>>,
  caseIds: Map<string, number>,
  casesKnown: boolean,
  issues: Issues,
  checkStored: boolean,
): Resolved {
  const file = "timepoints.csv";
  const times = new ByCase<TimesOf>();
  const roots = new Map<string, Map<string, Root>>();
  const derived = new ByCase<Timepoint[]>();
  const offsets = new IntervalPool();
  const none = new Map<string, never>();
  const ids = casesKnown ? [...caseIds.keys()] : [...new Set([...rows.keys(), ...invalid.keys()])];
  for (const caseId of ids) {
    const ct = rows.get(caseId);
    rows.delete(caseId);
    const m: Map<string, Timepoint> = ct?.byId ?? new Map();
    const args = ct?.args ?? [];
    const bad: Map<string, number> = invalid.get(caseId) ?? none;
    const root = new Map<string, Root>();
    const list: Timepoint[] = [];
    /** The line of a valid time point. */
    const rowOf = (tp: Timepoint) => args[ARGS * tp.order] as number;
    let origins = 0;
    const originRows = [0, 0];
    for (const tp of m.values()) {
      if (tp.rule === "origin" && origins++ < 2) originRows[origins - 1] = rowOf(tp);
    }
    if (origins > 1) {
      issues.push({
        file,
        row: originRows[1],
        column: "rule",
        message: `case ${caseId} needs exactly one 'origin' time point, has ${origins} ` +
          `(first at line ${originRows[0]})`,
      });
    } else if (origins === 0 && bad.size === 0 && caseIds.has(caseId)) {
      issues.push({
        file: "cases.csv",
        row: caseIds.get(caseId),
        column: "case_id",
        message: `case ${caseId} has no 'origin' time point in timepoints.csv (it needs one)`,
      });
    }
    const rootOf = (id: string): Root => {
      const tp = m.get(id);
      return root.get(id) ?? { id, row: tp ? rowOf(tp) : bad.get(id)! };
    };
    const resolve = (id: string): Timepoint | null => {
      const tp = m.get(id)!;
      const k = ARGS * tp.order;
      const state = args[k + 3];
      if (state === DERIVED) return tp;
      if (state === FAILED) return null;
      const row = args[k] as number;
      if (state === VISITING || state === VISITING_BOUND) {
        // Reported at the column through which this point leads back into the cycle.
        const column = state === VISITING_BOUND ? "bound" : "anchor";
        issues.push({
          file,
          row,
          column,
          message: column === "bound"
            ? `bound '${tp.bound}' closes a cycle of anchors and bounds through '${id}'`
            : `anchors form a cycle through '${id}'`,
        });
        args[k + 3] = FAILED;
        root.set(id, { id, row });
        return null;
      }
      args[k + 3] = VISITING;
      const own: DataIssue[] = [];
      let cause: Root | null = null;
      const ok = derive(
        tp,
        row,
        args[k + 1] as number | null,
        args[k + 2] as TimeUnit | null,
        (ref, column) => {
          if (m.has(ref)) {
            args[k + 3] = column === "bound" ? VISITING_BOUND : VISITING;
            const t = resolve(ref);
            if (!t) cause = rootOf(ref);
            return t;
          }
          if (bad.has(ref)) cause = { id: ref, row: bad.get(ref)! };
          else {
            own.push({ file, row, column, message: `unknown time_id '${ref}' for case ${caseId}` });
          }
          return null;
        },
        own,
        offsets,
        checkStored,
      );
      for (const issue of own) issues.push(issue);
      args[k + 3] = ok ? DERIVED : FAILED;
      if (ok) list.push(tp);
      if (!ok && cause !== null && own.length === 0) {
        const c: Root = cause;
        root.set(id, c);
        issues.knockOn(
          `time ${caseId}\u0000${c.id}`,
          unusable(caseId, c),
          `${file}:${row}`,
        );
      } else if (!ok && !root.has(id)) root.set(id, { id, row });
      return ok ? tp : null;
    };
    for (const id of m.keys()) resolve(id);
    times.set(caseId, list.length > SCANNED ? new Map(list.map((tp) => [tp.id, tp])) : list);
    derived.set(caseId, list);
    if (root.size > 0) roots.set(caseId, root);
  }
  return { times, roots, derived };
}

/**
 * One case's derived time points, to look up by id: its list, scanned (a case has a few, and the
 * list is the one the case keeps), or an index when it has more than {@link SCANNED}.
 */
type TimesOf = Timepoint[] | Map<string, Timepoint>;

/** The derived time point `id` of a case, if any. */
function timeOf(times: TimesOf | undefined, id: string): Timepoint | undefined {
  if (times === undefined) return undefined;
  if (!Array.isArray(times)) return times.get(id);
  for (let i = 0; i < times.length; i++) if (times[i].id === id) return times[i];
  return undefined;
}

/** The time point a problem starts from: its id and line in `timepoints.csv`. */
interface Root {
  id: string;
  row: number;
}

/** Derived time points by case, and the root of the problem of those that could not be derived. */
interface Resolved {
  /** Each case's derived time points by id (see {@link TimesOf}). */
  times: ByCase<TimesOf>;
  /**
   * By case and time id, the root of the problem of every time point that could not be derived
   * (each has one: a row that refers to a time point neither here nor in `times` is told apart
   * by this).
   */
  roots: Map<string, Map<string, Root>>;
  /** Each case's derived time points, in the order they were derived (an anchor first). */
  derived: ByCase<Timepoint[]>;
}

/** The issue that rows referring to an unusable time point are counted under. */
function unusable(caseId: string, root: Root): DataIssue {
  return {
    file: "timepoints.csv",
    row: root.row,
    message: `time point '${root.id}' of case ${caseId} is not usable`,
  };
}

/**
 * Derives one time point (its line, amount and unit given): checks its rule's arguments, derives
 * its day from its anchor (through `ref`) and checks the stored columns against it (when
 * `checkStored`), then completes the time point (day, offset, depth). Pushes its problems and
 * returns false when it cannot.
 */
function derive(
  tp: Timepoint,
  row: number,
  amount: number | null,
  unit: TimeUnit | null,
  ref: (id: string, column: string) => Timepoint | null,
  issues: DataIssue[],
  offsets: IntervalPool,
  checkStored: boolean,
): boolean {
  const { rule, anchor, bound } = tp;
  const stored = tp.day;
  const file = "timepoints.csv";
  const problem = (column: string, message: string) => {
    issues.push({ file, row, column, message });
    return false;
  };
  const needsAmount = rule === "exact" || rule === "approx" || rule === "within";
  if (rule === "origin" && anchor !== null) return problem("anchor", "origin has no anchor");
  if (rule !== "origin" && anchor === null) {
    return problem("anchor", `rule '${rule}' needs an anchor`);
  }
  if (needsAmount && (amount === null || unit === null)) {
    return problem(amount === null ? "amount" : "unit", `rule '${rule}' needs amount and unit`);
  }
  if (!needsAmount && (amount !== null || unit !== null)) {
    return problem(amount !== null ? "amount" : "unit", `rule '${rule}' takes no amount`);
  }
  if (rule === "exact" && (unit === "month" || unit === "year")) {
    return problem("unit", `${unit}s are never exact: use rule 'approx'`);
  }
  if (bound !== null && rule !== "after") {
    return problem("bound", "only rule 'after' takes a bound");
  }

  // A stored day that is not an interval, or not the one the rule gives, is reported, and the
  // time point is still derived: the points anchored on it are checked against its derived day,
  // so that every stored day that is wrong is reported in one run.
  const bad = checkStored ? checkNominalInterval(stored, "day") : null;
  if (bad) issues.push({ file, row, column: bad.column, message: bad.message });

  let depth = 0;
  let a: NominalInterval | null = null;
  let b: NominalInterval | null = null;
  if (rule !== "origin") {
    const from = ref(anchor!, "anchor");
    if (!from) return false;
    depth = from.depth + 1;
    a = from.day;
    if (bound !== null) {
      const to = ref(bound, "bound");
      if (!to) return false;
      b = to.day;
      if (b.hi < a.lo || b.nominal < a.nominal) {
        return problem("bound", `bound '${bound}' falls before anchor '${anchor}'`);
      }
    }
  }
  const { day, offset } = deriveDay(rule, amount, unit, a, b);
  for (const side of SIDES) {
    if (checkStored && !bad && !sameNumber(stored[side], day[side])) {
      problem(
        `day_${side}`,
        `is ${cell(stored[side])} but rule '${rule}' gives ${cell(day[side])}`,
      );
    }
  }
  // The derived values (equal to the stored ones up to rounding, when they pass) are kept.
  stored.lo = day.lo;
  stored.hi = day.hi;
  stored.nominal = day.nominal;
  stored.depth = depth;
  tp.depth = depth;
  tp.offset = offsets.get(offset.lo, offset.hi, offset.nominal);
  return true;
}

const SIDES = ["lo", "nominal", "hi"] as const;
