/**
 * The overlap count shared by PAND and the robust IRD (SingleCaseES `calc_PAND`, `calc_IRD`).
 *
 * @module
 */

/**
 * PAND by Pustejovsky's minimum-removal algorithm (SingleCaseES `calc_PAND`), of phases already
 * oriented (multiplied by −1 for a decreasing improvement).
 *
 * @param a Baseline values (oriented).
 * @param b Treatment values (oriented).
 * @returns The share of observations kept.
 * @example
 * ```ts
 * import { pandValue } from "#lib/stats/effect_sizes/family/pand.ts";
 * if (pandValue([-3, -4, -5], [-1, -2, -4]) !== 5 / 6) throw new Error("PAND");
 * ```
 */
export function pandValue(a: readonly number[], b: readonly number[]): number {
  const m = a.length;
  const n = b.length;
  const x = [-Infinity, ...[...a].sort((p, q) => p - q)];
  const y = [...[...b].sort((p, q) => p - q), Infinity];
  let best = 0;
  for (let i = 1; i <= m + 1; i++) {
    for (let j = 1; j <= n + 1; j++) {
      if (x[i - 1] < y[j - 1]) best = Math.max(best, i + n - j);
    }
  }
  return best / (m + n);
}
