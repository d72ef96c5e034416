/**
 * The paired tests (`lib/analysis/paired_tests.ts`): ties found despite floating-point error, and
 * the smallest p each test can give.
 */
import assert from "node:assert/strict";
import { permutationTest, signTest } from "../../lib/mod.ts";

/** A baseline that is a mean of three equal values carries floating-point error. */
const mean3 = (3.3 + 3.3 + 3.3) / 3;

Deno.test("signTest: a difference of floating-point error is a tie, named and left out of n", () => {
  assert.notEqual(mean3, 3.3); // the premise: the mean is not exactly 3.3
  const r = signTest([
    { caseId: "a", pre: mean3, post: 3.3 },
    { caseId: "b", pre: 6, post: 2 },
  ]);
  assert.equal(r.n, 1);
  assert.deepEqual(r.tied, ["a"]);
  assert.equal(r.pValue, 1);
  assert.equal(r.minP, 1);
});

Deno.test("signTest: with many pairs, every one lower after, p is its floor 2·0.5^n, not 0", () => {
  // 1 − P(X ≤ n − 1) cancels to 0 in floating point from about 53 pairs on; the tail summed
  // directly does not.
  for (const n of [20, 55, 60, 200]) {
    const pairs = Array.from({ length: n }, (_, i) => ({ caseId: `${i}`, pre: 6, post: 2 }));
    const r = signTest(pairs);
    assert.equal(r.pValue, 2 * 0.5 ** n, `${n} pairs`);
    assert.equal(r.pValue, r.minP);
  }
  // One pair of 60 higher after: 2·61/2^60.
  const mixed = Array.from({ length: 60 }, (_, i) => ({ caseId: `${i}`, pre: 6, post: i ? 2 : 7 }));
  assert.ok(Math.abs(signTest(mixed).pValue! / (2 * 61 * 0.5 ** 60) - 1) < 1e-12);
});

Deno.test("permutationTest: a tie by floating-point error doubles the exact floor", () => {
  const r = permutationTest([
    { caseId: "a", pre: mean3, post: 3.3 },
    { caseId: "b", pre: 6, post: 2 },
    { caseId: "c", pre: 7, post: 1 },
  ]);
  assert.equal(r.exact, true);
  assert.equal(r.minP, 2 ** (1 + 1 - 3)); // one zero difference of three
  assert.equal(r.pValue, 0.5);
  assert.deepEqual(r.tied, ["a"]); // kept in n, named
});

Deno.test("permutationTest, sampled: its smallest p is its resolution, which the p never falls below", () => {
  const pairs = Array.from({ length: 6 }, (_, i) => ({ caseId: `${i}`, pre: 8, post: 1 + i / 10 }));
  for (const seed of [1, 2, 4, 7]) {
    const r = permutationTest(pairs, { maxExact: 3, draws: 1000, seed });
    assert.equal(r.exact, false);
    assert.equal(r.minP, 1 / 1001);
    assert.ok(r.pValue! >= r.minP!, `seed ${seed}: p ${r.pValue} below the stated smallest p`);
  }
});

Deno.test("permutationTest: an enumeration past 30 pairs is refused (its sign masks are 32-bit)", () => {
  const pairs = [{ caseId: "a", pre: 5, post: 1 }];
  assert.throws(() => permutationTest(pairs, { maxExact: 31 }), /maxExact/);
  assert.equal(permutationTest(pairs, { maxExact: 30 }).exact, true);
});
