/**
 * Load benchmark: generates synthetic case series (`scripts/synthetic.ts`, 10 VAS values per
 * case, 5 cases per article, seed 1) of each size and, in a fresh Deno process per size, times
 * loading and validating them (`loadCaseSeries`: parsing, schema, cross-table and provenance
 * checks) and the per-case summary (`caseSummary`), with the CPU time and peak memory (resident
 * set) of that process. Beside it, when `/usr/bin/python3` has pandas, the reference the loader
 * is compared with: pandas reading the same tables and summarising the same VAS values by case
 * (`pandas_reference.py`: no checks, no source texts), its time, its peak memory and the ratio.
 *
 * ```sh
 * deno task bench load            # or, alone:
 * deno run --allow-read --allow-write=.tmp --allow-run=deno,/usr/bin/python3 \
 *   scripts/bench/load.ts [observations...]
 * ```
 *
 * Default sizes: 10,000, 100,000 and 1,000,000 observations. Prints one Markdown table row per
 * size. Speed targets live here, not in tests: see the project's issue on loader scale.
 *
 * A size the loader refuses is a row saying so, with the loader's message, its time and memory:
 * the series is held in memory, so the loader refuses a table over its documented size limit
 * (`MAX_TABLE_BYTES`, `lib/read.ts`: at 10,000,000 observations `timepoints.csv` is 1.2 GB) before
 * reading it, and a heap that would not hold the series (`lib/data/memory.ts`), rather than crash.
 * Its other tables are still read and checked, and the run ends with the located message.
 *
 * `--parse <dir>` times one stage alone, with less noise than a whole load on a shared machine:
 * the CSV reader and row schemas (`TableReader`, no handler work, no other table) over the two
 * largest tables of a prepared folder, read twice, printing the CPU seconds of that part and the
 * rows read, then the CPU seconds of reading the same two tables twice straight into columns as
 * the second thread of a load does (`lib/data/read_columns.ts`). A change to `lib/csv*.ts` or to
 * that module is measured with it, back to back with the commit before.
 *
 * @module
 */
import process from "node:process";
import { fileURLToPath } from "node:url";
import { SCRATCH } from "../runner/paths.ts";
import { writeSyntheticSeries } from "../synthetic.ts";
import { loadCaseSeries } from "../../lib/load.ts";
import { caseSummary } from "../../lib/summary.ts";
import { DataValidationError } from "../../lib/errors.ts";
import { TableReader } from "../../lib/csv.ts";
import { tableSchemas } from "../../lib/schema.ts";
import { readColumns } from "../../lib/data/read_columns.ts";
/** Debian's Python, for the optional pandas reference. */
const PYTHON = "/usr/bin/python3";

/** What one measurement gives. */
interface Measure {
  observations: number;
  loadMs: number;
  summaryMs: number;
  cpuS: number;
  peakMiB: number;
  heapMiB: number;
}

/** CPU seconds (user + system) of this process so far, and its peak resident set in MiB. */
function usage(): { cpuS: number; peakMiB: number } {
  const r = process.resourceUsage();
  return { cpuS: (r.userCPUTime + r.systemCPUTime) / 1e6, peakMiB: r.maxRSS / 1024 };
}

/** What the child gives when the loader refuses the data (too large to hold), with its reason. */
interface Refusal {
  refused: string;
  loadMs: number;
  cpuS: number;
  peakMiB: number;
}

/**
 * Measures one folder in this process (the child side). A data folder the loader refuses as too
 * large (a table over its size limit, or a heap that would not hold the series) is a refusal with
 * its message, not a failure of the benchmark.
 */
async function measure(dir: string): Promise<Measure | Refusal> {
  const t0 = performance.now();
  let series;
  try {
    series = await loadCaseSeries(dir);
  } catch (e) {
    if (!(e instanceof DataValidationError || e instanceof RangeError)) throw e;
    const first = e instanceof DataValidationError ? e.issues[0] : null;
    const refused = first ? `${first.file}: ${first.message}` : (e as Error).message;
    return { refused, loadMs: performance.now() - t0, ...usage() };
  }
  const t1 = performance.now();
  let n = 0;
  for (const c of series.cases) n += caseSummary(c).n;
  const t2 = performance.now();
  return {
    observations: n,
    loadMs: t1 - t0,
    summaryMs: t2 - t1,
    ...usage(),
    heapMiB: Deno.memoryUsage().heapUsed / 2 ** 20,
  };
}

/**
 * CPU seconds of reading `observations.csv` and `timepoints.csv` of `dir` twice through their row
 * schemas in 64 KiB pieces (the row reader alone: rows go to a handler that counts them), the
 * rows, and the CPU seconds of reading the same files twice straight into columns, as the second
 * thread of a load does (`readColumns`: from the files, so with their reading and decoding).
 */
function parseOnly(dir: string): { cpuS: number; rows: number; columnsCpuS: number } {
  const names = ["observations", "timepoints"] as const;
  const tables = names.map((t) =>
    [t, Deno.readTextFileSync(`${dir}/${tableSchemas[t].file}`)] as const
  );
  const cpu = (before: NodeJS.CpuUsage) => {
    const { user, system } = process.cpuUsage(before);
    return (user + system) / 1e6;
  };
  const before = process.cpuUsage();
  let rows = 0;
  for (let pass = 0; pass < 2; pass++) {
    for (const [t, text] of tables) {
      const reader = new TableReader(tableSchemas[t].file, tableSchemas[t].schema, () => {
        rows++;
      }, []);
      for (let i = 0; i < text.length; i += 1 << 16) reader.push(text.slice(i, i + (1 << 16)));
      reader.end();
    }
  }
  const cpuS = cpu(before);
  const beforeColumns = process.cpuUsage();
  for (let pass = 0; pass < 2; pass++) {
    for (const t of names) {
      if (readColumns(`${dir}/${tableSchemas[t].file}`, t, dir) === null) {
        throw new Error(
          `${tableSchemas[t].file} of ${dir} is not read by column: it has a problem`,
        );
      }
    }
  }
  return { cpuS, rows, columnsCpuS: cpu(beforeColumns) };
}

/** What the pandas reference gives (see `pandas_reference.py`). */
export interface Reference {
  seconds: number;
  observations: number;
  peakMiB: number;
}

/** The pandas reference on one folder, or `null` when pandas is not installed. */
export async function pandasReference(dir: string): Promise<Reference | null> {
  const script = fileURLToPath(new URL("./pandas_reference.py", import.meta.url));
  let out: Deno.CommandOutput;
  try {
    out = await new Deno.Command(PYTHON, { args: [script, dir], stderr: "inherit" }).output();
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null;
    throw e;
  }
  if (out.code === 3) return null;
  if (!out.success) throw new Error(`the pandas reference failed on ${dir} (exit ${out.code})`);
  return JSON.parse(new TextDecoder().decode(out.stdout));
}

if (import.meta.main) {
  if (Deno.args[0] === "--child") {
    console.log(JSON.stringify(await measure(Deno.args[1])));
  } else if (Deno.args[0] === "--parse") {
    console.log(JSON.stringify(parseOnly(Deno.args[1])));
  } else {
    const sizes = Deno.args.length > 0 ? Deno.args.map(Number) : [10_000, 100_000, 1_000_000];
    if (sizes.some((n) => !Number.isSafeInteger(n) || n < 10 || n % 10 !== 0)) {
      console.error("usage: scripts/bench/load.ts [observations (a multiple of 10)...]");
      Deno.exit(2);
    }
    const self = fileURLToPath(import.meta.url);
    console.log(
      "| observations | load + validate | per-case summary | wall total | CPU (process) | " +
        "peak RSS | heap after | pandas, same tables | pandas peak RSS | total / pandas |",
    );
    console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    let noPandas = false;
    for (const size of sizes) {
      await onSyntheticSeries(size, self, async (dir, child) => {
        const m = child as Measure | Refusal;
        const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
        if ("refused" in m) {
          console.log(
            `| ${size.toLocaleString("en")} | refused after ${s(m.loadMs)} (${
              m.cpuS.toFixed(2)
            } s ` +
              `CPU, ${Math.round(m.peakMiB)} MiB): ${m.refused.replaceAll("|", "\\|")} ` +
              "| — | — | — | — | — | — | — | — |",
          );
          return;
        }
        const ref = await pandasReference(dir);
        if (ref && ref.observations !== m.observations) {
          throw new Error(
            `pandas read ${ref.observations} observations, the loader ${m.observations}`,
          );
        }
        noPandas ||= ref === null;
        const total = m.loadMs + m.summaryMs;
        const pandas = ref
          ? `${s(ref.seconds * 1000)} | ${Math.round(ref.peakMiB)} MiB | ` +
            `${(total / 1000 / ref.seconds).toFixed(2)}`
          : "— | — | —";
        console.log(
          `| ${m.observations.toLocaleString("en")} | ${s(m.loadMs)} | ${s(m.summaryMs)} | ` +
            `${s(total)} | ${m.cpuS.toFixed(2)} s | ` +
            `${Math.round(m.peakMiB)} MiB | ${Math.round(m.heapMiB)} MiB | ${pandas} |`,
        );
      });
    }
    console.log(
      `\nObservations: the size asked for (10 per synthetic case). Load + validate: ` +
        `loadCaseSeries with its defaults (${
          navigator.hardwareConcurrency > 1
            ? "the tables of 4 MiB or more parsed on a second thread, so CPU may exceed wall time"
            : "one thread on this single core"
        }). Heap after: the heap in use after the summary, garbage included.`,
    );
    if (noPandas) console.log(`(pandas columns empty: ${PYTHON} cannot import pandas)`);
  }
}

/**
 * Writes a synthetic series of `size` observations (10 per case) in a scratch folder, runs
 * `script --child <folder>` on it in a fresh Deno process allowed to read only, and hands the
 * folder and what that process printed (one JSON value) to `use`; the folder is removed after.
 *
 * @param size Observations (a multiple of 10).
 * @param script The benchmark's own file (its `--child` mode measures).
 * @param use What to do with the folder and the measurement.
 */
export async function onSyntheticSeries(
  size: number,
  script: string,
  use: (dir: string, child: unknown) => Promise<void>,
): Promise<void> {
  const dir = await scratchDir("bench-");
  try {
    await writeSyntheticSeries(dir, { cases: size / 10, observationsPerCase: 10 });
    const out = await new Deno.Command("deno", {
      args: ["run", "--quiet", "--allow-read", script, "--child", dir],
      stderr: "inherit",
    }).output();
    if (!out.success) throw new Error(`the measurement of ${size} observations failed`);
    await use(dir, JSON.parse(new TextDecoder().decode(out.stdout)));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/**
 * A scratch folder in the repository's `.tmp/`: the system's temporary folder is `/tmp` on Linux
 * alone (macOS: `$TMPDIR` under `/var/folders`; Windows: `%TEMP%`), outside what the benchmark
 * may write.
 */
async function scratchDir(prefix: string): Promise<string> {
  await Deno.mkdir(SCRATCH, { recursive: true });
  return await Deno.makeTempDir({ dir: SCRATCH, prefix });
}
