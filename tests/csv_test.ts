/**
 * The CSV reader: its cell checks (compiled from the zod schemas) accept exactly what zod accepts,
 * with the same values, and its splitting agrees with csv-parse on every valid table.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import { readTable } from "../lib/csv.ts";
import { DEFAULT_DATA_DIR, type TableName, tableSchemas } from "../lib/mod.ts";

const SEED = 20121123;

/** Cells that probe every kind of column: numbers, bounds, words of the closed lists, identifiers. */
const cell = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "0",
    "-0",
    "1",
    "-1",
    "1.5",
    " 2.5 ",
    ".5",
    "5.",
    "1e3",
    "1E-2",
    "Inf",
    "-Inf",
    "NaN",
    "Infinity",
    "0x10",
    "19",
    "20",
    "80",
    "81",
    "120",
    "121",
    "10",
    "10.01",
    "exact",
    " exact ",
    "Exact",
    "origin",
    "range",
    "day",
    "year",
    "fortnight",
    "male",
    "upper",
    "left",
    "amputation",
    "phantom limb pain",
    "Phantom",
    "x_1-2",
    "x 1",
    "milnacipran",
    "SSRI",
    "sources/a.txt",
    "sources/a b.txt",
  ),
  fc.string({ maxLength: 8 }),
  fc.integer({ min: -5, max: 200 }).map(String),
  fc.double({ min: -1, max: 130, noNaN: true }).map(String),
);

/** The first data row of each real table, as cells by column: a valid baseline to vary. */
async function baseline(table: TableName): Promise<Record<string, string>> {
  const text = await Deno.readTextFile(`${DEFAULT_DATA_DIR}${tableSchemas[table].file}`);
  const [header, first] = parse(text) as string[][];
  return Object.fromEntries(header.map((h, i) => [h, first[i]]));
}

for (const table of Object.keys(tableSchemas) as TableName[]) {
  Deno.test(`cells of ${table}: the compiled checks agree with zod on every cell`, async () => {
    const { schema } = tableSchemas[table];
    const base = await baseline(table);
    const columns = Object.keys(schema.shape);
    fc.assert(
      fc.property(fc.constantFrom(...columns), fc.array(cell, { minLength: 3, maxLength: 3 }), (
        column,
        values,
      ) => {
        // The same column varied on three rows, so that a remembered cell is read again.
        const rows = values.map((v) => columns.map((c) => (c === column ? v : base[c])));
        const text = stringify([columns, ...rows, ...rows]);
        const read = readTable("t.csv", text, schema);
        rows.concat(rows).forEach((cells, i) => {
          const expected = schema.safeParse(
            Object.fromEntries(columns.map((c, j) => [c, cells[j]])),
          );
          const got = read.rows.find((r) => r.row === i + 2);
          if (expected.success) assert.deepEqual(got?.value, expected.data);
          else {
            assert.equal(got, undefined);
            assert.ok(read.issues.some((x) => x.row === i + 2 && x.column === column));
          }
        });
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
}

Deno.test("splitting agrees with csv-parse on valid tables (quotes, commas, CRLF, blank lines)", () => {
  const text = fc.string({ maxLength: 6 }).filter((s) => !/[\r\n]/.test(s));
  const anyCell = fc.oneof(text, fc.constantFrom("a,b", '"', '""', " x ", "é", 'a"b,c', ""));
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 4 }).chain((n) =>
        fc.tuple(
          fc.uniqueArray(fc.stringMatching(/^[a-z]{1,4}$/), { minLength: n, maxLength: n }),
          fc.array(fc.array(anyCell, { minLength: n, maxLength: n }), {
            minLength: 1,
            maxLength: 5,
          }),
          fc.boolean(),
        )
      ),
      ([header, rows, crlf]) => {
        // A row of one empty cell is a blank line, which the format skips.
        const kept = rows.filter((r) => !(r.length === 1 && r[0] === ""));
        fc.pre(kept.length > 0);
        const csv = stringify([header, ...kept], { record_delimiter: crlf ? "windows" : "unix" });
        const schema = z.object(Object.fromEntries(header.map((h) => [h, z.string()])));
        const read = readTable("t.csv", csv, schema);
        const oracle = parse(csv, { columns: true, skip_empty_lines: true }) as object[];
        assert.deepEqual(read.issues, []);
        assert.deepEqual(read.rows.map((r) => r.value), oracle);
      },
    ),
    { seed: SEED, numRuns: 300 },
  );
});

Deno.test("a column whose schema accepts an empty cell may be left out of the header", () => {
  const schema = z.object({
    a: z.string().min(1),
    note: z.string().transform((s) => (s === "" ? null : s)),
    b: z.string().min(1),
  });
  // Left out: every row reads it as an empty cell, wherever the other columns stand.
  for (const text of ["a,b\nx,y\n", "b,a\ny,x\n"]) {
    const read = readTable("t.csv", text, schema);
    assert.deepEqual(read.issues, []);
    assert.deepEqual(read.rows, [{ value: { a: "x", note: null, b: "y" }, row: 2 }]);
  }
  // Given: read as usual.
  assert.deepEqual(readTable("t.csv", "a,note,b\nx,n,y\n", schema).rows[0].value, {
    a: "x",
    note: "n",
    b: "y",
  });
  // A column that needs a value is still required, with the same message.
  const read = readTable("t.csv", "a,note\nx,n\n", schema);
  assert.equal(read.usable, false);
  assert.deepEqual(read.issues, [{
    file: "t.csv",
    row: 1,
    column: "b",
    message: "missing column",
  }]);
});

Deno.test("every real table reads the same without its optional columns' header (all empty)", async () => {
  for (const table of Object.keys(tableSchemas) as TableName[]) {
    const { schema, file } = tableSchemas[table];
    const text = await Deno.readTextFile(`${DEFAULT_DATA_DIR}${file}`);
    const [header, ...rows] = parse(text) as string[][];
    const optional = header.filter((h, i) =>
      (schema.shape as Record<string, z.ZodType>)[h].safeParse("").success &&
      rows.every((r) => r[i] === "")
    );
    const kept = header.map((h, i) => [h, i] as const).filter(([h]) => !optional.includes(h));
    const narrow = stringify([kept.map(([h]) => h), ...rows.map((r) => kept.map(([, i]) => r[i]))]);
    const full = readTable(file, text, schema);
    const without = readTable(file, narrow, schema);
    assert.deepEqual(without.issues, full.issues, table);
    assert.deepEqual(without.rows, full.rows, table);
  }
});

Deno.test("a row with more cells than the header says a comma must be quoted; one with fewer does not", () => {
  const schema = z.object({ a: z.string(), b: z.string() });
  const more = readTable("t.csv", "a,b\nx,y, z\n", schema).issues[0].message;
  assert.equal(
    more,
    'row has 3 cells, the header has 2: a cell that holds a comma must be in double quotes ("a, b")',
  );
  const fewer = readTable("t.csv", "a,b\nx\n", schema).issues[0].message;
  assert.equal(fewer, "row has 1 cell, the header has 2");
});
