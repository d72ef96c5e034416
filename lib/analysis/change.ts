/**
 * Per-case change in pain after a drug: absolute and percent change with IMMPACT classes, and time
 * to 30 % and 50 % relief. Every quantity that comes from intervals comes back as an interval with
 * its nominal value; the area under the curve is in `course.ts`, the rates per dose period in
 * `period_rates.ts`.
 *
 * @module
 */
import { expectSeriesDrug } from "../series_drugs.ts";
import { valueScale } from "../cases.ts";
import { expectCase, expectInterval } from "../args.ts";
import {
  atBound,
  type ExtractionBound,
  formatDay,
  formatInterval,
  type NominalInterval,
} from "../intervals.ts";
import type { Case } from "../model.ts";
import {
  alignOnDrug,
  type Baseline,
  baseline,
  datedGap,
  firstPeriod,
  neverTakes,
} from "../timeline.ts";
import { type BaselineDefinition, pointsThreshold } from "../study.ts";
import { checkOptions } from "../options.ts";
import { changeOptionsSchema } from "./option_schemas.ts";

/** IMMPACT classes of a percent reduction in pain (Dworkin et al. 2008). */
export type ImmpactClass = "none" | "minimal" | "moderate" | "substantial";

/** Values within this of a threshold count as on it (guards 50 % against 49.999…). */
const EPS = 1e-9;

/**
 * Whether a value reaches a threshold: at or above it, a value within floating-point error
 * below it counting as on it (50 % is not missed as 49.999…). Every count of responders and
 * every "reached" of the analyses decides by it.
 *
 * @param x The value (a reduction, in percent or points).
 * @param threshold The threshold.
 * @returns Whether it reaches it.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { reaches } from "#lib/mod.ts";
 * assert.equal(reaches(100 * (4 - 2) / 4, 50), true);
 * assert.equal(reaches(100 * 0.3 / (1 - 0.4) - 1e-12, 50), true); // 49.999…: on it
 * assert.equal(reaches(48.1, 50), false);
 * ```
 */
export function reaches(x: number, threshold: number): boolean {
  return x + EPS >= threshold;
}

/**
 * IMMPACT class of a percent reduction: < 10 % none (including any increase), 10–< 30 %
 * minimal, 30–< 50 % moderate, ≥ 50 % substantial.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { immpactClass } from "#lib/mod.ts";
 * assert.equal(immpactClass(50), "substantial");
 * assert.equal(immpactClass(29.9), "minimal");
 * ```
 */
export function immpactClass(percentReduction: number): ImmpactClass {
  const p = percentReduction + EPS;
  return p >= 50 ? "substantial" : p >= 30 ? "moderate" : p >= 10 ? "minimal" : "none";
}

/**
 * Why a value after the drug has no percent reduction: its baseline's lower bound is 0 (a stated
 * range such as "0–8"), and no percent of a baseline that may be 0 is defined
 * ({@link percentReduction}).
 */
export const NO_PERCENT = "the baseline may be 0: no percent of it";

/**
 * Percent reduction 100·(b − v)/b over intervals: smallest at (b.lo, v.hi), largest at
 * (b.hi, v.lo). `null` when the baseline can be 0.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { percentReduction } from "#lib/mod.ts";
 * assert.deepEqual(
 *   percentReduction({ lo: 8, hi: 8, nominal: 8 }, { lo: 0, hi: 1, nominal: 0.5 }),
 *   { lo: 87.5, hi: 100, nominal: 93.75 },
 * );
 * ```
 */
export function percentReduction(b: NominalInterval, v: NominalInterval): NominalInterval | null {
  expectInterval("percentReduction", "the baseline", b);
  expectInterval("percentReduction", "the value", v);
  if (b.lo <= 0) return null;
  return {
    lo: 100 * (b.lo - v.hi) / b.lo,
    hi: 100 * (b.hi - v.lo) / b.hi,
    nominal: 100 * (b.nominal - v.nominal) / b.nominal,
  };
}

/** One post-drug observation compared with the baseline. */
export interface ChangePoint {
  /** Time point of the observation. */
  timeId: string;
  /** Days since the drug start. */
  day: NominalInterval;
  /**
   * Whether the text dates it relative to the drug start (see `datedGap`): when `false`, the
   * nominal day is only a placeholder the order of the narrative puts there (`after`/`before`:
   * midway between the time points narrated around it, or at the one it follows or precedes)
   * and is not shown as a date.
   */
  dated: boolean;
  /** The value on the common 0–10 metric. */
  common: NominalInterval;
  /** Value minus baseline (points of the common metric; negative is improvement). */
  change: NominalInterval;
  /** Percent reduction from baseline; `null` when the baseline is 0. */
  percentReduction: NominalInterval | null;
  /** IMMPACT class at the nominal values and at the least and most favourable bounds. */
  immpact: { nominal: ImmpactClass; worst: ImmpactClass; best: ImmpactClass } | null;
  /**
   * Whether the reduction reaches the study's threshold in scale points (`study.json` `responder_thresholds`, kind
   * "points"; IMMPACT: 2 cm): at the nominal values, surely, possibly; `null` when the study sets
   * no such threshold.
   */
  pointsReduction:
    | { threshold: number; nominal: boolean; surely: boolean; possibly: boolean }
    | null;
}

/** Change after a drug for one case under one baseline definition. */
export interface CaseChange {
  /** Case id. */
  caseId: string;
  /** The drug whose start is day 0. */
  drug: string;
  /** The baseline used. */
  baseline: Baseline;
  /** Post-drug observations, in order. */
  points: ChangePoint[];
  /** Number of post-drug observations. */
  n: number;
  /** Why `points` is empty. */
  reason?: string;
}

/** Options shared by the per-case computations. */
export interface ChangeOptions {
  /** The drug whose start is day 0 (default: the study's drug of interest). */
  drug?: string;
  /** Baseline definition (default: the study's, `baseline` in `data/study.json`). */
  baseline?: BaselineDefinition;
}

/**
 * Baseline pain value and every later value of a case: absolute and percent change, IMMPACT class and
 * the study's threshold in scale points.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { caseChange, loadCaseSeries } from "#lib/mod.ts";
 * const c = (await loadCaseSeries()).cases.find((x) => caseChange(x).points.length > 0)!;
 * const ch = caseChange(c);
 * // Percent reduction = 100·(baseline − value)/baseline, at nominal values.
 * const [b, v] = [ch.baseline.common!.nominal, ch.points[0].common.nominal];
 * assert.ok(Math.abs(ch.points[0].percentReduction!.nominal - 100 * (b - v) / b) < 1e-9);
 * ```
 */
export function caseChange(c: Case, options: ChangeOptions = {}): CaseChange {
  expectCase("caseChange", c);
  checkOptions("caseChange", changeOptionsSchema, options);
  expectSeriesDrug("caseChange (options.drug)", c, options.drug);
  const drug = options.drug ?? c.study.drug;
  const definition = options.baseline ?? c.study.baseline;
  const pointsCut = pointsThreshold(c.study);
  const start = firstPeriod(c, drug);
  if (!start) {
    const reason = neverTakes(c, drug);
    return {
      caseId: c.id,
      drug,
      baseline: { definition, common: null, n: 0, reason },
      points: [],
      n: 0,
      reason,
    };
  }
  const base = baseline(c, drug, definition);
  const after = alignOnDrug(c, drug).filter((o) => o.phase === "after");
  if (base.common === null) {
    return { caseId: c.id, drug, baseline: base, points: [], n: after.length, reason: base.reason };
  }
  if (after.length === 0) {
    return {
      caseId: c.id,
      drug,
      baseline: base,
      points: [],
      n: 0,
      reason: `no ${valueScale([c]).name} value after ${drug}`,
    };
  }
  const b = base.common;
  const points = after.map((o): ChangePoint => {
    const change = {
      lo: o.common.lo - b.hi,
      hi: o.common.hi - b.lo,
      nominal: o.common.nominal - b.nominal,
    };
    const pr = percentReduction(b, o.common);
    return {
      timeId: o.day.timeId,
      day: o.relative,
      dated: datedGap(c, o.day.timeId, start.start.timeId),
      common: o.common,
      change,
      percentReduction: pr,
      immpact: pr
        ? {
          nominal: immpactClass(pr.nominal),
          worst: immpactClass(pr.lo),
          best: immpactClass(pr.hi),
        }
        : null,
      pointsReduction: pointsCut === null ? null : {
        threshold: pointsCut,
        nominal: reaches(-change.nominal, pointsCut),
        surely: reaches(-change.hi, pointsCut),
        possibly: reaches(-change.lo, pointsCut),
      },
    };
  });
  return { caseId: c.id, drug, baseline: base, points, n: points.length };
}

/**
 * " (possibly by day …: …% over the bounds of the value and its baseline)" for the first value
 * whose reduction reaches `thresholdPct` at some value the bounds allow ("possibly already by day"
 * when a later value reaches it at its nominal value), or "".
 */
function possibly(points: readonly ChangePoint[], thresholdPct: number, already = false): string {
  const p = points.find((x) =>
    x.percentReduction !== null && reaches(x.percentReduction.hi, thresholdPct)
  );
  return p
    ? ` (possibly ${already ? "already " : ""}by day ${formatDay(p.day, p.dated)}: ${
      formatInterval(p.percentReduction!, 1)
    }% over the bounds of the value and its baseline)`
    : "";
}

/**
 * The first value after the drug whose percent reduction reaches `thresholdPct` at an extraction
 * bound, and its day at that bound: at the nominal values, the nominal reduction and day; at the
 * bound most favourable to the drug, the greatest reduction the bounds allow (a value may reach
 * it earlier) and the earliest day; at the least favourable, the smallest reduction and the
 * latest day. Which value first reaches the threshold thus moves with the bound, not only its
 * day. "First" is by that day, not by the order of the points: of the values reaching it, the one
 * whose day at the bound is least (the earliest a value reaching it can be seen; at the least
 * favourable bound, the latest that still holds whatever the order of the values, which the rows'
 * order does not fix). `null` when no value reaches it at that bound (or none has a percent
 * reduction).
 *
 * @param points The values after the drug, in order (`caseChange(c).points`).
 * @param thresholdPct The percent reduction to reach.
 * @param bound Nominal values, or the bound favouring or disfavouring the drug.
 * @returns The value and its day at the bound (infinite when the text leaves it open), or `null`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { reliefAtBound } from "#lib/mod.ts";
 * const point = (pr: [number, number, number], day: [number, number, number]) => ({
 *   percentReduction: { lo: pr[0], nominal: pr[1], hi: pr[2] },
 *   day: { lo: day[0], nominal: day[1], hi: day[2] },
 * });
 * // 27.7–32.8% within a week, then 80% within [0, 195] days.
 * const points = [point([27.7, 30.3, 32.8], [0, 7, 7]), point([80, 81.8, 83.6], [0, 97.5, 195])];
 * assert.equal(reliefAtBound(points, 30, "nominal")!.day, 7);
 * assert.equal(reliefAtBound(points, 30, "best")!.day, 0);
 * // At the least favourable bound the first value reduces pain by 27.7% only: the second reaches 30%.
 * assert.equal(reliefAtBound(points, 30, "worst")!.day, 195);
 * assert.equal(reliefAtBound(points, 90, "best"), null);
 * // A later point whose day may come first: the bound takes the earliest, whatever the order.
 * const swapped = [point([40, 45, 50], [10, 20, 30]), point([40, 45, 50], [0, 5, 8])];
 * assert.deepEqual([reliefAtBound(swapped, 30, "best")!.day, reliefAtBound(swapped, 30, "worst")!.day], [0, 8]);
 * ```
 */
export function reliefAtBound<
  P extends Pick<ChangePoint, "percentReduction" | "day">,
>(
  points: readonly P[],
  thresholdPct: number,
  bound: ExtractionBound,
): { point: P; day: number } | null {
  let best: { point: P; day: number } | null = null;
  for (const p of points) {
    if (p.percentReduction === null) continue;
    if (!reaches(atBound(p.percentReduction, bound, true), thresholdPct)) continue;
    // The earliest day at this bound; on a tie, the point given first.
    const day = atBound(p.day, bound, false);
    if (best === null || day < best.day) best = { point: p, day };
  }
  return best;
}

/** Time from the drug start to the first observation reaching a percent reduction. */
export interface TimeToRelief {
  /** Case id. */
  caseId: string;
  /** Drug and baseline definition used. */
  options: Required<ChangeOptions>;
  /** The percent-reduction threshold. */
  thresholdPct: number;
  /** Whether any post-drug observation reaches it (at nominal values). */
  reached: boolean;
  /** Days since the drug start of the first observation reaching it, or of the last one. */
  day: NominalInterval | null;
  /** Time point of that observation. */
  timeId: string | null;
  /**
   * "reached by day …" ("reached at a value whose day is not stated (days …)" where the text
   * does not date it), "not reached by day …", or "no comparison possible (why)": no value after
   * the drug to compare, or none with a percent reduction ({@link NO_PERCENT}).
   */
  summary: string;
  /** Number of post-drug observations examined. */
  n: number;
}

/**
 * Time to the first post-drug observation with a percent reduction ≥ `thresholdPct` (nominal
 * values), as the interval of its time bounds; otherwise "not reached by day d" (d the last
 * observation), or "no comparison possible" with why when no value after the drug has a percent
 * reduction (there is none, or the baseline may be 0: {@link NO_PERCENT}). The true time of
 * relief may be earlier: values are reported, not continuous.
 * A nominal day the text does not date (a point placed only by the narrative) is not shown.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { caseChange, loadCaseSeries, timeToRelief } from "#lib/mod.ts";
 * // Where relief is reached, the value it names is the first to reach 50%.
 * for (const c of (await loadCaseSeries()).cases) {
 *   const t = timeToRelief(c, 50);
 *   if (!t.reached) continue;
 *   const points = caseChange(c).points;
 *   const i = points.findIndex((p) => p.timeId === t.timeId);
 *   assert.ok(points[i].percentReduction!.nominal >= 50);
 *   assert.ok(points.slice(0, i).every((p) => (p.percentReduction?.nominal ?? 0) < 50));
 * }
 * ```
 */
export function timeToRelief(
  c: Case,
  thresholdPct: number,
  options: ChangeOptions = {},
): TimeToRelief {
  expectCase("timeToRelief", c);
  checkOptions("timeToRelief", changeOptionsSchema, options);
  expectSeriesDrug("timeToRelief (options.drug)", c, options.drug);
  const opts = {
    drug: options.drug ?? c.study.drug,
    baseline: options.baseline ?? c.study.baseline,
  };
  const ch = caseChange(c, opts);
  const hit = ch.points.find((p) =>
    p.percentReduction !== null && reaches(p.percentReduction.nominal, thresholdPct)
  );
  if (hit) {
    return {
      caseId: c.id,
      options: opts,
      thresholdPct,
      reached: true,
      day: hit.day,
      timeId: hit.timeId,
      // "By day [0, 195] (no date stated)" reads as a date: an undated value is said to be one.
      summary: (hit.dated || hit.day.lo === hit.day.hi
        ? `reached by day ${formatDay(hit.day, true)}`
        : `reached at a value whose day is not stated (days ${formatInterval(hit.day)})`) +
        // A value stated as a range may reach it only at its nominal value.
        (!reaches(hit.percentReduction!.lo, thresholdPct)
          ? ` (at the nominal value: ${formatInterval(hit.percentReduction!, 1)}% over the ` +
            "bounds of the value and its baseline)"
          : "") +
        // An earlier value may reach it at some value its bounds allow.
        possibly(ch.points.slice(0, ch.points.indexOf(hit)), thresholdPct, true),
      n: ch.n,
    };
  }
  const last = ch.points.at(-1);
  return {
    caseId: c.id,
    options: opts,
    thresholdPct,
    reached: false,
    day: last?.day ?? null,
    timeId: last?.timeId ?? null,
    // No value with a percent reduction (a baseline that may be 0) is not a threshold not reached.
    summary: !last
      ? `no comparison possible (${ch.reason ?? "no post-drug value"})`
      : ch.points.every((p) => p.percentReduction === null)
      ? `no comparison possible (${NO_PERCENT})`
      : `not reached by day ${formatDay(last.day, last.dated)}` + possibly(ch.points, thresholdPct),
    n: ch.n,
  };
}
