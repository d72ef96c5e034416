import assert from "node:assert/strict";
import {
  amountStep,
  atBound,
  deriveDay,
  fmt,
  fmtP,
  formatDay,
  formatInterval,
  formatNumber,
  roundingRows,
  ruleOffset,
} from "../lib/mod.ts";
import { statedAmounts } from "../lib/stated_amounts.ts";

Deno.test("formatNumber: decimals cut, trailing zeros dropped, infinities named", () => {
  assert.equal(formatNumber(30.30303, 1), "30.3");
  assert.equal(formatNumber(2.5000, 3), "2.5");
  assert.equal(formatNumber(Infinity), "inf");
  assert.equal(formatNumber(-Infinity), "-inf");
  assert.equal(formatInterval({ lo: 10.5, hi: Infinity }), "[10.5, inf)");
  assert.equal(formatInterval({ lo: -Infinity, hi: 0 }), "(-inf, 0]");
});

Deno.test("formatInterval: a computed interval's ends are rounded outward, so the one printed holds it", () => {
  // 2.9 to 4.05 at one decimal: not "[2.9, 4]", which leaves its upper end out.
  assert.equal(formatInterval({ lo: 2.95, hi: 4.05 }, 1), "[2.9, 4.1]");
  assert.equal(formatInterval({ lo: 27.6923, hi: 32.8358 }, 1), "[27.6, 32.9]");
  // Negative ends, and floating-point noise is no reason to move a bound.
  assert.equal(formatInterval({ lo: -3.3, hi: -0.3889 }, 2), "[-3.3, -0.38]");
  assert.equal(formatInterval({ lo: 0.1 + 0.2, hi: 0.7 + 0.1 }, 2), "[0.3, 0.8]");
  // A point is still the number at its nearest.
  assert.equal(formatInterval({ lo: 30.303, hi: 30.303 }, 1), "30.3");
});

Deno.test("roundingRows: a reduction's range with rounding is rounded outward", () => {
  const values = { varied: 2, wholeScale: 0, wholeScales: [], noPain: 0, noNumber: 0 };
  const [row] = roundingRows([{
    caseId: "x",
    timing: "last",
    threshold: "≥2 cm reduction",
    nominal: true,
    asStated: [3, 4],
    rounded: [2.95, 4.05],
    status: "holds",
    values,
  }]);
  assert.equal(row["reduction as stated"], "3–4");
  assert.equal(row["reduction with rounding"], "2.9–4.1");
});

Deno.test("atBound: nominal, or the side that favours or disfavours the drug", () => {
  const vas = { lo: 0, hi: 1, nominal: 0.5 };
  // A later VAS favours the drug when low; a baseline or a reduction when high.
  assert.deepEqual(["nominal", "best", "worst"].map((b) => atBound(vas, b as "best", false)), [
    0.5,
    0,
    1,
  ]);
  assert.deepEqual(["nominal", "best", "worst"].map((b) => atBound(vas, b as "best", true)), [
    0.5,
    1,
    0,
  ]);
});

Deno.test("fmt: formatNumber for numbers, a dash for null, undefined and NaN, a named error otherwise", () => {
  assert.equal(fmt(30.30303, 1), "30.3");
  assert.equal(fmt(null), "–");
  assert.equal(fmt(undefined), "–");
  assert.equal(fmt(NaN), "–");
  assert.throws(() => fmt("3" as unknown as number), /^TypeError: fmt: expected a number or null/);
});

Deno.test("formatDay: a point, a dated interval with its nominal day, an undated one as its interval", () => {
  assert.equal(formatDay({ lo: 6, hi: 6, nominal: 6 }, false), "6");
  assert.equal(formatDay({ lo: 0, hi: 6, nominal: 6 }, true), "6 [0, 6]");
  assert.equal(formatDay({ lo: 0, hi: 195, nominal: 97.5 }, false), "[0, 195] (no date stated)");
  assert.equal(formatDay({ lo: 6, hi: 6, nominal: 6 }, true, { prefix: true }), "day 6");
  assert.equal(
    formatDay({ lo: 81, hi: Infinity, nominal: 96.25 }, false, { prefix: true, digits: 1 }),
    "days [81, inf) (no date stated)",
  );
  assert.equal(formatDay({ lo: 0, hi: 7, nominal: 3.25 }, true, { digits: 1 }), "3.3 [0, 7]");
});

Deno.test("fmtP: a small p-value is never written as 0, and never with an exponent", () => {
  assert.equal(fmtP(0.25), "0.25");
  assert.equal(fmtP(0.0012), "0.001");
  assert.equal(fmtP(0.0000123), "0.000012");
  assert.equal(fmtP(2e-9), "0.000000002");
  assert.equal(fmtP(1), "1");
  assert.equal(fmtP(null), "–");
  // Rounding up to the next power of ten, and a p below 1e-99 (the sign test's smallest p with
  // 333 pairs or more), which toFixed cannot write.
  assert.equal(fmtP(0.0000996), "0.0001");
  const tiny = fmtP(2 * 0.5 ** 400);
  assert.match(tiny, /^0\.0{120}77$/);
});

Deno.test("approx: a whole amount is ± half a unit, as before", () => {
  assert.deepEqual(ruleOffset("approx", 1, "year"), { lo: 182.5, hi: 547.5, nominal: 365 });
  assert.deepEqual(ruleOffset("approx", 3, "month"), { lo: 75, hi: 105, nominal: 90 });
  assert.deepEqual(ruleOffset("approx", 2, "week"), { lo: 10.5, hi: 17.5, nominal: 14 });
  assert.deepEqual(ruleOffset("approx", 0, "month"), { lo: -15, hi: 15, nominal: 0 });
});

Deno.test("approx: 'Half a year after surgery' is ± a quarter year, not the whole first year", () => {
  const [stated] = statedAmounts("Half a year after surgery");
  assert.deepEqual(stated, { amount: 0.5, unit: "year" });
  const o = ruleOffset("approx", stated.amount, stated.unit as "year");
  assert.deepEqual(o, { lo: 91.25, hi: 273.75, nominal: 182.5 });
  // A pain onset about 2 weeks after the same surgery certainly comes first.
  assert.ok(o.lo > ruleOffset("approx", 2, "week").hi);
});

Deno.test("approx: the margin is half the step the amount is stated in", () => {
  // A year and a half: ± a quarter year.
  assert.deepEqual(ruleOffset("approx", 1.5, "year"), {
    lo: 456.25,
    hi: 638.75,
    nominal: 547.5,
  });
  // Two and a half weeks: ± 1.75 days; a quarter of a year: ± an eighth.
  assert.deepEqual(ruleOffset("approx", 2.5, "week"), { lo: 15.75, hi: 19.25, nominal: 17.5 });
  assert.deepEqual(ruleOffset("approx", 0.25, "year"), {
    lo: 45.625,
    hi: 136.875,
    nominal: 91.25,
  });
  const d = deriveDay("approx", 0.5, "year", { lo: 10, hi: 12, nominal: 11 }, null).day;
  assert.deepEqual(d, { lo: 101.25, hi: 285.75, nominal: 193.5 });
});

Deno.test("amountStep: 1/q for p/q in lowest terms, to within floating-point error", () => {
  assert.deepEqual([0, 1, 7, 24].map(amountStep), [1, 1, 1, 1]);
  assert.deepEqual([0.5, 1.5, 12.5].map(amountStep), [0.5, 0.5, 0.5]);
  assert.deepEqual([0.25, 0.75, 2.75].map(amountStep), [0.25, 0.25, 0.25]);
  assert.equal(amountStep(0.125), 1 / 8);
  assert.equal(amountStep(0.1 + 0.2), 1 / 10);
  assert.equal(amountStep(1 / 3), 1 / 3);
  assert.equal(amountStep(36 / 24), 1 / 2);
  assert.throws(() => amountStep(-1), /at least 0/);
  assert.throws(() => amountStep(Infinity), /finite/);
  assert.throws(() => amountStep(NaN), /finite/);
});
