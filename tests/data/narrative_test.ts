/**
 * The narrative-order warning (`lib/data/narrative.ts`): a point placed `after` its anchor with no
 * `bound`, narrated before a row dated from another anchor, is a located warning naming that row
 * as the bound to give; a bound, or a later row dated from the point itself, silences it.
 */
import assert from "node:assert/strict";
import { type DataIssue, formatIssue, loadCaseSeries } from "../../lib/mod.ts";
import { writeSyntheticSeries } from "../../scripts/synthetic.ts";

/**
 * The warnings of a one-case synthetic series (its drug start, v1…v4 at exact days from the
 * amputation) whose `timepoints.csv` rows are changed by `edit` (time id → the row's cells from
 * `rule` to `unit`), those of `timepoints.csv`, with the line of each time id.
 */
async function warningsWith(
  edit: Record<string, string>,
): Promise<{ warnings: string[]; line: Map<string, number> }> {
  const dir = await Deno.makeTempDir({ prefix: "narrative-" });
  try {
    await writeSyntheticSeries(dir, { cases: 1, observationsPerCase: 4 });
    const file = `${dir}/timepoints.csv`;
    const lines = (await Deno.readTextFile(file)).split("\n");
    const line = new Map<string, number>();
    const out = lines.map((l, i) => {
      const cells = l.split(",");
      line.set(cells[1], i + 1);
      if (!(cells[1] in edit)) return l;
      // case_id, time_id, then rule, anchor, bound, amount, unit replaced; the rest kept.
      return [cells[0], cells[1], edit[cells[1]], ...cells.slice(7)].join(",");
    });
    await Deno.writeTextFile(file, out.join("\n"));
    const warnings: DataIssue[] = [];
    // The edited rows keep their stored days: they are derived from the rules instead.
    await loadCaseSeries(dir, { warnings, deriveDays: true });
    // (The synthetic drug classes are outside the recommended vocabulary: other warnings.)
    const own = warnings.filter((w) => w.file === "timepoints.csv");
    return { warnings: own.map(formatIssue), line };
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("an 'after' point with no bound, narrated before a row dated from another anchor, is a warning naming it", async () => {
  // The drug start placed only after v2 (day 18): v3 (day 29), narrated after it but dated from
  // the amputation, may fall before or after it. v1 and v2, dated at or before its earliest day,
  // are not named.
  const { warnings, line } = await warningsWith({ drug_start: "after,v2,,," });
  assert.deepEqual(warnings, [
    `timepoints.csv:${line.get("drug_start")}:bound: 'drug_start' (rule 'after', no bound) is ` +
    `narrated before 'v3' (line ${line.get("v3")}), which is dated from another anchor: the two ` +
    "may fall in either order. If the text places 'drug_start' before it, give it bound 'v3' " +
    '(data/README.md, "Narrative bounds")',
  ]);
});

Deno.test("a bound, or later rows dated from the point itself, leave no narrative-order warning", async () => {
  const bounded = await warningsWith({ drug_start: "after,v2,v3,," });
  assert.deepEqual(bounded.warnings, []);
  // v3 dated from the drug start: the first row dated from another anchor is v4.
  const chained = await warningsWith({
    drug_start: "after,v2,,,",
    v3: "exact,drug_start,,29,day",
  });
  assert.equal(chained.warnings.length, 1);
  assert.match(chained.warnings[0], /is narrated before 'v4' .* give it bound 'v4'/);
  // Every later row dated from it: nothing narrated after it can fall before it.
  const all = await warningsWith({
    drug_start: "after,v2,,,",
    v3: "exact,drug_start,,29,day",
    v4: "exact,drug_start,,37,day",
  });
  assert.deepEqual(all.warnings, []);
});

Deno.test("a later row the point is anchored on, directly or through a chain, leaves no narrative-order warning", async () => {
  // The drug start placed after v4 (narrated later; a forward anchor): it is surely after v4, and
  // bounding it by v4 would force it onto v4. v4 is dated about day 37 (36.5 to 37.5), so it
  // may end after the drug start's earliest day; v1 to v3 are before it.
  const direct = await warningsWith({
    drug_start: "after,v4,,,",
    v4: "approx,amputation,,37,day",
  });
  assert.deepEqual(direct.warnings, []);
  // Through a chain: the drug start after v3, v3 after v4.
  const chain = await warningsWith({
    drug_start: "after,v3,,,",
    v3: "after,v4,,,",
    v4: "approx,amputation,,37,day",
  });
  assert.deepEqual(chain.warnings, []);
});

Deno.test("a later row counted back from another anchor is told out of order by the text: not the row named", async () => {
  // v2, counted back from v4 (37 − 18: day 19), is narrated after the drug start (placed after
  // v1, day 9) and may fall after its earliest day; the text dates it before v4, so its place in
  // the narrative bounds nothing, as a row placed by rule 'before': the row named is v3.
  const { warnings } = await warningsWith({
    drug_start: "after,v1,,,",
    v2: "exact-before,v4,,18,day",
  });
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /'drug_start' .* is narrated before 'v3' .* give it bound 'v3'/);
});

Deno.test("a point placed after a row counted back from a later one is not surely after that later one", async () => {
  // The drug start after v1, v1 9 days before v3 (day 20): the drug start may fall before or
  // after v3, though anchored on it through v1. The row named is v3, not v4.
  const { warnings } = await warningsWith({
    drug_start: "after,v1,,,",
    v1: "exact-before,v3,,9,day",
  });
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /'drug_start' .* is narrated before 'v3' .* give it bound 'v3'/);
});
