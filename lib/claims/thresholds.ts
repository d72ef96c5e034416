/**
 * The one rule that reads a claim's thresholds on the pain scale (`last-value`'s
 * `supported_at_most`, `value-at-most`'s `at_most`, ...: the parameters {@link RULES} lists as
 * `scaleParams`): **a threshold is a number in the own unit of the scale of the values it is
 * compared with** (cm on a 10 cm VAS, mm on a 100 mm VAS, points on an NRS), and is compared with
 * those values in that unit, never with their number on the common 0–10 metric. So the values of
 * a claim's cases must all be on scales of one unit, and a claim's `unit` parameter, which every
 * rule with such a threshold takes (a test holds them together), must be that unit: `deno task
 * validate` rejects any other (`thresholdUnitProblem`), and the ledger says such a claim cannot be
 * assessed. A threshold stated on the common metric
 * (the "no pain" band of `relief.ts`) is turned into a scale's own unit by {@link fromCommon}.
 *
 * @module
 */
import { formatInterval, type NominalInterval } from "../intervals.ts";
import { listing } from "../prose.ts";
import { formatStated } from "../stated_digits.ts";
import type { Scale } from "../scales.ts";
import { type ClaimRule, RULES } from "./params.ts";

/**
 * A pain value as the thresholds read it (an `Observation` of `model.ts` is one): its value in its
 * scale's own unit, and the scale.
 */
export interface ScaleValue {
  /** The value on the scale's own units, as an interval with its nominal value. */
  value: NominalInterval;
  /** The scale it was rated on. */
  scale: Scale;
  /** The words that state it (`value_words`), when the text states it: written with their digits. */
  words?: string;
}

/**
 * Whether a claim's rule reads thresholds on the pain scale (it has parameters listed in its
 * `scaleParams`).
 *
 * @param rule A claim's rule with its parameters.
 * @returns True when its verdict compares values with a threshold in the scale's unit.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { hasScaleThreshold } from "#lib/mod.ts";
 * const rule = { kind: "value-at-most", params: { time_id: "t", at_most: 4, unit: "mm" } } as const;
 * assert.equal(hasScaleThreshold(rule), true);
 * assert.equal(hasScaleThreshold({ kind: "last-value-reduction", params: { min_percent: 50 } }), false);
 * ```
 */
export function hasScaleThreshold(rule: ClaimRule): boolean {
  const spec: { scaleParams?: readonly string[] } = RULES[rule.kind];
  return (spec.scaleParams ?? []).length > 0;
}

/**
 * What is wrong with reading a claim's thresholds in the unit of its cases' scales: null when its
 * rule takes no threshold on the pain scale, when its cases have no value, or when their values
 * are all on scales of one unit and the claim's `unit` is that unit.
 *
 * @param rule A claim's rule with its parameters.
 * @param scales The scales of the values of the claim's cases (repeats allowed).
 * @returns The problem in words, or null.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { SCALES, thresholdUnitProblem } from "#lib/mod.ts";
 * const rule = { kind: "value-at-most", params: { time_id: "t", at_most: 4, unit: "mm" } } as const;
 * assert.equal(thresholdUnitProblem(rule, [SCALES["vas-100mm"]]), null);
 * // A threshold in cm read against NRS points: rejected.
 * const cm = { ...rule, params: { ...rule.params, unit: "cm" } };
 * assert.match(thresholdUnitProblem(cm, [SCALES["nrs-0-10"]])!, /'cm' is not the unit/);
 * ```
 */
export function thresholdUnitProblem(rule: ClaimRule, scales: Iterable<Scale>): string | null {
  if (!hasScaleThreshold(rule)) return null;
  const byUnit = new Map<string, Set<string>>();
  for (const s of scales) byUnit.set(s.unit, (byUnit.get(s.unit) ?? new Set()).add(s.id));
  const units = [...byUnit.keys()];
  const onScales = () =>
    listing(units.map((u) => `${listing([...byUnit.get(u)!])} (${u || "no unit"})`));
  if (units.length > 1) {
    return `its cases' values are on scales of different units, ${onScales()}: a threshold is ` +
      "a number in the unit of the scale of the values it is compared with, so all of them must " +
      "share one (split the claim by scale)";
  }
  const unit = (rule.params as { unit?: string }).unit;
  if (unit !== undefined && units.length === 1 && unit !== units[0]) {
    return `params.unit: '${unit}' is not the unit of its cases' values, on ${onScales()}: ` +
      `thresholds are in the scale's own unit (here '${units[0]}')`;
  }
  return null;
}

/**
 * Whether a value is at most a threshold in its scale's own unit, at its upper bound (a range
 * counts at the bound least favourable to a claim of low pain).
 *
 * @param o A pain value.
 * @param threshold A threshold in the unit of `o`'s scale.
 * @returns True when the value's upper bound is at or below it.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { atMostOnScale, SCALES } from "#lib/mod.ts";
 * const o = { scale: SCALES["vas-100mm"], value: { lo: 10, nominal: 10, hi: 10 } };
 * assert.equal(atMostOnScale(o, 4), false); // 10 mm is not at most 4 mm
 * assert.equal(atMostOnScale(o, 10), true);
 * ```
 */
export function atMostOnScale(o: Pick<ScaleValue, "value">, threshold: number): boolean {
  return o.value.hi <= threshold + 1e-9;
}

/**
 * Whether a value stays above a threshold in its scale's own unit, at its lower bound (the bound
 * least favourable to a claim that pain remains).
 *
 * @param o A pain value.
 * @param threshold A threshold in the unit of `o`'s scale.
 * @returns True when the value's lower bound is above it.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { aboveOnScale, SCALES } from "#lib/mod.ts";
 * const o = { scale: SCALES["nrs-0-10"], value: { lo: 2, nominal: 2, hi: 2 } };
 * assert.equal(aboveOnScale(o, 1), true);
 * assert.equal(aboveOnScale(o, 2), false);
 * ```
 */
export function aboveOnScale(o: Pick<ScaleValue, "value">, threshold: number): boolean {
  return o.value.lo > threshold + 1e-9;
}

/**
 * A value as a claim's evidence prints it beside a threshold: in its scale's own unit, e.g.
 * "10 mm", "2 points", "0–1.0 cm"; a value the text states with the digits its words give.
 *
 * @param o A pain value.
 * @returns The value and its unit.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { onScaleText, SCALES } from "#lib/mod.ts";
 * const o = { scale: SCALES["vas-100mm"], value: { lo: 10, nominal: 10, hi: 10 } };
 * assert.equal(onScaleText(o), "10 mm");
 * assert.equal(onScaleText({ ...o, words: "VAS 10.0 mm" }), "10.0 mm");
 * ```
 */
export function onScaleText(o: ScaleValue): string {
  const v = o.words === undefined ? formatInterval(o.value) : formatStated(o.value, o.words);
  return `${v}${o.scale.unit ? ` ${o.scale.unit}` : ""}`;
}

/**
 * A threshold on the common 0–10 metric (the "no pain" band) as a number in a scale's own unit:
 * the largest value of the scale whose whole interval on the common metric is at or below it. On a
 * scale of categories, the highest such category (null when none is); on a continuous or
 * numeric scale, its linear inverse between the scale's ends, to 12 significant digits (0.4 on the
 * common metric is 0.4 cm, 0.4 NRS points, 4 mm).
 *
 * @param scale The scale.
 * @param common The threshold on the common metric.
 * @returns The threshold in the scale's own unit, or null.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fromCommon, SCALES } from "#lib/mod.ts";
 * assert.equal(fromCommon(SCALES["vas-100mm"], 0.4), 4);
 * assert.equal(fromCommon(SCALES["vas-10cm"], 0.4), 0.4);
 * assert.equal(fromCommon(SCALES["vrs-4"], 0.4), 0); // "none" only
 * ```
 */
export function fromCommon(scale: Scale, common: number): number | null {
  if (scale.categories !== null) {
    const fit = scale.categories.map((_, v) => v).filter((v) =>
      scale.common(v).hi <= common + 1e-9
    );
    return fit.length ? Math.max(...fit) : null;
  }
  const lo = scale.common(scale.min).nominal;
  const hi = scale.common(scale.max).nominal;
  const x = scale.min + ((common - lo) * (scale.max - scale.min)) / (hi - lo);
  return Number(x.toPrecision(12));
}
