/**
 * Rounding as a sensitivity dimension: each stated value varied by half a unit of its last stated
 * digit (data/README.md, "Rounding"), and which responder conclusions move with it.
 */
import assert from "node:assert/strict";
import {
  type Case,
  loadCaseSeries,
  roundedValue,
  roundingHalfUnit,
  roundingKind,
  roundingRobustness,
  roundingSummary,
  SCALES,
  sensitivitySpans,
  sensitivityTable,
  withRounding,
} from "../lib/mod.ts";
import { wordsRuleProblem } from "../lib/quotes.ts";
import { TEST_DATA_DIR } from "./helpers/data_dir.ts";

const series = await loadCaseSeries(TEST_DATA_DIR);
/** A case of Nagoshi et al. 2012, by its id there. */
const nagoshi = (id: string): Case => {
  const c = series.cases.find((x) => x.sourceId === "nagoshi-2012" && x.id === id);
  assert.ok(c, `nagoshi-2012 case ${id}`);
  return c;
};
const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;

Deno.test("half a unit of the last stated digit, read from the value's words", () => {
  assert.equal(roundingHalfUnit("pain VAS 6.6", 6.6), 0.05);
  assert.equal(roundingHalfUnit("average pain VAS 8.0", 8), 0.05);
  assert.equal(roundingHalfUnit("pain VAS 0", 0), 0.5);
  assert.equal(roundingHalfUnit("pain VAS 0–1.0", 0), 0.5);
  assert.equal(roundingHalfUnit("pain VAS 0–1.0", 1), 0.05);
  assert.equal(roundingHalfUnit("VAS 45 mm", 45), 0.5);
  assert.equal(roundingHalfUnit("VAS 4.25", 4.25), 0.005);
  assert.equal(roundingHalfUnit("pain of six", 6), 0.5);
  assert.equal(roundingHalfUnit("completely disappeared", 0), null);
  // "2" and "2.0" both state 2: the coarser digit is taken.
  assert.equal(roundingHalfUnit("VAS 2, then 2.0", 2), 0.5);
});

Deno.test("a value widens within its scale; whole-number scales and unnumbered words do not", () => {
  const o = nagoshi("3").observations.find((x) => x.words === "pain VAS 0–1.0")!;
  const v = roundedValue(o);
  assert.deepEqual([v.lo, v.nominal], [0, 0.5]);
  assert.ok(close(v.hi, 1.05));
  const nrs = {
    ...o,
    scale: SCALES["nrs-0-10"],
    value: { lo: 6, nominal: 6, hi: 6 },
    words: "NRS 6",
  };
  assert.deepEqual(roundedValue(nrs), { lo: 6, nominal: 6, hi: 6 });
  const words = { ...o, value: { lo: 0, nominal: 0, hi: 0 }, words: "no pain" };
  assert.deepEqual(roundedValue(words), { lo: 0, nominal: 0, hi: 0 });
  const top = { ...o, value: { lo: 10, nominal: 10, hi: 10 }, words: "VAS 10" };
  assert.deepEqual(roundedValue(top), { lo: 9.5, nominal: 10, hi: 10 });
  // The common metric follows: 66 mm on a 100 mm VAS is [6.55, 6.65] cm.
  const mm = {
    ...o,
    scale: SCALES["vas-100mm"],
    value: { lo: 66, nominal: 66, hi: 66 },
    words: "66 mm",
  };
  const c = withRounding({ ...nagoshi("1"), observations: [mm] }).observations[0].common;
  assert.ok(close(c.lo, 6.55) && close(c.hi, 6.65) && close(c.nominal, 6.6));
});

Deno.test("rounding makes case 1's first-value reduction (30.3%) straddle 30%", () => {
  const c1 = nagoshi("1");
  const rows = sensitivityTable([c1]).filter((r) =>
    r.quantity === "percent reduction, first post-drug value" && r.baseline === "last"
  );
  const stated = rows.filter((r) => r.rounding === "as stated").map((r) => r.value!);
  const rounded = rows.filter((r) => r.rounding === "rounding").map((r) => r.value!);
  assert.equal(stated.length, 3);
  // 3.3 → 2.3 as stated: 30.3% at every bound (both values are exact).
  assert.ok(stated.every((v) => close(v, 100 * (1 - 2.3 / 3.3))));
  // 3.3 ± 0.05 → 2.3 ± 0.05: from 1 - 2.35/3.25 to 1 - 2.25/3.35.
  assert.ok(close(Math.min(...rounded), 100 * (1 - 2.35 / 3.25)));
  assert.ok(close(Math.max(...rounded), 100 * (1 - 2.25 / 3.35)));
  assert.ok(Math.min(...rounded) < 30 && Math.max(...rounded) > 30);
  // The spans over the readings include the rounding too.
  const span = sensitivitySpans([{ name: "as extracted", series: { ...series, cases: [c1] } }])
    .find((s) => s.quantity === "percent reduction, first post-drug value")!;
  assert.ok(span.lo! < 30 && span.hi! > 30);
});

Deno.test("which responder conclusions move under rounding", () => {
  const v = roundingRobustness([nagoshi("1"), nagoshi("2"), nagoshi("3")]);
  const status = (id: string, timing: string, threshold: string) =>
    v.find((r) => r.caseId === id && r.timing === timing && r.threshold === threshold)!.status;
  assert.equal(status("1", "first", "≥30% reduction"), "moves under rounding");
  assert.equal(status("1", "first", "≥50% reduction"), "holds");
  // Case 3: 4.0 → 2.0 is exactly 50% and 2 cm as stated.
  assert.equal(status("3", "first", "≥50% reduction"), "moves under rounding");
  assert.equal(status("3", "first", "≥2 cm reduction"), "moves under rounding");
  assert.ok(v.filter((r) => r.caseId === "2").every((r) => r.status === "holds"));
  for (const r of v) {
    assert.ok(r.rounded[0] <= r.asStated[0] + 1e-9 && r.asStated[1] <= r.rounded[1] + 1e-9);
  }
});

Deno.test("the rounding paragraph names what moves, computed", () => {
  const v = roundingRobustness([nagoshi("1"), nagoshi("2")]);
  const text = roundingSummary(v);
  assert.match(
    text,
    /1 responder conclusion of 12 moves: case 1, ≥30% reduction at the first value/,
  );
  assert.match(
    roundingSummary(v.filter((r) => r.caseId === "2")),
    /none of 6 responder conclusions/,
  );
  assert.match(roundingSummary([]), /no responder conclusion to assess/);
});

Deno.test("a value of no pain its own words state is not widened; the same digit without them is", () => {
  // Nagoshi's case 3: "the phantom arm pain had completely disappeared (pain VAS 0)".
  const gone = nagoshi("3").observations.find((x) => /completely disappeared/.test(x.quote))!;
  assert.equal(roundingKind(gone), "no pain in words");
  assert.deepEqual(roundedValue(gone), { lo: 0, nominal: 0, hi: 0 });
  // The words read as the value rule reads them, in the quote or the value's words, any case.
  const vas = SCALES["vas-10cm"];
  const zero = { lo: 0, nominal: 0, hi: 0 };
  const o = { ...gone, scale: vas, value: zero, common: zero };
  for (
    const [words, quote] of [["pain VAS 0", "he was Pain-free (VAS 0)"], [
      "no pain, VAS 0",
      "VAS 0",
    ]]
  ) {
    assert.deepEqual(roundedValue({ ...o, words, quote }), zero, quote);
  }
  // A bare "VAS 0" is anything that rounds to 0, and so is a 2 beside words of no pain.
  assert.deepEqual(roundedValue({ ...o, words: "VAS 0", quote: "pain VAS 0" }), {
    lo: 0,
    nominal: 0,
    hi: 0.5,
  });
  const two = { lo: 2, nominal: 2, hi: 2 };
  const other = { ...o, value: two, common: two, words: "VAS 2", quote: "no pain at rest, VAS 2" };
  assert.equal(roundingKind(other), "varied");
  // The case as a whole: its 0 stays 0 on the common metric too.
  const c3 = withRounding(nagoshi("3"));
  assert.equal(c3.observations.find((x) => x.quote === gone.quote)!.common.hi, 0);
});

Deno.test("the rounding paragraph counts values of no pain stated in words as not varied", () => {
  const s = roundingSummary(roundingRobustness([nagoshi("3")]));
  assert.match(s, /except 1 value of no pain whose own words say there is none \(stated exactly\)/);
});

Deno.test("words of no pain qualified or negated state no 0: the value rule refuses them and rounding widens the digit", () => {
  const [vas, zero] = [SCALES["vas-10cm"], { lo: 0, nominal: 0, hi: 0 }];
  const o = { ...nagoshi("3").observations[0], scale: vas, value: zero, common: zero };
  for (
    const quote of [
      "he felt almost no pain (VAS 0)",
      "the pain had not completely disappeared (VAS 0)",
      "she was nearly pain-free (VAS 0)",
      "it hasn't completely resolved (VAS 0)",
    ]
  ) {
    assert.ok(wordsRuleProblem("no-pain", quote, 0, "value_nominal") !== null, quote);
    assert.deepEqual(roundedValue({ ...o, words: "VAS 0", quote }), { ...zero, hi: 0.5 }, quote);
  }
  // Said plainly after other words, they state 0.
  const quote = "the pain did not return: he was pain-free (VAS 0)";
  assert.equal(wordsRuleProblem("no-pain", quote, 0, "value_nominal"), null);
  assert.deepEqual(roundedValue({ ...o, words: "VAS 0", quote }), zero);
});
