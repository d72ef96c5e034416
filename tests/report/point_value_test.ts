/**
 * When a rate's bounds hold 0, what its direction is said to be (constructed bounds).
 */
import assert from "node:assert/strict";
import { shownPoint } from "../../lib/report/point_value.ts";

const signed = { n: 3, minPoints: 3, signed: true };

Deno.test("shownPoint: bounds strictly either side of 0 leave the direction unknown", () => {
  const p = shownPoint({ nominal: 0.02, lo: -0.1, hi: 0.2 }, signed);
  assert.equal(p.value, null);
  assert.equal(p.reason, "its bounds lie either side of 0, so not even its direction is known");
});

Deno.test("shownPoint: a bound at 0 says flat or rising (or falling), not an unknown direction", () => {
  const up = shownPoint({ nominal: 0.05, lo: 0, hi: 0.106 }, signed);
  assert.equal(up.value, null);
  assert.equal(up.reason, "its lower bound is 0, so it is flat or rising, not surely rising");
  const down = shownPoint({ nominal: -0.05, lo: -0.106, hi: 0 }, signed);
  assert.equal(down.value, null);
  assert.equal(down.reason, "its upper bound is 0, so it is flat or falling, not surely falling");
});

Deno.test("shownPoint: bounds on one side of 0, or both at 0, show the number", () => {
  assert.deepEqual(shownPoint({ nominal: 0.1, lo: 0.05, hi: 0.2 }, signed), {
    value: 0.1,
    reason: null,
  });
  assert.deepEqual(shownPoint({ nominal: 0, lo: 0, hi: 0 }, signed), { value: 0, reason: null });
});
