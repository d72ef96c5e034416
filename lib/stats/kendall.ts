/**
 * Kendall's rank correlation as the R package Kendall 2.2.1 computes it (`Kendall::Kendall(x, y)`,
 * Fortran subroutine TAUK2 in `src/Kendall.f`, A.I. McLeod), which SingleCaseES's Tau-BC uses for
 * its baseline-trend pretest (`Kendall(A, 1:m)$sl`) and for `Kendall = TRUE`.
 *
 * What the Fortran does, reproduced here:
 * - The data are converted to single precision (`as.single`) and all arithmetic is single
 *   precision (emulated with `Math.fround` after each operation).
 * - If either variable is constant: error exit IFAULT = 12 with tau = 1 and sl = 1.
 * - Otherwise S = Σ_{i<j} sign(x_j − x_i)·sign(y_j − y_i), tau-b = S / √((n(n−1)/2 − Σt(t−1)/2)
 *   (n(n−1)/2 − Σu(u−1)/2)), and Var(S) by Kendall (1976, eq. 4.4) with ties in both variables.
 * - The p-value: the branch meant for the exact distribution (AS 71) is unreachable (it is taken
 *   only when a variable is constant, which exits before it), so for every n > 3 — with or without
 *   ties — sl is the two-sided normal approximation with continuity correction,
 *   z = (S − sign(S)) / √Var(S), tail area by AS 66 (ALNORM) in single precision. For n = 3
 *   the Fortran exits with IFAULT = 12 and sl = 1; the R wrapper stops for n < 3.
 *
 * @module
 */
import { firstAtLeast } from "./sorted.ts";

const f = Math.fround;

/** The result of {@link kendall}, named as the R package's list. */
export interface KendallResult {
  /** Kendall's tau-b (single precision, as R returns it). */
  tau: number;
  /** Two-sided p-value (single precision). */
  sl: number;
  /** Kendall's score S. */
  S: number;
  /** Denominator D, tau = S/D. */
  D: number;
  /** Variance of S. */
  varS: number;
  /** The Fortran's IFAULT: 0 normal, 12 a constant variable or n = 3 (sl = 1), 30 D = 0. */
  ifault: number;
}

/** sign(a)·sign(b) as the Fortran's SCOREK: 1 concordant, −1 discordant, 0 tied in x or y. */
function scorek(x1: number, y1: number, x2: number, y2: number): number {
  if ((x1 > x2 && y1 < y2) || (x1 < x2 && y1 > y2)) return -1;
  if (x1 === x2 || y1 === y2) return 0;
  return 1;
}

/**
 * Kendall's score S = Σ_{i<j} SCOREK. When y takes two values (a phase dummy) only pairs across
 * the two groups score, so S = #(x_high > x_low) − #(x_high < x_low), counted by sorting.
 */
function scoreS(X: Float32Array, Y: Float32Array): number {
  const n = X.length;
  const levels = [...new Set(Y)];
  if (levels.length === 2) {
    const hiLevel = Math.max(levels[0], levels[1]);
    const low = Float64Array.from(X.filter((_, i) => Y[i] !== hiLevel)).sort();
    let s = 0;
    X.forEach((x, i) => {
      if (Y[i] !== hiLevel) return;
      s += firstAtLeast(low, x, false) - (low.length - firstAtLeast(low, x, true));
    });
    return s;
  }
  let is = 0;
  for (let i = 0; i < n - 1; i++) {
    for (let j = i + 1; j < n; j++) is += scorek(X[i], Y[i], X[j], Y[j]);
  }
  return is;
}

/** Tie sums of the Fortran: Σt(t−1), Σt(t−1)(2t+5), Σt(t−1)(t−2) over tie groups, in float. */
function tieSums(v: Float32Array): { sum: number; a1: number; a2: number } {
  let sum = 0;
  let a1 = 0;
  let a2 = 0;
  // Group sizes in order of each group's first element, as the Fortran's IW loop finds them.
  const size = new Map<number, number>();
  for (const key of v) size.set(key, (size.get(key) ?? 0) + 1);
  for (const count of size.values()) {
    if (count === 1) continue;
    const t = f(count);
    const tt = f(t * f(t - 1));
    sum = f(sum + tt);
    a1 = f(a1 + f(tt * f(f(2 * t) + 5)));
    a2 = f(a2 + f(tt * f(t - 2)));
  }
  return { sum, a1, a2 };
}

/** AS 66 (Hill 1973) normal tail area, lower tail, in single precision as the Fortran ALNORM. */
function alnormLower(x: number): number {
  const LTONE = f(7.0);
  const CON = f(1.28);
  let alnorm = x > 0 ? 0 : 1;
  if (Math.abs(x) >= 10) return 1 - alnorm;
  let up = false;
  let z = x;
  if (z < 0) {
    up = !up;
    z = -z;
  }
  if (z <= LTONE || (up && z <= f(18.66))) {
    const y = f(f(0.5 * z) * z);
    if (z > CON) {
      const d5 = f(z + f(3.99019417011));
      const d4 = f(f(z + f(0.742380924027)) + f(f(30.789933034) / d5));
      const d3 = f(f(z + f(4.8385912808)) - f(f(15.1508972451) / d4));
      const d2 = f(f(z - f(0.151679116635)) + f(f(5.29330324926) / d3));
      const d1 = f(f(z + f(3.98064794e-4)) + f(f(1.98615381364) / d2));
      const d0 = f(f(z - f(3.8052e-8)) + f(f(1.00000615302) / d1));
      alnorm = f(f(f(0.398942280385) * f(Math.exp(f(-y)))) / d0);
    } else {
      const e2 = f(y + f(5.92885724438));
      const e1 = f(f(y + f(2.62433121679)) + f(f(48.6959930692) / e2));
      const e0 = f(f(y + f(5.75885480458)) - f(f(29.8213557808) / e1));
      const inner = f(f(0.398942280444) - f(f(f(0.399903438504) * y) / e0));
      alnorm = f(f(0.5) - f(z * inner));
    }
  } else {
    alnorm = 0;
  }
  return up ? alnorm : f(1 - alnorm);
}

/**
 * Kendall's rank correlation of `x` and `y` with its two-sided p-value, exactly as the R package
 * Kendall 2.2.1 computes it (see the module notes): single precision, normal approximation with
 * continuity correction and tie-corrected variance for every n > 3.
 *
 * @param x First variable.
 * @param y Second variable, the same length.
 * @returns tau, sl, S, D, varS and the Fortran's IFAULT.
 * @throws RangeError when the lengths differ or are below 3 (the R wrapper's `stop`).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { kendall } from "#lib/stats/kendall.ts";
 * const k = kendall([1, 2, 3, 4, 5], [1, 2, 3, 4, 5]);
 * assert.equal(k.S, 10);
 * assert.equal(k.sl.toFixed(4), "0.0275"); // normal approximation
 * ```
 */
export function kendall(x: readonly number[], y: readonly number[]): KendallResult {
  if (x.length !== y.length) {
    throw new RangeError(`kendall: x and y must have the same length (${x.length} vs ${y.length})`);
  }
  if (x.length < 3) throw new RangeError(`kendall: needs at least 3 values (length(x)<3)`);
  const n = x.length;
  const X = Float32Array.from(x);
  const Y = Float32Array.from(y);
  const constant = (v: Float32Array) => v.every((e) => e === v[0]);
  if (constant(X) || constant(Y)) return { tau: 1, sl: 1, S: 0, D: 0, varS: 0, ifault: 12 };
  const S = f(scoreS(X, Y));
  const cn = f(f(n) * f(n - 1));
  const dn = f(0.5 * cn);
  const tx = tieSums(X);
  const ty = tieSums(Y);
  const d1 = f(Math.sqrt(f(dn - f(0.5 * tx.sum))));
  const d2 = f(Math.sqrt(f(dn - f(0.5 * ty.sum))));
  if (d1 <= 0 || d2 <= 0) return { tau: 1, sl: 1, S, D: 0, varS: 0, ifault: 30 };
  const D = f(d1 * d2);
  const tau = f(S / D);
  const vars1 = f(f(f(f(cn * f(2 * n + 5)) - tx.a1) - ty.a1) / 18);
  const vars2 = f(f(tx.a2 * ty.a2) / f(f(9 * cn) * f(n - 2)));
  const vars3 = f(f(tx.sum * ty.sum) / f(cn + cn));
  const varS = f(f(vars1 + vars2) + vars3);
  if (n <= 3) return { tau, sl: 1, S, D, varS, ifault: 12 };
  const sds = f(Math.sqrt(varS));
  const scor = S > 0 ? f(S - 1) : S < 0 ? f(S + 1) : 0;
  const prob = alnormLower(f(scor / sds));
  const sl = prob >= 0.5 ? f(2 * f(1 - prob)) : f(2 * prob);
  return { tau, sl, S, D, varS, ifault: 0 };
}

/**
 * Kendall's S of `y` against 1..n: Σ_{i<j} sign(y_j − y_i) (double precision).
 *
 * @param y The series in time order.
 * @returns S.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { kendallS } from "#lib/stats/kendall.ts";
 * assert.equal(kendallS([1, 3, 2]), 1);
 * ```
 */
export function kendallS(y: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    for (let j = i + 1; j < y.length; j++) s += Math.sign(y[j] - y[i]);
  }
  return s;
}
