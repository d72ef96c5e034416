/**
 * A column sent between threads (lib/data/columnar.ts) gives back every cell it was given, as the
 * same value: codes for few distinct values, one text for text that seldom repeats.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { buffersOf, cellAt, ColumnWriter, IntBlocks } from "../../lib/data/columnar.ts";

/** The cells a column gives back, row by row. */
function roundTrip(cells: unknown[]): { back: unknown[]; kind: "codes" | "text" } {
  const w = new ColumnWriter();
  for (const c of cells) assert.ok(w.add(c));
  const column = structuredClone(w.column());
  const at = cellAt(column);
  return { back: cells.map((_, i) => at(i)), kind: "codes" in column ? "codes" : "text" };
}

Deno.test("a column of few values comes back value for value, -0 and null included", () => {
  const cells = [0, -0, null, 1.5, Infinity, -Infinity, 0, -0, 1.5, null];
  const { back, kind } = roundTrip(cells);
  assert.equal(kind, "codes");
  assert.deepEqual(back.map((v) => Object.is(v, -0)), cells.map((v) => Object.is(v, -0)));
  assert.deepEqual(back, cells);
});

Deno.test("a column of text with many distinct values becomes one text, and comes back whole", () => {
  const cells = Array.from({ length: 10_000 }, (_, i) => (i % 3 === 0 ? null : `quote ${i} ✓`));
  const { back, kind } = roundTrip(cells);
  assert.equal(kind, "text");
  assert.deepEqual(back, cells);
  assert.deepEqual(roundTrip(["", null, "", "x"]).back, ["", null, "", "x"], "empty text");
});

Deno.test("a column of numbers with many distinct values stays codes (only text becomes text)", () => {
  const cells = Array.from({ length: 70_000 }, (_, i) => (i % 5 === 0 ? null : i / 4));
  const { back, kind } = roundTrip(cells);
  assert.equal(kind, "codes");
  assert.deepEqual(back, cells);
});

Deno.test("any cells come back as they went, whichever form the column takes", () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.double(),
    fc.string(),
    fc.constantFrom(0, -0, "a", "b"),
  );
  fc.assert(
    fc.property(fc.array(cell, { maxLength: 300 }), fc.boolean(), (cells, text) => {
      // Text only, with many distinct values: the form for text.
      const input = text
        ? [
          ...Array.from({ length: 5000 }, (_, i) => `t${i}`),
          ...cells.map((c) => (typeof c === "number" ? String(c) : c)),
        ]
        : cells;
      const { back } = roundTrip(input);
      assert.equal(back.length, input.length);
      back.forEach((v, i) => assert.ok(Object.is(v, input[i]), `row ${i}`));
    }),
    { seed: 1, numRuns: 60 },
  );
});

Deno.test("a value that is not a cell is refused", () => {
  for (const bad of [{}, [], undefined, true, 1n]) {
    assert.equal(new ColumnWriter().add(bad), false, String(bad));
  }
  const text = new ColumnWriter();
  for (let i = 0; i < 5000; i++) text.add(`t${i}`);
  assert.equal(text.add(1), false, "a number in a column of text");
});

Deno.test("IntBlocks joins its blocks in order, across block ends", () => {
  const b = new IntBlocks();
  const n = (1 << 16) * 2 + 3;
  for (let i = 0; i < n; i++) b.push(i);
  const all = b.join(new Int32Array(b.length));
  assert.equal(all.length, n);
  assert.ok(all.every((v, i) => v === i));
  assert.equal(b.at((1 << 16) + 1), (1 << 16) + 1);
});

Deno.test("a column's buffers are those a transfer moves", () => {
  const w = new ColumnWriter();
  w.add("x");
  const c = w.column();
  const [buffer] = buffersOf(c);
  structuredClone(c, { transfer: [buffer] });
  assert.equal(buffer.byteLength, 0, "moved, not copied");
});
