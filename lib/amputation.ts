/**
 * Which amputation a case's phantom pain follows, when the case has several (an accident, then a
 * revision): the only one; else the one the phantom pain onset is dated from, through the anchors
 * of its time point ("within 3 days of the revision"), each counted forward (a point dated before
 * its anchor, "2 days before the revision", does not follow it). "Days from amputation" count from it. With
 * several amputations and an onset dated from none of them the text does not say, and the loader
 * reports it rather than guess.
 *
 * @module
 */
import type { CaseEvent } from "./model.ts";

/** Event kind of an amputation (`events.csv`; recommended terms in `data/README.md`). */
export const AMPUTATION = "amputation";
/** Event kind of the onset of phantom pain. */
export const PHANTOM_PAIN_ONSET = "phantom pain onset";

/** The amputation chosen, or why none can be. */
export type AmputationChoice = { event: CaseEvent } | { problem: string };

/**
 * The amputation a case's phantom pain follows.
 *
 * @param caseId The case (for the message).
 * @param events The case's events, in order of day (the first onset is the one used).
 * @param anchorOf The anchor of a time point (`null` for the origin, an unknown id, or a point
 *   placed at or before its anchor: `beforeAnchor`).
 * @returns The amputation event, or a problem naming the case and its amputations.
 * @example
 * ```ts
 * import { painAmputation } from "#lib/amputation.ts";
 * const day = (timeId: string) => ({ lo: 0, hi: 0, nominal: 0, timeId, depth: 0, order: 0 });
 * const ev = (kind: string, t: string) =>
 *   ({ kind, day: day(t), description: "", quote: "", columns: {} });
 * const events = [ev("amputation", "accident"), ev("amputation", "revision"),
 *   ev("phantom pain onset", "onset")];
 * const anchors = new Map([["onset", "revision"], ["revision", "accident"]]);
 * const r = painAmputation("S1", events, (id) => anchors.get(id) ?? null);
 * if (!("event" in r) || r.event.day.timeId !== "revision") throw new Error("revision");
 * const none = painAmputation("S1", events.slice(0, 2), () => null);
 * if (!("problem" in none)) throw new Error("several, no onset: a problem");
 * ```
 */
export function painAmputation(
  caseId: string,
  events: readonly CaseEvent[],
  anchorOf: (timeId: string) => string | null,
): AmputationChoice {
  const amputations = events.filter((e) => e.kind === AMPUTATION);
  if (amputations.length === 1) return { event: amputations[0] };
  if (amputations.length === 0) return { problem: `case ${caseId} has no amputation event` };
  const onset = events.find((e) => e.kind === PHANTOM_PAIN_ONSET);
  const seen = new Set<string>();
  for (let id = onset?.day.timeId ?? null; id !== null && !seen.has(id); id = anchorOf(id)) {
    seen.add(id);
    const hit = amputations.find((a) => a.day.timeId === id);
    if (hit) return { event: hit };
  }
  const names = amputations.map((a) => `'${a.day.timeId}'`).join(", ");
  return {
    problem: `case ${caseId} has ${amputations.length} amputations (events.csv times ${names}) ` +
      "and nothing says which the phantom pain follows: " +
      (onset
        ? `its '${PHANTOM_PAIN_ONSET}' (time '${onset.day.timeId}') is not dated after any of them`
        : `it has no '${PHANTOM_PAIN_ONSET}' event`) +
      ". Date the onset from the amputation it follows (its anchor in timepoints.csv, as in " +
      `"within 3 days of the revision", or rule 'after' when only the narrative orders them; ` +
      "not a rule that counts back from it)",
  };
}
