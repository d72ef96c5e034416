/**
 * SMD, the within-case standardised mean difference (Hedges 1981; Busk & Serlin 1992), as
 * SingleCaseES `calc_SMD`.
 *
 * @module
 */
import { defineEffectSize, type EffectSizeDef } from "./define.ts";
import { mean } from "simple-statistics";
import { phaseVariance, preparePhases, result, wald } from "./result.ts";
import type { EffectSizeOptions, EffectSizeResult } from "../types.ts";

/**
 * Within-case standardised mean difference (Hedges' g form): (ȳ_B − ȳ_A)/s, s the baseline SD
 * (default) or pooled SD, times J = 1 − 3/(4·df − 1); sign flipped for a decreasing improvement.
 * m = 1 or a zero baseline SD gives `null` (SingleCaseES: NA, ±Inf). With m = 2 and the baseline
 * SD, J = 0 and the package reports 0 with SE 0, which says nothing about the data: `null` here,
 * with the reason.
 *
 * @param baseline Baseline (A) values; non-finite values are dropped.
 * @param treatment Treatment (B) values.
 * @param options Direction of improvement and the measure's options.
 * @returns The result, `null` fields with a `reason`.
 * @example
 * ```ts
 * import { smd } from "#lib/stats/effect_sizes/smd.ts";
 * const r = smd([1, 2, 3], [4, 5, 6], { improvement: "increase", biasCorrect: false });
 * if (r.estimate !== 3) throw new Error(String(r.estimate));
 * ```
 */
export function smd(
  baseline: readonly number[],
  treatment: readonly number[],
  options: EffectSizeOptions,
): EffectSizeResult<"SMD"> {
  const p = preparePhases("SMD", baseline, treatment, options, false);
  if (p.empty) return p.empty;
  const { a, b, m, n } = p;
  const pool = (options.stdDev ?? "baseline") === "pool";
  const va = phaseVariance(a);
  const vb = phaseVariance(b);
  let s2: number;
  let df: number;
  let sv1: number;
  if (pool) {
    df = m + n - 2;
    const terms = [(m - 1) * va, (n - 1) * vb].filter((x) => !Number.isNaN(x));
    s2 = terms.reduce((s, x) => s + x, 0) / df;
    sv1 = 1 / m + 1 / n;
  } else {
    df = m - 1;
    s2 = va;
    sv1 = 1 / m + vb / (n * va);
  }
  if (Number.isNaN(s2) || df < 1) {
    return result("SMD", m, n, options, {
      reason: pool
        ? "no degrees of freedom for a pooled SD"
        : "one baseline observation: no baseline SD (SingleCaseES: NA)",
    });
  }
  if (s2 === 0) {
    return result("SMD", m, n, options, {
      reason: "the standardiser (SD) is 0: SMD is infinite (SingleCaseES: ±Inf)",
    });
  }
  const J = (options.biasCorrect ?? true) ? 1 - 3 / (4 * df - 1) : 1;
  if (J === 0) {
    return result("SMD", m, n, options, {
      reason: `with one degree of freedom (${pool ? "m + n − 2" : "m − 1"} = 1) Hedges' ` +
        "correction J = 1 − 3/(4·1 − 1) is 0, so the bias-corrected SMD is 0 with SE 0 whatever " +
        "the data (SingleCaseES reports that 0 ± 0): not defined here; biasCorrect: false gives " +
        "the uncorrected d",
    });
  }
  let d = J * (mean(b) - mean(a)) / Math.sqrt(s2);
  if (options.improvement === "decrease") d = -d;
  const se = J * Math.sqrt(sv1 + d * d / (2 * df));
  if (!Number.isFinite(se)) {
    return result("SMD", m, n, options, {
      estimate: d,
      reason: "treatment phase has one observation: no variance for the SE",
    });
  }
  return wald("SMD", m, n, options, d, se);
}

/** SMD's record in the registry. */
export const SMD_ES: Readonly<EffectSizeDef<"SMD">> = defineEffectSize({
  name: "SMD",
  label: "SMD",
  fullName:
    "standardised mean difference within the case: the change of mean in before-phase standard deviations",
  family: "parametric",
  singleCaseES: "calc_SMD",
  reference: "Hedges (1981)",
  compute: smd,
  range: null,
  plot: { axis: "linear", noEffect: 0 },
  largerIsBetter: true,
  standardError: true,
});
