/**
 * Doses as the text states them (issue 24, item 3), on the synthetic second article
 * (tests/fixtures/second-article): a dose not stated is accepted and shown as "dose not stated",
 * never 0; a stated range, a route and a frequency are kept; a dose that is zero, negative or not
 * a number, and a range whose upper end is not above its lower end, are refused with a message
 * naming the file, row and column.
 */
import assert from "node:assert/strict";
import { parse } from "csv-parse/sync";
import {
  careTimelineRows,
  type DataIssue,
  DataValidationError,
  DOSE_RULES,
  doseKind,
  loadCaseSeries,
  normalizeSourceText,
  rateRows,
  treatmentRows,
  unknownRows,
} from "../lib/mod.ts";
import { caseTimelineFigure } from "../lib/plots/mod.ts";
import { svgText } from "../lib/plots/render.ts";
import { articleCases, copyTree, dataWithFixture, FIXTURE_ARTICLE } from "./helpers/data_dir.ts";

/** The real data with the synthetic second article (tests/fixtures/second-article) appended. */
const FIXTURE = await dataWithFixture();
addEventListener("unload", () => Deno.removeSync(FIXTURE, { recursive: true }));
const series = await loadCaseSeries(FIXTURE);

/** The fixture's treatment of `drug` in case `caseId` (looked up by id, not by position). */
function treatment(caseId: string, drug: string) {
  const t = series.cases.find((c) => c.id === caseId)?.treatments.find((x) => x.drug === drug);
  assert.ok(t, `fixture: no ${drug} in case ${caseId}`);
  return t;
}

/**
 * The fixture's first treatment whose text states no dose, and the first with a range: taken
 * from the fixture's own article (the real data may hold such treatments too), and only of a drug
 * given once in its case, so that looking it up by case and drug finds that treatment.
 */
const fixtureCases = articleCases(series, FIXTURE_ARTICLE);
const once = (c: (typeof fixtureCases)[number], drug: string) =>
  c.treatments.filter((t) => t.drug === drug).length === 1;
const unstated =
  fixtureCases.flatMap((c) =>
    c.treatments.filter((t) => t.dose === null && t.doseWords === null && once(c, t.drug))
      .map((t) => ({ c, t }))
  )[0];
const ranged =
  fixtureCases.flatMap((c) =>
    c.treatments.filter((t) => t.dose !== null && t.dose.lo < t.dose.hi && once(c, t.drug))
      .map((t) => ({ c, t }))
  )[0];

Deno.test("the fixture has a treatment with no dose and one with a range, route and frequency", () => {
  assert.ok(unstated, "a treatment with an empty dose");
  assert.ok(ranged, "a treatment with a dose range");
  const t = treatment(ranged.c.id, ranged.t.drug);
  assert.ok(t.route !== null && t.frequency !== null && t.doseWords !== null);
});

Deno.test("an empty dose is not stated: null in the model, never 0", () => {
  const t = treatment(unstated.c.id, unstated.t.drug);
  assert.equal(t.dose, null);
  assert.equal(t.route, "oral");
});

Deno.test("a dose not stated is shown as such in tables, prose and the figure", () => {
  const { c, t } = unstated;
  const row = treatmentRows(series).find((r) => r.case === c.id && r.drug === t.drug)!;
  // The mg/day column holds numbers: null here, the reason beside it.
  assert.equal(row["mg/day"], null);
  assert.equal(row["dose note"], "dose not stated");
  const care = careTimelineRows(c).map((r) => String(r.what));
  const start = care.find((w) => w.startsWith(`start ${t.drug}`))!;
  assert.match(start, /dose not stated/);
  assert.doesNotMatch(start, /\b0 mg/);
  assert.ok(
    unknownRows(series).some((r) =>
      r.case === c.id && String(r.unknown).startsWith(`dose of ${t.drug} not stated from `)
    ),
  );
  const svg = svgText(caseTimelineFigure(c, { alignOn: null }));
  assert.ok(svg.includes(">dose not stated</text>"), "figure label");
  const words = [...svg.matchAll(/>([^<>]+)<\/text>/g)].map((m) => m[1]).join(" ");
  assert.match(words, /a dose not stated at\s+half height/);
});

Deno.test("a stated range keeps both ends, its words, route and frequency", () => {
  const { c, t } = ranged;
  assert.ok(t.dose !== null && t.dose.lo < t.dose.hi);
  const label = `${t.dose.lo}–${t.dose.hi}`;
  assert.ok(t.doseWords!.includes(label), t.doseWords!);
  const row = treatmentRows(series).find((r) => r.case === c.id && r.drug === t.drug)!;
  // Both ends as numbers, as treatments.csv stores them.
  assert.equal(row["mg/day"], t.dose.lo);
  assert.equal(row["mg/day high"], t.dose.hi);
  assert.equal(row["dose note"], null);
  assert.equal(row.route, t.route);
  assert.equal(row.frequency, t.frequency);
  const start = careTimelineRows(c).map((r) => String(r.what)).find((w) =>
    w.startsWith(`start ${t.drug}`)
  )!;
  assert.equal(
    start,
    `start ${t.drug} ${label} mg/day, ${t.frequency}, ${t.route}, for ${t.purpose}`,
  );
  assert.ok(svgText(caseTimelineFigure(c, { alignOn: null })).includes(`>${label}</text>`));
});

Deno.test("each column of the dose periods and rates tables holds one type (or null)", () => {
  const tables = [treatmentRows(series), ...series.cases.map((c) => rateRows(c))];
  for (const rows of tables) {
    const columns = new Set(rows.flatMap((r) => Object.keys(r)));
    for (const col of columns) {
      const types = new Set(rows.map((r) => r[col]).filter((x) => x !== null).map((x) => typeof x));
      assert.ok(types.size <= 1, `${col}: ${[...types]}`);
    }
    // Every row has every column.
    assert.ok(rows.every((r) => Object.keys(r).length === columns.size));
  }
  // Doses in mg/day are numbers; a row without one says why.
  for (const r of [...treatmentRows(series), ...series.cases.flatMap((c) => rateRows(c))]) {
    if (r["mg/day"] === null) assert.equal(typeof r["dose note"], "string");
    else assert.equal(typeof r["mg/day"], "number");
  }
});

/**
 * Loads a copy of the fixture whose treatment of `drug` in `caseId` has `cells` changed (by
 * column name); returns the problems reported and the row edited.
 */
async function issuesWith(
  caseId: string,
  drug: string,
  cells: Record<string, string>,
): Promise<{ issues: DataIssue[]; row: number }> {
  const dir = await Deno.makeTempDir({ prefix: "doses-" });
  try {
    await copyTree(FIXTURE, dir);
    const path = `${dir}/treatments.csv`;
    const [header, ...rows] = parse(await Deno.readTextFile(path)) as string[][];
    const i = rows.findIndex((r) => r[0] === caseId && r[header.indexOf("drug")] === drug);
    assert.ok(i >= 0, `no ${drug} in case ${caseId}`);
    for (const [column, value] of Object.entries(cells)) rows[i][header.indexOf(column)] = value;
    const quoted = (v: string) => /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
    await Deno.writeTextFile(
      path,
      [header, ...rows].map((r) => r.map(quoted).join(",")).join("\n") + "\n",
    );
    try {
      await loadCaseSeries(dir);
    } catch (e) {
      if (!(e instanceof DataValidationError)) throw e;
      return { issues: e.issues, row: i + 2 };
    }
    throw new assert.AssertionError({ message: `${JSON.stringify(cells)} loaded without error` });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

for (const bad of ["0", "-75", "abc", "75 mg"]) {
  Deno.test(`a dose of '${bad}' is refused with a human message at its row and column`, async () => {
    const { c, t } = unstated;
    const { issues, row } = await issuesWith(c.id, t.drug, { dose_mg_per_day: bad });
    const hit = issues.find((i) =>
      i.file === "treatments.csv" && i.row === row && i.column === "dose_mg_per_day"
    );
    assert.ok(hit, JSON.stringify(issues));
    assert.equal(
      hit.message,
      `dose must be a positive number of mg/day, or empty when the text states none (got '${bad}')`,
    );
  });
}

Deno.test("a range typed in one dose cell is refused, saying where its two ends go", async () => {
  const { c, t } = unstated;
  for (const bad of ["25-50", "25–50 mg"]) {
    const { issues, row } = await issuesWith(c.id, t.drug, { dose_mg_per_day: bad });
    const hit = issues.find((i) => i.row === row && i.column === "dose_mg_per_day");
    assert.ok(hit, JSON.stringify(issues));
    assert.match(
      hit.message,
      /a range goes in two cells: its lower end 25 in dose_mg_per_day, its upper end 50 in dose_hi_mg_per_day$/,
    );
  }
});

Deno.test("a dose range whose upper end is not above its lower end is refused", async () => {
  const { c, t } = ranged;
  const lo = String(t.dose!.lo);
  const hi = String(t.dose!.hi);
  const edits: Record<string, string>[] = [
    { dose_mg_per_day: hi, dose_hi_mg_per_day: lo },
    { dose_hi_mg_per_day: lo },
  ];
  for (const cells of edits) {
    const { issues, row } = await issuesWith(c.id, t.drug, cells);
    // (The quote's range, typed in the wrong cells, is named too: stated_doses_test.ts.)
    const hit = issues.find((i) =>
      i.file === "treatments.csv" && i.row === row && i.column === "dose_hi_mg_per_day" &&
      /upper end of the dose range \(\d+\) must be above its lower end/.test(i.message)
    );
    assert.ok(hit, JSON.stringify(issues));
  }
});

Deno.test("an upper end without a lower end, and dose words not in the quote, are refused", async () => {
  const { c, t } = ranged;
  const a = await issuesWith(c.id, t.drug, { dose_mg_per_day: "" });
  assert.ok(
    a.issues.some((i) =>
      i.row === a.row && i.column === "dose_hi_mg_per_day" && /needs its lower end/.test(i.message)
    ),
  );
  const b = await issuesWith(c.id, t.drug, { dose_words: "100 mg/day" });
  assert.ok(
    b.issues.some((i) =>
      i.row === b.row && i.column === "dose_words" && /not in the quote/.test(i.message)
    ),
  );
});

Deno.test("a dose the quote does not state is refused", async () => {
  const { c, t } = ranged;
  const { issues, row } = await issuesWith(c.id, t.drug, {
    dose_hi_mg_per_day: String(t.dose!.hi + 1),
  });
  assert.ok(issues.some((i) => i.row === row && i.column === "dose_hi_mg_per_day"));
});

Deno.test("data/README.md states every dose rule exactly as lib/dose.ts does", async () => {
  const readme = normalizeSourceText(
    await Deno.readTextFile(new URL("../data/README.md", import.meta.url)),
  );
  for (const [name, text] of Object.entries(DOSE_RULES)) {
    assert.ok(readme.includes(`- \`${name}\`: ${text}`), `dose rule ${name} differs`);
  }
});

Deno.test("doseKind: words state an amount only with a unit that is no time (not 'for 3 days', not 'first dose')", () => {
  const kind = (doseWords: string) => doseKind({ dose: null, doseWords });
  for (const w of ["25 µg/h", "two tablets", "half a tablet", "1 patch", "2 puffs", "0.5 mg/kg"]) {
    assert.equal(kind(w), "other unit", w);
  }
  for (
    const w of ["a low dose", "a small dose for 3 days", "low-dose (for 2 weeks)", "first dose"]
  ) {
    assert.equal(kind(w), "words only", w);
  }
});
