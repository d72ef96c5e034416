/**
 * Whether each case's responder conclusions hold when its stated values are varied by their
 * rounding (half a unit of the last stated digit, `lib/rounding.ts`), and which conclusions cannot
 * be assessed, with why.
 *
 * @module
 */
import type { Case } from "../model.ts";
import { valueScale } from "../cases.ts";
import { described } from "../scales.ts";
import { roundingKind, withRounding } from "../rounding.ts";
import { caseChange, NO_PERCENT, reaches } from "./change.ts";
import { thresholdLabel } from "./responders.ts";

/** How a case's responder conclusion fares when its stated values are varied by their rounding. */
export interface RoundingVerdict {
  /** Case id. */
  caseId: string;
  /** Which value after the drug: the first or the last. */
  timing: "first" | "last";
  /** The responder threshold, in words (e.g. "≥30% reduction"). */
  threshold: string;
  /** Whether the threshold is reached at the nominal values as stated. */
  nominal: boolean;
  /** The reduction over the extraction bounds as stated, `[lo, hi]`: in percent, or in the
   * case's own unit as its threshold is labelled (`valueScale`: mm on a 100 mm VAS). */
  asStated: [number, number];
  /** The same with every stated value widened by its rounding. */
  rounded: [number, number];
  /**
   * `holds`: reached (or not) at both bounds, as stated and with rounding; `moves under rounding`:
   * the same at both bounds as stated but not once rounding widens them; `moves within the
   * extraction intervals`: already differs between the bounds as stated (a range such as VAS 0–1.0).
   */
  status: "holds" | "moves under rounding" | "moves within the extraction intervals";
  /** The case's stated values, by whether rounding varies them (`roundingKind`). */
  values: RoundingValues;
}

/** A case's stated values by how rounding treats them (`roundingKind`, `data/README.md`). */
export interface RoundingValues {
  /** Values varied by half a unit of their last stated digit. */
  varied: number;
  /** Values on a scale of whole numbers: not varied. */
  wholeScale: number;
  /** The ids of those scales, each once, in the order of the values. */
  wholeScales: string[];
  /** Values of no pain whose own words say there is none ("completely disappeared"): not varied. */
  noPain: number;
  /** Values whose words state no number: not varied. */
  noNumber: number;
}

/** How rounding treats each stated value of a case, counted. */
function valuesOf(c: Case): RoundingValues {
  const kinds = c.observations.map((o) => ({ o, kind: roundingKind(o) }));
  const whole = kinds.filter((k) => k.kind === "whole-number scale");
  return {
    varied: kinds.filter((k) => k.kind === "varied").length,
    wholeScale: whole.length,
    wholeScales: [...new Set(whole.map((k) => k.o.scale.id))],
    noPain: kinds.filter((k) => k.kind === "no pain in words").length,
    noNumber: kinds.filter((k) => k.kind === "no number").length,
  };
}

/** A case that has no verdict ({@link RoundingVerdict}) for some responder threshold, and why. */
export interface RoundingGap {
  /** Case id. */
  caseId: string;
  /** Whether it has no verdict at all (else only for `thresholds`). */
  every: boolean;
  /** Whether that is because it has no change after the drug (then `reason` is the change's). */
  noChange: boolean;
  /** The thresholds, in words, it has no verdict for (at the first or the last value). */
  thresholds: string[];
  /** Why ("; "-joined when several), e.g. "the baseline may be 0: no percent of it". */
  reason: string;
}

/** The verdicts of some cases and the gaps between them. */
interface Assessment {
  verdicts: RoundingVerdict[];
  gaps: RoundingGap[];
}

/** The verdicts of {@link roundingRobustness} and, per case, those it has not (with why). */
function assess(cases: readonly Case[], drug?: string): Assessment {
  const verdicts: RoundingVerdict[] = [];
  const gaps: RoundingGap[] = [];
  for (const c of cases) {
    const d = drug ?? c.study.drug;
    const [stated, rounded] = [c, withRounding(c)].map((x) => caseChange(x, { drug: d }));
    const scale = valueScale([c]);
    const labels = c.study.thresholds.map((t) => thresholdLabel(t, scale));
    if (stated.points.length === 0) {
      const reason = stated.reason ?? stated.baseline.reason ?? "no change after the drug";
      if (labels.length) {
        gaps.push({ caseId: c.id, every: true, noChange: true, thresholds: labels, reason });
      }
      continue;
    }
    const missing = new Map<string, Set<string>>();
    const values = valuesOf(c);
    for (const timing of ["first", "last"] as const) {
      const at = (ch: typeof stated) => timing === "first" ? ch.points[0] : ch.points.at(-1)!;
      for (const [ti, t] of c.study.thresholds.entries()) {
        const range = (ch: typeof stated): [number, number] | null => {
          const p = at(ch);
          if (t.kind === "percent") {
            return p.percentReduction && [p.percentReduction.lo, p.percentReduction.hi];
          }
          return [-p.change.hi, -p.change.lo];
        };
        const [a, r] = [range(stated), range(rounded)];
        if (a === null || r === null) {
          const why = missing.get(labels[ti]) ?? new Set<string>();
          why.add(a === null ? NO_PERCENT : `with its values rounded, ${NO_PERCENT}`);
          missing.set(labels[ti], why);
          continue;
        }
        const nominalValue = t.kind === "percent"
          ? at(stated).percentReduction!.nominal
          : -at(stated).change.nominal;
        const reached = (x: number) => reaches(x, t.value);
        const same = (x: [number, number]) => reached(x[0]) === reached(x[1]);
        // A reduction in points is given in the case's own unit, as its threshold's label is.
        const own = (x: [number, number]): [number, number] =>
          t.kind === "percent" ? x : [described(scale, x[0]), described(scale, x[1])];
        verdicts.push({
          caseId: c.id,
          timing,
          threshold: labels[ti],
          nominal: reached(nominalValue),
          asStated: own(a),
          rounded: own(r),
          status: !same(a)
            ? "moves within the extraction intervals"
            : !same(r)
            ? "moves under rounding"
            : "holds",
          values,
        });
      }
    }
    if (missing.size) {
      gaps.push({
        caseId: c.id,
        every: !verdicts.some((v) => v.caseId === c.id),
        noChange: false,
        thresholds: [...missing.keys()],
        reason: [...new Set([...missing.values()].flatMap((x) => [...x]))].join("; "),
      });
    }
  }
  return { verdicts, gaps };
}

/**
 * Which responder conclusions move under rounding: for each case, the first and the last value
 * after the drug and every responder threshold of the study, whether the threshold is reached,
 * over the extraction bounds as stated and with each stated value widened by half its last digit
 * (`withRounding`). Default baseline; a case with no change after the drug has no row, nor one
 * with no percent reduction for a percent threshold (a baseline that may be 0):
 * {@link roundingGaps} says which and why.
 *
 * @param cases The cases.
 * @param drug The drug whose start is day 0 (default: the study's drug of interest).
 * @returns One verdict per case, timing and threshold.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, roundingRobustness } from "#lib/mod.ts";
 * const v = roundingRobustness((await loadCaseSeries()).cases);
 * // Rounding only widens the reductions.
 * assert.ok(v.every((r) => r.rounded[0] <= r.asStated[0] && r.asStated[1] <= r.rounded[1]));
 * ```
 */
export function roundingRobustness(cases: readonly Case[], drug?: string): RoundingVerdict[] {
  return assess(cases, drug).verdicts;
}

/**
 * The cases {@link roundingRobustness} has no verdict for, at some threshold or any, each once
 * with why: no change after the drug (the change's reason), or no percent reduction of a
 * baseline that may be 0 (for the percent thresholds).
 *
 * @param cases The cases.
 * @param drug The drug whose start is day 0 (default: the study's drug of interest).
 * @returns One gap per case lacking some verdict, in case order.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, roundingGaps, roundingRobustness } from "#lib/mod.ts";
 * const { cases } = await loadCaseSeries();
 * // A case never taking the drug has no verdict, and is a gap with that reason.
 * const never = { ...cases[0], id: "never", treatments: [] };
 * const gaps = roundingGaps([...cases, never]);
 * assert.ok(!roundingRobustness([...cases, never]).some((v) => v.caseId === "never"));
 * const gap = gaps.find((g) => g.caseId === "never")!;
 * assert.ok(gap.every && gap.noChange && gap.reason.startsWith("never takes"));
 * // Every case with fewer verdicts than its study's thresholds × 2 values is a gap.
 * for (const c of cases) {
 *   const n = roundingRobustness([c]).length;
 *   assert.equal(gaps.some((g) => g.caseId === c.id), n < 2 * c.study.thresholds.length);
 * }
 * ```
 */
export function roundingGaps(cases: readonly Case[], drug?: string): RoundingGap[] {
  return assess(cases, drug).gaps;
}
