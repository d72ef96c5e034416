/**
 * PoGO, percent of goal obtained (Ferron et al. 2020; Patrona et al. 2022), as SingleCaseES
 * `calc_PoGO`.
 *
 * @module
 */
import { defineEffectSize, type EffectSizeDef } from "./define.ts";
import { mean } from "simple-statistics";
import { phaseVariance, preparePhases, result, wald } from "./result.ts";
import type { EffectSizeOptions, EffectSizeResult } from "../types.ts";

/**
 * Percent of goal obtained (Ferron et al. 2020; Patrona et al. 2022): 100·(ȳ_B − ȳ_A)/(γ − ȳ_A),
 * γ = `goal` (required; direction comes from it, `improvement` is ignored as in SingleCaseES).
 *
 * @param baseline Baseline (A) values; non-finite values are dropped.
 * @param treatment Treatment (B) values.
 * @param options Direction of improvement and the measure's options.
 * @returns The result, `null` fields with a `reason`.
 * @example
 * ```ts
 * import { pogo } from "#lib/stats/effect_sizes/pogo.ts";
 * const r = pogo([8, 6], [2, 2], { improvement: "decrease", goal: 0 });
 * // 100·(2 − 7)/(0 − 7) = 71.43
 * if (Math.abs(r.estimate! - 500 / 7) > 1e-12) throw new Error(String(r.estimate));
 * ```
 */
export function pogo(
  baseline: readonly number[],
  treatment: readonly number[],
  options: EffectSizeOptions,
): EffectSizeResult<"PoGO"> {
  const p = preparePhases("PoGO", baseline, treatment, options, false);
  if (options.goal === undefined) {
    const { n } = p.empty ?? { n: { baseline: p.m, treatment: p.n } };
    return result("PoGO", n.baseline, n.treatment, options, {
      reason: "PoGO needs a goal (pain: 0)",
    });
  }
  if (p.empty) return p.empty;
  const { a, b, m, n } = p;
  const gap = options.goal - mean(a);
  if (gap === 0) {
    return result("PoGO", m, n, options, {
      reason: "baseline mean equals the goal: PoGO is not defined",
    });
  }
  const est = 100 * (mean(b) - mean(a)) / gap;
  const va = phaseVariance(a);
  const vb = phaseVariance(b);
  if (Number.isNaN(va) || Number.isNaN(vb)) {
    return result("PoGO", m, n, options, {
      estimate: est,
      reason: "a phase with one observation has no variance: no standard error (SingleCaseES: NA)",
    });
  }
  const v = (va / m + vb / n + (est / 100) ** 2 * va / m) / (gap * gap);
  return wald("PoGO", m, n, options, est, 100 * Math.sqrt(v));
}

/** PoGO's record in the registry. */
export const POGO_ES: Readonly<EffectSizeDef<"PoGO">> = defineEffectSize({
  name: "PoGO",
  label: "PoGO",
  fullName:
    "percent of goal obtained: how far the mean moved from before toward the study's goal, in percent",
  family: "parametric",
  singleCaseES: "calc_PoGO",
  reference: "Ferron et al. (2020); Patrona et al. (2022)",
  compute: pogo,
  range: null,
  // With the goal at an end of the metric no value passes it: at most 100.
  attainable: ({ goal }, { min, max }) =>
    goal !== undefined && (goal <= min || goal >= max) ? [-Infinity, 100] : undefined,
  plot: { axis: "linear", noEffect: 0 },
  largerIsBetter: true,
  standardError: true,
  pooled: true,
});
