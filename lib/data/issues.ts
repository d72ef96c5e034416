/**
 * The loader's problems, kept in reporting order: problems of whole files first, then each
 * file's rows in line order (files in the order of {@link TABLE_ORDER}, then the source texts'
 * place after `sources.csv`, then the articles' and checklists' files), with knock-on counts of
 * rows not checked because they refer to something already reported.
 *
 * @module
 */
import type { IssueSink } from "../csv.ts";
import { type DataIssue, DataValidationError } from "../errors.ts";
import { type TableName, tableSchemas } from "../schema.ts";

/**
 * The tables in the order they are read and their problems reported.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { TABLE_ORDER } from "#lib/data/issues.ts";
 * assert.equal(TABLE_ORDER[0], "sources");
 * ```
 */
export const TABLE_ORDER: readonly TableName[] = [
  "sources",
  "cases",
  "timepoints",
  "treatments",
  "observations",
  "events",
];

/** How many problems are kept in a {@link DataValidationError} (the rest are counted). */
const KEPT_ISSUES = 10_000;

/**
 * Problems, kept in reporting order: whole files first, then rows by file and line.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Issues } from "#lib/data/issues.ts";
 * const issues = new Issues();
 * issues.push({ file: "events.csv", row: 3, message: "b" });
 * issues.pushFile({ file: "cases.csv", message: "a" });
 * assert.deepEqual(issues.error()!.issues.map((i) => i.message), ["a", "b"]);
 * ```
 */
export class Issues implements IssueSink {
  #files: DataIssue[] = [];
  #rows: DataIssue[] = [];
  #total = 0;
  /** Counts of rows not checked because they refer to something already reported. */
  #knockOns = new Map<
    string,
    {
      issue: DataIssue;
      /** The first rows that refer (five at most). */
      refs: string[];
      /** How many rows refer (a row whose cells refer one after the other counts once). */
      rows: number;
      /** The last row that referred. */
      last: string;
      /** How many times it was referred to (cells). */
      n: number;
      append: boolean;
      phrase?: (n: number, refs: string) => string;
    }
  >();

  /** The last problem pushed (whether kept or only counted). */
  last: DataIssue | null = null;

  push(issue: DataIssue): void {
    this.last = issue;
    this.#total++;
    if (this.#files.length + this.#rows.length >= KEPT_ISSUES) return;
    (issue.row === undefined ? this.#files : this.#rows).push(issue);
  }

  /** Pushes a problem of a whole file (reported before every row problem). */
  pushFile(issue: DataIssue): void {
    this.last = issue;
    this.#total++;
    if (this.#files.length + this.#rows.length < KEPT_ISSUES) this.#files.push(issue);
  }

  /**
   * Records that the row at `ref` was not checked because of the problem `key`, reported at
   * `where`. With `append`, `where` is an issue already pushed whose message gets the count
   * (worded by `phrase`, given how many times it was referred to and the rows named, when given);
   * otherwise one issue per key is added at `where`, saying how many rows and which. A row whose
   * cells refer one after the other is counted and named once in those two wordings.
   */
  knockOn(
    key: string,
    where: DataIssue,
    ref: string,
    append = false,
    phrase?: (n: number, refs: string) => string,
  ): void {
    const k = this.#knockOns.get(key) ??
      { issue: where, refs: [], rows: 0, last: "", n: 0, append, phrase };
    k.n++;
    if (k.last !== ref) { // a row counted and named once, however many of its cells refer
      k.last = ref;
      k.rows++;
      if (k.refs.length < 5) k.refs.push(ref);
    }
    this.#knockOns.set(key, k);
  }

  /** The error, problems in reporting order, or null when there are none. */
  error(): DataValidationError | null {
    for (const { issue, refs, n, append, phrase, rows: r } of this.#knockOns.values()) {
      const more = r > refs.length ? ", ..." : "";
      const counted = phrase
        ? `; ${phrase(n, refs.join(", ") + more)}`
        : append
        ? `; ${r} more row${r === 1 ? "" : "s"} of this file with it (${refs.join(", ")}${more})`
        : `: ${r} row${r === 1 ? " that refers" : "s that refer"} to it ` +
          `${r === 1 ? "was" : "were"} not checked against it (${refs.join(", ")}${more})`;
      if (append) issue.message += counted;
      else this.push({ ...issue, message: issue.message + counted });
    }
    this.#knockOns.clear();
    if (this.#total === 0) return null;
    // The checklists and articles' files (articles.ts) come last, in the order they were read.
    const later = [...new Set([...this.#files, ...this.#rows].map((i) => i.file))]
      .filter((f) => /^(reference|articles)\//.test(f));
    const rank = (file: string) => {
      const i = TABLE_ORDER.findIndex((t) => tableSchemas[t].file === file);
      if (i >= 0) return i;
      if (file.startsWith("sources/")) return 0.5;
      const j = later.indexOf(file);
      return TABLE_ORDER.length + (j < 0 ? 0 : 1 + j);
    };
    const byFile = (a: DataIssue, b: DataIssue) => rank(a.file) - rank(b.file);
    const files = [...this.#files].sort(byFile);
    const rows = [...this.#rows].sort((a, b) => byFile(a, b) || a.row! - b.row!);
    return new DataValidationError([...files, ...rows], this.#total);
  }
}
