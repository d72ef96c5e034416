/**
 * What notebooks call to show and save things: figures as PNG + SVG + text bundles, tables as
 * HTML + text, prose as Markdown + HTML + text. When `RESULTS_DIR` is set (the reproduce command
 * sets it) every figure and table is also written there; interactively nothing is written and the
 * displayed output is the same. Outside a Jupyter kernel (`deno run`, `deno test`) each helper
 * prints the text version instead.
 *
 * In a kernel, each helper waits `DISPLAY_WAIT_MS` milliseconds (default 50; longer while the
 * machine is too busy for a timer to fire on time) after sending its output, so that the output
 * has almost surely left the kernel: the Deno kernel writes a display message in the background,
 * and a cell that ends at once can report itself finished before its last output is sent, which
 * then lands under the next cell or is lost in a front end. The notebook runner sets 0: it
 * collects such late outputs itself.
 *
 * @module
 */
import { stringify } from "csv-stringify/sync";
import { Marked } from "marked";
import { z } from "zod";
import { expectFigure, wrongArgument } from "./args.ts";
import { checkOptions } from "./options.ts";
import { fmt } from "./intervals.ts";
import { isResultName, RESULT_NAME_RULE } from "./result_names.ts";
import { isSafeImage, isSafeLink } from "./markdown.ts";
import { encodeBase64 } from "./plots/base64.ts";
import type { Figure } from "./plots/compose.ts";
import { writeAtomic } from "./write.ts";

/** A table row: column name → value. */
export type Row = Record<string, string | number | boolean | null>;

/** Options of {@link showTable}. */
export interface TableOptions {
  /**
   * Notes shown once under the table (HTML footer, and text lines after it), e.g. a remark that
   * would otherwise repeat in every row. Not written to the CSV or JSON files.
   */
  notes?: readonly string[];
  /** The columns, for the header of a table that may have no rows (else taken from the rows). */
  columns?: readonly string[];
}

/** The schema of {@link TableOptions}. */
const tableOptionsSchema = z.object({
  notes: z.array(z.string()).optional(),
  columns: z.array(z.string()).optional(),
}).strict();

/**
 * Where results go: the `RESULTS_DIR` the reproduce command sets for the kernel.
 *
 * @returns The folder, or `null` interactively (nothing is written then).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { resultsDir } from "#lib/display.ts";
 * // null unless RESULTS_DIR is set
 * assert.equal(resultsDir(), Deno.env.get("RESULTS_DIR") ?? null);
 * ```
 */
export function resultsDir(): string | null {
  return Deno.env.get("RESULTS_DIR") ?? null;
}

/** The part of `Deno.jupyter` used here. */
interface JupyterDisplay {
  broadcast: (type: string, content: Record<string, unknown>) => Promise<void>;
}

/** `Deno.jupyter` inside a kernel; `null` elsewhere (where reading it throws). */
function kernel(): JupyterDisplay | null {
  try {
    return (Deno as unknown as { jupyter?: JupyterDisplay }).jupyter ?? null;
  } catch {
    return null;
  }
}

/**
 * How long to wait after a display for the kernel to write it. Measured by sending cells at once
 * as "Run All" does (tests/notebook_kernel_test.ts): with no wait at all, about 1 display in 16
 * arrived 1–9 ms after its cell was reported idle; with a 0 ms timer, displays came late in 1–2 of
 * 20 runs of two cells; with 25 ms in none on an idle machine or with both cores busy, but once
 * (the figure cell) while the whole test suite ran; with 50 ms, twice in about 45 runs of the
 * suite (the figure cell again, in the run whose log was kept), hence {@link settle}'s repeats.
 */
const PUBLISH_WAIT_MS = 50;

/** How many waits at most, the first included, while timers fire late (see {@link settle}). */
const MAX_WAIT_ROUNDS = 8;

/** How late a timer may fire and still count as on time, at the least, in milliseconds. */
const ON_TIME_MS = 10;

/**
 * Waits `ms` milliseconds, and again while the timer fired late (by more than half of `ms`, and
 * more than {@link ON_TIME_MS}), at most {@link MAX_WAIT_ROUNDS} waits in all. The kernel writes a
 * display on a thread of its own, and what delays it is the machine being too busy to run that
 * thread: measured with 12 CPU-bound processes on 2 cores, a 5 ms wait sufficed for 200 of 200
 * displays, yet with the test suite's processes starting and stopping, 50 ms twice did not. A
 * timer of this thread that fires late shows the same congestion, and the wait then goes on. (It
 * also fires late when this thread is busy, e.g. computing while a display it did not await is
 * sent: the wait is then longer than needed, at most the 8 rounds and their delays.)
 */
async function settle(ms: number): Promise<void> {
  if (ms <= 0) return;
  const late = Math.max(ms / 2, ON_TIME_MS);
  for (let round = 0; round < MAX_WAIT_ROUNDS; round++) {
    const start = performance.now();
    await new Promise((resolve) => setTimeout(resolve, ms));
    if (performance.now() - start <= ms + late) return;
  }
}

/**
 * The wait after each display in milliseconds (one round of {@link settle}, which repeats it while
 * the machine is congested): `DISPLAY_WAIT_MS` when set to a whole number of milliseconds (the
 * notebook runner sets 0: it collects outputs that come after their cell itself), else
 * {@link PUBLISH_WAIT_MS} (also for any other value).
 */
function publishWait(): number {
  const set = Deno.env.get("DISPLAY_WAIT_MS");
  return set !== undefined && /^\d+$/.test(set) ? Number(set) : PUBLISH_WAIT_MS;
}

/**
 * Sends a MIME bundle (with its display metadata) to the notebook and waits for it to leave the
 * kernel (see {@link publishWait}); prints its text elsewhere.
 */
async function emit(
  bundle: Record<string, string>,
  text: string,
  metadata: Record<string, unknown> = {},
): Promise<void> {
  const jupyter = kernel();
  if (!jupyter) {
    console.log(text);
    return;
  }
  await jupyter.broadcast("display_data", { data: bundle, metadata, transient: {} });
  await settle(publishWait());
}

function expectName(fn: string, name: unknown): asserts name is string {
  if (!isResultName(name)) wrongArgument(fn, RESULT_NAME_RULE, name);
}

const escapeHtml = (s: string) =>
  s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");

/**
 * Markdown to HTML (GitHub-flavoured); raw HTML in the text is shown as text, not rendered; a
 * link to anything but http(s) or a relative URL shows as its text, an image that is not relative
 * as its alternative text.
 */
const markdown = new Marked({
  gfm: true,
  renderer: {
    html: ({ text }) => escapeHtml(text),
    link(token) {
      return isSafeLink(token.href) ? false : this.parser.parseInline(token.tokens);
    },
    image: (token) => isSafeImage(token.href) ? false : escapeHtml(token.text),
  },
});

/**
 * The HTML a Markdown text renders to (GitHub-flavoured Markdown, by `marked`; HTML tags in the
 * text are escaped, so they show as typed; links only to http(s) and relative URLs, images only
 * from relative ones: others show as their text, see `lib/markdown.ts`).
 *
 * @param text Markdown.
 * @returns HTML.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { markdownHtml } from "#lib/mod.ts";
 * assert.equal(
 *   markdownHtml("## Case 1\n\n- **VAS** < 3 cm"),
 *   "<h2>Case 1</h2>\n<ul>\n<li><strong>VAS</strong> &lt; 3 cm</li>\n</ul>\n",
 * );
 * ```
 */
export function markdownHtml(text: string): string {
  if (typeof text !== "string") wrongArgument("markdownHtml", "Markdown text (a string)", text);
  return markdown.parse(text, { async: false });
}

/**
 * Shows Markdown (built from computed values) in the notebook, as Markdown and as HTML (which
 * shows also in a notebook that is not trusted) with the Markdown source as plain text. Prints the
 * text outside a kernel.
 *
 * @param text Markdown.
 * @returns When the output has been sent.
 * @example
 * ```ts
 * import { showMarkdown } from "#lib/mod.ts";
 * // Outside a kernel this prints "**3** cases".
 * await showMarkdown("**3** cases");
 * ```
 */
export async function showMarkdown(text: string): Promise<void> {
  if (typeof text !== "string") wrongArgument("showMarkdown", "Markdown text (a string)", text);
  await emit(
    { "text/markdown": text, "text/html": markdownHtml(text), "text/plain": text },
    text,
  );
}

/**
 * Shows a figure (PNG + SVG + one sentence; the PNG shown at the figure's size) and, when it is
 * given a name, under the reproduce command writes `figures/<name>.svg`, `.png` and `.csv` (the
 * values it draws, one row per drawn mark, through the same CSV writer as tables) to the results
 * folder. Without a name (the figure first) it only shows the figure. The figure is rasterised
 * once; the same PNG bytes are shown and written. Prints the sentence outside a kernel.
 *
 * @param name File name (without extension) of the figure in `results/figures/`; leave it out
 *   to show the figure only.
 * @param figure A figure from `lib/plots/mod.ts` (e.g. `plot({ marks: [...] })`).
 * @returns When the output has been sent (and the files written).
 * @example
 * ```ts
 * import { showFigure, loadCaseSeries } from "#lib/mod.ts";
 * import { caseTimelineFigure } from "#lib/plots/mod.ts";
 * const series = await loadCaseSeries();
 * // Outside a kernel each prints its description; the first also writes files under the
 * // reproduce command, the second (no name) never writes.
 * await showFigure("timeline", caseTimelineFigure(series.cases[0]));
 * await showFigure(caseTimelineFigure(series.cases[0]));
 * ```
 */
export async function showFigure(figure: Figure): Promise<void>;
/**
 * Shows a figure and, under the reproduce command, writes `figures/<name>.svg` and `.png` to the
 * results folder (see the signature without a name).
 *
 * @param name File name (without extension) of the figure in `results/figures/`.
 * @param figure A figure from `lib/plots/mod.ts`.
 * @returns When the output has been sent and the files written.
 */
export async function showFigure(name: string, figure: Figure): Promise<void>;
export async function showFigure(...args: [Figure] | [string, Figure]): Promise<void> {
  const named = args.length > 1 || typeof args[0] === "string";
  const [name, figure] = named ? args as [string, Figure] : [null, args[0] as Figure];
  if (named) expectName("showFigure", name);
  expectFigure("showFigure", figure);
  expectRows("showFigure (the figure's data)", figure.data);
  if (!kernel() && !resultsDir()) {
    console.log(figure.description);
    return;
  }
  // The rasteriser and fonts load with the first figure shown, not with the library.
  const { displayMetadata, pngBytes, svgText } = await import("./plots/render.ts");
  const svg = svgText(figure);
  const png = await pngBytes(figure);
  const dir = resultsDir();
  if (dir && name !== null) {
    const rows = figure.data.length ? figure.data : [{ note: "this figure has no data rows" }];
    await writeFigureFiles(dir, name, { svg, png, csv: csvTable(rows) });
  }
  await emit(
    { "image/png": encodeBase64(png), "image/svg+xml": svg, "text/plain": figure.description },
    figure.description,
    displayMetadata(figure),
  );
}

/**
 * Writes a figure's three files, each atomically: `<dir>/figures/<name>.svg`, `.png` and `.csv`
 * (its source data). The CSV goes first, so a figure file never stands without its data.
 */
async function writeFigureFiles(
  dir: string,
  name: string,
  files: { svg: string; png: Uint8Array; csv: string },
): Promise<void> {
  await Deno.mkdir(`${dir}/figures`, { recursive: true });
  await writeAtomic(`${dir}/figures/${name}.csv`, files.csv);
  await writeAtomic(`${dir}/figures/${name}.svg`, files.svg);
  await writeAtomic(`${dir}/figures/${name}.png`, files.png);
}

const cell = (v: Row[string]) => v === null ? "" : typeof v === "number" ? fmt(v, 3) : String(v);

/** The columns of a table: every key of every row, in the order first seen. */
function columns(rows: readonly Row[]): string[] {
  const cols = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) cols.add(k);
  return [...cols];
}

/** Checks a table's rows: an array of objects whose values are text, numbers, booleans or null. */
function expectRows(fn: string, rows: unknown): asserts rows is readonly Row[] {
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
 * @returns The text: a header line, then one line per row.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { textTable } from "#lib/mod.ts";
 * assert.equal(textTable([{ a: 1, b: "x" }]), "a  b\n1  x");
 * ```
 */
export function textTable(rows: readonly Row[]): string {
  expectRows("textTable", rows);
  const cols = columns(rows);
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c] ?? null).length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(width[i])).join("  ").trimEnd();
  return [line(cols), ...rows.map((r) => line(cols.map((c) => cell(r[c] ?? null))))].join("\n");
}

/** Text whose first character after white space would start a spreadsheet formula. */
const SPACED_FORMULA = /^\s+[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * CSV text of a table (full precision; `Inf`/`-Inf` for infinities, empty for null). A text cell
 * that a spreadsheet would run as a formula, one starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return (or the full-width `＝`, `＋`, `－`, `＠`), gets a leading single quote, as OWASP
 * recommends against CSV injection (csv-stringify's `escape_formulas`): a spreadsheet then shows
 * it as text. So does one where white space comes before such a character (` =1+1`), as an import
 * that trims spaces would make it a formula. Numbers are written as they are (`-3.5` stays a number), and so is a text cell that
 * is a number written out (`"-2"` in a column of text such as `"[-4, -3]"`): a spreadsheet reads
 * it as that number, not as a formula.
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
 * @param options Notes to show once under the table.
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
  return `<table>${caption ? `<caption>${escapeHtml(caption)}</caption>` : ""}` +
    `<thead><tr>${cols.map((c, i) => td("th", i, c)).join("")}</tr></thead><tbody>` +
    rows.map((r) => `<tr>${cols.map((c, i) => td("td", i, cell(r[c] ?? null))).join("")}</tr>`)
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

/**
 * Shows a table (HTML + text) with a caption and, when it is given a name, under the reproduce
 * command writes `tables/<name>.csv` and `.json` to the results folder. Without a name (the rows
 * first) it only shows the table, wherever it runs. Prints the text outside a kernel.
 *
 * @param name File name (without extension) of the table in `results/tables/`; leave it out to
 *   show the table only.
 * @param rows The rows (column → value).
 * @param caption The caption ("" for none).
 * @param options `notes`: sentences shown once under the table; `columns`: the header of a
 * table that may have no rows.
 * @returns When the output has been sent (and the files written).
 * @example
 * ```ts
 * import { showTable } from "#lib/mod.ts";
 * await showTable("demo", [{ case: "1", vas: 6.6 }], "A caption", { notes: ["One note."] });
 * // No name: shown only, nothing written.
 * await showTable([{ case: "1", vas: 6.6 }]);
 * ```
 */
export async function showTable(
  rows: readonly Row[],
  caption?: string,
  options?: TableOptions,
): Promise<void>;
/**
 * Shows a table and, under the reproduce command, writes `tables/<name>.csv` and `.json` to the
 * results folder (see the signature without a name).
 *
 * @param name File name (without extension) of the table in `results/tables/`.
 * @param rows The rows (column → value).
 * @param caption The caption ("" for none).
 * @param options `notes`: sentences shown once under the table.
 * @returns When the output has been sent and the files written.
 */
export async function showTable(
  name: string,
  rows: readonly Row[],
  caption?: string,
  options?: TableOptions,
): Promise<void>;
export async function showTable(
  ...args: [readonly Row[], string?, TableOptions?] | [
    string,
    readonly Row[],
    string?,
    TableOptions?,
  ]
): Promise<void> {
  const named = !Array.isArray(args[0]);
  const [name, rows, caption = "", options = {}] = named
    ? args as [string, readonly Row[], string?, TableOptions?]
    : [null, ...args as [readonly Row[], string?, TableOptions?]];
  if (named) expectName("showTable", name);
  expectRows("showTable", rows);
  if (typeof caption !== "string") wrongArgument("showTable", "a caption (a string)", caption);
  checkOptions("showTable", tableOptionsSchema, options);
  const notes = options.notes ?? [];
  const dir = resultsDir();
  if (dir && name !== null) {
    await Deno.mkdir(`${dir}/tables`, { recursive: true });
    await writeAtomic(`${dir}/tables/${name}.csv`, csvTable(rows, options.columns));
    const json = rows.map((r) =>
      Object.fromEntries(
        Object.entries(r).map((
          [k, x],
        ) => [k, typeof x === "number" && !Number.isFinite(x) ? String(x) : x]),
      )
    );
    await writeAtomic(`${dir}/tables/${name}.json`, JSON.stringify(json, null, 2) + "\n");
  }
  const text = [
    ...(caption ? [caption] : []),
    rows.length ? textTable(rows) : "(no rows)",
    ...notes,
  ].join("\n");
  const html = htmlTable(rows, caption, { notes, columns: options.columns });
  await emit({ "text/html": html, "text/plain": text }, text);
}
