/**
 * Tau-U (Parker, Vannest, Davis & Sauber 2011), SingleCaseES form (`calc_Tau_U`): Tau of the
 * phases minus the baseline's own trend. Its bounds depend on the phase lengths (it exceeds 1
 * when the baseline trends the other way), so it has no fixed range.
 *
 * @module
 */
import { defineEffectSize, type EffectSizeDef } from "./define.ts";
import { pairCounts } from "./family/mann_whitney.ts";
import { kendallS } from "../kendall.ts";
import { preparePhases, result } from "./result.ts";
import type { EffectSizeOptions, EffectSizeResult } from "../types.ts";

/**
 * Tau-U (Parker et al. 2011), SingleCaseES form: (S_AB − S_AA)/(m·n), where S_AA is Kendall's S
 * of the baseline against time. Not bounded by [−1, 1]; no SE or CI.
 *
 * @param baseline Baseline (A) values; non-finite values are dropped.
 * @param treatment Treatment (B) values.
 * @param options Direction of improvement and the measure's options.
 * @returns The result, `null` fields with a `reason`.
 * @example
 * ```ts
 * import { tauU } from "#lib/stats/effect_sizes/tau_u.ts";
 * const r = tauU([3, 4, 5], [1, 2, 4], { improvement: "decrease" });
 * if (r.estimate !== 1) throw new Error(String(r.estimate));
 * ```
 */
export function tauU(
  baseline: readonly number[],
  treatment: readonly number[],
  options: EffectSizeOptions,
): EffectSizeResult<"TauU"> {
  const p = preparePhases("TauU", baseline, treatment, options, true);
  if (p.empty) return p.empty;
  const { a, b, m, n } = p;
  const pc = pairCounts(a, b);
  const sab = pc.greater - pc.less;
  const saa = kendallS(a);
  return result("TauU", m, n, options, {
    estimate: (sab - saa) / (m * n),
    reason: "Tau-U has no standard error in SingleCaseES",
  });
}

/** Tau-U's record in the registry: no range (its bounds depend on m and n). */
export const TAU_U_ES: Readonly<EffectSizeDef<"TauU">> = defineEffectSize({
  name: "TauU",
  label: "Tau-U",
  fullName: "Tau less the trend within the before phase (its pairs in time order)",
  family: "non-overlap",
  singleCaseES: "calc_Tau_U",
  reference: "Parker, Vannest, Davis & Sauber (2011)",
  compute: tauU,
  range: null,
  plot: { axis: "linear", noEffect: 0 },
  largerIsBetter: true,
  standardError: false,
  usesTimeOrder: true, // the baseline trend (S_AA)
});
