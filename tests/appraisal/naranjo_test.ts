/**
 * The Naranjo scale adapted for benefit (lib/appraisal/naranjo.ts): each computed question's
 * answer on constructed cases (a timeline of exactly dated points, made here in memory), the
 * published scores and category boundaries, and one row per case and drug of the real data.
 */
import assert from "node:assert/strict";
import {
  type Case,
  causalityRows,
  loadCaseSeries,
  NARANJO_COLUMNS,
  NARANJO_QUESTIONS,
  type NaranjoAnswer,
  naranjoBasisRows,
  naranjoCategory,
  naranjoPair,
  naranjoQuestionRows,
  naranjoRows,
  naranjoTableNote,
  naranjoTableRows,
} from "../../lib/mod.ts";
import { dataWithFixture, TEST_DATA_DIR } from "../helpers/data_dir.ts";
import { makeCase, type Period } from "../helpers/constructed_case.ts";

const OPTIONS = { indication: "pain", improvement: "decrease" as const };

/** The answer to question `n` for `drug` in the case. */
function answer(c: Case, drug: string, n: number): NaranjoAnswer {
  return naranjoPair(c, drug, OPTIONS).items[n - 1].answer;
}

// A drug started on day 10 after a value of 6, with a value of 2 on day 17.
const SIMPLE = { before: 5, start: 10, on: 17 };

Deno.test("Q2: the first value while given against the last one before", () => {
  const base = { drug: "a", dose: 10, start: "start", end: null };
  const better = makeCase(SIMPLE, [base], { before: 6, on: 2 });
  assert.equal(answer(better, "a", 2), "yes");
  assert.equal(naranjoPair(better, "a", OPTIONS).items[1].score, 2);
  const worse = makeCase(SIMPLE, [base], { before: 6, on: 7 });
  assert.equal(answer(worse, "a", 2), "no");
  assert.equal(naranjoPair(worse, "a", OPTIONS).items[1].score, -1);
  // Same value: not better.
  assert.equal(answer(makeCase(SIMPLE, [base], { before: 6, on: 6 }), "a", 2), "no");
  // Overlapping bounds: neither.
  assert.equal(
    answer(makeCase(SIMPLE, [base], { before: [3, 6], on: [2, 4] }), "a", 2),
    "do not know",
  );
  // No value before the start.
  assert.equal(answer(makeCase(SIMPLE, [base], { on: 2 }), "a", 2), "do not know");
  // Improvement as an increase turns the answer round.
  const up = naranjoPair(better, "a", { ...OPTIONS, improvement: "increase" });
  assert.equal(up.items[1].answer, "no");
});

Deno.test("Q2: a value that may or may not precede the start is counted in words, one or several", () => {
  const base = { drug: "a", dose: 10, start: "start", end: null };
  const one = makeCase({ amb: [5, 15], start: 10, on: 17 }, [base], { amb: 6, on: 2 });
  assert.equal(answer(one, "a", 2), "do not know");
  assert.match(naranjoPair(one, "a", OPTIONS).items[1].basis, /\(1 value may or may not precede/);
  const two = makeCase(
    { amb: [5, 15], amb2: [6, 14], start: 10, on: 17 },
    [base],
    { amb: 6, amb2: 5, on: 2 },
  );
  assert.match(naranjoPair(two, "a", OPTIONS).items[1].basis, /\(2 values may or may not precede/);
});

Deno.test("Q3: dechallenge from the values after a stop; no stop gives 'do not know'", () => {
  const days = { before: 5, start: 10, on: 17, stop: 20, off: 30 };
  const stopped = { drug: "a", dose: 10, start: "start", end: "stop" };
  assert.equal(answer(makeCase(days, [stopped], { before: 6, on: 2, off: 5 }), "a", 3), "yes");
  assert.equal(answer(makeCase(days, [stopped], { before: 6, on: 2, off: 1 }), "a", 3), "no");
  // Never stopped.
  const open = { ...stopped, end: null };
  const never = makeCase(days, [open], { before: 6, on: 2, off: 5 });
  assert.equal(answer(never, "a", 3), "do not know");
  assert.match(naranjoPair(never, "a", OPTIONS).items[2].basis, /not stopped/);
  // Stopped, but no value after the stop.
  assert.equal(answer(makeCase(days, [stopped], { before: 6, on: 2 }), "a", 3), "do not know");
  // A switch: another drug for the indication given at the value after the stop.
  const other = { drug: "b", dose: 5, start: "stop", end: null };
  const sw = makeCase(days, [stopped, other], { before: 6, on: 2, off: 5 });
  assert.equal(answer(sw, "a", 3), "do not know");
  assert.match(naranjoPair(sw, "a", OPTIONS).items[2].basis, /b may be given/);
  // A dose change is not a stop.
  const days2 = { ...days, change: 20 };
  const step = makeCase(days2, [
    { drug: "a", dose: 10, start: "start", end: "change" },
    { drug: "a", dose: 20, start: "change", end: null },
  ], { before: 6, on: 2, off: 5 });
  assert.equal(answer(step, "a", 3), "do not know");
});

Deno.test("Q4: a restart after a stop gives rechallenge; none gives 'do not know'", () => {
  const days = { before: 5, start: 10, on: 17, stop: 20, off: 30, restart: 35, again: 42 };
  const periods = [
    { drug: "a", dose: 10, start: "start", end: "stop" },
    { drug: "a", dose: 10, start: "restart", end: null },
  ];
  const yes = makeCase(days, periods, { before: 6, on: 2, off: 5, again: 1 });
  assert.equal(answer(yes, "a", 4), "yes");
  assert.equal(naranjoPair(yes, "a", OPTIONS).items[3].score, 2);
  const no = makeCase(days, periods, { before: 6, on: 2, off: 5, again: 5 });
  assert.equal(answer(no, "a", 4), "no");
  assert.equal(naranjoPair(no, "a", OPTIONS).items[3].score, -1);
  // The restart's values also answer the dechallenge (pain returned after the stop).
  assert.equal(answer(yes, "a", 3), "yes");
  const once = makeCase(days, [periods[0]], { before: 6, on: 2, off: 5 });
  assert.equal(answer(once, "a", 4), "do not know");
  assert.match(naranjoPair(once, "a", OPTIONS).items[3].basis, /not restarted/);
});

Deno.test("Q8: dose–response from consecutive values on different stated doses", async () => {
  const days = { before: 5, start: 10, on: 17, up: 20, after: 27 };
  const periods = (second: number | null): Period[] => [
    { drug: "a", dose: 10, start: "start", end: "up" },
    { drug: "a", dose: second, start: "up", end: null },
  ];
  assert.equal(answer(makeCase(days, periods(20), { on: 4, after: 2 }), "a", 8), "yes");
  assert.equal(answer(makeCase(days, periods(20), { on: 4, after: 4 }), "a", 8), "no");
  // A reduction followed by worse pain is a dose–response too.
  assert.equal(answer(makeCase(days, periods(5), { on: 2, after: 4 }), "a", 8), "yes");
  assert.equal(answer(makeCase(days, periods(5), { on: 2, after: 1 }), "a", 8), "no");
  // A dose not stated is never higher or lower.
  assert.equal(answer(makeCase(days, periods(null), { on: 4, after: 2 }), "a", 8), "do not know");
  // ... and its basis says so (not "no values on both sides", which the values contradict).
  const unstatedBasis =
    naranjoPair(makeCase(days, periods(null), { on: 4, after: 2 }), "a", OPTIONS).items[7].basis;
  assert.match(unstatedBasis, /a dose not stated: neither higher nor lower, not compared/);
  assert.doesNotMatch(unstatedBasis, /no values on both sides/);
  // No value on the earlier dose.
  assert.equal(answer(makeCase(days, periods(20), { after: 2 }), "a", 8), "do not know");
  // One period: one dose only, or, when the text states no dose, not "one dose" but unknown.
  const one = (dose: number | null) =>
    makeCase(days, [{ drug: "a", dose, start: "start", end: null }], { on: 4 });
  assert.equal(naranjoPair(one(10), "a", OPTIONS).items[7].basis, "one dose only");
  assert.equal(naranjoPair(one(null), "a", OPTIONS).items[7].basis, "dose not stated");
  const shell = await loadCaseSeries(TEST_DATA_DIR);
  const row = (c: Case) =>
    causalityRows({ ...shell, cases: [c] }, c.sourceId, OPTIONS).find((r) => r.drug === "a")!;
  assert.equal(row(one(10)).doseResponse, "one dose only");
  assert.equal(row(one(null)).doseResponse, "dose not stated");
  // Another drug for the indication starts between the two values: not a dose–response.
  const other = { drug: "b", dose: 5, start: "up", end: null };
  const confounded = makeCase(days, [...periods(20), other], { on: 4, after: 2 });
  assert.equal(answer(confounded, "a", 8), "do not know");
});

Deno.test("Q5: another drug for the indication at a response value → yes; else do not know", () => {
  const a = { drug: "a", dose: 10, start: "start", end: null };
  const alone = makeCase(SIMPLE, [a], { before: 6, on: 2 });
  assert.equal(answer(alone, "a", 5), "do not know");
  assert.equal(naranjoPair(alone, "a", OPTIONS).items[4].score, 0);
  const days = { ...SIMPLE, other: 3 };
  const withOther = makeCase(days, [a, { drug: "b", dose: 5, start: "other", end: null }], {
    before: 6,
    on: 2,
  });
  assert.equal(answer(withOther, "a", 5), "yes");
  assert.equal(naranjoPair(withOther, "a", OPTIONS).items[4].score, -1);
  // A drug given for another purpose is named, not counted.
  const hyp = { drug: "h", dose: 5, start: "other", end: null, purpose: "insomnia" };
  const named = makeCase(days, [a, hyp], { before: 6, on: 2 });
  assert.equal(answer(named, "a", 5), "do not know");
  assert.match(naranjoPair(named, "a", OPTIONS).items[4].basis, /h \(for insomnia\)/);
  // No response value compared: nothing to explain.
  assert.equal(answer(makeCase(SIMPLE, [a], { on: 2 }), "a", 5), "do not know");
});

Deno.test("the Naranjo table's note says what Q5 scores and what the fixed answers are", () => {
  const note = naranjoTableNote({ indication: "pain" });
  // Another-purpose drugs at the response values are named in Q5, not scored (as computed)...
  const a = { drug: "a", dose: 10, start: "start", end: null };
  const hyp = { drug: "h", dose: 5, start: "other", end: null, purpose: "insomnia" };
  const c = makeCase({ ...SIMPLE, other: 3 }, [a, hyp], { before: 6, on: 2 });
  assert.equal(answer(c, "a", 5), "do not know");
  assert.match(note, /Q5 \(alternative causes\) counts only other drugs given for pain/);
  assert.match(
    note,
    /given for another purpose at those values are named in its basis, not scored/,
  );
  // ... and the note never says they are scored as causes of the improvement in Q5.
  assert.doesNotMatch(note, /another purpose than pain are scored as possible causes/);
  // The fixed answers it names are those every row gets.
  for (const q of NARANJO_QUESTIONS.filter((x) => x.fixed)) {
    assert.equal(answer(c, "a", q.number), q.fixed);
    assert.match(note, new RegExp(`Q${q.number}\\b`));
  }
});

Deno.test("Q9: an earlier drug of the same class; Q1, Q6, Q7 do not know, Q10 no", () => {
  const days = { b0: 1, before: 5, bEnd: 8, start: 10, on: 17 };
  const earlier = { drug: "b", dose: 5, start: "b0", end: "bEnd", drugClass: "K" };
  const later = { drug: "a", dose: 10, start: "start", end: null, drugClass: "K" };
  const c = makeCase(days, [earlier, later], { before: 6, on: 2 });
  // b had no value before it: its own Q2 is "do not know".
  assert.equal(answer(c, "a", 9), "do not know");
  const c2 = makeCase({ pre: 0.5, ...days }, [earlier, later], { pre: 8, before: 6, on: 2 });
  assert.equal(answer(c2, "a", 9), "yes");
  const other = makeCase(days, [{ ...earlier, drugClass: "L" }, later], { before: 6, on: 2 });
  assert.equal(answer(other, "a", 9), "do not know");
  const r = naranjoPair(c, "a", OPTIONS);
  assert.deepEqual([1, 6, 7].map((n) => r.items[n - 1].answer), Array(3).fill("do not know"));
  assert.equal(r.items[9].answer, "no");
  assert.equal(r.total, r.items.reduce((t, i) => t + i.score, 0));
});

Deno.test("the published scores and the category boundaries", () => {
  const scores = NARANJO_QUESTIONS.map((q) => [q.scores.yes, q.scores.no, q.scores["do not know"]]);
  assert.deepEqual(scores, [
    [1, 0, 0],
    [2, -1, 0],
    [1, 0, 0],
    [2, -1, 0],
    [-1, 2, 0],
    [-1, 1, 0],
    [1, 0, 0],
    [1, 0, 0],
    [1, 0, 0],
    [1, 0, 0],
  ]);
  const cases: [number, string][] = [
    [13, "definite"],
    [9, "definite"],
    [8, "probable"],
    [5, "probable"],
    [4, "possible"],
    [1, "possible"],
    [0, "doubtful"],
    [-4, "doubtful"],
  ];
  for (const [t, cat] of cases) assert.equal(naranjoCategory(t), cat, String(t));
  assert.throws(() => naranjoCategory(4.5), /integer/);
  assert.equal(naranjoQuestionRows().length, 10);
});

/** Every article of a data folder: one row per case and drug given, ten answers, the category. */
async function everyPair(dir: string) {
  const s = await loadCaseSeries(dir);
  for (const id of s.sources.keys()) {
    const rows = naranjoRows(s, id, s.study);
    for (const c of s.cases.filter((x) => x.sourceId === id)) {
      const drugs = [...new Set(c.treatments.map((t) => t.drug))];
      const mine = rows.filter((r) => r.caseId === c.id);
      assert.deepEqual(mine.map((r) => r.drug), drugs, `case ${c.id}`);
      for (const r of mine) {
        assert.equal(r.items.length, 10);
        assert.equal(r.category, naranjoCategory(r.total));
        assert.equal(r.forIndication, r.purpose === s.study.indication);
      }
    }
    const table = naranjoTableRows(rows);
    assert.equal(table.length, rows.length);
    for (const t of table) assert.deepEqual(Object.keys(t), [...NARANJO_COLUMNS]);
    assert.equal(naranjoBasisRows(rows).length, rows.length * 6);
  }
}

Deno.test("real data: one row per case and drug given, each with ten answers and its category", async () => {
  await everyPair(TEST_DATA_DIR);
});

Deno.test("the synthetic second article too (every drug of every case gets a row)", async () => {
  const dir = await dataWithFixture();
  try {
    await everyPair(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("the most a case report's data can score: 7, probable (Q2, Q3, Q4, Q8, Q9 yes)", () => {
  const days = {
    pre: 1,
    b0: 2,
    bOn: 4,
    bEnd: 5,
    start: 10,
    on: 17,
    up: 20,
    after: 27,
    stop: 30,
    off: 40,
    restart: 45,
    again: 52,
  };
  const c = makeCase(days, [
    { drug: "b", dose: 5, start: "b0", end: "bEnd", drugClass: "K" },
    { drug: "a", dose: 10, start: "start", end: "up", drugClass: "K" },
    { drug: "a", dose: 20, start: "up", end: "stop", drugClass: "K" },
    { drug: "a", dose: 10, start: "restart", end: null, drugClass: "K" },
  ], { pre: 8, bOn: 6, on: 3, after: 1, off: 5, again: 1 });
  const r = naranjoPair(c, "a", OPTIONS);
  assert.deepEqual(
    r.items.map((i) => i.answer),
    [
      "do not know",
      "yes",
      "yes",
      "yes",
      "do not know",
      "do not know",
      "do not know",
      "yes",
      "yes",
      "no",
    ],
  );
  assert.deepEqual([r.total, r.category], [7, "probable"]);
});

Deno.test("the adapted scale's questions and how each is answered name no column of the data", () => {
  for (const q of NARANJO_QUESTIONS) {
    for (const text of [q.adapted, q.how]) {
      // A column name (snake_case, as in treatments.csv) is not prose for a reader.
      assert.doesNotMatch(text, /\b[a-z]+_[a-z_]+\b/, `Q${q.number}: ${text}`);
    }
  }
});
