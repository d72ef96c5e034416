/**
 * A faster floor: the same work as `../floor.ts` (read the six tables and the source texts,
 * delimit every cell of every record, RFC 4180, find every quote cell in its own case's text as an
 * exact substring, on as many threads as cores, nothing else checked), done with less waste:
 *
 * - records delimited in bytes (`records.ts`): a cell is two offsets, not a string; only the case
 *   and quote cells become strings (slices of the chunk decoded once);
 * - the tables cut in chunks of about 8 MiB handed to whichever thread is free, so that the
 *   threads finish together; a chunk starts at a line break it guesses, and a guess a quoted line
 *   break fooled is found (the chunk before did not end there) and the chunk read again;
 * - each source text read once among all threads (its bytes shared in a `SharedArrayBuffer`),
 *   the case → text map built once and sent to the threads, while they read the texts;
 * - with `resume`, a quote is first looked for after where the last quote of the same text was
 *   found, then from the text's start: the answer is the same, and where rows follow the text (as
 *   they do in the synthetic series, and as extractions usually do) the search is short.
 *
 * ```sh
 * deno run --allow-read scripts/bench/floor_fast/mod.ts DIR [--resume] [--threads N] [--chunk-mib N]
 * ```
 *
 * prints one JSON object, as `floor.ts --child` does: cells, quotes, missing, ms (wall, in the
 * process), cpuS, peakMiB, and chunks, redone (chunks read again).
 *
 * @module
 */
import type { Tally } from "../floor.ts";
import { asciiText, cellText, headerOf, readAt, records, twoColumns } from "./records.ts";

/** The tables, as in `floor.ts`. */
const TABLES = ["timepoints", "observations", "cases", "treatments", "events", "sources"] as const;

/** How the fast floor runs. */
export interface FastOptions {
  /** Look for a quote after the last one found in its text first (default false). */
  resume?: boolean;
  /** Threads (default: the cores, at most 4). */
  threads?: number;
  /** Bytes per chunk (default 8 MiB). */
  chunkBytes?: number;
}

/** What the fast floor measured. */
export interface FastResult extends Tally {
  ms: number;
  chunks: number;
  redone: number;
}

/** Bytes `[from, to)` of a table: the records that start there. */
interface Job {
  id: number;
  path: string;
  from: number;
  to: number;
  size: number;
  /** A chunk read again: the record boundary where the chunk before ended. */
  start?: number;
  caseColumn: number;
  quoteColumns: number[];
}

interface Done extends Tally {
  id: number;
  start: number;
  end: number;
  error?: string;
}

/**
 * The source texts, shared: `meta[0]` bytes used in `store`, `meta[1]` 1 once the case map is
 * sent; text i at `meta[2 + 3i]` (2: in the store), offset, length.
 */
interface Shared {
  meta: Int32Array;
  store: SharedArrayBuffer;
}

type Message =
  | { kind: "texts"; paths: string[]; shared: Shared; from: number; step: number }
  | { kind: "cases"; ids: string[]; texts: Int32Array }
  | { kind: "job"; job: Job; resume: boolean };

const utf8 = new TextDecoder();

/** One thread's texts: case id → text number, and the texts as strings once read. */
class Texts {
  caseText = new Map<string, number>();
  strings: (string | undefined)[] = [];
  constructor(public paths: string[], public shared: Shared) {}

  /** Text number i, read from its file once among the threads. */
  text(i: number): string {
    let t = this.strings[i];
    if (t !== undefined) return t;
    const { meta, store } = this.shared;
    if (Atomics.load(meta, 2 + 3 * i) === 2) {
      t = utf8.decode(new Uint8Array(store, meta[3 + 3 * i], meta[4 + 3 * i]));
    } else {
      const bytes = Deno.readFileSync(this.paths[i]);
      t = utf8.decode(bytes);
      share(this.shared, i, bytes);
    }
    return this.strings[i] = t;
  }
}

/** Puts text i in the shared store (where two threads read it at once, the last one wins). */
function share({ meta, store }: Shared, i: number, bytes: Uint8Array): void {
  const growable = store as unknown as { maxByteLength: number; grow(n: number): void };
  const at = Atomics.add(meta, 0, bytes.length);
  const need = at + bytes.length;
  if (need > growable.maxByteLength) return;
  while (store.byteLength < need) {
    try {
      growable.grow(Math.min(growable.maxByteLength, Math.max(need, store.byteLength * 2)));
    } catch { /* another thread grew it first */ }
  }
  new Uint8Array(store, at, bytes.length).set(bytes);
  meta[3 + 3 * i] = at, meta[4 + 3 * i] = bytes.length;
  Atomics.store(meta, 2 + 3 * i, 2);
}

/**
 * Reads a chunk: from its start (0, the forced one, or the first line break at or after
 * `from - 1`) to the first line break at or after `to - 1` (the file's end for the last chunk).
 */
function readChunk(file: Deno.FsFile, job: Job): { b: Uint8Array; start: number } {
  const slack = 1 << 16;
  let start: number, b: Uint8Array;
  if (job.start !== undefined || job.from === 0) {
    start = job.start ?? 0;
    b = readAt(file, start, Math.max(0, job.to - start) + slack);
  } else {
    const head = readAt(file, job.from - 1, job.to - job.from + 1 + slack);
    const nl = head.indexOf(10);
    if (nl < 0) throw new Error(`${job.path}: no line break in bytes ${job.from}–${job.to}`);
    start = job.from + nl, b = head.subarray(nl + 1);
  }
  const last = job.to - 1 - start;
  if (job.to >= job.size) return { b, start };
  if (last < 0) return { b: b.subarray(0, 0), start };
  let nl = b.indexOf(10, last);
  if (nl < 0) b = readAt(file, start, job.size - start), nl = b.indexOf(10, last);
  return { b: b.subarray(0, nl < 0 ? b.length : nl + 1), start };
}

/** Delimits the records of one chunk and looks up its quote cells. */
function scanChunk(texts: Texts, job: Job, resume: boolean): Done {
  const file = Deno.openSync(job.path);
  try {
    let { b, start } = readChunk(file, job);
    let end = start + b.length;
    let ascii = asciiText(b);
    const tally: Tally = { cells: 0, quotes: 0, missing: 0 };
    const nq = job.quoteColumns.length;
    const slotOf = new Int32Array(Math.max(job.caseColumn, ...job.quoteColumns) + 1).fill(-1);
    if (job.caseColumn >= 0) slotOf[job.caseColumn] = 0;
    job.quoteColumns.forEach((c, k) => slotOf[c] = k + 1);
    const out = new Int32Array(3 * (nq + 1));
    let header = job.from === 0 && job.start === undefined;
    let caseAt = -1, caseEnd = -1; // the last case id's bytes
    let text: string | undefined;
    let after = 0; // where the last quote found in `text` ends
    const onRecord = () => {
      if (header) return void (header = false);
      if (nq === 0) return;
      const a = out[0], e = out[1];
      if (a < 0) text = undefined, caseAt = -1;
      else if (!sameBytes(b, a, e, caseAt, caseEnd)) {
        caseAt = a, caseEnd = e;
        const i = texts.caseText.get(cellText(b, ascii, a, e, out[2]));
        const was = text;
        text = i === undefined ? undefined : texts.text(i);
        if (text !== was) after = 0;
      }
      for (let k = 1; k <= nq; k++) {
        const qa = out[k * 3], qe = out[k * 3 + 1];
        if (qa < 0 || qe === qa) continue;
        tally.quotes++;
        if (text === undefined) {
          tally.missing++;
          continue;
        }
        const quote = cellText(b, ascii, qa, qe, out[k * 3 + 2]);
        let at = text.indexOf(quote, resume ? after : 0);
        if (at < 0 && resume && after > 0) at = text.indexOf(quote);
        if (at < 0) tally.missing++;
        else after = at + quote.length;
      }
    };
    for (let pos = 0;;) {
      const stop = records(b, pos, slotOf, out, tally, onRecord);
      if (stop < 0) break;
      if (end >= job.size) throw new Error(`${job.path}: a quoted cell not closed`);
      // the record goes on past the chunk: take it to the next line break, delimit it again
      const rest = b.slice(stop); // b may be the reused buffer readAt fills again
      const more = readAt(file, end, Math.min(job.size - end, 1 << 16));
      const nl = more.indexOf(10);
      const add = nl < 0 ? more.length : nl + 1;
      const joined = new Uint8Array(rest.length + add);
      joined.set(rest), joined.set(more.subarray(0, add), rest.length);
      b = joined, end += add, pos = 0, caseAt = -1, ascii = asciiText(b);
    }
    return { id: job.id, start, end, ...tally };
  } finally {
    file.close();
  }
}

function sameBytes(b: Uint8Array, a: number, e: number, pa: number, pe: number): boolean {
  if (pa < 0 || e - a !== pe - pa) return false;
  for (let i = 0; i < e - a; i++) if (b[a + i] !== b[pa + i]) return false;
  return true;
}

/** The chunks of the tables of `dir`. */
function jobsOf(dir: string, chunkBytes: number): Job[] {
  const jobs: Job[] = [];
  for (const table of TABLES) {
    const path = `${dir}/${table}.csv`;
    const size = Deno.statSync(path).size;
    const names = headerOf(path);
    const caseColumn = names.indexOf("case_id");
    const quoteColumns = caseColumn < 0
      ? []
      : names.flatMap((c, j) => c.endsWith("quote") ? [j] : []);
    const parts = Math.max(1, Math.round(size / chunkBytes));
    for (let k = 0; k < parts; k++) {
      const from = Math.floor(size * k / parts), to = Math.floor(size * (k + 1) / parts);
      jobs.push({ id: jobs.length, path, from, to, size, caseColumn, quoteColumns });
    }
  }
  return jobs;
}

/**
 * Runs the fast floor on the data folder `dir`, on worker threads.
 *
 * @param dir The data folder (the six tables, `sources.csv`'s `text_path` relative to it).
 * @param options How it runs.
 * @returns The counts and the wall time.
 */
export async function fastFloor(dir: string, options: FastOptions = {}): Promise<FastResult> {
  const t0 = performance.now();
  const cores = Math.max(1, Math.min(4, navigator.hardwareConcurrency));
  const { resume = false, threads = cores, chunkBytes = 8 << 20 } = options;
  const jobs = jobsOf(dir, chunkBytes);
  const [sourceIds, textPaths] = twoColumns(`${dir}/sources.csv`, "source_id", "text_path");
  const paths = textPaths.map((p) => `${dir}/${p}`);
  const Growable = SharedArrayBuffer as unknown as new (
    n: number,
    o: { maxByteLength: number },
  ) => SharedArrayBuffer;
  const shared: Shared = {
    meta: new Int32Array(new SharedArrayBuffer(4 * (2 + 3 * paths.length))),
    store: new Growable(1 << 20, { maxByteLength: 2 ** 31 }),
  };
  const workers = Array.from({ length: threads }, () => {
    const w = new Worker(import.meta.url, { type: "module" });
    return w;
  });
  const send = (w: Worker, m: Message) => w.postMessage(m);
  workers.forEach((w, k) => send(w, { kind: "texts", paths, shared, from: k, step: threads }));
  // the case → text map, while the threads read texts
  const textOf = new Map(sourceIds.map((id, i) => [id, i]));
  const [caseIds, caseSources] = twoColumns(`${dir}/cases.csv`, "case_id", "source_id");
  const ids: string[] = [], texts: number[] = [];
  caseIds.forEach((id, k) => {
    const i = textOf.get(caseSources[k]);
    if (i !== undefined) ids.push(id), texts.push(i);
  });
  for (const w of workers) send(w, { kind: "cases", ids, texts: Int32Array.from(texts) });
  Atomics.store(shared.meta, 1, 1);
  try {
    const done = await runJobs(workers, jobs, resume);
    return { ...await checkChain(workers[0], jobs, done, resume), ms: performance.now() - t0 };
  } finally {
    for (const w of workers) w.terminate();
  }
}

/** Hands the jobs to whichever worker is free. */
function runJobs(workers: Worker[], jobs: Job[], resume: boolean): Promise<Done[]> {
  const done: Done[] = [];
  let next = 0, busy = 0;
  return new Promise((resolve, reject) => {
    const give = (w: Worker) => {
      if (next < jobs.length) {
        busy++;
        w.postMessage({ kind: "job", job: jobs[next++], resume } satisfies Message);
      } else if (busy === 0) resolve(done);
    };
    for (const w of workers) {
      w.onmessage = (e: MessageEvent<Done>) => (busy--, done[e.data.id] = e.data, give(w));
      w.onerror = (e) => (e.preventDefault(), reject(new Error(e.message)));
      give(w);
    }
  });
}

/**
 * Checks that each chunk started where the one before it ended; one that did not (its guessed
 * start was inside a quoted cell) is read again from there. Returns the sums.
 */
async function checkChain(
  worker: Worker,
  jobs: Job[],
  done: Done[],
  resume: boolean,
): Promise<Tally & { chunks: number; redone: number }> {
  const sum = { cells: 0, quotes: 0, missing: 0, chunks: jobs.length, redone: 0 };
  for (let i = 0; i < jobs.length; i++) {
    const prev = jobs[i].from === 0 ? undefined : done[i - 1];
    if (prev !== undefined && (done[i].error !== undefined || done[i].start !== prev.end)) {
      sum.redone++;
      done[i] = await new Promise<Done>((resolve) => {
        worker.onmessage = (e: MessageEvent<Done>) => resolve(e.data);
        const job = { ...jobs[i], start: prev.end };
        worker.postMessage({ kind: "job", job, resume } satisfies Message);
      });
    }
    if (done[i].error !== undefined) throw new Error(done[i].error);
    sum.cells += done[i].cells, sum.quotes += done[i].quotes, sum.missing += done[i].missing;
  }
  return sum;
}

if ("WorkerGlobalScope" in globalThis) {
  const scope = globalThis as unknown as {
    onmessage: (e: MessageEvent<Message>) => void;
    postMessage(m: Done): void;
  };
  let texts: Texts;
  scope.onmessage = ({ data }) => {
    if (data.kind === "texts") {
      texts = new Texts(data.paths, data.shared);
      // read texts until the case map is on its way; the rest are read when first needed
      for (let i = data.from; i < data.paths.length; i += data.step) {
        if (Atomics.load(data.shared.meta, 1) === 1) break;
        texts.text(i);
      }
    } else if (data.kind === "cases") {
      data.ids.forEach((id, k) => texts.caseText.set(id, data.texts[k]));
    } else {
      const { job, resume } = data;
      try {
        scope.postMessage(scanChunk(texts, job, resume));
      } catch (e) {
        const error = e instanceof Error ? e.message : String(e);
        scope.postMessage({
          id: job.id,
          start: -1,
          end: -1,
          cells: 0,
          quotes: 0,
          missing: 0,
          error,
        });
      }
    }
  };
} else if (import.meta.main) {
  const args = [...Deno.args];
  const flag = (name: string) => args.includes(name) && (args.splice(args.indexOf(name), 1), true);
  const value = (name: string) => {
    const i = args.indexOf(name);
    return i < 0 ? undefined : Number(args.splice(i, 2)[1]);
  };
  const resume = flag("--resume");
  const threads = value("--threads");
  const mib = value("--chunk-mib");
  if (args.length !== 1) {
    console.error(
      "usage: scripts/bench/floor_fast/mod.ts DIR [--resume] [--threads N] [--chunk-mib N]",
    );
    Deno.exit(2);
  }
  const r = await fastFloor(args[0], {
    resume,
    threads,
    chunkBytes: mib === undefined ? undefined : Math.round(mib * (1 << 20)),
  });
  const { default: process } = await import("node:process");
  const u = process.resourceUsage();
  const cpuS = (u.userCPUTime + u.systemCPUTime) / 1e6;
  console.log(JSON.stringify({ ...r, cpuS, peakMiB: u.maxRSS / 1024 }));
}
