/**
 * Non-overlap effect sizes of an AB comparison, as SingleCaseES 0.7.4 defines them
 * (`R/non-overlap-measures.R`): NAP, Tau, Tau-U, Tau-BC, PND, PEM, PAND, IRD.
 *
 * Every function takes baseline `a` and treatment `b` values (non-finite values dropped) and the
 * direction of improvement; for `"decrease"` the data are multiplied by −1 first, so ties stay
 * ties. Results are {@link EffectSizeResult}s with `null` and a `reason` where the package gives
 * NA, NaN or ±Inf.
 *
 * @module
 */
import { median, quickselect } from "simple-statistics";
import { bisectRoot } from "./roots.ts";
import { kendall, kendallS } from "./kendall.ts";
import { preparePhases, result, wald, zFor } from "./result.ts";
import type { EffectSizeOptions, EffectSizeResult, Measure } from "./types.ts";
import { firstAtLeast } from "./sorted.ts";

/**
 * The Mann–Whitney counts behind NAP, by sorting (O(N log N)) instead of the m×n table
 * q_ij = 1[b_j > a_i] + ½·1[b_j = a_i]: the row sums r_i = Σ_j q_ij, the column sums
 * c_j = Σ_i q_ij, and the numbers of improving (G), tied (T) and worsening (L) pairs.
 */
export function pairCounts(a: readonly number[], b: readonly number[]) {
  const sa = Float64Array.from(a).sort();
  const sb = Float64Array.from(b).sort();
  const n = b.length;
  let greater = 0;
  let ties = 0;
  const rows = a.map((ai) => {
    const lo = firstAtLeast(sb, ai, false);
    const hi = firstAtLeast(sb, ai, true);
    greater += n - hi;
    ties += hi - lo;
    return n - hi + 0.5 * (hi - lo);
  });
  const cols = b.map((bj) => {
    const lo = firstAtLeast(sa, bj, false);
    const hi = firstAtLeast(sa, bj, true);
    return lo + 0.5 * (hi - lo);
  });
  return { rows, cols, greater, ties, less: a.length * n - greater - ties };
}

/** NAP with its variance (per `seMethod`) and Newcombe's Method 5 interval. */
function napParts(a: number[], b: number[], options: EffectSizeOptions) {
  const m = a.length;
  const n = b.length;
  const pc = pairCounts(a, b);
  const nap = (pc.greater + 0.5 * pc.ties) / (m * n);
  const method = options.seMethod ?? "unbiased";
  const t = Math.min(Math.max(nap, 1 / (2 * m * n)), 1 - 1 / (2 * m * n));
  let variance: number;
  let seReason: string | undefined;
  if (method === "null") {
    variance = (m + n + 1) / (12 * m * n);
  } else {
    // With W = G + ½T (so NAP = W/(mn)): Σ_j (q_ij − NAP) = (m·r_i − W)/m and
    // Σ_i (q_ij − NAP) = (n·c_j − W)/n; the numerators are exact (multiples of ½), so each sum
    // of squares is rounded once. Σ (q_ij − NAP)² sums the three kinds of pair.
    const w = pc.greater + 0.5 * pc.ties;
    const q1 = pc.rows.reduce((s, r) => s + (m * r - w) ** 2, 0) / (m ** 3 * n * n);
    const q2 = pc.cols.reduce((s, c) => s + (n * c - w) ** 2, 0) / (m * m * n ** 3);
    const x = (pc.greater * (1 - nap) ** 2 + pc.ties * (0.5 - nap) ** 2 + pc.less * nap ** 2) /
      (m * n);
    if (method === "hanley") {
      variance = (t * (1 - t) + (n - 1) * q1 + (m - 1) * q2) / (m * n);
    } else if (m === 1 || n === 1) {
      variance = Infinity;
      seReason = `unbiased SE is infinite with ${m === 1 ? "one baseline" : "one treatment"} ` +
        "observation (SingleCaseES: Inf); seMethod 'hanley' or 'null' gives a finite SE";
    } else {
      variance = (t * (1 - t) + n * q1 + m * q2 - 2 * x) / ((m - 1) * (n - 1));
    }
  }
  const z = zFor(options.confidence ?? 0.95);
  const h = (m + n) / 2 - 1;
  const f = (th: number) =>
    m * n * (nap - th) ** 2 * (2 - th) * (1 + th) -
    z * z * th * (1 - th) * (2 + h + (1 + 2 * h) * th * (1 - th));
  // uniroot returns an end point at which f is exactly 0: at NAP = 1 (0) the bound is NAP itself.
  const lower = nap > 0 ? (f(nap) === 0 ? nap : bisectRoot(f, 0, nap)) : 0;
  const upper = nap < 1 ? (f(nap) === 0 ? nap : bisectRoot(f, nap, 1)) : 1;
  // The informative root when the package's interval is degenerate (NAP = 0 or 1).
  const informative = nap === 1
    ? { lower: bisectRoot(f, 0, 1 - 1e-12), upper: 1 }
    : nap === 0
    ? { lower: 0, upper: bisectRoot(f, 1e-12, 1) }
    : null;
  return { nap, variance, seReason, lower, upper, informative };
}

/**
 * NAP (non-overlap of all pairs; Parker & Vannest 2009): the share of baseline–treatment pairs
 * that improve, ties counting ½. SE by `seMethod` ("unbiased" default, "hanley", "null"); CI by
 * Newcombe's Method 5. When NAP is 1 (or 0) the package's CI is [1, 1] ([0, 0]); the other root
 * is returned in `informativeCi`.
 *
 * @example
 * ```ts
 * import { nap } from "./nonoverlap.ts";
 * nap([3, 4, 5], [1, 2, 4], { improvement: "decrease" }).estimate; // 0.8333…
 * ```
 */
export function nap(
  baseline: readonly number[],
  treatment: readonly number[],
  options: EffectSizeOptions,
): EffectSizeResult {
  const p = preparePhases("NAP", baseline, treatment, options, true);
  if (p.empty) return p.empty;
  const { a, b } = p;
  const q = napParts(a, b, options);
  return result("NAP", a.length, b.length, options, {
    estimate: q.nap,
    se: Number.isFinite(q.variance) ? Math.sqrt(q.variance) : null,
    ciLower: q.lower,
    ciUpper: q.upper,
    ...(q.seReason ? { reason: q.seReason } : {}),
    ...(q.informative ? { informativeCi: q.informative } : {}),
  });
}

/**
 * Tau (non-overlap; no tie adjustment) = 2·NAP − 1 = (#improving − #worsening pairs)/(m·n), with
 * SE = 2·SE(NAP) and CI = 2·CI(NAP) − 1.
 *
 * @example
 * ```ts
 * import { tau } from "./nonoverlap.ts";
 * tau([3, 4, 5], [1, 2, 4], { improvement: "decrease" }).estimate; // 0.6666…
 * ```
 */
export function tau(
  baseline: readonly number[],
  treatment: readonly number[],
  options: EffectSizeOptions,
): EffectSizeResult {
  return tauFromNap(nap(baseline, treatment, options), "Tau");
}

function tauFromNap(r: EffectSizeResult, measure: Measure): EffectSizeResult {
  const lin = (x: number | null) => (x === null ? null : 2 * x - 1);
  return {
    ...r,
    measure,
    estimate: lin(r.estimate),
    se: r.se === null ? null : 2 * r.se,
    ciLower: lin(r.ciLower),
    ciUpper: lin(r.ciUpper),
    ...(r.informativeCi
      ? {
        informativeCi: { lower: lin(r.informativeCi.lower)!, upper: lin(r.informativeCi.upper)! },
      }
      : {}),
  };
}

/**
 * Tau-U (Parker et al. 2011), SingleCaseES form: (S_AB − S_AA)/(m·n), where S_AA is Kendall's S
 * of the baseline against time. Not bounded by [−1, 1]; no SE or CI.
 *
 * @example
 * ```ts
 * import { tauU } from "./nonoverlap.ts";
 * tauU([3, 4, 5], [1, 2, 4], { improvement: "decrease" }).estimate; // 1
 * ```
 */
export function tauU(
  baseline: readonly number[],
  treatment: readonly number[],
  options: EffectSizeOptions,
): EffectSizeResult {
  const p = preparePhases("TauU", baseline, treatment, options, true);
  if (p.empty) return p.empty;
  const { a, b, m, n } = p;
  const pc = pairCounts(a, b);
  const sab = pc.greater - pc.less;
  const saa = kendallS(a);
  return result("TauU", m, n, options, {
    estimate: (sab - saa) / (m * n),
    reason: "Tau-U has no standard error in SingleCaseES",
  });
}

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
 * @example
 * ```ts
 * import { tauBC } from "./nonoverlap.ts";
 * tauBC([1, 2, 3], [2, 2, 2], { improvement: "increase" }).estimate; // -1 (trend removed)
 * ```
 */
export function tauBC(
  baseline: readonly number[],
  treatment: readonly number[],
  options: EffectSizeOptions,
): EffectSizeResult {
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

/**
 * PND (Scruggs et al. 1987): share of treatment values beyond the most extreme baseline value
 * (ties with it do not count). No SE.
 *
 * @example
 * ```ts
 * import { pnd } from "./nonoverlap.ts";
 * pnd([3, 4, 5], [1, 2, 4], { improvement: "decrease" }).estimate; // 0.6666…
 * ```
 */
export function pnd(
  baseline: readonly number[],
  treatment: readonly number[],
  options: EffectSizeOptions,
): EffectSizeResult {
  const p = preparePhases("PND", baseline, treatment, options, true);
  if (p.empty) return p.empty;
  const { a, b } = p;
  const top = Math.max(...a);
  return result("PND", a.length, b.length, options, {
    estimate: b.filter((x) => x > top).length / b.length,
    reason: "PND has no standard error",
  });
}

/**
 * PEM (Ma 2006): share of treatment values beyond the baseline median, ties with it counting ½
 * (SingleCaseES; scan counts them 0). No SE.
 *
 * @example
 * ```ts
 * import { pem } from "./nonoverlap.ts";
 * pem([3, 4, 5], [1, 2, 4], { improvement: "decrease" }).estimate; // 0.8333…
 * ```
 */
export function pem(
  baseline: readonly number[],
  treatment: readonly number[],
  options: EffectSizeOptions,
): EffectSizeResult {
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

/** PAND by Pustejovsky's minimum-removal algorithm (SingleCaseES `calc_PAND`). */
function pandValue(a: number[], b: number[]): number {
  const m = a.length;
  const n = b.length;
  const x = [-Infinity, ...[...a].sort((p, q) => p - q)];
  const y = [...[...b].sort((p, q) => p - q), Infinity];
  let best = 0;
  for (let i = 1; i <= m + 1; i++) {
    for (let j = 1; j <= n + 1; j++) {
      if (x[i - 1] < y[j - 1]) best = Math.max(best, i + n - j);
    }
  }
  return best / (m + n);
}

/**
 * PAND (Parker et al. 2007), "minimum removal" form: the largest share of all observations left
 * after removing the fewest so that every kept baseline value is strictly below (for increase)
 * every kept treatment value. No SE.
 *
 * @example
 * ```ts
 * import { pand } from "./nonoverlap.ts";
 * pand([3, 4, 5], [1, 2, 4], { improvement: "decrease" }).estimate; // 0.8333…
 * ```
 */
export function pand(
  baseline: readonly number[],
  treatment: readonly number[],
  options: EffectSizeOptions,
): EffectSizeResult {
  const p = preparePhases("PAND", baseline, treatment, options, true);
  if (p.empty) return p.empty;
  const { a, b } = p;
  return result("PAND", a.length, b.length, options, {
    estimate: pandValue(a, b),
    reason: "PAND has no standard error",
  });
}

/**
 * Robust IRD (Parker et al. 2009) from PAND: [(m+n)²·PAND − m² − n²] / (2mn). No SE.
 *
 * @example
 * ```ts
 * import { ird } from "./nonoverlap.ts";
 * ird([3, 4, 5], [1, 2, 4], { improvement: "decrease" }).estimate; // 0.6666… (PAND 5/6)
 * ```
 */
export function ird(
  baseline: readonly number[],
  treatment: readonly number[],
  options: EffectSizeOptions,
): EffectSizeResult {
  const p = preparePhases("IRD", baseline, treatment, options, true);
  if (p.empty) return p.empty;
  const { a, b, m, n } = p;
  const pandIrd = pandValue(a, b);
  return result("IRD", m, n, options, {
    estimate: ((m + n) ** 2 * pandIrd - m * m - n * n) / (2 * m * n),
    reason: "IRD has no standard error",
  });
}
