/**
 * The error every data problem is reported with.
 *
 * @module
 */

/** One problem found in the data: where it is and what is wrong. */
export interface DataIssue {
  /** File name relative to the data folder, e.g. `observations.csv`. */
  file: string;
  /** 1-based line number in the file (the header is line 1), when the problem has a row. */
  row?: number;
  /** Column name, when the problem is in one cell or column. */
  column?: string;
  /** What is wrong, in words. */
  message: string;
}

/**
 * Formats one issue as `file:row:column: message` (row and column left out when absent).
 *
 * @example
 * ```ts
 * import { formatIssue } from "./errors.ts";
 * formatIssue({ file: "cases.csv", row: 3, column: "age", message: "not a number: 'x'" });
 * // "cases.csv:3:age: not a number: 'x'"
 * ```
 */
export function formatIssue(issue: DataIssue): string {
  const where = [issue.file, issue.row, issue.column].filter((x) => x !== undefined).join(":");
  return `${where}: ${issue.message}`;
}

/**
 * Thrown by the loader when the data has problems. It carries every problem found, not only the
 * first, sorted by file, row and column; its message lists them one per line.
 *
 * @example
 * ```ts
 * import { DataValidationError } from "./errors.ts";
 * const e = new DataValidationError([{ file: "cases.csv", row: 2, column: "age", message: "x" }]);
 * e.issues.length; // 1
 * ```
 */
export class DataValidationError extends Error {
  /** Every problem found. */
  issues: DataIssue[];

  /** Builds the error from a non-empty list of issues. */
  constructor(issues: DataIssue[]) {
    const sorted = [...issues].sort((a, b) =>
      a.file.localeCompare(b.file) || (a.row ?? 0) - (b.row ?? 0) ||
      (a.column ?? "").localeCompare(b.column ?? "") || a.message.localeCompare(b.message)
    );
    super(
      `${sorted.length} problem${sorted.length === 1 ? "" : "s"} in the data:\n` +
        sorted.map(formatIssue).join("\n"),
    );
    this.name = "DataValidationError";
    this.issues = sorted;
  }
}
