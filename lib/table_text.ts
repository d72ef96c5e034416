/**
 * A table's rows as text: plain text (aligned columns), CSV (safe to open in a spreadsheet) and
 * HTML; and the checks of rows and table options every display of a table shares.
 *
 * @module
 */
import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import { wrongArgument } from "./args.ts";
import { checkOptions } from "./options.ts";
import { fmt, formatBound } from "./intervals.ts";

/** A table row: column name → value. */
export type Row = Record<string, string | number | boolean | null>;

/** Options of a table shown (`showTable`, {@link htmlTable}). */
export interface TableOptions {
  /**
   * Notes shown once under the table (HTML footer, and text lines after it), e.g. a remark that
   * would otherwise repeat in every row. Not written to the CSV or JSON files.
   */
  notes?: readonly string[];
  /** The columns, for the header of a table that may have no rows (else taken from the rows). */
  columns?: readonly string[];
  /**
   * The columns whose numbers are one bound of a computed interval (`"lo"` a lower bound, `"hi"`
   * an upper one): shown rounded outward ({@link formatBound}), so the interval printed holds the
   * one computed; the CSV and JSON files keep every digit. Rows made by {@link withBounds} carry
   * theirs; a column named here wins.
   */
  bounds?: Readonly<Record<string, "lo" | "hi">>;
}

/** The schema of {@link TableOptions}. */
export const tableOptionsSchema = z.object({
  notes: z.array(z.string()).optional(),
  columns: z.array(z.string()).optional(),
  bounds: z.record(z.string(), z.enum(["lo", "hi"])).optional(),
}).strict();

/** Where rows made by {@link withBounds} keep their bound columns (not a column: not enumerable). */
const BOUNDS = Symbol("bound columns");

/**
 * Marks rows' bound columns ({@link TableOptions}`.bounds`) on the rows themselves, so that a
 * table of them shows those numbers rounded outward wherever it is shown (`showTable`,
 * {@link textTable}, {@link htmlTable}) with no option to pass; any column of any other table,
 * whatever its name, is shown to the nearest. The mark is not a column: the CSV and JSON files,
 * and a copy of the rows (`rows.filter(…)`), do not have it.
 *
 * @param rows The rows (marked in place).
 * @param bounds Column → `"lo"` or `"hi"`.
 * @returns The same rows.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { textTable, withBounds } from "#lib/mod.ts";
 * const rows = withBounds([{ lower: 0.12345, upper: 0.12345 }], { lower: "lo", upper: "hi" });
 * assert.equal(textTable(rows), "lower  upper\n0.123  0.124");
 * assert.equal(textTable([{ lower: 0.12345 }]), "lower\n0.123");
 * ```
 */
export function withBounds<R extends Row>(
  rows: R[],
  bounds: Readonly<Record<string, "lo" | "hi">>,
): R[] {
  Object.defineProperty(rows, BOUNDS, { value: Object.freeze({ ...bounds }), enumerable: false });
  return rows;
}

/** The bound columns of a table: those its rows carry, then those of its options. */
const boundsOf = (rows: readonly Row[], options: TableOptions = {}) => ({
  ...((rows as { [BOUNDS]?: TableOptions["bounds"] })[BOUNDS] ?? {}),
  ...(options.bounds ?? {}),
});

/** Text escaped for HTML content and attribute values. */
export const escapeHtml = (s: string) =>
  s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");

/**
 * A cell as text: a number at 3 decimals at most, the number of a bound's column
 * ({@link TableOptions}`.bounds`) rounded outward.
 */
const cell = (v: Row[string], side?: "lo" | "hi") =>
  v === null ? "" : typeof v !== "number" ? String(v) : side ? formatBound(v, side, 3) : fmt(v, 3);

/** The columns of a table: every key of every row, in the order first seen. */
function columns(rows: readonly Row[]): string[] {
  const cols = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) cols.add(k);
  return [...cols];
}

/** Checks a table's rows: an array of objects whose values are text, numbers, booleans or null. */
export function expectRows(fn: string, rows: unknown): asserts rows is readonly Row[] {
  if (!Array.isArray(rows)) wrongArgument(fn, "rows (an array of objects)", rows);
  rows.forEach((r, i) => {
    if (typeof r !== "object" || r === null || Array.isArray(r)) {
      wrongArgument(`${fn}, row ${i}`, "an object (column → value)", r);
    }
    for (const [k, v] of Object.entries(r)) {
      if (v !== null && !["string", "number", "boolean"].includes(typeof v)) {
        wrongArgument(`${fn}, row ${i}, column '${k}'`, "text, a number, a boolean or null", v);
      }
    }
  });
}

/**
 * A plain-text rendering of a table, columns padded.
 *
 * @param rows The rows.
 * @param options `bounds`: the columns of a bound, rounded outward (also carried by rows made by
 * {@link withBounds}).
 * @returns The text: a header line, then one line per row.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { textTable } from "#lib/mod.ts";
 * assert.equal(textTable([{ a: 1, b: "x" }]), "a  b\n1  x");
 * ```
 */
export function textTable(
  rows: readonly Row[],
  options: Pick<TableOptions, "bounds"> = {},
): string {
  expectRows("textTable", rows);
  checkOptions("textTable", tableOptionsSchema, options);
  const cols = columns(rows);
  const bounds = boundsOf(rows, options);
  const text = (r: Row, c: string) => cell(r[c] ?? null, bounds[c]);
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => text(r, c).length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(width[i])).join("  ").trimEnd();
  return [line(cols), ...rows.map((r) => line(cols.map((c) => text(r, c))))].join("\n");
}

/** Text whose first character after white space would start a spreadsheet formula. */
const SPACED_FORMULA = /^\s+[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * CSV text of a table (full precision; `Inf`/`-Inf` for infinities, empty for null). A text cell
 * that a spreadsheet would run as a formula, one starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return (or the full-width `＝`, `＋`, `－`, `＠`), gets a leading single quote, as OWASP
 * recommends against CSV injection (csv-stringify's `escape_formulas`): a spreadsheet then shows
 * it as text. So does one where white space comes before such a character (` =1+1`), as an import
 * that trims spaces would make it a formula. Numbers are written as they are (`-3.5` stays a
 * number), and so is a text cell that is a number written out (`"-2"` in a column of text such as
 * `"[-4, -3]"`): a spreadsheet reads it as that number, not as a formula.
 *
 * @param rows The rows.
 * @param header The columns when there are no rows (so that the file still has its header).
 * @returns The CSV text, with a header line.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { csvTable } from "#lib/mod.ts";
 * assert.equal(csvTable([{ a: 1, b: Infinity }]), "a,b\n1,Inf\n");
 * const csv = csvTable([{ n: -3.5, t: "=HYPERLINK(\"http://x\")", u: "-x", v: "-2" }]);
 * assert.equal(csv, 'n,t,u,v\n-3.5,"\'=HYPERLINK(""http://x"")",\'-x,-2\n');
 * assert.equal(csvTable([{ t: " =1+1" }]), "t\n' =1+1\n");
 * ```
 */
export function csvTable(rows: readonly Row[], header: readonly string[] = []): string {
  expectRows("csvTable", rows);
  const cols = rows.length ? columns(rows) : [...header];
  // Numbers, and text that is exactly a number written out ("-2"), are not formulas to escape;
  // text with white space before a formula's first character is (escape_formulas misses it).
  const value = (v: Row[string] | undefined) => {
    if (typeof v !== "string") return v ?? null;
    if (Number.isFinite(Number(v)) && String(Number(v)) === v) return Number(v);
    return SPACED_FORMULA.test(v) ? `'${v}` : v;
  };
  return stringify([cols, ...rows.map((r) => cols.map((c) => value(r[c])))], {
    escape_formulas: true,
    cast: {
      number: (x) => x === Infinity ? "Inf" : x === -Infinity ? "-Inf" : String(x),
      boolean: (b) => String(b),
    },
  });
}

/**
 * The HTML of a table: caption, header, rows, notes in the footer. Columns holding only numbers
 * are right-aligned, all others left-aligned. The alignment is a `<div align>` in each cell: the
 * classic Notebook right-aligns every cell by its style sheet and, in a notebook that is not
 * trusted (every notebook executed elsewhere), strips `style` attributes but keeps `align`.
 *
 * @param rows The rows.
 * @param caption The caption ("" for none).
 * @param options Notes to show once under the table, the columns for a table with no rows, the
 * columns of a bound (rounded outward; also carried by rows made by {@link withBounds}).
 * @returns The HTML `<table>`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { htmlTable } from "#lib/mod.ts";
 * const html = htmlTable([{ drug: "a", mg: 25 }], "Doses");
 * assert.ok(html.includes('<td><div align="left">a</div></td>'));
 * ```
 */
export function htmlTable(rows: readonly Row[], caption = "", options: TableOptions = {}): string {
  expectRows("htmlTable", rows);
  checkOptions("htmlTable", tableOptionsSchema, options);
  const cols = rows.length ? columns(rows) : [...(options.columns ?? [])];
  const align = cols.map((c) =>
    rows.every((r) => r[c] === null || r[c] === undefined || typeof r[c] === "number") &&
      rows.some((r) => typeof r[c] === "number")
      ? "right"
      : "left"
  );
  const td = (tag: string, i: number, text: string) =>
    `<${tag}><div align="${align[i]}">${escapeHtml(text)}</div></${tag}>`;
  const notes = options.notes ?? [];
  const bounds = boundsOf(rows, options);
  return `<table>${caption ? `<caption>${escapeHtml(caption)}</caption>` : ""}` +
    `<thead><tr>${cols.map((c, i) => td("th", i, c)).join("")}</tr></thead><tbody>` +
    rows.map((r) =>
      `<tr>${cols.map((c, i) => td("td", i, cell(r[c] ?? null, bounds[c]))).join("")}</tr>`
    )
      .join("") +
    "</tbody>" +
    (notes.length
      ? `<tfoot>${
        notes.map((n) =>
          `<tr><td colspan="${Math.max(cols.length, 1)}"><div align="left">` +
          `${escapeHtml(n)}</div></td></tr>`
        ).join("")
      }</tfoot>`
      : "") +
    "</table>";
}
