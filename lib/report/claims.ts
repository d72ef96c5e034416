/**
 * The claims notebook's table: the ledger of each article's claims with their verdicts.
 *
 * @module
 */
import { expectSeries } from "../args.ts";
import type { Row } from "../display.ts";
import type { CaseSeries } from "../model.ts";
import { listing, plural } from "../prose.ts";
import { claimNumber, type ClaimResult, claimsLedger, VERDICTS } from "../claims/mod.ts";

/** Each claim of a ledger with the number it goes by among its own article's claims. */
function numbered(ledger: readonly ClaimResult[]): { c: ClaimResult; no: string }[] {
  const seen = new Map<string, number>();
  return ledger.map((c) => {
    const k = seen.get(c.sourceId) ?? 0;
    seen.set(c.sourceId, k + 1);
    return { c, no: claimNumber(k) };
  });
}

/**
 * The claims ledger as rows: each claim by its number among its article's claims and its
 * `claim_id` in the article's `claims.csv`, with where the article makes it, the cases it was judged
 * on (of its own article), the verdict, whether it holds with every stated value widened by its
 * rounding ("holds", or "moves under rounding: " and the verdict and evidence then), the computed
 * evidence and the rule.
 *
 * @param s The case series.
 * @param ledger Its claims ledger, when it is at hand (default: `claimsLedger(s)`).
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
export function claimRows(
  s: CaseSeries,
  ledger: readonly ClaimResult[] = claimsLedger(s),
): Row[] {
  expectSeries("claimRows", s);
  return numbered(ledger).map(({ c, no }) => {
    return {
      // The number the verdicts figure prints beside the claim.
      no,
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

/**
 * The sentence above the claims table: how many claims, each judged on its own article's cases,
 * the count of each verdict, and which claims (by their number in the table, and their article
 * when there are several) move when every stated value is widened by its rounding.
 *
 * @param ledger The claims ledger (`claimsLedger`).
 * @returns The paragraph.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { claimsLedger, claimsSummary, loadCaseSeries } from "#lib/mod.ts";
 * const ledger = claimsLedger(await loadCaseSeries());
 * const text = claimsSummary(ledger);
 * if (ledger.length === 0) assert.equal(text, "No claims are recorded.");
 * else assert.match(text, /^\d+ claims?, each judged on the cases of its own article: /);
 * assert.equal(claimsSummary([]), "No claims are recorded.");
 * ```
 */
export function claimsSummary(ledger: readonly ClaimResult[]): string {
  if (ledger.length === 0) return "No claims are recorded.";
  const tally = VERDICTS.map((v) => ({ v, n: ledger.filter((c) => c.verdict === v).length }))
    .filter((t) => t.n > 0);
  const several = new Set(ledger.map((c) => c.sourceId)).size > 1;
  const moved = numbered(ledger).filter(({ c }) => c.rounded.verdict !== c.verdict)
    .map(({ c, no }) => `${no}${several ? ` (${c.sourceId})` : ""}`);
  return `${plural(ledger.length, "claim")}, each judged on the cases of its own article: ` +
    `${listing(tally.map((t) => `${t.n} ${t.v}`))}. ` +
    (moved.length
      ? `With every stated value widened by half its last stated digit (column "under ` +
        `rounding"), the verdict of ${listing(moved)} moves.`
      : "No verdict moves with every stated value widened by half its last stated digit.");
}
