/**
 * Tables and prose for the notebooks, one module per notebook family, as rows of plain values
 * and paragraphs: the dataset (`dataset.ts`), a case (`case.ts`, its course of pain `course.ts`,
 * its effect-size table `effect_sizes.ts`), the pooled comparisons (`pooled.ts`, its
 * line-of-therapy table `line_of_therapy.ts`), the claims ledger (`claims.ts`), the sensitivity
 * analyses (`sensitivity.ts`, its rounding table and paragraph `rounding.ts`) and the appraisal
 * (`appraisal.ts`); what several share is in `cells.ts`, when a point value of a case's course
 * is shown as a number in `point_value.ts`, the order tables list time points in
 * `listed_order.ts`, and the terms their tables explain once (A and B,
 * the effect sizes' names, Wald and Clopper–Pearson) in `glossary.ts`. Notebooks only call these
 * and display the result; no other module of the library imports them.
 *
 * @module
 */
export * from "./dataset.ts";
export * from "./case.ts";
export * from "./course.ts";
export * from "./effect_sizes.ts";
export * from "./glossary.ts";
export * from "./pooled.ts";
export * from "./line_of_therapy.ts";
export * from "./claims.ts";
export * from "./sensitivity.ts";
export * from "./rounding.ts";
export * from "./appraisal.ts";
export { exclusionNotes } from "./cells.ts";
export { listedOrder } from "./listed_order.ts";
export {
  type PointWithBounds,
  type ShownPoint,
  shownPoint,
  type ShownPointOptions,
  withheldNotes,
} from "./point_value.ts";
