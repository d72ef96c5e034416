/**
 * When a single-case index may be shown as a number: the study's minimum number of values per
 * phase (`min_points_per_phase` in `data/study.json`; the SCED standards ask for at least three,
 * Kratochwill et al. 2013, WWC), and an interval that agrees with its own standard error and stays
 * within its measure's range. The computation itself is untouched (`effectSize` gives it); what
 * the tables and figures report goes through {@link reportable}. An interval of zero width from an
 * SE of 0 (phases without variation) is withheld too: it describes no uncertainty.
 *
 * @module
 */
import { MEASURE_RANGE } from "./effect_sizes/mod.ts";
import type { EffectSizeResult } from "./types.ts";
import { formatBound } from "../bound_format.ts";

/** A range in words: "[0, 1]", "(-inf, 100]". */
const rangeText = ([lo, hi]: readonly [number, number]): string =>
  `${lo === -Infinity ? "(-inf" : `[${lo}`}, ${hi === Infinity ? "inf)" : `${hi}]`}`;

/**
 * The result as it may be reported: unchanged when both phases have at least `minPoints` values
 * and its interval is sound; otherwise the numbers are withheld (`null`) with the reason, and an
 * interval that collapses while its SE is positive, or leaves the measure's range, is withheld
 * beside a kept estimate with a note saying why.
 *
 * @param r A computed effect size.
 * @param minPoints The fewest values a phase must have for an index to be reported.
 * @param attainable The range the measure can take on the data at hand, when narrower than its
 * registered range (PoGO cannot exceed 100 when no value can pass the goal: see
 * `attainableRange`); default the registry's.
 * @returns The result to report.
 * @example
 * ```ts
 * import { effectSize, reportable } from "#lib/mod.ts";
 * const r = effectSize("NAP", [7, 8], [2, 3], { improvement: "decrease" });
 * const shown = reportable(r, 3);
 * if (shown.estimate !== null || !shown.reason?.includes("at least 3")) throw new Error("withheld");
 * if (r.estimate !== 1) throw new Error("the computation stays available");
 * ```
 */
export function reportable<M extends string>(
  r: EffectSizeResult<M>,
  minPoints: number,
  attainable?: readonly [number, number],
): EffectSizeResult<M> {
  const { baseline: a, treatment: b } = r.n;
  if (a < minPoints || b < minPoints) {
    if (r.estimate === null) return r;
    return {
      ...r,
      estimate: null,
      se: null,
      ciLower: null,
      ciUpper: null,
      informativeCi: undefined,
      reason: `not shown: the baseline phase (A) has ${a} value${a === 1 ? "" : "s"} and the ` +
        `treatment phase (B) ${b}; a single-case ` +
        `index needs at least ${minPoints} per phase (min_points_per_phase, study.json)`,
    };
  }
  const range = attainable ?? MEASURE_RANGE[r.measure as keyof typeof MEASURE_RANGE];
  const { ciLower: lo, ciUpper: hi, se } = r;
  if (lo === null || hi === null) return r;
  const problems: string[] = [];
  // A collapsed interval beside a positive SE, unless the informative interval stands in for it
  // (NAP and Tau at their bounds: the figures and tables show that one, naming the package's).
  if (se !== null && se > 0 && lo === hi && r.informativeCi === undefined) {
    problems.push(`its interval [${lo}, ${hi}] has no width while its SE is ${se.toFixed(4)}`);
  }
  // An SE of 0 (every value of each phase the same; for LRM, the order statistics its SE rests
  // on equal, though the phase varies): its interval [x, x] claims a certainty that a few values
  // cannot give.
  if (se === 0 && lo === hi) {
    problems.push(
      "its SE is 0 (the values it rests on do not vary), so its zero-width interval " +
        `from ${a} and ${b} values does not describe its uncertainty`,
    );
  }
  if (range && (lo < range[0] || hi > range[1])) {
    problems.push(
      // Rounded outward, so that the interval printed leaves the range as the computed one does.
      `its interval [${formatBound(lo, "lo")}, ${formatBound(hi, "hi")}] leaves the ${
        attainable ? "range the measure can take on these values" : "measure's range"
      } ${rangeText(range)}`,
    );
  }
  if (problems.length === 0) return r;
  return {
    ...r,
    ciLower: null,
    ciUpper: null,
    note: [r.note, `interval not shown: ${problems.join("; ")}`].filter(Boolean).join("; "),
  };
}
