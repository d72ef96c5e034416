/**
 * Every table, claim, appraisal and timeline model reads a time's days from the case's network
 * (`sinceDay0`, `relativeDay`), never the days stored with each time point (its rule alone, as
 * `fill-days` writes them): with every stored `lo` and `hi` widened to (-inf, inf), each case's
 * nominal days and everything the network reads (anchors, offsets, bounds, periods) kept, nothing
 * a notebook shows changes. A reader of the stored bounds would see every time open.
 */
import assert from "node:assert/strict";
import {
  activeRows,
  aucRows,
  careTimelineNotes,
  careTimelineRows,
  type Case,
  caseCaveats,
  caseIntro,
  type CaseSeries,
  changeRows,
  claimsLedger,
  datasetCounts,
  type Day,
  loadCaseSeries,
  observationRows,
  pooledIntro,
  rateRows,
  reliefRows,
  testRows,
  treatmentRows,
  unknownRows,
} from "../lib/mod.ts";
import { appraisalRows } from "../lib/appraisal/mod.ts";
import { computeItem } from "../lib/appraisal/computed.ts";
import { COMPUTED_BASES } from "../lib/articles_schema.ts";
import { checklistRows } from "../lib/report/appraisal.ts";
import { timelineModel } from "../lib/plots/timeline_model.ts";
import { TEST_DATA_DIR } from "./helpers/data_dir.ts";

/** The case with every stored day's bounds open on both sides (nominal days kept). */
function widened(c: Case): Case {
  const open = (d: Day): Day => ({ ...d, lo: -Infinity, hi: Infinity });
  const end = (d: Day | null) => d === null ? null : open(d);
  const amputation = { ...c.amputation, day: open(c.amputation.day) };
  return {
    ...c,
    timepoints: c.timepoints.map((t) => ({ ...t, day: open(t.day) })),
    observations: c.observations.map((o) => ({
      ...o,
      day: open(o.day),
      span: o.span === null ? null : { start: open(o.span.start), end: end(o.span.end) },
    })),
    treatments: c.treatments.map((t) => ({ ...t, start: open(t.start), end: end(t.end) })),
    events: c.events.map((e) => e === c.amputation ? amputation : { ...e, day: open(e.day) }),
    amputation,
  };
}

/** What the notebooks show of a series, as text (infinities kept apart from null). */
function shown(s: CaseSeries): Record<string, string> {
  // A stored day a result carries along (the figure's model holds its values) is the input, not
  // a reading of it: its time and nominal day are compared.
  const isDay = (v: unknown): v is Day =>
    typeof v === "object" && v !== null && "timeId" in v && "depth" in v && "order" in v;
  const text = (x: unknown) =>
    JSON.stringify(
      x,
      (_, v) =>
        isDay(v)
          ? { timeId: v.timeId, nominal: v.nominal }
          : typeof v === "number" && !Number.isFinite(v)
          ? String(v)
          : v,
    );
  const ids = [...s.sources.keys()];
  const checklists = s.articles?.checklists.map((c) => c.id) ?? [];
  const out: Record<string, string> = {
    treatments: text(treatmentRows(s)),
    observations: text(observationRows(s)),
    unknowns: text(unknownRows(s)),
    counts: datasetCounts(s),
    claims: text(claimsLedger(s)),
    tests: text(testRows(s)),
    pooled: pooledIntro(s),
    computed: text(COMPUTED_BASES.map((b) => computeItem(b, s.cases))),
    appraisal: text(ids.map((id) => appraisalRows(s, id))),
    checklists: text(ids.flatMap((id) => checklists.map((k) => checklistRows(s, id, k)))),
  };
  for (const c of s.cases) {
    out[`case ${c.id}`] = text([
      careTimelineRows(c),
      careTimelineNotes(c),
      activeRows(c),
      changeRows(c),
      reliefRows(c),
      aucRows(c),
      rateRows(c),
      caseIntro(s, c),
      caseCaveats(s, c),
    ]);
    out[`timeline ${c.id}`] = text(timelineModel(c));
  }
  return out;
}

Deno.test("no table, claim, appraisal or timeline reads a time point's stored bounds: widened to (-inf, inf), nothing shown changes", async () => {
  const s = await loadCaseSeries(TEST_DATA_DIR);
  const wide = { ...s, cases: s.cases.map(widened) };
  // The widening reaches every stored day the cases hold.
  assert.ok(wide.cases.every((c) => c.timepoints.every((t) => t.day.hi === Infinity)));
  const [before, after] = [shown(s), shown(wide)];
  for (const k of Object.keys(before)) assert.equal(after[k], before[k], k);
});
