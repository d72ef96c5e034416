/**
 * LRRd, the log response ratio, decreasing form (Pustejovsky 2015, 2018), as SingleCaseES
 * `calc_LRRd`.
 *
 * @module
 */
import { defineEffectSize, type EffectSizeDef } from "./define.ts";
import { lrr } from "./family/lrr.ts";
import type { EffectSizeOptions, EffectSizeResult } from "../types.ts";

/**
 * The log response ratio, decreasing form: LRRd < 0 means improvement whatever the direction.
 *
 * @param baseline Baseline values.
 * @param treatment Treatment values.
 * @param options Effect-size options (`scale`, `biasCorrect`, ...).
 * @returns The LRRd result.
 * @example
 * ```ts
 * import { lrrd } from "#lib/stats/effect_sizes/lrrd.ts";
 * const r = lrrd([4, 6], [1, 3], { improvement: "decrease", biasCorrect: false });
 * if (r.estimate !== Math.log(2 / 5)) throw new Error(String(r.estimate));
 * ```
 */
export function lrrd(
  baseline: readonly number[],
  treatment: readonly number[],
  options: EffectSizeOptions,
): EffectSizeResult<"LRRd"> {
  return lrr("LRRd", baseline, treatment, options);
}

/** LRRd's record in the registry. */
export const LRRD_ES: Readonly<EffectSizeDef<"LRRd">> = defineEffectSize({
  name: "LRRd",
  label: "LRRd",
  fullName:
    "log response ratio, decreasing form: the log of the ratio of the mean after to the mean before, below 0 for improvement",
  family: "parametric",
  singleCaseES: "calc_LRRd",
  reference: "Pustejovsky (2015, 2018)",
  compute: lrrd,
  range: null,
  plot: { axis: "linear", noEffect: 0 },
  largerIsBetter: false,
  standardError: true,
  pooled: true,
  forest: true,
});
