/**
 * Every figure builder checks its options (a misspelt option or a value it does not take is an
 * error naming it, never ignored for a default) and the arguments it cannot draw from.
 */
import assert from "node:assert/strict";
import { loadCaseSeries } from "../../lib/mod.ts";
import * as plots from "../../lib/plots/mod.ts";

const series = await loadCaseSeries();

Deno.test("every registered builder refuses an unknown option by name", () => {
  for (const def of plots.FIGURES) {
    const builder = def.builder as (...args: unknown[]) => plots.Figure;
    // The options come after the builder's required arguments (those without a default).
    const args = [...Array(builder.length).fill(undefined), { nosuchOption: 1 }];
    assert.throws(
      () => builder(...args),
      (e: Error) =>
        e instanceof TypeError &&
        e.message.startsWith(`${builder.name}: options has no option "nosuchOption"`),
      `${def.name}: ${builder.name} does not refuse an unknown option`,
    );
  }
});

Deno.test("a misspelt option or a value a builder does not take is refused", () => {
  const c = series.cases[0];
  assert.throws(
    () => plots.caseTimelineFigure(c, { align: null } as never),
    /caseTimelineFigure: options has no option "align"; the options are alignOn, title, width/,
  );
  assert.throws(
    () => plots.beforeAfterFigure(series.cases, { baseline: "median" } as never),
    /beforeAfterFigure: options has no option "baseline"/,
  );
  assert.throws(
    () => plots.trajectoriesFigure(series.cases, { baseline: "median" } as never),
    /trajectoriesFigure: options\.baseline must be one of last, max, mean; got "median"/,
  );
  assert.throws(
    () => plots.caseTimelineFigure(c, { width: "wide" } as never),
    /caseTimelineFigure: options\.width must be/,
  );
});

Deno.test("forestFigure: a measure not in the registry, and rows that are not forest rows", () => {
  const known = Object.keys(plots.MEASURE_SCALES)[0];
  assert.throws(
    () => plots.forestFigure(`${known}P`, []),
    new RegExp(
      `forestFigure: expected a measure of the effect-size registry .*Did you mean "${known}"\\?`,
    ),
  );
  assert.throws(
    () => plots.forestFigure(known, series.cases as never),
    /forestFigure: expected forest rows .*row 1 is not one.*forestRows/,
  );
});

Deno.test("responderCurveFigure says which argument it needs", () => {
  assert.throws(
    () => plots.responderCurveFigure(series.cases as never),
    /responderCurveFigure: expected the curve's points .*responderCurve\(cases\).*point 1 is not one/,
  );
});
