/**
 * Figures: builders (computed data + options → {@link Figure}), their registry ({@link FIGURES}:
 * one record per figure, which the notebooks and the figure tests read) and rendering (SVG, PNG,
 * display bundle). Kept apart from `lib/mod.ts` so that data and statistics load without a DOM or
 * WebAssembly.
 *
 * @module
 */
import { CASE_TIMELINE, CASE_TIMELINE_DAY0 } from "./timeline.ts";
import { FIGURE_1 } from "./figure1.ts";
import { BEFORE_AFTER } from "./slopegraph.ts";
import { TRAJECTORIES } from "./trajectories.ts";
import { RESPONDER_CURVE } from "./responder.ts";
import { FOREST } from "./forest.ts";
import { SENSITIVITY, SENSITIVITY_READINGS } from "./sensitivity.ts";
import { VERDICTS } from "./verdicts.ts";
import type { AnyFigureDef } from "./record.ts";

export { type DataRow, type Figure, stack, type StackOptions } from "./compose.ts";
export { plot, type PlotFigureOptions, type PlotOptions } from "./plot.ts";
export { document } from "./dom.ts";
export {
  CASE_TIMELINE,
  CASE_TIMELINE_DAY0,
  caseTimelineFigure,
  type TimelineOptions,
} from "./timeline.ts";
export { FIGURE_1, seriesTimelineFigure, type SeriesTimelineOptions } from "./figure1.ts";
export { BEFORE_AFTER, beforeAfterFigure, type BeforeAfterOptions } from "./slopegraph.ts";
export {
  VERDICT_STYLES,
  verdictFigure,
  type VerdictItem,
  verdictItems,
  VERDICTS,
  type VerdictStyle,
} from "./verdicts.ts";
export { TRAJECTORIES, trajectoriesFigure, type TrajectoriesOptions } from "./trajectories.ts";
export {
  FOREST,
  forestFigure,
  forestOmission,
  type ForestOptions,
  type ForestRow,
  forestRows,
  forestTable,
  MEASURE_SCALES,
  type MeasureScale,
} from "./forest.ts";
export {
  RESPONDER_BAND_MAX_N,
  RESPONDER_CURVE,
  responderCurveFigure,
  type ResponderCurveInput,
  responderCurveOmission,
  type ResponderCurveOptions,
} from "./responder.ts";
export {
  SENSITIVITY,
  SENSITIVITY_READINGS,
  sensitivityFigure,
  sensitivityOmission,
  type SensitivityOptions,
} from "./sensitivity.ts";
export { type SensitivityInterval, sensitivityIntervals } from "./sensitivity_rows.ts";
export { type GlyphDisc, type LegendItem, type Swatch } from "./legend.ts";
export { noCaseDrawn } from "./omission.ts";
export { FONT_FAMILY, FONT_PATHS, type FontWeight, measureText, type TextExtent } from "./fonts.ts";
export {
  CASE_COLORS,
  caseColor,
  type ClassColor,
  classLegend,
  DRUG_CLASS_COLORS,
  drugClassColors,
  FALLBACK_COLORS,
  type FigureWidth,
  figureWidth,
  PRINT_WIDTH,
  THEME,
  TYPE,
} from "./theme.ts";
export {
  type DisplayBundle,
  displayBundle,
  type DisplayMetadata,
  displayMetadata,
  FONT_PATH,
  PNG_DPI,
  PNG_SCALE,
  pngBytes,
  svgText,
  writeAtomic,
} from "./render.ts";
export {
  type AnyFigureDef,
  defineFigure,
  FIGURE_PLACE,
  type FigureDef,
  type FigureDefOptions,
  type FigureInputs,
  type FigureNeed,
  type FigureSpec,
  PLACE_INPUT,
  type PlaceInputs,
  placeInputs,
  type SeriesInput,
} from "./record.ts";

/**
 * The registry of figures: every figure the notebooks draw, one record a line (its name, what it
 * shows, what it needs, when it is not drawn, its files' stem, how it is built; see
 * {@link FigureDef}). A record that names its notebook (`notebook`) is shown there by
 * `showFiguresOf(place, inputs)`, in this order; the others are placed by hand with
 * `showFigureOf(record, input)`. The figure tests draw every record on every input they have, at
 * both widths. A new figure is its builder module (builder and record) and its line here.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { FIGURES } from "#lib/plots/mod.ts";
 * assert.equal(new Set(FIGURES.map((f) => f.name)).size, FIGURES.length, "unique names");
 * ```
 */
export const FIGURES: readonly AnyFigureDef[] = Object.freeze([
  CASE_TIMELINE,
  CASE_TIMELINE_DAY0,
  FIGURE_1,
  BEFORE_AFTER,
  TRAJECTORIES,
  RESPONDER_CURVE,
  FOREST,
  SENSITIVITY,
  SENSITIVITY_READINGS,
  VERDICTS,
]);
