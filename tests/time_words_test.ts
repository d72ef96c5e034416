/**
 * Time points and values named for a reader (lib/time_words.ts): a value named by its words and
 * its rank among values of the same words, whether the analysis hands over the value or a copy;
 * distinct time points get distinct names; ranks past eighth in digits with their English suffix.
 */
import assert from "node:assert/strict";
import { causalityRows, loadCaseSeries, rateRows, timeName, valueName } from "../lib/mod.ts";
import { aroundDrug, CONSTRUCTED_INDICATION, makeCase } from "./helpers/constructed_case.ts";
import { TEST_DATA_DIR } from "./helpers/data_dir.ts";

const { study } = aroundDrug((await loadCaseSeries(TEST_DATA_DIR)).study);

Deno.test("valueName: a value of repeated words is named by its rank, from the value or a copy of it", () => {
  // Two values of the same words; the drug starts at a day the text leaves in [5, 30].
  const made = makeCase(
    { s: [5, 30], v1: 10, v2: 50 },
    [{ drug: "drug-p", dose: 10, start: "s", end: null }],
    { v1: 4, v2: 4 },
  );
  const c = { ...made, study };
  const [v1, v2] = c.observations;
  assert.equal(valueName(c, v1), "the first VAS 4");
  assert.equal(valueName(c, { ...v2 }), "the second VAS 4", "a copy, as alignOnDrug makes");
  assert.throws(() => valueName(c, { ...v1, day: { ...v1.day, timeId: "nowhere" } }), TypeError);
  // The causality row names the value the times leave on either side of the start by its rank.
  const [row] = causalityRows({ study, sources: new Map(), cases: [c] }, c.sourceId, {
    indication: CONSTRUCTED_INDICATION,
  });
  assert.match(row.temporal, /the first VAS 4 at a time it may have been given/, row.temporal);
  assert.doesNotMatch(row.temporal, /0th/);
});

Deno.test("rates: two values at one time point left out are each named", () => {
  const made = makeCase(
    { s: 5, v1: 10, up: [15, 40], v2: 30 },
    [
      { drug: "drug-p", dose: 10, start: "s", end: "up" },
      { drug: "drug-p", dose: null, start: "up", end: null },
    ],
    { v1: 6, v2: 3 },
  );
  const o = made.observations.find((x) => x.day.timeId === "v2")!;
  const five = { lo: 5, hi: 5, nominal: 5 };
  const rest = { ...o, words: "VAS 5 at rest", value: five, common: five };
  const c = { ...made, study, observations: [...made.observations, rest] };
  const note = String(rateRows(c)[0].note);
  assert.match(note, /the VAS 3 and the VAS 5 at rest/, note);
});

Deno.test("timeName: distinct time points of a case get distinct names (events of one kind by rank)", async () => {
  for (const c of (await loadCaseSeries(TEST_DATA_DIR)).cases) {
    const names = c.timepoints.map((t) => timeName(c, t.id));
    assert.equal(new Set(names).size, names.length, `case ${c.id}: ${names.join(" | ")}`);
  }
  // Two events of one kind at two time points, no value at either.
  const made = makeCase({ e1: 1, e2: 3, v: 9 }, [], { v: 5 });
  const event = (id: string, timeId: string) => ({
    ...made.events[0],
    kind: "amputation",
    description: id,
    day: { ...made.timepoints.find((t) => t.id === timeId)!.day, timeId },
  });
  const c = { ...made, events: [event("traumatic", "e1"), event("surgical", "e2")] };
  assert.deepEqual([timeName(c, "e1"), timeName(c, "e2")], [
    "the first amputation",
    "the second amputation",
  ]);
});

Deno.test("valueName: ranks past the eighth in digits with their suffix (9th, 21st, 22nd, 23rd, 111th, 112th)", () => {
  const days: Record<string, number> = {};
  const values: Record<string, number> = {};
  for (let i = 1; i <= 112; i++) {
    days[`v${i}`] = i;
    values[`v${i}`] = 4;
  }
  const c = { ...makeCase(days, [], values), study };
  const at = (i: number) => valueName(c, c.observations.find((o) => o.day.timeId === `v${i}`)!);
  assert.equal(at(8), "the eighth VAS 4");
  assert.deepEqual([9, 21, 22, 23, 111, 112].map(at), [
    "the 9th VAS 4",
    "the 21st VAS 4",
    "the 22nd VAS 4",
    "the 23rd VAS 4",
    "the 111th VAS 4",
    "the 112th VAS 4",
  ]);
});

Deno.test("timeName: a time point with no value or event is named by the drug that starts, stops or changes dose there", () => {
  const made = makeCase(
    { s: 5, up: 10, stop: 20, v: 30 },
    [
      { drug: "drug-p", dose: 10, start: "s", end: "up" },
      { drug: "drug-p", dose: 20, start: "up", end: "stop" },
    ],
    { v: 3 },
  );
  const c = { ...made, study };
  assert.deepEqual(["s", "up", "stop"].map((id) => timeName(c, id)), [
    "the start of drug-p",
    "the change of drug-p to 20 mg/day",
    "the end of drug-p",
  ]);
  // A restart makes two starts of one drug: told apart by rank in time.
  const twice = makeCase(
    { s: 5, stop: 10, again: 20, v: 30 },
    [
      { drug: "drug-p", dose: 10, start: "s", end: "stop" },
      { drug: "drug-p", dose: 10, start: "again", end: null },
    ],
    { v: 3 },
  );
  assert.deepEqual(["s", "again"].map((id) => timeName({ ...twice, study }, id)), [
    "the first start of drug-p",
    "the second start of drug-p",
  ]);
});

Deno.test("timeName: names that would repeat (two events of two kinds, the same words twice) are told apart by rank", () => {
  const made = makeCase({ e1: 1, e2: 3, w1: 5, w2: 7, v: 9 }, [], { v: 5 });
  const event = (kind: string, timeId: string) => ({
    ...made.events[0],
    kind,
    description: kind,
    day: { ...made.timepoints.find((t) => t.id === timeId)!.day, timeId },
  });
  const c = {
    ...made,
    events: ["e1", "e2"].flatMap((id) => [event("amputation", id), event("transfer", id)]),
    timepoints: made.timepoints.map((t) => t.id.startsWith("w") ? { ...t, words: "later" } : t),
  };
  const names = ["e1", "e2", "w1", "w2"].map((id) => timeName(c, id));
  assert.deepEqual(names, [
    "the first amputation and transfer",
    "the second amputation and transfer",
    "the first “later”",
    "the second “later”",
  ]);
});
