/**
 * Did the pain fall after the drug across cases? Paired pre/post values of each case, with the
 * exact sign test and the paired permutation (sign-flip) test. Cases without both values are
 * listed with the reason.
 *
 * @module
 */
import { expectSeriesDrug } from "../series_drugs.ts";
import { expectCases } from "../args.ts";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { atBound, type ExtractionBound, fmtP } from "../intervals.ts";
import { plural } from "../prose.ts";
import type { Case } from "../model.ts";
import { studyOf } from "../cases.ts";
import type { ChangeOptions } from "./change.ts";
import { changeOrExclusion } from "./exclusions.ts";
import { binomialCdf } from "../stats/distributions.ts";
import type { Timing } from "./responders.ts";
import type { Exclusion } from "../stats/types.ts";
import { checkOptions } from "../options.ts";
import {
  pairedOptionsSchema,
  pairedTestsOptionsSchema,
  permutationOptionsSchema,
} from "./option_schemas.ts";

/** Paired pre/post values of each case. */
export interface PrePost {
  /** Case id. */
  caseId: string;
  /** Baseline value. */
  pre: number;
  /** Post-drug value. */
  post: number;
}

/** Options of the paired values. */
export type PairedOptions = ChangeOptions & { timing?: Timing; bound?: ExtractionBound };

/**
 * Pre (baseline under `baseline`) and post (first or last post-drug) values of each case that has
 * both, at nominal values or at the bound that favours (`"best"`) or disfavours (`"worst"`) the
 * drug; the other cases in `excluded` with the reason.
 *
 * @param cases The cases.
 * @param options Drug, baseline definition, timing (default last) and bound (default nominal).
 * @returns The pairs and the excluded cases.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { caseChange, loadCaseSeries, pairedValues } from "#lib/mod.ts";
 * const cases = (await loadCaseSeries()).cases;
 * // pre: the baseline; post: the last value after the drug (the default timing).
 * for (const p of pairedValues(cases).pairs) {
 *   const ch = caseChange(cases.find((c) => c.id === p.caseId)!);
 *   assert.equal(p.pre, ch.baseline.common!.nominal);
 *   assert.equal(p.post, ch.points.at(-1)!.common.nominal);
 * }
 * ```
 */
export function pairedValues(
  cases: readonly Case[],
  options: PairedOptions = {},
): { pairs: PrePost[]; excluded: Exclusion[] } {
  expectCases("pairedValues", cases);
  checkOptions("pairedValues", pairedOptionsSchema, options);
  expectSeriesDrug("pairedValues (options.drug)", cases, options.drug);
  const drug = options.drug ?? studyOf(cases)?.drug ?? "";
  const pairs: PrePost[] = [];
  const excluded: Exclusion[] = [];
  for (const c of cases) {
    const x = changeOrExclusion(c, options);
    if ("excluded" in x) {
      excluded.push(x.excluded);
      continue;
    }
    const ch = x.change;
    const p = (options.timing ?? "last") === "first" ? ch.points[0] : ch.points.at(-1);
    if (ch.baseline.common === null || !p) {
      excluded.push({
        caseId: c.id,
        reason: ch.reason ?? `no pain value after ${drug}`,
      });
      continue;
    }
    const bound = options.bound ?? "nominal";
    pairs.push({
      caseId: c.id,
      pre: atBound(ch.baseline.common, bound, true),
      post: atBound(p.common, bound, false),
    });
  }
  return { pairs, excluded };
}

/**
 * The pairs of {@link pairedValues} alone (for callers that report exclusions elsewhere).
 *
 * @param cases The cases.
 * @param options As {@link pairedValues}.
 * @returns The pairs.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, pairedValues, prePost } from "#lib/mod.ts";
 * const cases = (await loadCaseSeries()).cases;
 * assert.deepEqual(prePost(cases), pairedValues(cases).pairs);
 * ```
 */
export function prePost(cases: readonly Case[], options: PairedOptions = {}): PrePost[] {
  expectCases("prePost", cases);
  checkOptions("prePost", pairedOptionsSchema, options);
  return pairedValues(cases, options).pairs;
}

/** Result of a test of pre- vs post-drug values. */
export interface TestResult {
  /** Which test. */
  test: "sign" | "permutation";
  /** Two-sided p-value, or `null` when no pair can be tested. */
  pValue: number | null;
  /** Number of pairs used (ties dropped for the sign test). */
  n: number;
  /** Test statistic: number of decreases (sign), mean post − pre (permutation; null if n = 0). */
  statistic: number | null;
  /** Permutation test: whether all 2^n sign assignments were enumerated. */
  exact?: boolean;
  /** Permutation test, sampled: the generator's seed and number of draws. */
  seed?: number;
  /** Number of sign assignments evaluated. */
  draws?: number;
  /**
   * The smallest two-sided p-value the test can give with these pairs (sign test: 2·0.5^n; exact
   * permutation: 2^(1+z−n), z pairs with no difference; sampled: 1/(draws + 1), its resolution,
   * since a sampled p can fall below the exact floor): with few pairs even a change in every case
   * cannot give a small p. `null` when no pair.
   */
  minP: number | null;
  /**
   * The cases whose pair is tied (no difference): left out of `n` by the sign test; kept by the
   * permutation test, where each doubles the smallest p.
   */
  tied?: string[];
  /** Why `pValue` is null. */
  reason?: string;
  /** What the test can and cannot show here. */
  caveat: string;
}

/**
 * A post − pre difference this small is a tie: values are on the common 0–10 metric, stated to a
 * digit or two, so a smaller difference is floating-point error (the mean of 3.3, 3.3 and 3.3 is
 * 3.2999999999999994, which must tie with a later 3.3).
 */
const TIE = 1e-9;

/** A pair's post − pre difference, 0 for a tie ({@link TIE}). */
const difference = (p: PrePost): number => Math.abs(p.post - p.pre) <= TIE ? 0 : p.post - p.pre;

const TEST_CAVEAT = "Phases were not randomised and the cases were not sampled: the p-value " +
  "describes how extreme the pattern is among sign assignments, not evidence of a drug effect.";

/**
 * Exact two-sided sign test of post − pre differences (ties dropped): p = min(1, 2·P(X ≥ k)),
 * X ~ Binomial(n, ½), k the larger of the counts of decreases and increases.
 *
 * @param pairs The pairs.
 * @returns The test result (`pValue` null when every pair is tied or there is none).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { signTest } from "#lib/mod.ts";
 * const pairs = [{ caseId: "1", pre: 3, post: 1 }, { caseId: "2", pre: 8, post: 1 }];
 * assert.equal(signTest(pairs).pValue, 0.5); // both improve: 2 · (1/2)^2
 * ```
 */
export function signTest(pairs: readonly PrePost[]): TestResult {
  const d = pairs.map(difference).filter((x) => x !== 0);
  const n = d.length;
  const down = d.filter((x) => x < 0).length;
  const tied = pairs.filter((p) => difference(p) === 0).map((p) => p.caseId);
  const ties = tied.length ? { tied } : {};
  if (n === 0) {
    return {
      test: "sign",
      pValue: null,
      n,
      statistic: null,
      minP: null,
      ...ties,
      reason: pairs.length === 0 ? "no pair to test" : "every pair is tied",
      caveat: TEST_CAVEAT,
    };
  }
  const k = Math.max(down, n - down);
  // P(X ≥ k) as P(X ≤ n − k) (symmetric at ½): 1 − P(X ≤ k − 1) cancels to 0 from ~53 pairs.
  const upper = binomialCdf(n - k, n, 0.5);
  return {
    test: "sign",
    pValue: Math.min(1, 2 * upper),
    n,
    statistic: down,
    minP: Math.min(1, 2 * 0.5 ** n),
    ...ties,
    caveat: TEST_CAVEAT,
  };
}

/**
 * Paired permutation (sign-flip) test of the mean post − pre difference, two-sided: the share of
 * sign assignments whose |mean| is at least the observed one. All 2^n assignments are enumerated
 * when n ≤ `maxExact` (default 20); otherwise `draws` seeded draws (xoroshiro128+, `seed`
 * recorded in the result), p = (hits + 1)/(draws + 1).
 *
 * @param pairs The pairs.
 * @param options Enumeration limit, number of draws and seed.
 * @returns The test result (`pValue` null when there is no pair).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { permutationTest } from "#lib/mod.ts";
 * const pairs = [{ caseId: "1", pre: 3.3, post: 0.6 }, { caseId: "2", pre: 8, post: 0.1 }];
 * assert.equal(permutationTest(pairs).pValue, 0.5); // 2 of 4 assignments
 * ```
 */
export function permutationTest(
  pairs: readonly PrePost[],
  options: { maxExact?: number; draws?: number; seed?: number } = {},
): TestResult {
  checkOptions("permutationTest", permutationOptionsSchema, options);
  const d = pairs.map(difference);
  const n = d.length;
  const tied = pairs.filter((p) => difference(p) === 0).map((p) => p.caseId);
  const ties = tied.length ? { tied } : {};
  if (n === 0) {
    return {
      test: "permutation",
      pValue: null,
      n,
      statistic: null,
      minP: null,
      reason: "no pair to test",
      caveat: TEST_CAVEAT,
    };
  }
  // Every nonzero difference of one sign (2 assignments, times 2^z for the z zero differences).
  const floor = Math.min(1, 2 ** (1 + d.filter((x) => x === 0).length - n));
  const observed = d.reduce((s, x) => s + x, 0) / n;
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
      pValue: hits / total,
      n,
      statistic: observed,
      exact: true,
      draws: total,
      minP: floor,
      ...ties,
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
    minP: 1 / (draws + 1),
    ...ties,
    caveat: TEST_CAVEAT,
  };
}

/**
 * Why a test's p-value means nothing as a number at this number of pairs: the smallest p the
 * test can give with them is above the study's significance level (`significance_level` in
 * `study.json`), so no data could make it small, in words; `null` when it can go below the
 * level, when there is no p, or when the study sets no level.
 *
 * @param t The test result.
 * @param level The study's significance level (`Study.significanceLevel`), or null.
 * @returns The reason, or `null`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pFloorReason, signTest } from "#lib/mod.ts";
 * const pair = (i: number) => ({ caseId: String(i), pre: 5, post: 1 });
 * // 3 pairs, all improving: p = 2·(1/2)^3 = 0.25, the smallest a sign test can give with 3.
 * assert.equal(
 *   pFloorReason(signTest([0, 1, 2].map(pair)), 0.05),
 *   "with 3 pairs the smallest p a sign test can give is 0.25, above the study's significance " +
 *     "level 0.05",
 * );
 * // With 6 pairs it can give 0.03125: the p is a number.
 * assert.equal(pFloorReason(signTest([0, 1, 2, 3, 4, 5].map(pair)), 0.05), null);
 * // No level set: no floor rule.
 * assert.equal(pFloorReason(signTest([0, 1, 2].map(pair)), null), null);
 * ```
 */
export function pFloorReason(t: TestResult, level: number | null): string | null {
  if (level === null || t.pValue === null || t.minP === null || !(t.minP > level)) return null;
  const test = t.test === "sign" ? "a sign test" : "the permutation test";
  return `with ${plural(t.n, "pair")} the smallest p ${test} can give is ${fmtP(t.minP)}, ` +
    `above the study's significance level ${fmtP(level)}`;
}

/** Both tests of the pre/post pairs at one timing, with the cases they leave out. */
export interface PairedTests {
  /** First or last post-drug value. */
  timing: Timing;
  /** The pairs tested. */
  pairs: PrePost[];
  /** Cases without a pair, with why. */
  excluded: Exclusion[];
  /** Exact sign test. */
  sign: TestResult;
  /** Permutation test. */
  permutation: TestResult;
}

/**
 * The sign and permutation tests of pre vs post values at the first and at the last post-drug
 * value: the computed results the notebooks and figures read (tables only display them).
 *
 * @param cases The cases.
 * @param options Drug, baseline definition and bound.
 * @returns One entry per timing.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, pairedTests, signTest } from "#lib/mod.ts";
 * const tests = pairedTests((await loadCaseSeries()).cases);
 * assert.deepEqual(tests.map((t) => t.timing), ["first", "last"]);
 * assert.equal(tests[1].sign.pValue, signTest(tests[1].pairs).pValue);
 * ```
 */
export function pairedTests(
  cases: readonly Case[],
  options: Omit<PairedOptions, "timing"> = {},
): PairedTests[] {
  expectCases("pairedTests", cases);
  checkOptions("pairedTests", pairedTestsOptionsSchema, options);
  return (["first", "last"] as const).map((timing) => {
    const { pairs, excluded } = pairedValues(cases, { ...options, timing });
    return { timing, pairs, excluded, sign: signTest(pairs), permutation: permutationTest(pairs) };
  });
}
