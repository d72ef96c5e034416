/**
 * A pain value stated over a period (an average, a usual level: `period_start`, `period_end` in
 * `observations.csv`) rather than one rating: the words that say so wherever such a value is
 * used as a point (a baseline, the value a drug started after), and the words of a quote that
 * say a value is one (so that `deno task validate` warns of such a value with no period).
 *
 * @module
 */
import type { Observation } from "./model.ts";

/**
 * What a value stated over a period is, in words; `null` for a single rating.
 *
 * @param o The value.
 * @returns "stated over a period, not one rating — its note", or null.
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
  // The note after a dash, not in brackets: it may hold brackets of its own.
  return `stated over a period, not one rating${o.note ? ` — ${o.note}` : ""}`;
}

/**
 * Words that say a value is an average or stated over a period: "average", "averaged", "on
 * average", "mean", "over the following (next, past, previous, last) …", "during the … days
 * (weeks, months, years)" (at most three words between: "during the first two weeks"). Written
 * once, here and in `data/README.md` ("Values stated over a period").
 */
const OVER_A_PERIOD =
  /\b(?:on average|averag(?:e[sd]?|ing)|mean|over the (?:following|next|past|previous|last)|during the (?:[\w-]+ ){0,3}(?:days|weeks|months|years))\b/i;

/**
 * The words of a text that say its value is an average or stated over a period, or null: a row
 * whose quote or `value_words` have them and whose period is empty would be read as one rating
 * ("Over the following month the pain averaged 5/10"), so `deno task validate` warns of it.
 *
 * @param text A quote, or a value's words.
 * @returns The words found (as written), or null.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { overAPeriodWords } from "#lib/period_value.ts";
 * assert.equal(overAPeriodWords("Over the following month the pain averaged 5/10"), "Over the following");
 * assert.equal(overAPeriodWords("during the first two weeks, VAS 6"), "during the first two weeks");
 * assert.equal(overAPeriodWords("a week later the pain was VAS 3"), null);
 * ```
 */
export function overAPeriodWords(text: string): string | null {
  return OVER_A_PERIOD.exec(text)?.[0] ?? null;
}
