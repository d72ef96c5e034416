/**
 * The sensitivity analysis with cases it cannot analyse (no value before the drug, none after
 * it, or the drug never taken): each is left out once, with its reason, instead of giving rows of
 * empty values; a value undefined for an analysable case is null with its reason.
 */
import assert from "node:assert/strict";
import {
  caseChange,
  loadCaseSeries,
  percentThresholds,
  sensitivityExclusions,
  sensitivitySpans,
  sensitivityTable,
} from "../../lib/mod.ts";
import { aroundDrug } from "../helpers/constructed_case.ts";
import { TEST_DATA_DIR } from "../helpers/data_dir.ts";

const s = aroundDrug((await loadCaseSeries(TEST_DATA_DIR)).study);
const drug = s.study.drug;
const LEFT_OUT = ["no-before", "no-after", "other-drug"];

Deno.test("sensitivityExclusions: each case with no change after the drug, once, with its reason", () => {
  const excluded = sensitivityExclusions(s.cases);
  assert.deepEqual(excluded.map((e) => e.caseId), LEFT_OUT);
  for (const e of excluded) {
    const c = s.cases.find((x) => x.id === e.caseId)!;
    assert.equal(e.reason, caseChange(c).reason);
  }
  assert.match(excluded[0].reason, new RegExp(`stated before ${drug}`));
  assert.match(excluded[1].reason, new RegExp(`value after ${drug}`));
  assert.equal(excluded[2].reason, `never takes ${drug}`);
});

Deno.test("sensitivityTable: no per-case row for a case left out; every null value has a reason", () => {
  const rows = sensitivityTable(s.cases);
  const perCase = rows.filter((r) => r.caseId !== "all");
  assert.deepEqual([...new Set(perCase.map((r) => r.caseId))], ["ok"]);
  // The pooled rows count the one analysable case.
  assert.ok(rows.filter((r) => r.caseId === "all").every((r) => r.n === 1));
  for (const r of rows) {
    assert.equal(r.value === null, r.reason !== undefined, JSON.stringify(r));
  }
  // 6 → 3.5 is a 41.7% reduction: 30% is reached, 50% is not, and the row says so.
  assert.deepEqual(percentThresholds(s.study), [30, 50]);
  const days = (pct: number) =>
    perCase.filter((r) => r.quantity === `days to ${pct}% reduction` && r.rounding === "as stated");
  assert.ok(days(30).length > 0 && days(30).every((r) => r.value === 30));
  assert.ok(days(50).length > 0);
  for (const r of days(50)) {
    assert.equal(r.value, null);
    assert.match(r.reason!, /^not reached by day 30/);
  }
});

Deno.test("sensitivitySpans: a case left out is one row with its reason; its defined quantities stay", () => {
  const spans = sensitivitySpans([{ name: "as extracted", series: s }]);
  const of = (id: string) => spans.filter((r) => r.caseId === id);
  const start = `days from day 0 to the start of ${drug}`;
  for (const id of LEFT_OUT) {
    const left = of(id).filter((r) => r.quantity === null);
    assert.equal(left.length, 1, id);
    assert.equal(
      left[0].reason,
      sensitivityExclusions(s.cases).find((e) => e.caseId === id)!.reason,
    );
    assert.deepEqual([left[0].nominal, left[0].lo, left[0].hi, left[0].defined], [
      null,
      null,
      null,
      0,
    ]);
    // Nothing else of it is a row of empty values.
    assert.ok(of(id).every((r) => r.quantity === null || r.defined > 0), id);
  }
  // The drug's start is still a day for the cases that take it; not for the one that never does.
  assert.equal(of("no-before").find((r) => r.quantity === start)!.nominal, 10);
  assert.equal(of("other-drug").length, 1);
  // The analysable case keeps every quantity; the one never defined says why.
  const fifty = of("ok").find((r) => r.quantity === "days to 50% reduction")!;
  assert.equal(fifty.defined, 0);
  assert.match(fifty.reason!, /^not reached by day 30/);
  assert.ok(of("ok").every((r) => r.quantity !== null));
  assert.ok(of("ok").filter((r) => r.defined === r.variants).every((r) => !r.reason));
});
