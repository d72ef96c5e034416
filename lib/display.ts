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
import { Marked } from "marked";
import { expectFigure, wrongArgument } from "./args.ts";
import { checkOptions } from "./options.ts";
import { isResultName, RESULT_NAME_RULE } from "./result_names.ts";
import { isSafeImage, isSafeLink } from "./markdown.ts";
import { encodeBase64 } from "./plots/base64.ts";
import type { Figure } from "./plots/compose.ts";
import { writeAtomic } from "./write.ts";
import {
  csvTable,
  escapeHtml,
  expectRows,
  htmlTable,
  type Row,
  type TableOptions,
  tableOptionsSchema,
  textTable,
  withBounds,
} from "./table_text.ts";

export { csvTable, htmlTable, type Row, type TableOptions, textTable, withBounds };

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
 * import assert from "node:assert/strict";
 * import { markdownHtml, showMarkdown } from "#lib/mod.ts";
 * // In a notebook it shows this HTML, with the Markdown as plain text.
 * assert.equal(markdownHtml("**3** cases"), "<p><strong>3</strong> cases</p>\n");
 * // Outside a kernel (where reading Deno.jupyter throws) it prints the text instead.
 * const inKernel = (() => {
 *   try {
 *     return Reflect.get(Deno, "jupyter") !== undefined;
 *   } catch {
 *     return false;
 *   }
 * })();
 * const printed: string[] = [];
 * const log = console.log;
 * console.log = (...args: unknown[]) => void printed.push(args.join(" "));
 * try {
 *   await showMarkdown("**3** cases");
 * } finally {
 *   console.log = log;
 * }
 * assert.deepEqual(printed, inKernel ? [] : ["**3** cases"]);
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
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, showFigure } from "#lib/mod.ts";
 * import { caseTimelineFigure } from "#lib/plots/mod.ts";
 * const series = await loadCaseSeries();
 * const figure = caseTimelineFigure(series.cases[0]);
 * const inKernel = (() => {
 *   try {
 *     return Reflect.get(Deno, "jupyter") !== undefined;
 *   } catch {
 *     return false;
 *   }
 * })();
 * // Outside a kernel each prints its description; the first also writes files under the
 * // reproduce command, the second (no name) never writes.
 * const printed: string[] = [];
 * const log = console.log;
 * console.log = (...args: unknown[]) => void printed.push(args.join(" "));
 * try {
 *   await showFigure("timeline", figure);
 *   await showFigure(figure);
 * } finally {
 *   console.log = log;
 * }
 * assert.deepEqual(printed, inKernel ? [] : [figure.description, figure.description]);
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
 * table that may have no rows; `bounds`: the columns whose numbers are an interval's bounds,
 * shown rounded outward (rows made by `withBounds`, as the report's are, carry theirs).
 * @returns When the output has been sent (and the files written).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { showTable } from "#lib/mod.ts";
 * await showTable("demo", [{ case: "1", vas: 6.6 }], "A caption", { notes: ["One note."] });
 * // No name: shown only, nothing written.
 * await showTable([{ case: "1", vas: 6.6 }]);
 * // An object is not rows: the message says what is.
 * await assert.rejects(() => showTable({ case: "1" } as never), /expected rows \(an array of objects\), or a name and rows/);
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
 * @param options `notes`, `columns` and `bounds`, as without a name.
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
  if (named && typeof name === "object" && name !== null) {
    wrongArgument("showTable", "rows (an array of objects), or a name and rows", name);
  }
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
    rows.length ? textTable(rows, { bounds: options.bounds }) : "(no rows)",
    ...notes,
  ].join("\n");
  const html = htmlTable(rows, caption, {
    notes,
    columns: options.columns,
    bounds: options.bounds,
  });
  await emit({ "text/html": html, "text/plain": text }, text);
}
