// deno-lint-ignore-file house/max-module-lines
// TODO(issue 25): removed when the shape helper lands.
/**
 * The rules that judge an article's claims: one small function per rule name of `params.ts`,
 * each a function of the claim's parameters, the drug the claim is about and the cases of the
 * claim's own article, returning a verdict and the computed evidence behind it. Every number in
 * an evidence sentence is computed here from the data; none is typed. Nothing here reads the
 * study's drug: each claim is judged on its own terms.
 *
 * @module
 */
import { compareDoses, drugWithDose, formatDose } from "../dose.ts";
import { formatDay, formatInterval, formatNumber } from "../intervals.ts";
import type { Case, Treatment } from "../model.ts";
import { agree, casesListing, counted, listing, plural } from "../prose.ts";
import { caseChange as change, type ChangePoint } from "../analysis/change.ts";
import {
  activeTreatments,
  alignOnDrug,
  firstPeriod,
  mayBeGiven,
  relativeDay,
} from "../timeline.ts";
import { type ClaimRule, type RuleName, type RuleParams, RULES } from "./params.ts";

export type { ClaimRule } from "./params.ts";

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
type Judge<N extends RuleName> = (
  p: RuleParams<N>,
  drug: string,
  cases: readonly Case[],
) => Judgement;

const f = (x: number) => formatNumber(x, 1);
const dose = (t: Treatment) => drugWithDose(t);
/** Change from the last value before the drug's start (the claims' baseline, whatever the study's). */
const caseChange = (c: Case, drug: string) => change(c, { drug, baseline: "last" });

/** Whether a point's day after the start can be read as a date; else its interval. */
const when = (p: ChangePoint) => formatDay(p.day, p.dated, { prefix: true, digits: 1 });

/** The drugs other than `drug` given for `indication`, started before or with it. */
function earlierForIndication(c: Case, drug: string, indication: string): Treatment[] {
  const start = firstPeriod(c, drug);
  if (!start) return [];
  return c.treatments.filter((t) =>
    t.purpose === indication && t.drug !== drug &&
    relativeDay(c, t.start.timeId, start.start.timeId).hi <= 0
  );
}

/** Cases of a claim that cannot be used, with why; empty when all can. */
function unusable(cases: readonly Case[], drug: string): string[] {
  return cases.flatMap((c) => {
    const ch = caseChange(c, drug);
    return ch.points.length ? [] : [`case ${c.id}: ${ch.reason ?? `no VAS value after ${drug}`}`];
  });
}

const cannot = (why: string): Judgement => ({ verdict: "cannot be assessed", evidence: why });

/** Supported when every case holds, else not supported; the evidence lists every case. */
function allOrNothing(rows: readonly { ok: boolean; text: string }[]): Judgement {
  return {
    verdict: rows.every((r) => r.ok) ? "supported" : "not supported",
    evidence: rows.map((r) => r.text).join("; ") + ".",
  };
}

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

/** Whether a treatment may be given at any value after the drug start. */
function activeOnDrug(c: Case, t: Treatment, drug: string): boolean {
  return alignOnDrug(c, drug).filter((o) => o.phase === "after").some((o) => {
    const a = activeTreatments(c, o.day.timeId);
    return a.certain.includes(t) || a.possible.includes(t);
  });
}

const firstValueReduction: Judge<"first-value-reduction"> = (p, drug, cases) => {
  const bad = unusable(cases, drug);
  if (bad.length) return cannot(listing(bad));
  return allOrNothing(cases.map((c) => {
    const ch = caseChange(c, drug);
    const pt = ch.points[0];
    const pr = pt.percentReduction?.nominal ?? null;
    return {
      ok: pr !== null && pr + 1e-9 >= p.min_percent && pt.day.hi <= p.within_days,
      text: `case ${c.id}: VAS ${f(ch.baseline.vas!.nominal)} → ${f(pt.vas.nominal)}, ` +
        `${pr === null ? "no percent (baseline 0)" : `${f(pr)}% reduction`} at ${when(pt)} ` +
        `of ${drug}`,
    };
  }));
};

const lastValue: Judge<"last-value"> = (p, drug, cases) => {
  const bad = unusable(cases, drug);
  if (bad.length) return cannot(listing(bad));
  return graded(cases.map((c) => {
    const pt = caseChange(c, drug).points.at(-1)!;
    // A range is judged by its upper end, as in every rule with a relief threshold.
    const v = pt.vas.hi;
    const inTime = p.within_days === null || pt.day.hi <= p.within_days;
    const level = v <= p.supported_at_most
      ? 2
      : p.partly_at_most !== null && v <= p.partly_at_most
      ? 1
      : 0;
    const longTerm = p.long_term_days === null || pt.day.lo >= p.long_term_days;
    const o = c.observations.find((x) => x.day.timeId === pt.timeId)!;
    return {
      level: inTime ? (longTerm ? level : Math.min(level, 1)) : 0,
      text: `case ${c.id}: last value VAS ${formatInterval(pt.vas)} ("${o.words}"` +
        (o.note ? `; ${o.note}` : "") + `) at ${when(pt)} of ${drug}` +
        (longTerm ? "" : `, not surely ${p.long_term_days} days or more after its start`),
    };
  }));
};

const valueAtMost: Judge<"value-at-most"> = (p, _drug, cases) => {
  const rows = cases.map((c) => {
    const o = c.observations.find((x) => x.day.timeId === p.time_id);
    return o
      ? {
        ok: o.vas.hi <= p.at_most,
        text: `case ${c.id}: VAS ${formatInterval(o.vas)} ("${o.words}")`,
      }
      : null;
  });
  if (rows.some((r) => r === null)) return cannot(`no value at '${p.time_id}' in the data`);
  return {
    verdict: rows.every((r) => r!.ok) ? "supported" : "not supported",
    evidence: rows.map((r) => r!.text).join("; ") +
      ` against a threshold of ${f(p.at_most)} ${p.unit} (at the value's upper bound).`,
  };
};

const zeroWithinDays: Judge<"zero-within-days"> = (p, drug, cases) => {
  const bad = unusable(cases, drug);
  if (bad.length) return cannot(listing(bad));
  return graded(cases.map((c) => {
    const zero = caseChange(c, drug).points.find((x) => x.vas.hi === 0);
    if (!zero) return { level: 0, text: `case ${c.id}: no value of 0 after ${drug}` };
    const level = zero.day.hi <= p.within_days
      ? 2
      : zero.dated && zero.day.nominal <= p.within_days
      ? 1
      : 0;
    return {
      level,
      text: `case ${c.id}: VAS 0 at ${when(zero)} of ${drug}` +
        (level === 1 ? `: ${f(p.within_days)} days at the nominal day, later at its bound` : ""),
    };
  }));
};

const firstLineMonotherapy: Judge<"first-line-monotherapy"> = (p, drug, cases) => {
  const indication = p.indication;
  return allOrNothing(cases.map((c) => {
    if (!firstPeriod(c, drug)) return { ok: false, text: `case ${c.id} never takes ${drug}` };
    const before = earlierForIndication(c, drug, indication);
    const concurrent = c.treatments.filter((t) => t.drug !== drug && activeOnDrug(c, t, drug));
    const earlier = listing(before.map((t) => `${dose(t)} (${t.outcome ?? "no outcome stated"})`));
    return {
      ok: before.length === 0 && concurrent.length === 0,
      text: `case ${c.id}: ` + (before.length
        ? `${earlier} was given for ${indication} before ${drug}, so ${drug} was not first-line`
        : `no other drug for ${indication} before ${drug}`) +
        `; ${
          concurrent.length
            ? `given with ${
              listing(concurrent.map((t) => `${dose(t)} (${t.purpose})`))
            }`
            : `no other drug is stated as given with ${drug}`
        }`,
    };
  }));
};

const lowerAfterDoseIncrease: Judge<"lower-after-dose-increase"> = (_p, drug, cases) => {
  const rows = cases.map((c) => {
    const periods = c.treatments.filter((t) => t.drug === drug);
    const up = periods.findIndex((t, i) =>
      i > 0 && compareDoses(t.dose, periods[i - 1].dose) === 1
    );
    if (up < 0) return null;
    const prev = periods[up - 1];
    const next = periods[up];
    const after = alignOnDrug(c, drug).filter((o) => o.phase === "after");
    const onPrev = after.filter((o) => activeTreatments(c, o.day.timeId).certain.includes(prev));
    const onNext = after.filter((o) => activeTreatments(c, o.day.timeId).certain.includes(next));
    const last = onPrev.at(-1);
    if (!last || onNext.length === 0) return null;
    const lower = onNext.every((o) => o.vas.hi < last.vas.lo || o.vas.nominal < last.vas.nominal);
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
};

const partialResponseToPriorDrug: Judge<"partial-response-to-prior-drug"> = (p, drug, cases) => {
  const rows = cases.map((c) => {
    const periods = c.treatments.filter((t) => t.drug === drug);
    if (!periods.length) return null;
    const on = c.observations.filter((o) =>
      activeTreatments(c, o.day.timeId).certain.some((t) => t.drug === drug)
    );
    const before = alignOnDrug(c, drug).filter((o) => o.phase === "before");
    if (on.length < 1) return null;
    const a = on[0];
    const b = on.at(-1)!;
    const fell = on.length >= 2 && b.vas.nominal < a.vas.nominal;
    const remains = b.vas.nominal > p.remaining_above;
    const doseAt = (o: typeof a) =>
      activeTreatments(c, o.day.timeId).certain.filter((t) => t.drug === drug).map(dose);
    const raised = periods.find((t) => {
      const gap = relativeDay(c, t.start.timeId, a.day.timeId);
      return gap.lo === 0 && gap.hi === 0;
    });
    return {
      level: !fell || !remains ? 0 : before.length ? 2 : 1,
      text: `case ${c.id}: VAS ${f(a.vas.nominal)} on ${listing(doseAt(a))} → ` +
        `${f(b.vas.nominal)} on ${listing(doseAt(b))} ` +
        `(${f((100 * (a.vas.nominal - b.vas.nominal)) / a.vas.nominal)}% lower, ` +
        `${f(b.vas.nominal)} ${p.unit} remaining); ` +
        `${counted(before.length, "value")} before ${drug}` +
        (before.length ? "" : ", so no response to it can be measured") +
        (raised
          ? `; the dose was raised to ${formatDose(raised)} because of the ` +
            `${f(a.vas.nominal)}, so part of the fall is expected from regression to the mean`
          : ""),
    };
  });
  if (rows.some((r) => r === null)) return cannot(`no value while ${drug} was given`);
  return graded(rows.map((r) => r!));
};

const furtherImprovementAfterSwitch: Judge<"further-improvement-after-switch"> = (
  p,
  drug,
  cases,
) => {
  const bad = unusable(cases, drug);
  if (bad.length) return cannot(listing(bad));
  return graded(cases.map((c) => {
    const ch = caseChange(c, drug);
    const before = alignOnDrug(c, drug).filter((o) => o.phase === "before");
    const lower = ch.points.every((x) => x.vas.nominal < ch.baseline.vas!.nominal);
    const falling = before.length >= 2 && before.at(-1)!.vas.nominal < before[0].vas.nominal;
    const overlap = ch.points.filter((x) => mayBeGiven(c, x.timeId, p.from));
    const values = listing(
      ch.points.map((x) => `${f(x.vas.nominal)} (${f(x.percentReduction?.nominal ?? NaN)}% lower)`),
    );
    return {
      level: !lower ? 0 : falling || overlap.length ? 1 : 2,
      text: `case ${c.id}: from ${f(ch.baseline.vas!.nominal)} to ${values}; ` +
        (falling
          ? `pain was already falling before the switch (${
            listing(before.map((o) => f(o.vas.nominal)))
          }), so a continued trend explains the later values as well`
          : "no falling trend before the switch") +
        `; ${p.from} ${
          overlap.length
            ? `may still have been given at ${
              plural(overlap.length, "value")
            } after the switch (stepwise replacement)`
            : "had stopped"
        }`,
    };
  }));
};

const rapidAndNearTotal: Judge<"rapid-and-near-total"> = (p, drug, cases) => {
  const usable = cases.filter((c) => caseChange(c, drug).points.length > 0);
  const bad = unusable(cases, drug);
  const rows = usable.map((c) => {
    const ch = caseChange(c, drug);
    const first = ch.points[0];
    const last = ch.points.at(-1)!;
    const pr = first.percentReduction?.nominal ?? -Infinity;
    const rapid = pr + 1e-9 >= p.min_percent && first.day.hi <= p.within_days;
    const near = last.vas.hi <= p.near_total_at_most;
    return {
      ok: rapid && near,
      text: `case ${c.id}: first ${f(pr)}% at ${when(first)} (${
        rapid ? "rapid" : `not ≥${p.min_percent}% within ${p.within_days} days`
      }), last ${formatInterval(last.vas)} ${p.unit} (${near ? "near-total" : "not near-total"})`,
    };
  });
  if (rows.length === 0) return cannot(listing(bad));
  const all = rows.every((r) => r.ok) && bad.length === 0;
  const some = rows.some((r) => r.ok);
  return {
    verdict: all ? "supported" : some ? "partly supported" : "not supported",
    evidence: [...rows.map((r) => r.text), ...bad].join("; ") + ".",
  };
};

const noDepression: Judge<"no-depression"> = (p, _drug, cases) => {
  const missing = cases.filter((c) => c.sds === null).map((c) => c.id);
  const high = cases.filter((c) => c.sds !== null && c.sds >= p.sds_below).map((c) => c.id);
  const classes = p.antidepressant_classes ?? [];
  const onDrug = (c: Case): { t: Treatment; sure: boolean }[] => {
    const at = p.measured_at?.[c.id];
    if (at === undefined || c.sds === null || !c.timepoints.some((t) => t.id === at)) return [];
    const a = activeTreatments(c, at);
    return [
      ...a.certain.map((t) => ({ t, sure: true })),
      ...a.possible.map((t) => ({ t, sure: false })),
    ].filter((x) => classes.includes(x.t.drugClass));
  };
  const weakened = cases.filter((c) => onDrug(c).length > 0).map((c) => c.id);
  const row = (c: Case) => {
    const on = onDrug(c);
    return `case ${c.id}: SDS ${c.sds ?? "not reported"}` +
      (on.length
        ? ` (taken at '${p.measured_at?.[c.id]}', while taking ${
          listing(on.map((x) => `${dose(x.t)} (${x.t.drugClass}${x.sure ? "" : ", possibly"})`))
        }: a score on an antidepressant cannot show the absence of depression without it)`
        : "");
  };
  return {
    verdict: high.length
      ? "not supported"
      : missing.length || weakened.length
      ? "partly supported"
      : "supported",
    evidence: cases.map(row).join("; ") +
      ` (threshold: below ${p.sds_below}; clinical examination is not reported as data).`,
  };
};

const usefulFirstLine: Judge<"useful-first-line"> = (p, drug, cases) => {
  const indication = p.indication;
  const first = cases.filter((c) =>
    firstPeriod(c, drug) && earlierForIndication(c, drug, indication).length === 0
  );
  const notFirst = cases.filter((c) => !first.includes(c));
  const hits = first.filter((c) => {
    const pt = caseChange(c, drug).points.at(-1);
    return pt?.percentReduction != null && pt.percentReduction.nominal + 1e-9 >= p.min_percent;
  });
  const others = notFirst.map((c) => {
    const earlier = [...new Set(earlierForIndication(c, drug, indication).map((t) => t.drug))];
    return `case ${c.id}${earlier.length ? ` (after ${listing(earlier)})` : ""}`;
  });
  const seen = first.length === 0
    ? `no case received ${drug} before any other drug for ${indication}`
    : `first-line (no other drug for ${indication} before ${drug}): ` +
      `${casesListing(first.map((c) => c.id))}, ` +
      (hits.length === first.length
        ? agree(first.length, "which reaches", "each reaching")
        : `${hits.length} of them reaching`) +
      ` a ≥${p.min_percent}% reduction at the last value`;
  return cannot(
    "a recommendation cannot be assessed from uncontrolled cases: no control, phases not " +
      "randomised, natural course not excluded, cases not shown to be all those treated; " +
      "what the cases show: " + seen +
      (notFirst.length ? `; not first-line: ${listing(others)}` : "") +
      ".",
  );
};

const firstLine: Judge<"first-line"> = (p, drug, cases) =>
  allOrNothing(cases.map((c) => {
    if (!firstPeriod(c, drug)) return { ok: false, text: `case ${c.id} never takes ${drug}` };
    const before = earlierForIndication(c, drug, p.indication);
    const other = c.treatments.filter((t) =>
      t.drug !== drug && t.purpose !== p.indication && activeOnDrug(c, t, drug)
    );
    return {
      ok: before.length === 0,
      text: `case ${c.id}: ` + (before.length
        ? `${
          listing(before.map((t) => `${dose(t)} (${t.outcome ?? "no outcome stated"})`))
        } was given for ${p.indication} before ${drug}, so ${drug} was not first-line`
        : `no other drug for ${p.indication} before ${drug}`) +
        (other.length
          ? `; given with it for other purposes: ${
            listing(other.map((t) => `${dose(t)} (${t.purpose})`))
          }`
          : ""),
    };
  }));

const lastValueReduction: Judge<"last-value-reduction"> = (p, drug, cases) => {
  const bad = unusable(cases, drug);
  if (bad.length) return cannot(listing(bad));
  const j = allOrNothing(cases.map((c) => {
    const ch = caseChange(c, drug);
    const pt = ch.points.at(-1)!;
    const pr = pt.percentReduction?.nominal ?? null;
    return {
      ok: pr !== null && pr + 1e-9 >= p.min_percent,
      text: `case ${c.id}: VAS ${f(ch.baseline.vas!.nominal)} → ${formatInterval(pt.vas)} at ` +
        `the last value (${pr === null ? "no percent (baseline 0)" : `${f(pr)}% reduction`})`,
    };
  }));
  return {
    ...j,
    evidence: j.evidence.slice(0, -1) +
      "; the reduction is described, not attributed: an uncontrolled series cannot separate the " +
      "drug from the natural course.",
  };
};

const drugIneffective: Judge<"drug-ineffective"> = (_p, drug, cases) => {
  const rows = cases.map((c) => {
    const on = c.observations.filter((o) =>
      activeTreatments(c, o.day.timeId).certain.some((t) => t.drug === drug)
    );
    const before = firstPeriod(c, drug)
      ? alignOnDrug(c, drug).filter((o) => o.phase === "before")
      : [];
    return { c, on, before };
  });
  const counts = rows.map((r) =>
    `case ${r.c.id}: ${counted(r.before.length, "VAS value")} before ${drug}, ` +
    `${counted(r.on.length, "value")} while it was surely given`
  ).join("; ");
  if (rows.some((r) => r.on.length === 0 || r.before.length === 0)) {
    return cannot(
      counts + `; "ineffective" rests on the article's words alone (no VAS shows the pain ` +
        `before and on ${drug}).`,
    );
  }
  const flat = rows.every((r) => r.on.every((o) => o.vas.nominal >= r.before.at(-1)!.vas.nominal));
  return {
    verdict: flat ? "supported" : "not supported",
    evidence: counts + (flat ? "; no value on it is lower." : "; a value on it is lower."),
  };
};

const outcomeNotMeasured: Judge<"outcome-not-measured"> = (p, _drug, cases) => {
  const scales = [...new Set(cases.flatMap((c) => c.observations.map((o) => o.scale.name)))];
  return cannot(
    `no measure of ${p.outcome} is in the data for ${
      casesListing(cases.map((c) => c.id))
    } (the values stated are on ${
      scales.length ? listing(scales) : "no scale"
    }, of pain); the claim rests on the article's words or its citations alone.`,
  );
};

const coDrugNoEffect: Judge<"co-drug-no-effect"> = (p, drug, cases) => {
  const co = p.co_drug;
  const rows = cases.map((c) => {
    if (!c.treatments.some((t) => t.drug === co) || !firstPeriod(c, drug)) return null;
    const after = alignOnDrug(c, drug).filter((o) => o.phase === "after");
    const without = after.filter((o) => !mayBeGiven(c, o.day.timeId, co));
    const beforeCo = alignOnDrug(c, co).filter((o) => o.phase === "before");
    return { c, after, without, beforeCo };
  });
  if (rows.some((r) => r === null)) return cannot(`a case never takes ${co} or ${drug}`);
  if (rows.some((r) => r!.without.length === 0 || r!.beforeCo.length === 0)) {
    return cannot(
      rows.map((r) =>
        `case ${r!.c.id}: ${counted(r!.beforeCo.length, "VAS value")} before ${co}; ` +
        `${co} given (certainly or possibly) at ${r!.after.length - r!.without.length} of ` +
        `${plural(r!.after.length, "value")} after ${drug}, so its effect cannot be separated`
      ).join("; ") + ".",
    );
  }
  return cannot(
    "values with and without the co-drug exist, but no rule compares them in an AB series.",
  );
};

const reliefOnlyWithDrug: Judge<"relief-only-with-drug"> = (p, drug, cases) => {
  const co = p.after;
  const rows = cases.map((c) => {
    if (!c.treatments.some((t) => t.drug === co) || !firstPeriod(c, drug)) return null;
    const aligned = alignOnDrug(c, co);
    const onCoAlone = c.observations.filter((o) =>
      activeTreatments(c, o.day.timeId).certain.some((t) => t.drug === co) &&
      !mayBeGiven(c, o.day.timeId, drug)
    );
    return {
      c,
      beforeCo: aligned.filter((o) => o.phase === "before"),
      unsure: aligned.filter((o) => o.phase === "ambiguous"),
      onCoAlone,
    };
  });
  if (rows.some((r) => r === null)) return cannot(`a case never takes ${co} or ${drug}`);
  return cannot(
    rows.map((r) =>
      `case ${r!.c.id}: ${counted(r!.beforeCo.length, "VAS value")} surely before ${co}` +
      (r!.unsure.length ? ` (${r!.unsure.length} may precede or follow it)` : "") +
      `, ${counted(r!.onCoAlone.length, "value")} surely on ${co} without ${drug}: ` +
      "no comparison shows relief absent on it and present only with " + drug
    ).join("; ") + ".",
  );
};

const noRecurrence: Judge<"no-recurrence"> = (_p, _drug, cases) => {
  const rows = cases.map((c) => {
    const last = c.observations.at(-1);
    if (!last) return `case ${c.id}: no VAS value`;
    const later = c.timepoints.filter((t) =>
      t.id !== last.day.timeId && relativeDay(c, t.id, last.day.timeId).lo > 0
    );
    const words = c.timepoints.find((t) => t.id === last.day.timeId)?.words;
    return `case ${c.id}: the last value stated is "${last.words}"` +
      (words ? ` (${words})` : "") +
      `; ${counted(later.length, "time point")} surely after it, so the length of ` +
      "follow-up without recurrence is not stated";
  });
  return cannot(rows.join("; ") + ".");
};

const directAnalgesic: Judge<"direct-analgesic"> = (_p, drug, cases) => {
  const scores = cases.filter((c) => c.sds !== null).length;
  return cannot(
    `${scores} of ${plural(cases.length, "case")} ${
      agree(scores, "has", "have")
    } a single depression score (SDS), none stated after ${drug}; separating an analgesic from an antidepressant effect needs a ` +
      "mood measure over time (or a design that varies one without the other).",
  );
};

/** The function of every rule, by name (one per name of `params.ts`: the type requires it). */
const JUDGES: { [N in RuleName]: Judge<N> } = {
  "first-value-reduction": firstValueReduction,
  "last-value": lastValue,
  "value-at-most": valueAtMost,
  "zero-within-days": zeroWithinDays,
  "first-line-monotherapy": firstLineMonotherapy,
  "lower-after-dose-increase": lowerAfterDoseIncrease,
  "partial-response-to-prior-drug": partialResponseToPriorDrug,
  "further-improvement-after-switch": furtherImprovementAfterSwitch,
  "rapid-and-near-total": rapidAndNearTotal,
  "no-depression": noDepression,
  "useful-first-line": usefulFirstLine,
  "co-drug-no-effect": coDrugNoEffect,
  "relief-only-with-drug": reliefOnlyWithDrug,
  "no-recurrence": noRecurrence,
  "direct-analgesic": directAnalgesic,
  "first-line": firstLine,
  "last-value-reduction": lastValueReduction,
  "drug-ineffective": drugIneffective,
  "outcome-not-measured": outcomeNotMeasured,
};

/**
 * Judges a claim by its rule on the cases of its own article.
 *
 * @param rule The rule and its parameters.
 * @param drug The drug the claim is about (its `drug` column); `null` for a rule that judges none.
 * @param cases The cases the claim is about (already restricted to its article).
 * @returns The verdict and the computed evidence.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries } from "#lib/mod.ts";
 * import { judge } from "#lib/claims/rules.ts";
 * const [c] = (await loadCaseSeries()).cases;
 * const rule = { kind: "no-depression", params: { sds_below: 40 } } as const;
 * assert.ok(judge(rule, null, [c]).evidence.startsWith(`case ${c.id}: SDS`));
 * const needsDrug = { kind: "zero-within-days", params: { within_days: 30 } } as const;
 * assert.equal(judge(needsDrug, null, [c]).verdict, "cannot be assessed");
 * ```
 */
export function judge(rule: ClaimRule, drug: string | null, cases: readonly Case[]): Judgement {
  if (cases.length === 0) return cannot("none of its cases is in the data");
  const fn = JUDGES[rule.kind] as Judge<RuleName>;
  if (drug === null && RULES[rule.kind].drug) {
    return cannot(`rule ${rule.kind} needs the drug the claim is about`);
  }
  return fn(rule.params as never, drug ?? "", cases);
}
