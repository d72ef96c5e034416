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

Deno.test("a variant with a drug renamed (cases copied, same study) is never refused its drug", () => {
  // Every case copied (the study object is the same one); the first case's first drug renamed.
  const first = series.cases[0].treatments[0].drug;
  const renamed = `${first} (variant)`;
  const variant = series.cases.map((c, i) => ({
    ...c,
    treatments: c.treatments.map((t) => i === 0 && t.drug === first ? { ...t, drug: renamed } : t),
  }));
  assert.ok(variant.length > 1, "the test needs a series of two cases at least");
  // A case of the variant that does not take the renamed drug: an answer, not an error.
  for (const c of variant.slice(1)) {
    assert.equal(caseChange(c, { drug: renamed }).reason, `never takes ${renamed}`);
    assert.equal(phases(c, { drug: renamed }).reason, `never takes ${renamed}`);
  }
  assert.doesNotThrow(() => responders(variant.slice(1), { drug: renamed }));
  assert.doesNotThrow(() => caseChange(variant[0], { drug: renamed }));
  // Its own drug in other capitals is still pointed to its spelling.
  assert.throws(
    () => caseChange(variant[0], { drug: renamed.toUpperCase() }),
    new RegExp(`Did you mean "${renamed.replace(/[()]/g, "\\$&")}"\\?$`),
  );
  // The cases the loader built still refuse a typo, with the nearest name.
  assert.throws(() => caseChange(series.cases[1], { drug: typo }), didYouMean("caseChange"));
});
