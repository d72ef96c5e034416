/**
 * Every row of a figure's source data (`results/figures/<name>.csv`) that stands for a time of a
 * case joins back to the data: its case id (`case_id`, or `case` in the composite figure 1) and
 * each of its time ids (`time_id`, `end_time_id`, `at_time_id`, `bar_from_time_id`,
 * `bar_to_time_id`) name a row of `timepoints.csv` (case_id, time_id). Every drawn mark at a
 * time (a point, a value over a period, an event, a phase line, a dose period) has both. Checked
 * on every registered figure of the real data and of the data with the synthetic fixture
 * appended, against the `timepoints.csv` of each read as text.
 */
import assert from "node:assert/strict";
import { parse } from "csv-parse/sync";
import { analysisVariants, loadCaseSeries } from "../../lib/mod.ts";
import type { DataRow } from "../../lib/plots/mod.ts";
import { withColumnsAfter } from "../../lib/plots/join_columns.ts";
import { dataWithFixture, TEST_DATA_DIR } from "../helpers/data_dir.ts";
import { allFigures, type NamedFigure } from "./figures.ts";

/** The marks drawn at a time of a case: each must name its case and time point. */
const MARKS_AT_A_TIME = ["point", "value over a period", "event", "phase line", "dose period"];

/** The columns that name a time point. */
const TIME_COLUMNS = ["time_id", "end_time_id", "at_time_id", "bar_from_time_id", "bar_to_time_id"];

/** `case_id|time_id` of every row of a data folder's timepoints.csv. */
async function timepointKeys(dir: string): Promise<Set<string>> {
  const rows: { case_id: string; time_id: string }[] = parse(
    await Deno.readTextFile(`${dir}/timepoints.csv`),
    { columns: true, skip_empty_lines: true },
  );
  return new Set(rows.map((r) => `${r.case_id}|${r.time_id}`));
}

/** The case a row is drawn for. */
function caseOf(r: DataRow): string | null {
  const c = r.case_id ?? r.case ?? null;
  return c === null ? null : String(c);
}

/** Rows that do not join: a time id with no such time point, a mark at a time without ids. */
function unjoined(f: NamedFigure, keys: Set<string>): string[] {
  const out: string[] = [];
  f.figure.data.forEach((r, i) => {
    const where = `${f.name} row ${i + 1} (${r.mark})`;
    const c = caseOf(r);
    if (MARKS_AT_A_TIME.includes(String(r.mark)) && (c === null || r.time_id == null)) {
      out.push(`${where}: a mark at a time without its case and time id`);
    }
    for (const col of TIME_COLUMNS) {
      const id = r[col];
      if (id === null || id === undefined) continue;
      if (!keys.has(`${c}|${id}`)) out.push(`${where}: ${col} ${c}|${id} not in timepoints.csv`);
    }
  });
  return out;
}

/** How many rows of each figure's data join a time point, by the figure's file stem. */
function joinedByFigure(figs: readonly NamedFigure[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of figs) {
    const stem = f.name.split("/").at(-1)!.replace(/^case-.*-timeline/, "case-timeline");
    const n = f.figure.data.filter((r) => r.time_id != null && caseOf(r) !== null).length;
    out.set(stem, (out.get(stem) ?? 0) + n);
  }
  return out;
}

const real = await loadCaseSeries(TEST_DATA_DIR);
const realKeys = await timepointKeys(TEST_DATA_DIR);
const grownDir = await dataWithFixture();
const grown = await loadCaseSeries(grownDir);
const grownVariants = await analysisVariants(grownDir);
const grownKeys = await timepointKeys(grownDir);
await Deno.remove(grownDir, { recursive: true });

Deno.test("figure data of the real data: every row at a time joins timepoints.csv", async () => {
  const figs = allFigures(
    { series: real, variants: await analysisVariants(TEST_DATA_DIR) },
    "real",
  );
  assert.deepEqual(figs.flatMap((f) => unjoined(f, realKeys)), []);
  // The figures of times, and the before/after values, carry the ids (not vacuously empty).
  const joined = joinedByFigure(figs);
  for (const stem of ["trajectories", "before-after", "figure-1", "case-timeline"]) {
    assert.ok((joined.get(stem) ?? 0) > 0, `${stem}: no row joins a time point`);
  }
});

Deno.test("figure data with the fixture appended: every row at a time joins timepoints.csv", () => {
  const figs = allFigures({ series: grown, variants: grownVariants }, "fixture");
  assert.deepEqual(figs.flatMap((f) => unjoined(f, grownKeys)), []);
  const joined = joinedByFigure(figs);
  for (const stem of ["trajectories", "before-after", "figure-1", "case-timeline"]) {
    assert.ok((joined.get(stem) ?? 0) > 0, `${stem}: no row joins a time point`);
  }
});

Deno.test("the join check fails on a time id that is not a time point, or a point without one", () => {
  const f = (data: DataRow[]): NamedFigure => ({
    name: "t",
    figure: { svg: null as never, description: "", data },
  });
  const [key] = realKeys;
  const [caseId, timeId] = key.split("|");
  assert.deepEqual(
    unjoined(f([{ mark: "point", case_id: caseId, time_id: timeId }]), realKeys),
    [],
  );
  assert.equal(
    unjoined(f([{ mark: "point", case_id: caseId, time_id: "nowhere" }]), realKeys).length,
    1,
  );
  assert.equal(unjoined(f([{ mark: "point", case_id: caseId }]), realKeys).length, 1);
  assert.equal(
    unjoined(f([{ mark: "event", case: caseId, end_time_id: "x" }]), realKeys).length,
    2,
  );
});

Deno.test("columns added to figure data come after every column it had", () => {
  const rows: DataRow[] = [{ mark: "point", x: 1 }, { mark: "phase line", label: "a", bar_to: 2 }];
  const out = withColumnsAfter(rows, (_, i) => ({ case_id: "c", time_id: `t${i}` }));
  assert.deepEqual(Object.keys(out[0]), ["mark", "x", "label", "bar_to", "case_id", "time_id"]);
  assert.deepEqual(out[1], {
    mark: "phase line",
    x: null,
    label: "a",
    bar_to: 2,
    case_id: "c",
    time_id: "t1",
  });
  assert.throws(() => withColumnsAfter(rows, () => ({ x: 2 })), /column 'x' is there already/);
});
