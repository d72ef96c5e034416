/**
 * The visual-analysis reading of an AB series (Kratochwill et al. 2013; WWC 2017): level, trend,
 * variability, immediacy of effect and overlap, each computed and each `null` with a reason when
 * the phase has too few values.
 *
 * @module
 */
import { linearRegression } from "simple-statistics";
import { formatNumber, type NominalInterval } from "../intervals.ts";
import type { Case } from "../model.ts";
import { alignOnDrug, firstPeriod } from "../timeline.ts";
import { effectSize } from "./effect_size.ts";
import { STUDY } from "../study.ts";
import { plural } from "../prose.ts";

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
 * Level (phase means), trend (least-squares slope, cm/week, ≥ 2 values), variability (range,
 * ≥ 2 values), immediacy (last A to first B, with the days between), overlap (PND and NAP) of a
 * case around the first start of `drug`, at nominal values. A case that never takes the drug
 * gets every feature with the reason it cannot be read.
 *
 * @param c The case.
 * @param drug The drug whose start splits the phases (default `STUDY.drug`).
 * @returns The five features, each with its reading.
 *
 * @example
 * ```ts
 * import { loadCaseSeries } from "../load.ts";
 * import { visualAnalysis } from "./visual.ts";
 * const v = visualAnalysis((await loadCaseSeries()).cases[1]);
 * v.find((f) => f.feature === "level")?.treatment; // 0.55
 * ```
 */
export function visualAnalysis(c: Case, drug: string = STUDY.drug): Feature[] {
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
  const aligned = alignOnDrug(c, drug);
  const A = aligned.filter((o) => o.phase === "before");
  const B = aligned.filter((o) => o.phase === "after");
  const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);
  const vals = (xs: typeof A) => xs.map((o) => o.vas.nominal);
  const slope = (xs: typeof A) =>
    xs.length >= 2 && new Set(xs.map((o) => o.relative.nominal)).size >= 2
      ? 7 * linearRegression(xs.map((o) => [o.relative.nominal, o.vas.nominal])).m
      : null;
  const range = (xs: typeof A) =>
    xs.length >= 2 ? Math.max(...vals(xs)) - Math.min(...vals(xs)) : null;
  const la = mean(vals(A));
  const lb = mean(vals(B));
  const ta = slope(A);
  const tb = slope(B);
  const va = range(A);
  const vb = range(B);
  const lastA = A.at(-1);
  const firstB = B[0];
  const gap: NominalInterval | null = lastA && firstB
    ? {
      lo: firstB.relative.lo - lastA.relative.hi,
      hi: firstB.relative.hi - lastA.relative.lo,
      nominal: firstB.relative.nominal - lastA.relative.nominal,
    }
    : null;
  const opts = { improvement: "decrease" as const };
  const pnd = effectSize("PND", vals(A), vals(B), opts);
  const nap = effectSize("NAP", vals(A), vals(B), opts);
  const n = `(A: ${plural(A.length, "value")}, B: ${B.length})`;
  return [
    {
      feature: "level",
      baseline: la,
      treatment: lb,
      reading: la !== null && lb !== null
        ? `Mean VAS ${f2(la)} cm before ${drug} and ${f2(lb)} cm after ${n}.`
        : `Level cannot be compared: a phase has no value ${n}.`,
    },
    {
      feature: "trend",
      baseline: ta,
      treatment: tb,
      reading:
        `Slope before: ${
          ta === null ? "not defined (fewer than two values)" : `${f2(ta)} cm/week`
        }; ` +
        `after: ${tb === null ? "not defined (fewer than two values)" : `${f2(tb)} cm/week`} ` +
        "(nominal times; a baseline already falling makes a drug effect harder to read).",
    },
    {
      feature: "variability",
      baseline: va,
      treatment: vb,
      reading:
        `Range before: ${
          va === null ? "not defined (fewer than two values)" : `${f2(va)} cm`
        }; after: ` +
        `${vb === null ? "not defined (fewer than two values)" : `${f2(vb)} cm`}.`,
    },
    {
      feature: "immediacy",
      baseline: lastA?.vas.nominal ?? null,
      treatment: firstB?.vas.nominal ?? null,
      reading: lastA && firstB && gap
        ? `From ${f2(lastA.vas.nominal)} cm (last value before) to ${f2(firstB.vas.nominal)} cm ` +
          `(first value after), ${f2(gap.nominal)} days apart (admissible ${f2(gap.lo)} to ` +
          `${f2(gap.hi)}).`
        : "Immediacy cannot be read: a phase has no value.",
    },
    {
      feature: "overlap",
      baseline: null,
      treatment: null,
      reading: pnd.estimate === null
        ? `Overlap not defined: ${pnd.reason}.`
        : `${f2(100 * pnd.estimate)}% of values after are below every value before (PND); ` +
          `NAP ${f2(nap.estimate!)}.`,
    },
  ];
}
