/**
 * The effect-size registry: one line per measure, in the order of the SingleCaseES
 * documentation, and the dispatcher from a measure's name to its function (as SingleCaseES
 * `calc_ES` dispatches to `calc_<ES>`). The measure names, their ranges and their plot scales are
 * read from here; a new measure is its file, `<measure>.ts` (its function and its record), and
 * one line in {@link EFFECT_SIZES}.
 *
 * @module
 */
import { nearestTerm } from "../../nearest.ts";
import { checkOptions } from "../../options.ts";
import { EFFECT_SIZE_HINT, effectSizeOptionsSchema } from "./option_schema.ts";
import { wrongArgument } from "../../wrong_argument.ts";
import type { EffectSizeOptions, EffectSizeResult } from "../types.ts";
import type { EffectSizeDef } from "./define.ts";
import { IRD_ES } from "./ird.ts";
import { LRM_ES } from "./lrm.ts";
import { LRRD_ES } from "./lrrd.ts";
import { LRRI_ES } from "./lrri.ts";
import { NAP_ES } from "./nap.ts";
import { PAND_ES } from "./pand.ts";
import { PEM_ES } from "./pem.ts";
import { PND_ES } from "./pnd.ts";
import { POGO_ES } from "./pogo.ts";
import { SMD_ES } from "./smd.ts";
import { TAU_ES } from "./tau.ts";
import { TAU_BC_ES } from "./tau_bc.ts";
import { TAU_U_ES } from "./tau_u.ts";

export type { EffectSizeDef, Family, PlotScale } from "./define.ts";

/**
 * Every effect size this project implements (the AB measures of SingleCaseES 0.7.4 but LOR, the
 * log odds ratio, which the package defines only for percentages and proportions: no pain scale
 * is one), each with its facts ({@link EffectSizeDef}), in the order of the SingleCaseES
 * documentation: the registry, one line per measure.
 */
export const EFFECT_SIZES = [
  NAP_ES,
  TAU_ES,
  TAU_U_ES,
  TAU_BC_ES,
  PND_ES,
  PEM_ES,
  PAND_ES,
  IRD_ES,
  LRRD_ES,
  LRRI_ES,
  SMD_ES,
  LRM_ES,
  POGO_ES,
] as const;
Object.freeze(EFFECT_SIZES);

/** The name of a registered effect size ("NAP", "TauBC", ...). */
export type Measure = (typeof EFFECT_SIZES)[number]["name"];

/** Every measure's name, in the registry's order. */
export const MEASURES: readonly Measure[] = Object.freeze(EFFECT_SIZES.map((d) => d.name));

/**
 * The range each bounded measure lives in (its record's `range`); unbounded measures are absent.
 * Aggregate intervals of these measures are truncated to it (see `aggregateEffectSizes`).
 */
export const MEASURE_RANGE: Readonly<Partial<Record<Measure, readonly [number, number]>>> = Object
  .freeze(
    Object.fromEntries(
      EFFECT_SIZES.flatMap((d) => (d.range ? [[d.name, d.range] as const] : [])),
    ),
  );

/**
 * The measures the pooled notebook aggregates across the cases (records with `pooled: true`), in
 * the registry's order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { EFFECT_SIZES, POOLED_MEASURES } from "#lib/mod.ts";
 * for (const m of POOLED_MEASURES) {
 *   assert.equal(EFFECT_SIZES.find((d) => d.name === m)?.pooled, true);
 * }
 * ```
 */
export const POOLED_MEASURES: readonly Measure[] = Object.freeze(
  EFFECT_SIZES.filter((d: EffectSizeDef) => d.pooled === true).map((d) => d.name),
);

/**
 * The pooled measures the pooled notebook also draws a forest plot of, or says why not (records
 * with `forest: true`, which have a standard error), in the registry's order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { effectSizeInfo, FOREST_MEASURES, POOLED_MEASURES } from "#lib/mod.ts";
 * for (const m of FOREST_MEASURES) {
 *   assert.ok(POOLED_MEASURES.includes(m) && effectSizeInfo(m).standardError, m);
 * }
 * ```
 */
export const FOREST_MEASURES: readonly Measure[] = Object.freeze(
  EFFECT_SIZES.filter((d: EffectSizeDef) => d.forest === true).map((d) => d.name),
);

const BY_NAME: ReadonlyMap<string, EffectSizeDef<Measure>> = new Map(
  EFFECT_SIZES.map((d) => [d.name, d as EffectSizeDef<Measure>]),
);

/**
 * The record of a measure, by name; an unknown name fails with the list of names.
 *
 * @param measure The measure's name.
 * @returns Its record.
 * @example
 * ```ts
 * import { effectSizeInfo } from "#lib/mod.ts";
 * const tauU = effectSizeInfo("TauU");
 * if (tauU.label !== "Tau-U" || tauU.range !== null) throw new Error("Tau-U has no fixed range");
 * // A misspelt name is refused with the nearest measure.
 * let message = "";
 * try {
 *   effectSizeInfo("NAPP");
 * } catch (e) {
 *   message = (e as Error).message;
 * }
 * if (!message.endsWith('Did you mean "NAP"?')) throw new Error(message);
 * ```
 */
export function effectSizeInfo(measure: string): EffectSizeDef<Measure> {
  const def = typeof measure === "string" ? BY_NAME.get(measure) : undefined;
  if (!def) {
    const near = typeof measure === "string" ? nearestTerm(measure, MEASURES) : null;
    const hint = near === null ? "" : `Did you mean "${near}"?`;
    wrongArgument("effectSize", `a measure (one of ${MEASURES.join(", ")})`, measure, hint);
  }
  return def;
}

/**
 * Computes one SingleCaseES effect size of treatment values against baseline values, through the
 * measure's record in the registry. Fields that the package would give as NA, NaN or ±Inf are
 * `null`, with the `reason`. It computes from any number of values, as SingleCaseES does: at one
 * value per phase NAP, PND, PEM and IRD are 1 or 0. The study's `min_points_per_phase` is not
 * applied here; `reportable` (lib/stats/reportable.ts) says whether a result may be shown as a
 * number at that many values, and the tables of the notebooks go through it.
 *
 * @param measure The measure's name (one of {@link MEASURES}; another name fails, listing them).
 * @param baseline Baseline (A) values; NaN marks a missing value.
 * @param treatment Treatment (B) values.
 * @param options The direction of improvement and the measure's options.
 * @returns The result.
 * @example
 * ```ts
 * import { effectSize } from "#lib/mod.ts";
 * const r = effectSize("NAP", [6.6, 3.3], [2.3, 0.6], { improvement: "decrease" });
 * // The package's interval is degenerate at NAP = 1; informativeCi holds the other root.
 * if ([r.estimate, r.ciLower, r.ciUpper].join() !== "1,1,1") throw new Error("NAP");
 * // A value that is not a number is named by its place.
 * try {
 *   effectSize("NAP", [6.6, "3.3" as never], [2.3], { improvement: "decrease" });
 *   throw new Error("not reached");
 * } catch (e) {
 *   const want = 'effectSize, baseline value 1: expected a number (NaN: missing), got the string "3.3"';
 *   if ((e as Error).message !== want) throw e;
 * }
 * ```
 */
export function effectSize<M extends Measure>(
  measure: M,
  baseline: readonly number[],
  treatment: readonly number[],
  options: EffectSizeOptions,
): EffectSizeResult<M> {
  const def = effectSizeInfo(measure);
  for (const [name, xs] of [["baseline", baseline], ["treatment", treatment]] as const) {
    if (!Array.isArray(xs)) {
      wrongArgument("effectSize", `${name} values as an array of numbers (NaN: missing)`, xs);
    }
    const bad = xs.findIndex((x) => typeof x !== "number");
    if (bad >= 0) {
      wrongArgument(`effectSize, ${name} value ${bad}`, "a number (NaN: missing)", xs[bad]);
    }
  }
  checkOptions("effectSize", effectSizeOptionsSchema, options, EFFECT_SIZE_HINT);
  return def.compute(baseline, treatment, options) as EffectSizeResult<M>;
}
