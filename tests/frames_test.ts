/**
 * `frames` builds the same tables as the implementation it replaced (kept as
 * tests/helpers/frames_reference.ts): for each of the five tables, the same column names in the
 * same order and the same rows, on the repository's data, on the data with the fixture article
 * appended, on a synthetic series, and on constructed shapes (a field moved to `model_*`, a
 * column only some rows have, a column named like an array index, an empty series); and it refuses
 * a taken `model_` name with the same TypeError.
 */
import assert from "node:assert/strict";
import type { ColumnTable } from "arquero";
import { type CaseSeries, DEFAULT_DATA_DIR, frames, loadCaseSeries } from "#lib/mod.ts";
import { writeSyntheticSeries } from "../scripts/synthetic.ts";
import { dataWithFixture } from "./helpers/data_dir.ts";
import { referenceFrames } from "./helpers/frames_reference.ts";

const TABLES = ["cases", "timepoints", "treatments", "observations", "events"] as const;

/** What a call gives: the tables' names and rows, or the error it throws. */
function outcome(build: () => Record<string, ColumnTable>) {
  try {
    const t = build();
    return TABLES.map((name) => ({
      name,
      columns: t[name].columnNames(),
      rows: t[name].objects(),
    }));
  } catch (e) {
    return { error: e instanceof TypeError ? `TypeError: ${e.message}` : e };
  }
}

/** Asserts that `frames` gives what the reference gives (tables, or the same TypeError). */
async function assertSame(series: CaseSeries, what: string): Promise<void> {
  const expected = outcome(() => referenceFrames(series));
  let actual;
  try {
    const t = await frames(series);
    actual = outcome(() => ({ ...t }));
  } catch (e) {
    actual = { error: e instanceof TypeError ? `TypeError: ${e.message}` : e };
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    for (const [i, e] of expected.entries()) {
      assert.deepEqual(actual[i].columns, e.columns, `${what}: ${e.name}: columns`);
      assert.deepEqual(actual[i].rows, e.rows, `${what}: ${e.name}: rows`);
    }
  } else assert.deepEqual(actual, expected, what);
}

Deno.test("frames: the same tables as before on the repository's data", async () => {
  const series = await loadCaseSeries(DEFAULT_DATA_DIR);
  await assertSame(series, "data/");
  // The comparison sees the tables: a reference with a column more would differ.
  const t = await frames(series);
  assert.ok(t.observations.numRows() > 0 && t.cases.numCols() > 5);
});

Deno.test("frames: the same tables as before on the data with another article appended", async () => {
  const dir = await dataWithFixture();
  try {
    await assertSame(await loadCaseSeries(dir), "data/ + fixture");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("frames: the same tables as before on a synthetic series of 300 cases", async () => {
  const tmp = await Deno.makeTempDir({ prefix: "frames-synthetic-" });
  try {
    await writeSyntheticSeries(`${tmp}/series`, { cases: 300 });
    const series = await loadCaseSeries(`${tmp}/series`);
    assert.equal(series.cases.length, 300);
    await assertSame(series, "synthetic");
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});

/** A series of the fixture's shapes, each case edited by `edit` (its index given). */
async function edited(
  edit: (c: CaseSeries["cases"][number], i: number) => CaseSeries["cases"][number],
): Promise<CaseSeries> {
  const dir = await dataWithFixture();
  try {
    const series = await loadCaseSeries(dir);
    return { ...series, cases: series.cases.map(edit) };
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("frames: the same tables as before for moved fields, sparse and index-like columns", async () => {
  // A data column `day` on one observation moves every observation's day to model_*; `age` on
  // the second case moves every case's age; columns only some rows have, some named like array
  // indices (which an object's keys put first), a value left undefined; a span on one row only.
  const series = await edited((c, i) => ({
    ...c,
    columns: {
      ...(i === 0 ? { "7": i } : i === 1 ? { age: "x" } : {}),
      ...c.columns,
      ...(i % 2 ? { "2": "two", extra: i } : { later: undefined as unknown as null }),
    },
    observations: c.observations.map((o, j) => ({
      ...o,
      columns: { ...o.columns, ...(i === 2 && j === 1 ? { day: "x", "0": 0 } : {}) },
      span: i === 0 && j === 0 ? { start: o.day, end: null } : o.span,
    })),
    events: c.events.map((e) => ({ ...e, day: { ...e.day, hi: undefined as unknown as number } })),
  }));
  await assertSame(series, "edited");
  const t = await frames(series);
  assert.deepEqual(t.cases.columnNames().slice(0, 2), ["2", "7"]);
  assert.ok(t.cases.columnNames().includes("model_age"));
  assert.ok(t.observations.columnNames().includes("model_day_lo"));
  assert.ok(t.observations.columnNames().includes("span_start"));
  // No row with a span: the column `span` is left out only when some row splits it.
  await assertSame(await edited((c) => c), "unedited");
  await assertSame({ ...series, cases: [] }, "no cases");
});

Deno.test("frames: a taken model_ name is refused with the same TypeError as before", async () => {
  const taken = await edited((c, i) => ({
    ...c,
    columns: { ...c.columns, ...(i === 1 ? { model_age: "mine", age: "x" } : {}) },
  }));
  await assert.rejects(() => frames(taken), TypeError);
  await assertSame(taken, "a data column model_age");
  // Taken by the model itself: a time point's data columns `day_hi` and `day_lo` move `day` to
  // model_day* (the message names the first of its columns taken: `day_lo`), and a data column
  // `model_day` is taken on another time point.
  const model = await edited((c, i) => ({
    ...c,
    timepoints: c.timepoints.map((t, j) => ({
      ...t,
      columns: {
        ...t.columns,
        ...(i === 0 && j === 0 ? { day_hi: 0 } : {}),
        ...(i === 0 && j === 1 ? { day_lo: 1 } : {}),
        ...(i === 2 && j === 0 ? { model_day: 2 } : {}),
      },
    })),
  }));
  await assert.rejects(
    () => frames(model),
    /the column 'day_lo' of timepoints\.csv takes a name of the model's day, .* 'model_day'/,
  );
  await assertSame(model, "a time point's data column model_day");
});
