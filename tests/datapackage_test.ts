import assert from "node:assert/strict";
import { SCALE_IDS } from "../lib/scales.ts";
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
    if (resource.format !== "csv") continue; // study.json: tested below
    const file = resource.path.split("/").at(-1)!;
    const table = resource.path.startsWith("articles/")
      ? Object.values(articleTables).find((t) => t.file === file)
      : tables.find((t) => t.file === resource.path);
    assert.ok(table, `no schema for resource ${resource.name}`);
    const header = (await Deno.readTextFile(new URL(`../data/${resource.path}`, import.meta.url)))
      .split("\n")[0].split(",");
    const fields = Object.keys(table.schema.shape);
    const fix = `data/${resource.path}: its header is not the schema's columns in order; ` +
      `put each column where lib/schema.ts lists it (\`deno task validate\` names a column out ` +
      `of order), then \`deno task datapackage\`.\n  header: ${header.join(",")}\n  schema: ` +
      fields.join(",");
    assert.deepEqual(resource.schema!.fields.map((f) => f.name), header, fix);
    assert.deepEqual(fields, header, fix);
  }
});

Deno.test("datapackage types and constraints come from the schemas", () => {
  const obs = dataPackage().resources.find((r) => r.name === "observations")!;
  const hi = obs.schema!.fields.find((f) => f.name === "value_hi")!;
  assert.deepEqual(hi, {
    name: "value_hi",
    type: "number",
    description: "Upper bound of the value, in the scale's units.",
    constraints: { required: true },
  });
  const scale = obs.schema!.fields.find((f) => f.name === "scale")!;
  assert.deepEqual(scale.constraints?.enum, [...SCALE_IDS]);
  const cases = dataPackage().resources.find((r) => r.name === "cases")!;
  const sds = cases.schema!.fields.find((f) => f.name === "sds")!;
  assert.equal(sds.type, "integer");
  assert.equal(sds.constraints?.required, undefined, "sds may be missing");
});

Deno.test("the readings resource refers to the cases and their time points", () => {
  const readings = dataPackage().resources.find((r) => r.name === "readings")!;
  assert.equal(readings.path, "readings.csv");
  assert.deepEqual(readings.schema!.primaryKey, ["reading", "case_id", "time_id"]);
  assert.deepEqual(
    readings.schema!.foreignKeys?.map((k) => k.fields),
    ["case_id", ["case_id", "time_id"], ["case_id", "anchor"], ["case_id", "bound"]],
  );
  const rule = readings.schema!.fields.find((f) => f.name === "rule")!;
  assert.deepEqual(rule.constraints?.enum, [
    "origin",
    "exact",
    "approx",
    "within",
    "exact-before",
    "approx-before",
    "within-before",
    "after",
    "before",
  ]);
});

Deno.test("the study question is a JSON resource whose schema the committed study.json passes", async () => {
  const study = dataPackage().resources.find((r) => r.name === "study")! as {
    path: string;
    jsonSchema?: unknown;
  };
  assert.equal(study.path, "study.json");
  const json = JSON.parse(
    await Deno.readTextFile(new URL("../data/study.json", import.meta.url)),
  );
  const schema = study.jsonSchema as { required: string[]; properties: Record<string, unknown> };
  for (const key of ["drug_of_interest", "indication"]) {
    assert.ok(schema.required.includes(key), key);
    assert.equal(typeof json[key], "string", key);
  }
  for (const key of Object.keys(json)) assert.ok(key in schema.properties, key);
});
