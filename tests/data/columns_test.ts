/**
 * The columns the model carries under no named field (`lib/data/columns.ts`): a column added to a
 * table's schema reaches the model objects with no other edit, objects share their records (one
 * frozen empty record where a table has no other column), and the records stay right past the
 * number of shared ones.
 */
import assert from "node:assert/strict";
import { z } from "zod";
import {
  type Case,
  columnsOf,
  loadCaseSeries,
  type TableName,
  tableSchemas,
} from "../../lib/mod.ts";
import { NO_COLUMNS, OtherColumns, SHARED_RECORDS } from "../../lib/data/columns.ts";
import { dataWith, TEST_DATA_DIR } from "../helpers/data_dir.ts";

/** Every model object of the series, by table. */
function objects(cases: readonly Case[]) {
  return {
    cases,
    timepoints: cases.flatMap((c) => c.timepoints),
    treatments: cases.flatMap((c) => c.treatments),
    observations: cases.flatMap((c) => c.observations),
    events: cases.flatMap((c) => c.events),
  };
}

Deno.test("a column added to a schema and its file reaches the model objects, no other edit", async () => {
  const table = tableSchemas.observations as unknown as { schema: z.ZodObject };
  const original = table.schema;
  // A name the schema does not have yet (the data may gain an "assessor" column one day).
  let name = "assessor";
  while (columnsOf("observations").includes(name)) name += "_x";
  // The column as lib/schema.ts writes an optional text column (optText).
  const column = z.string().transform((s) => (s.trim() === "" ? null : s.trim()));
  // observations.csv with the column: a value on its first row, empty on the others.
  const dir = await dataWith(
    "observations.csv",
    (text) =>
      text.split("\n").map((l, i) =>
        l === "" ? l : i === 0 ? `${l},${name}` : i === 1 ? `${l}, a nurse ` : `${l},`
      ).join("\n"),
  );
  try {
    table.schema = original.extend({ [name]: column });
    assert.ok(columnsOf("observations").includes(name));
    const series = await loadCaseSeries(dir);
    const all = objects(series.cases).observations;
    const first = (await Deno.readTextFile(`${dir}/observations.csv`)).split("\n")[1].split(",");
    const named = all.filter((o) => o.columns[name] !== null);
    assert.equal(named.length, 1, "the row that gives one");
    assert.equal(named[0].columns[name], "a nurse", "the cell as the schema parses it");
    assert.equal(named[0].day.timeId, first[1], "on the object of its row");
    assert.ok(all.every((o) => Object.hasOwn(o.columns, name)), "null when empty");
    // The objects with the same cells share one frozen record (grouped by every cell, so that
    // a column the data gains, with its own values, does not break the check).
    const groups = Map.groupBy(all.filter((o) => o !== named[0]), (o) => JSON.stringify(o.columns));
    assert.ok([...groups.values()].some((g) => g.length > 1), "some rows with the same cells");
    for (const g of groups.values()) {
      assert.ok(g.every((o) => o.columns === g[0].columns), `one record for ${g.length} rows`);
    }
    assert.ok(Object.isFrozen(named[0].columns));
  } finally {
    table.schema = original;
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("columns holds the row's columns no field carries, and objects share records", async () => {
  const series = await loadCaseSeries(TEST_DATA_DIR);
  const tables = {
    ...objects(series.cases),
    sources: [...series.sources.values()],
  };
  for (const [table, all] of Object.entries(tables) as [TableName, { columns: object }[]][]) {
    assert.ok(all.length > 0, table);
    const columns = columnsOf(table);
    for (const x of all) {
      assert.ok(Object.isFrozen(x.columns), table);
      for (const k of Object.keys(x.columns)) assert.ok(columns.includes(k), `${table}: ${k}`);
      // An object with no other column holds the one empty record, not a record of its own.
      if (Object.keys(x.columns).length === 0) assert.equal(x.columns, NO_COLUMNS, table);
    }
    // Objects with the same cells share one record.
    const cells = new Set(all.map((x) => JSON.stringify(x.columns)));
    assert.equal(new Set(all.map((x) => x.columns)).size, cells.size, `${table}: shared`);
  }
  assert.ok(Object.isFrozen(NO_COLUMNS) && Object.keys(NO_COLUMNS).length === 0);
  // No field carries the rule of an observation's value, nor a case's age at diagnosis and its
  // quotes; every case's age, and every observation's day, value and words, are fields.
  for (const o of tables.observations) {
    assert.ok(Object.hasOwn(o.columns, "value_rule"));
    for (const k of ["time", "value_nominal", "value_words"]) {
      assert.ok(!Object.hasOwn(o.columns, k));
    }
  }
  for (const c of series.cases) {
    assert.ok(Object.hasOwn(c.columns, "diagnosis_age") && !Object.hasOwn(c.columns, "age"));
  }
});

Deno.test("records past the shared ones are right, and each its own", () => {
  const some = new OtherColumns("events", ["case_id", "kind", "time"]);
  const row = (i: number) => ({
    case_id: "1",
    kind: "k",
    time: "t",
    description: `d${i}`,
    quote: i % 2 ? "odd" : "even",
  });
  const n = SHARED_RECORDS + 3;
  const records = Array.from({ length: n }, (_, i) => some.of(row(i)));
  for (let i = 0; i < n; i++) {
    assert.deepEqual(records[i], { description: `d${i}`, quote: i % 2 ? "odd" : "even" });
  }
  assert.equal(some.of(row(0)), records[0], "a shared record is found again");
  assert.notEqual(some.of(row(n - 1)), records[n - 1], "past the shared ones: a new record");
});
