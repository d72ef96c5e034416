import assert from "node:assert/strict";
import {
  claimsLedger,
  DEFAULT_DATA_DIR,
  loadCaseSeries,
  normalizeSourceText,
  visualAnalysis,
} from "../lib/mod.ts";

const series = await loadCaseSeries();
const ledger = claimsLedger(series);

Deno.test("every claim in the ledger is quoted from the article", async () => {
  const source = normalizeSourceText(
    await Deno.readTextFile(`${DEFAULT_DATA_DIR}sources/nagoshi-2012.txt`),
  );
  assert.ok(ledger.length >= 10);
  for (const c of ledger) assert.ok(source.includes(normalizeSourceText(c.quote)), c.quote);
});

Deno.test("verdicts follow the computed values", () => {
  const v = Object.fromEntries(ledger.map((c) => [c.id, c.verdict]));
  // 8.0 → 1.0 within 6 days: 87.5 %.
  assert.equal(v["case2-within-6-days"], "supported");
  // 0.1 cm is not 0: "total" relief only partly.
  assert.equal(v["case2-total-relief"], "partly supported");
  // Diclofenac was given for the phantom pain before milnacipran.
  assert.equal(v["case2-first-line-monotherapy"], "partly supported");
  // Case 1's first value after the switch is a 30 % (not ≥ 50 %) reduction.
  assert.equal(v["all-rapid-near-total"], "partly supported");
  // Case 3 has no SDS score.
  assert.equal(v["no-depression"], "partly supported");
  // No causal claim can be fully supported by an uncontrolled AB series.
  assert.equal(v["first-line"], "partly supported");
  assert.match(
    ledger.find((c) => c.id === "all-rapid-near-total")!.evidence,
    /case 1: first 30\.3%/,
  );
});

Deno.test("visual analysis: level, trend, variability, immediacy, overlap with their numbers", () => {
  const [c1, c2] = series.cases;
  const f1 = Object.fromEntries(visualAnalysis(c1).map((f) => [f.feature, f]));
  assert.ok(Math.abs(f1.level.baseline! - 4.95) < 1e-12);
  assert.ok(Math.abs(f1.level.treatment! - 1.45) < 1e-12);
  assert.deepEqual([f1.immediacy.baseline, f1.immediacy.treatment], [3.3, 2.3]);
  const f2 = Object.fromEntries(visualAnalysis(c2).map((f) => [f.feature, f]));
  assert.equal(f2.trend.baseline, null);
  assert.match(f2.variability.reading, /Range before: undefined \(one value\)/);
  assert.match(f2.overlap.reading, /^100% of values after/);
});
