/**
 * What the value line joins, in a caption's words: the rule of `joinedPoints`
 * (`timeline_values.ts`: consecutive values with no change of drug or dose drawn between them)
 * and whether a change whose time the text leaves open, drawn elsewhere, may still fall between
 * two values a line joins, so that no caption says "never across a change" where one may be.
 *
 * @module
 */
import type { Case } from "../model.ts";
import { relativeDay } from "../timeline.ts";
import type { TimelineModel } from "./timeline_model.ts";
import { joinedPoints } from "./timeline_values.ts";

/**
 * Whether a segment `joinedPoints` draws may cross a change of drug or dose after all: a
 * change drawn elsewhere (where the narrative places a time the text leaves open) that, by the
 * case's days, may follow the segment's earlier value and precede its later one.
 *
 * @param c The case.
 * @param m Its timeline model.
 * @returns Whether some segment may cross a change.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, relativeDay } from "#lib/mod.ts";
 * import { timelineModel } from "#lib/plots/timeline_model.ts";
 * import { joinedPoints } from "#lib/plots/timeline_values.ts";
 * import { joinsMayCrossChange } from "#lib/plots/joined_words.ts";
 * for (const c of (await loadCaseSeries()).cases) {
 *   const m = timelineModel(c);
 *   const may = joinedPoints(m).some((i) =>
 *     m.phases.some((ph) =>
 *       relativeDay(c, ph.t.timeId, m.points[i - 1].t.timeId).hi > 0 &&
 *       relativeDay(c, ph.t.timeId, m.points[i].t.timeId).lo < 0
 *     )
 *   );
 *   assert.equal(joinsMayCrossChange(c, m), may);
 * }
 * ```
 */
export function joinsMayCrossChange(
  c: Case,
  m: Pick<TimelineModel, "points" | "phases">,
): boolean {
  return joinedPoints(m).some((i) => {
    const [a, b] = [m.points[i - 1].t.timeId, m.points[i].t.timeId];
    return m.phases.some((ph) =>
      relativeDay(c, ph.t.timeId, a).hi > 0 && relativeDay(c, ph.t.timeId, b).lo < 0
    );
  });
}

/**
 * The rule of `joinedPoints` in a caption's words: a line joins values with no
 * change drawn between them; where a segment may still cross one ({@link joinsMayCrossChange}),
 * that it may.
 *
 * @param mayCross Whether a segment may cross a change (of any case drawn).
 * @param change The change, as the caption names it.
 * @param drawnAs How the change is drawn, after "drawn between them" (default nothing).
 * @returns The words, lower case, no final stop.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { joinedWords } from "#lib/plots/joined_words.ts";
 * assert.equal(joinedWords(false, "change"), "a line joins values with no change drawn between them");
 * assert.match(
 *   joinedWords(true, "change", " as a dashed line"),
 *   /between them as a dashed line; a change whose time the text leaves open may still fall between two values a line joins$/,
 * );
 * ```
 */
export function joinedWords(
  mayCross: boolean,
  change = "change of drug or dose",
  drawnAs = "",
): string {
  return `a line joins values with no ${change} drawn between them${drawnAs}` +
    (mayCross
      ? `; a ${change} whose time the text leaves open may still fall between two values a line joins`
      : "");
}
