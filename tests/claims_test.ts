/**
 * The claims ledger: quotes from the article, verdicts from stated rules on computed values, each
 * claim judged on the cases of its own article only.
 */
import assert from "node:assert/strict";
import {
  type Case,
  type CaseSeries,
  claimsLedger,
  DEFAULT_DATA_DIR,
  loadCaseSeries,
  normalizeSourceText,
  visualAnalysis,
} from "../lib/mod.ts";
import { VERDICTS } from "../lib/claims.ts";
import { TEST_DATA_DIR } from "./helpers/data_dir.ts";

const series = await loadCaseSeries(TEST_DATA_DIR);
const ledger = claimsLedger(series);
const byId = (id: string) => series.cases.find((c) => c.id === id)!;
const verdicts = (l: typeof ledger) => Object.fromEntries(l.map((c) => [c.id, c.verdict]));

Deno.test("every claim in the ledger is quoted from its article", async () => {
  for (const c of ledger) {
    const source = normalizeSourceText(
      await Deno.readTextFile(`${DEFAULT_DATA_DIR}${series.sources.get(c.sourceId)!.textPath}`),
    );
    assert.ok(source.includes(normalizeSourceText(c.quote)), c.quote);
    assert.ok(VERDICTS.includes(c.verdict));
    assert.doesNotMatch(c.evidence, /undefined|NaN/);
  }
});

Deno.test("verdicts follow the stated rules on the computed values", () => {
  const v = verdicts(ledger);
  // 8.0 → 1.0 within 6 days: 87.5 %.
  assert.equal(v["case2-within-6-days"], "supported");
  // 0.1 cm is not 0: "total" relief only partly.
  assert.equal(v["case2-total-relief"], "partly supported");
  // Diclofenac was given for the phantom pain before milnacipran: not first-line.
  assert.equal(v["case2-first-line-monotherapy"], "not supported");
  assert.match(ledger.find((c) => c.id === "case2-first-line-monotherapy")!.evidence, /diclofenac/);
  // No follow-up length after the last value.
  assert.equal(v["case2-no-recurrence"], "cannot be assessed");
  // No value before paroxetine; the dose was raised because of the 6.6.
  assert.equal(v["case1-paroxetine-partial"], "partly supported");
  assert.match(
    ledger.find((c) => c.id === "case1-paroxetine-partial")!.evidence,
    /regression to the mean/,
  );
  // Lower after the switch, but pain was already falling and the drugs overlapped.
  assert.equal(v["case1-milnacipran-further"], "partly supported");
  assert.match(
    ledger.find((c) => c.id === "case1-milnacipran-further")!.evidence,
    /already falling.*stepwise/,
  );
  // 2.3 cm is not "almost no pain"; 0.6 is near-total but not "full", and it is undated
  // (after the 1-week report, before the 6-month reduction: days [0, 195]), so not surely
  // "long-term".
  assert.equal(v["case1-almost-no-pain"], "not supported");
  assert.equal(v["case1-long-term-full"], "partly supported");
  assert.equal(v["case1-near-total-absence"], "partly supported");
  assert.match(
    ledger.find((c) => c.id === "case1-near-total-absence")!.evidence,
    /not surely 90 days or more after its start/,
  );
  // Quetiapine runs through every milnacipran value and no value precedes it.
  assert.equal(v["case3-quetiapine-no-effect"], "cannot be assessed");
  assert.equal(v["case3-relief-only-with-milnacipran"], "cannot be assessed");
  assert.equal(v["direct-analgesic"], "cannot be assessed");
  // Case 1's first value after the switch is a 30 % (not ≥ 50 %) reduction.
  assert.equal(v["all-rapid-near-total"], "partly supported");
  assert.match(
    ledger.find((c) => c.id === "all-rapid-near-total")!.evidence,
    /case 1: first 30\.3%/,
  );
  // Case 3 has no SDS score.
  assert.equal(v["no-depression"], "partly supported");
  // No causal claim can be fully supported by an uncontrolled AB series.
  assert.equal(v["first-line"], "partly supported");
});

/** A synthetic case from another article: worse pain after the drug, depressed, never dated. */
function synthetic(from: Case, id: string, sourceId: string): Case {
  return {
    ...from,
    id,
    sourceId,
    sds: 60,
    observations: from.observations.map((o) => ({
      ...o,
      vas: { lo: 10 - o.vas.hi, hi: 10 - o.vas.lo, nominal: 10 - o.vas.nominal },
    })),
  };
}

Deno.test("claims belong to their article: cases from another article change no verdict", () => {
  const other = "synthetic-other-article";
  const src = [...series.sources.values()][0];
  const grown: CaseSeries = {
    study: series.study,
    sources: new Map([...series.sources, [other, { ...src, id: other, citation: "synthetic" }]]),
    cases: [
      ...series.cases,
      synthetic(byId("2"), "S1", other),
      { ...synthetic(byId("3"), "S2", other), observations: [] },
    ],
  };
  const after = claimsLedger(grown);
  assert.deepEqual(verdicts(after), verdicts(ledger));
  assert.deepEqual(after.map((c) => c.evidence), ledger.map((c) => c.evidence));
  assert.ok(after.every((c) => !c.cases.includes("S1") && !c.cases.includes("S2")));
});

Deno.test("a claim whose case is missing cannot be assessed; evidence numbers are computed", () => {
  const without: CaseSeries = {
    study: series.study,
    sources: series.sources,
    cases: series.cases.filter((c) => c.id !== "2"),
  };
  const l = claimsLedger(without);
  const c2 = l.find((c) => c.id === "case2-within-6-days")!;
  assert.equal(c2.verdict, "cannot be assessed");
  assert.match(c2.evidence, /not in the data/);
  // Change case 2's values: the evidence follows them (no typed number).
  const changed: CaseSeries = {
    study: series.study,
    sources: series.sources,
    cases: series.cases.map((c) =>
      c.id === "2"
        ? {
          ...c,
          observations: c.observations.map((o) => ({
            ...o,
            vas: { lo: o.vas.lo / 2, hi: o.vas.hi / 2, nominal: o.vas.nominal / 2 },
          })),
        }
        : c
    ),
  };
  const e = claimsLedger(changed).find((c) => c.id === "case2-within-6-days")!.evidence;
  assert.match(e, /VAS 4 → 0\.5/);
});

Deno.test("visual analysis: level, trend, variability, immediacy, overlap with their numbers", () => {
  const f1 = Object.fromEntries(visualAnalysis(byId("1")).map((f) => [f.feature, f]));
  assert.ok(Math.abs(f1.level.baseline! - 4.95) < 1e-12);
  assert.ok(Math.abs(f1.level.treatment! - 1.45) < 1e-12);
  assert.deepEqual([f1.immediacy.baseline, f1.immediacy.treatment], [3.3, 2.3]);
  const f2 = Object.fromEntries(visualAnalysis(byId("2")).map((f) => [f.feature, f]));
  assert.equal(f2.trend.baseline, null);
  assert.match(f2.variability.reading, /Range before: not defined \(fewer than two values\)/);
  assert.match(f2.overlap.reading, /^100% of values after/);
});
