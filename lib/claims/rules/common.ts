/**
 * What every family of claim rules shares: the verdict and judgement types, the signature of a
 * rule's function, and the helpers that read a case around a drug's start (its change from the
 * last value before, the drugs given before it, the cases that cannot be used) and combine the
 * cases' rows into a verdict.
 *
 * @module
 */
import { drugWithDose } from "../../dose.ts";
import {
  formatBound,
  formatDay,
  formatInterval,
  formatNumber,
  type Interval,
} from "../../intervals.ts";
import type { Case, Observation, Treatment } from "../../model.ts";
import { describedInterval, painNumbersIn, unitWords } from "../../scales.ts";
import { valueScale } from "../../cases.ts";
import { onScaleText } from "../thresholds.ts";
import { caseChange as change, type ChangePoint } from "../../analysis/change.ts";
import { alignOnDrug, datedGap, firstPeriod, relativeDay, sinceDay0 } from "../../timeline.ts";
import { activeTreatments } from "../../given.ts";
import type { RuleName, RuleParams } from "../params.ts";
import { formatStated } from "../../stated_digits.ts";

/** How far the reported values support a claim. */
export type Verdict = "supported" | "partly supported" | "not supported" | "cannot be assessed";

/** What a rule returns. */
export interface Judgement {
  /** The verdict. */
  verdict: Verdict;
  /** The computed numbers behind it, in words. */
  evidence: string;
}

/** A rule's function: its parameters, the drug the claim is about, and the claim's cases. */
export type Judge<N extends RuleName> = (
  p: RuleParams<N>,
  drug: string,
  cases: readonly Case[],
) => Judgement;

/** A number as the evidence prints it: one decimal. */
export const f = (x: number): string => formatNumber(x, 1);
/** A treatment as the evidence names it: drug and dose. */
export const dose = (t: Treatment): string => drugWithDose(t);

/**
 * What a case's pain values are called in a claim's evidence, as everywhere (`valueScale`): the
 * name of its scale when all its values are on one of their own ("VAS", "NRS"), else "pain"
 * (values on the common metric).
 */
export const painName = (c: Case): string => valueScale([c]).name;

/**
 * A case's values in a claim's evidence, as tables and prose give them (`valueScale`,
 * `unitWords`, `painNumbersIn`): "VAS 7.0 → 3.1" on a 10 cm VAS, "VAS 70 → 31 mm" on a 100 mm VAS,
 * "pain 7 → 3 on the common 0–10 metric" on mixed scales. A value the text states (an
 * observation) is written with the digits its words give ("VAS 8.0"); a computed one (an
 * interval on the common metric) as `formatInterval` writes it.
 *
 * @param c The case.
 * @param xs Its values (observations) or computed intervals on the common metric, in order.
 * @returns The text.
 */
export const painValues = (c: Case, xs: readonly (Observation | Interval)[]): string => {
  const s = valueScale([c]);
  const text = (x: Observation | Interval) =>
    "common" in x ? painNumbersIn(s, x) : formatInterval(describedInterval(s, x));
  return `${s.name} ${xs.map(text).join(" → ")}${unitWords(s)}`;
};

/**
 * The value a change point is computed from: the case's observation at its time with its value
 * (so that the evidence names it as stated), or its interval on the common metric when there is
 * none.
 *
 * @param c The case.
 * @param pt A point of its change after a drug.
 * @returns The observation, or the point's common-metric interval.
 */
export const pointValue = (c: Case, pt: ChangePoint): Observation | Interval =>
  c.observations.find((o) =>
    o.day.timeId === pt.timeId && o.common.lo === pt.common.lo && o.common.hi === pt.common.hi
  ) ?? pt.common;

/**
 * The claims' baseline as the evidence names it ({@link caseChange}: the last value before the
 * drug's start): that observation, so that it is written as stated; `null` when there is none.
 *
 * @param c The case.
 * @param drug The drug.
 * @returns The last observation surely before the drug's first start, or `null`.
 */
export const baselineValue = (c: Case, drug: string): Observation | null =>
  alignOnDrug(c, drug).filter((o) => o.phase === "before").at(-1) ?? null;

/**
 * A value as the evidence prints it beside a threshold, in its scale's own unit (the unit
 * thresholds are read in: `claims/thresholds.ts`): "VAS 2.3" for a case whose values are all on
 * one scale whose numbers are the common 0–10 metric's (as {@link painName} names them), else its
 * scale's name, number and unit ("VAS 10 mm").
 */
export const valueText = (c: Case, o: Observation): string => {
  const s = valueScale([c]);
  return s.own && s.factor === 1
    ? `${s.name} ${formatStated(o.value, o.words)}`
    : `${o.scale.name} ${onScaleText(o)}`;
};
/** Change from the last value before the drug's start (the claims' baseline, whatever the study's). */
export const caseChange = (c: Case, drug: string): ReturnType<typeof change> =>
  change(c, { drug, baseline: "last" });

/**
 * The reduction a claim of relief is judged on: the smallest percent reduction the reported
 * values allow (the baseline at its lower end, the value at its upper end). One rule for every
 * claim rule: **a value reported as a range counts at the bound least favourable to the claim**
 * (data/README.md, "Claims"), so a reduction claimed is judged at its smallest, never at a
 * range's midpoint. `null` when the baseline can be 0 (no percent).
 *
 * @param p A point after the drug's start.
 * @returns The smallest reduction, in percent, or `null`.
 */
export const leastReduction = (p: ChangePoint): number | null => p.percentReduction?.lo ?? null;

/**
 * A reduction as the evidence prints it: the one judged ({@link leastReduction}), and, when a
 * range makes it differ, the reduction at the range's midpoint beside it.
 *
 * @param p A point after the drug's start.
 * @returns "50% reduction", "75% reduction at the least favourable bounds, 87.5% at the
 * midpoints", or "no percent (baseline 0)".
 */
export function reductionText(p: ChangePoint): string {
  const pr = p.percentReduction;
  if (pr === null) return "no percent (baseline 0)";
  return Math.abs(pr.lo - pr.nominal) < 1e-9
    ? `${f(pr.lo)}% reduction`
    // The least favourable bound is a bound: rounded away from the claim (down), so that the
    // reduction printed is never more than the one judged.
    : `${formatBound(pr.lo, "lo", 1)}% reduction at the least favourable bounds, ` +
      `${f(pr.nominal)}% at the midpoints`;
}

/** Whether a point's day after the start can be read as a date; else its interval. */
export const when = (p: ChangePoint): string =>
  formatDay(p.day, p.dated, { prefix: true, digits: 1 });

/**
 * The day of a time point as the evidence counts days: from the first start of `drug`, as
 * {@link when} ("day 6 [0, 6] of drug-a", "days [0, 195] (no date stated) of drug-a"); in a
 * case that never takes it (or with no drug, `""`), since the case's day 0, said as such ("day
 * [246, 306] since day 0").
 *
 * @param c The case.
 * @param timeId A time id of the case.
 * @param drug The drug the claim is about.
 * @returns The day in words.
 */
export function dayWords(c: Case, timeId: string, drug: string): string {
  const start = drug === "" ? undefined : firstPeriod(c, drug)?.start.timeId;
  if (start === undefined) return `day ${formatInterval(sinceDay0(c, timeId))} since day 0`;
  const day = relativeDay(c, timeId, start);
  return `${formatDay(day, datedGap(c, timeId, start), { prefix: true, digits: 1 })} of ${drug}`;
}

/**
 * The drugs other than `drug` given for `indication`, started before or with it.
 *
 * @param c The case.
 * @param drug The drug the claim is about.
 * @param indication What the drugs are given for (`purpose` in `treatments.csv`).
 * @returns Those treatments; none when the case never takes `drug`.
 */
export function earlierForIndication(c: Case, drug: string, indication: string): Treatment[] {
  const start = firstPeriod(c, drug);
  if (!start) return [];
  return c.treatments.filter((t) =>
    t.purpose === indication && t.drug !== drug &&
    relativeDay(c, t.start.timeId, start.start.timeId).hi <= 0
  );
}

/**
 * Cases of a claim that cannot be used (no value after the drug's start), with why.
 *
 * @param cases The claim's cases.
 * @param drug The drug the claim is about.
 * @returns "case <id>: <why>" for each; empty when all can be used.
 */
export function unusable(cases: readonly Case[], drug: string): string[] {
  return cases.flatMap((c) => {
    const ch = caseChange(c, drug);
    return ch.points.length ? [] : [`case ${c.id}: ${ch.reason ?? `no pain value after ${drug}`}`];
  });
}

/** The judgement "cannot be assessed", with why. */
export const cannot = (why: string): Judgement => ({
  verdict: "cannot be assessed",
  evidence: why,
});

/**
 * Supported when every case holds, else not supported; the evidence lists every case.
 *
 * @param rows Each case: whether it holds, and its evidence.
 * @returns The judgement.
 */
export function allOrNothing(rows: readonly { ok: boolean; text: string }[]): Judgement {
  return {
    verdict: rows.every((r) => r.ok) ? "supported" : "not supported",
    evidence: rows.map((r) => r.text).join("; ") + ".",
  };
}

/**
 * The judgement of a claim whose cases are each graded 2 (as claimed), 1 (in part) or 0 (not):
 * the weakest case decides; the evidence lists every case.
 *
 * @param rows Each case: its level, and its evidence.
 * @returns The judgement.
 */
export function graded(rows: readonly { level: number; text: string }[]): Judgement {
  const min = Math.min(...rows.map((r) => r.level));
  return {
    verdict: min === 2 ? "supported" : min === 1 ? "partly supported" : "not supported",
    evidence: rows.map((r) => r.text).join("; ") + ".",
  };
}

/**
 * Whether a treatment may be given at any value after the drug start.
 *
 * @param c The case.
 * @param t One of its treatments.
 * @param drug The drug whose first start splits the values.
 * @returns True when `t` is certainly or possibly given at some value after it.
 */
export function activeOnDrug(c: Case, t: Treatment, drug: string): boolean {
  return alignOnDrug(c, drug).filter((o) => o.phase === "after").some((o) => {
    const a = activeTreatments(c, o.day.timeId);
    return a.certain.includes(t) || a.possible.includes(t);
  });
}

/**
 * Whether a dose period is certainly active at one of the values after the start of `drug`
 * (`activeOnDrug` asks whether it may be).
 *
 * @param c The case.
 * @param t One of its dose periods.
 * @param drug The drug whose start the values follow.
 * @returns True when certainly active at one of them.
 */
export function surelyOnDrug(c: Case, t: Treatment, drug: string): boolean {
  return alignOnDrug(c, drug).filter((o) => o.phase === "after").some((o) =>
    activeTreatments(c, o.day.timeId).certain.includes(t)
  );
}

/** The functions of some rules, by name. */
export type Judges<K extends RuleName> = { [N in K]: Judge<N> };
