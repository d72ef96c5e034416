/**
 * The dataset notebook's tables (lib/report/dataset.ts): the CARE timeline of a case that never
 * takes the drug keeps its columns and says why the drug's column is empty.
 */
import assert from "node:assert/strict";
import { careTimelineNotes, careTimelineRows, loadCaseSeries } from "../../lib/mod.ts";
import { articleSeries, TEST_DATA_DIR } from "../helpers/data_dir.ts";

const series = articleSeries(await loadCaseSeries(TEST_DATA_DIR));

Deno.test("CARE timeline: a case that never takes the drug keeps its columns, and a note says why one is empty", () => {
  const drug = `${series.study.drug} (not taken)`;
  for (const c of series.cases) {
    assert.deepEqual(careTimelineNotes(c), [], c.id);
    const other = { ...c, study: { ...c.study, drug } };
    const rows = careTimelineRows(other);
    const column = `day since ${drug}`;
    assert.ok(rows.length > 0 && rows.every((r) => column in r && r[column] === null));
    const notes = careTimelineNotes(other);
    assert.equal(notes.length, 1);
    assert.ok(notes[0].includes(`never takes ${drug}`) && notes[0].includes(`"${column}"`));
  }
});
