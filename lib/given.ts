/**
 * Which drugs are given at a time point of a case: its dose periods certainly or only possibly
 * active there (the times' intervals leave it open), whether a drug is surely given though its
 * dose there is open, and the drugs given at some of a case's time points.
 *
 * @module
 */
import { expectCase } from "./args.ts";
import { COUNTED_BACK, type NominalInterval } from "./intervals.ts";
import type { Case, Treatment } from "./model.ts";
import { findQuote } from "./quotes.ts";
import { relativeDay } from "./timeline.ts";

/** Treatments active at a time, split into those certainly and those possibly active. */
export interface ActiveTreatments {
  /** Active over the whole time interval of the observation. */
  certain: Treatment[];
  /** Active at some admissible times but not others: the intervals leave it ambiguous. */
  possible: Treatment[];
}

/** Whether `word` occurs in `text` as a whole word, in any case (the quotes' boundary rule). */
const names = (text: string, word: string): boolean =>
  findQuote(text.toLowerCase(), word.toLowerCase()) >= 0;

/**
 * The time points the text ties to a dose period (data/README.md, "A period with no stated
 * end"): its start, every time point dated from its start (`anchor` is the start: "within a
 * week", "a month later", "after the increase"; not one counted back from it, `COUNTED_BACK`,
 * which precedes it), and every time point whose quote, or the quote
 * of a pain value at it, names the drug ("continues to take <drug>"). A period with no
 * stated end is certainly given up to the last of them, and only possibly after it. A point
 * surely before the start is never tied to it.
 *
 * @param c The case.
 * @param t One of its dose periods.
 * @returns The ids of the time points tied to it, in the case's order, its start first.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, tiedTimepoints } from "#lib/mod.ts";
 * for (const c of (await loadCaseSeries()).cases) {
 *   for (const t of c.treatments) {
 *     const tied = tiedTimepoints(c, t);
 *     // Its start is always tied; every other tied point is dated from it or names the drug.
 *     assert.equal(tied[0], t.start.timeId);
 *     for (const id of tied.slice(1)) {
 *       const p = c.timepoints.find((x) => x.id === id)!;
 *       const quotes = [p.quote, ...c.observations.filter((o) => o.day.timeId === id)
 *         .map((o) => o.quote)].join(" ").toLowerCase();
 *       assert.ok(p.anchor === t.start.timeId || quotes.includes(t.drug.toLowerCase()), id);
 *     }
 *   }
 * }
 * ```
 */
export function tiedTimepoints(c: Case, t: Treatment): string[] {
  expectCase("tiedTimepoints", c);
  return [...tiedOnce(c, t)];
}

/** Each case's tied time points, by its case, then by its dose period (made once a period). */
const TIED = new WeakMap<Case, WeakMap<Treatment, readonly string[]>>();

/** The quotes of a case's pain values, by their time point (made once a case). */
const VALUE_QUOTES = new WeakMap<Case, Map<string, string[]>>();

/**
 * {@link tiedTimepoints}, computed at the first call for a case object and dose period and shared
 * by every later one (`activeTreatments` asks it for every value: computed each time, with the
 * values at each point looked up again, the appraisal grew with the cube of a case's values). A
 * case is read as built, as by the time network: a variant is a new case object.
 */
function tiedOnce(c: Case, t: Treatment): readonly string[] {
  let byPeriod = TIED.get(c);
  if (!byPeriod) TIED.set(c, byPeriod = new WeakMap());
  let ids = byPeriod.get(t);
  if (ids) return ids;
  let quotes = VALUE_QUOTES.get(c);
  if (!quotes) {
    quotes = new Map();
    for (const o of c.observations) {
      const at = quotes.get(o.day.timeId);
      if (at) at.push(o.quote);
      else quotes.set(o.day.timeId, [o.quote]);
    }
    VALUE_QUOTES.set(c, quotes);
  }
  const start = t.start.timeId;
  // A point surely before the start ("replaced by" the drug, said before a later dose) is not.
  const tied = c.timepoints.filter((p) =>
    p.id !== start && relativeDay(c, p.id, start).hi >= 0 && (
      (p.anchor === start && !COUNTED_BACK.has(p.rule)) ||
      [p.quote, ...(quotes.get(p.id) ?? [])].some((q) => names(q, t.drug))
    )
  ).map((p) => p.id);
  ids = Object.freeze([start, ...tied]);
  byPeriod.set(t, ids);
  return ids;
}

/**
 * Days from a time point to the end of a period: its stated end, or for a period with no stated
 * end, the latest time point tied to it ({@link tiedTimepoints}), as the interval whose `lo` is
 * the largest (the point surely latest); `null` (open) when no time point can be that end.
 */
function untilEndOf(c: Case, timeId: string, t: Treatment): NominalInterval | null {
  if (t.end) return relativeDay(c, t.end.timeId, timeId);
  const gaps = tiedOnce(c, t).map((id) => relativeDay(c, id, timeId));
  return gaps.reduce((a, b) => (b.lo > a.lo ? b : a));
}

/**
 * Which treatments are active at a time point, given interval times. A value reported at the
 * visit where a dose changes (same time point) reflects the dose before the change, so a period
 * is active at day t when start < t ≤ end. It is *certain* when that holds for every admissible
 * pair of times, *possible* when only for some. An end the text does not give is open: such a
 * period is certain only up to the last time point the text ties to it
 * ({@link tiedTimepoints}: its start, a point dated from it, a quote naming the drug) and
 * possible after it (data/README.md, "A period with no stated end"). An end that could meet the
 * observation only at the limit of its bounds (the end at most 0 days after it, but not the same
 * time point) does not make a period possible: the text then places the end before the
 * observation.
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
    // Running unless the time point is surely after the end (the rule of `surelyAfter`).
    const maybeRunning = untilEnd === null ||
      !surelyAfterGap({ lo: -untilEnd.hi, hi: -untilEnd.lo });
    if (surelyWithin(sinceStart, untilEndOf(c, timeId, t))) certain.push(t);
    else if (maybeStarted && maybeRunning) possible.push(t);
  }
  return { certain, possible };
}

/** Whether an interval of days is the same time point (0 apart, exactly). */
const samePoint = (x: Pick<NominalInterval, "lo" | "hi">) => x.lo === 0 && x.hi === 0;

/**
 * Whether the days from one time point to another (`gap` = later − earlier) surely put the later
 * one after: at least 0 days apart for every admissible time, and not the same time point. Two
 * points the bounds let meet only at their limit (0 days apart at most, but not the same visit)
 * are in the order the text gives them; one at the same visit is not after (the same-visit rule).
 */
const surelyAfterGap = (gap: Pick<NominalInterval, "lo" | "hi">) => gap.lo >= 0 && !samePoint(gap);

/**
 * Whether a time point is surely after another: the one rule by which the active-treatments
 * table, the causality table's dechallenge, Naranjo's questions and the claims say a value is
 * after a drug's start or stop. It is when it is at least 0 days after it for every admissible
 * time and not at the same visit: a time the bounds let meet the other only at their limit (a
 * stop bounded by a start, a value "within 6 days" of that start) is in the order the text gives
 * (after the stop); a value at the stop's own visit is before it (the same-visit rule,
 * data/README.md).
 *
 * @param c The case.
 * @param timeId One of its time points.
 * @param other Another (or the same: never after itself).
 * @returns True when `timeId` is surely after `other`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { activeTreatments, loadCaseSeries, surelyAfter } from "#lib/mod.ts";
 * for (const c of (await loadCaseSeries()).cases) {
 *   for (const o of c.observations) {
 *     const { possible, certain } = activeTreatments(c, o.day.timeId);
 *     // A period whose end the value is surely after is neither certain nor possible there.
 *     for (const t of [...certain, ...possible]) {
 *       assert.ok(t.end === null || !surelyAfter(c, o.day.timeId, t.end.timeId));
 *     }
 *     assert.equal(surelyAfter(c, o.day.timeId, o.day.timeId), false);
 *   }
 * }
 * ```
 */
export function surelyAfter(c: Case, timeId: string, other: string): boolean {
  return surelyAfterGap(relativeDay(c, timeId, other));
}

/**
 * Whether a time point is surely not before another: at least 0 days after it for every
 * admissible time, the same visit included (where {@link surelyAfter} is not). The one rule by
 * which a span is said to hold a time point at its edge (a value at the baseline's own visit, a
 * drug started at the visit another stopped) and a span to come after another's end.
 *
 * @param c The case.
 * @param timeId One of its time points.
 * @param other Another (or the same: never before itself).
 * @returns True when `timeId` is surely not before `other`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, notBefore, surelyAfter } from "#lib/mod.ts";
 * for (const c of (await loadCaseSeries()).cases) {
 *   for (const a of c.timepoints) {
 *     assert.equal(notBefore(c, a.id, a.id), true);
 *     // Surely after is surely not before.
 *     for (const b of c.timepoints) if (surelyAfter(c, a.id, b.id)) assert.ok(notBefore(c, a.id, b.id));
 *   }
 * }
 * ```
 */
export function notBefore(c: Case, timeId: string, other: string): boolean {
  return relativeDay(c, timeId, other).lo >= 0;
}

/**
 * Whether a time point is surely on a later day than another: more than 0 days after it for
 * every admissible time. Stricter than {@link surelyAfter}, which takes two time points the
 * bounds let meet only at their limit in the order the text gives them: a drug's last dose
 * possibly on the day another starts is not surely on a later day (the two may not overlap), and
 * a restart possibly on the day of the stop leaves no day surely without the drug.
 *
 * @param c The case.
 * @param timeId One of its time points.
 * @param other Another (or the same: never later than itself).
 * @returns True when `timeId` is surely on a later day than `other`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, surelyAfter, surelyLaterDay } from "#lib/mod.ts";
 * for (const c of (await loadCaseSeries()).cases) {
 *   for (const a of c.timepoints) {
 *     assert.equal(surelyLaterDay(c, a.id, a.id), false);
 *     // Surely on a later day is surely after.
 *     for (const b of c.timepoints) {
 *       if (surelyLaterDay(c, a.id, b.id)) assert.ok(surelyAfter(c, a.id, b.id));
 *     }
 *   }
 * }
 * ```
 */
export function surelyLaterDay(c: Case, timeId: string, other: string): boolean {
  return relativeDay(c, timeId, other).lo > 0;
}

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
  return surelyAfterGap(sinceStart) && (untilEnd === null || untilEnd.lo >= 0);
}

/**
 * Whether `drug` is surely given at a time point, though perhaps at a dose the times leave open:
 * one of its dose periods is certainly active there ({@link activeTreatments}), or some course of
 * it (periods that follow each other without a gap: each starts at the time point where the one
 * before ends) runs from a start surely before the time point to an end surely after it (none
 * stated: to the last time point tied to its last period, {@link tiedTimepoints}).
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
  expectCase("surelyGiven", c);
  const { certain } = activeTreatments(c, timeId);
  if (certain.some((t) => t.drug === drug)) return true;
  const periods = c.treatments.filter((t) => t.drug === drug);
  // Each course: a chain of periods from one no other period ends into (a stop and a restart
  // make two courses); the drug is surely given when one course surely covers the time point.
  const heads = periods.filter((t) => !continuesFrom(c, t));
  return heads.some((first) => {
    const chain = [first];
    for (let next; (next = continuedBy(c, chain.at(-1)!));) {
      if (chain.includes(next)) return false;
      chain.push(next);
    }
    const { sinceStart } = spanAround(c, timeId, first, chain.at(-1)!);
    return surelyWithin(sinceStart, untilEndOf(c, timeId, chain.at(-1)!));
  });
}

/**
 * The dose period of the same drug that a period continues (it starts where that one ends: a
 * dose change, not a new start of the drug), if any. One rule for every table, name and answer
 * that tells a start of a drug from a change of its dose.
 *
 * @param c The case.
 * @param t One of its dose periods.
 * @returns The period it continues, or undefined.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { continuedBy, continuesFrom, loadCaseSeries } from "#lib/mod.ts";
 * for (const c of (await loadCaseSeries()).cases) {
 *   for (const t of c.treatments) {
 *     const before = continuesFrom(c, t);
 *     if (before) assert.equal(continuedBy(c, before)?.drug, t.drug);
 *   }
 * }
 * ```
 */
export function continuesFrom(c: Case, t: Treatment): Treatment | undefined {
  return c.treatments.find((u) =>
    u !== t && u.drug === t.drug && u.end !== null && u.end.timeId === t.start.timeId
  );
}

/**
 * The dose period of the same drug that continues a period (it starts where this one ends: the
 * end is a dose change, not a stop), if any.
 *
 * @param c The case.
 * @param t One of its dose periods.
 * @returns The period that continues it, or undefined.
 */
export function continuedBy(c: Case, t: Treatment): Treatment | undefined {
  return t.end === null
    ? undefined
    : c.treatments.find((u) => u !== t && u.drug === t.drug && u.start.timeId === t.end!.timeId);
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
 * The drugs other than `except` given at any of these time points, each "certainly" (surely
 * given at one of them, {@link surelyGiven}: though perhaps at a dose the times leave open, as in
 * a switch whose doses change at a time not stated) or "possibly" (only possibly active), in
 * order of first mention.
 *
 * @param c The case.
 * @param timeIds Its time points.
 * @param except A drug to leave out (`null`: none).
 * @returns Each drug given, with how surely.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { activeTreatments, drugsGivenAt, loadCaseSeries, surelyGiven } from "#lib/mod.ts";
 * const c = (await loadCaseSeries()).cases[0];
 * const t = c.timepoints.at(-1)!.id;
 * const { certain } = activeTreatments(c, t);
 * for (const [drug, how] of drugsGivenAt(c, [t], null)) {
 *   assert.equal(how, surelyGiven(c, t, drug) ? "certainly" : "possibly");
 *   // A period certainly active makes its drug certainly given.
 *   if (certain.some((x) => x.drug === drug)) assert.equal(how, "certainly");
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
    for (const t of [...a.certain, ...a.possible]) {
      if (t.drug === except || how.get(t.drug) === "certainly") continue;
      how.set(t.drug, surelyGiven(c, id, t.drug) ? "certainly" : "possibly");
    }
  }
  return how;
}
