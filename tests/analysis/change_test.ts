/**
 * Timeline, per-case change and pooled comparisons on the real dataset and on small synthetic
 * series; expected values are worked out in the comments from data/README.md's rules.
 */
import assert from "node:assert/strict";
import {
  activeTreatments,
  aggregateEffectSizes,
  alignOnDrug,
  areaUnderCurve,
  aucRows,
  baseline,
  caseChange,
  changeRows,
  clopperPearson,
  drugsGivenAt,
  effectSize,
  immpactClass,
  lineOfTherapyGroups,
  loadCaseSeries,
  mayBeGiven,
  percentReduction,
  periodRates,
  permutationTest,
  prePost,
  rateRows,
  relativeDay,
  responderCurve,
  responders,
  sensitivityTable,
  signTest,
  surelyGiven,
  timeToRelief,
} from "../../lib/mod.ts";
import { articleCases, TEST_DATA_DIR } from "../helpers/data_dir.ts";
import { NO_PERCENT } from "../../lib/analysis/change.ts";
import { around, aroundDrug, zeroBaseline } from "../helpers/constructed_case.ts";

/** The first article's cases alone: every expectation below is a fact of its text. */
const all = await loadCaseSeries(TEST_DATA_DIR);
const series = { ...all, cases: articleCases(all) };
const byId = (id: string) => series.cases.find((c) => c.id === id)!;
const [c1, c2, c3] = ["1", "2", "3"].map(byId);

Deno.test("relative days follow the anchor chain, not the wide absolute intervals", () => {
  // Case 1: VAS 2.3 'within a week' of milnacipran: [0, 7] although both absolute days are wide.
  assert.deepEqual(relativeDay(c1, "milnacipran_1wk_report", "milnacipran_start"), {
    lo: 0,
    hi: 7,
    nominal: 7,
  });
  // Case 1: VAS 6.6 at 49 ± 3.5 after paroxetine, milnacipran at 90 ± 15 after it.
  assert.deepEqual(relativeDay(c1, "paroxetine_7wk_report", "milnacipran_start"), {
    lo: 45.5 - 105,
    hi: 52.5 - 75,
    nominal: 49 - 90,
  });
  // Case 2: the pre-treatment average is bounded by the start: (−inf, 0].
  const pre = relativeDay(c2, "pretreatment_average", "milnacipran_start");
  assert.deepEqual([pre.lo, pre.hi, pre.nominal], [-Infinity, 0, 0]);
  // Case 3: 'A month later' read from the milnacipran start (data/README.md): 30 ± 15.
  assert.deepEqual(relativeDay(c3, "month_later_report", "milnacipran_start"), {
    lo: 15,
    hi: 45,
    nominal: 30,
  });
});

Deno.test("narrative bounds propagate through the anchor chain", () => {
  // Case 3: quetiapine is bounded by the milnacipran start, and every milnacipran value comes
  // after that start, so quetiapine surely started before each of them...
  const q = relativeDay(c3, "month_later_report", "quetiapine_start");
  assert.ok(q.lo >= 15, `quetiapine to VAS 0: ${JSON.stringify(q)}`);
  // ... and zolpidem, stopped when quetiapine started, is over by then.
  // Its end is not stated and nothing ties it to this value: only possibly still given.
  const a = activeTreatments(c3, "month_later_report");
  assert.ok(a.possible.some((t) => t.drug === "quetiapine"));
  assert.ok(![...a.certain, ...a.possible].some((t) => t.drug === "zolpidem"));
  // Case 2: diclofenac ended before milnacipran started, so it is not active at the 6-day value.
  const d = activeTreatments(c2, "milnacipran_6d_report");
  assert.ok(![...d.certain, ...d.possible].some((t) => t.drug === "diclofenac"));
  // The CARE timeline prints no (−inf, inf) for a point bounded by the drug start.
  assert.deepEqual(relativeDay(c2, "diclofenac_start", "milnacipran_start"), {
    lo: -Infinity,
    hi: 0,
    nominal: 0,
  });
});

Deno.test("same nominal day: narrative order, never a value narrated before a start after it", async () => {
  const { careTimelineRows } = await import("../../lib/mod.ts");
  // Case 2: onset, diclofenac, the pre-treatment average and the milnacipran start share a
  // nominal day; the timeline keeps the text's order.
  const what = careTimelineRows(c2).map((r) => String(r.what));
  const at = (prefix: string) => what.findIndex((w) => w.startsWith(prefix));
  assert.ok(at("phantom pain onset") < at("start diclofenac"));
  assert.ok(at("start diclofenac") < at("VAS 8"));
  assert.ok(at("VAS 8") < at("start milnacipran"));
  // The average is not inside the milnacipran period, nor in a post-drug area.
  const m = periodRates(c2).find((r) => r.drug === "milnacipran" && r.period === null)!;
  assert.equal(m.n, 2);
  const auc = areaUnderCurve(c2, { from: 0, to: 30 });
  assert.deepEqual(auc.excluded.map((e) => e.timeId), ["pretreatment_average"]);
  assert.equal(auc.n, 2);
});

Deno.test("short-term drugs end; a stepwise switch overlaps", async () => {
  const { careTimelineRows } = await import("../../lib/mod.ts");
  // Case 2: 'short-term' flunitrazepam ends before the pain onset (documented rule).
  const f = c2.treatments.find((t) => t.drug === "flunitrazepam")!;
  assert.ok(f.end !== null);
  assert.ok(relativeDay(c2, f.end!.timeId, "pain_onset").hi <= 0);
  // Case 1: paroxetine may still be given after milnacipran has started, and the timeline says so;
  // during the switch neither dose is stated, so milnacipran is surely given at one it leaves open.
  const v = activeTreatments(c1, "milnacipran_1wk_report");
  assert.deepEqual(v.certain, []);
  assert.deepEqual(v.possible.map((t) => `${t.drug} ${t.dose?.lo ?? "not stated"}`), [
    "milnacipran not stated",
    "paroxetine not stated",
    "milnacipran 100",
  ]);
  assert.ok(surelyGiven(c1, "milnacipran_1wk_report", "milnacipran"));
  const overlaps = careTimelineRows(c1).map((r) => String(r.what))
    .filter((w) => w.includes("overlap"));
  assert.deepEqual(overlaps, [
    "end paroxetine (dose not stated), possibly after milnacipran started: they may overlap",
  ]);
});

Deno.test("alignment on milnacipran: phases of every observation", () => {
  assert.deepEqual(series.cases.map((c) => alignOnDrug(c, "milnacipran").map((o) => o.phase)), [
    ["before", "before", "after", "after"],
    ["before", "after", "after"],
    ["before", "after", "after", "after", "after"],
  ]);
  assert.throws(() => alignOnDrug(c2, "paroxetine"), /never takes paroxetine/);
});

Deno.test("baselines: last, max and mean before milnacipran", () => {
  assert.equal(baseline(c1, "milnacipran", "last").common!.nominal, 3.3);
  assert.equal(baseline(c1, "milnacipran", "max").common!.nominal, 6.6);
  assert.ok(Math.abs(baseline(c1, "milnacipran", "mean").common!.nominal - 4.95) < 1e-12);
  assert.equal(baseline(c1, "milnacipran", "mean").n, 2);
  assert.equal(baseline(c2, "milnacipran", "max").common!.nominal, 8);
  // Case 1 has no value before paroxetine at all.
  const none = baseline(c1, "paroxetine", "last");
  assert.equal(none.common, null);
  assert.match(none.reason!, /no VAS stated before paroxetine/);
});

Deno.test("active treatments: certain and ambiguous", () => {
  // VAS 6.6 was reported on 20 mg/day: the increase to 30 mg/day came at that visit.
  const a = activeTreatments(c1, "paroxetine_7wk_report");
  assert.deepEqual(a.certain.map((t) => `${t.drug} ${t.dose?.lo}`), ["paroxetine 20"]);
  assert.deepEqual(a.possible, []);
  // VAS 3.3 is narrated after the increase to 40 mg/day: on 40 mg/day; 30 mg/day ended at
  // the latest when it was reported, which the narrative places before it.
  const b = activeTreatments(c1, "paroxetine_40_report");
  assert.deepEqual(b.certain.map((t) => `${t.drug} ${t.dose?.lo}`), ["paroxetine 40"]);
  assert.deepEqual(b.possible, []);
  // Case 3, recurrence: on 50 mg/day; quetiapine started before milnacipran, but its end is not
  // stated and no time point after its start is tied to it, so it is only possibly still given.
  const r = activeTreatments(c3, "recurrence_report");
  assert.deepEqual(r.certain.map((t) => `${t.drug} ${t.dose?.lo}`), ["milnacipran 50"]);
  assert.deepEqual(r.possible.map((t) => `${t.drug} ${t.dose?.lo}`), ["quetiapine 250"]);
});

Deno.test("per-case change: percent, IMMPACT class and 2-point threshold", () => {
  const ch = caseChange(c2);
  assert.equal(ch.points[0].percentReduction!.nominal, 87.5); // (8 − 1)/8
  assert.equal(ch.points[0].immpact!.nominal, "substantial");
  assert.deepEqual(ch.points[0].pointsReduction, {
    threshold: 2,
    nominal: true,
    surely: true,
    possibly: true,
  });
  // Case 3 last value VAS 0–1.0 against 4.0: 75 % to 100 %, nominal 87.5 %.
  const last = caseChange(c3).points.at(-1)!;
  assert.deepEqual(last.percentReduction, { lo: 75, hi: 100, nominal: 87.5 });
  // Case 1 with the last baseline 3.3: 2.3 is a 30.3 % reduction (moderate), 1.0 cm.
  const p = caseChange(c1).points[0];
  assert.equal(p.immpact!.nominal, "moderate");
  assert.equal(p.pointsReduction!.nominal, false);
  // Case 3 at 50 % exactly (4.0 → 2.0) counts as substantial.
  assert.equal(caseChange(c3).points[0].immpact!.nominal, "substantial");
  assert.equal(immpactClass(9.99), "none");
  assert.equal(immpactClass(-20), "none");
  assert.equal(
    percentReduction({ lo: 0, hi: 1, nominal: 0.5 }, { lo: 0, hi: 0, nominal: 0 }),
    null,
  );
});

Deno.test("time to relief: reached intervals and 'not reached by day d'", () => {
  assert.deepEqual(timeToRelief(c2, 50).day, { lo: 0, hi: 6, nominal: 6 });
  assert.equal(timeToRelief(c1, 30).summary, "reached by day 7 [0, 7]");
  // Case 1: 2.3 is only 30 % below 3.3; ≥ 50 % first at the VAS 0.6 report, which the text
  // does not date: its midpoint is not presented as a date.
  assert.equal(timeToRelief(c1, 50).timeId, "milnacipran_continued_report");
  assert.equal(
    timeToRelief(c1, 50).summary,
    "reached at a value whose day is not stated (days [0, 195])",
  );
  const never = timeToRelief(c1, 90);
  assert.equal(never.reached, false);
  assert.match(never.summary, /^not reached by day/);
});

Deno.test("AUC: trapezoid at nominal values, bounds over admissible times and values", () => {
  // Case 2, days 0–30: the pre-treatment average stays out; (6, 1), (25, 0.1) → 19·1.1/2.
  const a = areaUnderCurve(c2, { from: 0, to: 30 });
  assert.ok(Math.abs(a.auc!.nominal - 10.45) < 1e-9);
  assert.deepEqual(a.span, { from: 6, to: 25 });
  // Least: both reports could be at the same day; most: 1.0 at day 0 and 0.1 at day 25.
  assert.equal(a.auc!.lo, 0);
  assert.ok(Math.abs(a.auc!.hi! - 25 * 1.1 / 2) < 1e-9);
  assert.equal(a.n, 2);
  // Case 3, days 0–30: the 'month later' value at nominal day 30 closes the span.
  assert.deepEqual(areaUnderCurve(c3, { from: 0, to: 30 }).span, { from: 7, to: 30 });
  assert.match(areaUnderCurve(c1, { from: 0, to: 30 }).reason!, /an area needs two/);
});

Deno.test("rates of change within drugs and dose periods", () => {
  const par = periodRates(c1).find((r) => r.drug === "paroxetine" && r.period === null)!;
  // 6.6 → 3.3: the 3.3 is placed only by the narrative (its nominal day 79 is a placeholder
  // midway between its bounds), so no rate at the nominal days; the bounds stay.
  assert.equal(par.perWeek!.nominal, null);
  // The values' time points named by the values stated there, not by their ids.
  assert.match(par.nominalReason!, /from the pain VAS 6\.6 report to the pain VAS 3\.3 report/);
  assert.ok(par.perWeek!.lo < par.perWeek!.hi && par.perWeek!.hi < 0);
  assert.equal(par.leastSquaresPerWeek, null);
  const p20 = periodRates(c1).find((r) => r.drug === "paroxetine" && r.period?.dose?.lo === 20)!;
  assert.equal(p20.perWeek, null);
  assert.match(p20.reason!, /1 observation/);
  // Case 3 on 50 mg/day: 2.0, 0 and the recurrence 2.0; the report after the increase shares
  // the recurrence's nominal day but belongs to 75 mg/day.
  const m50 = periodRates(c3).find((r) => r.period?.dose?.lo === 50)!;
  assert.equal(m50.n, 3);
  assert.ok(m50.leastSquaresPerWeek !== null);
  // Its times are intervals (within a week; 30 ± 15 days; two months ± 15 days later): over them
  // the slope runs from 0 (the 0 midway between the two 2.0s) to 0.106 cm/week (the 0 at its
  // earliest, day 8 after the first report, the last at its earliest), the nominal 0.047 within.
  const b = m50.leastSquaresBounds!;
  assert.ok(Math.abs(b.lo) < 1e-9 && Math.abs(b.hi - 0.10576) < 1e-4, JSON.stringify(b));
  assert.ok(b.lo <= m50.leastSquaresPerWeek! && m50.leastSquaresPerWeek! <= b.hi);
  assert.equal(
    rateRows(c3).find((r) => r.values === "2.0 → 0 → 2.0")!["least-squares bounds"],
    "[0, 0.106]",
  );
});

Deno.test("responders with Clopper–Pearson intervals; curve; tests", () => {
  // 3/3: lower = 0.025^(1/3); 2/3: upper = 0.975^(1/3).
  assert.ok(Math.abs(clopperPearson(3, 3).ciLower! - 0.025 ** (1 / 3)) < 1e-9);
  assert.ok(Math.abs(clopperPearson(2, 3).ciUpper! - 0.975 ** (1 / 3)) < 1e-9);
  assert.deepEqual(clopperPearson(0, 0).proportion, null);
  const rows = responders(series.cases);
  const first50 = rows.find((r) =>
    r.timing === "first" && r.threshold.kind === "percent" && r.threshold.value === 50
  )!;
  assert.deepEqual([first50.count, first50.n, first50.responders], [2, 3, ["2", "3"]]);
  const curve = responderCurve(series.cases);
  assert.equal(curve.find((p) => p.timing === "first" && p.threshold === 31)!.proportion, 2 / 3);
  assert.equal(curve.length, 2 * 101);
  const pairs = prePost(series.cases);
  assert.deepEqual(pairs.map((p) => [p.pre, p.post]), [[3.3, 0.6], [8, 0.1], [4, 0.5]]);
  assert.equal(signTest(pairs).pValue, 0.25); // 2·(1/2)³
  const perm = permutationTest(pairs);
  assert.deepEqual([perm.pValue, perm.exact, perm.draws], [0.25, true, 8]);
  // Sampled branch: seeded, recorded, reproducible.
  const many = Array.from({ length: 25 }, (_, i) => ({ caseId: `${i}`, pre: 5, post: i % 5 }));
  const s1 = permutationTest(many, { draws: 2000, seed: 7 });
  assert.deepEqual([s1.exact, s1.seed, s1.draws], [false, 7, 2000]);
  assert.equal(permutationTest(many, { draws: 2000, seed: 7 }).pValue, s1.pValue);
});

Deno.test("aggregation with the batch_calc_ES weighting schemes", () => {
  const o = { improvement: "decrease" as const };
  const r1 = effectSize("LRRd", [4, 6], [1, 3], o);
  const r2 = effectSize("LRRd", [5, 7, 6], [1, 2, 2], o);
  const eq = aggregateEffectSizes([r1, r2], ["a", "b"], "equal");
  assert.ok(Math.abs(eq.estimate! - (r1.estimate! + r2.estimate!) / 2) < 1e-12);
  assert.ok(Math.abs(eq.se! - Math.sqrt(r1.se! ** 2 + r2.se! ** 2) / 2) < 1e-12);
  const iv = aggregateEffectSizes([r1, r2], ["a", "b"], "1/V");
  const w1 = 1 / r1.se! ** 2;
  const w2 = 1 / r2.se! ** 2;
  assert.ok(Math.abs(iv.estimate! - (w1 * r1.estimate! + w2 * r2.estimate!) / (w1 + w2)) < 1e-12);
  assert.ok(Math.abs(iv.se! - 1 / Math.sqrt(w1 + w2)) < 1e-12);
  const nab = aggregateEffectSizes([r1, r2], ["a", "b"], "nA*nB");
  assert.deepEqual(nab.weights.map((w) => w.weight), [4 / 13, 9 / 13]);
  const h = aggregateEffectSizes([r1, r2], ["a", "b"], "1/nA+1/nB");
  // SingleCaseES calc_ES_weights: w = 1/nA + 1/nB literally (shorter phases weigh more):
  // 1/2 + 1/2 = 1 and 1/3 + 1/3 = 2/3, normalised by their sum 5/3 → 0.6 and 0.4.
  const hw = h.weights.map((w) => w.weight);
  assert.ok(Math.abs(hw[0] - 0.6) < 1e-15 && Math.abs(hw[1] - 0.4) < 1e-15, `${hw}`);
  const withNull = aggregateEffectSizes([r1, effectSize("LRRd", [8], [1, 2], o)], ["a", "b"], "nA");
  assert.equal(withNull.n, 1);
  assert.match(withNull.excluded[0].reason, /one observation/);
});

Deno.test("line of therapy from the data, and the sensitivity table", () => {
  // Drugs given for phantom limb pain before milnacipran: case 1 diclofenac then paroxetine,
  // case 2 diclofenac (an NSAID is still a prior drug for the pain), case 3 none.
  const { groups, excluded } = lineOfTherapyGroups(series.cases);
  assert.deepEqual(excluded, []);
  const groupOf = (id: string) => groups.find((x) => x.caseIds.includes(id))!;
  assert.equal(groupOf("3").group, "milnacipran first-line");
  assert.equal(groupOf("2").group, "milnacipran second-line");
  assert.deepEqual(groupOf("2").priorDrugs.find((p) => p.caseId === "2")!.drugs, ["diclofenac"]);
  assert.deepEqual(groupOf("1").priorDrugs.find((p) => p.caseId === "1")!.drugs, [
    "diclofenac",
    "paroxetine",
  ]);
  const rows = sensitivityTable(series.cases);
  // 3 baselines × (3 cases × (3 bounds as stated + 2 with rounding) × 4 quantities + (3 bounds
  // as stated + 2 with rounding) × 2 values (first, last) × 2 percent thresholds of responders
  // + 5 sign-test rows)
  assert.equal(rows.length, 3 * (3 * 5 * 4 + 5 * 2 * 2 + 5));
  const c1max = rows.find((r) =>
    r.caseId === "1" && r.baseline === "max" && r.bound === "nominal" &&
    r.quantity === "percent reduction, first post-drug value"
  )!;
  assert.ok(Math.abs(c1max.value! - 100 * (6.6 - 2.3) / 6.6) < 1e-9);
});

Deno.test("VAS as a percent of the baseline, with interval bounds", async () => {
  const { alignWithBaseline } = await import("../../lib/mod.ts");
  const rows = alignWithBaseline(c3, "milnacipran", "last");
  // Baseline 4.0; the last value VAS 0–1.0 is 0–25 % of it, nominal 12.5 %.
  assert.deepEqual(rows.at(-1)!.percentOfBaseline, { lo: 0, hi: 25, nominal: 12.5 });
  // Case 1 against the maximum baseline 6.6: the 3.3 before the switch is 50 %.
  const r1 = alignWithBaseline(c1, "milnacipran", "max");
  assert.equal(r1[1].percentOfBaseline!.nominal, 50);
  assert.equal(timeToRelief(c2, 50).options.baseline, "last");
});

Deno.test("sensitivity summaries: range per case and which baselines depend on the definition", async () => {
  const { baselineDependence, sensitivityRange, sensitivityTable } = await import(
    "../../lib/mod.ts"
  );
  const rows = sensitivityTable(series.cases);
  // Case 2: 6 days at the nominal value, 0 at the favourable bound of 'within 6 days'.
  assert.equal(sensitivityRange(rows, "days to 50% reduction", "2"), "0–6");
  assert.equal(sensitivityRange(rows, "no such quantity", "2"), "not defined");
  // Only case 1 has two values before milnacipran: 3.3 (last), 6.6 (max), 4.95 (mean).
  const dep = baselineDependence(series);
  assert.deepEqual(dep.map((d) => d.caseId), ["1"]);
  assert.deepEqual(dep[0].values.map((v) => Math.round(v! * 100) / 100), [3.3, 6.6, 4.95]);
});

Deno.test("mayBeGiven and drugsGivenAt read activeTreatments and surelyGiven: certainly, possibly, or not at all", () => {
  for (const c of series.cases) {
    for (const tp of c.timepoints) {
      const a = activeTreatments(c, tp.id);
      const how = drugsGivenAt(c, [tp.id], null);
      for (const t of c.treatments) {
        const certain = a.certain.some((x) => x.drug === t.drug);
        const possible = a.possible.some((x) => x.drug === t.drug);
        const surely = surelyGiven(c, tp.id, t.drug);
        assert.equal(mayBeGiven(c, tp.id, t.drug), certain || possible, `${c.id} ${tp.id}`);
        // A period certainly active makes its drug surely given; a drug may be surely given at a
        // dose the times leave open (a switch at doses not stated) with no period certain.
        if (certain) assert.ok(surely, `${c.id} ${tp.id} ${t.drug}`);
        assert.equal(
          how.get(t.drug),
          surely ? "certainly" : possible ? "possibly" : undefined,
          `${c.id} ${tp.id} ${t.drug}`,
        );
      }
      for (const t of c.treatments) {
        assert.ok(!drugsGivenAt(c, [tp.id], t.drug).has(t.drug), "the excepted drug is left out");
      }
    }
    // Certainly at one of several time points outranks possibly at another.
    const ids = c.timepoints.map((t) => t.id);
    for (const [drug, how] of drugsGivenAt(c, ids, null)) {
      const certainSomewhere = ids.some((id) => surelyGiven(c, id, drug));
      assert.equal(how, certainSomewhere ? "certainly" : "possibly", `${c.id} ${drug}`);
    }
  }
});

Deno.test("no placeholder as data: a net rate says what lies between; no area to an undated day", () => {
  // Case 3 on milnacipran 50 mg/day: 2 → 0 → 2 (a first→last rate of 0 hides the course).
  const c3 = series.cases.find((c) => c.id === "3")!;
  const row = rateRows(c3).find((r) => r.values === "2.0 → 0 → 2.0")!;
  assert.match(String(row.note), /net change: the values in between range 0–2/);
  // Its last value has no date: the area "to the last value" is not computed.
  const toLast = aucRows(c3).find((r) => String(r.window).includes("to the last value"))!;
  assert.equal(toLast["AUC (cm·days)"], null);
  assert.match(String(toLast.note), /not computed: no date is stated for .*placeholder day/);
});

Deno.test("rates: no number per week from a placeholder day or a zero nominal gap", () => {
  // 5 → 3 → 1 at dated days 20, 27, 34: −2 cm/week, first→last and least squares.
  const dated =
    periodRates(around(series.study, { start: 10, a: 20, b: 27, c: 34 }, { a: 5, b: 3, c: 1 }))[0];
  assert.ok(Math.abs(dated.perWeek!.nominal! - -2) < 1e-12);
  assert.ok(Math.abs(dated.leastSquaresPerWeek! - -2) < 1e-12);
  assert.equal(dated.nominalReason, undefined);
  // The same with the last day placed only by the narrative: bounds, no nominal rate.
  const undated = periodRates(
    around(series.study, { start: 10, a: 20, b: 27, c: [27, 60] }, { a: 5, b: 3, c: 1 }, ["c"]),
  )[0];
  assert.equal(undated.perWeek!.nominal, null);
  assert.equal(undated.leastSquaresPerWeek, null);
  assert.match(
    undated.nominalReason!,
    /no time from the VAS 5 report to the VAS 1 report .*placeholder/,
  );
  // Only a value in between undated: first→last stands, the least-squares slope does not.
  const middle = periodRates(
    around(series.study, { start: 10, a: 20, b: [20, 34], c: 34 }, { a: 5, b: 3, c: 1 }, ["b"]),
  )[0];
  assert.ok(Math.abs(middle.perWeek!.nominal! - -2) < 1e-12);
  assert.equal(middle.leastSquaresPerWeek, null);
  assert.match(
    middle.nominalReason!,
    /^no least-squares slope: the text states no time from the VAS 5 report to the VAS 3 report/,
  );
  // Two values at one nominal day: no rate (it would be ±Infinity), and the row says why.
  const same = around(series.study, { start: 10, a: [20, 30], b: [20, 30] }, { a: 5, b: 3 });
  const r = periodRates(same)[0];
  assert.equal(r.perWeek!.nominal, null);
  assert.match(r.nominalReason!, /share their nominal day/);
  for (const row of rateRows(same)) {
    assert.doesNotMatch(JSON.stringify(row), /NaN|Infinity|undefined/);
    if (row.n === 2) assert.match(String(row.note), /share their nominal day/);
  }
  // A value stated as a range shows as its range, not as its midpoint (its words, "VAS 0,1",
  // state both ends: written as the text writes a range).
  const ranged =
    rateRows(around(series.study, { start: 10, a: 20, b: 27 }, { a: 5, b: [0, 1] }))[0];
  assert.equal(ranged.values, "5 → 0–1");
  // The values in between span their bounds: [0, 3] counts from 0, not from its midpoint 1.5.
  const between = rateRows(
    around(series.study, { start: 10, a: 20, b: 27, c: 34 }, { a: 5, b: [0, 3], c: 4 }),
  )[0];
  assert.match(String(between.note), /net change: the values in between range 0–5/);
  // A stated value keeps its stated digits there too ("VAS 5.0" is 5.0, not 5), as in `values`.
  const stated = around(series.study, { start: 10, a: 20, b: 27, c: 34 }, {
    a: 5,
    b: [0, 3],
    c: 4,
  });
  const digits = {
    ...stated,
    observations: stated.observations.map((o) => o.value.lo === 5 ? { ...o, words: "VAS 5.0" } : o),
  };
  const tenths = rateRows(digits)[0];
  assert.match(String(tenths.values), /^5\.0 → /);
  assert.match(String(tenths.note), /net change: the values in between range 0–5\.0[;)]?/);
  // A series that only falls is no net change, even when its first or last value is a range
  // (its bounds span beyond the nominal first→last change, but no value in between does).
  const falls: Record<string, number | [number, number]>[] = [
    { a: 8, b: 4, c: [0, 1] },
    { a: [7, 9], b: 4, c: 1 },
  ];
  for (const values of falls) {
    const falling = rateRows(around(series.study, { start: 10, a: 20, b: 27, c: 34 }, values))[0];
    assert.equal(falling.note, null, String(falling.values));
  }
});

Deno.test("change rows: a change from or to a range is a range; a missing percent says why", () => {
  // 6 before, [0, 1] after: the change is −6 to −5, not its midpoint −5.5.
  const ranged = changeRows(
    around(series.study, { before: 5, start: 10, a: 20 }, { before: 6, a: [0, 1] }),
  );
  assert.equal(ranged[0].change, "[-6, -5]");
  assert.equal(ranged[0]["% reduction"], "[83.3, 100]");
  // A baseline stated as 0–8: the baseline and the change are ranges (the sign of the change is
  // not known), and the missing percent reduction carries its reason.
  const zero = changeRows(zeroBaseline(aroundDrug(series.study)));
  assert.equal(zero[0]["baseline VAS"], "[0, 8]");
  assert.equal(zero[0].change, "[-7, 1]");
  assert.equal(zero[0]["% reduction"], null);
  assert.equal(zero[0].note, NO_PERCENT);
  // A study with no threshold in points has no column for it (no "≥– cm").
  assert.ok(Object.keys(zero[0]).every((k) => !k.includes("–")), Object.keys(zero[0]).join());
  // Exact values are written as numbers are, in the same text column.
  const exact = changeRows(
    around(series.study, { before: 5, start: 10, a: 20 }, { before: 6, a: 3 }),
  );
  assert.equal(exact[0].change, "-3");
  assert.equal(exact[0]["baseline VAS"], "6");
  // One type per column: every value column is text, ranged or not.
  for (const col of ["baseline VAS", "VAS", "change", "% reduction"]) {
    for (const r of [...ranged, ...exact]) {
      assert.equal(typeof r[col], "string", `${col}: ${r[col]}`);
    }
  }
});

Deno.test("time to relief: a threshold reached only at a range's nominal value says so", () => {
  // 6 before; [2, 4] after: a reduction of [33.3, 66.7]%, 50% at its nominal value 3.
  const c = around(series.study, { before: 5, start: 10, a: 20 }, { before: 6, a: [2, 4] });
  const t50 = timeToRelief(c, 50);
  assert.equal(t50.reached, true);
  assert.match(t50.summary, /^reached by day 10 \(at the nominal value: \[33\.3, 66\.7\]% over/);
  // 70% is not reached, not even at the bounds: nothing added.
  assert.equal(timeToRelief(c, 70).summary, "not reached by day 10");
  // 60%: not reached at the nominal value, possibly at the value's bounds.
  assert.match(timeToRelief(c, 60).summary, /^not reached by day 10 \(possibly by day 10: \[33\.3/);
  // An exact value: as before.
  const exact = around(series.study, { before: 5, start: 10, a: 20 }, { before: 6, a: 3 });
  assert.equal(timeToRelief(exact, 50).summary, "reached by day 10");
  // [2, 5] at day 10 ([16.6, 66.7]%, 41.7% at its nominal 3.5), then 2 at day 20 (66.7%): 60% is
  // reached by day 20, and possibly already by day 10, at the bound 2 of [2, 5].
  const later = around(series.study, { before: 5, start: 10, a: 20, b: 30 }, {
    before: 6,
    a: [2, 5],
    b: 2,
  });
  assert.equal(
    timeToRelief(later, 60).summary,
    "reached by day 20 (possibly already by day 10: [16.6, 66.7]% over the bounds of the value " +
      "and its baseline)",
  );
});

Deno.test("AUC rows: the early window is the study's auc_window_days, and none when it sets none", () => {
  const c = around(series.study, { before: 5, start: 10, a: 20, b: 30 }, { before: 6, a: 4, b: 2 });
  const windows = (days: number | null) =>
    aucRows({ ...c, study: { ...c.study, aucWindowDays: days } }).map((r) => r.window);
  assert.deepEqual(windows(14), ["days 0–14", "days 0–20 (to the last value)"]);
  assert.deepEqual(windows(null), ["days 0–20 (to the last value)"]);
});

Deno.test("AUC: the time-weighted mean of values stated as ranges is a range", () => {
  // After the start (day 10): 4 at day 20, [0, 2] at day 30: mean (4 + [0, 2]) / 2 = [2, 3].
  const c = around(series.study, { before: 5, start: 10, a: 20, b: 30 }, {
    before: 6,
    a: 4,
    b: [0, 2],
  });
  const a = areaUnderCurve(c, { from: 0, to: 30 });
  assert.deepEqual(a.timeWeightedMeanBounds, { lo: 2, hi: 3 });
  assert.equal(a.timeWeightedMean, 2.5);
  assert.equal(aucRows(c)[0]["time-weighted mean (cm)"], "[2, 3]");
  // Exact values: the number, as before.
  const exact = around(series.study, { before: 5, start: 10, a: 20, b: 30 }, {
    before: 6,
    a: 4,
    b: 2,
  });
  // Exact values: the number where the study asks for no more values than these two.
  const two = { ...exact, study: { ...exact.study, minPointsPerPhase: 2 } };
  assert.equal(aucRows(two)[0]["time-weighted mean (cm)"], 3);
  // From fewer values than the study's fewest per phase: no number, and the row says why.
  const three = { ...exact, study: { ...exact.study, minPointsPerPhase: 3 } };
  assert.equal(aucRows(three)[0]["time-weighted mean (cm)"], null);
  assert.equal(aucRows(three)[0]["AUC (cm·days)"], null);
  assert.match(
    String(aucRows(three)[0].note),
    /AUC and time-weighted mean not shown as a number: from 2 values; a point value needs at least 3/,
  );
});

Deno.test("AUC: where some admissible times give no area, its bounds are null, not numbers", () => {
  const late = around(series.study, { before: 5, start: 10, a: [10, 17], b: [25, 55] }, {
    before: 4,
    a: 2,
    b: 0,
  });
  const a = areaUnderCurve(late, { from: 0, to: 30 });
  assert.ok(a.boundsReason);
  assert.deepEqual([a.auc!.lo, a.auc!.hi], [null, null]);
  assert.deepEqual(a.partialBounds, { lo: 8, hi: 30 });
});

Deno.test("rates: a point rate is withheld where its bounds are open or hold 0, or from too few values", () => {
  const study = { ...series.study, minPointsPerPhase: 2 };
  // Two values whose days may coincide: the rate's bounds are open. Both surely after the start
  // (so the open period's values name its drug, and it is certainly given at them).
  const open = around(study, { start: 9, a: [10, 20], b: [10, 30] }, { a: 5, b: 3 });
  const rate = (c: typeof open) =>
    rateRows({ ...c, study: { ...c.study, minPointsPerPhase: 2 } })[0];
  assert.match(String(rate(open).bounds), /inf/);
  assert.equal(rate(open)["cm/week (first→last)"], null);
  assert.match(
    String(rate(open).note),
    /first→last rate not shown as a number: its bounds are open/,
  );
  // Dated days: a number.
  const dated = around(study, { start: 10, a: 17, b: 24 }, { a: 5, b: 3 });
  assert.equal(rate(dated)["cm/week (first→last)"], -2);
  // The same from fewer values than the study asks for: no number.
  const few = rateRows({ ...dated, study: { ...dated.study, minPointsPerPhase: 3 } })[0];
  assert.equal(few["cm/week (first→last)"], null);
  assert.match(String(few.note), /from 2 values; a point value needs at least 3/);
  // A V whose slope bounds hold 0: the slope's direction is unknown, so no number.
  const v = around(study, { start: 10, a: [10, 17], b: [20, 40], c: [50, 70] }, {
    a: 2,
    b: 0,
    c: 2,
  });
  const row = rateRows({ ...v, study: { ...v.study, minPointsPerPhase: 3 } })[0];
  const bounds = String(row["least-squares bounds"]);
  const [lo, hi] = bounds.slice(1, -1).split(", ").map(Number);
  assert.ok(lo <= 0 && hi >= 0 && lo < hi, bounds);
  assert.equal(row["cm/week (least squares)"], null);
  const why = lo < 0 && hi > 0
    ? "its bounds lie either side of 0, so not even its direction is known"
    : lo === 0
    ? "its lower bound is 0, so it is flat or rising"
    : "its upper bound is 0, so it is flat or falling";
  assert.ok(
    String(row.note).includes(`least-squares slope not shown as a number: ${why}`),
    String(row.note),
  );
});

Deno.test("AUC bounds: which values fall in the window follows their admissible times, not their nominal days", () => {
  // Start at day 10. 4 at day 7 after it, 2 in [10, 20] after it, 2 in [20, 50] (nominal 35,
  // outside days 0–30, but it may fall inside): the nominal area has the first two; the greatest
  // has all three, 2 at day 20 and 2 at day 30: 13·(4 + 2)/2 + 10·2 = 59 (39 without the third).
  const c = around(series.study, { before: 5, start: 10, a: 17, b: [20, 30], c: [30, 60] }, {
    before: 6,
    a: 4,
    b: 2,
    c: 2,
  });
  const a = areaUnderCurve(c, { from: 0, to: 30 });
  assert.equal(a.n, 2);
  assert.equal(a.auc!.hi, 59);
  assert.equal(a.boundsReason, undefined);
  // 2 within a week of the start, 0 at 30 ± 15: after day 30 only one value is in the window, and
  // no area exists there: the bounds are not a number, and the row says why, with the span of
  // the areas the other times give: (15 − 7)·2/2 = 8 to (30 − 0)·2/2 = 30.
  const late = around(series.study, { before: 5, start: 10, a: [10, 17], b: [25, 55] }, {
    before: 4,
    a: 2,
    b: 0,
  });
  const b = areaUnderCurve(late, { from: 0, to: 30 });
  assert.equal(b.auc!.nominal, 26.5); // (30 − 3.5)·2/2, at the midpoints
  assert.match(
    b.boundsReason!,
    /fewer than two values fall in days 0–30 \(the VAS 0 report may fall after day 30\)/,
  );
  const row = aucRows(late)[0];
  assert.equal(row["AUC bounds"], null);
  assert.match(String(row.note), /no AUC bounds: .*; over the times that give an area: \[8, 30\]/);
});

Deno.test("AUC rows: the whole follow-up runs to the last value wherever its time falls", () => {
  // 4 a week after the start, 2 at 45 ± 15 days after it: the area to the last value has bounds
  // over every time of that value, (30 − 7)·3 = 69 to (60 − 7)·3 = 159, none cut at its nominal day.
  const c = around(series.study, { before: 5, start: 10, a: 17, b: [40, 70] }, {
    before: 6,
    a: 4,
    b: 2,
  });
  const row = aucRows(c).find((r) => String(r.window).includes("to the last value"))!;
  assert.equal(row["AUC bounds"], "[69, 159]");
  assert.doesNotMatch(String(row.note), /no AUC bounds/);
});

Deno.test("AUC bounds: values the text leaves in either order are named, not silently taken in order", () => {
  // Three values after the start (day 10), each some time in overlapping spans: any order.
  const loose = around(series.study, {
    before: 5,
    start: 10,
    a: [10, 20],
    b: [15, 30],
    c: [12, 35],
  }, {
    before: 6,
    a: 4,
    b: 2,
    c: 3,
  });
  const a = areaUnderCurve(loose, { from: 0, to: 30 });
  assert.match(
    a.orderAssumed!,
    /the text leaves these pairs in either order: \(a, b\), \(a, c\), \(b, c\)$/,
  );
  const study = { ...loose.study, minPointsPerPhase: 3 };
  assert.match(
    String(aucRows({ ...loose, study })[0].note),
    /AUC bounds: the bounds take the values in the order given/,
  );
  // Dated a week apart: the order is fixed, nothing to say.
  const fixed = around(series.study, { before: 5, start: 10, a: 17, b: 24, c: 31 }, {
    before: 6,
    a: 4,
    b: 2,
    c: 3,
  });
  assert.equal(areaUnderCurve(fixed, { from: 0, to: 30 }).orderAssumed, undefined);
  // Two values give the same area in either order: nothing to say either.
  const two = around(series.study, { before: 5, start: 10, a: [10, 20], b: [15, 30] }, {
    before: 6,
    a: 4,
    b: 2,
  });
  assert.equal(areaUnderCurve(two, { from: 0, to: 30 }).orderAssumed, undefined);
});
