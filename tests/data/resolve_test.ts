/**
 * Time points resolved: a case's time points are found by id whether scanned or indexed, every
 * day is derived from its anchor, and a cycle or unknown anchor is reported at its row with the
 * points that depend on it counted under it.
 */
import assert from "node:assert/strict";
import { Issues } from "../../lib/data/issues.ts";
import {
  ARGS,
  type CaseTimes,
  NEW,
  resolveTimepoints,
  TimesById,
  ZERO,
} from "../../lib/data/resolve.ts";
import { ByCase, SCANNED } from "../../lib/data/rows.ts";
import type { TimeRule, TimeUnit } from "../../lib/intervals.ts";
import type { Timepoint } from "../../lib/model.ts";

Deno.test("TimesById finds every time point, scanned and then indexed beyond SCANNED", () => {
  const m = new TimesById();
  const n = SCANNED + 5;
  for (let i = 0; i < n; i++) m.set(`t${i}`, { id: `t${i}` } as Timepoint);
  assert.equal(m.size, n);
  for (let i = 0; i < n; i++) assert.equal(m.get(`t${i}`)?.id, `t${i}`);
  assert.equal(m.has(`t${n}`), false);
  assert.deepEqual(m.values().map((t) => t.id).slice(0, 2), ["t0", "t1"]);
});

/** One case's rows: [id, rule, anchor, amount, unit, line]. */
type Row = [string, TimeRule, string | null, number | null, TimeUnit | null, number];

function times(rows: Row[]): ByCase<CaseTimes> {
  const ct: CaseTimes = { byId: new TimesById(), args: [] };
  for (const [id, rule, anchor, amount, unit, line] of rows) {
    const order = ct.byId.size;
    ct.byId.set(id, {
      id,
      rule,
      anchor,
      bound: null,
      day: { lo: 0, hi: 0, nominal: 0, timeId: id, depth: 0, order },
      offset: ZERO,
      depth: 0,
      order,
      words: id,
      quote: id,
      columns: {},
    });
    ct.args.push(line, amount, unit, NEW);
  }
  assert.equal(ct.args.length, ARGS * rows.length);
  const out = new ByCase<CaseTimes>();
  out.set("c", ct);
  return out;
}

Deno.test("days are derived from anchors in any row order", () => {
  const issues = new Issues();
  const r = resolveTimepoints(
    times([
      ["b", "exact", "a", 3, "day", 3],
      ["a", "exact", "o", 2, "day", 4],
      ["o", "origin", null, null, null, 2],
    ]),
    new Map(),
    new Map([["c", 2]]),
    true,
    issues,
    false,
  );
  assert.equal(issues.error(), null);
  const days = Object.fromEntries(r.derived.get("c")!.map((t) => [t.id, t.day.nominal]));
  assert.deepEqual(days, { o: 0, a: 2, b: 5 });
});

Deno.test("a cycle is reported once, and every point that leads into it is counted under it", () => {
  const issues = new Issues();
  const r = resolveTimepoints(
    times([
      ["o", "origin", null, null, null, 2],
      ["x", "exact", "y", 1, "day", 3],
      ["y", "exact", "x", 1, "day", 4],
      ["z", "exact", "x", 1, "day", 5],
    ]),
    new Map(),
    new Map([["c", 2]]),
    true,
    issues,
    false,
  );
  assert.deepEqual(r.derived.get("c")!.map((t) => t.id), ["o"]);
  const messages = issues.error()!.issues.map((i) => `${i.row}:${i.column ?? ""}:${i.message}`);
  assert.equal(messages.filter((m) => m.includes("cycle")).length, 1);
  assert.ok(
    messages.some((m) => /x. of case c is not usable: 3 rows .*timepoints.csv:5/.test(m)),
    messages.join("\n"),
  );
});
