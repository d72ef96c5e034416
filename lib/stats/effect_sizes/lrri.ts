/**
 * LRRi, the log response ratio, increasing form (Pustejovsky 2015, 2018), as SingleCaseES
 * `calc_LRRi`.
 *
 * @module
 */
import { defineEffectSize, type EffectSizeDef } from "./define.ts";
import { lrr } from "./family/lrr.ts";
import type { EffectSizeOptions, EffectSizeResult } from "../types.ts";

/**
 * The log response ratio, increasing form: LRRi > 0 means improvement whatever the direction.
 *
 * @param baseline Baseline values.
 * @param treatment Treatment values.
 * @param options Effect-size options (`scale`, `biasCorrect`, ...).
 * @returns The LRRi result.
 * @example
 * ```ts
 * import { lrri } from "#lib/stats/effect_sizes/lrri.ts";
 * const r = lrri([4, 6], [1, 3], { improvement: "decrease", biasCorrect: false });
 * if (r.estimate !== -Math.log(2 / 5)) throw new Error(String(r.estimate));
 * ```
 */
export function lrri(
  baseline: readonly number[],
  treatment: readonly number[],
  options: EffectSizeOptions,
): EffectSizeResult<"LRRi"> {
  return lrr("LRRi", baseline, treatment, options);
}

/** LRRi's record in the registry. */
export const LRRI_ES: Readonly<EffectSizeDef<"LRRi">> = defineEffectSize({
  name: "LRRi",
  label: "LRRi",
  fullName:
    "log response ratio, increasing form: the log of the ratio of the means, above 0 for improvement",
  family: "parametric",
  singleCaseES: "calc_LRRi",
  reference: "Pustejovsky (2015, 2018)",
  compute: lrri,
  range: null,
  plot: { axis: "linear", noEffect: 0 },
  largerIsBetter: true,
  standardError: true,
});
