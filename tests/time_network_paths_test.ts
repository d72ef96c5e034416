/**
 * The time network reads distances off the anchors' forest where every sum of weights is exact
 * (`lib/time_paths.ts`) instead of searching from every queried point. Here, on random networks
 * (seeded), every answer and every error is the one the search from each queried point gives,
 * to the last bit: the former algorithm is kept below as the reference, with the same allowance
 * for rounding where sums are not exact (`roundingSlack`; tests/time_network_rounding_test.ts
 * checks that against exact sums). And the searches it makes no longer grow with the points
 * queried where the forest answers.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import type { NominalInterval } from "../lib/intervals.ts";
import {
  type NetworkPeriod,
  type NetworkPoint,
  roundingSlack,
  TimeNetwork,
} from "../lib/time_network.ts";

const SEED = 20121123;

/** The former network: Bellman–Ford from each queried point (`y`), forward and reversed. */
class Reference {
  index: Map<string, number>;
  out: [number, number][][];
  into: [number, number][][];
  paths = new Map<number, { from: Float64Array; to: Float64Array }>();
  slack: number;
  constructor(
    readonly caseId: string,
    readonly points: readonly NetworkPoint[],
    readonly periods: readonly NetworkPeriod[] = [],
  ) {
    const n = points.length;
    const index = new Map(points.map((t, i) => [t.id, i]));
    const out: [number, number][][] = Array.from({ length: n }, () => []);
    const into: [number, number][][] = Array.from({ length: n }, () => []);
    const edge = (i: number, j: number, w: number) => {
      if (w === Infinity) return;
      out[i].push([j, w]);
      into[j].push([i, w]);
    };
    for (const [i, t] of points.entries()) {
      const a = t.anchor === null ? undefined : index.get(t.anchor);
      if (a !== undefined) edge(a, i, t.offset.hi), edge(i, a, -t.offset.lo);
      const b = t.bound === null ? undefined : index.get(t.bound);
      if (b !== undefined) edge(b, i, 0);
    }
    for (const p of periods) {
      const s = index.get(p.start);
      const e = p.end === null ? undefined : index.get(p.end);
      if (s !== undefined && e !== undefined && s !== e) edge(e, s, 0);
    }
    [this.index, this.out, this.into] = [index, out, into];
    // 0 where every weight is a whole number of 1024ths of a day (their sums exact).
    const weights = out.flat().map(([, w]) => w);
    const exact = weights.every((w) => Number.isInteger(w * 1024)) &&
      weights.reduce((a, w) => a + Math.abs(w * 1024), 0) <= 2 ** 50;
    this.slack = exact ? 0 : roundingSlack(n, weights.reduce((a, w) => a + Math.abs(w), 0));
  }
  between(x: string, y: string): NominalInterval {
    const i = this.index.get(x);
    const j = this.index.get(y);
    if (i === undefined || j === undefined) {
      throw new RangeError(`case ${this.caseId} has no time point '${i === undefined ? x : y}'`);
    }
    let paths = this.paths.get(j);
    if (!paths) {
      paths = { from: this.shortestFrom(j, this.out), to: this.shortestFrom(j, this.into) };
      this.paths.set(j, paths);
    }
    let [lo, hi] = [-paths.to[i], paths.from[i]];
    if (this.slack > 0) {
      if (Math.abs(lo) <= this.slack) lo = 0;
      if (Math.abs(hi) <= this.slack) hi = 0;
      if (lo > hi) lo = hi = (lo + hi) / 2;
    }
    const raw = this.points[i].day.nominal - this.points[j].day.nominal;
    const nominal = Number.isNaN(raw)
      ? (Number.isFinite(lo) ? lo : Number.isFinite(hi) ? hi : 0)
      : Math.min(Math.max(raw, lo), hi);
    return { lo: lo + 0, hi: hi + 0, nominal: nominal + 0 };
  }
  consistent(): boolean {
    const n = this.points.length;
    try {
      this.relax(new Float64Array(n), Array.from({ length: n }, (_, i) => i), this.out);
      return true;
    } catch (e) {
      if (e instanceof RangeError) return false;
      throw e;
    }
  }
  shortestFrom(source: number, edges: [number, number][][]): Float64Array {
    const dist = new Float64Array(edges.length).fill(Infinity);
    dist[source] = 0;
    this.relax(dist, [source], edges);
    if (dist[source] < 0) throw this.contradiction(source);
    return dist;
  }
  relax(dist: Float64Array, queue: number[], edges: [number, number][][]): void {
    const n = edges.length;
    const passes = new Uint32Array(n);
    const queued = new Uint8Array(n);
    for (const i of queue) queued[i] = 1;
    for (let head = 0; head < queue.length; head++) {
      const i = queue[head];
      queued[i] = 0;
      for (const [j, w] of edges[i]) {
        const d = dist[i] + w;
        if (d < dist[j] - this.slack) {
          dist[j] = d;
          if (++passes[j] > n) throw this.contradiction(j);
          if (!queued[j]) queued[j] = 1, queue.push(j);
        }
      }
    }
  }
  contradiction(k: number): RangeError {
    const periods = this.periods.length > 0 &&
      new Reference(this.caseId, this.points).consistent();
    const what = periods ? "time points and periods" : "time points";
    return new RangeError(
      `case ${this.caseId}: the ${what} contradict each other around '${this.points[k].id}'`,
    );
  }
}

/** A query's answer, or its error's message. */
function answer(net: { between(x: string, y: string): NominalInterval }, x: string, y: string) {
  try {
    return net.between(x, y);
  } catch (e) {
    if (e instanceof RangeError) return e.message;
    throw e;
  }
}

/** A point (`day.nominal` from `lo`, or unknown). */
const point = (
  id: string,
  anchor: string | null,
  bound: string | null,
  lo: number,
  hi: number,
  nominal = lo,
): NetworkPoint => ({ id, anchor, bound, offset: { lo, hi, nominal }, day: { nominal } });

/** Offsets as the rules make them: whole days, halves, quarters; some not exact in binary. */
const offset = (exactOnly: boolean) =>
  fc.tuple(
    fc.constantFrom(
      ...(exactOnly ? [] : [16.1, 0.35, 7 / 3, 0.1]),
      0,
      -0,
      1,
      3,
      7,
      14,
      30,
      45.5,
      91.25,
      182.5,
      365,
      -7,
      -30,
    ),
    fc.constantFrom(0, 0, 0, 1, 3.5, 15, 182.5, Infinity, ...(exactOnly ? [] : [0.35])),
    fc.boolean(),
  ).map(([at, width, back]) => back ? [at - width, at] : [at, at + width]);

/** A random network: each point anchored (maybe to a later point: a cycle), bounded, periods. */
const network = (exactOnly: boolean) =>
  fc.integer({ min: 1, max: 14 }).chain((n) =>
    fc.tuple(
      fc.array(
        fc.tuple(
          fc.option(fc.integer({ min: 0, max: n - 1 }), { freq: 4 }),
          fc.option(fc.integer({ min: 0, max: n - 1 }), { freq: 1 }),
          offset(exactOnly),
          fc.option(fc.integer({ min: -100, max: 400 }), { freq: 5 }),
        ),
        { minLength: n, maxLength: n },
      ),
      fc.array(
        fc.tuple(
          fc.integer({ min: 0, max: n - 1 }),
          fc.option(fc.integer({ min: 0, max: n - 1 })),
        ),
        { maxLength: 4 },
      ),
      fc.boolean(), // anchors only to earlier points (a forest), or to any
    ).map(([rows, spans, forest]) => {
      const id = (k: number) => `p${k}`;
      const points = rows.map(([a, b, [lo, hi], nominal], k) =>
        point(
          id(k),
          k === 0 || a === null ? null : id(forest ? a % k : a),
          b === null ? null : id(b),
          lo,
          hi,
          nominal ?? NaN,
        )
      );
      const periods = spans.map(([s, e]) => ({ start: id(s), end: e === null ? null : id(e) }));
      return { points, periods };
    })
  );

for (const exactOnly of [true, false]) {
  Deno.test(
    `time network: every answer and error is the per-point search's (${
      exactOnly ? "exact sums" : "some sums inexact"
    })`,
    () => {
      let answered = 0;
      fc.assert(
        fc.property(network(exactOnly), ({ points, periods }) => {
          const [net, ref] = [
            new TimeNetwork("A", points, periods),
            new Reference("A", points, periods),
          ];
          const ids = [...points.map((p) => p.id), "missing"];
          for (const x of ids) {
            for (const y of ids) {
              const [got, want] = [answer(net, x, y), answer(ref, x, y)];
              assert.deepEqual(got, want, `${x} − ${y}`);
              if (typeof got !== "string") answered++;
            }
          }
        }),
        { seed: SEED, numRuns: 400 },
      );
      assert.ok(answered > 1000, `${answered} answers`);
    },
  );
}

/**
 * A long case: each value a number of days after the one before (a week; about 2.3 weeks, 16.1
 * ± 0.35 days, not exact in binary), a period from the first to a drug's stop, and a time bounded
 * by that stop.
 */
function longCase(
  n: number,
  [lo, hi]: readonly [number, number],
): { points: NetworkPoint[]; periods: NetworkPeriod[] } {
  const points = [point("t0", null, null, 0, 0), point("stop", "t0", null, 10, 20)];
  for (let k = 1; k <= n; k++) {
    points.push(point(`v${k}`, k === 1 ? "t0" : `v${k - 1}`, null, lo, hi));
  }
  points.push(point("late", "t0", "stop", 0, Infinity));
  return { points, periods: [{ start: "v1", end: "stop" }] };
}

Deno.test("time network: consecutive values of a long case need no search each where sums are exact", () => {
  const n = 200;
  for (const [step, exact] of [[[7, 7], true], [[15.75, 16.45], false]] as const) {
    const { points, periods } = longCase(n, step);
    const [net, ref] = [new TimeNetwork("A", points, periods), new Reference("A", points, periods)];
    for (let k = 2; k <= n; k++) {
      for (const [x, y] of [[`v${k}`, `v${k - 1}`], ["late", `v${k}`], [`v${k}`, "stop"]]) {
        assert.deepEqual(net.between(x, y), ref.between(x, y), `${x} − ${y}`);
      }
    }
    // Exact: searches only from the ends of the two edges outside the forest (the bound and
    // the period); inexact: two (forward and reversed) for each point queried as `y`.
    if (exact) assert.ok(net.searches <= 4, `${net.searches} searches`);
    else assert.equal(net.searches, 2 * ref.paths.size);
  }
});
