/**
 * The schemas of the figure builders' options objects, for `checkOptions`: each builder checks
 * its options first, so that a misspelt option (`align` for `alignOn`) or a value it does not
 * take (`baseline: "median"`) is reported by name, never ignored for a default.
 *
 * @module
 */
import { z } from "zod";

/**
 * A figure's width option (as `FigureWidth`): a print width's name, or px (checked by
 * `figureWidth`). A new builder's own options schema uses it for its `width`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { widthOption } from "#lib/plots/figure_options.ts";
 * assert.equal(widthOption.safeParse("column").success, true);
 * assert.equal(widthOption.safeParse("wide").success, false);
 * ```
 */
export const widthOption = z.union([z.enum(["full", "column"]), z.number()]);
const width = widthOption;

/** A drug's name. */
const drug = z.string().min(1);

/** Cases left out, each with why. */
const excluded = z.array(z.object({ caseId: z.string(), reason: z.string() })).readonly();

/** A study question (`loadStudy`): an object with its drug of interest. */
const study = z.custom<{ drug: string }>(
  (v) => typeof v === "object" && v !== null && typeof (v as { drug?: unknown }).drug === "string",
  { message: "must be the study question (series.study)" },
);

/** `TimelineOptions`: the drug the axis is aligned on (`null`: day 0), title, width. */
export const timelineOptionsSchema = z.object({
  alignOn: drug.nullable().optional(),
  title: z.string().optional(),
  width: width.optional(),
}).strict();

/** `SeriesTimelineOptions`: drug, title, width. */
export const seriesTimelineOptionsSchema = z.object({
  drug: drug.optional(),
  title: z.string().optional(),
  width: width.optional(),
}).strict();

/** `BeforeAfterOptions`: drug, width. */
export const beforeAfterOptionsSchema = z.object({
  drug: drug.optional(),
  width: width.optional(),
}).strict();

/** `TrajectoriesOptions`: drug, baseline definition, width. */
export const trajectoriesOptionsSchema = z.object({
  drug: drug.optional(),
  baseline: z.enum(["last", "max", "mean"]).optional(),
  width: width.optional(),
}).strict();

/** `ForestOptions`: a caption note, width. */
export const forestOptionsSchema = z.object({
  note: z.string().optional(),
  width: width.optional(),
}).strict();

/** `ResponderCurveOptions`: study, drug, confidence level, cases left out, width. */
export const responderCurveFigureOptionsSchema = z.object({
  study: study.optional(),
  drug: drug.optional(),
  confidence: z.number().gt(0).lt(1).optional(),
  excluded: excluded.optional(),
  width: width.optional(),
}).strict();

/** `SensitivityOptions`: what varies, title, width, cases left out. */
export const sensitivityOptionsSchema = z.object({
  varied: z.string().optional(),
  title: z.string().optional(),
  width: width.optional(),
  excluded: excluded.optional(),
}).strict();

/** `verdictFigure`'s options: title, width. */
export const verdictOptionsSchema = z.object({
  title: z.string().optional(),
  width: width.optional(),
}).strict();
