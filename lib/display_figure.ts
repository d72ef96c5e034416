/**
 * Showing registered figures (records of `FIGURES`, `lib/plots/mod.ts`) in a notebook: every
 * record of a notebook's place, or one record placed by hand; each as the sentence saying why it
 * is not drawn, or the figure and its files under the stem its record gives. The notebooks and
 * the figure tests thus draw a figure from the same record.
 *
 * @module
 */
import { showFigure, showMarkdown } from "./display.ts";
import { wrongArgument } from "./wrong_argument.ts";
import {
  type AnyFigureDef,
  FIGURE_PLACE,
  type FigureDef,
  type FigureInputs,
  type FigureNeed,
  type PlaceInputs,
  placeInputs,
} from "./plots/record.ts";

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

/** Options of {@link showFiguresOf}. */
export interface ShowFiguresOptions {
  /** The records to pick from (default: the registry, `FIGURES` of `lib/plots/mod.ts`). */
  figures?: readonly AnyFigureDef[];
}

/**
 * Shows every registered figure whose record names this place (its `notebook`), in the
 * registry's order, each from every input the notebook gives it (see `placeInputs`: a case
 * notebook's case, the series, each pooled measure, each article), as {@link showFigureOf} does.
 * A notebook calls it once per place; a new figure whose record names the place then appears
 * there with no edit of the notebook. A place no record names shows nothing.
 *
 * @param place The notebook's file name without `.ipynb` (`"10-pooled"`, `"case"` for the case
 *   template), optionally `#section`, as the records write it.
 * @param inputs What the notebook draws figures from (`{ series }`, `{ case: c }`, ...).
 * @param options The records to pick from (default: every registered figure).
 * @returns When every figure of the place has been shown.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, showFiguresOf } from "#lib/mod.ts";
 * import { defineFigure, TRAJECTORIES } from "#lib/plots/mod.ts";
 * const series = await loadCaseSeries();
 * // Outside a kernel each figure prints its description.
 * const lines: string[] = [];
 * const log = console.log;
 * console.log = (line: string) => lines.push(line);
 * try {
 *   const here = defineFigure({ ...TRAJECTORIES, notebook: "my-notebook" });
 *   await showFiguresOf("my-notebook", { series }, { figures: [TRAJECTORIES, here] });
 *   await showFiguresOf("elsewhere", { series }, { figures: [here] });
 * } finally {
 *   console.log = log;
 * }
 * assert.equal(lines.length, 1, "only the record of the place, once");
 * ```
 */
export async function showFiguresOf(
  place: string,
  inputs: PlaceInputs,
  options: ShowFiguresOptions = {},
): Promise<void> {
  if (typeof place !== "string" || !FIGURE_PLACE.test(place)) {
    wrongArgument(
      "showFiguresOf",
      "a notebook's file name without .ipynb, optionally #section",
      place,
    );
  }
  if (inputs === null || typeof inputs !== "object") {
    wrongArgument("showFiguresOf", "the inputs ({ series }, { case: c }, ...)", inputs);
  }
  const figures = options.figures ?? (await import("./plots/mod.ts")).FIGURES;
  for (const def of figures.filter((d) => d.notebook === place) as FigureDef[]) {
    for (const input of placeInputs(def, inputs)) await showFigureOf(def, input);
  }
}
