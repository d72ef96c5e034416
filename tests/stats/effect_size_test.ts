/**
 * Effect sizes against values derived by hand from the SingleCaseES 0.7.4 definitions
 * (../shared/docs/single-case-effect-sizes.md) and from a published example. Each test says where
 * its expected value comes from.
 */
import assert from "node:assert/strict";
import { effectSize, type EffectSizeOptions, type Measure } from "../../lib/mod.ts";

const close = (actual: number | null, expected: number, rel = 1e-6, what = "") => {
  assert.ok(actual !== null, `${what}: got null, expected ${expected}`);
  const tol = rel * Math.max(1, Math.abs(expected));
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: ${actual} vs ${expected}`);
};

const dec: EffectSizeOptions = { improvement: "decrease" };
const inc: EffectSizeOptions = { improvement: "increase" };
// Series S1 (decrease): A = [3, 4, 5], B = [1, 2, 4]. After the −1 flip the pair scores q_ij
// (rows A = 3, 4, 5) are [1, 1, 0], [1, 1, ½], [1, 1, 1]: 7.5 of 9 pairs improve.
const A = [3, 4, 5];
const B = [1, 2, 4];
const es = (m: Measure, o: EffectSizeOptions = dec, a = A, b = B) => effectSize(m, a, b, o);

Deno.test("NAP, S1: 7.5/9; unbiased, Hanley and null SEs by hand", () => {
  close(es("NAP").estimate, 7.5 / 9, 1e-12, "NAP");
  // q − NAP row sums −½, 0, ½ → Q1 = ½/(3·9); column sums ½, ½, −1 → Q2 = 1.5/(9·3);
  // Σ(q − NAP)² = 1 → X = 1/9; NAP(1 − NAP) = 5/36.
  const q1 = 0.5 / 27;
  const q2 = 1.5 / 27;
  const x = 1 / 9;
  const t = 5 / 36;
  close(es("NAP").se, Math.sqrt((t + 3 * q1 + 3 * q2 - 2 * x) / 4), 1e-9, "unbiased SE");
  close(es("NAP", { ...dec, seMethod: "hanley" }).se, Math.sqrt((t + 2 * q1 + 2 * q2) / 9), 1e-9);
  close(es("NAP", { ...dec, seMethod: "null" }).se, Math.sqrt(7 / 108), 1e-9, "null SE");
});

Deno.test("NAP, S1: Newcombe Method 5 limits are the roots of f on either side of NAP", () => {
  const r = es("NAP");
  const z = 1.959963984540054;
  const h = (3 + 3) / 2 - 1;
  const nap = 7.5 / 9;
  const f = (th: number) =>
    9 * (nap - th) ** 2 * (2 - th) * (1 + th) -
    z * z * th * (1 - th) * (2 + h + (1 + 2 * h) * th * (1 - th));
  assert.ok(r.ciLower! < nap && nap < r.ciUpper!);
  assert.ok(Math.abs(f(r.ciLower!)) < 1e-9 && Math.abs(f(r.ciUpper!)) < 1e-9);
  // The CI does not depend on the SE method.
  assert.equal(es("NAP", { ...dec, seMethod: "null" }).ciLower, r.ciLower);
});

Deno.test("NAP, published example (Parker & Vannest 2009, calc_ES docs): 106/110 = 0.9636", () => {
  const yA = [4, 3, 4, 3, 4, 7, 5, 2, 3, 2];
  const yB = [5, 9, 7, 9, 7, 5, 9, 11, 11, 10, 9];
  close(effectSize("NAP", yA, yB, inc).estimate, 106 / 110, 1e-12);
  close(effectSize("Tau", yA, yB, inc).estimate, 2 * 106 / 110 - 1, 1e-12);
});

Deno.test("NAP = 1: the package's CI is [1, 1]; the informative root is given beside it", () => {
  const r = effectSize("NAP", [6.6, 3.3], [2.3, 0.6], dec);
  assert.deepEqual([r.estimate, r.ciLower, r.ciUpper], [1, 1, 1]);
  assert.ok(r.informativeCi!.lower > 0 && r.informativeCi!.lower < 1);
  assert.equal(r.informativeCi!.upper, 1);
});

Deno.test("NAP with one baseline point: unbiased SE is null with a reason, Hanley finite", () => {
  const r = effectSize("NAP", [8], [1, 0.1], dec);
  assert.equal(r.estimate, 1);
  assert.equal(r.se, null);
  assert.match(r.reason!, /one baseline/);
  // Hanley with m = 1, n = 2, NAP = 1: NAP~ = 1 − 1/4; Q1 = Q2 = 0 → V = (3/4·1/4)/2.
  close(
    effectSize("NAP", [8], [1, 0.1], { ...dec, seMethod: "hanley" }).se,
    Math.sqrt(3 / 32),
    1e-12,
  );
});

Deno.test("Tau, PND, PEM, PAND, IRD, Tau-U on S1 by hand", () => {
  close(es("Tau").estimate, 2 * 7.5 / 9 - 1, 1e-12, "Tau");
  close(es("Tau").se, 2 * es("NAP").se!, 1e-12, "Tau SE");
  close(es("PND").estimate, 2 / 3, 1e-12, "PND: 1 and 2 are below min(A) = 3");
  close(es("PEM").estimate, 2.5 / 3, 1e-12, "PEM: 1, 2 below median 4, 4 ties (½)");
  close(es("PAND").estimate, 5 / 6, 1e-12, "PAND: drop A = 3 (or B = 4), keep 5 of 6");
  close(es("IRD").estimate, (36 * 5 / 6 - 9 - 9) / 18, 1e-12, "IRD from PAND");
  // S_AB = 7 improving − 1 worsening = 6; S_AA of the flipped baseline (−3, −4, −5) = −3.
  close(es("TauU").estimate, (6 + 3) / 9, 1e-12, "Tau-U");
  assert.equal(es("TauU").se, null);
});

Deno.test("Tau-BC on S1: baseline trend 1/session removed; tau-b variant by hand", () => {
  // Theil–Sen slope 1, intercept 2: residuals A = 0, 0, 0; B = −5, −5, −4 → all improve.
  const r = es("TauBC");
  assert.equal(r.estimate, 1);
  assert.deepEqual(r.correction, { slope: 1, intercept: 2, applied: true });
  // Kendall: S = 9; ties among (0, 0, 0, 5, 5, 4): 3 + 1 = 4 pairs → τ = 9/√(9·(15 − 4)).
  // Kendall::Kendall computes in single precision, so τ is the float nearest that (7 digits).
  const k = es("TauBC", { ...dec, kendall: true });
  const t = 9 / Math.sqrt(9 * 11);
  close(k.estimate, t, 1e-7, "tau-b");
  assert.equal(k.estimate, Math.fround(k.estimate!), "tau-b is a single-precision value");
  close(k.se, Math.sqrt((2 / 6) * (1 - k.estimate! ** 2)), 1e-15, "tau-b SE from that τ");
  close(k.ciUpper! - k.estimate!, 1.959963984540054 * k.se!, 1e-9);
});

Deno.test("Tau-BC edge cases: one baseline point; pretest needs m ≥ 3; Kendall's n = 3 exit", () => {
  assert.match(effectSize("TauBC", [8], [1, 2], dec).reason!, /one baseline observation/);
  assert.match(es("TauBC", { ...dec, pretestTrend: 0.05 }, [1, 2]).reason!, /at least 3/);
  // Kendall 2.2.1 (src/Kendall.f, TAUK2) computes sl only for n > 3; with n = 3 it exits with
  // IFAULT = 12 and sl = 1, so SingleCaseES never corrects a 3-point baseline: Tau-BC = Tau,
  // while the Theil–Sen line is still reported (slope 1, intercept 2 for A = 3, 4, 5).
  const r = es("TauBC", { ...dec, pretestTrend: 0.05 });
  assert.equal(r.correction!.pvalSlopeA, 1);
  assert.deepEqual(r.correction, { slope: 1, intercept: 2, applied: false, pvalSlopeA: 1 });
  close(r.estimate, es("Tau").estimate!, 1e-12);
});

Deno.test("LRRd / LRRi on S1 (count scale, bias-corrected) by hand", () => {
  const ma = 4, mb = 7 / 3, va = 1, vb = 7 / 3;
  const r2 = (Math.log(mb) + vb / (2 * 3 * mb * mb)) - (Math.log(ma) + va / (2 * 3 * ma * ma));
  const se = Math.sqrt(va / (3 * ma * ma) + vb / (3 * mb * mb));
  close(es("LRRd").estimate, r2, 1e-12, "LRRd");
  close(es("LRRd").se, se, 1e-12, "LRR SE");
  close(es("LRRi").estimate, -r2, 1e-12, "LRRi = −LRRd for a decrease");
  close(es("LRRd", inc).estimate, -r2, 1e-12, "LRRd with increase flips");
  close(es("LRRd", { ...dec, biasCorrect: false }).estimate, Math.log(mb / ma), 1e-12);
});

Deno.test("LRR edges: one observation; all-zero phases with D = 1 and without truncation", () => {
  assert.equal(effectSize("LRRd", [8], [1, 2], dec).estimate, null);
  close(
    effectSize("LRRd", [8], [1, 2], { ...dec, biasCorrect: false }).estimate,
    Math.log(1.5 / 8),
    1e-12,
  );
  assert.equal(effectSize("LRRd", [8], [1, 2], { ...dec, biasCorrect: false }).se, null);
  // All zero, D = 1: ȳ~ = 1/(2·2) in both phases, s²~ = 1/2³ → estimate 0, SE √2.
  const z = effectSize("LRRd", [0, 0], [0, 0], dec);
  close(z.estimate, 0, 1e-12);
  close(z.se, Math.sqrt(2), 1e-12);
  const none = effectSize("LRRd", [0, 0], [0, 0], { ...dec, scale: "other" });
  assert.equal(none.estimate, null);
  assert.match(none.reason!, /mean of 0/);
});

Deno.test("SMD on S1 (baseline SD, Hedges J) by hand, and its edges", () => {
  const J = 1 - 3 / (4 * 2 - 1);
  const d = -J * (7 / 3 - 4) / 1;
  close(es("SMD").estimate, d, 1e-12, "SMD");
  close(es("SMD").se, J * Math.sqrt(1 / 3 + (7 / 3) / 3 + d * d / 4), 1e-12, "SMD SE");
  assert.match(effectSize("SMD", [8], [1, 2], dec).reason!, /one baseline/);
  assert.match(effectSize("SMD", [5, 5, 5], [1, 2], dec).reason!, /SD\) is 0/);
  // m = 2: J = 1 − 3/(4·1 − 1) = 0, so the package's SMD is 0 ± 0 whatever the data; that is
  // no estimate, so it is null with the reason (the uncorrected d is still available).
  const m2 = effectSize("SMD", [6.6, 3.3], [2.3, 0.6], dec);
  assert.deepEqual([m2.estimate, m2.se], [null, null]);
  assert.match(m2.reason!, /J = 1 − 3\/\(4·1 − 1\) is 0/);
  const d2 = effectSize("SMD", [6.6, 3.3], [2.3, 0.6], { ...dec, biasCorrect: false });
  close(d2.estimate, (4.95 - 1.45) / Math.sqrt(((6.6 - 3.3) ** 2) / 2), 1e-12, "uncorrected d");
  // Pooled SD with m = 1, n = 2: df = 1, so J = 0 as well (the NA baseline term is dropped).
  const p = effectSize("SMD", [8], [1, 3], { ...dec, stdDev: "pool" });
  assert.equal(p.estimate, null);
  assert.match(p.reason!, /m \+ n − 2 = 1/);
});

Deno.test("LRM on S1 (Bonett & Price) by hand: o1 = 1, z0 = qnorm(7/8)", () => {
  const z0 = 1.1503493803760079;
  const vA = ((Math.log(5) - Math.log(3)) / (2 * z0)) ** 2;
  const vB = ((Math.log(4) - Math.log(1)) / (2 * z0)) ** 2;
  close(es("LRM").estimate, Math.log(4 / 2), 1e-12, "LRM");
  close(es("LRM").se, Math.sqrt(vA + vB), 1e-9, "LRM SE");
  assert.match(effectSize("LRM", [8], [1, 2], dec).reason!, /one observation/);
  assert.equal(effectSize("LRM", [8, 6], [0, 0], dec).estimate, null);
});

Deno.test("PoGO on S1 (goal 0) by hand; no goal → null", () => {
  const est = 100 * (7 / 3 - 4) / (0 - 4);
  close(es("PoGO", { ...dec, goal: 0 }).estimate, est, 1e-12);
  const v = (1 / 3 + (7 / 3) / 3 + (est / 100) ** 2 / 3) / 16;
  close(es("PoGO", { ...dec, goal: 0 }).se, 100 * Math.sqrt(v), 1e-12);
  close(es("PoGO", { ...inc, goal: 0 }).estimate, est, 1e-12, "improvement is ignored");
  assert.match(es("PoGO").reason!, /needs a goal/);
});

Deno.test("every result carries n and the options with defaults", () => {
  const r = es("NAP");
  assert.deepEqual(r.n, { baseline: 3, treatment: 3 });
  assert.deepEqual(r.options, { improvement: "decrease", confidence: 0.95 });
  assert.deepEqual(effectSize("NAP", [1, NaN], [2], inc).n, { baseline: 1, treatment: 1 });
});
