/** lib/timeline.ts: aligning a case on a drug, and what it says when the case never takes it. */
import assert from "node:assert/strict";
import { alignOnDrug, caseChange, firstPeriod, neverTakes, parseStudy } from "../lib/mod.ts";
import { aroundDrug } from "./helpers/constructed_case.ts";

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
  assert.equal(
    caseChange(ok, { drug: "Drug-X" }).reason,
    "never takes Drug-X; did you mean drug-x?",
  );
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
