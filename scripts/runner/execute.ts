/**
 * Executing one notebook through Jupyter's nbclient (scripts/execute_notebook.py), which waits
 * for outputs the Deno kernel publishes after reporting idle.
 *
 * @module
 */
import { EXECUTOR, PYTHON } from "./paths.ts";

/** Why a notebook failed. */
export class NotebookError extends Error {
  /** Notebook file name. */
  notebook: string;
  /** 0-based index of the failing cell, if known. */
  cell: number | null;
  /** Builds the error. */
  constructor(notebook: string, cell: number | null, message: string) {
    super(`${notebook}${cell === null ? "" : `, cell ${cell}`}: ${message}`);
    this.name = "NotebookError";
    this.notebook = notebook;
    this.cell = cell;
  }
}

/**
 * Executes `input` with the kernel `kernel`, working directory `cwd`, writing the executed,
 * normalised notebook to `output`. Throws a {@link NotebookError} naming the cell on failure.
 */
export async function executeNotebook(options: {
  name: string;
  input: string;
  output: string;
  cwd: string;
  env: Record<string, string>;
  kernel?: string;
  timeoutSeconds?: number;
}): Promise<void> {
  const out = await new Deno.Command(PYTHON, {
    args: [
      EXECUTOR,
      options.kernel ?? "deno",
      options.cwd,
      String(options.timeoutSeconds ?? 600),
      options.input,
      options.output,
    ],
    env: options.env,
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (out.code === 0) return;
  const stderr = new TextDecoder().decode(out.stderr);
  const last = stderr.trim().split("\n").reverse().find((l) => l.startsWith("{"));
  if (last) {
    try {
      const { cell, error } = JSON.parse(last);
      throw new NotebookError(options.name, cell, error);
    } catch (e) {
      if (e instanceof NotebookError) throw e;
    }
  }
  throw new NotebookError(options.name, null, `nbclient failed (exit ${out.code}):\n${stderr}`);
}

/**
 * Renders an executed notebook to HTML with nbconvert into `dir`. nbconvert's HTML sanitiser
 * strips inline SVG down to its text, so the page is rendered from a copy whose outputs that
 * carry both drop the SVG and keep the PNG.
 */
export async function renderHtml(
  notebook: string,
  dir: string,
  env: Record<string, string>,
): Promise<void> {
  const nb = JSON.parse(await Deno.readTextFile(notebook));
  for (const cell of nb.cells) {
    for (const out of cell.outputs ?? []) {
      if (out.data?.["image/png"] && out.data?.["image/svg+xml"]) delete out.data["image/svg+xml"];
    }
  }
  const copyDir = await Deno.makeTempDir({ dir, prefix: ".html-src-" });
  const copy = `${copyDir}/${notebook.split("/").at(-1)}`;
  await Deno.writeTextFile(copy, JSON.stringify(nb));
  try {
    const out = await new Deno.Command(PYTHON, {
      args: ["-m", "nbconvert", "--to", "html", "--log-level", "ERROR", "--output-dir", dir, copy],
      env,
      stdout: "piped",
      stderr: "piped",
    }).output();
    if (out.code !== 0) {
      throw new Error(`nbconvert failed on ${notebook}:\n${new TextDecoder().decode(out.stderr)}`);
    }
  } finally {
    await Deno.remove(copyDir, { recursive: true });
  }
}
