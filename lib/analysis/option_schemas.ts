/**
 * The schemas of the case analyses' options objects, for {@link checkOptions}: each lists the keys a
 * function accepts and the values each may take, so that a wrong one is reported rather than
 * silently replaced by a default.
 *
 * @module
 */
import { z } from "zod";

/** The baseline definitions (as `BaselineDefinition`). */
const baselineDefinition = z.enum(["last", "max", "mean"]);
/** Where in its interval a value is read (as `ExtractionBound`). */
const bound = z.enum(["nominal", "best", "worst"]);
/** A confidence level, strictly between 0 and 1. */
const confidence = z.number().gt(0).lt(1);

const changeShape = {
  drug: z.string().min(1).optional(),
  baseline: baselineDefinition.optional(),
};

/** `ChangeOptions`: drug and baseline definition (defaults: the case's study). */
export const changeOptionsSchema = z.object(changeShape).strict();

/** `responders` options: change options, thresholds and confidence level. */
export const respondersOptionsSchema = z.object({
  ...changeShape,
  thresholds: z.array(
    z.object({ kind: z.enum(["percent", "points"]), value: z.number().gt(0) }).strict(),
  ).optional(),
  confidence: confidence.optional(),
}).strict();

/** `responderCurve` options: change options, step and confidence level. */
export const responderCurveOptionsSchema = z.object({
  ...changeShape,
  step: z.number().gt(0).optional(),
  confidence: confidence.optional(),
}).strict();

/** `PairedOptions`: change options, timing and bound. */
export const pairedOptionsSchema = z.object({
  ...changeShape,
  timing: z.enum(["first", "last"]).optional(),
  bound: bound.optional(),
}).strict();

/** `pairedTests` options: as {@link pairedOptionsSchema}, without the timing (it runs both). */
export const pairedTestsOptionsSchema = pairedOptionsSchema.omit({ timing: true });

/** `permutationTest` options. */
export const permutationOptionsSchema = z.object({
  // Enumeration uses 32-bit masks: at most 30 pairs (2^30 assignments) are enumerated.
  maxExact: z.number().int().min(0).max(30).optional(),
  draws: z.number().int().gt(0).optional(),
  seed: z.number().int().optional(),
}).strict();

/** `phases` options: drug and bound. */
export const phasesOptionsSchema = z.object({
  drug: z.string().min(1).optional(),
  bound: bound.optional(),
}).strict();

/** `linesOfTherapy` options: drug and indication. */
export const linesOptionsSchema = z.object({
  drug: z.string().min(1).optional(),
  indication: z.string().min(1).optional(),
}).strict();

/** `caseEffectSizes`' `extra`: drug, bound and weighting. */
export const caseEffectSizesExtraSchema = z.object({
  drug: z.string().min(1).optional(),
  bound: bound.optional(),
  weighting: z.enum(["equal", "1/V", "nA", "nB", "nA*nB", "1/nA+1/nB"]).optional(),
  minPoints: z.number().int().min(1).optional(),
}).strict();
