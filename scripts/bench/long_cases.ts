/**
 * Long cases benchmark: how the per-case analyses grow with the values of one case. Real articles
 * with long follow-up (a weekly diary over a year: 50–300 values a case) reach sizes where an
 * analysis that asks something of the whole case again for each value (quadratic) takes minutes:
 * the appraisal's computed items once took 69 s on 240 values a case.
 *
 * Generates two synthetic series (`scripts/synthetic.ts`, seed 1, 5 cases per article) with `N`
 * and `2N` values per case, and times, on each, every analysis a notebook runs for one case or
 * one article: the case notebook's tables (`activeRows`, `changeRows`, `reliefRows`, `aucRows`,
 * `rateRows`, `effectSizeRows`, `visualAnalysis`, `caseCaveats`), the dataset's CARE timeline
 * (`careTimelineRows`), the appraisal's (`checklistRows`, `causalityTableRows`, `naranjoRows`,
 * `designLimits`, `appraisalConclusion`, `labelledDoseComparison`), the sensitivity table
 * (`sensitivityTable`, `sensitivityRows`) and the series' Figure 1 (`seriesTimelineFigure`: a label
 * for every value, placed clear of the marks). Each is summed over the series' cases or articles;
 * each round loads the series afresh (so the analyses' per-case caches start empty, as in a
 * notebook) and the fastest of the rounds is kept. A first round on the smaller series, not
 * counted, warms the compiler.
 *
 * ```sh
 * deno task bench long_cases                    # N = 120 values a case, 10 cases, 3 rounds
 * deno task bench long_cases 240 --cases 20 --rounds 5
 * ```
 *
 * Prints one Markdown row per analysis: its time at `N` and `2N` values a case and their ratio.
 * Linear growth gives a ratio near 2; near 4 is quadratic in the values of one case (a regression
 * to find with `deno run -A --cpu-prof`). Measures; passes or fails on nothing.
 *
 * @module
 */
import { SCRATCH } from "../runner/paths.ts";
import { writeSyntheticSeries } from "../synthetic.ts";
import { loadCaseSeries } from "../../lib/load.ts";
import type { CaseSeries } from "../../lib/model.ts";
import {
  activeRows,
  appraisalConclusion,
  aucRows,
  careTimelineRows,
  caseCaveats,
  causalityTableRows,
  changeRows,
  checklistRows,
  designLimits,
  effectSizeRows,
  labelledDoseComparison,
  naranjoRows,
  phases,
  rateRows,
  reliefRows,
  sensitivityRows,
  sensitivityTable,
  visualAnalysis,
} from "../../lib/mod.ts";
import { seriesTimelineFigure } from "../../lib/plots/mod.ts";

/** Each analysis timed: its name and a run of it over the whole series. */
const ANALYSES: [string, (s: CaseSeries) => unknown][] = [
  ["activeRows", (s) => s.cases.map(activeRows)],
  ["changeRows", (s) => s.cases.filter((c) => !phases(c).reason).map(changeRows)],
  ["reliefRows", (s) => s.cases.filter((c) => !phases(c).reason).map(reliefRows)],
  ["aucRows", (s) => s.cases.filter((c) => !phases(c).reason).map(aucRows)],
  ["rateRows", (s) => s.cases.map(rateRows)],
  ["effectSizeRows", (s) => s.cases.filter((c) => !phases(c).reason).map((c) => effectSizeRows(c))],
  ["visualAnalysis", (s) => s.cases.map((c) => visualAnalysis(c))],
  ["caseCaveats", (s) => s.cases.map((c) => caseCaveats(s, c))],
  ["careTimelineRows", (s) => s.cases.map((c) => careTimelineRows(c))],
  [
    "checklistRows",
    (s) =>
      [...s.sources.keys()].flatMap((id) =>
        (s.articles?.checklists ?? []).map(({ id: list }) => checklistRows(s, id, list))
      ),
  ],
  [
    "causalityTableRows",
    (s) => [...s.sources.keys()].map((id) => causalityTableRows(s, id, s.study)),
  ],
  ["naranjoRows", (s) => [...s.sources.keys()].map((id) => naranjoRows(s, id, s.study))],
  ["designLimits", (s) => [...s.sources.keys()].map((id) => designLimits(s, id, s.study))],
  [
    "appraisalConclusion",
    (s) => [...s.sources.keys()].map((id) => appraisalConclusion(s, id, s.study)),
  ],
  [
    "labelledDoseComparison",
    (s) => [...s.sources.keys()].map((id) => labelledDoseComparison(s, id)),
  ],
  ["sensitivityTable", (s) => sensitivityTable(s.cases)],
  ["sensitivityRows", (s) => sensitivityRows(s)],
  ["seriesTimelineFigure", (s) => seriesTimelineFigure(s.cases)],
];

/** Milliseconds of each analysis on the series in `dir`, the fastest of `rounds` fresh loads. */
async function timeAll(dir: string, rounds: number): Promise<Map<string, number>> {
  const best = new Map<string, number>();
  for (let r = 0; r < rounds; r++) {
    const series = await loadCaseSeries(dir);
    for (const [name, run] of ANALYSES) {
      const t0 = performance.now();
      run(series);
      const ms = performance.now() - t0;
      best.set(name, Math.min(best.get(name) ?? Infinity, ms));
    }
  }
  return best;
}

/** The value after `flag` in `args` as a whole number ≥ 1, or `fallback`. */
function option(args: string[], flag: string, fallback: number): number {
  const i = args.indexOf(flag);
  if (i < 0) return fallback;
  const n = Number(args[i + 1]);
  if (!Number.isSafeInteger(n) || n < 1) {
    console.error(`${flag} needs a whole number ≥ 1`);
    Deno.exit(2);
  }
  args.splice(i, 2);
  return n;
}

if (import.meta.main) {
  const args = [...Deno.args];
  const cases = option(args, "--cases", 10);
  const rounds = option(args, "--rounds", 3);
  const values = args.length ? Number(args[0]) : 120;
  if (args.length > 1 || !Number.isSafeInteger(values) || values < 2) {
    console.error(
      "usage: scripts/bench/long_cases.ts [VALUES_PER_CASE] [--cases N] [--rounds R]",
    );
    Deno.exit(2);
  }
  await Deno.mkdir(SCRATCH, { recursive: true });
  const tmp = await Deno.makeTempDir({ dir: SCRATCH, prefix: "long-cases-bench-" });
  try {
    const sizes = [values, 2 * values];
    const dirs = sizes.map((n) => `${tmp}/values-${n}`);
    for (const [i, n] of sizes.entries()) {
      await writeSyntheticSeries(dirs[i], { cases, observationsPerCase: n });
    }
    await timeAll(dirs[0], 1); // warms the compiler; not counted
    const [small, large] = [await timeAll(dirs[0], rounds), await timeAll(dirs[1], rounds)];
    const ms = (x: number) => `${x.toFixed(0)} ms`;
    console.log(
      `${cases} cases; fastest of ${rounds} rounds; ratio ≈ 2 is linear, ≈ 4 quadratic\n`,
    );
    console.log(`| analysis | ${sizes[0]} values a case | ${sizes[1]} | ratio |`);
    console.log("|---|---:|---:|---:|");
    let [s0, s1] = [0, 0];
    for (const [name] of ANALYSES) {
      const [a, b] = [small.get(name)!, large.get(name)!];
      s0 += a, s1 += b;
      console.log(`| ${name} | ${ms(a)} | ${ms(b)} | ${(b / a).toFixed(1)} |`);
    }
    console.log(`| all | ${ms(s0)} | ${ms(s1)} | ${(s1 / s0).toFixed(1)} |`);
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
}
