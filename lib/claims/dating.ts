/**
 * A claim dated by its own words: a time point whose reading of the text (the words of
 * `timepoints.csv` beyond its own passage, such as "read from the drug's start: relief
 * complete within a month") repeats a phrase of a claim cannot date a value that tests that claim,
 * since the day would then agree with the claim by construction. A claim whose rule judges days
 * (a `within_days` or `long_term_days` parameter) at a value so dated, directly or through its
 * anchors, cannot be assessed; the ledger says which day, which words, what the verdict would be
 * at that reading and which other readings of that day exist (`readings.csv`).
 *
 * @module
 */
import type { ClaimRule } from "./params.ts";
import type { Case, Timepoint } from "../model.ts";
import type { Reading } from "../readings_schema.ts";
import { listing } from "../prose.ts";
import { timeName } from "../time_words.ts";

/**
 * The fewest consecutive words a time point's reading must share with a claim's quote to be read
 * from it: three, the shortest phrase that states a time ("within a month", "by 25 days").
 */
export const SHARED_WORDS = 3;

/** A time point of a claim's case whose day is read from the claim's own words. */
export interface SelfDated {
  /** The case. */
  caseId: string;
  /** The time point whose reading repeats the claim. */
  timeId: string;
  /** Its words (`timepoints.csv`). */
  words: string;
  /** Its name for a reader (`timeName`: by the value stated at it, else its words quoted). */
  name: string;
  /** The phrase of the claim its words repeat. */
  shared: string;
  /** The time points of the case's values dated through it (itself, or anchored on it). */
  dates: string[];
  /** The names for a reader of those of `dates` other than itself (`timeName`), in order. */
  dateNames: string[];
  /**
   * The other readings of that day (`readings.csv`) in words: their `choice`, without a leading
   * "case <id>: " (the evidence names the case already).
   */
  readings: string[];
}

/** The words of a text, in lower case (letters and digits). */
const wordsOf = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * The longest run of at least {@link SHARED_WORDS} consecutive words of `reading` that is in
 * `quote` but not in `own` (the passage the reading is of), as text; `null` when there is none.
 */
function sharedPhrase(reading: string, quote: string, own: string): string | null {
  const r = wordsOf(reading);
  const q = ` ${wordsOf(quote).join(" ")} `;
  const o = ` ${wordsOf(own).join(" ")} `;
  let best: string | null = null;
  for (let i = 0; i < r.length; i++) {
    for (let j = i + SHARED_WORDS; j <= r.length; j++) {
      const run = r.slice(i, j).join(" ");
      if (!q.includes(` ${run} `)) break;
      if (!o.includes(` ${run} `) && (best === null || run.length > best.length)) best = run;
    }
  }
  return best;
}

/**
 * Whether a rule judges the days of its values (a `within_days` or `long_term_days` parameter that
 * is set): only then can the reading of a day decide its verdict.
 *
 * @param rule A claim's rule and parameters.
 * @returns True when it judges days.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { judgesDays } from "#lib/claims/dating.ts";
 * assert.ok(judgesDays({ kind: "zero-within-days", params: { within_days: 30 } }));
 * assert.ok(!judgesDays({ kind: "last-value-reduction", params: { min_percent: 50 } }));
 * ```
 */
export function judgesDays(rule: ClaimRule): boolean {
  const p = rule.params as Record<string, unknown>;
  return ["within_days", "long_term_days"].some((k) => typeof p[k] === "number");
}

/** A reading in words (its `choice`), without a leading "case <id>: " the evidence says already. */
function readingWords(r: Reading, caseId: string): string {
  const prefix = `case ${caseId}: `;
  return r.choice.startsWith(prefix) ? r.choice.slice(prefix.length) : r.choice;
}

/**
 * The time points of a claim's cases whose day is read from the claim's own words: their reading
 * (the time point's words) shares at least {@link SHARED_WORDS} consecutive words with the claim's
 * quote that its own passage does not contain, and a value of the case is dated through it.
 *
 * @param quote The claim's quote.
 * @param cases The claim's cases.
 * @param readings The other readings of the text (`series.readings`).
 * @returns One entry per such time point.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries } from "#lib/mod.ts";
 * import { selfDated } from "#lib/claims/dating.ts";
 * const s = await loadCaseSeries();
 * // A quote that repeats no time point's reading dates nothing.
 * assert.deepEqual(selfDated("the patient was satisfied", s.cases, s.readings), []);
 * // A time point's own passage is what it reads, never a reading taken from the claim.
 * const t = s.cases[0].timepoints[0];
 * assert.deepEqual(selfDated(t.quote, [s.cases[0]], s.readings), []);
 * ```
 */
export function selfDated(
  quote: string,
  cases: readonly Case[],
  readings: readonly Reading[] = [],
): SelfDated[] {
  return cases.flatMap((c) => {
    const byId = new Map(c.timepoints.map((t) => [t.id, t]));
    // The chain of anchors a time point's day is measured through, itself first.
    const chain = (t: Timepoint): string[] => {
      const ids: string[] = [];
      for (
        let x: Timepoint | undefined = t;
        x && !ids.includes(x.id);
        x = byId.get(x.anchor ?? "")
      ) {
        ids.push(x.id);
      }
      return ids;
    };
    const valued = c.observations.map((o) => byId.get(o.day.timeId)).filter((t) => t !== undefined);
    return c.timepoints.flatMap((t) => {
      const shared = sharedPhrase(t.words, quote, t.quote);
      if (shared === null) return [];
      const dates = [...new Set(valued.filter((v) => chain(v).includes(t.id)).map((v) => v.id))];
      if (dates.length === 0) return [];
      const other = readings.filter((r) =>
        r.rows.some((row) => row.case_id === c.id && row.time_id === t.id)
      );
      return [{
        caseId: c.id,
        timeId: t.id,
        words: t.words,
        name: timeName(c, t.id),
        shared,
        dates,
        dateNames: dates.filter((d) => d !== t.id).map((d) => timeName(c, d)),
        readings: other.map((r) => readingWords(r, c.id)),
      }];
    });
  });
}

/**
 * The evidence of a claim that cannot be assessed because a day it judges is read from its own
 * words: which day, which words, the verdict at that reading and the other readings of that day.
 *
 * @param found The self-dated time points ({@link selfDated}), at least one.
 * @param asRead The verdict and evidence at the reading used.
 * @returns The evidence.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { selfDatedEvidence } from "#lib/claims/dating.ts";
 * const found = [{
 *   caseId: "9", timeId: "t", words: "later (read as within a month)", name: "the VAS 0 report",
 *   shared: "within a month", dates: ["t"], dateNames: [], readings: ["the month from another report"],
 * }];
 * const text = selfDatedEvidence(found, { verdict: "supported", evidence: "case 9: VAS 0." });
 * assert.match(text, /other reading of that day: the month from another report/);
 * // Named by its value, not its id; its words between commas, not nested in brackets.
 * assert.ok(text.startsWith('case 9: the day of the VAS 0 report, "later (read as within a month)",'));
 * assert.ok(text.endsWith('it would be "supported": case 9: VAS 0.'));
 * ```
 */
export function selfDatedEvidence(
  found: readonly SelfDated[],
  asRead: { verdict: string; evidence: string },
): string {
  // Named for a reader, with the words the day is read from set off by commas: they may hold
  // brackets of their own.
  const each = found.map((f) =>
    `case ${f.caseId}: the day of ${
      f.name === `“${f.words}”` ? `"${f.words}"` : `${f.name}, "${f.words}",`
    } is read from the claim's own words ("${f.shared}")` +
    (f.dateNames.length
      ? `, and so are the days of the values measured from it (${listing(f.dateNames)})`
      : "") +
    (f.readings.length
      ? `; other ${f.readings.length === 1 ? "reading" : "readings"} of that day: ` +
        f.readings.join(", ")
      : "")
  );
  return `${each.join("; ")}; so that day cannot test the claim. At the reading used it would be ` +
    `"${asRead.verdict}": ${asRead.evidence}`;
}
