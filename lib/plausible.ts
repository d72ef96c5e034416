/**
 * Bounds on values no source could state: a value beyond them is a typing error (a unit slip, an
 * exponent), refused by the loader with its file, row and column. Documented in
 * `data/README.md`.
 *
 * @module
 */

/**
 * The largest daily dose accepted, in mg/day: 100 g a day, above any drug's daily dose in a case
 * report (the largest oral daily doses are a few grams). A dose above it is refused.
 *
 * @example
 * ```ts
 * import { MAX_DOSE_MG_PER_DAY } from "#lib/plausible.ts";
 * if (!(1e300 > MAX_DOSE_MG_PER_DAY)) throw new Error("1e300 mg/day would pass");
 * ```
 */
export const MAX_DOSE_MG_PER_DAY = 100_000;
