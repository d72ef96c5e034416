/**
 * lib/stats/reportable.ts: an index is reported only when both phases have the study's minimum
 * number of values; an interval that collapses or leaves its measure's range is not shown bare.
 */
import assert from "node:assert/strict";
import {
  caseEffectSizes,
  effectSize,
  loadCaseSeries,
  painOptions,
  reportable,
} from "../../lib/mod.ts";
import { TEST_DATA_DIR } from "../helpers/data_dir.ts";

const opts = { improvement: "decrease" as const };

Deno.test("phases shorter than the minimum: numbers withheld, the reason given, the computation kept", () => {
  const r = effectSize("NAP", [7, 8], [2, 3, 1], opts);
  const shown = reportable(r, 3);
  assert.equal(shown.estimate, null);
  assert.equal(shown.ciLower, null);
  assert.match(
    shown.reason!,
    /the baseline phase \(A\) has 2 values and the treatment phase \(B\) 3; a single-case index needs at least 3/,
  );
  // The minimum is the study's: the reason points to its key in study.json (which holds its
  // source) and cites no source of its own, which another study's minimum need not follow.
  assert.match(
    reportable(r, 4).reason!,
    / at least 4 per phase \(min_points_per_phase, study\.json\)$/,
  );
  assert.doesNotMatch(shown.reason!, /Kratochwill/);
  assert.equal(r.estimate, 1);
  assert.equal(reportable(effectSize("NAP", [7, 8, 6], [2, 3, 1], opts), 3).estimate, 1);
});

Deno.test("an interval leaving the measure's range or collapsing beside a positive SE is withheld", () => {
  // A result whose interval leaves its measure's range (NAP: [0, 1]).
  const base = effectSize("NAP", [7, 8, 9], [4, 8, 3], opts);
  const wide = reportable({ ...base, ciLower: -0.2, ciUpper: 0.9 }, 3);
  assert.equal(wide.estimate, base.estimate);
  assert.equal(wide.ciLower, null);
  assert.match(wide.note!, /leaves the measure's range \[0, 1\]/);
  // Just outside the range: printed rounded outward, still outside it (not "-0.00" or "0").
  const edge = reportable({ ...base, ciLower: -0.001, ciUpper: 0.9 }, 3);
  assert.match(edge.note!, /its interval \[-0\.01, 0\.9\] leaves the measure's range/);
  const nap = effectSize("NAP", [7, 8, 9], [1, 2, 3], opts);
  assert.equal(nap.ciLower, nap.ciUpper); // SingleCaseES's degenerate interval at NAP = 1
  // The informative interval stands in for it: kept, as the tables and figures show that one.
  assert.deepEqual(reportable(nap, 3), nap);
  const bare = reportable({ ...nap, informativeCi: undefined }, 3);
  assert.equal(bare.estimate, 1);
  assert.equal(bare.ciLower, null);
  assert.match(bare.note!, /has no width while its SE is/);
});

Deno.test("the study's minimum applies to every reported index of the real cases", async () => {
  const s = await loadCaseSeries(TEST_DATA_DIR);
  const min = s.study.minPointsPerPhase;
  const { perCase } = caseEffectSizes(s.cases, "NAP", painOptions(s.study));
  for (const { caseId, result } of perCase) {
    const short = result.n.baseline < min || result.n.treatment < min;
    if (short) assert.equal(result.estimate, null, caseId);
    if (result.estimate !== null) assert.ok(!short, caseId);
  }
});

Deno.test("an SE of 0 from phases without variation: the zero-width interval is withheld, with why", () => {
  // Every value of each phase equal: SingleCaseES gives LRM and PoGO an SE of 0, an interval [x, x].
  for (const m of ["LRM", "PoGO"] as const) {
    const r = effectSize(m, [3, 3, 3], [3, 3, 3], { ...opts, goal: 0 });
    assert.equal(r.se, 0, m);
    assert.ok(r.ciLower === r.ciUpper, m); // −0 and 0 alike
    const shown = reportable(r, 3);
    assert.equal(shown.estimate, r.estimate, `${m}: the estimate stays`);
    assert.equal(shown.ciLower, null, m);
    assert.equal(shown.ciUpper, null, m);
    assert.match(shown.note!, /SE is 0 .*from 3 and 3 values does not describe its uncertainty/);
  }
  // A phase that varies keeps its interval.
  const varied = reportable(effectSize("LRM", [3, 4, 5], [1, 2, 3], opts), 3);
  assert.notEqual(varied.ciLower, null);
});

Deno.test("an SE of 0 with phases that vary (LRM: equal order statistics) is not blamed on them", () => {
  // Nine values per phase, all but the ends equal: LRM's SE rests on the 2nd and 8th order
  // statistics (Bonett & Price 2020), which are equal, so its SE is 0 though each phase varies.
  const r = effectSize("LRM", [1, 5, 5, 5, 5, 5, 5, 5, 9], [1, 2, 2, 2, 2, 2, 2, 2, 4], opts);
  assert.equal(r.se, 0);
  const shown = reportable(r, 3);
  assert.equal(shown.ciLower, null);
  assert.match(shown.note!, /SE is 0/);
  assert.doesNotMatch(shown.note!, /within each phase do not vary/);
});
