/**
 * The time points of one case as a simple temporal network: the tightest bounds of the time
 * between two of them that every stated offset, every narrative bound and every period of the
 * case (it starts no later than it ends) imply together. The timeline (`relativeDay`) asks it of
 * a built case, with all its periods; the loader's checks ask it of the time points as derived,
 * before any case is built and before its periods are known to be in order.
 *
 * @module
 */
import type { NominalInterval } from "./intervals.ts";
import type { Case, Timepoint } from "./model.ts";
import { type AnchorForest, type ExtraEdge, ForestPaths } from "./time_paths.ts";

/** What the network reads of a time point. */
export type NetworkPoint = Pick<Timepoint, "id" | "anchor" | "bound" | "offset"> & {
  day: Pick<NominalInterval, "nominal">;
};

/**
 * What the network reads of a period (a dose period, the period a value is stated over): the
 * time ids of its start and its end, `null` when the text states no end (no constraint: an
 * open end is neither "still going" nor "stopped").
 */
export interface NetworkPeriod {
  /** The time id of its start. */
  start: string;
  /** The time id of its end, or `null`. */
  end: string | null;
}

/** No periods: the network of the time points alone. */
const NO_PERIODS: readonly NetworkPeriod[] = Object.freeze([]);

/** The most extra edges (bounds, periods) with which paths go by the anchors' forest. */
const MOST_EXTRA = 16;

/**
 * Whether every sum of the edges' weights along a path is exact whatever its order: each weight
 * a whole multiple of 2^−10 and their total below 2^40 days, so that every sum the searches and
 * the forest make (each at most three times that total) is a whole multiple of 2^−10 below 2^52
 * of them, which a double holds exactly.
 */
function exactSums(edges: readonly (readonly [number, number])[][]): boolean {
  let total = 0;
  for (const list of edges) {
    for (const [, w] of list) {
      const units = w * 1024;
      if (!Number.isInteger(units)) return false;
      total += Math.abs(units);
      if (total > 2 ** 50) return false;
    }
  }
  return true;
}

/** Half the gap between 1 and the next double: the most one addition rounds, relative to it. */
const HALF_ULP = 2 ** -53;

/**
 * The most that rounding can move a sum of `terms` doubles whose partial sums stay within
 * `magnitude` days of 0: each addition rounds by at most half a unit in the last place, taken
 * here twice over ({@link TimeNetwork} says where it is allowed for).
 *
 * @param terms How many terms the sum has (at least the edges along a path).
 * @param magnitude A bound on every partial sum's size, in days.
 * @returns The slack, in days.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { roundingSlack } from "#lib/time_network.ts";
 * // Three steps of 0.1 day sum to 0.30000000000000004: within the slack of 0.3.
 * assert.ok(Math.abs((0.1 + 0.1 + 0.1) - 0.3) <= roundingSlack(3, 0.3));
 * // A millionth of a day is not rounding.
 * assert.ok(roundingSlack(1000, 1000) < 1e-6);
 * ```
 */
export function roundingSlack(terms: number, magnitude: number): number {
  return 2 * terms * HALF_ULP * magnitude;
}

/**
 * One case's time points as a simple temporal network: each point's offset from its anchor
 * bounds its difference from the anchor on both sides, a narrative bound B puts the point at
 * or before B, and a period puts its start at or before its end (one that starts and ends at
 * the same time point, a stop at the visit it starts, adds nothing; one with no end neither).
 * An edge i → j of weight w says time(j) − time(i) ≤ w; the shortest path from i to
 * j is the greatest admissible time(j) − time(i) that all constraints imply together, so a bound
 * propagates through every anchor chain. Where every sum of weights is exact whatever its order
 * (`exactSums`: whole days, halves, quarters …) and the constraints hold together, a distance is
 * read off the anchors' forest and the searches from the ends of the few other edges
 * ({@link ForestPaths}); otherwise by a search from the queried point, made once for each. Either
 * gives the same numbers, to the last bit.
 *
 * Rounding. Where sums are not exact (an offset of 0.1 day, or 2.3 weeks = 16.1 days, has no
 * binary double), a walk around a cycle of constraints that cancel exactly (a step forward and
 * back, two routes to the same day) can sum a hair below 0, and a distance a hair beside the true
 * one. There the network allows for rounding, and for nothing else: a distance shrinks only by
 * more than the rounding slack of a path ({@link roundingSlack} of as many terms as there are
 * points, each partial sum within the sum of the sizes of all the weights), so that only a
 * conflict beyond rounding is a contradiction (a millionth of a day, in a case of a few hundred
 * points over years, is one); a bound within that slack of 0 is 0, and bounds that cross within
 * it meet. Where sums are exact, the slack is 0 and nothing changes.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { TimeNetwork } from "#lib/time_network.ts";
 * const p = (id: string, anchor: string | null, bound: string | null, lo: number, hi: number) =>
 *   ({ id, anchor, bound, offset: { lo, hi, nominal: lo }, day: { nominal: lo } });
 * // b is 14 days after a, which is at some time after t0: b − a is exactly 14, though neither
 * // day is bounded above.
 * const net = new TimeNetwork("A", [
 *   p("t0", null, null, 0, 0),
 *   p("a", "t0", null, 0, Infinity),
 *   p("b", "a", null, 14, 14),
 * ]);
 * assert.deepEqual(net.between("a", "b"), { lo: -14, hi: -14, nominal: -14 });
 * assert.equal(net.has("c"), false);
 * // c is after t0 only, but starts a period that ends at b, on day 14 at the latest once a is
 * // bounded: c is then bounded above as well.
 * const points = [p("t0", null, null, 0, 0), p("b", "t0", null, 10, 14), p("c", "t0", null, 0, Infinity)];
 * assert.equal(new TimeNetwork("A", points).between("c", "t0").hi, Infinity);
 * const withPeriod = new TimeNetwork("A", points, [{ start: "c", end: "b" }]);
 * assert.deepEqual(withPeriod.between("c", "t0"), { lo: 0, hi: 14, nominal: 0 });
 * ```
 */
export class TimeNetwork {
  /** Index of each time id. */
  #index: Map<string, number>;
  /** Outgoing edges of each point: `[to, weight]`. */
  #out: [number, number][][];
  /** Incoming edges of each point: `[from, weight]`. */
  #into: [number, number][][];
  /** Shortest paths computed so far, by source, forward (`from`) and on reversed edges (`to`). */
  #paths = new Map<number, { from: Float64Array; to: Float64Array }>();
  /** Each point's anchor in the anchors' forest, with the weights of the edges along it. */
  #forest: AnchorForest;
  /** The edges outside that forest. */
  #extra: ExtraEdge[] = [];
  /** Distances by the forest (`null`: not exact, or contradictory; `undefined`: not decided). */
  #fast: ForestPaths | null | undefined;
  /** How many searches from one point were made. */
  #searches = 0;
  /** The rounding slack: 0 where sums are exact (see the class's description). */
  #slack: number;

  /**
   * @param caseId The case (for messages).
   * @param points Its time points (each anchor and bound among them, or left out).
   * @param periods Its periods (each start and end among the points, or left out).
   */
  constructor(
    readonly caseId: string,
    readonly points: readonly NetworkPoint[],
    readonly periods: readonly NetworkPeriod[] = NO_PERIODS,
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
    const forest = {
      parent: new Int32Array(n).fill(-1),
      down: new Float64Array(n).fill(Infinity),
      up: new Float64Array(n).fill(Infinity),
    };
    const extra = (from: number, to: number, weight: number) => {
      if (weight !== Infinity) this.#extra.push({ from, to, weight });
    };
    // Each point's set of the forest, by a point of it (an anchor in its own set closes a cycle).
    const set = Int32Array.from({ length: n }, (_, i) => i);
    const find = (i: number) => {
      while (set[i] !== i) i = set[i] = set[set[i]];
      return i;
    };
    for (const [i, t] of points.entries()) {
      const a = t.anchor === null ? undefined : index.get(t.anchor);
      if (a !== undefined) {
        edge(a, i, t.offset.hi); // t − a ≤ hi
        edge(i, a, -t.offset.lo); // a − t ≤ −lo
        if (find(a) !== find(i)) {
          set[find(i)] = find(a);
          [forest.parent[i], forest.down[i], forest.up[i]] = [a, t.offset.hi, -t.offset.lo];
        } else extra(a, i, t.offset.hi), extra(i, a, -t.offset.lo);
      }
      const b = t.bound === null ? undefined : index.get(t.bound);
      if (b !== undefined) edge(b, i, 0), extra(b, i, 0); // t − b ≤ 0
    }
    for (const p of periods) {
      const s = index.get(p.start);
      const e = p.end === null ? undefined : index.get(p.end);
      if (s !== undefined && e !== undefined && s !== e) edge(e, s, 0), extra(e, s, 0); // start − end ≤ 0
    }
    this.#forest = forest;
    this.#index = index;
    this.#out = out;
    this.#into = into;
    this.#slack = exactSums(out) ? 0 : roundingSlack(n, sizes(out));
  }

  /**
   * How many shortest-path searches from one point the queries so far have made (the work that
   * grows with the points queried: one per queried point, or one per end of an edge outside the
   * anchors' forest).
   */
  get searches(): number {
    return this.#searches;
  }

  /**
   * Whether the network has the time point `id`.
   *
   * @param id A time id.
   * @returns True when it has.
   */
  has(id: string): boolean {
    return this.#index.has(id);
  }

  /**
   * The time of `x` minus the time of `y`, in days: the tightest bounds all constraints imply
   * together, and the difference of the nominal days kept inside them. Throws a `RangeError`
   * when either is not a point of the network, or the constraints contradict each other.
   *
   * @param x A time id.
   * @param y Another time id.
   * @returns time(x) − time(y) in days.
   */
  between(x: string, y: string): NominalInterval {
    const i = this.#index.get(x);
    const j = this.#index.get(y);
    if (i === undefined || j === undefined) {
      throw new RangeError(`case ${this.caseId} has no time point '${i === undefined ? x : y}'`);
    }
    if (this.#fast === undefined) this.#fast = this.#forestPaths();
    let [lo, hi] = [0, 0];
    if (this.#fast) [lo, hi] = [-this.#fast.distance(i, j), this.#fast.distance(j, i)];
    else {
      let paths = this.#paths.get(j);
      if (!paths) {
        paths = { from: this.#shortestFrom(j, this.#out), to: this.#shortestFrom(j, this.#into) };
        this.#paths.set(j, paths);
      }
      [lo, hi] = [-paths.to[i], paths.from[i]];
    }
    if (this.#slack > 0) [lo, hi] = settled(lo, hi, this.#slack);
    const raw = this.points[i].day.nominal - this.points[j].day.nominal;
    const nominal = Number.isNaN(raw)
      ? (Number.isFinite(lo) ? lo : Number.isFinite(hi) ? hi : 0)
      : Math.min(Math.max(raw, lo), hi);
    // `+ 0` turns −0 into 0.
    return { lo: lo + 0, hi: hi + 0, nominal: nominal + 0 };
  }

  /**
   * The distances by the anchors' forest, where they are those the searches give to the last bit:
   * every sum exact whatever its order, the constraints holding together (a search's own order
   * then decides nothing), and few edges outside the forest; else `null`.
   */
  #forestPaths(): ForestPaths | null {
    // A slack: sums not exact (`exactSums`).
    if (this.#slack > 0 || !this.#consistent()) return null;
    const paths = new ForestPaths(
      this.#forest,
      this.#extra,
      (source) => this.#shortestFrom(source, this.#out),
    );
    return paths.extraEdges <= MOST_EXTRA ? paths : null;
  }

  /**
   * Whether the constraints can all hold together (no negative cycle).
   */
  #consistent(): boolean {
    const n = this.points.length;
    try {
      this.#relax(new Float64Array(n), Array.from({ length: n }, (_, i) => i), this.#out);
      return true;
    } catch (e) {
      if (e instanceof RangeError) return false;
      throw e;
    }
  }

  /**
   * Shortest paths from one point over the given edges; throws when the constraints contradict
   * each other (a negative cycle).
   */
  #shortestFrom(source: number, edges: [number, number][][]): Float64Array {
    this.#searches++;
    const dist = new Float64Array(edges.length).fill(Infinity);
    dist[source] = 0;
    this.#relax(dist, [source], edges);
    if (dist[source] < 0) throw this.#contradiction(source);
    return dist;
  }

  /**
   * Relaxes the edges from the queued points until no distance shrinks by more than the rounding
   * slack (Bellman–Ford with a queue: the network is nearly a tree, so each point is settled in a
   * few passes); throws a `RangeError` when a point is relaxed more often than there are points (a
   * negative cycle).
   */
  #relax(dist: Float64Array, queue: number[], edges: [number, number][][]): void {
    const n = edges.length;
    const slack = this.#slack;
    const passes = new Uint32Array(n);
    const queued = new Uint8Array(n);
    for (const i of queue) queued[i] = 1;
    for (let head = 0; head < queue.length; head++) {
      const i = queue[head];
      queued[i] = 0;
      for (const [j, w] of edges[i]) {
        const d = dist[i] + w;
        if (d < dist[j] - slack) {
          dist[j] = d;
          if (++passes[j] > n) throw this.#contradiction(j);
          if (!queued[j]) queued[j] = 1, queue.push(j);
        }
      }
    }
  }

  /**
   * The error of constraints that contradict each other around point `k`: of the time points, or,
   * when they alone hold together, of the time points and periods (a period is on every
   * contradiction).
   */
  #contradiction(k: number): RangeError {
    const periods = this.periods.length > 0 &&
      new TimeNetwork(this.caseId, this.points).#consistent();
    const what = periods ? "time points and periods" : "time points";
    return new RangeError(
      `case ${this.caseId}: the ${what} contradict each other around '${this.points[k].id}'`,
    );
  }
}

/** The sum of the sizes of the weights: no partial sum along a path is larger. */
function sizes(edges: readonly (readonly [number, number])[][]): number {
  let total = 0;
  for (const list of edges) for (const [, w] of list) total += Math.abs(w);
  return total;
}

/**
 * Bounds `lo` ≤ `hi` of a difference, read within the rounding slack: one within it of 0 is 0,
 * and two that cross within it (a cycle that cancels exactly, summed a hair below 0) meet midway.
 */
function settled(lo: number, hi: number, slack: number): [number, number] {
  if (Math.abs(lo) <= slack) lo = 0;
  if (Math.abs(hi) <= slack) hi = 0;
  return lo > hi ? [(lo + hi) / 2, (lo + hi) / 2] : [lo, hi];
}

/** Each case's networks, by its time points, then by its periods. */
const NETWORKS = new WeakMap<
  readonly NetworkPoint[],
  WeakMap<readonly NetworkPeriod[], TimeNetwork>
>();

/**
 * The network of a case's time points and periods, made at the first call for those two arrays
 * and shared by every later one (the timeline's `relativeDay` asks the same network each time;
 * the loader's checks ask the time points' own, with no periods, before the periods are known to
 * be in order).
 *
 * @param caseId The case (for messages).
 * @param points Its time points.
 * @param periods Its periods (none: the time points' constraints alone).
 * @returns The network.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { networkOf } from "#lib/time_network.ts";
 * const points = [{ id: "t0", anchor: null, bound: null, offset: { lo: 0, hi: 0, nominal: 0 }, day: { nominal: 0 } }];
 * assert.equal(networkOf("A", points), networkOf("A", points));
 * const periods = [{ start: "t0", end: null }];
 * assert.equal(networkOf("A", points, periods), networkOf("A", points, periods));
 * assert.notEqual(networkOf("A", points, periods), networkOf("A", points));
 * ```
 */
export function networkOf(
  caseId: string,
  points: readonly NetworkPoint[],
  periods: readonly NetworkPeriod[] = NO_PERIODS,
): TimeNetwork {
  let byPeriods = NETWORKS.get(points);
  if (!byPeriods) NETWORKS.set(points, byPeriods = new WeakMap());
  let net = byPeriods.get(periods);
  if (!net) byPeriods.set(periods, net = new TimeNetwork(caseId, points, periods));
  return net;
}

/** Each built case's periods, by its case. */
const PERIODS = new WeakMap<Pick<Case, "treatments" | "observations">, NetworkPeriod[]>();

/**
 * The periods of a built case the network reads: each dose period's start and end, and the
 * period each value is stated over (`period_start`, `period_end`). The same array for the same
 * case, so that {@link networkOf} shares its network: a case is read as built (a variant with
 * other treatments is a new case object, `{ ...c, treatments }`, as the analyses make them; an
 * array changed in place after the first call is not seen, as for the time points).
 *
 * @param c The case.
 * @returns Its periods, dose periods first.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { casePeriods } from "#lib/time_network.ts";
 * const day = (timeId: string) => ({ timeId, lo: 0, hi: 0, nominal: 0, depth: 0, order: 0 });
 * const c = {
 *   treatments: [{ start: day("a"), end: null }],
 *   observations: [{ span: null }, { span: { start: day("b"), end: day("c") } }],
 * } as never;
 * assert.deepEqual(casePeriods(c), [{ start: "a", end: null }, { start: "b", end: "c" }]);
 * assert.equal(casePeriods(c), casePeriods(c));
 * ```
 */
export function casePeriods(
  c: Pick<Case, "treatments" | "observations">,
): readonly NetworkPeriod[] {
  let periods = PERIODS.get(c);
  if (!periods) {
    const of = (p: { start: { timeId: string }; end: { timeId: string } | null }) => ({
      start: p.start.timeId,
      end: p.end === null ? null : p.end.timeId,
    });
    periods = [
      ...c.treatments.map(of),
      ...c.observations.flatMap((o) => o.span === null ? [] : [of(o.span)]),
    ];
    PERIODS.set(c, periods);
  }
  return periods;
}
