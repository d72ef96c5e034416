/**
 * A claim dated by its own words, on constructed cases: when the reading of a time point (its
 * words beyond its own passage) repeats a phrase of a claim whose rule judges days, the claim
 * cannot be assessed at that day, and the evidence says which day, which words, the verdict at
 * that reading and the other readings of that day; otherwise the claim is judged as before.
 */
import assert from "node:assert/strict";
import {
  type Case,
  type CaseSeries,
  type ClaimData,
  claimsLedger,
  loadCaseSeries,
} from "../../lib/mod.ts";
import type { Reading } from "../../lib/readings_schema.ts";
import { around } from "../helpers/constructed_case.ts";
import { TEST_DATA_DIR } from "../helpers/data_dir.ts";

const { study } = await loadCaseSeries(TEST_DATA_DIR);

/** A claim on the constructed article's cases, judged by `judge`. */
const claim = (quote: string, judge: ClaimData["judge"]): ClaimData => ({
  id: "claim",
  sourceId: "constructed",
  cases: "all",
  where: "Figure 1 caption",
  quote,
  drug: "drug-x",
  rule: "as the test says",
  judge,
});
const within = { kind: "zero-within-days", params: { within_days: 30 } } as const;
const reduction = { kind: "last-value-reduction", params: { min_percent: 50 } } as const;
const QUOTE = "pain relief that was complete within a month";

/**
 * A case with a value of 0 at `month` (30 days after the start), whose time point reads
 * `reading`, and a later value anchored on it.
 */
function caseWith(reading: string): Case {
  const c = around(study, { before: 5, start: 10, month: 40, later: 60 }, {
    before: 6,
    month: 0,
    later: 1,
  });
  const timepoints = c.timepoints.map((t) =>
    t.id === "month"
      ? { ...t, words: reading, quote: "A month later, the pain had disappeared (VAS 0)" }
      : t.id === "later"
      ? { ...t, anchor: "month" }
      : t
  );
  return { ...c, timepoints };
}

/** The ledger of one case with one claim, and a reading of the month's day. */
function judged(c: Case, data: ClaimData) {
  const reading = {
    name: "month-from-elsewhere",
    choice: `case ${c.id}: the month read from another report`,
    line: 2,
    rows: [{ case_id: c.id, time_id: "month" }],
    lines: [2],
  } as unknown as Reading;
  const series = {
    study: c.study,
    cases: [c],
    sources: new Map([["constructed", {}]]),
    readings: [reading],
  } as unknown as CaseSeries;
  return claimsLedger(series, [data])[0];
}

Deno.test("a day read from the claim's own words cannot test it", () => {
  const self = caseWith("A month later (read from the start: relief complete within a month)");
  const r = judged(self, claim(QUOTE, within));
  assert.equal(r.verdict, "cannot be assessed", r.evidence);
  // Named by the value stated at it, not its id; its words set off by commas, not nested.
  assert.match(r.evidence, /the day of the VAS 0 report, "A month later \(read from the start/);
  assert.match(
    r.evidence,
    /, and so are the days of the values measured from it \(the VAS 1 report\)/,
  );
  assert.match(r.evidence, /read from the claim's own words \("complete within a month"\)/);
  // The other reading in words (its choice, the case not named twice), not by its id.
  assert.match(r.evidence, /other reading of that day: the month read from another report/);
  assert.doesNotMatch(r.evidence, /month-from-elsewhere/);
  assert.match(r.evidence, /At the reading used it would be "supported": /);
  assert.equal(r.rounded.verdict, "cannot be assessed");
});

Deno.test("a claim is judged as before when no day it judges is read from its words", () => {
  // The reading does not repeat the claim.
  const plain = caseWith("A month later (read from the start)");
  assert.equal(judged(plain, claim(QUOTE, within)).verdict, "supported");
  // The phrase is the time point's own passage, not a reading taken from the claim.
  const own = caseWith("A month later (read from the start: the pain had disappeared)");
  const passage = "A month later, the pain had disappeared";
  assert.equal(judged(own, claim(passage, within)).verdict, "supported");
  // A rule that judges no day is not decided by the reading of one.
  const self = caseWith("A month later (read from the start: relief complete within a month)");
  assert.equal(judged(self, claim(QUOTE, reduction)).verdict, "supported");
});

Deno.test("a value dated through a self-dated time point counts too", () => {
  // Only "later" (anchored on "month") carries a value the rule sees after the start: a claim
  // that the value stays low long-term is judged at its day, read through "month".
  const c = caseWith("A month later (read from the start: relief complete within a month)");
  const observations = c.observations.filter((o) => o.day.timeId !== "month");
  const long = {
    kind: "last-value",
    params: {
      supported_at_most: 1,
      partly_at_most: null,
      within_days: null,
      long_term_days: 30,
      unit: "cm",
    },
  } as const;
  const r = judged({ ...c, observations }, claim(QUOTE, long));
  assert.equal(r.verdict, "cannot be assessed", r.evidence);
  assert.match(r.evidence, /the day of "A month later \(read from the start/);
});
