/**
 * The rate of change of the pain value within each dose period and each drug of a case, from the
 * values at which it is certainly given (`given.ts`), with bounds over the admissible times and
 * values.
 *
 * @module
 */
import type { ChangeOptions } from "./change.ts";
import { expectCase } from "../args.ts";
import { linearRegression } from "simple-statistics";
import type { Interval, NominalInterval } from "../intervals.ts";
import { type Case, compareDays, type Observation, type Treatment } from "../model.ts";
import { datedGap, relativeDay, valueGap } from "../timeline.ts";
import { quotientBounds } from "./quotient_bounds.ts";
import { listing, plural } from "../prose.ts";
import { timeName } from "../time_words.ts";
import { activeTreatments, mayBeGiven, surelyGiven, tiedTimepoints } from "../given.ts";
import { leastSquaresSlopeBounds } from "./slope_bounds.ts";
import { checkOptions } from "../options.ts";
import { changeOptionsSchema } from "./option_schemas.ts";

/** A rate's admissible bounds and its nominal value, which a placeholder day leaves undefined. */
export interface RateInterval {
  /** Least admissible rate (−Infinity when the gap may tend to 0 and the value may fall). */
  lo: number;
  /** Greatest admissible rate (Infinity when the gap may tend to 0 and the value may rise). */
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
  /** The observations of those values, in the same order (their words say how they are stated). */
  observations: Observation[];
  /**
   * The values left out because the drug (for a dose period: at that dose) is only possibly
   * given there (`activeTreatments`' `possible`; for a drug, `mayBeGiven` but not
   * `surelyGiven`), in time order: after the last time point the text ties to a period with no
   * stated end, or where the times leave it open. Empty when there are none.
   */
  possiblyGiven: { timeId: string; value: NominalInterval; observation: Observation }[];
  /**
   * For a period with no stated end (for a drug: each of its periods with none), the last time
   * points the text ties to it (`tiedTimepoints`), up to which it is certainly given.
   */
  certainUpTo: string[];
  /** Why a rate is null. */
  reason?: string;
  /**
   * Where the text leaves the first and last values in either order (`valueGap` may be
   * negative): the bounds of the rate (per week) in the order narrated and in the other, each
   * `null` when that order is impossible, with the two values' time ids. `perWeek` spans both.
   */
  eitherOrder?: {
    first: string;
    last: string;
    narrated: Interval | null;
    reversed: Interval | null;
  };
}

/**
 * Bounds of (v2 − v1)/(t2 − t1)·7 over the values' bounds and the gap t2 − t1 the text allows
 * (`valueGap`: the tightest interval, negative where the two may come in either order), by
 * {@link quotientBounds}: infinite only where the gap may tend to 0; `null` when the two values
 * can only share their day (no rate).
 */
function rateBounds(c: Case, a: Observation, b: Observation): RateInterval | null {
  const gap = valueGap(c, b.day.timeId, a.day.timeId);
  const dt = b.day.nominal - a.day.nominal;
  const nominal = dt > 0 && datedGap(c, b.day.timeId, a.day.timeId)
    ? 7 * (b.common.nominal - a.common.nominal) / dt
    : null;
  const q = quotientBounds({ lo: b.common.lo - a.common.hi, hi: b.common.hi - a.common.lo }, gap);
  return q === null ? null : { lo: 7 * q.lo, hi: 7 * q.hi, nominal };
}

/**
 * Where the gap from `a` to `b` may be negative (the text leaves them in either order), the
 * rate's bounds (per week) in each order; `undefined` otherwise.
 */
function orders(c: Case, a: Observation, b: Observation): PeriodRate["eitherOrder"] {
  const gap = valueGap(c, b.day.timeId, a.day.timeId);
  if (!(gap.lo < 0)) return undefined;
  const change = { lo: b.common.lo - a.common.hi, hi: b.common.hi - a.common.lo };
  const perWeek = (g: Interval) => {
    const q = g.lo <= g.hi ? quotientBounds(change, g) : null;
    return q && { lo: 7 * q.lo, hi: 7 * q.hi };
  };
  return {
    first: a.day.timeId,
    last: b.day.timeId,
    narrated: perWeek({ lo: Math.max(gap.lo, 0), hi: gap.hi }),
    reversed: perWeek({ lo: gap.lo, hi: Math.min(gap.hi, 0) }),
  };
}

/**
 * Rate of change of the pain value (points per week) within each dose period and each drug of a
 * case given for the study's indication, from the values at which the period is certainly active
 * (`activeTreatments`: a value reported at the visit of a dose change belongs to the dose before
 * it) and, for a drug over all its doses, at which the drug is surely given (`surelyGiven`).
 * A period with no stated end is certainly given only up to the last time point the text ties to
 * it (data/README.md, "Periods with no stated end"): a value after it, where the drug is only
 * possibly given, is left out of the rate and listed in `possiblyGiven`, as is a value the times
 * leave on either side of a start or an end. Times come from the timeline, so a case need not
 * take the drug of interest.
 *
 * @param c The case.
 * @param options Unused but for symmetry with the other per-case computations.
 * @returns One row per dose period, then one per drug (all its doses).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { activeTreatments, loadCaseSeries, periodRates } from "#lib/mod.ts";
 * const c = (await loadCaseSeries()).cases[0];
 * const rates = periodRates(c);
 * // A period's values are those at which it is certainly active, as the active-treatments
 * // table says; those where it is only possibly active are listed, not rated.
 * for (const r of rates.filter((x) => x.period !== null)) {
 *   const at = (o: (typeof c.observations)[number]) => activeTreatments(c, o.day.timeId);
 *   const certain = c.observations.filter((o) => at(o).certain.includes(r.period!));
 *   const possible = c.observations.filter((o) => at(o).possible.includes(r.period!));
 *   assert.equal(r.n, certain.length);
 *   assert.equal(r.possiblyGiven.length, possible.length);
 * }
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
  const active = new Map(observations.map((o) => [o, activeTreatments(c, o.day.timeId)]));
  const periods = c.treatments.filter((t) => t.purpose === c.study.indication);
  const rows: PeriodRate[] = [];
  const make = (
    drug: string,
    period: Treatment | null,
    [obs, maybe]: [Observation[], Observation[]],
  ): PeriodRate => {
    const open = (period ? [period] : periods.filter((p) => p.drug === drug))
      .filter((p) => p.end === null);
    const base = {
      caseId: c.id,
      drug,
      period,
      n: obs.length,
      values: obs.map((o) => o.common.nominal),
      intervals: obs.map((o) => o.common),
      observations: obs,
      possiblyGiven: maybe.map((o) => ({ timeId: o.day.timeId, value: o.common, observation: o })),
      certainUpTo: [...new Set(open.map((p) => lastTied(c, p)))],
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
    if (perWeek === null) {
      return {
        ...base,
        perWeek: null,
        leastSquaresPerWeek: null,
        leastSquaresBounds: null,
        reason: "the first and last values can only share their day: no rate between them",
      };
    }
    const eitherOrder = orders(c, obs[0], obs[obs.length - 1]);
    // Time points named for a reader (by the value stated there), not by their ids.
    const first = timeName(c, obs[0].day.timeId);
    const last = timeName(c, obs[obs.length - 1].day.timeId);
    const placeholder = "(a day placed only by the narrative is a placeholder)";
    const nominalReason = perWeek.nominal === null
      ? (undated.includes(obs[obs.length - 1].day.timeId)
        ? `the text states no time from ${first} to ${last} ${placeholder}, so only the bounds ` +
          "of the rate are given"
        : "the first and last values share their nominal day, so only the bounds of the rate " +
          "are given")
      : undated.length && enough
      ? `no least-squares slope: the text states no time from ${first} to ` +
        `${listing(undated.map((id) => timeName(c, id)))} ${placeholder}`
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
      ...(eitherOrder ? { eitherOrder } : {}),
    };
  };
  // Only values at which the period is certainly active count: one where it is only possibly
  // active (after the last time point tied to an open period, or where the times leave it
  // open) is left out and listed, as the active-treatments table lists it as "possible".
  const split = (certain: (o: Observation) => boolean, possible: (o: Observation) => boolean) =>
    [observations.filter(certain), observations.filter((o) => !certain(o) && possible(o))] as [
      Observation[],
      Observation[],
    ];
  for (const p of periods) {
    rows.push(make(
      p.drug,
      p,
      split((o) => active.get(o)!.certain.includes(p), (o) => active.get(o)!.possible.includes(p)),
    ));
  }
  for (const drug of [...new Set(periods.map((p) => p.drug))]) {
    rows.push(make(
      drug,
      null,
      split(
        (o) => surelyGiven(c, o.day.timeId, drug),
        (o) => mayBeGiven(c, o.day.timeId, drug),
      ),
    ));
  }
  return rows;
}

/**
 * The time point tied to a period with no stated end that comes last in the case's order
 * (`compareDays`): the one up to which it is certainly given ({@link tiedTimepoints}).
 */
function lastTied(c: Case, t: Treatment): string {
  // By id once (a `find` for each tied point grew with the square of a long case's points).
  const byId = new Map(c.timepoints.map((p) => [p.id, p]));
  const days = tiedTimepoints(c, t).map((id) => byId.get(id)!.day);
  return days.reduce((a, b) => (compareDays(b, a) > 0 ? b : a)).timeId;
}
