/**
 * What a person writing their own cells uses: an Observable Plot figure drawn by the library,
 * tables and figures shown without a results name (nothing written), the tidy tables as
 * dataframes, and help on a function.
 */
import assert from "node:assert/strict";
import * as aq from "arquero";
import * as Plot from "@observablehq/plot";
import * as lib from "#lib/mod.ts";
import * as plots from "#lib/plots/mod.ts";
import { TEST_DATA_DIR } from "./helpers/data_dir.ts";
import { withResultsDir } from "./helpers/results_dir.ts";

Deno.test("plot: Plot's options give a figure with its title and caption inside the SVG", async () => {
  const fig = plots.plot({
    title: "A title",
    caption: "A caption.",
    marks: [Plot.dot([{ x: 1, y: 2 }, { x: 2, y: 3 }], { x: "x", y: "y" })],
  });
  assert.equal(fig.description, "A title");
  assert.equal(fig.svg.querySelectorAll("circle").length, 2);
  const svg = plots.svgText(fig);
  assert.match(svg, /A title/);
  assert.match(svg, /A caption\./);
  assert.equal(fig.svg.getAttribute("width"), String(plots.figureWidth("full")));
  // As a cell's last expression, the kernel shows its bundle: PNG, SVG and the sentence.
  const display = (fig as unknown as Record<symbol, () => Promise<Record<string, string>>>)[
    Symbol.for("Jupyter.display")
  ];
  const bundle = await display();
  assert.deepEqual(Object.keys(bundle).sort(), ["image/png", "image/svg+xml", "text/plain"]);
  assert.equal(atob(bundle["image/png"]).slice(1, 4), "PNG");
});

Deno.test("plot: width takes a figure width by name, as every builder's options do", () => {
  const marks = [Plot.dot([{ x: 1, y: 2 }], { x: "x", y: "y" })];
  const column = plots.plot({ width: "column", marks });
  assert.equal(column.svg.getAttribute("width"), String(plots.PRINT_WIDTH.column));
  const px = plots.PRINT_WIDTH.column + 40;
  assert.equal(plots.plot({ width: px, marks }).svg.getAttribute("width"), String(px));
  assert.throws(() => plots.plot({ width: 100, marks }), /figure width must be ≥/);
});

Deno.test("plot: a bare Plot.plot has no document here; the library's document draws it", () => {
  const marks = [Plot.dot([1, 2], { x: (d: number) => d })];
  assert.throws(() => Plot.plot({ marks }), /documentElement/);
  const chart = Plot.plot({ marks, document: plots.document }) as unknown as Element;
  assert.equal(chart.tagName.toLowerCase(), "svg");
});

Deno.test("plot: an HTML legend, which a PNG cannot show, fails saying what to do", () => {
  assert.throws(
    () =>
      plots.plot({
        color: { legend: true },
        marks: [Plot.dot([{ x: 1, c: "a" }], { x: "x", fill: "c" })],
      }),
    /plot: Plot drew an HTML legend .* pass legend: \[/,
  );
  const fig = plots.plot({
    legend: [{ label: "case a", swatch: { kind: "dot", color: "#0072B2" } }],
    marks: [Plot.dot([{ x: 1 }], { x: "x", fill: "#0072B2" })],
  });
  assert.match(plots.svgText(fig), /case a/);
});

Deno.test("showTable and showFigure without a name show only: nothing is written", async () => {
  const dir = await Deno.makeTempDir({ prefix: "interactive-results-" });
  try {
    await withResultsDir(dir, async () => {
      await lib.showTable([{ a: 1 }], "no name");
      await lib.showFigure(plots.plot({ marks: [Plot.dot([1], { x: (d: number) => d })] }));
      assert.deepEqual([...Deno.readDirSync(dir)], []);
      await lib.showTable("named", [{ a: 1 }]);
      assert.deepEqual([...Deno.readDirSync(`${dir}/tables`)].map((e) => e.name).sort(), [
        "named.csv",
        "named.json",
      ]);
      await assert.rejects(() => lib.showTable("a/b", [{ a: 1 }]), /showTable: expected a name/);
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("frames: one row per case, time point, treatment, observation and event", async () => {
  const series = await lib.loadCaseSeries(TEST_DATA_DIR);
  const t = await lib.frames(series);
  const count = (f: (c: lib.Case) => number) => series.cases.reduce((s, c) => s + f(c), 0);
  assert.equal(t.cases.numRows(), series.cases.length);
  assert.equal(t.timepoints.numRows(), count((c) => c.timepoints.length));
  assert.equal(t.treatments.numRows(), count((c) => c.treatments.length));
  assert.equal(t.observations.numRows(), count((c) => c.observations.length));
  assert.equal(t.events.numRows(), count((c) => c.events.length));
  // Intervals are three columns, the nominal value in the middle; a scale is its id.
  const o = series.cases[0].observations[0];
  const row = t.observations.filter(
    aq.escape((d: { case_id: string; time_id: string }) =>
      d.case_id === series.cases[0].id && d.time_id === o.day.timeId
    ),
  ).objects()[0] as Record<string, unknown>;
  assert.deepEqual(
    [row.common_lo, row.common, row.common_hi, row.day, row.scale],
    [o.common.lo, o.common.nominal, o.common.hi, o.day.nominal, o.scale.id],
  );
  // The data's columns no field carries keep their names in the data; a case's amputation is an
  // event, `amputation_event_*`.
  const cases = t.cases.objects() as Record<string, unknown>[];
  for (const c of series.cases) {
    const r = cases.find((x) => x.case_id === c.id)!;
    for (const [k, v] of Object.entries(c.columns)) assert.equal(r[k], v, `${c.id}: ${k}`);
    assert.deepEqual(
      [r.amputation_event_kind, r.amputation_event_day, r.amputation_event_quote],
      [c.amputation.kind, c.amputation.day.nominal, c.amputation.quote],
    );
  }
  // A field's column with the name of one of the data's columns gives way to it.
  const clash = { ...series.cases[0], columns: { ...series.cases[0].columns, age: "x" } };
  const [own] = (await lib.frames({ ...series, cases: [clash] })).cases.objects() as Record<
    string,
    unknown
  >[];
  assert.deepEqual([own.age, own.model_age], ["x", clash.age]);
  // Every table has the same columns in every row; no column is only a null placeholder.
  for (const table of Object.values(t)) {
    for (const r of table.objects()) assert.deepEqual(Object.keys(r), table.columnNames());
  }
  // Group and join: values per case, joined to the cases' table (a case without a value has no
  // group, so the inner join leaves it out).
  const perCase = t.observations.groupby("case_id").rollup({ n: aq.op.count() })
    .join(t.cases, "case_id").orderby("case_id");
  assert.deepEqual(
    (perCase.objects() as Record<string, unknown>[]).map((r) => [r.case_id, r.n]),
    series.cases.filter((c) => c.observations.length > 0)
      .sort((a, b) => a.id.localeCompare(b.id)).map((c) => [c.id, c.observations.length]),
  );
});

Deno.test("frames: a data column with the name of an interval's column moves the whole interval to model_*; a model_ name taken too is refused", async () => {
  const series = await lib.loadCaseSeries(TEST_DATA_DIR);
  const c = series.cases.find((x) => x.observations.length > 1)!;
  const [o, ...others] = c.observations;
  // The data's `day` beside the observation's own day: before, only the nominal moved
  // (`day_lo`, `day: "x"`, `day_hi`, `model_day`: the bounds beside another value).
  const clash = {
    ...c,
    observations: [{ ...o, columns: { ...o.columns, day: "x" } }, ...others],
  };
  const t = (await lib.frames({ ...series, cases: [clash] })).observations;
  const rows = t.objects() as Record<string, unknown>[];
  assert.deepEqual(
    [rows[0].day, rows[0].model_time_id, rows[0].model_day_lo, rows[0].model_day],
    ["x", o.day.timeId, o.day.lo, o.day.nominal],
  );
  assert.equal(rows[0].model_day_hi, o.day.hi);
  for (const gone of ["time_id", "day_lo", "day_hi"]) {
    assert.ok(!t.columnNames().includes(gone), `${gone} left beside the data's day`);
  }
  // The same in every row of the table: the column `day` is only ever the data's.
  for (const [i, other] of others.entries()) {
    assert.deepEqual([rows[i + 1].day, rows[i + 1].model_day], [null, other.day.nominal]);
  }
  // A data column already named as the moved one: refused, naming both (before, `model_age` was
  // overwritten by the model's age).
  const taken = { ...c, columns: { ...c.columns, model_age: "mine", age: "x" } };
  await assert.rejects(
    () => lib.frames({ ...series, cases: [taken] }),
    (e: unknown) =>
      e instanceof TypeError && /'age'/.test(e.message) && /'model_age'/.test(e.message),
  );
  // Alone, a data column named model_age is kept as it is.
  const alone = { ...c, columns: { ...c.columns, model_age: "mine" } };
  const [row] = (await lib.frames({ ...series, cases: [alone] })).cases.objects() as Record<
    string,
    unknown
  >[];
  assert.deepEqual([row.age, row.model_age], [c.age, "mine"]);
});

Deno.test("frames: a table shows itself in the kernel, escaped, at most 20 rows", async () => {
  const t = await lib.frames(await lib.loadCaseSeries(TEST_DATA_DIR));
  const show = (table: unknown) =>
    (table as Record<symbol, () => Record<string, string>>)[Symbol.for("Jupyter.display")]();
  const many = aq.from(Array.from({ length: 25 }, (_, i) => ({ i, text: "<b>x</b>" })));
  const bundle = show(many);
  assert.deepEqual(Object.keys(bundle).sort(), ["text/html", "text/plain"]);
  assert.match(bundle["text/html"], /^<table>/);
  assert.doesNotMatch(bundle["text/html"], /<b>/);
  assert.equal(bundle["text/html"].match(/<tr>/g)?.length, 1 + lib.FRAME_ROWS_SHOWN + 1);
  assert.match(bundle["text/plain"], /25 rows × 2 columns \(the first 20 shown\)$/);
  assert.match(show(t.cases)["text/plain"], new RegExp(`^case_id`));
});

Deno.test('help("caseChange") shows its signature, options with their values, and example', () => {
  const text = lib.helpText("caseChange");
  assert.match(
    text,
    /^function caseChange\(c: Case, options: ChangeOptions = \{\}\): CaseChange\n/,
  );
  assert.match(text, /import \{ caseChange \} from "#lib\/mod\.ts";/);
  assert.match(text, /ChangeOptions .*:\n {2}drug\?: string\n/);
  assert.match(text, /baseline\?: BaselineDefinition \("last" \| "max" \| "mean"\)/);
  assert.match(
    text,
    /Example:\n( {2}import .*\n)* {2}import \{[^}]*\bcaseChange\b[^}]*\} from "#lib\/mod\.ts";/,
  );
  assert.doesNotMatch(text, /from "\.{1,2}\//, "no relative import left in the example");
  assert.throws(() => lib.helpText("casechange"), /did you mean .*caseChange/);
  // Without a name: every public name, by module.
  const list = lib.helpText();
  assert.match(list, /^Functions of "#lib\/mod\.ts":\n(.|\n)*\bcaseChange\b/);
  assert.match(list, /Functions of "#lib\/plots\/mod\.ts":\n(.|\n)*\bplot\b/);
});

// "every example help prints imports what a notebook imports, and runs pasted" is in
// tests/docs_test.ts, which runs the help examples in the same pass as the JSDoc ones.
