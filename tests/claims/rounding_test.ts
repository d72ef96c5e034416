/**
 * Claims judged under rounding, on constructed cases: a claim that holds only at the values as
 * stated (a reduction of exactly 50% from "VAS 4" to "VAS 2", each stated to the unit) moves once
 * every stated value is widened by half its last digit; the ledger says so, and the headline
 * robustness does not count it as holding.
 */
import assert from "node:assert/strict";
import {
  type Case,
  type CaseSeries,
  type ClaimData,
  claimRows,
  claimsLedger,
  claimsSummary,
  conclusionRobustness,
  loadCaseSeries,
  robustnessSummary,
} from "../../lib/mod.ts";
import { around } from "../helpers/constructed_case.ts";
import { TEST_DATA_DIR } from "../helpers/data_dir.ts";

const { study } = await loadCaseSeries(TEST_DATA_DIR);
const days = { before: 5, start: 10, after: 17 };

/** A claim of a ≥50% reduction within 7 days on every case of the constructed article. */
const claim: ClaimData = {
  id: "rapid",
  sourceId: "constructed",
  cases: "all",
  where: "Discussion",
  quote: "the pain fell by half within a week",
  drug: "drug-x",
  rule: "as the test says",
  judge: { kind: "first-value-reduction", params: { min_percent: 50, within_days: 7 } },
};

/** A series of one constructed article with its cases and {@link claim} recorded. */
function seriesOf(cases: Case[]): CaseSeries {
  return {
    study: cases[0].study,
    cases,
    sources: new Map([["constructed", {}]]),
    articles: { records: new Map([["constructed", { claims: [claim] }]]) },
  } as unknown as CaseSeries;
}

const edge = { ...around(study, days, { before: 4, after: 2 }), id: "edge" };
const clear = { ...around(study, days, { before: 8, after: 2 }), id: "clear" };

Deno.test("a claim that holds only at the stated digits moves under rounding", () => {
  const [moves] = claimsLedger(seriesOf([edge]));
  assert.equal(moves.verdict, "supported", moves.evidence);
  assert.equal(moves.rounded.verdict, "not supported", moves.rounded.evidence);
  // 1 − 2.5/3.5 = 28.57…%: a bound, rounded away from the claim (down), never up to 28.6.
  assert.match(moves.rounded.evidence, /28\.5% reduction at the least favourable bounds/);
  const [row] = claimRows(seriesOf([edge]));
  assert.match(String(row["under rounding"]), /^moves under rounding: not supported \(case edge/);
  // A reduction well above the threshold holds at every rounding.
  const [holds] = claimsLedger(seriesOf([clear]));
  assert.equal(holds.verdict, "supported");
  assert.equal(holds.rounded.verdict, "supported", holds.rounded.evidence);
  assert.equal(claimRows(seriesOf([clear]))[0]["under rounding"], "holds");
  // The summary above the table names the claim by its number in the table.
  assert.match(claimsSummary(claimsLedger(seriesOf([edge]))), /the verdict of C1 moves\.$/);
  assert.match(claimsSummary(claimsLedger(seriesOf([clear]))), /No verdict moves/);
});

Deno.test("the headline count does not count a claim that moves under rounding as holding", () => {
  for (const [cases, holds] of [[[edge], 0], [[clear], 1]] as const) {
    const robust = conclusionRobustness([{ name: "as extracted", series: seriesOf([...cases]) }]);
    const r = robust.find((x) => x.id === "claim:rapid")!;
    assert.equal(r.holds, 1);
    assert.equal(r.rounding.holds, holds);
    const summary = robustnessSummary(0, 1, [r]);
    assert.equal(
      summary.includes("1 of 1 headline conclusion holds in every variant"),
      holds === 1,
    );
    // The responder count at 50% is reached at nominal values; rounding makes the edge case
    // not sure, which the count says.
    const at50 = robust.find((x) => x.id === "responders:first:percent:50")!;
    assert.equal(at50.value, `1/1 (${cases[0].id})`);
    assert.equal(at50.rounding.holds, holds);
    if (!holds) {
      assert.deepEqual(at50.rounding.differs, [{
        variant: "as extracted",
        value: "1/1 (edge); case edge not sure as a responder under rounding",
      }]);
      assert.match(summary, /\(1 moves under rounding alone\).*in 0 of 1 with rounding/, summary);
    }
  }
});
