/**
 * The claims ledger: each claim an article makes about its patients, judged by a stated rule on
 * the cases of that article only (cases from other articles never change its verdict), beside
 * the numbers computed from the values it reports. The claims are data (`claims/<source>.ts`);
 * the rules that judge them are in `claims/rules.ts`.
 *
 * @module
 */
import type { CaseSeries } from "./model.ts";
import { type ClaimData, NAGOSHI_2012_CLAIMS } from "./claims/nagoshi-2012.ts";
import { judge, type Verdict } from "./claims/rules.ts";

export type { Verdict } from "./claims/rules.ts";
export type { ClaimData } from "./claims/nagoshi-2012.ts";

/** Every claim of every article with a claims file. */
export const CLAIMS: readonly ClaimData[] = [...NAGOSHI_2012_CLAIMS];

/** Every verdict, in display order. */
export const VERDICTS: readonly Verdict[] = [
  "supported",
  "partly supported",
  "not supported",
  "cannot be assessed",
];

/** One evaluated claim. */
export interface ClaimResult {
  /** Short identifier. */
  id: string;
  /** The article making the claim. */
  sourceId: string;
  /** Cases the claim was judged on (of its own article). */
  cases: string[];
  /** Where in the article. */
  where: string;
  /** The claim, quoted from the article. */
  quote: string;
  /** How the verdict is decided. */
  rule: string;
  /** The verdict. */
  verdict: Verdict;
  /** The computed numbers behind it, in words (the reason, when it cannot be assessed). */
  evidence: string;
}

/**
 * Evaluates every claim whose article is in the dataset, each on the cases of its own article
 * (`Case.sourceId`): a claim about named cases takes those of its article, a claim about "all"
 * takes every case of its article. A named case missing from the data makes the claim "cannot be
 * assessed", with the reason.
 *
 * @param series The case series.
 * @param claims The claims (default: every claims file).
 * @returns One result per claim whose article is in `series.sources`.
 * @example
 * ```ts
 * import { loadCaseSeries } from "./load.ts";
 * import { claimsLedger } from "./claims.ts";
 * const ledger = claimsLedger(await loadCaseSeries());
 * ledger.find((c) => c.id === "case2-within-6-days")?.verdict; // "supported"
 * ```
 */
export function claimsLedger(
  series: CaseSeries,
  claims: readonly ClaimData[] = CLAIMS,
): ClaimResult[] {
  return claims.filter((c) => series.sources.has(c.sourceId)).map((claim) => {
    const own = series.cases.filter((c) => c.sourceId === claim.sourceId);
    const cases = claim.cases === "all"
      ? own
      : own.filter((c) => (claim.cases as readonly string[]).includes(c.id));
    const missing = claim.cases === "all"
      ? []
      : claim.cases.filter((id) => !cases.some((c) => c.id === id));
    const { verdict, evidence } = missing.length
      ? {
        verdict: "cannot be assessed" as const,
        evidence: `case ${missing.join(", ")} of ${claim.sourceId} is not in the data.`,
      }
      : judge(claim.judge, cases);
    return {
      id: claim.id,
      sourceId: claim.sourceId,
      cases: cases.map((c) => c.id),
      where: claim.where,
      quote: claim.quote,
      rule: claim.rule,
      verdict,
      evidence,
    };
  });
}
