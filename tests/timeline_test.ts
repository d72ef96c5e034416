/** lib/timeline.ts: aligning a case on a drug, and what it says when the case never takes it. */
import assert from "node:assert/strict";
import {
  alignOnDrug,
  caseChange,
  firstPeriod,
  neverTakes,
  parseStudy,
  relativeDay,
  sinceDay0,
} from "../lib/mod.ts";
import { aroundDrug, makeCase } from "./helpers/constructed_case.ts";

/** A study of the constructed cases' own (no real data read). */
const study = parseStudy({
  title: "constructed",
  drug_of_interest: "drug-x",
  indication: "pain",
  improvement: "decrease",
  baseline: "last",
  responder_thresholds: [{ kind: "percent", value: 30 }],
  thresholds_source: "test",
  min_points_per_phase: 3,
  min_points_source: "test",
  min_cases_forest: 3,
  min_cases_responder_curve: 5,
  min_cases_source: "test",
  auc_window_days: 30,
});
const [ok, , , other] = aroundDrug(study).cases;

Deno.test("a drug named in other capitals is pointed to the case's spelling; a different drug is not guessed at", () => {
  assert.equal(neverTakes(ok, "DRUG-X"), "never takes DRUG-X; did you mean drug-x?");
  assert.equal(neverTakes(other, "drug-x"), "never takes drug-x");
  // A drug no case of the series takes is a wrong argument, with the series' spelling.
  assert.throws(
    () => caseChange(ok, { drug: "Drug-X" }),
    /^TypeError: caseChange \(options\.drug\): expected a drug of the series .*Did you mean "drug-x"\?$/,
  );
  // A drug of the series this case never takes is an answer.
  assert.equal(caseChange(other, { drug: "drug-x" }).reason, "never takes drug-x");
});

Deno.test("alignOnDrug names the case's drugs when it never takes the one asked for, and refuses no drug", () => {
  assert.throws(
    () => alignOnDrug(ok, "drug-z"),
    { name: "RangeError", message: "alignOnDrug: case ok never takes drug-z (its drugs: drug-x)" },
  );
  assert.throws(() => alignOnDrug(ok, undefined as never), {
    name: "TypeError",
    message: /^alignOnDrug: expected a drug's name .*got undefined/,
  });
  assert.throws(
    () => firstPeriod(ok, "" as never),
    /^TypeError: firstPeriod: expected a drug's name/,
  );
  assert.equal(alignOnDrug(ok, "drug-x").length, ok.observations.length);
});

Deno.test("sinceDay0: a time's days from day 0 by the case's network (a period it starts bounds it), its own where the case has no day 0", () => {
  // a is on day 5 or later by its rule; the period it starts ends at b, on days 20 to 30.
  const c = makeCase({ a: [5, Infinity], b: [20, 30] }, [
    { drug: "x", dose: null, start: "a", end: "b" },
  ], {});
  assert.deepEqual(sinceDay0(c, "a"), relativeDay(c, "a", "t0"));
  assert.deepEqual([sinceDay0(c, "a").lo, sinceDay0(c, "a").hi], [5, 30]);
  assert.deepEqual(sinceDay0(c, "b"), { lo: 20, hi: 30, nominal: 25 });
  // A variant with no end is a new case: its own network, a open above.
  const open = { ...c, treatments: c.treatments.map((t) => ({ ...t, end: null })) };
  assert.equal(sinceDay0(open, "a").hi, Infinity);
  assert.equal(sinceDay0(c, "a").hi, 30);
  // No day 0: the time's own days (the network gives only differences).
  const timepoints = c.timepoints.map((t) =>
    t.rule === "origin" ? { ...t, rule: "exact" as const } : t
  );
  const noOrigin = { ...c, timepoints };
  assert.deepEqual(sinceDay0(noOrigin, "a"), { lo: 5, hi: Infinity, nominal: Infinity });
  assert.throws(() => sinceDay0(c, "nowhere"), {
    name: "RangeError",
    message: /no time point 'nowhere'/,
  });
});
