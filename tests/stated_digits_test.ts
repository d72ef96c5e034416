/**
 * A value the text states is written with the digits its words give ("average pain VAS 8.0" is
 * "VAS 8.0", "pain VAS 0–1.0" is "VAS 0–1.0"), wherever a single stated value is named: the
 * CARE timeline, the claims' evidence, causality; computed numbers (means, bounds) keep their
 * rule (`formatInterval`). One rule (`lib/stated_digits.ts`), shared with rounding.
 */
import assert from "node:assert/strict";
import {
  careTimelineRows,
  type Case,
  casePainText,
  formatStated,
  loadCaseSeries,
  type Observation,
  painNumbersIn,
  painValueIn,
  roundingHalfUnit,
  scaleLabel,
  SCALES,
  statedDecimals,
  valueScale,
} from "../lib/mod.ts";
import { judge } from "../lib/claims/rules/mod.ts";
import { onScaleText } from "../lib/claims/thresholds.ts";
import { makeCase } from "./helpers/constructed_case.ts";
import { TEST_DATA_DIR } from "./helpers/data_dir.ts";

const vas = SCALES["vas-10cm"];
const series = await loadCaseSeries(TEST_DATA_DIR);

/** A constructed case whose values' words state them as `words` gives (time id → words). */
function statedCase(words: Record<string, string>): Case {
  const c = makeCase(
    { before: 5, start: 10, after: 16, later: 40 },
    [{ drug: "drug-x", dose: 10, start: "start", end: null }],
    { before: 8, after: 1, later: [0, 1] },
  );
  const observations = c.observations.map((o) => ({ ...o, words: words[o.day.timeId] ?? o.words }));
  return { ...c, observations, study: series.study };
}

const stated = statedCase({
  before: "average pain VAS 8.0",
  after: "pain VAS 1.0",
  later: "pain VAS 0–1.0",
});
const obs = (c: Case, id: string): Observation => c.observations.find((o) => o.day.timeId === id)!;

Deno.test("statedDecimals: the decimals of the token that states the value; rounding reads the same", () => {
  assert.equal(statedDecimals("average pain VAS 8.0", 8), 1);
  assert.equal(statedDecimals("pain VAS 0–1.0", 0), 0);
  assert.equal(statedDecimals("pain VAS 0–1.0", 1), 1);
  assert.equal(statedDecimals("VAS 4.25", 4.25), 2);
  assert.equal(statedDecimals("pain of six", 6), 0);
  assert.equal(statedDecimals("1,000.50 units", 1000.5), 2);
  assert.equal(statedDecimals("no pain", 0), null);
  for (const [w, v] of [["pain VAS 8.0", 8], ["pain VAS 0–1.0", 0], ["VAS 45 mm", 45]] as const) {
    assert.equal(roundingHalfUnit(w, v), 0.5 * 10 ** -statedDecimals(w, v)!);
  }
});

Deno.test("formatStated: each end with its stated digits, an end not stated as formatInterval", () => {
  assert.equal(formatStated({ lo: 8, hi: 8 }, "average pain VAS 8.0"), "8.0");
  assert.equal(formatStated({ lo: 0, hi: 1 }, "pain VAS 0–1.0"), "0–1.0");
  assert.equal(formatStated({ lo: 6.6, hi: 6.6 }, "pain VAS 6.6"), "6.6");
  assert.equal(formatStated({ lo: 4.25, hi: 4.25 }, "VAS 4.25"), "4.25");
  assert.equal(formatStated({ lo: 0, hi: 0 }, "no pain"), "0");
  assert.equal(formatStated({ lo: 2, hi: Infinity }, "at least 2.0"), "[2.0, inf)");
});

Deno.test("a stated value is named with its digits; a computed one keeps formatInterval's", () => {
  assert.equal(casePainText(stated, obs(stated, "before")), "VAS 8.0");
  assert.equal(casePainText(stated, obs(stated, "after")), "VAS 1.0");
  assert.equal(casePainText(stated, obs(stated, "later")), "VAS 0–1.0");
  // The same interval, not a stated value (a mean, a bound): no digits added.
  const { scale, common } = obs(stated, "before");
  assert.equal(casePainText(stated, { scale, common }), "VAS 8");
  // On another scale of its own (100 mm VAS): the number stated in mm, with its digits.
  const mm = SCALES["vas-100mm"];
  const v = { lo: 45, nominal: 45, hi: 45 };
  const o = {
    scale: mm,
    value: v,
    common: { lo: 4.5, nominal: 4.5, hi: 4.5 },
    words: "VAS 45.0 mm",
  };
  assert.equal(painValueIn(scaleLabel([mm]), o), "VAS 45.0 mm");
  // On the common metric (mixed scales), the number shown is not the one stated: its own rule.
  const mixed = scaleLabel([mm, SCALES["nrs-0-10"]]);
  assert.equal(painNumbersIn(mixed, o), "4.5");
  assert.equal(
    onScaleText({ scale: vas, value: { lo: 0, nominal: 0.5, hi: 1 }, words: "0–1.0" }),
    "0–1.0 cm",
  );
});

Deno.test("the CARE timeline names a stated value with its digits", () => {
  const whats = careTimelineRows(stated, "drug-x").map((r) => String(r.what));
  for (const want of ["VAS 8.0", "VAS 1.0", "VAS 0–1.0"]) assert.ok(whats.includes(want), want);
});

Deno.test("the claims' evidence names the baseline and the values after with their digits", () => {
  const first = {
    kind: "first-value-reduction",
    params: { min_percent: 50, within_days: 7 },
  } as const;
  assert.match(judge(first, "drug-x", [stated]).evidence, /VAS 8\.0 → 1\.0, 87\.5% reduction/);
  const last = { kind: "last-value-reduction", params: { min_percent: 50 } } as const;
  assert.match(
    judge(last, "drug-x", [stated]).evidence,
    /VAS 8\.0 → 0–1\.0 at the last value/,
  );
  // Words that state the values to the unit: written to the unit.
  const whole = statedCase({ before: "VAS 8", after: "VAS 1", later: "VAS 0–1" });
  assert.match(judge(first, "drug-x", [whole]).evidence, /VAS 8 → 1, /);
});

Deno.test("every value the data state in digits is named with the numbers its words give", () => {
  for (const c of series.cases) {
    const s = valueScale([c]);
    if (!s.own || s.factor !== 1) continue;
    for (const o of c.observations) {
      const numbers: string[] = painNumbersIn(s, o).match(/\d+(\.\d+)?/g) ?? [];
      const words: string[] = o.words.match(/\d+(\.\d+)?/g) ?? [];
      // Only values whose words state every end in digits (not "no pain", not a number word).
      if (![o.value.lo, o.value.hi].every((v) => words.some((w) => Number(w) === v))) continue;
      for (const n of numbers) assert.ok(words.includes(n), `case ${c.id}: ${n} in '${o.words}'`);
    }
  }
});
