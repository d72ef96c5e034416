/**
 * The manifest: every file's hash, and each notebook's inputs and the files it wrote; from it, a
 * run decides which notebooks need not run again.
 *
 * @module
 */
import { listFiles, sha256 } from "./files.ts";
import { changedInputs, type Inputs } from "./inputs.ts";
import type { Folders } from "./plan.ts";

/** The manifest: every file's hash, and each notebook's inputs and outputs. */
export interface Manifest {
  /** The Deno that ran. */
  deno: string;
  /** The Deno the project is pinned to. */
  denoPinned: string;
  /** Per notebook: its inputs and the files it wrote (`notebooks/…`, `results/…`). */
  notebooks: Record<string, { inputs: Inputs; outputs: string[] }>;
  /** Every file with its sha256. */
  files: { path: string; sha256: string }[];
}

/**
 * The manifest of a results folder.
 *
 * @param results the folder
 * @returns the manifest, or `null` when missing, unreadable or of an older form
 * @example
 * ```ts
 * import { readManifest } from "./manifest.ts";
 * await readManifest("/no/such/folder"); // null
 * ```
 */
export async function readManifest(results: string): Promise<Manifest | null> {
  try {
    const m = JSON.parse(await Deno.readTextFile(`${results}/manifest.json`));
    return m && typeof m.notebooks === "object" && Array.isArray(m.files) ? m : null;
  } catch {
    return null;
  }
}

/**
 * The files of a folder pair as the manifest names them.
 *
 * @param notebooks the notebooks folder (its top-level `.ipynb` files count)
 * @param results the results folder
 * @returns `notebooks/…` and `results/…` names → paths
 * @example
 * ```ts
 * import { tree } from "./manifest.ts";
 * (await tree("/no/such/a", "/no/such/b")).size; // 0
 * ```
 */
export async function tree(notebooks: string, results: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const p of await listFiles(notebooks)) {
    if (!p.includes("/") && p.endsWith(".ipynb")) files.set(`notebooks/${p}`, `${notebooks}/${p}`);
  }
  for (const p of await listFiles(results)) files.set(`results/${p}`, `${results}/${p}`);
  return files;
}

/**
 * Where a manifest name lives in a folder pair.
 *
 * @example
 * ```ts
 * import { locate } from "./manifest.ts";
 * locate("results/tables/a.csv", { notebooks: "/n", results: "/r" }); // "/r/tables/a.csv"
 * ```
 */
export const locate = (name: string, dirs: Folders) =>
  name.startsWith("notebooks/")
    ? `${dirs.notebooks}/${name.slice(10)}`
    : `${dirs.results}/${name.slice(8)}`;

/**
 * Why a notebook must run again: changed inputs, or outputs that are not those the manifest
 * records.
 *
 * @param name the notebook
 * @param inputs its inputs now (`null`: unknown)
 * @param old the committed manifest
 * @param dirs the folders its outputs are in
 * @returns the reasons; `[]` when it need not run
 * @example
 * ```ts
 * import { staleness } from "./manifest.ts";
 * await staleness("a.ipynb", {}, null, { notebooks: "/n", results: "/r" }); // ["no record of its inputs"]
 * ```
 */
export async function staleness(
  name: string,
  inputs: Inputs | null,
  old: Manifest | null,
  dirs: Folders,
): Promise<string[]> {
  const record = old?.notebooks[name];
  const changed = changedInputs(inputs, record?.inputs).map((n) =>
    n.startsWith("its") || n.startsWith("no record") ? n : `${n} changed`
  );
  if (changed.length || !record || !old) return changed;
  const hashes = new Map(old.files.map((f) => [f.path, f.sha256]));
  for (const out of record.outputs) {
    const bytes = await Deno.readFile(locate(out, dirs)).catch(() => null);
    if (bytes === null) return [`${out} is missing`];
    if (sha256(bytes) !== hashes.get(out)) return [`${out} differs from the manifest`];
  }
  return [];
}

/**
 * Moves the files a notebook wrote to its own results folder into the run's results.
 *
 * @param name the notebook
 * @param from its results folder
 * @param results the run's results folder
 * @param owner result name → the notebook that wrote it (updated)
 * @returns the result names it wrote
 * @throws {Error} when two notebooks write the same file
 * @example
 * ```ts ignore
 * import { collect } from "./manifest.ts";
 * await collect("00-dataset.ipynb", ".tmp/run/out/00-dataset.ipynb", ".tmp/run/results", new Map());
 * ```
 */
export async function collect(
  name: string,
  from: string,
  results: string,
  owner: Map<string, string>,
): Promise<string[]> {
  const outputs: string[] = [];
  for (const p of await listFiles(from)) {
    const key = `results/${p}`;
    if (owner.has(key)) {
      throw new Error(`${name} and ${owner.get(key)} both write ${key}`);
    }
    owner.set(key, name);
    await Deno.mkdir(`${results}/${p}`.replace(/\/[^/]+$/, ""), { recursive: true });
    await Deno.rename(`${from}/${p}`, `${results}/${p}`);
    outputs.push(key);
  }
  return outputs;
}
