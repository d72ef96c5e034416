/**
 * The order in which a case's tables list its time points: by nominal day, then by the order of
 * the narrative (`compareDays`), except where the text states the order of two points that share
 * a nominal day: a point its rule places at or before its anchor (`beforeAnchor`: rule `before`,
 * or counted back) on the anchor's own nominal day is listed just before that anchor, though its
 * row is narrated after it (a drug given "prior to surgery", narrated after the surgery).
 *
 * @module
 */
import { beforeAnchor } from "../intervals.ts";
import { compareDays, type Timepoint } from "../model.ts";

/**
 * A comparator of a case's time ids in the order its tables list them (see the module).
 *
 * @param timepoints The case's time points.
 * @returns Compares two time ids of them: negative when the first is listed first.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { listedOrder, type Timepoint } from "#lib/mod.ts";
 * const point = (id: string, rule: Timepoint["rule"], anchor: string | null, order: number) =>
 *   ({
 *     id, rule, anchor, bound: null, order, depth: anchor ? 1 : 0, words: id, quote: id,
 *     columns: {}, offset: { lo: 0, hi: 0, nominal: 0 },
 *     day: { lo: 0, hi: 0, nominal: 0, timeId: id, depth: anchor ? 1 : 0, order },
 *   }) as Timepoint;
 * // The point pre is narrated after op but placed before it on its day: it is listed first.
 * const ids = ["op", "pre", "later"];
 * const points = [point("op", "origin", null, 0), point("pre", "before", "op", 1),
 *   point("later", "after", "op", 2)];
 * assert.deepEqual(ids.toSorted(listedOrder(points)), ["pre", "op", "later"]);
 * ```
 */
export function listedOrder(
  timepoints: readonly Timepoint[],
): (a: string, b: string) => number {
  const byId = new Map(timepoints.map((t) => [t.id, t]));
  // The point a chain of such "before" rules on one nominal day ends in, and how many steps
  // before it this one is (a point before a point before the anchor: two).
  const keys = new Map<string, { root: Timepoint; steps: number }>();
  const keyOf = (t: Timepoint) => {
    const known = keys.get(t.id);
    if (known) return known;
    let root = t;
    let steps = 0;
    const seen = new Set([t.id]);
    for (;;) {
      const a = root.anchor === null ? undefined : byId.get(root.anchor);
      if (!a || seen.has(a.id) || !beforeAnchor(root.rule)) break;
      if (a.day.nominal !== t.day.nominal) break;
      seen.add(a.id);
      root = a;
      steps++;
    }
    const key = { root, steps };
    keys.set(t.id, key);
    return key;
  };
  return (x, y) => {
    const a = byId.get(x)!;
    const b = byId.get(y)!;
    const ka = keyOf(a);
    const kb = keyOf(b);
    return compareDays(ka.root.day, kb.root.day) || kb.steps - ka.steps ||
      compareDays(a.day, b.day);
  };
}
