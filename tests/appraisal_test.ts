/**
 * The appraisal: every quote it rests on is in its article, every absence it claims is true of the
 * text, every literature figure is in docs/literature.md, and the computed parts follow the data.
 */
import assert from "node:assert/strict";
import {
  appraisalRows,
  APPRAISALS,
  CARE_ITEMS,
  causalityRows,
  DEFAULT_DATA_DIR,
  designLimits,
  JBI_ITEMS,
  loadCaseSeries,
  NATURAL_COURSE,
  normalizeSourceText,
  SELECTION_QUOTES,
} from "../lib/mod.ts";
import { TEST_DATA_DIR } from "./helpers/data_dir.ts";

const series = await loadCaseSeries(TEST_DATA_DIR);
const text = async (sourceId: string) =>
  normalizeSourceText(
    await Deno.readTextFile(`${DEFAULT_DATA_DIR}${series.sources.get(sourceId)!.textPath}`),
  );

Deno.test("each appraisal rests on quotes in its article and absences true of its text", async () => {
  for (const [sourceId, judgements] of APPRAISALS) {
    const t = await text(sourceId);
    const lower = t.toLowerCase();
    for (const j of judgements) {
      for (const q of j.quotes) assert.ok(t.includes(normalizeSourceText(q)), q);
      for (const a of j.absent) {
        assert.ok(!lower.includes(a.toLowerCase()), `"${a}" is in the text`);
      }
      assert.ok(j.verdict !== undefined || j.computed !== undefined, `${j.checklist} ${j.number}`);
    }
    for (const q of SELECTION_QUOTES.get(sourceId) ?? []) {
      assert.ok(t.includes(normalizeSourceText(q)), q);
    }
  }
});

Deno.test("both checklists, every item with a verdict and its basis", () => {
  const rows = appraisalRows(series, "nagoshi-2012");
  assert.equal(rows.filter((r) => r.checklist === "JBI").length, JBI_ITEMS.length);
  assert.equal(rows.filter((r) => r.checklist === "CARE").length, CARE_ITEMS.length);
  for (const r of rows) assert.ok(r.basis.length > 0);
  // Computed from the data: case 3 has no SDS score, so clinical information is partly reported.
  assert.equal(rows.find((r) => r.checklist === "JBI" && r.number === 7)!.verdict, "partly");
  assert.equal(rows.find((r) => r.checklist === "JBI" && r.number === 6)!.verdict, "yes");
  assert.throws(() => appraisalRows(series, "no-such-source"), /expected a source id/);
});

Deno.test("causality: dose–response and co-medication from the data, stated as an assessment", () => {
  const rows = causalityRows(series, "nagoshi-2012");
  const c3 = rows.find((r) => r.caseId === "3" && r.drug === "milnacipran")!;
  assert.match(
    c3.doseResponse,
    /^increased 50 → 75 mg\/day: VAS 2 on the earlier dose, VAS \[0, 1\] after/,
  );
  assert.match(c3.coMedication, /quetiapine \(certainly\)/);
  assert.match(c3.assessment, /not a proof/);
  const c1 = rows.find((r) => r.caseId === "1" && r.drug === "milnacipran")!;
  assert.match(c1.dechallenge, /reduced to 75 mg\/day.*no apparent aggravation/);
  assert.match(c1.coMedication, /paroxetine \(possibly\)/);
  const par = rows.find((r) => r.caseId === "1" && r.drug === "paroxetine")!;
  assert.match(par.assessment, /^No value before it/);
});

Deno.test("design limits: computed evidence, quoted selection, cited natural course", async () => {
  const limits = designLimits(series, "nagoshi-2012");
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
