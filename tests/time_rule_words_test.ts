/**
 * A time point's rule in words (lib/time_rule_words.ts), on a case built here: anchors named as
 * the tables name time points (`timeName`), never by their ids; a count of units plural unless 1;
 * and the readings table gives those words beside the data's own notation.
 */
import assert from "node:assert/strict";
import { loadCaseSeries, loadReadings, readingRows, timeName, timeRuleWords } from "../lib/mod.ts";
import { makeCase } from "./helpers/constructed_case.ts";
import { TEST_DATA_DIR } from "./helpers/data_dir.ts";

const c = makeCase(
  { a_start: 5, v1: 10, a_end: 20 },
  [{ drug: "drug-a", dose: 10, start: "a_start", end: "a_end" }],
  { v1: 6 },
);
const rule = (rule: string, amount: number | null, unit: string | null, anchor: string) => ({
  rule,
  amount,
  unit,
  anchor,
  bound: null,
});

Deno.test("timeRuleWords: anchors by name, plural units, each rule's relation", () => {
  assert.equal(
    timeRuleWords(c, rule("approx", 6, "month", "v1")),
    "about 6 months after the VAS 6 report",
  );
  assert.equal(
    timeRuleWords(c, rule("exact", 1, "week", "a_start")),
    "1 week after the start of drug-a",
  );
  assert.equal(
    timeRuleWords(c, rule("exact", 3, "week", "a_start")),
    "3 weeks after the start of drug-a",
  );
  assert.equal(
    timeRuleWords(c, rule("within", 0.5, "day", "a_end")),
    "within 0.5 days after the end of drug-a",
  );
  assert.equal(
    timeRuleWords(c, rule("approx-before", 2, "year", "v1")),
    "about 2 years before the VAS 6 report",
  );
  assert.equal(
    timeRuleWords(c, { ...rule("after", null, null, "a_start"), bound: "v1" }),
    "after the start of drug-a, before the VAS 6 report",
  );
  assert.equal(timeRuleWords(c, rule("before", null, null, "a_end")), "before the end of drug-a");
});

Deno.test("readingRows: the rule in words beside the data's notation, its anchor by name", async () => {
  const series = await loadCaseSeries(TEST_DATA_DIR);
  const readings = await loadReadings(TEST_DATA_DIR);
  const rows = readingRows(readings, { series });
  const given = readings.flatMap((r) => r.rows);
  assert.equal(rows.length, given.length);
  rows.forEach((row, i) => {
    const x = given[i];
    const words = String(row["rule in words"]);
    const k = series.cases.find((y) => y.id === x.case_id)!;
    assert.equal(words, timeRuleWords(k, x));
    if (x.anchor !== null) assert.ok(words.includes(timeName(k, x.anchor)), words);
    // A count other than 1 takes a plural unit.
    assert.doesNotMatch(words, /\b(?:[02-9]|\d{2,}|\d+\.\d+) (?:day|week|month|year)\b/, words);
  });
  if (rows.length) {
    const keys = Object.keys(rows[0]);
    assert.equal(keys.indexOf("rule in words"), keys.indexOf("rule") + 1);
  }
  // Without the series (no names), the columns are those of before.
  assert.ok(readingRows(readings).every((r) => !("rule in words" in r)));
});
