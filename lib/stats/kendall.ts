/**
 * Kendall's rank correlation of a series against time, with its exact null distribution.
 *
 * @module
 */

/**
 * Kendall's S of `y` against 1..n: Σ_{i<j} sign(y_j − y_i).
 *
 * @example
 * ```ts
 * import { kendallS } from "./kendall.ts";
 * kendallS([1, 3, 2]); // 1
 * ```
 */
export function kendallS(y: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    for (let j = i + 1; j < y.length; j++) s += Math.sign(y[j] - y[i]);
  }
  return s;
}

/**
 * Two-sided exact p-value of Kendall's trend test of `y` against time, P(|S| ≥ |s|) under
 * exchangeability, by enumerating all n! orderings. Defined for 3 ≤ n ≤ 8 untied values (where
 * the Kendall package is also exact); otherwise `null`.
 *
 * @example
 * ```ts
 * import { kendallExactPValue } from "./kendall.ts";
 * kendallExactPValue([1, 2, 3]); // 0.3333… (2 of 6 orderings have |S| = 3)
 * ```
 */
export function kendallExactPValue(y: readonly number[]): number | null {
  const n = y.length;
  if (n < 3 || n > 8 || new Set(y).size !== n) return null;
  const observed = Math.abs(kendallS(y));
  let extreme = 0;
  let total = 0;
  const perm = Array.from({ length: n }, (_, i) => i);
  const visit = (k: number) => {
    if (k === n) {
      total++;
      if (Math.abs(kendallS(perm)) >= observed) extreme++;
      return;
    }
    for (let i = k; i < n; i++) {
      [perm[k], perm[i]] = [perm[i], perm[k]];
      visit(k + 1);
      [perm[k], perm[i]] = [perm[i], perm[k]];
    }
  };
  visit(0);
  return extreme / total;
}
