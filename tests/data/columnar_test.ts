/**
 * A column sent between threads (lib/data/columnar.ts) gives back every cell it was given, as the
 * same value.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  buffersOf,
  type Cell,
  cellAt,
  type Column,
  IntBlocks,
  rowAt,
} from "../../lib/data/columnar.ts";

/** A column of these cells: each distinct cell (as `Object.is` tells them) once, a code per row. */
function columnOf(cells: Cell[]): Column {
  const values: Cell[] = [];
  const codes = new Int32Array(cells.length);
  cells.forEach((c, i) => {
    let code = values.findIndex((v) => Object.is(v, c));
    if (code < 0) code = values.push(c) - 1;
    codes[i] = code;
  });
  return { values, codes };
}

/** The cells a column gives back, row by row, once sent to another thread. */
function roundTrip(cells: Cell[]): Cell[] {
  const at = cellAt(structuredClone(columnOf(cells)));
  return cells.map((_, i) => at(i));
}

Deno.test("a column of few values comes back value for value, -0 and null included", () => {
  const cells = [0, -0, null, 1.5, Infinity, -Infinity, 0, -0, 1.5, null];
  const back = roundTrip(cells);
  assert.deepEqual(back.map((v) => Object.is(v, -0)), cells.map((v) => Object.is(v, -0)));
  assert.deepEqual(back, cells);
});

Deno.test("a column of many distinct values comes back value for value", () => {
  const cells = Array.from(
    { length: 3_000 },
    (_, i) => (i % 5 === 0 ? null : i % 2 ? i / 4 : `q${i} ✓`),
  );
  assert.deepEqual(roundTrip(cells), cells);
});

Deno.test("any cells come back as they went", () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.double(),
    fc.string(),
    fc.constantFrom(0, -0, "a", "b"),
  );
  fc.assert(
    fc.property(fc.array(cell, { maxLength: 300 }), (cells) => {
      const back = roundTrip(cells);
      assert.equal(back.length, cells.length);
      back.forEach((v, i) => assert.ok(Object.is(v, cells[i]), `row ${i}`));
    }),
    { seed: 1, numRuns: 100 },
  );
});

Deno.test("IntBlocks joins its blocks in order, across block ends", () => {
  const b = new IntBlocks();
  const n = (1 << 16) * 2 + 3;
  for (let i = 0; i < n; i++) b.push(i);
  const all = b.join(new Int32Array(b.length));
  assert.equal(all.length, n);
  assert.ok(all.every((v, i) => v === i));
});

Deno.test("a column's buffers are those a transfer moves", () => {
  const c = columnOf(["x"]);
  const [buffer] = buffersOf(c);
  structuredClone(c, { transfer: [buffer] });
  assert.equal(buffer.byteLength, 0, "moved, not copied");
});

Deno.test("the rows of columns are their cells under their names, in order, -0 and all", () => {
  // Names a generated object literal must quote; codes of each width.
  const names = ["case_id", "b c", 'say "x"', "0"];
  const cells: Cell[][] = [
    ["A", "A", "B"],
    [1.5, -0, null],
    ['"', "\\", "\n"],
    [null, null, null],
  ];
  const columns = cells.map(columnOf);
  columns[1].codes = Uint8Array.from(columns[1].codes);
  columns[2].codes = Uint16Array.from(columns[2].codes);
  const at = rowAt(names, columns);
  for (let i = 0; i < 3; i++) {
    const row = at(i) as Record<string, Cell>;
    assert.deepEqual(Object.keys(row), ["0", "case_id", "b c", 'say "x"']);
    names.forEach((n, j) => assert.ok(Object.is(row[n], cells[j][i]), `${n} at ${i}`));
  }
  assert.throws(() => rowAt(["a"], []), RangeError);
});
