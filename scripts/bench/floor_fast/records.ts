/**
 * The byte-level CSV reading of the fast floor (`mod.ts`): RFC 4180 records delimited in a
 * `Uint8Array` without a string per cell (a cell is its byte offsets), the text of the few cells
 * that are wanted, and a chunk of a file read into one reused buffer.
 *
 * @module
 */
import type { Tally } from "../floor.ts";

const QUOTE = 34, COMMA = 44, LF = 10, CR = 13;

/**
 * Delimits the records of `b` from `pos` (RFC 4180: quoted cells, doubled quotes, quoted line
 * breaks, CRLF; a last empty line is none), adding each record's cells to `tally.cells`, and calls
 * `onRecord` after each record with the cells of the columns `slotOf` names (column → slot, or -1)
 * in `out`: per slot its start, end and 1 if it has doubled quotes (start -1: the record has no
 * such cell).
 *
 * @param b The bytes.
 * @param pos Where the first record starts.
 * @param slotOf The slot of each wanted column (-1 or past its end: not wanted).
 * @param out Three numbers per slot, written before each `onRecord`.
 * @param tally Where the cells are counted.
 * @param onRecord Called after each record.
 * @returns -1 when every record ended in `b`, or where a record starts whose quoted cell is not
 * closed in `b` (it was not counted).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { records } from "./records.ts";
 * const b = new TextEncoder().encode('a,b\r\n1,"x, ""y"""\n2,"two\nlines"\n3,"open');
 * const tally = { cells: 0, quotes: 0, missing: 0 };
 * const out = new Int32Array(3); // one slot: column 1
 * const seen: string[] = [];
 * const text = () => new TextDecoder().decode(b.subarray(out[0], out[1]));
 * const stop = records(b, 0, new Int32Array([-1, 0]), out, tally, () => seen.push(text()));
 * assert.deepEqual(seen, ["b", 'x, ""y""', "two\nlines"]); // offsets: quotes still doubled
 * assert.equal(tally.cells, 6);
 * assert.equal(new TextDecoder().decode(b.subarray(stop)), '3,"open'); // not closed
 * ```
 */
export function records(
  b: Uint8Array,
  pos: number,
  slotOf: Int32Array,
  out: Int32Array,
  tally: Tally,
  onRecord: () => void,
): number {
  const n = b.length;
  const wanted = slotOf.length;
  while (pos < n) {
    const start = pos;
    out.fill(-1);
    let col = 0;
    for (;;) {
      let a: number, e: number, doubled = 0;
      if (b[pos] === QUOTE) {
        a = ++pos;
        for (;;) {
          const q = b.indexOf(QUOTE, pos);
          if (q < 0) return start;
          if (b[q + 1] === QUOTE) doubled = 1, pos = q + 2;
          else {
            e = q, pos = q + 1;
            break;
          }
        }
      } else {
        a = pos;
        let c = 0;
        while (pos < n && (c = b[pos]) !== COMMA && c !== LF && c !== CR) pos++;
        e = pos;
      }
      if (col < wanted) {
        const k = slotOf[col];
        if (k >= 0) out[k * 3] = a, out[k * 3 + 1] = e, out[k * 3 + 2] = doubled;
      }
      col++;
      const c = b[pos];
      if (c === COMMA) {
        pos++;
        continue;
      }
      if (c === CR) pos++;
      if (b[pos] === LF) pos++;
      break;
    }
    tally.cells += col;
    onRecord();
  }
  return -1;
}

const utf8 = new TextDecoder();

/**
 * The bytes as a string when they are ASCII (its offsets are then the bytes'), else null.
 *
 * @param b The bytes.
 * @returns The string, or null.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { asciiText } from "./records.ts";
 * assert.equal(asciiText(new TextEncoder().encode("VAS 8")), "VAS 8");
 * assert.equal(asciiText(new TextEncoder().encode("8 cm → 2 cm")), null);
 * ```
 */
export function asciiText(b: Uint8Array): string | null {
  const s = utf8.decode(b);
  return s.length === b.length ? s : null;
}

/**
 * The text of the cell `b[a, e)`, its doubled quotes made single: a slice of `ascii` (the bytes
 * as a string, when they are ASCII) or the bytes decoded.
 *
 * @param b The bytes.
 * @param ascii `b` as a string, or null.
 * @param a The cell's start.
 * @param e The cell's end.
 * @param doubled 1 when the cell has doubled quotes.
 * @returns The cell's text.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { cellText } from "./records.ts";
 * const b = new TextEncoder().encode('1,"a ""b"""');
 * assert.equal(cellText(b, null, 3, 10, 1), 'a "b"');
 * ```
 */
export function cellText(
  b: Uint8Array,
  ascii: string | null,
  a: number,
  e: number,
  doubled: number,
): string {
  const v = ascii !== null ? ascii.slice(a, e) : utf8.decode(b.subarray(a, e));
  return doubled ? v.replaceAll('""', '"') : v;
}

let scratch = new Uint8Array(0);

/**
 * Reads `[pos, pos + length)` of a file (less at its end) into this thread's one reused buffer.
 *
 * @param file The open file.
 * @param pos Where to start.
 * @param length How many bytes.
 * @returns A view of the buffer, valid until the next call.
 */
export function readAt(file: Deno.FsFile, pos: number, length: number): Uint8Array {
  if (scratch.length < length) {
    scratch = new Uint8Array(Math.max(length, Math.ceil(scratch.length * 1.25)));
  }
  const buf = scratch.subarray(0, length);
  file.seekSync(pos, Deno.SeekMode.Start);
  let got = 0;
  while (got < length) {
    const r = file.readSync(buf.subarray(got));
    if (r === null || r === 0) break;
    got += r;
  }
  return buf.subarray(0, got);
}

/**
 * The column names of a table (its first record).
 *
 * @param path The CSV file.
 * @returns Its column names.
 */
export function headerOf(path: string): string[] {
  const file = Deno.openSync(path);
  try {
    for (let size = 1 << 16;; size *= 4) {
      const b = readAt(file, 0, size).slice();
      const most = 4096;
      const out = new Int32Array(most * 3);
      const tally: Tally = { cells: 0, quotes: 0, missing: 0 };
      let names: string[] | null = null;
      let seen = 0;
      const stop = records(b, 0, new Int32Array(most).map((_, i) => i), out, tally, () => {
        if (seen++ > 0) return;
        names = [];
        for (let k = 0; k < Math.min(tally.cells, most); k++) {
          names.push(cellText(b, null, out[k * 3], out[k * 3 + 1], out[k * 3 + 2]));
        }
      });
      // the header is whole when the file is, or when another record starts after it
      if (names !== null && (b.length < size || seen > 1 || stop > 0)) return names;
      if (b.length < size) throw new Error(`${path}: no header`);
    }
  } finally {
    file.close();
  }
}

/**
 * The cells of two columns of every record of a table after its header.
 *
 * @param path The CSV file.
 * @param first The first column's name.
 * @param second The second column's name.
 * @returns The two columns' cells, row by row.
 */
export function twoColumns(path: string, first: string, second: string): [string[], string[]] {
  const names = headerOf(path);
  const slotOf = new Int32Array(names.length).fill(-1);
  for (const [k, name] of [first, second].entries()) {
    const j = names.indexOf(name);
    if (j < 0) throw new Error(`${path}: no column ${name}`);
    slotOf[j] = k;
  }
  const out = new Int32Array(6);
  const b = Deno.readFileSync(path);
  const ascii = asciiText(b);
  const one: string[] = [], two: string[] = [];
  let header = true;
  records(b, 0, slotOf, out, { cells: 0, quotes: 0, missing: 0 }, () => {
    if (header) return void (header = false);
    one.push(out[0] < 0 ? "" : cellText(b, ascii, out[0], out[1], out[2]));
    two.push(out[3] < 0 ? "" : cellText(b, ascii, out[3], out[4], out[5]));
  });
  return [one, two];
}
