/**
 * A value stated over a period (an average) used as a point: the regression-to-the-mean limit
 * and the case caveats say so, and never call it the highest value so far.
 */
import assert from "node:assert/strict";
import { caseCaveats, loadCaseSeries, periodWords, regressionEvidence } from "../../lib/mod.ts";
import { TEST_DATA_DIR } from "../helpers/data_dir.ts";
import { CONSTRUCTED_INDICATION, makeCase } from "../helpers/constructed_case.ts";

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
  assert.match(average, /after VAS 8, stated over a period \(average\), not one rating/);
  assert.match(average, /neither assumed nor excluded/);
});

Deno.test("case caveats: a baseline stated over a period is said to be one, for any case", async () => {
  const s = await loadCaseSeries(TEST_DATA_DIR);
  for (const c of s.cases) {
    const caveats = caseCaveats(s, c);
    const before = c.observations.filter((o) => periodWords(o) !== null);
    // Only a case with such a value before its drug gets the line.
    if (!/An AB comparison/.test(caveats) || before.length === 0) continue;
    const drugStart = c.treatments.find((t) => t.drug === c.study.drug)!.start.timeId;
    const isBefore = before.some((o) =>
      o.day.order < c.timepoints.find((t) => t.id === drugStart)!.order
    );
    assert.equal(/describes? (a period|periods), not one rating/.test(caveats), isBefore, c.id);
  }
});
