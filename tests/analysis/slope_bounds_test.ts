/**
 * Bounds of a least-squares slope over admissible times and values (`lib/analysis/slope_bounds.ts`),
 * checked against a brute-force grid over the same times: every slope the grid finds lies within
 * the bounds, and the bounds are reached by the grid up to its step.
 */
import assert from "node:assert/strict";
import { leastSquaresSlopeBounds } from "../../lib/mod.ts";
import type { Interval } from "../../lib/mod.ts";

/** A small seeded generator (the tests are the same at every run). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const slope = (t: number[], v: number[]) => {
  const n = t.length;
  const tm = t.reduce((a, b) => a + b) / n;
  const vm = v.reduce((a, b) => a + b) / n;
  let sxy = 0;
  let sxx = 0;
  for (let k = 0; k < n; k++) {
    sxy += (t[k] - tm) * (v[k] - vm);
    sxx += (t[k] - tm) ** 2;
  }
  return sxy / sxx;
};

/** Times relative to the first (at 0): each in a box, in order; gaps from the boxes. */
function boxes(rand: () => number, n: number): Interval[] {
  const out: Interval[] = [{ lo: 0, hi: 0 }];
  for (let k = 1; k < n; k++) {
    const lo = out[k - 1].lo + 1 + Math.floor(rand() * 20);
    out.push({ lo, hi: lo + Math.floor(rand() * 40) });
  }
  return out;
}

Deno.test("least-squares slope bounds: every slope over the admissible times lies within, and the bounds are reached", () => {
  const rand = lcg(20121123);
  for (let trial = 0; trial < 40; trial++) {
    const n = trial < 30 ? 3 : 4;
    const box = boxes(rand, n);
    const gap = (i: number, j: number) => ({
      lo: Math.max(0, box[j].lo - box[i].hi),
      hi: box[j].hi - box[i].lo,
    });
    const values = Array.from({ length: n }, () => Math.round(rand() * 10));
    const b = leastSquaresSlopeBounds(gap, values.map((x) => ({ lo: x, hi: x })));
    assert.ok(b.lo !== null && b.hi !== null);
    // The grid: every time in its box, the gaps admissible.
    const step = n === 3 ? 0.25 : 1;
    let [lo, hi] = [Infinity, -Infinity];
    const t = [0];
    const visit = (k: number) => {
      if (k === n) {
        for (let i = 0; i < n; i++) {
          for (let j = i + 1; j < n; j++) {
            const d = t[j] - t[i];
            if (d < gap(i, j).lo || d > gap(i, j).hi) return;
          }
        }
        const s = slope(t, values);
        if (Number.isFinite(s)) [lo, hi] = [Math.min(lo, s), Math.max(hi, s)];
        return;
      }
      for (let x = box[k].lo; x <= box[k].hi + 1e-9; x += step) {
        t[k] = x;
        visit(k + 1);
      }
    };
    visit(1);
    const tol = 1e-9;
    assert.ok(
      b.lo <= lo + tol && hi <= b.hi + tol,
      `trial ${trial}: [${b.lo}, ${b.hi}] ⊉ [${lo}, ${hi}]`,
    );
    // Reached: the grid comes within its resolution of each bound.
    const close = 0.02 * Math.max(1e-3, Math.abs(b.hi - b.lo));
    assert.ok(
      lo - b.lo <= close && b.hi - hi <= close,
      `trial ${trial}: ${b.lo}…${b.hi} vs ${lo}…${hi}`,
    );
  }
});

Deno.test("least-squares slope bounds: values at their bounds, an open gap, coinciding times, too many values", () => {
  const exact = (t: number[]) => (i: number, j: number) => ({ lo: t[j] - t[i], hi: t[j] - t[i] });
  // Exact times 0, 7, 14; values 4, [1, 3], 0: slope −2/7 per day whatever the middle value.
  const mid = leastSquaresSlopeBounds(exact([0, 7, 14]), [{ lo: 4, hi: 4 }, { lo: 1, hi: 3 }, {
    lo: 0,
    hi: 0,
  }]);
  assert.ok(Math.abs(mid.lo! + 2 / 7) < 1e-12 && Math.abs(mid.hi! + 2 / 7) < 1e-12);
  // First value [3, 5]: slopes from (3 − 0)… to (5 − 0)… over 14 days: −5/14 to −3/14.
  const first = leastSquaresSlopeBounds(exact([0, 7, 14]), [{ lo: 3, hi: 5 }, { lo: 2, hi: 2 }, {
    lo: 0,
    hi: 0,
  }]);
  const s = (v: number[]) => slope([0, 7, 14], v);
  assert.ok(
    Math.abs(first.lo! - s([5, 2, 0])) < 1e-12 && Math.abs(first.hi! - s([3, 2, 0])) < 1e-12,
  );
  // A last time with no upper bound: the slope tends to 0 as it recedes (the bounds include it).
  const open = leastSquaresSlopeBounds(
    (i, j) => (i === 0 && j === 1 ? { lo: 7, hi: 7 } : { lo: 7, hi: Infinity }),
    [{ lo: 4, hi: 4 }, { lo: 2, hi: 2 }, { lo: 1, hi: 1 }],
  );
  assert.equal(open.hi, 0);
  assert.ok(open.lo! < 0);
  // Times that may all coincide: no bound.
  const same = leastSquaresSlopeBounds(() => ({ lo: 0, hi: 7 }), [{ lo: 4, hi: 4 }, {
    lo: 2,
    hi: 2,
  }, { lo: 1, hi: 1 }]);
  assert.deepEqual([same.lo, same.hi], [-Infinity, Infinity]);
  const many = leastSquaresSlopeBounds(() => ({ lo: 1, hi: 2 }), Array(9).fill({ lo: 1, hi: 1 }));
  assert.equal(many.lo, null);
  assert.match(many.reason!, /computed for \d+ values at most/);
});
