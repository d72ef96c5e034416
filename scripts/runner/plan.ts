/**
 * Which notebooks run, in which order, and each as it is executed: the fixed notebooks, and one
 * per case from the template with its case id injected.
 *
 * @module
 */
import { DEFAULT_DATA_DIR, loadCaseSeries } from "../../lib/load.ts";
import { listFiles, sha256 } from "./files.ts";
import { notebookKernelspec } from "./kernelspec.ts";

/** A notebook to execute: its output name and where its source comes from. */
export interface Job {
  /** The executed notebook's file name. */
  name: string;
  /** The notebook it is made from. */
  source: string;
  /** The case injected into a template's parameters cell. */
  caseId?: string;
}

/** Where the notebooks are read from and written to. */
export interface Folders {
  /** Notebooks (sources and executed copies). */
  notebooks: string;
  /** The results folder. */
  results: string;
  /** The data folder the notebooks read (default: the repository's `data/`). */
  data?: string;
}

/**
 * The names of the notebooks a run executes and publishes: `<NN>-<name>.ipynb`, in the notebooks
 * folder itself (not a subfolder such as `templates/` or `.ipynb_checkpoints/`).
 */
export const PUBLISHED = /^[0-9]{2}-[^/]+\.ipynb$/;

/**
 * A line for each notebook of the folder that a run leaves alone because of its name (Jupyter's
 * New saves `Untitled.ipynb`): it is not run and not published.
 *
 * @param notebooks the notebooks folder
 * @param shown a path as messages show it
 * @returns the lines, by name
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { notPublished } from "./plan.ts";
 * assert.deepEqual(await notPublished("/tmp/no/such/folder", String), []);
 * ```
 */
export async function notPublished(
  notebooks: string,
  shown: (path: string) => string,
): Promise<string[]> {
  return (await listFiles(notebooks))
    .filter((p) => !p.includes("/") && p.endsWith(".ipynb") && !PUBLISHED.test(p))
    .map((p) =>
      `skipped ${shown(`${notebooks}/${p}`)}: not named NN-<name>.ipynb: not run, not ` +
      "published; rename it to publish it"
    );
}

/**
 * Notebooks in execution order: fixed ones (named `NN-<name>.ipynb`) by name, one per case (from `templates/case.ipynb`,
 * when the folder has it) after those whose names sort before "01".
 *
 * @param dirs the folders
 * @returns the jobs, in order
 * @example
 * ```ts ignore
 * import { plan } from "./plan.ts";
 * (await plan({ notebooks: "notebooks", results: "results" }))[0].name; // "00-dataset.ipynb"
 * ```
 */
export async function plan(dirs: Folders): Promise<Job[]> {
  const fixed = (await listFiles(dirs.notebooks)).filter((p) =>
    PUBLISHED.test(p) && !p.startsWith("01-case-")
  );
  const template = `${dirs.notebooks}/templates/case.ipynb`;
  const hasTemplate = await Deno.stat(template).then(() => true, () => false);
  const cases: Job[] = hasTemplate
    ? (await loadCaseSeries(dirs.data ?? DEFAULT_DATA_DIR)).cases.map((c) => ({
      name: `01-case-${c.id}.ipynb`,
      source: template,
      caseId: c.id,
    }))
    : [];
  const jobs = fixed.map((name) => ({ name, source: `${dirs.notebooks}/${name}` }));
  return [...jobs.filter((j) => j.name < "01"), ...cases, ...jobs.filter((j) => j.name >= "01")];
}

/**
 * Writes the notebook as executed: outputs cleared, the project's kernelspec, and for a case the
 * case id injected into the template's parameters cell.
 *
 * @param job the notebook
 * @param dir where to write it
 * @returns its path
 * @example
 * ```ts ignore
 * import { prepare } from "./plan.ts";
 * await prepare({ name: "01-case-1.ipynb", source: "notebooks/templates/case.ipynb", caseId: "1" }, ".tmp");
 * ```
 */
export async function prepare(job: Job, dir: string): Promise<string> {
  const nb = JSON.parse(await Deno.readTextFile(job.source));
  for (const cell of nb.cells) {
    if (cell.cell_type === "code") cell.outputs = [], cell.execution_count = null;
  }
  nb.metadata = { ...nb.metadata, kernelspec: notebookKernelspec() };
  if (job.caseId !== undefined) {
    const params = nb.cells.find((c: { metadata?: { tags?: string[] } }) =>
      c.metadata?.tags?.includes("parameters")
    );
    if (!params) throw new Error(`${job.source}: no cell tagged 'parameters'`);
    params.source = [
      "// Parameters (injected by `deno task reproduce` for each case in data/)\n",
      `const caseId = ${JSON.stringify(job.caseId)};`,
    ];
  }
  const path = `${dir}/${job.name}`;
  await Deno.writeTextFile(path, JSON.stringify(nb, null, 1) + "\n");
  return path;
}

/**
 * A hash of what of a notebook its execution depends on: each cell's type, source and tags (not
 * outputs, counts, ids or other metadata).
 *
 * @param nb the notebook
 * @returns the hash in hex
 * @example
 * ```ts
 * import { sourceHash } from "./plan.ts";
 * const a = { cells: [{ cell_type: "code", source: "1" }] };
 * const b = { cells: [{ cell_type: "code", source: "1", metadata: { tags: ["x"] } }] };
 * sourceHash(a) === sourceHash(b); // false: tags count
 * ```
 */
export function sourceHash(
  nb: { cells: { cell_type: string; source: string | string[]; metadata?: { tags?: string[] } }[] },
): string {
  return sha256(JSON.stringify(nb.cells.map((c) => [
    c.cell_type,
    [c.source].flat().join(""),
    c.metadata?.tags ?? [],
  ])));
}
