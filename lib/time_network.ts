/**
 * The time points of one case as a simple temporal network: the tightest bounds of the time
 * between two of them that every stated offset and every narrative bound imply together. The
 * timeline (`relativeDay`) asks it of a built case; the loader's checks ask it of the time points
 * as derived, before any case is built.
 *
 * @module
 */
import type { NominalInterval } from "./intervals.ts";
import type { Timepoint } from "./model.ts";

/** What the network reads of a time point. */
export type NetworkPoint = Pick<Timepoint, "id" | "anchor" | "bound" | "offset"> & {
  day: Pick<NominalInterval, "nominal">;
};

/**
 * One case's time points as a simple temporal network: each point's offset from its anchor
 * bounds its difference from the anchor on both sides, and a narrative bound B puts the point at
 * or before B. An edge i → j of weight w says time(j) − time(i) ≤ w; the shortest path from i to
 * j is the greatest admissible time(j) − time(i) that all constraints imply together, so a bound
 * propagates through every anchor chain. Shortest paths are computed once per queried point.
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

  /**
   * @param caseId The case (for messages).
   * @param points Its time points (each anchor and bound among them, or left out).
   */
  constructor(readonly caseId: string, readonly points: readonly NetworkPoint[]) {
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
      if (a !== undefined) {
        edge(a, i, t.offset.hi); // t − a ≤ hi
        edge(i, a, -t.offset.lo); // a − t ≤ −lo
      }
      const b = t.bound === null ? undefined : index.get(t.bound);
      if (b !== undefined) edge(b, i, 0); // t − b ≤ 0
    }
    this.#index = index;
    this.#out = out;
    this.#into = into;
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
    let paths = this.#paths.get(j);
    if (!paths) {
      paths = { from: this.#shortestFrom(j, this.#out), to: this.#shortestFrom(j, this.#into) };
      this.#paths.set(j, paths);
    }
    const lo = -paths.to[i];
    const hi = paths.from[i];
    const raw = this.points[i].day.nominal - this.points[j].day.nominal;
    const nominal = Number.isNaN(raw)
      ? (Number.isFinite(lo) ? lo : Number.isFinite(hi) ? hi : 0)
      : Math.min(Math.max(raw, lo), hi);
    // `+ 0` turns −0 into 0.
    return { lo: lo + 0, hi: hi + 0, nominal: nominal + 0 };
  }

  /**
   * Shortest paths from one point over the given edges (Bellman–Ford with a queue: the network
   * is nearly a tree, so each point is settled in a few passes); throws when the constraints
   * contradict each other (a negative cycle).
   */
  #shortestFrom(source: number, edges: [number, number][][]): Float64Array {
    const n = edges.length;
    const dist = new Float64Array(n).fill(Infinity);
    const passes = new Uint32Array(n);
    const queued = new Uint8Array(n);
    const queue: number[] = [source];
    const contradiction = (k: number) =>
      new RangeError(
        `case ${this.caseId}: the time points contradict each other around ` +
          `'${this.points[k].id}'`,
      );
    dist[source] = 0;
    queued[source] = 1;
    for (let head = 0; head < queue.length; head++) {
      const i = queue[head];
      queued[i] = 0;
      for (const [j, w] of edges[i]) {
        const d = dist[i] + w;
        if (d < dist[j]) {
          dist[j] = d;
          if (++passes[j] > n) throw contradiction(j);
          if (!queued[j]) queued[j] = 1, queue.push(j);
        }
      }
    }
    if (dist[source] < 0) throw contradiction(source);
    return dist;
  }
}

/** Each case's network, by its time points (the loader's derived ones are the built case's). */
const NETWORKS = new WeakMap<readonly NetworkPoint[], TimeNetwork>();

/**
 * The network of a case's time points, made at the first call for that array and shared by every
 * later one (the loader's checks and the timeline's `relativeDay` ask the same network).
 *
 * @param caseId The case (for messages).
 * @param points Its time points.
 * @returns The network.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { networkOf } from "#lib/time_network.ts";
 * const points = [{ id: "t0", anchor: null, bound: null, offset: { lo: 0, hi: 0, nominal: 0 }, day: { nominal: 0 } }];
 * assert.equal(networkOf("A", points), networkOf("A", points));
 * ```
 */
export function networkOf(caseId: string, points: readonly NetworkPoint[]): TimeNetwork {
  let net = NETWORKS.get(points);
  if (!net) NETWORKS.set(points, net = new TimeNetwork(caseId, points));
  return net;
}
