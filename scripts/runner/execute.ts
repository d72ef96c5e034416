/**
 * Executing notebooks through Jupyter's nbclient (scripts/runner/executor.py): one Python
 * process runs several kernels at a time, waits for every output of a cell with a sentinel
 * request, and renders each executed notebook to HTML.
 *
 * @module
 */
import { TextLineStream } from "./lines.ts";
import { EXECUTOR, PYTHON } from "./paths.ts";
import { KERNEL_NAME } from "./kernelspec.ts";

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

/** Jupyter's Python packages (or Python itself) are not installed; nothing was run. */
export class JupyterMissingError extends Error {
  /** Builds the error from what is missing (module names, or the Python executable). */
  constructor(missing: readonly string[]) {
    super(
      `Jupyter's nbclient and nbconvert are needed for ${PYTHON} (missing: ${
        missing.join(", ")
      }): sudo apt-get install -y jupyter-nbconvert python3-nbclient jupyter-client`,
    );
    this.name = "JupyterMissingError";
  }
}

/**
 * Milliseconds an executor asked to stop (SIGTERM) has to stop its kernels and exit before it is
 * killed. It normally takes well under a second.
 */
const KILL_AFTER_MS = 10_000;

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
}

/** Options of {@link executeNotebooks}. */
export interface ExecuteOptions {
  /** Notebooks, in plan order. */
  jobs: NotebookJob[];
  /** Environment of the executor (Jupyter folders: see `jupyterEnv`). */
  env: Record<string, string>;
  /** A scratch folder for the spec and the kernels' logs. */
  workDir: string;
  /** Notebooks executed at a time (default 1). */
  workers?: number;
  /** Folder to render each executed notebook to as HTML, or none. */
  htmlDir?: string | null;
  /** Kernel name (default the project's). */
  kernel?: string;
  /** Seconds a kernel may take to start and answer (default 20). */
  startupTimeoutSeconds?: number;
  /** Seconds a cell may run (default 600). */
  cellTimeoutSeconds?: number;
  /** Called when a notebook has been executed (and rendered). */
  onDone?: (name: string, seconds: number) => void;
  /**
   * Aborting it stops the executor and its kernels (an executor that has not exited 10 s later is
   * killed); the call then throws {@link InterruptedError}.
   */
  signal?: AbortSignal;
}

/**
 * Executes `jobs`, several at a time, each writing its notebook (and HTML page).
 *
 * @param options the jobs, the Jupyter environment, the worker count…
 * @returns when every notebook has been executed
 * @throws {NotebookError} naming the notebook and the cell of the first failure in plan order
 * (the other notebooks are stopped); {@link InterruptedError} when `signal` aborts it;
 * {@link JupyterMissingError} when Python or Jupyter's packages are not installed (nothing runs).
 * @example
 * ```ts ignore
 * import { executeNotebooks } from "./execute.ts";
 * import { installKernelSpec, jupyterEnv } from "./kernelspec.ts";
 * await installKernelSpec("/tmp/j", Deno.execPath());
 * await executeNotebooks({
 *   jobs: [{ name: "a.ipynb", input: "in.ipynb", output: "out.ipynb", cwd: ".", results: "/tmp/r" }],
 *   env: jupyterEnv("/tmp/j"),
 *   workDir: "/tmp",
 * });
 * ```
 */
export async function executeNotebooks(options: ExecuteOptions): Promise<void> {
  const spec = {
    kernel: options.kernel ?? KERNEL_NAME,
    workers: options.workers ?? 1,
    startup_timeout: options.startupTimeoutSeconds ?? 20,
    cell_timeout: options.cellTimeoutSeconds ?? 600,
    html_dir: options.htmlDir ?? null,
    jobs: options.jobs.map((j) => ({ ...j, log: `${options.workDir}/${j.name}.log` })),
  };
  if (options.signal?.aborted) throw new InterruptedError();
  const specPath = `${options.workDir}/executor.json`;
  await Deno.writeTextFile(specPath, JSON.stringify(spec));
  let child: Deno.ChildProcess;
  try {
    child = new Deno.Command(PYTHON, {
      args: [EXECUTOR, specPath],
      env: options.env,
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) throw new JupyterMissingError([PYTHON]);
    throw e;
  }
  let kill: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    try {
      child.kill("SIGTERM");
    } catch { /* already gone */ }
    // An executor stuck in a call that signals do not end: killed (its kernels die with it where
    // setpriv is there: see SETPRIV in executor.py).
    kill ??= setTimeout(() => {
      try {
        child.kill("SIGKILL");
      } catch { /* already gone */ }
    }, KILL_AFTER_MS);
  };
  options.signal?.addEventListener("abort", stop);
  if (options.signal?.aborted) stop();
  const failures = new Map<string, NotebookError>();
  let missing: string[] | null = null;
  const stderr = new Response(child.stderr).text();
  try {
    const lines = child.stdout.pipeThrough(new TextDecoderStream()).pipeThrough(
      new TextLineStream(),
    );
    for await (const line of lines) {
      if (!line.startsWith("{")) continue;
      const e = JSON.parse(line);
      if (e.event === "done") options.onDone?.(e.name, e.seconds);
      if (e.event === "failed") failures.set(e.name, new NotebookError(e.name, e.cell, e.error));
      if (e.event === "missing") missing = e.modules;
    }
    const { code } = await child.status;
    const err = await stderr;
    if (options.signal?.aborted || code === 130) throw new InterruptedError();
    if (missing) throw new JupyterMissingError(missing);
    const first = options.jobs.find((j) => failures.has(j.name));
    if (first) throw failures.get(first.name)!;
    if (code !== 0) throw new Error(`the notebook executor failed (exit ${code}):\n${err}`);
  } finally {
    options.signal?.removeEventListener("abort", stop);
    clearTimeout(kill);
  }
}
