/**
 * Where a figure draws each time point of a case: at its nominal day, moved the least needed to
 * keep the order the text narrates. A point placed "after" another with no gap stated has that
 * other's nominal day as its own (a placeholder, not a date); drawn there, a dose increase would
 * sit on the report that caused it and "the last report" on the relapse before it. Drawn
 * positions therefore follow three rules, applied until none moves a point:
 *
 * - a point measured from an anchor keeps its nominal distance from the anchor's drawn position
 *   (so a report "within a week" of a start moves with the start);
 * - a point the text puts after its anchor (rule `after`, or a distance of 0) is drawn at least one
 *   `step` after it, and a point put before its anchor (rule `before`) at least one step before it;
 * - a point bounded by a later one (`bound`) is drawn at least one step before it;
 * - the end of a period (a dose period, the period a value is stated over) is drawn no earlier
 *   than its start (on the same day allowed), whatever their nominal days (placeholders where
 *   both ends are undated may run the other way);
 * - no point leaves the days the case allows it (its words, and the points and periods around it,
 *   by the case's network from day 0: a point dated exactly stays on its date, and the start of
 *   a period stays at or before its end); where a whole step does not fit between a point's
 *   anchor and its bound, it is drawn midway.
 *
 * The step is a drawing unit (a few px), never a number of days the text states; the windows the
 * words allow are drawn as brackets beside it.
 *
 * @module
 */
import type { Case } from "../model.ts";
import { gapPath, sinceDay0 } from "../timeline.ts";
import { casePeriods } from "../time_network.ts";

/**
 * Drawn positions (days since the case's day 0) of every time point of a case, in narrative order
 * (see the module doc).
 *
 * @param c The case.
 * @param step The least distance, in days, between a point and the point it follows.
 * @returns Time id → drawn day.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries } from "#lib/mod.ts";
 * import { narrativePositions } from "#lib/plots/narrative.ts";
 * const c = (await loadCaseSeries()).cases[0];
 * const pos = narrativePositions(c, 1);
 * for (const t of c.timepoints) {
 *   if (t.rule === "after") assert.ok(pos.get(t.id)! > pos.get(t.anchor!)!, t.id);
 * }
 * ```
 */
export function narrativePositions(c: Case, step: number): Map<string, number> {
  if (!(step >= 0)) throw new RangeError(`narrativePositions: step must be ≥ 0, got ${step}`);
  const byId = new Map(c.timepoints.map((t) => [t.id, t]));
  const pos = new Map<string, number>();
  const nominal = (id: string) => byId.get(id)!.day.nominal;
  // Each point's later bounds: it is drawn before each of them.
  const boundedBy = new Map<string, string[]>();
  for (const t of c.timepoints) {
    if (t.bound !== null && byId.has(t.bound)) {
      boundedBy.set(t.bound, [...(boundedBy.get(t.bound) ?? []), t.id]);
    }
  }
  // Each period end's starts: it is drawn no earlier than each of them.
  const startsOf = new Map<string, string[]>();
  for (const { start, end } of casePeriods(c)) {
    if (end !== null && end !== start && byId.has(start) && byId.has(end)) {
      startsOf.set(end, [...(startsOf.get(end) ?? []), start]);
    }
  }
  const finite = (v: number, fallback: number) => Number.isFinite(v) ? v : fallback;
  // The days each point may fall on, from day 0 by the case's network (its own where none).
  const allowed = new Map(c.timepoints.map((t) => [t.id, sinceDay0(c, t.id)]));
  const limit = 4 * c.timepoints.length + 4;
  for (let round = 0; round < limit; round++) {
    let moved = false;
    for (const t of c.timepoints) {
      const anchor = t.anchor !== null && byId.has(t.anchor) ? t.anchor : null;
      const own = finite(t.day.nominal, 0);
      const follows = anchor !== null && t.rule !== "before" &&
        (t.rule === "after" || t.offset.nominal === 0);
      let p = own;
      let a = -Infinity;
      if (anchor !== null) {
        a = pos.get(anchor) ?? finite(nominal(anchor), 0);
        p = a + (own - finite(nominal(anchor), 0));
        if (t.rule === "before") p = Math.min(p, a - step);
        else if (follows) p = Math.max(p, a + step);
      }
      for (const earlier of boundedBy.get(t.id) ?? []) {
        const e = pos.get(earlier);
        if (e !== undefined) p = Math.max(p, e + step);
      }
      // Never outside the days the case allows it: a dated point stays on its date.
      const days = allowed.get(t.id)!;
      p = Math.min(Math.max(p, days.lo), days.hi);
      // Squeezed between what it follows and its bound when a whole step does not fit.
      const b = t.bound === null ? undefined : pos.get(t.bound);
      if (b !== undefined && p >= b) {
        const low = follows ? a : days.lo;
        p = Number.isFinite(low) && low < b ? (low + b) / 2 : b - step;
      } else if (follows && p <= a && days.hi > a) {
        p = a + Math.min(step, (days.hi - a) / 2);
      }
      // Never before the start of a period it ends. Always inside its days: a start is drawn
      // inside its own, and the case's network puts a start's latest day at or before its end's.
      for (const start of startsOf.get(t.id) ?? []) {
        const s = pos.get(start);
        if (s !== undefined && s > p) p = Math.min(s, days.hi);
      }
      if (pos.get(t.id) !== p) {
        moved ||= pos.has(t.id) && Math.abs(pos.get(t.id)! - p) > 1e-9;
        pos.set(t.id, p);
      }
    }
    if (!moved && round > 0) break;
  }
  return pos;
}

/**
 * How {@link narrativePositions} places a time the text does not date: `midway` between what it
 * follows and the later point that bounds it (rule `after` with a bound: its nominal day is the
 * middle of the two), `after` a small step after what it follows (rule `after`, no bound), or
 * `before` a small step before (rule `before`).
 */
export type UndatedPlacement = "midway" | "after" | "before";

/**
 * The placements that put a time on a figure's axis when the text does not date it from the
 * axis's origin: one per rule `after` or `before` on the way from the one to the other (the
 * rules that make `datedGap` false); none for a dated time.
 *
 * @param c The case.
 * @param x The time drawn.
 * @param origin The axis's origin (a time id of the case).
 * @returns The placements, each once, in the order of {@link UNDATED_PLACEMENTS}.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries } from "#lib/mod.ts";
 * import { undatedPlacements } from "#lib/plots/narrative.ts";
 * for (const c of (await loadCaseSeries()).cases) {
 *   // A time placed only between its anchor and a later bound: midway, from its anchor.
 *   for (const t of c.timepoints.filter((p) => p.rule === "after" && p.bound !== null)) {
 *     assert.deepEqual(undatedPlacements(c, t.id, t.anchor!), ["midway"]);
 *   }
 *   // A time is dated from itself.
 *   assert.deepEqual(undatedPlacements(c, c.timepoints[0].id, c.timepoints[0].id), []);
 * }
 * ```
 */
export function undatedPlacements(c: Case, x: string, origin: string): UndatedPlacement[] {
  const found = new Set<UndatedPlacement>();
  for (const t of gapPath(c, x, origin)) {
    if (t.rule === "before") found.add("before");
    else if (t.rule === "after") found.add(t.bound === null ? "after" : "midway");
  }
  return UNDATED_PLACEMENTS.filter((p) => found.has(p));
}

/** Every {@link UndatedPlacement}, in the order the caption names them. */
export const UNDATED_PLACEMENTS: readonly UndatedPlacement[] = Object.freeze([
  "midway",
  "after",
  "before",
]);

/**
 * The caption's sentence on the times the text does not date, naming how each of `placements`
 * puts them on the axis (the rules of {@link narrativePositions}); "" when there are none.
 *
 * @param placements The placements of the undated times drawn.
 * @param marks What the figure draws for them: `hollow`, a value at such a time is a hollow
 *   marker; `line`, what leads to it ("a dotted line"; "" for nothing).
 * @returns The sentence, with a leading space.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { undatedSentence } from "#lib/plots/narrative.ts";
 * assert.equal(undatedSentence([], { hollow: true, line: "a dotted line" }), "");
 * const s = undatedSentence(["midway"], { hollow: true, line: "a dotted line" });
 * assert.match(s, /between two others, midway/);
 * assert.match(s, /a value: hollow, a dotted line to it/);
 * assert.doesNotMatch(s, /small step/);
 * assert.match(undatedSentence(["after", "before"], { hollow: false, line: "" }), /after \(before\)/);
 * ```
 */
export function undatedSentence(
  placements: readonly UndatedPlacement[],
  marks: { hollow: boolean; line: string },
): string {
  const words: Record<UndatedPlacement, string> = {
    midway: "between two others, midway",
    after: "only after another, a small step after it",
    before: "only before another, a small step before it",
  };
  const used = UNDATED_PLACEMENTS.filter((p) => placements.includes(p));
  if (used.length === 0) return "";
  // Both sides: one clause.
  const clauses = used.includes("after") && used.includes("before")
    ? [
      ...used.filter((p) => p === "midway").map((p) => words[p]),
      "only after (before) another, a small step after (before) it",
    ]
    : used.map((p) => words[p]);
  const drawn = marks.hollow
    ? ` (a value: hollow${marks.line ? `, ${marks.line} to it` : ""})`
    : "";
  return ` Times the text does not date${drawn} are placed by its narrative, not at a date: ` +
    `${clauses.join("; ")}.`;
}

/**
 * The legend's words for a value at a time the text does not date (a hollow marker), and for the
 * dotted line to it where one is drawn.
 *
 * @param line Whether a dotted line leads to such a value.
 * @returns The label.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { undatedKey } from "#lib/plots/narrative.ts";
 * assert.equal(undatedKey(false), "undated time");
 * assert.match(undatedKey(true), /dotted/);
 * ```
 */
export function undatedKey(line: boolean): string {
  return line ? "undated time (dotted: a line to it)" : "undated time";
}
