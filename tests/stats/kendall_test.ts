/**
 * Kendall's tau and its p-value as the R package Kendall 2.2.1 computes them (TAUK2), against the
 * worked examples of Kendall (1970, 1976) quoted in the package's help page and in SingleCaseES's
 * tests, and SingleCaseES's own Tau-BC pretest tests (test-tarlow-2017.R).
 */
import assert from "node:assert/strict";
import jStatModule from "jstat";
import { kendall } from "../../lib/stats/kendall.ts";
import { effectSize } from "../../lib/mod.ts";

// deno-lint-ignore no-explicit-any
const jStat: any = (jStatModule as any).jStat ?? jStatModule;
const rep = (v: number, k: number) => Array.from({ length: k }, () => v);

Deno.test("Kendall (1970) Example 3.1 (SingleCaseES test-tarlow-2017): S = 33, D = √(41·36)", () => {
  const A = [1, 2.5, 2.5, 4.5, 4.5, 6.5, 6.5, 8, 9.5, 9.5];
  const B = [1, 2, ...rep(4.5, 4), ...rep(8, 3), 10];
  const k = kendall(A, B);
  assert.equal(k.S, 33);
  assert.ok(Math.abs(k.D - Math.sqrt(41 * 36)) < 1e-7 * k.D);
  assert.equal(Math.round(k.tau * 1000) / 1000, 0.859);
});

Deno.test("Kendall (1976) Example 3.4 (Kendall.Rd): S = 34, D = √(116·60), tau = 0.41", () => {
  const A = [2.5, 2.5, 2.5, 2.5, 5, 6.5, 6.5, 10, 10, 10, 10, 10, 14, 14, 14, 16, 17];
  const B = [1, 1, 1, 1, 2, 1, 1, 2, 1, 1, 1, 1, 1, 1, 2, 2, 2];
  const k = kendall(A, B);
  assert.equal(k.S, 34);
  assert.ok(Math.abs(k.D - Math.sqrt(116 * 60)) < 1e-6 * k.D);
  assert.equal(Math.round(k.tau * 100) / 100, 0.41);
});

Deno.test("Kendall (1976) Example 4.3 (Kendall.Rd): S = 34, Var(S) = 203.30 with ties in both", () => {
  const x = [1.5, 1.5, 3, 4, 6, 6, 6, 8, 9.5, 9.5, 11, 12];
  const y = [2.5, 2.5, 7, 4.5, 1, 4.5, 6, 11.5, 11.5, 8.5, 8.5, 10];
  const k = kendall(x, y);
  assert.equal(k.S, 34);
  assert.equal(Math.round(k.varS * 100) / 100, 203.3);
});

Deno.test("TAUK2 p-value: normal approximation with continuity correction even without ties", () => {
  // 1..5 against itself: the exact two-sided p would be 2/120; the Fortran's exact branch is
  // unreachable, so sl = 2(1 − Φ((10 − 1)/√(5·4·15/18))), in single precision.
  const k = kendall([1, 2, 3, 4, 5], [1, 2, 3, 4, 5]);
  const expected = 2 * (1 - jStat.normal.cdf(9 / Math.sqrt(50 / 3), 0, 1));
  assert.ok(Math.abs(k.sl - expected) < 1e-6, `${k.sl} vs ${expected}`);
  assert.notEqual(k.sl, 2 / 120);
  assert.equal(k.sl, Math.fround(k.sl));
  // n = 3: IFAULT = 12, sl = 1; a constant variable: IFAULT = 12, tau = sl = 1.
  assert.deepEqual([kendall([1, 2, 3], [1, 2, 3]).sl, kendall([1, 2, 3], [1, 2, 3]).ifault], [
    1,
    12,
  ]);
  assert.deepEqual([
    kendall([4, 4, 4, 4], [1, 2, 3, 4]).sl,
    kendall([4, 4, 4, 4], [1, 2, 3, 4]).tau,
  ], [
    1,
    1,
  ]);
  assert.throws(() => kendall([1, 2], [1, 2]), /length\(x\)<3/);
});

Deno.test("SingleCaseES test-tarlow-2017: pretest on a tied baseline (1, 1, 3, 3, 5, 5)", () => {
  const A = [1, 1, 3, 3, 5, 5];
  const B = [5, 6, 4, 8, 9];
  const inc = { improvement: "increase" as const };
  // S = 12 (the 3 tied pairs score 0), Var(S) = (6·5·17 − 3·2·9)/18 = 25.33, z = 11/√25.33.
  const at05 = effectSize("TauBC", A, B, { ...inc, pretestTrend: 0.05 });
  const p = at05.correction!.pvalSlopeA!;
  assert.ok(p < 0.05 && p > 0.01, `${p}`);
  assert.ok(Math.abs(p - 2 * (1 - jStat.normal.cdf(11 / Math.sqrt(456 / 18), 0, 1))) < 1e-6);
  assert.equal(at05.correction!.applied, true);
  const at01 = effectSize("TauBC", A, B, { ...inc, pretestTrend: 0.01 });
  assert.equal(at01.correction!.applied, false);
  assert.equal(at01.estimate, effectSize("Tau", A, B, inc).estimate);
  const dec = effectSize("TauBC", A, B, { improvement: "decrease", pretestTrend: 0.01 });
  assert.equal(at01.estimate, -dec.estimate!);
  assert.equal(at01.ciLower, -dec.ciUpper!);
  // With Kendall = TRUE, increase and decrease mirror too.
  const ki = effectSize("TauBC", A, B, { ...inc, pretestTrend: 0.01, kendall: true });
  const kd = effectSize("TauBC", A, B, {
    improvement: "decrease",
    pretestTrend: 0.01,
    kendall: true,
  });
  assert.equal(ki.estimate, -kd.estimate!);
  assert.equal(ki.se, kd.se);
});

Deno.test("Tau-BC pretest for any baseline length, with ties (was null outside 3–8 untied)", () => {
  const A = [33, 25, 17, 25, 19, 21, 19, 14, 19, 17]; // Tarlow (2017) example baseline, tied
  const B = [14, 15, 15, 9, 12, 7, 10, 6, 5, 2, 2, 3, 5, 4];
  const r = effectSize("TauBC", A, B, { improvement: "decrease", pretestTrend: 0.05 });
  assert.ok(r.estimate !== null && r.correction!.pvalSlopeA! < 0.05);
  assert.equal(r.correction!.applied, true);
});
