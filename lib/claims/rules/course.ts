/**
 * Rules on the course of pain on a drug: lower after a dose increase, a partial response to a
 * drug given before, further improvement after a switch, a drug without effect.
 *
 * @module
 */
import { compareDoses, drugAtOneOf, formatDose } from "../../dose.ts";
import { agree, counted, listing, plural } from "../../prose.ts";
import { alignOnDrug, firstPeriod, relativeDay } from "../../timeline.ts";
import { activeTreatments, mayBeGiven, surelyGiven } from "../../given.ts";
import { possiblyGivenValues } from "../../time_words.ts";
import {
  cannot,
  caseChange,
  dose,
  f,
  graded,
  type Judge,
  type Judges,
  painName,
  unusable,
  valueText,
} from "./common.ts";
import type { Case, Observation } from "../../model.ts";
import { casePainText, valueScale } from "../../cases.ts";
import { described, unitWords } from "../../scales.ts";
import { aboveOnScale } from "../thresholds.ts";
import { baselineMovement } from "../../analysis/visual.ts";
import { startAfterValue, startWords } from "../../analysis/peak_start.ts";

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
    // Lower at every value the two reports allow (a range counts at its least favourable bound).
    const lower = onNext.every((o) => o.common.hi < last.common.lo);
    const dated = onNext.every((o) =>
      Number.isFinite(relativeDay(c, o.day.timeId, last.day.timeId).hi)
    );
    // Regression to the mean, by the rule the appraisal shares (`startAfterValue`): said to
    // predict the return only for a dose raised at the visit of the highest value so far.
    const peak = startAfterValue(c, next.start.timeId);
    const words = peak && startWords(c, peak);
    const regression = peak === null || words === null
      ? ""
      : `; the dose was raised ${words.when}: ${
        peak.kind === "peak"
          ? "a return towards the earlier low values is also what regression to the mean predicts"
          : words.regression
      }`;
    return {
      level: !lower ? 0 : dated ? 2 : 1,
      text: `case ${c.id}: ${casePainText(c, last)} on ${dose(prev)} → ` +
        `${listing(onNext.map((o) => casePainText(c, o)))} on ` +
        `${dose(next)}; ` +
        `the time of ${agree(onNext.length, "that report", "those reports")} is ` +
        `${dated ? "stated" : "not stated (open-ended)"}${regression}`,
    };
  });
  if (rows.some((r) => r === null)) {
    return cannot(`no value on each side of a ${drug} dose increase`);
  }
  return graded(rows.map((r) => r!));
};

/**
 * The values of a case while `drug` is surely given, split into its own (no other drug for the
 * same purpose may be given with it) and those while another may be (with those drugs): a value
 * after another drug for the pain was added is not the drug's own response.
 */
function ownValues(c: Case, drug: string) {
  const purposes = new Set(c.treatments.filter((t) => t.drug === drug).map((t) => t.purpose));
  const own: Observation[] = [];
  const shared: Observation[] = [];
  const others = new Set<string>();
  for (const o of c.observations) {
    // Surely given, though perhaps at a dose the times leave open (a switch's undated step).
    if (!surelyGiven(c, o.day.timeId, drug)) continue;
    const a = activeTreatments(c, o.day.timeId);
    const with_ = [...a.certain, ...a.possible].filter((t) =>
      t.drug !== drug && purposes.has(t.purpose)
    );
    for (const t of with_) others.add(t.drug);
    (with_.length ? shared : own).push(o);
  }
  return { own, shared, others: [...others], purposes: [...purposes] };
}

/** A change between two values in words: "50% lower", "14.3% higher". */
const change = (a: number, b: number): string => {
  const pct = (100 * (a - b)) / a;
  return pct >= 0 ? `${f(pct)}% lower` : `${f(-pct)}% higher`;
};

const partialResponseToPriorDrug: Judge<"partial-response-to-prior-drug"> = (p, drug, cases) => {
  const rows = cases.map((c) => {
    const periods = c.treatments.filter((t) => t.drug === drug);
    if (!periods.length) return `case ${c.id} never takes ${drug}`;
    const { own: on, shared, others, purposes } = ownValues(c, drug);
    const sharedText = shared.length
      ? `; ${counted(shared.length, "value")} while ${listing(others)} may also have been given ` +
        `for ${listing(purposes)} (${
          listing(shared.map((o) => valueText(c, o)))
        }) not counted as ${drug}'s response`
      : "";
    if (on.length < 1) return `case ${c.id}: no value while ${drug} was given alone` + sharedText;
    const before = alignOnDrug(c, drug).filter((o) => o.phase === "before");
    const s = valueScale([c]);
    const a = on[0];
    const b = on.at(-1)!;
    // Each condition at the bound least favourable to the claim of a partial response; the
    // threshold in the scale's own unit.
    const fell = on.length >= 2 && b.common.hi < a.common.lo;
    const remains = aboveOnScale(b, p.remaining_above);
    // Its dose there: the period certainly active, else one of those possibly active.
    const doseAt = (o: typeof a) => {
      const at = activeTreatments(c, o.day.timeId);
      const sure = at.certain.filter((t) => t.drug === drug).map(dose);
      return sure.length ? sure : [drugAtOneOf(at.possible.filter((t) => t.drug === drug))];
    };
    const raised = periods.find((t) => {
      const gap = relativeDay(c, t.start.timeId, a.day.timeId);
      return gap.lo === 0 && gap.hi === 0;
    });
    // Regression to the mean, by the rule the appraisal shares (`startAfterValue`).
    const peak = raised && startAfterValue(c, raised.start.timeId);
    return {
      level: !fell || !remains ? 0 : before.length ? 2 : 1,
      text: `case ${c.id}: ${painName(c)} ${f(described(s, a.common.nominal))} on ` +
        `${listing(doseAt(a))} → ${f(described(s, b.common.nominal))}${unitWords(s)} on ` +
        `${listing(doseAt(b))} ` +
        `(${change(a.common.nominal, b.common.nominal)}, ` +
        `${f(b.value.nominal)} ${b.scale.unit} remaining); ` +
        `${counted(before.length, "value")} before ${drug}` +
        (before.length ? "" : ", so no response to it can be measured") +
        (raised
          ? `; the dose was raised to ${formatDose(raised)} because of the ` +
            `${f(described(s, a.common.nominal))}${unitWords(s)}` +
            (peak
              ? `, ${startWords(c, peak).what}` + (peak.kind === "peak"
                ? ", so part of the fall is expected from regression to the mean"
                : `: ${startWords(c, peak).regression}`)
              : "")
          : "") +
        sharedText,
    };
  });
  const reasons = rows.filter((r) => typeof r === "string");
  if (reasons.length) return cannot(reasons.join("; ") + ".");
  return graded(rows.filter((r) => typeof r !== "string"));
};

/** The direction of improvement, in words: "falling" when it is a decrease, else "rising". */
const moving = (c: Case): string => c.study.improvement === "decrease" ? "falling" : "rising";

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
    // Lower at every value a range allows (the bound least favourable to the claim); "already
    // falling" (which weakens the claim) by the visual analysis' rule (`baselineMovement`): at
    // some admissible day and value it "may already have been", at every one it "was already".
    const lower = ch.points.every((x) => x.common.hi < ch.baseline.common!.lo);
    const falling = baselineMovement(c, drug);
    const overlap = ch.points.filter((x) => mayBeGiven(c, x.timeId, p.from));
    // In the case's numbers (mm of a 100 mm VAS), as its tables give them.
    const s = valueScale([c]);
    const d = (x: number) => `${f(described(s, x))}${unitWords(s)}`;
    const values = listing(
      ch.points.map((x) =>
        `${d(x.common.nominal)} (${f(x.percentReduction?.nominal ?? NaN)}% lower)`
      ),
    );
    return {
      level: !lower ? 0 : falling || overlap.length ? 1 : 2,
      text: `case ${c.id}: from ${d(ch.baseline.common!.nominal)} to ${values}; ` +
        (falling
          ? `pain ${falling === "surely" ? "was already" : "may already have been"} ${
            moving(c)
          } before the switch (${
            listing(before.map((o) => d(o.common.nominal)))
          }), so a continued trend ${
            falling === "surely" ? "explains" : "may explain"
          } the later values as well`
          : `no ${moving(c)} trend before the switch`) +
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

const drugIneffective: Judge<"drug-ineffective"> = (_p, drug, cases) => {
  const rows = cases.map((c) => {
    const on = c.observations.filter((o) => surelyGiven(c, o.day.timeId, drug));
    const before = firstPeriod(c, drug)
      ? alignOnDrug(c, drug).filter((o) => o.phase === "before")
      : [];
    return { c, on, before };
  });
  // A value neither before the drug nor surely on it, where it may have been given (an average
  // over a period that may include it), is said, so that "no value while it was surely given"
  // does not read as "no value at all".
  const counts = rows.map((r) => {
    const maybe = possiblyGivenValues(
      r.c,
      drug,
      r.c.observations.filter((o) =>
        !r.on.includes(o) && !r.before.some((b) => b.day.timeId === o.day.timeId)
      ),
    );
    return `case ${r.c.id}: ${counted(r.before.length, `${painName(r.c)} value`)} before ` +
      `${drug}, ${counted(r.on.length, "value")} while it was surely given` +
      (maybe.length ? `; ${listing(maybe)}` : "");
  }).join("; ");
  if (rows.some((r) => r.on.length === 0 || r.before.length === 0)) {
    return cannot(
      counts + `; "ineffective" rests on the article's words alone (no value shows the pain ` +
        `before and on ${drug}).`,
    );
  }
  // No value on it lower, at every value the ranges allow (least favourable to "ineffective").
  const flat = rows.every((r) => r.on.every((o) => o.common.lo >= r.before.at(-1)!.common.hi));
  return {
    verdict: flat ? "supported" : "not supported",
    evidence: counts + (flat ? "; no value on it is lower." : "; a value on it is lower."),
  };
};

/** The rules on the course of pain on a drug, by name. */
export const COURSE_RULES: Judges<
  | "lower-after-dose-increase"
  | "partial-response-to-prior-drug"
  | "further-improvement-after-switch"
  | "drug-ineffective"
> = {
  "lower-after-dose-increase": lowerAfterDoseIncrease,
  "partial-response-to-prior-drug": partialResponseToPriorDrug,
  "further-improvement-after-switch": furtherImprovementAfterSwitch,
  "drug-ineffective": drugIneffective,
};
