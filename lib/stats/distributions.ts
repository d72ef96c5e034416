/**
 * The three distribution functions the statistics need — the standard normal quantile, the
 * binomial CDF and the exact (Clopper–Pearson) binomial interval — on top of jStat (npm `jstat`,
 * one dependency-free file; no environment access at import).
 *
 * Accuracy, checked against closed forms and R values in tests/stats/distributions_test.ts:
 * normal quantile to ~1e-15 relative for 1e-5 < p < 1 − 1e-5 (jStat's erfc inverse with Newton
 * steps); binomial CDF by summing exp(log C(n, i) + i·log p + (n − i)·log(1 − p)) to ~1e-13
 * relative for n ≤ 1,000 and ~1e-10 at n = 5,000; Clopper–Pearson limits as the roots of the
 * binomial tail equations (their definition), found by bisection to ~1e-13.
 *
 * @module
 */
import jStatModule from "jstat";
import { bisectRoot } from "./roots.ts";

/** jStat's CommonJS export (the namespace object, or the object under `jStat`). */
const jStat: {
  normal: { inv(p: number, mean: number, sd: number): number };
} =
  // deno-lint-ignore no-explicit-any
  (jStatModule as any).jStat ?? jStatModule;

/**
 * The standard normal quantile Φ⁻¹(p) (R's `qnorm(p)`).
 *
 * @param p A probability in (0, 1).
 * @returns The z with Φ(z) = p (−Infinity at 0, Infinity at 1).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { normalQuantile } from "#lib/stats/distributions.ts";
 * assert.ok(Math.abs(normalQuantile(0.975) - 1.959963984540054) < 1e-15); // R: qnorm(0.975)
 * ```
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`normalQuantile: p must be in [0, 1], got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  // jStat's erfc inverse gives ~1e-16 instead of 0 at the median; R's qnorm(0.5) is exactly 0,
  // which decides whether an LRM phase of one value has a standard error (0/0) or not.
  if (p === 0.5) return 0;
  return jStat.normal.inv(p, 0, 1);
}

/**
 * The binomial CDF P(X ≤ k), X ~ Binomial(n, p) (R's `pbinom(k, n, p)`).
 *
 * @param k Number of successes (non-integers are floored, as R does).
 * @param n Number of trials, a non-negative integer.
 * @param p Success probability in [0, 1].
 * @returns P(X ≤ k).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { binomialCdf } from "#lib/stats/distributions.ts";
 * assert.equal(binomialCdf(1, 9, 0.5), 10 / 512); // (1 + 9) / 2^9
 * ```
 */
export function binomialCdf(k: number, n: number, p: number): number {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`binomialCdf: n must be a non-negative integer, got ${n}`);
  }
  if (!(p >= 0 && p <= 1)) throw new RangeError(`binomialCdf: p must be in [0, 1], got ${p}`);
  const kk = Math.floor(k);
  if (kk < 0) return 0;
  if (kk >= n) return 1;
  if (p === 0) return 1;
  if (p === 1) return 0;
  const ratio = p / (1 - p);
  const start = Math.pow(1 - p, n);
  let sum = 0;
  if (start > 1e-290) {
    // Upward recurrence P(i + 1) = P(i)·(n − i)/(i + 1)·p/(1 − p) from P(0) = (1 − p)^n: exact
    // for p = ½ and small n (every factor a dyadic rational).
    let term = start;
    for (let i = 0; i <= kk; i++) {
      sum += term;
      term *= ((n - i) / (i + 1)) * ratio;
    }
  } else {
    // (1 − p)^n underflows: the same recurrence on logs, summed relative to the largest term.
    const logs = new Float64Array(kk + 1);
    logs[0] = n * Math.log1p(-p);
    const lr = Math.log(ratio);
    for (let i = 0; i < kk; i++) logs[i + 1] = logs[i] + Math.log((n - i) / (i + 1)) + lr;
    const top = logs.reduce((a, b) => Math.max(a, b), -Infinity);
    for (let i = 0; i <= kk; i++) sum += Math.exp(logs[i] - top);
    sum *= Math.exp(top);
  }
  return Math.min(1, sum);
}

/**
 * The exact (Clopper–Pearson) confidence limits of a binomial proportion: the lower limit solves
 * P(X ≥ count | p) = α/2, the upper P(X ≤ count | p) = α/2 (equivalently R's
 * `qbeta(α/2, count, n − count + 1)` and `qbeta(1 − α/2, count + 1, n − count)`).
 *
 * @param count Successes, an integer in [0, n].
 * @param n Trials, a positive integer.
 * @param confidence Confidence level in (0, 1).
 * @returns The lower and upper limits (0 when count = 0, 1 when count = n).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { clopperPearsonLimits } from "#lib/stats/distributions.ts";
 * const { lower, upper } = clopperPearsonLimits(3, 3, 0.95);
 * assert.ok(Math.abs(lower - 0.025 ** (1 / 3)) < 1e-12); // 0.2924…
 * assert.equal(upper, 1);
 * ```
 */
export function clopperPearsonLimits(
  count: number,
  n: number,
  confidence: number,
): { lower: number; upper: number } {
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(count) || count < 0 || count > n) {
    throw new RangeError(
      `clopperPearsonLimits: expected integers 0 ≤ count ≤ n, n ≥ 1; got count ${count}, n ${n}`,
    );
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`clopperPearsonLimits: confidence must be in (0, 1), got ${confidence}`);
  }
  const half = (1 - confidence) / 2;
  const lower = count === 0 ? 0 : bisectRoot((p) => 1 - binomialCdf(count - 1, n, p) - half, 0, 1);
  const upper = count === n ? 1 : bisectRoot((p) => binomialCdf(count, n, p) - half, 0, 1);
  return { lower, upper };
}
