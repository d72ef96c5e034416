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
import type { Reading } from "../readings_schema.ts";
import { beforeAnchor } from "../intervals.ts";
import { ARGS, type CaseTimes } from "./resolve.ts";

/** A narrative-order warning with the two rows it is about (ids within one case). */
export interface NarrativeWarning {
  /** The point with rule `after` and no bound. */
  point: string;
  /** The later row that may fall before it. */
  later: string;
  /** The warning, at the point's row. */
  issue: DataIssue;
}

/**
 * Warns of each time point with rule `after` and no `bound` that a later row of its case follows
 * in the narrative while dated from another anchor (no anchor chain from the later row leads back
 * to it, nor from the point to the later row: a point anchored, directly or through a chain, on a
 * row narrated after it is surely after that row) and possibly before it: the two may fall in
 * either order. The first such row is named,
 * as the bound to give it when the text places the point before that row. Rows placed before
 * their anchor (rule `before`, or counted back from it: `exact-before`, `approx-before`,
 * `within-before`: told out of order by the text's own words) and the origin are not such rows,
 * nor is a row dated at or before the point's earliest day. A point anchored on the later row
 * through a point counted back from it ("after a drug started two weeks before the visit") is not
 * surely after it, and is warned of.
 *
 * @param times One case's rows, in file order, with their lines (`CaseTimes`); read after the
 *   time points are derived.
 * @param derived Whether a time point was derived (a point that was not has its own problem).
 * @param warnings Where the warnings go, each `timepoints.csv:row:bound` with the two rows' ids
 *   (`point`, `later`), for {@link unaddressed}.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { type NarrativeWarning, narrativeOrderWarnings } from "#lib/data/narrative.ts";
 * import { TimesById } from "#lib/data/resolve.ts";
 * const tp = (id: string, order: number, rule: string, anchor: string | null, lo: number, hi: number) =>
 *   ({ id, order, rule, anchor, bound: null, day: { lo, hi, nominal: lo } }) as never;
 * const byId = new TimesById();
 * byId.set("surgery", tp("surgery", 0, "origin", null, 0, 0));
 * byId.set("drug_start", tp("drug_start", 1, "after", "surgery", 0, Infinity));
 * byId.set("last_visit", tp("last_visit", 2, "approx", "surgery", 165, 195));
 * const args: (number | "month" | null)[] = [2, null, null, 2, 3, null, null, 2, 4, 6, "month", 2];
 * const warnings: NarrativeWarning[] = [];
 * narrativeOrderWarnings({ byId, args }, () => true, warnings);
 * assert.equal(warnings.length, 1);
 * assert.equal(warnings[0].issue.row, 3);
 * assert.deepEqual([warnings[0].point, warnings[0].later], ["drug_start", "last_visit"]);
 * assert.match(warnings[0].issue.message, /give it bound 'last_visit'/);
 * ```
 */
export function narrativeOrderWarnings(
  times: CaseTimes,
  derived: (tp: Timepoint) => boolean,
  warnings: NarrativeWarning[],
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
      if (beforeAnchor(q.rule) || q.rule === "origin") continue;
      if (!within.reached(j) || !derived(q)) continue;
      // Dated from the point, or the point dated from it by forward rules: their order is set.
      if (within.below(j, p.order) || q.day.hi <= p.day.lo) continue;
      if (within.below(p.order, j) && forwardChain(times, p, q)) continue;
      const issue: DataIssue = {
        file: "timepoints.csv",
        row: line(p),
        column: "bound",
        message: `'${p.id}' (rule 'after', no bound) is narrated before '${q.id}' (line ` +
          `${line(q)}), which is dated from another anchor: the two may fall in either order. ` +
          `If the text places '${p.id}' before it, give it bound '${q.id}' (data/README.md, ` +
          `"Narrative bounds")`,
      };
      warnings.push({ point: p.id, later: q.id, issue });
      break;
    }
  }
}

/**
 * Whether every rule on the anchor chain from `p` up to its ancestor `q` places a point at or
 * after its anchor (none counted back, none `before`): `p` is then surely at or after `q`.
 */
function forwardChain(times: CaseTimes, p: Timepoint, q: Timepoint): boolean {
  for (let t: Timepoint | undefined = p; t !== undefined && t !== q;) {
    if (beforeAnchor(t.rule)) return false;
    t = t.anchor === null ? undefined : times.byId.get(t.anchor);
  }
  return true;
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

/**
 * The narrative-order warnings no alternative reading addresses: a reading (`readings.csv`) that
 * dates the later row from the point (its `anchor` or `bound`), or bounds the point by the later
 * row, takes up the order of the two in the sensitivity analysis, so the question the warning asks
 * has been answered there, and the warning is left out.
 *
 * @param caseId The case of the warnings.
 * @param warnings The case's narrative-order warnings.
 * @param readings The alternative readings (`checkReadings`).
 * @returns The warnings left.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { unaddressed } from "#lib/data/narrative.ts";
 * const w = { point: "p", later: "q", issue: { file: "timepoints.csv", message: "m" } };
 * const reading = (anchor: string) =>
 *   ({ rows: [{ case_id: "1", time_id: "q", anchor, bound: null }] }) as never;
 * assert.deepEqual(unaddressed("1", [w], [reading("p")]), []);
 * assert.deepEqual(unaddressed("1", [w], [reading("other")]), [w]);
 * assert.deepEqual(unaddressed("2", [w], [reading("p")]), [w]);
 * ```
 */
export function unaddressed(
  caseId: string,
  warnings: readonly NarrativeWarning[],
  readings: readonly Pick<Reading, "rows">[],
): NarrativeWarning[] {
  const rows = readings.flatMap((r) => r.rows).filter((r) => r.case_id === caseId);
  return warnings.filter((w) =>
    !rows.some((r) =>
      (r.time_id === w.later && (r.anchor === w.point || r.bound === w.point)) ||
      (r.time_id === w.point && r.bound === w.later)
    )
  );
}
