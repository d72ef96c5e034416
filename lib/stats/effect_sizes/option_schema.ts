/**
 * The schema of the effect sizes' options object (`EffectSizeOptions`), for {@link checkOptions}:
 * the keys `effectSize` accepts and the values each may take, so that a wrong one is reported
 * rather than silently replaced by a default.
 *
 * @module
 */
import { z } from "zod";

/** A confidence level, strictly between 0 and 1. */
const confidence = z.number().gt(0).lt(1);

/** `EffectSizeOptions`, named as in SingleCaseES; `improvement` is required. */
export const effectSizeOptionsSchema = z.object({
  improvement: z.enum(["decrease", "increase"]),
  confidence: confidence.optional(),
  seMethod: z.enum(["unbiased", "hanley", "null"]).optional(),
  scale: z.enum(["count", "rate", "proportion", "percentage", "other"]).optional(),
  intervals: z.number().gt(0).optional(),
  observationLength: z.number().gt(0).optional(),
  dConst: z.number().gt(0).optional(),
  biasCorrect: z.boolean().optional(),
  stdDev: z.enum(["baseline", "pool"]).optional(),
  deltaMethod: z.boolean().optional(),
  goal: z.number().optional(),
  kendall: z.boolean().optional(),
  pretestTrend: z.union([z.literal(false), z.number().gt(0).max(1)]).optional(),
}).strict();

/** Where `improvement` comes from, for the message when it is wrong or missing. */
export const EFFECT_SIZE_HINT: Readonly<Record<string, string>> = {
  improvement: "the study's direction: { improvement: c.study.improvement }",
};
