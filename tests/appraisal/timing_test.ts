/**
 * The design limit "irregular timing" (`lib/appraisal/timing.ts`), on constructed cases: a gap is
 * stated only when the text gives it as a number of days; a gap between two times each known only
 * within a window is an interval, however its ends are dated.
 */
import assert from "node:assert/strict";
import { designLimits, loadCaseSeries } from "../../lib/mod.ts";
import { gapKind, timingEvidence } from "../../lib/appraisal/timing.ts";
import { around, makeCase } from "../helpers/constructed_case.ts";
import { TEST_DATA_DIR } from "../helpers/data_dir.ts";

const series = await loadCaseSeries(TEST_DATA_DIR);
const { study } = series;

Deno.test("irregular timing: a gap between two times known only within windows is an interval, not stated", () => {
  // a and b on exact days (7 days apart); c within [10, 14]; d placed only by the narrative.
  const c = around(
    study,
    { a: 2, b: 9, start: 9, c: [10, 14], d: [15, 30] },
    { a: 8, b: 6, c: 4, d: 3 },
    ["d"],
  );
  assert.equal(gapKind(c, "b", "a").kind, "stated");
  assert.equal(gapKind(c, "c", "b").kind, "interval");
  assert.equal(gapKind(c, "d", "c").kind, "narrative");
  assert.equal(
    timingEvidence([c]),
    "4 VAS values, 1 of them at a time not dated from the case's day 0; of 3 gaps between " +
      "consecutive values, 1 is stated as a number of days (7 days); 2 are known only as " +
      "intervals (1 from the amounts the text states, nominally 3 days, 4 days wide; 1 only " +
      "from the order of the narrative)",
  );
});

Deno.test("irregular timing: two values each within a window from one start are never a stated gap", () => {
  // Two reports 'within 6 days' and 'within 25 days' of the start: the gap is [-6, 25] days.
  const c = around(study, { a: 2, start: 10, b: [10, 16], d: [10, 35] }, { a: 8, b: 1, d: 0.1 });
  assert.equal(gapKind(c, "d", "b").kind, "interval");
  assert.match(
    timingEvidence([c]),
    /^3 VAS values, 0 of them at a time not dated from the case's day 0; of 2 gaps between consecutive values, none is stated as a number of days; 2 are known only as intervals from the amounts the text states \(nominally 9\.5 to 11 days, each 6 to 31 days wide\)$/,
  );
});

Deno.test("the design limit 'irregular timing' counts the stated gaps and those known only as intervals", () => {
  // Two exact days 7 apart, then a time within [10, 14], then one placed only by the narrative.
  const days = { a: 2, b: 9, start: 9, c: [10, 14] as [number, number], d: 20 };
  const c = { ...around(study, days, { a: 8, b: 6, c: 4, d: 3 }, ["d"]), sourceId: "made" };
  const limits = designLimits({ ...series, cases: [c] }, "made", study);
  const timing = limits.find((l) => l.limit === "Irregular timing")!.evidence;
  assert.match(
    timing,
    /of 3 gaps between consecutive values, 1 is stated as a number of days \(7 days\); 2 are known only as intervals \(1 from the amounts the text states/,
  );
  assert.match(timing, /1 only from the order of the narrative\): effect sizes that assume/);
});

Deno.test("irregular timing: a gap a period forces to one day is not stated: the text gives no number of days", () => {
  // x is within [10, 20] days of day 0 and starts a period that ends at e (day 10): x is on day
  // 10, 0 days from e, but the text states neither that day nor that gap.
  const built = makeCase({ e: 10, x: [10, 20], y: 12 }, [
    { drug: "d", dose: 10, start: "x", end: "e" },
  ], { e: 5, x: 4, y: 3 });
  const c = {
    ...built,
    study,
    timepoints: built.timepoints.map((t) => t.id === "x" ? { ...t, rule: "within" as const } : t),
  };
  assert.deepEqual(gapKind(c, "x", "e"), { kind: "interval", gap: { lo: 0, hi: 0, nominal: 0 } });
  // Two days each exact from day 0: stated.
  assert.equal(gapKind(c, "y", "e").kind, "stated");
});
