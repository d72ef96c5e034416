/**
 * A value stated over a period (an average) used as a point: the regression-to-the-mean limit
 * and the case caveats say so, and never call it the highest value so far.
 */
import assert from "node:assert/strict";
import * as lib from "../../lib/mod.ts";
import { caseCaveats, loadCaseSeries, periodWords, regressionEvidence } from "../../lib/mod.ts";
import { TEST_DATA_DIR } from "../helpers/data_dir.ts";
import { CONSTRUCTED_INDICATION, makeCase } from "../helpers/constructed_case.ts";
import { bracketDepth } from "../helpers/brackets.ts";
import { judge } from "../../lib/claims/rules/mod.ts";

/** A drug started after a value of 8 (the highest so far), with 2 after it. */
const constructed = (average: boolean) => {
  const c = makeCase(
    { before: 5, start: 10, on: 17 },
    [{ drug: "a", dose: 10, start: "start", end: null }],
    { before: 8, on: 2 },
  );
  if (average) {
    const o = c.observations[0];
    Object.assign(o, { span: { start: c.timepoints[0].day, end: o.day }, note: "average" });
  }
  return c;
};

Deno.test("regression to the mean: a period's average is not the highest value so far", () => {
  const single = regressionEvidence([constructed(false)], CONSTRUCTED_INDICATION);
  // One value, rated 5 days before the start: neither the highest so far nor at the start.
  assert.match(single, /case N1: a 10 mg\/day 5 days after its only value before \(VAS 8\)/);
  const average = regressionEvidence([constructed(true)], CONSTRUCTED_INDICATION);
  assert.doesNotMatch(average, /case N1[^.]*highest/);
  assert.match(
    average,
    /followed a value stated over a period, not a single rating: case N1: a 10 mg\/day 5 days after VAS 8 — average\. Whether/,
  );
  assert.match(average, /neither assumed nor excluded/);
});

/** The causality row of a constructed case's drug `a`, in a series of the test data's study. */
const causality = async (c: ReturnType<typeof makeCase>) => {
  const base = await loadCaseSeries(TEST_DATA_DIR);
  const study = { ...base.study, drug: "a", indication: CONSTRUCTED_INDICATION };
  const series = { ...base, study, cases: [{ ...c, study }] };
  return lib.causalityRows(series, c.sourceId, { indication: CONSTRUCTED_INDICATION })[0];
};

Deno.test("regression to the mean predicts a fall only at the visit of the highest of two or more values", async () => {
  // The drug started at the visit of the highest of 2 values: a peak.
  const peak = makeCase(
    { early: 2, start: 10, on: 17 },
    [{ drug: "a", dose: 10, start: "start", end: null }],
    { early: 5, start: 8, on: 2 },
  );
  const at = regressionEvidence([peak], CONSTRUCTED_INDICATION);
  assert.match(
    at,
    /1 start or dose increase of a drug for pain was made at the visit of the highest of two or more values so far \(case N1: a 10 mg\/day at the visit of the highest of 2 values so far \(VAS 8\)\); values chosen/,
  );
  assert.match(
    (await causality(peak)).alternatives,
    /started at the visit of the highest of 2 values so far \(VAS 8\): regression to the mean predicts a fall/,
  );
  // Another time point dated 0 days from the value is the same visit.
  const sameDay = makeCase(
    { early: 2, high: 10, start: 10, on: 17 },
    [{ drug: "a", dose: 10, start: "start", end: null }],
    { early: 5, high: 8, on: 2 },
  );
  assert.match(
    (await causality(sameDay)).alternatives,
    /at the visit of the highest of 2 values so far \(VAS 8\): regression to the mean predicts a fall/,
  );
});

Deno.test("regression to the mean: the only value before, or the highest rated days before the start, is no peak", async () => {
  // The only value before, at the visit of the start: not "the highest value so far".
  const only = makeCase(
    { start: 10, on: 17 },
    [{ drug: "a", dose: 10, start: "start", end: null }],
    { start: 4, on: 2 },
  );
  const onlyText = regressionEvidence([only], CONSTRUCTED_INDICATION);
  assert.match(onlyText, /^No start or dose increase was made at the visit of the highest/);
  assert.match(
    onlyText,
    /case N1: a 10 mg\/day at the visit of its only value before \(VAS 4\)\. One value cannot show a peak, so regression to the mean can be neither assumed nor excluded there\./,
  );
  const onlyRow = (await causality(only)).alternatives;
  assert.match(
    onlyRow,
    /started at the visit of its only value before \(VAS 4\): whether it followed a peak is not known \(one value cannot show a peak\)/,
  );
  // The highest of 2 values, rated 16 days before the start: what it says is its distance.
  const early = makeCase(
    { early: 2, high: 14, start: 30, on: 37 },
    [{ drug: "a", dose: 10, start: "start", end: null }],
    { early: 5, high: 8, on: 2 },
  );
  const earlyText = regressionEvidence([early], CONSTRUCTED_INDICATION);
  assert.match(
    earlyText,
    /case N1: a 10 mg\/day 16 days after the highest of 2 values so far \(VAS 8\)\. A value that may have been rated before the start does not show the pain when it began/,
  );
  const earlyRow = (await causality(early)).alternatives;
  assert.match(
    earlyRow,
    /started 16 days after the highest of 2 values so far \(VAS 8\): whether it followed a peak is not known/,
  );
  for (const text of [onlyText, onlyRow, earlyText, earlyRow]) {
    assert.doesNotMatch(text, /predicts a fall|tend to be followed by lower ones/, text);
  }
  // A start after a value lower than one before it: no regression limit is claimed.
  const lower = makeCase(
    { high: 2, low: 10, start: 10, on: 17 },
    [{ drug: "a", dose: 10, start: "start", end: null }],
    { high: 8, low: 5, on: 2 },
  );
  assert.doesNotMatch((await causality(lower)).alternatives, /peak|regression/);
});

Deno.test("claims use the same rule: a dose raised after its only value, or after a value not the highest, is no peak", () => {
  const rise = (values: Record<string, number>) =>
    makeCase(
      { early: 2, s: 5, v1: 10, up: 10, v2: 20 },
      [
        { drug: "a", dose: 10, start: "s", end: "up" },
        { drug: "a", dose: 20, start: "up", end: null },
      ],
      values,
    );
  const partial = {
    kind: "partial-response-to-prior-drug",
    params: { remaining_above: 1, unit: "cm" },
  } as const;
  const increase = { kind: "lower-after-dose-increase", params: {} } as const;
  // Raised at the visit of the highest of 2 values: regression to the mean expected.
  const peak = rise({ early: 5, v1: 8, v2: 4 });
  assert.match(
    judge(partial, "a", [peak]).evidence,
    /because of the 8, the highest of 2 values so far, so part of the fall is expected from regression to the mean/,
  );
  assert.match(
    judge(increase, "a", [peak]).evidence,
    /the dose was raised at the visit of the highest of 2 values so far \(VAS 8\): a return towards the earlier low values is also what regression to the mean predicts/,
  );
  // Raised at the visit of its only value: whether it was a peak is not known.
  const only = rise({ v1: 8, v2: 4 });
  const j = judge(partial, "a", [only]).evidence;
  assert.match(
    j,
    /because of the 8, its only value before: whether it followed a peak is not known/,
  );
  // Raised after a value lower than an earlier one: not the highest so far.
  const lower = rise({ early: 9, v1: 8, v2: 4 });
  const k = judge(increase, "a", [lower]).evidence;
  assert.match(
    k,
    /raised at the visit of VAS 8, not the highest of 2 values so far: whether it followed a peak is not known/,
  );
  for (const text of [j, k]) {
    assert.doesNotMatch(text, /regression to the mean predicts|expected from regression/);
  }
});

Deno.test("case caveats: a value stated over a period, before or after the drug, is said to be one, for any case", async () => {
  const s = await loadCaseSeries(TEST_DATA_DIR);
  for (const c of s.cases) {
    const caveats = caseCaveats(s, c);
    const periods = c.observations.filter((o) => periodWords(o) !== null);
    // Only a case with such a value before (after) its drug gets the line about before (after).
    if (!/An AB comparison/.test(caveats)) continue;
    const phases = new Map(lib.alignOnDrug(c, c.study.drug).map((o) => [o.day.timeId, o.phase]));
    const isBefore = periods.some((o) => phases.get(o.day.timeId) === "before");
    const isAfter = periods.some((o) => phases.get(o.day.timeId) === "after");
    const said = (when: string) =>
      new RegExp(`(A value|Values) ${when} .*(describes a period|describe periods), not one rating`)
        .test(caveats);
    assert.equal(said("before"), isBefore, `${c.id}: before`);
    assert.equal(said("after the start of"), isAfter, `${c.id}: after`);
  }
});

Deno.test("case caveats: a value after the drug stated over a period is taken as a point, and said so", async () => {
  const c = makeCase(
    { before: 5, start: 10, on: 17, later: 30 },
    [{ drug: "a", dose: 10, start: "start", end: null }],
    { before: 8, on: 4, later: 2 },
  );
  const o = c.observations.find((x) => x.day.timeId === "on")!;
  Object.assign(o, { span: { start: o.day, end: null }, note: "average over the next weeks" });
  const base = await loadCaseSeries(TEST_DATA_DIR);
  const study = { ...base.study, drug: "a", indication: CONSTRUCTED_INDICATION };
  const s = { ...base, study, cases: [{ ...c, study }] };
  assert.match(
    caseCaveats(s, s.cases[0]),
    /- A value after the start of a describes a period, not one rating: VAS 4 — average over the next weeks\. Every analysis after a \(the change, rates, effect sizes, causality and claims\) takes it as one value, at its nominal/,
  );
});

Deno.test("case caveats: a note with brackets of its own is not nested in brackets, nor is the natural course's design", async () => {
  const c = makeCase(
    { before: 5, start: 10, on: 17 },
    [{ drug: "a", dose: 10, start: "start", end: null }],
    { before: 8, on: 4 },
  );
  const o = c.observations.find((x) => x.day.timeId === "before")!;
  Object.assign(o, { span: { start: c.timepoints[0].day, end: o.day }, note: "average (varied)" });
  const base = await loadCaseSeries(TEST_DATA_DIR);
  const study = { ...base.study, drug: "a", indication: CONSTRUCTED_INDICATION };
  // A natural-course study whose design and group hold brackets.
  const figure = base.articles!.naturalHistory[0];
  const articles = {
    ...base.articles!,
    naturalHistory: [{ ...figure, design: "controlled (not randomised)", group: "controls (x)" }],
  };
  const s = { ...base, study, articles, cases: [{ ...c, study }] };
  const caveats = caseCaveats(s, s.cases[0]);
  assert.match(caveats, /not one rating: VAS 8 — average \(varied\)\. The baselines/);
  assert.match(caveats, /controlled \(not randomised\), controls \(x\), n = /);
  for (const line of caveats.split("\n")) {
    assert.ok(bracketDepth(line) <= 1, `brackets within brackets: ${line}`);
  }
});

Deno.test("a value stated over a period whose note holds brackets: its words, the regression limit and the causality row nest none", async () => {
  const c = constructed(true);
  c.observations[0].note = "average (varied)";
  const depth = bracketDepth;
  assert.equal(
    periodWords(c.observations[0]),
    "stated over a period, not one rating — average (varied)",
  );
  const evidence = regressionEvidence([c], CONSTRUCTED_INDICATION);
  assert.match(evidence, /after VAS 8 — average \(varied\)\. Whether/);
  const base = await loadCaseSeries(TEST_DATA_DIR);
  const study = { ...base.study, drug: "a", indication: CONSTRUCTED_INDICATION };
  const series = { ...base, study, cases: [{ ...c, study }] };
  const [row] = lib.causalityRows(series, c.sourceId, { indication: CONSTRUCTED_INDICATION });
  assert.match(
    row.temporal,
    /^1 value before, the last VAS 8, stated over a period, not one rating — average \(varied\); /,
  );
  for (const text of [evidence, row.temporal, row.alternatives]) assert.ok(depth(text) <= 1, text);
});
