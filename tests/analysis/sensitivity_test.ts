/**
 * The sensitivity analysis with cases it cannot analyse (no value before the drug, none after
 * it, or the drug never taken): each is left out once, with its reason, instead of giving rows of
 * empty values; a value undefined for an analysable case is null with its reason.
 */
import assert from "node:assert/strict";
import {
  BASELINE_DEFINITIONS,
  caseChange,
  loadCaseSeries,
  percentThresholds,
  reliefAtBound,
  responders,
  roundingGaps,
  roundingRobustness,
  sensitivityExclusions,
  sensitivitySpans,
  sensitivityTable,
  thresholdLabel,
  timeToRelief,
  valueScale,
} from "../../lib/mod.ts";
import { around, aroundDrug, zeroBaseline } from "../helpers/constructed_case.ts";
import { TEST_DATA_DIR } from "../helpers/data_dir.ts";

const s = aroundDrug((await loadCaseSeries(TEST_DATA_DIR)).study);
const drug = s.study.drug;
const LEFT_OUT = ["no-before", "no-after", "other-drug"];

Deno.test("sensitivityExclusions: each case with no change after the drug, once, with its reason", () => {
  const excluded = sensitivityExclusions(s.cases);
  assert.deepEqual(excluded.map((e) => e.caseId), LEFT_OUT);
  for (const e of excluded) {
    const c = s.cases.find((x) => x.id === e.caseId)!;
    assert.equal(e.reason, caseChange(c).reason);
  }
  assert.match(excluded[0].reason, new RegExp(`stated before ${drug}`));
  assert.match(excluded[1].reason, new RegExp(`value after ${drug}`));
  assert.equal(excluded[2].reason, `never takes ${drug}`);
});

Deno.test("sensitivityTable: no per-case row for a case left out; every null value has a reason", () => {
  const rows = sensitivityTable(s.cases);
  const perCase = rows.filter((r) => r.caseId !== "all");
  assert.deepEqual([...new Set(perCase.map((r) => r.caseId))], ["ok"]);
  // The pooled rows count the one analysable case.
  assert.ok(rows.filter((r) => r.caseId === "all").every((r) => r.n === 1));
  for (const r of rows) {
    assert.equal(r.value === null, r.reason !== undefined, JSON.stringify(r));
  }
  // 6 → 3.5 is a 41.7% reduction: 30% is reached, 50% is not, and the row says so.
  assert.deepEqual(percentThresholds(s.study), [30, 50]);
  const days = (pct: number) =>
    perCase.filter((r) => r.quantity === `days to ${pct}% reduction` && r.rounding === "as stated");
  assert.ok(days(30).length > 0 && days(30).every((r) => r.value === 30));
  assert.ok(days(50).length > 0);
  for (const r of days(50)) {
    assert.equal(r.value, null);
    assert.match(r.reason!, /^not reached by day 30/);
  }
});

Deno.test("sensitivitySpans: a case left out is one row with its reason; its defined quantities stay", () => {
  const spans = sensitivitySpans([{ name: "as extracted", series: s }]);
  const of = (id: string) => spans.filter((r) => r.caseId === id);
  const start = `days from day 0 to the start of ${drug}`;
  for (const id of LEFT_OUT) {
    const left = of(id).filter((r) => r.quantity === null);
    assert.equal(left.length, 1, id);
    assert.equal(
      left[0].reason,
      sensitivityExclusions(s.cases).find((e) => e.caseId === id)!.reason,
    );
    assert.deepEqual([left[0].nominal, left[0].lo, left[0].hi, left[0].defined], [
      null,
      null,
      null,
      0,
    ]);
    // Nothing else of it is a row of empty values.
    assert.ok(of(id).every((r) => r.quantity === null || r.defined > 0), id);
  }
  // The drug's start is still a day for the cases that take it; not for the one that never does.
  assert.equal(of("no-before").find((r) => r.quantity === start)!.nominal, 10);
  assert.equal(of("other-drug").length, 1);
  // The analysable case keeps every quantity; the one never defined says why.
  const fifty = of("ok").find((r) => r.quantity === "days to 50% reduction")!;
  assert.equal(fifty.defined, 0);
  assert.match(fifty.reason!, /^not reached by day 30/);
  assert.ok(of("ok").every((r) => r.quantity !== null));
  assert.ok(of("ok").filter((r) => r.defined === r.variants).every((r) => !r.reason));
});

/** The rows of quantities defined by the study's percent thresholds. */
const BY_PERCENT = /^(responders|days to)/;

Deno.test("sensitivityTable: a study with no percent threshold has no row of one (no responders row); no case, no row", () => {
  const study = { ...s.study, thresholds: [{ kind: "points" as const, value: 2 }] };
  assert.deepEqual(percentThresholds(study), []);
  const rows = sensitivityTable(s.cases.map((c) => ({ ...c, study })));
  // The same rows as with the percent thresholds, but those of a percent threshold.
  assert.ok(rows.some((r) => r.caseId === "all") && rows.some((r) => r.caseId === "ok"));
  assert.deepEqual(rows, sensitivityTable(s.cases).filter((r) => !BY_PERCENT.test(r.quantity)));
  assert.deepEqual(sensitivityTable([]), []);
});

Deno.test("a baseline that may be 0: its percent quantities are null with that reason, not 'not reached'", () => {
  const z = zeroBaseline(s);
  // Its values after the drug have no percent reduction (the baseline's lower bound is 0).
  assert.ok(caseChange(z).points.length > 0);
  assert.ok(caseChange(z).points.every((p) => p.percentReduction === null));
  const rows = sensitivityTable([z]).filter((r) => r.caseId === z.id);
  const why = rows.find((r) => r.quantity.startsWith("percent reduction"))!.reason!;
  assert.match(why, /baseline may be 0/);
  const days = rows.filter((r) => r.quantity.startsWith("days to"));
  assert.equal(days.length > 0, percentThresholds(s.study).length > 0);
  for (const r of days) assert.deepEqual([r.value, r.reason], [null, why], r.quantity);
  for (const pct of percentThresholds(s.study)) {
    const t = timeToRelief(z, pct);
    assert.ok(!t.reached && t.summary.includes(why) && !/not reached/.test(t.summary), t.summary);
  }
  const spans = sensitivitySpans([{ name: "as extracted", series: { ...s, cases: [z] } }]);
  for (const r of spans.filter((x) => x.quantity?.startsWith("days to"))) {
    assert.equal(r.reason, why, r.quantity!);
  }
});

Deno.test("roundingGaps: each case the rounding verdicts lack, once, with why", () => {
  const z = zeroBaseline(s);
  const cases = [...s.cases, z];
  const gaps = roundingGaps(cases);
  const verdicts = roundingRobustness(cases);
  for (const c of cases) {
    const missing = 2 * c.study.thresholds.length -
      verdicts.filter((v) => v.caseId === c.id).length;
    assert.equal(gaps.filter((g) => g.caseId === c.id).length, missing > 0 ? 1 : 0, c.id);
  }
  const left = sensitivityExclusions(cases);
  assert.deepEqual(
    gaps.filter((g) => g.noChange).map((g) => [g.caseId, g.reason, g.every]),
    left.map((e) => [e.caseId, e.reason, true]),
  );
  const why = sensitivityTable([z]).find((r) => r.caseId === z.id)!.reason;
  assert.deepEqual(gaps.find((g) => g.caseId === z.id), {
    caseId: z.id,
    every: true,
    noChange: false,
    thresholds: z.study.thresholds.map((t) => thresholdLabel(t, valueScale([z]))),
    reason: why,
  });
  // With a points threshold as well, it lacks only the percent thresholds' verdicts.
  const points = { kind: "points" as const, value: 2 };
  const study = { ...z.study, thresholds: [...z.study.thresholds, points] };
  const [gap] = roundingGaps([{ ...z, study }]);
  assert.equal(gap.every, false);
  assert.deepEqual(
    gap.thresholds,
    z.study.thresholds.map((t) => thresholdLabel(t, valueScale([z]))),
  );
});

Deno.test("days to a percent reduction: at each bound, the first value reaching it at that bound", () => {
  // 3.3 before the start (day 10); 2.3 within a week of it, then 0.6 within [0, 195] days. As
  // stated, 2.3 is a 30.3% reduction; rounded (3.3 as [3.25, 3.35], 2.3 as [2.25, 2.35]) it is
  // 27.7% at the bound least favourable to the drug: 30% is then first reached by the 0.6, whose
  // latest day is 195, not at the 2.3's day 7.
  const c = {
    ...around(s.study, { before: 5, start: 10, a: [10, 17], b: [10, 205] }, {
      before: 3.3,
      a: 2.3,
      b: 0.6,
    }),
    id: "rounded",
  };
  const rows = sensitivityTable([c]).filter((r) => r.baseline === "last");
  const day = (pct: number, bound: string, rounding: string) =>
    rows.find((r) =>
      r.quantity === `days to ${pct}% reduction` && r.bound === bound && r.rounding === rounding
    )!.value;
  assert.equal(day(30, "nominal", "as stated"), 3.5); // midway in [0, 7]
  assert.equal(day(30, "worst", "as stated"), 7);
  assert.equal(day(30, "worst", "rounding"), 195);
  assert.equal(day(30, "best", "rounding"), 0);
  // 50%: only the 0.6 reaches it, at every bound.
  assert.equal(day(50, "worst", "rounding"), 195);
  // The spans over the variants take the same values.
  const span = sensitivitySpans([{ series: { cases: [c] } }])
    .find((r) => r.quantity === "days to 30% reduction")!;
  assert.deepEqual([span.lo, span.hi], [0, 195]);
  // A threshold reached at no value at a bound says so, with the bound.
  const high = sensitivityTable([{ ...c, observations: c.observations.slice(0, 2) }])
    .find((r) =>
      r.quantity === "days to 30% reduction" && r.bound === "worst" &&
      r.rounding === "rounding"
    )!;
  assert.equal(high.value, null);
  assert.equal(high.reason, "not reached by day 7 at the bound least favourable to the drug");
});

Deno.test("sign test p: not a headline number when no data could make it small at this n", () => {
  // Cases that all improve (6 → 3): with n pairs the smallest two-sided p is 2·(1/2)^n, 0.25
  // for 3 pairs (above 0.05: null with why), 0.03125 for 6 (a number).
  const ok = s.cases.find((c) => c.id === "ok")!;
  const copies = (n: number, significanceLevel: number | null = 0.05) =>
    Array.from({ length: n }, (_, i) => ({
      ...ok,
      id: `c${i}`,
      study: { ...ok.study, significanceLevel },
    }));
  const signRows = (cases: ReturnType<typeof copies>) =>
    sensitivityTable(cases).filter((r) => r.quantity === "sign test p, last post-drug value");
  const three = signRows(copies(3));
  assert.ok(three.length > 0);
  for (const r of three) {
    assert.equal(r.value, null);
    assert.match(
      r.reason!,
      /^with 3 pairs the smallest p a sign test can give is 0\.25, above the study's significance level 0\.05/,
    );
  }
  assert.ok(signRows(copies(6)).every((r) => r.value === 0.03125 && r.reason === undefined));
  // A study that sets no level: the p is a number at any n.
  assert.ok(signRows(copies(3, null)).every((r) => r.value === 0.25));
});

Deno.test("sensitivityTable: a nominal day the text does not date is null with why, its placeholder kept apart", async () => {
  const real = await loadCaseSeries(TEST_DATA_DIR);
  // 4 before the start; 3.5 a week after it; 1 placed only by the narrative, within [0, 190] days.
  const undated = {
    ...around(s.study, { before: 5, start: 10, a: 17, b: [10, 200] }, {
      before: 4,
      a: 3.5,
      b: 1,
    }, ["b"]),
    id: "undated",
  };
  let seen = 0;
  for (const cases of [real.cases, [undated]]) {
    const table = sensitivityTable(cases);
    for (const c of cases) {
      for (const baseline of BASELINE_DEFINITIONS) {
        const points = caseChange(c, { baseline }).points;
        for (const pct of percentThresholds(c.study)) {
          const hit = reliefAtBound(points, pct, "nominal");
          const row = table.find((r) =>
            r.caseId === c.id && r.quantity === `days to ${pct}% reduction` &&
            r.baseline === baseline && r.bound === "nominal"
          );
          if (!hit || !row) continue;
          if (hit.point.dated) {
            assert.equal(row.value, hit.day);
          } else {
            seen++;
            assert.equal(row.value, null);
            assert.equal(row.placeholderDay, hit.day);
            // What the day is (a placeholder of the narrative's order), not a midpoint of its
            // bounds, which it need not be.
            assert.match(
              row.reason!,
              /the nominal day is a placeholder the order of the narrative/,
            );
            assert.match(row.reason!, /not a date$/);
            assert.doesNotMatch(row.reason!, /midpoint/);
          }
        }
      }
    }
  }
  // The constructed case has such a day, so the test could fail.
  assert.ok(seen > 0);
});

Deno.test("days to a percent reduction not reached: an open last day is not 'day inf'", () => {
  // 3.3 before the start; 3.0 some time after it, no later bound stated: 50% is never reached.
  const c = {
    ...around(s.study, { before: 5, start: 10, a: [10, Infinity] }, { before: 3.3, a: 3 }),
    id: "open",
  };
  const row = sensitivityTable([c]).find((r) =>
    r.quantity === "days to 50% reduction" && r.bound === "worst"
  )!;
  assert.equal(row.value, null);
  assert.doesNotMatch(row.reason!, /\binf\b/);
  assert.match(row.reason!, /open/);
});

Deno.test("responder counts: at each percent threshold, first and last value, every baseline, bound and rounding", async () => {
  const real = await loadCaseSeries(TEST_DATA_DIR);
  for (const cases of [s.cases, real.cases]) {
    const table = sensitivityTable(cases);
    const study = cases[0].study;
    for (const baseline of BASELINE_DEFINITIONS) {
      for (const r of responders(cases, { baseline })) {
        if (r.threshold.kind !== "percent") continue;
        const rows = table.filter((t) =>
          t.caseId === "all" && t.baseline === baseline &&
          t.quantity === `responders ≥${r.threshold.value}%, ${r.timing} post-drug value`
        );
        // Every bound, as stated and (best and worst) rounded.
        assert.deepEqual(
          rows.map((t) => `${t.bound} ${t.rounding}`),
          [
            "nominal as stated",
            "best as stated",
            "worst as stated",
            "best rounding",
            "worst rounding",
          ],
        );
        // At the nominal values, as stated: the responders analysis's count.
        assert.equal(rows[0].value, r.n ? r.count : null);
        assert.equal(rows[0].n, r.n);
        // The bound least favourable to the drug never counts more; the most, never fewer.
        for (const t of rows.filter((x) => x.value !== null)) {
          if (t.bound === "worst") assert.ok(t.value! <= rows[0].value!);
          if (t.bound === "best") assert.ok(t.value! >= rows[0].value!);
        }
      }
    }
    assert.ok(percentThresholds(study).length > 0);
  }
});

Deno.test("responder counts: rounding can move a count at the first value", () => {
  // 3.3 before the start; 2.3 a week after it: a 30.3% reduction as stated, 27.7% at the bound
  // least favourable to the drug once both are taken as rounded.
  const c = {
    ...around(s.study, { before: 5, start: 10, a: 17, b: 40 }, { before: 3.3, a: 2.3, b: 0.6 }),
    id: "edge",
  };
  const count = (bound: string, rounding: string) =>
    sensitivityTable([c]).find((r) =>
      r.quantity === "responders ≥30%, first post-drug value" && r.baseline === "last" &&
      r.bound === bound && r.rounding === rounding
    )!.value;
  assert.equal(count("worst", "as stated"), 1);
  assert.equal(count("worst", "rounding"), 0);
});

Deno.test("sensitivitySpans: the pooled responder counts span every baseline, bound and rounding of each variant", async () => {
  const real = await loadCaseSeries(TEST_DATA_DIR);
  const half = { ...real, cases: real.cases.slice(0, -1) };
  const spans = sensitivitySpans([{ series: real }, { series: half }]);
  const tables = [sensitivityTable(real.cases), sensitivityTable(half.cases)];
  const pooled = spans.filter((r) => r.caseId === "all");
  assert.ok(pooled.length > 0);
  for (const r of pooled) {
    const values = tables.flatMap((t) =>
      t.filter((x) => x.caseId === "all" && x.quantity === r.quantity && x.value !== null)
        .map((x) => x.value!)
    );
    assert.deepEqual([r.lo, r.hi], [Math.min(...values), Math.max(...values)]);
    assert.equal(r.variants, 2);
  }
});
