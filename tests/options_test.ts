/**
 * Options objects are checked: a wrong value, a misspelt key or a missing required option fails
 * with a message naming the function, the option and the allowed values (no silent fallback), and
 * options left out take the case's study.
 */
import assert from "node:assert/strict";
import * as lib from "#lib/mod.ts";
import { TEST_DATA_DIR } from "./helpers/data_dir.ts";

const series = await lib.loadCaseSeries(TEST_DATA_DIR);
/** A case with a value before and after the study's drug (any article's data will have one). */
const c = series.cases.find((x) => lib.caseChange(x).points.length > 0)!;

/** The message `fn` throws. */
function message(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("no error");
}

Deno.test("caseChange: a baseline that is not one of the definitions fails, naming them", () => {
  assert.equal(
    message(() => lib.caseChange(c, { baseline: "median" as lib.BaselineDefinition })),
    'caseChange: options.baseline must be one of last, max, mean; got "median"',
  );
  // The positional definition of baseline() is checked too (it used to fall through to the mean).
  assert.match(
    message(() => lib.baseline(c, c.study.drug, "median" as lib.BaselineDefinition)),
    /^baseline: expected a baseline definition \(one of last, max, mean\), got the string "median"/,
  );
});

Deno.test("caseChange: a misspelt option or options that are not an object fail", () => {
  assert.equal(
    message(() => lib.caseChange(c, { baselin: "max" } as lib.ChangeOptions)),
    'caseChange: options has no option "baselin"; the options are drug, baseline ' +
      '(did you mean "baseline" for "baselin"?)',
  );
  // A shortened name is the option it begins; a name near none is only listed.
  assert.match(
    message(() => lib.caseChange(c, { basel: "max" } as lib.ChangeOptions)),
    /\(did you mean "baseline" for "basel"\?\)$/,
  );
  assert.match(
    message(() => lib.caseChange(c, { zzz: 1 } as lib.ChangeOptions)),
    /the options are drug, baseline$/,
  );
  assert.match(
    message(() => lib.caseChange(c, "max" as lib.ChangeOptions)),
    /^caseChange: expected an options object .*, got "max"$/,
  );
});

Deno.test("caseChange: options left out are the study's; each definition is its own", () => {
  assert.deepEqual(lib.caseChange(c), lib.caseChange(c, { baseline: c.study.baseline }));
  assert.equal(lib.caseChange(c).baseline.definition, c.study.baseline);
  for (const definition of lib.BASELINE_DEFINITIONS) {
    assert.equal(lib.caseChange(c, { baseline: definition }).baseline.definition, definition);
  }
  // The mean and the maximum of one value are the same; of several they differ from the mean's.
  const before = lib.alignOnDrug(c, c.study.drug).filter((o) => o.phase === "before")
    .map((o) => o.common.nominal);
  const mean = before.reduce((s, x) => s + x, 0) / before.length;
  assert.equal(lib.caseChange(c, { baseline: "mean" }).baseline.common?.nominal, mean);
  assert.equal(
    lib.caseChange(c, { baseline: "max" }).baseline.common?.nominal,
    Math.max(...before),
  );
});

Deno.test("effectSize: without its options it says improvement is required and where it is", () => {
  const none = undefined as unknown as lib.EffectSizeOptions;
  assert.equal(
    message(() => lib.effectSize("NAP", [3, 4], [1, 2], none)),
    "effectSize: options.improvement is required: one of decrease, increase " +
      "(the study's direction: { improvement: c.study.improvement })",
  );
  assert.match(
    message(() => lib.effectSize("NAP", [3], [1], { improvement: "decrease", confidence: 95 })),
    /^effectSize: options\.confidence must be < 1; got 95$/,
  );
  const r = lib.effectSize("NAP", [3, 4], [1, 2], { improvement: c.study.improvement });
  assert.equal(r.options.confidence, 0.95);
});

Deno.test("the pooled analyses and the display check their options too", async () => {
  assert.match(
    message(() => lib.responders(series.cases, { baseline: "first" as lib.BaselineDefinition })),
    /^responders: options\.baseline must be one of last, max, mean; got "first"$/,
  );
  assert.match(
    message(() => lib.pairedTests(series.cases, { bound: "upper" as lib.ExtractionBound })),
    /^pairedTests: options\.bound must be one of nominal, best, worst; got "upper"$/,
  );
  assert.match(
    message(() => lib.htmlTable([{ a: 1 }], "", { note: ["x"] } as lib.TableOptions)),
    /^htmlTable: options has no option "note"; the options are notes, columns, bounds \(did you mean "notes" for "note"\?\)$/,
  );
  assert.match(
    message(() => lib.formatDay({ lo: 1, hi: 1, nominal: 1 }, true, { digits: 1.5 })),
    /^formatDay: options\.digits must be a whole number; got 1\.5$/,
  );
  await assert.rejects(
    () => lib.loadCaseSeries(undefined, { derive: true } as lib.LoadOptions),
    /loadCaseSeries: options has no option "derive"/,
  );
});
