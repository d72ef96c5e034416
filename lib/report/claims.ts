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
 * The claims ledger as rows: each claim by its number among its article's claims and its
 * `claim_id` in the article's `claims.csv`, with where the article makes it, the cases it was judged
 * on (of its own article), the verdict, whether it holds with every stated value widened by its
 * rounding ("holds", or "moves under rounding: " and the verdict and evidence then), the computed
 * evidence and the rule.
 *
 * @param s The case series.
 * @returns One row per claim.
 * @example
 * ```ts
 * import { loadCaseSeries, claimRows } from "#lib/mod.ts";
 * const rows = claimRows(await loadCaseSeries());
 * if (!rows.every((r) => r.verdict !== null && r.evidence !== null)) throw new Error();
 * if (!rows.every((r) => String(r["under rounding"]).match(/^(holds|moves under rounding: )/))) {
 *   throw new Error("every claim says whether rounding moves it");
 * }
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
      // Its claim_id in its article's claims.csv (the numbers restart with each article).
      id: c.id,
      claim: c.quote,
      where: `${c.where} (${c.sourceId})`,
      cases: c.cases.join(", "),
      verdict: c.verdict,
      // The verdict with every stated value widened by its rounding, when it differs.
      "under rounding": c.rounded.verdict === c.verdict
        ? "holds"
        : `moves under rounding: ${c.rounded.verdict} (${c.rounded.evidence.replace(/\.$/, "")})`,
      evidence: c.evidence,
      rule: c.rule,
    };
  });
}

/** The columns of {@link claimRows}, for the header of a ledger with no claims. */
export const CLAIM_COLUMNS: readonly string[] = [
  "no",
  "id",
  "claim",
  "where",
  "cases",
  "verdict",
  "under rounding",
  "evidence",
  "rule",
];
