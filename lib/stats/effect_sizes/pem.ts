/**
 * PEM, percentage exceeding the median (Ma 2006), as SingleCaseES `calc_PEM` (a proportion).
 *
 * @module
 */
import { defineEffectSize, type EffectSizeDef } from "./define.ts";
import { median } from "simple-statistics";
import { preparePhases, result } from "./result.ts";
import type { EffectSizeOptions, EffectSizeResult } from "../types.ts";

/**
 * PEM (Ma 2006): share of treatment values beyond the baseline median, ties with it counting ½
 * (SingleCaseES; scan counts them 0). No SE.
 *
 * @param baseline Baseline (A) values; non-finite values are dropped.
 * @param treatment Treatment (B) values.
 * @param options Direction of improvement and the measure's options.
 * @returns The result, `null` fields with a `reason`.
 * @example
 * ```ts
 * import { pem } from "#lib/stats/effect_sizes/pem.ts";
 * const r = pem([3, 4, 5], [1, 2, 4], { improvement: "decrease" });
 * if (r.estimate !== 2.5 / 3) throw new Error(String(r.estimate));
 * ```
 */
export function pem(
  baseline: readonly number[],
  treatment: readonly number[],
  options: EffectSizeOptions,
): EffectSizeResult<"PEM"> {
  const p = preparePhases("PEM", baseline, treatment, options, true);
  if (p.empty) return p.empty;
  const { a, b } = p;
  const md = median(a);
  const score = b.reduce((s, x) => s + (x > md ? 1 : x === md ? 0.5 : 0), 0);
  return result("PEM", a.length, b.length, options, {
    estimate: score / b.length,
    reason: "PEM has no standard error",
  });
}

/** PEM's record in the registry. */
export const PEM_ES: Readonly<EffectSizeDef<"PEM">> = defineEffectSize({
  name: "PEM",
  label: "PEM",
  fullName: "percentage exceeding the median: after-values better than the median before",
  family: "non-overlap",
  singleCaseES: "calc_PEM",
  reference: "Ma (2006)",
  compute: pem,
  range: [0, 1],
  plot: { axis: "linear", noEffect: 0.5 },
  largerIsBetter: true,
  standardError: false,
});
