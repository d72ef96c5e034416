import assert from "node:assert/strict";
import { articleFolders, dataPackage, dataPackageJson } from "../lib/datapackage.ts";
import { DEFAULT_DATA_DIR, tableSchemas } from "../lib/mod.ts";
import { readingsTable } from "../lib/readings.ts";
import { articleTables, referenceTables } from "../lib/articles_schema.ts";

const articles = articleFolders(DEFAULT_DATA_DIR);

Deno.test("data/datapackage.json is exactly what the zod schemas generate (run `deno task datapackage`)", async () => {
  const committed = await Deno.readTextFile(new URL("../data/datapackage.json", import.meta.url));
  assert.equal(committed, dataPackageJson(articles));
});

Deno.test("datapackage fields follow each CSV header, in order", async () => {
  const tables = [
    ...Object.values(tableSchemas),
    readingsTable,
    ...Object.values(referenceTables),
  ];
  for (const resource of dataPackage(articles).resources) {
    const file = resource.path.split("/").at(-1)!;
    const table = resource.path.startsWith("articles/")
      ? Object.values(articleTables).find((t) => t.file === file)
      : tables.find((t) => t.file === resource.path);
    assert.ok(table, `no schema for resource ${resource.name}`);
    const header = (await Deno.readTextFile(new URL(`../data/${resource.path}`, import.meta.url)))
      .split("\n")[0].split(",");
    assert.deepEqual(resource.schema.fields.map((f) => f.name), header);
    assert.deepEqual(Object.keys(table.schema.shape), header);
  }
});

Deno.test("datapackage types and constraints come from the schemas", () => {
  const obs = dataPackage().resources.find((r) => r.name === "observations")!;
  const vasHi = obs.schema.fields.find((f) => f.name === "vas_hi")!;
  assert.deepEqual(vasHi, {
    name: "vas_hi",
    type: "number",
    description: "VAS upper bound (cm, 0-10).",
    constraints: { required: true, minimum: 0, maximum: 10 },
  });
  const cases = dataPackage().resources.find((r) => r.name === "cases")!;
  const sds = cases.schema.fields.find((f) => f.name === "sds")!;
  assert.equal(sds.type, "integer");
  assert.equal(sds.constraints?.required, undefined, "sds may be missing");
});

Deno.test("the readings resource refers to the cases and their time points", () => {
  const readings = dataPackage().resources.find((r) => r.name === "readings")!;
  assert.equal(readings.path, "readings.csv");
  assert.deepEqual(readings.schema.primaryKey, ["reading", "case_id", "time_id"]);
  assert.deepEqual(
    readings.schema.foreignKeys?.map((k) => k.fields),
    ["case_id", ["case_id", "time_id"], ["case_id", "anchor"], ["case_id", "bound"]],
  );
  const rule = readings.schema.fields.find((f) => f.name === "rule")!;
  assert.deepEqual(rule.constraints?.enum, [
    "origin",
    "exact",
    "approx",
    "within",
    "after",
    "before",
  ]);
});
