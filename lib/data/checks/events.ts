/**
 * The check of `events.csv`, with the amputation rules: each row's case and time point known, its
 * kind in the recommended vocabulary (else a warning), its quote in its article's text, no
 * duplicate; every case has an amputation, and a case with several says which one its phantom
 * pain follows (`amputation.ts`).
 *
 * @module
 */
import { AMPUTATION, painAmputation } from "../../amputation.ts";
import { type CaseEvent, compareDays } from "../../model.ts";
import type { EventRow } from "../../schema.ts";
import type { LoadContext } from "../context.ts";
import { timeOf } from "../resolve.ts";
import { beforeAnchor } from "../../intervals.ts";
import { ByCase, CaseRows } from "../rows.ts";
import { OtherColumns } from "../columns.ts";
import type { CaseLine } from "./cases.ts";
import { compareText } from "../../text_order.ts";

/** What the check of `events.csv` gives. */
export interface CheckedEvents {
  /** Each case's events, in file order. */
  events: ByCase<CaseRows<CaseEvent, string>>;
  /** Each case's earliest amputation day (`lo`): no pain value may be dated before it. */
  firstAmputation: ByCase<number>;
  /** Per case: the amputation its phantom pain follows. */
  painAmputations: Map<string, CaseEvent>;
}

/**
 * Order of a case's events: by day ({@link compareDays}), then kind.
 *
 * @param a An event.
 * @param b Another.
 * @returns Negative when `a` comes first.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { byEventDay } from "#lib/data/checks/events.ts";
 * const day = { lo: 0, hi: 0, nominal: 0, timeId: "t0", depth: 0, order: 0 };
 * const ev = (kind: string) => ({ kind, day, description: "", quote: "", columns: {} });
 * assert.ok(byEventDay(ev("amputation"), ev("onset")) < 0);
 * ```
 */
export const byEventDay = (a: CaseEvent, b: CaseEvent): number =>
  compareDays(a.day, b.day) || compareText(a.kind, b.kind);

/**
 * Checks `events.csv` and the amputations of every case.
 *
 * @param ctx The load (cases read, time points resolved).
 * @param caseRows The valid rows of `cases.csv`.
 * @returns The events, each case's first amputation day, and the amputation its pain follows.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { LoadContext } from "#lib/data/context.ts";
 * import { checkEvents } from "#lib/data/checks/events.ts";
 * const ctx = new LoadContext("/nowhere/", "/nowhere", new Map([["events.csv", ""]]));
 * assert.equal(checkEvents(ctx, []).painAmputations.size, 0);
 * ```
 */
export function checkEvents(ctx: LoadContext, caseRows: readonly CaseLine[]): CheckedEvents {
  const { issues } = ctx;
  const events = new ByCase<CaseRows<CaseEvent, string>>();
  /** Cases with an amputation row, or with an event row whose kind is unreadable. */
  const amputated = new Set<string>();
  const firstAmputation = new ByCase<number>();
  /** Cases with an event row left out (it failed its schema or its time is unusable). */
  const partial = new Set<string>();
  const columns = new OtherColumns("events", ["case_id", "kind", "time", "description", "quote"]);
  ctx.table<EventRow>("events", (row, r, valid) => {
    const file = "events.csv";
    if (valid.case_id !== undefined && (valid.kind === undefined || valid.kind === "amputation")) {
      amputated.add(valid.case_id);
    }
    if (r === null) {
      if (valid.case_id !== undefined) partial.add(valid.case_id);
      return;
    }
    if (!ctx.checkCase(file, row, r.case_id)) return;
    ctx.terms.check(file, row, "kind", r.kind);
    r.quote = ctx.check.quote(file, row, ctx.caseSource.get(r.case_id), "quote", r.quote);
    const day = ctx.dayOf(file, row, "time", r.case_id, r.time);
    if (!day) return void partial.add(r.case_id);
    const of = events.get(r.case_id);
    const key = `${r.kind}\u0000${r.time}`;
    const first = of?.earlier(key);
    if (first !== undefined) {
      issues.push({
        file,
        row,
        message: `duplicate of the row at line ${first} (same case_id, kind and time)`,
      });
      return;
    }
    if (r.kind === "amputation") {
      firstAmputation.set(r.case_id, Math.min(firstAmputation.get(r.case_id) ?? Infinity, day.lo));
    }
    const event = {
      kind: r.kind,
      day,
      description: r.description,
      quote: r.quote,
      columns: columns.of(r),
    };
    if (of) of.add(event, key, row);
    else events.set(r.case_id, new CaseRows(event, key, row));
  });
  if (ctx.usable.has("events") && ctx.timesKnown) {
    for (const { r, row } of caseRows) {
      if (!amputated.has(r.case_id)) {
        issues.push({
          file: "cases.csv",
          row,
          column: "case_id",
          message: `case ${r.case_id} has no amputation event in events.csv (every case needs one)`,
        });
      }
    }
  }
  return {
    events,
    firstAmputation,
    painAmputations: painAmputations(ctx, caseRows, events, partial),
  };
}

/**
 * Per case: the amputation its phantom pain follows (`amputation.ts`); problems reported, except
 * for a case with an event row left out (`partial`), whose problem is reported at that row.
 */
function painAmputations(
  ctx: LoadContext,
  caseRows: readonly CaseLine[],
  events: ByCase<CaseRows<CaseEvent, string>>,
  partial: ReadonlySet<string>,
): Map<string, CaseEvent> {
  const out = new Map<string, CaseEvent>();
  for (const { r, row } of caseRows) {
    // An event left out (its own problem reported) may be the onset that decides: not judged.
    if (partial.has(r.case_id)) continue;
    const all = events.get(r.case_id)?.values ?? [];
    const amputations = all.filter((e) => e.kind === AMPUTATION);
    if (amputations.length === 0) continue; // reported above, or a knock-on
    if (amputations.length === 1) {
      out.set(r.case_id, amputations[0]);
      continue;
    }
    const of = [...all].sort(byEventDay);
    const caseTimes = ctx.resolved.times.get(r.case_id);
    // A point at or before its anchor does not follow it: the chain stops there.
    const choice = painAmputation(r.case_id, of, (id) => {
      const t = timeOf(caseTimes, id);
      return t === undefined || beforeAnchor(t.rule) ? null : t.anchor;
    });
    if ("event" in choice) out.set(r.case_id, choice.event);
    else ctx.issues.push({ file: "cases.csv", row, column: "case_id", message: choice.problem });
  }
  return out;
}
