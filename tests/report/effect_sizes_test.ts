/**
 * A case's effect-size table (`lib/report/effect_sizes.ts`): its notes say the study's direction
 * and goal and its fewest values per phase, with a source only where study.json gives one, and
 * explain the informative interval only where a row has one.
 */
import assert from "node:assert/strict";
import {
  AB_NOTE,
  CLOPPER_PEARSON_NOTE,
  EFFECT_SIZES,
  effectSizeGlossary,
  effectSizeNotes,
  effectSizeRows,
  INFORMATIVE_CI_NOTE,
  loadCaseSeries,
} from "../../lib/mod.ts";
import { TEST_DATA_DIR } from "../helpers/data_dir.ts";

const s = await loadCaseSeries(TEST_DATA_DIR);

Deno.test("effectSizeNotes: direction, goal and fewest values per phase from the study, with its source when given", () => {
  const c = s.cases[0];
  const study = { ...c.study, improvement: "increase" as const, goal: 10, minPointsPerPhase: 4 };
  const withSource = effectSizeNotes({ ...c, study: { ...study, minPointsSource: "A 2031" } }, []);
  assert.deepEqual(withSource, [
    "Improvement: increase; PoGO's goal: 10 (data/study.json).",
    "An index is shown from 4 values per phase on (data/study.json: A 2031).",
    AB_NOTE,
  ]);
  const without = effectSizeNotes({ ...c, study: { ...study, minPointsSource: null } }, []);
  assert.equal(without[1], "An index is shown from 4 values per phase on (data/study.json).");
});

Deno.test("effectSizeNotes: the informative interval is explained only under a table that has one", () => {
  const c = s.cases[0];
  const rows = effectSizeRows(c);
  const shown = rows.some((r) => r["informative CI"] !== null);
  assert.equal(effectSizeNotes(c, rows).includes(INFORMATIVE_CI_NOTE), shown);
  const one = [{ ...rows[0], "informative CI": "[0.5, 1]" }];
  assert.ok(effectSizeNotes(c, one).includes(INFORMATIVE_CI_NOTE));
});

Deno.test("effectSizeNotes: every abbreviation in the table is expanded from its registry record", () => {
  const c = s.cases[0];
  const rows = effectSizeRows(c);
  const notes = effectSizeNotes(c, rows);
  const glossary = notes.find((n) => n.startsWith("Measures: "))!;
  assert.ok(glossary, notes.join("\n"));
  for (const d of EFFECT_SIZES) {
    assert.ok(d.fullName.length > d.label.length, d.name);
    assert.ok(glossary.includes(`${d.label}, ${d.fullName}`), d.name);
  }
  // Only the measures of the table: a table of one measure explains that one.
  const one = effectSizeGlossary([EFFECT_SIZES[0].name]);
  assert.ok(!one.includes(EFFECT_SIZES[1].fullName));
  // The design and the intervals named in tables are explained in words, not by name only.
  assert.match(AB_NOTE, /A: the values before/);
  assert.match(CLOPPER_PEARSON_NOTE, /exact binomial/);
});

Deno.test("effectSizeRows names itself and its own options (drug too) for an option it does not take", () => {
  const c = s.cases[0];
  assert.throws(() => effectSizeRows(c, { measure: "NAP" } as never), (e: Error) => {
    assert.ok(e instanceof TypeError);
    assert.match(e.message, /^effectSizeRows: options has no option "measure"; the options are /);
    assert.match(e.message, /\bdrug\b/);
    assert.match(e.message, /\bimprovement\b/);
    return true;
  });
  assert.throws(
    () => effectSizeRows(c, { confidence: 2 }),
    /^TypeError: effectSizeRows: options\.confidence must be < 1; got 2$/,
  );
  // Its own options are still taken.
  assert.equal(effectSizeRows(c, { drug: c.study.drug, confidence: 0.9 }).length > 0, true);
});
