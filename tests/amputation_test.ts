/**
 * Several amputations (issue 24, item 5), on the synthetic second article
 * (tests/fixtures/second-article): its case S1 loses an arm in an accident and has a revision
 * amputation 10 days later, and its phantom pain appears "within 3 days of the revision". Days
 * from amputation count from the revision; a case with one amputation needs nothing; a case with
 * several whose onset is dated from none of them is refused, naming the case and the amputations.
 */
import assert from "node:assert/strict";
import {
  causalityRows,
  DataValidationError,
  daysFromAmputation,
  designLimits,
  formatInterval,
  formatIntervalInWords,
  loadCaseSeries,
  relativeDay,
} from "../lib/mod.ts";
import { copyTree, dataWithFixture } from "./helpers/data_dir.ts";

/** The real data with the synthetic second article (tests/fixtures/second-article) appended. */
const FIXTURE = await dataWithFixture();
addEventListener("unload", () => Deno.removeSync(FIXTURE, { recursive: true }));
const SOURCE = "synthetic-fixture";
const series = await loadCaseSeries(FIXTURE);
const s1 = series.cases.find((c) => c.id === "S1")!;
const amputations = s1.events.filter((e) => e.kind === "amputation");
const onset = s1.events.find((e) => e.kind === "phantom pain onset")!;
const onsetAnchor = s1.timepoints.find((t) => t.id === onset.day.timeId)!.anchor!;

Deno.test("S1: two amputations, the phantom pain dated from the later one", () => {
  assert.equal(amputations.length, 2);
  assert.equal(onsetAnchor, amputations[1].day.timeId);
  assert.ok(amputations[0].day.nominal < amputations[1].day.nominal);
});

Deno.test("S1: the amputation the pain follows is the one its onset is dated from", () => {
  assert.equal(s1.amputation.day.timeId, onsetAnchor);
  assert.notEqual(s1.amputation.day.timeId, s1.timepoints.find((t) => t.rule === "origin")!.id);
});

Deno.test("S1: days from amputation count from the revision, not from day 0", () => {
  // Every time point: its days from the chosen amputation, not from the first one.
  for (const t of s1.timepoints) {
    assert.deepEqual(daysFromAmputation(s1, t.id), relativeDay(s1, t.id, onsetAnchor), t.id);
  }
  const gap = relativeDay(s1, onsetAnchor, amputations[0].day.timeId);
  assert.ok(gap.lo > 0, "the revision is after day 0");
  // Each drug for the pain "started N days after the amputation": N from the revision.
  const rows = causalityRows(series, SOURCE, series.study).filter((r) => r.caseId === "S1");
  assert.ok(rows.length > 0);
  for (const row of rows) {
    const start = s1.treatments.find((t) => t.drug === row.drug)!.start.timeId;
    const days = formatInterval(relativeDay(s1, start, onsetAnchor));
    assert.ok(
      row.alternatives.includes(`started ${days} days after the amputation`),
      row.alternatives,
    );
  }
  const natural = designLimits(series, SOURCE, series.study).find((l) =>
    /natural course/i.test(l.limit)
  )!;
  const drugs = s1.treatments.map((t) => t.start.timeId);
  assert.ok(
    drugs.some((id) =>
      natural.evidence.includes(
        `case S1: ${formatIntervalInWords(relativeDay(s1, id, onsetAnchor))}`,
      )
    ),
    natural.evidence,
  );
});

Deno.test("a case with one amputation needs nothing: that amputation", () => {
  for (const c of series.cases.filter((x) => x.id !== "S1")) {
    const only = c.events.filter((e) => e.kind === "amputation");
    if (only.length === 1) assert.equal(c.amputation, only[0], c.id);
  }
});

Deno.test("several amputations and an onset dated from none: a located error naming them", async () => {
  const dir = await Deno.makeTempDir({ prefix: "amputations-" });
  try {
    await copyTree(FIXTURE, dir);
    // S1 without its onset event: nothing says which amputation the pain follows.
    const path = `${dir}/events.csv`;
    const lines = (await Deno.readTextFile(path)).split("\n");
    const at = lines.findIndex((l) => l.startsWith(`S1,phantom pain onset,`));
    assert.ok(at > 0);
    lines.splice(at, 1);
    await Deno.writeTextFile(path, lines.join("\n"));
    const cases = (await Deno.readTextFile(`${dir}/cases.csv`)).split("\n");
    const row = cases.findIndex((l) => l.startsWith("S1,")) + 1;
    const error = await loadCaseSeries(dir).then(() => null, (e) => e);
    assert.ok(error instanceof DataValidationError, String(error));
    const hit = error.issues.find((i) =>
      i.file === "cases.csv" && i.row === row && i.column === "case_id"
    );
    assert.ok(hit, JSON.stringify(error.issues));
    for (const a of amputations) assert.ok(hit.message.includes(`'${a.day.timeId}'`), hit.message);
    assert.match(hit.message, /^case S1 has 2 amputations .* which the phantom pain follows/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("an onset counted back from an amputation does not follow it: with no other, a located error", async () => {
  const dir = await Deno.makeTempDir({ prefix: "amputations-" });
  try {
    await copyTree(FIXTURE, dir);
    // S1's onset "within 3 days" read back from the revision: the pain began before it, so the
    // revision is not the amputation it follows, and the chain says nothing of the accident.
    const path = `${dir}/timepoints.csv`;
    const lines = (await Deno.readTextFile(path)).split("\n");
    const at = lines.findIndex((l) => l.startsWith(`S1,${onset.day.timeId},`));
    assert.ok(at > 0 && lines[at].includes(`,within,${onsetAnchor},`), lines[at]);
    lines[at] = lines[at].replace(`,within,${onsetAnchor},`, `,within-before,${onsetAnchor},`);
    await Deno.writeTextFile(path, lines.join("\n"));
    // (Its stored days as they were: derived from the rules instead.)
    const error = await loadCaseSeries(dir, { deriveDays: true }).then(() => null, (e) => e);
    assert.ok(error instanceof DataValidationError, String(error));
    const messages = error.issues.map((i) => i.message).join("\n");
    assert.match(
      messages,
      new RegExp(`case S1 has 2 amputations .*'${onset.day.timeId}'\\) is not dated after any`),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
