/**
 * The drugs a case is given for the indication between its last value before the drug of
 * interest and that drug's start: the slopegraph's left label and its CSV column `earlier`.
 *
 * @module
 */
import type { Case, Treatment } from "../model.ts";
import { activeTreatments, notBefore, surelyGiven, surelyLaterDay } from "../given.ts";
import { drugAtOneOf } from "../dose.ts";
import { listing } from "../prose.ts";
import { firstPeriod } from "../timeline.ts";

/**
 * The drugs other than `drug` given for the case's indication from the time point of its last
 * value before `drug` (`baseline`) up to `drug`'s start, as "until <drug>: …" with each drug's
 * dose as every table writes it (`drugAtOneOf`: one dose, or the doses the times leave open).
 * A drug is certain when it is surely given ({@link surelyGiven}) at a time point surely within
 * that span, or when one of its periods starts in it (at the baseline's visit or after, surely
 * before `drug`'s start: by the same-visit rule, a drug started at the visit of the value is not
 * given at that value but after it); possible when only possibly active
 * ({@link activeTreatments}) at such a time point.
 *
 * @param c The case.
 * @param drug The drug of interest (the case takes it).
 * @param baseline The time id of the case's last value before `drug`.
 * @returns "until drug: a 10 mg/day; possibly b (dose not stated)", or "until drug: no drug for
 *   <indication> stated".
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { alignOnDrug, loadCaseSeries } from "#lib/mod.ts";
 * import { earlierDrugs } from "#lib/plots/slope_earlier.ts";
 * const { study, cases } = await loadCaseSeries();
 * for (const c of cases.filter((x) => x.treatments.some((t) => t.drug === study.drug))) {
 *   const before = alignOnDrug(c, study.drug).filter((o) => o.phase === "before").at(-1);
 *   if (before) assert.match(earlierDrugs(c, study.drug, before.day.timeId), /^until [^:]+: ./);
 * }
 * ```
 */
export function earlierDrugs(c: Case, drug: string, baseline: string): string {
  const indication = c.study.indication;
  const start = firstPeriod(c, drug)?.start.timeId;
  if (start === undefined) throw new RangeError(`earlierDrugs: case ${c.id} never takes ${drug}`);
  const within = c.timepoints.map((p) => p.id).filter((id) =>
    notBefore(c, id, baseline) && notBefore(c, start, id)
  );
  const ours = (t: Treatment) => t.drug !== drug && t.purpose === indication;
  const periods = new Map<string, Treatment[]>();
  const sure = new Set<string>();
  const add = (t: Treatment) => {
    const list = periods.get(t.drug) ?? [];
    if (!list.includes(t)) periods.set(t.drug, [...list, t]);
  };
  for (const id of within) {
    const a = activeTreatments(c, id);
    for (const t of [...a.certain, ...a.possible].filter(ours)) {
      add(t);
      if (surelyGiven(c, id, t.drug)) sure.add(t.drug);
    }
  }
  // A period started in the span is given in it, whether or not at any of its time points.
  for (const t of c.treatments.filter(ours)) {
    if (
      notBefore(c, t.start.timeId, baseline) && surelyLaterDay(c, start, t.start.timeId)
    ) {
      add(t);
      sure.add(t.drug);
    }
  }
  const named = (drugs: string[]) => drugs.map((d) => drugAtOneOf(periods.get(d)!));
  const all = [...periods.keys()];
  const certain = named(all.filter((d) => sure.has(d)));
  const possible = named(all.filter((d) => !sure.has(d)));
  const parts = [
    ...(certain.length ? [listing(certain)] : []),
    ...(possible.length ? [`possibly ${listing(possible)}`] : []),
  ];
  return `until ${drug}: ${parts.join("; ") || `no drug for ${indication} stated`}`;
}
