/**
 * The appraisal: every quote it rests on is in its article, every absence it claims is true of the
 * text, every literature figure is in docs/literature.md, and the computed parts follow the data.
 * The checklists are reference data; an article's appraisal is data (data/articles/<id>/). Tests
 * of today's judgements are scoped to the first article (nagoshi-2012).
 */
import assert from "node:assert/strict";
import {
  activeTreatments,
  appraisalOf,
  appraisalRows,
  caseCaveats,
  CAUSALITY_COLUMNS,
  causalityRows,
  causalityTableRows,
  checklistRows,
  designLimits,
  labelledDoseComparison,
  labelledDoseTableRows,
  loadCaseSeries,
  mayBeAfter,
  naranjoPair,
  naturalHistoryRows,
  normalizeSourceText,
  showTable,
} from "../../lib/mod.ts";
import { copyData, dataWithFixture, TEST_DATA_DIR } from "../helpers/data_dir.ts";
import { withResultsDir } from "../helpers/results_dir.ts";
import { aroundDrug, CONSTRUCTED_INDICATION, makeCase } from "../helpers/constructed_case.ts";

const series = await loadCaseSeries(TEST_DATA_DIR);
const NAGOSHI = "nagoshi-2012";
const FIXTURE = "synthetic-fixture";
const text = async (dir: string, sourceId: string, s = series) =>
  normalizeSourceText(await Deno.readTextFile(`${dir}${s.sources.get(sourceId)!.textPath}`));

Deno.test("each appraisal rests on quotes in its article and absences true of its text", async () => {
  for (const [sourceId, { appraisal }] of series.articles!.records) {
    if (!appraisal) continue;
    const t = await text(TEST_DATA_DIR, sourceId);
    const lower = t.toLowerCase();
    for (const j of appraisal.items) {
      for (const q of j.quotes) assert.ok(t.includes(normalizeSourceText(q)), q);
      for (const a of j.absent) {
        assert.ok(!lower.includes(a.toLowerCase()), `"${a}" is in the text`);
      }
      assert.ok(j.verdict !== undefined || j.computed !== undefined, `${j.checklist} ${j.number}`);
    }
    for (const q of appraisal.selection) assert.ok(t.includes(normalizeSourceText(q)), q);
  }
});

Deno.test("the checklists are reference data, each with its citation and its items", () => {
  const lists = series.articles!.checklists;
  const items = (id: string) => lists.find((c) => c.id === id)?.items.length;
  // JBI case series: ten questions (Munn et al. 2020); CARE: thirteen topics (Gagnier et al. 2013).
  assert.equal(items("JBI"), 10);
  assert.equal(items("CARE"), 13);
  for (const c of lists) assert.match(c.citation, /\d{4}/);
});

Deno.test("nagoshi-2012: both checklists, every item with a verdict and its basis", () => {
  const rows = appraisalRows(series, NAGOSHI);
  for (const c of series.articles!.checklists) {
    assert.equal(rows.filter((r) => r.checklist === c.id).length, c.items.length);
  }
  for (const r of rows) assert.ok(r.basis.length > 0);
  // Computed from the data: case 3 has no SDS score, so clinical information is partly reported.
  assert.equal(rows.find((r) => r.checklist === "JBI" && r.number === 7)!.verdict, "partly");
  assert.equal(rows.find((r) => r.checklist === "JBI" && r.number === 6)!.verdict, "yes");
  assert.throws(() => appraisalRows(series, "no-such-source"), /expected a source id/);
});

Deno.test("the causality table's co-medication column says which values it counts", () => {
  // Two drugs together can each name the other, one certainly and one possibly: the header says
  // at which values (the row's drug's own, after its start while it may be given), so the
  // asymmetry reads as meant, and "none stated" beside a stop followed by values is not read as
  // "nothing else was given after the start" (the column never counts values after the stop).
  const column = "co-medication at the values while it may be given";
  assert.ok(CAUSALITY_COLUMNS.includes(column), CAUSALITY_COLUMNS.join(" | "));
  assert.ok(!CAUSALITY_COLUMNS.includes("co-medication"));
  assert.ok(!CAUSALITY_COLUMNS.includes("co-medication at the values after its start"));
  const rows = causalityRows(series, NAGOSHI, series.study);
  const table = causalityTableRows(series, NAGOSHI, series.study);
  assert.deepEqual(table.map((r) => r[column]), rows.map((r) => r.coMedication));
});

Deno.test("nagoshi-2012: causality from the data, stated as an assessment", () => {
  const rows = causalityRows(series, NAGOSHI, series.study);
  const c3 = rows.find((r) => r.caseId === "3" && r.drug === "milnacipran")!;
  assert.match(
    c3.doseResponse,
    /^increased 50 → 75 mg\/day: VAS 2\.0 on the earlier dose, and VAS 0–1\.0 after/,
  );
  // Quetiapine has no stated end and nothing ties it to a value after milnacipran: possibly.
  assert.match(c3.coMedication, /quetiapine \(possibly\)/);
  assert.match(c3.assessment, /not a proof/);
  // 4.0 → 2.0 after the start (Q2 yes +2), 2.0 → 0–1.0 after 50 → 75 mg/day (Q8 yes +1).
  assert.match(c3.assessment, /^Naranjo score 3, possible .*Q2 yes \+2, Q8 yes \+1/);
  const c1 = rows.find((r) => r.caseId === "1" && r.drug === "milnacipran")!;
  assert.match(c1.dechallenge, /reduced to 75 mg\/day.*no apparent aggravation/);
  assert.match(c1.coMedication, /paroxetine \(possibly\)/);
  const par = rows.find((r) => r.caseId === "1" && r.drug === "paroxetine")!;
  // Milnacipran is surely given after its start, though its dose during the switch is open.
  assert.match(par.coMedication, /milnacipran \(certainly\)/);
  const dic = rows.find((r) => r.caseId === "1" && r.drug === "diclofenac")!;
  assert.match(dic.dechallenge, /given then: paroxetine and milnacipran\)/);
  // No value before paroxetine (Q2 do not know); 6.6 on 20 mg/day, 3.3 on 40 (Q8 yes +1).
  assert.match(par.assessment, /^Naranjo score 1, possible .*: Q8 yes \+1\)/);
});

Deno.test("nagoshi-2012: design limits: computed evidence, quoted selection, cited natural course", async () => {
  const limits = designLimits(series, NAGOSHI, series.study);
  const by = Object.fromEntries(limits.map((l) => [l.limit, l.evidence]));
  assert.match(by["Selection and publication bias"], /In 2005 we published/);
  assert.match(
    by["Regression to the mean"],
    /case 2: milnacipran 25 mg\/day [^;]*after VAS 8\.0 — /,
  );
  for (const l of limits) assert.doesNotMatch(l.evidence, /slow decline|undefined|NaN/);
  assert.match(by["Placebo and expectation"], new RegExp(`every value after ${series.study.drug}`));
  // The gaps (counted on constructed cases in timing_test.ts): the intervals' days are nominal
  // ones, said so; one value is not written "60 to 60".
  assert.match(
    by["Irregular timing"],
    /gaps? between consecutive values, (none is|\d+ (is|are)) stated as a number of days/,
  );
  assert.doesNotMatch(by["Irregular timing"], /\bstated \(nominally/);
  assert.doesNotMatch(by["Irregular timing"], /\b(\d+) to \1 days/);
  // Asked about a drug none of its cases takes, the article's limits never name that drug.
  const other = designLimits(series, NAGOSHI, { ...series.study, drug: "no-such-drug" });
  for (const l of other) assert.doesNotMatch(l.evidence, /no-such-drug/, l.limit);
  const docs = normalizeSourceText(
    await Deno.readTextFile(new URL("../../docs/literature.md", import.meta.url)),
  );
  // docs/literature.md cites every study of the data that has a DOI.
  for (const f of series.articles!.naturalHistory) {
    if (f.doi) assert.ok(docs.includes(f.doi), f.doi);
  }
  // The figures shown are those of the data, each with its study.
  const figures = series.articles!.naturalHistory;
  assert.ok(figures.some((f) => f.value !== null));
  for (const row of naturalHistoryRows(figures)) {
    assert.ok(by["Natural course after amputation"].includes(String(row.study)), String(row.study));
    if (row.value !== "not verified") {
      assert.ok(by["Natural course after amputation"].includes(`${row.value} at ${row.time}`));
    }
  }
});

Deno.test("the natural course in the case caveats and the design limits is the data's: a changed figure changes the prose", async () => {
  const dir = await copyData();
  try {
    // One verified percentage, raised by one in its value and in its quote (so it still loads).
    const path = `${dir}/reference/natural-history.csv`;
    const lines = (await Deno.readTextFile(path)).split("\n");
    // The largest verified percentage, so that the range the case caveat gives moves too.
    const pct = (l: string) => Number(l.match(/,(\d+(?:\.\d+)?),percent,verified,/)?.[1] ?? -1);
    const at = lines.reduce((best, l, i) => pct(l) > pct(lines[best]) ? i : best, 0);
    assert.ok(at > 0 && pct(lines[at]) >= 0, "no verified percentage in the data");
    const old = Number(lines[at].match(/,(\d+(?:\.\d+)?),percent,verified,/)![1]);
    const [head, tail] = lines[at].split(`,${old},percent,verified,`);
    // The quote follows the status: its first mention of the value changes with it.
    lines[at] = `${head},${old + 1},percent,verified,` +
      tail.replace(new RegExp(`(?<![\\d.])${old}(?![\\d.])`), String(old + 1));
    await Deno.writeTextFile(path, lines.join("\n"));
    const before = series.articles!.naturalHistory;
    const after = (await loadCaseSeries(dir)).articles!.naturalHistory;
    const changed = after.findIndex((f, i) => f.value !== before[i].value);
    assert.ok(changed >= 0, "the edit changed no figure");
    const shown = (figures: typeof before) => {
      const row = naturalHistoryRows(figures)[changed];
      return `${row.value} at ${row.time}`;
    };
    const grown = await loadCaseSeries(dir);
    const c = grown.cases.find((x) => x.sourceId === NAGOSHI)!;
    const limit = designLimits(grown, NAGOSHI, grown.study)
      .find((l) => l.limit === "Natural course after amputation")!.evidence;
    assert.ok(limit.includes(shown(after)), limit);
    assert.ok(!limit.includes(shown(before)), limit);
    // The case caveat gives every figure with its time: it follows the data too.
    assert.ok(caseCaveats(grown, c).includes(shown(after)), caseCaveats(grown, c));
    assert.ok(!caseCaveats(grown, c).includes(shown(before)), caseCaveats(grown, c));
    // And on the data as committed, the prose shows the committed figures, every one of them.
    const caveat = caseCaveats(series, series.cases[0]);
    for (const [i, f] of before.entries()) {
      if (f.value === null) continue;
      const r = naturalHistoryRows(before)[i];
      assert.ok(caveat.includes(`${r.value} at ${r.time}`), `${r.value} at ${r.time}`);
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("doses against labels: within, below, above; unknown stays unknown, for any article", async () => {
  // The real article: every row's verdict is the comparison of its own dose and range.
  const rows = labelledDoseComparison(series, NAGOSHI);
  assert.ok(rows.length > 0);
  for (const r of rows) {
    if (r.verdict === "no label recorded") assert.equal(r.range, null);
    if (r.range === "not verified") {
      assert.ok(["not verified", "dose not stated"].includes(r.verdict));
    }
  }
  // A label row that could not be verified gives no number and no verdict of range.
  assert.ok(rows.some((r) => r.verdict === "not verified"));
  // The fixture article: other drugs, one dose not stated; its own labels, made up for the test.
  const dir = await dataWithFixture();
  try {
    const grown = await loadCaseSeries(dir);
    const fixtureCases = grown.cases.filter((c) => c.sourceId === FIXTURE);
    const unstated = fixtureCases.flatMap((c) => c.treatments).find((t) => t.dose === null)!;
    assert.ok(unstated, "the fixture has a dose not stated");
    const given = fixtureCases.flatMap((c) => c.treatments).find((t) => t.dose !== null)!;
    const label = (drug: string, min: number | null, max: number | null) => ({
      drug,
      country: "XX",
      label: "test label",
      indication: "test",
      population: "adults",
      status: min === null ? "not verified" as const : "verified" as const,
      min_mg_per_day: min,
      max_mg_per_day: max,
      quote: null,
      source: null,
      note: null,
    });
    const out = labelledDoseComparison(grown, FIXTURE, [
      label(unstated.drug, 1, 1_000),
      label(given.drug, given.dose!.hi + 1, given.dose!.hi + 2),
    ]);
    const of = (drug: string) => out.filter((r) => r.drug === drug).map((r) => r.verdict);
    assert.ok(of(unstated.drug).includes("dose not stated"));
    assert.ok(of(given.drug).includes("below"));
    const others = out.filter((r) => r.drug !== unstated.drug && r.drug !== given.drug);
    assert.ok(others.every((r) => r.verdict === "no label recorded"));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

/** Whether an age is in a population, from the ages recorded for it (recomputed here). */
function inPopulation(s: typeof series, age: number, population: string): boolean {
  const word = population.replace(/\s*\(.*$/, "");
  const rule = s.articles!.populations.find((p) => p.population === word)!;
  return age >= rule.min_age && (rule.max_age === null || age <= rule.max_age);
}

Deno.test("doses against labels: a range applies only to a patient of its population, by the ages recorded", async () => {
  const check = (s: typeof series, sourceId: string) => {
    const rows = labelledDoseComparison(s, sourceId).filter((r) => r.population !== null);
    const table = labelledDoseTableRows(rows);
    rows.forEach((r, i) => {
      const inside = inPopulation(s, r.age!, r.population!);
      assert.equal(r.applies, inside, `${r.caseId} ${r.drug} ${r.population}`);
      // Outside its population a range is never compared: the row says so, with the age.
      if (!inside) {
        assert.equal(r.verdict, "not applicable");
        assert.equal(table[i].verdict, `not applicable (aged ${r.age})`);
      } else assert.notEqual(r.verdict, "not applicable");
      assert.ok(String(table[i].population).startsWith(`${r.population}, aged `));
    });
    return rows;
  };
  // The real article: a range for an older population is not compared with a younger patient's dose.
  const real = check(series, NAGOSHI);
  assert.ok(real.some((r) => r.applies === false), "no range outside its population here");
  // The fixture article, on the real reference files: both sides of the line.
  const dir = await dataWithFixture();
  try {
    const grown = await loadCaseSeries(dir);
    const rows = check(grown, FIXTURE);
    assert.ok(rows.some((r) => r.applies === false) && rows.some((r) => r.applies === true));
    // Without an age rule, whether a range applies is unknown, and the row says so.
    const unknown = labelledDoseComparison(grown, FIXTURE, grown.articles!.labelledDoses, []);
    const labelled = unknown.filter((r) => r.population !== null);
    assert.ok(labelled.length > 0 && labelled.every((r) => r.applies === null));
    assert.ok(labelled.every((r) => r.verdict !== "not applicable"));
    for (const cell of labelledDoseTableRows(labelled).map((r) => String(r.verdict))) {
      assert.match(cell, /\(whether the range applies is unknown: no age rule recorded for '/);
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("the fixture article's appraisal, recorded as data, loads and is shown item by item", async () => {
  const dir = await dataWithFixture();
  try {
    const grown = await loadCaseSeries(dir);
    const appraisal = appraisalOf(grown, FIXTURE)!;
    assert.ok(appraisal.items.length > 0);
    const t = await text(`${dir}/`, FIXTURE, grown);
    for (const q of [...appraisal.items.flatMap((j) => j.quotes), ...appraisal.selection]) {
      assert.ok(t.includes(normalizeSourceText(q)), q);
    }
    for (const c of grown.articles!.checklists) {
      const rows = checklistRows(grown, FIXTURE, c.id);
      assert.equal(rows.length, c.items.length);
      for (const r of rows) {
        const judged = appraisal.items.find((j) => j.checklist === c.id && j.number === r.item);
        if (judged) assert.doesNotMatch(String(r.basis), /not judged/);
        else {assert.deepEqual([r.verdict, r.basis], [
            "unclear",
            "not judged in this article's appraisal (appraisal.csv)",
          ]);}
      }
    }
    // A computed item is computed from the fixture's own cases.
    const computed = appraisal.items.find((j) => j.computed === "demographics");
    if (computed) {
      const n = grown.cases.filter((c) => c.sourceId === FIXTURE).length;
      const shown = checklistRows(grown, FIXTURE, computed.checklist)
        .find((r) => r.item === computed.number)!;
      assert.match(String(shown.basis), new RegExp(`of ${n} cases`));
    }
    // Its selection passages go to the design's limits; its causality is assessed.
    const limits = designLimits(grown, FIXTURE, grown.study);
    for (const q of appraisal.selection) {
      assert.ok(limits.some((l) => l.evidence.includes(q)), q);
    }
    const causality = causalityRows(grown, FIXTURE, grown.study);
    assert.ok(causality.length > 0);
    assert.ok(
      causality.every((r) =>
        /^Naranjo score -?\d+, (definite|probable|possible|doubtful) /.test(r.assessment)
      ),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("an article with no appraisal: not appraised, no checklist rows; causality has its header, one row per case and drug, and its Naranjo score", async () => {
  const dir = await dataWithFixture();
  const results = await Deno.makeTempDir({ prefix: "appraisal-results-" });
  try {
    await Deno.remove(`${dir}/articles/${FIXTURE}/appraisal.csv`);
    await Deno.remove(`${dir}/articles/${FIXTURE}/appraisal-quotes.csv`);
    const grown = await loadCaseSeries(dir);
    assert.equal(appraisalOf(grown, FIXTURE), null);
    assert.deepEqual(appraisalRows(grown, FIXTURE), []);
    const pairs = grown.cases.filter((c) => c.sourceId === FIXTURE).flatMap((c) =>
      [
        ...new Set(
          c.treatments.filter((t) => t.purpose === grown.study.indication).map((t) => t.drug),
        ),
      ].map((d) => `${c.id} ${d}`)
    );
    const rows = causalityTableRows(grown, FIXTURE, grown.study);
    assert.deepEqual(rows.map((r) => `${r.case} ${r.drug}`), pairs);
    // The Naranjo score is computed from the data: given with or without an appraisal.
    for (const r of rows) assert.match(String(r.assessment), /^Naranjo score -?\d+, /);
    // Written with its header, whether or not it has rows (never an empty file).
    for (const [name, table] of [["with-rows", rows], ["no-rows", []]] as const) {
      await withResultsDir(
        results,
        () => showTable(name, table, "", { columns: CAUSALITY_COLUMNS }),
      );
      const csv = await Deno.readTextFile(`${results}/tables/${name}.csv`);
      assert.equal(csv.split("\n")[0], CAUSALITY_COLUMNS.join(","));
      assert.equal(csv.trimEnd().split("\n").length, 1 + table.length);
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
    await Deno.remove(results, { recursive: true });
  }
});

Deno.test("nagoshi-2012: the reader is told of case 1's earlier report and of the extraction limit", () => {
  const items = appraisalOf(series, NAGOSHI)!.items;
  const item = (checklist: string, n: number) =>
    items.find((j) => j.checklist === checklist && j.number === n)!;
  // Case 1 was published in 2005: counting it twice in a synthesis is a risk.
  assert.match(item("CARE", 4).note, /2005.*counts one patient twice/);
  assert.ok(item("CARE", 4).quotes.some((q) => q.startsWith("In 2005 we published")));
  // No consent statement in the kept text: an extraction limit, so "unclear", not "no".
  assert.equal(item("CARE", 13).verdict, "unclear");
  assert.match(item("CARE", 13).note, /extraction limit of this text, not necessarily/);
});

Deno.test("causality: a case with several amputations names the one its days count from", () => {
  const several = series.cases.filter((c) =>
    c.events.filter((e) => e.kind === c.amputation.kind).length > 1
  );
  let checked = 0;
  for (const c of several) {
    for (const r of causalityRows(series, c.sourceId, series.study)) {
      if (r.caseId !== c.id) continue;
      checked++;
      assert.ok(
        String(r.alternatives).includes(`(${c.amputation.description})`),
        String(r.alternatives),
      );
    }
  }
  assert.ok(several.length === 0 || checked > 0, "rows of the cases with several amputations");
});

Deno.test("causality: a drug surely given at a dose the times leave open is named as given then", () => {
  const study = aroundDrug(series.study).study;
  // drug-z stopped; then a stepwise switch from drug-a to drug-b whose end (aend) is not dated,
  // the doses during it not stated: at v1 no period of drug-b is certain, but drug-b is given.
  const c = {
    ...makeCase(
      { zs: 1, ze: 3, s: 5, sw: 20, aend: [20, 60], v0: 2, v1: 25 },
      [
        { drug: "drug-z", dose: 10, start: "zs", end: "ze" },
        { drug: "drug-a", dose: 40, start: "s", end: "sw" },
        { drug: "drug-a", dose: null, start: "sw", end: "aend" },
        { drug: "drug-b", dose: null, start: "sw", end: "aend" },
        { drug: "drug-b", dose: 100, start: "aend", end: null },
      ],
      { v0: 6, v1: 3 },
    ),
    study,
  };
  const rows = causalityRows({ study, sources: new Map(), cases: [c] }, c.sourceId, {
    indication: CONSTRUCTED_INDICATION,
  });
  const z = rows.find((r) => r.drug === "drug-z")!;
  assert.match(z.dechallenge, /1 value after the stop \(the VAS 3; given then: drug-b\)/);
  const a = rows.find((r) => r.drug === "drug-a")!;
  assert.match(a.coMedication, /drug-b \(certainly\)/);
  for (const r of rows) assert.doesNotMatch(JSON.stringify(r), /undefined|NaN|\b0 mg/);
});

Deno.test("causality: a dose change from a dose in another unit names that dose, not 'dose not stated'", () => {
  const study = aroundDrug(series.study).study;
  const made = makeCase(
    { s: 5, up: 20, v1: 10, v2: 30 },
    [
      { drug: "drug-p", dose: null, start: "s", end: "up" },
      { drug: "drug-p", dose: null, start: "up", end: null },
    ],
    { v1: 6, v2: 3 },
  );
  // A patch: 12 µg/h, then 25 µg/h (no mg/day: its words are kept).
  const words = ["12 µg/h", "25 µg/h"];
  const c = {
    ...made,
    study,
    treatments: made.treatments.map((t, i) => ({ ...t, doseWords: words[i] })),
  };
  const [r] = causalityRows({ study, sources: new Map(), cases: [c] }, c.sourceId, {
    indication: CONSTRUCTED_INDICATION,
  });
  assert.match(
    r.doseResponse,
    /^changed 12 µg\/h → 25 µg\/h: VAS 6 on the earlier dose, and VAS 3 after/,
  );
});

Deno.test("causality: a dose in words with no number is a dose not stated, never 'one dose only'", () => {
  const study = aroundDrug(series.study).study;
  const words = (made: ReturnType<typeof makeCase>, i: number) => ({
    ...made,
    study,
    treatments: made.treatments.map((t, j) => j === i ? { ...t, doseWords: "a low dose" } : t),
  });
  const row = (c: ReturnType<typeof words>) =>
    causalityRows({ study, sources: new Map(), cases: [c] }, c.sourceId, {
      indication: CONSTRUCTED_INDICATION,
    })[0];
  // One period, at "a low dose": its dose is unknown.
  const one = makeCase({ s: 5, v1: 10 }, [{ drug: "drug-p", dose: null, start: "s", end: null }], {
    v1: 6,
  });
  assert.equal(row(words(one, 0)).doseResponse, "dose not stated");
  // "a low dose", then 50 mg/day: the earlier dose says what the text gives, as the tables do.
  const two = makeCase(
    { s: 5, up: 20, v1: 10, v2: 30 },
    [
      { drug: "drug-p", dose: null, start: "s", end: "up" },
      { drug: "drug-p", dose: 50, start: "up", end: null },
    ],
    { v1: 6, v2: 3 },
  );
  assert.match(
    row(words(two, 0)).doseResponse,
    /^changed \(“a low dose”, no mg\/day stated\) → 50 mg\/day: VAS 6 on the earlier dose/,
  );
});

Deno.test("causality: a dose period no value is surely on, but some may be, names those values", () => {
  const study = aroundDrug(series.study).study;
  // drug-p 10 mg/day from day 5, then a dose not stated from a day the text leaves in [15, 40]:
  // the value of day 30 may be on either dose, none surely on the second.
  const made = makeCase(
    { s: 5, v1: 10, up: [15, 40], v2: 30 },
    [
      { drug: "drug-p", dose: 10, start: "s", end: "up" },
      { drug: "drug-p", dose: null, start: "up", end: null },
    ],
    { v1: 6, v2: 3 },
  );
  const c = { ...made, study };
  const [r] = causalityRows({ study, sources: new Map(), cases: [c] }, c.sourceId, {
    indication: CONSTRUCTED_INDICATION,
  });
  assert.match(r.doseResponse, /no value surely after, though the VAS 3 may be\b/, r.doseResponse);
  assert.doesNotMatch(r.doseResponse, /no value after/, r.doseResponse);
});

Deno.test("causality and Naranjo Q3: a stop at a time the text leaves open says which values may be after it, not 'no value after the stop'", () => {
  const study = aroundDrug(series.study).study;
  // drug-p from day 5 to a stop the text places in [20, 60]; values on days 10 and 30.
  const made = makeCase(
    { s: 5, v1: 10, stop: [20, 60], v2: 30 },
    [{ drug: "drug-p", dose: 10, start: "s", end: "stop" }],
    { v1: 6, v2: 3 },
  );
  const c = { ...made, study };
  const [r] = causalityRows({ study, sources: new Map(), cases: [c] }, c.sourceId, {
    indication: CONSTRUCTED_INDICATION,
  });
  assert.match(r.dechallenge, /no value surely after the stop, though the VAS 3 may be/);
  const q3 =
    naranjoPair(c, "drug-p", { indication: CONSTRUCTED_INDICATION, improvement: "decrease" })
      .items[2];
  assert.match(q3.basis, /no value surely after the stop, though the VAS 3 may be/, q3.basis);
  // Dated after the stop: counted, as before.
  const dated = {
    ...makeCase({ s: 5, v1: 10, stop: 20, v2: 30 }, [
      { drug: "drug-p", dose: 10, start: "s", end: "stop" },
    ], { v1: 6, v2: 3 }),
    study,
  };
  const [d] = causalityRows({ study, sources: new Map(), cases: [dated] }, dated.sourceId, {
    indication: CONSTRUCTED_INDICATION,
  });
  assert.match(d.dechallenge, /1 value after the stop/);
});

Deno.test("causality, Naranjo Q3 and the active-treatments table: a value the bounds let meet the stop only at their limit is after the stop in all three", () => {
  const study = aroundDrug(series.study).study;
  // drug-p from day 5 to a stop in [10, 20]; the VAS 3 in [20, 30]: at most the stop's day,
  // never before it, and not the same visit. The table places it off the drug, so the
  // dechallenge and Naranjo Q3 count it after the stop, not as one that "may be".
  const c = {
    ...makeCase(
      { s: 5, v0: 8, stop: [10, 20], v1: [20, 30] },
      [{ drug: "drug-p", dose: 10, start: "s", end: "stop" }],
      { v0: 6, v1: 3 },
    ),
    study,
  };
  const { certain, possible } = activeTreatments(c, "v1");
  assert.deepEqual([...certain, ...possible], []);
  assert.deepEqual(mayBeAfter(c, "stop"), []);
  const [r] = causalityRows({ study, sources: new Map(), cases: [c] }, c.sourceId, {
    indication: CONSTRUCTED_INDICATION,
  });
  assert.match(
    r.dechallenge,
    /^stopped; 1 value after the stop \(the VAS 3; given then: no drug\)$/,
  );
  const q3 =
    naranjoPair(c, "drug-p", { indication: CONSTRUCTED_INDICATION, improvement: "decrease" })
      .items[2];
  assert.equal(q3.basis, "VAS 6 while given, VAS 3 after the stop");
  // The pain did not return when it was stopped.
  assert.equal(q3.answer, "no");
});

Deno.test("causality: values after the stop are named, and so is one that may be after it", () => {
  const study = aroundDrug(series.study).study;
  // drug-p from day 5 to day 20; the VAS 4 in [10, 30] may be after it, the VAS 3 of day 40 is.
  const c = {
    ...makeCase(
      { s: 5, stop: 20, v1: [10, 30], v2: 40 },
      [{ drug: "drug-p", dose: 10, start: "s", end: "stop" }],
      { v1: 4, v2: 3 },
    ),
    study,
  };
  const [r] = causalityRows({ study, sources: new Map(), cases: [c] }, c.sourceId, {
    indication: CONSTRUCTED_INDICATION,
  });
  assert.equal(
    r.dechallenge,
    "stopped; 1 value after the stop (the VAS 3; given then: no drug), and the VAS 4 may be",
  );
});

Deno.test("Naranjo Q3: a stop with no value surely while given names the values it may be given at, not 'no value while given'", () => {
  const study = aroundDrug(series.study).study;
  // drug-p from day 5 to a stop the text places in [8, 40]; the VAS 6 of day 20 may be on it or
  // after the stop (the active-treatments table marks drug-p possible there); the VAS 2 of day
  // 50 is surely after the stop, and the VAS 7 of day 2 surely before the start.
  const q3 = (stop: number | [number, number]) => {
    const c = makeCase(
      { v0: 2, s: 5, stop, v1: 20, v2: 50 },
      [{ drug: "drug-p", dose: 10, start: "s", end: "stop" }],
      { v0: 7, v1: 6, v2: 2 },
    );
    return naranjoPair({ ...c, study }, "drug-p", {
      indication: CONSTRUCTED_INDICATION,
      improvement: "decrease",
    }).items[2].basis;
  };
  assert.equal(q3([8, 40]), "stopped; no value surely while given, though the VAS 6 may be");
  // Stopped before any value after its start: nothing may be while given.
  assert.equal(q3(8), "stopped; no value while given");
});
