/**
 * `placeLabel` checks a label only against the obstacles near it (an index by place kept across
 * calls, `lib/plots/grid_index.ts`) and stops counting a candidate once it cannot win. Here, on
 * random obstacles and labels (seeded), placed one after another as a figure places them, it
 * chooses every time what checking every obstacle chose (the former algorithm, kept below), and
 * `hitsAnySegment` answers as `segments.some(segmentHitsBox)`.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  type Box,
  hitsAnySegment,
  inside,
  type Obstacles,
  overlaps,
  placeLabel,
  segmentHitsBox,
} from "../../lib/plots/layout.ts";
import { GridIndex } from "../../lib/plots/grid_index.ts";

const SEED = 20121123;

/** The former `placeLabel`: every obstacle checked for every candidate. */
function placeLabelReference(
  candidates: readonly Box[],
  obstacles: Obstacles,
  bounds: Box,
  pad = 1,
  cost: readonly number[] = [],
): number {
  let best = -1;
  let bestScore = Infinity;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    if (!inside(c, bounds)) continue;
    const padded = {
      x: c.x - pad,
      y: c.y - pad,
      width: c.width + 2 * pad,
      height: c.height + 2 * pad,
    };
    const score = 100 * obstacles.boxes.filter((b) => overlaps(padded, b)).length +
      obstacles.segments.filter((s) => segmentHitsBox(s, padded)).length + (cost[i] ?? 0);
    if (score < bestScore) {
      best = i;
      bestScore = score;
      if (score === 0) break;
    }
  }
  if (best < 0) best = 0;
  obstacles.boxes.push(candidates[best]);
  return best;
}

/** Coordinates mostly in a figure, some on cell edges, some far out or unknown. */
const coord = fc.oneof(
  { weight: 20, arbitrary: fc.double({ min: -20, max: 420, noNaN: true }) },
  { weight: 4, arbitrary: fc.integer({ min: -2, max: 26 }).map((k) => k * 16) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, 1e7, -3e9, 16 - 1e-13) },
);
const length = fc.oneof(
  { weight: 10, arbitrary: fc.double({ min: 0, max: 60, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -5, 2000, NaN) },
);
const box = fc.record({ x: coord, y: coord, width: length, height: length });
const segment = fc.oneof(
  fc.record({ x1: coord, y1: coord, x2: coord, y2: coord }),
  // Short ones, as whiskers and lines between near values are.
  fc.tuple(coord, coord, fc.double({ min: -30, max: 30, noNaN: true }), length)
    .map(([x, y, dx, dy]) => ({ x1: x, y1: y, x2: x + dx, y2: y + dy })),
);

/** One step of a figure's drawing: marks appended, or a label placed, or a copy without one. */
const step = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("marks" as const),
      boxes: fc.array(box, { maxLength: 6 }),
      segments: fc.array(segment, { maxLength: 6 }),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("label" as const),
      candidates: fc.array(box, { minLength: 1, maxLength: 8 }),
      pad: fc.constantFrom(0, 1, 2.5),
      cost: fc.array(fc.constantFrom(0, 0, 1, 50, NaN), { maxLength: 8 }),
      copy: fc.boolean(), // placed among a filtered copy of the boxes (a band's label)
    }),
  },
);

Deno.test("placeLabel by the index chooses what checking every obstacle chooses", () => {
  let placed = 0;
  fc.assert(
    fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), box, (steps, rawBounds) => {
      const bounds = {
        ...rawBounds,
        width: Math.abs(rawBounds.width) * 10 + 200,
        height: Math.abs(rawBounds.height) * 10 + 200,
      };
      const [mine, theirs]: Obstacles[] = [{ boxes: [], segments: [] }, {
        boxes: [],
        segments: [],
      }];
      for (const s of steps) {
        if (s.kind === "marks") {
          for (const o of [mine, theirs]) o.boxes.push(...s.boxes), o.segments.push(...s.segments);
          continue;
        }
        const [a, b] = s.copy
          ? [{ ...mine, boxes: mine.boxes.slice(1) }, { ...theirs, boxes: theirs.boxes.slice(1) }]
          : [mine, theirs];
        const got = placeLabel(s.candidates, a, bounds, s.pad, s.cost);
        const want = placeLabelReference(s.candidates, b, bounds, s.pad, s.cost);
        assert.equal(got, want);
        for (const c of s.candidates) {
          assert.equal(
            hitsAnySegment(mine.segments, c),
            theirs.segments.some((x) => segmentHitsBox(x, c)),
          );
        }
        placed++;
      }
      assert.deepEqual(mine, theirs);
    }),
    { seed: SEED, numRuns: 300 },
  );
  assert.ok(placed > 1000, `${placed} labels placed`);
});

Deno.test("placeLabel takes in an obstacle array replaced at its end or shortened", () => {
  const far = { x: 300, y: 300, width: 10, height: 10 };
  const here = { x: 0, y: 0, width: 10, height: 10 };
  const bounds = { x: -100, y: -100, width: 600, height: 600 };
  const obstacles: Obstacles = { boxes: [far], segments: [] };
  const candidates = [{ x: 2, y: 2, width: 4, height: 4 }, { x: 100, y: 100, width: 4, height: 4 }];
  assert.equal(placeLabel(candidates, obstacles, bounds), 0);
  // The box just placed, replaced by one that covers the first candidate: seen.
  obstacles.boxes[obstacles.boxes.length - 1] = here;
  assert.equal(placeLabel(candidates, obstacles, bounds), 1);
  // Shortened to the far box alone: the first candidate is free again.
  obstacles.boxes.length = 1;
  assert.equal(placeLabel(candidates, obstacles, bounds), 0);
});

Deno.test("the grid returns every item that meets a rectangle, and items far out or unknown always", () => {
  fc.assert(
    fc.property(fc.array(box, { maxLength: 60 }), box, (items, q) => {
      const g = new GridIndex();
      items.forEach((b, i) => g.add(i, [b.x, b.x + b.width], [b.y, b.y + b.height]));
      const near = new Set(g.near([q.x, q.x + q.width], [q.y, q.y + q.height]));
      assert.equal(near.size, g.near([q.x, q.x + q.width], [q.y, q.y + q.height]).length);
      items.forEach((b, i) => {
        if (overlaps(q, b) || overlaps(b, q)) assert.ok(near.has(i), `item ${i}`);
        const known = [b.x, b.y, b.width, b.height].every((v) => Math.abs(v) < 1e6);
        if (!known) assert.ok(near.has(i), `item ${i} (far out or unknown)`);
      });
    }),
    { seed: SEED, numRuns: 500 },
  );
});
