/**
 * The pooled notebook's tables (lib/report/pooled.ts) and the forest plot's sentence when no case
 * takes the drug of interest: no "undefined", no proportion of nothing, the true reason.
 */
import assert from "node:assert/strict";
import {
  aggregateRows,
  type Case,
  caseChange,
  type CaseSeries,
  drugRatesCaption,
  effectSizeRows,
  groupRows,
  lineOfTherapyCaption,
  lineOfTherapyGroups,
  loadCaseSeries,
  permutationTest,
  pooledIntro,
  rateRows,
  responderRows,
  responders,
  SCALES,
  signTest,
  testRows,
  testsSentence,
} from "../../lib/mod.ts";
import { FOREST } from "../../lib/plots/mod.ts";
import { articleSeries, TEST_DATA_DIR } from "../helpers/data_dir.ts";
import { bracketDepth } from "../helpers/brackets.ts";
import { aroundDrug, makeCase, zeroBaseline } from "../helpers/constructed_case.ts";

const series = articleSeries(await loadCaseSeries(TEST_DATA_DIR));

/** The series asked about a drug none of its cases takes. */
function notTaken(s: CaseSeries): CaseSeries {
  const study = { ...s.study, drug: `${s.study.drug} (not taken)` };
  return { ...s, study, cases: s.cases.map((c) => ({ ...c, study })) };
}
const none = notTaken(series);
const never = `never takes ${none.study.drug}`;

Deno.test("testRows: a permutation test not run says so, its note says why, never 'undefined'", () => {
  const rows = testRows(none);
  assert.ok(rows.length > 0);
  for (const r of rows) assert.doesNotMatch(JSON.stringify(r), /undefined/);
  const perm = rows.filter((r) => String(r.test).startsWith("permutation"));
  assert.ok(perm.length > 0);
  for (const r of perm) {
    // Not run; why is the row's note, said once.
    assert.equal(r.test, "permutation (not run)");
    assert.equal(typeof r.note, "string");
  }
  // With pairs, how it ran.
  const real = testRows(series).filter((r) => String(r.test).startsWith("permutation"));
  for (const r of real) {
    assert.match(String(r.test), /^permutation \((exact|seed \d+), \d+ assignments\)$/);
  }
});

Deno.test("responderRows: no case assessed shows no count of nothing, only who is left out", () => {
  const rows = responderRows(responders(none.cases));
  assert.ok(rows.length > 0);
  for (const r of rows) {
    assert.equal(r.responders, null);
    assert.equal(r.cases, null);
    assert.equal(r.proportion, null);
    assert.equal(r.excluded, none.cases.map((c) => c.id).join(", "));
  }
  // Cases assessed: the count of n.
  const real = responders(series.cases);
  assert.deepEqual(
    responderRows(real).map((r) => r.responders),
    real.map((r) => `${r.count}/${r.n}`),
  );
});

Deno.test("forest omission: no case with both phases says so, with each case's reason", () => {
  const why = FOREST.omission({ ...none, measure: "NAP" });
  assert.match(
    why ?? "",
    /^No forest plot of NAP: no case has pain values both before and after the drug \(/,
  );
  assert.ok(why!.includes(never), why!);
  assert.doesNotMatch(why!, /WWC/);
});

Deno.test("line of therapy: no case taking the drug said plainly in the caption and the row", () => {
  const caption = lineOfTherapyCaption(none);
  assert.doesNotMatch(caption, /descriptive|none\)/);
  assert.match(caption, /: no case can be assessed \(/);
  assert.ok(caption.endsWith(`${never})`), caption);
  const rows = groupRows(none);
  assert.equal(rows.length, 1);
  assert.equal(rows[0].group, "no case assessable");
  assert.match(lineOfTherapyCaption(series), /\(descriptive; .*\d+ cases?[;)]/);
  // No brackets within brackets, whether or not a line holds too few cases to compare.
  for (const minCasesForest of [1, series.study.minCasesForest, series.cases.length + 1]) {
    const study = { ...series.study, minCasesForest };
    const s = { ...series, study, cases: series.cases.map((c) => ({ ...c, study })) };
    const caption = lineOfTherapyCaption(s);
    assert.ok(bracketDepth(caption) <= 1, caption);
  }
  // An empty series: said, not thrown.
  assert.match(lineOfTherapyCaption({ ...series, cases: [] }), /\(the series has no case\)$/);
  assert.deepEqual(groupRows({ ...series, cases: [] }), []);
});

Deno.test("line of therapy: cases that take the drug but have no reduction are said in the caption too", () => {
  // Every case's values before the drug removed: each still takes it (its line is known), none
  // has a baseline to compare with.
  const takers = series.cases.filter((c) => c.treatments.some((t) => t.drug === series.study.drug));
  const cut = {
    ...series,
    cases: takers.map((c) => ({
      ...c,
      observations: c.observations.filter((o) =>
        caseChange(c).points.some((p) => p.timeId === o.day.timeId)
      ),
    })),
  };
  const caption = lineOfTherapyCaption(cut);
  assert.match(caption, /: no case can be assessed \(/, caption);
  for (const c of cut.cases) assert.ok(caption.includes(c.id), `${c.id} in: ${caption}`);
});

Deno.test("tests: each row states the smallest p its pairs can give, and the tied pairs left out", () => {
  // Three pairs, all lower after: neither test can give less than 2/2^3 = 0.25.
  const down = [{ caseId: "a", pre: 5, post: 1 }, { caseId: "b", pre: 6, post: 2 }, {
    caseId: "c",
    pre: 4,
    post: 3,
  }];
  assert.equal(signTest(down).minP, 0.25);
  assert.equal(signTest(down).pValue, 0.25);
  assert.equal(permutationTest(down).minP, 0.25);
  // A tied pair: the sign test drops it (n = 2, smallest p 0.5) and names it; the permutation
  // test keeps it, but its zero difference doubles every count (smallest p 2^(1+1−3) = 0.5).
  const tied = [...down.slice(0, 2), { caseId: "c", pre: 4, post: 4 }];
  assert.equal(signTest(tied).n, 2);
  assert.deepEqual(signTest(tied).tied, ["c"]);
  assert.equal(signTest(tied).minP, 0.5);
  assert.equal(permutationTest(tied).minP, 0.5);
  // Sampled (more pairs than enumerated): never below 1/(draws + 1).
  const many = Array.from({ length: 30 }, (_, i) => ({ caseId: `${i}`, pre: 5, post: i % 7 }));
  const sampled = permutationTest(many, { maxExact: 10, draws: 99 });
  assert.equal(sampled.minP, 0.01);
  // Many pairs: a tiny floor is written as such, never rounded to 0.
  const twenty = Array.from({ length: 20 }, (_, i) => ({ caseId: `${i}`, pre: 9, post: i % 5 }));
  assert.equal(signTest(twenty).minP, 2 ** -19);
  // In the table: the note of every test with pairs says it, with the number of pairs.
  for (const r of testRows(series)) {
    if (r.n === 0) continue;
    // What the statistic counts or measures, in its unit: the column holds both kinds.
    assert.match(
      String(r.note),
      r.test === "exact sign test"
        ? /^statistic: pairs lower after; /
        : /^statistic: mean change after − before \((cm|points|mm|points on the common 0–10 metric)\); /,
    );
    assert.match(String(r.note), new RegExp(`smallest p possible with ${r.n} pairs?: 0\\.?\\d*`));
  }
});

Deno.test("testRows: a tied pair left out of the sign test is named in its note", () => {
  const s = aroundDrug(series.study);
  const days = { before: 5, start: 10, after: 20 };
  const period = { drug: s.study.drug, dose: 10, start: "start", end: null };
  const tie = { ...makeCase(days, [period], { before: 5, after: 5 }), id: "tie", study: s.study };
  const rows = testRows({ ...s, cases: [s.cases[0], tie] });
  const sign = rows.find((r) =>
    r.test === "exact sign test" && r.timing === "last post-drug value"
  )!;
  assert.equal(sign.n, 1);
  assert.match(String(sign.note), /1 tied pair left out \(case tie\)/);
  // The permutation test keeps it, and it doubles the smallest p: 2^(1 + 1 − 2) = 1.
  const permutation = rows.find((r) =>
    r.test !== "exact sign test" && r.timing === "last post-drug value"
  )!;
  assert.equal(permutation.n, 2);
  assert.match(
    String(permutation.note),
    /smallest p possible with 2 pairs: 1; 1 tied pair kept, each doubling the smallest p \(case tie\)/,
  );
});

Deno.test("aggregateRows: fewer estimable cases than the study pools give no aggregate, and say why", () => {
  const s = aroundDrug(series.study);
  const days = { a1: 1, a2: 2, a3: 3, start: 10, b1: 11, b2: 12, b3: 13 };
  const period = { drug: s.study.drug, dose: 10, start: "start", end: null };
  const made = (id: string, shift: number) => ({
    ...makeCase(days, [period], { a1: 7, a2: 6 + shift, a3: 8, b1: 3, b2: 2 + shift, b3: 4 }),
    id,
    study: { ...s.study, minPointsPerPhase: 3, minCasesForest: 3 },
  });
  const rowsOf = (n: number) => {
    const cases = Array.from({ length: n }, (_, i) => made(`k${i}`, i / 10));
    return aggregateRows({ ...s, study: cases[0].study, cases }, "NAP");
  };
  // Two cases with an estimate: the "aggregate" would be their own estimates averaged.
  for (const r of rowsOf(2)) {
    assert.equal(r.n, 2);
    assert.equal(r.estimate, null);
    assert.equal(r["CI lower"], null);
    const what = r.weighting === "1/V"
      ? "with an estimate and a standard error"
      : "with an estimate";
    assert.match(String(r.note), new RegExp(`not pooled: 2 cases ${what}; .*at least 3`));
    assert.equal(r.cases, "k0, k1");
  }
  // Three: pooled, with its interval.
  for (const r of rowsOf(3)) {
    assert.equal(r.n, 3);
    assert.equal(typeof r.estimate, "number", JSON.stringify(r));
  }
});

Deno.test("testRows: a tiny smallest p is written as such, not rounded to 0", () => {
  const s = aroundDrug(series.study);
  const days = { before: 5, start: 10, after: 20 };
  const period = { drug: s.study.drug, dose: 10, start: "start", end: null };
  const cases = Array.from({ length: 20 }, (_, i) => ({
    ...makeCase(days, [period], { before: 6, after: 1 + (i % 4) }),
    id: `c${i}`,
    study: s.study,
  }));
  const sign = testRows({ ...s, cases }).find((r) => r.test === "exact sign test")!;
  assert.equal(sign.n, 20);
  assert.match(String(sign.note), /smallest p possible with 20 pairs: 0\.0000019(;|$)/);
  // Every case lower after: the p itself is that floor, not 0.
  assert.equal(sign["p (two-sided)"], 0.0000019);
});

Deno.test("responders: a case whose values' bounds fall on both sides of a threshold is named", () => {
  const s = aroundDrug(series.study);
  const days = { before: 5, start: 10, after: 20 };
  const period = { drug: s.study.drug, dose: 10, start: "start", end: null };
  const made = (id: string, after: number | [number, number]) => ({
    ...makeCase(days, [period], { before: 6, after }),
    id,
    study: s.study,
  });
  // 6 → [2, 4]: [33.3, 66.7]%, 50% at its nominal value; 6 → 1: 83.3% whatever the bounds.
  const rows = responders([made("ranged", [2, 4]), made("sure", 1)]);
  const at = (pct: number) =>
    responderRows(rows).find((r) => r.timing === "first" && r.threshold === `≥${pct}% reduction`)!;
  assert.equal(at(50).responders, "2/2");
  assert.equal(
    at(50).note,
    "case ranged is counted at its nominal value but is not a responder at every bound of its values",
  );
  assert.equal(at(30).note, null);
  assert.deepEqual(rows.find((r) => r.threshold.value === 50)!.uncertain, [
    { caseId: "ranged", responder: true },
  ]);
});

Deno.test("line of therapy: a reduction from a range is a range; no percent of a 0 baseline says so", () => {
  const s = aroundDrug(series.study);
  const days = { before: 5, start: 10, after: 20 };
  const period = { drug: s.study.drug, dose: 10, start: "start", end: null };
  const ranged = {
    ...makeCase(days, [period], { before: 6, after: [2, 4] }),
    id: "ranged",
    study: s.study,
  };
  const rows = groupRows({ ...s, cases: [ranged, zeroBaseline(s)] });
  assert.equal(rows[0]["% reduction, first value"], "case ranged: [33.3, 66.7]");
  const zero = rows.find((r) => String(r.excluded ?? "").includes("zero"))!;
  assert.match(String(zero.excluded), /the baseline may be 0: no percent of it/);
});

Deno.test("PoGO: an interval past 100 (no value can pass the goal) is not reported bare", () => {
  const s = aroundDrug(series.study);
  const study = { ...s.study, minPointsPerPhase: 3, minCasesForest: 3 };
  const days = { a1: 1, a2: 2, a3: 3, start: 10, b1: 11, b2: 12, b3: 13 };
  const period = { drug: study.drug, dose: 10, start: "start", end: null };
  // 5, 6, 7 → 0, 0, 0: PoGO 100 with a Wald interval [73.3, 126.7] (SingleCaseES's).
  const made = (id: string) => ({
    ...makeCase(days, [period], { a1: 5, a2: 6, a3: 7, b1: 0, b2: 0, b3: 0 }),
    id,
    study,
  });
  const pogo = effectSizeRows(made("k")).find((r) => r.measure === "PoGO")!;
  assert.equal(pogo.estimate, 100);
  assert.equal(pogo["CI upper"], null);
  assert.match(
    String(pogo.note),
    /leaves the range the measure can take on these values \(-inf, 100\]/,
  );
  // Aggregated: cut at 100, the Wald limits kept in the note.
  const cases = ["k1", "k2", "k3"].map(made);
  const agg = aggregateRows({ ...s, study, cases }, "PoGO").find((r) => r.weighting === "equal")!;
  assert.equal(agg["CI upper"], 100);
  assert.match(String(agg.note), /truncated to the measure's range/);
});

Deno.test("pooledIntro: a mix of scales cites each source once; the NRS caveat only where NRS and VAS are pooled", () => {
  const around = aroundDrug(series.study);
  const ok = around.cases.find((c) => c.id === "ok")!;
  const on = (id: string, scale: string): Case => ({
    ...ok,
    id,
    observations: ok.observations.map((o) => {
      const v = Math.min(SCALES[scale].max, Math.round(o.value.nominal));
      const value = { lo: v, nominal: v, hi: v };
      return { ...o, scale: SCALES[scale], value, common: SCALES[scale].common(v), words: `${v}` };
    }),
  });
  const nrs = pooledIntro({ ...around, cases: [ok, on("n", "nrs-0-10")] });
  assert.equal(nrs.match(/Hjermstad/g)?.length, 1, nrs);
  assert.match(nrs, /A point of NRS and a cm of VAS correlate closely/);
  // A VAS with a verbal scale: no sentence about NRS.
  const vrs = pooledIntro({ ...around, cases: [ok, on("v", "vrs-4")] });
  assert.doesNotMatch(vrs, /NRS|Hjermstad/, vrs);
});

Deno.test("testsSentence: the pairs of each timing, the smallest p observed and the smallest possible, or no pair", () => {
  const t = (n: number, p: number | null, minP: number | null) => ({
    test: "sign" as const,
    pValue: p,
    n,
    statistic: n,
    minP,
    caveat: "C.",
  });
  const pair = (id: string) => ({ caseId: id, pre: 6, post: 1 });
  const level = { significanceLevel: 0.05 };
  const timing = (
    timing: "first" | "last",
    n: number,
    p: number | null,
    minP: number | null,
  ) => ({
    timing,
    pairs: Array.from({ length: n }, (_, i) => pair(`${i}`)),
    excluded: [],
    sign: t(n, p, minP),
    permutation: { ...t(n, p, minP), test: "permutation" as const },
  });
  assert.equal(
    testsSentence([timing("first", 3, 0.25, 0.25), timing("last", 4, 0.5, 0.125)], level),
    "With 3 to 4 pairs, the smallest p-value observed is 0.25, and the smallest any test above " +
      "could give with these pairs is 0.125: a p at that floor is as extreme as these pairs " +
      "allow, not a small p (above the study's significance level 0.05, which no data could " +
      "reach with these pairs: no p-value here is a finding, and none is a headline number). C.",
  );
  // A study that sets no level: the floor is given, nothing is said of a level.
  assert.doesNotMatch(
    testsSentence([timing("last", 3, 0.25, 0.25)], { significanceLevel: null }),
    /level/,
  );
  // A floor at or below the level: a small p is possible, and nothing more is said.
  assert.equal(
    testsSentence([timing("last", 6, 0.03125, 0.03125)], level),
    "With 6 pairs, the smallest p-value observed is 0.031, and the smallest any test above " +
      "could give with these pairs is 0.031: a p at that floor is as extreme as these pairs " +
      "allow, not a small p. C.",
  );
  assert.equal(
    testsSentence([timing("last", 0, null, null)], level),
    "No pair could be tested. C.",
  );
});

Deno.test("line of therapy: lines of fewer cases than the study needs to compare are compared with none", () => {
  const min = series.study.minCasesForest;
  const { groups } = lineOfTherapyGroups(series.cases, { drug: series.study.drug });
  const few = groups.filter((g) => g.n < min);
  const caption = lineOfTherapyCaption(series);
  assert.equal(caption.includes("so no line is compared with another"), few.length > 0, caption);
  // A study that compares from one case: nothing withheld.
  const study = { ...series.study, minCasesForest: 1 };
  const one = { ...series, study, cases: series.cases.map((c) => ({ ...c, study })) };
  assert.doesNotMatch(lineOfTherapyCaption(one), /no line is compared/);
  // One that needs more cases than any line holds: every line.
  const many = { ...series.study, minCasesForest: series.cases.length + 1 };
  const big = { ...series, study: many, cases: series.cases.map((c) => ({ ...c, study: many })) };
  if (groups.length) assert.match(lineOfTherapyCaption(big), /every line holds fewer than/);
});

Deno.test("responderRows: a number inside a text cell is rounded once, to 4 decimals", () => {
  const rows = responderRows(responders(series.cases));
  const ci = rows.flatMap((r) =>
    Object.entries(r).filter(([k, v]) => k.includes("% CI") && typeof v === "string")
      .map(([, v]) => String(v))
  );
  assert.ok(ci.length > 0);
  for (const text of ci) assert.doesNotMatch(text, /\d\.\d{5}/, text);
});

Deno.test("drug rates caption: names the drug's own rows and which drugs came before it, after it or instead", () => {
  const study = aroundDrug(series.study).study;
  const days = { before: 5, start: 10, after: 20, later: 40 };
  const values = { after: 4, later: 2 };
  const made = (periods: Parameters<typeof makeCase>[1]): Case => ({
    ...makeCase(days, periods, values),
    study,
  });
  const x = { drug: "drug-x", dose: 10, start: "start", end: null };
  // Given before it and started after it: both said, and the drug's own rows too.
  const both = drugRatesCaption(made([
    { drug: "drug-p", dose: 1, start: "before", end: "start" },
    x,
    { drug: "drug-q", dose: 1, start: "after", end: null },
  ]));
  assert.equal(
    both,
    "Case N1: rate of change per drug and dose period, of drug-x and of each drug given for " +
      "pain before it (drug-p), and of each started with or after it (drug-q)",
  );
  // The drug alone.
  assert.match(drugRatesCaption(made([x])), /, of drug-x, the only drug given for pain$/);
  // Never taken: the table holds the other drugs, and says so.
  assert.match(
    drugRatesCaption(made([{ ...x, drug: "drug-y" }])),
    /, of each drug given for pain \(drug-y\); the case never takes drug-x$/,
  );
  // No drug for the indication at all: said so, with no empty list.
  const caption = drugRatesCaption(made([{ ...x, drug: "drug-y", purpose: "sleep" }]));
  assert.match(caption, /: the case takes no drug for pain, and never drug-x$/);
  assert.doesNotMatch(caption, /\(none\)/);
  // Every drug of every row of each real case's table is named in its caption.
  for (const c of series.cases) {
    for (const r of rateRows(c)) assert.ok(drugRatesCaption(c).includes(String(r.drug)), c.id);
  }
});
