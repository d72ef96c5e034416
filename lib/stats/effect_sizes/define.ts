/**
 * What the registry knows about an effect size: one record per measure, declared in the
 * measure's own file (`lib/stats/effect_sizes/<measure>.ts`) and listed once in `mod.ts`. The
 * dispatcher (`effectSize`), the measure names, the ranges the aggregation truncates to and the
 * forest plot's axes are all read from these records.
 *
 * @module
 */
import type { EffectSizeOptions, EffectSizeResult } from "../types.ts";

/** The family of a measure, as SingleCaseES groups them (`R/<family>-measures.R`). */
export type Family = "non-overlap" | "parametric";

/** How the forest plot draws a measure (its axis spans the measure's `range` when there is one). */
export interface PlotScale {
  /**
   * The axis: linear in the estimate. Every measure here is drawn linearly, the log ratios
   * (LRRd, LRRi, LRM) included: their estimates are already logarithms, drawn around 0. A
   * measure reported as a plain ratio would need a log axis, which the forest plot does not draw.
   */
  axis: "linear";
  /**
   * The estimate meaning no effect, marked by a reference line, or `null` where none is fixed
   * (PND and PAND: chance levels that depend on the phase lengths).
   */
  noEffect: number | null;
}

/**
 * The facts of one effect size.
 *
 * @typeParam N The measure's name (a string literal, so the registry's names form a union).
 */
export interface EffectSizeDef<N extends string = string> {
  /** The name `effectSize` dispatches on: SingleCaseES's `ES` name without separators ("TauBC"). */
  name: N;
  /** The name as prose writes it ("Tau-BC"). */
  label: string;
  /**
   * What the abbreviation stands for, and what it measures, in one line for a glossary
   * ("non-overlap of all pairs: the share of before–after pairs in which the later value is
   * better").
   */
  fullName: string;
  /** Non-overlap or parametric. */
  family: Family;
  /**
   * The SingleCaseES function it reproduces (e.g. "calc_NAP"), or `null` for a measure
   * SingleCaseES lacks (its test then checks it against the paper that defines it alone).
   */
  singleCaseES: string | null;
  /** The paper that defines it, as SingleCaseES cites it. */
  reference: string;
  /**
   * Computes the measure of treatment values against baseline values (non-finite values are
   * dropped); undefined fields are `null` with a `reason`.
   */
  compute: (
    baseline: readonly number[],
    treatment: readonly number[],
    options: EffectSizeOptions,
  ) => EffectSizeResult<N>;
  /**
   * The interval every estimate lies in by definition, whatever the data, or `null` when the
   * measure is unbounded or its bounds depend on the phase lengths (Tau-U). Aggregate intervals
   * are truncated to it and the forest plot's axis spans it.
   */
  range: readonly [number, number] | null;
  /**
   * A narrower range the estimate can take under some options, on values of a bounded metric
   * (`metric`: its least and greatest values), or `undefined` when `range` applies. PoGO cannot
   * exceed 100 when its goal lies at an end of the metric (no value can pass the goal), though
   * its Wald interval can. Left out: `range` always applies.
   */
  attainable?: (
    options: EffectSizeOptions,
    metric: { min: number; max: number },
  ) => readonly [number, number] | undefined;
  /** How the forest plot draws it. */
  plot: PlotScale;
  /**
   * Whether a larger estimate means more improvement. The measures orient themselves by
   * `improvement` (so for pain, a decrease, a larger NAP is better), except the log response
   * ratios, whose name fixes the sign: LRRd < 0 means improvement (false), LRRi > 0 (true).
   */
  largerIsBetter: boolean;
  /**
   * Whether SingleCaseES gives a standard error and confidence interval. Without one a case is
   * left out of the aggregate's "1/V" weighting and the aggregate has no interval.
   */
  standardError: boolean;
  /**
   * Whether the estimate depends on the time order of the values (Tau-U and Tau-BC correct for
   * the baseline's trend). Left out: it does not, which the property tests check by shuffling
   * the baseline.
   */
  usesTimeOrder?: boolean;
  /**
   * Whether the pooled notebook aggregates it across the cases (a table under each weighting
   * scheme; `POOLED_MEASURES`). Left out: it does not (each case's table still shows it).
   */
  pooled?: boolean;
  /**
   * Whether the pooled notebook also draws its forest plot, or says why not (`FOREST_MEASURES`).
   * Needs `pooled` and `standardError` (without a standard error no case has the interval a forest
   * plot draws): {@link defineEffectSize} refuses a record that sets it without them.
   */
  forest?: boolean;
}

/**
 * Declares a measure's record, keeping its name as a literal type (so `Measure`, the union of
 * the registry's names, follows from the registry) and freezing it. A record asking for a forest
 * plot without being pooled or without a standard error is refused, and so is a name that is not
 * letters and digits (it names results files).
 *
 * @param def The measure's facts.
 * @returns The same record, frozen.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { defineEffectSize } from "#lib/stats/effect_sizes/define.ts";
 * import { result } from "#lib/stats/effect_sizes/result.ts";
 * const half = defineEffectSize({
 *   name: "Half",
 *   label: "Half",
 *   fullName: "half: half the treatment mean",
 *   family: "non-overlap",
 *   singleCaseES: null,
 *   reference: "none",
 *   compute: (a, b, o) => result("Half", a.length, b.length, o, { estimate: 0.5 }),
 *   range: [0, 1],
 *   plot: { axis: "linear", noEffect: 0.5 },
 *   largerIsBetter: true,
 *   standardError: false,
 * });
 * if (half.compute([1], [2], { improvement: "decrease" }).estimate !== 0.5) throw new Error();
 * if (!Object.isFrozen(half)) throw new Error("not frozen");
 * // A forest plot needs a standard error.
 * assert.throws(() => defineEffectSize({ ...half, pooled: true, forest: true }), /standardError/);
 * ```
 */
export function defineEffectSize<const N extends string>(
  def: EffectSizeDef<N>,
): Readonly<EffectSizeDef<N>> {
  if (typeof def.name !== "string" || !/^[A-Za-z][A-Za-z0-9]*$/.test(def.name)) {
    throw new TypeError(
      `${JSON.stringify(def.name)}: a measure's name is letters and digits, from a letter ` +
        '(SingleCaseES\'s without separators: "TauBC", whose label is "Tau-BC"): effectSize ' +
        "dispatches on it and it names results files (aggregate-<name>.csv)",
    );
  }
  if (def.forest && !(def.pooled && def.standardError)) {
    throw new TypeError(
      `${def.name}: forest: true needs pooled: true and standardError: true ` +
        "(a forest plot draws each case's confidence interval and the pooled one)",
    );
  }
  return Object.freeze(def);
}
