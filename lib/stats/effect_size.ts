/**
 * The single entry point for AB effect sizes.
 *
 * @module
 */
import { ird, nap, pand, pem, pnd, tau, tauBC, tauU } from "./nonoverlap.ts";
import { lrm, lrr, pogo, smd } from "./parametric.ts";
import { wrongArgument } from "../args.ts";
import { checkOptions } from "../options.ts";
import { EFFECT_SIZE_HINT, effectSizeOptionsSchema } from "./options.ts";
import { type EffectSizeOptions, type EffectSizeResult, type Measure, MEASURES } from "./types.ts";

/**
 * Computes one SingleCaseES effect size of treatment values against baseline values. Fields that
 * the package would give as NA, NaN or ±Inf are `null`, with the `reason`.
 *
 * @example
 * ```ts
 * import { effectSize } from "./effect_size.ts";
 * const r = effectSize("NAP", [6.6, 3.3], [2.3, 0.6], { improvement: "decrease" });
 * [r.estimate, r.ciLower, r.ciUpper]; // [1, 1, 1] (informativeCi holds the other root)
 * ```
 */
export function effectSize(
  measure: Measure,
  baseline: readonly number[],
  treatment: readonly number[],
  options: EffectSizeOptions,
): EffectSizeResult {
  if (!MEASURES.includes(measure)) {
    wrongArgument("effectSize", `a measure (one of ${MEASURES.join(", ")})`, measure);
  }
  for (const [name, xs] of [["baseline", baseline], ["treatment", treatment]] as const) {
    if (!Array.isArray(xs) || xs.some((x) => typeof x !== "number")) {
      wrongArgument("effectSize", `${name} values as an array of numbers (NaN: missing)`, xs);
    }
  }
  checkOptions("effectSize", effectSizeOptionsSchema, options, EFFECT_SIZE_HINT);
  switch (measure) {
    case "NAP":
      return nap(baseline, treatment, options);
    case "Tau":
      return tau(baseline, treatment, options);
    case "TauU":
      return tauU(baseline, treatment, options);
    case "TauBC":
      return tauBC(baseline, treatment, options);
    case "PND":
      return pnd(baseline, treatment, options);
    case "PEM":
      return pem(baseline, treatment, options);
    case "PAND":
      return pand(baseline, treatment, options);
    case "IRD":
      return ird(baseline, treatment, options);
    case "LRRd":
    case "LRRi":
      return lrr(measure, baseline, treatment, options);
    case "SMD":
      return smd(baseline, treatment, options);
    case "LRM":
      return lrm(baseline, treatment, options);
    case "PoGO":
      return pogo(baseline, treatment, options);
  }
}
