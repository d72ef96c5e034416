import assert from "node:assert/strict";
import { dataPackage, dataPackageJson } from "../lib/datapackage.ts";
import { columnsOf, type tableSchemas } from "../lib/mod.ts";

Deno.test("data/datapackage.json is exactly what the zod schemas generate (run `deno task datapackage`)", async () => {
  const committed = await Deno.readTextFile(new URL("../data/datapackage.json", import.meta.url));
  assert.equal(committed, dataPackageJson());
});

Deno.test("datapackage fields follow each CSV header, in order", async () => {
  for (const resource of dataPackage().resources) {
    const name = resource.name as keyof typeof tableSchemas;
    const header = (await Deno.readTextFile(new URL(`../data/${resource.path}`, import.meta.url)))
      .split("\n")[0].split(",");
    assert.deepEqual(resource.schema.fields.map((f) => f.name), header);
    assert.deepEqual(columnsOf(name), header);
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
