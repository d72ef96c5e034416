/**
 * Which drugs are given at a time point of a case: its dose periods certainly or only possibly
 * active there (the times' intervals leave it open), whether a drug is surely given though its
 * dose there is open, and the drugs given at some of a case's time points.
 *
 * @module
 */
import { expectCase } from "./args.ts";
import type { NominalInterval } from "./intervals.ts";
import type { Case, Treatment } from "./model.ts";
import { relativeDay } from "./timeline.ts";

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
 * An end that could meet the observation only at the limit of its bounds (the end at most 0
 * days after it, but not the same time point) does not make a period possible: the text then
 * places the end before the observation.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { activeTreatments, loadCaseSeries } from "#lib/mod.ts";
 * const c = (await loadCaseSeries()).cases[0];
 * // Certain and possible are disjoint sets of the case's dose periods.
 * for (const t of c.timepoints) {
 *   const a = activeTreatments(c, t.id);
 *   assert.ok(a.certain.every((x) => !a.possible.includes(x)));
 *   assert.ok([...a.certain, ...a.possible].every((x) => c.treatments.includes(x)));
 * }
 * ```
 */
export function activeTreatments(c: Case, timeId: string): ActiveTreatments {
  expectCase("activeTreatments", c);
  const certain: Treatment[] = [];
  const possible: Treatment[] = [];
  for (const t of c.treatments) {
    const { sinceStart, untilEnd } = spanAround(c, timeId, t, t);
    const maybeStarted = sinceStart.hi > 0;
    const maybeRunning = untilEnd === null || untilEnd.hi > 0 || samePoint(untilEnd);
    if (surelyWithin(sinceStart, untilEnd)) certain.push(t);
    else if (maybeStarted && maybeRunning) possible.push(t);
  }
  return { certain, possible };
}

/** Whether an interval of days is the same time point (0 apart, exactly). */
const samePoint = (x: NominalInterval) => x.lo === 0 && x.hi === 0;

/** Days from `first`'s start to a time point, and from the time point to `last`'s end (if any). */
function spanAround(c: Case, timeId: string, first: Treatment, last: Treatment) {
  return {
    sinceStart: relativeDay(c, timeId, first.start.timeId),
    untilEnd: last.end ? relativeDay(c, last.end.timeId, timeId) : null,
  };
}

/**
 * Whether a time point is surely within a span: surely after its start (not at the start's own
 * visit: the same-visit rule) and surely not after its end (none stated: open).
 */
function surelyWithin(sinceStart: NominalInterval, untilEnd: NominalInterval | null): boolean {
  return sinceStart.lo >= 0 && !samePoint(sinceStart) && (untilEnd === null || untilEnd.lo >= 0);
}

/**
 * Whether `drug` is surely given at a time point, though perhaps at a dose the times leave open:
 * one of its dose periods is certainly active there ({@link activeTreatments}), or some course of
 * it (periods that follow each other without a gap: each starts at the time point where the one
 * before ends) runs from a start surely before the time point to an end surely after it (or
 * none stated).
 *
 * @param c The case.
 * @param timeId One of its time points.
 * @param drug The drug.
 * @returns True when the drug is surely given at `timeId`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { activeTreatments, loadCaseSeries, surelyGiven } from "#lib/mod.ts";
 * const c = (await loadCaseSeries()).cases.find((x) => x.treatments.length > 0)!;
 * for (const tp of c.timepoints) {
 *   const a = activeTreatments(c, tp.id);
 *   // A period certainly active makes its drug surely given.
 *   for (const t of a.certain) assert.ok(surelyGiven(c, tp.id, t.drug));
 * }
 * ```
 */
export function surelyGiven(c: Case, timeId: string, drug: string): boolean {
  const { certain } = activeTreatments(c, timeId);
  if (certain.some((t) => t.drug === drug)) return true;
  const periods = c.treatments.filter((t) => t.drug === drug);
  // Each course: a chain of periods from one no other period ends into (a stop and a restart
  // make two courses); the drug is surely given when one course surely covers the time point.
  const heads = periods.filter((t) => !periods.some((u) => u.end?.timeId === t.start.timeId));
  return heads.some((first) => {
    const chain = [first];
    for (let next; (next = periods.find((u) => u.start.timeId === chain.at(-1)!.end?.timeId));) {
      if (chain.includes(next)) return false;
      chain.push(next);
    }
    const { sinceStart, untilEnd } = spanAround(c, timeId, first, chain.at(-1)!);
    return surelyWithin(sinceStart, untilEnd);
  });
}

/**
 * Whether `drug` may be given at a time point: certainly or possibly active there
 * ({@link activeTreatments}).
 *
 * @param c The case.
 * @param timeId One of its time points.
 * @param drug The drug.
 * @returns True when a dose period of `drug` is certainly or possibly active at `timeId`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { activeTreatments, loadCaseSeries, mayBeGiven } from "#lib/mod.ts";
 * const c = (await loadCaseSeries()).cases.find((x) => x.treatments.length > 0)!;
 * const [t, drug] = [c.timepoints.at(-1)!.id, c.treatments[0].drug];
 * const a = activeTreatments(c, t);
 * assert.equal(mayBeGiven(c, t, drug), [...a.certain, ...a.possible].some((x) => x.drug === drug));
 * ```
 */
export function mayBeGiven(c: Case, timeId: string, drug: string): boolean {
  const a = activeTreatments(c, timeId);
  return a.certain.some((t) => t.drug === drug) || a.possible.some((t) => t.drug === drug);
}

/**
 * The drugs other than `except` given at any of these time points, each "certainly" (certainly
 * active at one of them) or "possibly" (only possibly active), in order of first mention.
 *
 * @param c The case.
 * @param timeIds Its time points.
 * @param except A drug to leave out (`null`: none).
 * @returns Each drug given, with how surely.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { activeTreatments, drugsGivenAt, loadCaseSeries } from "#lib/mod.ts";
 * const c = (await loadCaseSeries()).cases[0];
 * const t = c.timepoints.at(-1)!.id;
 * const { certain } = activeTreatments(c, t);
 * for (const [drug, how] of drugsGivenAt(c, [t], null)) {
 *   assert.equal(how, certain.some((x) => x.drug === drug) ? "certainly" : "possibly");
 * }
 * ```
 */
export function drugsGivenAt(
  c: Case,
  timeIds: readonly string[],
  except: string | null,
): Map<string, "certainly" | "possibly"> {
  const how = new Map<string, "certainly" | "possibly">();
  for (const id of timeIds) {
    const a = activeTreatments(c, id);
    for (const t of a.certain) if (t.drug !== except) how.set(t.drug, "certainly");
    for (const t of a.possible) {
      if (t.drug !== except && !how.has(t.drug)) how.set(t.drug, "possibly");
    }
  }
  return how;
}
