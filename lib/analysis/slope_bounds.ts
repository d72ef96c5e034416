/**
 * Bounds of a least-squares slope over every admissible placement of its times and values: the
 * times known only through the gaps the text allows between them (each pair's gap an interval),
 * the values each within its interval. The slope is not monotone in the times, so its extremes
 * are not at the ends of the intervals alone: they are found among the stationary points of the
 * slope on every face of the set of admissible times, each computed in closed form.
 *
 * @module
 */
import type { Interval } from "../intervals.ts";

/** The most values whose slope is bounded (the faces enumerated grow as 3 to the pairs). */
export const MAX_SLOPE_VALUES = 5;

/** Why a slope has no bounds, or bounds that are not numbers. */
export type SlopeBoundsResult =
  | { lo: number; hi: number; reason?: undefined }
  | { lo: null; hi: null; reason: string };

/** Relative tolerance of the feasibility checks (the gaps are days, stated to a day or half). */
const TOL = 1e-7;

/**
 * The least and greatest least-squares slope (value per unit of time) of values `values[k]` at
 * times `t[k]`, over every time placement whose pairwise gaps `t[j] − t[i]` lie in `gap(i, j)`
 * (i < j) and every value in its interval. A placement where every time may coincide makes the
 * slope unbounded (−Infinity to Infinity, unless no value varies); a gap with no upper bound lets
 * the slope approach 0 (the bounds then include 0, the limit). `null` bounds with a reason for more
 * than {@link MAX_SLOPE_VALUES} values, or fewer than two.
 *
 * The extremes over a closed set of placements lie at points where the slope, restricted to the
 * face of the set holding them, is stationary. On each face (some gaps at a bound, the others
 * free) the times are offsets of a few free components, the slope is N/D (N linear, D a positive
 * definite quadratic), and its stationary points solve a quadratic in closed form; every one that
 * is admissible is evaluated, as is each face's least-spread point. Values enter linearly, so
 * each is taken at its bounds.
 *
 * @param gap The admissible gap t[j] − t[i] for i < j (the narrative's and the words' bounds).
 * @param values Each value's interval.
 * @returns The bounds, or `null` bounds with why.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { leastSquaresSlopeBounds } from "#lib/mod.ts";
 * // Values 2, then 0 8 to 45 days later, then 2 again 45 to 75 days after that (53 to 120 after
 * // the first): the slope is 0 where the middle time is midway, positive where it is earlier.
 * const gaps = [[null, { lo: 8, hi: 45 }, { lo: 53, hi: 120 }], [null, null, { lo: 45, hi: 75 }]];
 * const values = [2, 0, 2].map((v) => ({ lo: v, hi: v }));
 * const b = leastSquaresSlopeBounds((i, j) => gaps[i][j]!, values);
 * assert.ok(Math.abs(b.lo!) < 1e-12);
 * assert.equal(Math.round(b.hi! * 7 * 1000) / 1000, 0.106); // per week
 * ```
 */
export function leastSquaresSlopeBounds(
  gap: (i: number, j: number) => Interval,
  values: readonly Interval[],
): SlopeBoundsResult {
  const n = values.length;
  if (n < 2) return { lo: null, hi: null, reason: "a slope needs two values" };
  if (n > MAX_SLOPE_VALUES) {
    return {
      lo: null,
      hi: null,
      reason: `bounds over the admissible times are computed for ${MAX_SLOPE_VALUES} values at ` +
        "most",
    };
  }
  const pairs: { i: number; j: number; g: Interval }[] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) pairs.push({ i, j, g: gap(i, j) });
  const vertices = valueVertices(values);
  // Every time may coincide: the slope is unbounded near there, unless no value differs.
  if (pairs.every(({ g }) => g.lo <= 0 && 0 <= g.hi)) {
    const flat = vertices.every((v) => v.every((x) => Math.abs(x - v[0]) <= TOL));
    return flat ? { lo: 0, hi: 0 } : { lo: -Infinity, hi: Infinity };
  }
  let [lo, hi] = [Infinity, -Infinity];
  const record = (s: number) => {
    lo = Math.min(lo, s);
    hi = Math.max(hi, s);
  };
  // Far along a gap with no bound the slope tends to 0.
  if (pairs.some(({ g }) => !Number.isFinite(g.lo) || !Number.isFinite(g.hi))) record(0);
  const admissible = (t: number[]) =>
    pairs.every(({ i, j, g }) => {
      const d = t[j] - t[i];
      const tol = TOL * (1 + Math.abs(d));
      return d >= g.lo - tol && d <= g.hi + tol;
    });
  for (const face of faces(n, pairs)) {
    for (const v of vertices) {
      for (const t of stationaryTimes(face, v)) {
        if (!admissible(t)) continue;
        const s = slope(t, v);
        if (s !== null) record(s);
      }
    }
  }
  return { lo, hi };
}

/** Every combination of each value at its lower or upper bound (one when it is exact). */
function valueVertices(values: readonly Interval[]): number[][] {
  let out: number[][] = [[]];
  for (const x of values) {
    const ends = x.hi > x.lo ? [x.lo, x.hi] : [x.lo];
    out = out.flatMap((v) => ends.map((e) => [...v, e]));
  }
  return out;
}

/** The least-squares slope of `v` on `t`, `null` when every time is the same. */
function slope(t: readonly number[], v: readonly number[]): number | null {
  const n = t.length;
  const tm = t.reduce((a, b) => a + b, 0) / n;
  const vm = v.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let k = 0; k < n; k++) {
    sxy += (t[k] - tm) * (v[k] - vm);
    sxx += (t[k] - tm) ** 2;
  }
  return sxx > 1e-12 ? sxy / sxx : null;
}

/**
 * A face of the admissible times: the components its active gaps tie together (`comp[k]`, the
 * component of time k; component 0 holds time 0, which is fixed at 0) and each time's offset
 * within its component (`delta[k]`).
 */
interface Face {
  comp: number[];
  delta: number[];
  /** Number of components other than time 0's: the free offsets. */
  free: number;
}

/**
 * Every face: each gap free, or at its lower or its upper bound (where finite), the active ones
 * consistent; faces with the same components and offsets once.
 */
function faces(n: number, pairs: readonly { i: number; j: number; g: Interval }[]): Face[] {
  const out = new Map<string, Face>();
  const root = Array.from({ length: n }, (_, k) => k);
  const off = new Array<number>(n).fill(0);
  const find = (k: number): [number, number] => {
    let d = 0;
    while (root[k] !== k) {
      d += off[k];
      k = root[k];
    }
    return [k, d];
  };
  const visit = (p: number) => {
    if (p === pairs.length) {
      const found = Array.from({ length: n }, (_, k) => find(k));
      const [r0, d0] = found[0];
      const roots = [r0, ...new Set(found.map(([r]) => r).filter((r) => r !== r0))];
      const comp = found.map(([r]) => roots.indexOf(r));
      const delta = found.map(([r, d]) => (r === r0 ? d - d0 : d));
      const key = JSON.stringify([comp, delta.map((d) => Math.round(d * 1e6))]);
      if (!out.has(key)) out.set(key, { comp, delta, free: roots.length - 1 });
      return;
    }
    visit(p + 1);
    const { i, j, g } = pairs[p];
    for (const c of new Set([g.lo, g.hi])) {
      if (!Number.isFinite(c)) continue;
      const [ri, di] = find(i);
      const [rj, dj] = find(j);
      if (ri === rj) {
        // Already tied: consistent (the same face) or not a face.
        continue;
      }
      // t_j − t_i = c: hang j's root under i's root.
      const saved = [root[rj], off[rj]];
      root[rj] = ri;
      off[rj] = di + c - dj;
      visit(p + 1);
      [root[rj], off[rj]] = saved;
    }
  };
  visit(0);
  return [...out.values()];
}

/**
 * The times on a face where the slope of `v` may be stationary: with y the free offsets, the
 * slope is N(y)/D(y), N = a + b·y, D = yᵀQy + 2q·y + r (Q positive definite); a stationary point
 * is y0 + λg, y0 = −Q⁻¹q (the least spread), g = Q⁻¹b/2, λ a root of Gλ² + N(y0)λ − D(y0) = 0,
 * G = gᵀQg. The face's least-spread point y0 is returned too.
 */
function stationaryTimes(face: Face, v: readonly number[]): number[][] {
  const n = v.length;
  const { comp, delta, free } = face;
  const times = (y: readonly number[]) =>
    delta.map((d, k) => d + (comp[k] === 0 ? 0 : y[comp[k] - 1]));
  if (free === 0) return [times([])];
  const vm = v.reduce((s, x) => s + x, 0) / n;
  const dm = delta.reduce((s, x) => s + x, 0) / n;
  const size = Array.from({ length: free }, (_, c) => comp.filter((x) => x === c + 1).length);
  const Q = size.map((sc, c) => size.map((sd, d) => (c === d ? sc : 0) - sc * sd / n));
  const q = size.map((_, c) => delta.reduce((s, d, k) => s + (comp[k] === c + 1 ? d - dm : 0), 0));
  const b = size.map((_, c) => v.reduce((s, x, k) => s + (comp[k] === c + 1 ? x - vm : 0), 0));
  const y0 = solve(Q, q.map((x) => -x));
  const g = solve(Q, b.map((x) => x / 2));
  if (y0 === null || g === null) return [];
  const out = [times(y0)];
  const G = g.reduce((s, gc, c) => s + gc * Q[c].reduce((u, qcd, d) => u + qcd * g[d], 0), 0);
  if (G > 1e-15) {
    const t0 = times(y0);
    const tm = t0.reduce((s, x) => s + x, 0) / n;
    const N0 = t0.reduce((s, x, k) => s + (x - tm) * (v[k] - vm), 0);
    const D0 = t0.reduce((s, x) => s + (x - tm) ** 2, 0);
    const root = Math.sqrt(N0 * N0 + 4 * G * D0);
    for (const lambda of [(-N0 + root) / (2 * G), (-N0 - root) / (2 * G)]) {
      out.push(times(y0.map((y, c) => y + lambda * g[c])));
    }
  }
  return out;
}

/** Solves A·x = b by Gaussian elimination with partial pivoting; `null` when singular. */
function solve(A: readonly number[][], b: readonly number[]): number[] | null {
  const m = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < m; c++) {
    let p = c;
    for (let r = c + 1; r < m; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    if (Math.abs(M[p][c]) < 1e-12) return null;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = 0; r < m; r++) {
      if (r === c) continue;
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= m; k++) M[r][k] -= f * M[c][k];
    }
  }
  return M.map((row, i) => row[m] / M[i][i]);
}
