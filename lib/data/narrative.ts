/**
 * The narrative-order warning: the order of the rows of `timepoints.csv` is the order the text
 * narrates them, but only a `bound` makes it a constraint (`data/README.md`, "Narrative bounds").
 * A point placed `after` its anchor with no `bound`, followed in the narrative by a row dated from
 * another anchor, may fall before or after that row: a warning names the row to give as its bound.
 *
 * @module
 */
import type { DataIssue } from "../errors.ts";
import type { Timepoint } from "../model.ts";
import { ARGS, type CaseTimes } from "./resolve.ts";

/**
 * Warns of each time point with rule `after` and no `bound` that a later row of its case follows
 * in the narrative while dated from another anchor (no anchor chain from the later row leads back
 * to it) and possibly before it: the two may fall in either order. The first such row is named,
 * as the bound to give it when the text places the point before that row. Rows placed by rule
 * `before` (told out of order by the text's own words) and the origin are not such rows, nor is a
 * row dated at or before the point's earliest day.
 *
 * @param times One case's rows, in file order, with their lines (`CaseTimes`); read after the
 *   time points are derived.
 * @param derived Whether a time point was derived (a point that was not has its own problem).
 * @param warnings Where the warnings go, each `timepoints.csv:row:bound`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { narrativeOrderWarnings } from "#lib/data/narrative.ts";
 * import { TimesById } from "#lib/data/resolve.ts";
 * const tp = (id: string, order: number, rule: string, anchor: string | null, lo: number, hi: number) =>
 *   ({ id, order, rule, anchor, bound: null, day: { lo, hi, nominal: lo } }) as never;
 * const byId = new TimesById();
 * byId.set("surgery", tp("surgery", 0, "origin", null, 0, 0));
 * byId.set("drug_start", tp("drug_start", 1, "after", "surgery", 0, Infinity));
 * byId.set("last_visit", tp("last_visit", 2, "approx", "surgery", 165, 195));
 * const args: (number | "month" | null)[] = [2, null, null, 2, 3, null, null, 2, 4, 6, "month", 2];
 * const warnings: { row?: number; column?: string; message: string }[] = [];
 * narrativeOrderWarnings({ byId, args }, () => true, warnings as never);
 * assert.equal(warnings.length, 1);
 * assert.equal(warnings[0].row, 3);
 * assert.match(warnings[0].message, /give it bound 'last_visit'/);
 * ```
 */
export function narrativeOrderWarnings(
  times: CaseTimes,
  derived: (tp: Timepoint) => boolean,
  warnings: DataIssue[],
): void {
  const list = times.byId.values();
  const open = list.filter((tp) => tp.rule === "after" && tp.bound === null && tp.anchor !== null);
  if (open.length === 0) return;
  const within = anchorTree(times);
  const line = (tp: Timepoint) => times.args[ARGS * tp.order] as number;
  for (const p of open) {
    if (!within.reached(p.order) || !derived(p)) continue;
    for (let j = p.order + 1; j < list.length; j++) {
      const q = list[j];
      if (q.rule === "before" || q.rule === "origin" || !within.reached(j) || !derived(q)) continue;
      if (within.below(j, p.order) || q.day.hi <= p.day.lo) continue;
      warnings.push({
        file: "timepoints.csv",
        row: line(p),
        column: "bound",
        message: `'${p.id}' (rule 'after', no bound) is narrated before '${q.id}' (line ` +
          `${line(q)}), which is dated from another anchor: the two may fall in either order. ` +
          `If the text places '${p.id}' before it, give it bound '${q.id}' (data/README.md, ` +
          `"Narrative bounds")`,
      });
      break;
    }
  }
}

/**
 * The anchor forest of one case's rows (each row under its anchor), by file order: whether a row
 * is reached from a root (a row on a cycle of anchors is not), and whether one row is anchored,
 * through any chain, on another (entry and exit times of a depth-first walk).
 */
function anchorTree(times: CaseTimes): {
  reached: (i: number) => boolean;
  below: (i: number, ancestor: number) => boolean;
} {
  const list = times.byId.values();
  const n = list.length;
  const children: number[][] = Array.from({ length: n }, () => []);
  const roots: number[] = [];
  for (const tp of list) {
    const a = tp.anchor === null ? undefined : times.byId.get(tp.anchor);
    if (a === undefined) roots.push(tp.order);
    else children[a.order].push(tp.order);
  }
  const enter = new Int32Array(n).fill(-1);
  const exit = new Int32Array(n).fill(-1);
  let clock = 0;
  for (const root of roots) {
    const stack: [number, number][] = [[root, 0]];
    enter[root] = clock++;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const [i, k] = top;
      if (k < children[i].length) {
        top[1]++;
        const child = children[i][k];
        enter[child] = clock++;
        stack.push([child, 0]);
      } else {
        exit[i] = clock++;
        stack.pop();
      }
    }
  }
  return {
    reached: (i) => enter[i] >= 0,
    below: (i, ancestor) => enter[ancestor] <= enter[i] && exit[i] <= exit[ancestor],
  };
}
