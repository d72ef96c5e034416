/**
 * The study question, defined once: which drug is analysed, for which indication, which direction
 * of the pain scale is improvement, which baseline is the default and which thresholds make a
 * responder. Every analysis takes these as defaults and nothing else in `lib/` names them, so
 * re-using the project for another drug or outcome is a change to this file alone.
 *
 * @module
 */

/** Responder thresholds: a percent reduction, or a reduction in scale points (cm of VAS). */
export type ResponderThreshold = { kind: "percent"; value: number } | {
  kind: "points";
  value: number;
};

/** How the baseline before the drug is defined: last value, maximum, or mean of the values. */
export type BaselineDefinition = "last" | "max" | "mean";

/** The question the analyses answer (see {@link STUDY}). */
export interface Study {
  /** The drug of interest (generic name, as in `treatments.csv`): its first start is day 0. */
  drug: string;
  /** The `purpose` of treatments given for the condition studied (others are co-medication). */
  indication: string;
  /** Direction of improvement on the pain scale. */
  improvement: "decrease" | "increase";
  /** The best possible value of the scale (for PoGO). */
  goal: number;
  /** Default baseline definition. */
  baseline: BaselineDefinition;
  /** Responder thresholds (IMMPACT: Dworkin et al., J Pain 2008;9:105–121). */
  thresholds: readonly ResponderThreshold[];
  /** The outcome scale: name, unit and range. */
  scale: { name: string; unit: string; min: number; max: number };
}

/**
 * The study question of this compendium: phantom limb pain on a 10 cm VAS after milnacipran.
 *
 * @example
 * ```ts
 * import { STUDY } from "./study.ts";
 * STUDY.thresholds.map((t) => t.value); // [30, 50, 2]
 * ```
 */
export const STUDY: Readonly<Study> = Object.freeze({
  drug: "milnacipran",
  indication: "phantom limb pain",
  improvement: "decrease",
  goal: 0,
  baseline: "last",
  thresholds: Object.freeze(
    [
      { kind: "percent", value: 30 },
      { kind: "percent", value: 50 },
      { kind: "points", value: 2 },
    ] as const,
  ),
  scale: Object.freeze({ name: "VAS", unit: "cm", min: 0, max: 10 }),
});

/**
 * The percent thresholds of the study (those of {@link STUDY}`.thresholds` in percent), in order.
 *
 * @example
 * ```ts
 * import { PERCENT_THRESHOLDS } from "./study.ts";
 * PERCENT_THRESHOLDS; // [30, 50]
 * ```
 */
export const PERCENT_THRESHOLDS: readonly number[] = Object.freeze(
  STUDY.thresholds.filter((t) => t.kind === "percent").map((t) => t.value),
);
