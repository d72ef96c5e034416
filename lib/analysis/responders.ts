/**
 * Who responds to the drug of interest: responders at each threshold with exact (Clopper–Pearson)
 * intervals, and the cumulative responder curve. Every case is counted or listed as excluded with
 * the reason.
 *
 * @module
 */
import { expectSeriesDrug } from "../series_drugs.ts";
import { expectCases } from "../args.ts";
import type { Case } from "../model.ts";
import type { ResponderThreshold } from "../study.ts";
import { studyOf, valueScale } from "../cases.ts";
import { described, type ValueScale } from "../scales.ts";
import { type ChangeOptions, NO_PERCENT, reaches } from "./change.ts";
import { changeOrExclusion } from "./exclusions.ts";
import { clopperPearsonLimits } from "../stats/distributions.ts";
import type { Exclusion } from "../stats/types.ts";
import { checkOptions } from "../options.ts";
import { responderCurveOptionsSchema, respondersOptionsSchema } from "./option_schemas.ts";

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
 * A proportion with its exact Clopper–Pearson interval.
 *
 * @param count Successes (0 ≤ count ≤ n).
 * @param n Cases.
 * @param confidence Confidence level (default 0.95).
 * @returns The proportion with its limits (all `null` when n = 0).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { clopperPearson } from "#lib/mod.ts";
 * const p = clopperPearson(3, 3);
 * assert.equal(p.proportion, 1);
 * assert.ok(Math.abs(p.ciLower! - 0.025 ** (1 / 3)) < 1e-12); // 0.2924…
 * ```
 */
export function clopperPearson(count: number, n: number, confidence = 0.95): Proportion {
  if (n === 0) {
    return { count, n, proportion: null, ciLower: null, ciUpper: null, confidence };
  }
  const { lower, upper } = clopperPearsonLimits(count, n, confidence);
  return { count, n, proportion: count / n, ciLower: lower, ciUpper: upper, confidence };
}

/** Which post-drug observation a responder analysis uses. */
export type Timing = "first" | "last";

/**
 * Words for a threshold.
 *
 * @param t The threshold.
 * @param scale How the values are described (`valueScale`: a points threshold, on the common
 * metric, is written in its numbers and unit: 2 points are 20 mm of a 100 mm VAS); default the
 * common metric's points. (A unit alone is not taken: it would write 2 points as "2 mm".)
 * @returns For example "≥50% reduction" or "≥2 cm reduction".
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { SCALES, scaleLabel, thresholdLabel } from "#lib/mod.ts";
 * assert.equal(thresholdLabel({ kind: "percent", value: 50 }), "≥50% reduction");
 * assert.equal(thresholdLabel({ kind: "points", value: 2 }), "≥2 points reduction");
 * const cm = scaleLabel([SCALES["vas-10cm"]]);
 * assert.equal(thresholdLabel({ kind: "points", value: 2 }, cm), "≥2 cm reduction");
 * const mm = scaleLabel([SCALES["vas-100mm"]]);
 * assert.equal(thresholdLabel({ kind: "points", value: 2 }, mm), "≥20 mm reduction");
 * // Values on mixed scales are on the common metric, and the label says so.
 * const mixed = scaleLabel([SCALES["vas-10cm"], SCALES["nrs-0-10"]]);
 * assert.equal(
 *   thresholdLabel({ kind: "points", value: 2 }, mixed),
 *   "≥2 points reduction on the common 0–10 metric",
 * );
 * ```
 */
export function thresholdLabel(
  t: ResponderThreshold,
  scale: Pick<ValueScale, "unit" | "factor"> & { metric?: string } = { unit: "points", factor: 1 },
): string {
  if (t.kind === "percent") return `≥${t.value}% reduction`;
  return `≥${described(scale, t.value)} ${scale.unit} reduction${
    scale.metric ? ` ${scale.metric}` : ""
  }`;
}

/** The responder count for one threshold and timing. */
export interface ResponderRow extends Proportion {
  /** The threshold. */
  threshold: ResponderThreshold;
  /** First or last post-drug observation. */
  timing: Timing;
  /** Case ids that reach it. */
  responders: string[];
  /** Cases left out (never take the drug, no baseline, no post-drug value), with why. */
  excluded: Exclusion[];
  /** Options used. */
  options: Required<ChangeOptions>;
  /** Unit of a points threshold: the values' scale (`valueScale`), for labels. */
  unit: string;
  /** What a points threshold is multiplied by to be in `unit` (`valueScale`: 10 for mm). */
  factor: number;
  /** "" when the values are on their own scale, else "on the common 0–10 metric" (`valueScale`). */
  metric: string;
  /**
   * Cases whose verdict changes within the bounds of their values (a value or baseline stated
   * as a range): counted by their nominal value (`responder`), but not surely so.
   */
  uncertain: { caseId: string; responder: boolean }[];
}

/**
 * Responders at each threshold at the first and at the last post-drug observation, at nominal
 * values, with exact confidence intervals. Cases that cannot be assessed are listed in
 * `excluded` with the reason.
 *
 * @param cases The cases.
 * @param options Drug, baseline definition, thresholds and confidence (defaults from the study: `data/study.json`).
 * @returns One row per timing and threshold.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, responders } from "#lib/mod.ts";
 * const rows = responders((await loadCaseSeries()).cases);
 * // count is the number of responders named, out of the n cases assessed.
 * assert.ok(rows.every((r) => r.count === r.responders.length && r.count <= r.n));
 * ```
 */
export function responders(
  cases: readonly Case[],
  options: ChangeOptions & { thresholds?: readonly ResponderThreshold[]; confidence?: number } = {},
): ResponderRow[] {
  expectCases("responders", cases);
  checkOptions("responders", respondersOptionsSchema, options);
  expectSeriesDrug("responders (options.drug)", cases, options.drug);
  const study = studyOf(cases);
  const opts = {
    drug: options.drug ?? study?.drug ?? "",
    baseline: options.baseline ?? study?.baseline ?? "last",
  };
  const changes = cases.map((c) => changeOrExclusion(c, opts));
  // The unit of the values assessed (cases excluded do not change it).
  const { unit, factor, metric } = valueScale(
    cases.filter((_, i) => !("excluded" in changes[i])),
  );
  const rows: ResponderRow[] = [];
  for (const timing of ["first", "last"] as const) {
    for (const threshold of options.thresholds ?? study?.thresholds ?? []) {
      const excluded: Exclusion[] = [];
      const hits: string[] = [];
      const uncertain: ResponderRow["uncertain"] = [];
      let n = 0;
      for (const x of changes) {
        if ("excluded" in x) {
          excluded.push(x.excluded);
          continue;
        }
        const ch = x.change;
        const p = timing === "first" ? ch.points[0] : ch.points.at(-1);
        if (!p) {
          excluded.push({
            caseId: ch.caseId,
            reason: ch.reason ?? `no pain value after ${opts.drug}`,
          });
          continue;
        }
        // A percent of a baseline that may be 0 is not defined; a change in points still is.
        if (threshold.kind === "percent" && p.percentReduction === null) {
          excluded.push({ caseId: ch.caseId, reason: NO_PERCENT });
          continue;
        }
        n++;
        // The reduction at the nominal values and over the values' bounds.
        const [value, least, most] = threshold.kind === "percent"
          ? [p.percentReduction!.nominal, p.percentReduction!.lo, p.percentReduction!.hi]
          : [-p.change.nominal, -p.change.hi, -p.change.lo];
        const reached = (x: number) => reaches(x, threshold.value);
        if (reached(value)) hits.push(ch.caseId);
        if (reached(least) !== reached(most)) {
          uncertain.push({ caseId: ch.caseId, responder: reached(value) });
        }
      }
      rows.push({
        ...clopperPearson(hits.length, n, options.confidence),
        threshold,
        timing,
        responders: hits,
        excluded,
        options: opts,
        unit,
        factor,
        metric,
        uncertain,
      });
    }
  }
  return rows;
}

/** One point of a cumulative responder curve. */
export interface ResponderCurvePoint {
  /** Percent reduction threshold. */
  threshold: number;
  /** Share of cases reaching it, or `null` when no case can be assessed. */
  proportion: number | null;
  /** Cases reaching it. */
  count: number;
  /** Lower limit of the share's exact (Clopper–Pearson) interval; `null` when n = 0. */
  ciLower: number | null;
  /** Upper limit of that interval. */
  ciUpper: number | null;
  /** First or last post-drug observation. */
  timing: Timing;
  /** Cases in the denominator. */
  n: number;
  /** Cases left out of the curve, with why. */
  excluded: Exclusion[];
}

/**
 * Cumulative responder curve: for every percent reduction from 0 to 100 in `step`s, the share of
 * cases whose reduction (nominal) reaches it, at the first and at the last post-drug value, with
 * its exact (Clopper–Pearson) interval.
 *
 * @param cases The cases.
 * @param options Drug, baseline definition, step (default 1 percentage point) and confidence of
 * the intervals (default 0.95).
 * @returns The points, first timing then last.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, responderCurve } from "#lib/mod.ts";
 * const curve = responderCurve((await loadCaseSeries()).cases);
 * // The share falls (or stays) as the threshold rises.
 * const first = curve.filter((p) => p.timing === "first");
 * assert.ok(first.every((p, i) => i === 0 || p.count <= first[i - 1].count));
 * assert.ok(first.every((p) => p.n === 0 || p.proportion === p.count / p.n));
 * ```
 */
export function responderCurve(
  cases: readonly Case[],
  options: ChangeOptions & { step?: number; confidence?: number } = {},
): ResponderCurvePoint[] {
  expectCases("responderCurve", cases);
  checkOptions("responderCurve", responderCurveOptionsSchema, options);
  expectSeriesDrug("responderCurve (options.drug)", cases, options.drug);
  const step = options.step ?? 1;
  if (!(step > 0)) throw new RangeError(`responderCurve: step must be > 0, got ${step}`);
  const drug = options.drug ?? studyOf(cases)?.drug ?? "";
  const changes = cases.map((c) => changeOrExclusion(c, options));
  const out: ResponderCurvePoint[] = [];
  for (const timing of ["first", "last"] as const) {
    const reductions: number[] = [];
    const excluded: Exclusion[] = [];
    for (const x of changes) {
      if ("excluded" in x) {
        excluded.push(x.excluded);
        continue;
      }
      const p = timing === "first" ? x.change.points[0] : x.change.points.at(-1);
      if (p?.percentReduction) reductions.push(p.percentReduction.nominal);
      else {
        excluded.push({
          caseId: x.change.caseId,
          reason: p ? NO_PERCENT : x.change.reason ?? `no pain value after ${drug}`,
        });
      }
    }
    for (let t = 0; t <= 100 + 1e-9; t += step) {
      const threshold = Math.round(t * 1e6) / 1e6;
      const count = reductions.filter((r) => reaches(r, threshold)).length;
      const share = clopperPearson(count, reductions.length, options.confidence ?? 0.95);
      out.push({
        threshold,
        timing,
        n: reductions.length,
        excluded,
        count,
        proportion: share.proportion,
        ciLower: share.ciLower,
        ciUpper: share.ciUpper,
      });
    }
  }
  return out;
}
