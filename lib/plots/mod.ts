/**
 * Figures: builders (computed data + options → {@link Figure}) and rendering (SVG, PNG, display
 * bundle). Kept apart from `lib/mod.ts` so that data and statistics load without a DOM or
 * WebAssembly.
 *
 * @module
 */
export { type DataRow, type Figure, stack, type StackOptions } from "./compose.ts";
export { caseTimelineFigure, type TimelineOptions } from "./timeline.ts";
export { trajectoriesFigure, type TrajectoriesOptions } from "./trajectories.ts";
export {
  forestFigure,
  type ForestOptions,
  type ForestRow,
  forestRows,
  MEASURE_SCALES,
  type MeasureScale,
} from "./forest.ts";
export {
  RESPONDER_BAND_MAX_N,
  responderCurveFigure,
  type ResponderCurveInput,
  type ResponderCurveOptions,
} from "./responder.ts";
export {
  sensitivityFigure,
  type SensitivityInterval,
  sensitivityIntervals,
  type SensitivityOptions,
} from "./sensitivity.ts";
export { type LegendItem, type Swatch } from "./legend.ts";
export { FONT_FAMILY, FONT_PATHS, type FontWeight, measureText, type TextExtent } from "./fonts.ts";
export {
  caseColor,
  type ClassColor,
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
  pngBytes,
  svgText,
  writeAtomic,
} from "./render.ts";
