/**
 * The per-case quantities the sensitivity analysis recomputes under each baseline definition and
 * extraction bound (percent reduction at the first and last value after the drug, days to each
 * percent threshold, days from day 0 to the drug's start): each its value, why it has none, the
 * number of values behind it and whether its nominal value is a stated date.
 *
 * @module
 */
import { atBound, type ExtractionBound, formatDay, type NominalInterval } from "../intervals.ts";
import type { Case } from "../model.ts";
import { datedGap, firstPeriod, sinceDay0 } from "../timeline.ts";
import { caseChange, NO_PERCENT, reliefAtBound, timeToRelief } from "./change.ts";
import { type BaselineDefinition, percentThresholds } from "../study.ts";

/** `atBound`, for a value that may be missing. */
const pick = (x: NominalInterval | null, bound: ExtractionBound, favourHigh: boolean) =>
  x === null ? null : atBound(x, bound, favourHigh);

/** A per-case quantity of the sensitivity analysis (see {@link caseQuantities}). */
export interface CaseQuantity {
  /** What is measured. */
  quantity: string;
  /** Its value under a baseline definition and bound (`null`, or infinite, when undefined). */
  value: (b: BaselineDefinition, x: ExtractionBound) => number | null;
  /** Why `value` is `null` or infinite there (`null` when it is a finite number). */
  reason: (b: BaselineDefinition, x: ExtractionBound) => string | null;
  /** Number of values behind it. */
  n: (b: BaselineDefinition) => number;
  /** Whether its nominal value is a date the text states. */
  dated: () => boolean;
  /** Whether the sensitivity table lists it (the span of the drug start from day 0 is drawn only). */
  inTable: boolean;
  /**
   * Why its finite value under a baseline definition and bound is no number to report, or `null`
   * when it is one: a nominal day the text does not date is only a placeholder the order of the
   * narrative puts there (the table gives `null` with this reason; the figure draws the span and the
   * placeholder hollow). Absent: never.
   */
  placeholder?: (b: BaselineDefinition, x: ExtractionBound) => string | null;
}

/**
 * Why a nominal day the text does not date is no number to report: what it is (data/README.md,
 * `after` and `before`), never a midpoint of its bounds, which it need not be.
 */
const PLACEHOLDER_DAY = "the nominal day is a placeholder the order of the narrative puts " +
  "there (midway between the time points narrated around it, or at the one it follows or " +
  "precedes), not a date";

/** The extraction bounds other than the nominal values, in words. */
const BOUND_WORDS = {
  best: "most favourable to the drug",
  worst: "least favourable to the drug",
} as const;

/** Why an infinite value is not a number: an open time interval. */
const OPEN = "open: no later bound stated";

/**
 * Per-case quantities of the sensitivity analysis, each under a baseline definition and bound:
 * its value, why it has none, the number of values behind it, whether its nominal value is a
 * stated date, and whether the sensitivity table lists it.
 */
export function caseQuantities(c: Case, drug: string): CaseQuantity[] {
  const start = firstPeriod(c, drug);
  const origin = c.timepoints.find((t) => t.rule === "origin");
  const fromDay0 = start && origin ? sinceDay0(c, start.start.timeId) : null;
  const changes = new Map<BaselineDefinition, ReturnType<typeof caseChange>>();
  const change = (baseline: BaselineDefinition) => {
    let ch = changes.get(baseline);
    if (!ch) changes.set(baseline, ch = caseChange(c, { drug, baseline }));
    return ch;
  };
  const reliefs = new Map<string, ReturnType<typeof timeToRelief>>();
  const relief = (pct: number, baseline: BaselineDefinition) => {
    const key = `${pct} ${baseline}`;
    let t = reliefs.get(key);
    if (!t) reliefs.set(key, t = timeToRelief(c, pct, { drug, baseline }));
    return t;
  };
  /** Why the change has no points, or why a point has no percent reduction. */
  const noChange = (baseline: BaselineDefinition) => {
    const ch = change(baseline);
    return ch.reason ?? ch.baseline.reason ?? "no change after the drug";
  };
  const reduction = (which: "first" | "last") => ({
    quantity: `percent reduction, ${which} post-drug value`,
    value: (baseline: BaselineDefinition, bound: ExtractionBound) => {
      const points = change(baseline).points;
      const p = which === "first" ? points[0] : points.at(-1);
      return pick(p?.percentReduction ?? null, bound, true);
    },
    reason: (baseline: BaselineDefinition) =>
      change(baseline).points.length ? NO_PERCENT : noChange(baseline),
    n: (baseline: BaselineDefinition) => change(baseline).n,
    dated: () => true,
    inTable: true,
  });
  const quantities: CaseQuantity[] = [
    reduction("first"),
    reduction("last"),
    ...percentThresholds(c.study).map((pct) => ({
      quantity: `days to ${pct}% reduction`,
      // The first value reaching the threshold at this bound (its reduction at the bound), then
      // its day at the bound: a bound moves which value reaches it, not only when.
      value: (baseline: BaselineDefinition, bound: ExtractionBound) =>
        reliefAtBound(change(baseline).points, pct, bound)?.day ?? null,
      reason: (baseline: BaselineDefinition, bound: ExtractionBound) => {
        const points = change(baseline).points;
        // No value with a percent reduction is not a threshold not reached: say the true reason.
        if (!points.length) return noChange(baseline);
        if (points.every((p) => p.percentReduction === null)) return NO_PERCENT;
        if (reliefAtBound(points, pct, bound)) return OPEN;
        if (bound === "nominal") return relief(pct, baseline).summary;
        const last = points.at(-1)!;
        const day = atBound(last.day, bound, false);
        // An open day is not "day inf": say it is open.
        return `not reached by ${
          Number.isFinite(day)
            ? formatDay({ lo: day, hi: day, nominal: day }, true, { prefix: true, digits: 1 })
            : `the last value (its day ${OPEN})`
        } at the bound ${BOUND_WORDS[bound]}`;
      },
      placeholder: (baseline: BaselineDefinition, bound: ExtractionBound) => {
        const hit = reliefAtBound(change(baseline).points, pct, bound);
        // Only the nominal day can be a placeholder: a bound is what the narrative allows.
        return bound === "nominal" && hit && !hit.point.dated
          ? `reached by ${formatDay(hit.point.day, false, { prefix: true })}: ${PLACEHOLDER_DAY}`
          : null;
      },
      n: (baseline: BaselineDefinition) => relief(pct, baseline).n,
      dated: () => {
        const t = relief(pct, c.study.baseline);
        return !t.reached ||
          change(c.study.baseline).points.find((p) => p.timeId === t.timeId)!.dated;
      },
      inTable: true,
    })),
    {
      quantity: `days from day 0 to the start of ${drug}`,
      value: (_baseline: BaselineDefinition, bound: ExtractionBound) =>
        pick(fromDay0, bound, false),
      reason: () => !start ? `never takes ${drug}` : !origin ? "no time point is day 0" : OPEN,
      n: () => (fromDay0 ? 1 : 0),
      dated: () =>
        start !== null && origin !== undefined && datedGap(c, start.start.timeId, origin.id),
      inTable: false,
    },
  ];
  return quantities.map((q) => ({
    ...q,
    // A reason only where there is no finite value.
    reason: (b: BaselineDefinition, x: ExtractionBound) => {
      const v = q.value(b, x);
      return v !== null && Number.isFinite(v) ? null : q.reason(b, x);
    },
  }));
}
