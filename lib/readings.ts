/**
 * Other readings of the text, as data: `data/readings.csv` names each alternative reading and
 * the time-point rows it replaces. An analysis variant replaces those rows of `timepoints.csv` (in
 * memory) and loads the data through the same loader, which then derives the day of every time
 * point from its rule (`deriveDays`), so every analysis runs on it unchanged.
 *
 * @module
 */
import { stringify } from "csv-stringify/sync";
import { readTable } from "./csv.ts";
import { type DataIssue, DataValidationError, formatIssue } from "./errors.ts";
import { dataFolder, loadCaseSeries } from "./load.ts";
import { exists, MAX_TABLE_BYTES, readWholeText } from "./read.ts";
import type { CaseSeries } from "./model.ts";
import { tableSchemas } from "./schema.ts";
import { type Reading, type ReadingRow, READINGS_FILE, readingsTable } from "./readings_schema.ts";
import { groupReadings } from "./data/checks/readings.ts";

const TimepointRow = tableSchemas.timepoints.schema;
const readingSchema = readingsTable.schema;

export { type Reading, type ReadingRow, READINGS_FILE, readingsTable };

/**
 * The alternative readings of the data folder, in file order; none when the folder has no
 * `readings.csv`.
 *
 * @param dataDir The data folder (default: `dataFolder()`, `load.ts`).
 * @returns The readings. Throws a {@link DataValidationError} naming file, row and column when
 * the file does not parse.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadReadings } from "#lib/mod.ts";
 * const readings = await loadReadings();
 * // One reading per name, each with its rows and their lines.
 * assert.equal(new Set(readings.map((r) => r.name)).size, readings.length);
 * assert.ok(readings.every((r) => r.rows.length > 0 && r.rows.length === r.lines.length));
 * ```
 */
export async function loadReadings(dataDir: string = dataFolder()): Promise<Reading[]> {
  const dir = dataDir.replace(/\/?$/, "/");
  if (!exists(`${dir}${READINGS_FILE}`)) return [];
  const problems: DataIssue[] = [];
  const text = await readWholeText(
    `${dir}${READINGS_FILE}`,
    READINGS_FILE,
    problems,
    MAX_TABLE_BYTES,
  );
  if (text === null) throw new DataValidationError(problems);
  const { rows, issues } = readTable(READINGS_FILE, text, readingSchema);
  if (issues.length) throw new DataValidationError(issues);
  return groupReadings(rows);
}

/** The key of a case's time point. */
const timeKey = (caseId: string, timeId: string) => `${caseId}\u0000${timeId}`;

/** A reading's row that replaces a time point, with its line in `readings.csv`. */
interface Replacement {
  reading: string;
  row: ReadingRow;
  line: number;
}

/**
 * The text of `timepoints.csv` with the rows of `readings` replacing those of the same case and
 * time id. Each row stays on its line, so the variant's problems are at the lines of the file as
 * it is; a replacing row's day columns are left 0, since the loader takes every day from the rules
 * for a variant (`deriveDays`). Also returns, by line, the replacement each replaced row came
 * from. Throws when a reading names a time point the table lacks or two readings replace the same
 * one.
 */
function applyToTimepoints(
  text: string,
  readings: readonly Reading[],
): { text: string; replaced: Map<number, Replacement> } {
  const { rows, issues } = readTable("timepoints.csv", text, TimepointRow);
  if (issues.length) throw new DataValidationError(issues);
  const lineOf = new Map(
    rows.map(({ value, row }) => [timeKey(value.case_id, value.time_id), row]),
  );
  const replace = new Map<string, Replacement>();
  const problems: DataIssue[] = [];
  for (const reading of readings) {
    reading.rows.forEach((row, i) => {
      const k = timeKey(row.case_id, row.time_id);
      const line = reading.lines[i];
      const other = replace.get(k);
      if (other) {
        problems.push({
          file: READINGS_FILE,
          row: line,
          column: "time_id",
          message: `readings '${other.reading}' and '${reading.name}' both replace case ` +
            `${row.case_id} '${row.time_id}': they cannot be combined`,
        });
      }
      if (!lineOf.has(k)) {
        problems.push({
          file: READINGS_FILE,
          row: line,
          column: "time_id",
          message: `reading '${reading.name}': no time point '${row.time_id}' in case ` +
            `${row.case_id}`,
        });
      }
      replace.set(k, { reading: reading.name, row, line });
    });
  }
  if (problems.length) throw new DataValidationError(problems);
  const header = Object.keys(TimepointRow.shape);
  const lines = text.split("\n");
  const replaced = new Map<number, Replacement>();
  for (const [k, r] of replace) {
    const line = lineOf.get(k)!;
    replaced.set(line, r);
    const cells: Record<string, unknown> = { ...r.row, day_lo: 0, day_nominal: 0, day_hi: 0 };
    const record = header.map((h) => (cells[h] === null ? "" : String(cells[h])));
    lines[line - 1] = stringify([record]).trimEnd() + (lines[line - 1].endsWith("\r") ? "\r" : "");
  }
  return { text: lines.join("\n"), replaced };
}

/**
 * Loads the dataset as it reads under a set of alternative readings: their time-point rows
 * replace those of `timepoints.csv` (read in memory: nothing is written), every day is
 * re-derived by the rules, and the result is loaded by `loadCaseSeries` (so every check of the
 * loader applies, quotes included).
 *
 * @param readings The readings to apply (none: the dataset as it is).
 * @param dataDir The data folder (default: `dataFolder()`, `load.ts`).
 * @returns The case series under those readings.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, loadReadings, loadWithReadings } from "#lib/mod.ts";
 * const first = (await loadReadings()).slice(0, 1);
 * // A reading replaces time points: the cases stay those of data/.
 * const ids = (s: { cases: { id: string }[] }) => s.cases.map((c) => c.id);
 * assert.deepEqual(ids(await loadWithReadings(first)), ids(await loadCaseSeries()));
 * ```
 */
export async function loadWithReadings(
  readings: readonly Reading[],
  dataDir: string = dataFolder(),
): Promise<CaseSeries> {
  return (await applyReadings(readings, dataDir)).load();
}

/** The variant text of `timepoints.csv` under `readings`, and how to load the dataset with it. */
async function applyReadings(readings: readonly Reading[], dataDir: string) {
  const dir = dataDir.replace(/\/?$/, "/");
  if (readings.length === 0) {
    return { replaced: new Map<number, Replacement>(), load: () => loadCaseSeries(dir) };
  }
  const file = tableSchemas.timepoints.file;
  const problems: DataIssue[] = [];
  const original = await readWholeText(`${dir}${file}`, file, problems, MAX_TABLE_BYTES);
  if (original === null) throw new DataValidationError(problems);
  const { text, replaced } = applyToTimepoints(original, readings);
  return {
    replaced,
    load: () => loadCaseSeries(dir, { replace: new Map([[file, text]]), deriveDays: true }),
  };
}

/**
 * What is wrong with the dataset under each alternative reading on its own: each reading is
 * applied and the result loaded (every check of the loader: days derived by the rules, anchors
 * without cycles, VAS values dated after the amputation...). The loader checks the rows of
 * `readings.csv` themselves; this checks what they make of the data. Combinations are not tried
 * (the analysis grid runs up to {@link MAX_GRID_VARIANTS} of them).
 *
 * A problem on a time point the reading replaces is reported at the reading's row that replaces
 * it (and its column); any other, at the reading's first row, column `reading`, with where it
 * is in the data. Problems a variant had beyond those its error kept are counted in one more.
 *
 * @param dataDir The data folder (default: `dataFolder()`, `load.ts`).
 * @returns The problems, each naming its reading; none when every reading loads (or there is no
 * `readings.csv`).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { readingProblems } from "#lib/mod.ts";
 * assert.deepEqual(await readingProblems(), []);
 * ```
 */
export async function readingProblems(dataDir: string = dataFolder()): Promise<DataIssue[]> {
  const out: DataIssue[] = [];
  const timepoints = tableSchemas.timepoints.file;
  for (const reading of await loadReadings(dataDir)) {
    const { replaced, load } = await applyReadings([reading], dataDir);
    try {
      await load();
    } catch (e) {
      if (!(e instanceof DataValidationError)) throw e;
      for (const issue of e.issues) {
        const r = issue.file === timepoints && issue.row !== undefined
          ? replaced.get(issue.row)
          : undefined;
        out.push(
          r
            ? {
              file: READINGS_FILE,
              row: r.line,
              column: issue.column,
              message: `under reading '${reading.name}' (replacing ${timepoints}:${issue.row}): ` +
                issue.message,
            }
            : {
              file: READINGS_FILE,
              row: reading.line,
              column: "reading",
              message: `under reading '${reading.name}', ${formatIssue(issue)}`,
            },
        );
      }
      if (e.total > e.issues.length) {
        out.push({
          file: READINGS_FILE,
          row: reading.line,
          column: "reading",
          message: `under reading '${reading.name}', ${e.total - e.issues.length} more problems`,
        });
      }
    }
  }
  return out;
}

/** One analysis variant: a named set of readings and the dataset under it. */
export interface AnalysisVariant {
  /** "as extracted" for no reading, else the reading names joined by " + ". */
  name: string;
  /** The readings applied. */
  readings: string[];
  /** The dataset under them. */
  series: CaseSeries;
}

/**
 * Largest number of analysis variants the grid runs: every combination of the readings while
 * there are at most this many, else each reading alone and all together (see
 * {@link readingSets}). Each variant is one load of the dataset (a few milliseconds for this
 * dataset) and one evaluation of the claims ledger, so the sensitivity notebook stays within a
 * few seconds.
 */
export const MAX_GRID_VARIANTS = 256;

/** The time points a reading replaces, as keys. */
const replacedKeys = (r: Reading) => r.rows.map((x) => timeKey(x.case_id, x.time_id));

/**
 * The sets of readings the grid analyses, the empty set (the dataset as extracted) first.
 * Readings that replace the same time point are alternatives of one choice and never combined.
 * Every compatible combination while there are at most `max` of them, in order of size (then
 * file order); beyond that, each reading alone, then all readings together, where of readings
 * that replace the same time point the first in file order is taken (the others are run alone).
 *
 * @param readings The readings, in file order.
 * @param max The largest number of combinations analysed in full.
 * @returns The sets, none repeated.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadReadings, readingSets } from "#lib/mod.ts";
 * const sets = readingSets(await loadReadings());
 * assert.deepEqual(sets[0], []); // the dataset as extracted comes first
 * ```
 */
export function readingSets(
  readings: readonly Reading[],
  max: number = MAX_GRID_VARIANTS,
): Reading[][] {
  const full = compatibleSets(readings, max);
  if (full) return full.map((set) => set.map((i) => readings[i]));
  const clash = clashes(readings);
  const together: number[] = [];
  readings.forEach((_, i) => {
    if (!together.some((j) => clash(i, j))) together.push(i);
  });
  const sets = [[], ...readings.map((_, i) => [i])];
  if (together.length > 1) sets.push(together);
  return sets.map((set) => set.map((i) => readings[i]));
}

/**
 * Whether {@link readingSets} gives every compatible combination of the readings (at most `max`
 * of them), rather than each reading alone and all together.
 *
 * @param readings The readings, in file order.
 * @param max The largest number of combinations analysed in full.
 * @returns True for the full grid.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { isFullGrid, loadReadings } from "#lib/mod.ts";
 * const r = await loadReadings();
 * assert.equal(isFullGrid(r, 1), r.length === 0); // one variant is the dataset alone
 * ```
 */
export function isFullGrid(readings: readonly Reading[], max: number = MAX_GRID_VARIANTS): boolean {
  return compatibleSets(readings, max) !== null;
}

/** Whether readings `i` and `j` replace a common time point. */
function clashes(readings: readonly Reading[]): (i: number, j: number) => boolean {
  const keys = readings.map((r) => new Set(replacedKeys(r)));
  return (i, j) => [...keys[i]].some((k) => keys[j].has(k));
}

/**
 * Every compatible combination of the readings (indices), by size then file order; `null` when
 * there are more than `max`.
 */
function compatibleSets(readings: readonly Reading[], max: number): number[][] | null {
  const clash = clashes(readings);
  const all: number[][] = [];
  // Depth-first over the readings in order, each added only when compatible with those taken.
  const grow = (from: number, taken: number[]): boolean => {
    if (all.length >= max) return false;
    all.push(taken);
    for (let i = from; i < readings.length; i++) {
      if (taken.some((j) => clash(i, j))) continue;
      if (!grow(i + 1, [...taken, i])) return false;
    }
    return true;
  };
  return grow(0, []) ? all.sort((a, b) => a.length - b.length || compareIndices(a, b)) : null;
}

/** Orders two sets of reading indices of the same size lexicographically. */
function compareIndices(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/**
 * The grid of analysis variants: the dataset as extracted and under every combination of the
 * alternative readings that can be combined (each reading on or off; readings that replace the
 * same time point are alternatives and never together), or, beyond {@link MAX_GRID_VARIANTS}
 * combinations, each reading alone and all together ({@link readingSets}).
 *
 * @param dataDir The data folder (default: `dataFolder()`, `load.ts`).
 * @returns The variants, the dataset as extracted first.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { analysisVariants } from "#lib/mod.ts";
 * const v = await analysisVariants();
 * assert.equal(v[0].name, "as extracted"); // the dataset as extracted comes first
 * ```
 */
export async function analysisVariants(
  dataDir: string = dataFolder(),
): Promise<AnalysisVariant[]> {
  const out: AnalysisVariant[] = [];
  // The dataset as extracted carries its readings (readings.csv is read once, by the loader).
  const asExtracted = await loadCaseSeries(dataDir);
  for (const set of readingSets(asExtracted.readings ?? [])) {
    out.push({
      name: set.length ? set.map((r) => r.name).join(" + ") : "as extracted",
      readings: set.map((r) => r.name),
      series: set.length ? await loadWithReadings(set, dataDir) : asExtracted,
    });
  }
  return out;
}
