/**
 * The course of pain between a case's values after a drug: the area under the pain curve over a
 * window, with bounds over the admissible times and values (kept in the order given:
 * `orderAssumed` names what that assumes). The rate of change per dose period is in
 * `period_rates.ts`.
 *
 * @module
 */
import { expectSeriesDrug } from "../series_drugs.ts";
import type { ChangeOptions } from "./change.ts";
import { expectCase } from "../args.ts";
import type { Case } from "../model.ts";
import {
  type AlignedObservation,
  alignOnDrug,
  datedGap,
  firstPeriod,
  neverTakes,
  type Phase,
  relativeDay,
} from "../timeline.ts";
import { listing, plural } from "../prose.ts";
import { timeName } from "../time_words.ts";
import { checkOptions } from "../options.ts";
import { changeOptionsSchema } from "./option_schemas.ts";

/** Area under the pain curve over a window, with bounds over the admissible times (in the order
 * given: `orderAssumed`) and values. */
export interface AreaUnderCurve {
  /** Case id. */
  caseId: string;
  /** The drug whose start is day 0. */
  drug: string;
  /** The window asked for, in days since the drug start. */
  window: { from: number; to: number };
  /**
   * The span actually integrated: nominal days of the first and last observation used (an area
   * covers only the time between reported values), `null` when no area is computed.
   */
  span: { from: number; to: number } | null;
  /** Time ids of observations used whose nominal day is a placeholder (no date stated). */
  undated: string[];
  /**
   * AUC (points of the common metric × days; cm·days on a 10 cm VAS) at nominal times and values,
   * and its least and greatest admissible values: `lo`/`hi` are `null`, with `boundsReason`,
   * where some admissible times give no area (`partialBounds` then spans those that give one).
   */
  auc: { lo: number | null; hi: number | null; nominal: number } | null;
  /** AUC divided by the integrated span (points of the common metric), at nominal values. */
  timeWeightedMean: number | null;
  /**
   * The time-weighted mean at the nominal days with every value at its lower, then its upper
   * bound (equal to `timeWeightedMean` when every value is exact); `null` with it.
   */
  timeWeightedMeanBounds: { lo: number; hi: number } | null;
  /** Number of observations used. */
  n: number;
  /** Observations left out because the drug start may fall after them, with why. */
  excluded: { timeId: string; reason: string }[];
  /** Why `auc` is null. */
  reason?: string;
  /**
   * Why the area's bounds are not defined although its nominal value is: for some admissible
   * times fewer than two values fall in the window (a value whose time interval reaches past the
   * window's edge), and no area exists there. `auc.lo`/`auc.hi` are then `null`.
   */
  boundsReason?: string;
  /** With `boundsReason`: the least and greatest area over the admissible times that give one. */
  partialBounds?: { lo: number; hi: number };
  /**
   * What the area's bounds assume and the text does not fix: values that may fall in the window
   * are taken in the order they are given (by nominal day), and these pairs may come in either
   * order (`relativeDay` allows the later one before the earlier), so a placement that swaps
   * them is not among those the bounds cover; absent when the text fixes their order.
   */
  orderAssumed?: string;
}

/** Trapezoid area of points in order. */
function trapezoid(t: number[], v: number[]): number {
  let s = 0;
  for (let i = 1; i < t.length; i++) s += (t[i] - t[i - 1]) * (v[i] + v[i - 1]) / 2;
  return s;
}

/**
 * Extreme trapezoid areas over times t_i in [lo_i, hi_i] kept in order. The area is linear in
 * the times for fixed values, so its extremes lie at vertices of the ordered box, where every time
 * equals one of the bounds: those are enumerated.
 */
function extremeAreas(
  lo: number[],
  hi: number[],
  v: number[],
): { min: number; max: number } {
  const candidates = [...new Set([...lo, ...hi])].sort((a, b) => a - b);
  let min = Infinity;
  let max = -Infinity;
  const t: number[] = [];
  const visit = (i: number) => {
    if (i === lo.length) {
      const a = trapezoid(t, v);
      min = Math.min(min, a);
      max = Math.max(max, a);
      return;
    }
    for (const x of candidates) {
      if (x < lo[i] || x > hi[i] || (i > 0 && x < t[i - 1])) continue;
      t[i] = x;
      visit(i + 1);
    }
  };
  visit(0);
  return { min, max };
}

/**
 * Time-weighted area under the pain curve (trapezoid rule, points × days) of the observations whose
 * nominal time lies in `[from, to]` days after the drug start, their time intervals clipped to the
 * window. A window after the start (`from ≥ 0`) takes only values surely after it (phase
 * "after"): a value narrated before the start, or one that may precede it, never enters a
 * post-drug area, and is listed in `excluded`. Bounds: the least area uses the lower value bounds,
 * the greatest the upper ones, each over every admissible placement of times in the order given, under which the
 * values in the window are those whose time falls in it (a value whose nominal day is outside may
 * fall inside, and one inside may fall outside); where some placement leaves fewer than two
 * values in the window, no area exists there and `boundsReason` says so (the bounds are then
 * `null`; `partialBounds` spans the placements that give an area). The placements keep the values
 * in the order given (by nominal day): where the text leaves two of them in either order
 * (`relativeDay`), a placement that swaps them is not covered, and `orderAssumed` names them.
 * Needs two observations at their nominal days; `span` says which days the area actually covers.
 *
 * @param c The case.
 * @param window Days since the drug start.
 * @param options Drug (default: the study's drug of interest).
 * @returns The area with its bounds, span and n, or `auc: null` with a reason.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { areaUnderCurve, loadCaseSeries } from "#lib/mod.ts";
 * const cases = (await loadCaseSeries()).cases;
 * const c = cases.find((x) => areaUnderCurve(x, { from: 0, to: 30 }).auc !== null)!;
 * const a = areaUnderCurve(c, { from: 0, to: 30 });
 * // The span integrated lies in the window; the mean is the area over the span.
 * assert.ok(0 <= a.span!.from && a.span!.to <= 30);
 * // Bounds, where every admissible time gives an area, hold the nominal area; else null, with why.
 * if (a.boundsReason === undefined) assert.ok(a.auc!.lo! <= a.auc!.nominal && a.auc!.nominal <= a.auc!.hi!);
 * else assert.equal(a.auc!.lo, null);
 * assert.ok(Math.abs(a.timeWeightedMean! - a.auc!.nominal / (a.span!.to - a.span!.from)) < 1e-9);
 * ```
 */
export function areaUnderCurve(
  c: Case,
  window: { from: number; to: number },
  options: ChangeOptions = {},
): AreaUnderCurve {
  expectCase("areaUnderCurve", c);
  checkOptions("areaUnderCurve", changeOptionsSchema, options);
  expectSeriesDrug("areaUnderCurve (options.drug)", c, options.drug);
  const drug = options.drug ?? c.study.drug;
  const empty = (n: number, reason: string, excluded: AreaUnderCurve["excluded"] = []) => ({
    caseId: c.id,
    drug,
    window,
    span: null,
    undated: [],
    auc: null,
    timeWeightedMean: null,
    timeWeightedMeanBounds: null,
    n,
    excluded,
    reason,
  });
  const start = firstPeriod(c, drug);
  if (!start) return empty(0, neverTakes(c, drug));
  const aligned = alignOnDrug(c, drug);
  const inWindow = aligned.filter((o) =>
    o.relative.nominal >= window.from && o.relative.nominal <= window.to
  );
  const wanted = window.from >= 0 ? "after" : window.to <= 0 ? "before" : null;
  const excluded = inWindow.filter((o) => wanted !== null && o.phase !== wanted).map((o) => ({
    timeId: o.day.timeId,
    reason: o.phase === "ambiguous"
      ? `may precede or follow the start of ${drug}`
      : `${o.phase} the start of ${drug}`,
  }));
  const obs = inWindow.filter((o) => wanted === null || o.phase === wanted);
  if (obs.length < 2) {
    return empty(
      obs.length,
      `${plural(obs.length, "observation")} in the window: an area needs two`,
      excluded,
    );
  }
  const t = obs.map((o) => o.relative.nominal);
  const nominal = trapezoid(t, obs.map((o) => o.common.nominal));
  const bounds = admissibleAreas(aligned, window, wanted);
  const swaps = unorderedPairs(c, aligned, window, wanted);
  const span = t[t.length - 1] - t[0];
  const placed = { lo: Math.min(bounds.lo, nominal), hi: Math.max(bounds.hi, nominal) };
  return {
    caseId: c.id,
    drug,
    window,
    span: { from: t[0], to: t[t.length - 1] },
    undated: obs.filter((o) => !datedGap(c, o.day.timeId, start.start.timeId)).map((o) =>
      o.day.timeId
    ),
    // Every admissible placement that gives an area includes the nominal one; where some give
    // none, the area has no bounds (null), and those of the placements that give one are apart.
    auc: bounds.fewer.length ? { lo: null, hi: null, nominal } : { ...placed, nominal },
    timeWeightedMean: span > 0 ? nominal / span : null,
    timeWeightedMeanBounds: span > 0
      ? {
        lo: trapezoid(t, obs.map((o) => o.common.lo)) / span,
        hi: trapezoid(t, obs.map((o) => o.common.hi)) / span,
      }
      : null,
    n: obs.length,
    excluded,
    ...(bounds.fewer.length
      ? {
        boundsReason: `for some admissible times fewer than two values fall in days ` +
          `${window.from}–${window.to} (${
            listing(
              bounds.fewer.map((f) => `${timeName(c, f.timeId)} may fall ${f.side} day ${f.day}`),
            )
          }), and no area exists there`,
        partialBounds: placed,
      }
      : {}),
    ...(swaps.length
      ? {
        orderAssumed: `the bounds take the values in the order given; the text leaves these ` +
          `pairs in either order: ${swaps.map(([a, b]) => `(${a}, ${b})`).join(", ")}`,
      }
      : {}),
  };
}

/**
 * The pairs of values of the right phase that may fall in the window whose order the text does
 * not fix: the later given may fall before the earlier (`relativeDay`'s least gap is below 0).
 * None when fewer than three values may fall in it (two give the same area in either order).
 */
function unorderedPairs(
  c: Case,
  aligned: readonly AlignedObservation[],
  window: { from: number; to: number },
  wanted: Phase | null,
): [string, string][] {
  const may = aligned.filter((o) =>
    (wanted === null || o.phase === wanted) && o.relative.hi >= window.from &&
    o.relative.lo <= window.to
  ).map((o) => o.day.timeId);
  // Two values give the same trapezoid in either order: only from three does an order matter.
  if (may.length < 3) return [];
  return may.flatMap((a, i) =>
    may.slice(i + 1).filter((b) => a !== b && relativeDay(c, b, a).lo < 0)
      .map((b): [string, string] => [a, b])
  );
}

/** The least and greatest areas over the admissible placements of the values in a window that
 * keep them in the order given. */
interface AdmissibleAreas {
  /** Least area over the placements that give one (Infinity when none does). */
  lo: number;
  /** Greatest area over the same (−Infinity when none does). */
  hi: number;
  /**
   * When some placement leaves fewer than two values in the window: each value that may then
   * fall outside it, the side and the edge's day; empty otherwise.
   */
  fewer: { timeId: string; side: "before" | "after"; day: number }[];
}

/**
 * Extreme areas over the admissible placements of the values of the right phase that keep them in
 * the order given (what the text leaves in either order is named by `unorderedPairs`): which
 * values fall in the window depends on their times, not on their nominal days. Values so ordered
 * fall in the window as a contiguous run, holding every value whose time interval lies inside it; each
 * such run of two or more values gives areas over its times clipped to the window (in order,
 * {@link extremeAreas}), the least at the values' lower bounds, the greatest at their upper ones.
 * A run of fewer than two (the values that may fall outside all outside) gives no area.
 */
function admissibleAreas(
  aligned: readonly AlignedObservation[],
  window: { from: number; to: number },
  wanted: Phase | null,
): AdmissibleAreas {
  const may = aligned.filter((o) =>
    (wanted === null || o.phase === wanted) && o.relative.hi >= window.from &&
    o.relative.lo <= window.to
  );
  const surely = may.map((o) => o.relative.lo >= window.from && o.relative.hi <= window.to);
  const first = surely.indexOf(true);
  const last = surely.lastIndexOf(true);
  let [lo, hi] = [Infinity, -Infinity];
  for (let i = 0; i < may.length; i++) {
    for (let j = i + 1; j < may.length; j++) {
      // The run may[i..j] must hold every value surely in the window.
      if (first !== -1 && (i > first || j < last)) continue;
      const run = may.slice(i, j + 1);
      const tLo = run.map((o) => Math.max(o.relative.lo, window.from));
      const tHi = run.map((o) => Math.min(o.relative.hi, window.to));
      lo = Math.min(lo, extremeAreas(tLo, tHi, run.map((o) => o.common.lo)).min);
      hi = Math.max(hi, extremeAreas(tLo, tHi, run.map((o) => o.common.hi)).max);
    }
  }
  const sure = surely.filter(Boolean).length;
  const fewer = sure < 2 && may.length > sure
    ? may.filter((_, i) => !surely[i]).map((o) =>
      o.relative.hi > window.to
        ? { timeId: o.day.timeId, side: "after" as const, day: window.to }
        : { timeId: o.day.timeId, side: "before" as const, day: window.from }
    )
    : [];
  return { lo, hi, fewer };
}
