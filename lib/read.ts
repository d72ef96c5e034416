/**
 * Reading the files of a data folder safely: what kind of file it is and how large, checked
 * before a byte is read (a FIFO would block the reader forever, a device such as `/dev/urandom`
 * never ends, a directory cannot be read), then its bytes as UTF-8 text, with every problem named
 * at its file, line and, in a table, column.
 *
 * @module
 */
import type { IssueSink } from "./csv.ts";
import type { DataIssue } from "./errors.ts";

/**
 * The largest table (CSV file) read, in bytes: 1 GiB, about eight times the observations table of
 * a million observations (`deno task bench load`). A larger file is refused before it is read.
 */
export const MAX_TABLE_BYTES: number = 2 ** 30;

/**
 * The largest source text (`sources/<id>.txt`) read, in bytes: 16 MiB. An article's extracted
 * text is some tens of KiB; a source text is read whole.
 */
export const MAX_TEXT_BYTES: number = 16 * 2 ** 20;

/**
 * Reads files in chunks of this many bytes (each cut at a line end): small enough that a chunk's
 * text is a young object, collected as soon as its rows are read.
 */
const CHUNK_BYTES = 64 << 10;

/** A strict UTF-8 decoder (whole inputs only: it is shared). */
const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Writes a size in bytes for a message. */
function size(n: number): string {
  return n >= 2 ** 20 ? `${+(n / 2 ** 20).toFixed(1)} MiB` : `${n} bytes`;
}

/** What a file is, from its stat, when it is not a regular file. */
function kindOf(stat: Deno.FileInfo): string {
  if (stat.isDirectory) return "a directory";
  if (stat.isFifo) return "a FIFO (named pipe)";
  if (stat.isCharDevice) return "a character device";
  if (stat.isBlockDevice) return "a block device";
  if (stat.isSocket) return "a socket";
  return "not a regular file";
}

/**
 * Checks, without reading it, that `path` is a regular file (after symbolic links) of at most
 * `maxBytes`. Returns its size, or the problem (named by `file`, relative to the data folder).
 *
 * @param path The file's path.
 * @param file Its name in messages.
 * @param maxBytes The largest size accepted.
 * @returns `{ size }`, or `{ problem }`.
 * @example
 * ```ts
 * import { checkFile } from "#lib/read.ts";
 * const r = checkFile("/dev/null", "cases.csv", 1024);
 * if (!("problem" in r) || !/character device/.test(r.problem.message)) throw new Error();
 * ```
 */
export function checkFile(
  path: string,
  file: string,
  maxBytes: number,
): { size: number } | { problem: DataIssue } {
  let stat: Deno.FileInfo;
  try {
    stat = Deno.statSync(path);
  } catch (e) {
    return { problem: unreadable(file, e) };
  }
  if (!stat.isFile) {
    return {
      problem: {
        file,
        message: `is ${kindOf(stat)}, not a regular file: refused before reading (expected ` +
          "a UTF-8 text file)",
      },
    };
  }
  if (stat.size > maxBytes) {
    return {
      problem: {
        file,
        message: `is ${stat.size.toLocaleString("en")} bytes, more than the ${size(maxBytes)} ` +
          "a file of its kind may hold (data/README.md): refused before reading",
      },
    };
  }
  return { size: stat.size };
}

/** Whether a file exists (a file that exists but cannot be read is reported when read). */
export function exists(path: string): boolean {
  try {
    Deno.lstatSync(path);
    return true;
  } catch (e) {
    return !(e instanceof Deno.errors.NotFound);
  }
}

/** The problem of a file that cannot be opened or read. */
export function unreadable(file: string, e: unknown): DataIssue {
  return {
    file,
    message: e instanceof Deno.errors.NotFound
      ? "file not found"
      : `cannot read: ${(e as Error).message}`,
  };
}

/** Names the encoding of bytes that are not UTF-8, where it can tell. */
function otherEncoding(head: Uint8Array): string | null {
  const [a, b, c, d] = head;
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return "UTF-32 (little-endian)";
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return "UTF-32 (big-endian)";
  if (a === 0xff && b === 0xfe) return "UTF-16 (little-endian)";
  if (a === 0xfe && b === 0xff) return "UTF-16 (big-endian)";
  const n = Math.min(head.length, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (head[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  if (odd > n / 8 && even === 0) return "UTF-16 (little-endian, no byte-order mark)";
  if (even > n / 8 && odd === 0) return "UTF-16 (big-endian, no byte-order mark)";
  if (even + odd > 0) return "binary or UTF-16/32 (it holds NUL bytes)";
  return null;
}

/** The problem of a file in another encoding than UTF-8 (judged on its first bytes), or null. */
function encodingProblem(file: string, head: Uint8Array): DataIssue | null {
  const other = otherEncoding(head);
  return other ? { file, message: `the file is ${other}, not UTF-8: save it as UTF-8` } : null;
}

/** The first byte of `bytes` that is not UTF-8: its line, its byte offset and a description. */
function badByte(bytes: Uint8Array): { line: number; offset: number; message: string } {
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  const encoder = new TextEncoder();
  let from = 0;
  while (true) {
    const i = text.indexOf("\uFFFD", from);
    if (i < 0) {
      return { line: 1, offset: 0, message: "not valid UTF-8: save it as UTF-8 (without BOM)" };
    }
    const offset = encoder.encode(text.slice(0, i)).length;
    if (bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd) {
      from = i + 1;
      continue;
    }
    let line = 1;
    for (let j = text.indexOf("\n"); j >= 0 && j < i; j = text.indexOf("\n", j + 1)) line++;
    const byte = bytes[offset];
    const hex = `0x${byte.toString(16).toUpperCase().padStart(2, "0")}`;
    const next = bytes[offset + 1];
    const latin1 = byte >= 0xa0 && (next === undefined || next < 0x80 || next >= 0xc0);
    const asLatin1 = new TextDecoder("windows-1252").decode(bytes.subarray(offset, offset + 1));
    return {
      line,
      offset,
      message: `byte ${hex} is not UTF-8` +
        (latin1
          ? `: the file looks like Latin-1 / Windows-1252 (where ${hex} is '${asLatin1}')`
          : "") +
        ": save the file as UTF-8 (without BOM)",
    };
  }
}

/**
 * Which cell of a CSV line the byte at `offset` lies in (0-based): the commas before it that are
 * not inside a quoted cell.
 */
function cellAt(line: Uint8Array, offset: number): number {
  let cell = 0;
  let quoted = false;
  for (let i = 0; i < offset && i < line.length; i++) {
    if (line[i] === 34) quoted = !quoted;
    else if (line[i] === 44 && !quoted) cell++;
  }
  return cell;
}

/** The header's cell names of a CSV file (its first line), read again on a problem only. */
function headerOf(path: string): string[] {
  using handle = Deno.openSync(path);
  const buf = new Uint8Array(CHUNK_BYTES);
  const n = handle.readSync(buf) ?? 0;
  const head = buf.subarray(0, n);
  const end = head.indexOf(10);
  const line = new TextDecoder().decode(head.subarray(0, end < 0 ? n : end)).replace(/\r$/, "");
  return line.split(",").map((c) => c.trim().replace(/^"(.*)"$/, "$1"));
}

/**
 * Locates a byte that is not UTF-8 in `piece` (bytes of a file from a line start, `linesBefore`
 * lines in): its line, and in a CSV file its column (named from the header), else its character.
 */
function locateBadByte(
  path: string,
  file: string,
  piece: Uint8Array,
  linesBefore: number,
): DataIssue {
  const bad = badByte(piece);
  const row = linesBefore + bad.line;
  const lineStart = piece.lastIndexOf(10, bad.offset - 1) + 1;
  const lineEnd = piece.indexOf(10, bad.offset);
  const line = piece.subarray(lineStart, lineEnd < 0 ? piece.length : lineEnd);
  const at = bad.offset - lineStart;
  if (file.endsWith(".csv") && row > 1) {
    const cell = cellAt(line, at);
    const name = headerOf(path)[cell];
    if (name !== undefined && name !== "") return { file, row, column: name, message: bad.message };
    return { file, row, message: `${bad.message} (in cell ${cell + 1}, past the header's cells)` };
  }
  return { file, row, message: `${bad.message} (byte ${at + 1} of the line)` };
}

/** How many line ends the first `end` bytes of a file hold (read again, on a problem only). */
function linesBefore(path: string, end: number): number {
  using handle = Deno.openSync(path);
  const buf = new Uint8Array(Math.min(CHUNK_BYTES, end));
  let lines = 0;
  for (let at = 0; at < end;) {
    const n = handle.readSync(buf.subarray(0, Math.min(buf.length, end - at)));
    if (n === null) break;
    const bytes = buf.subarray(0, n);
    for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) lines++;
    at += n;
  }
  return lines;
}

/**
 * Reads a file as UTF-8 text, in pieces cut at line ends, passing each to `onText`. Refuses,
 * before reading, what is not a regular file or is larger than `maxBytes` ({@link checkFile});
 * reports a missing or unreadable file, another encoding (UTF-16, UTF-32, Latin-1...) or a byte
 * that is not UTF-8 (at its line and column) as a problem, and returns false.
 *
 * @param path The file's path.
 * @param file Its name in messages (relative to the data folder).
 * @param onText Receives the text, piece by piece, each ending at a line end (but the last).
 * @param issues Where problems go.
 * @param maxBytes The largest size accepted (default {@link MAX_TABLE_BYTES}).
 * @returns Whether the whole file was read.
 * @example
 * ```ts
 * import { readText } from "#lib/read.ts";
 * const issues: { message: string }[] = [];
 * if (readText("/dev/zero", "cases.csv", () => {}, issues)) throw new Error("read a device");
 * if (!/character device/.test(issues[0].message)) throw new Error(issues[0].message);
 * ```
 */
export function readText(
  path: string,
  file: string,
  onText: (text: string) => void,
  issues: IssueSink,
  maxBytes: number = MAX_TABLE_BYTES,
): boolean {
  const checked = checkFile(path, file, maxBytes);
  if ("problem" in checked) {
    issues.push(checked.problem);
    return false;
  }
  let handle: Deno.FsFile;
  try {
    handle = Deno.openSync(path);
  } catch (e) {
    issues.push(unreadable(file, e));
    return false;
  }
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  // +1: the read that sees the end.
  const buf = new Uint8Array(Math.min(CHUNK_BYTES, checked.size + 1));
  let read = 0; // bytes of the file before `bytes`
  let carry: Uint8Array = new Uint8Array(0);
  let first = true;
  try {
    while (true) {
      let n: number | null;
      try {
        n = handle.readSync(buf);
      } catch (e) {
        issues.push(unreadable(file, e));
        return false;
      }
      const done = n === null;
      if (!done && read + carry.length + n! > maxBytes) {
        issues.push({ file, message: `grew past ${size(maxBytes)} while it was read: refused` });
        return false;
      }
      let bytes = done ? carry : buf.subarray(0, n!);
      if (!done && carry.length > 0) {
        const joined = new Uint8Array(carry.length + bytes.length);
        joined.set(carry);
        joined.set(bytes, carry.length);
        bytes = joined;
      }
      if (first && (bytes.length >= 4 || done)) {
        first = false;
        const problem = encodingProblem(file, bytes);
        if (problem) {
          issues.push(problem);
          return false;
        }
      }
      const cut = done ? bytes.length : bytes.lastIndexOf(10) + 1;
      if (!done && cut === 0) {
        carry = bytes.slice();
        continue;
      }
      const piece = bytes.subarray(0, cut);
      carry = bytes.slice(cut);
      let text: string;
      try {
        text = decoder.decode(piece);
      } catch {
        issues.push(locateBadByte(path, file, piece, linesBefore(path, read)));
        return false;
      }
      read += cut;
      if (text.length > 0) onText(text);
      if (done) return true;
    }
  } finally {
    handle.close();
  }
}

/**
 * Throws a TypeError when a data folder is not a folder: the message `loadCaseSeries` and
 * `streamObservations` give for a wrong `dataDir`.
 *
 * @param dataDir The folder as given.
 * @throws {TypeError} When it does not exist or is not a folder.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { DEFAULT_DATA_DIR } from "#lib/mod.ts";
 * import { checkDataFolder } from "#lib/read.ts";
 * const missing = `${DEFAULT_DATA_DIR}no-such-folder`;
 * assert.throws(() => checkDataFolder(missing), { name: "TypeError" });
 * assert.throws(() => checkDataFolder(`${DEFAULT_DATA_DIR}study.json`), /is a file: expected a folder/);
 * checkDataFolder(DEFAULT_DATA_DIR);
 * ```
 */
export function checkDataFolder(dataDir: string): void {
  let stat: Deno.FileInfo | null = null;
  try {
    stat = Deno.statSync(dataDir);
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound || e instanceof Deno.errors.NotADirectory)) throw e;
  }
  if (stat !== null && !stat.isDirectory) {
    throw new TypeError(`data folder '${dataDir}' is a file: expected a folder of tables`);
  }
  if (stat === null) {
    throw new TypeError(`data folder '${dataDir}' not found: expected a folder of tables`);
  }
}

/** Whether a file may be read whole ({@link checkFile}); its problem goes to `issues` if not. */
function readable(path: string, file: string, issues: IssueSink, maxBytes: number): boolean {
  const checked = checkFile(path, file, maxBytes);
  if ("problem" in checked) issues.push(checked.problem);
  return !("problem" in checked);
}

/**
 * Reads a whole file as text (a source text, {@link MAX_TEXT_BYTES} at most unless `maxBytes`
 * says otherwise), checked as {@link readText} checks a table; its problems go to `issues`.
 *
 * @param path The file's path.
 * @param file Its name in messages (relative to the data folder).
 * @param issues Where problems go.
 * @param maxBytes The largest size accepted.
 * @returns The text, or null when it has a problem.
 * @example
 * ```ts
 * import { readWholeText } from "#lib/read.ts";
 * const issues: { message: string }[] = [];
 * if (await readWholeText("/tmp", "sources/x.txt", issues) !== null) throw new Error();
 * if (!/is a directory/.test(issues[0].message)) throw new Error(issues[0].message);
 * ```
 */
export async function readWholeText(
  path: string,
  file: string,
  issues: IssueSink,
  maxBytes: number = MAX_TEXT_BYTES,
): Promise<string | null> {
  // Stated synchronously: an asynchronous stat costs four times the CPU (20,000 texts: 320 ms
  // against 75 ms), and the reads that follow are concurrent anyway.
  if (!readable(path, file, issues, maxBytes)) return null;
  let data: Uint8Array;
  try {
    data = await Deno.readFile(path);
  } catch (e) {
    issues.push(unreadable(file, e));
    return null;
  }
  return decodeWhole(path, file, data, issues);
}

/**
 * {@link readWholeText}, synchronously: for many small texts read one after the other, half the
 * CPU of asynchronous reads (20,000 texts of 4 kB: 150-200 ms against 380-430 ms).
 *
 * @param path The file's path.
 * @param file Its name in messages (relative to the data folder).
 * @param issues Where problems go.
 * @param maxBytes The largest size accepted.
 * @returns The text, or null when it has a problem.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { readWholeTextSync } from "#lib/read.ts";
 * const issues: { message: string }[] = [];
 * assert.equal(readWholeTextSync("/tmp", "sources/x.txt", issues), null);
 * assert.match(issues[0].message, /is a directory/);
 * ```
 */
export function readWholeTextSync(
  path: string,
  file: string,
  issues: IssueSink,
  maxBytes: number = MAX_TEXT_BYTES,
): string | null {
  if (!readable(path, file, issues, maxBytes)) return null;
  let data: Uint8Array;
  try {
    data = Deno.readFileSync(path);
  } catch (e) {
    issues.push(unreadable(file, e));
    return null;
  }
  return decodeWhole(path, file, data, issues);
}

/** The text of a whole file's bytes, or null with its encoding problem in `issues`. */
function decodeWhole(
  path: string,
  file: string,
  data: Uint8Array,
  issues: IssueSink,
): string | null {
  const problem = encodingProblem(file, data);
  if (problem) {
    issues.push(problem);
    return null;
  }
  try {
    return UTF8.decode(data);
  } catch {
    issues.push(locateBadByte(path, file, data, 0));
    return null;
  }
}
