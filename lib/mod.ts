/**
 * The shared library of the re-analysis of the case reports in `data/`: every notebook imports this.
 *
 * Layers, lowest first (a layer imports only those before it; `tests/layers_test.ts` holds the
 * list and checks it): base helpers → statistics on numbers (`stats/`) → the model and its data
 * (types, intervals, loader, timeline) → analyses of cases (`analysis/`) → claims → appraisal →
 * figures (`plots/`) → display → tables and prose per notebook (`report/`) → this front door.
 *
 * @module
 */
export { normalizeSourceText, quoteStatesValue, statedNumbers } from "./source.ts";
export { PINNED_DENO, warnOnOtherDeno } from "./runtime.ts";
export * from "./intervals.ts";
export * from "./schema.ts";
export { type DataIssue, DataValidationError, formatIssue } from "./errors.ts";
export {
  type Case,
  type CaseEvent,
  type CaseSeries,
  type CellValue,
  type Columns,
  compareDays,
  type Day,
  type Dose,
  type Observation,
  type ObservationSpan,
  type Source,
  type Timepoint,
  type Treatment,
} from "./model.ts";
export {
  DATA_DIR_VARIABLE,
  dataFolder,
  DEFAULT_DATA_DIR,
  loadCaseSeries,
  type LoadOptions,
  STUDY_FILE,
} from "./load.ts";
export {
  type StreamedCase,
  type StreamedObservations,
  streamObservations,
  type StreamOptions,
} from "./data/stream.ts";
export * from "./dose.ts";
export {
  type BaselineDefinition,
  painOptions,
  parseStudy,
  percentThresholds,
  pointsThreshold,
  type ResponderThreshold,
  type Study,
  type StudyJson,
} from "./study.ts";
export * from "./scales.ts";
export { caseNotes, type CaseSummary, caseSummary, type DatedValue } from "./summary.ts";
export * from "./timeline.ts";
export * from "./period_value.ts";
export * from "./given.ts";
export * from "./value_noun.ts";
export * from "./time_words.ts";
export * from "./time_rule_words.ts";
export * from "./stats/types.ts";
export {
  EFFECT_SIZES,
  effectSize,
  type EffectSizeDef,
  effectSizeInfo,
  type Family,
  FOREST_MEASURES,
  type Measure,
  MEASURE_RANGE,
  MEASURES,
  type PlotScale,
  POOLED_MEASURES,
} from "./stats/effect_sizes/mod.ts";
export {
  type CaseChange,
  caseChange,
  type ChangeOptions,
  type ChangePoint,
  type ImmpactClass,
  immpactClass,
  percentReduction,
  reaches,
  reliefAtBound,
  type TimeToRelief,
  timeToRelief,
} from "./analysis/change.ts";
export { type AreaUnderCurve, areaUnderCurve } from "./analysis/course.ts";
export {
  type StartAfterValue,
  startAfterValue,
  type StartKind,
  type StartWords,
  startWords,
} from "./analysis/peak_start.ts";
export { type PeriodRate, periodRates, type RateInterval } from "./analysis/period_rates.ts";
export {
  leastSquaresSlopeBounds,
  MAX_SLOPE_VALUES,
  type SlopeBoundsResult,
} from "./analysis/slope_bounds.ts";
export * from "./analysis/pooled.ts";
export { reportable } from "./stats/reportable.ts";
export {
  type NamedSeries,
  type Rounding,
  sensitivityExclusions,
  sensitivityRange,
  type SensitivityRow,
  sensitivityTable,
} from "./analysis/sensitivity.ts";
export { type SensitivitySpan, sensitivitySpans } from "./analysis/sensitivity_spans.ts";
export {
  type RoundingGap,
  roundingGaps,
  roundingRobustness,
  type RoundingValues,
  type RoundingVerdict,
} from "./analysis/sensitivity_rounding.ts";
export { baselineDependence } from "./analysis/baselines.ts";
export {
  roundedValue,
  roundingHalfUnit,
  type RoundingKind,
  roundingKind,
  withRounding,
} from "./rounding.ts";
export { formatStated, statedDecimals } from "./stated_digits.ts";
export {
  type AnalysisVariant,
  analysisVariants,
  isFullGrid,
  loadReadings,
  loadWithReadings,
  MAX_GRID_VARIANTS,
  type Reading,
  readingProblems,
  type ReadingRow,
  readingSets,
  readingsTable,
} from "./readings.ts";
export {
  type Conclusion,
  conclusionRobustness,
  headlineConclusions,
  type HeadlineOptions,
  type Robustness,
} from "./claims/robustness.ts";
export {
  csvTable,
  htmlTable,
  markdownHtml,
  type Row,
  showFigure,
  showMarkdown,
  showTable,
  type TableOptions,
  textTable,
  withBounds,
} from "./display.ts";
export { showFigureOf, showFiguresOf, type ShowFiguresOptions } from "./display_figure.ts";
export { isSafeImage, isSafeLink, markdownText } from "./markdown.ts";
export { casePainText, getCase, scaleMix, studyOf, valueScale } from "./cases.ts";
export { FRAME_ROWS_SHOWN, type Frames, frames } from "./frames.ts";
export { help, helpText } from "./help.ts";
export { type Feature, visualAnalysis } from "./analysis/visual.ts";
export {
  articlesWithoutClaims,
  type ClaimData,
  claimNumber,
  type ClaimResult,
  claimsLedger,
  recordedClaims,
  type Verdict,
  VERDICTS,
} from "./claims/mod.ts";
export {
  type ClaimRule,
  isRuleName,
  parseRule,
  type RuleName,
  type RuleParams,
  RULES,
} from "./claims/params.ts";
export {
  NO_PAIN_BAND,
  RELIEF_THRESHOLDS,
  type ReliefKind,
  reliefProblems,
  type ReliefThresholds,
  reliefWords,
  ruleThresholds,
} from "./claims/relief.ts";
export {
  aboveOnScale,
  atMostOnScale,
  fromCommon,
  hasScaleThreshold,
  onScaleText,
  type ScaleValue,
  thresholdUnitProblem,
} from "./claims/thresholds.ts";
export { type Appraisal, type ArticleRecords, type Articles, type Checklist } from "./articles.ts";
export {
  DESIGN_WORDS,
  type DesignFeature,
  type DesignMentions,
  designMentions,
  mentionOf,
} from "./design_words.ts";
export {
  type Evidence,
  type LabelledDose,
  type NaturalHistoryFigure,
  type Population,
  populationWord,
} from "./reference.ts";
export {
  articleTables,
  COMPUTED_BASES,
  ITEM_VERDICTS,
  referenceTables,
} from "./articles_schema.ts";
export * from "./report/mod.ts";
export * from "./appraisal/mod.ts";
export * from "./appraisal/naranjo.ts";
export * from "./appraisal/naranjo_scale.ts";
export * from "./appraisal/doses.ts";
export * from "./appraisal/natural_history.ts";
export * from "./appraisal/regression.ts";
export * from "./appraisal/conclusion.ts";
export { listing, noChangeNotes, plural, unbracketed } from "./prose.ts";
