/**
 * PAND, percentage of all non-overlapping data (Parker, Hagan-Burke & Vannest 2007), as
 * SingleCaseES `calc_PAND` (a proportion).
 *
 * @module
 */
import { defineEffectSize, type EffectSizeDef } from "./define.ts";
import { pandValue } from "./family/pand.ts";
import { preparePhases, result } from "./result.ts";
import type { EffectSizeOptions, EffectSizeResult } from "../types.ts";

/**
 * PAND (Parker et al. 2007), "minimum removal" form: the largest share of all observations left
 * after removing the fewest so that every kept baseline value is strictly below (for increase)
 * every kept treatment value. No SE.
 *
 * @param baseline Baseline (A) values; non-finite values are dropped.
 * @param treatment Treatment (B) values.
 * @param options Direction of improvement and the measure's options.
 * @returns The result, `null` fields with a `reason`.
 * @example
 * ```ts
 * import { pand } from "#lib/stats/effect_sizes/pand.ts";
 * const r = pand([3, 4, 5], [1, 2, 4], { improvement: "decrease" });
 * if (r.estimate !== 5 / 6) throw new Error(String(r.estimate));
 * ```
 */
export function pand(
  baseline: readonly number[],
  treatment: readonly number[],
  options: EffectSizeOptions,
): EffectSizeResult<"PAND"> {
  const p = preparePhases("PAND", baseline, treatment, options, true);
  if (p.empty) return p.empty;
  const { a, b } = p;
  return result("PAND", a.length, b.length, options, {
    estimate: pandValue(a, b),
    reason: "PAND has no standard error",
  });
}

/** PAND's record in the registry. */
export const PAND_ES: Readonly<EffectSizeDef<"PAND">> = defineEffectSize({
  name: "PAND",
  label: "PAND",
  fullName:
    "percentage of all non-overlapping data: the most values kept once the fewest are removed to end all overlap",
  family: "non-overlap",
  singleCaseES: "calc_PAND",
  reference: "Parker, Hagan-Burke & Vannest (2007)",
  compute: pand,
  range: [0, 1],
  plot: { axis: "linear", noEffect: null },
  largerIsBetter: true,
  standardError: false,
});
