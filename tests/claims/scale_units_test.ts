/**
 * Claims on a small synthetic article, written here in a temporary data folder, rated on a scale
 * the test chooses: thresholds are read in the own unit of the cases' scale (a 100 mm VAS, an
 * NRS), a claim's `unit` that is not that unit is rejected by the loader (so by `deno task
 * validate`) at file:row:column, the words for relief are judged in that unit and "almost
 * complete" is qualified, and a partial response to a drug counts only the values taken before
 * another drug for the same purpose was added.
 */
import assert from "node:assert/strict";
import {
  type ClaimData,
  claimsLedger,
  DEFAULT_DATA_DIR,
  loadCaseSeries,
  recordedClaims,
} from "../../lib/mod.ts";
import { loadProblems } from "../helpers/data_dir.ts";

const SOURCE = "tiny-synthetic";
const CLAIMS = `articles/${SOURCE}/claims.csv`;

/** A claim's `rule_text` that states every number of its params and its unit, as the loader requires. */
const ruleText = (params: object) =>
  `as the test says (${
    Object.values(params).filter((v) => typeof v === "number").join(", ") || "no numbers"
  }${"unit" in params ? ` ${params.unit}` : ""})`;

/** How the tiny article rates pain: the scale, how a value is written, and its four values. */
interface Rating {
  scale: string;
  words: (v: number) => string;
  values: readonly [number, number, number, number];
}

const MM: Rating = { scale: "vas-100mm", words: (v) => `${v} mm`, values: [70, 60, 30, 10] };
const NRS: Rating = { scale: "nrs-0-10", words: (v) => `NRS ${v}`, values: [7, 6, 3, 1] };

/** A claim row: its id, quote, drug, rule and parameters. */
type Claim = [id: string, quote: string, drug: string, rule: string, params: object];

const csvCell = (s: string) => /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
const csv = (rows: readonly (readonly string[])[]) =>
  rows.map((r) => r.map(csvCell).join(",")).join("\n") + "\n";

/**
 * Writes a one-case article: pain rated before pregabalin, on pregabalin, and twice after
 * milnacipran was added to it for the same pain (pregabalin continuing), with `claims`.
 */
async function tinyArticle(r: Rating, claims: readonly Claim[]): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "case-data-" });
  const w = r.values.map(r.words);
  const sentences = [
    `Phantom leg pain appeared 2 days after surgery, rated ${w[0]}.`,
    "Pregabalin 150 mg/day was started 1 week after surgery.",
    `Two weeks after pregabalin was started the pain was rated ${w[1]}.`,
    "Milnacipran 50 mg/day was added 4 weeks after surgery.",
    // Each names pregabalin: the text ties its open period to these values (data/README.md).
    `One week after milnacipran was added to pregabalin the pain was rated ${w[2]}.`,
    `Three weeks after milnacipran was added to pregabalin the pain was rated ${w[3]}.`,
  ];
  const text =
    "[Source: SYNTHETIC article written by a test; not a publication. Licence: CC0.]\n\n" +
    "Case T1\nA 50-year-old male underwent amputation of the right leg above the knee for " +
    `trauma. ${sentences.join(" ")}\n\nDiscussion\n${claims.map((c) => `${c[1]}.`).join(" ")}\n`;
  const files: Record<string, string> = {
    "sources.csv": csv([
      ["source_id", "citation", "doi", "pmid", "licence", "text_path"],
      [SOURCE, "SYNTHETIC: written by a test.", "", "", "CC0 (synthetic)", `sources/${SOURCE}.txt`],
    ]),
    [`sources/${SOURCE}.txt`]: text,
    "cases.csv": csv([
      "case_id,source_id,age,sex,limb,side,level,cause,sds,diagnosis_age,day0,demographics_quote,cause_quote,amputation_quote,sds_quote,diagnosis_quote"
        .split(","),
      ["T1", SOURCE, "50", "male", "lower", "right", "above the knee", "traumatic (trauma)", "", ""]
        .concat(["the day of surgery", "A 50-year-old male", "above the knee for trauma"])
        .concat(["underwent amputation of the right leg above the knee", "", ""]),
    ]),
    "events.csv": csv([
      ["case_id", "kind", "time", "description", "quote"],
      ["T1", "amputation", "surgery", "amputation", "underwent amputation of the right leg"],
    ]),
    "timepoints.csv": csv([
      "case_id,time_id,rule,anchor,bound,amount,unit,day_lo,day_nominal,day_hi,words,quote".split(
        ",",
      ),
      ["T1", "surgery", "origin", "", "", "", "", "0", "0", "0", "the amputation"].concat([
        "underwent amputation of the right leg",
      ]),
      ...([
        ["onset", "surgery", 2, "day", sentences[0]],
        ["preg_start", "surgery", 1, "week", sentences[1]],
        ["preg_2wk", "preg_start", 2, "week", sentences[2]],
        ["mil_start", "surgery", 4, "week", sentences[3]],
        ["mil_1wk", "mil_start", 1, "week", sentences[4]],
        ["mil_3wk", "mil_start", 3, "week", sentences[5]],
      ] as const).map(([id, anchor, n, unit, quote]) => {
        const day = { surgery: 0, preg_start: 7, mil_start: 28 }[anchor] +
          n * (unit === "week" ? 7 : 1);
        return ["T1", id, "exact", anchor, "", `${n}`, unit, `${day}`, `${day}`, `${day}`]
          .concat([quote.slice(0, 20), quote.replace(/\.$/, "")]);
      }),
    ]),
    "treatments.csv": csv([
      "case_id,drug,drug_class,dose_mg_per_day,dose_hi_mg_per_day,dose_words,route,frequency,start,end,purpose,outcome,quote"
        .split(","),
      [
        "T1",
        "pregabalin",
        "gabapentinoid",
        "150",
        "",
        "",
        "",
        "",
        "preg_start",
        "",
        "phantom limb pain",
      ]
        .concat(["", "Pregabalin 150 mg/day was started"]),
      ["T1", "milnacipran", "SNRI", "50", "", "", "", "", "mil_start", "", "phantom limb pain"]
        .concat(["", "Milnacipran 50 mg/day was added"]),
    ]),
    "observations.csv": csv([
      "case_id,time,scale,value_lo,value_nominal,value_hi,value_rule,value_words,note,period_start,period_end,quote"
        .split(","),
      ...["onset", "preg_2wk", "mil_1wk", "mil_3wk"].map((t, i) =>
        ["T1", t, r.scale, ...Array(3).fill(`${r.values[i]}`), "exact", w[i], "", "", ""]
          .concat([`rated ${w[i]}`])
      ),
    ]),
    [CLAIMS]: csv([
      ["claim_id", "cases", "where", "quote", "drug", "rule", "params", "rule_text"],
      ...claims.map((
        [id, quote, drug, rule, params],
      ) => [id, "T1", "Discussion", quote, drug, rule, JSON.stringify(params), ruleText(params)]),
    ]),
  };
  await Deno.mkdir(`${dir}/sources`);
  await Deno.mkdir(`${dir}/articles/${SOURCE}`, { recursive: true });
  await Deno.copyFile(`${DEFAULT_DATA_DIR}study.json`, `${dir}/study.json`);
  for (const [file, content] of Object.entries(files)) {
    await Deno.writeTextFile(`${dir}/${file}`, content);
  }
  return dir;
}

/** The ledger of the tiny article (it must load). */
async function ledgerOf(r: Rating, claims: readonly Claim[]) {
  const dir = await tinyArticle(r, claims);
  try {
    return claimsLedger(await loadCaseSeries(dir));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** A `value-at-most` claim on the last value, with its quote. */
const atMost = (quote: string, at_most: number, unit: string): Claim => [
  "low",
  quote,
  "milnacipran",
  "value-at-most",
  { time_id: "mil_3wk", at_most, unit },
];
const almostNoPain = (threshold: number, unit: string) =>
  atMost("By the third week on milnacipran he had almost no pain", threshold, unit);

Deno.test("a threshold on a 100 mm VAS is read in mm: 10 mm is not at most 4 mm", async () => {
  // A claim without a word for relief, so that only the threshold decides.
  const fallen = "By the third week on milnacipran the pain had fallen";
  const [low] = await ledgerOf(MM, [atMost(fallen, 4, "mm")]);
  assert.equal(low.verdict, "not supported", low.evidence);
  assert.match(low.evidence, /VAS 10 mm .* threshold of 4 mm/);
  // A threshold at the value, in the same unit, holds.
  const [high] = await ledgerOf(MM, [atMost(fallen, 10, "mm")]);
  assert.equal(high.verdict, "supported", high.evidence);
});

Deno.test("a claim's unit that is not its cases' scale's is rejected at file:row:column", async () => {
  // cm on a 100 mm VAS, and cm (copied from a VAS article) on an NRS.
  for (const [r, unit, theirs] of [[MM, "cm", "mm"], [NRS, "cm", "points"]] as const) {
    const found = await loadProblems(await tinyArticle(r, [almostNoPain(0.4, unit)]));
    assert.deepEqual(found.length, 1, found.join("\n"));
    assert.match(
      found[0],
      new RegExp(
        `^${CLAIMS}:2:params: rule value-at-most: params\\.unit: '${unit}' is not the unit of ` +
          `its cases' values, on ${r.scale} \\(${theirs}\\)`,
      ),
    );
  }
  // In the scale's own unit, the same claims pass.
  assert.deepEqual(await loadProblems(await tinyArticle(NRS, [almostNoPain(0.4, "points")])), []);
  // A ledger given such a claim without the loader (an edited claim) says it cannot be assessed.
  const dir = await tinyArticle(NRS, [almostNoPain(0.4, "points")]);
  try {
    const series = await loadCaseSeries(dir);
    const [claim] = recordedClaims(series);
    const judge = { kind: "value-at-most", params: { ...claim.judge.params, unit: "cm" } };
    const [edited] = claimsLedger(series, [{ ...claim, judge } as ClaimData]);
    assert.equal(edited.verdict, "cannot be assessed", edited.evidence);
    assert.match(edited.evidence, /'cm' is not the unit of its cases' values, on nrs-0-10/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("last-value states its unit too: a threshold meant in cm on a 100 mm VAS is rejected, not judged", async () => {
  const lastValue = (at: number, unit?: string): Claim => [
    "last",
    "By the third week on milnacipran the pain had fallen",
    "milnacipran",
    "last-value",
    {
      supported_at_most: at,
      partly_at_most: null,
      within_days: null,
      long_term_days: null,
      ...(unit === undefined ? {} : { unit }),
    },
  ];
  const cm = await loadProblems(await tinyArticle(MM, [lastValue(0.4, "cm")]));
  assert.deepEqual(cm.length, 1, cm.join("\n"));
  assert.match(
    cm[0],
    new RegExp(
      `^${CLAIMS}:2:params: rule last-value: params\\.unit: 'cm' is not the unit of its ` +
        "cases' values, on vas-100mm \\(mm\\)",
    ),
  );
  // Without a unit the number could be read in any: the parameter is required.
  const none = await loadProblems(await tinyArticle(MM, [lastValue(0.4)]));
  assert.deepEqual(none.length, 1, none.join("\n"));
  assert.match(
    none[0],
    /params: rule last-value: params\.unit: missing: .*\(its cases' values are in 'mm'\)$/,
  );
  // In the scale's own unit it is judged: the last value, 10 mm, is above 4 mm, at most 10 mm.
  const [above] = await ledgerOf(MM, [lastValue(4, "mm")]);
  assert.equal(above.verdict, "not supported", above.evidence);
  const [at] = await ledgerOf(MM, [lastValue(10, "mm")]);
  assert.equal(at.verdict, "supported", at.evidence);
});

Deno.test("words for relief are judged in the scale's own unit: the no-pain band is 4 mm on a 100 mm VAS", async () => {
  assert.deepEqual(await loadProblems(await tinyArticle(MM, [almostNoPain(4, "mm")])), []);
  const found = await loadProblems(await tinyArticle(MM, [almostNoPain(0.4, "mm")]));
  assert.equal(found.length, 1, found.join("\n"));
  assert.match(found[0], /"almost no pain" is judged supported at ≤ 4 mm, never partly/);
});

Deno.test('"almost complete" is a qualified word: supported in the no-pain band, not only at 0', async () => {
  const rapid = (nearTotal: number): Claim => [
    "rapid",
    "Milnacipran produced rapid and almost complete relief",
    "milnacipran",
    "rapid-and-near-total",
    { min_percent: 50, within_days: 14, near_total_at_most: nearTotal, unit: "points" },
  ];
  assert.deepEqual(await loadProblems(await tinyArticle(NRS, [rapid(0.4)])), []);
  const found = await loadProblems(await tinyArticle(NRS, [rapid(0)]));
  assert.equal(found.length, 1, found.join("\n"));
  assert.match(found[0], /"almost complete" is judged supported at ≤ 0\.4 points, never partly/);
});

Deno.test("a partial response to a drug counts no value taken after another drug for the same pain was added", async () => {
  const [partial] = await ledgerOf(NRS, [[
    "partial",
    "Pregabalin was partially effective",
    "pregabalin",
    "partial-response-to-prior-drug",
    { remaining_above: 0.5, unit: "points" },
  ]]);
  // On pregabalin alone: one value (6), so no fall of its own; 3 and 1 came with milnacipran.
  assert.equal(partial.verdict, "not supported", partial.evidence);
  assert.match(
    partial.evidence,
    /2 values while milnacipran may also have been given for phantom limb pain \(NRS 3 and NRS 1\) not counted as pregabalin's response/,
  );
  assert.match(partial.evidence, /NRS 6 on pregabalin 150 mg\/day → 6 on pregabalin/);
});
