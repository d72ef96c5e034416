/**
 * Tau (non-overlap), the linear transform of NAP (Parker, Vannest & Davis 2011), as SingleCaseES
 * `calc_Tau`.
 *
 * @module
 */
import { defineEffectSize, type EffectSizeDef } from "./define.ts";
import { tauFromNap } from "./family/mann_whitney.ts";
import { nap } from "./nap.ts";
import type { EffectSizeOptions, EffectSizeResult } from "../types.ts";

/**
 * Tau (non-overlap; no tie adjustment) = 2·NAP − 1 = (#improving − #worsening pairs)/(m·n), with
 * SE = 2·SE(NAP) and CI = 2·CI(NAP) − 1.
 *
 * @param baseline Baseline (A) values; non-finite values are dropped.
 * @param treatment Treatment (B) values.
 * @param options Direction of improvement and the measure's options.
 * @returns The result, `null` fields with a `reason`.
 * @example
 * ```ts
 * import { tau } from "#lib/stats/effect_sizes/tau.ts";
 * const r = tau([3, 4, 5], [1, 2, 4], { improvement: "decrease" });
 * if (Math.abs(r.estimate! - 2 / 3) > 1e-12) throw new Error(String(r.estimate));
 * ```
 */
export function tau(
  baseline: readonly number[],
  treatment: readonly number[],
  options: EffectSizeOptions,
): EffectSizeResult<"Tau"> {
  return tauFromNap(nap(baseline, treatment, options), "Tau");
}

/** Tau's record in the registry. */
export const TAU_ES: Readonly<EffectSizeDef<"Tau">> = defineEffectSize({
  name: "Tau",
  label: "Tau",
  fullName: "Kendall's rank correlation of phase and value, non-overlap form: improving minus " +
    "worsening before–after pairs, as a share of all pairs",
  family: "non-overlap",
  singleCaseES: "calc_Tau",
  reference: "Parker, Vannest & Davis (2011)",
  compute: tau,
  range: [-1, 1],
  plot: { axis: "linear", noEffect: 0 },
  largerIsBetter: true,
  standardError: true,
});
