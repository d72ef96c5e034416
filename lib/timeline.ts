/**
 * Timeline of a case: times relative to any time point (through the anchor chain, so that gaps
 * the text states stay exact), which treatments are active at an observation, alignment on the
 * start of a drug, and the named baseline definitions.
 *
 * @module
 */
import { valueScale } from "./cases.ts";
import { expectCase, wrongArgument } from "./args.ts";
import type { NominalInterval } from "./intervals.ts";
import type { Case, Observation, Timepoint, Treatment } from "./model.ts";
import type { BaselineDefinition } from "./study.ts";
import { casePeriods, networkOf } from "./time_network.ts";

/**
 * The time of `x` minus the time of `y`, in days, as an interval with a nominal value: the
 * tightest bounds that every stated offset, every narrative bound and every period of the case
 * imply together (a point with a `bound` is at or before it, and so is everything anchored on it
 * within what its offsets allow; a dose period, or the period a value is stated over, starts no
 * later than it ends; the order of the rows alone is no constraint). The nominal value is the difference of
 * the nominal days, kept inside the bounds.
 *
 * @param c The case.
 * @param x A time id of the case.
 * @param y Another time id of the case.
 * @returns time(x) − time(y) in days.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, relativeDay } from "#lib/mod.ts";
 * const c = (await loadCaseSeries()).cases[0];
 * const [x, y] = [c.timepoints.at(-1)!.id, c.timepoints[0].id];
 * const [d, back] = [relativeDay(c, x, y), relativeDay(c, y, x)];
 * // y − x is x − y reversed; a point is 0 days from itself.
 * assert.ok(d.lo === 0 - back.hi && d.hi === 0 - back.lo && d.nominal === 0 - back.nominal);
 * assert.ok(d.lo <= d.nominal && d.nominal <= d.hi);
 * assert.ok(relativeDay(c, x, x).nominal === 0);
 * ```
 */
export function relativeDay(c: Case, x: string, y: string): NominalInterval {
  expectCase("relativeDay", c);
  const net = networkOf(c.id, c.timepoints, casePeriods(c));
  const missing = !net.has(x) ? x : !net.has(y) ? y : null;
  if (missing !== null) {
    throw new RangeError(`relativeDay: case ${c.id} has no time point '${missing}'`);
  }
  return net.between(x, y);
}

/** Each case's day 0 and time points by id, by its array of time points (made once a case). */
const DAY0 = new WeakMap<
  readonly Timepoint[],
  { origin: string | undefined; byId: Map<string, Timepoint> }
>();

/**
 * A case's day 0 and time points by id, made at the first call for its array of time points and
 * shared by every later one ({@link sinceDay0} and {@link gapPath} ask it for each value: made
 * again each time, a case's analyses grew with the square of its time points). An array changed
 * in place after the first call is not seen, as for the time network (`networkOf`).
 */
function pointIndex(
  c: Case,
): { origin: string | undefined; byId: Map<string, Timepoint> } {
  let index = DAY0.get(c.timepoints);
  if (!index) {
    const byId = new Map(c.timepoints.map((t) => [t.id, t]));
    const origin = c.timepoints.find((t) => t.rule === "origin")?.id;
    DAY0.set(c.timepoints, index = { origin, byId });
  }
  return index;
}

/**
 * Days since day 0 of the time point `x` (a value's time: `o.day.timeId`): by the case's network
 * from its origin ({@link relativeDay}), the tightest bounds its time points and periods imply
 * together, which every analysis, claim, appraisal and table reads; the time's own days (its
 * rule alone, as `fill-days` stores them in `Timepoint.day`) only where the case has no origin.
 * Never looser than the stored days, and its nominal day is theirs wherever they allow it.
 *
 * @param c The case.
 * @param x A time id of the case.
 * @returns time(x) − time(day 0) in days.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, sinceDay0 } from "#lib/mod.ts";
 * const c = (await loadCaseSeries()).cases[0];
 * for (const t of c.timepoints) {
 *   const d = sinceDay0(c, t.id);
 *   // Within the time's own days, never looser; the same nominal day.
 *   assert.ok(t.day.lo <= d.lo && d.hi <= t.day.hi && d.nominal === t.day.nominal);
 * }
 * assert.throws(() => sinceDay0(c, "no-such-time"), RangeError);
 * ```
 */
export function sinceDay0(c: Case, x: string): NominalInterval {
  expectCase("sinceDay0", c);
  const index = pointIndex(c);
  const t = index.byId.get(x);
  if (t === undefined) throw new RangeError(`sinceDay0: case ${c.id} has no time point '${x}'`);
  if (index.origin === undefined) {
    const { lo, hi, nominal } = t.day;
    return { lo, hi, nominal };
  }
  return relativeDay(c, x, index.origin);
}

/**
 * The gap between two consecutive values of a case (the later one's time minus the earlier
 * one's, "later" and "earlier" in the case's order, `compareDays`), in days: the one rule for it,
 * used by the rate from the first to the last value (`periodRates`) and by the design limit
 * "irregular timing" (`timingEvidence`). It is {@link relativeDay}, not that gap cut at 0:
 * data/README.md ("Times"; "Readings that needed a choice") says the order of the rows alone
 * bounds nothing, so two values each dated only from the same start (one within a week of it,
 * the next within a month) may come in either order, and their gap may be negative. A rate
 * over such a gap may have either sign, and its table says so.
 *
 * @param c The case.
 * @param later The time id of the value narrated later.
 * @param earlier The time id of the value narrated before it.
 * @returns time(later) − time(earlier) in days (its lower bound negative when the text leaves
 * the order open).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, relativeDay, valueGap } from "#lib/mod.ts";
 * for (const c of (await loadCaseSeries()).cases) {
 *   if (c.observations.length < 2) continue;
 *   const [a, b] = [c.observations[0].day.timeId, c.observations.at(-1)!.day.timeId];
 *   assert.deepEqual(valueGap(c, b, a), relativeDay(c, b, a));
 * }
 * ```
 */
export function valueGap(c: Case, later: string, earlier: string): NominalInterval {
  return relativeDay(c, later, earlier);
}

/**
 * Days from the amputation the case's phantom pain follows (`Case.amputation`: the only one, or
 * the one its onset is dated from) to the time point `x`, by {@link relativeDay}. Day 0 (the
 * origin) may be an earlier amputation: an accident, before a revision.
 *
 * @param c The case.
 * @param x A time id of the case.
 * @returns time(x) − time(amputation) in days.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { daysFromAmputation, loadCaseSeries, relativeDay } from "#lib/mod.ts";
 * const c = (await loadCaseSeries()).cases[0];
 * const x = c.timepoints.at(-1)!.id;
 * assert.deepEqual(daysFromAmputation(c, x), relativeDay(c, x, c.amputation.day.timeId));
 * ```
 */
export function daysFromAmputation(c: Case, x: string): NominalInterval {
  expectCase("daysFromAmputation", c);
  return relativeDay(c, x, c.amputation.day.timeId);
}

/**
 * Whether the gap between two time points is dated by the text: `true` when the tightest bounds
 * are finite and every rule on the way names an amount (`exact`, `approx`, `within`, or the same
 * counted back: `exact-before`, `approx-before`, `within-before`), `false`
 * when a point is placed only by the narrative (`after`, `before`), whose nominal day is a
 * placeholder midway between its bounds, not a date.
 *
 * @param c The case.
 * @param x A time id of the case.
 * @param y Another time id of the case.
 * @returns Whether the nominal gap x − y can be presented as a number of days.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { caseChange, datedGap, firstPeriod, loadCaseSeries } from "#lib/mod.ts";
 * // A change point is shown with a date exactly when its gap from the drug start is dated.
 * for (const c of (await loadCaseSeries()).cases) {
 *   const start = firstPeriod(c, c.study.drug);
 *   if (!start) continue;
 *   for (const p of caseChange(c).points) {
 *     assert.equal(p.dated, datedGap(c, p.timeId, start.start.timeId));
 *   }
 * }
 * ```
 */
export function datedGap(c: Case, x: string, y: string): boolean {
  const r = relativeDay(c, x, y);
  if (!Number.isFinite(r.lo) || !Number.isFinite(r.hi)) return false;
  return gapPath(c, x, y).every((t) => t.rule !== "after" && t.rule !== "before");
}

/**
 * The time points whose rules date `x` from `y`: those on the anchor chain of each up to the
 * first point they share (the rules {@link datedGap} reads).
 *
 * @param c The case.
 * @param x A time id of the case.
 * @param y Another time id of the case.
 * @returns The time points, those of `x`'s chain first.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { gapPath, loadCaseSeries } from "#lib/mod.ts";
 * for (const c of (await loadCaseSeries()).cases) {
 *   // From a time point to its anchor: its own rule alone; to itself: none.
 *   for (const t of c.timepoints.filter((p) => p.anchor !== null)) {
 *     assert.deepEqual(gapPath(c, t.id, t.anchor!).map((p) => p.id), [t.id]);
 *     assert.deepEqual(gapPath(c, t.id, t.id), []);
 *   }
 * }
 * ```
 */
export function gapPath(c: Case, x: string, y: string): Timepoint[] {
  const { byId } = pointIndex(c);
  const chain = (id: string) => {
    const out: string[] = [];
    for (let t = byId.get(id); t; t = t.anchor === null ? undefined : byId.get(t.anchor)) {
      out.push(t.id);
    }
    return out;
  };
  const cx = chain(x);
  const cy = chain(y);
  const common = cx.find((id) => cy.includes(id));
  return [
    ...cx.slice(0, common === undefined ? cx.length : cx.indexOf(common)),
    ...cy.slice(0, common === undefined ? cy.length : cy.indexOf(common)),
  ].map((id) => byId.get(id)!);
}

/** The first dose period of `drug` in a case (by nominal start), or `null`. */
export function firstPeriod(c: Case, drug: string): Treatment | null {
  expectCase("firstPeriod", c);
  if (typeof drug !== "string" || drug === "") {
    wrongArgument("firstPeriod", "a drug's name (e.g. c.study.drug)", drug);
  }
  return c.treatments.find((t) => t.drug === drug) ?? null;
}

/**
 * Why a case has no period of `drug`: "never takes <drug>", and, when the name differs only in
 * case from a drug the case takes (`Pregabalin` for `pregabalin`), that drug. (A name a letter
 * or two from one it takes is not guessed at: duloxetine and fluoxetine are two drugs.)
 *
 * @param c The case.
 * @param drug The drug asked for.
 * @returns The reason.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { firstPeriod, loadCaseSeries, neverTakes } from "#lib/mod.ts";
 * const c = (await loadCaseSeries()).cases.find((x) => firstPeriod(x, x.study.drug))!;
 * const typo = c.study.drug.toUpperCase();
 * assert.equal(neverTakes(c, typo), `never takes ${typo}; did you mean ${c.study.drug}?`);
 * ```
 */
export function neverTakes(c: Case, drug: string): string {
  const taken = [...new Set(c.treatments.map((t) => t.drug))];
  const near = taken.find((d) => d.toLowerCase() === drug.toLowerCase()) ?? null;
  return `never takes ${drug}` + (near === null ? "" : `; did you mean ${near}?`);
}

/** Where an observation falls relative to a drug start. */
export type Phase = "before" | "after" | "ambiguous";

/**
 * Where a time falls relative to a change (a drug's start, a dose change, a stop), from its days
 * since the change: before it when surely not after it (`hi` ≤ 0: a value on the change's own
 * day, at its visit or not, reflects the state before it, the same-visit rule), after it when
 * surely after it (`lo` ≥ 0 and `hi` > 0), else ambiguous. Every analysis that splits values at
 * a change, and the figures' lines, read it so.
 *
 * @param relative Days from the change to the time (`relativeDay(c, time, change)`).
 * @returns Its phase.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { phaseOf } from "#lib/mod.ts";
 * assert.equal(phaseOf({ lo: 0, hi: 0, nominal: 0 }), "before"); // the change's own day
 * assert.equal(phaseOf({ lo: 0, hi: 7, nominal: 7 }), "after"); // within a week after it
 * assert.equal(phaseOf({ lo: -3, hi: 4, nominal: 0 }), "ambiguous");
 * ```
 */
export function phaseOf(relative: NominalInterval): Phase {
  return relative.hi <= 0 ? "before" : relative.lo >= 0 && relative.hi > 0 ? "after" : "ambiguous";
}

/** An observation with its time relative to a drug start and its phase. */
export interface AlignedObservation extends Observation {
  /** Days since the drug start (negative before it). */
  relative: NominalInterval;
  /** Before the start (relative.hi ≤ 0), after it (relative.lo ≥ 0 and hi > 0), or ambiguous. */
  phase: Phase;
}

/**
 * Aligns a case on the first start of `drug`: every observation with its time relative to that
 * start and its phase. Throws when the case never takes the drug.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { alignOnDrug, firstPeriod, loadCaseSeries } from "#lib/mod.ts";
 * const c = (await loadCaseSeries()).cases.find((x) => firstPeriod(x, x.study.drug))!;
 * const aligned = alignOnDrug(c, c.study.drug);
 * assert.equal(aligned.length, c.observations.length);
 * for (const o of aligned) {
 *   if (o.phase === "before") assert.ok(o.relative.hi <= 0);
 *   if (o.phase === "after") assert.ok(o.relative.lo >= 0 && o.relative.hi > 0);
 * }
 * ```
 */
export function alignOnDrug(c: Case, drug: string): AlignedObservation[] {
  expectCase("alignOnDrug", c);
  if (typeof drug !== "string" || drug === "") {
    wrongArgument("alignOnDrug", "a drug's name (e.g. c.study.drug)", drug);
  }
  const start = firstPeriod(c, drug);
  if (!start) {
    const drugs = [...new Set(c.treatments.map((t) => t.drug))];
    throw new RangeError(
      `alignOnDrug: case ${c.id} ${neverTakes(c, drug)} (its drugs: ${
        drugs.length ? drugs.join(", ") : "none"
      })`,
    );
  }
  return c.observations.map((o) => {
    const relative = relativeDay(c, o.day.timeId, start.start.timeId);
    return { ...o, relative, phase: phaseOf(relative) };
  });
}

/** Every baseline definition, in display order. */
export const BASELINE_DEFINITIONS: readonly BaselineDefinition[] = ["last", "max", "mean"];

/** Words for each baseline definition, for tables and prose. */
export const BASELINE_LABELS: Readonly<Record<BaselineDefinition, string>> = {
  last: "last value before the drug",
  max: "maximum before the drug",
  mean: "mean of the values before the drug",
};

/**
 * A baseline pain value (on the common 0–10 metric): its value (interval), how it was defined and
 * from how many observations.
 */
export interface Baseline {
  /** The definition used. */
  definition: BaselineDefinition;
  /**
   * On the common 0–10 metric, as an interval with its nominal value; `null` when no value
   * precedes the drug.
   */
  common: NominalInterval | null;
  /** Number of observations it summarises. */
  n: number;
  /** Why `common` is null. */
  reason?: string;
}

/**
 * The baseline pain value before `drug` under a named definition: the last, the maximum or the mean of
 * the observations whose phase is "before". Ambiguous observations are left out (and counted in
 * the reason when nothing else is left).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { alignOnDrug, baseline, type Case, firstPeriod, loadCaseSeries } from "#lib/mod.ts";
 * const before = (x: Case) =>
 *   alignOnDrug(x, x.study.drug).filter((o) => o.phase === "before").map((o) => o.common.nominal);
 * const cases = (await loadCaseSeries()).cases.filter((x) => firstPeriod(x, x.study.drug));
 * const c = cases.find((x) => before(x).length > 0)!;
 * const v = before(c);
 * const drug = c.study.drug;
 * assert.equal(baseline(c, drug, "last").common?.nominal, v.at(-1));
 * assert.equal(baseline(c, drug, "max").common?.nominal, Math.max(...v));
 * const mean = v.reduce((a, b) => a + b, 0) / v.length;
 * assert.ok(Math.abs(baseline(c, drug, "mean").common!.nominal - mean) < 1e-9);
 * ```
 */
export function baseline(c: Case, drug: string, definition: BaselineDefinition): Baseline {
  expectCase("baseline", c);
  if (!BASELINE_DEFINITIONS.includes(definition)) {
    wrongArgument(
      "baseline",
      `a baseline definition (one of ${BASELINE_DEFINITIONS.join(", ")})`,
      definition,
    );
  }
  const aligned = alignOnDrug(c, drug);
  const before = aligned.filter((o) => o.phase === "before");
  if (before.length === 0) {
    const ambiguous = aligned.filter((o) => o.phase === "ambiguous").length;
    return {
      definition,
      common: null,
      n: 0,
      reason: `no ${valueScale([c]).name} stated before ${drug}` +
        (ambiguous > 0 ? ` (${ambiguous} may or may not precede it)` : ""),
    };
  }
  const pick = (f: (xs: number[]) => number) => ({
    lo: f(before.map((o) => o.common.lo)),
    hi: f(before.map((o) => o.common.hi)),
    nominal: f(before.map((o) => o.common.nominal)),
  });
  const common = definition === "last"
    ? before[before.length - 1].common
    : definition === "max"
    ? pick((xs) => Math.max(...xs))
    : definition === "mean"
    ? pick((xs) => xs.reduce((s, x) => s + x, 0) / xs.length)
    : wrongArgument("baseline", "a baseline definition", definition);
  return { definition, common: { ...common }, n: before.length };
}

/** An aligned observation with its value as a percent of the baseline. */
export interface RelativeObservation extends AlignedObservation {
  /** Its value as a percent of the baseline (interval over both), or `null` without a baseline. */
  percentOfBaseline: NominalInterval | null;
}

/**
 * Aligns a case on the first start of `drug` and expresses every value both on the common 0–10
 * metric and as a percent
 * of the baseline under `definition`: 100·v/b, least at (v.lo, b.hi), greatest at (v.hi, b.lo).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { alignWithBaseline, baseline, loadCaseSeries } from "#lib/mod.ts";
 * const cases = (await loadCaseSeries()).cases;
 * const c = cases.find((x) => baseline(x, x.study.drug, "last").common)!;
 * const b = baseline(c, c.study.drug, "last").common!.nominal;
 * for (const o of alignWithBaseline(c, c.study.drug, "last")) {
 *   assert.ok(Math.abs(o.percentOfBaseline!.nominal - 100 * o.common.nominal / b) < 1e-9);
 * }
 * ```
 */
export function alignWithBaseline(
  c: Case,
  drug: string,
  definition: BaselineDefinition,
): RelativeObservation[] {
  const b = baseline(c, drug, definition).common;
  return alignOnDrug(c, drug).map((o) => ({
    ...o,
    percentOfBaseline: b && b.lo > 0
      ? {
        lo: (100 * o.common.lo) / b.hi,
        hi: (100 * o.common.hi) / b.lo,
        nominal: (100 * o.common.nominal) / b.nominal,
      }
      : null,
  }));
}
