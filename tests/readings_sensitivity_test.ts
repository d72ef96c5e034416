/**
 * Other readings of the text as data: each re-derived through the loader on a copy of the data,
 * combined into a grid of analysis variants; conclusions counted across them.
 */
import assert from "node:assert/strict";
import {
  activeTreatments,
  analysisVariants,
  conclusionRobustness,
  DataValidationError,
  isFullGrid,
  loadCaseSeries,
  loadReadings,
  loadWithReadings,
  readingSets,
  relativeDay,
  robustnessSummary,
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
  // Every combination of readings that do not replace the same time point.
  const keys = readings.map((r) => r.rows.map((x) => `${x.case_id}/${x.time_id}`));
  const compatible = Array.from(
    { length: 2 ** readings.length },
    (_, m) => keys.flatMap((k, i) => (m >> i) & 1 ? k : []),
  ).filter((ks) => new Set(ks).size === ks.length);
  assert.equal(variants.length, compatible.length);
  assert.ok(variants.length < 2 ** readings.length, "some readings are alternatives of one choice");
  assert.ok(
    !variants.some((v) =>
      v.readings.includes("same-visit-new-dose") &&
      v.readings.includes("case1-initiation-is-diclofenac")
    ),
  );
  assert.equal(variants[0].name, "as extracted");
  const robust = conclusionRobustness(variants);
  for (const r of robust) {
    assert.equal(r.of, variants.length);
    assert.equal(r.holds + r.differs.length, r.of);
  }
  // 'Complete within a month' depends on where 'A month later' is read from: as extracted, that
  // day is read from the claim's own words, so it cannot be assessed; that holds in the half of
  // the grid that keeps the reading taken.
  const month = robust.find((r) => r.id === "claim:case3-complete-within-a-month")!;
  assert.equal(month.value, "cannot be assessed");
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
  // 'Three weeks later' read as approximate lets milnacipran start from day 17.5 (21 as read).
  assert.equal(start3.lo, 17.5);
  for (const s of spans) assert.ok(s.lo === null || s.hi === null || s.lo <= s.hi);
});

const activeDrugs = (s: Awaited<ReturnType<typeof loadCaseSeries>>, id: string, t: string) => {
  const a = activeTreatments(caseOf(s, id), t);
  return { certain: a.certain.map((x) => x.drug), possible: a.possible.map((x) => x.drug) };
};

Deno.test("case 3: quetiapine started in the delirium after surgery puts the VAS 4.0 after its start", async () => {
  const base = await loadCaseSeries(TEST_DATA_DIR);
  const alt = await loadWithReadings(named("case3-quetiapine-before-vas-4_0"));
  // As extracted, quetiapine may start after the VAS 4.0; under the reading it surely precedes it.
  assert.equal(
    relativeDay(caseOf(base, "3"), "phantom_pain_report", "quetiapine_start").lo,
    -Infinity,
  );
  assert.deepEqual(
    relativeDay(caseOf(alt, "3"), "phantom_pain_report", "quetiapine_start"),
    { lo: 0, hi: 21, nominal: 10.5 },
  );
  assert.ok(activeDrugs(base, "3", "phantom_pain_report").possible.includes("quetiapine"));
  const on = activeDrugs(alt, "3", "phantom_pain_report");
  // Surely after its start, but no end stated and no later point tied to it: still possibly.
  assert.ok(on.possible.includes("quetiapine") && !on.certain.includes("quetiapine"));
  assert.ok(!on.certain.includes("milnacipran") && !on.possible.includes("milnacipran"));
});

Deno.test("case 1: 'within a week' from the end of the switch takes paroxetine off the VAS 2.3", async () => {
  const base = await loadCaseSeries(TEST_DATA_DIR);
  const alt = await loadWithReadings(named("case1-week-from-switch-end"));
  assert.ok(activeDrugs(base, "1", "milnacipran_1wk_report").possible.includes("paroxetine"));
  const on = activeDrugs(alt, "1", "milnacipran_1wk_report");
  assert.ok(!on.certain.includes("paroxetine") && !on.possible.includes("paroxetine"));
  // No longer dated within a week of the milnacipran start: only the dose reduction bounds it.
  const since = (s: typeof base) =>
    relativeDay(caseOf(s, "1"), "milnacipran_1wk_report", "milnacipran_start");
  assert.equal(since(base).hi, 7);
  assert.equal(since(alt).hi, 195);
});

Deno.test("case 1: 'treatment initiation' as the diclofenac start moves the VAS 6.6 earlier", async () => {
  const base = await loadCaseSeries(TEST_DATA_DIR);
  const alt = await loadWithReadings(named("case1-initiation-is-diclofenac"));
  const since = (s: typeof base) =>
    relativeDay(caseOf(s, "1"), "paroxetine_7wk_report", "paroxetine_start");
  assert.deepEqual(since(base), { lo: 45.5, hi: 52.5, nominal: 49 });
  // Diclofenac starts between the pain onset and the paroxetine start (day 0 to 6).
  assert.deepEqual(since(alt), { lo: 39.5, hi: 52.5, nominal: 48 });
  assert.deepEqual(activeDrugs(alt, "1", "paroxetine_7wk_report").certain, ["paroxetine"]);
});

Deno.test("case 3: 'Three weeks later' read as approximate is 21 ± 3.5 days", async () => {
  const base = await loadCaseSeries(TEST_DATA_DIR);
  const alt = await loadWithReadings(named("case3-three-weeks-approx"));
  const since = (s: typeof base) => relativeDay(caseOf(s, "3"), "phantom_pain_report", "surgery");
  assert.deepEqual(since(base), { lo: 21, hi: 21, nominal: 21 });
  assert.deepEqual(since(alt), { lo: 17.5, hi: 24.5, nominal: 21 });
});

Deno.test("beyond the largest grid: each reading alone, then all that can be combined", () => {
  const sets = readingSets(readings, 4);
  assert.deepEqual(sets[0], []);
  assert.deepEqual(
    sets.slice(1, readings.length + 1).map((s) => s.map((r) => r.name)),
    readings.map((r) => [r.name]),
  );
  const together = sets.at(-1)!;
  const keys = together.flatMap((r) => r.rows.map((x) => `${x.case_id}/${x.time_id}`));
  assert.equal(new Set(keys).size, keys.length);
  assert.ok(together.length > 1 && together.length < readings.length);
  assert.equal(readingSets(readings).length, readingSets(readings, 10_000).length);
  assert.equal(isFullGrid(readings), true);
  assert.equal(isFullGrid(readings, 4), false);
  assert.match(robustnessSummary(readings.length, sets.length, [], false), /each reading alone/);
});
