/**
 * Tau-BC, Tau corrected for baseline trend (Tarlow 2017), as SingleCaseES `calc_Tau_BC`.
 *
 * @module
 */
import { defineEffectSize, type EffectSizeDef } from "./define.ts";
import { quickselect } from "simple-statistics";
import { tauFromNap } from "./family/mann_whitney.ts";
import { kendall } from "../kendall.ts";
import { nap } from "./nap.ts";
import { result, wald } from "./result.ts";
import type { EffectSizeOptions, EffectSizeResult } from "../types.ts";

/** Median of a Float64Array (R's `median`: mean of the two middle values for an even length). */
function medianOf(v: Float64Array): number {
  const k = v.length >> 1;
  quickselect(v as unknown as number[], k);
  if (v.length % 2 === 1) return v[k];
  let below = -Infinity;
  for (let i = 0; i < k; i++) if (v[i] > below) below = v[i];
  return (below + v[k]) / 2;
}

/**
 * The Theil–Sen line of a baseline against sessions 1..m, as SingleCaseES computes it: slope =
 * median of (A_j − A_i)/(j − i) over i < j, intercept = median of A_i − i·slope.
 */
export function theilSen(y: readonly number[]): { slope: number; intercept: number } {
  const m = y.length;
  const slopes = new Float64Array((m * (m - 1)) / 2);
  let k = 0;
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) slopes[k++] = (y[j] - y[i]) / (j - i);
  }
  const slope = medianOf(slopes);
  const intercept = medianOf(Float64Array.from(y, (v, i) => v - (i + 1) * slope));
  return { slope, intercept };
}

/**
 * Tau-BC (Tarlow 2017), as SingleCaseES `calc_Tau_BC`: the baseline's Theil–Sen trend (sessions
 * numbered 1..m+n) is removed from both phases, then `kendall: false` (default) gives Tau of the
 * residuals with NAP-based SE and CI, `kendall: true` Kendall's tau-b of the residuals against
 * phase (`Kendall::Kendall`, single precision) with SE √((2/(m+n))(1 − τ²)). `pretestTrend: α`
 * removes the trend only when the baseline trend's p-value `Kendall::Kendall(A, 1:m)$sl` is ≤ α
 * (any m ≥ 3, ties allowed: see `kendall.ts`); otherwise Tau-BC is Tau. The slope and intercept
 * are reported in `correction` either way, with `applied` saying whether they were removed.
 *
 * @param baseline Baseline (A) values; non-finite values are dropped.
 * @param treatment Treatment (B) values.
 * @param options Direction of improvement and the measure's options.
 * @returns The result, `null` fields with a `reason`.
 * @example
 * ```ts
 * import { tauBC } from "#lib/stats/effect_sizes/tau_bc.ts";
 * const r = tauBC([1, 2, 3], [2, 2, 2], { improvement: "increase" });
 * if (r.estimate !== -1) throw new Error(String(r.estimate)); // the trend removed
 * ```
 */
export function tauBC(
  baseline: readonly number[],
  treatment: readonly number[],
  options: EffectSizeOptions,
): EffectSizeResult<"TauBC"> {
  const raw = baseline.filter(Number.isFinite);
  const rawB = treatment.filter(Number.isFinite);
  const m = raw.length;
  const n = rawB.length;
  const pretest = options.pretestTrend !== undefined && options.pretestTrend !== false;
  if (m === 0 || n === 0) return result("TauBC", m, n, options, { reason: "an empty phase" });
  if (pretest && m < 3) {
    return result("TauBC", m, n, options, {
      reason: "trend pretest needs at least 3 baseline observations (Kendall: length(x)<3)",
    });
  }
  if (m < 2) {
    return result("TauBC", m, n, options, {
      reason: "one baseline observation: no Theil–Sen trend (SingleCaseES: error)",
    });
  }
  let applied = true;
  let pvalSlopeA: number | undefined;
  if (pretest) {
    pvalSlopeA = kendall(raw, raw.map((_, i) => i + 1)).sl;
    applied = pvalSlopeA <= (options.pretestTrend as number);
  }
  const { slope, intercept } = theilSen(raw);
  const ra = applied ? raw.map((y, i) => y - intercept - slope * (i + 1)) : raw;
  const rb = applied ? rawB.map((y, j) => y - intercept - slope * (m + j + 1)) : rawB;
  const correction = {
    slope,
    intercept,
    applied,
    ...(pvalSlopeA !== undefined ? { pvalSlopeA } : {}),
  };
  if (!options.kendall) {
    return { ...tauFromNap(nap(ra, rb, options), "TauBC"), correction };
  }
  const s = options.improvement === "decrease" ? -1 : 1;
  const all = [...ra, ...rb].map((v) => s * v);
  const tau = all.every((v) => v === all[0])
    ? 0
    : kendall(all, all.map((_, i) => (i < m ? 0 : 1))).tau;
  return wald("TauBC", m, n, options, tau, Math.sqrt((2 / (m + n)) * (1 - tau ** 2)), {
    correction,
  });
}

/** Tau-BC's record in the registry. */
export const TAU_BC_ES: Readonly<EffectSizeDef<"TauBC">> = defineEffectSize({
  name: "TauBC",
  label: "Tau-BC",
  fullName: "baseline-corrected Tau: Tau after removing the before phase's trend",
  family: "non-overlap",
  singleCaseES: "calc_Tau_BC",
  reference: "Tarlow (2017)",
  compute: tauBC,
  range: [-1, 1],
  plot: { axis: "linear", noEffect: 0 },
  largerIsBetter: true,
  standardError: true,
  usesTimeOrder: true, // the baseline trend it corrects for
});
