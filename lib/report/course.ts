/**
 * A case notebook's tables of the course of pain after the drug: the area under the curve over
 * the study's window and the whole follow-up, and the rates of change per dose period, each point
 * value a number only where `shownPoint` allows (`point_value.ts`).
 *
 * @module
 */
import { num } from "./cells.ts";
import {
  type PointWithBounds,
  shownBounds,
  type ShownPoint,
  shownPoint,
  withheldNotes,
} from "./point_value.ts";
import { expectCase } from "../args.ts";
import type { Row } from "../display.ts";
import { doseCells, doseShape } from "./dose_cells.ts";
import { fmt, formatInterval, type NominalInterval } from "../intervals.ts";
import type { Case } from "../model.ts";
import { caseChange } from "../analysis/change.ts";
import { areaUnderCurve } from "../analysis/course.ts";
import { type PeriodRate, periodRates } from "../analysis/period_rates.ts";
import { valueScale } from "../cases.ts";
import { described, describedInterval, painNumbersIn, type ValueScale } from "../scales.ts";
import { listing } from "../prose.ts";
import { periodWords } from "../period_value.ts";
import { timeName, valueName } from "../time_words.ts";

/**
 * A case's numbers on the common metric as its tables describe them (`valueScale`: mm of a 100
 * mm VAS): `d` for a number (null and undefined kept), `di` for an interval.
 */
const describers = (s: ValueScale) => {
  const di = <T extends { lo: number; hi: number }>(v: T): T => describedInterval(s, v);
  return {
    d: (x: number | null | undefined) => typeof x === "number" ? described(s, x) : x,
    di,
    /** A point value's bounds as the table shows them (`shownBounds`), in the case's numbers. */
    bounded: (x: PointWithBounds | null | undefined, shown: ShownPoint, digits: number) => {
      const b = x ? shownBounds(x, shown) : null;
      return b ? formatInterval(di(b), digits) : null;
    },
  };
};

/**
 * AUC over the study's early window after the drug start (`auc_window_days` of study.json, when
 * it sets one) and over the whole follow-up after it, each
 * labelled with the span actually integrated (an area covers only the time between reported
 * values) and the values it leaves out. The area and the time-weighted mean are shown as numbers
 * only where `shownPoint` allows (from at least the study's `min_points_per_phase` values, bounds
 * not open); otherwise only the bounds, and the note says why.
 *
 * @param c The case.
 * @returns One row per window.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { areaUnderCurve, aucRows, loadCaseSeries } from "#lib/mod.ts";
 * const c = (await loadCaseSeries()).cases[0];
 * const days = c.study.aucWindowDays;
 * if (days !== null) {
 *   const first = aucRows(c)[0];
 *   assert.equal(first.window, `days 0–${days}`);
 *   assert.equal(first.n, areaUnderCurve(c, { from: 0, to: days }).n);
 * }
 * ```
 */
export function aucRows(c: Case): Row[] {
  expectCase("aucRows", c);
  const s = valueScale([c]);
  const { unit } = s;
  // Areas and means on the common metric, described in the case's numbers (mm of a 100 mm VAS).
  const { d, di, bounded } = describers(s);
  const after = caseChange(c).points.map((p) => p.day.nominal);
  const early = c.study.aucWindowDays;
  const windows = [
    ...(early !== null ? [{ from: 0, to: early, early: true }] : []),
    ...(after.length ? [{ from: 0, to: Math.max(...after), early: false }] : []),
  ];
  return windows.map((w) => {
    // The whole follow-up ends at the last value, wherever its time falls: its window is open,
    // so that a time the words leave open past its nominal day moves the end, not the values in.
    const a = areaUnderCurve(c, { from: w.from, to: w.early ? w.to : Infinity });
    if (!w.early && a.undated.length > 0 && a.span !== null) {
      // The window ends at a value whose day is not stated: an area up to a placeholder day is
      // not data.
      return {
        window: "day 0 to the last value",
        integrated: null,
        n: a.n,
        [`AUC (${unit}·days)`]: null,
        "AUC bounds": null,
        [`time-weighted mean (${unit})`]: null,
        note: `not computed: no date is stated for ${
          listing(a.undated.map((id) => timeName(c, id)))
        }, so the area would end at a placeholder day`,
      };
    }
    const minPoints = c.study.minPointsPerPhase;
    // A point value from too few values, or whose bounds are open, is withheld (`shownPoint`).
    const area = shownPoint(a.auc ?? { nominal: null, lo: null, hi: null }, { n: a.n, minPoints });
    const mean = shownPoint({
      nominal: a.timeWeightedMean,
      lo: a.timeWeightedMeanBounds?.lo ?? null,
      hi: a.timeWeightedMeanBounds?.hi ?? null,
    }, { n: a.n, minPoints });
    const notes = [
      ...(a.undated.length
        ? [
          `no date stated for ${
            listing(a.undated.map((id) => timeName(c, id)))
          }: its day is a placeholder`,
        ]
        : []),
      ...a.excluded.map((e) => `${timeName(c, e.timeId)} left out (${e.reason})`),
      // An area some admissible times do not define has no bounds: say why, and its span where
      // it is defined.
      ...(a.boundsReason && a.partialBounds
        ? [
          `no AUC bounds: ${a.boundsReason}; over the times that give an area: ${
            formatInterval(di(a.partialBounds), 1)
          }`,
        ]
        : []),
      ...withheldNotes([["AUC", area], ["time-weighted mean", mean]]),
      // What the bounds assume that the text does not fix.
      ...(a.orderAssumed && (a.auc?.lo ?? null) !== null ? [`AUC bounds: ${a.orderAssumed}`] : []),
    ];
    const undatedEnd = a.span !== null && a.undated.length > 0;
    return {
      window: w.early
        ? `days 0–${w.to}`
        : a.undated.length
        ? `day 0 to the last value (undated; placed at its nominal day ${fmt(w.to, 4)})`
        : `days 0–${fmt(w.to, 4)} (to the last value)`,
      integrated: a.span
        ? `days ${fmt(a.span.from, 4)}–${fmt(a.span.to, 4)}${undatedEnd ? " (nominal)" : ""}`
        : null,
      n: a.n,
      [`AUC (${unit}·days)`]: num(d(area.value)),
      "AUC bounds": bounded(a.auc, area, 1),
      // A value stated as a range makes the mean a range (at the nominal days).
      [`time-weighted mean (${unit})`]: a.timeWeightedMeanBounds &&
          a.timeWeightedMeanBounds.lo !== a.timeWeightedMeanBounds.hi
        ? formatInterval(di(a.timeWeightedMeanBounds), 2)
        : num(d(mean.value)),
      note: [...(a.auc ? [] : a.reason ? [a.reason] : []), ...notes].join("; ") || null,
    };
  });
}

/**
 * Where the text leaves a rate's first and last values in either order (`valueGap`), which
 * comes first is unknown: the note says so, with the rate's bounds in each order (`f` formats
 * them in the case's numbers); `null` otherwise.
 */
function orderNote(
  c: Case,
  r: PeriodRate,
  f: (x: { lo: number; hi: number }) => string,
): string | null {
  const o = r.eitherOrder;
  if (!o) return null;
  const each = [
    o.narrated ? `in the order narrated ${f(o.narrated)}` : null,
    o.reversed ? `in the other ${f(o.reversed)}` : null,
  ].filter((x) => x !== null);
  return `the text does not state whether ${timeName(c, o.first)} or ${timeName(c, o.last)} ` +
    "comes first, so the rate may have either sign: " +
    `${each.join(", ")}`;
}

/**
 * The values a rate leaves out because its drug (for a dose period: at that dose) is only
 * possibly given there, each named for a reader (`valueName`) and said to be stated over
 * a period where it is, and why: for a period with no stated end, up to where it is certainly
 * given (named by `timeName`); else the text does not date the values against the period's start
 * or end. `null` when none is left out.
 */
function possiblyGivenNote(c: Case, r: PeriodRate): string | null {
  if (r.possiblyGiven.length === 0) return null;
  const values = r.possiblyGiven.map(({ observation: o }) => {
    const period = periodWords(o) !== null ? " (stated over a period, not one rating)" : "";
    return `${valueName(c, o)}${period}`;
  });
  const why = r.certainUpTo.length
    ? `no end stated: certainly given only up to ${
      listing(r.certainUpTo.map((id) => timeName(c, id)))
    }, the last time point the text ties to it`
    : `the text does not date ${values.length > 1 ? "them" : "it"} against the start or end of ` +
      `${r.period ? "this dose" : r.drug} (the active-treatments table marks it possible there)`;
  return `left out, where ${r.drug}${r.period ? " at this dose" : ""} is only possibly ` +
    `given: ${listing(values)}; ${why}`;
}

/**
 * Rate of change per drug and dose period. The rates are shown as numbers only where `shownPoint`
 * allows (from at least the study's `min_points_per_phase` values, bounds neither open nor holding
 * 0); otherwise only the bounds, and the note says why. A value where the drug is only possibly
 * given (after the last time point tied to a period with no stated end) is not in the rate: the
 * note lists it. The dose columns are those of the dose periods table
 * (`dose_cells.ts`): `mg/day` numbers, `null` for a row over all doses of a drug or a dose not
 * stated in mg/day, with why in `dose note`.
 *
 * @param c The case.
 * @returns One row per dose period, then one per drug over all its doses.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, rateRows } from "#lib/mod.ts";
 * const c = (await loadCaseSeries()).cases.find((x) => x.treatments.length > 0)!;
 * const rows = rateRows(c);
 * assert.ok(rows.every((r) => typeof r["mg/day"] === "number" || r["mg/day"] === null));
 * assert.ok(rows.some((r) => r["dose note"] === "all doses"));
 * ```
 */
export function rateRows(c: Case): Row[] {
  expectCase("rateRows", c);
  const s = valueScale([c]);
  const { unit } = s;
  // Values and rates on the common metric, described in the case's numbers.
  const { d, di, bounded } = describers(s);
  const rates = periodRates(c);
  const entry = (r: (typeof rates)[number]) => r.period ?? { note: "all doses" };
  const shape = doseShape(rates.map(entry));
  return rates.map((r) => {
    // Net: a nominal value in between lies past the first and last (not a range's bounds alone).
    const net = r.values.length >= 3 && Math.max(...r.values) - Math.min(...r.values) >
        Math.abs(r.values.at(-1)! - r.values[0]);
    const lo = Math.min(...r.intervals.map((v) => v.lo));
    const hi = Math.max(...r.intervals.map((v) => v.hi));
    // An end of the values in between is a stated value: written with its stated digits.
    const end = (side: "lo" | "hi", x: number) => {
      const o = r.observations.find((o) => o.common[side] === x)!;
      const at = (v: NominalInterval) => ({ lo: v[side], hi: v[side], nominal: v[side] });
      return painNumbersIn(s, { ...o, common: at(o.common), value: at(o.value) });
    };
    // A rate from too few values, or whose bounds are open or hold 0 (either side of it, or at
    // it), is withheld (`shownPoint`).
    const rules = { n: r.n, minPoints: c.study.minPointsPerPhase, signed: true };
    const rate = shownPoint(r.perWeek ?? { nominal: null, lo: null, hi: null }, rules);
    const slope = shownPoint({
      nominal: r.leastSquaresPerWeek,
      lo: r.leastSquaresBounds?.lo ?? null,
      hi: r.leastSquaresBounds?.hi ?? null,
    }, rules);
    const notes = [
      net
        ? `first→last is a net change: the values in between range ${end("lo", lo)}–${
          end("hi", hi)
        }`
        : null,
      r.perWeek ? r.nominalReason ?? null : r.reason ?? null,
      orderNote(c, r, (x) => formatInterval(di(x), 2)),
      possiblyGivenNote(c, r),
      ...withheldNotes([["first→last rate", rate], ["least-squares slope", slope]]),
      r.leastSquaresBoundsReason ? `no least-squares bounds: ${r.leastSquaresBoundsReason}` : null,
    ].filter((x) => x !== null);
    return {
      drug: r.drug,
      ...doseCells(entry(r), shape),
      n: r.n,
      // Each value as the text states it, with its digits ("1.0", a range as "0–1.0"), never its
      // midpoint: the rule of every table (`painNumbersIn`).
      values: r.observations.map((o) => painNumbersIn(s, o)).join(" → ") || null,
      [`${unit}/week (first→last)`]: num(d(rate.value)),
      bounds: bounded(r.perWeek, rate, 2),
      [`${unit}/week (least squares)`]: num(d(slope.value)),
      // Over every admissible time and value: the nominal slope is one placement of many.
      "least-squares bounds": bounded(
        {
          nominal: r.leastSquaresPerWeek,
          lo: r.leastSquaresBounds?.lo ?? null,
          hi: r.leastSquaresBounds?.hi ?? null,
        },
        slope,
        3,
      ),
      note: notes.join("; ") || null,
    };
  });
}
