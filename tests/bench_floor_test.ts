/**
 * The floor benchmark (`scripts/bench/floor.ts`) counts what it claims to: every cell of RFC 4180
 * text, and a quote not in its case's text as missing (its run end to end: bench_floor_fast_test).
 */
import assert from "node:assert/strict";
import { csvRows, scan, type Tally } from "../scripts/bench/floor.ts";

Deno.test("floor: cells of quoted, doubled-quote, line-break and CRLF records", () => {
  const rows: string[][] = [];
  csvRows('a,b,c\r\n1,"x, ""y""",3\n2,"two\nlines",\n', (cells) => rows.push(cells));
  assert.deepEqual(rows, [["a", "b", "c"], ["1", 'x, "y"', "3"], ["2", "two\nlines", ""]]);
});

Deno.test("floor: a quote not in its case's text is counted missing; no case column, no quote", () => {
  const tally: Tally = { cells: 0, quotes: 0, missing: 0 };
  const textOf = (id: string) => id === "c1" ? "the pain VAS was 8" : undefined;
  scan("case_id,quote\nc1,VAS was 8\nc1,VAS was 9\nc2,VAS\n", textOf, tally);
  assert.deepEqual(tally, { cells: 8, quotes: 3, missing: 2 });
  scan("source_id,quote\ns1,anything\n", textOf, tally);
  assert.deepEqual(tally, { cells: 12, quotes: 3, missing: 2 });
});
