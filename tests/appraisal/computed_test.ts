/**
 * The appraisal's computed items (lib/appraisal/computed.ts) count a time as undated by the rule
 * the figures draw it hollow by (`datedGap` from day 0): a point dated exactly from one the
 * narrative alone places is undated too.
 */
import assert from "node:assert/strict";
import { datedGap, sinceDay0 } from "../../lib/timeline.ts";
import { computeItem, undatedPoints } from "../../lib/appraisal/computed.ts";
import type { Case } from "../../lib/model.ts";
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

Deno.test("outcomes: a last value at a time its rule leaves open is dated by the period it starts (the case's network), as the tables give it", () => {
  // a is after day 0 with no bound stated ([5, inf) by its rule alone, a placeholder nominal
  // day); b is on days 20 to 30. The last value is at a.
  const withEnd = (end: string | null) => {
    const c = makeCase({ a: [5, 20], b: [20, 30] }, [
      { drug: "x", dose: 10, start: "a", end },
    ], { a: 4 });
    const open = { lo: 5, hi: Infinity, nominal: 12 };
    const timepoints = c.timepoints.map((t) =>
      t.id === "a" ? { ...t, rule: "after" as const, day: { ...t.day, ...open }, offset: open } : t
    );
    return {
      ...c,
      timepoints,
      observations: c.observations.map((o) => ({
        ...o,
        day: timepoints.find((t) => t.id === "a")!.day,
      })),
    };
  };
  // A period from a to b puts a on day 30 at the latest: the last value has a latest date.
  const ended = withEnd("b");
  assert.deepEqual(sinceDay0(ended, "a"), { lo: 5, hi: 30, nominal: 12 });
  assert.equal(ended.timepoints[1].day.hi, Infinity, "the stored day stays the rule's");
  assert.match(computeItem("outcomes", [ended]).facts, /the last value of 0 of 1 case has no/);
  // With no end stated nothing bounds a: the last value has none.
  const open = withEnd(null);
  assert.equal(sinceDay0(open, "a").hi, Infinity);
  assert.match(computeItem("outcomes", [open]).facts, /the last value of 1 of 1 case has no/);
  // Undated either way: a is placed by the narrative alone.
  assert.deepEqual(undatedPoints(ended), ["a"]);
});

Deno.test("undatedPoints: computed once a case object (asked for each value), anew for a variant", () => {
  const c = makeCase({ a: 5, b: 9 }, [{ drug: "drug-q", dose: 10, start: "a", end: null }], {
    b: 5,
  });
  assert.equal(undatedPoints(c), undatedPoints(c));
  assert.ok(Object.isFrozen(undatedPoints(c)));
  // A variant is a new case object: its own points are asked again.
  const b = c.timepoints.find((t) => t.id === "b")!;
  const narrated: Case = {
    ...c,
    timepoints: c.timepoints.map((t) => t === b ? { ...b, rule: "after" as const } : t),
  };
  assert.deepEqual(undatedPoints(c), []);
  assert.deepEqual(undatedPoints(narrated), ["b"]);
});
