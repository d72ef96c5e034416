/**
 * The manifest: every file's hash, and each notebook's inputs and the files it wrote; from it, a
 * run decides which notebooks need not run again.
 *
 * @module
 */
import { listFiles, sha256 } from "./files.ts";
import { changedInputs, type Inputs } from "./inputs.ts";
import type { Folders } from "./plan.ts";
import { fold, posixPath } from "./paths.ts";

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

/** Thrown when a manifest names a path outside its folders, or is malformed. */
export class ManifestError extends Error {
  /** Builds the error. */
  constructor(message: string) {
    super(message);
    this.name = "ManifestError";
  }
}

/** One path segment: not empty, not `.` or `..`, no `/`, `\\` or NUL. */
const SEGMENT = /^(?!\.\.?$)[^/\\\0]+$/;

/**
 * Whether a manifest name is one a run writes: `notebooks/<name>.ipynb` (no folder), or
 * `results/` and a relative path made of plain segments (no `..`, `.`, empty segment, backslash
 * or absolute path). Names read back from a manifest are checked with it, so that none climbs out
 * of its folder.
 *
 * @param name a name from a manifest
 * @returns whether it is safe to join to its folder
 * @example
 * ```ts
 * import { isOutputName } from "./manifest.ts";
 * if (!isOutputName("results/tables/a.csv")) throw new Error("a table is an output");
 * if (isOutputName("results/../data/cases.csv")) throw new Error("'..' climbs out");
 * if (isOutputName("notebooks/sub/a.ipynb")) throw new Error("notebooks are top-level");
 * ```
 */
export function isOutputName(name: unknown): name is string {
  if (typeof name !== "string") return false;
  if (name.startsWith("notebooks/")) {
    const rest = name.slice("notebooks/".length);
    return SEGMENT.test(rest) && rest.endsWith(".ipynb");
  }
  return name.startsWith("results/") &&
    name.slice("results/".length).split("/").every((s) => SEGMENT.test(s));
}

/** The problems of a parsed manifest, each naming the entry (`[]`: none). */
function manifestProblems(m: Manifest): string[] {
  const problems: string[] = [];
  const name = (where: string, v: unknown) => {
    if (!isOutputName(v)) {
      problems.push(
        `${where} is ${JSON.stringify(v)}, not a file inside notebooks/ or results/ (no '..', ` +
          "'.', absolute path or backslash)",
      );
    }
  };
  m.files.forEach((f, i) => {
    name(`files[${i}].path`, f?.path);
    if (typeof f?.sha256 !== "string") problems.push(`files[${i}].sha256 is not text`);
  });
  for (const [nb, record] of Object.entries(m.notebooks)) {
    name(`notebooks key`, `notebooks/${nb}`);
    if (!Array.isArray(record?.outputs)) {
      problems.push(`notebooks["${nb}"].outputs is not a list`);
      continue;
    }
    record.outputs.forEach((o, i) => name(`notebooks["${nb}"].outputs[${i}]`, o));
    if (typeof record.inputs !== "object" || record.inputs === null) {
      problems.push(`notebooks["${nb}"].inputs is not an object`);
    }
  }
  return problems;
}

/**
 * The manifest of a results folder, every path in it checked (see {@link isOutputName}).
 *
 * @param results the folder
 * @returns the manifest, or `null` when missing, unreadable or of an older form
 * @throws {ManifestError} naming the manifest and its first bad entries, when one names a path
 * outside its folders
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { readManifest } from "./manifest.ts";
 * assert.equal(await readManifest("/tmp/no/such/folder"), null);
 * ```
 */
export async function readManifest(results: string): Promise<Manifest | null> {
  let m;
  try {
    m = JSON.parse(await Deno.readTextFile(`${results}/manifest.json`));
  } catch {
    return null;
  }
  if (!(m && typeof m.notebooks === "object" && m.notebooks && Array.isArray(m.files))) return null;
  const problems = manifestProblems(m);
  if (problems.length) {
    throw new ManifestError(
      `${results}/manifest.json: ${problems.slice(0, 3).join("; ")}` +
        `${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ""}. A run reads and ` +
        "writes only the files the manifest names inside its folders: restore the manifest " +
        "(git checkout) or remove it with the files it lists; nothing was changed",
    );
  }
  return m;
}

/**
 * Where a manifest name is in a folder pair, when it is a regular file reached without a
 * symbolic link: `null` when it is missing, a link, or under a link (so reading it would read
 * outside the folder).
 *
 * @param name a checked manifest name (see {@link isOutputName})
 * @param dirs the folders (real paths, as `reproduce` resolves them)
 * @returns the path, or `null`
 * @example
 * ```ts
 * import { insideFile } from "./manifest.ts";
 * await insideFile("results/a.csv", { notebooks: "/no/n", results: "/no/r" }); // null
 * ```
 */
export async function insideFile(name: string, dirs: Folders): Promise<string | null> {
  if (!isOutputName(name)) return null;
  const path = locate(name, dirs);
  const base = name.startsWith("notebooks/") ? dirs.notebooks : dirs.results;
  try {
    const info = await Deno.lstat(path);
    if (!info.isFile) return null;
    const real = posixPath(await Deno.realPath(path));
    const rel = path.slice(base.length);
    return real === `${posixPath(await Deno.realPath(base))}${rel}` ? path : null;
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
 * import assert from "node:assert/strict";
 * import { tree } from "./manifest.ts";
 * assert.equal((await tree("/tmp/no/such/a", "/tmp/no/such/b")).size, 0);
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
    const path = await insideFile(out, dirs);
    if (path === null) {
      const there = await Deno.lstat(locate(out, dirs)).then(() => true, () => false);
      return [there ? `${out} is not a regular file inside its folder` : `${out} is missing`];
    }
    const bytes = await Deno.readFile(path).catch(() => null);
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
  // Paths that differ only in case are one file on macOS and Windows: refused on every OS.
  const taken = new Map([...owner.keys()].map((k) => [fold(k), k]));
  for (const p of await listFiles(from)) {
    const key = `results/${p}`;
    const other = taken.get(fold(key));
    if (other !== undefined) {
      const writer = owner.get(other) ?? name;
      throw new Error(
        other === key
          ? `${name} and ${writer} both write ${key}: each table and figure a notebook saves ` +
            "needs a name of its own (showTable, showFigure, showFiguresOf: rename it in one, or " +
            "leave it unsaved; a copied notebook saves what the original does)"
          : `${name} writes ${key} and ${writer} writes ${other}: one file on macOS and Windows, ` +
            "which ignore case",
      );
    }
    taken.set(fold(key), key);
    owner.set(key, name);
    await Deno.mkdir(`${results}/${p}`.replace(/\/[^/]+$/, ""), { recursive: true });
    await Deno.rename(`${from}/${p}`, `${results}/${p}`);
    outputs.push(key);
  }
  return outputs;
}
