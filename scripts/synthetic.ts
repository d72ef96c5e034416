/**
 * `deno task synthetic <cases> <dir> [--observations N] [--cases-per-source K] [--seed S]`:
 * writes a valid, seeded, clearly synthetic case series in the data format to `<dir>` (the six
 * tables and `sources/<id>.txt`), for benchmarks and scale tests. Every quote is a real substring
 * of the synthetic article's text and states the row's numbers, so the loader's provenance checks
 * run on it exactly as on real data. Same arguments, same bytes.
 *
 * Each synthetic article reports `K` cases (default 5, like a small case series); each case has
 * `N` VAS observations (default 10), half before and half after the start of the drug of interest
 * (the repository's `data/study.json`, copied into the folder), one comparator drug before it, and one amputation on day 0.
 *
 * `--help` or `-h` prints the usage (exit 0); a wrong argument prints what is wrong and the usage
 * (exit 2, `cli_args.ts`).
 *
 * @module
 */
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { columnsOf, type TableName } from "../lib/schema.ts";
import { parseStudy } from "../lib/study.ts";
import { plural } from "../lib/prose.ts";
import { DEFAULT_DATA_DIR, STUDY_FILE } from "../lib/load.ts";
import { typedPath } from "./typed_path.ts";
import { exitOnHelp, usageError } from "./cli_args.ts";
import { onStopSignal } from "./stop_signals.ts";

/** What to generate. */
export interface SyntheticOptions {
  /** Number of cases. */
  cases: number;
  /** VAS observations per case (default 10). */
  observationsPerCase?: number;
  /** Cases reported by each synthetic article (default 5). */
  casesPerSource?: number;
  /** Seed of the random stream (default 1). */
  seed?: number;
  /** Stops the run (what it wrote is removed). */
  signal?: AbortSignal;
}

/** The tables a synthetic series writes, in the order it writes them. */
const TABLES = ["sources", "cases", "timepoints", "treatments", "observations", "events"] as const;

/**
 * Makes `dir` (and its parents) if needed and creates, empty, every file and folder a synthetic
 * series writes there: the tables, `study.json` and `sources/`. One that exists already (a table
 * of the user's, the project's own data) is refused before anything is written, and what this
 * call created is removed: the generator never overwrites what it did not write. Needs write
 * access only (creating a file that exists fails).
 *
 * @returns What it created (a run that fails removes them).
 * @throws {Deno.errors.AlreadyExists} Naming the folder and what it holds.
 */
function claimFolder(dir: string): string[] {
  Deno.mkdirSync(dir, { recursive: true });
  const made: string[] = [];
  for (const name of ["sources/", ...TABLES.map((t) => `${t}.csv`), STUDY_FILE]) {
    const path = `${dir}/${name}`;
    try {
      if (name.endsWith("/")) Deno.mkdirSync(path);
      else Deno.openSync(path, { write: true, createNew: true }).close();
      made.push(path);
    } catch (e) {
      for (const p of made.reverse()) Deno.removeSync(p);
      if (!(e instanceof Deno.errors.AlreadyExists)) throw e;
      throw new Deno.errors.AlreadyExists(
        `'${dir}' already holds ${name}: a synthetic series is written only where none of its ` +
          `files exist (its six tables, ${STUDY_FILE}, sources/), so that nothing is ` +
          "overwritten. Choose a new or empty folder (a run stopped by force leaves its files: " +
          "remove them).",
      );
    }
  }
  return made;
}

/** What was written: the number of rows of each table. */
export type SyntheticCounts = Record<TableName, number>;

const MARK = "SYNTHETIC";

/** Quotes a CSV cell when it needs it (RFC 4180). */
function cell(value: string | number | null): string {
  const s = value === null ? "" : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** A row's cells by column name; a column left out is empty. */
type Row = Record<string, string | number | null>;

/**
 * A buffered writer of CSV lines to one file. Rows are given by column name and written in the
 * schema's order, so that a new column (empty here) needs no change to this script.
 */
class Table {
  #lines: string[] = [];
  #file: Deno.FsFile;
  #encoder = new TextEncoder();
  #columns: string[];
  #path: string;
  rows = 0;
  constructor(path: string, columns: string[]) {
    this.#file = Deno.openSync(path, { write: true, create: true, truncate: true });
    this.#columns = columns;
    this.#path = path;
    this.#lines.push(columns.join(","));
  }
  async add(row: Row): Promise<void> {
    for (const key of Object.keys(row)) {
      if (!this.#columns.includes(key)) throw new Error(`${this.#path}: no column '${key}'`);
    }
    this.#lines.push(this.#columns.map((c) => cell(row[c] ?? null)).join(","));
    this.rows++;
    if (this.#lines.length >= 10_000) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.#lines.length === 0) return;
    const bytes = this.#encoder.encode(this.#lines.join("\n") + "\n");
    this.#lines = [];
    let written = 0;
    while (written < bytes.length) written += await this.#file.write(bytes.subarray(written));
  }
  async close(): Promise<void> {
    await this.flush();
    this.#file.close();
  }
  /** Closes the file without writing what is left (a run that failed). */
  abandon(): void {
    try {
      this.#file.close();
    } catch {
      // closed already
    }
  }
}

/** The `timepoints.csv` row of a time point stated as day `d` after the amputation. */
function exactDay(caseId: string, timeId: string, d: number, quote: string): Row {
  return {
    case_id: caseId,
    time_id: timeId,
    rule: "exact",
    anchor: "amputation",
    amount: d,
    unit: "day",
    day_lo: d,
    day_nominal: d,
    day_hi: d,
    words: `day ${d}`,
    quote,
  };
}

/** What writing a case needs: the tables, the seeded random stream, the study's drug. */
interface Writer {
  /** The tables being written. */
  t: Record<TableName, Table>;
  /** A whole number from `lo` to `hi`, from the seeded stream. */
  int: (lo: number, hi: number) => number;
  /** One of `xs`, from the seeded stream. */
  pick: <T>(xs: readonly T[]) => T;
  /** The study's drug of interest. */
  drug: string;
  /** The study's indication. */
  indication: string;
  /** VAS values per case. */
  observationsPerCase: number;
}

/**
 * Writes a case's row, its amputation (time point and event), drawing its demographics from the
 * random stream; returns the sentence of the source text that states them.
 */
async function writeCaseRecord(w: Writer, id: string, sourceId: string): Promise<string> {
  const { t, int, pick } = w;
  const age = int(18, 90);
  const sex = pick(["male", "female"] as const);
  const limb = pick(["upper", "lower"] as const);
  const side = pick(["left", "right"] as const);
  const level = pick(limb === "upper" ? ["forearm", "upper arm"] : ["thigh", "lower leg"]);
  const cause = pick(["traumatic injury", "vascular disease", "tumour"]);
  const sds = int(0, 2) === 0 ? null : int(25, 70);
  const demographics = `Case ${id}, a ${age}-year-old ${sex}`;
  const causeQuote = `lost a limb through ${cause}`;
  const amputation = `amputation of the ${side} ${limb} limb at the level of the ${level}`;
  const sdsQuote = sds === null ? null : `scored ${sds} points on the SDS`;
  await t.cases.add({
    case_id: id,
    source_id: sourceId,
    age,
    sex,
    limb,
    side,
    level,
    cause,
    sds,
    day0: "the day of the amputation",
    demographics_quote: demographics,
    cause_quote: causeQuote,
    amputation_quote: amputation,
    sds_quote: sdsQuote,
  });
  await t.timepoints.add({
    case_id: id,
    time_id: "amputation",
    rule: "origin",
    day_lo: 0,
    day_nominal: 0,
    day_hi: 0,
    words: "the amputation",
    quote: amputation,
  });
  await t.events.add({
    case_id: id,
    kind: "amputation",
    time: "amputation",
    description: `${limb} limb amputation`,
    quote: amputation,
  });
  return `${demographics} (${MARK.toLowerCase()}), ${causeQuote}. Day 0 was the ${amputation}.` +
    (sdsQuote === null ? "" : ` The patient ${sdsQuote}.`);
}

/**
 * Writes a case's course: a comparator from day 1, the drug from between the two halves of its
 * values, and its VAS values (drifting before the drug, falling after); returns the sentences of
 * the source text that state them.
 */
async function writeCourse(w: Writer, id: string): Promise<string> {
  const { t, int, drug } = w;
  const comparator = "comparator";
  // Observation days: strictly increasing; the drug starts between the two halves.
  const n = w.observationsPerCase;
  const days: number[] = [];
  let day = int(2, 10);
  for (let k = 0; k < n; k++) {
    days.push(day);
    day += int(1, 14);
  }
  const half = Math.ceil(n / 2);
  const drugDay = half < n ? days[half] - int(1, days[half] - days[half - 1]) : day;
  const doses = [int(1, 8) * 25, int(1, 8) * 10];
  const sentences = [
    [
      "comparator_start",
      1,
      `From day 1 ${comparator} ${doses[1]} mg/day was given`,
    ],
    ["drug_start", drugDay, `On day ${drugDay} ${drug} ${doses[0]} mg/day was started`],
  ] as const;
  for (const [timeId, d, quote] of sentences) {
    await t.timepoints.add(exactDay(id, timeId, d, quote));
  }
  await t.treatments.add({
    case_id: id,
    drug: comparator,
    drug_class: "synthetic comparator",
    dose_mg_per_day: doses[1],
    start: "comparator_start",
    end: "drug_start",
    purpose: w.indication,
    quote: sentences[0][2],
  });
  await t.treatments.add({
    case_id: id,
    drug,
    drug_class: "synthetic class",
    dose_mg_per_day: doses[0],
    start: "drug_start",
    purpose: w.indication,
    quote: sentences[1][2],
  });
  const obs: string[] = [];
  let vas = int(50, 95);
  for (let k = 0; k < n; k++) {
    if (k >= half) vas = Math.max(0, vas - int(0, 20));
    else vas = Math.min(100, Math.max(0, vas + int(-5, 5)));
    const v = (vas / 10).toFixed(1);
    const timeId = `v${k + 1}`;
    const quote = `on day ${days[k]} the pain VAS was ${v}`;
    obs.push(quote);
    await t.timepoints.add(exactDay(id, timeId, days[k], quote));
    await t.observations.add({
      case_id: id,
      time: timeId,
      scale: "vas-10cm",
      value_lo: v,
      value_nominal: v,
      value_hi: v,
      value_rule: "exact",
      value_words: `pain VAS ${v}`,
      quote,
    });
  }
  return `${sentences[0][2]}. ${sentences[1][2]}. The values were: ${obs.join("; ")}.`;
}

/**
 * Writes a synthetic case series to `dir` (created if needed; existing tables overwritten).
 *
 * @param dir Folder to write the tables and `sources/` into.
 * @param options Size and seed.
 * @returns The number of rows written to each table.
 * @example
 * ```ts
 * import { writeSyntheticSeries } from "./synthetic.ts";
 * const dir = await Deno.makeTempDir();
 * const counts = await writeSyntheticSeries(dir, { cases: 2, observationsPerCase: 4 });
 * counts.observations; // 8
 * ```
 */
export async function writeSyntheticSeries(
  dir: string,
  options: SyntheticOptions,
): Promise<SyntheticCounts> {
  const { cases, observationsPerCase = 10, casesPerSource = 5, seed = 1 } = options;
  for (const [name, v] of Object.entries({ cases, observationsPerCase, casesPerSource, seed })) {
    if (!Number.isSafeInteger(v) || v < (name === "seed" || name === "cases" ? 0 : 1)) {
      throw new RangeError(`${name} must be a whole number (got ${v})`);
    }
  }
  const made = claimFolder(dir);
  try {
    return await writeInto(
      dir,
      { cases, observationsPerCase, casesPerSource, seed },
      options.signal,
    );
  } catch (e) {
    // Nothing half-written: what this run created goes (sources/ holds only its own texts).
    for (const path of made.reverse()) Deno.removeSync(path, { recursive: true });
    throw e;
  }
}

/** Writes a synthetic series into the files {@link claimFolder} created. */
async function writeInto(
  dir: string,
  options: Required<Omit<SyntheticOptions, "signal">>,
  signal: AbortSignal | undefined,
): Promise<SyntheticCounts> {
  const { cases, observationsPerCase, casesPerSource, seed } = options;
  const rng = xoroshiro128plus(seed);
  const int = (lo: number, hi: number) => uniformInt(rng, lo, hi);
  const pick = <T>(xs: readonly T[]) => xs[int(0, xs.length - 1)];
  const t = Object.fromEntries(
    TABLES.map((name) => [name, new Table(`${dir}/${name}.csv`, columnsOf(name))]),
  ) as Record<TableName, Table>;
  try {
    const studyText = await Deno.readTextFile(`${DEFAULT_DATA_DIR}${STUDY_FILE}`);
    const STUDY = parseStudy(JSON.parse(studyText));
    await Deno.writeTextFile(`${dir}/${STUDY_FILE}`, studyText);
    const writer: Writer = {
      t,
      int,
      pick,
      drug: STUDY.drug,
      indication: STUDY.indication,
      observationsPerCase,
    };
    const sourceCount = Math.ceil(cases / casesPerSource);
    const width = String(Math.max(cases, 1)).length;

    for (let s = 0; s < sourceCount; s++) {
      signal?.throwIfAborted();
      const sourceId = `synthetic-${String(s + 1).padStart(String(sourceCount).length, "0")}`;
      const text: string[] = [
        `[${MARK} TEXT generated by scripts/synthetic.ts with seed ${seed}: article ${s + 1} of ` +
        `${sourceCount}. No real article, no real patient; every number below is random.]`,
        "",
      ];
      await t.sources.add({
        source_id: sourceId,
        citation: `${MARK} DATA, not a real article: generated by scripts/synthetic.ts ` +
          `(seed ${seed}), article ${s + 1} of ${sourceCount}.`,
        licence: "CC0 (synthetic, generated)",
        text_path: `sources/${sourceId}.txt`,
      });
      const last = Math.min(cases, (s + 1) * casesPerSource);
      for (let i = s * casesPerSource; i < last; i++) {
        const id = `syn-${String(i + 1).padStart(width, "0")}`;
        text.push(await writeCaseRecord(writer, id, sourceId));
        text.push(await writeCourse(writer, id), "");
      }
      await Deno.writeTextFile(`${dir}/sources/${sourceId}.txt`, text.join("\n"));
    }
    const counts = {} as SyntheticCounts;
    for (const [name, table] of Object.entries(t) as [TableName, Table][]) {
      await table.close();
      counts[name] = table.rows;
    }
    return counts;
  } catch (e) {
    for (const table of Object.values(t)) table.abandon();
    throw e;
  }
}

/** What one row of each table is, in the summary line (`validate` counts in the same words). */
const ROW_NOUNS: Readonly<Record<TableName, string>> = {
  sources: "source",
  cases: "case",
  timepoints: "time point",
  treatments: "treatment",
  observations: "observation",
  events: "event",
};

if (import.meta.main) {
  const cli = {
    command: "synthetic",
    usage: "usage: deno task synthetic <cases> <dir> " +
      "[--observations N] [--cases-per-source K] [--seed S]",
  };
  exitOnHelp(Deno.args, cli);
  const positional: string[] = [];
  const flags: Record<string, number> = {};
  const args = [...Deno.args];
  while (args.length > 0) {
    const a = args.shift()!;
    if (["--observations", "--cases-per-source", "--seed"].includes(a)) {
      const v = args.shift();
      if (v === undefined || !/^\d+$/.test(v)) usageError(cli, `${a} needs a whole number`);
      flags[a] = Number(v);
    } else if (a.startsWith("-")) usageError(cli, `unknown option '${a}'`);
    else positional.push(a);
  }
  if (positional.length !== 2 || !/^\d+$/.test(positional[0])) {
    usageError(cli, "expected a number of cases (a whole number) and a folder");
  }
  if (positional[1] === "") usageError(cli, "the folder is an empty name");
  let counts: SyntheticCounts;
  // Ctrl-C (or SIGTERM; Ctrl-Break on Windows) stops the run between articles, and what it
  // wrote is removed.
  const stop = new AbortController();
  onStopSignal(() => stop.abort());
  try {
    counts = await writeSyntheticSeries(typedPath(positional[1]), {
      cases: Number(positional[0]),
      observationsPerCase: flags["--observations"],
      casesPerSource: flags["--cases-per-source"],
      seed: flags["--seed"],
      signal: stop.signal,
    });
  } catch (e) {
    if (stop.signal.aborted) {
      console.error(`synthetic: stopped; nothing of the run is left in '${positional[1]}'`);
      Deno.exit(130);
    }
    if (!(e instanceof Deno.errors.AlreadyExists || e instanceof Error && "code" in e)) throw e;
    console.error(`synthetic: cannot write '${positional[1]}': ${(e as Error).message}`);
    Deno.exit(1);
  }
  console.log(
    `wrote ${positional[1]}: ` +
      Object.entries(counts).map(([name, n]) => plural(n, ROW_NOUNS[name as TableName])).join(", "),
  );
}
