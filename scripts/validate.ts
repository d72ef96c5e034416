/**
 * `deno task validate [dataDir]`: checks the dataset (default: the repository's `data/`): every
 * table, the source texts, and `readings.csv` (alternative readings) where the folder has one:
 * its rows, and the dataset under each reading (`readingProblems`).
 *
 * - Valid data: a one-line summary (with the number of warnings, if any), then a `note:` line for
 *   each case some analyses will exclude (no VAS value, never takes the drug of interest), then
 *   the warnings; exit 0.
 * - Invalid data: one line per problem as `file:row:column: message` (row or column left empty
 *   when the problem has none: `events.csv::: file not found`), root causes first, the first
 *   {@link SHOWN_ISSUES} then a count, then the warnings, then the counts; exit 1. The study's
 *   indication must be the purpose of some treatment.
 * - Warnings (a term outside a recommended open vocabulary, `lib/vocabulary.ts`; a point placed
 *   `after` its anchor with no `bound` that a later row dated from another anchor follows,
 *   `lib/data/narrative.ts`; a stale `datapackage.json`; a header column out of the schema's
 *   order, {@link headerOrderWarnings}) never fail the data: each is
 *   `file:row:column: warning: message`, on standard error after the problems.
 * - `--help` or `-h`: the usage, exit 0. A wrong argument (more than one, an option, a path that
 *   is not a folder): the argument named once, then the usage, exit 2 (`cli_args.ts`).
 *
 * The task grants read access only (`--allow-read`, any path): the data folder is the user's
 * argument and a task cannot put an argument into a permission flag; a launcher re-running Deno
 * with `--allow-read=<dataDir>` would need permission to run Deno, which is wider than reading.
 * Each reading's variant of the data is checked in memory.
 *
 * @module
 */
import { type DataIssue, DataValidationError, formatIssue, SHOWN_ISSUES } from "../lib/errors.ts";
import { DEFAULT_DATA_DIR, loadCaseSeries } from "../lib/load.ts";
import { readingProblems } from "../lib/readings.ts";
import { warnOnOtherDeno } from "../lib/runtime.ts";
import { typedPath } from "./typed_path.ts";
import { expectDataFolder, folderArgument } from "./cli_args.ts";
import { caseNotes } from "../lib/summary.ts";
import { indicationProblem } from "../lib/vocabulary.ts";
import { articleFolders, dataPackage, dataPackageJson } from "../lib/datapackage.ts";
import { splitLine } from "../lib/csv.ts";

const USAGE = "usage: deno task validate [dataDir]";

/** `n thing(s)`. */
const plural = (n: number, thing: string) => `${n} ${thing}${n === 1 ? "" : "s"}`;

/**
 * Prints the warnings after everything else (after the errors, when there are any), each as
 * `file:row:column: warning: message`, the first {@link SHOWN_ISSUES}, then a count.
 */
function printWarnings(warnings: readonly DataIssue[]): void {
  for (const w of warnings.slice(0, SHOWN_ISSUES)) {
    console.error(formatIssue({ ...w, message: `warning: ${w.message}` }));
  }
  if (warnings.length > SHOWN_ISSUES) {
    console.error(`... and ${warnings.length - SHOWN_ISSUES} more warnings`);
  }
}

/** The command's name and usage line, for its messages. */
const COMMAND = { command: "validate", usage: USAGE };

/**
 * A warning when the folder's `datapackage.json` (Frictionless) no longer describes its tables
 * and article folders as `deno task datapackage` would write it (an article folder added, a
 * column changed); `null` when it does, or when the folder has none (a synthetic series).
 *
 * @param dir The data folder.
 * @returns The warning, or null.
 */
export function staleDataPackage(dir: string): DataIssue | null {
  const file = `${dir.replace(/\/?$/, "/")}datapackage.json`;
  let text: string;
  try {
    text = Deno.readTextFileSync(file);
  } catch {
    return null;
  }
  if (text === dataPackageJson(articleFolders(dir))) return null;
  return {
    file: "datapackage.json",
    message: "does not describe the tables and article folders as they are (an article folder " +
      "added or a column changed since it was written): run `deno task datapackage` " +
      "on this folder",
  };
}

/**
 * The header line of a CSV file (its first line, without a byte order mark), or `null` when the
 * file cannot be read; reads its first 64 KiB only (a header is short, a table may not be).
 *
 * @param path The file.
 */
function headerLine(path: string): string | null {
  let file: Deno.FsFile;
  try {
    file = Deno.openSync(path);
  } catch {
    return null;
  }
  try {
    const buf = new Uint8Array(64 * 1024);
    const n = file.readSync(buf) ?? 0;
    return new TextDecoder().decode(buf.subarray(0, n)).split(/\r?\n/)[0];
  } finally {
    file.close();
  }
}

/**
 * The columns of a header that are out of the schema's order: those left over by the longest run
 * of the header's schema columns that keeps the schema's order, each with the schema column it
 * belongs after (`null`: first).
 *
 * @param header The header's columns.
 * @param fields The schema's columns, in order.
 * @returns The misplaced columns, in the header's order.
 */
export function misplacedColumns(
  header: readonly string[],
  fields: readonly string[],
): { column: string; after: string | null }[] {
  const rank = new Map(fields.map((f, i) => [f, i]));
  const known = header.filter((h) => rank.has(h));
  // Longest increasing subsequence of the schema ranks (headers are a few dozen columns).
  const best = known.map(() => 1);
  const prev = known.map(() => -1);
  for (let i = 0; i < known.length; i++) {
    for (let j = 0; j < i; j++) {
      if (rank.get(known[j])! < rank.get(known[i])! && best[j] + 1 > best[i]) {
        [best[i], prev[i]] = [best[j] + 1, j];
      }
    }
  }
  const kept = new Set<string>();
  for (let i = best.indexOf(Math.max(0, ...best)); i >= 0; i = prev[i]) kept.add(known[i]);
  const present = fields.filter((f) => known.includes(f));
  return known.filter((h) => !kept.has(h)).map((column) => {
    const at = present.indexOf(column);
    return { column, after: at > 0 ? present[at - 1] : null };
  });
}

/**
 * A warning for each column of a table's header that is out of the schema's order. The loader
 * reads columns by name, so the data loads; but `datapackage.json` lists each table's fields in
 * the schema's order, which the published header should follow (`tests/datapackage_test.ts`).
 *
 * @param dir The data folder.
 * @returns The warnings (`<table>.csv:1:<column>`), none when every header is in order.
 */
export function headerOrderWarnings(dir: string): DataIssue[] {
  const root = dir.replace(/\/?$/, "/");
  const out: DataIssue[] = [];
  for (const resource of dataPackage(articleFolders(dir)).resources) {
    if (resource.format !== "csv" || !resource.schema) continue;
    const line = headerLine(`${root}${resource.path}`);
    const header = line === null ? null : splitLine(line.replace(/^\uFEFF/, ""));
    if (!Array.isArray(header)) continue; // not there or unreadable: the loader says so
    const fields = resource.schema.fields.map((f) => f.name);
    for (const { column, after } of misplacedColumns(header, fields)) {
      out.push({
        file: resource.path,
        row: 1,
        column,
        message:
          `out of the schema's order (expected ${
            after === null ? "first" : `after ${after}`
          }): datapackage.json lists fields in schema order, and the published table follows it ` +
          "(the data loads: columns are read by name)",
      });
    }
  }
  return out;
}

if (import.meta.main) {
  const arg = folderArgument(Deno.args, COMMAND);
  warnOnOtherDeno();
  const typed = arg ?? DEFAULT_DATA_DIR;
  const dir = arg === undefined ? DEFAULT_DATA_DIR : typedPath(arg);
  await expectDataFolder(dir, typed, COMMAND);
  const warnings: DataIssue[] = [];
  try {
    const series = await loadCaseSeries(dir, { warnings });
    const indication = indicationProblem(
      series.study.indication,
      series.cases.flatMap((c) => c.treatments),
    );
    if (indication) throw new DataValidationError([indication]);
    const readings = await readingProblems(dir);
    if (readings.length > 0) throw new DataValidationError(readings);
    const stale = staleDataPackage(dir);
    if (stale) warnings.push(stale);
    warnings.push(...headerOrderWarnings(dir));
    let treatments = 0, observations = 0, events = 0, timepoints = 0;
    for (const c of series.cases) {
      treatments += c.treatments.length;
      observations += c.observations.length;
      events += c.events.length;
      timepoints += c.timepoints.length;
    }
    console.log(
      `ok: ${series.cases.length} cases, ${treatments} treatments, ${observations} observations, ` +
        `${events} events, ${timepoints} time points (data folder: ${dir})` +
        (warnings.length > 0 ? `; ${plural(warnings.length, "warning")} (below)` : ""),
    );
    for (const note of caseNotes(series)) console.log(`note: ${note}`);
    printWarnings(warnings);
  } catch (e) {
    if (!(e instanceof DataValidationError)) {
      console.error(`error: ${(e as Error).message}`);
      Deno.exit(1);
    }
    for (const issue of e.issues.slice(0, SHOWN_ISSUES)) console.error(formatIssue(issue));
    const more = e.total - Math.min(SHOWN_ISSUES, e.issues.length);
    if (more > 0) console.error(`... and ${more} more`);
    printWarnings(warnings);
    console.error(
      `${plural(e.total, "problem")} found` +
        (warnings.length > 0 ? `, and ${plural(warnings.length, "warning")}` : "") +
        ` (data folder: ${dir})`,
    );
    Deno.exit(1);
  }
}
