/**
 * The registry of figures (`FIGURES`, `lib/plots/mod.ts`): no figure escapes it (every builder of
 * every module of `lib/plots/` is some record's), names and files do not collide, a record that
 * says the study sets its fewest cases is left out below them, and every record is shown by a
 * notebook. What each figure looks like is checked by `overlap_test.ts`, which draws them all.
 */
import assert from "node:assert/strict";
import { loadCaseSeries, type Study } from "../../lib/mod.ts";
import * as plots from "../../lib/plots/mod.ts";
import { NOTEBOOKS } from "../../scripts/runner/paths.ts";
import { listFiles } from "../../scripts/runner/files.ts";
import { dataWithFixture } from "../helpers/data_dir.ts";
import { figureInputs } from "./figures.ts";

const PLOTS_DIR = new URL("../../lib/plots/", import.meta.url);

/**
 * Every function named `…Figure` that a module of `lib/plots/` exports (but `defineFigure`, which
 * makes a record), once, by the module that defines it (`module: name`; `mod.ts` re-exports).
 */
async function builders(): Promise<Map<unknown, string>> {
  const out = new Map<unknown, string>();
  for await (const e of Deno.readDir(PLOTS_DIR)) {
    if (!e.isFile || !e.name.endsWith(".ts")) continue;
    const mod: Record<string, unknown> = await import(new URL(e.name, PLOTS_DIR).href);
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== "function" || !/Figure$/.test(name)) continue;
      if (value === plots.defineFigure) continue;
      if (!out.has(value) || e.name !== "mod.ts") out.set(value, `${e.name}: ${name}`);
    }
  }
  return out;
}

/**
 * The builders no record names.
 *
 * @param figures The records.
 */
async function unregistered(figures: readonly plots.AnyFigureDef[]): Promise<string[]> {
  return [...(await builders())].filter(([fn]) => !figures.some((d) => d.builder === fn))
    .map(([, name]) => name).sort();
}

/** The scan must at least find one builder per record's builder (they may share one). */
const FIGURE_COUNT_FLOOR = new Set(plots.FIGURES.map((d) => d.builder)).size;

Deno.test("every figure builder of lib/plots/ has a record in FIGURES", async () => {
  assert.ok((await builders()).size >= FIGURE_COUNT_FLOOR, "the scan finds the builders");
  assert.deepEqual(await unregistered(plots.FIGURES), []);
});

Deno.test("a builder without a record is found (the check above can fail)", async () => {
  const without = plots.FIGURES.filter((d) => d !== plots.VERDICTS);
  assert.ok((await unregistered(without)).includes("verdicts.ts: verdictFigure"));
});

Deno.test("records have distinct names, and no two figures write the same files", async () => {
  const names = plots.FIGURES.map((d) => d.name);
  assert.equal(new Set(names).size, names.length, names.join(", "));
  const dir = await dataWithFixture();
  try {
    const series = await loadCaseSeries(dir);
    const data = { series, variants: [] };
    const files = plots.FIGURES.flatMap((d) =>
      figureInputs(d.needs, data).map((i) => (d as plots.FigureDef).file(i))
    );
    assert.ok(files.length > plots.FIGURES.length, "several inputs");
    assert.equal(new Set(files).size, files.length, files.join(", "));
    for (const f of files) assert.match(f, /^[A-Za-z0-9][A-Za-z0-9._-]*$/, "a results file name");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a record with a fewest number of cases leaves the figure out below it", async () => {
  const series = await loadCaseSeries();
  const limited = plots.FIGURES.filter((d) => d.minCases);
  assert.ok(limited.length > 0);
  for (const d of limited) {
    // Every `minCases…` setting of the study raised past the series' size: the record reads one.
    const above = series.cases.length + 1;
    const study = Object.fromEntries(
      Object.entries(series.study).map(([k, v]) => [k, /^minCases/.test(k) ? above : v]),
    ) as unknown as Study;
    assert.equal(d.minCases!(study), above, d.name);
    const tooFew = { ...series, study };
    for (const input of figureInputs(d.needs, { series: tooFew })) {
      assert.ok(d.omission(input as never), `${d.name}: drawn from fewer cases than it needs`);
    }
  }
});

Deno.test("every record is shown by a notebook (plots.<its name in lib/plots/mod.ts>)", async () => {
  const sources = (await listFiles(NOTEBOOKS)).filter((p) => p.endsWith(".ipynb"));
  const code = (await Promise.all(sources.map((p) => Deno.readTextFile(`${NOTEBOOKS}/${p}`))))
    .join("\n");
  const exported = Object.entries(plots).filter(([, v]) =>
    plots.FIGURES.includes(v as plots.AnyFigureDef)
  );
  assert.equal(exported.length, plots.FIGURES.length, "each record is exported by name");
  const unshown = exported.filter(([name]) => !new RegExp(`\\bplots\\.${name}\\b`).test(code));
  assert.deepEqual(unshown.map(([name]) => name), []);
});
