/**
 * The number of cases a claim's quote says it is about ("None of the three patients", "all 3
 * cases", "both patients"), for the warning that a claim judged on every case of its article
 * (`cases` = `all`) speaks of another number of them: a case report extended with a case, or a
 * claim copied from another article.
 *
 * @module
 */
import { CARDINAL_WORD, NOT_COMPOUNDED, wordNumber } from "./number_words.ts";

/** A count of cases or patients: "three patients", "all 3 cases", "both cases". */
const COUNT = new RegExp(
  String
    .raw`\b(?:(both)|(\d+)|(${CARDINAL_WORD})${NOT_COMPOUNDED})\s+(?:of\s+the\s+)?(?:[a-z]+\s+)?` +
    String.raw`(?:patients|cases|subjects|amputees)\b`,
  "iu",
);

/**
 * The number of cases a quote counts, or `null` when it counts none.
 *
 * @param quote The claim's quote.
 * @returns The count, or null.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { statedCaseCount } from "#lib/claim_count.ts";
 * assert.equal(statedCaseCount("None of the three patients reported here"), 3);
 * assert.equal(statedCaseCount("in both cases"), 2);
 * assert.equal(statedCaseCount("all 4 amputees"), 4);
 * assert.equal(statedCaseCount("The patient improved"), null);
 * ```
 */
export function statedCaseCount(quote: string): number | null {
  const m = COUNT.exec(quote);
  if (m === null) return null;
  if (m[1]) return 2;
  return m[2] ? Number(m[2]) : wordNumber(m[3]);
}

/**
 * The warning for a claim judged on every case of its article whose quote counts another number
 * of cases, or `null`.
 *
 * @param quote The claim's quote.
 * @param cases The article's cases.
 * @param sourceId The article.
 * @returns The message, or null.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { caseCountWarning } from "#lib/claim_count.ts";
 * assert.equal(caseCountWarning("all three patients", ["1", "2", "3"], "a"), null);
 * assert.match(caseCountWarning("all three patients", ["1", "2", "3", "4"], "a")!, /counts 3/);
 * ```
 */
export function caseCountWarning(
  quote: string,
  cases: readonly string[],
  sourceId: string,
): string | null {
  const n = statedCaseCount(quote);
  if (n === null || n === cases.length) return null;
  return `the quote counts ${n} cases, but the claim (cases: all) is judged on the ` +
    `${cases.length} of ${sourceId} (${cases.join(", ")}): name the cases it is about, or ` +
    "check the cases of the article";
}
