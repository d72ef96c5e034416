/**
 * Comparisons across cases: responders with exact intervals, the cumulative responder curve,
 * sign and permutation tests of pre- vs post-drug VAS, and aggregation of an effect size across
 * cases with SingleCaseES's `batch_calc_ES` weighting schemes. With three patients these are
 * descriptive: every result carries its n.
 *
 * @module
 */
import { expectCase, expectCases } from "../args.ts";
import betaQuantile from "@stdlib/stats-base-dists-beta-quantile";
import binomialCdf from "@stdlib/stats-base-dists-binomial-cdf";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { atBound, type ExtractionBound } from "../intervals.ts";
import type { Case } from "../model.ts";
import { alignOnDrug } from "../timeline.ts";
import type { BaselineDefinition } from "../study.ts";
import { caseChange, type ChangeOptions } from "./change.ts";
import { effectSize } from "./effect_size.ts";
import { zFor } from "./result.ts";
import type { EffectSizeOptions, EffectSizeResult, Measure } from "./types.ts";
import { type ResponderThreshold, STUDY } from "../study.ts";

/** A count out of n with its exact (Clopper–Pearson) confidence interval. */
export interface Proportion {
  /** Number of successes. */
  count: number;
  /** Number of cases. */
  n: number;
  /** count / n, or `null` when n = 0. */
  proportion: number | null;
  /** Clopper–Pearson lower limit. */
  ciLower: number | null;
  /** Clopper–Pearson upper limit. */
  ciUpper: number | null;
  /** Confidence level. */
  confidence: number;
}

/**
 * A proportion with its exact Clopper–Pearson interval (beta quantiles).
 *
 * @example
 * ```ts
 * import { clopperPearson } from "./pooled.ts";
 * clopperPearson(3, 3).ciLower; // 0.2924… (= 0.025^(1/3))
 * ```
 */
export function clopperPearson(count: number, n: number, confidence = 0.95): Proportion {
  if (n === 0) {
    return { count, n, proportion: null, ciLower: null, ciUpper: null, confidence };
  }
  const alpha = 1 - confidence;
  return {
    count,
    n,
    proportion: count / n,
    ciLower: count === 0 ? 0 : betaQuantile(alpha / 2, count, n - count + 1),
    ciUpper: count === n ? 1 : betaQuantile(1 - alpha / 2, count + 1, n - count),
    confidence,
  };
}

/** Which post-drug observation a responder analysis uses. */
export type Timing = "first" | "last";

/** Words for a threshold. */
export function thresholdLabel(t: ResponderThreshold): string {
  return t.kind === "percent" ? `≥${t.value}% reduction` : `≥${t.value} cm reduction`;
}

/** The responder count for one threshold and timing. */
export interface ResponderRow extends Proportion {
  /** The threshold. */
  threshold: ResponderThreshold;
  /** First or last post-drug observation. */
  timing: Timing;
  /** Case ids that reach it. */
  responders: string[];
  /** Cases left out (no baseline or no post-drug value), with why. */
  excluded: { caseId: string; reason: string }[];
  /** Options used. */
  options: Required<ChangeOptions>;
}

/**
 * Responders at each threshold at the first and at the last post-drug observation, at nominal
 * values, with exact confidence intervals.
 *
 * @example
 * ```ts
 * import { loadCaseSeries } from "../load.ts";
 * import { responders } from "./pooled.ts";
 * const rows = responders((await loadCaseSeries()).cases);
 * rows.find((r) => r.timing === "last" && r.threshold.value === 50)?.count; // 3
 * ```
 */
export function responders(
  cases: readonly Case[],
  options: ChangeOptions & { thresholds?: readonly ResponderThreshold[]; confidence?: number } = {},
): ResponderRow[] {
  expectCases("responders", cases);
  const opts = { drug: options.drug ?? STUDY.drug, baseline: options.baseline ?? STUDY.baseline };
  const changes = cases.map((c) => caseChange(c, opts));
  const rows: ResponderRow[] = [];
  for (const timing of ["first", "last"] as const) {
    for (const threshold of options.thresholds ?? STUDY.thresholds) {
      const excluded: { caseId: string; reason: string }[] = [];
      const hits: string[] = [];
      for (const ch of changes) {
        const p = timing === "first" ? ch.points[0] : ch.points.at(-1);
        if (!p || p.percentReduction === null) {
          excluded.push({ caseId: ch.caseId, reason: ch.reason ?? "no post-drug VAS" });
          continue;
        }
        const value = threshold.kind === "percent" ? p.percentReduction.nominal : -p.change.nominal;
        if (value + 1e-9 >= threshold.value) hits.push(ch.caseId);
      }
      rows.push({
        ...clopperPearson(hits.length, changes.length - excluded.length, options.confidence),
        threshold,
        timing,
        responders: hits,
        excluded,
        options: opts,
      });
    }
  }
  return rows;
}

/** One point of a cumulative responder curve. */
export interface ResponderCurvePoint {
  /** Percent reduction threshold. */
  threshold: number;
  /** Share of cases reaching it. */
  proportion: number;
  /** First or last post-drug observation. */
  timing: Timing;
  /** Cases in the denominator. */
  n: number;
}

/**
 * Cumulative responder curve: for every percent reduction from 0 to 100 in `step`s, the share of
 * cases whose reduction (nominal) reaches it, at the first and at the last post-drug value.
 *
 * @example
 * ```ts
 * import { loadCaseSeries } from "../load.ts";
 * import { responderCurve } from "./pooled.ts";
 * const curve = responderCurve((await loadCaseSeries()).cases);
 * curve.find((p) => p.timing === "first" && p.threshold === 0)?.proportion; // 1
 * ```
 */
export function responderCurve(
  cases: readonly Case[],
  options: ChangeOptions & { step?: number } = {},
): ResponderCurvePoint[] {
  expectCases("responderCurve", cases);
  const step = options.step ?? 1;
  const out: ResponderCurvePoint[] = [];
  for (const timing of ["first", "last"] as const) {
    const reductions = cases.map((c) => {
      const ch = caseChange(c, options);
      const p = timing === "first" ? ch.points[0] : ch.points.at(-1);
      return p?.percentReduction?.nominal ?? null;
    }).filter((x): x is number => x !== null);
    for (let t = 0; t <= 100 + 1e-9; t += step) {
      const threshold = Math.round(t * 1e6) / 1e6;
      out.push({
        threshold,
        timing,
        n: reductions.length,
        proportion: reductions.length === 0
          ? 0
          : reductions.filter((r) => r + 1e-9 >= threshold).length / reductions.length,
      });
    }
  }
  return out;
}

/** Paired pre/post values of each case. */
export interface PrePost {
  /** Case id. */
  caseId: string;
  /** Baseline VAS (nominal). */
  pre: number;
  /** Post-drug VAS (nominal). */
  post: number;
}

/**
 * Pre (baseline under `baseline`) and post (first or last post-drug) VAS of each case that has
 * both, at nominal values or at the bound that favours (`"best"`) or disfavours (`"worst"`) the
 * drug.
 *
 * @example
 * ```ts
 * import { loadCaseSeries } from "../load.ts";
 * import { prePost } from "./pooled.ts";
 * prePost((await loadCaseSeries()).cases).map((p) => p.pre); // [3.3, 8, 4]
 * ```
 */
export function prePost(
  cases: readonly Case[],
  options: ChangeOptions & { timing?: Timing; bound?: ExtractionBound } = {},
): PrePost[] {
  expectCases("prePost", cases);
  const out: PrePost[] = [];
  for (const c of cases) {
    const ch = caseChange(c, options);
    const p = (options.timing ?? "last") === "first" ? ch.points[0] : ch.points.at(-1);
    if (!p || ch.baseline.vas === null) continue;
    const b = ch.baseline.vas;
    const bound = options.bound ?? "nominal";
    out.push({ caseId: c.id, pre: atBound(b, bound, true), post: atBound(p.vas, bound, false) });
  }
  return out;
}

/** Result of a test of pre- vs post-drug VAS. */
export interface TestResult {
  /** Which test. */
  test: "sign" | "permutation";
  /** Two-sided p-value. */
  pValue: number;
  /** Number of pairs used (ties dropped for the sign test). */
  n: number;
  /** Test statistic: number of decreases (sign), mean post − pre (permutation). */
  statistic: number;
  /** Permutation test: whether all 2^n sign assignments were enumerated. */
  exact?: boolean;
  /** Permutation test, sampled: the generator's seed and number of draws. */
  seed?: number;
  /** Number of sign assignments evaluated. */
  draws?: number;
  /** What the test can and cannot show here. */
  caveat: string;
}

const TEST_CAVEAT = "Phases were not randomised and the cases were not sampled: the p-value " +
  "describes how extreme the pattern is among sign assignments, not evidence of a drug effect.";

/**
 * Exact two-sided sign test of post − pre differences (ties dropped): p = min(1, 2·P(X ≥ k)),
 * X ~ Binomial(n, ½), k the larger of the counts of decreases and increases.
 *
 * @example
 * ```ts
 * import { signTest } from "./pooled.ts";
 * signTest([{ caseId: "1", pre: 3, post: 1 }, { caseId: "2", pre: 8, post: 1 }]).pValue; // 0.5
 * ```
 */
export function signTest(pairs: readonly PrePost[]): TestResult {
  const d = pairs.map((p) => p.post - p.pre).filter((x) => x !== 0);
  const n = d.length;
  const down = d.filter((x) => x < 0).length;
  const k = Math.max(down, n - down);
  const upper = n === 0 ? 1 : 1 - binomialCdf(k - 1, n, 0.5);
  return {
    test: "sign",
    pValue: Math.min(1, 2 * upper),
    n,
    statistic: down,
    caveat: TEST_CAVEAT,
  };
}

/**
 * Paired permutation (sign-flip) test of the mean post − pre difference, two-sided: the share of
 * sign assignments whose |mean| is at least the observed one. All 2^n assignments are enumerated
 * when n ≤ `maxExact` (default 20); otherwise `draws` seeded draws (xoroshiro128+, `seed`
 * recorded in the result), p = (hits + 1)/(draws + 1).
 *
 * @example
 * ```ts
 * import { permutationTest } from "./pooled.ts";
 * const pairs = [{ caseId: "1", pre: 3.3, post: 0.6 }, { caseId: "2", pre: 8, post: 0.1 }];
 * permutationTest(pairs).pValue; // 0.5 (2 of 4 assignments)
 * ```
 */
export function permutationTest(
  pairs: readonly PrePost[],
  options: { maxExact?: number; draws?: number; seed?: number } = {},
): TestResult {
  const d = pairs.map((p) => p.post - p.pre);
  const n = d.length;
  const meanOf = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const observed = n === 0 ? 0 : meanOf(d);
  const tol = 1e-12 * Math.max(1, Math.abs(observed));
  const isExtreme = (signs: (i: number) => number) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += signs(i) * Math.abs(d[i]);
    return Math.abs(s / n) >= Math.abs(observed) - tol;
  };
  if (n <= (options.maxExact ?? 20)) {
    let hits = 0;
    const total = 2 ** n;
    for (let mask = 0; mask < total; mask++) {
      if (isExtreme((i) => ((mask >> i) & 1 ? -1 : 1))) hits++;
    }
    return {
      test: "permutation",
      pValue: n === 0 ? 1 : hits / total,
      n,
      statistic: observed,
      exact: true,
      draws: total,
      caveat: TEST_CAVEAT,
    };
  }
  const seed = options.seed ?? 20121123;
  const draws = options.draws ?? 100_000;
  const rng = xoroshiro128plus(seed);
  let hits = 0;
  for (let k = 0; k < draws; k++) {
    const signs = Array.from({ length: n }, () => (uniformInt(rng, 0, 1) ? -1 : 1));
    if (isExtreme((i) => signs[i])) hits++;
  }
  return {
    test: "permutation",
    pValue: (hits + 1) / (draws + 1),
    n,
    statistic: observed,
    exact: false,
    seed,
    draws,
    caveat: TEST_CAVEAT,
  };
}

/** Baseline and treatment values of a case for AB effect sizes. */
export interface Phases {
  /** Case id. */
  caseId: string;
  /** VAS before the drug. */
  baseline: number[];
  /** VAS after the drug start. */
  treatment: number[];
  /** Observations whose phase the time intervals leave ambiguous (left out). */
  ambiguous: number;
}

/**
 * The A (before) and B (after) VAS values of a case around the first start of `drug`, at nominal
 * values or at the bound that favours (`"best"`: A high, B low) or disfavours (`"worst"`) it.
 *
 * @example
 * ```ts
 * import { loadCaseSeries } from "../load.ts";
 * import { phases } from "./pooled.ts";
 * phases((await loadCaseSeries()).cases[0]).baseline; // [6.6, 3.3]
 * ```
 */
export function phases(
  c: Case,
  options: { drug?: string; bound?: ExtractionBound } = {},
): Phases {
  expectCase("phases", c);
  const aligned = alignOnDrug(c, options.drug ?? STUDY.drug);
  const bound = options.bound ?? "nominal";
  return {
    caseId: c.id,
    baseline: aligned.filter((o) => o.phase === "before").map((o) => atBound(o.vas, bound, true)),
    treatment: aligned.filter((o) => o.phase === "after").map((o) => atBound(o.vas, bound, false)),
    ambiguous: aligned.filter((o) => o.phase === "ambiguous").length,
  };
}

/** Weighting schemes of SingleCaseES `batch_calc_ES(aggregate =, weighting =)`. */
export type Weighting = "equal" | "1/V" | "nA" | "nB" | "nA*nB" | "1/nA+1/nB";

/** Every weighting scheme. */
export const WEIGHTINGS: readonly Weighting[] = ["equal", "1/V", "nA", "nB", "nA*nB", "1/nA+1/nB"];

/** An effect size aggregated across cases. */
export interface AggregateResult {
  /** Which measure. */
  measure: Measure;
  /** Weighting scheme. */
  weighting: Weighting;
  /** Σw·Est/Σw, or `null`. */
  estimate: number | null;
  /** √(Σw²SE²)/Σw, or `null` when any SE is missing. */
  se: number | null;
  /** Estimate − z·SE. */
  ciLower: number | null;
  /** Estimate + z·SE. */
  ciUpper: number | null;
  /** Cases aggregated. */
  n: number;
  /** The weight of each case, normalised to sum to 1. */
  weights: { caseId: string; weight: number }[];
  /** Cases left out, with why. */
  excluded: { caseId: string; reason: string }[];
  /** Why a field is null. */
  reason?: string;
}

/**
 * The weight of one case's estimate under a scheme. "1/nA+1/nB" is read as the inverse of that
 * sum, 1/(1/nA + 1/nB), so that larger phases weigh more (as with "1/V").
 */
function weightOf(w: Weighting, r: EffectSizeResult): number | null {
  const { baseline: a, treatment: b } = r.n;
  switch (w) {
    case "equal":
      return 1;
    case "1/V":
      return r.se === null || r.se === 0 ? null : 1 / (r.se * r.se);
    case "nA":
      return a;
    case "nB":
      return b;
    case "nA*nB":
      return a * b;
    case "1/nA+1/nB":
      return 1 / (1 / a + 1 / b);
  }
}

/**
 * Aggregates per-case effect sizes: Est = Σw·Est/Σw, SE = √(Σw²SE²)/Σw, CI = Est ± z·SE
 * (SingleCaseES `batch_calc_ES`). Cases whose estimate is null are left out with their reason;
 * "1/V" needs every SE.
 *
 * @example
 * ```ts
 * import { aggregateEffectSizes } from "./pooled.ts";
 * import { effectSize } from "./effect_size.ts";
 * const opts = { improvement: "decrease" as const };
 * const rs = [effectSize("PND", [5, 6], [1, 2], opts), effectSize("PND", [5, 6], [1, 7], opts)];
 * aggregateEffectSizes(rs, ["a", "b"], "equal").estimate; // 0.75
 * ```
 */
export function aggregateEffectSizes(
  results: readonly EffectSizeResult[],
  caseIds: readonly string[],
  weighting: Weighting,
  confidence = 0.95,
): AggregateResult {
  const measure = results[0]?.measure ?? "NAP";
  const excluded: { caseId: string; reason: string }[] = [];
  const used: { caseId: string; r: EffectSizeResult; w: number }[] = [];
  results.forEach((r, i) => {
    if (r.estimate === null) {
      excluded.push({ caseId: caseIds[i], reason: r.reason ?? "estimate undefined" });
      return;
    }
    const w = weightOf(weighting, r);
    if (w === null) {
      excluded.push({ caseId: caseIds[i], reason: `no SE for weighting 1/V (${r.reason ?? ""})` });
      return;
    }
    used.push({ caseId: caseIds[i], r, w });
  });
  const base = { measure, weighting, n: used.length, excluded };
  if (used.length === 0) {
    return {
      ...base,
      estimate: null,
      se: null,
      ciLower: null,
      ciUpper: null,
      weights: [],
      reason: "no case has an estimate",
    };
  }
  const sw = used.reduce((s, u) => s + u.w, 0);
  const est = used.reduce((s, u) => s + u.w * u.r.estimate!, 0) / sw;
  const weights = used.map((u) => ({ caseId: u.caseId, weight: u.w / sw }));
  if (used.some((u) => u.r.se === null)) {
    return {
      ...base,
      estimate: est,
      se: null,
      ciLower: null,
      ciUpper: null,
      weights,
      reason: "some case has no standard error",
    };
  }
  const se = Math.sqrt(used.reduce((s, u) => s + u.w * u.w * u.r.se! ** 2, 0)) / sw;
  const z = zFor(confidence);
  return { ...base, estimate: est, se, ciLower: est - z * se, ciUpper: est + z * se, weights };
}

/**
 * Effect size of every case (baseline = before `drug`, treatment = after) and its aggregate.
 *
 * @example
 * ```ts
 * import { loadCaseSeries } from "../load.ts";
 * import { caseEffectSizes } from "./pooled.ts";
 * const r = caseEffectSizes((await loadCaseSeries()).cases, "NAP", { improvement: "decrease" });
 * r.perCase.map((x) => x.result.estimate); // [1, 1, 1]
 * ```
 */
export function caseEffectSizes(
  cases: readonly Case[],
  measure: Measure,
  options: EffectSizeOptions,
  extra: { drug?: string; bound?: ExtractionBound; weighting?: Weighting } = {},
): { perCase: { caseId: string; result: EffectSizeResult }[]; aggregate: AggregateResult } {
  expectCases("caseEffectSizes", cases);
  const perCase = cases.map((c) => {
    const p = phases(c, extra);
    return { caseId: c.id, result: effectSize(measure, p.baseline, p.treatment, options) };
  });
  return {
    perCase,
    aggregate: aggregateEffectSizes(
      perCase.map((x) => x.result),
      perCase.map((x) => x.caseId),
      extra.weighting ?? "equal",
      options.confidence,
    ),
  };
}

/** A descriptive summary of one group of cases. */
export interface GroupSummary {
  /** Group label. */
  group: string;
  /** Case ids. */
  caseIds: string[];
  /** Number of cases. */
  n: number;
  /** Percent reduction at the first post-drug value, per case (nominal). */
  firstReductions: number[];
  /** Percent reduction at the last post-drug value, per case (nominal). */
  lastReductions: number[];
}

/**
 * First-line (no SSRI before the drug) vs after-SSRI cases, descriptively: the percent reductions
 * of each case, with n. No test: with groups of 1 and 2 there is nothing to test.
 *
 * @example
 * ```ts
 * import { loadCaseSeries } from "../load.ts";
 * import { lineOfTherapyGroups } from "./pooled.ts";
 * lineOfTherapyGroups((await loadCaseSeries()).cases).map((g) => g.n); // [2, 1]
 * ```
 */
export function lineOfTherapyGroups(
  cases: readonly Case[],
  options: ChangeOptions = {},
): GroupSummary[] {
  expectCases("lineOfTherapyGroups", cases);
  const drug = options.drug ?? STUDY.drug;
  const afterSsri = (c: Case) => {
    const start = c.treatments.find((t) => t.drug === drug);
    return c.treatments.some((t) =>
      t.drugClass === "SSRI" && start !== undefined && t.start.nominal < start.start.nominal
    );
  };
  const summarise = (group: string, members: Case[]): GroupSummary => {
    const changes = members.map((c) => caseChange(c, options));
    const pick = (i: "first" | "last") =>
      changes.map((ch) =>
        (i === "first" ? ch.points[0] : ch.points.at(-1))?.percentReduction?.nominal
      )
        .filter((x): x is number => x !== undefined);
    return {
      group,
      caseIds: members.map((c) => c.id),
      n: members.length,
      firstReductions: pick("first"),
      lastReductions: pick("last"),
    };
  };
  return [
    summarise(`${drug} first-line`, cases.filter((c) => !afterSsri(c))),
    summarise(`${drug} after an SSRI`, cases.filter(afterSsri)),
  ];
}

/** One row of the sensitivity table. */
export interface SensitivityRow {
  /** Case id, or "all" for pooled quantities. */
  caseId: string;
  /** What is measured. */
  quantity: string;
  /** Baseline definition. */
  baseline: BaselineDefinition;
  /** Which values of the extraction intervals: nominal, or the bound favouring or disfavouring the drug. */
  bound: ExtractionBound;
  /** The value, or `null` when undefined. */
  value: number | null;
  /** Number of cases or observations behind it. */
  n: number;
}
