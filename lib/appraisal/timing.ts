/**
 * The design limit "irregular timing": how the text gives the time between consecutive values of
 * a case. A gap is stated when the text gives it as a number of days (both ends dated exactly
 * from a common point: its tightest bounds are one day); otherwise it is known only as an
 * interval, either from the amounts the text states (a time `within` a window, `approx`, or
 * counted from such a point) or only from the order of the narrative (`after`, `before`).
 *
 * @module
 */
import { valueScale } from "../cases.ts";
import { formatNumber, type NominalInterval } from "../intervals.ts";
import type { Case } from "../model.ts";
import { agree, plural } from "../prose.ts";
import { datedGap, gapPath, valueGap } from "../timeline.ts";
import { undatedPoints } from "./computed.ts";

/**
 * How the text gives the gap between two time points of a case: `stated` (a number of days: each
 * end dated exactly, by exact amounts, from a point they share), `interval` (bounds from the
 * amounts the text states, {@link datedGap}: e.g. two times each `within` a window from the
 * same start, even where a period forces them onto one day), `narrative` (placed only by the
 * order of the narrative: no amount on the way).
 *
 * @param c The case.
 * @param later A time id of the case.
 * @param earlier Another time id of the case.
 * @returns The kind, with the gap's bounds ({@link valueGap}: `relativeDay`, the rate table's
 * gap too).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, relativeDay } from "#lib/mod.ts";
 * import { gapKind } from "#lib/appraisal/timing.ts";
 * for (const c of (await loadCaseSeries()).cases) {
 *   for (const t of c.timepoints.filter((p) => p.anchor !== null)) {
 *     const { kind, gap } = gapKind(c, t.id, t.anchor!);
 *     assert.deepEqual(gap, relativeDay(c, t.id, t.anchor!));
 *     // A time a number of days from its anchor is a stated gap of that many days.
 *     if (t.rule === "exact" && t.offset.lo === t.offset.hi) {
 *       assert.deepEqual([kind, gap.lo, gap.hi], ["stated", t.offset.lo, t.offset.lo]);
 *     }
 *     // A time only `within` a window from its anchor is never a stated gap; one only after it
 *     // is placed by the narrative.
 *     if (t.rule === "within" && t.offset.lo < t.offset.hi) assert.equal(kind, "interval");
 *     if (t.rule === "after") assert.equal(kind, "narrative");
 *   }
 * }
 * ```
 */
export function gapKind(
  c: Case,
  later: string,
  earlier: string,
): { kind: "stated" | "interval" | "narrative"; gap: NominalInterval } {
  // The one rule for the gap between two values (negative where their order is open).
  const gap = valueGap(c, later, earlier);
  // Each point on the way dated a number of days from its anchor, the two chains meeting (a root
  // on the way: they do not).
  const exact = gapPath(c, later, earlier).every((t) =>
    t.anchor !== null && Number.isFinite(t.offset.lo) && t.offset.lo === t.offset.hi
  );
  const kind = exact && Number.isFinite(gap.lo) && gap.lo === gap.hi
    ? "stated"
    : datedGap(c, later, earlier)
    ? "interval"
    : "narrative";
  return { kind, gap };
}

const f = (x: number) => formatNumber(x, 1);

/** The span of some numbers of days: "19 to 60 days", or "60 days". */
function span(days: readonly number[]): string {
  const [lo, hi] = [Math.min(...days), Math.max(...days)];
  return `${lo === hi ? f(lo) : `${f(lo)} to ${f(hi)}`} days`;
}

/**
 * The evidence for irregular timing in an article's cases: its values, those at a time not dated
 * from the case's day 0, and the gaps between consecutive values of a case by how the text gives
 * them ({@link gapKind}): how many are stated (with their days), how many are known only as
 * intervals, those from the amounts the text states (with their nominal days and widths) and
 * those only from the order of the narrative.
 *
 * @param cases The article's cases.
 * @returns One sentence, without its final stop.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries } from "#lib/mod.ts";
 * import { timingEvidence } from "#lib/appraisal/timing.ts";
 * const text = timingEvidence((await loadCaseSeries()).cases);
 * // The values, those not dated from day 0, then the gaps: how many are stated ("none" when
 * // none is), with their days, and how many are known only as intervals.
 * assert.match(
 *   text,
 *   /^\d+ .+ values?, \d+ of them at a time not dated from the case's day 0; of \d+ gaps? between consecutive values, (none is stated as a number of days|\d+ (is|are) stated as a number of days \([\d.]+( to [\d.]+)? days\))(; \d+ (is|are) known only as (an interval|intervals) .+)?$/,
 * );
 * ```
 */
export function timingEvidence(cases: readonly Case[]): string {
  const gaps = cases.flatMap((c) => {
    const obs = c.observations;
    return obs.slice(1).map((o, i) => gapKind(c, o.day.timeId, obs[i].day.timeId));
  });
  const of = (k: string) => gaps.filter((g) => g.kind === k).map((g) => g.gap);
  const [stated, dated, narrative] = [of("stated"), of("interval"), of("narrative")];
  const undated = cases.reduce(
    (s, c) => s + c.observations.filter((o) => undatedPoints(c).includes(o.day.timeId)).length,
    0,
  );
  const values = cases.reduce((s, c) => s + c.observations.length, 0);
  const statedWords = stated.length === 0
    ? "none is stated as a number of days"
    : `${stated.length} ${agree(stated.length, "is", "are")} stated as a number of days ` +
      `(${span(stated.map((g) => g.nominal))})`;
  // The nominal days and widths of the intervals the text's amounts give.
  const days = dated.length
    ? `nominally ${span(dated.map((g) => g.nominal))}, ${dated.length > 1 ? "each " : ""}` +
      `${span(dated.map((g) => g.hi - g.lo))} wide`
    : "";
  const amounts = "from the amounts the text states";
  const order = "only from the order of the narrative";
  const unknown = dated.length + narrative.length;
  const intervalWords = unknown === 0 ? "" : `; ${unknown} ${agree(unknown, "is", "are")} ` +
    `known only as ${agree(unknown, "an interval", "intervals")} ${
      dated.length && narrative.length
        ? `(${dated.length} ${amounts}, ${days}; ${narrative.length} ${order})`
        : dated.length
        ? `${amounts} (${days})`
        : order
    }`;
  return `${plural(values, `${valueScale(cases).name} value`)}, ${undated} of them at a time ` +
    `not dated from the case's day 0; of ${plural(gaps.length, "gap")} between consecutive ` +
    `values, ${statedWords}${intervalWords}`;
}
