/**
 * Test helper: a notebook of code cells, as text, and its execution as the runner does it.
 *
 * @module
 */
import { listFiles, sha256 } from "../../scripts/runner/files.ts";
import { executeNotebooks } from "../../scripts/runner/execute.ts";
import { NOTEBOOKS } from "../../scripts/runner/paths.ts";

/** A notebook (nbformat 4) whose code cells have these sources, not executed. */
export function notebook(cells: string[], metadata: Record<string, unknown> = {}): string {
  return JSON.stringify({
    cells: cells.map((source, i) => ({
      cell_type: "code",
      id: `c${i}`,
      metadata: {},
      source,
      execution_count: null,
      outputs: [],
    })),
    metadata,
    nbformat: 4,
    nbformat_minor: 5,
  });
}

/** Options of {@link executeCells}. */
export interface ExecuteCellsOptions {
  /** A kernelspec replacing the project's (e.g. a kernel that cannot start). */
  spec?: object;
  /** Seconds the kernel may take to start. */
  startupTimeoutSeconds?: number;
  /** Seconds a cell may take. */
  cellTimeoutSeconds?: number;
  /** The folder the kernel runs in (default the notebooks' folder). */
  cwd?: string;
  /** Aborting it stops the run (`executeNotebooks`' signal). */
  signal?: AbortSignal;
  /** Called with the scratch folder (`in.ipynb`, `out.ipynb`, `runtime/`) before it is removed. */
  inspect?: (dir: string) => Promise<void>;
}

/**
 * Executes a notebook of these code cells (or the notebook file `{ file }`, or the notebook
 * `{ text }`) as the runner does
 * (one job, `fixture.ipynb`, run in the notebooks' folder unless `cwd`), in a scratch folder, on
 * the project's kernelspec for this Deno unless `spec`.
 *
 * @returns The executed notebook; throws what `executeNotebooks` throws.
 */
export async function executeCells(
  cells: string[] | { file: string } | { text: string },
  options: ExecuteCellsOptions = {},
  // deno-lint-ignore no-explicit-any
): Promise<any> {
  const dir = await Deno.makeTempDir({ prefix: "runner-test-" });
  try {
    if (Array.isArray(cells)) await Deno.writeTextFile(`${dir}/in.ipynb`, notebook(cells));
    else if ("text" in cells) await Deno.writeTextFile(`${dir}/in.ipynb`, cells.text);
    else await Deno.copyFile(cells.file, `${dir}/in.ipynb`);
    await executeNotebooks({
      jobs: [{
        name: "fixture.ipynb",
        input: `${dir}/in.ipynb`,
        output: `${dir}/out.ipynb`,
        cwd: options.cwd ?? NOTEBOOKS,
        results: `${dir}/results`,
      }],
      // deno-lint-ignore no-explicit-any
      spec: options.spec as any,
      workDir: dir,
      startupTimeoutSeconds: options.startupTimeoutSeconds,
      cellTimeoutSeconds: options.cellTimeoutSeconds,
      signal: options.signal,
    });
    return JSON.parse(await Deno.readTextFile(`${dir}/out.ipynb`));
  } finally {
    try {
      await options.inspect?.(dir);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  }
}

/** A cell that writes a results file, as lib's display helpers do under reproduce. */
export const writes = (path: string, text: string): string =>
  `const dir = Deno.env.get("RESULTS_DIR")!;\n` +
  `await Deno.mkdir(\`\${dir}/${path}\`.replace(/\\/[^/]+$/, ""), { recursive: true });\n` +
  `await Deno.writeTextFile(\`\${dir}/${path}\`, ${JSON.stringify(text)});`;

/** Every file below `dir` with its content's hash. */
export async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const p of await listFiles(dir)) out[p] = sha256(await Deno.readFile(`${dir}/${p}`));
  return out;
}

/**
 * A case template (the runner's `templates/case.ipynb`): its parameters cell, and a cell showing
 * the case id.
 */
export const CASE_TEMPLATE = JSON.stringify({
  cells: [
    {
      cell_type: "code",
      id: "p",
      metadata: { tags: ["parameters"] },
      source: 'const caseId = "1";',
      execution_count: null,
      outputs: [],
    },
    {
      cell_type: "code",
      id: "s",
      metadata: {},
      source: "caseId",
      execution_count: null,
      outputs: [],
    },
  ],
  metadata: {},
  nbformat: 4,
  nbformat_minor: 5,
});
