/**
 * The appraisal: every quote it rests on is in its article, every absence it claims is true of the
 * text, every literature figure is in docs/literature.md, and the computed parts follow the data.
 * The checklists are reference data; an article's appraisal is data (data/articles/<id>/). Tests
 * of today's judgements are scoped to the first article (nagoshi-2012).
 */
import assert from "node:assert/strict";
import {
  appraisalOf,
  appraisalRows,
  CAUSALITY_COLUMNS,
  causalityRows,
  causalityTableRows,
  checklistRows,
  designLimits,
  loadCaseSeries,
  NATURAL_COURSE,
  normalizeSourceText,
  showTable,
} from "../lib/mod.ts";
import { dataWithFixture, TEST_DATA_DIR } from "./helpers/data_dir.ts";
import { withResultsDir } from "./helpers/results_dir.ts";

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

Deno.test("nagoshi-2012: causality from the data, stated as an assessment", () => {
  const rows = causalityRows(series, NAGOSHI, series.study);
  const c3 = rows.find((r) => r.caseId === "3" && r.drug === "milnacipran")!;
  assert.match(
    c3.doseResponse,
    /^increased 50 → 75 mg\/day: VAS 2 on the earlier dose, VAS \[0, 1\] after/,
  );
  assert.match(c3.coMedication, /quetiapine \(certainly\)/);
  assert.match(c3.assessment, /not a proof/);
  // 4 → 2 after the start (Q2 yes +2), 2 → [0, 1] after 50 → 75 mg/day (Q8 yes +1).
  assert.match(c3.assessment, /^Naranjo score 3, possible .*Q2 yes \+2, Q8 yes \+1/);
  const c1 = rows.find((r) => r.caseId === "1" && r.drug === "milnacipran")!;
  assert.match(c1.dechallenge, /reduced to 75 mg\/day.*no apparent aggravation/);
  assert.match(c1.coMedication, /paroxetine \(possibly\)/);
  const par = rows.find((r) => r.caseId === "1" && r.drug === "paroxetine")!;
  // No value before paroxetine (Q2 do not know); 6.6 on 20 mg/day, 3.3 on 40 (Q8 yes +1).
  assert.match(par.assessment, /^Naranjo score 1, possible .*: Q8 yes \+1\)/);
});

Deno.test("nagoshi-2012: design limits: computed evidence, quoted selection, cited natural course", async () => {
  const limits = designLimits(series, NAGOSHI, series.study);
  const by = Object.fromEntries(limits.map((l) => [l.limit, l.evidence]));
  assert.match(by["Selection and publication bias"], /In 2005 we published/);
  assert.match(by["Regression to the mean"], /case 2: milnacipran 25 mg\/day after VAS 8/);
  for (const l of limits) assert.doesNotMatch(l.evidence, /slow decline|undefined|NaN/);
  const docs = normalizeSourceText(
    await Deno.readTextFile(new URL("../docs/literature.md", import.meta.url)),
  );
  for (const f of NATURAL_COURSE) {
    assert.ok(docs.includes(normalizeSourceText(f.figure)), f.figure);
    assert.ok(docs.includes(f.doi), f.doi);
    assert.match(by["Natural course after amputation"], new RegExp(f.cite));
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
