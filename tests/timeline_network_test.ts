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
import { dataWithFixture } from "./helpers/data_dir.ts";

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
