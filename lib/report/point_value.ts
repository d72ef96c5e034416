/**
 * When a point value of a case's course (an area under the curve, a time-weighted mean, a rate or
 * slope) may be shown as a number beside its bounds: the rule the effect sizes follow
 * (`lib/stats/reportable.ts`), applied once for every such table. A point value is withheld, with
 * why, where its bounds are open (an infinite bound: any point within them is arbitrary), where a
 * rate's bounds hold 0 (bounds strictly either side of 0: not even its direction is known; a
 * bound at 0, the other not: only "flat or rising", or "flat or falling", is known, and a number
 * would say more), or where it rests on fewer values than the study's `min_points_per_phase`; its
 * bounds are still shown.
 *
 * @module
 */
import { listing, plural } from "../prose.ts";

/** A point value with its bounds (`null` where undefined). */
export interface PointWithBounds {
  /** The point value (at the nominal days and values), or `null`. */
  nominal: number | null;
  /** Its least admissible value, or `null`. */
  lo: number | null;
  /** Its greatest admissible value, or `null`. */
  hi: number | null;
}

/** Options of {@link shownPoint}. */
export interface ShownPointOptions {
  /** Number of values the point value rests on. */
  n: number;
  /** The fewest values a point value needs (the study's `min_points_per_phase`). */
  minPoints: number;
  /** Whether its sign is its direction (a rate or slope): bounds holding 0 then withhold it. */
  signed?: boolean;
}

/** A point value as a table shows it: the number, or `null` with why. */
export interface ShownPoint {
  /** The number to show, or `null`. */
  value: number | null;
  /** Why `value` is `null` though a point value was computed; `null` otherwise. */
  reason: string | null;
}

/**
 * A point value as a table may show it: unchanged, or withheld (`null`) with why where its
 * bounds are open, where a rate's bounds hold 0 and more, or where it rests on fewer values than
 * `minPoints`. A point value not computed stays `null` with no reason here (its own says why).
 *
 * @param x The point value and its bounds.
 * @param options The number of values behind it, the fewest it needs, whether it is signed.
 * @returns The number to show, or `null` with the reason.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { shownPoint } from "#lib/report/point_value.ts";
 * const x = { nominal: 2, lo: 1, hi: 3 };
 * assert.deepEqual(shownPoint(x, { n: 3, minPoints: 3 }), { value: 2, reason: null });
 * // Two values where three are needed: the bounds only.
 * assert.match(shownPoint(x, { n: 2, minPoints: 3 }).reason!, /from 2 values/);
 * // Open bounds: a point within them is arbitrary.
 * const open = shownPoint({ nominal: -0.3, lo: -Infinity, hi: 0 }, { n: 3, minPoints: 3 });
 * assert.equal(open.value, null);
 * // A rate whose bounds lie either side of 0: its direction is unknown.
 * const either = shownPoint({ nominal: 0.05, lo: -0.1, hi: 0.1 }, { n: 3, minPoints: 3, signed: true });
 * assert.match(either.reason!, /not even its direction is known/);
 * // A bound at 0: flat or rising, not surely rising, so no number either.
 * const rate = { nominal: 0.05, lo: 0, hi: 0.1 };
 * assert.equal(shownPoint(rate, { n: 3, minPoints: 3, signed: true }).value, null);
 * assert.match(shownPoint(rate, { n: 3, minPoints: 3, signed: true }).reason!, /flat or rising/);
 * assert.equal(shownPoint(rate, { n: 3, minPoints: 3 }).value, 0.05);
 * ```
 */
export function shownPoint(x: PointWithBounds, options: ShownPointOptions): ShownPoint {
  const { nominal, lo, hi } = x;
  if (nominal === null) return { value: null, reason: null };
  if (options.n < options.minPoints) {
    return {
      value: null,
      reason: `from ${plural(options.n, "value")}; a point value needs at least ` +
        `${options.minPoints} (min_points_per_phase, study.json)`,
    };
  }
  if ((lo !== null && !Number.isFinite(lo)) || (hi !== null && !Number.isFinite(hi))) {
    return { value: null, reason: "its bounds are open, so a point within them is arbitrary" };
  }
  const why = options.signed && lo !== null && hi !== null ? directionUnknown(lo, hi) : null;
  if (why !== null) return { value: null, reason: why };
  return { value: nominal, reason: null };
}

/**
 * Why the bounds of a rate or slope leave its direction (its sign) unknown, or `null` when they
 * do not hold 0 (or are one number): strictly either side of 0, not even its direction is known;
 * one bound at 0 and the other above (below), it is flat or rising (falling), not surely either.
 */
function directionUnknown(lo: number, hi: number): string | null {
  if (lo > 0 || hi < 0 || lo === hi) return null;
  if (lo < 0 && hi > 0) {
    return "its bounds lie either side of 0, so not even its direction is known";
  }
  return lo === 0
    ? "its lower bound is 0, so it is flat or rising, not surely rising"
    : "its upper bound is 0, so it is flat or falling, not surely falling";
}

/**
 * The bounds a table shows beside a point value as {@link shownPoint} shows it: its bounds, or
 * `null` when it has none, or when the point value is withheld and its bounds are one number (at
 * exact days and values they are the point value itself, so showing them would show it).
 *
 * @param x The point value and its bounds.
 * @param shown How the point value is shown.
 * @returns The bounds to show, or null.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { shownBounds, shownPoint } from "#lib/report/point_value.ts";
 * const exact = { nominal: -2, lo: -2, hi: -2 };
 * const few = { n: 2, minPoints: 3 };
 * assert.equal(shownBounds(exact, shownPoint(exact, few)), null, "would show the number withheld");
 * assert.deepEqual(shownBounds(exact, shownPoint(exact, { n: 3, minPoints: 3 })), { lo: -2, hi: -2 });
 * const open = { nominal: -2, lo: -3, hi: -1 };
 * assert.deepEqual(shownBounds(open, shownPoint(open, few)), { lo: -3, hi: -1 });
 * ```
 */
export function shownBounds(
  x: PointWithBounds,
  shown: ShownPoint,
): { lo: number; hi: number } | null {
  const { lo, hi } = x;
  if (lo === null || hi === null) return null;
  if (shown.value === null && shown.reason !== null && lo === hi) return null;
  return { lo, hi };
}

/**
 * A table note naming the point values withheld ({@link shownPoint}), those with the same reason
 * together: "AUC and time-weighted mean not shown as a number: from 2 values; …".
 *
 * @param withheld Each point value's name and how it is shown.
 * @returns The notes, one per reason (none when nothing is withheld).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { withheldNotes } from "#lib/report/point_value.ts";
 * const why = { value: null, reason: "from 2 values" };
 * assert.deepEqual(
 *   withheldNotes([["AUC", why], ["mean", why], ["rate", { value: 1, reason: null }]]),
 *   ["AUC and mean not shown as a number: from 2 values"],
 * );
 * ```
 */
export function withheldNotes(withheld: readonly (readonly [string, ShownPoint])[]): string[] {
  const reasons = [...new Set(withheld.flatMap(([, p]) => p.reason ?? []))];
  return reasons.map((why) =>
    `${
      listing(withheld.filter(([, p]) => p.reason === why).map(([name]) => name))
    } not shown as a ` +
    `number: ${why}`
  );
}
