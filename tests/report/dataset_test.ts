/**
 * The dataset notebook's tables (lib/report/dataset.ts): the CARE timeline of a case that never
 * takes the drug keeps its columns and says why the drug's column is empty.
 */
import assert from "node:assert/strict";
import {
  careTimelineNotes,
  careTimelineRows,
  caseIntro,
  loadCaseSeries,
  unknownRows,
} from "../../lib/mod.ts";
import { articleSeries, TEST_DATA_DIR } from "../helpers/data_dir.ts";
import { makeCase } from "../helpers/constructed_case.ts";

const series = articleSeries(await loadCaseSeries(TEST_DATA_DIR));

Deno.test("CARE timeline: a case that never takes the drug keeps its columns, and a note says why one is empty", () => {
  const drug = `${series.study.drug} (not taken)`;
  for (const c of series.cases) {
    assert.deepEqual(careTimelineNotes(c), [], c.id);
    const other = { ...c, study: { ...c.study, drug } };
    const rows = careTimelineRows(other);
    const column = `day since ${drug}`;
    assert.ok(rows.length > 0 && rows.every((r) => column in r && r[column] === null));
    const notes = careTimelineNotes(other);
    assert.equal(notes.length, 1);
    assert.ok(notes[0].includes(`never takes ${drug}`) && notes[0].includes(`"${column}"`));
  }
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
  const overlaps = what.filter((w) => w.includes("they overlap"));
  assert.deepEqual(overlaps, [
    "end drug-a (dose not stated) (may end after drug-b started: they overlap)",
  ]);
  assert.ok(what.includes("end drug-b (dose not stated)"), what.join("\n"));
});
