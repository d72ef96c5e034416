/**
 * The rules that judge an article's claims: each a function of the claim's parameters and the
 * cases of the claim's own article, returning a verdict and the computed evidence behind it.
 * Every number in an evidence sentence is computed here from the data; none is typed.
 *
 * @module
 */
import { valueScale } from "../cases.ts";
import { compareDoses, drugWithDose, formatDose } from "../dose.ts";
import { formatDay, formatInterval, formatNumber } from "../intervals.ts";
import type { Case, Treatment } from "../model.ts";
import { agree, casesListing, counted, listing, plural } from "../prose.ts";
import { caseChange, type ChangePoint } from "../stats/change.ts";
import type { Study } from "../study.ts";
import {
  activeTreatments,
  alignOnDrug,
  firstPeriod,
  mayBeGiven,
  relativeDay,
} from "../timeline.ts";

/** How far the reported values support a claim. */
export type Verdict = "supported" | "partly supported" | "not supported" | "cannot be assessed";

/** What a rule returns. */
export interface Judgement {
  /** The verdict. */
  verdict: Verdict;
  /** The computed numbers behind it, in words. */
  evidence: string;
}

/** The rules a claim can name, with their parameters. */
export type ClaimRule =
  | { kind: "first-value-reduction"; minPercent: number; withinDays: number }
  | {
    kind: "last-value";
    supportedAtMost: number;
    partlyAtMost: number | null;
    withinDays: number | null;
    /** For "long-term": days after the drug's start the value must surely be dated at. */
    longTermDays: number | null;
  }
  | { kind: "value-at-most"; timeId: string; atMost: number }
  | { kind: "zero-within-days"; withinDays: number }
  | { kind: "first-line-monotherapy" }
  | { kind: "lower-after-dose-increase" }
  | { kind: "partial-response-to-prior-drug"; drug: string; remainingAbove: number }
  | { kind: "further-improvement-after-switch"; from: string }
  | {
    kind: "rapid-and-near-total";
    minPercent: number;
    withinDays: number;
    nearTotalAtMost: number;
  }
  | { kind: "no-depression"; sdsBelow: number }
  | { kind: "useful-first-line"; minPercent: number }
  | { kind: "co-drug-no-effect"; drug: string }
  | { kind: "relief-only-with-drug"; after: string }
  | { kind: "no-recurrence" }
  | { kind: "direct-analgesic" };

const f = (x: number) => formatNumber(x, 1);
/** The study the claims of the current `judge` call are read against (set by `judge`). */
let STUDY: Study;
let drug = "";
const dose = (t: Treatment) => drugWithDose(t);

/** Whether a point's day after the start can be read as a date; else its interval. */
const when = (p: ChangePoint) => formatDay(p.day, p.dated, { prefix: true, digits: 1 });

/** The drugs other than `drug` given for the indication, started before or with it. */
function earlierForIndication(c: Case): Treatment[] {
  const start = firstPeriod(c, drug);
  if (!start) return [];
  return c.treatments.filter((t) =>
    t.purpose === STUDY.indication && t.drug !== drug &&
    relativeDay(c, t.start.timeId, start.start.timeId).hi <= 0
  );
}

/** Cases of a claim that cannot be used, with why; empty when all can. */
function unusable(cases: readonly Case[]): string[] {
  return cases.flatMap((c) => {
    const ch = caseChange(c);
    return ch.points.length ? [] : [`case ${c.id}: ${ch.reason ?? `no VAS value after ${drug}`}`];
  });
}

const cannot = (why: string): Judgement => ({ verdict: "cannot be assessed", evidence: why });

/**
 * The judgement of a claim whose cases are each graded 2 (as claimed), 1 (in part) or 0 (not):
 * the weakest case decides; the evidence lists every case.
 */
function graded(rows: readonly { level: number; text: string }[]): Judgement {
  const min = Math.min(...rows.map((r) => r.level));
  return {
    verdict: min === 2 ? "supported" : min === 1 ? "partly supported" : "not supported",
    evidence: rows.map((r) => r.text).join("; ") + ".",
  };
}

/**
 * Judges a claim by its rule on the cases of its own article.
 *
 * @param rule The rule and its parameters.
 * @param cases The cases the claim is about (already restricted to its article).
 * @returns The verdict and the computed evidence.
 * @example
 * ```ts
 * import { loadCaseSeries } from "../load.ts";
 * import { judge } from "./rules.ts";
 * const c = (await loadCaseSeries()).cases.find((x) => x.id === "2")!;
 * judge({ kind: "first-value-reduction", minPercent: 50, withinDays: 6 }, [c]).verdict;
 * // "supported"
 * ```
 */
export function judge(rule: ClaimRule, cases: readonly Case[]): Judgement {
  if (cases.length === 0) return cannot("none of its cases is in the data");
  STUDY = cases[0].study;
  drug = STUDY.drug;
  const unit = valueScale(cases).unit;
  switch (rule.kind) {
    case "first-value-reduction": {
      const bad = unusable(cases);
      if (bad.length) return cannot(listing(bad));
      const rows = cases.map((c) => {
        const ch = caseChange(c);
        const p = ch.points[0];
        const pr = p.percentReduction?.nominal ?? null;
        const ok = pr !== null && pr + 1e-9 >= rule.minPercent && p.day.hi <= rule.withinDays;
        return {
          ok,
          text: `case ${c.id}: VAS ${f(ch.baseline.vas!.nominal)} → ${f(p.vas.nominal)}, ` +
            `${pr === null ? "no percent (baseline 0)" : `${f(pr)}% reduction`} at ${when(p)} ` +
            `of ${drug}`,
        };
      });
      return {
        verdict: rows.every((r) => r.ok) ? "supported" : "not supported",
        evidence: rows.map((r) => r.text).join("; ") + ".",
      };
    }
    case "last-value": {
      const bad = unusable(cases);
      if (bad.length) return cannot(listing(bad));
      const rows = cases.map((c) => {
        const p = caseChange(c).points.at(-1)!;
        const v = p.vas.nominal;
        const inTime = rule.withinDays === null || p.day.hi <= rule.withinDays;
        const level = v <= rule.supportedAtMost ? 2 : rule.partlyAtMost !== null &&
            v <= rule.partlyAtMost
          ? 1
          : 0;
        const longTerm = rule.longTermDays === null || p.day.lo >= rule.longTermDays;
        const o = c.observations.find((x) => x.day.timeId === p.timeId)!;
        return {
          level: inTime ? (longTerm ? level : Math.min(level, 1)) : 0,
          text: `case ${c.id}: last value VAS ${formatInterval(p.vas)} ("${o.words}"` +
            (o.note ? `; ${o.note}` : "") + `) at ${when(p)} of ${drug}` +
            (longTerm ? "" : `, not surely ${rule.longTermDays} days or more after its start`),
        };
      });
      return graded(rows);
    }
    case "value-at-most": {
      const rows = cases.map((c) => {
        const o = c.observations.find((x) => x.day.timeId === rule.timeId);
        return o
          ? {
            ok: o.vas.hi <= rule.atMost,
            text: `case ${c.id}: VAS ${formatInterval(o.vas)} ("${o.words}")`,
          }
          : null;
      });
      if (rows.some((r) => r === null)) return cannot(`no value at '${rule.timeId}' in the data`);
      return {
        verdict: rows.every((r) => r!.ok) ? "supported" : "not supported",
        evidence: rows.map((r) => r!.text).join("; ") +
          ` against a near-total threshold of ${f(rule.atMost)} ${unit}.`,
      };
    }
    case "zero-within-days": {
      const bad = unusable(cases);
      if (bad.length) return cannot(listing(bad));
      const rows = cases.map((c) => {
        const zero = caseChange(c).points.find((p) => p.vas.hi === 0);
        if (!zero) return { level: 0, text: `case ${c.id}: no value of 0 after ${drug}` };
        const level = zero.day.hi <= rule.withinDays
          ? 2
          : zero.dated && zero.day.nominal <= rule.withinDays
          ? 1
          : 0;
        return {
          level,
          text: `case ${c.id}: VAS 0 at ${when(zero)} of ${drug}` +
            (level === 1
              ? `: ${f(rule.withinDays)} days at the nominal day, later at its bound`
              : ""),
        };
      });
      return graded(rows);
    }
    case "first-line-monotherapy": {
      const rows = cases.map((c) => {
        const start = firstPeriod(c, drug);
        if (!start) return { ok: false, text: `case ${c.id} never takes ${drug}` };
        const before = earlierForIndication(c);
        const concurrent = c.treatments.filter((t) => t.drug !== drug && activeOnDrug(c, t));
        return {
          ok: before.length === 0 && concurrent.length === 0,
          text: `case ${c.id}: ` + (before.length
            ? `${
              listing(before.map((t) => `${dose(t)} (${t.outcome ?? "no outcome stated"})`))
            } ` +
              `was given for ${STUDY.indication} before ${drug}, so ${drug} was not first-line`
            : `no other drug for ${STUDY.indication} before ${drug}`) +
            `; ${
              concurrent.length
                ? `given with ${
                  listing(concurrent.map((t) => `${dose(t)} (${t.purpose})`))
                }`
                : `no other drug is stated as given with ${drug}`
            }`,
        };
      });
      return {
        verdict: rows.every((r) => r.ok) ? "supported" : "not supported",
        evidence: rows.map((r) => r.text).join("; ") + ".",
      };
    }
    case "lower-after-dose-increase": {
      const rows = cases.map((c) => {
        const periods = c.treatments.filter((t) => t.drug === drug);
        const up = periods.findIndex((t, i) =>
          i > 0 && compareDoses(t.dose, periods[i - 1].dose) === 1
        );
        if (up < 0) return null;
        const prev = periods[up - 1];
        const next = periods[up];
        const after = alignOnDrug(c, drug).filter((o) => o.phase === "after");
        const onPrev = after.filter((o) =>
          activeTreatments(c, o.day.timeId).certain.includes(prev)
        );
        const onNext = after.filter((o) =>
          activeTreatments(c, o.day.timeId).certain.includes(next)
        );
        const last = onPrev.at(-1);
        if (!last || onNext.length === 0) return null;
        const lower = onNext.every((o) =>
          o.vas.hi < last.vas.lo || o.vas.nominal < last.vas.nominal
        );
        const dated = onNext.every((o) =>
          Number.isFinite(relativeDay(c, o.day.timeId, last.day.timeId).hi)
        );
        return {
          level: !lower ? 0 : dated ? 2 : 1,
          text: `case ${c.id}: VAS ${formatInterval(last.vas)} on ${dose(prev)} → ` +
            `${listing(onNext.map((o) => `VAS ${formatInterval(o.vas)}`))} on ${dose(next)}; ` +
            `the time of ${agree(onNext.length, "that report", "those reports")} is ` +
            `${dated ? "stated" : "not stated (open-ended)"}; a return towards the earlier low ` +
            "values is also what regression to the mean predicts after a dose raised for a high value",
        };
      });
      if (rows.some((r) => r === null)) {
        return cannot(`no value on each side of a ${drug} dose increase`);
      }
      return graded(rows.map((r) => r!));
    }
    case "partial-response-to-prior-drug": {
      const rows = cases.map((c) => {
        const periods = c.treatments.filter((t) => t.drug === rule.drug);
        if (!periods.length) return null;
        const on = c.observations.filter((o) =>
          activeTreatments(c, o.day.timeId).certain.some((t) => t.drug === rule.drug)
        );
        const before = alignOnDrug(c, rule.drug).filter((o) => o.phase === "before");
        if (on.length < 1) return null;
        const a = on[0];
        const b = on.at(-1)!;
        const fell = on.length >= 2 && b.vas.nominal < a.vas.nominal;
        const remains = b.vas.nominal > rule.remainingAbove;
        const doseAt = (o: typeof a) =>
          activeTreatments(c, o.day.timeId).certain.filter((t) => t.drug === rule.drug).map(dose);
        const raised = periods.find((t) => {
          const gap = relativeDay(c, t.start.timeId, a.day.timeId);
          return gap.lo === 0 && gap.hi === 0;
        });
        const level = !fell || !remains ? 0 : before.length ? 2 : 1;
        return {
          level,
          text: `case ${c.id}: VAS ${f(a.vas.nominal)} on ${listing(doseAt(a))} → ` +
            `${f(b.vas.nominal)} on ${listing(doseAt(b))} ` +
            `(${f((100 * (a.vas.nominal - b.vas.nominal)) / a.vas.nominal)}% lower, ` +
            `${f(b.vas.nominal)} ${unit} remaining); ` +
            `${counted(before.length, "value")} before ${rule.drug}` +
            (before.length ? "" : ", so no response to it can be measured") +
            (raised
              ? `; the dose was raised to ${formatDose(raised)} because of the ` +
                `${f(a.vas.nominal)}, so part of the fall is expected from regression to the mean`
              : ""),
        };
      });
      if (rows.some((r) => r === null)) return cannot(`no value while ${rule.drug} was given`);
      return graded(rows.map((r) => r!));
    }
    case "further-improvement-after-switch": {
      const bad = unusable(cases);
      if (bad.length) return cannot(listing(bad));
      const rows = cases.map((c) => {
        const ch = caseChange(c);
        const before = alignOnDrug(c, drug).filter((o) => o.phase === "before");
        const lower = ch.points.every((p) => p.vas.nominal < ch.baseline.vas!.nominal);
        const falling = before.length >= 2 && before.at(-1)!.vas.nominal < before[0].vas.nominal;
        const overlap = ch.points.filter((p) => mayBeGiven(c, p.timeId, rule.from));
        return {
          level: !lower ? 0 : falling || overlap.length ? 1 : 2,
          text: `case ${c.id}: from ${f(ch.baseline.vas!.nominal)} to ` +
            `${
              listing(ch.points.map((p) =>
                `${f(p.vas.nominal)} (${f(p.percentReduction?.nominal ?? NaN)}% lower)`
              ))
            }; ` +
            (falling
              ? `pain was already falling before the switch (${
                listing(before.map((o) => f(o.vas.nominal)))
              }), so a continued trend explains the later values as well`
              : "no falling trend before the switch") +
            `; ${rule.from} ${
              overlap.length
                ? `may still have been given at ${
                  plural(overlap.length, "value")
                } after the switch (stepwise replacement)`
                : "had stopped"
            }`,
        };
      });
      return graded(rows);
    }
    case "rapid-and-near-total": {
      const usable = cases.filter((c) => caseChange(c).points.length > 0);
      const bad = unusable(cases);
      const rows = usable.map((c) => {
        const ch = caseChange(c);
        const first = ch.points[0];
        const last = ch.points.at(-1)!;
        const pr = first.percentReduction?.nominal ?? -Infinity;
        const rapid = pr + 1e-9 >= rule.minPercent && first.day.hi <= rule.withinDays;
        const near = last.vas.nominal <= rule.nearTotalAtMost;
        return {
          ok: rapid && near,
          some: rapid || near,
          text: `case ${c.id}: first ${f(pr)}% at ${when(first)} (${
            rapid ? "rapid" : `not ≥${rule.minPercent}% within ${rule.withinDays} days`
          }), last ${formatInterval(last.vas)} ${unit} (${near ? "near-total" : "not near-total"})`,
        };
      });
      if (rows.length === 0) return cannot(listing(bad));
      const all = rows.every((r) => r.ok) && bad.length === 0;
      const some = rows.some((r) => r.ok);
      return {
        verdict: all ? "supported" : some ? "partly supported" : "not supported",
        evidence: [...rows.map((r) => r.text), ...bad].join("; ") + ".",
      };
    }
    case "no-depression": {
      const missing = cases.filter((c) => c.sds === null).map((c) => c.id);
      const high = cases.filter((c) => c.sds !== null && c.sds >= rule.sdsBelow).map((c) => c.id);
      return {
        verdict: high.length ? "not supported" : missing.length ? "partly supported" : "supported",
        evidence: cases.map((c) => `case ${c.id}: SDS ${c.sds ?? "not reported"}`).join("; ") +
          ` (threshold: below ${rule.sdsBelow}; clinical examination is not reported as data).`,
      };
    }
    case "useful-first-line": {
      const first = cases.filter((c) =>
        firstPeriod(c, drug) && earlierForIndication(c).length === 0
      );
      const notFirst = cases.filter((c) => !first.includes(c));
      const hits = first.filter((c) => {
        const p = caseChange(c).points.at(-1);
        return p?.percentReduction != null && p.percentReduction.nominal + 1e-9 >= rule.minPercent;
      });
      if (first.length === 0) {
        return cannot(`no case received ${drug} before any other drug for ${STUDY.indication}`);
      }
      return {
        verdict: hits.length === first.length ? "partly supported" : "not supported",
        evidence: `first-line (no other drug for ${STUDY.indication} before ${drug}): ` +
          `${casesListing(first.map((c) => c.id))}, ` +
          (hits.length === first.length
            ? agree(first.length, "which reaches", "each reaching")
            : `${hits.length} of them reaching`) +
          ` a ≥${rule.minPercent}% reduction at the last value` +
          (notFirst.length
            ? `; not first-line: ${
              listing(notFirst.map((c) => {
                const earlier = [...new Set(earlierForIndication(c).map((t) => t.drug))];
                return `case ${c.id}${earlier.length ? ` (after ${listing(earlier)})` : ""}`;
              }))
            }`
            : "") +
          "; an uncontrolled series cannot show usefulness: no control, phases not randomised, natural course not excluded.",
      };
    }
    case "co-drug-no-effect": {
      const rows = cases.map((c) => {
        const co = c.treatments.filter((t) => t.drug === rule.drug);
        if (!co.length || !firstPeriod(c, drug)) return null;
        const after = alignOnDrug(c, drug).filter((o) => o.phase === "after");
        const without = after.filter((o) => !mayBeGiven(c, o.day.timeId, rule.drug));
        const beforeCo = alignOnDrug(c, rule.drug).filter((o) => o.phase === "before");
        return { c, after, without, beforeCo };
      });
      if (rows.some((r) => r === null)) return cannot(`a case never takes ${rule.drug} or ${drug}`);
      const assessable = rows.every((r) => r!.without.length > 0 && r!.beforeCo.length > 0);
      if (!assessable) {
        return cannot(
          rows.map((r) =>
            `case ${r!.c.id}: ${counted(r!.beforeCo.length, "VAS value")} before ${rule.drug}; ` +
            `${rule.drug} given (certainly or possibly) at ${
              r!.after.length - r!.without.length
            } of ` +
            `${plural(r!.after.length, "value")} after ${drug}, so its effect cannot be separated`
          ).join("; ") + ".",
        );
      }
      return cannot(
        "values with and without the co-drug exist, but no rule compares them in an AB series.",
      );
    }
    case "relief-only-with-drug": {
      const rows = cases.map((c) => {
        if (!c.treatments.some((t) => t.drug === rule.after) || !firstPeriod(c, drug)) return null;
        const aligned = alignOnDrug(c, rule.after);
        const beforeCo = aligned.filter((o) => o.phase === "before");
        const unsure = aligned.filter((o) => o.phase === "ambiguous");
        const onCoAlone = c.observations.filter((o) => {
          const a = activeTreatments(c, o.day.timeId);
          return a.certain.some((t) => t.drug === rule.after) && !mayBeGiven(c, o.day.timeId, drug);
        });
        return { c, beforeCo, unsure, onCoAlone };
      });
      if (rows.some((r) => r === null)) {
        return cannot(`a case never takes ${rule.after} or ${drug}`);
      }
      return cannot(
        rows.map((r) =>
          `case ${r!.c.id}: ${
            counted(r!.beforeCo.length, "VAS value")
          } surely before ${rule.after}` +
          (r!.unsure.length ? ` (${r!.unsure.length} may precede or follow it)` : "") +
          `, ${counted(r!.onCoAlone.length, "value")} surely on ${rule.after} without ${drug}: ` +
          "no comparison shows relief absent on it and present only with " + drug
        ).join("; ") + ".",
      );
    }
    case "no-recurrence": {
      const rows = cases.map((c) => {
        const last = c.observations.at(-1);
        if (!last) return `case ${c.id}: no VAS value`;
        const later = c.timepoints.filter((t) =>
          t.id !== last.day.timeId && relativeDay(c, t.id, last.day.timeId).lo > 0
        );
        const when = c.timepoints.find((t) => t.id === last.day.timeId)?.words;
        return `case ${c.id}: the last value stated is "${last.words}"` +
          (when ? ` (${when})` : "") +
          `; ${counted(later.length, "time point")} surely after it, so the length of ` +
          "follow-up without recurrence is not stated";
      });
      return cannot(rows.join("; ") + ".");
    }
    case "direct-analgesic": {
      const scores = cases.filter((c) => c.sds !== null).length;
      return cannot(
        `${scores} of ${plural(cases.length, "case")} ${
          agree(scores, "has", "have")
        } a single depression score (SDS), none stated after ${drug}; separating an analgesic from an antidepressant effect needs a ` +
          "mood measure over time (or a design that varies one without the other).",
      );
    }
  }
}

/** Whether a treatment may be given at any value after the drug start. */
function activeOnDrug(c: Case, t: Treatment): boolean {
  return alignOnDrug(c, drug).filter((o) => o.phase === "after").some((o) => {
    const a = activeTreatments(c, o.day.timeId);
    return a.certain.includes(t) || a.possible.includes(t);
  });
}
