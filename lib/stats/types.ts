/**
 * Types of the single-case effect sizes.
 *
 * @module
 */

/** The thirteen AB effect sizes of SingleCaseES 0.7.4 that this project implements. */
export type Measure =
  | "NAP"
  | "Tau"
  | "TauU"
  | "TauBC"
  | "PND"
  | "PEM"
  | "PAND"
  | "IRD"
  | "LRRd"
  | "LRRi"
  | "SMD"
  | "LRM"
  | "PoGO";

/** Every measure, in the order of the SingleCaseES documentation. */
export const MEASURES: readonly Measure[] = [
  "NAP",
  "Tau",
  "TauU",
  "TauBC",
  "PND",
  "PEM",
  "PAND",
  "IRD",
  "LRRd",
  "LRRi",
  "SMD",
  "LRM",
  "PoGO",
];

/** Options of {@link Measure} computations, named as in SingleCaseES. */
export interface EffectSizeOptions {
  /** Direction of therapeutic improvement (pain: "decrease"). */
  improvement: "decrease" | "increase";
  /** Confidence level, default 0.95. */
  confidence?: number;
  /** NAP, Tau, Tau-BC: standard error, default "unbiased". */
  seMethod?: "unbiased" | "hanley" | "null";
  /** LRR: measurement scale, default "count" as `calc_ES`. */
  scale?: "count" | "rate" | "proportion" | "percentage" | "other";
  /** LRR: number of intervals (proportion/percentage scales). */
  intervals?: number;
  /** LRR: observation length (rate scale). */
  observationLength?: number;
  /** LRR: truncation constant D, overriding the scale's (Infinity = no truncation). */
  dConst?: number;
  /** LRR, SMD: small-sample bias correction, default true. */
  biasCorrect?: boolean;
  /** SMD: standardiser, default "baseline". */
  stdDev?: "baseline" | "pool";
  /** LRM: delta-method variance, default false. */
  deltaMethod?: boolean;
  /** PoGO: the goal level (required there; pain: 0). */
  goal?: number;
  /** Tau-BC: Kendall tau-b of residuals, default false. */
  kendall?: boolean;
  /** Tau-BC: correct only when the baseline trend's p-value is ≤ this, default false (always). */
  pretestTrend?: false | number;
}

/** One effect size with its uncertainty, sample sizes and the options it was computed with. */
export interface EffectSizeResult {
  /** Which measure. */
  measure: Measure;
  /** The estimate, or `null` where SingleCaseES gives NA, NaN or ±Inf. */
  estimate: number | null;
  /** Standard error, or `null` (see `reason`). */
  se: number | null;
  /** Lower confidence limit, or `null`. */
  ciLower: number | null;
  /** Upper confidence limit, or `null`. */
  ciUpper: number | null;
  /** Why a field is `null`. */
  reason?: string;
  /** A caution about a value that is defined but misleading (e.g. SMD with m = 2). */
  note?: string;
  /** NAP/Tau at 0 or 1: the informative Newcombe root beside the package's degenerate CI. */
  informativeCi?: { lower: number; upper: number };
  /** Tau-BC: the trend removed from the data. */
  correction?: { slope: number; intercept: number; pvalSlopeA?: number };
  /** Baseline (A) and treatment (B) sample sizes after dropping non-finite values. */
  n: { baseline: number; treatment: number };
  /** The options used, with defaults filled in. */
  options: EffectSizeOptions & { confidence: number };
}
