/**
 * The loader: reads the tables of `data/` and the source texts, checks each table against its
 * schema, all of them against each other and every quote against its own article's text, derives
 * every time point from its rule, and returns the case series (types in `model.ts`). When the
 * folder has `readings.csv` (alternative readings of the text, applied by `readings.ts`), its rows
 * are checked too (schema, case, time points, quote) and carried by the series as its readings.
 *
 * It runs in stages, one module each under `data/`: read (`read.ts`: encoding, size, file kind;
 * `data/context.ts` streams a table through its schema), check each table (`data/checks/<table>`,
 * the domain rules of that table there), resolve the time points (`data/resolve.ts`), build the
 * model (`data/build.ts`). This module only runs them in order.
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
import { z } from "zod";
import { wrongArgument } from "./args.ts";
import { checkOptions } from "./options.ts";
import type { DataIssue } from "./errors.ts";
import type { CaseSeries, Day, Observation } from "./model.ts";
import { READINGS_FILE } from "./readings_schema.ts";
import { checkDataFolder, exists } from "./read.ts";
import { loadArticles } from "./articles.ts";
import { LoadContext } from "./data/context.ts";
import { PREFETCH_MIN_BYTES } from "./data/prefetch.ts";
import { readStudy, STUDY_FILE } from "./data/checks/study.ts";
import { checkSources } from "./data/checks/sources.ts";
import { checkCases } from "./data/checks/cases.ts";
import { checkTimepoints } from "./data/checks/timepoints.ts";
import { checkTreatments } from "./data/checks/treatments.ts";
import { checkEvents } from "./data/checks/events.ts";
import { checkObservations } from "./data/checks/observations.ts";
import { checkReadings } from "./data/checks/readings.ts";
import { unaddressed } from "./data/narrative.ts";
import { buildCases } from "./data/build.ts";
import { timeOf } from "./data/resolve.ts";
import type { ByCase, CaseRows } from "./data/rows.ts";
import { drugOfInterestProblem } from "./vocabulary.ts";

export { TABLE_ORDER } from "./data/issues.ts";
export { STUDY_FILE };

/** The repository's `data/` folder. */
export const DEFAULT_DATA_DIR: string = fileURLToPath(new URL("../data/", import.meta.url));

/**
 * The environment variable that names the data folder of a notebook run: `deno task reproduce
 * --data DIR` sets it for every kernel it starts (to the repository's `data/` without `--data`).
 */
export const DATA_DIR_VARIABLE = "REPRODUCE_DATA_DIR";

/**
 * The data folder a call that names none reads ({@link loadCaseSeries}, `loadReadings`,
 * `analysisVariants`): in a kernel `deno task reproduce` started (its `RESULTS_DIR` set), the
 * folder in {@link DATA_DIR_VARIABLE} (the notebooks of `reproduce --data DIR` read `DIR`); else,
 * and when the variables may not be read, {@link DEFAULT_DATA_DIR}. A variable left set in a
 * shell does not move a test or a script: it counts only beside the runner's `RESULTS_DIR`.
 *
 * @returns The folder, ending in `/`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { DATA_DIR_VARIABLE, dataFolder, DEFAULT_DATA_DIR } from "#lib/load.ts";
 * const set = Deno.permissions.querySync({ name: "env", variable: "RESULTS_DIR" });
 * // Outside a kernel of the runner (no RESULTS_DIR), always the repository's data/.
 * if (set.state !== "granted" || !Deno.env.get("RESULTS_DIR")) {
 *   assert.equal(dataFolder(), DEFAULT_DATA_DIR);
 * }
 * ```
 */
export function dataFolder(): string {
  let dir: string | undefined;
  try {
    const may = (variable: string) =>
      Deno.permissions.querySync({ name: "env", variable }).state === "granted";
    if (may(DATA_DIR_VARIABLE) && may("RESULTS_DIR") && Deno.env.get("RESULTS_DIR")) {
      dir = Deno.env.get(DATA_DIR_VARIABLE);
    }
  } catch {
    // no permission to ask: the repository's data
  }
  return dir ? dir.replace(/[\\/]?$/, "/") : DEFAULT_DATA_DIR;
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
   * Where warnings go (they do not stop the load): a source text that does not begin with its
   * citation and licence in brackets; a drug of interest given to no case (with the nearest drug
   * given); terms outside the recommended open vocabularies
   * (`vocabulary.ts`), one per distinct term, file and column, at its first row; a point placed
   * `after` its anchor with no `bound` that a later row dated from another anchor follows in the
   * narrative (`data/narrative.ts`), at its `bound`.
   */
  warnings?: DataIssue[];
  /**
   * Whether the large tables are parsed on a second thread while this one checks the tables
   * before them (`data/prefetch.ts`): true for tables of at least `PREFETCH_MIN_BYTES` (4 MiB),
   * a number for tables of at least that many bytes, false for none. The default is true with
   * more than one core, else false. The series and every message are the same either way, except
   * near the heap's limit: the heap guard (`data/memory.ts`) checks each thread's heap at its own
   * pace, so a load refused as too large may name another table, and a load one thread refuses
   * may pass on two.
   */
  parallel?: boolean | number;
}

/** The schema of {@link LoadOptions}. */
const loadOptionsSchema = z.object({
  replace: z.instanceof(Map).optional(),
  deriveDays: z.boolean().optional(),
  warnings: z.array(z.any()).optional(),
  parallel: z.union([z.boolean(), z.number().nonnegative()]).optional(),
}).strict() as z.ZodType<LoadOptions>;

/**
 * Loads and validates the dataset. Collects every problem in every table before throwing a
 * {@link DataValidationError} (problems in reporting order: see the module description); never
 * returns partial data.
 *
 * @param dataDir The data folder (default: {@link dataFolder}, the repository's `data/` unless
 * `deno task reproduce --data` named another).
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
  dataDir: string = dataFolder(),
  options: LoadOptions = {},
): Promise<CaseSeries> {
  if (typeof dataDir !== "string") {
    wrongArgument("loadCaseSeries", "a data folder (a path)", dataDir);
  }
  checkOptions("loadCaseSeries", loadOptionsSchema, options);
  const dir = dataDir.replace(/\/?$/, "/");
  checkDataFolder(dataDir);
  const ctx = new LoadContext(dir, dataDir, options.replace);

  // The large tables after cases.csv are parsed on a second thread meanwhile (data/prefetch.ts).
  const { parallel = navigator.hardwareConcurrency > 1 } = options;
  if (parallel !== false) {
    const minBytes = parallel === true ? PREFETCH_MIN_BYTES : parallel;
    ctx.prefetch(["timepoints", "treatments", "events", "observations"], minBytes);
  }
  try {
    const study = readStudy(ctx);
    const sources = checkSources(ctx);
    const caseRows = checkCases(ctx);
    await ctx.parsed("timepoints");
    checkTimepoints(ctx, !options.deriveDays);
    await ctx.parsed("treatments");
    const { treatments, drugsOf, drugs } = checkTreatments(ctx, study);
    const unknownDrug = study && drugs ? drugOfInterestProblem(study.drug, drugs) : null;
    if (unknownDrug) ctx.warnings.push(unknownDrug);
    await ctx.parsed("events");
    const events = checkEvents(ctx, caseRows);
    await ctx.parsed("observations");
    const observations = checkObservations(ctx, events.firstAmputation);
    const readings = checkReadings(ctx, exists(`${dir}${READINGS_FILE}`));
    for (const [caseId, found] of ctx.narrativeOrder) {
      for (const w of unaddressed(caseId, found, readings)) ctx.warnings.push(w.issue);
    }
    const articles = checkArticles(ctx, drugsOf, observations);
    for (const w of options.warnings ? [...ctx.warnings, ...ctx.terms.warnings()] : []) {
      options.warnings!.push(w);
    }

    const error = ctx.issues.error();
    if (error) throw error;
    const cases = buildCases({
      study: study!,
      cases: caseRows,
      resolved: ctx.resolved,
      treatments,
      observations,
      events,
    });
    return { study: study!, sources, cases, articles, readings };
  } finally {
    ctx.close();
  }
}

/** Each article's claims and appraisal (`articles.ts`), checked with the same reader and quotes. */
function checkArticles(
  ctx: LoadContext,
  drugsOf: ((sourceId: string) => ReadonlySet<string>) | null,
  observations: ByCase<CaseRows<Observation, Day>>,
): ReturnType<typeof loadArticles> {
  const { caseIds, caseSource, resolved, invalid } = ctx;
  // Each article's cases, in cases.csv order, made when first asked for.
  let casesOf: Map<string, string[]> | null = null;
  const articleCases = (): Map<string, string[]> => {
    if (casesOf !== null) return casesOf;
    casesOf = new Map();
    for (const id of caseIds.keys()) {
      const of = caseSource.get(id);
      if (of === undefined) continue;
      const ids = casesOf.get(of);
      if (ids) ids.push(id);
      else casesOf.set(of, [id]);
    }
    return casesOf;
  };
  // The scales of an article's cases' values, for the unit of a claim's thresholds.
  const scalesOf = (sourceId: string, cases: readonly string[] | "all") =>
    (cases === "all" ? articleCases().get(sourceId) ?? [] : cases)
      .flatMap((id) => observations.get(id)?.values.map((o) => o.scale) ?? []);
  return loadArticles({
    dir: ctx.dir,
    read: (file, schema, onRow) => ctx.read(file, schema, onRow),
    exists,
    quote: (file, row, sourceId, column, quote) =>
      ctx.check.quote(file, row, sourceId, column, quote),
    texts: ctx.texts,
    sources: ctx.usable.has("sources") ? ctx.sourceIds : null,
    caseSource: ctx.casesKnown
      ? (id) => caseIds.has(id) ? caseSource.get(id) ?? null : undefined
      : null,
    casesOf: ctx.casesKnown ? (sourceId) => articleCases().get(sourceId) ?? [] : null,
    drugsOf,
    scalesOf: ctx.usable.has("observations") && ctx.casesKnown ? scalesOf : null,
    hasTime: ctx.timesKnown
      ? (caseId, timeId) =>
        timeOf(resolved.times.get(caseId), timeId) !== undefined ||
        invalid.get(caseId)?.has(timeId) === true ||
        resolved.roots.get(caseId)?.has(timeId) === true
      : null,
    issues: ctx.issues,
    warnings: ctx.warnings,
  });
}
