/**
 * The course of pain between a case's values after a drug: the area under the pain curve over a
 * window, and the rate of change per dose period, each with bounds over the admissible times and
 * values (an area's keep the values in the order given: `orderAssumed` names what that assumes).
 *
 * @module
 */
import type { ChangeOptions } from "./change.ts";
import { expectCase } from "../args.ts";
import { linearRegression } from "simple-statistics";
import type { NominalInterval } from "../intervals.ts";
import { type Case, compareDays, type Day, type Observation, type Treatment } from "../model.ts";
import {
  type AlignedObservation,
  alignOnDrug,
  datedGap,
  firstPeriod,
  neverTakes,
  type Phase,
  relativeDay,
} from "../timeline.ts";
import { listing, plural } from "../prose.ts";
import { leastSquaresSlopeBounds } from "./slope_bounds.ts";
import { checkOptions } from "../options.ts";
import { changeOptionsSchema } from "./option_schemas.ts";

/** Area under the pain curve over a window, with bounds over the admissible times (in the order
 * given: `orderAssumed`) and values. */
export interface AreaUnderCurve {
  /** Case id. */
  caseId: string;
  /** The drug whose start is day 0. */
  drug: string;
  /** The window asked for, in days since the drug start. */
  window: { from: number; to: number };
  /**
   * The span actually integrated: nominal days of the first and last observation used (an area
   * covers only the time between reported values), `null` when no area is computed.
   */
  span: { from: number; to: number } | null;
  /** Time ids of observations used whose nominal day is a placeholder (no date stated). */
  undated: string[];
  /**
   * AUC (points of the common metric × days; cm·days on a 10 cm VAS) at nominal times and values,
   * and its least and greatest admissible values: `lo`/`hi` are `null`, with `boundsReason`,
   * where some admissible times give no area (`partialBounds` then spans those that give one).
   */
  auc: { lo: number | null; hi: number | null; nominal: number } | null;
  /** AUC divided by the integrated span (points of the common metric), at nominal values. */
  timeWeightedMean: number | null;
  /**
   * The time-weighted mean at the nominal days with every value at its lower, then its upper
   * bound (equal to `timeWeightedMean` when every value is exact); `null` with it.
   */
  timeWeightedMeanBounds: { lo: number; hi: number } | null;
  /** Number of observations used. */
  n: number;
  /** Observations left out because the drug start may fall after them, with why. */
  excluded: { timeId: string; reason: string }[];
  /** Why `auc` is null. */
  reason?: string;
  /**
   * Why the area's bounds are not defined although its nominal value is: for some admissible
   * times fewer than two values fall in the window (a value whose time interval reaches past the
   * window's edge), and no area exists there. `auc.lo`/`auc.hi` are then `null`.
   */
  boundsReason?: string;
  /** With `boundsReason`: the least and greatest area over the admissible times that give one. */
  partialBounds?: { lo: number; hi: number };
  /**
   * What the area's bounds assume and the text does not fix: values that may fall in the window
   * are taken in the order they are given (by nominal day), and these pairs may come in either
   * order (`relativeDay` allows the later one before the earlier), so a placement that swaps
   * them is not among those the bounds cover; absent when the text fixes their order.
   */
  orderAssumed?: string;
}

/** Trapezoid area of points in order. */
function trapezoid(t: number[], v: number[]): number {
  let s = 0;
  for (let i = 1; i < t.length; i++) s += (t[i] - t[i - 1]) * (v[i] + v[i - 1]) / 2;
  return s;
}

/**
 * Extreme trapezoid areas over times t_i in [lo_i, hi_i] kept in order. The area is linear in
 * the times for fixed values, so its extremes lie at vertices of the ordered box, where every time
 * equals one of the bounds: those are enumerated.
 */
function extremeAreas(
  lo: number[],
  hi: number[],
  v: number[],
): { min: number; max: number } {
  const candidates = [...new Set([...lo, ...hi])].sort((a, b) => a - b);
  let min = Infinity;
  let max = -Infinity;
  const t: number[] = [];
  const visit = (i: number) => {
    if (i === lo.length) {
      const a = trapezoid(t, v);
      min = Math.min(min, a);
      max = Math.max(max, a);
      return;
    }
    for (const x of candidates) {
      if (x < lo[i] || x > hi[i] || (i > 0 && x < t[i - 1])) continue;
      t[i] = x;
      visit(i + 1);
    }
  };
  visit(0);
  return { min, max };
}

/**
 * Time-weighted area under the pain curve (trapezoid rule, points × days) of the observations whose
 * nominal time lies in `[from, to]` days after the drug start, their time intervals clipped to the
 * window. A window after the start (`from ≥ 0`) takes only values surely after it (phase
 * "after"): a value narrated before the start, or one that may precede it, never enters a
 * post-drug area, and is listed in `excluded`. Bounds: the least area uses the lower value bounds,
 * the greatest the upper ones, each over every admissible placement of times in the order given, under which the
 * values in the window are those whose time falls in it (a value whose nominal day is outside may
 * fall inside, and one inside may fall outside); where some placement leaves fewer than two
 * values in the window, no area exists there and `boundsReason` says so (the bounds are then
 * `null`; `partialBounds` spans the placements that give an area). The placements keep the values
 * in the order given (by nominal day): where the text leaves two of them in either order
 * (`relativeDay`), a placement that swaps them is not covered, and `orderAssumed` names them.
 * Needs two observations at their nominal days; `span` says which days the area actually covers.
 *
 * @param c The case.
 * @param window Days since the drug start.
 * @param options Drug (default: the study's drug of interest).
 * @returns The area with its bounds, span and n, or `auc: null` with a reason.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { areaUnderCurve, loadCaseSeries } from "#lib/mod.ts";
 * const cases = (await loadCaseSeries()).cases;
 * const c = cases.find((x) => areaUnderCurve(x, { from: 0, to: 30 }).auc !== null)!;
 * const a = areaUnderCurve(c, { from: 0, to: 30 });
 * // The span integrated lies in the window; the mean is the area over the span.
 * assert.ok(0 <= a.span!.from && a.span!.to <= 30);
 * // Bounds, where every admissible time gives an area, hold the nominal area; else null, with why.
 * if (a.boundsReason === undefined) assert.ok(a.auc!.lo! <= a.auc!.nominal && a.auc!.nominal <= a.auc!.hi!);
 * else assert.equal(a.auc!.lo, null);
 * assert.ok(Math.abs(a.timeWeightedMean! - a.auc!.nominal / (a.span!.to - a.span!.from)) < 1e-9);
 * ```
 */
export function areaUnderCurve(
  c: Case,
  window: { from: number; to: number },
  options: ChangeOptions = {},
): AreaUnderCurve {
  expectCase("areaUnderCurve", c);
  checkOptions("areaUnderCurve", changeOptionsSchema, options);
  const drug = options.drug ?? c.study.drug;
  const empty = (n: number, reason: string, excluded: AreaUnderCurve["excluded"] = []) => ({
    caseId: c.id,
    drug,
    window,
    span: null,
    undated: [],
    auc: null,
    timeWeightedMean: null,
    timeWeightedMeanBounds: null,
    n,
    excluded,
    reason,
  });
  const start = firstPeriod(c, drug);
  if (!start) return empty(0, neverTakes(c, drug));
  const aligned = alignOnDrug(c, drug);
  const inWindow = aligned.filter((o) =>
    o.relative.nominal >= window.from && o.relative.nominal <= window.to
  );
  const wanted = window.from >= 0 ? "after" : window.to <= 0 ? "before" : null;
  const excluded = inWindow.filter((o) => wanted !== null && o.phase !== wanted).map((o) => ({
    timeId: o.day.timeId,
    reason: o.phase === "ambiguous"
      ? `may precede or follow the start of ${drug}`
      : `${o.phase} the start of ${drug}`,
  }));
  const obs = inWindow.filter((o) => wanted === null || o.phase === wanted);
  if (obs.length < 2) {
    return empty(
      obs.length,
      `${plural(obs.length, "observation")} in the window: an area needs two`,
      excluded,
    );
  }
  const t = obs.map((o) => o.relative.nominal);
  const nominal = trapezoid(t, obs.map((o) => o.common.nominal));
  const bounds = admissibleAreas(aligned, window, wanted);
  const swaps = unorderedPairs(c, aligned, window, wanted);
  const span = t[t.length - 1] - t[0];
  const placed = { lo: Math.min(bounds.lo, nominal), hi: Math.max(bounds.hi, nominal) };
  return {
    caseId: c.id,
    drug,
    window,
    span: { from: t[0], to: t[t.length - 1] },
    undated: obs.filter((o) => !datedGap(c, o.day.timeId, start.start.timeId)).map((o) =>
      o.day.timeId
    ),
    // Every admissible placement that gives an area includes the nominal one; where some give
    // none, the area has no bounds (null), and those of the placements that give one are apart.
    auc: bounds.fewer.length ? { lo: null, hi: null, nominal } : { ...placed, nominal },
    timeWeightedMean: span > 0 ? nominal / span : null,
    timeWeightedMeanBounds: span > 0
      ? {
        lo: trapezoid(t, obs.map((o) => o.common.lo)) / span,
        hi: trapezoid(t, obs.map((o) => o.common.hi)) / span,
      }
      : null,
    n: obs.length,
    excluded,
    ...(bounds.fewer.length
      ? {
        boundsReason: `for some admissible times fewer than two values fall in days ` +
          `${window.from}–${window.to} (${
            listing(bounds.fewer.map((f) => `${f.timeId} may fall ${f.side} day ${f.day}`))
          }), and no area exists there`,
        partialBounds: placed,
      }
      : {}),
    ...(swaps.length
      ? {
        orderAssumed: `the bounds take the values in the order given; the text leaves these ` +
          `pairs in either order: ${swaps.map(([a, b]) => `(${a}, ${b})`).join(", ")}`,
      }
      : {}),
  };
}

/**
 * The pairs of values of the right phase that may fall in the window whose order the text does
 * not fix: the later given may fall before the earlier (`relativeDay`'s least gap is below 0).
 * None when fewer than three values may fall in it (two give the same area in either order).
 */
function unorderedPairs(
  c: Case,
  aligned: readonly AlignedObservation[],
  window: { from: number; to: number },
  wanted: Phase | null,
): [string, string][] {
  const may = aligned.filter((o) =>
    (wanted === null || o.phase === wanted) && o.relative.hi >= window.from &&
    o.relative.lo <= window.to
  ).map((o) => o.day.timeId);
  // Two values give the same trapezoid in either order: only from three does an order matter.
  if (may.length < 3) return [];
  return may.flatMap((a, i) =>
    may.slice(i + 1).filter((b) => a !== b && relativeDay(c, b, a).lo < 0)
      .map((b): [string, string] => [a, b])
  );
}

/** The least and greatest areas over the admissible placements of the values in a window that
 * keep them in the order given. */
interface AdmissibleAreas {
  /** Least area over the placements that give one (Infinity when none does). */
  lo: number;
  /** Greatest area over the same (−Infinity when none does). */
  hi: number;
  /**
   * When some placement leaves fewer than two values in the window: each value that may then
   * fall outside it, the side and the edge's day; empty otherwise.
   */
  fewer: { timeId: string; side: "before" | "after"; day: number }[];
}

/**
 * Extreme areas over the admissible placements of the values of the right phase that keep them in
 * the order given (what the text leaves in either order is named by `unorderedPairs`): which
 * values fall in the window depends on their times, not on their nominal days. Values so ordered
 * fall in the window as a contiguous run, holding every value whose time interval lies inside it; each
 * such run of two or more values gives areas over its times clipped to the window (in order,
 * {@link extremeAreas}), the least at the values' lower bounds, the greatest at their upper ones.
 * A run of fewer than two (the values that may fall outside all outside) gives no area.
 */
function admissibleAreas(
  aligned: readonly AlignedObservation[],
  window: { from: number; to: number },
  wanted: Phase | null,
): AdmissibleAreas {
  const may = aligned.filter((o) =>
    (wanted === null || o.phase === wanted) && o.relative.hi >= window.from &&
    o.relative.lo <= window.to
  );
  const surely = may.map((o) => o.relative.lo >= window.from && o.relative.hi <= window.to);
  const first = surely.indexOf(true);
  const last = surely.lastIndexOf(true);
  let [lo, hi] = [Infinity, -Infinity];
  for (let i = 0; i < may.length; i++) {
    for (let j = i + 1; j < may.length; j++) {
      // The run may[i..j] must hold every value surely in the window.
      if (first !== -1 && (i > first || j < last)) continue;
      const run = may.slice(i, j + 1);
      const tLo = run.map((o) => Math.max(o.relative.lo, window.from));
      const tHi = run.map((o) => Math.min(o.relative.hi, window.to));
      lo = Math.min(lo, extremeAreas(tLo, tHi, run.map((o) => o.common.lo)).min);
      hi = Math.max(hi, extremeAreas(tLo, tHi, run.map((o) => o.common.hi)).max);
    }
  }
  const sure = surely.filter(Boolean).length;
  const fewer = sure < 2 && may.length > sure
    ? may.filter((_, i) => !surely[i]).map((o) =>
      o.relative.hi > window.to
        ? { timeId: o.day.timeId, side: "after" as const, day: window.to }
        : { timeId: o.day.timeId, side: "before" as const, day: window.from }
    )
    : [];
  return { lo, hi, fewer };
}

/** A rate's admissible bounds and its nominal value, which a placeholder day leaves undefined. */
export interface RateInterval {
  /** Least admissible rate (−Infinity when the two days may coincide). */
  lo: number;
  /** Greatest admissible rate (Infinity when the two days may coincide). */
  hi: number;
  /** The rate at the nominal days and values, or `null` (see `PeriodRate.nominalReason`). */
  nominal: number | null;
}

/** Rate of change of the pain value within one drug or dose period. */
export interface PeriodRate {
  /** Case id. */
  caseId: string;
  /** Drug. */
  drug: string;
  /** The dose period (its dose: `period.dose`), or `null` for all periods of the drug together. */
  period: Treatment | null;
  /** Observations in the period (by nominal time). */
  n: number;
  /**
   * Points per week (cm/week on a 10 cm VAS) from the first to the last observation: its least
   * and greatest admissible values, and its value at the nominal days (`nominal`, `null` with
   * `nominalReason` when a day is a placeholder the text does not date, or both values share
   * their nominal day); `null` under two observations.
   */
  perWeek: RateInterval | null;
  /**
   * Least-squares slope (points per week) on nominal values, for three or more observations at
   * dated, distinct days; `null` otherwise (with `nominalReason` when a day is a placeholder).
   */
  leastSquaresPerWeek: number | null;
  /**
   * The least and greatest least-squares slope (points per week) over every admissible time and
   * value of the observations (`leastSquaresSlopeBounds`), whenever a least-squares slope is
   * computed or would be but for a placeholder day; `null` otherwise, or with
   * `leastSquaresBoundsReason` when they cannot be computed.
   */
  leastSquaresBounds: { lo: number; hi: number } | null;
  /** Why `leastSquaresBounds` is null although there are enough values for a slope. */
  leastSquaresBoundsReason?: string;
  /** Why `perWeek.nominal` (and the least-squares slope) is null although there are two values. */
  nominalReason?: string;
  /** The nominal values in the period, in time order (what the rates summarise). */
  values: number[];
  /** The same values with their bounds (a value stated as a range keeps it). */
  intervals: NominalInterval[];
  /** Why a rate is null. */
  reason?: string;
}

/**
 * Bounds of (v2 − v1)/(t2 − t1)·7 over the box, the gap t2 − t1 taken from the timeline (the
 * tightest interval the text allows); infinite when the gap can be 0.
 */
function rateBounds(c: Case, a: Observation, b: Observation): RateInterval {
  const gap = relativeDay(c, b.day.timeId, a.day.timeId);
  const dt = b.day.nominal - a.day.nominal;
  const nominal = dt > 0 && datedGap(c, b.day.timeId, a.day.timeId)
    ? 7 * (b.common.nominal - a.common.nominal) / dt
    : null;
  const minGap = gap.lo;
  if (!(minGap > 0)) {
    const dvLo = b.common.lo - a.common.hi;
    const dvHi = b.common.hi - a.common.lo;
    return { lo: dvLo < 0 ? -Infinity : 0, hi: dvHi > 0 ? Infinity : 0, nominal };
  }
  const rates: number[] = [];
  for (const dv of [b.common.lo - a.common.hi, b.common.hi - a.common.lo]) {
    for (const dt of [minGap, gap.hi]) rates.push(7 * dv / dt);
  }
  return { lo: Math.min(...rates), hi: Math.max(...rates), nominal };
}

/**
 * Rate of change of the pain value (points per week) within each dose period and each drug of a case given for the
 * study's indication, from the observations that fall in the period (start < t ≤ end in the order
 * of `compareDays`, so a value narrated before a start never falls after it, and a value reported
 * at the visit of a dose change belongs to the dose before it). Times come from the timeline, so
 * a case need not take the drug of interest.
 *
 * @param c The case.
 * @param options Unused but for symmetry with the other per-case computations.
 * @returns One row per dose period, then one per drug (all its doses).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, periodRates } from "#lib/mod.ts";
 * const c = (await loadCaseSeries()).cases[0];
 * const rates = periodRates(c);
 * // One row per dose period, then one per drug; n counts the values summarised.
 * assert.equal(rates.filter((r) => r.period !== null).length, c.treatments.length);
 * assert.deepEqual(
 *   rates.filter((r) => r.period === null).map((r) => r.drug),
 *   [...new Set(c.treatments.map((t) => t.drug))],
 * );
 * assert.ok(rates.every((r) => r.values.length === r.n));
 * ```
 */
export function periodRates(c: Case, _options: ChangeOptions = {}): PeriodRate[] {
  expectCase("periodRates", c);
  checkOptions("periodRates", changeOptionsSchema, _options);
  const observations = [...c.observations].sort((a, b) => compareDays(a.day, b.day));
  const inside = (start: Day, end: Day | null) =>
    observations.filter((o) =>
      compareDays(start, o.day) < 0 && (end === null || compareDays(o.day, end) <= 0)
    );
  const periods = c.treatments.filter((t) => t.purpose === c.study.indication);
  const rows: PeriodRate[] = [];
  const make = (drug: string, period: Treatment | null, obs: Observation[]): PeriodRate => {
    const base = {
      caseId: c.id,
      drug,
      period,
      n: obs.length,
      values: obs.map((o) => o.common.nominal),
      intervals: obs.map((o) => o.common),
    };
    if (obs.length < 2) {
      return {
        ...base,
        perWeek: null,
        leastSquaresPerWeek: null,
        leastSquaresBounds: null,
        reason: `${plural(obs.length, "observation")} in the period: a rate needs two`,
      };
    }
    // A day placed only by the narrative is a placeholder: no rate per week rests on it.
    const undated = obs.slice(1).filter((o) => !datedGap(c, o.day.timeId, obs[0].day.timeId))
      .map((o) => o.day.timeId);
    // A least-squares slope needs the values a trend needs (the study's fewest per phase, as the
    // visual analysis's trend), and three at least: through two it is the rate itself.
    const enough = obs.length >= Math.max(3, c.study.minPointsPerPhase);
    const ls = undated.length === 0 && enough &&
        new Set(obs.map((o) => o.day.nominal)).size >= 2
      ? 7 * linearRegression(obs.map((o) => [o.day.nominal, o.common.nominal])).m
      : null;
    // The slope over every admissible time and value: the times are intervals, and the slope
    // is not monotone in them.
    const bounds = enough
      ? leastSquaresSlopeBounds(
        (i, j) => relativeDay(c, obs[j].day.timeId, obs[i].day.timeId),
        obs.map((o) => o.common),
      )
      : null;
    const perWeek = rateBounds(c, obs[0], obs[obs.length - 1]);
    const first = obs[0].day.timeId;
    const last = obs[obs.length - 1].day.timeId;
    const placeholder = "(a day placed only by the narrative is a placeholder)";
    const nominalReason = perWeek.nominal === null
      ? (undated.includes(last)
        ? `the text states no time from ${first} to ${last} ${placeholder}, so only the bounds ` +
          "of the rate are given"
        : "the first and last values share their nominal day, so only the bounds of the rate " +
          "are given")
      : undated.length && enough
      ? `no least-squares slope: the text states no time from ${first} to ` +
        `${undated.join(", ")} ${placeholder}`
      : undefined;
    return {
      ...base,
      perWeek,
      leastSquaresPerWeek: ls,
      leastSquaresBounds: bounds && bounds.lo !== null
        ? { lo: 7 * bounds.lo, hi: 7 * bounds.hi }
        : null,
      ...(bounds?.reason ? { leastSquaresBoundsReason: bounds.reason } : {}),
      ...(nominalReason ? { nominalReason } : {}),
    };
  };
  for (const p of periods) {
    rows.push(make(p.drug, p, inside(p.start, p.end)));
  }
  for (const drug of [...new Set(periods.map((p) => p.drug))]) {
    const mine = periods.filter((p) => p.drug === drug);
    const ids = new Set(mine.flatMap((p) => inside(p.start, p.end)));
    rows.push(make(drug, null, observations.filter((o) => ids.has(o))));
  }
  return rows;
}
