/**
 * Rules on where a drug stands among the drugs for an indication: first-line (no other drug for
 * the indication before it), first-line monotherapy (and none given with it), and the
 * recommendation as first-line, which uncontrolled cases cannot assess.
 *
 * @module
 */
import { agree, casesListing, listing } from "../../prose.ts";
import { firstPeriod } from "../../timeline.ts";
import {
  activeOnDrug,
  allOrNothing,
  cannot,
  caseChange,
  dose,
  earlierForIndication,
  type Judge,
  type Judges,
  leastReduction,
  surelyOnDrug,
} from "./common.ts";

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
            // "possibly" where no value after the start is surely on it (times left open).
            listing(
              other.map((t) =>
                `${dose(t)} (${t.purpose}${surelyOnDrug(c, t, drug) ? "" : ", possibly"})`
              ),
            )}`
          : ""),
    };
  }));

const usefulFirstLine: Judge<"useful-first-line"> = (p, drug, cases) => {
  const indication = p.indication;
  const first = cases.filter((c) =>
    firstPeriod(c, drug) && earlierForIndication(c, drug, indication).length === 0
  );
  const notFirst = cases.filter((c) => !first.includes(c));
  const hits = first.filter((c) => {
    const pt = caseChange(c, drug).points.at(-1);
    const pr = pt ? leastReduction(pt) : null;
    return pr !== null && pr + 1e-9 >= p.min_percent;
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

/** The rules on a drug's place among the drugs for an indication, by name. */
export const ORDER_RULES: Judges<"first-line-monotherapy" | "first-line" | "useful-first-line"> = {
  "first-line-monotherapy": firstLineMonotherapy,
  "first-line": firstLine,
  "useful-first-line": usefulFirstLine,
};
