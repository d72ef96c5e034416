/**
 * Other readings of the text as data: each re-derived through the loader on a copy of the data,
 * combined into a grid of analysis variants; conclusions counted across them.
 */
import assert from "node:assert/strict";
import {
  analysisVariants,
  conclusionRobustness,
  DataValidationError,
  loadCaseSeries,
  loadReadings,
  loadWithReadings,
  relativeDay,
  sensitivitySpans,
} from "../lib/mod.ts";
import { TEST_DATA_DIR } from "./helpers/data_dir.ts";

const readings = await loadReadings(TEST_DATA_DIR);
const named = (name: string) => readings.filter((r) => r.name === name);
const caseOf = (s: Awaited<ReturnType<typeof loadCaseSeries>>, id: string) =>
  s.cases.find((c) => c.id === id)!;

Deno.test("a reading replaces time points and the loader re-derives every dependent day", async () => {
  const base = await loadCaseSeries(TEST_DATA_DIR);
  const alt = await loadWithReadings(named("case3-month-from-one-week-report"));
  // 'A month later' from the one-week report: [0 + 15, 7 + 45], nominal 7 + 30.
  assert.deepEqual(relativeDay(caseOf(alt, "3"), "month_later_report", "milnacipran_start"), {
    lo: 15,
    hi: 52,
    nominal: 37,
  });
  // The recurrence, anchored on it, moves with it; the data as extracted do not change.
  const rec = (s: typeof base) =>
    caseOf(s, "3").timepoints.find((t) => t.id === "recurrence_report")!;
  assert.equal(rec(alt).day.nominal - rec(base).day.nominal, 7);
  assert.equal(
    relativeDay(caseOf(base, "3"), "month_later_report", "milnacipran_start").nominal,
    30,
  );
});

Deno.test("case 1 'six months later' from the VAS 0.6 report leaves that report unbounded", async () => {
  const alt = await loadWithReadings(named("case1-six-months-from-vas-0_6"));
  const r = relativeDay(caseOf(alt, "1"), "milnacipran_continued_report", "milnacipran_start");
  assert.equal(r.hi, Infinity);
  const m = relativeDay(caseOf(alt, "1"), "milnacipran_75", "milnacipran_continued_report");
  assert.deepEqual([m.lo, m.hi], [165, 195]);
});

Deno.test("readings that replace the same time point cannot be combined", async () => {
  const [r] = named("case3-month-from-one-week-report");
  await assert.rejects(
    () => loadWithReadings([r, { ...r, name: "copy" }]),
    (e: unknown) => e instanceof DataValidationError && /cannot be combined/.test(e.message),
  );
});

Deno.test("the grid: every combination of readings, conclusions counted across it", async () => {
  const variants = await analysisVariants();
  assert.equal(variants.length, 2 ** readings.length);
  assert.equal(variants[0].name, "as extracted");
  const robust = conclusionRobustness(variants);
  for (const r of robust) {
    assert.equal(r.of, variants.length);
    assert.equal(r.holds + r.differs.length, r.of);
  }
  // 'Complete within a month' depends on where 'A month later' is read from: it holds in the
  // half of the grid that keeps the reading taken.
  const month = robust.find((r) => r.id === "claim:case3-complete-within-a-month")!;
  assert.equal(month.value, "partly supported");
  assert.equal(month.holds, variants.length / 2);
  assert.ok(month.differs.every((d) => d.variant.includes("case3-month-from-one-week-report")));
  // Case 2's first-line claim does not depend on any reading.
  assert.equal(
    robust.find((r) => r.id === "claim:case2-first-line-monotherapy")!.holds,
    variants.length,
  );
  const spans = sensitivitySpans(variants);
  const c1 = spans.find((s) => s.caseId === "1" && s.quantity === "days to 50% reduction")!;
  // The VAS 0.6 report is undated: its nominal day is not a date, and one reading leaves it open.
  assert.equal(c1.nominalDated, false);
  assert.equal(c1.openEnded, true);
  const start3 = spans.find((s) =>
    s.caseId === "3" &&
    s.quantity === `days from day 0 to the start of ${variants[0].series.study.drug}`
  )!;
  assert.equal(start3.lo, 21);
  for (const s of spans) assert.ok(s.lo === null || s.hi === null || s.lo <= s.hi);
});
