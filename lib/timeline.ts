/**
 * Timeline of a case: times relative to any time point (through the anchor chain, so that gaps
 * the text states stay exact), which treatments are active at an observation, alignment on the
 * start of a drug, and the named baseline definitions.
 *
 * @module
 */
import { expectCase } from "./args.ts";
import { intersect, type NominalInterval } from "./intervals.ts";
import type { Case, Observation, Timepoint, Treatment } from "./model.ts";
import type { BaselineDefinition } from "./study.ts";

/** Offset of a time point from each of its ancestors (itself included, offset 0). */
function ancestry(byId: Map<string, Timepoint>, id: string): Map<string, NominalInterval> {
  const out = new Map<string, NominalInterval>();
  let acc: NominalInterval = { lo: 0, hi: 0, nominal: 0 };
  let cur = byId.get(id);
  while (cur) {
    out.set(cur.id, acc);
    if (cur.anchor === null) break;
    acc = {
      lo: acc.lo + cur.offset.lo,
      hi: acc.hi + cur.offset.hi,
      nominal: acc.nominal + cur.offset.nominal,
    };
    cur = byId.get(cur.anchor);
  }
  return out;
}

const safeSub = (x: number, y: number, fallback: number) => {
  const d = x - y;
  return Number.isNaN(d) ? fallback : d;
};

/**
 * The time of `x` minus the time of `y`, in days, as an interval with a nominal value. Uses the
 * tightest of: the sum of offsets along the anchor chains from their common ancestor, the
 * difference of the absolute days, and the narrative bound (a point bounded by `y` is not after
 * it).
 *
 * @example
 * ```ts
 * import { loadCaseSeries } from "./load.ts";
 * import { relativeDay } from "./timeline.ts";
 * const c = (await loadCaseSeries()).cases[1];
 * relativeDay(c, "milnacipran_6d_report", "milnacipran_start"); // { lo: 0, hi: 6, nominal: 6 }
 * ```
 */
export function relativeDay(c: Case, x: string, y: string): NominalInterval {
  expectCase("relativeDay", c);
  const byId = new Map(c.timepoints.map((t) => [t.id, t]));
  const tx = byId.get(x);
  const ty = byId.get(y);
  if (!tx || !ty) throw new RangeError(`case ${c.id}: unknown time point '${tx ? y : x}'`);
  const ax = ancestry(byId, x);
  const ay = ancestry(byId, y);
  const common = [...ax.keys()].find((k) => ay.has(k))!;
  const sx = ax.get(common)!;
  const sy = ay.get(common)!;
  const chain = {
    lo: safeSub(sx.lo, sy.hi, -Infinity),
    hi: safeSub(sx.hi, sy.lo, Infinity),
  };
  const absolute = {
    lo: safeSub(tx.day.lo, ty.day.hi, -Infinity),
    hi: safeSub(tx.day.hi, ty.day.lo, Infinity),
  };
  let range = intersect(chain, absolute) ?? chain;
  if (tx.bound === y) range = { lo: Math.min(range.lo, 0), hi: Math.min(range.hi, 0) };
  if (ty.bound === x) range = { lo: Math.max(range.lo, 0), hi: Math.max(range.hi, 0) };
  const nominal = Math.min(Math.max(sx.nominal - sy.nominal, range.lo), range.hi);
  return { lo: range.lo, hi: range.hi, nominal };
}

/** The first dose period of `drug` in a case (by nominal start), or `null`. */
export function firstPeriod(c: Case, drug: string): Treatment | null {
  expectCase("firstPeriod", c);
  return c.treatments.find((t) => t.drug === drug) ?? null;
}

/** Where an observation falls relative to a drug start. */
export type Phase = "before" | "after" | "ambiguous";

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
 * import { loadCaseSeries } from "./load.ts";
 * import { alignOnDrug } from "./timeline.ts";
 * const c = (await loadCaseSeries()).cases[0];
 * alignOnDrug(c, "milnacipran").map((o) => o.phase); // ["before", "before", "after", "after"]
 * ```
 */
export function alignOnDrug(c: Case, drug: string): AlignedObservation[] {
  expectCase("alignOnDrug", c);
  const start = firstPeriod(c, drug);
  if (!start) throw new RangeError(`case ${c.id} never takes ${drug}`);
  return c.observations.map((o) => {
    const relative = relativeDay(c, o.day.timeId, start.start.timeId);
    const phase: Phase = relative.hi <= 0
      ? "before"
      : relative.lo >= 0 && relative.hi > 0
      ? "after"
      : "ambiguous";
    return { ...o, relative, phase };
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

/** A baseline VAS: its value (interval), how it was defined and from how many observations. */
export interface Baseline {
  /** The definition used. */
  definition: BaselineDefinition;
  /** VAS in cm, as an interval with its nominal value; `null` when no value precedes the drug. */
  vas: NominalInterval | null;
  /** Number of observations it summarises. */
  n: number;
  /** Why `vas` is null. */
  reason?: string;
}

/**
 * The baseline VAS before `drug` under a named definition: the last, the maximum or the mean of
 * the observations whose phase is "before". Ambiguous observations are left out (and counted in
 * the reason when nothing else is left).
 *
 * @example
 * ```ts
 * import { loadCaseSeries } from "./load.ts";
 * import { baseline } from "./timeline.ts";
 * const c = (await loadCaseSeries()).cases[0];
 * baseline(c, "milnacipran", "mean").vas?.nominal; // (6.6 + 3.3) / 2
 * ```
 */
export function baseline(c: Case, drug: string, definition: BaselineDefinition): Baseline {
  expectCase("baseline", c);
  const aligned = alignOnDrug(c, drug);
  const before = aligned.filter((o) => o.phase === "before");
  if (before.length === 0) {
    const ambiguous = aligned.filter((o) => o.phase === "ambiguous").length;
    return {
      definition,
      vas: null,
      n: 0,
      reason: `no VAS stated before ${drug}` +
        (ambiguous > 0 ? ` (${ambiguous} may or may not precede it)` : ""),
    };
  }
  const pick = (f: (xs: number[]) => number) => ({
    lo: f(before.map((o) => o.vas.lo)),
    hi: f(before.map((o) => o.vas.hi)),
    nominal: f(before.map((o) => o.vas.nominal)),
  });
  const vas = definition === "last"
    ? before[before.length - 1].vas
    : definition === "max"
    ? pick((xs) => Math.max(...xs))
    : pick((xs) => xs.reduce((s, x) => s + x, 0) / xs.length);
  return { definition, vas: { ...vas }, n: before.length };
}

/** Treatments active at a time, split into those certainly and those possibly active. */
export interface ActiveTreatments {
  /** Active over the whole time interval of the observation. */
  certain: Treatment[];
  /** Active at some admissible times but not others: the intervals leave it ambiguous. */
  possible: Treatment[];
}

/**
 * Which treatments are active at a time point, given interval times. A value reported at the
 * visit where a dose changes (same time point) reflects the dose before the change, so a period
 * is active at day t when start < t ≤ end, an end the text does not give counting as open. It is
 * *certain* when that holds for every admissible pair of times, *possible* when only for some.
 *
 * @example
 * ```ts
 * import { loadCaseSeries } from "./load.ts";
 * import { activeTreatments } from "./timeline.ts";
 * const c = (await loadCaseSeries()).cases[0];
 * activeTreatments(c, "paroxetine_7wk_report").certain.map((t) => t.doseMgPerDay); // [20]
 * ```
 */
export function activeTreatments(c: Case, timeId: string): ActiveTreatments {
  expectCase("activeTreatments", c);
  const certain: Treatment[] = [];
  const possible: Treatment[] = [];
  const samePoint = (x: NominalInterval) => x.lo === 0 && x.hi === 0;
  for (const t of c.treatments) {
    const sinceStart = relativeDay(c, timeId, t.start.timeId);
    const untilEnd = t.end ? relativeDay(c, t.end.timeId, timeId) : null;
    const surelyStarted = sinceStart.lo >= 0 && !samePoint(sinceStart);
    const maybeStarted = sinceStart.hi > 0;
    const surelyRunning = untilEnd === null || untilEnd.lo >= 0;
    const maybeRunning = untilEnd === null || untilEnd.hi >= 0;
    if (surelyStarted && surelyRunning) certain.push(t);
    else if (maybeStarted && maybeRunning) possible.push(t);
  }
  return { certain, possible };
}

/** An aligned observation with its VAS as a percent of the baseline. */
export interface RelativeObservation extends AlignedObservation {
  /** VAS as a percent of the baseline (interval over both), or `null` when there is no baseline. */
  percentOfBaseline: NominalInterval | null;
}

/**
 * Aligns a case on the first start of `drug` and expresses every VAS both in cm and as a percent
 * of the baseline under `definition`: 100·v/b, least at (v.lo, b.hi), greatest at (v.hi, b.lo).
 *
 * @example
 * ```ts
 * import { loadCaseSeries } from "./load.ts";
 * import { alignWithBaseline } from "./timeline.ts";
 * const c = (await loadCaseSeries()).cases[1];
 * alignWithBaseline(c, "milnacipran", "last")[1].percentOfBaseline?.nominal; // 12.5
 * ```
 */
export function alignWithBaseline(
  c: Case,
  drug: string,
  definition: BaselineDefinition,
): RelativeObservation[] {
  const b = baseline(c, drug, definition).vas;
  return alignOnDrug(c, drug).map((o) => ({
    ...o,
    percentOfBaseline: b && b.lo > 0
      ? {
        lo: (100 * o.vas.lo) / b.hi,
        hi: (100 * o.vas.hi) / b.lo,
        nominal: (100 * o.vas.nominal) / b.nominal,
      }
      : null,
  }));
}
