/**
 * Rules on how far the pain values fell after a drug's start: the first value's reduction, the
 * last value, a value at a time point, a value of 0, a rapid and near-total relief, the last
 * value's reduction.
 *
 * @module
 */
import { listing } from "../../prose.ts";
import {
  allOrNothing,
  baselineValue,
  cannot,
  caseChange,
  f,
  graded,
  type Judge,
  type Judges,
  leastReduction,
  painValues,
  pointValue,
  reductionText,
  unusable,
  valueText,
  when,
} from "./common.ts";
import { atMostOnScale, onScaleText } from "../thresholds.ts";

const firstValueReduction: Judge<"first-value-reduction"> = (p, drug, cases) => {
  const bad = unusable(cases, drug);
  if (bad.length) return cannot(listing(bad));
  return allOrNothing(cases.map((c) => {
    const ch = caseChange(c, drug);
    const pt = ch.points[0];
    const pr = leastReduction(pt);
    return {
      ok: pr !== null && pr + 1e-9 >= p.min_percent && pt.day.hi <= p.within_days,
      text:
        `case ${c.id}: ${
          painValues(c, [baselineValue(c, drug) ?? ch.baseline.common!, pointValue(c, pt)])
        }, ` +
        `${reductionText(pt)} at ${when(pt)} of ${drug}`,
    };
  }));
};

const lastValue: Judge<"last-value"> = (p, drug, cases) => {
  const bad = unusable(cases, drug);
  if (bad.length) return cannot(listing(bad));
  return graded(cases.map((c) => {
    const pt = caseChange(c, drug).points.at(-1)!;
    const o = c.observations.find((x) => x.day.timeId === pt.timeId)!;
    // In the scale's own unit; a range counts at its bound least favourable to the claim: here,
    // its upper end.
    const inTime = p.within_days === null || pt.day.hi <= p.within_days;
    const level = atMostOnScale(o, p.supported_at_most)
      ? 2
      : p.partly_at_most !== null && atMostOnScale(o, p.partly_at_most)
      ? 1
      : 0;
    const longTerm = p.long_term_days === null || pt.day.lo >= p.long_term_days;
    return {
      level: inTime ? (longTerm ? level : Math.min(level, 1)) : 0,
      text: `case ${c.id}: last value ${valueText(c, o)} ("${o.words}"` +
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
        ok: atMostOnScale(o, p.at_most),
        text: `case ${c.id}: ${valueText(c, o)} ("${o.words}")`,
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
    const zero = caseChange(c, drug).points.find((x) => x.common.hi === 0);
    if (!zero) return { level: 0, text: `case ${c.id}: no value of 0 after ${drug}` };
    const level = zero.day.hi <= p.within_days
      ? 2
      : zero.dated && zero.day.nominal <= p.within_days
      ? 1
      : 0;
    return {
      level,
      text: `case ${c.id}: ${painValues(c, [pointValue(c, zero)])} at ${when(zero)} of ${drug}` +
        (level === 1 ? `: ${f(p.within_days)} days at the nominal day, later at its bound` : ""),
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
    const pr = leastReduction(first) ?? -Infinity;
    const rapid = pr + 1e-9 >= p.min_percent && first.day.hi <= p.within_days;
    const o = c.observations.find((x) => x.day.timeId === last.timeId)!;
    const near = atMostOnScale(o, p.near_total_at_most);
    return {
      ok: rapid && near,
      text: `case ${c.id}: first ${reductionText(first)} at ${when(first)} (${
        rapid ? "rapid" : `not ≥${p.min_percent}% within ${p.within_days} days`
      }), last ${onScaleText(o)} (${near ? "near-total" : "not near-total"})`,
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

const lastValueReduction: Judge<"last-value-reduction"> = (p, drug, cases) => {
  const bad = unusable(cases, drug);
  if (bad.length) return cannot(listing(bad));
  const j = allOrNothing(cases.map((c) => {
    const ch = caseChange(c, drug);
    const pt = ch.points.at(-1)!;
    const pr = leastReduction(pt);
    return {
      ok: pr !== null && pr + 1e-9 >= p.min_percent,
      text:
        `case ${c.id}: ${
          painValues(c, [baselineValue(c, drug) ?? ch.baseline.common!, pointValue(c, pt)])
        } ` +
        `at the last value (${reductionText(pt)})`,
    };
  }));
  return {
    ...j,
    evidence: j.evidence.slice(0, -1) +
      "; the reduction is described, not attributed: an uncontrolled series cannot separate the " +
      "drug from the natural course.",
  };
};

/** The rules on how far the values fell, by name. */
export const VALUE_RULES: Judges<
  | "first-value-reduction"
  | "last-value"
  | "value-at-most"
  | "zero-within-days"
  | "rapid-and-near-total"
  | "last-value-reduction"
> = {
  "first-value-reduction": firstValueReduction,
  "last-value": lastValue,
  "value-at-most": valueAtMost,
  "zero-within-days": zeroWithinDays,
  "rapid-and-near-total": rapidAndNearTotal,
  "last-value-reduction": lastValueReduction,
};
