/**
 * Long outputs shown whole in Jupyter Notebook 6: it squeezes a code cell's outputs into a scroll
 * box when they are taller than 100 lines (its `auto_scroll_threshold`, lines of 1.5 × the font
 * size, 21 px), unless the cell's metadata says `"scrolled": false` (nbformat 4 allows
 * `scrolled`: `true`, `false` or `"auto"`; JupyterLab reads it too). The executed notebook marks a
 * code cell so when its outputs, estimated from what the notebook holds (text lines, an image's
 * stated height), take 50 lines or more: half the threshold, as an HTML table's rows are taller
 * than the text lines of its plain-text form. The mark is recomputed at each execution: a
 * `"scrolled": false` the notebook holds is dropped first, as the runner cannot tell its own mark
 * of a previous run (the executed notebook is the next run's source) from one of the notebook's;
 * kept, it would outlive the long outputs it was for, and a notebook's output would depend on the
 * run before. A `scrolled` the runner never writes (`true`, `"auto"`) is the notebook's own, and
 * kept. (A `false` dropped from a cell with short outputs changes nothing shown: they are not
 * squeezed anyway.) The estimate reads only the outputs, so the mark is the same on any OS, and
 * the same in two runs.
 *
 * @module
 */
import type { Cell } from "./nbformat.ts";

/** Estimated lines at and over which a cell's outputs are shown unscrolled. */
export const LONG_OUTPUT_LINES = 50;

/** Notebook 6's line height in pixels (14 px font × 1.5). */
const LINE_PX = 21;

const text = (t: unknown) => [t ?? ""].flat().join("");
const lines = (t: unknown) => text(t).split("\n").filter((_, i, all) => i < all.length - 1 || _);

/**
 * The lines a code cell's outputs take, estimated: a stream's or an error's lines, an image's
 * stated height in lines, else the plain-text form's lines.
 *
 * @param cell the cell
 * @returns the estimate
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { outputLines } from "./scroll.ts";
 * const cell = { cell_type: "code", source: "", metadata: {}, outputs: [
 *   { output_type: "stream", name: "stdout", text: "a\nb\n" },
 *   { output_type: "display_data", data: { "image/png": "", "text/plain": "x" },
 *     metadata: { "image/png": { width: 600, height: 420 } } },
 * ] };
 * assert.equal(outputLines(cell), 2 + 20);
 * ```
 */
export function outputLines(cell: Cell): number {
  let n = 0;
  for (const out of cell.outputs ?? []) {
    if (out.output_type === "stream") n += lines(out.text).length;
    else if (out.output_type === "error") n += (out.traceback ?? []).length + 1;
    else {
      const height = Object.values(out.metadata ?? {})
        .map((m) => (m as { height?: unknown })?.height)
        .find((h): h is number => typeof h === "number");
      n += height !== undefined
        ? Math.ceil(height / LINE_PX)
        : lines(out.data?.["text/plain"]).length;
    }
  }
  return n;
}

/**
 * Marks a code cell whose outputs are long (see the module) `"scrolled": false`, and only those:
 * a `"scrolled": false` it holds is recomputed, a `scrolled` of `true` or `"auto"` kept.
 *
 * @param cell the cell (changed in place)
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { unscrollLong } from "./scroll.ts";
 * import type { Cell } from "./nbformat.ts";
 * const cell: Cell = { cell_type: "code", source: "", metadata: {}, outputs: [
 *   { output_type: "stream", name: "stdout", text: "row\n".repeat(60) },
 * ] };
 * unscrollLong(cell);
 * assert.equal(cell.metadata.scrolled, false);
 * // A previous run's mark, its outputs now short: dropped.
 * const short: Cell = { cell_type: "code", source: "", metadata: { scrolled: false }, outputs: [] };
 * unscrollLong(short);
 * assert.deepEqual(short.metadata, {});
 * ```
 */
export function unscrollLong(cell: Cell): void {
  if (cell.cell_type !== "code") return;
  if (cell.metadata.scrolled === false) delete cell.metadata.scrolled;
  if ("scrolled" in cell.metadata) return;
  if (outputLines(cell) >= LONG_OUTPUT_LINES) cell.metadata.scrolled = false;
}
