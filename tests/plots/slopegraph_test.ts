/**
 * The before/after slopegraph on constructed cases the real data do not have: a drug for the
 * indication started at the visit of the last value before the drug of interest (by the
 * same-visit rule not given at that value, but after it: the left label named no drug), a single
 * value on the drug (drawn twice, as "first on" and "last on", it read as a second, stable
 * measurement), and the CSV column `earlier`, which repeated the drugs on the rows of the values on
 * the drug (read as the drugs at those values).
 */
import assert from "node:assert/strict";
import { type Case, drugAtOneOf, drugWithDose, loadCaseSeries } from "../../lib/mod.ts";
import { beforeAfterFigure, type Figure } from "../../lib/plots/mod.ts";
import { LABEL_GAP } from "../../lib/plots/slopegraph.ts";
import { GREY, TYPE } from "../../lib/plots/theme.ts";
import { aroundDrug, makeCase, type Period } from "../helpers/constructed_case.ts";
import { TEST_DATA_DIR } from "../helpers/data_dir.ts";

const series = aroundDrug((await loadCaseSeries(TEST_DATA_DIR)).study);
const { study } = series;

/** A case of the constructed study: value `v` (day 5), the drug's start `s` (day 10), values after. */
function slopeCase(
  id: string,
  periods: Period[],
  values: Record<string, number>,
  doseWords: Record<string, string> = {},
): Case {
  const days = { v: 5, m: 7, s: 10, a: 20, b: 40 };
  const drugX: Period = { drug: study.drug, dose: 10, start: "s", end: null };
  const c = makeCase(days, [...periods, drugX], values);
  const treatments = c.treatments.map((t) => ({ ...t, doseWords: doseWords[t.drug] ?? null }));
  return { ...c, id, treatments, study };
}

/** The figure's rows of one case. */
const rowsOf = (f: Figure, id: string) => f.data.filter((r) => r.series === `Case ${id}`);

/** Every text the figure draws (its caption's lines among them), joined by spaces. */
const textOf = (f: Figure) =>
  [...f.svg.querySelectorAll("text")].map((t) => t.textContent ?? "").join(" ");

/** The case's points drawn (each dot carries a hover title naming its case). */
const dotsOf = (f: Figure, id: string) =>
  [...f.svg.querySelectorAll("title")].filter((t) => t.textContent?.startsWith(`Case ${id}, `));

Deno.test("before/after: a drug for the indication started at the visit of the last value before is named, with its dose words", () => {
  // Started at v (the value's visit) with no stated end, tied to no later value: given after v,
  // surely before the drug's start.
  const low: Period = { drug: "drug-c", dose: null, start: "v", end: null, untied: true };
  const c = slopeCase("4", [low], { v: 7, a: 3 }, { "drug-c": "a low dose" });
  const f = beforeAfterFigure([c]);
  const earlier = String(rowsOf(f, "4")[0].earlier);
  const named = drugWithDose(c.treatments.find((t) => t.drug === "drug-c")!);
  assert.equal(named, "drug-c (“a low dose”, no mg/day stated)");
  assert.ok(earlier.includes(named), earlier);
  assert.ok(!earlier.includes("no drug"), earlier);
  assert.ok(!earlier.includes("possibly"), `started in the span, surely given: ${earlier}`);
  // The label is drawn under the case and its value.
  assert.ok(textOf(f).includes("drug-c"), textOf(f));
});

Deno.test("before/after: one value on the drug is one point, labelled as the only one", () => {
  const c = slopeCase("4", [], { v: 7, a: 3 });
  const f = beforeAfterFigure([c]);
  const rows = rowsOf(f, "4");
  assert.deepEqual(rows.map((r) => r.x), ["last before", "first on"]);
  assert.equal(dotsOf(f, "4").length, 2, "two dots, not three");
  assert.match(String(rows[1].label), /^3 \(only value on it\)$/);
  assert.match(textOf(f), /one value on drug-x has one point/);
  // Two values on it: three points, and the caption says nothing of a single value.
  const two = beforeAfterFigure([slopeCase("5", [], { v: 7, a: 3, b: 2 })]);
  assert.deepEqual(rowsOf(two, "5").map((r) => r.x), ["last before", "first on", "last on"]);
  assert.equal(dotsOf(two, "5").length, 3);
  assert.doesNotMatch(textOf(two), /one value on/);
});

Deno.test("before/after: the CSV's earlier drugs are on the last-before row only", () => {
  const on: Period = { drug: "drug-p", dose: 40, start: "t0", end: "s" };
  const f = beforeAfterFigure([slopeCase("1", [on], { v: 6, a: 3, b: 1 })]);
  const rows = rowsOf(f, "1");
  assert.equal(rows[0].x, "last before");
  assert.equal(rows[0].earlier, `until ${study.drug}: drug-p 40 mg/day`);
  for (const r of rows.slice(1)) assert.equal(r.earlier, null, String(r.x));
});

Deno.test("before/after: a dose change between the value and the start gives the drug's doses; a drug whose start the times leave open is 'possibly'", () => {
  const doses: Period[] = [
    { drug: "drug-p", dose: 20, start: "t0", end: "m" },
    { drug: "drug-p", dose: 30, start: "m", end: "s" },
  ];
  const c = slopeCase("2", doses, { v: 6, a: 3, b: 1 });
  const earlier = String(rowsOf(beforeAfterFigure([c]), "2")[0].earlier);
  assert.equal(earlier, `until ${study.drug}: ${drugAtOneOf(c.treatments.slice(0, 2))}`);
  // A drug started at a time only bounded by the value and the drug's start's day: possibly.
  const open = makeCase({ v: 5, w: [3, 12], s: 10, a: 20, b: 40 }, [
    { drug: "drug-q", dose: 5, start: "w", end: null, untied: true },
    { drug: study.drug, dose: 10, start: "s", end: null },
  ], { v: 6, a: 3, b: 1 });
  const q = String(beforeAfterFigure([{ ...open, id: "3", study }]).data[0].earlier);
  assert.equal(q, `until ${study.drug}: possibly drug-q 5 mg/day`);
});

Deno.test("before/after: two cases' labels beside a column are half a line apart at least", async () => {
  const line = TYPE.small * 1.2;
  // The real cases, and two constructed cases with the same values (their labels crowd most).
  const ok = series.cases.find((c) => c.id === "ok")!;
  for (const cases of [(await loadCaseSeries(TEST_DATA_DIR)).cases, [ok, { ...ok, id: "twin" }]]) {
    const f = beforeAfterFigure(cases);
    const g = f.svg.querySelector('g[aria-label="slopes"]')!;
    const texts = [...g.querySelectorAll("text")].filter((t) =>
      t.getAttribute("font-size") === String(TYPE.small)
    );
    // The left labels: right-aligned at the x of the first ("Case <id>  <value>"); a case's
    // first line in its colour, the drugs under it in grey.
    const labelX = Number(
      texts.find((t) => t.textContent?.startsWith("Case "))!.getAttribute("x"),
    );
    const left = texts.filter((t) =>
      t.getAttribute("text-anchor") === "end" && Number(t.getAttribute("x")) === labelX
    ).map((t) => ({ y: Number(t.getAttribute("y")), first: t.getAttribute("fill") !== GREY.muted }))
      .sort((a, b) => a.y - b.y);
    assert.ok(left.filter((t) => t.first).length >= 2);
    for (let i = 1; i < left.length; i++) {
      const gap = left[i].y - left[i - 1].y;
      if (left[i].first) assert.ok(gap >= line * (1 + LABEL_GAP) - 0.5, `${gap} between two cases`);
      else assert.ok(gap >= line - 0.5, `${gap} within a case`);
    }
  }
});
