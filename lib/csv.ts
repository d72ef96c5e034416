/**
 * Reading one CSV table into typed rows, with every problem reported at its file, line and
 * column. Parsing is done by `csv-parse`; this module adds the checks a tidy table needs.
 *
 * @module
 */
import { parse } from "csv-parse/sync";
import type { z } from "zod";
import type { DataIssue } from "./errors.ts";

/** A parsed row with the 1-based line it came from. */
export interface Located<T> {
  /** The typed row. */
  value: T;
  /** 1-based line in the file (the header is line 1). */
  row: number;
}

/** What reading a table gives: the rows that parsed, and the problems found. */
export interface TableRead<T> {
  /** Rows that passed their schema. */
  rows: Located<T>[];
  /** Every problem found in the file. */
  issues: DataIssue[];
}

/**
 * Parses the text of one CSV file against a zod object schema. Accepts LF and CRLF line endings;
 * rejects a byte-order mark, an empty file, missing or unknown columns, rows of the wrong width,
 * line breaks inside cells, duplicate rows and cells that fail the schema. Blank lines are skipped.
 *
 * @example
 * ```ts
 * import { z } from "zod";
 * import { readTable } from "./csv.ts";
 * const r = readTable("t.csv", "a\nx\n", z.object({ a: z.string() }));
 * r.rows[0]; // { value: { a: "x" }, row: 2 }
 * ```
 */
export function readTable<S extends z.ZodObject>(
  file: string,
  text: string,
  schema: S,
): TableRead<z.output<S>> {
  const issues: DataIssue[] = [];
  const rows: Located<z.output<S>>[] = [];
  if (text.startsWith("\uFEFF")) {
    issues.push({
      file,
      row: 1,
      message: "file starts with a byte-order mark (BOM); save it as UTF-8 without BOM",
    });
    return { rows, issues };
  }
  if (text.trim() === "") {
    issues.push({ file, message: "file is empty: a header line is required" });
    return { rows, issues };
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (e) {
    const err = e as { message: string; lines?: number };
    issues.push({ file, row: err.lines, message: `not valid CSV: ${err.message}` });
    return { rows, issues };
  }
  const [head, ...body] = records;
  const header = head.record.map((h) => h.trim());
  const expected = Object.keys(schema.shape);
  for (const col of expected) {
    if (!header.includes(col)) {
      issues.push({ file, row: 1, column: col, message: "missing column" });
    }
  }
  header.forEach((col, i) => {
    if (!expected.includes(col)) {
      issues.push({ file, row: 1, column: col || `#${i + 1}`, message: "unknown column" });
    } else if (header.indexOf(col) !== i) {
      issues.push({ file, row: 1, column: col, message: "column appears more than once" });
    }
  });
  if (issues.length > 0) return { rows, issues };
  if (body.length === 0) issues.push({ file, message: "file has a header but no rows" });

  const seen = new Map<string, number>();
  for (const { record, info } of body) {
    const row = info.lines;
    if (record.length !== header.length) {
      issues.push({
        file,
        row,
        message: `row has ${record.length} cells, the header has ${header.length}`,
      });
      continue;
    }
    const cells: Record<string, string> = {};
    let broken = false;
    header.forEach((col, i) => {
      if (/[\r\n]/.test(record[i])) {
        issues.push({ file, row, column: col, message: "line break inside a cell" });
        broken = true;
      }
      cells[col] = record[i];
    });
    if (broken) continue;
    const key = JSON.stringify(record);
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({ file, row, message: `duplicate of the row at line ${first}` });
      continue;
    }
    seen.set(key, row);
    const parsed = schema.safeParse(cells);
    if (parsed.success) {
      rows.push({ value: parsed.data, row });
    } else {
      for (const issue of parsed.error.issues) {
        issues.push({ file, row, column: String(issue.path[0] ?? ""), message: issue.message });
      }
    }
  }
  return { rows, issues };
}
