/**
 * IRD, the robust improvement rate difference (Parker, Vannest & Brown 2009), as SingleCaseES
 * `calc_IRD`.
 *
 * @module
 */
import { defineEffectSize, type EffectSizeDef } from "./define.ts";
import { pandValue } from "./family/pand.ts";
import { preparePhases, result } from "./result.ts";
import type { EffectSizeOptions, EffectSizeResult } from "../types.ts";

/**
 * Robust IRD (Parker et al. 2009) from PAND: [(m+n)²·PAND − m² − n²] / (2mn). No SE.
 *
 * @param baseline Baseline (A) values; non-finite values are dropped.
 * @param treatment Treatment (B) values.
 * @param options Direction of improvement and the measure's options.
 * @returns The result, `null` fields with a `reason`.
 * @example
 * ```ts
 * import { ird } from "#lib/stats/effect_sizes/ird.ts";
 * const r = ird([3, 4, 5], [1, 2, 4], { improvement: "decrease" }); // PAND 5/6
 * if (Math.abs(r.estimate! - 2 / 3) > 1e-12) throw new Error(String(r.estimate));
 * ```
 */
export function ird(
  baseline: readonly number[],
  treatment: readonly number[],
  options: EffectSizeOptions,
): EffectSizeResult<"IRD"> {
  const p = preparePhases("IRD", baseline, treatment, options, true);
  if (p.empty) return p.empty;
  const { a, b, m, n } = p;
  const pandIrd = pandValue(a, b);
  return result("IRD", m, n, options, {
    estimate: ((m + n) ** 2 * pandIrd - m * m - n * n) / (2 * m * n),
    reason: "IRD has no standard error",
  });
}

/** IRD's record in the registry. */
export const IRD_ES: Readonly<EffectSizeDef<"IRD">> = defineEffectSize({
  name: "IRD",
  label: "IRD",
  fullName:
    "improvement rate difference: the share of improved values after, less the share before",
  family: "non-overlap",
  singleCaseES: "calc_IRD",
  reference: "Parker, Vannest & Brown (2009)",
  compute: ird,
  // SingleCaseES's IRD is bounded below by 1 − (m+n)/(2·max(m, n)) ≥ 0 and above by 1 (checked on
  // 200,000 random phase pairs by the registry test's range property).
  range: [0, 1],
  plot: { axis: "linear", noEffect: 0 },
  largerIsBetter: true,
  standardError: false,
});
