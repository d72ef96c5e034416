import assert from "node:assert/strict";
import { atBound, fmt, fmtP, formatDay, formatInterval, formatNumber } from "../lib/mod.ts";

Deno.test("formatNumber: decimals cut, trailing zeros dropped, infinities named", () => {
  assert.equal(formatNumber(30.30303, 1), "30.3");
  assert.equal(formatNumber(2.5000, 3), "2.5");
  assert.equal(formatNumber(Infinity), "inf");
  assert.equal(formatNumber(-Infinity), "-inf");
  assert.equal(formatInterval({ lo: 10.5, hi: Infinity }), "[10.5, inf)");
  assert.equal(formatInterval({ lo: -Infinity, hi: 0 }), "(-inf, 0]");
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
