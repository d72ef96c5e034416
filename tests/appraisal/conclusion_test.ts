/**
 * The appraisal's answer to "how much can a reader conclude?" (lib/appraisal/conclusion.ts):
 * computed from the cases, the checklists, the Naranjo scores and the design limits.
 */
import assert from "node:assert/strict";
import {
  appraisalConclusion,
  appraisalRows,
  designLimits,
  loadCaseSeries,
  naranjoCategory,
  naranjoPair,
} from "../../lib/mod.ts";
import { TEST_DATA_DIR } from "../helpers/data_dir.ts";

const s = await loadCaseSeries(TEST_DATA_DIR);

Deno.test("appraisalConclusion: each case's score, the checklists and the limits, for any article", () => {
  for (const id of s.sources.keys()) {
    const text = appraisalConclusion(s, id, s.study);
    const taking = s.cases.filter((c) =>
      c.sourceId === id && c.treatments.some((t) => t.drug === s.study.drug)
    );
    if (taking.length === 0) {
      const n = s.cases.filter((c) => c.sourceId === id).length;
      assert.match(
        text,
        n === 1 ? /^The one case of .* did not take / : /^None of the \d+ cases /,
        id,
      );
      continue;
    }
    for (const c of taking) {
      const n = naranjoPair(c, s.study.drug, s.study);
      assert.ok(
        text.includes(`case ${c.id} scores ${n.total} (${naranjoCategory(n.total)})`),
        text,
      );
    }
    for (const l of designLimits(s, id, s.study)) assert.ok(text.includes(l.limit.toLowerCase()));
    const rows = appraisalRows(s, id);
    if (rows.length) {
      assert.ok(
        text.includes(`of ${rows.filter((r) => r.checklist === rows[0].checklist).length} items`),
      );
    }
    assert.match(text, new RegExp(`not what ${s.study.drug} caused\\.$`));
  }
});

Deno.test("appraisalConclusion: a drug no case took is said so, with nothing scored", () => {
  const [id] = s.sources.keys();
  const text = appraisalConclusion(s, id, { ...s.study, drug: "no-such-drug" });
  assert.match(text, /took no-such-drug: the article says nothing about it\.$/);
  assert.doesNotMatch(text, /Naranjo/);
});
