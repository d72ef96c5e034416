/**
 * A table read by column (lib/data/read_columns.ts) holds exactly the rows, values and lines the
 * row reader (lib/csv.ts) gives, or is not read at all; and it is read whenever the row reader
 * finds nothing wrong and the header is in schema order.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { readTable } from "../../lib/csv.ts";
import { cellAt } from "../../lib/data/columnar.ts";
import { type ColumnTable, readColumns } from "../../lib/data/read_columns.ts";
import { DEFAULT_DATA_DIR, type TableName, tableSchemas } from "../../lib/mod.ts";

const SEED = 20121205;

/** The rows of a table read by column, as the row reader gives them. */
function rowsOf(table: ColumnTable, names: string[]): { row: number; value: object }[] {
  const cell = table.columns.map(cellAt);
  return [...table.lines].map((row, i) => ({
    row,
    value: Object.fromEntries(names.map((n, j) => [n, cell[j](i)])),
  }));
}

/** Pieces a generated line is made of: the real first row's cells, and what breaks a line. */
const NOISE = [
  "",
  " ",
  ",",
  '"',
  '""',
  "\r",
  "the\rlimb",
  "a,b",
  '"a, b"',
  "x",
  "-0",
  "0",
  "1.5",
  "é",
];

for (const name of ["events", "observations", "timepoints"] as TableName[]) {
  Deno.test(`${name}: read by column as the row reader reads it, or not at all`, async () => {
    const { file, schema } = tableSchemas[name];
    const names = Object.keys(schema.shape);
    const text = await Deno.readTextFile(`${DEFAULT_DATA_DIR}${file}`);
    const real = (parse(text) as string[][]).slice(1, 4);
    const quoteCell = (c: string) => /[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c;
    const realLines = real.map((r) => r.map(quoteCell).join(","));
    // A line: a real row, a real row with one cell replaced by noise, or noise alone.
    const line = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...realLines) },
      {
        weight: 4,
        arbitrary: fc.tuple(
          fc.constantFrom(...real),
          fc.nat(names.length - 1),
          fc.constantFrom(...NOISE),
        ).map(([r, at, v]) => r.map((c, i) => i === at ? v : quoteCell(c)).join(",")),
      },
      { weight: 1, arbitrary: fc.constantFrom(...NOISE) },
    );
    // A header: the columns in order, in order with white space (a CR too) about its cells and
    // some quoted (the row reader trims them), reversed, or after a byte-order mark.
    const pad = fc.constantFrom("", "", " ", "\t", "\r", "\u00a0");
    const padded = fc.array(fc.tuple(pad, pad, fc.boolean()), {
      minLength: names.length,
      maxLength: names.length,
    }).map((p) =>
      names.map((n, i) => p[i][2] ? `"${p[i][0]}${n}${p[i][1]}"` : p[i][0] + n + p[i][1])
    );
    const header = fc.oneof(
      fc.constant(names.join(",")),
      padded.map((cells) => cells.join(",")),
      fc.constantFrom([...names].reverse().join(","), `\ufeff${names}`),
    );
    const dir = await Deno.makeTempDir();
    const path = `${dir}/${file}`;
    let read = 0;
    try {
      fc.assert(
        fc.property(
          fc.array(line, { minLength: 0, maxLength: 6 }),
          fc.constantFrom("\n", "\r\n"),
          fc.boolean(),
          header,
          (lines, eol, lastEol, header) => {
            const csv = [header, ...lines].join(eol) + (lastEol ? eol : "");
            Deno.writeTextFileSync(path, csv);
            const rows = readTable(file, csv, schema);
            const byColumn = readColumns(path, name, dir);
            const clean = rows.usable && rows.issues.length === 0;
            if (byColumn !== null) {
              read++;
              assert.ok(
                clean,
                `read by column, but the row reader says ${rows.issues[0]?.message}`,
              );
              assert.deepEqual(rowsOf(byColumn, names), rows.rows);
            } else if (clean) {
              assert.equal(
                header,
                [...names].reverse().join(","),
                "not read though nothing is wrong and the header is in order",
              );
            }
          },
        ),
        { seed: SEED, numRuns: 400 },
      );
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
    assert.ok(read > 20, `only ${read} generated tables were clean enough to read by column`);
  });
}

Deno.test("a column keeps -0 apart from 0 and null apart from a value, once per cell text", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const { file, schema } = tableSchemas.timepoints;
    const names = Object.keys(schema.shape);
    const row = (id: string, amount: string) =>
      `A,${id},exact,t0,,${amount},day,1,1,1,day 1,on day 1`;
    const csv = [names.join(","), row("t1", "0"), row("t2", "-0"), row("t3", ""), row("t4", "0")]
      .join("\n");
    await Deno.writeTextFile(`${dir}/${file}`, csv);
    const t = readColumns(`${dir}/${file}`, "timepoints", dir);
    assert.ok(t !== null);
    const amounts = rowsOf(t, names).map((r) => (r.value as { amount: unknown }).amount);
    assert.deepEqual(amounts.map((a) => Object.is(a, -0)), [false, true, false, false]);
    assert.deepEqual(amounts, [0, -0, null, 0]);
    assert.deepEqual(rowsOf(t, names), readTable(file, csv, schema).rows);
    const amount = t.columns[names.indexOf("amount")];
    assert.deepEqual([...amount.codes], [0, 1, 2, 0], "one value per distinct cell text");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a header with carriage returns the row reader trims off its cells is read by column", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const { file, schema } = tableSchemas.events;
    const names = Object.keys(schema.shape);
    const row = "A,amputation,t0,cut,the quote";
    const headers = [
      names.map((n, i) => i === 0 ? `${n}\r` : n).join(","), // a cell ending in \r
      `${names.join(",")}\r`, // \r\r\n: the row reader takes one off, then trims the other
      names.map((n, i) => i === 1 ? `\r${n}` : i === names.length - 1 ? `"${n}"` : n).join(","),
    ];
    for (const header of headers) {
      const csv = `${header}\r\n${row}\r\n`;
      const path = `${dir}/${file}`;
      await Deno.writeTextFile(path, csv);
      const rows = readTable(file, csv, schema);
      assert.ok(rows.usable && rows.issues.length === 0, JSON.stringify(rows.issues));
      const t = readColumns(path, "events", dir);
      assert.ok(t !== null, `not read by column: ${JSON.stringify(header)}`);
      assert.deepEqual(rowsOf(t, names), rows.rows);
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a table read in many pieces is read by column as the row reader reads it", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const { file, schema } = tableSchemas.events;
    const names = Object.keys(schema.shape);
    const path = `${dir}/${file}`;
    // More than 65,536 distinct quotes (codes of 32 bits), lines of every length across the
    // 64 KiB pieces the file is read in, one line longer than a piece, CR LF on some lines,
    // blank lines, quoted cells and the same cell quoted and not.
    const lines = [names.join(",")];
    for (let i = 0; i < 70_000; i++) {
      const quote = i === 30_000 ? "q".repeat(100_000) : `q ${i} ${"é".repeat(i % 97)}`;
      const kind = i % 3 === 0 ? '"amputation"' : "amputation";
      const cell = i % 5 === 0 ? `"${quote}, ""said"""` : quote;
      lines.push(`C${i % 7},${kind},t${i % 11},d,${cell}${i % 4 === 0 ? "\r" : ""}`);
      if (i % 1000 === 0) lines.push(i % 2000 === 0 ? "" : "\r");
    }
    const csv = lines.join("\n");
    await Deno.writeTextFile(path, csv);
    const rows = readTable(file, csv, schema);
    assert.deepEqual(rows.issues, []);
    const t = readColumns(path, "events", dir);
    assert.ok(t !== null);
    assert.ok(t.columns[names.length - 1].codes instanceof Int32Array);
    assert.deepEqual(rowsOf(t, names), rows.rows);
    // A problem in the last piece leaves the table to the row reader.
    await Deno.writeTextFile(path, `${csv}\nC,amputation,t0,d\r,q\n`);
    assert.equal(readColumns(path, "events", dir), null);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
