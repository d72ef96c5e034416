/**
 * The captions say what the value line does (`joinedPoints`, lib/plots/timeline_values.ts): it
 * joins consecutive values with no change of drug or dose drawn between them, and where a change
 * whose time the text leaves open is drawn elsewhere but may fall between two joined values, the
 * case timeline's and the trajectories' captions say so, rather than "never across a change of
 * drug or dose" (Figure 1, three cases to a page, states the rule alone). On cases built here.
 */
import assert from "node:assert/strict";
import { type Case, loadCaseSeries, relativeDay } from "../../lib/mod.ts";
import {
  caseTimelineFigure,
  seriesTimelineFigure,
  svgText,
  trajectoriesFigure,
} from "../../lib/plots/mod.ts";
import { timelineModel } from "../../lib/plots/timeline_model.ts";
import { joinedPoints } from "../../lib/plots/timeline_values.ts";
import { joinsMayCrossChange } from "../../lib/plots/joined_words.ts";
import { CONSTRUCTED_INDICATION, makeCase } from "../helpers/constructed_case.ts";
import { TEST_DATA_DIR } from "../helpers/data_dir.ts";

const { study } = await loadCaseSeries(TEST_DATA_DIR);

/** drug-a from day 5 to `stop`; drug-b from day 2 on; values on days 10 and 30. */
function stoppedAt(stop: number | [number, number]): Case {
  const c = makeCase(
    { b: 2, a: 5, v1: 10, v2: 30, stop },
    [
      { drug: "drug-b", dose: 10, start: "b", end: null },
      { drug: "drug-a", dose: 10, start: "a", end: "stop" },
    ],
    { v1: 6, v2: 3 },
  );
  return { ...c, study: { ...study, drug: "drug-b", indication: CONSTRUCTED_INDICATION } };
}

/** The figure's text, tags removed, white space folded. */
const text = (f: Parameters<typeof svgText>[0]) =>
  svgText(f).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

const NEVER = /never across a change/;
const MAY = /whose time the text leaves open may still fall between two values a line joins/;

Deno.test("a stop the text leaves open, drawn after both values, may fall between the two a line joins: the captions say so", () => {
  const open = stoppedAt([8, 60]);
  const m = timelineModel(open);
  // The line joins the two values (the stop is drawn after them) ...
  assert.equal(joinedPoints(m).length, 1);
  // ... while the stop may fall between them by the days.
  assert.ok(relativeDay(open, "stop", "v1").hi > 0 && relativeDay(open, "stop", "v2").lo < 0);
  assert.equal(joinsMayCrossChange(open, m), true);
  for (const f of [caseTimelineFigure(open), trajectoriesFigure([open])]) {
    const t = text(f);
    assert.match(t, /a line joins values with no change of drug or dose drawn between them/);
    assert.match(t, MAY);
    assert.doesNotMatch(t, NEVER);
  }
  // Figure 1 (three cases to a page) states the rule alone, never "one phase's".
  const f1 = text(seriesTimelineFigure([open]));
  assert.match(f1, /\(a line joins values with no change drawn between them\)/);
  assert.doesNotMatch(f1, /one phase's/);
  assert.doesNotMatch(f1, NEVER);
});

Deno.test("a stop dated after both values: no change may fall between them, and the captions say nothing of one", () => {
  const dated = stoppedAt(40);
  assert.equal(joinsMayCrossChange(dated, timelineModel(dated)), false);
  for (const f of [caseTimelineFigure(dated), seriesTimelineFigure([dated])]) {
    const t = text(f);
    assert.match(
      t,
      /a line joins values with no change (of drug or dose )?drawn between them/,
    );
    assert.doesNotMatch(t, MAY);
  }
  // Dated between them: the line is broken there, and nothing is said of a crossing.
  const between = stoppedAt(20);
  assert.equal(joinedPoints(timelineModel(between)).length, 0);
  assert.equal(joinsMayCrossChange(between, timelineModel(between)), false);
});
