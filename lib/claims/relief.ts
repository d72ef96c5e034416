/**
 * The one rule that turns an article's words for the absence of pain into thresholds on the pain
 * scale, so that every claim using the same word is judged the same way. Words that state no pain
 * at all ("total", "full", "complete", the words of no pain of `quotes.ts` — "no pain",
 * "pain-free", "free of pain", "painless" — and the adverbs "totally", "fully",
 * "completely", "entirely" when a word of relief stands within three words of them: "completely
 * disappeared", not "fully titrated") are supported by a value of 0 and
 * partly by a value in the published "no pain" band; qualified words are supported by a value in
 * that band and not otherwise: "near-total", "virtual(ly)", "hardly", and any word of no pain
 * after a qualifier ("almost", "nearly", "near", "virtually", "practically": "almost complete",
 * "nearly total", "almost no"). The band is {@link NO_PAIN_BAND}, from a published reanalysis of
 * VAS ratings, on the common 0–10 metric; a claim's thresholds are in the own unit of its cases'
 * scale (`thresholds.ts`), so the band is 0.4 cm on a 10 cm VAS and 4 mm on a 100 mm VAS.
 *
 * @module
 */
import { NO_PAIN_QUALIFIERS, NO_PAIN_WORDS } from "../quotes.ts";
import type { Scale } from "../scales.ts";
import type { ClaimRule } from "./params.ts";
import { fromCommon } from "./thresholds.ts";

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

/** A word as a regular expression source that matches it literally. */
const literal = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Words that state no pain at all (as regular expression sources): "total", "full", "complete",
 * and the words of no pain the value rule `no-pain` reads as 0 (`NO_PAIN_WORDS`: "no pain",
 * "pain-free", "free of pain", "painless").
 */
const ABSOLUTE_ADJECTIVES = [
  String.raw`total`,
  String.raw`full`,
  String.raw`complete`,
  ...NO_PAIN_WORDS.map(literal),
];

/**
 * Adverbs that state no pain at all, but only beside a word of relief ({@link RELIEF_CONTEXT}):
 * "completely disappeared", "entirely free of pain", not "fully titrated".
 */
const ABSOLUTE_ADVERBS = [
  String.raw`totally`,
  String.raw`fully`,
  String.raw`completely`,
  String.raw`entirely`,
] as const;

/**
 * Words of relief an absolute adverb must stand beside (within {@link CONTEXT_WORDS} words before
 * or after it) to be read as relief.
 */
const RELIEF_CONTEXT =
  /^(?:relie(?:f|ved?)|pain-?free|painless|free|disappear\w*|resol(?:ved?|ution)|absen(?:t|ce)|gone|remi(?:ssion|tted)|subsided?|vanish\w*|abolish\w*)$/i;

/** How many words either side of an absolute adverb are searched for a word of relief. */
const CONTEXT_WORDS = 3;

/**
 * Words that, before a word of no pain (or "no"), make it qualified: "almost complete" (the one
 * list, shared with the value rule `no-pain`: `NO_PAIN_QUALIFIERS`).
 */
const QUALIFIERS = NO_PAIN_QUALIFIERS;

/** A qualifier, then one of `words`. */
const qualified = (words: readonly string[]) =>
  new RegExp(String.raw`\b(?:${QUALIFIERS.join("|")})[- ](?:${words.join("|")})\b`, "gi");

/**
 * The words of each kind, as patterns (the qualified ones are matched first); `context`: only
 * beside a word of relief.
 */
const WORDS: readonly { kind: ReliefKind; pattern: RegExp; context: boolean }[] = [
  { kind: "qualified", pattern: qualified([...ABSOLUTE_ADVERBS]), context: true },
  { kind: "qualified", pattern: qualified([...ABSOLUTE_ADJECTIVES, "no"]), context: false },
  { kind: "qualified", pattern: /\bvirtual(?:ly)?\b/gi, context: false },
  { kind: "qualified", pattern: /\bhardly\b/gi, context: false },
  ...ABSOLUTE_ADVERBS.map((w) => ({
    kind: "absolute" as const,
    pattern: new RegExp(String.raw`\b${w}\b`, "gi"),
    context: true,
  })),
  ...ABSOLUTE_ADJECTIVES.map((w) => ({
    kind: "absolute" as const,
    pattern: new RegExp(String.raw`\b${w}\b`, "gi"),
    context: false,
  })),
];

/** Whether a word of relief stands within {@link CONTEXT_WORDS} words of `quote[at, end)`. */
function inReliefContext(quote: string, at: number, end: number): boolean {
  const words = (s: string) => s.split(/[^\p{L}\p{N}-]+/u).filter((w) => w.length > 0);
  const before = words(quote.slice(0, at)).slice(-CONTEXT_WORDS);
  const after = words(quote.slice(end)).slice(0, CONTEXT_WORDS);
  return [...before, ...after].some((w) => RELIEF_CONTEXT.test(w));
}

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
  for (const { kind, pattern, context } of WORDS) {
    rest = rest.replace(pattern, (m: string, at: number) => {
      if (context && !inReliefContext(quote, at, at + m.length)) return m;
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
 * no word for relief, or when the thresholds are those of the word's kind in the own unit of its
 * cases' scale ({@link RELIEF_THRESHOLDS} through `fromCommon`: the band is 4 on a 100 mm VAS);
 * else one message. A quote with words of both kinds on a rule with thresholds must be split into
 * two claims, as must a claim whose cases' scales put the thresholds at different numbers.
 *
 * @param quote The claim's quote.
 * @param rule Its rule and parameters.
 * @param scales The scales of its cases' values (none: the thresholds are read on the common
 * 0–10 metric, as on a 10 cm VAS).
 * @returns The problems (empty when consistent).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { reliefProblems, SCALES } from "#lib/mod.ts";
 * const rule = {
 *   kind: "last-value",
 *   params: {
 *     supported_at_most: 0,
 *     partly_at_most: 1,
 *     within_days: null,
 *     long_term_days: null,
 *     unit: "cm",
 *   },
 * } as const;
 * assert.equal(reliefProblems("full pain relief", rule).length, 1); // 1 is not 0.4
 * // "almost no pain" on a 100 mm VAS: the band is 4 mm.
 * const mm = { kind: "value-at-most", params: { time_id: "t", at_most: 4, unit: "mm" } } as const;
 * assert.deepEqual(reliefProblems("almost no pain", mm, [SCALES["vas-100mm"]]), []);
 * ```
 */
export function reliefProblems(
  quote: string,
  rule: ClaimRule,
  scales: Iterable<Scale> = [],
): string[] {
  const t = ruleThresholds(rule);
  const words = reliefWords(quote);
  if (!t || words.length === 0) return [];
  const kinds = [...new Set(words.map((w) => w.kind))];
  if (kinds.length > 1) {
    return [`words of both kinds (${words.map((w) => w.word).join(", ")}): split the claim`];
  }
  const want = RELIEF_THRESHOLDS[kinds[0]];
  const distinct = [...new Map([...scales].map((s) => [s.id, s])).values()];
  const expected = (distinct.length ? distinct : [null]).map((s) => {
    const own = (x: number | null) => x === null || s === null ? x : fromCommon(s, x);
    return {
      supported: own(want.supportedAtMost),
      partly: own(want.partlyAtMost),
      band: own(NO_PAIN_BAND.atMost),
      unit: s?.unit ? ` ${s.unit}` : "",
    };
  });
  const e = expected[0];
  if (expected.some((x) => x.supported !== e.supported || x.partly !== e.partly)) {
    return [
      `"${words[0].word}" is judged at different numbers on the scales of its cases (` +
      distinct.map((s, i) => `${s.id}: ≤ ${expected[i].supported}`).join(", ") +
      "): split the claim by scale",
    ];
  }
  const eq = (a: number | null, b: number | null) =>
    a === null || b === null ? a === b : Math.abs(a - b) < 1e-9;
  const same = eq(t.supportedAtMost, e.supported) &&
    (rule.kind !== "last-value" || eq(t.partlyAtMost, e.partly));
  return same ? [] : [
    `"${words[0].word}" is judged supported at ≤ ${e.supported}${e.unit}` +
    (e.partly === null ? ", never partly" : `, partly at ≤ ${e.partly}${e.unit}`) +
    ` (no-pain band ≤ ${e.band}${e.unit}: ${NO_PAIN_BAND.source}); this rule uses ` +
    `${t.supportedAtMost}` + (t.partlyAtMost === null ? "" : ` and ${t.partlyAtMost}`),
  ];
}
