/**
 * The order of a period's two ends (a dose period's `start` and `end` in `treatments.csv`, a
 * value's `period_start` and `period_end` in `observations.csv`), one rule for both: an end is
 * wrong only when it is surely before the start for every admissible pair of days, by the
 * tightest bounds of the time between the two that the time points' anchors and bounds imply
 * together (`../time_network.ts`); the nominal days, placeholders where the text leaves a time
 * open, are not compared. An end that can at most fall on the start's day (and may fall before
 * it) makes the period empty, a stop at the visit it starts: a warning, not an error. The bounds
 * are those of the time points and of the case's periods accepted before (each starts no later
 * than it ends: `acceptPeriod`), never of the period checked itself: an end surely before its
 * start is then named at its own row, and the network of every accepted period never contradicts
 * itself (a period whose edge would close a negative cycle is exactly one whose end is surely
 * before its start by the others).
 *
 * @module
 */
import type { NominalInterval } from "../intervals.ts";
import type { Day } from "../model.ts";
import { networkOf } from "../time_network.ts";
import type { AcceptedPeriod, Resolved } from "./resolve.ts";
import { cell } from "./values.ts";

/** A period whose end is before its start: an error, or, when it may be empty, a warning. */
export interface PeriodOrderProblem {
  /** True: the end is surely before the start; false: the period can only be empty. */
  error: boolean;
  /** The message, naming both time points, their days and what to check. */
  message: string;
}

/**
 * Checks that a period does not end before it starts (data/README.md, "The order of a period's
 * ends"): an error when the end is surely before the start, whatever days the text leaves open
 * (the greatest admissible time(end) − time(start) is below 0); a warning when the end can at
 * most fall on the start's day and may fall before it (the period can only be empty). An end
 * surely on the start's day (the same time point, or one dated 0 days from it) is a stop at the
 * visit the period starts, and passes.
 *
 * @param resolved The derived time points of the load.
 * @param caseId The period's case.
 * @param start The day of its start.
 * @param end The day of its end.
 * @param columns The columns naming the start and the end (for the message).
 * @returns The problem, or null.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { periodOrderProblem } from "#lib/data/period_order.ts";
 * import { ByCase } from "#lib/data/rows.ts";
 * const day = (timeId: string, lo: number, hi: number) =>
 *   ({ timeId, lo, hi, nominal: lo, depth: 1, order: 0 });
 * const resolved = { times: new ByCase(), roots: new Map(), derived: new ByCase() } as never;
 * const columns = { start: "start", end: "end" };
 * const p = periodOrderProblem(resolved, "A", day("y", 18, 22), day("x", 8, 12), columns);
 * assert.equal(p?.error, true);
 * assert.match(p!.message, /^ends before it starts: end 'x' day 8 \[8, 12\] is before start 'y'/);
 * // Days that may fall either way: no problem.
 * assert.equal(periodOrderProblem(resolved, "A", day("y", 0, 40), day("x", 8, 12), columns), null);
 * ```
 */
export function periodOrderProblem(
  resolved: Resolved,
  caseId: string,
  start: Day,
  end: Day,
  columns: { start: string; end: string },
): PeriodOrderProblem | null {
  // Surely at or after the start by the days alone (the usual case), or the same time point.
  if (end.lo >= start.hi || end.timeId === start.timeId) return null;
  const gap = between(resolved, caseId, start, end);
  if (gap.hi > 0 || (gap.hi === 0 && gap.lo === 0)) return null;
  const others = otherPeriodsWords(resolved, caseId, start, end, gap);
  const days = `${columns.end} '${end.timeId}' ${dayWords(end)} is ` +
    `${gap.hi < 0 ? "before" : "at or before"} ${columns.start} '${start.timeId}' ` +
    `${dayWords(start)}${others}`;
  if (gap.hi < 0) {
    const by = gap.lo === gap.hi ? `${cell(-gap.hi)} days` : `at least ${cell(-gap.hi)} days`;
    return {
      error: true,
      message: `ends before it starts: ${days} (${by} before it, whatever days the text leaves ` +
        `open): are ${columns.start} and ${columns.end} swapped, or is one the wrong time point?`,
    };
  }
  return {
    error: false,
    message: `ends no later than it starts: ${days} whatever days the text leaves open, so ` +
      "the period is at best empty (a stop at the visit it starts); if it is not, are " +
      `${columns.start} and ${columns.end} swapped, or is one the wrong time point?`,
  };
}

/**
 * Whether two periods surely overlap: each surely starts before the other ends (half-open: one
 * that ends where the other starts does not overlap it), for every admissible pair of days, by
 * the same tightest bounds as {@link periodOrderProblem}; an end not stated never comes first.
 * Nominal days, placeholders where the text leaves a time open, are not compared.
 *
 * @param resolved The derived time points of the load.
 * @param caseId The periods' case.
 * @param a One period's start and end (`null`: no end stated).
 * @param b The other's.
 * @returns True when they surely overlap.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { periodsSurelyOverlap } from "#lib/data/period_order.ts";
 * import { ByCase } from "#lib/data/rows.ts";
 * const day = (timeId: string, lo: number, hi: number) =>
 *   ({ timeId, lo, hi, nominal: (lo + hi) / 2, depth: 1, order: 0 });
 * const resolved = { times: new ByCase(), roots: new Map(), derived: new ByCase() } as never;
 * const a = { start: day("a0", 0, 0), end: day("a1", 10, 12) };
 * assert.ok(periodsSurelyOverlap(resolved, "A", a, { start: day("b0", 5, 6), end: null }));
 * // b may start after a ends: not surely.
 * assert.ok(!periodsSurelyOverlap(resolved, "A", a, { start: day("b0", 5, 20), end: null }));
 * ```
 */
export function periodsSurelyOverlap(
  resolved: Resolved,
  caseId: string,
  a: { start: Day; end: Day | null },
  b: { start: Day; end: Day | null },
): boolean {
  // Surely after by the days alone (the usual case) asks no network.
  const endsAfter = (end: Day | null, start: Day) =>
    end === null || end.lo > start.hi || between(resolved, caseId, start, end).lo > 0;
  return endsAfter(a.end, b.start) && endsAfter(b.end, a.start);
}

/**
 * Records a period the load has accepted (its order checked by {@link periodOrderProblem}), so
 * that the order of the later ones, and whether they surely overlap, is read with it: its start
 * is no later than its end. A period the days alone already put in order (its end's earliest day
 * not before its start's latest), one that starts and ends at one time point and one with no end
 * add nothing, and are not recorded.
 *
 * @param resolved The derived time points of the load (its `periods` gets the period).
 * @param caseId The period's case.
 * @param start The day of its start.
 * @param end The day of its end, or null when the text states none.
 * @param where Its table and row's line (named by the messages of later rows).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { acceptPeriod } from "#lib/data/period_order.ts";
 * import { ByCase } from "#lib/data/rows.ts";
 * const day = (timeId: string, lo: number, hi: number) =>
 *   ({ timeId, lo, hi, nominal: lo, depth: 1, order: 0 });
 * const resolved = { times: new ByCase(), roots: new Map(), derived: new ByCase() } as never;
 * const recorded = () => (resolved as { periods?: Map<string, unknown> }).periods?.get("A");
 * // In order by its days alone, or with no end: nothing to record.
 * const where = { file: "treatments.csv", row: 4 };
 * acceptPeriod(resolved, "A", day("a", 0, 10), day("b", 20, 30), where);
 * acceptPeriod(resolved, "A", day("a", 0, 10), null, where);
 * assert.equal(recorded(), undefined);
 * acceptPeriod(resolved, "A", day("c", 5, Infinity), day("b", 20, 30), where);
 * assert.deepEqual(recorded(), [{ start: "c", end: "b", file: "treatments.csv", row: 4 }]);
 * ```
 */
export function acceptPeriod(
  resolved: Resolved,
  caseId: string,
  start: Day,
  end: Day | null,
  where: { file: string; row: number },
): void {
  if (end === null || end.lo >= start.hi || end.timeId === start.timeId) return;
  const periods = resolved.periods ??= new Map();
  const period: AcceptedPeriod = { start: start.timeId, end: end.timeId, ...where };
  periods.set(caseId, [...periods.get(caseId) ?? [], period]);
}

/**
 * When only the periods accepted before make an end surely (or at best) before its start, the
 * words that say so, naming each of them without which it would not be (", given the period at
 * treatments.csv line 4"), or the case's other periods when no one alone is needed; "" when the
 * time points alone make it so.
 */
function otherPeriodsWords(
  resolved: Resolved,
  caseId: string,
  start: Day,
  end: Day,
  gap: NominalInterval,
): string {
  const accepted = resolved.periods?.get(caseId) ?? [];
  const without = (left: readonly AcceptedPeriod[]) =>
    between({ ...resolved, periods: new Map([[caseId, left]]) }, caseId, start, end).hi;
  if (accepted.length === 0 || !(without([]) > gap.hi)) return "";
  const needed = accepted.filter((p) => without(accepted.filter((q) => q !== p)) > gap.hi);
  if (needed.length === 0) return ", given the case's other periods";
  const at = needed.map((p) => `${p.file} line ${p.row}`);
  const list = at.length === 1 ? at[0] : `${at.slice(0, -1).join(", ")} and ${at.at(-1)}`;
  return `, given the period${needed.length === 1 ? "" : "s"} at ${list}`;
}

/** A day as the messages write it: `day 35`, or `day 33.5 [0, Inf]` where the text leaves it open. */
function dayWords(d: NominalInterval): string {
  const nominal = `day ${cell(d.nominal)}`;
  return d.lo === d.hi ? nominal : `${nominal} [${cell(d.lo)}, ${cell(d.hi)}]`;
}

/**
 * time(end) − time(start): by the case's network of time points and of the periods accepted so
 * far (`acceptPeriod`), or, when it cannot say (the
 * time points contradict each other, or are not among the case's derived ones), by the two
 * days' bounds taken independently.
 */
function between(resolved: Resolved, caseId: string, start: Day, end: Day): NominalInterval {
  const loose = {
    lo: end.lo - start.hi,
    hi: end.hi - start.lo,
    nominal: end.nominal - start.nominal,
  };
  const points = resolved.derived.get(caseId);
  if (points === undefined) return loose;
  const net = networkOf(caseId, points, resolved.periods?.get(caseId));
  if (!net.has(start.timeId) || !net.has(end.timeId)) return loose;
  try {
    return net.between(end.timeId, start.timeId);
  } catch (e) {
    if (e instanceof RangeError) return loose;
    throw e;
  }
}
