/**
 * The check of `timepoints.csv`: each row's case known, time ids unique within a case, each
 * valid row a {@link Timepoint} at once (its day the stored columns until derived), its amount
 * and unit stated by its quote (`../../stated_amounts.ts`), then every time point derived from
 * its rule (`../resolve.ts`), and a warning for each point that the narrative alone leaves
 * unordered with a later row (`../narrative.ts`).
 *
 * @module
 */
import type { Timepoint } from "../../model.ts";
import type { TimepointRow } from "../../schema.ts";
import type { LoadContext } from "../context.ts";
import {
  AMOUNT_RULES,
  ARGS,
  type CaseTimes,
  NEW,
  resolveTimepoints,
  type Root,
  timeOf,
  TimesById,
  ZERO,
} from "../resolve.ts";
import { narrativeOrderWarnings, type NarrativeWarning } from "../narrative.ts";
import { ByCase } from "../rows.ts";
import { OtherColumns } from "../columns.ts";
import { quoteStatesAmount } from "../../stated_amounts.ts";

/**
 * The columns of `timepoints.csv` (`lib/schema.ts`): amount and unit give the offset; day_lo,
 * day_nominal and day_hi the day.
 */
const TIMEPOINT_COLUMNS = [
  "case_id",
  "time_id",
  "rule",
  "anchor",
  "bound",
  "amount",
  "unit",
  "day_lo",
  "day_nominal",
  "day_hi",
  "words",
  "quote",
] as const;

/**
 * Notes a time point whose row is not usable: its line and the column of its problem (the first
 * cell that failed), for the rows that refer to it to be counted under ("timepoints.csv:46:amount:
 * ... is not usable"). (Not a closure in the row handler: that would cost every row its context.)
 */
function markInvalid(
  invalid: Map<string, Map<string, Root>>,
  caseId: string,
  timeId: string,
  row: number,
  column: string | undefined,
): void {
  let bad = invalid.get(caseId);
  if (!bad) invalid.set(caseId, bad = new Map());
  bad.set(timeId, { id: timeId, row, ...(column === undefined ? {} : { column }) });
}

/**
 * Checks `timepoints.csv` and resolves its time points into `ctx.resolved` (a row that fails its
 * schema still declares its time id, in `ctx.invalid`).
 *
 * @param ctx The load (cases read).
 * @param checkStored Whether the stored `day_*` columns are checked against the rules.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { LoadContext } from "#lib/data/context.ts";
 * import { checkTimepoints } from "#lib/data/checks/timepoints.ts";
 * const ctx = new LoadContext("/nowhere/", "/nowhere", new Map([["timepoints.csv", ""]]));
 * checkTimepoints(ctx, true);
 * assert.equal(ctx.timesKnown, false);
 * assert.match(ctx.issues.error()!.issues[0].message, /file is empty/);
 * ```
 */
export function checkTimepoints(ctx: LoadContext, checkStored: boolean): void {
  const { issues, invalid } = ctx;
  const timeRows = new ByCase<CaseTimes>();
  const columns = new OtherColumns("timepoints", TIMEPOINT_COLUMNS);
  ctx.table<TimepointRow>("timepoints", (row, r, valid) => {
    const { case_id: caseId, time_id: timeId } = valid;
    if (caseId === undefined || !ctx.checkCase("timepoints.csv", row, caseId)) return;
    if (timeId === undefined) return;
    let ct = timeRows.get(caseId);
    if (!ct) timeRows.set(caseId, ct = { byId: new TimesById(), args: [] });
    const m = ct.byId;
    const earlier = m.get(timeId);
    const first = earlier
      ? ct.args[ARGS * earlier.order] as number
      : invalid.get(caseId)?.get(timeId)?.row;
    if (first !== undefined) {
      issues.push({
        file: "timepoints.csv",
        row,
        column: "time_id",
        message: `duplicate time_id '${timeId}' (first at line ${first})`,
      });
      return;
    }
    if (r === null) {
      return markInvalid(
        invalid,
        caseId,
        timeId,
        row,
        TIMEPOINT_COLUMNS.find((c) => !(c in valid)),
      );
    }
    const quote = ctx.check.quote(
      "timepoints.csv",
      row,
      ctx.caseSource.get(caseId),
      "quote",
      r.quote,
    );
    if (r.amount !== null && r.unit !== null && AMOUNT_RULES.has(r.rule)) {
      const wrong = quoteStatesAmount(r.quote, r.amount, r.unit);
      if (wrong) {
        issues.push({ file: "timepoints.csv", row, ...wrong });
        // Its days, and those of every point dated from it, would only repeat this problem: they
        // are not checked, as for a row that failed its schema (reported once, at its cause).
        return markInvalid(invalid, caseId, timeId, row, wrong.column);
      }
    }
    const order = m.size;
    const tp: Timepoint = {
      id: timeId,
      rule: r.rule,
      anchor: r.anchor,
      bound: r.bound,
      day: { lo: r.day_lo, hi: r.day_hi, nominal: r.day_nominal, timeId, depth: 0, order },
      offset: ZERO,
      depth: 0,
      order,
      words: r.words,
      quote,
      columns: columns.of(r),
    };
    m.set(timeId, tp);
    ct.args.push(row, r.amount, r.unit, NEW);
  });
  ctx.timesKnown = ctx.usable.has("timepoints");
  if (ctx.timesKnown) {
    // The narrative-order warning of each case as soon as it is derived, while its rows are
    // still at hand (resolving lets them go: keeping every case's cost memory at scale).
    ctx.resolved = resolveTimepoints(
      timeRows,
      invalid,
      ctx.caseIds,
      ctx.casesKnown,
      issues,
      checkStored,
      (caseId, ct, of) => {
        const found: NarrativeWarning[] = [];
        narrativeOrderWarnings(ct, (tp) => timeOf(of, tp.id) === tp, found);
        if (found.length > 0) ctx.narrativeOrder.set(caseId, found);
      },
    );
  }
}
