/**
 * The claims notebook's table: the ledger of each article's claims with their verdicts.
 *
 * @module
 */
import { expectSeries } from "../args.ts";
import type { Row } from "../display.ts";
import type { CaseSeries } from "../model.ts";
import { claimNumber, claimsLedger } from "../claims/mod.ts";

/**
 * The claims ledger as rows: each claim with where the article makes it, the cases it was judged
 * on (of its own article), the verdict, the computed evidence and the rule.
 *
 * @param s The case series.
 * @returns One row per claim.
 * @example
 * ```ts
 * import { loadCaseSeries, claimRows } from "#lib/mod.ts";
 * const rows = claimRows(await loadCaseSeries());
 * if (!rows.every((r) => r.verdict !== null && r.evidence !== null)) throw new Error();
 * ```
 */
export function claimRows(s: CaseSeries): Row[] {
  expectSeries("claimRows", s);
  const seen = new Map<string, number>();
  return claimsLedger(s).map((c) => {
    const k = seen.get(c.sourceId) ?? 0;
    seen.set(c.sourceId, k + 1);
    return {
      // The number the verdicts figure prints beside the claim.
      no: claimNumber(k),
      claim: c.quote,
      where: `${c.where} (${c.sourceId})`,
      cases: c.cases.join(", "),
      verdict: c.verdict,
      evidence: c.evidence,
      rule: c.rule,
    };
  });
}

/** The columns of {@link claimRows}, for the header of a ledger with no claims. */
export const CLAIM_COLUMNS: readonly string[] = [
  "no",
  "claim",
  "where",
  "cases",
  "verdict",
  "evidence",
  "rule",
];
