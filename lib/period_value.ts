/**
 * A pain value stated over a period (an average, a usual level: `period_start`, `period_end` in
 * `observations.csv`) rather than one rating: the words that say so wherever such a value is
 * used as a point (a baseline, the value a drug started after).
 *
 * @module
 */
import type { Observation } from "./model.ts";

/**
 * What a value stated over a period is, in words; `null` for a single rating.
 *
 * @param o The value.
 * @returns "stated over a period (its note), not one rating", or null.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, periodWords } from "#lib/mod.ts";
 * for (const c of (await loadCaseSeries()).cases) {
 *   for (const o of c.observations) {
 *     // Said exactly for the values that describe a period, with their note when they have one.
 *     assert.equal(periodWords(o) !== null, o.span !== null);
 *     if (o.span && o.note) assert.ok(periodWords(o)!.includes(o.note));
 *   }
 * }
 * ```
 */
export function periodWords(o: Pick<Observation, "span" | "note">): string | null {
  if (o.span === null) return null;
  return `stated over a period${o.note ? ` (${o.note})` : ""}, not one rating`;
}
