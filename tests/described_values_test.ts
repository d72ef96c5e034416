/**
 * A case's pain values are described by one rule in its figure, tables and prose (`scaleLabel`,
 * lib/scales.ts; `valueScale` of a case): a case on one scale of its own is in that scale's numbers
 * and unit everywhere (a 100 mm VAS in mm, as its figure's axis), a case on mixed scales on the
 * common 0–10 metric with that said. Checked on the synthetic second article
 * (tests/fixtures/second-article) appended to the data, whose cases take every shape, so that
 * whatever a new article brings is held to it.
 */
import assert from "node:assert/strict";
import * as lib from "../lib/mod.ts";
import { valueAxis } from "../lib/plots/value_axis.ts";
import { dataWithFixture, FIXTURE_ARTICLE } from "./helpers/data_dir.ts";

const dir = await dataWithFixture();
const series = await lib.loadCaseSeries(dir);
await Deno.remove(dir, { recursive: true });

const withValues = series.cases.filter((c) => c.observations.length > 0);
/** The scales of a case's values, once each. */
const scalesOf = (c: lib.Case) => [...new Map(c.observations.map((o) => [o.scale.id, o.scale]))];
/** Cases on one scale of numbers that are not the common metric's (a 100 mm VAS alone). */
const rescaled = withValues.filter((c) => {
  const s = scalesOf(c);
  return s.length === 1 && s[0][1].categories === null && !s[0][1].identity;
});
/** Cases on mixed scales, or on a scale of categories. */
const onCommon = withValues.filter((c) => {
  const s = scalesOf(c);
  return s.length > 1 || s[0][1].categories !== null;
});
const drug = series.study.drug;
const takes = (c: lib.Case) => lib.firstPeriod(c, drug) !== null;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

Deno.test("the fixture has a case only on a rescaled scale and one on mixed scales with a value for a period", () => {
  assert.ok(rescaled.some(takes), "a case on a 100 mm VAS alone that takes the drug");
  assert.ok(onCommon.some(takes), "a case on mixed scales that takes the drug");
  assert.ok(onCommon.some((c) => c.observations.some((o) => o.span !== null)));
});

Deno.test("a case on one scale of its own: its tables and prose give its numbers and unit, as its figure's axis", () => {
  for (const c of rescaled) {
    const s = lib.valueScale([c]);
    const axis = valueAxis(c.observations.map((o) => o.scale));
    assert.deepEqual([axis.label, axis.unit, axis.own], [s.label, s.unit, true], c.id);
    // The values as the text states them (72 mm, not 7.2).
    assert.deepEqual(
      lib.activeRows(c).map((r) => r[s.name]),
      c.observations.map((o) => lib.formatInterval(o.value)),
      c.id,
    );
    const care = lib.careTimelineRows(c).map((r) => String(r.what));
    for (const o of c.observations) {
      const said = `${s.name} ${lib.formatInterval(o.value)} ${s.unit}`;
      assert.ok(care.includes(said), `${c.id}: ${said} in ${care.join(" | ")}`);
    }
    assert.ok(lib.rateRows(c).every((r) => `${s.unit}/week (first→last)` in r), c.id);
    if (!takes(c)) continue;
    // The change table's values and its points threshold, in the same numbers.
    const first = lib.changeRows(c)[0];
    const before = lib.alignOnDrug(c, drug).filter((o) => o.phase === "before");
    assert.equal(first[`baseline ${s.name}`], lib.formatInterval(before.at(-1)!.value));
    const t = lib.pointsThreshold(c.study);
    if (t !== null) {
      assert.ok(`≥${lib.described(s, t)} ${s.unit}` in first, Object.keys(first).join());
    }
    // The visual analysis: the mean before in the scale's numbers (from the study's fewest
    // values per phase; with fewer, the values as stated, in order).
    const level = lib.visualAnalysis(c).find((f) => f.feature === "level")!.reading;
    const meanBefore = lib.formatNumber(mean(before.map((o) => o.value.nominal)), 2);
    const stated = before.map((o) => lib.painNumbersIn(s, o)).join(" → ");
    assert.ok(
      before.length >= c.study.minPointsPerPhase
        ? level.startsWith(`Mean ${s.name} ${meanBefore} ${s.unit} before`)
        : level.startsWith(`${s.name} before ${drug}: ${stated} ${s.unit} (no mean from `),
      level,
    );
    // The causality table: the last value before in its unit.
    const rows = lib.causalityRows(series, c.sourceId, { indication: series.study.indication })
      .filter((r) => r.caseId === c.id && r.drug === drug);
    for (const r of rows) {
      assert.ok(
        r.temporal.includes(
          `, the last ${s.name} ${lib.formatInterval(before.at(-1)!.value)} ${s.unit}`,
        ),
        r.temporal,
      );
    }
  }
});

Deno.test("a case on mixed scales: its prose says its numbers are on the common 0–10 metric", () => {
  for (const c of onCommon) {
    const care = lib.careTimelineRows(c).map((r) => String(r.what));
    for (const o of c.observations) {
      const said = `${o.scale.name} ${lib.formatInterval(o.common)} on the common 0–10 metric`;
      assert.ok(care.includes(said), `${c.id}: ${said} in ${care.join(" | ")}`);
    }
    if (!takes(c)) continue;
    const level = lib.visualAnalysis(c).find((f) => f.feature === "level")!.reading;
    assert.match(
      level,
      /^(Mean pain on the common 0–10 metric \S+ points before |Pain on the common 0–10 metric before )/,
      c.id,
    );
  }
});

Deno.test("a claim's evidence gives a rescaled case's values in its unit, as its threshold's values are", () => {
  const ledger = lib.claimsLedger(series).filter((r) =>
    r.cases.some((id) => rescaled.some((c) => c.id === id))
  );
  assert.ok(ledger.length > 0, "a claim about a case on a 100 mm VAS");
  for (const r of ledger) {
    for (const c of rescaled.filter((x) => r.cases.includes(x.id))) {
      const s = lib.valueScale([c]);
      // "case S7: VAS 76 → 42 mm", never the common metric's "7.6 → 4.2".
      assert.match(r.evidence, new RegExp(`case ${c.id}: [^;]*${s.name} [\\d.]+[^;]* ${s.unit}`));
      assert.doesNotMatch(r.evidence, new RegExp(`case ${c.id}: pain `));
    }
  }
  assert.ok(series.cases.some((c) => c.sourceId === FIXTURE_ARTICLE));
});

Deno.test("rounding's responder verdicts of a case on one scale of its own: threshold and reductions in its unit", () => {
  for (const c of rescaled.filter(takes)) {
    const s = lib.valueScale([c]);
    const change = lib.caseChange(c, { drug });
    for (const v of lib.roundingRobustness([c]).filter((v) => !v.threshold.includes("%"))) {
      const t = c.study.thresholds.find((t) =>
        t.kind === "points" && v.threshold.startsWith(
          `≥${lib.described(s, t.value)} ${s.unit} `,
        )
      );
      assert.ok(t, `${c.id}: '${v.threshold}' is a points threshold in ${s.unit}`);
      const p = v.timing === "first" ? change.points[0] : change.points.at(-1)!;
      // The reduction as stated, in the case's own numbers (mm), as the threshold is.
      assert.ok(
        Math.abs(v.asStated[1] - lib.described(s, -p.change.lo)) < 1e-9,
        `${c.id}: ${v.asStated} against ${-p.change.lo} points`,
      );
    }
  }
});
