/**
 * The visual analysis of a case (`lib/analysis/visual.ts`), on constructed cases: trend, level and
 * immediacy read from the values as stated (ranges stay ranges, placeholder days give no slope).
 */
import assert from "node:assert/strict";
import { type Case, loadCaseSeries, visualAnalysis } from "../../lib/mod.ts";
import { articleCases, TEST_DATA_DIR } from "../helpers/data_dir.ts";
import { around } from "../helpers/constructed_case.ts";

const all = await loadCaseSeries(TEST_DATA_DIR);
const series = { ...all, cases: articleCases(all) };
/** The study with the fewest values per phase the cases below are built around. */
const study = { ...series.study, minPointsPerPhase: 3 };

Deno.test("visual trend: a slope only from the study's fewest values per phase, at dated days", () => {
  const trendOf = (c: Case) => visualAnalysis(c).find((f) => f.feature === "trend")!;
  // Two values per phase: no slope as a number; the values in order, and the falling baseline
  // still warned about.
  const two = trendOf(
    around(study, { a: 2, b: 6, start: 10, c: 20, d: 27 }, { a: 8, b: 6, c: 4, d: 3 }),
  );
  assert.equal(two.baseline, null);
  assert.equal(two.treatment, null);
  assert.match(two.reading, /before drug-x: no slope from 2 values \(8 → 6 cm; at least 3 per/);
  assert.match(two.reading, /Pain was already falling before drug-x/);
  // Three dated values per phase: slopes per week (−1 cm/week before: 9, 8, 7 a week apart).
  const days = { a: 1, b: 8, c: 15, start: 20, d: 21, e: 28, f: 35 };
  const three = trendOf(around(study, days, { a: 9, b: 8, c: 7, d: 4, e: 4, f: 4 }));
  assert.ok(Math.abs(three.baseline! - -1) < 1e-12);
  assert.equal(three.treatment, 0);
  // The last of them placed only by the narrative: its day is a placeholder, no slope.
  const undated = trendOf(
    around(study, { ...days, f: [28, 60] }, { a: 9, b: 8, c: 7, d: 4, e: 4, f: 4 }, ["f"]),
  );
  assert.equal(undated.treatment, null);
  assert.match(
    undated.reading,
    /after: no slope \(4 → 4 → 4 cm; no time stated from the first VAS 4 report to the third VAS 4 report\)/,
  );
});

Deno.test("visual trend: a baseline moving toward improvement by its bounds only is 'may', and two values of one day are no trend", () => {
  const trendOf = (c: Case) => visualAnalysis(c).find((f) => f.feature === "trend")!.reading;
  const after = { start: 10, c: 20 };
  // 5, then [4, 7]: falling only at some value the range allows.
  const ranged = trendOf(around(study, { a: 2, b: 6, ...after }, { a: 5, b: [4, 7], c: 3 }));
  assert.match(ranged, /Pain may already have been falling before drug-x \(the bounds/);
  // 9 then [6, 7]: falling whatever the range, and within rounding (9 stated to the unit is
  // [8.5, 9.5], [6, 7] is [5.5, 7.5]).
  const sure = trendOf(around(study, { a: 2, b: 6, ...after }, { a: 9, b: [6, 7], c: 3 }));
  assert.match(sure, /Pain was already falling before drug-x/);
  // 8 and 6 on one day: no slope, and no trend to warn about.
  const oneDay = trendOf(around(study, { a: 2, b: 2, ...after }, { a: 8, b: 6, c: 3 }));
  assert.match(oneDay, /not defined \(fewer than two values at different times\)/);
  assert.doesNotMatch(oneDay, /already/);
});

Deno.test("visual level and immediacy: a range stays a range; a gap not dated has no nominal length", () => {
  const of = (c: Case, f: string) => visualAnalysis(c).find((x) => x.feature === f)!.reading;
  // After: 4, [0, 1] and 2: the mean is [2, 7 / 3] (shown outward, [2, 2.34]), not its midpoint.
  const ranged = around(study, { a: 2, start: 10, c: 20, d: 27, e: 34 }, {
    a: 8,
    c: 4,
    d: [0, 1],
    e: 2,
  });
  assert.match(of(ranged, "level"), /after: mean \[2, 2\.34\] cm /);
  // The first value after placed only by the narrative: the days between are bounds only.
  const undated = around(study, { a: 2, start: 10, c: [10, 30] }, { a: 8, c: 4 }, ["c"]);
  assert.match(of(undated, "immediacy"), /, 8 to 28 days apart \(the text states no time between/);
  assert.doesNotMatch(of(undated, "immediacy"), /nominally/);
  assert.match(
    of(around(study, { a: 2, start: 10, c: 20 }, { a: 8, c: 4 }), "immediacy"),
    /18 days apart/,
  );
});

Deno.test("visual level: a phase mean only from the study's fewest values per phase; with fewer, the values as stated, in order", () => {
  const levelOf = (c: Case) => visualAnalysis(c).find((x) => x.feature === "level")!;
  // The text states the value before as "8.0" and the two after as "1.0" and "0.1".
  const c = around(study, { a: 2, start: 10, c: 20, d: 27 }, { a: 8, c: 1, d: 0.1 });
  const words: Record<string, string> = { a: "VAS 8.0", c: "VAS 1.0", d: "VAS 0.1" };
  const stated = {
    ...c,
    observations: c.observations.map((o) => ({ ...o, words: words[o.day.timeId] ?? o.words })),
  };
  // One value before and two after: no mean of either (a mean of one value is that value, of
  // two their midpoint), but the values as the text states them, and why.
  const few = levelOf(stated);
  assert.equal(few.baseline, null);
  assert.equal(few.treatment, null);
  assert.equal(
    few.reading,
    "VAS before drug-x: 8.0 cm (no mean from 1 value: at least 3 per phase, study.json); " +
      "after: 1.0 → 0.1 cm (no mean from 2 values: at least 3 per phase, study.json) " +
      "(A: 1 value, B: 2).",
  );
  // Three values after, one stated as a range: their mean, a range ([1, 4 / 3], shown outward); one before, as stated.
  const ranged = around(
    study,
    { a: 2, start: 10, c: 20, d: 27, e: 34 },
    { a: 8, c: 2, d: 1, e: [0, 1] },
  );
  const mixed = levelOf(ranged);
  assert.equal(mixed.baseline, null);
  assert.ok(Math.abs(mixed.treatment! - 3.5 / 3) < 1e-9, mixed.reading);
  assert.match(
    mixed.reading,
    /^VAS before drug-x: 8 cm \(no mean from 1 value: at least 3 per phase, study\.json\); after: mean \[1, 1\.34\] cm \(A: 1 value, B: 3\)\.$/,
  );
  // Three values in each phase: both means, as numbers.
  const full = levelOf(
    around(study, { a: 1, b: 3, e: 5, start: 10, c: 20, d: 27, f: 34 }, {
      a: 8,
      b: 7,
      e: 6,
      c: 4,
      d: 2,
      f: 0,
    }),
  );
  assert.equal(full.baseline, 7);
  assert.equal(full.treatment, 2);
  assert.equal(full.reading, "Mean VAS 7 cm before drug-x and 2 cm after (A: 3 values, B: 3).");
});

Deno.test("visual trend: a slope is 'surely' improving only at every admissible day and value, else 'may'", () => {
  const trendOf = (c: Case) => visualAnalysis(c).find((f) => f.feature === "trend")!;
  const after = { start: 60, g: 70 };
  // 8 → 7 → 8, the last dated only within ±15 days: a nominal slope of about −0.01/week, but
  // rising at some admissible day of the last value (and falling at others).
  const flat = trendOf(
    around(study, { a: 3, b: 21, c: [22, 52], ...after }, { a: 8, b: 7, c: 8, g: 2 }),
  );
  assert.ok(flat.baseline !== null && flat.baseline < 0 && flat.baseline > -0.1, flat.reading);
  assert.doesNotMatch(flat.reading, /Pain was already falling/);
  assert.match(flat.reading, /Pain may already have been falling before drug-x \(the bounds/);
  // 9 → 7 → 5 with the same uncertain day: falling at every admissible day and value.
  const falling = trendOf(
    around(study, { a: 3, b: 21, c: [22, 52], ...after }, { a: 9, b: 7, c: 5, g: 2 }),
  );
  assert.match(falling.reading, /Pain was already falling before drug-x/);
  // Exact days 3, 25 and 30, 7.9 → 7.9 → 7.8 (a tenth stated): falling as stated, but rising
  // within rounding (7.85, 7.95, 7.85).
  const rounded = trendOf(
    around(study, { a: 3, b: 25, c: 30, ...after }, { a: 7.9, b: 7.9, c: 7.8, g: 2 }),
  );
  assert.ok(rounded.baseline! < 0, rounded.reading);
  assert.doesNotMatch(rounded.reading, /Pain was already falling/);
  assert.match(rounded.reading, /Pain may already have been falling/);
  // Exact days, 9 → 7 → 5: falling within rounding too.
  const sure = trendOf(
    around(study, { a: 3, b: 10, c: 17, ...after }, { a: 9, b: 7, c: 5, g: 2 }),
  );
  assert.match(sure.reading, /Pain was already falling/);
  // Six values (more than the slope's exact bounds take: a bound by pairs instead), falling at
  // exact days, and the same with a flat middle dated only within ±15 days.
  const six = { a: 3, b: 10, c: 17, d: 24, e: 31, f: 38, ...after };
  const sixFalling = trendOf(around(study, six, { a: 9, b: 8, c: 7, d: 6, e: 5, f: 4, g: 2 }));
  assert.match(sixFalling.reading, /Pain was already falling/);
  const sixFlat = trendOf(
    around(study, { ...six, c: [5, 35] }, { a: 8, b: 7, c: 8, d: 8, e: 7, f: 7.5, g: 2 }),
  );
  assert.ok(sixFlat.baseline! < 0, sixFlat.reading);
  assert.doesNotMatch(sixFlat.reading, /Pain was already falling/);
  assert.match(sixFlat.reading, /Pain may already have been falling/);
  // 8 → 8 → 8 → 9 at exact days: rising, never falling: no warning.
  const rising = trendOf(
    around(study, { a: 3, b: 10, c: 17, d: 24, ...after }, { a: 8, b: 8, c: 8, d: 9, g: 2 }),
  );
  assert.doesNotMatch(rising.reading, /already/);
});
