/**
 * The Mann–Whitney pair counts shared by the non-overlap measures built on all baseline–treatment
 * pairs (NAP, Tau, Tau-U, Tau-BC): the counts themselves, NAP with its variance and Newcombe
 * interval, and the linear map from NAP to Tau (SingleCaseES `calc_NAP`, `calc_Tau`).
 *
 * @module
 */
import { bisectRoot } from "../../roots.ts";
import { zFor } from "../result.ts";
import type { EffectSizeOptions, EffectSizeResult } from "../../types.ts";
import { firstAtLeast } from "../../sorted.ts";

/**
 * The Mann–Whitney counts behind NAP, by sorting (O(N log N)) instead of the m×n table
 * q_ij = 1[b_j > a_i] + ½·1[b_j = a_i]: the row sums r_i = Σ_j q_ij, the column sums
 * c_j = Σ_i q_ij, and the numbers of improving (G), tied (T) and worsening (L) pairs.
 *
 * @param a Baseline values (oriented).
 * @param b Treatment values (oriented).
 * @returns Row and column sums, and the counts of greater, tied and lesser pairs.
 * @example
 * ```ts
 * import { pairCounts } from "#lib/stats/effect_sizes/family/mann_whitney.ts";
 * const c = pairCounts([1, 2], [2, 3]);
 * if (c.greater !== 3 || c.ties !== 1 || c.less !== 0) throw new Error(JSON.stringify(c));
 * ```
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

/**
 * NAP with its variance (per `seMethod`) and Newcombe's Method 5 interval, of phases already
 * oriented (multiplied by −1 for a decreasing improvement).
 *
 * @param a Baseline values (finite, oriented).
 * @param b Treatment values (finite, oriented).
 * @param options Effect-size options (`seMethod`, `confidence`).
 * @returns NAP, its variance (with why it is infinite), the limits and the informative root.
 * @example
 * ```ts
 * import { napParts } from "#lib/stats/effect_sizes/family/mann_whitney.ts";
 * const q = napParts([-3, -4, -5], [-1, -2, -4], { improvement: "decrease" });
 * if (q.nap !== 7.5 / 9) throw new Error(String(q.nap));
 * ```
 */
export function napParts(a: number[], b: number[], options: EffectSizeOptions) {
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
 * Tau from a NAP result: estimate and limits 2·x − 1, SE 2·SE(NAP), renamed `measure`.
 *
 * @param r A NAP result.
 * @param measure The name of the result (Tau or Tau-BC).
 * @returns The Tau result.
 * @example
 * ```ts
 * import { tauFromNap } from "#lib/stats/effect_sizes/family/mann_whitney.ts";
 * import { result } from "#lib/stats/effect_sizes/result.ts";
 * const nap = result("NAP", 1, 1, { improvement: "decrease" }, { estimate: 0.75, se: 0.1 });
 * const t = tauFromNap(nap, "Tau");
 * if (t.estimate !== 0.5 || t.se !== 0.2 || t.measure !== "Tau") throw new Error();
 * ```
 */
export function tauFromNap<M extends string>(r: EffectSizeResult, measure: M): EffectSizeResult<M> {
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
