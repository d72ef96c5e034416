/**
 * Shortest paths of a time network ({@link TimeNetwork}) without a search per queried point: the
 * time points' anchors make a forest, where the one path between two points is summed from the
 * points' sums down from their root, and the few other constraints (narrative bounds, periods)
 * are crossed through searches from their ends only. Used where this gives exactly the sums a
 * search from each queried point gives: every weight a whole multiple of 2^−10 day and their
 * total far within the range where such sums are exact, whatever their order, and no
 * contradiction (`time_network.ts` decides).
 *
 * @module
 */

/** A constraint outside the anchors' forest: time(to) − time(from) ≤ weight. */
export interface ExtraEdge {
  /** The point it starts from. */
  from: number;
  /** The point it leads to. */
  to: number;
  /** Its weight (finite). */
  weight: number;
}

/** The anchor of each point in the forest, with the weights of the two edges along it. */
export interface AnchorForest {
  /** Each point's parent (its anchor), or −1 for a root. The parents make no cycle. */
  parent: Int32Array;
  /** Weight of the edge parent → point (`Infinity`: none). */
  down: Float64Array;
  /** Weight of the edge point → parent (`Infinity`: none). */
  up: Float64Array;
}

/**
 * Distances in a network made of an anchors' forest and a few extra edges, where every sum of
 * weights is exact. The distance from u to v is the lesser of the forest's path from u to v and,
 * for each extra edge a → b, the forest's path from u to a, the edge, and the whole network's
 * shortest path from b to v (`rowFrom`, a search from b, made once for each such b): a shortest
 * walk that leaves the forest does so first along one of them.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ForestPaths } from "#lib/time_paths.ts";
 * // Point 0 is the root; point 1 is 5 to 7 days after it, point 2 exactly 3 days after point 1.
 * const forest = {
 *   parent: Int32Array.from([-1, 0, 1]),
 *   down: Float64Array.from([Infinity, 7, 3]),
 *   up: Float64Array.from([Infinity, -5, -3]),
 * };
 * const paths = new ForestPaths(forest, [], () => new Float64Array(3));
 * assert.equal(paths.distance(0, 2), 10); // time(2) − time(0) ≤ 10
 * assert.equal(paths.distance(2, 0), -8); // time(0) − time(2) ≤ −8
 * ```
 */
export class ForestPaths {
  /** Each point's depth (a root's is 0). */
  #depth: Int32Array;
  /** Ancestors 2^k steps up, for each k (−1 past a root). */
  #jump: Int32Array[];
  /** The root of each point's tree. */
  #root: Int32Array;
  /** Sum of the finite down-weights from the root to each point, and how many are infinite. */
  #down: Float64Array;
  #downOpen: Int32Array;
  /** Sum of the finite up-weights from each point to the root, and how many are infinite. */
  #up: Float64Array;
  #upOpen: Int32Array;
  /** The extra edges the forest does not already imply. */
  #extra: readonly ExtraEdge[];
  /** The whole network's distances from a point, by point, made when first needed. */
  #rows = new Map<number, Float64Array>();

  /**
   * @param forest The anchors' forest.
   * @param extra The other edges.
   * @param rowFrom The whole network's shortest distances from a point to every point.
   */
  constructor(
    forest: AnchorForest,
    extra: readonly ExtraEdge[],
    readonly rowFrom: (source: number) => Float64Array,
  ) {
    const { parent, down, up } = forest;
    const n = parent.length;
    const children: number[][] = Array.from({ length: n }, () => []);
    const order: number[] = [];
    for (let i = 0; i < n; i++) parent[i] < 0 ? order.push(i) : children[parent[i]].push(i);
    this.#depth = new Int32Array(n);
    this.#root = new Int32Array(n);
    this.#down = new Float64Array(n);
    this.#downOpen = new Int32Array(n);
    this.#up = new Float64Array(n);
    this.#upOpen = new Int32Array(n);
    // Parents before children: each point's sums are its parent's and its own edge's.
    for (let head = 0; head < order.length; head++) {
      const i = order[head];
      const p = parent[i];
      if (p < 0) this.#root[i] = i;
      else {
        this.#depth[i] = this.#depth[p] + 1;
        this.#root[i] = this.#root[p];
        const [d, u] = [down[i], up[i]];
        this.#down[i] = this.#down[p] + (d === Infinity ? 0 : d);
        this.#downOpen[i] = this.#downOpen[p] + (d === Infinity ? 1 : 0);
        this.#up[i] = this.#up[p] + (u === Infinity ? 0 : u);
        this.#upOpen[i] = this.#upOpen[p] + (u === Infinity ? 1 : 0);
      }
      for (const c of children[i]) order.push(c);
    }
    this.#jump = [Int32Array.from(parent)];
    const deepest = this.#depth.reduce((a, b) => Math.max(a, b), 0);
    for (let k = 1; 1 << k <= deepest; k++) {
      const prev = this.#jump[k - 1];
      this.#jump.push(prev.map((a) => a < 0 ? -1 : prev[a]));
    }
    this.#extra = extra.filter((e) => !(this.#inForest(e.from, e.to) <= e.weight));
  }

  /** The extra edges the forest does not imply (each needs a search from its end). */
  get extraEdges(): number {
    return this.#extra.length;
  }

  /**
   * The greatest admissible time(v) − time(u): the shortest path from u to v (`Infinity`: none).
   *
   * @param u A point.
   * @param v A point.
   * @returns Its length.
   */
  distance(u: number, v: number): number {
    let best = this.#inForest(u, v);
    for (const { from, to, weight } of this.#extra) {
      const head = this.#inForest(u, from);
      if (head === Infinity) continue;
      let row = this.#rows.get(to);
      if (!row) this.#rows.set(to, row = this.rowFrom(to));
      const d = head + weight + row[v];
      if (d < best) best = d;
    }
    return best;
  }

  /** The length of the forest's path from u to v (`Infinity`: none). */
  #inForest(u: number, v: number): number {
    if (u === v) return 0;
    if (this.#root[u] !== this.#root[v]) return Infinity;
    const l = this.#ancestor(u, v);
    if (this.#upOpen[u] !== this.#upOpen[l] || this.#downOpen[v] !== this.#downOpen[l]) {
      return Infinity;
    }
    return (this.#up[u] - this.#up[l]) + (this.#down[v] - this.#down[l]);
  }

  /** The deepest common ancestor of two points of one tree. */
  #ancestor(u: number, v: number): number {
    const depth = this.#depth;
    if (depth[u] < depth[v]) [u, v] = [v, u];
    for (let k = this.#jump.length - 1; k >= 0; k--) {
      if (depth[u] - (1 << k) >= depth[v]) u = this.#jump[k][u];
    }
    if (u === v) return u;
    for (let k = this.#jump.length - 1; k >= 0; k--) {
      const [a, b] = [this.#jump[k][u], this.#jump[k][v]];
      if (a !== b) u = a, v = b;
    }
    return this.#jump[0][u];
  }
}
