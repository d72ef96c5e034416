/**
 * Your own Observable Plot figure in a notebook cell: {@link plot} takes `Plot.plot`'s options,
 * draws the chart in the library's headless document (a kernel has no DOM, so a bare `Plot.plot`
 * fails with "Cannot read properties of undefined (reading 'documentElement')"), and returns a
 * {@link Figure} with the title and caption inside its SVG, as every figure of the project: shown
 * by `showFigure` (PNG + SVG + text, so it shows in an untrusted notebook too) or, as a cell's last
 * expression, by the kernel itself.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { wrongArgument } from "../args.ts";
import { type DataRow, type Figure, stack } from "./compose.ts";
import { document } from "./dom.ts";
import { type LegendItem, SWATCH_KINDS } from "./legend.ts";
import { type FigureWidth, figureWidth } from "./theme.ts";
import { nearestTerm } from "../nearest.ts";

/**
 * Every option {@link plot} takes: `Plot.plot`'s (its `PlotOptions` and scale defaults, in the
 * pinned Plot version) and the figure's own. A name outside it is a mistake (`titel`), which Plot
 * would ignore without a word.
 */
const PLOT_OPTIONS: ReadonlySet<string> = new Set([
  // The figure's own.
  ...["title", "subtitle", "caption", "description", "legend", "width"],
  // Plot.plot's PlotOptions (@observablehq/plot src/plot.d.ts).
  ...["height", "aspectRatio", "margin", "marginTop", "marginRight", "marginBottom"],
  ...["marginLeft", "style", "className", "figure", "ariaLabel", "ariaDescription"],
  ...["document", "clip", "x", "y", "r", "color", "opacity", "symbol", "length"],
  ...["projection", "fx", "fy", "facet", "marks"],
  // Its scale defaults (src/scales.d.ts ScaleDefaults), which apply to every scale.
  ...["inset", "insetTop", "insetRight", "insetBottom", "insetLeft", "round", "align"],
  ...["padding", "axis", "grid", "label", "labelArrow", "nice", "zero", "clamp"],
]);

/** Options of {@link plot}: `Plot.plot`'s, and a few of the figure around the chart. */
export interface PlotFigureOptions
  extends Omit<PlotOptions, "title" | "subtitle" | "caption" | "width"> {
  /**
   * The figure's width, as every builder of the project takes it: `"full"` (the default, a
   * journal page), `"column"`, or px (at least the column's width).
   */
  width?: FigureWidth;
  /** Title, bold, at the top of the figure. */
  title?: string;
  /** A line under the chart, before the caption. */
  subtitle?: string;
  /** The caption under the chart. */
  caption?: string;
  /** One sentence for text/plain (default: the title, else "A figure drawn with Observable Plot."). */
  description?: string;
  /** Legend entries drawn under the title (Plot's own legends are HTML: a PNG cannot show them). */
  legend?: readonly LegendItem[];
}

/** Observable Plot's own options (`Plot.plot`'s argument). */
export type PlotOptions = Plot.PlotOptions;

/** A cell of a figure's data from a value of a mark's datum. */
function cellOf(v: unknown): DataRow[string] {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString();
  return JSON.stringify(v) ?? String(v);
}

/**
 * Throws when a mark's channel names a field that none of its rows has (`x: "days"` over rows of
 * `day`), or one whose values are all objects (an interval `{ lo, nominal, hi }`): Plot would draw
 * nothing for it without a word, and the figure's data would list rows it did not draw. Only marks drawn from arrays of plain objects are checked, and only channels
 * given as a field name (a constant colour is no channel).
 */
function checkFields(marks: unknown): void {
  const list = Array.isArray(marks) ? marks.flat(Infinity) : [];
  list.forEach((m, i) => {
    const mark = m as { data?: unknown; channels?: Record<string, { value?: unknown }> } | null;
    const data = mark?.data;
    if (!Array.isArray(data) || data.length === 0 || !mark?.channels) return;
    if (!data.every((d) => typeof d === "object" && d !== null && !Array.isArray(d))) return;
    const kind = String((m as object).constructor?.name ?? "mark").toLowerCase();
    for (const [channel, { value }] of Object.entries(mark.channels)) {
      if (typeof value !== "string") continue;
      if (!data.some((d) => Object.hasOwn(d, value))) {
        const fields = [...new Set(data.flatMap((d) => Object.keys(d)))];
        throw new TypeError(
          `plot: mark ${i + 1} (${kind}): ${channel} names '${value}', a field no row has ` +
            `(fields: ${fields.join(", ")})`,
        );
      }
      const cells = data.map((d) => d[value]).filter((v) => v !== null && v !== undefined);
      const isObject = (v: unknown) => typeof v === "object" && !(v instanceof Date);
      if (cells.length > 0 && cells.every(isObject)) {
        const keys = Array.isArray(cells[0]) ? "an array" : `{${Object.keys(cells[0]).join(", ")}}`;
        throw new TypeError(
          `plot: mark ${i + 1} (${kind}): ${channel} names '${value}', whose values are objects ` +
            `(${keys}), not numbers, text or dates: Plot would draw nothing for them. Name a ` +
            `field of numbers, e.g. rows mapped to { ${value}: row.${value}.nominal }`,
        );
      }
    }
  });
}

/**
 * Throws when `legend` is not a list of entries `{ label: "…", swatch: { kind, color } }` with a
 * known kind of swatch (`SWATCH_KINDS`), naming the entry and what is wrong: drawing it would fail
 * deep inside, or draw nothing.
 */
function checkLegend(legend: unknown): void {
  if (legend === undefined) return;
  const shape = 'legend: [{ label: "…", swatch: { kind: "dot", color: "#…" } }]';
  if (!Array.isArray(legend)) {
    throw new TypeError(`plot: legend must be a list of entries (${shape}), got ${typeof legend}`);
  }
  legend.forEach((item, i) => {
    const entry = item as Partial<LegendItem> | null;
    const what = typeof entry !== "object" || entry === null
      ? "not an object"
      : typeof entry.label !== "string"
      ? "no label (text)"
      : typeof entry.swatch !== "object" || entry.swatch === null
      ? "no swatch"
      : !SWATCH_KINDS.includes(entry.swatch.kind)
      ? `swatch kind '${entry.swatch.kind}' is none of ${SWATCH_KINDS.join(", ")}` +
        (typeof entry.swatch.kind === "string"
          ? ((near) => near ? ` (did you mean '${near}'?)` : "")(
            nearestTerm(entry.swatch.kind, SWATCH_KINDS, 2),
          )
          : "")
      : entry.swatch.kind !== "glyph" &&
          typeof (entry.swatch as { color?: unknown }).color !== "string"
      ? "no swatch colour (color)"
      : null;
    if (what) throw new TypeError(`plot: legend entry ${i + 1}: ${what}; an entry is ${shape}`);
  });
}

/**
 * The figure's source data: the rows of every mark whose data is an array of plain objects, each
 * with `mark` (the mark's position in `marks`, from 1, and its kind: "1 dot") before its own
 * fields. A mark drawn from numbers or from a function's output gives no rows.
 */
function marksData(marks: unknown): DataRow[] {
  const rows: DataRow[] = [];
  const list = Array.isArray(marks) ? marks.flat(Infinity) : [];
  list.forEach((m, i) => {
    const data = (m as { data?: unknown } | null)?.data;
    if (!Array.isArray(data)) return;
    const kind = String((m as object).constructor?.name ?? "mark").toLowerCase();
    for (const d of data) {
      if (typeof d !== "object" || d === null || Object.getPrototypeOf(d) !== Object.prototype) {
        continue;
      }
      const row: DataRow = { mark: `${i + 1} ${kind}` };
      for (const [k, v] of Object.entries(d)) if (k !== "mark") row[k] = cellOf(v);
      rows.push(row);
    }
  });
  return rows;
}

/**
 * Draws an Observable Plot chart as a figure of the project: `Plot.plot(options)` in the
 * library's headless document, at the full print width unless `width` is given, with the title,
 * subtitle, caption and legend drawn into the SVG (so the PNG shows them). Its `data` (the CSV
 * `showFigure` writes beside it) are the rows of the marks drawn from arrays of plain objects,
 * each with `mark` ("1 dot": its place in `marks` and its kind). The figure displays
 * itself when it is a cell's last expression (PNG at its size, SVG, the description); with
 * `await showFigure(fig)` it shows as every figure does.
 *
 * @param options `Plot.plot`'s options (marks, scales, height…), `width` as a figure width
 *   (`"full"`, `"column"` or px) and `title`, `subtitle`, `caption`, `description`, `legend`.
 * @returns The figure.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import * as Plot from "@observablehq/plot";
 * import { plot } from "#lib/plots/mod.ts";
 * const fig = plot({
 *   title: "Two points",
 *   marks: [Plot.dot([{ day: 0, vas: 6.6 }, { day: 14, vas: 2.3 }], { x: "day", y: "vas" })],
 * });
 * assert.equal(fig.description, "Two points");
 * assert.equal(fig.svg.querySelectorAll("circle").length, 2);
 * assert.deepEqual(fig.data[0], { mark: "1 dot", day: 0, vas: 6.6 });
 * // A field no row has is an error, not an empty chart.
 * assert.throws(
 *   () => plot({ marks: [Plot.dot([{ day: 0, vas: 6.6 }], { x: "days", y: "vas" })] }),
 *   /mark 1 \(dot\): x names 'days', a field no row has \(fields: day, vas\)/,
 * );
 * // So is a field of intervals (a case's days and values are { lo, nominal, hi }).
 * const day = { lo: 0, nominal: 3, hi: 6 };
 * assert.throws(
 *   () => plot({ marks: [Plot.dot([{ day, vas: 6.6 }], { x: "day", y: "vas" })] }),
 *   /x names 'day', whose values are objects \(\{lo, nominal, hi\}\)/,
 * );
 * // A misspelt option is an error, not a figure without its title.
 * assert.throws(() => plot({ titel: "Two points" } as never), /unknown option 'titel'; did you mean 'title'\?/);
 * ```
 */
export function plot(options: PlotFigureOptions): Figure {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    wrongArgument("plot", "Plot.plot's options ({ marks: [...], … })", options);
  }
  for (const key of Object.keys(options)) {
    if (PLOT_OPTIONS.has(key)) continue;
    // At most two edits away: a swap of two letters (`titel`) is two.
    const near = nearestTerm(key, PLOT_OPTIONS, 2);
    throw new TypeError(
      `plot: unknown option '${key}'` + (near === null ? "" : `; did you mean '${near}'?`) +
        " (Plot.plot's options and title, subtitle, caption, description, legend; " +
        'lib.help("plot"))',
    );
  }
  const { title, subtitle, caption, description, legend, ...rest } = options;
  checkLegend(legend);
  checkFields(rest.marks);
  let width: number;
  try {
    width = figureWidth(rest.width ?? "full");
  } catch (e) {
    if (e instanceof RangeError) throw new RangeError(`plot: ${e.message}`);
    throw e instanceof TypeError ? new TypeError(`plot: ${e.message}`) : e;
  }
  const chart = Plot.plot({ ...rest, width, document }) as unknown as Element;
  if (chart.tagName.toLowerCase() !== "svg") {
    throw new TypeError(
      "plot: Plot drew an HTML legend (e.g. color: { legend: true }), which a PNG cannot show; " +
        'pass legend: [{ label: "…", swatch: { kind: "dot", color: "#…" } }] instead',
    );
  }
  const figure = stack([chart], {
    title: title ?? "",
    description: description ?? title ?? "A figure drawn with Observable Plot.",
    legend,
    notes: subtitle ? [subtitle] : [],
    caption,
    width,
    data: marksData(rest.marks),
  });
  // Shown by the kernel as its image (stack gives every figure the display method).
  return figure;
}
