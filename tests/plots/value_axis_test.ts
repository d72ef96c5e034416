/**
 * A figure whose values are all on one scale is drawn on that scale's axis, whatever its range: a
 * series rated on a 100 mm VAS has an axis "Pain VAS (mm)" ticked 0–100, its values printed as
 * stated beside the marks and its source data in mm (it was an axis "common 0–10 metric" with
 * "64 mm" printed at 6.4). Mixed scales keep the common metric, each value printed with its unit.
 */
import assert from "node:assert/strict";
import * as lib from "../../lib/mod.ts";
import {
  beforeAfterFigure,
  caseTimelineFigure,
  type Figure,
  seriesTimelineFigure,
  svgText,
  trajectoriesFigure,
} from "../../lib/plots/mod.ts";
import { valueAxis } from "../../lib/plots/value_axis.ts";
import { statedValue } from "../../lib/plots/timeline_model.ts";
import { articleCases, dataWithFixture, TEST_DATA_DIR } from "../helpers/data_dir.ts";
import { around } from "../helpers/constructed_case.ts";

const series = await lib.loadCaseSeries(TEST_DATA_DIR);
const MM = lib.SCALES["vas-100mm"];

/** The case as if it had been rated on a 100 mm VAS (its values × 10, the same common values). */
function inMm(c: lib.Case): lib.Case {
  const x10 = (v: lib.NominalInterval) => ({
    lo: v.lo * 10,
    nominal: v.nominal * 10,
    hi: v.hi * 10,
  });
  return {
    ...c,
    observations: c.observations.map((o) => ({ ...o, scale: MM, value: x10(o.value) })),
  };
}

/** The real article's cases rated on a 10 cm VAS, moved to a 100 mm VAS. */
const cases = articleCases(series).filter((c) =>
  c.observations.length > 0 && c.observations.every((o) => o.scale.id === "vas-10cm")
).map(inMm);

/** The texts of a figure's elements. */
const texts = (f: Figure) => [...f.svg.querySelectorAll("text")].map((t) => t.textContent ?? "");

/** The tick labels of a value axis in mm, and no mention of the common metric. */
function assertAxisInMm(f: Figure, name: string): void {
  const t = texts(f);
  assert.ok(t.some((s) => s.includes("Pain VAS (mm)")), `${name}: no "Pain VAS (mm)" axis`);
  assert.ok(t.includes("100") && t.includes("40"), `${name}: ticks not in mm: ${t.join(" | ")}`);
  assert.ok(!svgText(f).includes("common 0–10 metric"), `${name}: axis of the common metric`);
  assert.ok(!t.some((s) => / mm$/.test(s)), `${name}: a value printed with its unit on its axis`);
}

Deno.test("a series on a 100 mm VAS: every figure of its values has an axis in mm", () => {
  assert.ok(cases.length > 0);
  for (const c of cases) {
    const f = caseTimelineFigure(c);
    assertAxisInMm(f, `case ${c.id}`);
    // Its source data are in mm too, the unit of the axis they are re-plotted on.
    const rows = f.data.filter((r) => r.panel === "values" && r.mark === "point");
    assert.deepEqual(
      rows.map((r) => r.y).sort(),
      c.observations.filter((o) => !o.span).map((o) => o.value.nominal).sort(),
    );
  }
  assertAxisInMm(seriesTimelineFigure(cases), "figure 1");
  const slopes = beforeAfterFigure(cases);
  assertAxisInMm(slopes, "before/after");
  assert.ok(slopes.data.some((r) => Number(r.y) > 10), "before/after's data in mm");
  const traj = trajectoriesFigure(cases);
  assertAxisInMm(traj, "trajectories");
  const pain = traj.data.filter((r) => r.panel === "VAS (mm)");
  assert.ok(pain.length > 0 && pain.some((r) => Number(r.y) > 10), "trajectories' data in mm");
});

Deno.test("mixed scales keep the common metric, each value printed with its unit", () => {
  const [a, ...rest] = articleCases(series).filter((c) => c.observations.length > 0);
  assert.ok(rest.length > 0);
  const f = seriesTimelineFigure([inMm(a), ...rest]);
  const t = texts(f);
  assert.ok(svgText(f).includes("common 0–10 metric"));
  assert.ok(t.some((s) => / mm$/.test(s)), "the 100 mm case's values carry 'mm'");
  assert.ok(t.some((s) => / cm$/.test(s)), "the 10 cm cases' values carry 'cm'");
});

Deno.test("valueAxis: a scale of categories is not ticked in its own numbers", () => {
  const vrs = valueAxis([lib.SCALES["vrs-4"]]);
  assert.equal(vrs.own, false);
  assert.equal(vrs.factor, 1);
  assert.equal(valueAxis([]).own, false);
});

Deno.test("a value on a scale of categories is printed as its category, not '1 category'", async () => {
  const vrs = lib.SCALES["vrs-4"];
  const v = (lo: number, hi: number) => ({ lo, nominal: (lo + hi) / 2, hi });
  assert.equal(statedValue({ value: v(1, 1), words: "mild", scale: vrs }, false), "mild");
  assert.equal(
    statedValue({ value: v(1, 2), words: "mild to moderate", scale: vrs }, true),
    "mild–moderate",
  );
  // A case of the fixture rated once on a VRS: its timeline and figure 1 print the category.
  const dir = await dataWithFixture();
  const grown = await lib.loadCaseSeries(dir);
  await Deno.remove(dir, { recursive: true });
  const rated = grown.cases.filter((c) => c.observations.some((o) => o.scale.id === vrs.id));
  assert.ok(rated.length > 0);
  for (const f of [...rated.map((c) => caseTimelineFigure(c)), seriesTimelineFigure(rated)]) {
    const t = texts(f);
    assert.ok(!t.some((s) => s.endsWith(" category")), t.join(" | "));
    assert.ok(t.some((s) => vrs.categories!.includes(s)), "a category printed");
  }
});

/** The case with every value as its nominal value: no stated range anywhere. */
function exact(c: lib.Case): lib.Case {
  const pin = (v: lib.NominalInterval) => ({ lo: v.nominal, nominal: v.nominal, hi: v.nominal });
  return {
    ...c,
    observations: c.observations.map((o) => ({ ...o, value: pin(o.value), common: pin(o.common) })),
  };
}

/** The case rated on the 4-category VRS (its 10 cm values put in the VRS's bands). */
function inVrs(c: lib.Case): lib.Case {
  const vrs = lib.SCALES["vrs-4"];
  const band = (v: number) => v >= 7 ? 3 : v >= 5 ? 2 : v >= 1 ? 1 : 0;
  return {
    ...c,
    observations: c.observations.map((o) => {
      const value = {
        lo: band(o.value.nominal),
        nominal: band(o.value.nominal),
        hi: band(o.value.nominal),
      };
      return { ...o, scale: vrs, value, common: lib.toCommon(vrs, value) };
    }),
  };
}

/** The figure's text, its wrapped lines joined (the caption is the last lines). */
const words = (f: Figure) => texts(f).join(" ");

Deno.test("the captions explain a vertical whisker only where one is drawn, and what it is", () => {
  const vas = articleCases(series).filter((c) =>
    c.observations.length > 0 && c.observations.every((o) => o.scale.id === "vas-10cm")
  );
  assert.ok(vas.length > 0);
  // No value with a range: no vertical whisker, and no sentence about one.
  const plain = vas.map(exact);
  for (const f of [trajectoriesFigure(plain), beforeAfterFigure(plain)]) {
    assert.ok(!/vertical whisker/.test(words(f)), words(f));
  }
  // A single category ("mild") is drawn with a whisker over the part of the common metric it
  // stands for: not a range the text states.
  const vrs = vas.map(inVrs);
  assert.ok(vrs.some((c) => c.observations.some((o) => o.common.lo < o.common.hi)));
  assert.ok(vrs.every((c) => c.observations.every((o) => o.value.lo === o.value.hi)));
  for (const f of [trajectoriesFigure(vrs), beforeAfterFigure(vrs)]) {
    assert.ok(!/whisker is a stated range\./.test(words(f)), words(f));
    assert.match(words(f), /vertical whisker is .*category/);
  }
});

Deno.test("off the values' own scale, the captions say the marks are on the common metric, by which rules", async () => {
  const dir = await dataWithFixture();
  const grown = await lib.loadCaseSeries(dir);
  await Deno.remove(dir, { recursive: true });
  const vas = articleCases(series).filter((c) =>
    c.observations.length > 0 && c.observations.every((o) => o.scale.id === "vas-10cm")
  );
  const figures = (cases: readonly lib.Case[]) => [
    trajectoriesFigure(cases),
    beforeAfterFigure(cases),
    seriesTimelineFigure(cases),
    // A case's own timeline: of a case rated on more than one scale, or on categories.
    ...cases.filter((c) =>
      c.observations.length > 0 && !valueAxis(c.observations.map((o) => o.scale)).own
    )
      .map((c) => caseTimelineFigure(c)),
  ];
  // Mixed scales, and a scale of categories alone: each scale's rule is named.
  for (const cases of [grown.cases, vas.map(inVrs)]) {
    const scales = new Set(cases.flatMap((c) => c.observations.map((o) => o.scale)));
    const fs = figures(cases);
    assert.ok(fs.length > 3, "a case's timeline off its own scale");
    for (const [i, f] of fs.entries()) {
      const w = words(f);
      assert.ok(w.includes("Marks are placed on the common 0–10 metric:"), w);
      // Each scale of the series in the series' figures (a case's timeline: its own scales).
      if (i < 3) { for (const s of scales) assert.ok(w.includes(`${s.label} ${s.rule}`), w); }
    }
  }
  // On the values' own scale (cm, mm): no such sentence.
  for (const cases of [vas, vas.map(inMm)]) {
    for (const f of figures(cases)) assert.ok(!words(f).includes("Marks are placed"), words(f));
  }
});

Deno.test("a case timeline's description gives a value stated as a range as its range, not its midpoint", () => {
  const c = around(series.study, { before: 5, start: 10, a: 20 }, { before: 6, a: [0, 1] });
  const d = caseTimelineFigure(c).description;
  assert.match(d, /from 6 to 0–1 cm/, d);
});
