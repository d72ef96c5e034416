/**
 * Rates per dose period on small cases built here: a period counts only the values at which its
 * drug is certainly given (data/README.md, "Periods with no stated end"), the same rule as the
 * active-treatments table, and the values where it is only possibly given are listed, not rated.
 */
import assert from "node:assert/strict";
import {
  activeTreatments,
  aucRows,
  type Case,
  loadCaseSeries,
  periodRates,
  rateRows,
  type Study,
} from "../../lib/mod.ts";
import { TEST_DATA_DIR } from "../helpers/data_dir.ts";
import { CONSTRUCTED_INDICATION, makeCase, type Period } from "../helpers/constructed_case.ts";

/** The study's settings (thresholds, fewest values per phase), for the indication built here. */
const study: Study = {
  ...(await loadCaseSeries(TEST_DATA_DIR)).study,
  drug: "drug-b",
  indication: CONSTRUCTED_INDICATION,
  minPointsPerPhase: 2,
};

/**
 * A case: drug-a from day 5 with no stated end, values at days 10, 17 and 24 (7, 5, 3), and
 * drug-b from day 30; `tiedTo` are the values whose quote names drug-a (the text ties the
 * period to them), the others say nothing of it.
 */
function openPeriodCase(tiedTo: readonly string[]): Case {
  const periods: Period[] = [
    { drug: "drug-a", dose: null, start: "a_start", end: null, untied: true },
    { drug: "drug-b", dose: 25, start: "b_start", end: null, untied: true },
  ];
  const built = makeCase(
    { a_start: 5, v1: 10, v2: 17, v3: 24, b_start: 30 },
    periods,
    { v1: 7, v2: 5, v3: 3 },
  );
  const observations = built.observations.map((o) =>
    tiedTo.includes(o.day.timeId) ? { ...o, quote: `${o.quote} on drug-a` } : o
  );
  return { ...built, observations, study };
}

const rowsOf = (c: Case, drug: string) => periodRates(c).filter((r) => r.drug === drug);

Deno.test("rates: a period with no stated end counts no value after the last time point tied to it", () => {
  // Nothing after its start names drug-a: it is certainly given only at its start, possibly
  // after it, so no value is its (not 7 → 5 → 3 at −0.57/week as if it ran on).
  const c = openPeriodCase([]);
  for (const r of rowsOf(c, "drug-a")) {
    assert.equal(r.n, 0, String(r.period?.drug ?? "all doses"));
    assert.equal(r.perWeek, null);
    assert.deepEqual(r.possiblyGiven.map((v) => v.timeId), ["v1", "v2", "v3"]);
    assert.deepEqual(r.certainUpTo, ["a_start"]);
  }
  // The active-treatments rule says the same of each value: possible, not certain.
  for (const id of ["v1", "v2", "v3"]) {
    const a = activeTreatments(c, id);
    assert.ok(a.possible.some((t) => t.drug === "drug-a"), id);
    assert.ok(!a.certain.some((t) => t.drug === "drug-a"), id);
  }
  // The table shows no rate, and lists what it leaves out and why.
  for (const row of rateRows(c).filter((r) => r.drug === "drug-a")) {
    assert.equal(row.values, null);
    assert.equal(row["cm/week (first→last)"], null);
    assert.match(
      String(row.note),
      /left out, where drug-a (at this dose )?is only possibly given: the VAS 7, the VAS 5 and the VAS 3; no end stated: certainly given only up to the start of drug-a/,
    );
  }
});

Deno.test("rates: a period with no stated end counts the values up to the last one tied to it", () => {
  // v2's quote names drug-a ("still on drug-a"): certainly given at v1 and v2, possibly at v3.
  const c = openPeriodCase(["v2"]);
  for (const r of rowsOf(c, "drug-a")) {
    assert.deepEqual(r.values, [7, 5]);
    assert.equal(r.perWeek!.nominal, 7 * (5 - 7) / 7);
    assert.deepEqual(r.possiblyGiven.map((v) => v.timeId), ["v3"]);
    assert.deepEqual(r.certainUpTo, ["v2"]);
  }
  // Tied to every value: all three count, none is left out, the table says nothing of it.
  const all = openPeriodCase(["v1", "v2", "v3"]);
  for (const r of rowsOf(all, "drug-a")) {
    assert.deepEqual(r.values, [7, 5, 3]);
    assert.deepEqual(r.possiblyGiven, []);
  }
  for (const row of rateRows(all).filter((r) => r.drug === "drug-a")) {
    assert.doesNotMatch(String(row.note), /left out/);
  }
});

Deno.test("rates: a rate withheld for too few values shows no bounds that are the rate itself", () => {
  // 7 → 5 a week apart, at exact days and values: its bounds are the rate, −2/week.
  const few = { ...openPeriodCase(["v2"]), study: { ...study, minPointsPerPhase: 3 } };
  for (const row of rateRows(few).filter((r) => r.drug === "drug-a")) {
    assert.equal(row["cm/week (first→last)"], null);
    assert.match(String(row.note), /first→last rate not shown as a number: from 2 values/);
    assert.equal(row.bounds, null, "the bounds would show the number withheld");
    assert.equal(row["least-squares bounds"], null);
  }
  // From enough values the rate is shown, and its bounds beside it.
  for (const row of rateRows(openPeriodCase(["v2"])).filter((r) => r.drug === "drug-a")) {
    assert.equal(row["cm/week (first→last)"], -2);
    assert.equal(row.bounds, "-2");
  }
});

Deno.test("rates: the values left out are named by the text's words, in the case's own numbers (mm on a 100 mm VAS), never by their time ids", async () => {
  const { SCALES } = await import("../../lib/mod.ts");
  const cm = openPeriodCase([]);
  // The same case rated on a 100 mm VAS: stated values ×10, common metric unchanged.
  const mm: Case = {
    ...cm,
    observations: cm.observations.map((o) => ({
      ...o,
      scale: SCALES["vas-100mm"],
      value: { lo: o.common.lo * 10, hi: o.common.hi * 10, nominal: o.common.nominal * 10 },
      words: `VAS ${o.common.nominal * 10} mm`,
    })),
  };
  const note = (c: Case) => String(rateRows(c).find((r) => r.drug === "drug-a")!.note);
  assert.match(note(cm), /only possibly given: the VAS 7, the VAS 5 and the VAS 3;/);
  assert.match(note(mm), /only possibly given: the VAS 70 mm, the VAS 50 mm and the VAS 30 mm;/);
  for (const c of [cm, mm]) assert.doesNotMatch(note(c), /\bv[123]\b/);
});

Deno.test("rates: a value left out says it is stated over a period, and why the drug is only possible at it", () => {
  // drug-a ends at a time the text leaves open, between days 12 and 28: at v2 and v3 it is only
  // possibly given, and v2 is an average over a period.
  const built = makeCase(
    { a_start: 5, v1: 10, a_end: [12, 28], v2: 17, v3: 24, b_start: 30 },
    [
      { drug: "drug-a", dose: 10, start: "a_start", end: "a_end" },
      { drug: "drug-b", dose: 25, start: "b_start", end: null, untied: true },
    ],
    { v1: 7, v2: 5, v3: 3 },
  );
  const c: Case = {
    ...built,
    study,
    observations: built.observations.map((o) =>
      o.day.timeId === "v2" ? { ...o, span: { start: o.day, end: null }, note: "average" } : o
    ),
  };
  const r = periodRates(c).find((x) => x.drug === "drug-a" && x.period !== null)!;
  assert.deepEqual(r.certainUpTo, [], "its end is stated");
  assert.deepEqual(r.possiblyGiven.map((v) => v.timeId), ["v2", "v3"]);
  const note = String(rateRows(c).find((x) => x.drug === "drug-a")!.note);
  assert.match(
    note,
    /only possibly given: the VAS 5 \(stated over a period, not one rating\) and the VAS 3; the text does not date them against the start or end of this dose/,
  );
});

Deno.test("rates and areas: a note names a time point by the value stated there or the text's words, never by its id", async () => {
  const all = await loadCaseSeries(TEST_DATA_DIR);
  // Every case of the data and of the fixture's cases, whatever their ids.
  for (const c of all.cases) {
    const notes = [...rateRows(c), ...aucRows(c)].map((r) => String(r.note ?? ""));
    for (const t of c.timepoints) {
      // An id is a word of letters, digits and '_': matched as a whole, so "a" is not in "rate".
      const id = new RegExp(`(?<![\\w“])${t.id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w”])`);
      const named = t.words.includes(t.id) || c.observations.some((o) => o.words.includes(t.id));
      if (named) continue;
      for (const n of notes) assert.doesNotMatch(n, id, `case ${c.id}: ${n}`);
    }
  }
});

Deno.test("rates table: each value written as the text states it (its digits, a range as a range)", () => {
  // "VAS 2.0", then "VAS 1.0", then "VAS 0–1.0": the table read "2 → 1 → [0, 1]", dropping
  // the stated tenths and writing the stated range as computed bounds.
  const built = makeCase(
    { start: 5, v1: 10, v2: 17, v3: 24, end: 30 },
    [{ drug: "drug-b", dose: 25, start: "start", end: "end" }],
    { v1: 2, v2: 1, v3: [0, 1] },
  );
  const words: Record<string, string> = { v1: "VAS 2.0", v2: "VAS 1.0", v3: "VAS 0–1.0" };
  const observations = built.observations.map((o) => ({ ...o, words: words[o.day.timeId] }));
  const c: Case = { ...built, observations, study };
  const rows = rateRows(c).filter((r) => r.drug === "drug-b");
  assert.equal(rows.length, 2);
  for (const row of rows) assert.equal(row.values, "2.0 → 1.0 → 0–1.0");
  // A value whose words do not state its number (a computed one) keeps formatInterval's form.
  const bare = { ...c, observations: built.observations.map((o) => ({ ...o, words: "pain" })) };
  assert.equal(rateRows(bare).find((r) => r.drug === "drug-b")!.values, "2 → 1 → [0, 1]");
});

/**
 * drug-b from day 10 with values 2.3 and 0.6, the first within a week of its start; the second
 * `within` 20 days after the first (`ordered`: never before it) or within 25 days of the start
 * (the two then in either order, as two values each dated only from one start).
 */
function gapCase(ordered: boolean): Case {
  const periods: Period[] = [{ drug: "drug-b", dose: 25, start: "b_start", end: null }];
  const built = makeCase({ b_start: 9, v1: [10, 17], v2: [10, 35] }, periods, {
    v1: 2.3,
    v2: 0.6,
  });
  const timepoints = built.timepoints.map((t) =>
    ordered && t.id === "v2"
      ? { ...t, rule: "within" as const, anchor: "v1", offset: { lo: 0, hi: 20, nominal: 20 } }
      : t
  );
  return { ...built, timepoints, study };
}

Deno.test("rates: a finite longest gap bounds a fall away from 0, though the gap may be 0", () => {
  const rate = rowsOf(gapCase(true), "drug-b").find((r) => r.period === null)!;
  // At most −1.7 over 20 days: not (−inf, 0].
  assert.equal(rate.perWeek!.lo, -Infinity);
  assert.ok(Math.abs(rate.perWeek!.hi - 7 * -1.7 / 20) < 1e-12, String(rate.perWeek!.hi));
  assert.equal(rate.eitherOrder, undefined);
});

Deno.test("rates: two values the text leaves in either order give a rate of either sign, and the note says so", () => {
  const c = gapCase(false);
  const rate = rowsOf(c, "drug-b").find((r) => r.period === null)!;
  assert.deepEqual([rate.perWeek!.lo, rate.perWeek!.hi], [-Infinity, Infinity]);
  const { narrated, reversed } = rate.eitherOrder!;
  assert.ok(Math.abs(narrated!.hi - 7 * -1.7 / 25) < 1e-12);
  assert.ok(Math.abs(reversed!.lo - 7 * 1.7 / 7) < 1e-12);
  const row = rateRows(c).find((r) => r.drug === "drug-b" && r["dose note"] === "all doses")!;
  assert.match(String(row.note), /does not state whether .* comes first/);
  assert.match(
    String(row.note),
    /in the order narrated \(-inf, -0\.47\], in the other \[1\.7, inf\)/,
  );
});
