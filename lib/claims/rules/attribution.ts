/**
 * Rules on what the values cannot attribute or do not measure: a co-drug without effect, relief
 * only with the drug, a direct analgesic effect, no depression, an outcome not measured, no
 * recurrence. Most are "cannot be assessed", with what the cases do show.
 *
 * @module
 */
import { drugAtOneOf } from "../../dose.ts";
import type { Case, Treatment } from "../../model.ts";
import { agree, casesListing, counted, listing, plural } from "../../prose.ts";
import { alignOnDrug, firstPeriod } from "../../timeline.ts";
import {
  activeTreatments,
  mayBeGiven,
  surelyAfter,
  surelyGiven,
  surelyLaterDay,
} from "../../given.ts";
import { mayBeAfter, noValueSurely, timeName, valueName } from "../../time_words.ts";
import { cannot, dayWords, type Judge, type Judges, painName } from "./common.ts";

/**
 * The values before a drug's start, counted ("no VAS value before drug-q"), and where values may
 * precede or follow it (times the text leaves open: `alignOnDrug`'s "ambiguous"), "surely" before
 * it with those values named ("no VAS value surely before drug-q (the pain VAS 4.0 may precede or
 * follow it)"): never a plain count that hides a value the active-treatments table marks possible.
 */
function surelyBefore(c: Case, co: string): string {
  const aligned = alignOnDrug(c, co);
  const before = aligned.filter((o) => o.phase === "before");
  const unsure = aligned.filter((o) => o.phase === "ambiguous");
  return `${counted(before.length, `${painName(c)} value`)} ${unsure.length ? "surely " : ""}` +
    `before ${co}` +
    (unsure.length
      ? ` (${listing(unsure.map((o) => valueName(c, o)))} may precede or follow it)`
      : "");
}

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
        `case ${r!.c.id}: ${surelyBefore(r!.c, co)}; ` +
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
    const onCoAlone = c.observations.filter((o) =>
      surelyGiven(c, o.day.timeId, co) &&
      !mayBeGiven(c, o.day.timeId, drug)
    );
    return { c, onCoAlone };
  });
  if (rows.some((r) => r === null)) return cannot(`a case never takes ${co} or ${drug}`);
  return cannot(
    rows.map((r) =>
      `case ${r!.c.id}: ${surelyBefore(r!.c, co)}, ${
        counted(r!.onCoAlone.length, "value")
      } surely on ${co} without ${drug}: ` +
      "no comparison shows relief absent on it and present only with " + drug
    ).join("; ") + ".",
  );
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

const noDepression: Judge<"no-depression"> = (p, _drug, cases) => {
  const missing = cases.filter((c) => c.sds === null).map((c) => c.id);
  const high = cases.filter((c) => c.sds !== null && c.sds >= p.sds_below).map((c) => c.id);
  const classes = p.antidepressant_classes ?? [];
  // Each antidepressant given when the score was taken, once, with its dose periods there (the
  // certain one, else those the times leave possible) and whether it is surely given
  // (`surelyGiven`: a switch whose dose changes at an open time is still the drug given).
  const onDrug = (c: Case): { periods: Treatment[]; sure: boolean }[] => {
    const at = p.measured_at?.[c.id];
    if (at === undefined || c.sds === null || !c.timepoints.some((t) => t.id === at)) return [];
    const a = activeTreatments(c, at);
    const periods = [...a.certain, ...a.possible].filter((t) => classes.includes(t.drugClass));
    return [...new Set(periods.map((t) => t.drug))].map((drug) => {
      const certain = a.certain.filter((t) => t.drug === drug);
      return {
        periods: certain.length ? certain : periods.filter((t) => t.drug === drug),
        sure: surelyGiven(c, at, drug),
      };
    });
  };
  // The class in brackets, or after a comma where the dose already is in brackets (no ") (").
  const given = ({ periods, sure }: { periods: Treatment[]; sure: boolean }) => {
    const drug = drugAtOneOf(periods);
    const cls = `${periods[0].drugClass}${sure ? "" : ", possibly"}`;
    return drug.endsWith(")") ? `${drug}, ${cls}` : `${drug} (${cls})`;
  };
  const weakened = cases.filter((c) => onDrug(c).length > 0).map((c) => c.id);
  const row = (c: Case) => {
    const on = onDrug(c);
    // The time named for a reader (`timeName`), and the clause set off by commas, not brackets:
    // each drug's class is in brackets of its own.
    return `case ${c.id}: SDS ${c.sds ?? "not reported"}` +
      (on.length
        ? `, read as taken at ${timeName(c, p.measured_at![c.id])} while taking ${
          listing(on.map(given))
        }: a score on an antidepressant cannot show the absence of depression without it`
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

/**
 * The values stated after a time point of a case (the event a claim is about), with its name and
 * its day as the evidence counts days (`dayWords`: of the claim's drug, else of the study's drug
 * of interest): those surely after it named, else "no value", "surely" with those that may
 * be after it named (`noValueSurely`). Never a plain "no value after" beside a value that may be.
 */
function valuesAfter(c: Case, timeId: string, drug: string): string {
  const at = `${timeName(c, timeId)} (${dayWords(c, timeId, drug || c.study.drug)})`;
  const surely = c.observations.filter((o) => surelyAfter(c, o.day.timeId, timeId));
  const maybe = mayBeAfter(c, timeId);
  if (surely.length === 0) return noValueSurely(c, maybe, `stated after ${at}`);
  return `${listing(surely.map((o) => valueName(c, o)))} stated after ${at}` +
    (maybe.length ? `, and ${listing(maybe.map((o) => valueName(c, o)))} may be` : "");
}

const noRecurrence: Judge<"no-recurrence"> = (p, drug, cases) => {
  if (p.after !== undefined) {
    const after = p.after;
    const missing = cases.filter((c) => !c.timepoints.some((t) => t.id === after));
    if (missing.length) {
      return cannot(`no time point '${after}' in ${casesListing(missing.map((c) => c.id))}`);
    }
    return cannot(
      cases.map((c) => `case ${c.id}: ${valuesAfter(c, after, drug)}`).join("; ") + ".",
    );
  }
  const rows = cases.map((c) => {
    const last = c.observations.at(-1);
    if (!last) return `case ${c.id}: no pain value`;
    const later = c.timepoints.filter((t) =>
      t.id !== last.day.timeId && surelyLaterDay(c, t.id, last.day.timeId)
    );
    const words = c.timepoints.find((t) => t.id === last.day.timeId)?.words;
    // Its time in the text's words, set off by a comma: they may hold brackets of their own.
    return `case ${c.id}: the last value stated is "${last.words}"` +
      (words ? `, its time "${words}"` : "") +
      `; ${counted(later.length, "time point")} surely after it, so how long follow-up ` +
      "lasted is not stated";
  });
  return cannot(rows.join("; ") + ".");
};

/** The rules on what the values cannot attribute or do not measure, by name. */
export const ATTRIBUTION_RULES: Judges<
  | "co-drug-no-effect"
  | "relief-only-with-drug"
  | "direct-analgesic"
  | "no-depression"
  | "outcome-not-measured"
  | "no-recurrence"
> = {
  "co-drug-no-effect": coDrugNoEffect,
  "relief-only-with-drug": reliefOnlyWithDrug,
  "direct-analgesic": directAnalgesic,
  "no-depression": noDepression,
  "outcome-not-measured": outcomeNotMeasured,
  "no-recurrence": noRecurrence,
};
