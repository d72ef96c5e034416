/**
 * The claims ledger: each claim an article makes about its patients, judged by a stated rule on
 * the cases of that article only (cases from other articles never change its verdict), beside
 * the numbers computed from the values it reports. The claims are data
 * (`data/articles/<source_id>/claims.csv`, read by `lib/articles.ts` into `series.articles`); the
 * rules that judge them are code (`claims/rules/mod.ts`), chosen by name with their parameters.
 *
 * @module
 */
import { expectSeries } from "../args.ts";
import type { ClaimData } from "../articles.ts";
import type { Case, CaseSeries } from "../model.ts";
import { withRounding } from "../rounding.ts";
import { judge, type Judgement, type Verdict } from "./rules/mod.ts";
import { judgesDays, selfDated, selfDatedEvidence } from "./dating.ts";

export type { Verdict } from "./rules/mod.ts";
export type { ClaimData } from "../articles.ts";

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
  /**
   * The verdict with every stated value widened by its rounding (half a unit of its last stated
   * digit, `withRounding` in `lib/rounding.ts`), judged by the same rule: since every rule counts
   * a value at the bound least favourable to the claim, this is the verdict at the least
   * favourable rounding; the verdict "moves under rounding" when it differs from `verdict`.
   */
  rounded: { verdict: Verdict; evidence: string };
}

/**
 * The claims recorded for the articles of a series, article by article in `sources.csv` order,
 * each article's claims in file order.
 *
 * @param series The case series.
 * @returns Every recorded claim.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, recordedClaims } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * assert.ok(recordedClaims(s).every((c) => s.sources.has(c.sourceId)));
 * ```
 */
export function recordedClaims(series: CaseSeries): ClaimData[] {
  expectSeries("recordedClaims", series);
  return [...series.sources.keys()].flatMap((id) => series.articles?.records.get(id)?.claims ?? []);
}

/**
 * The articles of a series with no claim recorded (no `claims.csv`, or one without rows), in
 * `sources.csv` order.
 *
 * @param series The case series.
 * @returns Their `source_id`s.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { articlesWithoutClaims, loadCaseSeries, recordedClaims } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * const ids = articlesWithoutClaims(s);
 * assert.ok(!recordedClaims(s).some((c) => ids.includes(c.sourceId)));
 * ```
 */
export function articlesWithoutClaims(series: CaseSeries): string[] {
  expectSeries("articlesWithoutClaims", series);
  return [...series.sources.keys()].filter((id) =>
    (series.articles?.records.get(id)?.claims ?? []).length === 0
  );
}

/**
 * Evaluates claims, each on the cases of its own article (`Case.sourceId`): a claim about named
 * cases takes those of its article, a claim about "all" takes every case of its article, and
 * each is judged about its own drug (its `drug` column). A named case missing from the data makes
 * the claim "cannot be assessed", with the reason, as does a day the rule judges that is read from
 * the claim's own words (`claims/dating.ts`: the evidence gives the verdict at that reading and
 * the other readings of that day). Each claim is judged twice: on the values as
 * stated (`verdict`) and with every stated value widened by its rounding (`rounded`).
 *
 * @param series The case series.
 * @param claims The claims (default: every claim recorded for the series' articles).
 * @returns One result per claim whose article is in `series.sources`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { claimsLedger, loadCaseSeries } from "#lib/mod.ts";
 * const ledger = claimsLedger(await loadCaseSeries());
 * assert.ok(ledger.every((c) => c.evidence.length > 0), "a claim without evidence");
 * // Rounding only widens the values: a claim that cannot be assessed stays so with rounding.
 * const cannot = ledger.filter((c) => c.verdict === "cannot be assessed");
 * assert.ok(cannot.every((c) => c.rounded.verdict === "cannot be assessed"));
 * ```
 */
export function claimsLedger(
  series: CaseSeries,
  claims?: readonly ClaimData[],
): ClaimResult[] {
  expectSeries("claimsLedger", series);
  return (claims ?? recordedClaims(series)).filter((c) => series.sources.has(c.sourceId)).map(
    (claim) => {
      const own = series.cases.filter((c) => c.sourceId === claim.sourceId);
      const named = claim.cases;
      const cases = named === "all" ? own : own.filter((c) => named.includes(c.id));
      const missing = named === "all" ? [] : named.filter((id) => !cases.some((c) => c.id === id));
      // A day read from the claim's own words cannot test it (`dating.ts`).
      const dated = judgesDays(claim.judge) ? selfDated(claim.quote, cases, series.readings) : [];
      const judged = (xs: readonly Case[]): Judgement => {
        if (missing.length) {
          return {
            verdict: "cannot be assessed",
            evidence: `case ${missing.join(", ")} of ${claim.sourceId} is not in the data.`,
          };
        }
        const j = judge(claim.judge, claim.drug, xs);
        return dated.length
          ? { verdict: "cannot be assessed", evidence: selfDatedEvidence(dated, j) }
          : j;
      };
      const { verdict, evidence } = judged(cases);
      return {
        id: claim.id,
        sourceId: claim.sourceId,
        cases: cases.map((c) => c.id),
        where: claim.where,
        quote: claim.quote,
        rule: claim.rule,
        verdict,
        evidence,
        rounded: judged(cases.map(withRounding)),
      };
    },
  );
}

/**
 * The number a claim goes by in the claims table and the verdicts figure: "C" and its position
 * among its own article's claims in the ledger's order, from 1.
 *
 * @param index The claim's position (from 0) among its article's claims.
 * @returns Its number.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { claimNumber } from "#lib/mod.ts";
 * assert.equal(claimNumber(0), "C1"); // claims are numbered from C1
 * ```
 */
export function claimNumber(index: number): string {
  return `C${index + 1}`;
}
