/**
 * What notebooks call to show and save things: figures as PNG + SVG + text bundles, tables as
 * HTML + text, prose as Markdown. When `RESULTS_DIR` is set (the reproduce command sets it) every
 * figure and table is also written there; interactively nothing is written and the displayed
 * output is the same.
 *
 * @module
 */
import { stringify } from "csv-stringify/sync";
import { formatNumber } from "./intervals.ts";
import type { Figure } from "./plots/compose.ts";
import { displayBundle, writeAtomic, writeFigure } from "./plots/render.ts";

/** A table row: column name → value. */
export type Row = Record<string, string | number | boolean | null>;

/** Where results go, or `null` interactively. */
export function resultsDir(): string | null {
  return Deno.env.get("RESULTS_DIR") ?? null;
}

/** Sends a MIME bundle to the notebook, or prints its text outside a kernel. */
async function emit(bundle: Record<string, string>): Promise<void> {
  const jupyter = (Deno as unknown as {
    jupyter?: { display: (b: unknown, o: { raw: boolean }) => Promise<void> };
  }).jupyter;
  if (jupyter) await jupyter.display(bundle, { raw: true });
  else console.log(bundle["text/plain"] ?? bundle["text/markdown"] ?? "");
}

/**
 * Formats a number for prose and tables: at most `digits` decimals, no trailing zeros; `inf`
 * for infinities; "–" for null.
 *
 * @example
 * ```ts
 * import { fmt } from "./display.ts";
 * fmt(30.303030, 1); // "30.3"
 * fmt(null); // "–"
 * ```
 */
export function fmt(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || Number.isNaN(x)) return "–";
  return formatNumber(x, digits);
}

/**
 * Shows Markdown (built from computed values) in the notebook.
 *
 * @example
 * ```ts
 * import { showMarkdown } from "./display.ts";
 * await showMarkdown("**3** cases"); // prints the text outside a kernel
 * ```
 */
export async function showMarkdown(markdown: string): Promise<void> {
  await emit({ "text/markdown": markdown, "text/plain": markdown });
}

/**
 * Shows a figure (PNG + SVG + one sentence) and, under the reproduce command, writes
 * `figures/<name>.svg` and `.png` to the results folder.
 *
 * @example
 * ```ts
 * import { showFigure } from "./display.ts";
 * // await showFigure("case-1-timeline", caseTimelineFigure(c))
 * ```
 */
export async function showFigure(name: string, figure: Figure): Promise<void> {
  const dir = resultsDir();
  if (dir) await writeFigure(figure, `${dir}/figures`, name);
  await emit(await displayBundle(figure));
}

const escapeHtml = (s: string) =>
  s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

const cell = (v: Row[string]) => v === null ? "" : typeof v === "number" ? fmt(v, 3) : String(v);

/**
 * A plain-text rendering of a table, columns padded.
 *
 * @example
 * ```ts
 * import { textTable } from "./display.ts";
 * textTable([{ a: 1, b: "x" }]); // "a  b\n1  x"
 * ```
 */
export function textTable(rows: readonly Row[]): string {
  const cols = rows.length ? Object.keys(rows[0]) : [];
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(width[i])).join("  ").trimEnd();
  return [line(cols), ...rows.map((r) => line(cols.map((c) => cell(r[c]))))].join("\n");
}

/** CSV text of a table (full precision; `Inf`/`-Inf` for infinities, empty for null). */
export function csvTable(rows: readonly Row[]): string {
  const cols = rows.length ? Object.keys(rows[0]) : [];
  const v = (x: Row[string]) =>
    x === null ? "" : x === Infinity ? "Inf" : x === -Infinity ? "-Inf" : String(x);
  return stringify([cols, ...rows.map((r) => cols.map((c) => v(r[c])))]);
}

/**
 * Shows a table (HTML + text) with a caption and, under the reproduce command, writes
 * `tables/<name>.csv` and `.json` to the results folder.
 *
 * @example
 * ```ts
 * import { showTable } from "./display.ts";
 * await showTable("demo", [{ case: "1", vas: 6.6 }], "A caption");
 * ```
 */
export async function showTable(name: string, rows: readonly Row[], caption = ""): Promise<void> {
  const dir = resultsDir();
  if (dir) {
    await Deno.mkdir(`${dir}/tables`, { recursive: true });
    await writeAtomic(`${dir}/tables/${name}.csv`, csvTable(rows));
    const json = rows.map((r) =>
      Object.fromEntries(
        Object.entries(r).map((
          [k, x],
        ) => [k, typeof x === "number" && !Number.isFinite(x) ? String(x) : x]),
      )
    );
    await writeAtomic(`${dir}/tables/${name}.json`, JSON.stringify(json, null, 2) + "\n");
  }
  const cols = rows.length ? Object.keys(rows[0]) : [];
  const html = `<table>${caption ? `<caption>${escapeHtml(caption)}</caption>` : ""}` +
    `<thead><tr>${cols.map((c) => `<th>${escapeHtml(c)}</th>`).join("")}</tr></thead><tbody>` +
    rows.map((r) => `<tr>${cols.map((c) => `<td>${escapeHtml(cell(r[c]))}</td>`).join("")}</tr>`)
      .join("") +
    "</tbody></table>";
  await emit({
    "text/html": html,
    "text/plain": (caption ? `${caption}\n` : "") + textTable(rows),
  });
}
