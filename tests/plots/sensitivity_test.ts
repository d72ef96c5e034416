/**
 * The sensitivity figure of the series (`lib/plots/sensitivity.ts`, SENSITIVITY): its dot is the
 * study's own analysis (its baseline definition, the nominal bound, the values as stated), hollow
 * where the text does not date the time, as the figure over the readings draws it.
 */
import assert from "node:assert/strict";
import { loadCaseSeries, sensitivitySpans, sensitivityTable } from "../../lib/mod.ts";
import {
  SENSITIVITY,
  SENSITIVITY_READINGS,
  sensitivityFigure,
  sensitivityIntervals,
} from "../../lib/plots/mod.ts";
import { sensitivityCaption } from "../../lib/plots/sensitivity_caption.ts";
import { TEST_DATA_DIR } from "../helpers/data_dir.ts";
import { bracketDepth } from "../helpers/brackets.ts";

const series = await loadCaseSeries(TEST_DATA_DIR);
const key = (caseId: string, quantity: string | null) => JSON.stringify([caseId, quantity]);

Deno.test("sensitivity figure: a time the text does not date is a hollow dot, as over the readings", () => {
  const undated = new Set(
    sensitivitySpans([{ series }]).filter((r) => r.nominalDated === false)
      .map((r) => key(r.caseId, r.quantity)),
  );
  const data = SENSITIVITY.build(series).data;
  for (const r of data) {
    const caseId = String(r.series).replace(/^Case /, "");
    assert.equal(r.x_dated, !undated.has(key(caseId, String(r.panel))), `${r.series}, ${r.panel}`);
  }
});

Deno.test("sensitivity figure: the dot is the study's baseline definition, whatever it is", () => {
  for (const baseline of ["last", "max", "mean"] as const) {
    const study = { ...series.study, baseline };
    const s = { ...series, study, cases: series.cases.map((c) => ({ ...c, study })) };
    const table = sensitivityTable(s.cases);
    for (const r of SENSITIVITY.build(s).data) {
      if (r.series === "All cases" || r.x === null) continue;
      const caseId = String(r.series).replace(/^Case /, "");
      const nominal = table.find((t) =>
        t.caseId === caseId && t.quantity === r.panel && t.baseline === baseline &&
        t.bound === "nominal" && t.rounding === "as stated"
      );
      // A nominal day the text does not date is withheld from the table's value, kept as its
      // placeholder: the figure's dot is it.
      assert.equal(
        r.x,
        nominal?.value ?? nominal?.placeholderDay,
        `${baseline}: ${r.series}, ${r.panel}`,
      );
    }
  }
});

Deno.test("sensitivity figure: a range narrower than the dot still shows; one value, no range mark", () => {
  // On a 0–100 axis: 87.5 in [86.8, 88.2] (under the dot's width), and 50 in every variant.
  const row = { caseId: "1", quantity: "q", variants: 15 };
  const f = sensitivityFigure([
    { ...row, nominal: 87.5, lo: 86.8, hi: 88.2 },
    { ...row, caseId: "2", nominal: 50, lo: 50, hi: 50 },
    { ...row, caseId: "3", nominal: 0, lo: 0, hi: 100 },
  ]);
  const g = f.svg.querySelector('[aria-label="q"]')!;
  const dots = [...g.querySelectorAll("circle")];
  const ys = dots.map((d) => Number(d.getAttribute("cy")));
  const radius = Number(dots[0].getAttribute("r"));
  // Vertical marks taller than the dot, on each row.
  const ticks = (y: number) =>
    [...g.querySelectorAll("line")].filter((l) =>
      l.getAttribute("x1") === l.getAttribute("x2") &&
      Number(l.getAttribute("y1")) < y - radius && Number(l.getAttribute("y2")) > y + radius
    );
  assert.equal(ticks(ys[0]).length, 2, "both ends of the narrow range stand out of the dot");
  assert.equal(ticks(ys[1]).length, 0, "a value every variant gives has no range mark");
  assert.equal(ticks(ys[2]).length, 2);
  // The caption says so.
  const rows = [{ ...row, nominal: 1, lo: 1, hi: 2 }];
  assert.match(
    sensitivityCaption(rows, rows),
    /a dot without ticks or arrow: every variant gives the same value/,
  );
});

Deno.test("sensitivity figure over the readings: its caption says a count is of combinations of readings, each under every analysis choice", () => {
  // Two variants of the one dataset: the count is 2 readings, not 2 analyses.
  const figure = SENSITIVITY_READINGS.build([
    { name: "a", series, readings: [] },
    { name: "b", series, readings: [] },
  ]);
  // The caption's lines are separate text elements: compared without white space.
  const text = figure.svg.textContent!.replace(/\s/g, "");
  const want = "The right column counts the variants each row is computed under (2 = the " +
    "combinations of the readings of the text in readings.csv, each run under every baseline " +
    "definition, extraction bound and rounding).";
  assert.ok(text.includes(want.replace(/\s/g, "")), text);
});

Deno.test("sensitivity caption: no brackets within brackets, and a count with rounding is the sum it is made of", () => {
  const rows = sensitivityIntervals(sensitivityTable(series.cases));
  const drawn = rows.filter((r) => r.lo !== null);
  const caption = sensitivityCaption(rows, drawn, "baseline definition and extraction bound");
  assert.ok(bracketDepth(caption) <= 1, caption);
  let sums = 0;
  for (const r of rows) {
    assert.equal(bracketDepth(r.over ?? ""), 0, r.over);
    assert.equal(bracketDepth(r.reason ?? ""), 0, r.reason);
    const sum = r.over?.match(/^(\d+) \+ (\d+): /);
    if (!sum) continue;
    sums++;
    assert.equal(Number(sum[1]) + Number(sum[2]), r.variants, r.over);
    assert.ok(caption.includes(`${r.variants} = ${r.over}`), caption);
  }
  // The data have rows under rounding, so the sums above are checked.
  assert.ok(sums > 0);
});

Deno.test("sensitivity figures: 'variant' means a dataset under the readings; the series' own figure counts analysis choices", () => {
  // TEST_DATA_DIR as a case series: the series' figure is over baseline × bound × rounding.
  const own = SENSITIVITY.build(series);
  assert.match(own.description, /over the analysis choices, \d+ rows?\.$/);
  assert.ok(own.data.every((r) => /^\d+ choices?$|defined$/.test(String(r.label))), "labels");
  const text = own.svg.textContent!;
  assert.ok(!/\bvariants?\b/.test(text), "no 'variant' in the series' figure");
  assert.match(text, /recomputed under every choice of the analysis/);
  // Over the readings, the count is of variants (datasets), and says so.
  const readings = SENSITIVITY_READINGS.build([{ name: "as extracted", readings: [], series }]);
  assert.match(readings.description, /over the analysis variants/);
  assert.ok(readings.data.every((r) => /variants?$|defined$/.test(String(r.label))));
});
