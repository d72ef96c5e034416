/**
 * Observations too many to hold: `observations.csv` read in pieces, each row checked on its own,
 * and a per-case summary kept (count, first and last in file order, lowest, highest and mean
 * nominal value, on the common 0–10 metric), in memory that grows with the cases, not the rows.
 *
 * What it checks is what a row says by itself: every cell against the table's schema (the same
 * compiled checks as the loader's), the value an interval (`value_lo ≤ value_nominal ≤
 * value_hi`) on its scale's range. What needs the other tables — the case and time point known,
 * the quote in the article's text, one value per time point, no pain before the amputation — is
 * the loader's ({@link loadCaseSeries}), which holds the series and so refuses data larger than
 * memory allows, with a message, rather than crash. The summary is in file order, like pandas'
 * `groupby(...).agg(["first", "last"])`: the loader's `caseSummary` orders values by day.
 *
 * @module
 */
import type { DataIssue } from "../errors.ts";
import { TableReader } from "../csv.ts";
import { checkDataFolder, readText } from "../read.ts";
import { scaleOf, toCommon } from "../scales.ts";
import { type ObservationRow, tableSchemas } from "../schema.ts";
import { checkOnScale } from "./checks/observations.ts";
import { checkNominalInterval } from "./values.ts";
import { checkOptions } from "../options.ts";
import { wrongArgument } from "../wrong_argument.ts";
import { z } from "zod";

const streamOptionsSchema = z.strictObject({
  maxIssues: z.number().int().nonnegative().optional(),
});

/** One case's values, as read in file order (nominal values on the common 0–10 metric). */
export interface StreamedCase {
  /** Case id. */
  caseId: string;
  /** Scales its values were recorded on, in order of first use. */
  scales: string[];
  /** Number of values that passed their row's checks. */
  n: number;
  /** First value in the file. */
  first: number;
  /** Last value in the file. */
  last: number;
  /** Lowest value. */
  min: number;
  /** Highest value. */
  max: number;
  /** Mean value. */
  mean: number;
}

/** What a streamed read gives. */
export interface StreamedObservations {
  /** One summary per case, in order of first appearance. */
  cases: StreamedCase[];
  /** Data rows read (those that failed a check included). */
  rows: number;
  /** The first problems found, located (at most `maxIssues`). */
  issues: DataIssue[];
  /** All problems found, including those not kept. */
  issueCount: number;
}

/** Options of {@link streamObservations}. */
export interface StreamOptions {
  /** Problems kept in `issues` (the rest are counted); default 1,000. */
  maxIssues?: number;
}

/**
 * Reads `observations.csv` of a data folder in pieces and summarises each case's values (see the
 * module description for what is and is not checked). A file that cannot be read as a whole
 * (missing, not UTF-8, wrong header) gives its problem and no summary; a folder that does not
 * exist, a `dataDir` that is not a path or wrong options throw a `TypeError`, as
 * `loadCaseSeries` does.
 *
 * @param dataDir The data folder (with or without a final `/`).
 * @param options Problems kept.
 * @returns The per-case summaries, the number of rows, and the problems.
 * @throws {TypeError} When `dataDir` is not a path or not a folder, or the options are wrong.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { DEFAULT_DATA_DIR, loadCaseSeries, streamObservations } from "#lib/mod.ts";
 * const streamed = streamObservations(DEFAULT_DATA_DIR);
 * assert.deepEqual(streamed.issues, []);
 * // Every value the loader holds is counted, case by case.
 * const series = await loadCaseSeries();
 * for (const c of series.cases) {
 *   const s = streamed.cases.find((x) => x.caseId === c.id);
 *   assert.equal(s?.n ?? 0, c.observations.length);
 * }
 * ```
 */
export function streamObservations(
  dataDir: string,
  options: StreamOptions = {},
): StreamedObservations {
  if (typeof dataDir !== "string") {
    wrongArgument("streamObservations", "a data folder (a path)", dataDir);
  }
  checkOptions("streamObservations", streamOptionsSchema, options);
  checkDataFolder(dataDir);
  const maxIssues = options.maxIssues ?? 1000;
  const file = "observations.csv";
  let issueCount = 0;
  const issues: DataIssue[] = [];
  const sink = {
    push(issue: DataIssue) {
      issueCount++;
      if (issues.length < maxIssues) issues.push(issue);
    },
  };
  const byCase = new Map<string, StreamedCase & { sum: number }>();
  let rows = 0;
  const reader = new TableReader<ObservationRow>(
    file,
    tableSchemas.observations.schema,
    (row, r) => {
      rows++;
      if (r === null) return;
      const value = { lo: r.value_lo, nominal: r.value_nominal, hi: r.value_hi };
      const scale = scaleOf(r.scale);
      const problem = checkNominalInterval(value, "value") ?? checkOnScale(value, scale);
      if (problem) return sink.push({ file, row, ...problem });
      const v = scale.identity ? value.nominal : toCommon(scale, value).nominal;
      const s = byCase.get(r.case_id);
      if (s === undefined) {
        byCase.set(r.case_id, {
          caseId: r.case_id,
          scales: [r.scale],
          n: 1,
          first: v,
          last: v,
          min: v,
          max: v,
          mean: v,
          sum: v,
        });
        return;
      }
      if (!s.scales.includes(r.scale)) s.scales.push(r.scale);
      s.n++;
      s.last = v;
      s.sum += v;
      if (v < s.min) s.min = v;
      if (v > s.max) s.max = v;
    },
    sink,
  );
  const dir = dataDir.endsWith("/") ? dataDir : `${dataDir}/`;
  // No size limit: nothing but the summaries is held.
  const read = readText(`${dir}${file}`, file, (text) => reader.push(text), sink, Infinity);
  if (read) reader.end();
  if (!read || !reader.usable) return { cases: [], rows, issues, issueCount };
  const cases = [...byCase.values()].map(({ sum, ...s }) => ({ ...s, mean: sum / s.n }));
  return { cases, rows, issues, issueCount };
}
