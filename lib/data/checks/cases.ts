/**
 * The check of `cases.csv`: unique case ids that fit as file names, each case's article known,
 * and every quote in its article's text stating the number of its column.
 *
 * @module
 */
import { FileNameIds } from "../../ids.ts";
import type { CaseRow } from "../../schema.ts";
import type { LoadContext } from "../context.ts";

/** A valid row of `cases.csv` and its line. */
export interface CaseLine {
  /** The row. */
  r: CaseRow;
  /** Its line. */
  row: number;
}

/**
 * Checks `cases.csv` (a row that fails its schema still declares its case id) and fills
 * `ctx.caseIds`, `ctx.caseSource` and `ctx.casesKnown`.
 *
 * @param ctx The load (sources read).
 * @returns The valid rows, in file order.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { LoadContext } from "#lib/data/context.ts";
 * import { checkCases } from "#lib/data/checks/cases.ts";
 * const ctx = new LoadContext("/nowhere/", "/nowhere", new Map([["cases.csv", "case_id\nA\nA\n"]]));
 * checkCases(ctx);
 * // The header lacks columns: the file is unusable, and no row is read.
 * assert.equal(ctx.casesKnown, false);
 * ```
 */
export function checkCases(ctx: LoadContext): CaseLine[] {
  const { issues, caseIds, caseSource, check } = ctx;
  const caseRows: CaseLine[] = [];
  const caseNames = new FileNameIds("case", true, caseIds);
  ctx.table<CaseRow>("cases", (row, r, valid) => {
    const id = valid.case_id;
    if (id !== undefined) {
      if (caseIds.has(id)) {
        issues.push({
          file: "cases.csv",
          row,
          column: "case_id",
          message: `duplicate case id (first at line ${caseIds.get(id)})`,
        });
        return;
      }
      caseIds.set(id, row);
      const name = caseNames.add(id, row);
      if (name) issues.push({ file: "cases.csv", row, column: "case_id", message: name });
    }
    if (valid.source_id !== undefined && id !== undefined) {
      if (ctx.sourceIds.has(valid.source_id)) caseSource.set(id, valid.source_id);
      else if (ctx.usable.has("sources")) {
        issues.push({
          file: "cases.csv",
          row,
          column: "source_id",
          message: `unknown source id '${valid.source_id}' (not in sources.csv)`,
        });
      }
    }
    if (r === null) return;
    caseRows.push({ r, row });
    const source = caseSource.get(r.case_id);
    const file = "cases.csv";
    r.demographics_quote = check.quote(
      file,
      row,
      source,
      "demographics_quote",
      r.demographics_quote,
    );
    r.cause_quote = check.quote(file, row, source, "cause_quote", r.cause_quote);
    r.amputation_quote = check.quote(file, row, source, "amputation_quote", r.amputation_quote);
    r.sds_quote = check.quote(file, row, source, "sds_quote", r.sds_quote);
    r.diagnosis_quote = check.quote(file, row, source, "diagnosis_quote", r.diagnosis_quote);
    check.number(file, row, r.demographics_quote, "age", r.age);
    check.number(file, row, r.sds_quote, "sds", r.sds);
    check.number(file, row, r.diagnosis_quote, "diagnosis_age", r.diagnosis_age);
  });
  ctx.casesKnown = ctx.usable.has("cases");
  return caseRows;
}
