/**
 * `relativeDay` computes the tightest bounds of the simple temporal network by shortest paths
 * from the queried point; here every pair of time points of every case (real data and the
 * synthetic second article) is checked against an all-pairs reference (Floyd–Warshall on the
 * same constraints: an offset bounds a point against its anchor on both sides, a narrative bound
 * puts it at or before the bound, and a period, a dose period or the one a value is stated over,
 * starts at or before its end).
 */
import assert from "node:assert/strict";
import { type Case, loadCaseSeries, relativeDay } from "../lib/mod.ts";
import { TimeNetwork } from "../lib/time_network.ts";
import { dataWithFixture } from "./helpers/data_dir.ts";
import { makeCase } from "./helpers/constructed_case.ts";

/** Greatest admissible time(j) − time(i) for every pair, by Floyd–Warshall. */
function allPairs(c: Case): (i: number, j: number) => number {
  const tps = c.timepoints;
  const m = tps.length;
  const index = new Map(tps.map((t, i) => [t.id, i]));
  const d = new Float64Array(m * m).fill(Infinity);
  const tighten = (i: number, j: number, w: number) => {
    if (w < d[i * m + j]) d[i * m + j] = w;
  };
  for (let i = 0; i < m; i++) d[i * m + i] = 0;
  tps.forEach((t, i) => {
    const a = t.anchor === null ? undefined : index.get(t.anchor);
    if (a !== undefined) tighten(a, i, t.offset.hi), tighten(i, a, -t.offset.lo);
    const b = t.bound === null ? undefined : index.get(t.bound);
    if (b !== undefined) tighten(b, i, 0);
  });
  const spans = c.observations.flatMap((o) => o.span === null ? [] : [o.span]);
  for (const p of [...c.treatments, ...spans]) {
    if (p.end !== null) tighten(index.get(p.end.timeId)!, index.get(p.start.timeId)!, 0);
  }
  for (let k = 0; k < m; k++) {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) tighten(i, j, d[i * m + k] + d[k * m + j]);
    }
  }
  return (i, j) => d[i * m + j];
}

Deno.test("relativeDay gives the all-pairs tightest bounds for every pair of time points", async () => {
  const dir = await dataWithFixture();
  const series = await loadCaseSeries(dir);
  await Deno.remove(dir, { recursive: true });
  let pairs = 0;
  for (const c of series.cases) {
    const d = allPairs(c);
    c.timepoints.forEach((x, i) =>
      c.timepoints.forEach((y, j) => {
        const r = relativeDay(c, x.id, y.id);
        assert.deepEqual(
          [r.lo, r.hi],
          [-d(i, j) + 0, d(j, i) + 0],
          `case ${c.id}: ${x.id} − ${y.id}`,
        );
        pairs++;
      })
    );
  }
  assert.ok(pairs > 100, `${pairs} pairs`);
});

Deno.test("a time bounded only from below is bounded above by the end of a period it starts", () => {
  // a is on day 5 or later (no bound stated); b, on days 20 to 30, ends the period a starts.
  const closed = makeCase({ a: [5, Infinity], b: [20, 30] }, [
    { drug: "x", dose: null, start: "a", end: "b" },
  ], {});
  const bounds = (r: { lo: number; hi: number }) => [r.lo, r.hi];
  assert.deepEqual(bounds(relativeDay(closed, "a", "t0")), [5, 30]);
  assert.deepEqual(bounds(relativeDay(closed, "b", "a")), [0, 25]);
  // With no end stated the period bounds nothing: a stays open above.
  const open = makeCase({ a: [5, Infinity], b: [20, 30] }, [
    { drug: "x", dose: null, start: "a", end: null },
  ], {});
  assert.equal(relativeDay(open, "a", "t0").hi, Infinity);
  assert.equal(relativeDay(open, "b", "a").lo, -Infinity);
});

Deno.test("a value's period bounds its start as a dose period does; one at a single time point bounds nothing", () => {
  const base = makeCase({ a: [5, Infinity], b: [20, 30] }, [], { b: 4 });
  const spanned = (start: string, end: string) => ({
    ...base,
    observations: base.observations.map((o) => ({
      ...o,
      span: {
        start: base.timepoints.find((t) => t.id === start)!.day,
        end: base.timepoints.find((t) => t.id === end)!.day,
      },
    })),
  });
  assert.equal(relativeDay(base, "a", "t0").hi, Infinity);
  assert.equal(relativeDay(spanned("a", "b"), "a", "t0").hi, 30);
  assert.equal(relativeDay(spanned("a", "a"), "a", "t0").hi, Infinity);
});

Deno.test("a case built by hand whose period surely ends before it starts is refused by name, not bounded", () => {
  // The loader never builds one (its period-order check refuses the row); a case made in code may.
  const c = makeCase({ a: 5, b: 10 }, [{ drug: "x", dose: null, start: "b", end: "a" }], {});
  assert.throws(
    () => relativeDay(c, "a", "t0"),
    /case N1: the time points and periods contradict each other around '/,
  );
});

Deno.test("a contradiction names the periods only when the time points alone hold together", () => {
  const p = (id: string, anchor: string | null, bound: string | null, lo: number, hi: number) => ({
    id,
    anchor,
    bound,
    offset: { lo, hi, nominal: lo },
    day: { nominal: lo },
  });
  // b is exactly 10 days after t0 yet bounded by a (day 5): the time points contradict each
  // other, whatever the period from t0 to a.
  const points = [p("t0", null, null, 0, 0), p("a", "t0", null, 5, 5), p("b", "t0", "a", 10, 10)];
  const net = new TimeNetwork("A", points, [{ start: "t0", end: "a" }]);
  assert.throws(() => net.between("a", "t0"), {
    name: "RangeError",
    message: /^case A: the time points contradict each other around '/,
  });
  // A period from b to a alone makes b (day 10) at or before a (day 5).
  const ok = [p("t0", null, null, 0, 0), p("a", "t0", null, 5, 5), p("b", "t0", null, 10, 10)];
  const swapped = new TimeNetwork("A", ok, [{ start: "b", end: "a" }]);
  assert.throws(() => swapped.between("a", "t0"), {
    name: "RangeError",
    message: /^case A: the time points and periods contradict each other around '/,
  });
});
