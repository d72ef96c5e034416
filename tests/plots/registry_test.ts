/**
 * The registry of figures (`FIGURES`, `lib/plots/mod.ts`): no figure escapes it (every builder of
 * every module of `lib/plots/` is some record's), names and files do not collide, a record that
 * says the study sets its fewest cases is left out below them, and every record is shown by a
 * notebook. What each figure looks like is checked by `overlap_test.ts`, which draws them all.
 */
import assert from "node:assert/strict";
import { firstPeriod, loadCaseSeries, type Study } from "../../lib/mod.ts";
import * as plots from "../../lib/plots/mod.ts";
import { NOTEBOOKS } from "../../scripts/runner/paths.ts";
import { listFiles } from "../../scripts/runner/files.ts";
import { dataWithFixture, TEST_DATA_DIR } from "../helpers/data_dir.ts";
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
 * Every record a module of `lib/plots/` exports (what `defineFigure` returns), by the module that
 * defines it (`lib/plots/<module>.ts: NAME`; `mod.ts` re-exports).
 */
async function recordModules(): Promise<Map<unknown, string>> {
  const out = new Map<unknown, string>();
  for await (const e of Deno.readDir(PLOTS_DIR)) {
    if (!e.isFile || !e.name.endsWith(".ts") || e.name === "mod.ts") continue;
    const mod: Record<string, unknown> = await import(new URL(e.name, PLOTS_DIR).href);
    for (const [name, value] of Object.entries(mod)) {
      const v = value as { builder?: unknown; build?: unknown } | null;
      if (typeof v?.build === "function" && "builder" in v) {
        out.set(value, `lib/plots/${e.name}: ${name}`);
      }
    }
  }
  return out;
}

/**
 * The builders no record names, each with what to do: the record its module exports added to
 * `FIGURES`, or, when its module exports none, a record written first.
 *
 * @param figures The records.
 */
async function unregistered(figures: readonly plots.AnyFigureDef[]): Promise<string[]> {
  const records = [...(await recordModules())];
  return [...(await builders())].filter(([fn]) => !figures.some((d) => d.builder === fn))
    .map(([fn, where]) => {
      const own = records.filter(([d]) => (d as plots.AnyFigureDef).builder === fn);
      const fix = own.length > 0
        ? own.map(([, r]) => r.split(": ")[1]).map((r) =>
          `add its record to FIGURES in lib/plots/mod.ts: \`${r},\` in the list, where it comes ` +
          `among the figures of its place, and, if mod.ts does not export it yet, its export ` +
          `(\`export { ${r} } from "./${where.split(":")[0]}";\`)`
        ).join("; ")
        : 'write its record (defineFigure, docs/extending.md, "A new figure") beside it and ' +
          "add it to FIGURES in lib/plots/mod.ts";
      return `lib/plots/${where}: a figure builder no record of FIGURES names (no notebook ` +
        `shows it): ${fix}`;
    }).sort();
}

/** The scan must at least find one builder per record's builder (they may share one). */
const FIGURE_COUNT_FLOOR = new Set(plots.FIGURES.map((d) => d.builder)).size;

Deno.test("every figure builder of lib/plots/ has a record in FIGURES", async () => {
  assert.ok((await builders()).size >= FIGURE_COUNT_FLOOR, "the scan finds the builders");
  const problems = await unregistered(plots.FIGURES);
  assert.ok(problems.length === 0, problems.join("\n"));
});

Deno.test("a builder without a record is found (the check above can fail)", async () => {
  const without = plots.FIGURES.filter((d) => d !== plots.VERDICTS);
  const [problem, ...more] = await unregistered(without);
  assert.equal(more.length, 0, more.join("\n"));
  assert.match(problem, /^lib\/plots\/verdicts\.ts: verdictFigure: a figure builder no record/);
  assert.ok(problem.includes("`VERDICTS,` in the list"), problem);
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
    for (const f of files) {
      assert.match(
        f,
        /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
        `not a results file name: ${JSON.stringify(f)}`,
      );
    }
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

/** The records drawn once from the whole series. */
const seriesRecords = () =>
  plots.FIGURES.filter((d) => d.needs === "series") as plots.FigureDef<"series">[];

Deno.test("a figure of the series that would draw no case says why instead (a drug no case takes)", async () => {
  const series = await loadCaseSeries(TEST_DATA_DIR);
  const drug = `${series.study.drug} (not taken)`;
  const study = { ...series.study, drug };
  const none = { ...series, study, cases: series.cases.map((c) => ({ ...c, study })) };
  assert.ok(seriesRecords().length > 0);
  for (const d of seriesRecords()) {
    const why = d.omission(none);
    assert.ok(why, `${d.name} is drawn empty: ${why ?? d.build(none).description}`);
    assert.match(why, /^No /, d.name);
    // It says why: the drug no case takes is named.
    assert.ok(why.includes(drug), `${d.name}: ${why}`);
  }
});

Deno.test("a figure of the series that draws a case of the project's data is not omitted", async () => {
  const loaded = await loadCaseSeries(TEST_DATA_DIR);
  // The fewest cases each figure is drawn from (the study's min_cases_*, a record's minCases) set
  // to 0: that rule is checked above, and whether the data has enough cases for it is no defect.
  // (Filtered on the number of cases in the data, an article whose case never takes the drug
  // turned this red: 5 cases, only 4 of them with a percent reduction for the responder curve.)
  const study = Object.fromEntries(
    Object.entries(loaded.study).map(([k, v]) => [k, /^minCases/.test(k) ? 0 : v]),
  ) as unknown as Study;
  const series = { ...loaded, study, cases: loaded.cases.map((c) => ({ ...c, study })) };
  assert.ok(seriesRecords().length > 0);
  for (const d of seriesRecords()) {
    assert.equal(d.minCases?.(study) ?? 0, 0, `${d.name}: minCases reads a minCases* field`);
    if (d.build(series).data.length === 0) continue;
    assert.equal(d.omission(series), null, d.name);
  }
});

/**
 * Each notebook's code, by its file name without `.ipynb` (`10-pooled`; the template: `case`).
 * The case notebooks (`01-case-<id>`) are left out: the runner writes them from the template.
 */
async function notebookCode(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const notebooks = (await listFiles(NOTEBOOKS)).filter((p) =>
    p.endsWith(".ipynb") && !p.startsWith("01-case-")
  );
  for (const p of notebooks) {
    const cells: { cell_type: string; source: string[] }[] =
      JSON.parse(await Deno.readTextFile(`${NOTEBOOKS}/${p}`)).cells;
    const code = cells.filter((c) => c.cell_type === "code").map((c) => c.source.join(""));
    out.set(p.replace(/^.*\//, "").replace(/\.ipynb$/, ""), code.join("\n"));
  }
  return out;
}

const SHOW_CALL = /showFiguresOf\(\s*"([^"]+)"\s*,\s*\{([^}]*)\}/g;

/** The names of the inputs a `showFiguresOf` call passes (`{ series, variants }`). */
const passed = (args: string) => args.split(",").map((a) => a.split(":")[0].trim());

/**
 * The places the notebooks show, each with the inputs its call passes: a place is valid when
 * the notebook it names calls `showFiguresOf` on it.
 *
 * @param code Each notebook's code.
 */
function places(code: ReadonlyMap<string, string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [notebook, c] of code) {
    for (const m of c.matchAll(SHOW_CALL)) {
      if (m[1].split("#")[0] === notebook) out.set(m[1], passed(m[2]));
    }
  }
  return out;
}

/**
 * What to do about a record whose place no notebook shows: the valid places for its input, or
 * the one line that shows a new place.
 *
 * @param def The record.
 * @param code Each notebook's code.
 */
function placeHint(def: plots.AnyFigureDef, code: ReadonlyMap<string, string>): string {
  const key = plots.PLACE_INPUT[def.needs];
  const valid = [...places(code)].filter(([, keys]) => keys.includes(key)).map(([p]) => `"${p}"`);
  const notebook = def.notebook!.split("#")[0];
  const file = notebook === "case"
    ? "notebooks/templates/case.ipynb"
    : `notebooks/${notebook}.ipynb`;
  const where = code.has(notebook) ? `in ${file}` : `(there is no ${file})`;
  const arg = key === "case" ? "{ case: c }" : `{ ${key} }`;
  return `no showFiguresOf("${def.notebook}", …) ${where}. Set its notebook to a place the ` +
    `notebooks show with its input (${key}): ${valid.join(", ") || "none yet"}; or show the new ` +
    `place with one line in ${file}: await lib.showFiguresOf("${def.notebook}", ${arg});`;
}

/**
 * Why a record is not shown by exactly one notebook call: its place (`notebook`) has no
 * `showFiguresOf(place, { … })` in the notebook the place names (with the valid places), or that
 * call does not pass the input the record needs; a record without a place is not placed by hand
 * (`showFigureOf(plots.<name>, …)`); a record with a place is placed by hand as well (twice).
 *
 * @param records Each record with its name in `lib/plots/mod.ts`.
 * @param code Each notebook's code.
 */
function unshown(
  records: readonly (readonly [string, plots.AnyFigureDef])[],
  code: ReadonlyMap<string, string>,
): string[] {
  const byHand = (name: string) =>
    [...code.values()].some((c) => new RegExp(`showFigureOf\\(\\s*plots\\.${name}\\b`).test(c));
  const problems: string[] = [];
  for (const [name, def] of records) {
    if (def.notebook === undefined) {
      if (!byHand(name)) {
        problems.push(
          `${name}: no notebook shows it: give its record a notebook (a place: ` +
            `${[...places(code).keys()].map((p) => `"${p}"`).join(", ")})`,
        );
      }
      continue;
    }
    if (byHand(name)) {
      problems.push(
        `${name}: shown by hand and by its place ${def.notebook}: remove ` +
          `showFigureOf(plots.${name}, …) from the notebook`,
      );
    }
    const calls = [...(code.get(def.notebook.split("#")[0]) ?? "").matchAll(SHOW_CALL)]
      .filter((m) => m[1] === def.notebook);
    const key = plots.PLACE_INPUT[def.needs];
    if (calls.length === 0) problems.push(`${name}: ${placeHint(def, code)}`);
    else if (!calls.every((m) => passed(m[2]).includes(key))) {
      problems.push(
        `${name}: showFiguresOf("${def.notebook}", …) does not pass { ${key} }, which a ` +
          `"${def.needs}" figure is drawn from: pass it there, or place the record where it is passed`,
      );
    }
  }
  return problems;
}

/** Every record of the registry with its name in `lib/plots/mod.ts`. */
function registered(): [string, plots.AnyFigureDef][] {
  return Object.entries(plots).filter(([, v]) =>
    plots.FIGURES.includes(v as plots.AnyFigureDef)
  ) as [string, plots.AnyFigureDef][];
}

Deno.test("every record is shown by one notebook: by its place (showFiguresOf) or by hand", async () => {
  const records = registered();
  const files = await recordModules();
  const unnamed = plots.FIGURES.filter((d) => !records.some(([, r]) => r === d))
    .map((d) =>
      `${files.get(d) ?? d.name}: not exported by lib/plots/mod.ts: add its export there`
    );
  assert.ok(unnamed.length === 0, unnamed.join("\n"));
  // Each problem with the module that defines the record (`lib/plots/<module>.ts: NAME: …`).
  const problems = unshown(records, await notebookCode()).map((p) => {
    const def = records.find(([n]) => n === p.split(":")[0])![1];
    return `${files.get(def)?.split(":")[0] ?? "lib/plots/mod.ts"}: ${p}`;
  });
  assert.ok(problems.length === 0, problems.join("\n"));
});

Deno.test("a record no notebook shows is found (the check above can fail)", async () => {
  const code = await notebookCode();
  // A record of the series that its place shows (the check passes on it).
  const [[name, shown]] = registered().filter(([n, d]) =>
    d.needs === "series" && d.notebook && unshown([[n, d]], code).length === 0
  );
  const variants = registered().find(([, d]) => d.needs === "variants")![1];
  const odd: [string, plots.AnyFigureDef][] = [
    ["NOWHERE", plots.defineFigure({ ...plots.TRAJECTORIES, notebook: "99-nowhere" })],
    ["NO_SECTION", plots.defineFigure({ ...shown, notebook: `${shown.notebook}#nowhere` })],
    ["NOT_PLACED", plots.defineFigure({ ...plots.TRAJECTORIES, notebook: undefined })],
    ["NO_VARIANTS", plots.defineFigure({ ...variants, notebook: shown.notebook })],
    [name, shown],
  ];
  assert.deepEqual(unshown(odd, code).map((p) => p.split(":")[0]), [
    "NOWHERE",
    "NO_SECTION",
    "NOT_PLACED",
    "NO_VARIANTS",
  ]);
  // A place no notebook shows names the valid places and the line that would show it.
  const [nowhere] = unshown([odd[0]], code);
  assert.match(nowhere, /there is no notebooks\/99-nowhere\.ipynb/);
  assert.ok(nowhere.includes(`"${shown.notebook}"`), nowhere);
  assert.ok(nowhere.includes('await lib.showFiguresOf("99-nowhere", { series });'), nowhere);
  const twice = code.get(shown.notebook!)! + `\nawait lib.showFigureOf(plots.${name}, series);`;
  assert.match(
    unshown([[name, shown]], new Map([...code, [shown.notebook!, twice]]))[0],
    /by hand/,
  );
});

Deno.test("a record's place is a notebook's name, optionally #section", () => {
  assert.throws(
    () => plots.defineFigure({ ...plots.TRAJECTORIES, notebook: "notebooks/10-pooled.ipynb" }),
    /defineFigure \(trajectories\)/,
  );
});

Deno.test("the case's timeline aligned on the drug says why when the case never takes it", async () => {
  const series = await loadCaseSeries(TEST_DATA_DIR);
  const drug = `${series.study.drug} (not taken)`;
  for (const c of series.cases) {
    // A case that takes the drug is drawn; one that never does (the grown data has one: see
    // tests/grown_data_test.ts) says so.
    const own = plots.CASE_TIMELINE.omission(c);
    if (firstPeriod(c, c.study.drug)) assert.equal(own, null, c.id);
    else {
      assert.ok(own, `case ${c.id}: the aligned timeline is left out without a word`);
      assert.match(own, /^No timeline of case /);
      assert.ok(own.includes(`never takes ${c.study.drug}`), own);
    }
    const why = plots.CASE_TIMELINE.omission({ ...c, study: { ...c.study, drug } });
    assert.ok(why, `case ${c.id}: the aligned timeline is left out without a word`);
    assert.match(why, /^No timeline of case /);
    assert.ok(why.includes(`never takes ${drug}`), why);
  }
});
