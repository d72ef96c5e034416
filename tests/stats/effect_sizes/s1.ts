/**
 * What the effect-size tests share: a tolerance check, the two directions and series S1, whose
 * values are derived by hand in each test from the SingleCaseES 0.7.4 definitions
 * (the package's vignette "Effect size definitions and mathematical details",
 * https://jepusto.github.io/SingleCaseES/articles/Effect-size-definitions.html).
 */
import assert from "node:assert/strict";
import { effectSize, type EffectSizeOptions, type Measure } from "../../../lib/mod.ts";

/**
 * Asserts `actual` is within `rel` (relative, at least absolute) of `expected`.
 *
 * @param actual The computed value.
 * @param expected The value by hand.
 * @param rel Relative tolerance.
 * @param what What is compared, for the message.
 */
export const close = (actual: number | null, expected: number, rel = 1e-6, what = "") => {
  assert.ok(actual !== null, `${what}: got null, expected ${expected}`);
  const tol = rel * Math.max(1, Math.abs(expected));
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: ${actual} vs ${expected}`);
};

/** Improvement is a decrease (pain). */
export const dec: EffectSizeOptions = { improvement: "decrease" };
/** Improvement is an increase. */
export const inc: EffectSizeOptions = { improvement: "increase" };
// Series S1 (decrease): A = [3, 4, 5], B = [1, 2, 4]. After the −1 flip the pair scores q_ij
// (rows A = 3, 4, 5) are [1, 1, 0], [1, 1, ½], [1, 1, 1]: 7.5 of 9 pairs improve.
/** S1's baseline. */
export const A = [3, 4, 5];
/** S1's treatment phase. */
export const B = [1, 2, 4];
/**
 * A measure on S1 (or other phases), by default for a decrease.
 *
 * @param m The measure.
 * @param o Options.
 * @param a Baseline.
 * @param b Treatment.
 * @returns The result.
 */
export const es = (m: Measure, o: EffectSizeOptions = dec, a = A, b = B) => effectSize(m, a, b, o);
