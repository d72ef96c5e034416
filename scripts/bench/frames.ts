/**
 * Dataframes benchmark: generates synthetic case series (`scripts/synthetic.ts`, 10 VAS values per
 * case, seed 1) of each size and, in a fresh Deno process per size (default heap), loads one and
 * times `frames` on it (`lib/frames.ts`: the five Arquero tables a notebook user asks for), with
 * the heap before and after it and the process's peak memory (resident set).
 *
 * ```sh
 * deno task bench frames            # or, alone:
 * deno run --allow-read --allow-write=.tmp --allow-run=deno scripts/bench/frames.ts [cases...]
 * ```
 *
 * Default sizes: 20,000 and 100,000 cases (200,000 and 1,000,000 observations). Prints one
 * Markdown table row per size. Speed targets live here, not in tests.
 *
 * @module
 */
import process from "node:process";
import { fileURLToPath } from "node:url";
import { SCRATCH } from "../runner/paths.ts";
import { writeSyntheticSeries } from "../synthetic.ts";
import { loadCaseSeries } from "../../lib/load.ts";
import { frames } from "../../lib/frames.ts";

/** What one measurement gives. */
interface Measure {
  observations: number;
  rows: number;
  loadMs: number;
  framesMs: number;
  heapBeforeMiB: number;
  heapAfterMiB: number;
  peakMiB: number;
}

const MIB = 2 ** 20;

/** Measures one folder in this process (the child side). */
async function measure(dir: string): Promise<Measure> {
  const t0 = performance.now();
  const series = await loadCaseSeries(dir);
  await import("arquero"); // loaded once by the first call: outside the timing
  const t1 = performance.now();
  const before = Deno.memoryUsage().heapUsed;
  const t = await frames(series);
  const t2 = performance.now();
  const after = Deno.memoryUsage().heapUsed;
  return {
    observations: t.observations.numRows(),
    rows: Object.values(t).reduce((s, x) => s + x.numRows(), 0),
    loadMs: t1 - t0,
    framesMs: t2 - t1,
    heapBeforeMiB: before / MIB,
    heapAfterMiB: after / MIB,
    peakMiB: process.resourceUsage().maxRSS / 1024,
  };
}

if (import.meta.main) {
  if (Deno.args[0] === "--child") {
    console.log(JSON.stringify(await measure(Deno.args[1])));
  } else {
    const sizes = Deno.args.length > 0 ? Deno.args.map(Number) : [20_000, 100_000];
    if (sizes.some((n) => !Number.isSafeInteger(n) || n < 1)) {
      console.error("usage: scripts/bench/frames.ts [cases...]");
      Deno.exit(2);
    }
    const self = fileURLToPath(import.meta.url);
    console.log(
      "| cases | observations | rows (5 tables) | load | frames | heap before → after | peak RSS |",
    );
    console.log("|---:|---:|---:|---:|---:|---:|---:|");
    for (const size of sizes) {
      const tmp = await scratchDir("frames-bench-");
      try {
        await writeSyntheticSeries(`${tmp}/series`, { cases: size });
        const out = await new Deno.Command("deno", {
          args: ["run", "--quiet", "--allow-read", "--allow-env", self, "--child", `${tmp}/series`],
          stderr: "inherit",
        }).output();
        if (!out.success) throw new Error(`measurement of ${size} cases failed`);
        const m: Measure = JSON.parse(new TextDecoder().decode(out.stdout));
        const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
        const n = (x: number) => x.toLocaleString("en");
        console.log(
          `| ${n(size)} | ${n(m.observations)} | ${n(m.rows)} | ${s(m.loadMs)} | ` +
            `${s(m.framesMs)} | ${Math.round(m.heapBeforeMiB)} → ${Math.round(m.heapAfterMiB)} ` +
            `MiB | ${Math.round(m.peakMiB)} MiB |`,
        );
      } finally {
        await Deno.remove(tmp, { recursive: true });
      }
    }
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
