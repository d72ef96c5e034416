/**
 * Showing a registered figure (a record of `FIGURES`, `lib/plots/mod.ts`) in a notebook: the
 * sentence saying why it is not drawn, or the figure and its files under the stem its record
 * gives. The notebooks and the figure tests thus draw a figure from the same record.
 *
 * @module
 */
import { showFigure, showMarkdown } from "./display.ts";
import type { FigureDef, FigureInputs, FigureNeed } from "./plots/record.ts";

/**
 * Shows the figure a record draws from `input`: when the record says it is not drawn from it (its
 * `omission`, e.g. too few cases for the study's `min_cases_*`), the sentence why, as Markdown;
 * otherwise the figure, written under the reproduce command to `figures/<stem>.svg`, `.png` and
 * `.csv` with the stem its `file` gives (see `showFigure`). Returns nothing, so that it shows
 * nothing more as a cell's last statement; `def.omission(input)` says whether it was drawn.
 *
 * @param def The figure's record (e.g. `FIGURE_1` from `lib/plots/mod.ts`).
 * @param input What it is drawn from (see `FigureInputs`: a case, a series, …).
 * @returns When the sentence or the figure has been shown (and its files written).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, showFigureOf } from "#lib/mod.ts";
 * import { FOREST, TRAJECTORIES } from "#lib/plots/mod.ts";
 * const series = await loadCaseSeries();
 * // Outside a kernel each prints its sentence (the figure's description, or why it is not drawn).
 * assert.equal(await showFigureOf(TRAJECTORIES, series), undefined);
 * const input = { ...series, measure: "NAP" as const };
 * const why = FOREST.omission(input); // a sentence when too few cases are estimable, else null
 * assert.ok(why === null || why.startsWith("No forest plot of NAP"));
 * await showFigureOf(FOREST, input);
 * ```
 */
export async function showFigureOf<N extends FigureNeed>(
  def: FigureDef<N>,
  input: FigureInputs[N],
): Promise<void> {
  const why = def.omission(input);
  if (why !== null) await showMarkdown(why);
  else await showFigure(def.file(input), def.build(input));
}
