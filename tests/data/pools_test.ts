/** Values shared within one load: equal values are one frozen object, different ones are not. */
import assert from "node:assert/strict";
import { IntervalPool } from "../../lib/data/pools.ts";

Deno.test("IntervalPool: one frozen object per distinct point or interval", () => {
  const pool = new IntervalPool();
  const a = pool.get(5, 5, 5);
  pool.get(1, 2, 1.5);
  assert.equal(pool.get(5, 5, 5), a);
  assert.ok(Object.isFrozen(a));
  assert.deepEqual(a, { lo: 5, hi: 5, nominal: 5 });
  const r = pool.get(1, 3, 2);
  pool.get(5, 5, 5);
  assert.equal(pool.get(1, 3, 2), r);
  assert.notEqual(pool.get(1, 3, 2.5), r);
  assert.notEqual(pool.get(5, 5, 4), a);
  assert.deepEqual(pool.get(5, 5, 4), { lo: 5, hi: 5, nominal: 4 });
});
