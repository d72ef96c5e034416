/**
 * Types of the single-case effect sizes: their options and results. The measures themselves, their
 * names and ranges are in the registry, `lib/stats/effect_sizes/mod.ts`.
 *
 * @module
 */

/** Options of the effect-size computations, named as in SingleCaseES. */
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

/**
 * One effect size with its uncertainty, sample sizes and the options it was computed with. `M`
 * is the measure's name: `effectSize` returns `EffectSizeResult<Measure>` (the names of the
 * registry, `lib/stats/effect_sizes/mod.ts`); this module sits below the registry, so the default
 * is any name.
 */
export interface EffectSizeResult<M extends string = string> {
  /** Which measure. */
  measure: M;
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
  /**
   * Tau-BC: the baseline's Theil–Sen trend, whether it was removed (`applied`; false when the
   * pretest finds no trend) and the pretest's p-value (`Kendall::Kendall(A, 1:m)$sl`).
   */
  correction?: { slope: number; intercept: number; applied: boolean; pvalSlopeA?: number };
  /** Baseline (A) and treatment (B) sample sizes after dropping non-finite values. */
  n: { baseline: number; treatment: number };
  /** The options used, with defaults filled in. */
  options: EffectSizeOptions & { confidence: number };
}

/** A case an analysis cannot use, with why (reasons are built from the data and the study question). */
export interface Exclusion {
  /** Case id. */
  caseId: string;
  /** Why the case is left out. */
  reason: string;
}

/**
 * The caveat every table of these effect sizes carries: they treat the values of a phase as
 * exchangeable, equally spaced sessions, while case reports often give values at irregular times.
 */
export const EQUAL_SPACING_CAVEAT: string =
  "These effect sizes (SingleCaseES definitions) treat the " +
  "values of each phase as equally spaced sessions; case reports often give values at irregular " +
  "or approximate times, and trend-based measures (Tau-U, Tau-BC) in particular use session " +
  "order, not elapsed time.";
