/**
 * The further-improvement-after-switch rule on constructed cases: "already falling" is the visual
 * analysis' one rule (`baselineMovement`): "was already falling" when the values before the drug
 * fall at every admissible day and value within rounding, "may already have been falling" when
 * only some allow it, and neither when none does.
 */
import assert from "node:assert/strict";
import { loadCaseSeries, visualAnalysis } from "../../lib/mod.ts";
import { judge } from "../../lib/claims/rules/mod.ts";
import { baselineMovement } from "../../lib/analysis/visual.ts";
import { around } from "../helpers/constructed_case.ts";
import { TEST_DATA_DIR } from "../helpers/data_dir.ts";

const { study } = await loadCaseSeries(TEST_DATA_DIR);
const days = { a: 2, b: 5, start: 10, after: 20 };
const rule = { kind: "further-improvement-after-switch", params: { from: "drug-y" } } as const;

Deno.test("already falling: surely, possibly or not, as the visual analysis says", () => {
  const surely = around(study, days, { a: 8, b: 6, after: 3 });
  // 6 may be up to 9: a fall only at some values the range allows.
  const possibly = around(study, days, { a: 8, b: [6, 9], after: 3 });
  const rising = around(study, days, { a: 5, b: 6, after: 3 });
  const drug = surely.study.drug;
  for (
    const [c, want, words] of [
      [surely, "surely", /pain was already falling before the switch/],
      [possibly, "possibly", /pain may already have been falling before the switch/],
      [rising, null, /no falling trend before the switch/],
    ] as const
  ) {
    assert.equal(baselineMovement(c), want);
    const j = judge(rule, drug, [c]);
    assert.match(j.evidence, words, j.evidence);
    // Falling (surely or possibly) weakens the claim to partly; else it is supported.
    assert.equal(j.verdict, want === null ? "supported" : "partly supported", j.evidence);
    // The trend reading of the visual analysis words the same case the same way.
    const trend = visualAnalysis(c).find((f) => f.feature === "trend")!.reading;
    assert.equal(trend.includes("may already have been"), want === "possibly", trend);
    assert.equal(trend.includes(" was already "), want === "surely", trend);
  }
  // "Was already" is never said of a case that only may have been falling.
  assert.doesNotMatch(judge(rule, drug, [possibly]).evidence, /was already/);
});
