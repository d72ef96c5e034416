/**
 * A drug named in an option is checked against the drugs of the series: a name no case takes is a
 * wrong argument with the nearest name, while a drug of the series that one case never takes
 * stays a valid question ("never takes …").
 */
import assert from "node:assert/strict";
import { caseChange, loadCaseSeries, pairedValues, phases, responders } from "../lib/mod.ts";
import { beforeAfterFigure, caseTimelineFigure, trajectoriesFigure } from "../lib/plots/mod.ts";
import { seriesDrugs } from "../lib/series_drugs.ts";

const series = await loadCaseSeries();
const drug = series.study.drug;
/** The drug of interest one letter off (its last letter changed). */
const typo = drug.slice(0, -1) + (drug.endsWith("m") ? "n" : "m");
const didYouMean = (fn: string, option = "drug") =>
  new RegExp(
    `^TypeError: ${fn} \\(options\\.${option}\\): expected a drug of the series .*got the string ` +
      `"${typo}"\\. Did you mean "${drug}"\\?$`,
  );

Deno.test("a misspelt drug in an option is refused with the series' nearest drug", () => {
  const c = series.cases[0];
  assert.throws(() => caseChange(c, { drug: typo }), didYouMean("caseChange"));
  assert.throws(() => phases(c, { drug: typo }), didYouMean("phases"));
  assert.throws(() => responders(series.cases, { drug: typo }), didYouMean("responders"));
  assert.throws(() => pairedValues(series.cases, { drug: typo }), didYouMean("pairedValues"));
  assert.throws(
    () => caseTimelineFigure(c, { alignOn: typo }),
    didYouMean("caseTimelineFigure", "alignOn"),
  );
  assert.throws(
    () => beforeAfterFigure(series.cases, { drug: typo }),
    didYouMean("beforeAfterFigure"),
  );
  assert.throws(
    () => trajectoriesFigure(series.cases, { drug: typo }),
    didYouMean("trajectoriesFigure"),
  );
});

Deno.test("a drug of the series that a case never takes is an answer, not an error", () => {
  const all = seriesDrugs(series.cases);
  for (const c of series.cases) {
    // Every case knows the drugs of the whole series, not only its own.
    assert.deepEqual(seriesDrugs([c]), all);
    const own = new Set(c.treatments.map((t) => t.drug));
    for (const d of all.filter((x) => !own.has(x))) {
      assert.equal(caseChange(c, { drug: d }).reason, `never takes ${d}`);
      assert.equal(phases(c, { drug: d }).reason, `never takes ${d}`);
      assert.ok(
        caseTimelineFigure(c, { alignOn: d }).svg.textContent!.includes(`never takes ${d}`),
      );
    }
  }
});
