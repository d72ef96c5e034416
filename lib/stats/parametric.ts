/**
 * Parametric effect sizes of an AB comparison, as SingleCaseES 0.7.4 defines them
 * (`R/parametric-measures.R`): LRRd, LRRi, SMD, LRM, PoGO.
 *
 * @module
 */
import { binomialCdf, normalQuantile } from "./distributions.ts";
import { mean, median, sampleVariance } from "simple-statistics";
import { preparePhases, result, wald } from "./result.ts";
import type { EffectSizeOptions, EffectSizeResult } from "./types.ts";

/** Sample variance (n − 1), NaN for fewer than two values (R's `var` gives NA). */
const variance = (xs: number[]) => (xs.length < 2 ? NaN : sampleVariance(xs));

/** The truncation constant D of `LRR` for the options' scale (SingleCaseES `trunc_constant`). */
export function truncationConstant(options: EffectSizeOptions): number {
  if (options.dConst !== undefined) return options.dConst;
  switch (options.scale ?? "count") {
    case "count":
      return 1;
    case "rate":
      return options.observationLength ?? Infinity;
    case "proportion":
      return options.intervals ?? Infinity;
    case "percentage":
      return options.intervals === undefined ? Infinity : options.intervals / 100;
    default:
      return Infinity;
  }
}

/**
 * Log response ratio (Pustejovsky 2015, 2018), decreasing or increasing form: the log of the
 * ratio of phase means, truncated (D from `scale`), bias-corrected by default. LRRd < 0 and
 * LRRi > 0 mean improvement. A phase with one observation has no variance: SE `null`, and the
 * bias-corrected estimate `null` too.
 *
 * @example
 * ```ts
 * import { lrr } from "./parametric.ts";
 * lrr("LRRd", [4, 6], [1, 3], { improvement: "decrease", biasCorrect: false }).estimate;
 * // Math.log(2 / 5) = -0.916…
 * ```
 */
export function lrr(
  measure: "LRRd" | "LRRi",
  baseline: readonly number[],
  treatment: readonly number[],
  options: EffectSizeOptions,
): EffectSizeResult {
  const p = preparePhases(measure, baseline, treatment, options, false);
  if (p.empty) return p.empty;
  const { a, b, m, n } = p;
  const scale = options.scale ?? "count";
  const D = truncationConstant(options);
  let ma = mean(a);
  let mb = mean(b);
  const flipScale = (scale === "percentage" || scale === "proportion") &&
    ((measure === "LRRd" && options.improvement === "increase") ||
      (measure === "LRRi" && options.improvement === "decrease"));
  if (flipScale) {
    const top = scale === "percentage" ? 100 : 1;
    ma = top - ma;
    mb = top - mb;
  }
  const ta = Math.max(ma, 1 / (2 * D * m));
  const tb = Math.max(mb, 1 / (2 * D * n));
  const va = Math.max(variance(a), 1 / (D * D * m ** 3));
  const vb = Math.max(variance(b), 1 / (D * D * n ** 3));
  const biasCorrect = options.biasCorrect ?? true;
  const oneObs = m === 1 || n === 1;
  if (ta <= 0 || tb <= 0) {
    return result(measure, m, n, options, {
      reason: "a phase mean of 0 without truncation: the log ratio is infinite",
    });
  }
  let r: number;
  if (biasCorrect) {
    if (oneObs) {
      return result(measure, m, n, options, {
        reason: "a phase with one observation has no variance: bias correction not defined " +
          "(SingleCaseES: NA); biasCorrect: false gives an estimate",
      });
    }
    r = (Math.log(tb) + vb / (2 * n * tb * tb)) - (Math.log(ta) + va / (2 * m * ta * ta));
  } else {
    r = Math.log(tb) - Math.log(ta);
  }
  const wantsDecrease = measure === "LRRd";
  const sign = flipScale ? 1 : (wantsDecrease === (options.improvement === "decrease") ? 1 : -1);
  const est = sign * r;
  if (oneObs) {
    return result(measure, m, n, options, {
      estimate: est,
      reason: "a phase with one observation has no variance: no standard error",
    });
  }
  return wald(measure, m, n, options, est, Math.sqrt(va / (m * ta * ta) + vb / (n * tb * tb)));
}

/**
 * Within-case standardised mean difference (Hedges' g form): (ȳ_B − ȳ_A)/s, s the baseline SD
 * (default) or pooled SD, times J = 1 − 3/(4·df − 1); sign flipped for a decreasing improvement.
 * m = 1 or a zero baseline SD gives `null` (SingleCaseES: NA, ±Inf). With m = 2 and the baseline
 * SD, J = 0 and the package reports 0 with SE 0, which says nothing about the data: `null` here,
 * with the reason.
 *
 * @example
 * ```ts
 * import { smd } from "./parametric.ts";
 * smd([1, 2, 3], [4, 5, 6], { improvement: "increase", biasCorrect: false }).estimate; // 3
 * ```
 */
export function smd(
  baseline: readonly number[],
  treatment: readonly number[],
  options: EffectSizeOptions,
): EffectSizeResult {
  const p = preparePhases("SMD", baseline, treatment, options, false);
  if (p.empty) return p.empty;
  const { a, b, m, n } = p;
  const pool = (options.stdDev ?? "baseline") === "pool";
  const va = variance(a);
  const vb = variance(b);
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
 * @example
 * ```ts
 * import { lrm } from "./parametric.ts";
 * lrm([4, 5, 6], [1, 2, 3], { improvement: "decrease" }).estimate; // Math.log(5 / 2)
 * ```
 */
export function lrm(
  baseline: readonly number[],
  treatment: readonly number[],
  options: EffectSizeOptions,
): EffectSizeResult {
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

/**
 * Percent of goal obtained (Ferron et al. 2020; Patrona et al. 2022): 100·(ȳ_B − ȳ_A)/(γ − ȳ_A),
 * γ = `goal` (required; direction comes from it, `improvement` is ignored as in SingleCaseES).
 *
 * @example
 * ```ts
 * import { pogo } from "./parametric.ts";
 * pogo([8, 6], [2, 2], { improvement: "decrease", goal: 0 }).estimate; // 100·(2 − 7)/(0 − 7) = 71.43
 * ```
 */
export function pogo(
  baseline: readonly number[],
  treatment: readonly number[],
  options: EffectSizeOptions,
): EffectSizeResult {
  const p = preparePhases("PoGO", baseline, treatment, options, false);
  if (options.goal === undefined) {
    const { n } = p.empty ?? { n: { baseline: p.m, treatment: p.n } };
    return result("PoGO", n.baseline, n.treatment, options, {
      reason: "PoGO needs a goal (pain: 0)",
    });
  }
  if (p.empty) return p.empty;
  const { a, b, m, n } = p;
  const gap = options.goal - mean(a);
  if (gap === 0) {
    return result("PoGO", m, n, options, {
      reason: "baseline mean equals the goal: PoGO is not defined",
    });
  }
  const est = 100 * (mean(b) - mean(a)) / gap;
  const va = variance(a);
  const vb = variance(b);
  if (Number.isNaN(va) || Number.isNaN(vb)) {
    return result("PoGO", m, n, options, {
      estimate: est,
      reason: "a phase with one observation has no variance: no standard error (SingleCaseES: NA)",
    });
  }
  const v = (va / m + vb / n + (est / 100) ** 2 * va / m) / (gap * gap);
  return wald("PoGO", m, n, options, est, 100 * Math.sqrt(v));
}
