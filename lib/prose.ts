/**
 * Words for computed values, so that notebook prose is grammatical for any number of cases:
 * counts with their noun, and lists joined with "and".
 *
 * @module
 */

/**
 * A count with its noun, singular or plural as the count requires.
 *
 * @param n The count.
 * @param singular The noun for one.
 * @param pluralForm The noun for any other count (default: `singular` + "s").
 * @returns For example "1 case", "3 cases", "0 cases".
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { plural } from "#lib/mod.ts";
 * assert.equal(plural(1, "case"), "1 case");
 * assert.equal(plural(40, "case"), "40 cases");
 * assert.equal(plural(2, "analysis", "analyses"), "2 analyses");
 * ```
 */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`plural: expected a count (a whole number >= 0), got ${n}`);
  }
  return `${n} ${n === 1 ? singular : pluralForm}`;
}

/**
 * Like {@link plural}, but "no" for zero, as a sentence says it: "no value", "1 value", "3 values".
 *
 * @param n The count.
 * @param singular The noun for one (also used after "no").
 * @param pluralForm The noun for more than one (default: `singular` + "s").
 * @returns For example "no case", "1 case", "3 cases".
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { counted } from "#lib/prose.ts";
 * assert.equal(counted(0, "value"), "no value");
 * assert.equal(counted(2, "value"), "2 values");
 * ```
 */
export function counted(n: number, singular: string, pluralForm = `${singular}s`): string {
  return n === 0 ? `no ${singular}` : plural(n, singular, pluralForm);
}

/**
 * Joins words as a list in prose: "a", "a and b", "a, b and c"; "none" for an empty list.
 *
 * @param items The words.
 * @param empty What to say when there are none (default "none").
 * @returns The list as text.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { listing } from "#lib/mod.ts";
 * assert.equal(listing(["1", "2", "3"]), "1, 2 and 3");
 * assert.equal(listing(["1"]), "1");
 * assert.equal(listing([]), "none");
 * ```
 */
export function listing(items: readonly string[], empty = "none"): string {
  if (items.length === 0) return empty;
  if (items.length === 1) return items[0];
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * The cases named by their ids: "case 4", "cases 4 and 5", "cases 1, 2 and 3"; "no case" for
 * none.
 *
 * @param ids Case ids.
 * @returns The phrase.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { casesListing } from "#lib/prose.ts";
 * assert.equal(casesListing(["4"]), "case 4");
 * assert.equal(casesListing(["2", "3"]), "cases 2 and 3");
 * ```
 */
export function casesListing(ids: readonly string[]): string {
  if (ids.length === 0) return "no case";
  return `${ids.length === 1 ? "case" : "cases"} ${listing(ids)}`;
}

/**
 * Cases left out of an analysis, in words, those sharing a reason together: "cases 4 and 5:
 * never takes …; case 6: no VAS value after …" (in order of first appearance).
 *
 * @param xs Each case left out with why (an `Exclusion`); a case listed twice under one reason
 * is named once.
 * @returns The phrase ("" for none).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { groupedExclusions } from "#lib/prose.ts";
 * const xs = [
 *   { caseId: "4", reason: "never takes x" },
 *   { caseId: "6", reason: "no value after x" },
 *   { caseId: "5", reason: "never takes x" },
 * ];
 * assert.equal(groupedExclusions(xs), "cases 4 and 5: never takes x; case 6: no value after x");
 * ```
 */
export function groupedExclusions(
  xs: readonly { readonly caseId: string; readonly reason: string }[],
): string {
  const byReason = new Map<string, string[]>();
  for (const e of xs) {
    const ids = byReason.get(e.reason) ?? [];
    if (!ids.includes(e.caseId)) ids.push(e.caseId);
    byReason.set(e.reason, ids);
  }
  return [...byReason].map(([reason, ids]) => `${casesListing(ids)}: ${reason}`).join("; ");
}

/**
 * The note under a table or figure of an analysis that leaves out the cases with no change after
 * the drug: which cases and why, grouped by reason; none when no case is left out.
 *
 * @param excluded The cases left out, each with its reason.
 * @returns The note, alone in an array, or no note.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { noChangeNotes } from "#lib/prose.ts";
 * assert.deepEqual(noChangeNotes([{ caseId: "4", reason: "never takes x" }]), [
 *   "No change after the drug for case 4: never takes x.",
 * ]);
 * assert.deepEqual(noChangeNotes([]), []);
 * ```
 */
export function noChangeNotes(
  excluded: readonly { readonly caseId: string; readonly reason: string }[],
): string[] {
  return excluded.length ? [`No change after the drug for ${groupedExclusions(excluded)}.`] : [];
}

/**
 * The word that agrees with a count: `one` for 1, `many` otherwise ("is"/"are", "has"/"have").
 *
 * @param n The count.
 * @param one The word for one.
 * @param many The word for any other count.
 * @returns The word.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { agree } from "#lib/prose.ts";
 * assert.equal(`2 values ${agree(2, "is", "are")} stated`, "2 values are stated");
 * ```
 */
export function agree(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/**
 * Words to be set in brackets, with brackets of their own turned into dashes, so that no bracket
 * stands within another: "the day of surgery (a transection)" becomes "the day of surgery — a
 * transection"; text after such a bracket is set off by a second dash, and a bracket within a
 * bracket is one more piece between dashes.
 *
 * @param text The words (from the data, say).
 * @returns The words without round brackets of their own.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { unbracketed } from "#lib/prose.ts";
 * assert.equal(unbracketed("the day of surgery (a transection)"), "the day of surgery — a transection");
 * assert.equal(unbracketed("the fall (at home) and its surgery"), "the fall — at home — and its surgery");
 * assert.equal(unbracketed("a (b (c)), d"), "a — b — c, d");
 * assert.equal(unbracketed("the accident"), "the accident");
 * ```
 */
export function unbracketed(text: string): string {
  // The pieces between brackets, joined by dashes (a dash before a comma or full stop dropped).
  return text.split(/[()]/).map((p) => p.trim()).filter((p) => p !== "").join(" — ")
    .replace(/ — (?=[,.;:])/g, "");
}

/**
 * Words from the data (a time's `words`, a value's note) as they read inside a sentence: the
 * first letter in lower case when the first word is capitalised only because it begins the
 * data's words, that is a word of one capital and lower-case letters ("Six months later",
 * "Drug-a was started": drug names are written in lower case in the data) or
 * the article "A". Kept as written: an acronym or any word with another capital ("VAS", "NSAID",
 * "McGill"), the pronoun "I", a word with digits, and words that begin otherwise. A proper noun
 * that begins the words (a place, a brand) cannot be told by its spelling: name it in `keep`.
 *
 * @param words The words.
 * @param keep Words that keep their capital (proper nouns), as written.
 * @returns The words as they read mid-sentence.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { midSentence } from "#lib/prose.ts";
 * assert.equal(midSentence("Six months later (read as six months)"), "six months later (read as six months)");
 * assert.equal(midSentence("A week later"), "a week later");
 * assert.equal(midSentence("VAS 6.6 at the visit"), "VAS 6.6 at the visit");
 * assert.equal(midSentence("I felt"), "I felt");
 * assert.equal(midSentence("Kyoto visit", ["Kyoto"]), "Kyoto visit");
 * assert.equal(midSentence("within 6 days"), "within 6 days");
 * ```
 */
export function midSentence(words: string, keep: readonly string[] = []): string {
  const first = /^(\p{Lu}\p{Ll}*)(?![\p{L}\p{N}])/u.exec(words)?.[1];
  if (first === undefined || keep.includes(first)) return words;
  if (first.length === 1 && first !== "A") return words;
  return first[0].toLowerCase() + words.slice(1);
}

/**
 * Words as they begin a sentence: the first letter in capitals ("the pain" → "The pain"), the
 * rest as written.
 *
 * @param words The words.
 * @returns The words with a capital first letter.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sentenceStart } from "#lib/prose.ts";
 * assert.equal(sentenceStart("pain values stated"), "Pain values stated");
 * assert.equal(sentenceStart("VAS 6.6"), "VAS 6.6");
 * assert.equal(sentenceStart(""), "");
 * ```
 */
export function sentenceStart(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}
