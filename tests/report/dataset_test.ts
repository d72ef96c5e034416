/**
 * The dataset notebook's tables (lib/report/dataset.ts): the CARE timeline of a case that never
 * takes the drug keeps its columns and says why the drug's column is empty; a stepwise switch's
 * overlap is "possibly" only where the days leave it open; a dose in words with no number ("a
 * low dose") is written by the one rule of lib/dose.ts and listed as unknown with its period; time
 * points are named for a reader, never by their ids, and nothing nests brackets.
 */
import assert from "node:assert/strict";
import {
  activeRows,
  careTimelineNotes,
  careTimelineRows,
  type Case,
  caseIntro,
  formatInterval,
  loadCaseSeries,
  observationRows,
  rateRows,
  relativeDay,
  SCALES,
  timeName,
  treatmentRows,
  unknownRows,
} from "../../lib/mod.ts";
import { articleSeries, TEST_DATA_DIR } from "../helpers/data_dir.ts";
import { CONSTRUCTED_INDICATION, makeCase } from "../helpers/constructed_case.ts";
import { bracketDepth } from "../helpers/brackets.ts";

const series = articleSeries(await loadCaseSeries(TEST_DATA_DIR));

Deno.test("CARE timeline: a case that never takes the drug keeps its columns, and a note says why one is empty", () => {
  const drug = `${series.study.drug} (not taken)`;
  const order = (n: string) => n.startsWith("Rows are listed by their nominal days");
  for (const c of series.cases) {
    assert.deepEqual(careTimelineNotes(c).filter((n) => !order(n)), [], c.id);
    const other = { ...c, study: { ...c.study, drug } };
    const rows = careTimelineRows(other);
    const column = `day since ${drug}`;
    assert.ok(rows.length > 0 && rows.every((r) => column in r && r[column] === null));
    const notes = careTimelineNotes(other).filter((n) => !order(n));
    assert.equal(notes.length, 1);
    assert.ok(notes[0].includes(`never takes ${drug}`) && notes[0].includes(`"${column}"`));
  }
});

Deno.test("CARE timeline: a note says the rows' order is not one of time where the text lets a row fall before one above it", () => {
  const periods = [{ drug: "drug-a", dose: 10, start: "s", end: null }];
  // Every day exact: the rows are in time order, and nothing is said.
  const dated = makeCase({ s: 5, v1: 10, v2: 20 }, periods, { v1: 6, v2: 3 });
  assert.deepEqual(careTimelineNotes({ ...dated, study: { ...dated.study, drug: "drug-a" } }), []);
  // v1 is placed in [0, 30]: listed after the start (day 5), it may come before it.
  const open = makeCase({ s: 5, v1: [0, 30], v2: 40 }, periods, { v1: 6, v2: 3 });
  const [note] = careTimelineNotes({ ...open, study: { ...open.study, drug: "drug-a" } });
  assert.match(
    note,
    /a row may fall before one listed above it \(the VAS 6 report may come before the start of drug-a\)/,
    note,
  );
});

Deno.test("CARE timeline: a point the text places before its anchor on the anchor's day is listed before it, though narrated after", () => {
  // "pre" is narrated after the amputation (t0) but placed before it by its rule ("prior to
  // surgery": rule `before`, nominal the anchor's day); a drug starts there.
  const made = makeCase({ pre: 0, v: 10 }, [
    { drug: "drug-a", dose: 10, start: "pre", end: null },
  ], { v: 4 });
  const c: Case = {
    ...made,
    study: { ...series.study, drug: "drug-a" },
    timepoints: made.timepoints.map((t) =>
      t.id === "pre"
        ? {
          ...t,
          rule: "before" as const,
          day: { ...t.day, lo: -Infinity, hi: 0, nominal: 0 },
          offset: { lo: -Infinity, hi: 0, nominal: 0 },
        }
        : t
    ),
  };
  const what = careTimelineRows(c).map((r) => String(r.what));
  assert.ok(what.indexOf("start drug-a 10 mg/day, for pain") >= 0, what.join(" | "));
  assert.ok(
    what.indexOf("start drug-a 10 mg/day, for pain") <
      what.findIndex((w) => w.startsWith("amputation")),
    what.join(" | "),
  );
  // Listed in the order the text states, the rows need no note that one may come before another.
  assert.deepEqual(careTimelineNotes(c), []);
});

Deno.test("unknowns: an article that reports no SDS for any case is one row, not 'no SDS score' per case", () => {
  // Another article: the first article's cases again, under other ids, with no SDS at all.
  const other = series.cases.map((c) => ({
    ...c,
    id: `other-${c.id}`,
    sourceId: "other",
    sds: null,
  }));
  const s = { ...series, cases: [...series.cases, ...other] };
  const rows = unknownRows(s);
  const ids = other.map((c) => c.id);
  assert.ok(!rows.some((r) => ids.includes(String(r.case)) && r.unknown === "no SDS score"));
  const once = rows.filter((r) => r.case === ids.join(", "));
  assert.deepEqual(once, [{
    case: ids.join(", "),
    unknown: "no SDS score for any case: the article (other) reports none",
  }]);
  // Said before the rows of its first case.
  assert.equal(rows.indexOf(once[0]), rows.findIndex((r) => r.case === ids[0]) - 1);
  // The first article's rows are as they were without the other article: a case of an article
  // that reports SDS for others but not for it is still a per-case unknown.
  assert.deepEqual(rows.slice(0, unknownRows(series).length), unknownRows(series));
  for (const c of series.cases.filter((x) => x.sds === null)) {
    if (series.cases.some((x) => x.sds !== null)) {
      assert.ok(rows.some((r) => r.case === c.id && r.unknown === "no SDS score"));
    }
  }
  // The case notebook says it of the article too.
  assert.match(caseIntro(s, other[0]), /Zung SDS: none reported for any case of the article\./);
});

Deno.test("CARE timeline: a stepwise switch's overlap is said at the end of the drug replaced, not at the other's dose change", () => {
  // drug-a's last dose (aend) is after drug-b's start, not dated; neither dose is stated between.
  const c = makeCase(
    { s: 5, sw: 20, aend: [20, 60] },
    [
      { drug: "drug-a", dose: 40, start: "s", end: "sw" },
      { drug: "drug-a", dose: null, start: "sw", end: "aend" },
      { drug: "drug-b", dose: null, start: "sw", end: "aend" },
      { drug: "drug-b", dose: 100, start: "aend", end: null },
    ],
    {},
  );
  const what = careTimelineRows(c, "drug-b").map((r) => String(r.what));
  const overlaps = what.filter((w) => w.includes("overlap"));
  // The last dose may be on the day drug-b starts (aend from day 20): they may not overlap.
  assert.deepEqual(overlaps, [
    "end drug-a (dose not stated), possibly after drug-b started: they may overlap",
  ]);
  // A dose change is one row, not an end and a start (which would read as a stop).
  assert.ok(
    what.includes("dose change of drug-b: dose not stated → 100 mg/day"),
    what.join("\n"),
  );
  assert.ok(!what.some((w) => w.startsWith("end drug-b")), what.join("\n"));
  assert.ok(what.every((w) => bracketDepth(w) <= 1 && !/\) \(/.test(w)), what.join("\n"));
});

Deno.test("CARE timeline: an end surely after the other drug's start says they overlap, not 'may'", () => {
  // The switch lasts exactly 14 days: drug-a's last dose is surely after drug-b's start, though
  // neither day is dated from day 0.
  const c = makeCase(
    { s: 5, sw: [20, 60], aend: [34, 74] },
    [
      { drug: "drug-a", dose: 25, start: "s", end: "sw" },
      { drug: "drug-a", dose: null, start: "sw", end: "aend" },
      { drug: "drug-b", dose: null, start: "sw", end: "aend" },
      { drug: "drug-b", dose: 100, start: "aend", end: null },
    ],
    {},
  );
  // aend is counted from sw (14 days), not from day 0.
  const timepoints = c.timepoints.map((t) =>
    t.id === "aend" ? { ...t, anchor: "sw", offset: { lo: 14, hi: 14, nominal: 14 }, depth: 2 } : t
  );
  const what = careTimelineRows({ ...c, timepoints }, "drug-b").map((r) => String(r.what));
  assert.deepEqual(what.filter((w) => w.includes("overlap")), [
    "end drug-a (dose not stated), after drug-b started: they overlap",
  ]);
});

/**
 * A case with a drug at a dose in words with no number ("a low dose"), one at a dose in another
 * unit ("12 µg/h"), and a drug whose dose is stated in mg/day before a switch and not during it;
 * its time points have words with brackets of their own, as the text's often do.
 */
function wordsCase(): Case {
  const c = makeCase(
    { s: 5, sw: [20, 60], aend: [34, 74], v1: 10, v2: [40, 80] },
    [
      { drug: "drug-a", dose: 25, start: "s", end: "sw" },
      { drug: "drug-a", dose: null, start: "sw", end: "aend" },
      { drug: "drug-b", dose: null, start: "sw", end: null },
      { drug: "drug-c", dose: null, start: "s", end: null },
      { drug: "drug-d", dose: null, start: "s", end: null },
    ],
    { v1: 6, v2: 3 },
  );
  const words: Record<string, string> = {
    s: "given drug-a (narrated first)",
    sw: "the switch began (narrated after the first report; no date stated)",
    aend: "the end of the switch (over two weeks)",
    v1: "(one week later)",
    v2: "after the switch (no date stated)",
  };
  return {
    ...c,
    study: { ...series.study, drug: "drug-b", indication: CONSTRUCTED_INDICATION },
    // v2 is dated only after the switch: its day has no upper bound.
    timepoints: c.timepoints.map((t) => ({
      ...t,
      words: words[t.id] ?? t.words,
      day: t.id === "v2" ? { ...t.day, hi: Infinity } : t.day,
      offset: t.id === "v2" ? { ...t.offset, hi: Infinity } : t.offset,
    })),
    treatments: c.treatments.map((t) =>
      t.drug === "drug-c"
        ? { ...t, doseWords: "a low dose" }
        : t.drug === "drug-d"
        ? { ...t, doseWords: "12 µg/h", route: "transdermal" }
        : t
    ),
  };
}

Deno.test("a dose in words with no number: one rule in every table, and listed as not stated", () => {
  const c = wordsCase();
  const said = "drug-c (“a low dose”, no mg/day stated)";
  const care = careTimelineRows(c, "drug-b").map((r) => String(r.what));
  assert.ok(care.includes(`start ${said}, for pain`), care.join("\n"));
  // A dose in another unit is as it was: its words after the drug, then what the text adds.
  assert.ok(care.includes("start drug-d 12 µg/h, transdermal, for pain"), care.join("\n"));
  const cells = activeRows(c).flatMap((r) => [String(r.certain), String(r.possible)]);
  assert.ok(
    cells.some((x) => x.includes("drug-c (“a low dose”, no mg/day stated; no end stated)")),
  );
  assert.ok(cells.some((x) => x.includes("drug-d 12 µg/h (no end stated)")));
  const s = { ...series, cases: [c] };
  const note = (rows: Record<string, unknown>[]) =>
    rows.find((r) => r.drug === "drug-c")!["dose note"];
  assert.equal(note(treatmentRows(s)), "“a low dose”, no mg/day stated");
  assert.equal(note(rateRows(c)), "“a low dose”, no mg/day stated");
  const unknown = unknownRows(s).map((r) => String(r.unknown));
  assert.ok(unknown.includes("end of drug-c not stated"), unknown.join("\n"));
  assert.ok(unknown.includes("end of drug-d 12 µg/h not stated"), unknown.join("\n"));
  assert.ok(
    unknown.includes(
      "dose of drug-c not stated in mg/day, only as “a low dose”, from the start of drug-a, " +
        "drug-c and drug-d on, with no end stated",
    ),
    unknown.join("\n"),
  );
  // A dose in another unit states an amount: not an unknown.
  assert.ok(!unknown.some((u) => u.startsWith("dose of drug-d")), unknown.join("\n"));
});

Deno.test("unknowns: a dose not stated names its period; time points by their words, not ids; no nesting", () => {
  const c = wordsCase();
  const unknown = unknownRows({ ...series, cases: [c] }).map((r) => String(r.unknown));
  // drug-a's dose is stated before the switch: the row says which period has none.
  assert.ok(
    unknown.includes(
      "dose of drug-a not stated from the start of drug-b to the end of drug-a",
    ),
    unknown.join("\n"),
  );
  // An open date: by the value stated at it, its words after a dash.
  assert.ok(
    unknown.includes(
      "date of the VAS 3 report open-ended: [40, inf) — “after the switch (no date stated)”",
    ),
    unknown.join("\n"),
  );
  for (const u of unknown) {
    assert.ok(bracketDepth(u) <= 1, u);
    assert.ok(!c.timepoints.some((t) => new RegExp(`\\b${t.id}\\b`).test(u)), u);
  }
  const care = careTimelineRows(c, "drug-b").map((r) => String(r.what));
  for (const w of care) assert.ok(bracketDepth(w) <= 1 && !/\) \(/.test(w), w);
  // The dose periods table: days in start and end, the time ids (the data's key) beside them.
  const rows = treatmentRows({ ...series, cases: [c] });
  const a = rows.filter((r) => r.drug === "drug-a");
  assert.deepEqual(a.map((r) => [r.start, r["start time"], r["end time"]]), [
    ["5", "s", "sw"],
    ["[20, 60]", "sw", "aend"],
  ]);
  assert.ok(rows.every((r) => !String(r.start).includes("(") && !String(r.end).includes("(")));
  // Each id with its name for a reader beside it, never the id again.
  assert.deepEqual(a.map((r) => [r["start time name"], r["end time name"]]), [
    [timeName(c, "s"), timeName(c, "sw")],
    [timeName(c, "sw"), timeName(c, "aend")],
  ]);
  for (const r of rows) {
    const keys = Object.keys(r);
    assert.equal(keys.indexOf("start time name"), keys.indexOf("start time") + 1);
    assert.equal(keys.indexOf("end time name"), keys.indexOf("end time") + 1);
    assert.notEqual(r["start time name"], r["start time"]);
  }
  const open = rows.find((r) => r.end === "not stated")!;
  assert.equal(open["end time name"], null);
});

Deno.test("unknowns: a value that may be before the first treatment is named, not denied", () => {
  const study = { ...series.study, drug: "drug-b", indication: CONSTRUCTED_INDICATION };
  // drug-a starts on a day the text leaves in [0, 20]; the VAS 6 is on day 10.
  const open = makeCase({ s: [0, 20], v1: 10 }, [
    { drug: "drug-a", dose: 10, start: "s", end: null },
  ], { v1: 6 });
  const rows = unknownRows({ ...series, cases: [{ ...open, study }] }).map((r) => r.unknown);
  assert.ok(
    rows.includes(
      "no VAS value surely before the first treatment for pain (drug-a): the VAS 6 may be " +
        "before or after its start",
    ),
    rows.join("\n"),
  );
  // Surely after it: no value before, as before.
  const after = makeCase({ s: 5, v1: 10 }, [{ drug: "drug-a", dose: 10, start: "s", end: null }], {
    v1: 6,
  });
  assert.ok(
    unknownRows({ ...series, cases: [{ ...after, study }] }).some((r) =>
      r.unknown === "no VAS value before the first treatment for pain (drug-a)"
    ),
  );
});

Deno.test("CARE timeline: the days since day 0 are the tightest the text allows, as the days since the drug are (relativeDay)", () => {
  for (const c of series.cases) {
    const origin = c.timepoints.find((t) => t.rule === "origin")!.id;
    const rows = careTimelineRows(c);
    // Each row's time point, in the order the rows list them (their words say which).
    const ids = new Map(c.timepoints.map((t) => [t.words, t.id]));
    for (const r of rows) {
      const id = ids.get(String(r.words))!;
      assert.equal(
        r["day since day 0"],
        formatInterval(relativeDay(c, id, origin)),
        `${c.id} ${r.what}`,
      );
    }
  }
});

Deno.test("a time open by its own rule that starts a period ending at a bounded time: its days are the network's, not open-ended", () => {
  // a is on day 5 or later, b on days 20 to 30. A period from a to b puts a on days 5 to 30;
  // with no end stated it bounds nothing.
  const withEnd = (periodEnd: string | null) => {
    const c = makeCase({ a: [5, Infinity], b: [20, 30] }, [
      { drug: "drug-a", dose: 10, start: "a", end: periodEnd },
    ], { a: 4 });
    const study = { ...series.study, drug: "drug-a", indication: CONSTRUCTED_INDICATION };
    return { ...series, cases: [{ ...c, study }] };
  };
  const openEnded = (s: ReturnType<typeof withEnd>) =>
    unknownRows(s).map((r) => String(r.unknown)).filter((u) => u.includes("open-ended"));
  assert.deepEqual(openEnded(withEnd("b")), []);
  assert.equal(openEnded(withEnd(null)).length, 1);
  assert.match(openEnded(withEnd(null))[0], /open-ended: \[5, inf\)/);
  // The tables of periods and of values give the same days.
  assert.equal(treatmentRows(withEnd("b"))[0].start, "[5, 30]");
  assert.equal(observationRows(withEnd("b"))[0].day, "[5, 30]");
  assert.equal(treatmentRows(withEnd(null))[0].start, "[5, inf)");
  const care = careTimelineRows(withEnd("b").cases[0]);
  const start = care.find((r) => String(r.what).startsWith("start drug-a"));
  assert.equal(start?.["day since day 0"], "[5, 30]", JSON.stringify(care));
});

Deno.test("values table: the 0–10 value is written as stated on a scale whose numbers are the common metric's, computed otherwise", () => {
  // A 10 cm VAS "VAS 8.0" is 8.0 on 0–10, the same number stated (it read "8" beside "8.0"); a
  // 100 mm VAS "VAS 72.0 mm" is converted (7.2), a computed number written as computed.
  const c = makeCase({ a: 5, b: 10 }, [], { a: 8, b: 7.2 });
  const vas100 = { lo: 72, nominal: 72, hi: 72 };
  const observations = [
    { ...c.observations[0], words: "VAS 8.0" },
    { ...c.observations[1], scale: SCALES["vas-100mm"], value: vas100, words: "VAS 72.0 mm" },
  ];
  const s = { ...series, cases: [{ ...c, observations, study: series.study }] };
  const rows = observationRows(s);
  assert.deepEqual(rows.map((r) => [r.value, r["common 0–10"]]), [["8.0", "8.0"], ["72.0", "7.2"]]);
});
