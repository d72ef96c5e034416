/**
 * The error every data problem is reported with, and the one form each problem is printed in.
 *
 * @module
 */

/** One problem found in the data: where it is and what is wrong. */
export interface DataIssue {
  /** File name relative to the data folder, e.g. `observations.csv` or `sources/x.txt`. */
  file: string;
  /** 1-based line number in the file (the header is line 1), when the problem has a line. */
  row?: number;
  /** Column name, when the problem is in one cell or column. */
  column?: string;
  /** What is wrong, in words. */
  message: string;
}

/**
 * Formats one issue as `file:row:column: message`, always with the two colons of row and column:
 * a problem without a line leaves the row empty (`events.csv::kind: ...`), one without a column
 * leaves the column empty (`events.csv:15:: duplicate ...`), a problem of the whole file leaves
 * both empty (`events.csv::: file not found`). A reader can split on the first three colons.
 *
 * @param issue The problem.
 * @returns One line.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatIssue } from "#lib/mod.ts";
 * assert.equal(
 *   formatIssue({ file: "cases.csv", row: 3, column: "age", message: "not a number: 'x'" }),
 *   "cases.csv:3:age: not a number: 'x'",
 * );
 * assert.equal(
 *   formatIssue({ file: "events.csv", message: "file not found" }),
 *   "events.csv::: file not found",
 * );
 * ```
 */
export function formatIssue(issue: DataIssue): string {
  return `${issue.file}:${issue.row ?? ""}:${issue.column ?? ""}: ${issue.message}`;
}

/** How many problems the error's message (and `deno task validate`) prints before a count. */
export const SHOWN_ISSUES = 50;

/**
 * Thrown by the loader when the data has problems. It carries the problems in the order the
 * loader reports them (problems of whole files first, then each file's rows in order, problems
 * that follow from one already reported grouped under it) and their total; its message lists
 * the first {@link SHOWN_ISSUES} one per line, then how many more there are.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { DataValidationError } from "#lib/mod.ts";
 * const e = new DataValidationError([{ file: "cases.csv", row: 2, column: "age", message: "x" }]);
 * assert.equal(e.issues.length, 1);
 * ```
 */
export class DataValidationError extends Error {
  /** The problems, in reporting order (at most the loader's storage limit; see `total`). */
  issues: DataIssue[];
  /** How many problems were found (more than `issues.length` when some were not stored). */
  total: number;

  /**
   * Builds the error; its message lists the first problems, one per line, then a count.
   *
   * @param issues The problems, in reporting order (non-empty).
   * @param total How many were found, when more than were kept.
   */
  constructor(issues: DataIssue[], total: number = issues.length) {
    super(
      `${total} problem${total === 1 ? "" : "s"} in the data:\n` +
        issues.slice(0, SHOWN_ISSUES).map(formatIssue).join("\n") +
        (total > SHOWN_ISSUES ? `\n... and ${total - SHOWN_ISSUES} more` : ""),
    );
    this.name = "DataValidationError";
    this.issues = issues;
    this.total = total;
  }
}
