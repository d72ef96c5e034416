import assert from "node:assert/strict";
import {
  DEFAULT_DATA_DIR,
  loadCaseSeries,
  normalizeSourceText,
  type Treatment,
} from "../lib/mod.ts";
import { articleCases, TEST_DATA_DIR } from "./helpers/data_dir.ts";

const series = await loadCaseSeries(TEST_DATA_DIR);
/** The first article's cases: what the tests below state of the real data is about them. */
const nagoshi = articleCases(series);
const byId = (id: string) => series.cases.find((c) => c.id === id)!;

Deno.test("the real cases come from Nagoshi et al. 2012, whose record and text are in data/", async () => {
  for (const id of ["1", "2", "3"]) assert.equal(byId(id).sourceId, "nagoshi-2012");
  const source = series.sources.get("nagoshi-2012")!;
  assert.equal(source.doi, "10.2147/NDT.S37431");
  assert.equal(source.pmid, "23185119");
  assert.match(source.citation, /^Nagoshi Y.*Usefulness of milnacipran/);
  const text = await Deno.readTextFile(`${DEFAULT_DATA_DIR}${source.textPath}`);
  assert.match(text, /^\[Source: Nagoshi Y.*doi:10.2147\/NDT.S37431.*licence/);
});

Deno.test("demographics are those the text states", () => {
  assert.deepEqual(nagoshi.map((c) => [c.age, c.sex, c.sds, c.limb, c.side]), [
    [27, "male", 38, "lower", "right"],
    [28, "male", 30, "lower", "right"],
    [67, "male", null, "upper", "left"],
  ]);
});

Deno.test("case 2: first VAS is 8.0 and milnacipran is 25 mg/day", () => {
  const c = byId("2");
  assert.deepEqual(c.observations[0].common, { lo: 8, hi: 8, nominal: 8 });
  const mil = c.treatments.filter((t) => t.drug === "milnacipran");
  assert.deepEqual(mil.map((t) => t.dose?.lo), [25]);
  assert.deepEqual(mil[0].start.hi, Infinity, "no date is stated for the start of milnacipran");
});

Deno.test("case 1: paroxetine 10-20-30-40, a stepwise switch at doses not stated, milnacipran 100 and 75", () => {
  const c = byId("1");
  const dose = (t: Treatment) => `${t.drug} ${t.dose === null ? "not stated" : t.dose.lo}`;
  assert.deepEqual(
    c.treatments.filter((t) => t.purpose === "phantom limb pain").map(dose),
    [
      "diclofenac 75",
      "paroxetine 10",
      "paroxetine 20",
      "paroxetine 30",
      "paroxetine 40",
      "milnacipran not stated",
      "paroxetine not stated",
      "milnacipran 100",
      "milnacipran 75",
    ],
  );
  const p10 = c.treatments.find((t) => t.drug === "paroxetine" && t.dose?.lo === 10)!;
  assert.deepEqual([p10.start.lo, p10.start.hi, p10.end?.nominal], [6, 6, 16]);
  // "replaced, in a stepwise manner, by milnacipran 100 mg/day": 40 mg/day up to the milnacipran
  // start; during the switch neither dose is stated; 100 mg/day is the switch's target.
  const p40 = c.treatments.find((t) => t.drug === "paroxetine" && t.dose?.lo === 40)!;
  assert.equal(p40.end?.timeId, "milnacipran_start");
  const during = c.treatments.filter((t) => t.dose === null);
  assert.deepEqual(during.map((t) => [t.drug, t.start.timeId, t.end?.timeId]), [
    ["milnacipran", "milnacipran_start", "paroxetine_end"],
    ["paroxetine", "milnacipran_start", "paroxetine_end"],
  ]);
  const m = c.treatments.find((t) => t.drug === "milnacipran" && t.dose?.lo === 100)!;
  assert.equal(m.start.timeId, "paroxetine_end");
  assert.deepEqual([m.start.lo, m.start.hi], [81, Infinity]);
});

Deno.test("case 1: 'about 7 weeks after treatment initiation' is 6 + 49 ± 3.5 days", () => {
  const o = byId("1").observations[0];
  assert.deepEqual(o.common.nominal, 6.6);
  assert.deepEqual([o.day.lo, o.day.nominal, o.day.hi], [51.5, 55, 58.5]);
});

Deno.test("case 3: 'VAS 0–1.0' is the interval [0, 1] with nominal 0.5", () => {
  const last = byId("3").observations.at(-1)!;
  assert.deepEqual(last.common, { lo: 0, hi: 1, nominal: 0.5 });
  assert.deepEqual(last.words, "pain VAS 0–1.0");
});

Deno.test("twelve VAS values are stated, four in case 1, three in case 2, five in case 3", () => {
  assert.deepEqual(nagoshi.map((c) => c.observations.length), [4, 3, 5]);
  assert.deepEqual(
    nagoshi.flatMap((c) => c.observations.map((o) => o.common.nominal)),
    [6.6, 3.3, 2.3, 0.6, 8, 1, 0.1, 4, 2, 0, 2, 0.5],
  );
});

Deno.test("every quote occurs in its source text (whitespace and hyphenation normalised)", async () => {
  // Every case's quotes are in its own article's text; the first article's are counted.
  let checked = 0;
  for (const c of series.cases) {
    const source = normalizeSourceText(
      await Deno.readTextFile(`${TEST_DATA_DIR}${series.sources.get(c.sourceId)!.textPath}`),
    );
    const rows = [...c.treatments, ...c.observations, ...c.events, ...c.timepoints];
    for (const r of rows) {
      assert.ok(
        source.includes(normalizeSourceText(r.quote)),
        `case ${c.id}: not in source: ${r.quote}`,
      );
      if (c.sourceId === "nagoshi-2012") checked++;
    }
  }
  const source = normalizeSourceText(
    await Deno.readTextFile(`${DEFAULT_DATA_DIR}sources/nagoshi-2012.txt`),
  );
  const cases = await Deno.readTextFile(new URL("../data/cases.csv", import.meta.url));
  for (const quote of ["The patient, a 27-year-old male", "score 30 points on SDS"]) {
    assert.ok(cases.includes(quote) && source.includes(quote));
  }
  assert.deepEqual(checked, 82);
});

Deno.test("the normaliser joins hyphenated line breaks and folds white space", () => {
  assert.deepEqual(normalizeSourceText("par-\n\noxetine  30 \n mg"), "paroxetine 30 mg");
});

Deno.test("data/README.md states every interval rule exactly as lib/intervals.ts does", async () => {
  const { TIME_RULES, VALUE_RULES } = await import("../lib/intervals.ts");
  const readme = normalizeSourceText(
    await Deno.readTextFile(new URL("../data/README.md", import.meta.url)),
  );
  for (const [name, text] of [...Object.entries(TIME_RULES), ...Object.entries(VALUE_RULES)]) {
    assert.ok(readme.includes(`- \`${name}\`: ${text}`), `rule ${name} differs in data/README.md`);
  }
});

Deno.test("data/README.md lists the recommended terms of each open vocabulary as lib/vocabulary.ts does", async () => {
  const { RECOMMENDED_TERMS } = await import("../lib/vocabulary.ts");
  const readme = normalizeSourceText(
    await Deno.readTextFile(new URL("../data/README.md", import.meta.url)),
  );
  for (const [column, terms] of Object.entries(RECOMMENDED_TERMS)) {
    const m = readme.match(
      new RegExp(`- \`${column}\` \\([^)]*\\)[^—]*— recommended terms: ([^.]*)\\.`),
    );
    assert.ok(m, `no recommended terms for ${column} in data/README.md`);
    const listed = [...m[1].matchAll(/`([^`]+)`/g)].map((x) => x[1]);
    assert.deepEqual(listed, terms, column);
  }
});
