/**
 * Figures: builders (computed data + options → {@link Figure}) and rendering (SVG, PNG, display
 * bundle). Kept apart from `lib/mod.ts` so that data and statistics load without a DOM or
 * WebAssembly.
 *
 * @module
 */
export { type DataRow, type Figure, stack, type StackOptions } from "./compose.ts";
export { plot, type PlotFigureOptions, type PlotOptions } from "./plot.ts";
export { document } from "./dom.ts";
export { caseTimelineFigure, type TimelineOptions } from "./timeline.ts";
export { seriesTimelineFigure, type SeriesTimelineOptions } from "./figure1.ts";
export { beforeAfterFigure, type BeforeAfterOptions } from "./slopegraph.ts";
export {
  VERDICT_STYLES,
  verdictFigure,
  type VerdictItem,
  verdictItems,
  type VerdictStyle,
} from "./verdicts.ts";
export { trajectoriesFigure, type TrajectoriesOptions } from "./trajectories.ts";
export {
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
  responderCurveFigure,
  type ResponderCurveInput,
  responderCurveOmission,
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
