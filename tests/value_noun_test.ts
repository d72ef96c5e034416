/**
 * A value named in prose (lib/value_noun.ts, data/README.md "Pain scales"): by its words when they
 * name its scale and state it ("pain VAS 6.6"), else by its scale's short name and the value as
 * stated ("NRS 3–4"). Built with a scale and words the first article does not have (a 0–10 NRS,
 * "rated 8", "between 3 and 4", "rated it 2"): every place a time point or a value is named for a
 * reader (the treatments table, the unknowns, causality) names them so, never "the rated 8 report".
 */
import assert from "node:assert/strict";
import {
  type Case,
  causalityRows,
  loadCaseSeries,
  noValueSurely,
  type Observation,
  SCALES,
  timeName,
  toCommon,
  treatmentRows,
  unknownRows,
  valueName,
  valueNoun,
  wordsNameValue,
} from "../lib/mod.ts";
import { aroundDrug, CONSTRUCTED_INDICATION, makeCase } from "./helpers/constructed_case.ts";
import { FIRST_ARTICLE, TEST_DATA_DIR } from "./helpers/data_dir.ts";

const { study } = aroundDrug((await loadCaseSeries(TEST_DATA_DIR)).study);
const NRS = SCALES["nrs-0-10"];

/** A value on a scale, from its words, as `valueNoun` reads one. */
const value = (scale: string, lo: number, hi: number, words: string) => {
  // A range of categories has its lower category as nominal (the middle is no category).
  const v = { lo, hi, nominal: SCALES[scale].categories ? lo : (lo + hi) / 2 };
  return { scale: SCALES[scale], value: v, common: toCommon(SCALES[scale], v), words };
};

Deno.test("valueNoun: words naming the value's scale and stating it are its name; else the scale's short name and the value as stated", () => {
  // Words that read as a name of the value: kept as they are.
  assert.equal(valueNoun(value("vas-10cm", 6.6, 6.6, "pain VAS 6.6")), "pain VAS 6.6");
  assert.equal(valueNoun(value("vas-10cm", 8, 8, "average pain VAS 8.0")), "average pain VAS 8.0");
  assert.equal(valueNoun(value("vas-10cm", 0, 1, "pain VAS 0–1.0")), "pain VAS 0–1.0");
  assert.equal(valueNoun(value("vas-10cm", 5, 5, "VAS 5 at rest")), "VAS 5 at rest");
  // Words that do not: the scale's short name and the value as its words state it.
  assert.equal(valueNoun(value("nrs-0-10", 8, 8, "rated 8")), "NRS 8");
  assert.equal(valueNoun(value("nrs-0-10", 3, 4, "between 3 and 4")), "NRS 3–4");
  assert.equal(valueNoun(value("nrs-0-10", 2, 2, "rated it 2")), "NRS 2");
  assert.equal(valueNoun(value("nrs-0-10", 7, 7, "7/10")), "NRS 7");
  assert.equal(valueNoun(value("vas-10cm", 8, 8, "eight")), "VAS 8");
  // In the scale's own unit where its numbers are not the common metric's.
  assert.equal(valueNoun(value("vas-100mm", 64, 64, "64 mm")), "VAS 64 mm");
  // A category by its word.
  assert.equal(valueNoun(value("vrs-4", 1, 1, "mild")), "VRS mild");
  assert.equal(valueNoun(value("vrs-4", 1, 2, "mild to moderate")), "VRS mild–moderate");
  // No number in the words: the value as the data keep it.
  assert.equal(valueNoun(value("vas-10cm", 0, 0, "completely disappeared")), "VAS 0");
  // The scale named but not the value (or another value), and the name inside a word: not a name.
  assert.equal(valueNoun(value("vas-10cm", 3, 3, "VAS unchanged")), "VAS 3");
  assert.equal(valueNoun(value("nrs-0-10", 3, 3, "NRSx 3")), "NRS 3");
  assert.equal(
    wordsNameValue(value("nrs-0-10", 3, 3, "nrs 3")),
    true,
    "the short name in any case",
  );
  assert.equal(wordsNameValue(value("nrs-0-10", 3, 4, "NRS 3")), false, "one end only");
});

/**
 * A case on a 0–10 NRS whose words do not name the scale: "rated 8" before drug-x (the start of
 * drug-y), "between 3 and 4" twice after its start (the second at a day the text leaves open),
 * the stop, then "rated it 2", and at one time two values.
 */
function nrsCase(): Case {
  const made = makeCase(
    { b: 5, s: 10, v1: 20, v2: [30, Infinity], stop: 40, v3: 60, both: 70 },
    [
      { drug: "drug-y", dose: 5, start: "b", end: "s" },
      { drug: "drug-x", dose: 10, start: "s", end: "stop" },
    ],
    { b: 8, v1: [3, 4], v2: [3, 4], v3: 2, both: 1 },
  );
  const words: Record<string, string> = {
    b: "rated 8",
    v1: "between 3 and 4",
    v2: "between 3 and 4",
    v3: "rated it 2",
    both: "a 1",
  };
  const observations: Observation[] = made.observations.map((o) => ({
    ...o,
    scale: NRS,
    words: words[o.day.timeId],
  }));
  const at = observations.find((o) => o.day.timeId === "both")!;
  const other = {
    ...at,
    value: { lo: 0, hi: 0, nominal: 0 },
    common: { lo: 0, hi: 0, nominal: 0 },
  };
  return { ...made, study, observations: [...observations, { ...other, words: "pain NRS 0" }] };
}

Deno.test("timeName, valueName: a value whose words are no name of it is named by its scale and value as stated", () => {
  const c = nrsCase();
  assert.deepEqual(c.timepoints.map((t) => timeName(c, t.id)), [
    "the amputation",
    "the NRS 8 report",
    "the start of drug-x",
    "the first NRS 3–4 report",
    "the second NRS 3–4 report",
    "the end of drug-x",
    "the NRS 2 report",
    "the report of NRS 1 and pain NRS 0",
  ]);
  const named = (id: string) => valueName(c, c.observations.find((o) => o.day.timeId === id)!);
  assert.deepEqual(["b", "v2", "v3"].map(named), ["the NRS 8", "the second NRS 3–4", "the NRS 2"]);
  const maybe = c.observations.filter((o) => o.day.timeId === "v2");
  assert.equal(
    noValueSurely(c, maybe, "after the stop"),
    "no value surely after the stop, though the second NRS 3–4 may be",
  );
});

Deno.test("tables: the treatments' start, the unknowns and causality name such a value by its scale and value", () => {
  const c = nrsCase();
  const s = { study, sources: new Map(), cases: [c] };
  const starts = treatmentRows(s).map((r) => r["start time name"]);
  assert.deepEqual(starts, ["the NRS 8 report", "the start of drug-x"]);
  const unknowns = unknownRows(s).map((r) => String(r.unknown));
  assert.ok(
    unknowns.some((u) => u.startsWith("date of the second NRS 3–4 report open-ended")),
    unknowns.join("\n"),
  );
  const rows = causalityRows(s, c.sourceId, { indication: CONSTRUCTED_INDICATION });
  const all = rows.flatMap((r) => Object.values(r)).join("\n");
  assert.match(all, /the NRS 2\b/, all);
  assert.doesNotMatch(all, /rated 8|rated it 2|between 3 and 4/, all);
});

Deno.test("the first article's values are named by their words (each names its scale and states its value)", async () => {
  const s = await loadCaseSeries(TEST_DATA_DIR);
  const values = s.cases.filter((c) => c.sourceId === FIRST_ARTICLE).flatMap((c) => c.observations);
  assert.ok(values.length > 0);
  for (const o of values) assert.equal(valueNoun(o), o.words);
});
