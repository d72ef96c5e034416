/**
 * The synthetic second article (tests/fixtures/second-article): appended to a copy of data/, it
 * must load, validate and keep every real case as it was. Its cases have the shapes a growing
 * registry brings: several amputations, a year-long interval, an open-ended start, a VAS range,
 * a new purpose, event kind and drug class, no VAS at all (S2), no drug of interest (S3), one
 * value only after the drug (S4), values only before it (S5), values on an NRS, a 100 mm VAS and a
 * verbal scale in one case (S6), values only on a 100 mm VAS (S7), verbal categories around a value
 * stated for a period on an NRS (S8).
 */
import assert from "node:assert/strict";
import { loadCaseSeries } from "../lib/mod.ts";
import { dataWithFixture } from "./helpers/data_dir.ts";

const dir = await dataWithFixture();
const real = await loadCaseSeries();
const grown = await loadCaseSeries(dir);
await Deno.remove(dir, { recursive: true });
const byId = (id: string) => grown.cases.find((c) => c.id === id)!;

Deno.test("the fixture article registers as its own source and its cases point to it", () => {
  const fixture = grown.sources.get("synthetic-fixture")!;
  assert.match(fixture.citation, /^SYNTHETIC/);
  for (const id of ["S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8"]) {
    assert.equal(byId(id).sourceId, "synthetic-fixture");
  }
});

Deno.test("appending another article's cases leaves every real case unchanged", () => {
  for (const c of real.cases) {
    assert.deepEqual(grown.cases.find((g) => g.id === c.id), c);
  }
});

Deno.test("the fixture's shapes load as stated", () => {
  const s1 = byId("S1");
  assert.equal(s1.events.filter((e) => e.kind === "amputation").length, 2);
  const followUp = s1.timepoints.find((t) => t.id === "followup_1yr")!;
  assert.deepEqual([followUp.day.lo, followUp.day.nominal, followUp.day.hi], [192.5, 375, 557.5]);
  assert.equal(s1.treatments.find((t) => t.drug === "fluvoxamine")!.start.lo, -Infinity);
  assert.equal(s1.treatments.find((t) => t.drug === "fluvoxamine")!.purpose, "depressive symptoms");
  assert.deepEqual(s1.observations.find((o) => o.words === "pain VAS 3–4")!.common, {
    lo: 3,
    hi: 4,
    nominal: 3.5,
  });
  assert.equal(byId("S2").observations.length, 0);
  assert.ok(!byId("S3").treatments.some((t) => t.drug === "milnacipran"));
  assert.equal(byId("S3").treatments[0].drugClass, "gabapentinoid");
});

Deno.test("a fixture quote the fixture text does not state is rejected, naming its source", async () => {
  const bad = await dataWithFixture();
  try {
    const path = `${bad}/observations.csv`;
    const text = await Deno.readTextFile(path);
    await Deno.writeTextFile(path, text.replace("she reported pain VAS 1.5", "she said VAS 1.5"));
    await assert.rejects(
      () => loadCaseSeries(bad),
      /observations\.csv:\d+:quote: quote not found in source synthetic-fixture/,
    );
  } finally {
    await Deno.remove(bad, { recursive: true });
  }
});

Deno.test("quotes are found wherever they stand in their source, whatever the order of the rows", async () => {
  // Each search starts where the table's previous quote of the same source was found: reversed
  // and interleaved, the rows of the two articles make every search start past its quote.
  const shuffled = await dataWithFixture();
  try {
    for (const file of ["observations.csv", "events.csv", "treatments.csv"]) {
      const path = `${shuffled}/${file}`;
      const [header, ...rows] = (await Deno.readTextFile(path)).trimEnd().split("\n");
      const fixture = rows.filter((r) => r.startsWith("S")).reverse();
      const realRows = rows.filter((r) => !r.startsWith("S")).reverse();
      const mixed = Array.from(
        { length: Math.max(fixture.length, realRows.length) },
        (_, i) => [realRows[i], fixture[i]],
      ).flat().filter((r) => r !== undefined);
      assert.ok(mixed.length === rows.length && fixture.length > 1 && realRows.length > 1, file);
      await Deno.writeTextFile(path, [header, ...mixed].join("\n") + "\n");
    }
    // Rows of one day may come in another order; every row and its quote are as before.
    const rowsOf = (cases: typeof grown.cases) =>
      cases.map((c) =>
        [c.observations, c.events, c.treatments].map((rows) =>
          rows.map((r) => JSON.stringify(r)).sort()
        )
      );
    assert.deepEqual(rowsOf((await loadCaseSeries(shuffled)).cases), rowsOf(grown.cases));
  } finally {
    await Deno.remove(shuffled, { recursive: true });
  }
});
