/**
 * NAP, non-overlap of all pairs (Parker & Vannest 2009), as SingleCaseES `calc_NAP`.
 *
 * @module
 */
import { defineEffectSize, type EffectSizeDef } from "./define.ts";
import { napParts } from "./family/mann_whitney.ts";
import { preparePhases, result } from "./result.ts";
import type { EffectSizeOptions, EffectSizeResult } from "../types.ts";

/**
 * NAP (non-overlap of all pairs; Parker & Vannest 2009): the share of baseline–treatment pairs
 * that improve, ties counting ½. SE by `seMethod` ("unbiased" default, "hanley", "null"); CI by
 * Newcombe's Method 5. When NAP is 1 (or 0) the package's CI is [1, 1] ([0, 0]); the other root
 * is returned in `informativeCi`.
 *
 * @param baseline Baseline (A) values; non-finite values are dropped.
 * @param treatment Treatment (B) values.
 * @param options Direction of improvement and the measure's options.
 * @returns The result, `null` fields with a `reason`.
 * @example
 * ```ts
 * import { nap } from "#lib/stats/effect_sizes/nap.ts";
 * const r = nap([3, 4, 5], [1, 2, 4], { improvement: "decrease" });
 * if (r.estimate !== 7.5 / 9) throw new Error(String(r.estimate));
 * ```
 */
export function nap(
  baseline: readonly number[],
  treatment: readonly number[],
  options: EffectSizeOptions,
): EffectSizeResult<"NAP"> {
  const p = preparePhases("NAP", baseline, treatment, options, true);
  if (p.empty) return p.empty;
  const { a, b } = p;
  const q = napParts(a, b, options);
  return result("NAP", a.length, b.length, options, {
    estimate: q.nap,
    se: Number.isFinite(q.variance) ? Math.sqrt(q.variance) : null,
    ciLower: q.lower,
    ciUpper: q.upper,
    ...(q.seReason ? { reason: q.seReason } : {}),
    ...(q.informative ? { informativeCi: q.informative } : {}),
  });
}

/** NAP's record in the registry. */
export const NAP_ES: Readonly<EffectSizeDef<"NAP">> = defineEffectSize({
  name: "NAP",
  label: "NAP",
  fullName:
    "non-overlap of all pairs: the share of before–after pairs in which the later value is better",
  family: "non-overlap",
  singleCaseES: "calc_NAP",
  reference: "Parker & Vannest (2009)",
  compute: nap,
  range: [0, 1],
  plot: { axis: "linear", noEffect: 0.5 },
  largerIsBetter: true,
  standardError: true,
  pooled: true,
  forest: true,
});
