/**
 * The bounds of a change over a gap, against brute force over a grid of changes and gaps (the
 * gap's ends, points inside it and points next to 0 when it holds 0), in every sign case.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { quotientBounds } from "../../lib/analysis/quotient_bounds.ts";

const SEED = 20121123;
const NEAR = 1e-9;
const FAR = 1e12;

/** Points of [lo, hi] to try: its ends (a far point for an infinite one), inside, next to 0. */
function grid(lo: number, hi: number): number[] {
  const a = Number.isFinite(lo) ? lo : -FAR;
  const b = Number.isFinite(hi) ? hi : FAR;
  const inside = [0.25, 0.5, 0.75].map((t) => a + t * (b - a));
  const near = [-NEAR, NEAR].filter((x) => a <= x && x <= b);
  return [a, b, ...inside, ...near];
}

const end = fc.integer({ min: -8, max: 8 });
const gapEnd = fc.oneof(fc.integer({ min: -20, max: 20 }), fc.constantFrom(-Infinity, Infinity));

Deno.test("quotientBounds: every change / gap on a grid lies within the bounds, and the bounds are reached", () => {
  fc.assert(
    fc.property(end, end, gapEnd, gapEnd, (c1, c2, g1, g2) => {
      const change = { lo: Math.min(c1, c2) / 2, hi: Math.max(c1, c2) / 2 };
      const gap = { lo: Math.min(g1, g2), hi: Math.max(g1, g2) };
      if (gap.lo === gap.hi && !Number.isFinite(gap.lo)) return;
      const b = quotientBounds(change, gap);
      const qs = grid(change.lo, change.hi).flatMap((c) =>
        grid(gap.lo, gap.hi).filter((g) => g !== 0).map((g) => c / g)
      );
      if (qs.length === 0) {
        assert.equal(b, null);
        return;
      }
      assert.ok(b !== null);
      const [min, max] = [Math.min(...qs), Math.max(...qs)];
      const tol = 1e-6;
      assert.ok(b.lo <= min + tol && max - tol <= b.hi, `${JSON.stringify([change, gap, b])}`);
      // Reached: a finite bound by a grid point, an infinite one by a point next to 0.
      for (const [bound, got] of [[b.lo, min], [b.hi, max]]) {
        if (Number.isFinite(bound)) assert.ok(Math.abs(bound - got) <= tol, `${bound} ${got}`);
        else assert.ok(Math.abs(got) >= 1e6 && Math.sign(got) === Math.sign(bound));
      }
    }),
    { seed: SEED, numRuns: 2000 },
  );
});

Deno.test("quotientBounds: a fall over a gap of at most 195 days, possibly 0, is at most the fall over 195 days", () => {
  // Not (−inf, 0]: a finite longest gap bounds the rate away from 0.
  assert.deepEqual(quotientBounds({ lo: -1.7, hi: -1.7 }, { lo: 0, hi: 195 }), {
    lo: -Infinity,
    hi: -1.7 / 195,
  });
  // A change that may be 0 or a rise over a positive gap.
  assert.deepEqual(quotientBounds({ lo: 0, hi: 3 }, { lo: 2, hi: 6 }), { lo: 0, hi: 1.5 });
  assert.deepEqual(quotientBounds({ lo: -1, hi: 3 }, { lo: 0, hi: 6 }), {
    lo: -Infinity,
    hi: Infinity,
  });
  // A rise over a negative gap (the later value first) is a fall.
  assert.deepEqual(quotientBounds({ lo: 2, hi: 2 }, { lo: -4, hi: -1 }), { lo: -2, hi: -0.5 });
});
