/**
 * What every effect-size function shares: preparing the two phases, the z quantile, and building
 * a result (with its sample sizes and options) or a Wald interval.
 *
 * @module
 */
import { normalQuantile } from "./distributions.ts";
import type { EffectSizeOptions, EffectSizeResult, Measure } from "./types.ts";

/**
 * The z quantile for a two-sided confidence level.
 *
 * @example
 * ```ts
 * import { zFor } from "./result.ts";
 * zFor(0.95); // 1.959963984540054
 * ```
 */
export function zFor(confidence: number): number {
  return normalQuantile(1 - (1 - confidence) / 2);
}

/**
 * A result with the sample sizes and options (defaults filled in) attached.
 *
 * @example
 * ```ts
 * import { result } from "./result.ts";
 * result("PND", 2, 3, { improvement: "decrease" }, { estimate: 1 }).n; // { baseline: 2, treatment: 3 }
 * ```
 */
export function result(
  measure: Measure,
  m: number,
  n: number,
  options: EffectSizeOptions,
  fields: Partial<EffectSizeResult>,
): EffectSizeResult {
  return {
    measure,
    estimate: null,
    se: null,
    ciLower: null,
    ciUpper: null,
    ...fields,
    n: { baseline: m, treatment: n },
    options: { confidence: 0.95, ...options },
  };
}

/**
 * A result with a Wald interval, estimate ± z·SE.
 *
 * @example
 * ```ts
 * import { wald } from "./result.ts";
 * wald("LRRd", 2, 2, { improvement: "decrease" }, -1, 0.5).ciUpper; // -1 + 1.96·0.5
 * ```
 */
export function wald(
  measure: Measure,
  m: number,
  n: number,
  options: EffectSizeOptions,
  estimate: number,
  se: number,
  extra: Partial<EffectSizeResult> = {},
): EffectSizeResult {
  const z = zFor(options.confidence ?? 0.95);
  return result(measure, m, n, options, {
    estimate,
    se,
    ciLower: estimate - z * se,
    ciUpper: estimate + z * se,
    ...extra,
  });
}

/** The two phases ready for a measure, or the result to return when a phase is empty. */
export type Phases =
  | { a: number[]; b: number[]; m: number; n: number; empty: null }
  | { empty: EffectSizeResult };

/**
 * Drops non-finite values from both phases and, when `orient` is set, multiplies them by −1 for
 * a decreasing improvement (the non-overlap measures' convention: ties stay ties). When a phase
 * is empty, `empty` holds the result to return.
 *
 * @example
 * ```ts
 * import { preparePhases } from "./result.ts";
 * const p = preparePhases("NAP", [3, NaN], [1], { improvement: "decrease" }, true);
 * p.empty === null && p.a; // [-3]
 * ```
 */
export function preparePhases(
  measure: Measure,
  baseline: readonly number[],
  treatment: readonly number[],
  options: EffectSizeOptions,
  orient: boolean,
): Phases {
  const s = orient && options.improvement === "decrease" ? -1 : 1;
  const a = baseline.filter(Number.isFinite).map((v) => s * v);
  const b = treatment.filter(Number.isFinite).map((v) => s * v);
  if (a.length === 0 || b.length === 0) {
    return { empty: result(measure, a.length, b.length, options, { reason: "an empty phase" }) };
  }
  return { a, b, m: a.length, n: b.length, empty: null };
}
