/**
 * The sensitivity notebook's tables with cases the analysis cannot use: each such case is one
 * row with its reason (no rows of empty numbers), a null value of an analysable case says why,
 * and every table has the same columns, whatever the data.
 */
import assert from "node:assert/strict";
import {
  baselineDependence,
  baselineSummary,
  type Case,
  caseChange,
  loadCaseSeries,
  readingRows,
  reductionRanges,
  robustnessRows,
  roundingGaps,
  roundingRobustness,
  roundingSummary,
  SCALES,
  sensitivityExclusions,
  sensitivityNotes,
  sensitivityRows,
  sensitivitySpans,
  sensitivityTable,
  spanRows,
} from "../../lib/mod.ts";
import { around, aroundDrug, makeCase, zeroBaseline } from "../helpers/constructed_case.ts";
import { TEST_DATA_DIR } from "../helpers/data_dir.ts";

const s = aroundDrug((await loadCaseSeries(TEST_DATA_DIR)).study);
const excluded = sensitivityExclusions(s.cases);
const only = (...ids: string[]) => ({ ...s, cases: s.cases.filter((c) => ids.includes(c.id)) });
const COLUMNS = ["case", "quantity", "baseline", "bound", "rounding", "value", "n"];

Deno.test("sensitivityRows: a case left out is one row, its reason and no number", () => {
  const rows = sensitivityRows(s);
  assert.ok(excluded.length > 0);
  for (const e of excluded) {
    const mine = rows.filter((r) => r.case === e.caseId);
    assert.deepEqual(mine, [{
      case: e.caseId,
      quantity: null,
      baseline: null,
      bound: null,
      rounding: null,
      value: null,
      n: null,
      reason: e.reason,
    }]);
  }
  // Every row has the reason column; a value is null exactly when it has a reason.
  for (const r of rows) {
    assert.deepEqual(Object.keys(r), [...COLUMNS, "reason"]);
    assert.equal(r.value === null, r.reason !== null, JSON.stringify(r));
  }
  // The rows of the cases left out come last, in case order.
  assert.deepEqual(rows.slice(-excluded.length).map((r) => r.case), excluded.map((e) => e.caseId));
});

Deno.test("sensitivityRows: with no value undefined and no case left out, the reason column is there, empty", () => {
  // The analysable case's 50% threshold is never reached: without it, nothing is undefined. Six
  // copies of it, so that a sign test can give a p below 0.05 (2·(1/2)^6): with fewer pairs its
  // p is not a headline number, and is null with why.
  const study = { ...s.study, thresholds: s.study.thresholds.filter((t) => t.value !== 50) };
  const copies = Array.from({ length: 6 }, (_, i) => ({ ...only("ok").cases[0], id: `ok${i}` }));
  const ok = { ...only("ok"), study, cases: copies.map((c) => ({ ...c, study })) };
  const rows = sensitivityRows(ok);
  assert.ok(rows.length > 0);
  for (const r of rows) {
    assert.deepEqual(Object.keys(r), [...COLUMNS, "reason"]);
    assert.equal(r.reason, null);
  }
});

Deno.test("spanRows: a case left out is one row with its reason; a never-defined quantity says why", () => {
  const rows = spanRows(sensitivitySpans([{ name: "as extracted", series: s }]));
  for (const e of excluded) {
    const left = rows.filter((r) => r.case === e.caseId && r.quantity === null);
    assert.deepEqual(left, [{
      case: e.caseId,
      quantity: null,
      "as extracted": null,
      least: null,
      greatest: null,
      "defined in": "0/1 variants",
      reason: e.reason,
    }]);
    // No other row of it is all empty.
    const rest = rows.filter((r) => r.case === e.caseId && r.quantity !== null);
    assert.ok(rest.every((r) => r.least !== null), e.caseId);
  }
  const fifty = rows.find((r) => r.case === "ok" && r.quantity === "days to 50% reduction")!;
  assert.equal(fifty["as extracted"], "not defined");
  assert.match(String(fifty.reason), /^not reached by day 30/);
  assert.ok(
    rows.filter((r) => r["as extracted"] !== "not defined" && r.quantity !== null)
      .every((r) => r.reason === null),
  );
});

Deno.test("spanRows: with every quantity defined, the reason column is there, empty", () => {
  const study = { ...s.study, thresholds: s.study.thresholds.filter((t) => t.value !== 50) };
  const ok = { ...only("ok"), study, cases: only("ok").cases.map((c) => ({ ...c, study })) };
  const rows = spanRows(sensitivitySpans([{ name: "as extracted", series: ok }]));
  assert.ok(rows.length > 0);
  for (const r of rows) assert.equal(r.reason, null, JSON.stringify(r));
});

Deno.test("baselineSummary: a case with no change after the drug is not said to move a number", () => {
  const text = baselineSummary(s);
  // 'no-after' has two values before the drug (its baseline moves with the definition) and none
  // after it: no number of it moves.
  assert.ok(baselineDependence(s).some((b) => b.caseId === "no-after"));
  assert.doesNotMatch(text, /Case no-after's baseline depends/);
  // No analysed case's baseline moves: none is "other"; a case with no value before the drug is
  // left out, so "(or none does)" is not said.
  assert.match(text, /^No analysed case's baseline depends on the definition\./);
  assert.match(text, new RegExp(`In 1 case \\(ok\\) one value precedes ${s.study.drug}, so`));
  assert.doesNotMatch(text, /other case|none does/);
  assert.match(
    text,
    new RegExp(
      `Cases no-before, no-after and other-drug have no change after ${s.study.drug}, so their ` +
        "baselines enter no number\\.$",
    ),
  );
  assert.match(baselineSummary(only("ok", "other-drug")), /Case other-drug has no change after/);
});

Deno.test("sensitivityNotes: the table without rows for the cases left out names each, with its reason", () => {
  const [note, ...more] = sensitivityNotes(s);
  assert.equal(more.length, 0);
  for (const e of excluded) {
    assert.ok(note.includes(e.caseId) && note.includes(e.reason), `${e.caseId} in: ${note}`);
  }
  assert.deepEqual(sensitivityNotes(only("ok")), []);
});

Deno.test("baselineSummary: with no case left out, 'no case'; a baseline of equal values is said so", () => {
  assert.match(
    baselineSummary(only("ok")),
    /^No case's baseline depends on the definition\. In 1 case/,
  );
  // Two equal values before the drug: the baseline does not move, but not because one precedes.
  const days = { early: 2, before: 5, start: 10, after: 20 };
  const period = { drug: s.study.drug, dose: 10, start: "start", end: null };
  const flat = {
    ...makeCase(days, [period], { early: 6, before: 6, after: 3 }),
    id: "flat",
    study: s.study,
  };
  const text = baselineSummary({ ...s, cases: [s.cases[0], flat] });
  assert.match(
    text,
    new RegExp(
      `In 1 case \\(ok\\) one value precedes ${s.study.drug}, and in 1 case \\(flat\\) the ` +
        `values before ${s.study.drug} give the same baseline under every definition, so`,
    ),
  );
});

Deno.test("reductionRanges: a case with no percent reduction says its rows' reason", () => {
  const z = zeroBaseline(s);
  const series = { ...s, cases: [...s.cases, z] };
  const table = sensitivityTable(series.cases);
  const why = table.find((r) => r.caseId === z.id && r.quantity.startsWith("percent"))!.reason!;
  const bullets = reductionRanges(series, table).split("\n");
  assert.ok(bullets.includes(`- Case ${z.id}: no percent reduction can be computed (${why}).`));
  // A case left out says why it has no change.
  for (const e of excluded) {
    assert.ok(bullets.some((b) => b.includes(`${e.caseId}: `) && b.includes(e.reason)));
  }
});

Deno.test("sensitivityNotes: every case the rounding table has no row for is named, with why", () => {
  const z = zeroBaseline(s);
  const series = { ...s, cases: [...s.cases, z] };
  const verdicts = roundingRobustness(series.cases);
  const [note, ...more] = sensitivityNotes(series);
  assert.equal(more.length, 0);
  const lacking = series.cases.filter((c) => !verdicts.some((v) => v.caseId === c.id));
  assert.ok(lacking.some((c) => c.id === z.id));
  for (const c of lacking) {
    const gap = roundingGaps(series.cases).find((g) => g.caseId === c.id)!;
    assert.match(note, new RegExp(`(?<![\\w-])${c.id}(?![\\w-])`), c.id);
    assert.ok(note.includes(gap.reason), `${gap.reason} in: ${note}`);
  }
  const why = sensitivityTable([z])[0].reason!;
  assert.ok(note.includes(`No row for case ${z.id}: ${why}.`), note);
});

Deno.test("roundingSummary: with no verdict, it does not say that no case has a value before and after the drug", () => {
  // A case with values on both sides, but a baseline that may be 0: no percent, no verdict.
  const z = zeroBaseline(s);
  assert.ok(caseChange(z).points.length > 0);
  assert.deepEqual(roundingRobustness([z]), []);
  const text = roundingSummary(roundingRobustness([z]));
  assert.match(text, /no responder conclusion to assess/);
  assert.doesNotMatch(text, /no case has a value before and after/);
  assert.match(text, /baseline that cannot be 0/);
  // The rule is said with its exceptions: not every value is varied.
  assert.match(
    text,
    /except values on a scale of whole numbers, values of no pain whose own words say there is none and values whose words state no number/,
  );
});

/** A case of `s` with its values put on another scale (words and all). */
function onScale(c: Case, scale: string, words: (v: number) => string): Case {
  return {
    ...c,
    observations: c.observations.map((o) => {
      const v = Math.round(o.value.nominal);
      const value = { lo: v, nominal: v, hi: v };
      return { ...o, scale: SCALES[scale], value, common: value, words: words(v) };
    }),
  };
}

Deno.test("roundingSummary: values on a scale of whole numbers are not said to be varied", () => {
  // The one analysable constructed case, its values as NRS points: rounding varies none of them
  // (data/README.md, "Rounding"), so the paragraph must not say each was varied by ± 0.5.
  const ok = s.cases.find((c) => c.id === "ok")!;
  const nrs = onScale(ok, "nrs-0-10", (v) => `${v}/10`);
  const verdicts = roundingRobustness([nrs]);
  assert.ok(verdicts.length > 0);
  assert.ok(
    verdicts.every((v) => v.rounded[0] === v.asStated[0] && v.rounded[1] === v.asStated[1]),
  );
  const text = roundingSummary(verdicts);
  assert.doesNotMatch(text, /^Each stated value varied/, text);
  assert.match(text, /^No stated value is varied by rounding/);
  assert.ok(
    // The scale named for a reader, not by its id.
    text.includes(`${nrs.observations.length} values on a scale of whole numbers (the 0–10 NRS)`),
    text,
  );
  assert.match(text, /can move under rounding/);
  // Values whose words state no number are not varied either, and are named as such.
  const words = onScale(ok, "vas-10cm", () => "no pain to speak of");
  assert.match(roundingSummary(roundingRobustness([words])), /values whose words state no number/);
  // With a case whose values are varied, the others are named as the exception.
  const both = roundingSummary(roundingRobustness([ok, { ...nrs, id: "ok-nrs" }]));
  assert.match(
    both,
    /^Each stated value varied by half a unit .*, except \d+ values on a scale of whole numbers \(the 0–10 NRS\), which are not varied/,
  );
  // Every value varied: the paragraph is as before.
  assert.match(
    roundingSummary(roundingRobustness([ok])),
    /^Each stated value varied by half a unit of its last stated digit \(± 0\.05 for a value stated to one decimal, ± 0\.5 for a whole number\): /,
  );
});

Deno.test("sensitivityRows: a value is the full value, rounded only when shown (once)", () => {
  const rows = sensitivityRows(s);
  const table = sensitivityTable(s.cases);
  // The rows of the table come first, in its order: each cell is its value, unrounded.
  table.forEach((t, i) => assert.equal(rows[i].value, t.value));
  // Some value has more than 4 decimals, so the test could fail.
  assert.ok(table.some((t) => t.value !== null && Number(t.value.toFixed(4)) !== t.value));
});

Deno.test("spanRows: a nominal day the text does not date is not printed as a number", async () => {
  const real = await loadCaseSeries(TEST_DATA_DIR);
  // A value placed only by the narrative, the first to reach every percent threshold.
  const narrated = {
    ...around(s.study, { before: 5, start: 10, a: [10, 200] }, { before: 4, a: 1 }, ["a"]),
    id: "undated",
  };
  const cases = [...real.cases, narrated];
  const spans = sensitivitySpans([{ name: "as extracted", series: { cases } }]);
  const rows = spanRows(spans);
  const undated = spans.flatMap((x, i) => x.nominalDated || x.nominal === null ? [] : [rows[i]]);
  assert.ok(undated.length > 0);
  for (const r of undated) assert.doesNotMatch(String(r["as extracted"]), /\d/);
});

Deno.test("readingRows: with the series, each replaced time point's name beside its id", () => {
  // A case with a start of drug d (day 5) and a value (day 9), each re-read by a reading, and a
  // reading of a case the series does not have.
  const c = makeCase({ a: 5, b: 9 }, [{ drug: "d", dose: 10, start: "a", end: null }], { b: 6 });
  const series = { ...s, cases: [c] };
  const row = (caseId: string, timeId: string) => ({
    case_id: caseId,
    time_id: timeId,
    rule: "within",
    anchor: "t0",
    amount: 10,
    unit: "day",
    bound: null,
    words: `about ${timeId}`,
  });
  const reading = (name: string, rows: ReturnType<typeof row>[]) =>
    ({ name, choice: `${name} reading`, line: 2, rows, lines: rows.map(() => 2) }) as never;
  const readings = [
    reading("r1", [row(c.id, "a"), row(c.id, "b")]),
    reading("r2", [row("X", "z")]),
  ];
  const rows = readingRows(readings, { series });
  // The id stays (a CSV consumer joins on it), the reader's name beside it, never the id; none
  // for a case the series does not have.
  assert.deepEqual(rows.map((r) => [r.case, r["time point"], r["time point name"]]), [
    [c.id, "a", "the start of d"],
    [c.id, "b", "the VAS 6 report"],
    ["X", "z", null],
  ]);
  const keys = Object.keys(rows[0]);
  assert.equal(keys.indexOf("time point name"), keys.indexOf("time point") + 1);
  // Without the series, the columns are those of before.
  assert.ok(readingRows(readings).every((r) => !("time point name" in r)));
});

Deno.test("spanRows: an open span's greatest is open, never its greatest finite value (a placeholder day is no bound)", () => {
  const open = {
    caseId: "x",
    quantity: "days from day 0 to the start of drug-x",
    nominal: 14,
    lo: 10.5,
    hi: 14,
    openEnded: true,
    nominalDated: false,
    variants: 2,
    defined: 2,
  };
  const [row] = spanRows([open]);
  assert.equal(row.greatest, "open (no later bound stated)");
  assert.equal(row.least, 10.5);
  assert.equal(spanRows([{ ...open, openEnded: false }])[0].greatest, 14);
});

Deno.test("robustnessRows: where it differs says only what differs, and in how many variants", () => {
  const [responders, claim] = robustnessRows([
    {
      id: "responders:first:percent:30",
      label: "responders",
      value: "3/3 (a, b, c)",
      holds: 4,
      of: 4,
      differs: [],
      rounding: {
        holds: 0,
        differs: ["v1", "v2", "v3", "v4"].map((variant) => ({
          variant,
          value: "3/3 (a, b, c); case a not sure as a responder under rounding",
        })),
      },
    },
    {
      id: "claim:x",
      label: "x",
      value: "supported",
      holds: 3,
      of: 4,
      differs: [{ variant: "v4", value: "not supported" }],
      rounding: { holds: 3, differs: [{ variant: "v4", value: "not supported" }] },
    },
  ]);
  // Not "3/3 (a, b, c); case a not sure … in 4 with rounding": the unchanged count is not repeated.
  assert.equal(
    responders["where it differs"],
    "case a not sure as a responder under rounding, in all 4 variants",
  );
  assert.equal(
    claim["where it differs"],
    "not supported, in 1 of 4 variants; not supported with rounding, in 1 of 4 variants",
  );
});
