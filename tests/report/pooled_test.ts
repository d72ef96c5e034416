/**
 * The pooled notebook's tables (lib/report/pooled.ts) and the forest plot's sentence when no case
 * takes the drug of interest: no "undefined", no proportion of nothing, the true reason.
 */
import assert from "node:assert/strict";
import {
  type CaseSeries,
  groupRows,
  lineOfTherapyCaption,
  loadCaseSeries,
  responderRows,
  responders,
  testRows,
} from "../../lib/mod.ts";
import { FOREST } from "../../lib/plots/mod.ts";
import { articleSeries, TEST_DATA_DIR } from "../helpers/data_dir.ts";

const series = articleSeries(await loadCaseSeries(TEST_DATA_DIR));

/** The series asked about a drug none of its cases takes. */
function notTaken(s: CaseSeries): CaseSeries {
  const study = { ...s.study, drug: `${s.study.drug} (not taken)` };
  return { ...s, study, cases: s.cases.map((c) => ({ ...c, study })) };
}
const none = notTaken(series);
const never = `never takes ${none.study.drug}`;

Deno.test("testRows: no pair to test is said in the test's name, never 'undefined'", () => {
  const rows = testRows(none);
  assert.ok(rows.length > 0);
  for (const r of rows) assert.doesNotMatch(JSON.stringify(r), /undefined/);
  const perm = rows.filter((r) => String(r.test).startsWith("permutation"));
  assert.ok(perm.length > 0);
  for (const r of perm) assert.equal(r.test, "permutation (no pair to test)");
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
  assert.match(why ?? "", /^No forest plot of NAP: no case has values in both phases \(/);
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
  assert.match(lineOfTherapyCaption(series), /\(descriptive; .*\d+ cases?\)$/);
});
