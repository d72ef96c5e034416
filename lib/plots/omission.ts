/**
 * The sentence a figure of the series shows instead of itself when it would draw no case (a
 * record's `omission`): which cases it leaves out and why, in the builder's own reasons.
 *
 * @module
 */
import { groupedExclusions } from "../prose.ts";

/**
 * Why a figure is not drawn when it would draw no case, or `null` when it draws one: the cases it
 * leaves out, grouped by the reason its builder gives ("No Figure 1: no case can be drawn (cases
 * 1 and 2: never takes x)."); a series without a case says so.
 *
 * @param figure What the figure is called in a sentence ("Figure 1", "trajectories figure").
 * @param drawn How many cases the builder draws.
 * @param excluded The cases it leaves out, each with the reason it gives.
 * @returns A sentence for the notebook, or `null`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { noCaseDrawn } from "#lib/plots/mod.ts";
 * const left = [{ caseId: "1", reason: "never takes x" }, { caseId: "2", reason: "never takes x" }];
 * assert.equal(
 *   noCaseDrawn("Figure 1", 0, left),
 *   "No Figure 1: no case can be drawn (cases 1 and 2: never takes x).",
 * );
 * assert.equal(noCaseDrawn("Figure 1", 1, left.slice(1)), null);
 * assert.equal(noCaseDrawn("Figure 1", 0, []), "No Figure 1: the series has no case.");
 * ```
 */
export function noCaseDrawn(
  figure: string,
  drawn: number,
  excluded: readonly { readonly caseId: string; readonly reason: string }[],
): string | null {
  if (drawn > 0) return null;
  if (excluded.length === 0) return `No ${figure}: the series has no case.`;
  return `No ${figure}: no case can be drawn (${groupedExclusions(excluded)}).`;
}
