/**
 * PND, percentage of non-overlapping data (Scruggs, Mastropieri & Casto 1987), as SingleCaseES
 * `calc_PND` (a proportion).
 *
 * @module
 */
import { defineEffectSize, type EffectSizeDef } from "./define.ts";
import { preparePhases, result } from "./result.ts";
import type { EffectSizeOptions, EffectSizeResult } from "../types.ts";

/**
 * PND (Scruggs et al. 1987): share of treatment values beyond the most extreme baseline value
 * (ties with it do not count). No SE.
 *
 * @param baseline Baseline (A) values; non-finite values are dropped.
 * @param treatment Treatment (B) values.
 * @param options Direction of improvement and the measure's options.
 * @returns The result, `null` fields with a `reason`.
 * @example
 * ```ts
 * import { pnd } from "#lib/stats/effect_sizes/pnd.ts";
 * const r = pnd([3, 4, 5], [1, 2, 4], { improvement: "decrease" });
 * if (r.estimate !== 2 / 3) throw new Error(String(r.estimate));
 * ```
 */
export function pnd(
  baseline: readonly number[],
  treatment: readonly number[],
  options: EffectSizeOptions,
): EffectSizeResult<"PND"> {
  const p = preparePhases("PND", baseline, treatment, options, true);
  if (p.empty) return p.empty;
  const { a, b } = p;
  const top = Math.max(...a);
  return result("PND", a.length, b.length, options, {
    estimate: b.filter((x) => x > top).length / b.length,
    reason: "PND has no standard error",
  });
}

/** PND's record in the registry. */
export const PND_ES: Readonly<EffectSizeDef<"PND">> = defineEffectSize({
  name: "PND",
  label: "PND",
  fullName: "percentage of non-overlapping data: after-values better than every before-value",
  family: "non-overlap",
  singleCaseES: "calc_PND",
  reference: "Scruggs, Mastropieri & Casto (1987)",
  compute: pnd,
  range: [0, 1],
  plot: { axis: "linear", noEffect: null },
  largerIsBetter: true,
  standardError: false,
});
