/**
 * What an article's text says of blinding, where the appraisal's limits of the design would
 * otherwise state its silence. A limit says that the text names no blinding (or no blinded or
 * independent assessor) only when none of the feature's words is in the text, matched without
 * regard to case at the start of a word; else it quotes the sentences that hold them, for the
 * reader to judge whether they cover the pain ratings. The words are few and broad on purpose: a
 * word used in another sense ("blindness") costs a quote, never a false statement of silence.
 *
 * @module
 */

/** A feature of the design whose mention the text is searched for. */
export type DesignFeature = "blinding" | "assessor";

/** The words of each feature (the start of a word: "blind" finds "blinded", "double-blind"). */
export const DESIGN_WORDS: Readonly<Record<DesignFeature, readonly string[]>> = {
  blinding: ["blind", "mask"],
  assessor: ["blind", "mask", "assessor", "independent"],
};

/** Each feature in words. */
const FEATURE_WORDS: Readonly<Record<DesignFeature, string>> = {
  blinding: "blinding",
  assessor: "blinding or an independent assessor",
};

/** Per feature, the sentences of an article's text that hold one of its words (none: silent). */
export type DesignMentions = Readonly<Record<DesignFeature, readonly string[]>>;

/** The most sentences quoted for one feature, and the most characters quoted of each. */
const QUOTED = { sentences: 2, chars: 200 };

/**
 * The sentences of a text that mention each feature of the design.
 *
 * @param text The article's text (normalised: white space folded).
 * @returns Per feature, the sentences holding one of its words, in text order.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { designMentions } from "#lib/mod.ts";
 * const m = designMentions("Pain was rated on a VAS. Ratings were collected by an independent nurse.");
 * assert.deepEqual(m.blinding, []);
 * assert.deepEqual(m.assessor, ["Ratings were collected by an independent nurse."]);
 * ```
 */
export function designMentions(text: string): DesignMentions {
  // Most texts hold none of the words: one scan of the text, no sentence split (the loader calls
  // this for every article).
  if (!ANY_WORD.test(text)) return SILENT;
  const sentences = text.split(/(?<=[.!?])\s+/).map((s) => s.trim()).filter((s) => s !== "");
  const holding = (word: RegExp) => sentences.filter((s) => word.test(s));
  return { blinding: holding(WORD.blinding), assessor: holding(WORD.assessor) };
}

/** The start of a word of each feature, and of any of them. */
const startOf = (words: readonly string[]) => new RegExp(`\\b(${words.join("|")})`, "i");
const WORD: Readonly<Record<DesignFeature, RegExp>> = {
  blinding: startOf(DESIGN_WORDS.blinding),
  assessor: startOf(DESIGN_WORDS.assessor),
};
const ANY_WORD = startOf([...new Set(Object.values(DESIGN_WORDS).flat())]);

/** A text that mentions no feature. */
const SILENT: DesignMentions = Object.freeze({ blinding: [], assessor: [] });

/**
 * The sentences of an article's text that mention a feature, quoted as one sentence for a limit
 * of the design (at most two, each cut at 200 characters); `null` when the text is silent on it.
 *
 * @param mentions The article's mentions (`series.articles.mentions`).
 * @param feature The feature.
 * @returns "The text mentions blinding: "…"; whether it covers the pain ratings is for the reader
 * to judge.", or `null`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { designMentions, mentionOf } from "#lib/mod.ts";
 * assert.equal(mentionOf(designMentions("Pain fell."), "blinding"), null);
 * assert.equal(
 *   mentionOf(designMentions("Ratings were blinded. Pain fell."), "blinding"),
 *   'The text mentions blinding: "Ratings were blinded."; whether it covers the pain ratings ' +
 *     "is for the reader to judge.",
 * );
 * ```
 */
export function mentionOf(mentions: DesignMentions, feature: DesignFeature): string | null {
  const found = mentions[feature];
  if (found.length === 0) return null;
  const quoted = found.slice(0, QUOTED.sentences).map((s) =>
    `"${s.length > QUOTED.chars ? `${s.slice(0, QUOTED.chars)}…` : s}"`
  );
  return `The text mentions ${FEATURE_WORDS[feature]}: ${quoted.join("; ")}` +
    `${found.length > quoted.length ? " (and more)" : ""}; whether it covers the pain ratings ` +
    "is for the reader to judge.";
}
