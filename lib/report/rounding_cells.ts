/**
 * The cells of a case's change and time-to-relief tables that say where a result sits on a
 * threshold's edge: its value's rounding interval (every stated value varied by half a unit of its
 * last stated digit, `withRounding`) crosses a responder threshold of the study, so rounding alone
 * moves it across.
 *
 * @module
 */
import { formatDay, formatInterval, type NominalInterval } from "../intervals.ts";
import type { Case } from "../model.ts";
import { caseChange, type ChangePoint, reaches } from "../analysis/change.ts";
import { percentThresholds, pointsThreshold } from "../study.ts";
import type { BaselineDefinition } from "../study.ts";
import { withRounding } from "../rounding.ts";
import { valueScale } from "../cases.ts";
import { described, describedInterval } from "../scales.ts";
import { listing } from "../prose.ts";

/** Whether a range of reductions holds values on both sides of a threshold (`reaches`). */
const crosses = (x: { lo: number; hi: number }, t: number) => reaches(x.lo, t) !== reaches(x.hi, t);

/** The values after the drug under rounding, by time id, with the thresholds each crosses. */
export interface RoundedPoint {
  /** Percent reduction with every stated value varied by its rounding (`null`: none defined). */
  percentReduction: NominalInterval | null;
  /** Reduction (baseline − value) under the same, in the case's described numbers (`valueScale`). */
  reduction: { lo: number; hi: number };
  /** The study's percent thresholds that the rounding interval crosses. */
  crossedPercent: number[];
  /**
   * The study's threshold in points of the common metric when the rounding interval crosses it,
   * else `null`; in the case's described numbers, as `reduction` (2 points are 20 mm).
   */
  crossedPoints: number | null;
  /** The unit of the described numbers. */
  unit: string;
}

/**
 * Each value after the drug of a case under rounding (`withRounding`), by time id: its percent
 * reduction and reduction in points, and the study's responder thresholds its interval crosses.
 *
 * @param c The case.
 * @param baseline The baseline definition.
 * @returns The values by time id (none when the case has no change after the drug).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { caseChange, loadCaseSeries, percentThresholds } from "#lib/mod.ts";
 * import { roundedPoints } from "#lib/report/rounding_cells.ts";
 * for (const c of (await loadCaseSeries()).cases) {
 *   const rounded = roundedPoints(c, c.study.baseline);
 *   for (const p of caseChange(c).points) {
 *     const r = rounded.get(p.timeId)!;
 *     // Rounding widens: the stated reduction lies within the rounded one.
 *     if (p.percentReduction && r.percentReduction) {
 *       assert.ok(r.percentReduction.lo <= p.percentReduction.lo + 1e-9);
 *       assert.ok(r.percentReduction.hi >= p.percentReduction.hi - 1e-9);
 *     }
 *     // A percent threshold is crossed exactly when it lies inside the rounded reduction.
 *     for (const t of percentThresholds(c.study)) {
 *       const inside = r.percentReduction !== null && r.percentReduction.lo + 1e-9 < t &&
 *         r.percentReduction.hi + 1e-9 >= t;
 *       assert.equal(r.crossedPercent.includes(t), inside);
 *     }
 *   }
 * }
 * ```
 */
export function roundedPoints(c: Case, baseline: BaselineDefinition): Map<string, RoundedPoint> {
  const s = valueScale([c]);
  const unit = s.unit;
  const points = caseChange(withRounding(c), { baseline }).points;
  const cut = pointsThreshold(c.study);
  return new Map(points.map((p: ChangePoint) => {
    const reduction = { lo: -p.change.hi, hi: -p.change.lo };
    const pr = p.percentReduction;
    return [p.timeId, {
      percentReduction: pr,
      reduction: describedInterval(s, reduction),
      crossedPercent: percentThresholds(c.study).filter((t) => pr !== null && crosses(pr, t)),
      crossedPoints: cut !== null && crosses(reduction, cut) ? described(s, cut) : null,
      unit,
    }];
  }));
}

/**
 * The change table's cell for a value whose rounding interval crosses a threshold: its reduction
 * under rounding and the thresholds crossed; `null` where rounding crosses none.
 *
 * @param r The value under rounding ({@link roundedPoints}), if any.
 * @returns For example "[27.7, 32.8]%: crosses ≥30%", or `null`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { roundingCell } from "#lib/report/rounding_cells.ts";
 * const r = {
 *   percentReduction: { lo: 27.7, hi: 32.8, nominal: 30.3 },
 *   reduction: { lo: 1.9, hi: 2.1 },
 *   crossedPercent: [30],
 *   crossedPoints: 2,
 *   unit: "cm",
 * };
 * assert.equal(roundingCell(r), "[27.7, 32.8]%: crosses ≥30%; [1.9, 2.1] cm less: crosses ≥2 cm");
 * assert.equal(roundingCell({ ...r, crossedPercent: [], crossedPoints: null }), null);
 * ```
 */
export function roundingCell(r: RoundedPoint | undefined): string | null {
  if (!r) return null;
  const parts = [
    ...(r.crossedPercent.length && r.percentReduction
      ? [
        `${formatInterval(r.percentReduction, 1)}%: crosses ${
          listing(r.crossedPercent.map((t) => `≥${t}%`))
        }`,
      ]
      : []),
    ...(r.crossedPoints !== null
      ? [`${formatInterval(r.reduction, 2)} ${r.unit} less: crosses ≥${r.crossedPoints} ${r.unit}`]
      : []),
  ];
  return parts.join("; ") || null;
}

/**
 * The time-to-relief table's cell for a threshold: the values up to the first that reaches it
 * (every value when none does) whose rounding interval crosses it, so that rounding alone moves
 * which value first reaches it; `null` when rounding moves none.
 *
 * @param points The values after the drug as stated (`caseChange(c).points`).
 * @param rounded The same under rounding ({@link roundedPoints}).
 * @param pct The percent threshold.
 * @param upTo Time id of the first value reaching it (as stated), or `null` when none does.
 * @returns For example "moves under rounding: the value of day 7 [0, 7] is [27.7, 32.8]%".
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { reliefRoundingCell } from "#lib/report/rounding_cells.ts";
 * const day = { lo: 0, hi: 7, nominal: 7 };
 * const points = [{ timeId: "a", day, dated: true }];
 * const r = {
 *   percentReduction: { lo: 27.7, hi: 32.8, nominal: 30.3 },
 *   reduction: { lo: 0.9, hi: 1.1 },
 *   crossedPercent: [30],
 *   crossedPoints: null,
 *   unit: "cm",
 * };
 * const rounded = new Map([["a", r]]);
 * assert.equal(
 *   reliefRoundingCell(points, rounded, 30, "a"),
 *   "moves under rounding: the value of day 7 [0, 7] is [27.7, 32.8]% with every stated value " +
 *     "varied by half its last digit",
 * );
 * assert.equal(reliefRoundingCell(points, rounded, 50, null), null);
 * ```
 */
export function reliefRoundingCell(
  points: readonly Pick<ChangePoint, "timeId" | "day" | "dated">[],
  rounded: ReadonlyMap<string, RoundedPoint>,
  pct: number,
  upTo: string | null,
): string | null {
  const end = upTo === null ? points.length : points.findIndex((p) => p.timeId === upTo) + 1;
  const moving = points.slice(0, end).filter((p) =>
    rounded.get(p.timeId)?.crossedPercent.includes(pct)
  );
  if (!moving.length) return null;
  return `moves under rounding: ${
    listing(moving.map((p) =>
      `the value of ${formatDay(p.day, p.dated, { prefix: true })} is ${
        formatInterval(rounded.get(p.timeId)!.percentReduction!, 1)
      }%`
    ))
  } with every stated value varied by half its last digit`;
}
