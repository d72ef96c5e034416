/**
 * How large is the effect across cases? Each case's A (before the drug) and B (after) values,
 * its effect size, and their aggregate under SingleCaseES's `batch_calc_ES(aggregate =,
 * weighting =)` schemes. Cases without a usable estimate are listed with the reason.
 *
 * @module
 */
import { expectSeriesDrug } from "../series_drugs.ts";
import { reportable } from "../stats/reportable.ts";
import { expectCase, expectCases } from "../args.ts";
import { atBound, type ExtractionBound } from "../intervals.ts";
import type { Case } from "../model.ts";
import { COMMON_METRIC } from "../scales.ts";
import { alignOnDrug, firstPeriod } from "../timeline.ts";
import {
  EFFECT_SIZES,
  effectSize,
  type Measure,
  MEASURE_RANGE,
} from "../stats/effect_sizes/mod.ts";
import { zFor } from "../stats/effect_sizes/result.ts";
import { casesListing } from "../prose.ts";
import type { EffectSizeOptions, EffectSizeResult, Exclusion } from "../stats/types.ts";
import { checkOptions } from "../options.ts";
import { caseEffectSizesExtraSchema, phasesOptionsSchema } from "./option_schemas.ts";
import { EFFECT_SIZE_HINT, effectSizeOptionsSchema } from "../stats/effect_sizes/option_schema.ts";

/** Baseline and treatment values of a case for AB effect sizes. */
export interface Phases {
  /** Case id. */
  caseId: string;
  /** Values before the drug. */
  baseline: number[];
  /** Values after the drug start. */
  treatment: number[];
  /** Observations whose phase the time intervals leave ambiguous (left out). */
  ambiguous: number;
  /** Why both phases are empty (the case never takes the drug). */
  reason?: string;
}

/**
 * The A (before) and B (after) values of a case around the first start of `drug`, at nominal
 * values or at the bound that favours (`"best"`: A high, B low) or disfavours (`"worst"`) it.
 * A case that never takes the drug has two empty phases and a `reason`.
 *
 * @param c The case.
 * @param options Drug (default: the study's drug of interest) and bound (default nominal).
 * @returns The two phases.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { alignOnDrug, loadCaseSeries, phases } from "#lib/mod.ts";
 * const c = (await loadCaseSeries()).cases.find((x) => !phases(x).reason)!;
 * const before = alignOnDrug(c, c.study.drug).filter((o) => o.phase === "before");
 * assert.deepEqual(phases(c).baseline, before.map((o) => o.common.nominal));
 * ```
 */
export function phases(
  c: Case,
  options: { drug?: string; bound?: ExtractionBound } = {},
): Phases {
  expectCase("phases", c);
  checkOptions("phases", phasesOptionsSchema, options);
  expectSeriesDrug("phases (options.drug)", c, options.drug);
  const drug = options.drug ?? c.study.drug;
  if (!firstPeriod(c, drug)) {
    return {
      caseId: c.id,
      baseline: [],
      treatment: [],
      ambiguous: 0,
      reason: `never takes ${drug}`,
    };
  }
  const aligned = alignOnDrug(c, drug);
  const bound = options.bound ?? "nominal";
  return {
    caseId: c.id,
    baseline: aligned.filter((o) => o.phase === "before").map((o) =>
      atBound(o.common, bound, true)
    ),
    treatment: aligned.filter((o) => o.phase === "after").map((o) =>
      atBound(o.common, bound, false)
    ),
    ambiguous: aligned.filter((o) => o.phase === "ambiguous").length,
  };
}

/**
 * The range a measure can take on values of the common metric, when narrower than its
 * registered range (its registry record's `attainable`): e.g. PoGO cannot exceed 100 when its
 * goal lies at or beyond an end of the metric (the study's goal is its end in the direction of
 * improvement), since no value can then pass the goal; its Wald interval can, and such an
 * interval is not reported bare.
 *
 * @param measure The measure.
 * @param options The effect-size options (PoGO's `goal`).
 * @returns The range, or `undefined` when the registry's applies.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { attainableRange } from "#lib/analysis/aggregation.ts";
 * assert.deepEqual(attainableRange("PoGO", { improvement: "decrease", goal: 0 }), [-Infinity, 100]);
 * assert.equal(attainableRange("PoGO", { improvement: "decrease", goal: 5 }), undefined);
 * assert.equal(attainableRange("NAP", { improvement: "decrease", goal: 0 }), undefined);
 * ```
 */
export function attainableRange(
  measure: Measure,
  options: EffectSizeOptions,
): readonly [number, number] | undefined {
  const narrower = EFFECT_SIZES.find((d) => d.name === measure)?.attainable?.(
    options,
    COMMON_METRIC,
  );
  // Within the registry's range, when the measure has one.
  const range = MEASURE_RANGE[measure];
  return narrower && range
    ? [Math.max(narrower[0], range[0]), Math.min(narrower[1], range[1])]
    : narrower;
}

/** Weighting schemes of SingleCaseES `batch_calc_ES(aggregate =, weighting =)`. */
export type Weighting = "equal" | "1/V" | "nA" | "nB" | "nA*nB" | "1/nA+1/nB";

/** Every weighting scheme. */
export const WEIGHTINGS: readonly Weighting[] = ["equal", "1/V", "nA", "nB", "nA*nB", "1/nA+1/nB"];

/** What each weighting scheme favours, for the aggregate table. */
export const WEIGHTING_FAVOURS: Readonly<Record<Weighting, string>> = {
  "equal": "every case the same",
  "1/V": "cases with small standard errors (long, steady phases)",
  "nA": "cases with long baselines",
  "nB": "cases with long treatment phases",
  "nA*nB": "cases with many baseline–treatment pairs",
  "1/nA+1/nB": "cases with short phases (w = 1/nA + 1/nB grows as a phase shrinks)",
};

/**
 * The rule applied to aggregate intervals of bounded measures ({@link MEASURE_RANGE}), naming
 * them from the registry: the Wald interval is cut at the measure's range, and the cut is
 * reported.
 */
export const AGGREGATE_RANGE_RULE: string = (() => {
  const groups = new Map<string, string[]>();
  for (const d of EFFECT_SIZES) {
    if (!d.range) continue;
    const key = `[${d.range.map((v) => String(v).replace("-", "−")).join(", ")}]`;
    groups.set(key, [...(groups.get(key) ?? []), d.label]);
  }
  const bounded = [...groups].map(([range, labels]) => `${labels.join(", ")} in ${range}`);
  return `For bounded measures (${bounded.join("; ")}) the aggregate's Wald interval ` +
    "Est ± z·SE is truncated to the measure's range; `waldCi` keeps the untruncated limits.";
})();

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
  /** Estimate − z·SE, truncated to the measure's range for bounded measures. */
  ciLower: number | null;
  /** Estimate + z·SE, truncated to the measure's range for bounded measures. */
  ciUpper: number | null;
  /** The untruncated Wald limits, when truncation changed them. */
  waldCi?: { lower: number; upper: number };
  /** Cases aggregated. */
  n: number;
  /** The weight of each case, normalised to sum to 1. */
  weights: { caseId: string; weight: number }[];
  /** Cases left out, with why. */
  excluded: Exclusion[];
  /** Why a field is null. */
  reason?: string;
}

/**
 * The weight of one case's estimate under a scheme, as SingleCaseES `calc_ES_weights` defines
 * it; "1/nA+1/nB" is the literal sum 1/nA + 1/nB (so shorter phases weigh more).
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
      return 1 / a + 1 / b;
  }
}

/**
 * Aggregates per-case effect sizes: Est = Σw·Est/Σw, SE = √(Σw²SE²)/Σw, CI = Est ± z·SE
 * (SingleCaseES `batch_calc_ES`), the CI of bounded measures truncated to their range
 * ({@link AGGREGATE_RANGE_RULE}). Cases whose estimate is null are left out with their reason;
 * "1/V" needs every SE.
 *
 * @param results The per-case results (one measure).
 * @param caseIds The case of each result.
 * @param weighting The scheme.
 * @param confidence Confidence level (default 0.95).
 * @param range The range the measure can take on these data ({@link attainableRange}), when
 * narrower than the registry's.
 * @returns The aggregate.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { aggregateEffectSizes, effectSize } from "#lib/mod.ts";
 * const opts = { improvement: "decrease" as const };
 * const rs = [effectSize("PND", [5, 6], [1, 2], opts), effectSize("PND", [5, 6], [1, 7], opts)];
 * assert.equal(aggregateEffectSizes(rs, ["a", "b"], "equal").estimate, 0.75);
 * ```
 */
export function aggregateEffectSizes(
  results: readonly EffectSizeResult<Measure>[],
  caseIds: readonly string[],
  weighting: Weighting,
  confidence = 0.95,
  range?: readonly [number, number],
): AggregateResult {
  if (results.length !== caseIds.length) {
    throw new RangeError(
      `aggregateEffectSizes: expected one case id per result, got ${caseIds.length} ids for ` +
        `${results.length} results`,
    );
  }
  const measure = results[0]?.measure ?? "NAP";
  const excluded: Exclusion[] = [];
  const used: { caseId: string; r: EffectSizeResult<Measure>; w: number }[] = [];
  results.forEach((r, i) => {
    if (r.estimate === null) {
      excluded.push({ caseId: caseIds[i], reason: r.reason ?? "estimate not defined" });
      return;
    }
    const w = weightOf(weighting, r);
    if (w === null) {
      excluded.push({
        caseId: caseIds[i],
        reason: r.se === 0
          ? "a standard error of 0 (the values it rests on do not vary): no weight 1/V"
          : `no standard error for weighting 1/V${r.reason ? ` (${r.reason})` : ""}`,
      });
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
  // No interval when some case has no SE, or an SE of 0 (the values it rests on do not vary),
  // which would pool as certain: the aggregate's interval would be too narrow, or of no width.
  const certain = used.filter((u) => u.r.se === 0).map((u) => u.caseId);
  const noInterval = used.some((u) => u.r.se === null)
    ? "some case has no standard error"
    : certain.length > 0
    ? `no interval: the standard error of ${casesListing(certain)} is 0 (the values it rests ` +
      "on do not vary), and pooled it would count as certain"
    : null;
  if (noInterval !== null) {
    return {
      ...base,
      estimate: est,
      se: null,
      ciLower: null,
      ciUpper: null,
      weights,
      reason: noInterval,
    };
  }
  const se = Math.sqrt(used.reduce((s, u) => s + u.w * u.w * u.r.se! ** 2, 0)) / sw;
  const z = zFor(confidence);
  const lower = est - z * se;
  const upper = est + z * se;
  const bounds = range ?? MEASURE_RANGE[measure];
  if (bounds && (lower < bounds[0] || upper > bounds[1])) {
    return {
      ...base,
      estimate: est,
      se,
      ciLower: Math.max(lower, bounds[0]),
      ciUpper: Math.min(upper, bounds[1]),
      waldCi: { lower, upper },
      weights,
    };
  }
  return { ...base, estimate: est, se, ciLower: lower, ciUpper: upper, weights };
}

/**
 * Effect size of every case (baseline = before `drug`, treatment = after) and its aggregate.
 *
 * @param cases The cases.
 * @param measure The measure.
 * @param options Effect-size options.
 * @param extra Drug, bound and weighting (default "equal", as SingleCaseES).
 * @returns Per-case results (with each case's phases) and the aggregate.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { caseEffectSizes, effectSize, loadCaseSeries, phases, reportable } from "#lib/mod.ts";
 * const cases = (await loadCaseSeries()).cases;
 * const options = { improvement: "decrease" } as const;
 * const c = cases.find((x) => !phases(x).reason)!;
 * const p = phases(c);
 * const nap = effectSize("NAP", p.baseline, p.treatment, options);
 * // One result per case: NAP of its own two phases, shown only when each phase has the study's
 * // fewest values (`minPoints` overrides it).
 * const r = caseEffectSizes(cases, "NAP", options);
 * const of = (x: typeof r) => x.perCase.find((y) => y.caseId === c.id)!.result.estimate;
 * assert.equal(r.perCase.length, cases.length);
 * assert.equal(of(r), reportable(nap, c.study.minPointsPerPhase).estimate);
 * assert.equal(of(caseEffectSizes(cases, "NAP", options, { minPoints: 1 })), nap.estimate);
 * ```
 */
export function caseEffectSizes(
  cases: readonly Case[],
  measure: Measure,
  options: EffectSizeOptions,
  extra: {
    drug?: string;
    bound?: ExtractionBound;
    weighting?: Weighting;
    /** The fewest values per phase for a case's index to count (default: the study's). */
    minPoints?: number;
  } = {},
): {
  perCase: { caseId: string; result: EffectSizeResult<Measure> }[];
  aggregate: AggregateResult;
} {
  expectCases("caseEffectSizes", cases);
  checkOptions("caseEffectSizes", effectSizeOptionsSchema, options, EFFECT_SIZE_HINT);
  checkOptions("caseEffectSizes", caseEffectSizesExtraSchema, extra);
  const perCase = cases.map((c) => {
    const p = phases(c, { drug: extra.drug, bound: extra.bound });
    const result = effectSize(measure, p.baseline, p.treatment, options);
    if (p.reason) return { caseId: c.id, result: { ...result, reason: p.reason } };
    return {
      caseId: c.id,
      result: reportable(
        result,
        extra.minPoints ?? c.study.minPointsPerPhase,
        attainableRange(measure, options),
      ),
    };
  });
  return {
    perCase,
    aggregate: aggregateEffectSizes(
      perCase.map((x) => x.result),
      perCase.map((x) => x.caseId),
      extra.weighting ?? "equal",
      options.confidence,
      attainableRange(measure, options),
    ),
  };
}
