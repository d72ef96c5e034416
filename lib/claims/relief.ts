/**
 * The one rule that turns an article's words for the absence of pain into thresholds on a 0–10
 * pain scale (cm on a 10 cm VAS), so that every claim using the same word is judged the same way.
 * Words that state no pain at all ("total", "full", "complete", "no pain") are supported by a
 * value of 0 and partly by a value in the published "no pain" band; qualified words
 * ("near-total", "almost no", "virtual(ly)", "hardly") are supported by a value in that band and
 * not otherwise. The band is {@link NO_PAIN_BAND}, from a published reanalysis of VAS ratings.
 *
 * @module
 */
import type { ClaimRule } from "./params.ts";

/**
 * The "no pain" band of the VAS: ratings of 0 to 4 mm of a 100 mm VAS (0.4 cm of 10 cm),
 * "can be considered no pain" (5–44 mm mild, 45–74 moderate, 75–100 severe).
 */
export const NO_PAIN_BAND = {
  /** Upper end of the band on the 0–10 scale (cm on a 10 cm VAS), inclusive. */
  atMost: 0.4,
  /** Its publication. */
  source: "Jensen MP, Chen C, Brugger AM. Interpretation of visual analog scale ratings and " +
    "change scores: a reanalysis of two clinical trials of postoperative pain. J Pain " +
    "2003;4:407-414",
} as const;

/** The two kinds of words for relief: no pain at all, or qualified ("near", "almost"). */
export type ReliefKind = "absolute" | "qualified";

/** The thresholds a kind of word is judged by, on the 0–10 scale. */
export interface ReliefThresholds {
  /** Supported at or below this value. */
  supportedAtMost: number;
  /** Partly supported at or below this value (null: never partly). */
  partlyAtMost: number | null;
}

/** The thresholds of each kind of word, all from {@link NO_PAIN_BAND}. */
export const RELIEF_THRESHOLDS: Readonly<Record<ReliefKind, ReliefThresholds>> = {
  absolute: { supportedAtMost: 0, partlyAtMost: NO_PAIN_BAND.atMost },
  qualified: { supportedAtMost: NO_PAIN_BAND.atMost, partlyAtMost: null },
};

/** The words of each kind, as patterns (the qualified ones are matched first). */
const WORDS: readonly { kind: ReliefKind; pattern: RegExp }[] = [
  { kind: "qualified", pattern: /\bnear[- ]total\b/gi },
  { kind: "qualified", pattern: /\balmost no\b/gi },
  { kind: "qualified", pattern: /\bvirtual(?:ly)?\b/gi },
  { kind: "qualified", pattern: /\bhardly\b/gi },
  { kind: "absolute", pattern: /\btotal\b/gi },
  { kind: "absolute", pattern: /\bfull\b/gi },
  { kind: "absolute", pattern: /\bcomplete(?:ly)?\b/gi },
  { kind: "absolute", pattern: /\bno pain\b/gi },
];

/**
 * The words for relief in a quote, with their kind, in the order of {@link WORDS}; a qualified
 * phrase is not counted again as the absolute word inside it ("near-total" is not "total").
 *
 * @param quote A claim's quote.
 * @returns The words found (lower case), each with its kind.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { reliefWords } from "#lib/mod.ts";
 * const w = reliefWords("a long-term near-total absence of pain");
 * assert.deepEqual(w.map((x) => x.kind), ["qualified"]); // near-total is qualified
 * assert.equal(reliefWords("full pain relief")[0].kind, "absolute");
 * ```
 */
export function reliefWords(quote: string): { word: string; kind: ReliefKind }[] {
  let rest = quote;
  const found: { word: string; kind: ReliefKind }[] = [];
  for (const { kind, pattern } of WORDS) {
    rest = rest.replace(pattern, (m) => {
      found.push({ word: m.toLowerCase(), kind });
      return " ".repeat(m.length);
    });
  }
  return found;
}

/**
 * The relief thresholds a claim's rule applies on the pain scale, or null for a rule that takes
 * none (its parameters are read as {@link RELIEF_THRESHOLDS} names them).
 *
 * @param rule A claim's rule with its parameters.
 * @returns Its thresholds, or null.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ruleThresholds } from "#lib/mod.ts";
 * const t = ruleThresholds({
 *   kind: "value-at-most",
 *   params: { time_id: "x", at_most: 0.4, unit: "cm" },
 * });
 * assert.equal(t?.supportedAtMost, 0.4);
 * assert.equal(t?.partlyAtMost, null);
 * ```
 */
export function ruleThresholds(rule: ClaimRule): ReliefThresholds | null {
  switch (rule.kind) {
    case "last-value":
      return {
        supportedAtMost: rule.params.supported_at_most,
        partlyAtMost: rule.params.partly_at_most,
      };
    case "value-at-most":
      return { supportedAtMost: rule.params.at_most, partlyAtMost: null };
    case "rapid-and-near-total":
      return { supportedAtMost: rule.params.near_total_at_most, partlyAtMost: null };
    default:
      return null;
  }
}

/**
 * What is wrong with a claim's relief thresholds: empty when its rule takes none or its quote has
 * no word for relief, or when the thresholds are those of the word's kind; else one message. A
 * quote with words of both kinds on a rule with thresholds must be split into two claims.
 *
 * @param quote The claim's quote.
 * @param rule Its rule and parameters.
 * @returns The problems (empty when consistent).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { reliefProblems } from "#lib/mod.ts";
 * const rule = {
 *   kind: "last-value",
 *   params: { supported_at_most: 0, partly_at_most: 1, within_days: null, long_term_days: null },
 * } as const;
 * assert.equal(reliefProblems("full pain relief", rule).length, 1); // 1 is not 0.4
 * ```
 */
export function reliefProblems(quote: string, rule: ClaimRule): string[] {
  const t = ruleThresholds(rule);
  const words = reliefWords(quote);
  if (!t || words.length === 0) return [];
  const kinds = [...new Set(words.map((w) => w.kind))];
  if (kinds.length > 1) {
    return [`words of both kinds (${words.map((w) => w.word).join(", ")}): split the claim`];
  }
  const want = RELIEF_THRESHOLDS[kinds[0]];
  const same = t.supportedAtMost === want.supportedAtMost &&
    (rule.kind !== "last-value" || t.partlyAtMost === want.partlyAtMost);
  return same ? [] : [
    `"${words[0].word}" is judged supported at ≤ ${want.supportedAtMost}` +
    (want.partlyAtMost === null ? ", never partly" : `, partly at ≤ ${want.partlyAtMost}`) +
    ` (no-pain band ≤ ${NO_PAIN_BAND.atMost}: ${NO_PAIN_BAND.source}); this rule uses ` +
    `${t.supportedAtMost}` + (t.partlyAtMost === null ? "" : ` and ${t.partlyAtMost}`),
  ];
}
