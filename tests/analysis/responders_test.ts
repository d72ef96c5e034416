/**
 * Responders with a case whose baseline may be 0 (its lower bound is 0): no percent reduction of
 * it is defined, so percent thresholds leave it out saying so, while thresholds in points of the
 * common metric still count it (its change is defined).
 */
import assert from "node:assert/strict";
import { caseChange, loadCaseSeries, responderCurve, responders } from "../../lib/mod.ts";
import { NO_PERCENT } from "../../lib/analysis/change.ts";
import { aroundDrug, zeroBaseline } from "../helpers/constructed_case.ts";
import { TEST_DATA_DIR } from "../helpers/data_dir.ts";

const s = aroundDrug((await loadCaseSeries(TEST_DATA_DIR)).study);
const z = zeroBaseline(s);

Deno.test("a baseline that may be 0: left out of percent thresholds with that reason, counted in points", () => {
  assert.ok(caseChange(z).points.length > 0, "it has values after the drug");
  const thresholds = [{ kind: "percent" as const, value: 30 }, {
    kind: "points" as const,
    value: 2,
  }];
  const rows = responders([z], { thresholds });
  for (const r of rows) {
    if (r.threshold.kind === "percent") {
      assert.deepEqual(r.excluded, [{ caseId: z.id, reason: NO_PERCENT }], r.timing);
      assert.equal(r.n, 0);
    } else {
      assert.deepEqual(r.excluded, [], r.timing);
      assert.equal(r.n, 1);
    }
  }
  for (const p of responderCurve([z])) {
    assert.deepEqual(p.excluded, [{ caseId: z.id, reason: NO_PERCENT }]);
  }
});
