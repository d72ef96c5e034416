/**
 * The claims ledger: quotes from the article, verdicts from stated rules on computed values, each
 * claim judged on the cases of its own article only and about its own drug. The verdict tests
 * are scoped to the first article (nagoshi-2012) and look its claims up by id.
 */
import assert from "node:assert/strict";
import {
  articlesWithoutClaims,
  type Case,
  caseChange,
  type CaseSeries,
  CLAIM_COLUMNS,
  claimRows,
  claimsLedger,
  csvTable,
  DEFAULT_DATA_DIR,
  formatNumber,
  isRuleName,
  loadCaseSeries,
  NO_PAIN_BAND,
  normalizeSourceText,
  parseRule,
  recordedClaims,
  RELIEF_THRESHOLDS,
  reliefProblems,
  reliefWords,
  RULES,
  ruleThresholds,
  SCALES,
  visualAnalysis,
} from "../../lib/mod.ts";
import { VERDICTS } from "../../lib/claims/mod.ts";
import { NO_PAIN_WORDS, WORDS_TO_NUMBER, wordsRuleProblem } from "../../lib/quotes.ts";
import { judge } from "../../lib/claims/rules/mod.ts";
import { ATTRIBUTION_RULES } from "../../lib/claims/rules/attribution.ts";
import { COURSE_RULES } from "../../lib/claims/rules/course.ts";
import { ORDER_RULES } from "../../lib/claims/rules/order.ts";
import { VALUE_RULES } from "../../lib/claims/rules/values.ts";
import { dataWithFixture, TEST_DATA_DIR } from "../helpers/data_dir.ts";

/** The synthetic second article (tests/fixtures/second-article). */
const FIXTURE = "synthetic-fixture";

const series = await loadCaseSeries(TEST_DATA_DIR);
const ledger = claimsLedger(series);
const NAGOSHI = "nagoshi-2012";
const byId = (id: string) => series.cases.find((c) => c.id === id)!;
const verdicts = (l: typeof ledger) => Object.fromEntries(l.map((c) => [c.id, c.verdict]));

Deno.test("every claim in the ledger is quoted from its article", async () => {
  for (const c of ledger) {
    const source = normalizeSourceText(
      await Deno.readTextFile(`${TEST_DATA_DIR}${series.sources.get(c.sourceId)!.textPath}`),
    );
    assert.ok(source.includes(normalizeSourceText(c.quote)), c.quote);
    assert.ok(VERDICTS.includes(c.verdict));
    assert.doesNotMatch(c.evidence, /undefined|NaN/);
  }
});

Deno.test("nagoshi-2012: verdicts follow the stated rules on the computed values", () => {
  const v = verdicts(ledger.filter((c) => c.sourceId === NAGOSHI));
  // 8.0 → 1.0 within 6 days: 87.5 %.
  assert.equal(v["case2-within-6-days"], "supported");
  // 0.1 cm is not 0: "total" relief only partly.
  assert.equal(v["case2-total-relief"], "partly supported");
  // Diclofenac was given for the phantom pain before milnacipran: not first-line.
  assert.equal(v["case2-first-line-monotherapy"], "not supported");
  assert.match(ledger.find((c) => c.id === "case2-first-line-monotherapy")!.evidence, /diclofenac/);
  // No follow-up length after the last value.
  assert.equal(v["case2-no-recurrence"], "cannot be assessed");
  // No value before paroxetine; the dose was raised because of the 6.6, its only value: one
  // value cannot show a peak, so regression to the mean is not said to predict the fall.
  assert.equal(v["case1-paroxetine-partial"], "partly supported");
  assert.match(
    ledger.find((c) => c.id === "case1-paroxetine-partial")!.evidence,
    /because of the 6\.6, its only value before: whether it followed a peak is not known/,
  );
  // Lower after the switch, but pain was already falling and the drugs overlapped.
  assert.equal(v["case1-milnacipran-further"], "partly supported");
  assert.match(
    ledger.find((c) => c.id === "case1-milnacipran-further")!.evidence,
    /already falling.*stepwise/,
  );
  // One rule for words of relief (no-pain band ≤ 0.4 cm, Jensen et al. 2003): 2.3 cm is not
  // "almost no pain"; 0.6 is mild pain, neither "full" (0, partly ≤ 0.4) nor "near-total"
  // (≤ 0.4), whatever the claim's place in the article.
  assert.equal(v["case1-almost-no-pain"], "not supported");
  assert.equal(v["case1-long-term-full"], "not supported");
  assert.equal(v["case1-full-relief-sustained"], "not supported");
  assert.equal(v["case1-near-total-absence"], "not supported");
  assert.match(
    ledger.find((c) => c.id === "case1-near-total-absence")!.evidence,
    /not surely 90 days or more after its start/,
  );
  // 0.1 and 0 are in the no-pain band: "virtually disappeared", "virtual absence" supported.
  assert.equal(v["case2-virtually-disappeared"], "supported");
  assert.equal(v["case3-virtual-absence"], "supported");
  // Quetiapine runs through every milnacipran value and no value precedes it.
  assert.equal(v["case3-quetiapine-no-effect"], "cannot be assessed");
  assert.equal(v["case3-relief-only-with-milnacipran"], "cannot be assessed");
  assert.equal(v["direct-analgesic"], "cannot be assessed");
  // Case 1's first value after the switch is a 30 % (not ≥ 50 %) reduction.
  assert.equal(v["all-rapid-near-total"], "partly supported");
  assert.match(
    ledger.find((c) => c.id === "all-rapid-near-total")!.evidence,
    /case 1: first 30\.3%/,
  );
  // Case 3 has no SDS score; case 1's was taken on paroxetine, an antidepressant.
  assert.equal(v["no-depression"], "partly supported");
  assert.equal(v["case1-no-depression"], "partly supported");
  assert.match(
    ledger.find((c) => c.id === "case1-no-depression")!.evidence,
    /SDS 38, read as taken at the transfer to psychiatry while taking paroxetine 20 mg\/day \(SSRI\): /,
  );
  assert.equal(v["case2-no-depression"], "supported");
  // A recommendation cannot be assessed from uncontrolled cases, and says so.
  for (const id of ["first-line", "conclusion-first-line"]) {
    assert.equal(v[id], "cannot be assessed");
    assert.match(
      ledger.find((c) => c.id === id)!.evidence,
      /^a recommendation cannot be assessed from uncontrolled cases/,
    );
  }
  // Case 2 had diclofenac for the pain before milnacipran; case 3 had none.
  assert.equal(v["abstract-two-first-line"], "not supported");
  assert.equal(v["abstract-two-rapid"], "supported");
  // No VAS on diclofenac; no measure of insomnia, delirium or adverse events.
  for (
    const id of [
      "case1-diclofenac-ineffective",
      "case2-diclofenac-ineffective",
      "case2-flunitrazepam-insomnia",
      "case3-quetiapine-delirium",
      "milnacipran-tolerability",
      "case1-no-aggravation",
      "case3-continues-no-pain",
    ]
  ) assert.equal(v[id], "cannot be assessed", id);
  assert.equal(v["intro-successful-use"], "supported");
  assert.match(ledger.find((c) => c.id === "intro-successful-use")!.evidence, /not attributed/);
});

Deno.test("words for relief: one threshold per kind of word, from the documented no-pain band", async () => {
  const readme = await Deno.readTextFile(new URL("../../data/README.md", import.meta.url));
  // The constant and its source are stated in data/README.md as they are in the code.
  assert.ok(
    readme.includes(`0 to ${NO_PAIN_BAND.atMost} cm of a 10 cm VAS`),
    "band not documented",
  );
  assert.ok(readme.includes(NO_PAIN_BAND.source), "source of the band not documented");
  assert.deepEqual(RELIEF_THRESHOLDS.absolute, {
    supportedAtMost: 0,
    partlyAtMost: NO_PAIN_BAND.atMost,
  });
  assert.deepEqual(RELIEF_THRESHOLDS.qualified, {
    supportedAtMost: NO_PAIN_BAND.atMost,
    partlyAtMost: null,
  });
  // Every recorded claim with a word for relief and a threshold uses its kind's, so two claims
  // with the same word never differ.
  const seen = new Map<string, string>();
  let checked = 0;
  for (const c of recordedClaims(series)) {
    assert.deepEqual(reliefProblems(c.quote, c.judge), [], c.id);
    const t = ruleThresholds(c.judge);
    if (!t) continue;
    for (const w of reliefWords(c.quote)) {
      const key = JSON.stringify(
        c.judge.kind === "last-value" ? t : { supportedAtMost: t.supportedAtMost },
      );
      const before = seen.get(`${w.word}|${c.judge.kind}`);
      assert.ok(before === undefined || before === key, `${c.id}: "${w.word}" judged otherwise`);
      seen.set(`${w.word}|${c.judge.kind}`, key);
      checked++;
    }
  }
  assert.ok(checked > 0, "no claim with a word for relief was checked");
  // A threshold other than the kind's is a problem.
  const loose = {
    kind: "last-value",
    params: {
      supported_at_most: 0,
      partly_at_most: 1,
      within_days: null,
      long_term_days: null,
      unit: "cm",
    },
  } as const;
  assert.equal(reliefProblems("full pain relief", loose).length, 1);
  assert.equal(reliefProblems("near-total relief", loose).length, 1);
  assert.equal(reliefWords("a long-term near-total absence of pain").length, 1);
  // A word of no pain after a qualifier is qualified, never read as the word alone.
  for (
    const q of [
      "rapid and almost complete relief",
      "nearly total relief",
      "the pain had almost completely resolved",
      "near-complete relief",
      "practically no pain",
      "virtually complete relief",
    ]
  ) assert.deepEqual(reliefWords(q).map((w) => w.kind), ["qualified"], q);
  for (const q of ["complete relief", "the pain resolved fully", "entirely free of pain"]) {
    // ("entirely free of pain" has two: the adverb beside "free", and "free of pain".)
    assert.deepEqual([...new Set(reliefWords(q).map((w) => w.kind))], ["absolute"], q);
  }
  // The absolute adverbs are relief only beside a word of relief, not in other uses.
  for (
    const q of ["the dose was fully titrated", "entirely by mouth", "almost fully titrated"]
  ) assert.deepEqual(reliefWords(q), [], q);
  assert.deepEqual(reliefWords("the pain completely disappeared").map((w) => w.kind), [
    "absolute",
  ]);
  // A range is judged by its upper end: VAS [0, 0.8] (nominal 0.4) is not near-total.
  const c = byId("2");
  const last = c.observations.at(-1)!;
  const ranged: Case = {
    ...c,
    observations: [...c.observations.slice(0, -1), {
      ...last,
      value: { lo: 0, hi: 0.8, nominal: 0.4 },
      common: { lo: 0, hi: 0.8, nominal: 0.4 },
    }],
  };
  const near = {
    kind: "last-value",
    params: {
      supported_at_most: 0.4,
      partly_at_most: null,
      within_days: null,
      long_term_days: null,
      unit: "cm",
    },
  } as const;
  assert.equal(judge(near, "milnacipran", [c]).verdict, "supported");
  assert.equal(judge(near, "milnacipran", [ranged]).verdict, "not supported");
});

/** A synthetic case from another article: worse pain after the drug, depressed, never dated. */
function synthetic(from: Case, id: string, sourceId: string): Case {
  return {
    ...from,
    id,
    sourceId,
    sds: 60,
    observations: from.observations.map((o) => ({
      ...o,
      common: { lo: 10 - o.common.hi, hi: 10 - o.common.lo, nominal: 10 - o.common.nominal },
    })),
  };
}

Deno.test("claims belong to their article: cases from another article change no verdict", () => {
  const other = "synthetic-other-article";
  const src = [...series.sources.values()][0];
  const grown: CaseSeries = {
    study: series.study,
    articles: series.articles,
    readings: series.readings,
    sources: new Map([...series.sources, [other, { ...src, id: other, citation: "synthetic" }]]),
    cases: [
      ...series.cases,
      synthetic(byId("2"), "other-S1", other),
      { ...synthetic(byId("3"), "other-S2", other), observations: [] },
    ],
  };
  const after = claimsLedger(grown);
  assert.deepEqual(verdicts(after), verdicts(ledger));
  assert.deepEqual(after.map((c) => c.evidence), ledger.map((c) => c.evidence));
  assert.ok(after.every((c) => !c.cases.includes("other-S1") && !c.cases.includes("other-S2")));
});

Deno.test("nagoshi-2012: a claim whose case is missing cannot be assessed; evidence numbers are computed", () => {
  const without: CaseSeries = {
    ...series,
    cases: series.cases.filter((c) => c.id !== "2"),
  };
  const l = claimsLedger(without);
  const c2 = l.find((c) => c.id === "case2-within-6-days")!;
  assert.equal(c2.verdict, "cannot be assessed");
  assert.match(c2.evidence, /not in the data/);
  // Change case 2's values: the evidence follows them (no typed number).
  const changed: CaseSeries = {
    ...series,
    cases: series.cases.map((c) =>
      c.id === "2"
        ? {
          ...c,
          observations: c.observations.map((o) => ({
            ...o,
            common: { lo: o.common.lo / 2, hi: o.common.hi / 2, nominal: o.common.nominal / 2 },
          })),
        }
        : c
    ),
  };
  const e = claimsLedger(changed).find((c) => c.id === "case2-within-6-days")!.evidence;
  assert.match(e, /VAS 4 → 0\.5/);
});

Deno.test("visual analysis: level, trend, variability, immediacy, overlap with their numbers", () => {
  const f1 = Object.fromEntries(visualAnalysis(byId("1")).map((f) => [f.feature, f]));
  // Two values a phase, fewer than the study's minimum: no mean, the values as stated.
  assert.deepEqual([f1.level.baseline, f1.level.treatment], [null, null]);
  assert.match(f1.level.reading, /^VAS before milnacipran: 6\.6 → 3\.3 cm \(no mean from 2 values/);
  assert.deepEqual([f1.immediacy.baseline, f1.immediacy.treatment], [3.3, 2.3]);
  const f2 = Object.fromEntries(visualAnalysis(byId("2")).map((f) => [f.feature, f]));
  assert.equal(f2.trend.baseline, null);
  assert.match(f2.variability.reading, /Range before: not defined \(fewer than two values\)/);
  // Phases shorter than the study's minimum: the overlap in words, no PND or NAP as a number.
  assert.match(
    f2.overlap.reading,
    /^2 of 2 values after are below every value before .*not reported/,
  );
});

Deno.test("rules are code chosen by name: every rule has its parameters' schema and a README entry", async () => {
  const readme = await Deno.readTextFile(new URL("../../data/README.md", import.meta.url));
  for (const [name, spec] of Object.entries(RULES)) {
    assert.ok(readme.includes(`\`${name}\``), `rule ${name} is not documented in data/README.md`);
    for (const param of Object.keys(spec.params.shape)) {
      assert.ok(readme.includes(`\`${param}\``), `parameter ${param} of ${name} not documented`);
    }
  }
  // Every threshold on the pain scale is named where data/README.md says in which unit it is read.
  const unitRule = readme.slice(readme.indexOf("**Thresholds on the pain scale**"));
  assert.ok(unitRule.length < readme.length, "the unit rule of thresholds is not documented");
  for (const spec of Object.values(RULES) as { scaleParams?: readonly string[] }[]) {
    for (const param of spec.scaleParams ?? []) {
      assert.ok(unitRule.slice(0, 400).includes(`\`${param}\``), `${param}: unit not documented`);
    }
  }
  // Every claim of the data names a rule and parameters the registry accepts.
  for (const c of recordedClaims(series)) {
    assert.ok(isRuleName(c.judge.kind));
    assert.ok(!("problems" in parseRule(c.judge.kind, c.judge.params)), c.id);
  }
});

Deno.test("each claim is judged about its own drug (its data), never the study's", async () => {
  const rules = [...Deno.readDirSync(new URL("../../lib/claims/rules/", import.meta.url))]
    .map((e) => `claims/rules/${e.name}`);
  assert.ok(rules.length > 0);
  for (const file of ["claims/mod.ts", ...rules, "claims/params.ts", "appraisal/mod.ts"]) {
    const src = await Deno.readTextFile(new URL(`../../lib/${file}`, import.meta.url));
    assert.doesNotMatch(src, /\bSTUDY\b|study\.ts/, `lib/${file} reads the study's question`);
  }
  // The same claim about another drug is judged about that drug.
  const claim = recordedClaims(series).find((c) => c.drug !== null && RULES[c.judge.kind].drug)!;
  const other = series.cases.find((c) => c.sourceId === claim.sourceId)!.treatments
    .find((t) => t.drug !== claim.drug)!.drug;
  const [moved] = claimsLedger(series, [{ ...claim, drug: other }]);
  const [asIs] = claimsLedger(series, [claim]);
  assert.notEqual(moved.evidence, asIs.evidence);
  assert.ok(moved.evidence.includes(other), moved.evidence);
  assert.ok(!moved.evidence.includes(claim.drug!), moved.evidence);
});

Deno.test("the fixture article's claims, recorded as data, load and are judged on its own cases", async () => {
  const dir = await dataWithFixture();
  try {
    const grown = await loadCaseSeries(dir);
    const ids = new Set(grown.cases.filter((c) => c.sourceId === FIXTURE).map((c) => c.id));
    const own = claimsLedger(grown).filter((c) => c.sourceId === FIXTURE);
    const recorded = (await Deno.readTextFile(`${dir}/articles/${FIXTURE}/claims.csv`)).trim()
      .split("\n").length - 1;
    assert.equal(own.length, recorded);
    for (const c of own) {
      assert.ok(VERDICTS.includes(c.verdict));
      assert.ok(c.cases.every((id) => ids.has(id)), c.id);
      assert.doesNotMatch(c.evidence, /undefined|NaN/);
    }
    // A claim about a drug other than the study's is judged about that drug.
    const pregabalin = own.find((c) => c.id === "s3-pregabalin-4-weeks")!;
    assert.equal(pregabalin.verdict, "supported");
    assert.match(pregabalin.evidence, /of pregabalin\.$/);
    // Displayed: the ledger's rows name the article; the real article's rows do not move.
    const rows = claimRows(grown).filter((r) => String(r.where).endsWith(`(${FIXTURE})`));
    assert.equal(rows.length, own.length);
    // Each row names its claim_id in the article's claims.csv, in the columns the header lists.
    assert.deepEqual(rows.map((r) => r.id), own.map((c) => c.id));
    for (const r of rows) assert.deepEqual(Object.keys(r), [...CLAIM_COLUMNS]);
    // Against the data the fixture was appended to (the repository's, whatever TEST_DATA_DIR is).
    const real = (s: CaseSeries) => claimsLedger(s).filter((c) => c.sourceId !== FIXTURE);
    assert.deepEqual(real(grown), real(await loadCaseSeries(DEFAULT_DATA_DIR)));
    assert.ok(!articlesWithoutClaims(grown).includes(FIXTURE));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("an article with no claims file: no claims recorded, said as such", async () => {
  const dir = await dataWithFixture();
  try {
    await Deno.remove(`${dir}/articles/${FIXTURE}/claims.csv`);
    const grown = await loadCaseSeries(dir);
    assert.equal(grown.articles?.records.get(FIXTURE)?.claims, null);
    assert.ok(articlesWithoutClaims(grown).includes(FIXTURE));
    assert.ok(claimsLedger(grown).every((c) => c.sourceId !== FIXTURE));
    // A ledger with no claims at all still has its header.
    assert.equal(csvTable([], CLAIM_COLUMNS), CLAIM_COLUMNS.join(",") + "\n");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("every rule name is judged by exactly one family of lib/claims/rules/", () => {
  const names = [VALUE_RULES, ORDER_RULES, COURSE_RULES, ATTRIBUTION_RULES].flatMap(Object.keys);
  assert.deepEqual(names.toSorted(), Object.keys(RULES).toSorted());
});

Deno.test("a value reported as a range counts at the bound least favourable to the claim, never at its midpoint", () => {
  // Any case with a value before and after the study's drug, the baseline above 0.
  const c = series.cases.find((x) => {
    const ch = caseChange(x, { drug: x.study.drug, baseline: "last" });
    return ch.points.length > 0 && (ch.baseline.common?.lo ?? 0) > 0;
  })!;
  assert.ok(c, "no case with a value on each side of the drug");
  const drug = c.study.drug;
  const b = caseChange(c, { drug, baseline: "last" }).baseline.common!;
  // A range whose midpoint is a 60% reduction from the baseline and its upper end only 40%.
  const ranged = (which: "first" | "last"): Case => {
    const ids = caseChange(c, { drug, baseline: "last" }).points.map((p) => p.timeId);
    const id = which === "first" ? ids[0] : ids.at(-1)!;
    const vas = { lo: 0.2 * b.lo, nominal: 0.4 * b.lo, hi: 0.6 * b.lo };
    return {
      ...c,
      observations: c.observations.map((o) => o.day.timeId === id ? { ...o, common: vas } : o),
    };
  };
  const rules = [
    ["first", { kind: "first-value-reduction", params: { min_percent: 50, within_days: 1e9 } }],
    ["last", { kind: "last-value-reduction", params: { min_percent: 50 } }],
    ["first", {
      kind: "rapid-and-near-total",
      params: { min_percent: 50, within_days: 1e9, near_total_at_most: 1e9, unit: "cm" },
    }],
  ] as const;
  for (const [which, rule] of rules) {
    const j = judge(rule, drug, [ranged(which)]);
    assert.equal(j.verdict, "not supported", `${rule.kind}: ${j.evidence}`);
    assert.match(j.evidence, /40% reduction at the least favourable bounds, 60% at the midpoints/);
  }
});

Deno.test("lower after a dose increase: judged at every value a range allows, not at its midpoint", () => {
  const rule = { kind: "lower-after-dose-increase", params: {} } as const;
  // Any case and drug of the data where the rule finds a value on each side of an increase and
  // reads the later values as lower.
  const found = series.cases.flatMap((c) =>
    [...new Set(c.treatments.map((t) => t.drug))].map((drug) => ({ c, drug }))
  ).find(({ c, drug }) =>
    ["supported", "partly supported"].includes(judge(rule, drug, [c]).verdict)
  );
  assert.ok(found, "no dose increase followed by lower values in the data");
  const { c, drug } = found;
  // Every value widened up to above the highest value, its midpoint unchanged.
  const top = Math.max(...c.observations.map((o) => o.common.hi)) + 1;
  const widened: Case = {
    ...c,
    observations: c.observations.map((o) => ({ ...o, common: { ...o.common, hi: top } })),
  };
  assert.equal(judge(rule, drug, [widened]).verdict, "not supported");
});

Deno.test("evidence names each case's scale and its numbers: 'NRS' for an NRS case, 'VAS … mm' for a 100 mm VAS, the common metric said for mixed scales", () => {
  const c = series.cases.find((x) =>
    caseChange(x, { drug: x.study.drug, baseline: "last" }).points.length > 0
  )!;
  assert.ok(c, "no case with a value on each side of the drug");
  const on = (scale: string): Case => ({
    ...c,
    observations: c.observations.map((o) => ({ ...o, scale: SCALES[scale] })),
  });
  const rule = { kind: "last-value-reduction", params: { min_percent: 50 } } as const;
  const nrs = judge(rule, c.study.drug, [on("nrs-0-10")]).evidence;
  assert.match(nrs, new RegExp(`case ${c.id}: NRS \\d`));
  assert.doesNotMatch(nrs, /VAS/);
  // A case only on a 100 mm VAS: in mm, as its figure's axis and its tables (values × 10).
  const mm = judge(rule, c.study.drug, [on("vas-100mm")]).evidence;
  const ch = caseChange(c, { drug: c.study.drug, baseline: "last" });
  const tenfold = (x: number) => formatNumber(Number((10 * x).toPrecision(12)));
  const [from, to] = [ch.baseline.common!, ch.points.at(-1)!.common].map((x) =>
    x.lo === x.hi ? tenfold(x.lo) : `[${tenfold(x.lo)}, ${tenfold(x.hi)}]`
  );
  assert.ok(mm.includes(`case ${c.id}: VAS ${from} → ${to} mm`), mm);
  // Mixed scales: on the common metric, and said so.
  const mixed: Case = {
    ...c,
    observations: c.observations.map((o, i) => ({
      ...o,
      scale: SCALES[i === 0 ? "nrs-0-10" : "vas-10cm"],
    })),
  };
  const both = judge(rule, c.study.drug, [mixed]).evidence;
  assert.match(both, new RegExp(`case ${c.id}: pain [^;]* on the common 0–10 metric`));
});

Deno.test("the words of no pain are one list: the value rule no-pain reads them as 0, claims as absolute relief", () => {
  assert.ok(NO_PAIN_WORDS.length > 0);
  for (const w of NO_PAIN_WORDS) {
    assert.ok(WORDS_TO_NUMBER["no-pain"].words.includes(w), w);
    const quote = `at the last visit she was ${w}`;
    assert.equal(wordsRuleProblem("no-pain", quote, 0, "value_nominal"), null, w);
    assert.deepEqual(reliefWords(quote).map((x) => x.kind), ["absolute"], w);
    // After a qualifier, the same word is qualified: judged in the no-pain band, not at 0.
    assert.deepEqual(reliefWords(`she was almost ${w}`).map((x) => x.kind), ["qualified"], w);
  }
  // So a claim of "almost pain-free" on a 100 mm VAS is held to the band in mm (4), not 0.4.
  const rule = (at: number) => ({
    kind: "last-value" as const,
    params: {
      supported_at_most: at,
      partly_at_most: null,
      within_days: null,
      long_term_days: null,
      unit: "mm",
    },
  });
  const quote = "At the end of follow-up she was almost pain-free";
  assert.deepEqual(reliefProblems(quote, rule(4), [SCALES["vas-100mm"]]), []);
  assert.match(
    reliefProblems(quote, rule(0.4), [SCALES["vas-100mm"]])[0],
    /"almost pain-free" is judged supported at ≤ 4 mm/,
  );
});

Deno.test("every rule with a threshold on a value takes its unit: a scale threshold the scale's, the SDS its raw score", () => {
  // A numeric parameter is a percentage or a number of days by its name, else a value's threshold.
  const dimensionless = /_(?:percent|days)$/;
  for (const [name, spec] of Object.entries(RULES)) {
    const shape = spec.params.shape as Record<string, { safeParse: (v: unknown) => unknown }>;
    const thresholds = Object.keys(shape).filter((k) =>
      !dimensionless.test(k) &&
      (shape[k].safeParse(1) as { success: boolean }).success
    );
    if (thresholds.length === 0) continue;
    assert.ok("unit" in shape, `${name}: ${thresholds.join(", ")} without a unit parameter`);
  }
  for (
    const spec of Object.values(RULES) as { scaleParams?: readonly string[]; params: object }[]
  ) {
    if ((spec.scaleParams ?? []).length === 0) continue;
    assert.ok("unit" in (spec.params as { shape: object }).shape);
  }
  // The SDS's is its raw score; a cut-off on the index is refused, naming the conversion.
  assert.ok("rule" in parseRule("no-depression", { sds_below: 40, unit: "raw score" }));
  const index = parseRule("no-depression", { sds_below: 50, unit: "index" });
  assert.ok("problems" in index);
  assert.match(index.problems[0], /^params\.unit: must be "raw score".*index 50 = raw score 40/);
  const left = parseRule("no-depression", { sds_below: 40 });
  assert.ok("problems" in left);
  assert.match(left.problems[0], /^params\.unit: missing: the rule no-depression needs it/);
  const lastValue = parseRule("last-value", {
    supported_at_most: 0.4,
    partly_at_most: null,
    within_days: null,
    long_term_days: null,
  });
  assert.ok("problems" in lastValue);
  assert.match(lastValue.problems[0], /^params\.unit: missing: the rule last-value needs it/);
});

Deno.test("a rule's parameter left out or misspelt is named plainly, with the parameters the rule takes", () => {
  const r = parseRule("last-value-reduction", { min_percnt: 50 });
  assert.ok("problems" in r);
  assert.deepEqual(r.problems, [
    "params.min_percent: missing: the rule last-value-reduction needs it (number; it takes " +
    "min_percent)",
    'params: min_percnt Unrecognized key: "min_percnt" (this rule takes min_percent)',
  ]);
  // A parameter that may be null is still needed, and the message says null is an answer.
  const v = parseRule("last-value", { supported_at_most: 0, partly_at_most: 0.4, within_days: 28 });
  assert.ok("problems" in v);
  assert.match(v.problems[0], /^params\.long_term_days: missing: .* \(number or null; it takes /);
});
