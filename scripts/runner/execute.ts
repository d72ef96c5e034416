/**
 * Executing notebooks on the Deno kernel, several at a time, from TypeScript: each notebook gets
 * its own kernel (started with `deno jupyter --kernel`), its cells run with the sentinel rule of
 * `jupyter/cells.ts`, and the executed notebook is written as Jupyter saves it (`nbformat.ts`)
 * and rendered to an HTML page (`html.ts`).
 *
 * @module
 */
import { CellFailure, executeCells } from "./jupyter/cells.ts";
import type { KernelSpec } from "./jupyter/kernel.ts";
import { type Session, startSession, WaitError } from "./jupyter/session.ts";
import { ANSI, type Notebook, parseJson, readNotebook, writeNotebook } from "./nbformat.ts";
import { renderNotebook } from "./html.ts";
import { kernelSpec } from "./kernelspec.ts";
import { unscrollLong } from "./scroll.ts";

/** Why a notebook failed. */
export class NotebookError extends Error {
  /** Notebook file name. */
  notebook: string;
  /** The failing cell as Jupyter shows it (`In [3]`), or `null` (the kernel did not start). */
  cell: string | null;
  /** Builds the error. */
  constructor(notebook: string, cell: string | null, message: string) {
    super(`${notebook}${cell === null ? "" : `, ${cell}`}: ${message}`);
    this.name = "NotebookError";
    this.notebook = notebook;
    this.cell = cell;
  }
}

/** The run was stopped by SIGINT or SIGTERM before it finished. */
export class InterruptedError extends Error {
  /** Builds the error. */
  constructor() {
    super("interrupted");
    this.name = "InterruptedError";
  }
}

/** One notebook to execute. */
export interface NotebookJob {
  /** Name shown in progress and errors. */
  name: string;
  /** The notebook to execute (outputs cleared). */
  input: string;
  /** Where the executed, normalised notebook is written. */
  output: string;
  /** The kernel's working directory. */
  cwd: string;
  /** The kernel's `RESULTS_DIR`. */
  results: string;
  /** More of the kernel's environment (the run's data folder, `lib/load.ts` `dataFolder`). */
  env?: Record<string, string>;
}

/** Options of {@link executeNotebooks}. */
export interface ExecuteOptions {
  /** Notebooks, in plan order. */
  jobs: NotebookJob[];
  /** A scratch folder for the kernels' logs and connection files. */
  workDir: string;
  /** The kernelspec (default: the project's, for this Deno). */
  spec?: KernelSpec;
  /** Notebooks executed at a time (default 1). */
  workers?: number;
  /** Folder to render each executed notebook to as HTML, or none. */
  htmlDir?: string | null;
  /** Seconds a kernel may take to start and answer (default 20). */
  startupTimeoutSeconds?: number;
  /** Seconds a cell may run (default 600). */
  cellTimeoutSeconds?: number;
  /** Called when a notebook has been executed (and rendered). */
  onDone?: (name: string, seconds: number) => void;
  /** Aborting it stops the kernels; the call then throws {@link InterruptedError}. */
  signal?: AbortSignal;
}

/**
 * The last non-blank line of a log file (ANSI codes removed), or `""`. A stack backtrace that
 * Deno appends to its error when RUST_BACKTRACE is set is left out, as are Deno's warnings that
 * `deno jupyter` is unstable and the runner's own lines (`-- …`).
 *
 * @param log the log's text
 * @returns the line
 * @example
 * ```ts
 * import { lastLine } from "./execute.ts";
 * const got = lastLine("error: boom\nStack backtrace:\n  0: <unknown>\n");
 * if (got !== "error: boom") throw new Error(got);
 * ```
 */
export function lastLine(log: string): string {
  let lines = log.split(/\r?\n/).map((l) => l.replace(ANSI, "").trim());
  const bt = lines.lastIndexOf("Stack backtrace:");
  if (bt >= 0) lines = lines.slice(0, bt);
  lines = lines.filter((l) => l && !l.includes("is unstable") && !l.startsWith("-- "));
  return lines.at(-1) ?? "";
}

/**
 * The notebook as it is committed: cell ids by position, no execution metadata, consecutive
 * streams of the same name merged, no ANSI codes in streams and plain text, long outputs marked
 * `"scrolled": false` (`scroll.ts`).
 *
 * @param nb the executed notebook (changed in place)
 * @returns it
 * @example
 * ```ts
 * import { normalise } from "./execute.ts";
 * const nb = normalise({
 *   cells: [{ cell_type: "code", source: "", metadata: {}, outputs: [
 *     { output_type: "stream", name: "stdout", text: "a\n" },
 *     { output_type: "stream", name: "stdout", text: "\x1b[1mb\x1b[0m\n" },
 *   ] }],
 *   metadata: {}, nbformat: 4, nbformat_minor: 5,
 * });
 * if (nb.cells[0].outputs!.length !== 1 || nb.cells[0].outputs![0].text !== "a\nb\n") throw new Error("merged");
 * ```
 */
export function normalise(nb: Notebook): Notebook {
  nb.cells.forEach((cell, index) => {
    cell.id = `cell-${index}`;
    delete cell.metadata.execution;
    if (cell.cell_type !== "code") return;
    const merged: NonNullable<typeof cell.outputs> = [];
    for (const out of cell.outputs ?? []) {
      if (out.output_type === "stream") {
        out.text = String(out.text).replace(ANSI, "");
        const last = merged.at(-1);
        if (last?.output_type === "stream" && last.name === out.name) {
          last.text += out.text;
          continue;
        }
      } else if (typeof out.data?.["text/plain"] === "string") {
        out.data["text/plain"] = out.data["text/plain"].replace(ANSI, "");
      }
      merged.push(out);
    }
    cell.outputs = merged;
    unscrollLong(cell);
  });
  delete nb.metadata.papermill;
  return nb;
}

/** The log's last line, or `""` when it cannot be read. */
async function logCause(path: string): Promise<string> {
  return lastLine(await Deno.readTextFile(path).catch(() => ""));
}

/** Writes `text` to `path`; a failure (a full disk) is one line naming the notebook, the file and
 * the system's reason, not a kernel's death. (What it wrote is in the run's scratch folder,
 * removed with it.) */
async function write(name: string, path: string, text: string): Promise<void> {
  try {
    await Deno.writeTextFile(path, text);
  } catch (e) {
    throw new NotebookError(name, null, `cannot write ${path}: ${(e as Error).message}`);
  }
}

/** What a run of one notebook needs. */
interface JobContext {
  options: ExecuteOptions;
  spec: KernelSpec;
  signal: AbortSignal;
}

/** Starts the job's kernel (once more when it dies at start-up: it may have lost a race for its
 * ports); raises NotebookError with one line on any problem. */
async function start(job: NotebookJob, log: Deno.FsFile, logPath: string, ctx: JobContext) {
  const timeout = ctx.options.startupTimeoutSeconds ?? 20;
  for (let attempt = 1;; attempt++) {
    try {
      return await startSession({
        spec: ctx.spec,
        cwd: job.cwd,
        // DISPLAY_WAIT_MS=0: lib's display helpers need not wait for each output to leave the
        // kernel (as they must under a front end's Run All); the sentinels collect late outputs.
        env: { ...job.env, RESULTS_DIR: job.results, DISPLAY_WAIT_MS: "0" },
        runtimeDir: `${ctx.options.workDir}/runtime`,
        log,
        timeoutSeconds: timeout,
        parse: parseJson,
        signal: ctx.signal,
      });
    } catch (e) {
      if (e instanceof WaitError && e.reason === "stopped") throw e;
      if (e instanceof WaitError && e.reason === "timeout") {
        const cause = await logCause(logPath);
        throw new NotebookError(
          job.name,
          null,
          `the kernel did not answer within ${timeout} s${cause ? `: ${cause}` : ""}`,
        );
      }
      const spawn = e instanceof WaitError ? "" : String((e as Error).message).split("\n")[0];
      const cause = (await logCause(logPath)) || spawn || "it exited";
      if (attempt === 1 && !(e instanceof Deno.errors.NotFound)) {
        await log.write(new TextEncoder().encode("-- second start --\n"));
        continue;
      }
      throw new NotebookError(job.name, null, `the kernel did not start: ${cause}`);
    }
  }
}

/** Executes one notebook, writes it and its page; throws NotebookError or WaitError(stopped). */
async function runJob(job: NotebookJob, ctx: JobContext): Promise<void> {
  const logPath = `${ctx.options.workDir}/${job.name}.log`;
  const nb = readNotebook(await Deno.readTextFile(job.input));
  const log = await Deno.open(logPath, { write: true, create: true, truncate: true });
  let session: Session | undefined;
  try {
    const started = await start(job, log, logPath, ctx);
    session = started.session;
    nb.metadata.language_info = started.info.content.language_info;
    try {
      await executeCells(nb, session, {
        cellTimeoutSeconds: ctx.options.cellTimeoutSeconds ?? 600,
      });
    } catch (e) {
      if (!(e instanceof CellFailure)) throw e;
      if (!e.died) throw new NotebookError(job.name, e.cell, e.message);
      await session.stop();
      const status = session.kernel.status;
      const how = status?.signal
        ? ` (killed by ${status.signal})`
        : status && status.code !== 0
        ? ` (exit code ${status.code})`
        : "";
      const cause = await logCause(logPath);
      throw new NotebookError(
        job.name,
        e.cell,
        `the kernel died${how}${cause ? `: ${cause}` : ""}`,
      );
    }
  } finally {
    await session?.stop();
    log.close();
  }
  const text = writeNotebook(normalise(nb));
  await write(job.name, job.output, text);
  const html = ctx.options.htmlDir;
  if (html) {
    const stem = job.name.replace(/\.ipynb$/, "");
    await write(job.name, `${html}/${stem}.html`, renderNotebook(readNotebook(text), stem));
  }
}

/**
 * Executes `jobs`, several at a time, each writing its notebook (and HTML page).
 *
 * @param options the jobs, the worker count…
 * @returns when every notebook has been executed
 * @throws {NotebookError} naming the notebook and the cell of the first failure in plan order
 * (the other notebooks are stopped, and their being stopped is not reported as a failure);
 * {@link InterruptedError} when `signal` aborts it
 * @example
 * ```ts ignore
 * import { executeNotebooks } from "./execute.ts";
 * await executeNotebooks({
 *   jobs: [{ name: "a.ipynb", input: "in.ipynb", output: "out.ipynb", cwd: ".", results: "/tmp/r" }],
 *   workDir: "/tmp",
 * });
 * ```
 */
export async function executeNotebooks(options: ExecuteOptions): Promise<void> {
  if (options.signal?.aborted) throw new InterruptedError();
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const ctx: JobContext = {
    options,
    spec: options.spec ?? kernelSpec(Deno.execPath()),
    signal,
  };
  const failures = new Map<string, Error>();
  const queue = [...options.jobs];
  const worker = async () => {
    while (queue.length && !signal.aborted) {
      const job = queue.shift()!;
      const t0 = performance.now();
      try {
        await runJob(job, ctx);
        options.onDone?.(job.name, (performance.now() - t0) / 1000);
      } catch (e) {
        // A notebook stopped because another failed (or the run was interrupted) did not fail.
        if (options.signal?.aborted || (e instanceof WaitError && e.reason === "stopped")) continue;
        failures.set(
          job.name,
          e instanceof NotebookError
            ? e
            : new NotebookError(job.name, null, String((e as Error)?.message ?? e).split("\n")[0]),
        );
        stop.abort();
      }
    }
  };
  const n = Math.max(1, Math.min(options.workers ?? 1, options.jobs.length));
  await Promise.all(Array.from({ length: n }, worker));
  if (options.signal?.aborted) throw new InterruptedError();
  const first = options.jobs.find((j) => failures.has(j.name));
  if (first) throw failures.get(first.name)!;
}
