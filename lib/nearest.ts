/**
 * Names near a mistyped one: the one rule every "did you mean" of the project uses (vocabulary
 * warnings, closed sets of a table's cells, a misspelt option of `plots.plot`, `lib.help`).
 *
 * @module
 */
import { distance } from "fastest-levenshtein";

/**
 * The terms of `terms` near enough to `term` to be what was meant, nearest first (ties in the
 * order given): an edit distance (Levenshtein, ignoring case) of at most `maxDistance`, by default
 * a third of the term's length and at least 1.
 *
 * @param term A term.
 * @param terms The terms to choose from.
 * @param maxDistance The largest distance that counts (default: a third of `term`'s length, ≥ 1).
 * @returns The near terms, nearest first.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { nearTerms } from "#lib/nearest.ts";
 * assert.deepEqual(nearTerms("caseChang", ["Case", "caseChange", "phases"]), ["caseChange"]);
 * // A swap of two letters is two edits: "titel" is near "title" only with room for two.
 * assert.deepEqual(nearTerms("titel", ["title"]), []);
 * assert.deepEqual(nearTerms("titel", ["title", "style"], 2), ["title"]);
 * ```
 */
export function nearTerms(
  term: string,
  terms: Iterable<string>,
  maxDistance: number = Math.max(1, Math.floor(term.length / 3)),
): string[] {
  const t = term.toLowerCase();
  return [...terms]
    .map((candidate, i) => ({ candidate, i, d: distance(t, candidate.toLowerCase()) }))
    .filter((x) => x.d <= maxDistance)
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((x) => x.candidate);
}

/**
 * The term of `terms` nearest to `term`, when it is near enough to be what was meant
 * ({@link nearTerms}), or null.
 *
 * @param term A term.
 * @param terms The terms to choose from.
 * @param maxDistance The largest distance that counts (default as {@link nearTerms}).
 * @returns The nearest term, or null.
 * @example
 * ```ts
 * import { nearestTerm } from "#lib/nearest.ts";
 * if (nearestTerm("phantom limb pian", ["insomnia", "phantom limb pain"]) !== "phantom limb pain") {
 *   throw new Error();
 * }
 * if (nearestTerm("chemotherapy", ["insomnia"]) !== null) throw new Error();
 * ```
 */
export function nearestTerm(
  term: string,
  terms: Iterable<string>,
  maxDistance?: number,
): string | null {
  return nearTerms(term, terms, maxDistance)[0] ?? null;
}
