/**
 * LRM, the log ratio of medians (Bonett & Price 2020), as SingleCaseES `calc_LRM`.
 *
 * @module
 */
import { defineEffectSize, type EffectSizeDef } from "./define.ts";
import { median } from "simple-statistics";
import { binomialCdf, normalQuantile } from "../distributions.ts";
import { preparePhases, result, wald } from "./result.ts";
import type { EffectSizeOptions, EffectSizeResult } from "../types.ts";

/** Median and variance of its log for one phase (Bonett & Price 2020; `stats_LRM`). */
function lrmPhase(y: number[], delta: boolean): { med: number; v: number } {
  const n = y.length;
  const sorted = [...y].sort((p, q) => p - q);
  const med = median(y);
  const o1 = Math.max(Math.round(n / 2 - Math.sqrt(n)), 1);
  const o2 = n - o1 + 1;
  const p = binomialCdf(o1 - 1, n, 0.5);
  const z0 = normalQuantile(1 - p);
  const L = sorted[o1 - 1];
  const U = sorted[o2 - 1];
  const v = delta
    ? ((U - L) / (2 * z0)) ** 2 / (med * med)
    : ((Math.log(U) - Math.log(L)) / (2 * z0)) ** 2;
  return { med, v };
}

/**
 * Log ratio of medians (Bonett & Price 2020): ln(median B) − ln(median A), negated for a
 * decreasing improvement, with SE from order-statistic intervals of each median. A phase with one
 * observation (z₀ = 0) or a zero value makes it `null`.
 *
 * @param baseline Baseline (A) values; non-finite values are dropped.
 * @param treatment Treatment (B) values.
 * @param options Direction of improvement and the measure's options.
 * @returns The result, `null` fields with a `reason`.
 * @example
 * ```ts
 * import { lrm } from "#lib/stats/effect_sizes/lrm.ts";
 * const r = lrm([4, 5, 6], [1, 2, 3], { improvement: "decrease" });
 * if (Math.abs(r.estimate! - Math.log(5 / 2)) > 1e-12) throw new Error(String(r.estimate));
 * ```
 */
export function lrm(
  baseline: readonly number[],
  treatment: readonly number[],
  options: EffectSizeOptions,
): EffectSizeResult<"LRM"> {
  const p = preparePhases("LRM", baseline, treatment, options, false);
  if (p.empty) return p.empty;
  const { a, b, m, n } = p;
  const pa = lrmPhase(a, options.deltaMethod ?? false);
  const pb = lrmPhase(b, options.deltaMethod ?? false);
  let est = Math.log(pb.med) - Math.log(pa.med);
  if (options.improvement === "decrease") est = -est;
  if (!Number.isFinite(est)) {
    return result("LRM", m, n, options, {
      reason: "a phase median is 0: the log ratio is infinite or not defined",
    });
  }
  const se = Math.sqrt(pa.v + pb.v);
  if (!Number.isFinite(se)) {
    return result("LRM", m, n, options, {
      estimate: est,
      reason: m === 1 || n === 1
        ? "a phase with one observation: no interval for its median (SingleCaseES: NaN)"
        : "a zero value inside a median's interval: SE not defined (SingleCaseES: NaN/Inf)",
    });
  }
  return wald("LRM", m, n, options, est, se);
}

/** LRM's record in the registry. */
export const LRM_ES: Readonly<EffectSizeDef<"LRM">> = defineEffectSize({
  name: "LRM",
  label: "LRM",
  fullName:
    "log ratio of medians: the log of the median after over the median before, its sign set so that above 0 is improvement",
  family: "parametric",
  singleCaseES: "calc_LRM",
  reference: "Bonett & Price (2020)",
  compute: lrm,
  range: null,
  plot: { axis: "linear", noEffect: 0 },
  largerIsBetter: true,
  standardError: true,
});
