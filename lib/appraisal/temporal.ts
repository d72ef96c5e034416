/**
 * The temporal relation of a drug in a case, for the causality assessment: the values before its
 * start, those after it while it may have been given, and those the text leaves on either side of
 * the start where it may have been given.
 *
 * @module
 */
import type { Case, Observation } from "../model.ts";
import type { AlignedObservation } from "../timeline.ts";
import { datedGap, relativeDay } from "../timeline.ts";
import { casePainText } from "../cases.ts";
import { formatDay } from "../intervals.ts";
import { counted, listing } from "../prose.ts";
import { periodWords } from "../period_value.ts";
import { possiblyGivenValues } from "../time_words.ts";

/**
 * When a value falls from a drug's start, in days, saying from what ("day 7 [0, 7] counted from
 * its start"): a day from the start is not a day of the case's timeline.
 */
const when = (c: Case, o: Observation, start: string) => {
  const r = relativeDay(c, o.day.timeId, start);
  const dated = datedGap(c, o.day.timeId, start) && Number.isFinite(r.hi);
  return `${formatDay(r, dated, { prefix: true, digits: 1 })} counted from its start`;
};

/**
 * A drug's temporal relation: the values before its start (the last), those after it while it
 * may have been given (`onDrug`, the earliest), and those the text leaves on either side of the start
 * where it may have been given, counted in neither: said, lest "no value" read as none at all.
 *
 * @param c The case.
 * @param drug A drug the case takes.
 * @param aligned The case's values aligned on the drug's start (`alignOnDrug`).
 * @param onDrug Those after its start at which it may have been given.
 * @returns The sentence's clauses.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { alignOnDrug, loadCaseSeries, mayBeGiven } from "#lib/mod.ts";
 * import { temporalText } from "#lib/appraisal/temporal.ts";
 * for (const c of (await loadCaseSeries()).cases) {
 *   for (const drug of new Set(c.treatments.map((t) => t.drug))) {
 *     const aligned = alignOnDrug(c, drug);
 *     const on = aligned.filter((o) => o.phase === "after" && mayBeGiven(c, o.day.timeId, drug));
 *     const text = temporalText(c, drug, aligned, on);
 *     const before = aligned.filter((o) => o.phase === "before").length;
 *     assert.ok(text.startsWith(before === 0 ? "no value before" : `${before} value`));
 *     assert.ok(text.includes("after its start while it may have been given"));
 *   }
 * }
 * ```
 */
export function temporalText(
  c: Case,
  drug: string,
  aligned: AlignedObservation[],
  onDrug: AlignedObservation[],
): string {
  const start = c.treatments.find((t) => t.drug === drug)!.start.timeId;
  const before = aligned.filter((o) => o.phase === "before");
  const maybe = possiblyGivenValues(c, drug, aligned.filter((o) => o.phase === "ambiguous"));
  // A value with what it is: one rating, or one stated over a period.
  const said = (o: AlignedObservation) =>
    `${casePainText(c, o)}${periodWords(o) ? `, ${periodWords(o)}` : ""}`;
  // Clauses between semicolons, not brackets: a value's note may hold brackets of its own.
  return `${counted(before.length, "value")} before` +
    (before.length ? `, the last ${said(before.at(-1)!)}` : "") +
    `; ${counted(onDrug.length, "value")} after its start while it may have been given` +
    // "The earliest", not "the first": values are told apart by "the first …" (`valueName`).
    (onDrug.length ? `, the earliest ${said(onDrug[0])} at ${when(c, onDrug[0], start)}` : "") +
    (maybe.length ? `; ${listing(maybe)}` : "");
}
