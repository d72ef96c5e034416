/**
 * The visual-analysis reading of an AB series (Kratochwill et al. 2013; WWC 2017): level, trend,
 * variability, immediacy of effect and overlap, each computed and each `null` with a reason when
 * the phase has too few values.
 *
 * @module
 */
import { expectCase } from "../args.ts";
import { linearRegression } from "simple-statistics";
import { formatInterval, formatNumber, type Interval, type NominalInterval } from "../intervals.ts";
import { leastSquaresSlopeBounds } from "./slope_bounds.ts";
import type { Case } from "../model.ts";
import { alignOnDrug, datedGap, firstPeriod, relativeDay } from "../timeline.ts";
import { effectSize } from "../stats/effect_sizes/mod.ts";
import { valueScale } from "../cases.ts";
import { roundedValue } from "../rounding.ts";
import {
  described,
  describedInterval,
  painNumbersIn,
  toCommon,
  type ValueScale,
} from "../scales.ts";
import { listing, plural, sentenceStart } from "../prose.ts";
import { timeName } from "../time_words.ts";

/** One visual-analysis feature, with its value and a sentence. */
export interface Feature {
  /** The feature. */
  feature: "level" | "trend" | "variability" | "immediacy" | "overlap";
  /** Baseline (A) value, where the feature is per phase. */
  baseline: number | null;
  /** Treatment (B) value, where the feature is per phase. */
  treatment: number | null;
  /** The reading, in words, with its numbers. */
  reading: string;
}

const f2 = (x: number) => formatNumber(x, 2);

/**
 * Level (phase means, from the study's fewest values per phase; otherwise the values in order),
 * trend (least-squares slope, scale units/week, from the study's fewest values per phase at
 * dated days; otherwise the values in order), variability (range,
 * ≥ 2 values), immediacy (last A to first B, with the days between), overlap (PND and NAP) of a
 * case around the first start of `drug`, at nominal values. A case that never takes the drug
 * gets every feature with the reason it cannot be read.
 *
 * @param c The case.
 * @param drug The drug whose start splits the phases (default: the study's drug of interest).
 * @returns The five features, each with its reading.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, phases, visualAnalysis } from "#lib/mod.ts";
 * for (const c of (await loadCaseSeries()).cases) {
 *   const level = visualAnalysis(c).find((f) => f.feature === "level")!;
 *   const after = phases(c).treatment;
 *   // The level of a phase is the mean of its values, from the study's fewest values per
 *   // phase; with fewer, no mean (the reading gives the values as stated, in order).
 *   if (after.length >= c.study.minPointsPerPhase && after.length > 0) {
 *     assert.ok(Math.abs(level.treatment! - after.reduce((a, b) => a + b, 0) / after.length) < 1e-9);
 *   } else assert.equal(level.treatment, null);
 * }
 * ```
 */
export function visualAnalysis(c: Case, drug?: string): Feature[] {
  expectCase("visualAnalysis", c);
  drug ??= c.study.drug;
  if (!firstPeriod(c, drug)) {
    const features: Feature["feature"][] = [
      "level",
      "trend",
      "variability",
      "immediacy",
      "overlap",
    ];
    return features.map((feature) => ({
      feature,
      baseline: null,
      treatment: null,
      reading: `Cannot be read: case ${c.id} never takes ${drug}, so it has no phases.`,
    }));
  }
  const p = phasesOf(c, drug);
  return [level(p), trend(p), variability(p), immediacy(p), overlap(p)];
}

/** A case's two phases around the first start of a drug, with what every reading names. */
interface Phases {
  /** The case. */
  c: Case;
  /** The drug whose first start splits the phases. */
  drug: string;
  /** The values before (A) and after (B), aligned on the drug's start. */
  A: Aligned[];
  B: Aligned[];
  /** The scale's name and unit. */
  name: string;
  unit: string;
  /** How the case's values are described (`valueScale`): numbers on the common metric go through it. */
  scale: ValueScale;
  /** "(A: n values, B: m)". */
  n: string;
  /** Which phase has no value, in words (for the readings that cannot be made). */
  empty: string;
}

type Aligned = ReturnType<typeof alignOnDrug>[number];

/** Splits a case that takes `drug` into its phases. */
function phasesOf(c: Case, drug: string): Phases {
  const scale = valueScale([c]);
  const { name, unit } = scale;
  const aligned = alignOnDrug(c, drug);
  const A = aligned.filter((o) => o.phase === "before");
  const B = aligned.filter((o) => o.phase === "after");
  const n = `(A: ${plural(A.length, "value")}, B: ${B.length})`;
  const empty = A.length === 0 && B.length === 0
    ? `no value before or after ${drug}`
    : `no value ${A.length === 0 ? "before" : "after"} ${drug}`;
  return { c, drug, A, B, name, unit, scale, n, empty };
}

const vals = (xs: readonly Aligned[]) => xs.map((o) => o.common.nominal);

/**
 * Level: the mean of each phase, from the study's fewest values per phase
 * (`min_points_per_phase`, as a slope); a phase with fewer gives its values as the text states
 * them, in order, and says why there is no mean (a mean of one value is that value, of two their
 * midpoint: neither is the level of a phase). A mean is a computed number (at most 2 decimals);
 * a phase with a value stated as a range has a mean between the means of its bounds.
 */
function level({ c, A, B, drug, name, unit, scale, n, empty }: Phases): Feature {
  const minPoints = c.study.minPointsPerPhase;
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const enough = (xs: readonly Aligned[]) => xs.length > 0 && xs.length >= minPoints;
  // The mean of one value (a minimum of 1) is that value, written as the text states it.
  const said = (xs: readonly Aligned[]) =>
    xs.length === 1 ? painNumbersIn(scale, xs[0]) : formatInterval(
      describedInterval(scale, {
        lo: mean(xs.map((o) => o.common.lo)),
        hi: mean(xs.map((o) => o.common.hi)),
      }),
      2,
    );
  const fewer = (xs: readonly Aligned[]) =>
    `${inOrder(scale, unit, xs)} (no mean from ${plural(xs.length, "value")}: at least ` +
    `${minPoints} per phase, study.json)`;
  // Values on several scales are compared on the common metric, and the sentence says so.
  const metric = scale.own ? "" : ` ${scale.metric}`;
  const la = enough(A) ? mean(vals(A)) : null;
  const lb = enough(B) ? mean(vals(B)) : null;
  const reading = A.length === 0 || B.length === 0
    ? `Level cannot be compared: ${empty} ${n}.`
    : la !== null && lb !== null
    ? `Mean ${name}${metric} ${said(A)} ${unit} before ${drug} and ${said(B)} ${unit} after ${n}.`
    : `${sentenceStart(`${name}${metric}`)} before ${drug}: ${
      la !== null ? `mean ${said(A)} ${unit}` : fewer(A)
    }; after: ${lb !== null ? `mean ${said(B)} ${unit}` : fewer(B)} ${n}.`;
  return { feature: "level", baseline: la, treatment: lb, reading };
}

/** A phase's values in order, with the digits the text states them to ("6.6 → 3.3 cm"). */
const inOrder = (scale: ValueScale, unit: string, xs: readonly Aligned[]) =>
  `${xs.map((o) => painNumbersIn(scale, o)).join(" → ")} ${unit}`;

/**
 * Trend: each phase's least-squares slope at nominal times, in scale units per week, from the
 * study's fewest values per phase (`min_points_per_phase`; WWC: with fewer, a trend is not
 * interpretable) at days the text dates (a day placed only by the narrative is a placeholder);
 * otherwise the values in order, with why no slope. A warning when the baseline already moves
 * toward improvement: "was already" when it does at every day and value its bounds admit, "may
 * already have been" when only some do (by its slope, or by its first and last values when there
 * is none: {@link baselineMoving}).
 */
function trend({ c, A, B, drug, unit, scale }: Phases): Feature {
  const minPoints = c.study.minPointsPerPhase;
  const read = (xs: readonly Aligned[]): { slope: number | null; words: string } => {
    const why = noSlope(c, xs);
    const stated = inOrder(scale, unit, xs);
    if (why?.kind === "too few") {
      return { slope: null, words: "not defined (fewer than two values at different times)" };
    }
    if (why?.kind === "below minimum") {
      return {
        slope: null,
        words: `no slope from ${xs.length} values (${stated}; at least ${minPoints} per ` +
          "phase, study.json)",
      };
    }
    if (why?.kind === "undated") {
      return {
        slope: null,
        words: `no slope (${stated}; no time stated from ${timeName(c, xs[0].day.timeId)} to ` +
          `${listing(why.undated.map((id) => timeName(c, id)))})`,
      };
    }
    const slope = 7 * linearRegression(xs.map((o) => [o.relative.nominal, o.common.nominal])).m;
    return { slope, words: `${f2(described(scale, slope))} ${unit}/week` };
  };
  const ta = read(A);
  const tb = read(B);
  const improving = B.length > 0 ? baselineMoving(c, A) : null;
  const moving = c.study.improvement === "decrease" ? "falling" : "rising";
  return {
    feature: "trend",
    baseline: ta.slope,
    treatment: tb.slope,
    reading: A.length < 2 && B.length < 2
      ? "Trend cannot be read: neither phase has two values at different times."
      : `Least-squares slope at nominal times, before ${drug}: ${ta.words}; after: ` +
        `${tb.words}.` +
        (improving === "surely"
          ? ` Pain was already ${moving} before ${drug}: part of any change after it may ` +
            "continue that trend."
          : improving === "possibly"
          ? ` Pain may already have been ${moving} before ${drug} (the bounds of its values and ` +
            "days allow it): part of any change after it may continue that trend."
          : ""),
  };
}

/**
 * Why no least-squares slope is read from a phase's values: `too few` (fewer than two values at
 * different times), `below minimum` (fewer than the study's `min_points_per_phase`), `undated`
 * (no time stated from the first value to some others: their ids); `null` when a slope is read.
 */
function noSlope(
  c: Case,
  xs: readonly Aligned[],
):
  | { kind: "too few" }
  | { kind: "below minimum" }
  | { kind: "undated"; undated: string[] }
  | null {
  if (xs.length < 2 || new Set(xs.map((o) => o.relative.nominal)).size < 2) {
    return { kind: "too few" };
  }
  if (xs.length < c.study.minPointsPerPhase) return { kind: "below minimum" };
  const undated = xs.slice(1).filter((o) => !datedGap(c, o.day.timeId, xs[0].day.timeId));
  return undated.length ? { kind: "undated", undated: undated.map((o) => o.day.timeId) } : null;
}

/**
 * Whether a case's pain already moved in the direction of improvement (the study's `improvement`)
 * before the first start of a drug, so that a change after it may continue that trend; the one
 * rule for "already falling" (or rising) of the visual analysis and the claims. `surely` when it
 * does at every day the data admit and every value within rounding (`lib/rounding.ts`):
 * "was already falling"; `possibly` when it does at some admissible day and value as stated:
 * "may already have been falling"; `null` when at none, or when it cannot be told (fewer than
 * two values at different times before the drug, or a case that never takes it). With a
 * least-squares slope (the study's fewest values per phase, at days the text dates), by the slope
 * of all the values before; without, by that of the first and last.
 *
 * @param c The case.
 * @param drug The drug whose first start ends the baseline (default: the study's drug of interest).
 * @returns `surely`, `possibly` or `null`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, phases, visualAnalysis } from "#lib/mod.ts";
 * import { baselineMovement } from "#lib/analysis/visual.ts";
 * // The trend reading of the visual analysis words the same rule (for a case with values after
 * // the drug: without, it has no change to warn about).
 * for (const c of (await loadCaseSeries()).cases) {
 *   const trend = visualAnalysis(c).find((f) => f.feature === "trend")!.reading;
 *   const m = baselineMovement(c);
 *   if (!trend.includes("Least-squares") || phases(c).treatment.length === 0) continue;
 *   assert.equal(trend.includes(" was already "), m === "surely");
 *   assert.equal(trend.includes("may already have been"), m === "possibly");
 * }
 * ```
 */
export function baselineMovement(
  c: Case,
  drug: string = c.study.drug,
): "surely" | "possibly" | null {
  expectCase("baselineMovement", c);
  if (!firstPeriod(c, drug)) return null;
  return baselineMoving(c, alignOnDrug(c, drug).filter((o) => o.phase === "before"));
}

/** {@link baselineMovement} on the values before the drug, aligned on its start. */
function baselineMoving(c: Case, A: readonly Aligned[]): "surely" | "possibly" | null {
  const improvement = c.study.improvement;
  const better = (d: number) => improvement === "decrease" ? d < 0 : d > 0;
  const why = noSlope(c, A);
  if (why?.kind === "too few") return null;
  const xs = why === null ? A : [A[0], A[A.length - 1]];
  // Surely: with every value widened by rounding; possibly: with the values as stated.
  const [roundedLeast, roundedMost] = slopeSign(c, xs, (o) => toCommon(o.scale, roundedValue(o)));
  const [least, most] = slopeSign(c, xs, (o) => o.common);
  const sure = improvement === "decrease" ? roundedMost : roundedLeast;
  const maybe = improvement === "decrease" ? least : most;
  return better(sure) ? "surely" : better(maybe) ? "possibly" : null;
}

/**
 * Two numbers whose signs bound the sign of the least-squares slope of `xs` over every admissible
 * day (`relativeDay`: the anchors and narrative bounds) and every value in its interval: the
 * slope's own bounds (`leastSquaresSlopeBounds`) where they are computed; else (too many values)
 * the least and greatest sum over pairs i < j of (t_j − t_i)(y_j − y_i), which has the slope's
 * sign, each term bounded by its gap's and its values' bounds (a sum of bounds: no tighter).
 */
function slopeSign(
  c: Case,
  xs: readonly Aligned[],
  value: (o: Aligned) => Interval,
): [number, number] {
  const gap = (i: number, j: number) => relativeDay(c, xs[j].day.timeId, xs[i].day.timeId);
  const y = xs.map(value);
  const exact = leastSquaresSlopeBounds(gap, y);
  if (exact.lo !== null) return [exact.lo, exact.hi];
  let [least, most] = [0, 0];
  for (let j = 1; j < xs.length; j++) {
    for (let i = 0; i < j; i++) {
      const [lo, hi] = productRange(gap(i, j), { lo: y[j].lo - y[i].hi, hi: y[j].hi - y[i].lo });
      least += lo;
      most += hi;
    }
  }
  return [least, most];
}

/** The least and greatest product of a value in `a` and one in `b` (0 times ∞ is 0). */
function productRange(
  a: { lo: number; hi: number },
  b: { lo: number; hi: number },
): [number, number] {
  const times = (x: number, z: number) => (x === 0 || z === 0 ? 0 : x * z);
  const ends = [times(a.lo, b.lo), times(a.lo, b.hi), times(a.hi, b.lo), times(a.hi, b.hi)];
  return [Math.min(...ends), Math.max(...ends)];
}

/** Variability: each phase's range (two values at least). */
function variability({ A, B, unit, scale }: Phases): Feature {
  const range = (xs: readonly Aligned[]) =>
    xs.length >= 2 ? Math.max(...vals(xs)) - Math.min(...vals(xs)) : null;
  const va = range(A);
  const vb = range(B);
  return {
    feature: "variability",
    baseline: va,
    treatment: vb,
    reading: va === null && vb === null
      ? "Variability cannot be read: neither phase has two values."
      : `Range before: ${
        va === null ? "not defined (fewer than two values)" : `${f2(described(scale, va))} ${unit}`
      }; after: ` +
        `${
          vb === null
            ? "not defined (fewer than two values)"
            : `${f2(described(scale, vb))} ${unit}`
        }.`,
  };
}

/**
 * Immediacy: from the last value before to the first after, with the days between (the tightest
 * bounds on the gap through the anchor network, not the difference of the two values' intervals
 * from the drug start).
 */
function immediacy({ c, A, B, unit, scale, empty }: Phases): Feature {
  const lastA = A.at(-1);
  const firstB = B[0];
  const gap: NominalInterval | null = lastA && firstB
    ? relativeDay(c, firstB.day.timeId, lastA.day.timeId)
    : null;
  const days = (x: number) => `${f2(x)} ${f2(x) === "1" ? "day" : "days"}`;
  const admissible = (g: NominalInterval) =>
    g.lo === g.hi
      ? ""
      : Number.isFinite(g.hi)
      ? ` (admissible ${f2(g.lo)} to ${f2(g.hi)})`
      : ` (admissible: ${f2(g.lo)} or more; no later bound stated)`;
  // A gap through a day placed only by the narrative has no nominal length: only its bounds.
  const apart = (g: NominalInterval, dated: boolean) =>
    dated || g.lo === g.hi
      ? `${g.lo === g.hi ? "" : "nominally "}${days(g.nominal)} apart${admissible(g)}`
      : `${
        Number.isFinite(g.hi) ? `${f2(g.lo)} to ${f2(g.hi)}` : `${f2(g.lo)} or more`
      } days apart (the text states no time between them)`;
  return {
    feature: "immediacy",
    baseline: lastA?.common.nominal ?? null,
    treatment: firstB?.common.nominal ?? null,
    reading: lastA && firstB && gap
      ? `From ${painNumbersIn(scale, lastA)} ${unit} (last value ` +
        `before) to ${painNumbersIn(scale, firstB)} ${unit} ` +
        `(first value after), ${apart(gap, datedGap(c, firstB.day.timeId, lastA.day.timeId))}.`
      : `Immediacy cannot be read: ${empty}.`,
  };
}

/**
 * Overlap: PND and NAP, reported as indices only with the study's fewest values per phase;
 * with fewer, the count of values after beyond every value before.
 */
function overlap({ c, A, B, empty }: Phases): Feature {
  const opts = { improvement: c.study.improvement };
  const pnd = effectSize("PND", vals(A), vals(B), opts);
  const nap = effectSize("NAP", vals(A), vals(B), opts);
  const minPoints = c.study.minPointsPerPhase;
  const edge = c.study.improvement === "decrease" ? Math.min(...vals(A)) : Math.max(...vals(A));
  const beyond = vals(B).filter((v) => c.study.improvement === "decrease" ? v < edge : v > edge)
    .length;
  const agreeBe = (n: number) => (n === 1 ? "is" : "are");
  const better = c.study.improvement === "decrease" ? "below" : "above";
  return {
    feature: "overlap",
    baseline: null,
    treatment: null,
    reading: pnd.estimate === null
      ? `Overlap not defined: ${A.length && B.length ? pnd.reason : empty}.`
      : A.length < minPoints || B.length < minPoints
      ? `${beyond} of ${plural(B.length, "value")} after ${agreeBe(beyond)} ${better} every ` +
        `value before (${A.length} before); with fewer than ${minPoints} values in a phase, ` +
        "PND and NAP are not reported as indices (min_points_per_phase, study.json)."
      : `${f2(100 * pnd.estimate)}% of values after are ${better} every value before (PND); ` +
        `NAP ${f2(nap.estimate!)}.`,
  };
}
