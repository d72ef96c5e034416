/**
 * The log response ratio shared by LRRd and LRRi (Pustejovsky 2015, 2018), as SingleCaseES
 * `calc_LRRd` and `calc_LRRi` compute it (`R/parametric-measures.R`).
 *
 * @module
 */
import { mean } from "simple-statistics";
import { phaseVariance, preparePhases, result, wald } from "../result.ts";
import type { EffectSizeOptions, EffectSizeResult } from "../../types.ts";

/**
 * The truncation constant D of `LRR` for the options' scale (SingleCaseES `trunc_constant`).
 *
 * @param options Effect-size options (`scale`, `intervals`, `observationLength`, `dConst`).
 * @returns D (Infinity: no truncation).
 * @example
 * ```ts
 * import { truncationConstant } from "#lib/stats/effect_sizes/family/lrr.ts";
 * if (truncationConstant({ improvement: "decrease" }) !== 1) throw new Error("count: D = 1");
 * ```
 */
export function truncationConstant(options: EffectSizeOptions): number {
  if (options.dConst !== undefined) return options.dConst;
  switch (options.scale ?? "count") {
    case "count":
      return 1;
    case "rate":
      return options.observationLength ?? Infinity;
    case "proportion":
      return options.intervals ?? Infinity;
    case "percentage":
      return options.intervals === undefined ? Infinity : options.intervals / 100;
    default:
      return Infinity;
  }
}

/**
 * Log response ratio (Pustejovsky 2015, 2018), decreasing or increasing form: the log of the
 * ratio of phase means, truncated (D from `scale`), bias-corrected by default. LRRd < 0 and
 * LRRi > 0 mean improvement. A phase with one observation has no variance: SE `null`, and the
 * bias-corrected estimate `null` too.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { lrr } from "#lib/stats/effect_sizes/family/lrr.ts";
 * const r = lrr("LRRd", [4, 6], [1, 3], { improvement: "decrease", biasCorrect: false });
 * // The log of the ratio of the means, 2 / 5: Math.log(0.4) = -0.916…
 * assert.ok(Math.abs(r.estimate! - Math.log(2 / 5)) < 1e-12, String(r.estimate));
 * assert.equal(r.estimate!.toFixed(3), "-0.916");
 * ```
 */
export function lrr<M extends "LRRd" | "LRRi">(
  measure: M,
  baseline: readonly number[],
  treatment: readonly number[],
  options: EffectSizeOptions,
): EffectSizeResult<M> {
  const p = preparePhases(measure, baseline, treatment, options, false);
  if (p.empty) return p.empty;
  const { a, b, m, n } = p;
  const scale = options.scale ?? "count";
  const D = truncationConstant(options);
  let ma = mean(a);
  let mb = mean(b);
  const flipScale = (scale === "percentage" || scale === "proportion") &&
    ((measure === "LRRd" && options.improvement === "increase") ||
      (measure === "LRRi" && options.improvement === "decrease"));
  if (flipScale) {
    const top = scale === "percentage" ? 100 : 1;
    ma = top - ma;
    mb = top - mb;
  }
  const ta = Math.max(ma, 1 / (2 * D * m));
  const tb = Math.max(mb, 1 / (2 * D * n));
  const va = Math.max(phaseVariance(a), 1 / (D * D * m ** 3));
  const vb = Math.max(phaseVariance(b), 1 / (D * D * n ** 3));
  const biasCorrect = options.biasCorrect ?? true;
  const oneObs = m === 1 || n === 1;
  if (ta <= 0 || tb <= 0) {
    return result(measure, m, n, options, {
      reason: "a phase mean of 0 without truncation: the log ratio is infinite",
    });
  }
  let r: number;
  if (biasCorrect) {
    if (oneObs) {
      return result(measure, m, n, options, {
        reason: "a phase with one observation has no variance: bias correction not defined " +
          "(SingleCaseES: NA); biasCorrect: false gives an estimate",
      });
    }
    r = (Math.log(tb) + vb / (2 * n * tb * tb)) - (Math.log(ta) + va / (2 * m * ta * ta));
  } else {
    r = Math.log(tb) - Math.log(ta);
  }
  const wantsDecrease = measure === "LRRd";
  const sign = flipScale ? 1 : (wantsDecrease === (options.improvement === "decrease") ? 1 : -1);
  const est = sign * r;
  if (oneObs) {
    return result(measure, m, n, options, {
      estimate: est,
      reason: "a phase with one observation has no variance: no standard error",
    });
  }
  // A phase mean or variance below its truncation floor: the estimate (mean) or the standard
  // error and bias correction (variance) are set by the scale's D, not the data.
  const phasesWhere = (x: boolean, y: boolean) =>
    [x ? "A" : null, y ? "B" : null].filter((v) => v !== null);
  const floored = phasesWhere(ta > ma, tb > mb);
  const varFloored = phasesWhere(va > phaseVariance(a), vb > phaseVariance(b));
  const parts = [
    floored.length
      ? `phase ${floored.join(" and ")} mean${floored.length > 1 ? "s" : ""} truncated to ` +
        "1/(2·D·n): the estimate depends on that choice"
      : null,
    varFloored.length
      ? `phase ${varFloored.join(" and ")} variance${varFloored.length > 1 ? "s" : ""} raised ` +
        "to 1/(D²·n³): the standard error depends on that choice"
      : null,
  ].filter((x) => x !== null);
  const note = parts.length
    ? `${parts.join("; ")} (D = ${D}, scale "${scale}"; SingleCaseES trunc_const)` +
      (scale === "count" ? '; scale "other" truncates nothing' : "")
    : undefined;
  return wald(
    measure,
    m,
    n,
    options,
    est,
    Math.sqrt(va / (m * ta * ta) + vb / (n * tb * tb)),
    note ? { note } : {},
  );
}
