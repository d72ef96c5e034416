/**
 * The provenance checks of every table: each quote against its own article's text, and the
 * number a quote states against the row's value (a dose as a dose, with its unit).
 *
 * @module
 */
import type { IssueSink } from "../csv.ts";
import { findQuote, nearestPassage, shortQuote } from "../quotes.ts";
import { plural } from "../prose.ts";
import { normalizeSourceText, quoteStatesValue } from "../source.ts";
import { type DoseCell, doseCellsProblems } from "../stated_doses.ts";

/** How many quotes not found per load get the nearest passage of their text in their message. */
const NEAREST_SEARCHES = 50;

/** Whether a quote would differ once normalised (white space other than single inner spaces). */
const mayNeedNormalising = (quote: string): boolean => NEEDS_NORMALISING.test(quote);
const NEEDS_NORMALISING = /[^\S ]| {2}|^ | $/;

/**
 * The provenance checks: every quote against the text of its own case's source (after
 * {@link normalizeSourceText}), and the number a quote states against the row's value where the
 * two can be compared. Rows of one table usually follow their article's narrative, so each search
 * starts where the previous quote of that table and source was found (and falls back to the
 * whole text).
 *
 * @param texts Each source's text (normalised), by `source_id`.
 * @param issues Where problems go.
 * @param unchecked Told of each quote not checked because its source has no text here (the
 *   source's own problem says why), with the quote's file and row.
 * @returns The checks: `quote`, `number` and `dose`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { provenance } from "#lib/data/provenance.ts";
 * const issues: { message: string }[] = [];
 * const check = provenance(new Map([["a", "the pain VAS was 6.6"]]), issues as never);
 * check.quote("t.csv", 2, "a", "quote", "pain VAS was 6.6");
 * check.number("t.csv", 2, "pain VAS was 6.6", "value", 6);
 * assert.equal(issues.length, 1); // 6.6 does not state 6
 * ```
 */
export function provenance(
  texts: Map<string, string>,
  issues: IssueSink,
  unchecked?: (sourceId: string, file: string, row: number) => void,
) {
  const hintsByFile = new Map<string, Map<string, number>>();
  let lastFile = "";
  let hints = new Map<string, number>();
  // The text of the last source looked up (rows of a source follow each other; texts are not
  // added once quotes are checked).
  let lastSource: string | undefined;
  let lastText: string | undefined;
  // The nearest passage is looked for at the first few quotes not found only: a table of wrong
  // quotes costs a search of the text per quote.
  let searches = NEAREST_SEARCHES;
  const nearest = (sourceId: string, text: string, q: string): string => {
    if (searches <= 0) return "";
    searches--;
    const near = nearestPassage(text, q);
    return near === null
      ? ""
      : `; nearest passage in sources/${sourceId}.txt (white space folded; ${
        plural(near.differ, "character")
      } differ): "${near.passage}"`;
  };
  return {
    /**
     * Checks that `quote` (if any) is in the text of source `sourceId` (if it has one). Returns
     * the quote to keep: the same characters taken from the source text where it stands there
     * verbatim (so that the model holds no slice of a table's text), else the quote itself.
     */
    quote<Q extends string | null>(
      file: string,
      row: number,
      sourceId: string | undefined,
      column: string,
      quote: Q,
    ): Q {
      if (sourceId === undefined || quote === null) return quote;
      if (sourceId !== lastSource) {
        lastSource = sourceId;
        lastText = texts.get(sourceId);
      }
      const text = lastText;
      if (text === undefined) {
        unchecked?.(sourceId, file, row);
        return quote;
      }
      if (file !== lastFile) {
        lastFile = file;
        hints = hintsByFile.get(file) ?? new Map();
        hintsByFile.set(file, hints);
      }
      const hint = hints.get(sourceId) ?? 0;
      // Most quotes are found as they are, first: one found needs no normalising, as the text
      // (normalised) has no white space to fold, so neither has the quote, unless at its ends.
      const ends = quote.charCodeAt(0) === 32 || quote.charCodeAt(quote.length - 1) === 32;
      let at = ends ? -1 : findQuote(text, quote, hint);
      const q = at < 0 && mayNeedNormalising(quote) ? normalizeSourceText(quote) : quote;
      const short = shortQuote(q);
      if (short !== null) {
        issues.push({ file, row, column, message: short });
        return quote;
      }
      if (at < 0 && (ends || q !== quote)) at = findQuote(text, q, hint);
      if (at < 0) {
        issues.push({
          file,
          row,
          column,
          message: text.includes(q)
            ? `quote found in source ${sourceId} only inside a longer word or number ` +
              "(a quote starts and ends where a word or number does)"
            : `quote not found in source ${sourceId}${nearest(sourceId, text, q)}`,
        });
        return quote;
      }
      hints.set(sourceId, at);
      return (q === quote ? text.slice(at, at + q.length) : quote) as Q;
    },
    /**
     * Checks that `quote` states `value` (when both are present); `source` names the text in the
     * message when it is not the quote (e.g. "its value_words").
     */
    number(
      file: string,
      row: number,
      quote: string | null,
      column: string,
      value: number | null,
      source?: string,
    ) {
      if (quote === null || value === null || statesNumber(quote, value)) return;
      const problem = quoteStatesValue(quote, value, column, source);
      if (problem) issues.push({ file, row, column, message: problem });
    },
    /**
     * Checks that `quote` states the row's doses (mg/day) as doses, the number with its unit, and
     * a range it states as both ends (`stated_doses.ts`, `doseCellsProblems`), when both are
     * present.
     */
    doses(file: string, row: number, quote: string | null, low: DoseCell, high: DoseCell) {
      if (quote === null) return;
      for (const p of doseCellsProblems(quote, low, high)) issues.push({ file, row, ...p });
    },
  };
}

/**
 * A quick sufficient test that a quote states `value`: a whole number token of the quote (digits,
 * optionally a point and digits, with no digit or point before it) that starts with the value's
 * integer part equals it. When false, {@link quoteStatesValue} decides.
 */
function statesNumber(quote: string, value: number): boolean {
  if (!(value >= 0) || !Number.isFinite(value)) return false;
  if (value >= 1e21) return false; // String() would write it with an exponent
  const head = String(Math.trunc(value));
  const digit = (c: number) => c >= 48 && c <= 57;
  for (let i = quote.indexOf(head); i >= 0; i = quote.indexOf(head, i + 1)) {
    const before = quote.charCodeAt(i - 1);
    if (digit(before) || before === 46) continue;
    let end = i + head.length;
    if (digit(quote.charCodeAt(end))) continue;
    if (quote.charCodeAt(end) === 46 && digit(quote.charCodeAt(end + 1))) {
      end += 2;
      while (digit(quote.charCodeAt(end))) end++;
    }
    if (Number(quote.slice(i, end)) === value) return true;
  }
  return false;
}

/** The provenance checks of one load ({@link provenance}). */
export type Provenance = ReturnType<typeof provenance>;
