/**
 * The appraisal notebook's tables: an article's checklists and the causality assessment of each
 * case.
 *
 * @module
 */
import { expectSeries } from "../args.ts";
import type { Row } from "../display.ts";
import type { CaseSeries } from "../model.ts";
import { appraisalRows, causalityRows, type StudyQuestion } from "../appraisal/mod.ts";

/**
 * One checklist (e.g. JBI or CARE) of an article's appraisal as rows; none when the article has
 * no appraisal recorded.
 *
 * @param s The case series.
 * @param sourceId The article.
 * @param checklist Which checklist (`data/reference/checklists.csv`).
 * @returns One row per item: number, item, verdict, basis.
 * @example
 * ```ts
 * import { loadCaseSeries, checklistRows } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * const [id] = s.sources.keys();
 * const rows = checklistRows(s, id, s.articles?.checklists[0]?.id ?? "JBI");
 * if (rows.some((r) => r.verdict === null)) throw new Error("an item without a verdict");
 * ```
 */
export function checklistRows(s: CaseSeries, sourceId: string, checklist: string): Row[] {
  expectSeries("checklistRows", s);
  return appraisalRows(s, sourceId).filter((r) => r.checklist === checklist).map((r) => ({
    item: r.number,
    question: r.item,
    verdict: r.verdict,
    basis: r.basis,
  }));
}

/**
 * The columns of {@link causalityTableRows}, for the header of a table with no rows. The
 * co-medication column says what it counts: the other drugs given at the drug's own values after
 * its start while it may have been given (those of its temporal relation), so a drug with no value
 * while it may be given names none, and two drugs given together can each name the other,
 * one "certainly" and the other "possibly", when their periods cover different values.
 */
export const CAUSALITY_COLUMNS: readonly string[] = [
  "case",
  "drug",
  "temporal relation",
  "dechallenge",
  "rechallenge",
  "dose–response",
  "alternative causes",
  "co-medication at the values while it may be given",
  "assessment",
];

/**
 * The causality assessment of an article's cases as rows, one per case and drug given for the
 * indication (columns: {@link CAUSALITY_COLUMNS}).
 *
 * @param s The case series.
 * @param sourceId The article.
 * @param question The study's indication (which drugs are assessed).
 * @returns Rows with each criterion and the assessment.
 * @example
 * ```ts
 * import { loadCaseSeries, CAUSALITY_COLUMNS, causalityTableRows } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * const [id] = s.sources.keys();
 * const rows = causalityTableRows(s, id, { indication: "no such indication" });
 * if (rows.length !== 0 || CAUSALITY_COLUMNS.length !== 9) throw new Error();
 * ```
 */
export function causalityTableRows(
  s: CaseSeries,
  sourceId: string,
  question: Pick<StudyQuestion, "indication">,
): Row[] {
  expectSeries("causalityTableRows", s);
  return causalityRows(s, sourceId, question).map((r) => {
    const cells = [
      r.caseId,
      r.drug,
      r.temporal,
      r.dechallenge,
      r.rechallenge,
      r.doseResponse,
      r.alternatives,
      r.coMedication,
      r.assessment,
    ];
    return Object.fromEntries(CAUSALITY_COLUMNS.map((c, i) => [c, cells[i]]));
  });
}
