/**
 * What every effect-size function shares: preparing the two phases, the z quantile, and building
 * a result (with its sample sizes and options) or a Wald interval.
 *
 * @module
 */
import { sampleVariance } from "simple-statistics";
import { normalQuantile } from "../distributions.ts";
import type { EffectSizeOptions, EffectSizeResult } from "../types.ts";

/**
 * The z quantile for a two-sided confidence level.
 *
 * @example
 * ```ts
 * import { zFor } from "#lib/stats/effect_sizes/result.ts";
 * if (Math.abs(zFor(0.95) - 1.959963984540054) > 1e-15) throw new Error("z"); // R: qnorm(0.975)
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
 * import { result } from "#lib/stats/effect_sizes/result.ts";
 * const r = result("PND", 2, 3, { improvement: "decrease" }, { estimate: 1 });
 * if (r.n.baseline !== 2 || r.n.treatment !== 3) throw new Error(JSON.stringify(r.n));
 * ```
 */
export function result<M extends string>(
  measure: M,
  m: number,
  n: number,
  options: EffectSizeOptions,
  fields: Partial<EffectSizeResult<M>>,
): EffectSizeResult<M> {
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
 * import { wald } from "#lib/stats/effect_sizes/result.ts";
 * const r = wald("LRRd", 2, 2, { improvement: "decrease" }, -1, 0.5);
 * if (Math.abs(r.ciUpper! - (-1 + 1.959963984540054 * 0.5)) > 1e-12) throw new Error();
 * ```
 */
export function wald<M extends string>(
  measure: M,
  m: number,
  n: number,
  options: EffectSizeOptions,
  estimate: number,
  se: number,
  extra: Partial<EffectSizeResult<M>> = {},
): EffectSizeResult<M> {
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
export type Phases<M extends string = string> =
  | { a: number[]; b: number[]; m: number; n: number; empty: null }
  | { empty: EffectSizeResult<M> };

/**
 * Drops non-finite values from both phases and, when `orient` is set, multiplies them by −1 for
 * a decreasing improvement (the non-overlap measures' convention: ties stay ties). When a phase
 * is empty, `empty` holds the result to return.
 *
 * @example
 * ```ts
 * import { preparePhases } from "#lib/stats/effect_sizes/result.ts";
 * const p = preparePhases("NAP", [3, NaN], [1], { improvement: "decrease" }, true);
 * if (p.empty !== null || p.a.join() !== "-3") throw new Error("NaN dropped, −1 applied");
 * ```
 */
export function preparePhases<M extends string>(
  measure: M,
  baseline: readonly number[],
  treatment: readonly number[],
  options: EffectSizeOptions,
  orient: boolean,
): Phases<M> {
  const s = orient && options.improvement === "decrease" ? -1 : 1;
  const a = baseline.filter(Number.isFinite).map((v) => s * v);
  const b = treatment.filter(Number.isFinite).map((v) => s * v);
  if (a.length === 0 || b.length === 0) {
    return { empty: result(measure, a.length, b.length, options, { reason: "an empty phase" }) };
  }
  return { a, b, m: a.length, n: b.length, empty: null };
}

/**
 * Sample variance (denominator n − 1), NaN for fewer than two values (R's `var` gives NA): the
 * phase variance of the parametric measures.
 *
 * @param xs The values of one phase.
 * @returns The variance, or NaN.
 * @example
 * ```ts
 * import { phaseVariance } from "#lib/stats/effect_sizes/result.ts";
 * if (phaseVariance([1, 3]) !== 2 || !Number.isNaN(phaseVariance([1]))) throw new Error("var");
 * ```
 */
export function phaseVariance(xs: readonly number[]): number {
  return xs.length < 2 ? NaN : sampleVariance(xs as number[]);
}
