/**
 * The appraisal notebook's answer to its question, "how much can a reader conclude?": one
 * paragraph computed from the article's cases, its checklists, the causality scores of the drug
 * of interest and the limits of its design (no number typed here).
 *
 * @module
 */
import { caseChange } from "../analysis/change.ts";
import { ITEM_VERDICTS } from "../articles_schema.ts";
import type { CaseSeries } from "../model.ts";
import { listing, plural } from "../prose.ts";
import { appraisalRows, designLimits, type StudyQuestion } from "./mod.ts";
import { type NaranjoOptions, naranjoPair } from "./naranjo.ts";
import { type NaranjoCategory, naranjoCategory } from "./naranjo_scale.ts";

/** The categories of the Naranjo total, weakest first. */
const ORDER: readonly NaranjoCategory[] = ["doubtful", "possible", "probable", "definite"];

/** What the strongest category of the cases allows a reader to say of the drug. */
const READING: Record<NaranjoCategory, string> = {
  doubtful: "the data do not make it even a possible cause of the improvement",
  possible: "the data make it at most a possible cause of the improvement, never a probable one",
  probable: "the data make it a probable cause in some case, short of a controlled comparison",
  definite: "the data score it a definite cause in some case, still without a control",
};

/** The checklists' verdicts counted: "JBI: 3 yes, 1 no and 6 unclear of 10 items". */
function checklistCounts(series: CaseSeries, sourceId: string): string[] {
  const rows = appraisalRows(series, sourceId);
  return [...new Set(rows.map((r) => r.checklist))].map((list) => {
    const mine = rows.filter((r) => r.checklist === list);
    const verdicts = ITEM_VERDICTS.filter((v) => mine.some((r) => r.verdict === v));
    return `${list}: ${
      listing(verdicts.map((v) => `${mine.filter((r) => r.verdict === v).length} ${v}`))
    } of ${plural(mine.length, "item")}`;
  });
}

/**
 * The closing paragraph of an article's appraisal: how many of its cases took the drug of
 * interest and improved on their baseline at every value after it, the checklists' verdicts
 * counted, the Naranjo category of the drug in each case and what the strongest allows, and the
 * limits of the design that remain.
 *
 * @param series The case series.
 * @param sourceId The article.
 * @param question The study's drug, indication and direction of improvement.
 * @returns One paragraph of Markdown-free prose.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { appraisalConclusion, designLimits, loadCaseSeries } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * const [id] = s.sources.keys();
 * const text = appraisalConclusion(s, id, s.study);
 * // Every limit of the design is named in the answer.
 * for (const l of designLimits(s, id, s.study)) assert.ok(text.includes(l.limit.toLowerCase()));
 * ```
 */
export function appraisalConclusion(
  series: CaseSeries,
  sourceId: string,
  question: StudyQuestion & NaranjoOptions,
): string {
  const { drug } = question;
  const cases = series.cases.filter((c) => c.sourceId === sourceId);
  const taking = cases.filter((c) => c.treatments.some((t) => t.drug === drug));
  if (taking.length === 0) {
    const none = cases.length === 1 ? "The one case" : `None of the ${cases.length} cases`;
    return `${none} of ${sourceId} ${cases.length === 1 ? "did not take" : "took"} ${drug}: ` +
      "the article says nothing about it.";
  }
  const up = question.improvement === "increase";
  const compared = taking.map((c) => caseChange(c, { drug })).filter((ch) =>
    ch.baseline.common !== null && ch.points.length > 0
  );
  const improved = compared.filter((ch) =>
    ch.points.every((p) =>
      up
        ? p.common.nominal > ch.baseline.common!.nominal
        : p.common.nominal < ch.baseline.common!.nominal
    )
  );
  const scores = taking.map((c) => ({ c, n: naranjoPair(c, drug, question) }));
  const best = ORDER[Math.max(...scores.map((x) => ORDER.indexOf(naranjoCategory(x.n.total))))];
  const limits = designLimits(series, sourceId, question).map((l) => l.limit.toLowerCase());
  const lists = checklistCounts(series, sourceId);
  return `${plural(taking.length, "case")} of ${cases.length} took ${drug}; ` +
    `${compared.length} had values before and after its start, and in ${improved.length} of ` +
    `them every value after it was better than the baseline (nominal values). ` +
    (lists.length ? `The checklists: ${listing(lists)}. ` : "The article is not appraised. ") +
    `Naranjo, adapted for benefit: ${
      listing(
        scores.map((x) => `case ${x.c.id} scores ${x.n.total} (${naranjoCategory(x.n.total)})`),
      )
    }; ${READING[best]}. What the design leaves open: ${listing(limits)}. ` +
    `So a reader can conclude what followed ${drug} in these patients, as the values show it, ` +
    `not what ${drug} caused.`;
}
