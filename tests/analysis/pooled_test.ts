/**
 * Pooled analyses take any case: a case that never takes the drug of interest and a case with no
 * value are listed with their reason in every pooled result and table, never dropped silently.
 * The odd cases are made from real ones by removing rows (clearly synthetic).
 */
import assert from "node:assert/strict";
import {
  aggregateRows,
  caseEffectSizes,
  EQUAL_SPACING_CAVEAT,
  exclusionNotes,
  groupRows,
  lineOfTherapyGroups,
  loadCaseSeries,
  painOptions,
  pairedTests,
  responderCurve,
  responderRows,
  responders,
  testRows,
} from "../../lib/mod.ts";
import { TEST_DATA_DIR } from "../helpers/data_dir.ts";

const real = await loadCaseSeries(TEST_DATA_DIR);
const STUDY = real.study;
// Any real case that takes the drug of interest and has values.
const base = real.cases.find((c) =>
  c.observations.length > 0 && c.treatments.some((t) => t.drug === STUDY.drug)
)!;
const noDrug = {
  ...base,
  id: "synthetic-no-drug",
  treatments: base.treatments.filter((t) => t.drug !== STUDY.drug),
};
const noValue = { ...base, id: "synthetic-no-value", observations: [] };
const series = { ...real, cases: [...real.cases, noDrug, noValue] };
const never = `never takes ${STUDY.drug}`;

Deno.test("responders, curve and tests list the odd cases with their reasons", () => {
  for (const row of responders(series.cases)) {
    assert.equal(row.excluded.find((e) => e.caseId === noDrug.id)?.reason, never);
    assert.ok(row.excluded.some((e) => e.caseId === noValue.id));
    assert.equal(row.n + row.excluded.length, series.cases.length);
  }
  // Against the real cases alone: the same n, and the two odd cases left out on top.
  const curve = responderCurve(series.cases);
  const realCurve = responderCurve(real.cases);
  curve.forEach((p, i) => {
    assert.equal(p.n, realCurve[i].n);
    assert.equal(p.excluded.length, realCurve[i].excluded.length + 2);
  });
  const realTests = pairedTests(real.cases);
  pairedTests(series.cases).forEach((t, i) => {
    assert.deepEqual(
      t.excluded.map((e) => e.caseId).sort(),
      [...realTests[i].excluded.map((e) => e.caseId), noDrug.id, noValue.id].sort(),
    );
    assert.equal(t.pairs.length + t.excluded.length, series.cases.length);
  });
  const rows = [...responderRows(responders(series.cases)), ...testRows(series)];
  assert.ok(rows.every((r) => String(r.excluded).includes(noDrug.id)));
  const notes = [
    ...exclusionNotes(responders(series.cases)),
    ...exclusionNotes(pairedTests(series.cases)),
  ];
  assert.equal(notes.length, 2);
  assert.ok(notes.every((n) => n.includes(never) && n.includes(noValue.id)), notes.join("\n"));
});

Deno.test("aggregation and line of therapy name the odd cases; nothing prints undefined", () => {
  const es = caseEffectSizes(series.cases, "NAP", painOptions(series.study));
  assert.equal(es.perCase.find((p) => p.caseId === noDrug.id)!.result.reason, never);
  assert.ok(es.aggregate.excluded.some((e) => e.caseId === noValue.id));
  const { excluded } = lineOfTherapyGroups(series.cases);
  assert.deepEqual(excluded, [
    ...lineOfTherapyGroups(real.cases).excluded,
    { caseId: noDrug.id, reason: never },
  ]);
  const text = JSON.stringify([groupRows(series), aggregateRows(series, "NAP")]);
  assert.ok(text.includes(noDrug.id) && text.includes(noValue.id));
  assert.ok(!/undefined|NaN/.test(text));
});

Deno.test("a bounded aggregate stays in its range; the untruncated Wald limits are kept", () => {
  // The aggregation itself, on every computed index (the study's minimum per phase, and of
  // cases pooled, set to 1).
  const study = { ...real.study, minPointsPerPhase: 1, minCasesForest: 1 };
  const all = { ...real, study, cases: real.cases.map((c) => ({ ...c, study })) };
  const rows = aggregateRows(all, "NAP");
  for (const r of rows) {
    if (r["CI lower"] !== null) assert.ok((r["CI lower"] as number) >= 0);
    if (r["CI upper"] !== null) assert.ok((r["CI upper"] as number) <= 1);
  }
  assert.ok(rows.some((r) => String(r.note).includes("truncated")));
  assert.match(EQUAL_SPACING_CAVEAT, /equally spaced/);
});
