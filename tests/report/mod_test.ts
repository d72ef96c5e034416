/**
 * The notebooks' computed paragraphs (each in its family's module of lib/report/: dataset, pooled,
 * sensitivity): what they say about the real cases, and that they stay grammatical and honest for
 * one case, for none, and for cases of other shapes.
 */
import assert from "node:assert/strict";
import {
  baselineSummary,
  type CaseSeries,
  datasetCounts,
  loadCaseSeries,
  reductionRanges,
  responders,
  responderSummary,
  robustnessSummary,
  sensitivityTable,
} from "../../lib/mod.ts";
import { articleSeries, dataWithFixture, TEST_DATA_DIR } from "../helpers/data_dir.ts";
import { makeCase } from "../helpers/constructed_case.ts";
import { activeRows, activeTreatments, surelyGiven } from "../../lib/mod.ts";

/** The first article alone: what the tests below state of the real data is about it. */
const series = articleSeries(await loadCaseSeries(TEST_DATA_DIR));
const dir = await dataWithFixture();
const grown = await loadCaseSeries(dir);
await Deno.remove(dir, { recursive: true });
const only = (s: CaseSeries, ...ids: string[]): CaseSeries => ({
  ...s,
  cases: s.cases.filter((c) => ids.includes(c.id)),
});

Deno.test("datasetCounts: every table counted, singular for one", () => {
  assert.match(datasetCounts(series), /^1 source, 3 cases, \d+ dose periods, 12 VAS values, /);
  assert.match(datasetCounts(only(series, "2")), /1 source, 1 case, /);
});

Deno.test("responderSummary: counts and exact intervals; no case, and a left-out case, said so", () => {
  const text = responderSummary(responders(series.cases));
  assert.match(text, /at the last value 3 of 3 cases had a ≥50% reduction \(95% CI 29–100%\)/);
  assert.match(text, /lower limit would be 29%/);
  const none = responderSummary(responders(only(grown, "S2").cases));
  assert.match(none, /at the first value no case could be assessed/);
  assert.match(none, /Left out: .*S2/);
  assert.doesNotMatch(none, /lower limit/);
});

Deno.test("reductionRanges: a range per case, or why none can be computed", () => {
  const text = reductionRanges(grown, sensitivityTable(grown.cases));
  assert.equal(text.split("\n").length, grown.cases.length);
  assert.match(text, /- Case 2: the percent reduction at the first value after milnacipran/);
  assert.match(text, /- Case S3: no percent reduction can be computed \(.+\)\./);
});

Deno.test("baselineSummary: the case whose baseline moves, and why the others do not", () => {
  const text = baselineSummary(series);
  assert.match(
    text,
    /^Case 1's baseline depends on the definition \(last, maximum, mean: 3\.3, 6\.6, 4\.95 cm\), because 2 values precede milnacipran\./,
  );
  assert.match(text, /In 2 other cases \(2 and 3\) one value precedes milnacipran, so/);
  // No case moves: none is "other".
  assert.equal(
    baselineSummary(only(series, "2")),
    "No case's baseline depends on the definition. In 1 case (2) one value precedes " +
      "milnacipran, so only the extraction bounds and the readings move the numbers.",
  );
});

Deno.test("robustnessSummary: agreement for one and many, fragile conclusions named", () => {
  const rounding = { holds: 4, differs: [] };
  const holds = { id: "a", label: "A", value: "supported", holds: 4, of: 4, differs: [], rounding };
  const fragile = { ...holds, id: "b", label: "B", holds: 2 };
  assert.equal(
    robustnessSummary(1, 2, [holds]),
    "1 other reading of the text gives 2 analysis variants (every compatible combination). " +
      "1 of 1 headline conclusion holds in every variant, as stated and with every stated " +
      "value widened by its rounding.",
  );
  assert.equal(
    robustnessSummary(2, 4, [holds, fragile]),
    "2 other readings of the text give 4 analysis variants (every compatible combination). " +
      "1 of 2 headline conclusions holds in every variant, as stated and with every stated " +
      'value widened by its rounding; B is "supported" in 2 of 4 ' +
      "as stated.",
  );
  // A conclusion that holds in every variant as stated but not with rounding is not counted as
  // holding, and the summary says rounding moves it.
  const moves = { ...holds, id: "c", label: "C", rounding: { holds: 0, differs: [] } };
  assert.equal(
    robustnessSummary(2, 4, [holds, moves]),
    "2 other readings of the text give 4 analysis variants (every compatible combination). " +
      "1 of 2 headline conclusions holds in every variant, as stated and with every stated " +
      'value widened by its rounding (1 moves under rounding alone); C is "supported" in every ' +
      "variant as stated and in 0 of 4 with rounding.",
  );
});

Deno.test("drugs active at a value: a drug surely given across a dose change of open day is certain, at either dose", () => {
  // Values at day 20; the dose changes at a day the words leave between 15 and 25.
  const c = makeCase(
    { start: 5, up: [15, 25], v1: 10, v2: 20 },
    [
      { drug: "a", dose: 20, start: "start", end: "up" },
      { drug: "a", dose: null, start: "up", end: null },
    ],
    { v1: 5, v2: 2 },
  );
  assert.ok(surelyGiven(c, "v2", "a"));
  const a = activeTreatments(c, "v2");
  assert.equal(a.certain.length, 0, "neither dose period is certain at v2");
  const row = activeRows(c).find((r) => r.time === "v2")!;
  assert.equal(row.certain, "a (20 mg/day or dose not stated)");
  assert.equal(row.possible, "–");
  // With a gap between the periods, the drug is not surely given.
  const gap = makeCase(
    { start: 5, stop: [15, 25], restart: [15, 25], v1: 10, v2: 20 },
    [
      { drug: "a", dose: 20, start: "start", end: "stop" },
      { drug: "a", dose: 20, start: "restart", end: null },
    ],
    { v1: 5, v2: 2 },
  );
  assert.equal(surelyGiven(gap, "v2", "a"), false);
  // Stopped and restarted later: the first course still surely covers its own values.
  const restarted = makeCase(
    { start: 5, up: [15, 25], stop: 40, again: 60, v2: 20 },
    [
      { drug: "a", dose: 20, start: "start", end: "up" },
      { drug: "a", dose: null, start: "up", end: "stop" },
      { drug: "a", dose: 20, start: "again", end: null },
    ],
    { v2: 2 },
  );
  assert.ok(surelyGiven(restarted, "v2", "a"));
  assert.equal(activeRows(gap).find((r) => r.time === "v2")!.certain, "–");
});

Deno.test("drugs active at a value: each dose with its unit, a range with its bounds, an unstated dose said so", () => {
  const c = makeCase(
    { start: 5, v1: 10 },
    [
      { drug: "a", dose: 50, start: "start", end: null },
      { drug: "b", dose: null, start: "start", end: null },
      { drug: "c", dose: 10, start: "start", end: null },
      { drug: "d", dose: null, start: "start", end: null },
    ],
    { v1: 5 },
  );
  // c: a range; d: a dose in another unit, in the text's words.
  c.treatments[2] = { ...c.treatments[2], dose: { lo: 10, hi: 25 } };
  c.treatments[3] = { ...c.treatments[3], doseWords: "25 µg/h" };
  const row = activeRows(c).find((r) => r.time === "v1")!;
  // No period has a stated end: each is taken to run on, and says so.
  assert.equal(
    row.certain,
    "a 50 mg/day (no end stated), b (dose not stated; no end stated), " +
      "c 10–25 mg/day (no end stated), d 25 µg/h (no end stated)",
  );
});

Deno.test("drugs active at a value: a period with a stated end is not said to have none", () => {
  const c = makeCase(
    { start: 5, v1: 10, stop: 20 },
    [{ drug: "a", dose: 50, start: "start", end: "stop" }],
    { v1: 5 },
  );
  assert.equal(activeRows(c).find((r) => r.time === "v1")!.certain, "a 50 mg/day");
});

Deno.test("activeRows: each value's time in the text's words beside its time id", () => {
  const made = makeCase({ start: 5, v1: 10, v2: 20 }, [
    { drug: "a", dose: 20, start: "start", end: null },
  ], { v1: 5, v2: 2 });
  const c = {
    ...made,
    timepoints: made.timepoints.map((t) => ({ ...t, words: `the words of ${t.id}` })),
  };
  const rows = activeRows(c);
  assert.deepEqual(rows.map((r) => [r.time, r["time words"]]), [
    ["v1", "the words of v1"],
    ["v2", "the words of v2"],
  ]);
  // The words come right after the value, before the id (a reader reads them first).
  assert.deepEqual(Object.keys(rows[0]).slice(0, 3), ["VAS", "time words", "time"]);
});
