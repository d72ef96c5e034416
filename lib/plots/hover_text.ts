/**
 * How the timelines write times for people and tables: a window in words, a phrase with words
 * about it (never brackets within brackets), a drawn position rounded for a figure's source data.
 *
 * @module
 */
import type { Interval } from "../intervals.ts";
import { formatNumber } from "../intervals.ts";
import { midSentence } from "../prose.ts";

/**
 * A drawn position as the figures' source data give it: to 1/1000 day (a narrative step is a
 * fraction of a day), −0 as 0. One rounding for every figure's table.
 *
 * @param pos A drawn position, in days.
 * @returns The position rounded.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { drawnDay } from "#lib/plots/hover_text.ts";
 * assert.equal(drawnDay(-28.436720142602496), -28.437);
 * assert.ok(Object.is(drawnDay(-0.0001), 0));
 * ```
 */
export function drawnDay(pos: number): number {
  return Math.round(pos * 1000) / 1000 + 0;
}

/**
 * A phrase of a hover text with words about it: `main (words)`; `main` alone when the words only
 * repeat it ("NRS 4" of "NRS 4"); after a comma when the words hold brackets of their own, since
 * brackets do not nest (`more`: a comma after them too, where the sentence goes on). The words,
 * placed mid-sentence, begin in lower case unless their first word keeps its capital
 * (`midSentence`: "Six months later" → "six months later"; "VAS" stays).
 *
 * @param main The phrase.
 * @param words What is said of it, or `null`.
 * @param more Whether the sentence goes on after it (default false).
 * @returns The text.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { aside } from "#lib/plots/hover_text.ts";
 * assert.equal(aside("NRS 4", "NRS 4"), "NRS 4");
 * assert.equal(aside("NRS 10", "0"), "NRS 10 (0)"); // a whole word repeats, not its end
 * assert.equal(aside("day 7", "a week later"), "day 7 (a week later)");
 * assert.equal(aside("day ≥ 35", "the switch began (no date stated)", true),
 *   "day ≥ 35, the switch began (no date stated),");
 * assert.equal(aside("days 165 to 195", "Six months later (read as six months of a drug)"),
 *   "days 165 to 195, six months later (read as six months of a drug)");
 * assert.equal(aside("day 49", "VAS 6.6 report"), "day 49 (VAS 6.6 report)");
 * ```
 */
export function aside(main: string, words: string | null, more = false): string {
  const fold = (t: string) => t.toLowerCase().replace(/\s+/g, " ").trim();
  const w = words === null ? "" : fold(words);
  if (w === "" || fold(main) === w || fold(main).endsWith(` ${w}`)) return main;
  // The data's words go mid-sentence: "Six months later" reads "six months later" there.
  const mid = midSentence(words!);
  return /[()]/.test(mid) ? `${main}, ${mid}${more ? "," : ""}` : `${main} (${mid})`;
}

/**
 * A window in words, for hover texts.
 *
 * @param w The window (bounds may be ±Infinity).
 * @param pos Where it is drawn (named when no bound is stated).
 * @returns "day 3", "days 0 to 6", "day ≥ 21", "day ≤ 0".
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { windowText } from "#lib/plots/hover_text.ts";
 * assert.equal(windowText({ lo: 21, hi: Infinity }, 21), "day ≥ 21");
 * ```
 */
export function windowText(w: Interval, pos: number): string {
  const f = (v: number) => formatNumber(Math.round(v * 10) / 10).replace("-", "−");
  if (w.lo === w.hi) return `day ${f(w.lo)}`;
  if (!Number.isFinite(w.lo) && !Number.isFinite(w.hi)) {
    return `day not bounded (drawn at ${f(pos)})`;
  }
  if (!Number.isFinite(w.lo)) return `day ≤ ${f(w.hi)}`;
  if (!Number.isFinite(w.hi)) return `day ≥ ${f(w.lo)}`;
  return `days ${f(w.lo)} to ${f(w.hi)}`;
}
