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
  assert.match(single, /followed the highest value so far \(case N1: a 10 mg\/day after VAS 8\)/);
  const average = regressionEvidence([constructed(true)], CONSTRUCTED_INDICATION);
  assert.doesNotMatch(average, /followed the highest value so far \(case N1/);
  assert.match(
    average,
    /followed a value stated over a period, not a single rating: case N1: a 10 mg\/day after VAS 8 — average\. Whether/,
  );
  assert.match(average, /neither assumed nor excluded/);
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
