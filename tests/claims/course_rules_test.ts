/**
 * The further-improvement-after-switch rule on constructed cases: "already falling" is the visual
 * analysis' one rule (`baselineMovement`): "was already falling" when the values before the drug
 * fall at every admissible day and value within rounding, "may already have been falling" when
 * only some allow it, and neither when none does. And the rules that ask whether a drug was given
 * at a value ask whether it was surely given, though at a dose the times leave open (a stepwise
 * switch, a dose change at a time not dated), not whether one of its dose periods surely was.
 */
import assert from "node:assert/strict";
import {
  type Case,
  type CaseSeries,
  causalityRows,
  loadCaseSeries,
  naranjoPair,
  visualAnalysis,
} from "../../lib/mod.ts";
import { judge } from "../../lib/claims/rules/mod.ts";
import { baselineMovement } from "../../lib/analysis/visual.ts";
import {
  around,
  aroundDrug,
  CONSTRUCTED_INDICATION,
  makeCase,
  type Period,
} from "../helpers/constructed_case.ts";
import { TEST_DATA_DIR } from "../helpers/data_dir.ts";

const { study } = await loadCaseSeries(TEST_DATA_DIR);
const days = { a: 2, b: 5, start: 10, after: 20 };
const rule = { kind: "further-improvement-after-switch", params: { from: "drug-y" } } as const;

Deno.test("already falling: surely, possibly or not, as the visual analysis says", () => {
  const surely = around(study, days, { a: 8, b: 6, after: 3 });
  // 6 may be up to 9: a fall only at some values the range allows.
  const possibly = around(study, days, { a: 8, b: [6, 9], after: 3 });
  const rising = around(study, days, { a: 5, b: 6, after: 3 });
  const drug = surely.study.drug;
  for (
    const [c, want, words] of [
      [surely, "surely", /pain was already falling before the switch/],
      [possibly, "possibly", /pain may already have been falling before the switch/],
      [rising, null, /no falling trend before the switch/],
    ] as const
  ) {
    assert.equal(baselineMovement(c), want);
    const j = judge(rule, drug, [c]);
    assert.match(j.evidence, words, j.evidence);
    // Falling (surely or possibly) weakens the claim to partly; else it is supported.
    assert.equal(j.verdict, want === null ? "supported" : "partly supported", j.evidence);
    // The trend reading of the visual analysis words the same case the same way.
    const trend = visualAnalysis(c).find((f) => f.feature === "trend")!.reading;
    assert.equal(trend.includes("may already have been"), want === "possibly", trend);
    assert.equal(trend.includes(" was already "), want === "surely", trend);
  }
  // "Was already" is never said of a case that only may have been falling.
  assert.doesNotMatch(judge(rule, drug, [possibly]).evidence, /was already/);
});

/** The study of {@link around}'s cases, with the given days, periods and values. */
const caseWith = (
  d: Record<string, number | [number, number]>,
  periods: Period[],
  values: Record<string, number>,
) => ({ ...makeCase(d, periods, values), study: aroundDrug(study).study });

Deno.test("a drug surely given at a dose the times leave open counts as given (a stepwise switch)", () => {
  // drug-a replaced stepwise by drug-b: its last dose (aend) not dated, the doses between not
  // stated; at v1 and v2 no period of drug-b is certain, but drug-b is surely given.
  const c = caseWith(
    { s: 5, pre: 8, sw: 20, aend: [20, 60], v1: 25, v2: 30 },
    [
      { drug: "drug-a", dose: 40, start: "s", end: "sw" },
      { drug: "drug-a", dose: null, start: "sw", end: "aend" },
      { drug: "drug-b", dose: null, start: "sw", end: "aend" },
      { drug: "drug-b", dose: 100, start: "aend", end: null },
    ],
    { pre: 5, v1: 6, v2: 6.5 },
  );
  const j = judge({ kind: "drug-ineffective", params: {} }, "drug-b", [c]);
  assert.match(j.evidence, /1 VAS value before drug-b, 2 values while it was surely given/);
  assert.equal(j.verdict, "supported", j.evidence);
});

Deno.test("a partial response at doses the times leave open names both doses", () => {
  // drug-b raised from 50 to 100 mg/day at a time not dated ([20, 60]): at 30 and 40 it is surely
  // given, at one of the two doses.
  const c = caseWith(
    { pre: 5, s: 10, up: [20, 60], v1: 30, v2: 40 },
    [
      { drug: "drug-b", dose: 50, start: "s", end: "up" },
      { drug: "drug-b", dose: 100, start: "up", end: null },
    ],
    { pre: 8, v1: 6, v2: 4 },
  );
  const rule = {
    kind: "partial-response-to-prior-drug",
    params: { remaining_above: 1, unit: "cm" },
  } as const;
  const j = judge(rule, "drug-b", [c]);
  const either = "drug-b (50 mg/day or 100 mg/day)";
  assert.ok(j.evidence.includes(`VAS 6 on ${either} → 4 on ${either} (`), j.evidence);
  assert.equal(j.verdict, "supported", j.evidence);
});

Deno.test("relief only with a drug: a value surely on the other drug at a dose left open is counted on it", () => {
  // drug-q's dose changes at a time not dated; at v1 it is surely given, drug-x not yet.
  const c = caseWith(
    { q: 5, up: [6, 20], v1: 12, x: 30, v2: 40 },
    [
      { drug: "drug-q", dose: 50, start: "q", end: "up" },
      { drug: "drug-q", dose: 100, start: "up", end: null },
      { drug: "drug-x", dose: 10, start: "x", end: null },
    ],
    { v1: 6, v2: 2 },
  );
  const rule = { kind: "relief-only-with-drug", params: { after: "drug-q" } } as const;
  const j = judge(rule, "drug-x", [c]);
  assert.match(j.evidence, /1 value surely on drug-q without drug-x/, j.evidence);
});

Deno.test("drug ineffective: 'no value while surely given' says the values where the drug may have been given", () => {
  // drug-a from day 5 to 8; one value placed by the text between days 2 and 20, before drug-b:
  // before drug-a or on it, the times do not say.
  const built = makeCase(
    { v: [2, 20], a_start: 5, a_end: 8, b_start: 30 },
    [
      { drug: "drug-a", dose: 10, start: "a_start", end: "a_end" },
      { drug: "drug-b", dose: 25, start: "b_start", end: null },
    ],
    { v: 8 },
  );
  const t0 = built.timepoints[0].day;
  const period = (c: Case): Case => ({
    ...c,
    observations: c.observations.map((o) => ({ ...o, span: { start: t0, end: null } })),
  });
  const ineffective = { kind: "drug-ineffective", params: {} } as const;
  for (
    const [c, words] of [
      [{ ...built, study }, /the VAS 8 at a time it may have been given/],
      [{ ...period(built), study }, /the VAS 8 over a period that may include it/],
    ] as const
  ) {
    const j = judge(ineffective, "drug-a", [c]);
    assert.equal(j.verdict, "cannot be assessed");
    assert.match(j.evidence, /no VAS value before drug-a, no value while it was surely given; /);
    assert.match(j.evidence, words, j.evidence);
    // The causality row of the drug says it too, beside its count of the values after its start.
    const series = { study, sources: new Map(), cases: [c] } as unknown as CaseSeries;
    const row = causalityRows(series, c.sourceId, { indication: CONSTRUCTED_INDICATION }).find((
      r,
    ) => r.drug === "drug-a")!;
    assert.match(row.temporal, /no value after its start while it may have been given; /);
    assert.match(row.temporal, words, row.temporal);
  }
  // Surely given at a value: nothing more is said of it.
  const on = {
    ...makeCase({ a_start: 5, v: 6, a_end: 8 }, [{
      drug: "drug-a",
      dose: 10,
      start: "a_start",
      end: "a_end",
    }], { v: 8 }),
    study,
  };
  assert.doesNotMatch(judge(ineffective, "drug-a", [on]).evidence, /may/);
});

Deno.test("no recurrence: the last value's time in the text's words is not nested in brackets", () => {
  const c = around(study, days, { a: 8, b: 6, after: 3 });
  const timepoints = c.timepoints.map((t) =>
    t.id === "after"
      ? { ...t, words: "treatment was continued (narrated before the reduction)" }
      : t
  );
  const j = judge({ kind: "no-recurrence", params: {} }, c.study.drug, [{ ...c, timepoints }]);
  assert.match(
    j.evidence,
    /the last value stated is "VAS 3", its time "treatment was continued \(narrated before the reduction\)"; /,
  );
  // Neutral on what the claim says (no recurrence, no aggravation): the follow-up's length only.
  assert.match(j.evidence, /so how long follow-up lasted is not stated/);
  assert.doesNotMatch(j.evidence, /without recurrence/);
});

Deno.test("no depression: an SDS taken during a switch whose dose changes at an open time names the drug once, surely given", () => {
  // drug-s (an SSRI) at 20 mg/day, then at a dose not stated from a day the text leaves in
  // [15, 40]: the score of day 30 is on drug-s surely, at one dose or the other.
  const built = makeCase(
    { s: 5, up: [15, 40], v: 30 },
    [
      { drug: "drug-s", dose: 20, start: "s", end: "up", drugClass: "SSRI" },
      { drug: "drug-s", dose: null, start: "up", end: null, drugClass: "SSRI" },
    ],
    { v: 3 },
  );
  const c = { ...built, sds: 35 };
  const rule = {
    kind: "no-depression" as const,
    params: {
      sds_below: 40,
      unit: "raw score" as const,
      antidepressant_classes: ["SSRI"],
      measured_at: { [c.id]: "v" },
    },
  };
  const j = judge(rule, "drug-x", [c]);
  assert.match(
    j.evidence,
    /while taking drug-s \(20 mg\/day or dose not stated\), SSRI:/,
    j.evidence,
  );
  assert.doesNotMatch(j.evidence, /possibly/);
});

Deno.test("a drug for another purpose the times leave only possibly given with the drug is said to be possibly given (first-line, Naranjo Q5)", () => {
  // drug-q (for sleep) starts at a day the text leaves in [0, 30], with no end; drug-x from day
  // 10; the value of day 20 may be before or on drug-q.
  const built = makeCase(
    { q: [0, 30], x: 10, v0: 5, v: 20 },
    [
      { drug: "drug-q", dose: 5, start: "q", end: null, purpose: "sleep", untied: true },
      { drug: "drug-x", dose: 10, start: "x", end: null },
    ],
    { v0: 7, v: 3 },
  );
  const c = { ...built, study: { ...built.study, drug: "drug-x" } };
  const j = judge(
    { kind: "first-line", params: { indication: CONSTRUCTED_INDICATION } },
    "drug-x",
    [
      c,
    ],
  );
  assert.match(
    j.evidence,
    /given with it for other purposes: drug-q 5 mg\/day \(sleep, possibly\)/,
    j.evidence,
  );
  const q5 =
    naranjoPair(c, "drug-x", { indication: CONSTRUCTED_INDICATION, improvement: "decrease" })
      .items[4];
  assert.match(q5.basis, /also given at them: drug-q \(for sleep, possibly\)/, q5.basis);
});

Deno.test("a co-drug without effect: a value the times leave on either side of its start is not 'no value before' it", () => {
  // drug-q starts at a time the text leaves in [5, 15]: the VAS 6 of day 8 may precede or follow
  // it (the active-treatments table marks drug-q possible there), so none is surely before it.
  const values = { v0: 6, v1: 4, v2: 3 };
  const periods = (q: string): Period[] => [
    { drug: "drug-x", dose: 10, start: "start", end: null },
    { drug: "drug-q", dose: 5, start: q, end: null },
  ];
  const days = { v0: 8, start: 10, v1: 20, v2: 40 };
  const open = caseWith({ ...days, q: [5, 15] }, periods("q"), values);
  const coDrug = { kind: "co-drug-no-effect", params: { co_drug: "drug-q" } } as const;
  const j = judge(coDrug, "drug-x", [open]);
  assert.equal(j.verdict, "cannot be assessed");
  assert.match(
    j.evidence,
    /^case N1: no VAS value surely before drug-q \(the VAS 6 may precede or follow it\); /,
  );
  // The relief-only rule counts the values before it by the same words.
  const only = { kind: "relief-only-with-drug", params: { after: "drug-q" } } as const;
  assert.match(
    judge(only, "drug-x", [open]).evidence,
    /^case N1: no VAS value surely before drug-q \(the VAS 6 may precede or follow it\), /,
  );
  // Dated after the value: it is before drug-q, and nothing "surely" is said.
  const dated = caseWith({ ...days, q: 9 }, periods("q"), values);
  assert.match(judge(coDrug, "drug-x", [dated]).evidence, /^case N1: 1 VAS value before drug-q; /);
});

Deno.test("no recurrence after an event: the evidence names the values stated after that time point, not the follow-up after the last value", () => {
  // drug-x 10 mg/day from day 10, reduced to 5 mg/day at `red`; values on days 5, 20 and 50.
  const reduced = (red: number | [number, number], values: Record<string, number>) =>
    caseWith(
      { b: 5, start: 10, v1: 20, v2: 50, red },
      [
        { drug: "drug-x", dose: 10, start: "start", end: "red" },
        { drug: "drug-x", dose: 5, start: "red", end: null },
      ],
      values,
    );
  const rule = { kind: "no-recurrence", params: { after: "red" } } as const;
  const evidence = (c: Case) => judge(rule, c.study.drug, [c]).evidence;
  const change = "the change of drug-x to 5 mg/day";
  // Reduced after every value: none is stated after it.
  assert.equal(
    evidence(reduced(60, { b: 6, v1: 3, v2: 2 })),
    `case N1: no value stated after ${change} (day 50 of drug-x).`,
  );
  // Reduced on a day the text leaves in [15, 40]: the VAS 3 may follow it, the VAS 2 surely does.
  assert.equal(
    evidence(reduced([15, 40], { b: 6, v1: 3, v2: 2 })),
    `case N1: the VAS 2 stated after ${change} (day 17.5 [5, 30] of drug-x), and the VAS 3 may be.`,
  );
  assert.equal(
    evidence(reduced([15, 40], { b: 6, v1: 3 })),
    `case N1: no value surely stated after ${change} (day 17.5 [5, 30] of drug-x), though the VAS 3 may be.`,
  );
  assert.equal(judge(rule, "drug-x", [reduced(60, { b: 6 })]).verdict, "cannot be assessed");
  // Days are counted from the drug the claim is about, as the rest of the ledger counts them; a
  // case that never takes it counts from its day 0, and says so.
  assert.equal(
    judge(rule, "drug-z", [reduced(60, { b: 6, v1: 3, v2: 2 })]).evidence,
    `case N1: no value stated after ${change} (day 60 since day 0).`,
  );
  // A claim that names no drug counts from the study's drug of interest.
  const c = reduced(60, { b: 6 });
  const study = { ...c, study: { ...c.study, drug: "drug-x" } };
  assert.equal(
    judge(rule, null, [study]).evidence,
    `case N1: no value stated after ${change} (day 50 of drug-x).`,
  );
  // A time point the case does not have is said so.
  const none = { kind: "no-recurrence", params: { after: "no_such_time" } } as const;
  assert.match(
    judge(none, "drug-x", [reduced(60, { b: 6 })]).evidence,
    /no time point 'no_such_time' in case N1/,
  );
});
