/**
 * What the values before a start (or dose increase) of a drug let one say of regression to the
 * mean, the one rule for the appraisal's design limit, the causality rows and the claims: a drug
 * started at the visit of the highest of two or more values so far was started at a peak, and
 * regression to the mean predicts a fall after it. One value cannot show a peak; a value rated
 * days before the start does not show the pain when treatment began; and an average over a period
 * says nothing of a peak within it: there, whether treatment followed a peak is not known.
 *
 * @module
 */
import { casePainText } from "../cases.ts";
import { fmt, formatBound, type NominalInterval } from "../intervals.ts";
import type { Case, Observation } from "../model.ts";
import { periodWords } from "../period_value.ts";
import { relativeDay } from "../timeline.ts";

/**
 * The value a start followed, and what it shows: `peak` when it is the highest of two or more
 * values at or before the start and the start was at its visit; `after peak` when it is that
 * highest value but the start came later, or may have; `only value` when it is the only value
 * before; `period` when it is stated over a period (an average); `not highest` when a value
 * before it is higher (the start did not follow the highest value so far).
 */
export type StartKind = "peak" | "after peak" | "only value" | "period" | "not highest";

/** A start and the last value at or before it ({@link startAfterValue}). */
export interface StartAfterValue {
  /** What the value shows of a peak ({@link StartKind}). */
  kind: StartKind;
  /** The last value at or before the start. */
  value: Observation;
  /** How many values are at or before the start. */
  count: number;
  /** The start's day minus the value's, in days (`relativeDay`). */
  gap: NominalInterval;
  /** The words of its period when it is stated over one (`periodWords`), else null. */
  period: string | null;
}

/**
 * The last value at or before a start of a case (at the same visit or earlier: `relativeDay` at
 * most 0), and what it shows of a peak ({@link StartKind}, the highest by nominal value); null
 * when there is no value before.
 *
 * @param c The case.
 * @param start The time id of the start (or of the dose increase).
 * @returns The value and its kind, or null.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, startAfterValue } from "#lib/mod.ts";
 * for (const c of (await loadCaseSeries()).cases) {
 *   for (const t of c.treatments) {
 *     const s = startAfterValue(c, t.start.timeId);
 *     // A peak needs two values or more, and the start at the visit of the last.
 *     if (s?.kind === "peak") assert.ok(s.count >= 2 && s.gap.lo === 0 && s.gap.hi === 0);
 *     if (s?.kind === "only value") assert.equal(s.count, 1);
 *   }
 * }
 * ```
 */
export function startAfterValue(c: Case, start: string): StartAfterValue | null {
  const before = c.observations.filter((o) => relativeDay(c, o.day.timeId, start).hi <= 0);
  const value = before.at(-1);
  if (value === undefined) return null;
  const period = periodWords(value);
  const highest = value.common.nominal === Math.max(...before.map((o) => o.common.nominal));
  const gap = relativeDay(c, start, value.day.timeId);
  const atVisit = gap.lo === 0 && gap.hi === 0;
  const kind: StartKind = period
    ? "period"
    : !highest
    ? "not highest"
    : before.length === 1
    ? "only value"
    : atVisit
    ? "peak"
    : "after peak";
  return { kind, value, count: before.length, gap, period };
}

/**
 * When a start came after its value, in words: "at the visit of", "16 days after", "0 to 30
 * days after", "at least 3 days after", "at a time the text does not state after".
 */
function when(gap: NominalInterval): string {
  // A point in days rounded to the nearest; a bound outward (`formatBound`).
  const days = (n: number, text = fmt(n, 1)) => `${text} ${n === 1 ? "day" : "days"}`;
  if (gap.lo === gap.hi) return gap.lo === 0 ? "at the visit of" : `${days(gap.lo)} after`;
  if (gap.hi === Infinity) {
    return gap.lo > 0
      ? `at least ${days(gap.lo, formatBound(gap.lo, "lo", 1))} after`
      : "at a time the text does not state after";
  }
  return `${formatBound(gap.lo, "lo", 1)} to ${days(gap.hi, formatBound(gap.hi, "hi", 1))} after`;
}

/**
 * The start and its value in words, and what regression to the mean can be said to predict:
 * "at the visit of the highest of 3 values so far (VAS 8): regression to the mean predicts a
 * fall", or "12 days after its only value before (VAS 4): whether it followed a peak is not
 * known".
 *
 * @param c The case.
 * @param s The start ({@link startAfterValue}).
 * @returns The start against its value, what the value is, and what follows for regression to
 *   the mean ({@link StartWords}).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, startAfterValue, startWords } from "#lib/mod.ts";
 * for (const c of (await loadCaseSeries()).cases) {
 *   for (const t of c.treatments) {
 *     const s = startAfterValue(c, t.start.timeId);
 *     if (s === null) continue;
 *     const w = startWords(c, s);
 *     // A fall is predicted only after a peak.
 *     assert.equal(w.regression.includes("predicts a fall"), s.kind === "peak");
 *   }
 * }
 * ```
 */
export function startWords(c: Case, s: StartAfterValue): StartWords {
  const value = casePainText(c, s.value);
  const after = when(s.gap);
  const unknown = "whether it followed a peak is not known";
  const [what, regression] = {
    "peak": [`the highest of ${s.count} values so far`, "regression to the mean predicts a fall"],
    "after peak": [
      `the highest of ${s.count} values so far`,
      `${unknown} (the pain when it began was not rated)`,
    ],
    "only value": ["its only value before", `${unknown} (one value cannot show a peak)`],
    "not highest": [`not the highest of ${s.count} values so far`, unknown],
    "period": [s.period ?? "", unknown],
  }[s.kind];
  // A value the others outrank or a period's average is named first, then what it is.
  const named = s.kind === "not highest" || s.kind === "period"
    ? `${value}, ${what}`
    : `${what} (${value})`;
  return { when: `${after} ${named}`, after, what, regression };
}

/** A start against its value in words ({@link startWords}). */
export interface StartWords {
  /** The start against its value, named: "at the visit of the highest of 3 values so far (VAS 8)". */
  when: string;
  /** The start against its value alone: "at the visit of", "16 days after". */
  after: string;
  /** What the value is among the others: "the highest of 3 values so far", "its only value before". */
  what: string;
  /** What follows for regression to the mean: "regression to the mean predicts a fall", or why not. */
  regression: string;
}
