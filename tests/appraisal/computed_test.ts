/**
 * The appraisal's computed items (lib/appraisal/computed.ts) count a time as undated by the rule
 * the figures draw it hollow by (`datedGap` from day 0): a point dated exactly from one the
 * narrative alone places is undated too.
 */
import assert from "node:assert/strict";
import { datedGap } from "../../lib/timeline.ts";
import { computeItem, undatedPoints } from "../../lib/appraisal/computed.ts";
import { makeCase } from "../helpers/constructed_case.ts";

Deno.test("undatedPoints: a point dated from a narrative-placed one is undated, as the figures draw it", () => {
  const c = makeCase({ start: 10, report: 17 }, [], { report: 5 });
  // start is placed by the narrative (after t0, no amount); report is exactly 7 days after it.
  const tps = c.timepoints.map((t) =>
    t.id === "start"
      ? { ...t, rule: "after" as const, day: { ...t.day, lo: 0, hi: 20, nominal: 10 } }
      : t.id === "report"
      ? { ...t, anchor: "start", day: { ...t.day, lo: 7, hi: 27, nominal: 17 } }
      : t
  );
  const narrated = { ...c, timepoints: tps };
  assert.equal(datedGap(narrated, "report", "t0"), false, "the figures draw it hollow");
  assert.deepEqual(undatedPoints(narrated), ["start", "report"]);
  assert.match(computeItem("timeline", [narrated]).facts, /3 time points in the text, 2 of them/);
  // Dated from day 0 by exact amounts: none undated.
  assert.deepEqual(undatedPoints(c), []);
  assert.equal(computeItem("timeline", [c]).verdict, "yes");
});

Deno.test("interventions: a dose period with no dose stated is counted as such, not 'each with its dose'", () => {
  const days = { start: 10, change: 20, stop: 30 };
  const stated = makeCase(days, [
    { drug: "a", dose: 10, start: "start", end: "change" },
    { drug: "a", dose: 20, start: "change", end: "stop" },
  ], {});
  assert.match(
    computeItem("interventions", [stated]).facts,
    /^2 dose periods, each with its dose;/,
  );
  const open = makeCase(days, [
    { drug: "a", dose: 10, start: "start", end: "change" },
    { drug: "a", dose: null, start: "change", end: "stop" },
  ], {});
  const r = computeItem("interventions", [open]);
  assert.match(r.facts, /^2 dose periods, 1 with no dose stated;/);
  assert.equal(r.verdict, "partly");
  // A dose in another unit is stated, in its words.
  const words = {
    ...open,
    treatments: open.treatments.map((t) => t.dose === null ? { ...t, doseWords: "25 µg/h" } : t),
  };
  assert.match(computeItem("interventions", [words]).facts, /each with its dose/);
  // Words with no number ("a low dose") state no dose.
  const vague = {
    ...open,
    treatments: open.treatments.map((t) => t.dose === null ? { ...t, doseWords: "a low dose" } : t),
  };
  assert.match(computeItem("interventions", [vague]).facts, /1 with no dose stated/);
});
