/**
 * The aggregation of per-case effect sizes (`lib/analysis/aggregation.ts`): a case whose standard
 * error is 0 does not pool as certain.
 */
import assert from "node:assert/strict";
import { aggregateEffectSizes, effectSize } from "../../lib/mod.ts";

const opts = { improvement: "decrease" as const, goal: 0 };

Deno.test("aggregateEffectSizes: a case with an SE of 0 leaves the aggregate without an interval, and is named", () => {
  const varied = effectSize("LRM", [5, 6, 7], [1, 2, 3], opts);
  const constant = effectSize("LRM", [5, 5, 5], [1, 1, 1], opts);
  assert.equal(constant.se, 0); // the premise: phases that do not vary give an SE of 0
  assert.ok(varied.se! > 0);
  const a = aggregateEffectSizes([varied, constant, varied], ["a", "b", "c"], "equal");
  assert.equal(a.n, 3);
  assert.ok(a.estimate !== null);
  assert.equal(a.ciLower, null);
  assert.equal(a.ciUpper, null);
  assert.equal(a.se, null);
  assert.match(a.reason!, /standard error of case b is 0/);
  const b = aggregateEffectSizes([varied, varied], ["a", "c"], "equal");
  assert.ok(b.ciLower !== null && b.ciLower < b.estimate!, "without it, an interval");
});

Deno.test("aggregateEffectSizes, 1/V: a case with an SE of 0 is left out saying so, not as having none", () => {
  const varied = effectSize("LRM", [5, 6, 7], [1, 2, 3], opts);
  const constant = effectSize("LRM", [5, 5, 5], [1, 1, 1], opts);
  const a = aggregateEffectSizes([varied, constant], ["a", "b"], "1/V");
  assert.match(a.excluded.find((e) => e.caseId === "b")!.reason, /standard error of 0/);
});
