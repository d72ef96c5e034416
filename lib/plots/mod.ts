/**
 * Figures: builders (data + options → {@link Figure}) and rendering (SVG, PNG, display bundle).
 * Kept apart from `lib/mod.ts` so that data and statistics load without a DOM or WebAssembly.
 *
 * @module
 */
export { type Figure, stack } from "./compose.ts";
export { caseTimelineFigure, type TimelineOptions } from "./timeline.ts";
export {
  forestFigure,
  type ForestRow,
  forestRows,
  responderCurveFigure,
  sensitivityFigure,
  trajectoriesFigure,
} from "./pooled.ts";
export { caseColor, DRUG_CLASS_COLORS, drugClassColor, THEME } from "./theme.ts";
export {
  type DisplayBundle,
  displayBundle,
  FONT_PATH,
  pngBytes,
  svgText,
  writeAtomic,
  writeFigure,
} from "./render.ts";
