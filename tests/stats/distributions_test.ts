/**
 * The distribution functions against values R gives (stated with the R call) and closed forms.
 */
import assert from "node:assert/strict";
import {
  binomialCdf,
  clopperPearsonLimits,
  normalQuantile,
} from "../../lib/stats/distributions.ts";

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

Deno.test("normal quantile: R qnorm(0.975), qnorm(7/8), qnorm(0.5), symmetry", () => {
  assert.ok(rel(normalQuantile(0.975), 1.959963984540054) < 1e-15); // qnorm(0.975)
  assert.ok(rel(normalQuantile(7 / 8), 1.1503493803760079) < 1e-15); // qnorm(7/8)
  assert.equal(normalQuantile(0.5), 0); // qnorm(0.5)
  assert.ok(rel(normalQuantile(0.005), -2.5758293035489004) < 1e-14); // qnorm(0.005)
  assert.equal(normalQuantile(0), -Infinity);
  assert.throws(() => normalQuantile(1.5), /p must be in \[0, 1\]/);
});

Deno.test("binomial CDF: exact dyadic values at p = ½ (R pbinom) and a large-n case", () => {
  assert.equal(binomialCdf(2, 3, 0.5), 0.875); // pbinom(2, 3, .5) = 7/8
  assert.equal(binomialCdf(1, 9, 0.5), 10 / 512); // pbinom(1, 9, .5)
  assert.equal(binomialCdf(0, 35, 0.5), 2 ** -35); // pbinom(0, 35, .5)
  assert.equal(binomialCdf(-1, 5, 0.3), 0);
  assert.equal(binomialCdf(5, 5, 0.3), 1);
  // n = 5000 (1 − p)^n underflows: the log-space branch; P(X ≤ 2500) for p = ½ is ½ + P(2500)/2,
  // P(2500) = C(5000, 2500)/2^5000 ≈ 0.0112826 (√(2/(π·5000)) to 4 digits).
  const mid = binomialCdf(2500, 5000, 0.5);
  assert.ok(Math.abs(mid - (0.5 + 0.5 * 0.011282)) < 1e-5, `${mid}`);
  assert.throws(() => binomialCdf(1, 2.5, 0.5), /non-negative integer/);
});

Deno.test("Clopper–Pearson: closed forms and R binom.test(1, 3)$conf.int", () => {
  // count = n: lower = (α/2)^(1/n); count = 0: upper = 1 − (α/2)^(1/n).
  assert.ok(rel(clopperPearsonLimits(3, 3, 0.95).lower, 0.025 ** (1 / 3)) < 1e-12);
  assert.ok(rel(clopperPearsonLimits(0, 7, 0.95).upper, 1 - 0.025 ** (1 / 7)) < 1e-12);
  // binom.test(1, 3): 0.008403759 0.905700676; lower = qbeta(.025, 1, 3) = 1 − 0.975^(1/3),
  // upper = qbeta(.975, 2, 2) solves 3x² − 2x³ = 0.975.
  const ci = clopperPearsonLimits(1, 3, 0.95);
  assert.ok(rel(ci.lower, 1 - 0.975 ** (1 / 3)) < 1e-12);
  assert.ok(Math.abs(3 * ci.upper ** 2 - 2 * ci.upper ** 3 - 0.975) < 1e-13);
  assert.ok(Math.abs(ci.upper - 0.905700676) < 5e-10);
  assert.throws(() => clopperPearsonLimits(4, 3, 0.95), /0 ≤ count ≤ n/);
});
