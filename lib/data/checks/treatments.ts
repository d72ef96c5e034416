/**
 * The check of `treatments.csv`: each row's case and time points known, its terms in the
 * recommended vocabularies (else a warning), its quote in its article's text stating its dose
 * as a dose (the number with its unit),
 * a dose within what any dose may be, a range with its lower end below its upper, a period that
 * does not end before it starts (`../period_order.ts`), no second period of a drug from one start
 * and no periods of one drug that surely overlap (nominal days, placeholders where the text leaves
 * a time open, are not compared), and a warning for a quote naming another drug of the
 * article but not the row's (`../quote_drugs.ts`). Also gathers the drugs each article's rows name
 * (for the claims).
 *
 * @module
 */
import type { IssueSink } from "../../csv.ts";
import type { Day, Dose, Treatment } from "../../model.ts";
import { MAX_DOSE_MG_PER_DAY } from "../../plausible.ts";
import type { TreatmentRow } from "../../schema.ts";
import type { Study } from "../../study.ts";
import type { LoadContext } from "../context.ts";
import { DosePool } from "../pools.ts";
import { ByCase } from "../rows.ts";
import { OtherColumns } from "../columns.ts";
import { acceptPeriod, periodOrderProblem, periodsSurelyOverlap } from "../period_order.ts";
import { otherDrugQuotes } from "../quote_drugs.ts";

/** The columns of a dose period's ends, as its order's messages name them. */
const PERIOD_COLUMNS = { start: "start", end: "end" } as const;

/**
 * The warning for a period of the drug of interest given for another purpose than the study's
 * indication: a purpose written otherwise than the indication (`phantom pain`) makes the period
 * co-medication wherever treatments of the indication are told apart (the timelines' phase
 * lines, the causality appraisal), which the writer of the row may not mean.
 */
function offIndication(row: number, drug: string, purpose: string, indication: string) {
  return {
    file: "treatments.csv",
    row,
    column: "purpose",
    message: `${drug}, the study's drug of interest, is given here for '${purpose}', not for ` +
      `its indication '${indication}' (study.json): the figures and the causality appraisal ` +
      "count only periods given for the indication as its treatment; if the article means the " +
      "indication, write it the same way",
  };
}

/** What the check of `treatments.csv` gives. */
export interface CheckedTreatments {
  /** Each case's treatments with their lines, in file order. */
  treatments: ByCase<{ t: Treatment; row: number }[]>;
  /**
   * The drugs given to each article's cases, by `source_id` (`null` when the article of some case
   * is not known, or the table was unusable).
   */
  drugsOf: ((sourceId: string) => ReadonlySet<string>) | null;
  /**
   * Every drug the rows of known cases name, whatever their article (`null` when this table or
   * `cases.csv` was unusable: then no case is known to take a drug).
   */
  drugs: ReadonlySet<string> | null;
}

/**
 * Checks `treatments.csv`.
 *
 * @param ctx The load (cases read, time points resolved).
 * @returns The treatments by case, and the drugs of each article.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { LoadContext } from "#lib/data/context.ts";
 * import { checkTreatments } from "#lib/data/checks/treatments.ts";
 * const ctx = new LoadContext("/nowhere/", "/nowhere", new Map([["treatments.csv", ""]]));
 * assert.equal(checkTreatments(ctx).drugsOf, null);
 * assert.equal(checkTreatments(ctx).drugs, null);
 * ```
 */
export function checkTreatments(
  ctx: LoadContext,
  study: Pick<Study, "drug" | "indication"> | null = null,
): CheckedTreatments {
  const { issues, check, caseIds, caseSource } = ctx;
  const dosePool = new DosePool();
  const treatments = new ByCase<{ t: Treatment; row: number }[]>();
  // dose_mg_per_day and dose_hi_mg_per_day give the dose; start and end their days.
  const columns = new OtherColumns("treatments", [
    "case_id",
    "drug",
    "drug_class",
    "dose_mg_per_day",
    "dose_hi_mg_per_day",
    "dose_words",
    "route",
    "frequency",
    "start",
    "end",
    "purpose",
    "outcome",
    "quote",
  ]);
  const named = new NamedDrugs(caseSource);
  ctx.table<TreatmentRow>("treatments", (row, r, valid) => {
    const file = "treatments.csv";
    if (valid.case_id !== undefined && valid.drug !== undefined && caseIds.has(valid.case_id)) {
      named.add(valid.case_id, valid.drug);
    }
    if (r === null || !ctx.checkCase(file, row, r.case_id)) return;
    ctx.terms.check(file, row, "drug_class", r.drug_class);
    ctx.terms.check(file, row, "purpose", r.purpose);
    if (study !== null && r.drug === study.drug && r.purpose !== study.indication) {
      ctx.warnings.push(offIndication(row, r.drug, r.purpose, study.indication));
    }
    r.quote = check.quote(file, row, caseSource.get(r.case_id), "quote", r.quote);
    check.doses(
      file,
      row,
      r.quote,
      { column: "dose_mg_per_day", value: r.dose_mg_per_day },
      { column: "dose_hi_mg_per_day", value: r.dose_hi_mg_per_day },
    );
    checkDoseCeiling(issues, row, r);
    const dose = treatmentDose(issues, row, r, dosePool);
    const start = ctx.dayOf(file, row, "start", r.case_id, r.start);
    const end = r.end === null ? null : ctx.dayOf(file, row, "end", r.case_id, r.end);
    if (!start || (r.end !== null && !end)) return;
    // A period that ends before it starts is left out: the rows after it are not compared with
    // it (a swapped start and end would make the next period of the drug a "duplicate").
    if (end && !checkPeriodOrder(ctx, row, r.case_id, start, end)) return;
    const list = treatments.get(r.case_id) ?? [];
    const same = list.find((x) => x.t.drug === r.drug && x.t.start === start);
    if (same) {
      issues.push({
        file,
        row,
        column: "start",
        message: `a second ${r.drug} period from '${start.timeId}' (the first at line ` +
          `${same.row}): a drug has one period per start; a dose that changes starts a new ` +
          "period at the change",
      });
      return;
    }
    const t: Treatment = {
      drug: r.drug,
      drugClass: r.drug_class,
      dose,
      doseWords: r.dose_words,
      route: r.route,
      frequency: r.frequency,
      start,
      end,
      purpose: r.purpose,
      outcome: r.outcome,
      quote: r.quote,
      columns: columns.of(r),
    };
    for (const other of list) {
      if (other.t.drug === t.drug && periodsSurelyOverlap(ctx.resolved, r.case_id, other.t, t)) {
        issues.push({
          file,
          row,
          column: "start",
          message: `${t.drug} dose period overlaps the one at line ${other.row}`,
        });
      }
    }
    if (list.length === 0) treatments.set(r.case_id, [{ t, row }]);
    else list.push({ t, row });
    // Its start is no later than its end: the later rows' order is read with it.
    acceptPeriod(ctx.resolved, r.case_id, start, end, { file, row });
  });
  for (const w of otherDrugQuotes(treatments, (id) => named.ofArticle(id))) ctx.warnings.push(w);
  const drugsOf = ctx.usable.has("treatments")
    ? drugsBySource(named.bySource, caseIds, caseSource)
    : null;
  // Without the cases (or the treatments) no case is known to take a drug: no drug is called missing.
  const drugsKnown = ctx.usable.has("cases") && ctx.usable.has("treatments");
  return { treatments, drugsOf, drugs: drugsKnown ? named.all : null };
}

/**
 * Checks the order of a dose period's ends (`../period_order.ts`): an end surely before the start
 * is an error, one that can at best be on the start's day a warning. Returns false on an error.
 */
function checkPeriodOrder(ctx: LoadContext, row: number, caseId: string, start: Day, end: Day) {
  const order = periodOrderProblem(ctx.resolved, caseId, start, end, PERIOD_COLUMNS);
  if (order === null) return true;
  const issue = { file: "treatments.csv", row, column: "end", message: order.message };
  (order.error ? ctx.issues : ctx.warnings).push(issue);
  return !order.error;
}

/**
 * The drugs the rows of known cases name, whether or not their times could be derived: all of
 * them, those of each article (by source, not by case: one small set per article), and those of
 * each article by their lower case, as first written (a case of an unknown article by itself).
 */
class NamedDrugs {
  /** Every drug, whatever its article: a case of an unknown article still takes it. */
  readonly all = new Set<string>();
  /** The drugs of each article, by `source_id`; `null` once a row's case has no known article. */
  bySource: Map<string, Set<string>> | null = new Map();
  #lower = new Map<string, Map<string, string>>();

  constructor(readonly caseSource: ByCase<string>) {}

  /** Adds the drug of a row of a known case. */
  add(caseId: string, drug: string): void {
    this.all.add(drug);
    const source = this.caseSource.get(caseId);
    const key = source ?? `\u0000case ${caseId}`;
    const lower = drug.toLowerCase();
    const of = this.#lower.get(key);
    if (!of) this.#lower.set(key, new Map([[lower, drug]]));
    else if (!of.has(lower)) of.set(lower, drug);
    if (this.bySource === null) return;
    if (source === undefined) this.bySource = null;
    else {
      const drugs = this.bySource.get(source);
      if (drugs) drugs.add(drug);
      else this.bySource.set(source, new Set([drug]));
    }
  }

  /** The drugs of a case's article (of the case, when its article is unknown), by lower case. */
  ofArticle(caseId: string): ReadonlyMap<string, string> | undefined {
    return this.#lower.get(this.caseSource.get(caseId) ?? `\u0000case ${caseId}`);
  }
}

/** Reports a dose above what any dose may be (`plausible.ts`). */
function checkDoseCeiling(
  issues: IssueSink,
  row: number,
  r: Pick<TreatmentRow, "dose_mg_per_day" | "dose_hi_mg_per_day">,
): void {
  for (const column of ["dose_mg_per_day", "dose_hi_mg_per_day"] as const) {
    const v = r[column];
    if (v !== null && v > MAX_DOSE_MG_PER_DAY) {
      issues.push({
        file: "treatments.csv",
        row,
        column,
        message: `${v} mg/day is above the ${MAX_DOSE_MG_PER_DAY} mg/day any dose may be ` +
          "(data/README.md)",
      });
    }
  }
}

/**
 * The drugs given to each article's cases, by `source_id`; `null` when the article of some case
 * is not known (a problem already reported), so that no drug is called missing because of it.
 */
function drugsBySource(
  drugsOfSource: ReadonlyMap<string, ReadonlySet<string>> | null,
  caseIds: ReadonlyMap<string, number>,
  caseSource: ByCase<string>,
): ((sourceId: string) => ReadonlySet<string>) | null {
  if (drugsOfSource === null) return null;
  for (const id of caseIds.keys()) if (caseSource.get(id) === undefined) return null;
  return (id) => drugsOfSource.get(id) ?? new Set();
}

/**
 * The dose of a `treatments.csv` row, checked: a range needs its lower end and an upper end above
 * it; `dose_words` are words of the quote (the caller checks that the quote states the numbers).
 * Returns the dose (`null`: not stated), or `null` after reporting a problem.
 */
function treatmentDose(
  issues: IssueSink,
  row: number,
  r: Pick<TreatmentRow, "dose_mg_per_day" | "dose_hi_mg_per_day" | "dose_words" | "quote">,
  doses: DosePool,
): Dose | null {
  const file = "treatments.csv";
  const { dose_mg_per_day: lo, dose_hi_mg_per_day: hi } = r;
  const problem = (column: string, message: string) => {
    issues.push({ file, row, column, message });
    return null;
  };
  if (r.dose_words !== null && !foldWords(r.quote).includes(foldWords(r.dose_words))) {
    problem("dose_words", `'${r.dose_words}' is not in the quote (dose_words are its words)`);
  }
  if (hi !== null) {
    if (lo === null) {
      return problem(
        "dose_hi_mg_per_day",
        "a dose range needs its lower end in dose_mg_per_day (empty here)",
      );
    }
    if (hi <= lo) {
      return problem(
        "dose_hi_mg_per_day",
        `the upper end of the dose range (${hi}) must be above its lower end ` +
          `dose_mg_per_day (${lo}); leave it empty for a single dose`,
      );
    }
  }
  return lo === null ? null : doses.get(lo, hi ?? lo);
}

/** Text folded for a words-in-quote check: lower case, white space as single spaces. */
const foldWords = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();
