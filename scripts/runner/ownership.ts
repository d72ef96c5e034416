/**
 * What a run may replace or remove: only files it wrote, as the manifest of the results folder
 * lists them. A results folder that holds files but no manifest (`data/`, `docs/`, a folder of
 * one's own) is refused, naming them; in a results folder a run wrote, a file it did not write
 * (`results/my-notes.txt`) is kept where it is. In the notebooks folder a run writes one notebook
 * per notebook source and per case, and removes a case notebook whose case is gone only when the
 * manifest lists it, unchanged since; any other file is kept. A case notebook edited since a run
 * wrote it is refused; one that differs from what the run writes when no manifest records what a
 * run wrote (it may be edited, or written from an older template) is written over, its old file
 * kept as `previous-<name>` in the folder.
 *
 * @module
 */
import { listFiles, sha256 } from "./files.ts";
import type { Move } from "./install.ts";
import type { Manifest } from "./manifest.ts";
import type { Folders } from "./plan.ts";
import { fold } from "./paths.ts";
import { editedSince } from "./edited.ts";

/** Thrown when a run would replace or remove a file it did not write; nothing was changed. */
export class NotOwnedError extends Error {
  /** Builds the error. */
  constructor(message: string) {
    super(message);
    this.name = "NotOwnedError";
  }
}

/** An entry of a folder: a path relative to it and what it is. */
export interface Entry {
  /** The path relative to the folder. */
  path: string;
  /** `file` for a regular file, `empty folder`, or `link` for a symbolic link (or another kind). */
  kind: "file" | "empty folder" | "link";
}

/**
 * Every entry of a folder that a folder rename would take with it: regular files, symbolic links
 * (not followed) and other non-folders, and empty folders.
 *
 * @param dir the folder
 * @returns the entries, sorted by path; `[]` when the folder does not exist
 * @example
 * ```ts
 * import { entries } from "./ownership.ts";
 * const none = await entries("/tmp/no/such/folder");
 * if (none.length !== 0) throw new Error("a missing folder has no entries");
 * ```
 */
export async function entries(dir: string): Promise<Entry[]> {
  const out: Entry[] = [];
  const walk = async (rel: string): Promise<void> => {
    let n = 0;
    try {
      for await (const e of Deno.readDir(rel ? `${dir}/${rel}` : dir)) {
        n++;
        const p = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory) await walk(p);
        else out.push({ path: p, kind: e.isFile ? "file" : "link" });
      }
    } catch (e) {
      if (!(e instanceof Deno.errors.NotFound)) throw e;
      return;
    }
    if (n === 0 && rel) out.push({ path: rel, kind: "empty folder" });
  };
  await walk("");
  return out.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

/** A list of paths for a message: the first 5, then how many more. */
export function namePaths(paths: readonly string[]): string {
  const shown = paths.slice(0, 5).join(", ");
  return paths.length > 5 ? `${shown} and ${paths.length - 5} more` : shown;
}

/**
 * The entries of a results folder that no run wrote: those its manifest does not list as files
 * (besides `manifest.json`), and any that is not a regular file. Throws when the folder holds
 * entries but no manifest: it is not a results folder, and a run would replace it whole.
 *
 * @param results the results folder
 * @param manifest its manifest (`null`: none)
 * @param label the folder as the messages name it
 * @returns the entries a run must keep, by path
 * @throws {NotOwnedError} naming the folder and its files, when it has no manifest
 * @example
 * ```ts
 * import { foreignEntries } from "./ownership.ts";
 * const kept = await foreignEntries("/tmp/no/such/folder", null, "results");
 * if (kept.length !== 0) throw new Error("a missing folder holds nothing");
 * ```
 */
export async function foreignEntries(
  results: string,
  manifest: Manifest | null,
  label: string,
): Promise<Entry[]> {
  // A probe file of `checkWritable` left by a run killed at that moment is a run's own.
  const probe = (e: Entry) => e.kind === "file" && /(^|\/)\.reproduce-probe-[^/]*$/.test(e.path);
  const all = (await entries(results)).filter((e) => !probe(e));
  if (manifest === null && all.length > 0) {
    throw new NotOwnedError(
      `${label} holds files that no run of reproduce wrote (it has no manifest.json listing ` +
        `them): ${namePaths(all.map((e) => e.path))}. A run replaces its results folder, so it ` +
        "takes only a new or empty folder, or one it wrote: choose another --results folder " +
        "or move these files away; nothing was changed",
    );
  }
  const owned = new Set(["manifest.json"]);
  for (const f of manifest?.files ?? []) {
    if (f.path.startsWith("results/")) owned.add(f.path.slice("results/".length));
  }
  return all.filter((e) => e.kind !== "file" || !owned.has(e.path));
}

/**
 * The foreign entries (see {@link foreignEntries}) that a new results tree would overwrite or put
 * a file under: same path, or one is a folder of the other.
 *
 * @param foreign entries no run wrote
 * @param produced the new tree's paths, relative to the results folder
 * @returns the paths of the entries in the way
 * @example
 * ```ts
 * import { collisions } from "./ownership.ts";
 * const hit = collisions([{ path: "tables", kind: "link" }], ["tables/a.csv", "b.svg"]);
 * if (hit[0] !== "tables") throw new Error("a link where a folder goes is in the way");
 * ```
 */
export function collisions(foreign: readonly Entry[], produced: Iterable<string>): string[] {
  const paths = [...produced];
  const folded = paths.map(fold);
  return foreign.filter((e) => {
    const f = fold(e.path);
    return folded.some((p) =>
      p === f || (p.startsWith(`${f}/`) && !inNewTree(e, paths)) || f.startsWith(`${p}/`)
    );
  }).map((e) => e.path);
}

/**
 * Whether two paths, both existing, name one file: `01-case-a.ipynb` and `01-case-A.ipynb` do on
 * a file system that ignores case (macOS, Windows), as two hard links do anywhere. Compared by
 * device and inode; where the system gives no inode, paths that differ only in case are taken
 * to be one file (Windows ignores case).
 *
 * @param a a path
 * @param b another
 * @returns true when both exist and are one file
 * @example
 * ```ts
 * import { sameFile } from "./ownership.ts";
 * if (await sameFile("/tmp/no/such/file", "/tmp/no/such/FILE")) throw new Error("a missing file is none");
 * ```
 */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([a, b].map((p) => Deno.lstat(p).catch(() => null)));
  if (x === null || y === null) return false;
  if (x.ino === null || y.ino === null) return fold(a) === fold(b);
  return x.dev === y.dev && x.ino === y.ino;
}

/**
 * Whether an entry is an empty folder that the new tree has too (a folder of the run's whose
 * files were removed by hand): it is in nobody's way, and there is nothing in it to carry over.
 */
const inNewTree = (e: Entry, produced: readonly string[]) =>
  e.kind === "empty folder" && produced.some((p) => p.startsWith(`${e.path}/`));

/**
 * The sha256 of a regular file, `null` when there is none, or `"not a file"` for anything else
 * (a folder, a symbolic link): what a run notes before it works, to see at the end whether the
 * file was changed meanwhile.
 *
 * @param path the file
 * @returns the hash, `null`, or `"not a file"`
 * @example
 * ```ts
 * import { fileState } from "./ownership.ts";
 * if (await fileState("/tmp/no/such/file") !== null) throw new Error("missing is null");
 * ```
 */
export async function fileState(path: string): Promise<string | null> {
  const info = await Deno.lstat(path).catch(() => null);
  if (info === null) return null;
  if (!info.isFile) return "not a file";
  return sha256(await Deno.readFile(path));
}

/**
 * A name for a case notebook no case matches that runs as an ordinary notebook: its `01-case-`
 * prefix made `05-`, with `-2`, `-3`, … before `.ipynb` while that name is taken (by a file of the
 * folder or a notebook the run writes; case and Unicode form ignored, as some file systems do).
 *
 * @param name The notebook's file name (`01-case-draft.ipynb`).
 * @param taken The file names of the notebooks folder and those the run writes.
 * @returns A name none of them has.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { freeName } from "./ownership.ts";
 * assert.equal(freeName("01-case-draft.ipynb", []), "05-draft.ipynb");
 * assert.equal(freeName("01-case-draft.ipynb", ["05-Draft.ipynb"]), "05-draft-2.ipynb");
 * ```
 */
export function freeName(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map(fold));
  const base = name.replace(/^01-case-/, "05-");
  const stem = base.replace(/\.ipynb$/, "");
  let free = base;
  for (let k = 2; used.has(fold(free)); k++) free = `${stem}-${k}.ipynb`;
  return free;
}

/**
 * What a run does with a case notebook that is there: `refuse` (edited since a run wrote it, see
 * `editedSince`: the message), `keep` (it differs from what this run writes and no record says
 * what a run wrote: it is written over, the old file kept beside it), or `null` (write over it).
 */
export type CaseEdit = { refuse: string } | { keep: true } | null;

/**
 * Whether a run may write over a case notebook (see {@link CaseEdit}): the case notebooks are
 * written from `templates/case.ipynb`, and cells added to one would be lost.
 *
 * @param name the notebook's file name
 * @param o where it is (`dirs.notebooks`), where the run's version is (`written`, default
 * `work/notebooks/`), what the manifest records (`manifest`), and how to name it (`shown`)
 * @returns the refusal's message, `keep`, or `null` (not a case notebook, none there, or not
 * edited)
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { caseEdit } from "./ownership.ts";
 * const o = { dirs: { notebooks: "/no/such", results: "/no/r" }, work: "/no/w", manifest: null, shown: String };
 * assert.equal(await caseEdit("01-case-1.ipynb", o), null);
 * ```
 */
export async function caseEdit(
  name: string,
  o: Pick<InstallMovesOptions, "dirs" | "work" | "manifest" | "shown"> & { written?: string },
): Promise<CaseEdit> {
  if (!/^01-case-[^/]*\.ipynb$/.test(name)) return null;
  const path = `${o.dirs.notebooks}/${name}`;
  const present = await Deno.readTextFile(path).catch(() => null);
  if (present === null) return null;
  const written = await Deno.readTextFile(`${o.written ?? `${o.work}/notebooks`}/${name}`);
  const edit = editedSince({
    present,
    written,
    recorded: o.manifest?.notebooks?.[name]?.inputs?.notebook,
  });
  if (edit === null) return null;
  if (edit.kind === "unrecorded") return { keep: true };
  const what = edit.kind === "not a notebook"
    ? "it is not a notebook's JSON"
    : `cell ${edit.cell} differs from what this run writes`;
  return {
    refuse: `${o.shown(path)} was edited since a run wrote it (${what}): move your cells to ` +
      "templates/case.ipynb (a run writes this file from it, one per case) or a notebook of " +
      `your own (e.g. ${
        freeName(name, await listFiles(o.dirs.notebooks))
      }), or delete the file; nothing was changed`,
  };
}

/**
 * A name, in the notebooks folder, to keep a case notebook's old file under: `previous-` before
 * its name, with `-2`, `-3`, … before `.ipynb` while that name is taken (case and Unicode form
 * ignored). Not named `NN-<name>.ipynb`, it is neither run nor published, and a run says so.
 *
 * @param name the notebook's file name (`01-case-a.ipynb`)
 * @param taken the file names of the notebooks folder
 * @returns a name none of them has
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { previousName } from "./ownership.ts";
 * assert.equal(previousName("01-case-a.ipynb", []), "previous-01-case-a.ipynb");
 * assert.equal(previousName("01-case-a.ipynb", ["previous-01-case-A.ipynb"]), "previous-01-case-a-2.ipynb");
 * ```
 */
export function previousName(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map(fold));
  const stem = `previous-${name.replace(/\.ipynb$/, "")}`;
  let free = `${stem}.ipynb`;
  for (let k = 2; used.has(fold(free)); k++) free = `${stem}-${k}.ipynb`;
  return free;
}

/**
 * Refuses a case notebook with cells of one's own before anything runs (`installMoves` checks
 * again before installing, should one be edited meanwhile): the run would write over it.
 *
 * @param names the notebooks the run writes (file names), as prepared in `work/src/`
 * @param o the folders, the run's scratch folder, the manifest, and how to name a path
 * @throws {NotOwnedError} naming the first edited one; nothing was changed
 * @example
 * ```ts
 * import { refuseEditedCases } from "./ownership.ts";
 * const dirs = { notebooks: "/no/such", results: "/no/r" };
 * await refuseEditedCases(["01-case-1.ipynb"], { dirs, work: "/no/w", manifest: null, shown: String });
 * ```
 */
export async function refuseEditedCases(
  names: readonly string[],
  o: Pick<InstallMovesOptions, "dirs" | "work" | "manifest" | "shown">,
): Promise<void> {
  for (const name of names) {
    const edit = await caseEdit(name, { ...o, written: `${o.work}/src` });
    if (edit !== null && "refuse" in edit) throw new NotOwnedError(edit.refuse);
  }
}

/** What {@link installMoves} needs to know of a run. */
export interface InstallMovesOptions {
  /** The notebooks the run wrote (file names), in `work/notebooks/`. */
  jobs: readonly string[];
  /** The folders installed into. */
  dirs: Folders;
  /** The run's scratch folder, with its `notebooks/` and `results/`. */
  work: string;
  /** The results folder's manifest before the run (`null`: none). */
  manifest: Manifest | null;
  /** The results folder's entries that no run wrote (see {@link foreignEntries}). */
  foreign: readonly Entry[];
  /** Each notebook's {@link fileState} noted before the run. */
  before: ReadonlyMap<string, string | null>;
  /** The paths of the run's results, relative to its results folder. */
  produced: readonly string[];
  /** A path as messages show it. */
  shown: (path: string) => string;
}

/**
 * The renames that install a run (for `installAll`), and a line for each file kept: the executed
 * notebooks replace theirs, unless one was changed while the run went (refused); a case notebook
 * whose case is gone is removed only when the manifest lists it with its present content, else
 * kept; the results folder is replaced, the entries no run wrote moved into the new one first
 * (refused when the run writes a file where one of them is).
 *
 * @param o the run
 * @returns the moves, in order, the lines to print, and the files the moves remove (as `shown`)
 * @throws {NotOwnedError} naming the files in the way; nothing was changed
 * @example
 * ```ts ignore
 * import { installMoves } from "./ownership.ts";
 * const { moves } = await installMoves(options);
 * ```
 */
export async function installMoves(
  o: InstallMovesOptions,
): Promise<{ moves: Move[]; kept: string[]; removed: string[] }> {
  const moves: Move[] = [];
  const kept: string[] = [];
  const previous: string[] = [];
  for (const name of o.jobs) {
    const to = `${o.dirs.notebooks}/${name}`;
    const now = await fileState(to);
    if (now === "not a file") {
      throw new NotOwnedError(
        `${o.shown(to)} is not a regular file (a folder or a symbolic link), and the run writes ` +
          "the notebook there: move it away and run again; nothing was changed",
      );
    }
    if (now !== (o.before.get(name) ?? null)) {
      throw new NotOwnedError(
        `${o.shown(to)} changed while the run was going (saved from an editor?): run again, and ` +
          "the run executes it as it is now; nothing was changed",
      );
    }
    const edit = await caseEdit(name, o);
    if (edit !== null && "refuse" in edit) throw new NotOwnedError(edit.refuse);
    if (edit !== null) {
      // No record says whether it was edited: it is written over, and its old file kept.
      const keptAs = `${o.dirs.notebooks}/${
        previousName(name, [...await listFiles(o.dirs.notebooks), ...previous])
      }`;
      previous.push(keptAs.slice(o.dirs.notebooks.length + 1));
      moves.push({ from: to, to: keptAs });
      kept.push(
        `kept the previous ${o.shown(to)} as ${o.shown(keptAs)}: it differs from what this ` +
          "run writes from templates/case.ipynb, and no manifest records what a run wrote, so " +
          "it may hold edits of yours",
      );
    }
    moves.push({ from: `${o.work}/notebooks/${name}`, to });
  }
  const recorded = new Map((o.manifest?.files ?? []).map((f) => [f.path, f.sha256]));
  const present = await listFiles(o.dirs.notebooks);
  for (const p of present) {
    if (!/^01-case-[^/]*\.ipynb$/.test(p) || o.jobs.includes(p)) continue;
    const to = `${o.dirs.notebooks}/${p}`;
    // On a file system that ignores case, `01-case-a.ipynb` is the file of a case now `A`: the
    // run replaces it with that notebook, and removing it would remove the new one.
    const job = o.jobs.find((j) => fold(j) === fold(p));
    if (job !== undefined && await sameFile(to, `${o.dirs.notebooks}/${job}`)) continue;
    const hash = recorded.get(`notebooks/${p}`);
    if (hash !== undefined && hash === await fileState(to)) moves.push({ from: null, to });
    else {
      kept.push(
        `kept ${o.shown(to)}: no case in the data has its id, and ` +
          (hash === undefined
            ? "no run wrote it (the manifest does not list it); not run: the 01-case- prefix is " +
              "reserved for the case notebooks the run writes from templates/case.ipynb, one per " +
              `case (rename it, e.g. ${freeName(p, [...present, ...o.jobs])}, to have it run)`
            : "it was changed since a run wrote it"),
      );
    }
  }
  const clash = collisions(o.foreign, o.produced);
  if (clash.length) {
    throw new NotOwnedError(
      `${o.shown(o.dirs.results)} holds ${namePaths(clash)}, which no run wrote (its ` +
        "manifest does not list them), where this run writes its results: move them away and " +
        "run again; nothing was changed",
    );
  }
  for (const e of o.foreign) {
    if (inNewTree(e, o.produced)) continue;
    const to = `${o.work}/results/${e.path}`;
    await Deno.mkdir(to.replace(/\/[^/]+$/, ""), { recursive: true });
    moves.push({ from: `${o.dirs.results}/${e.path}`, to });
    kept.push(`kept ${o.shown(`${o.dirs.results}/${e.path}`)}: not written by a run`);
  }
  moves.push({ from: `${o.work}/results`, to: o.dirs.results });
  const removed = [
    ...moves.filter((m) => m.from === null).map((m) => o.shown(m.to)),
    ...(await removedResults(o)).map((p) => o.shown(`${o.dirs.results}/${p}`)),
  ];
  return { moves, kept, removed };
}

/**
 * The files of the results folder that a run wrote and this one does not: replacing the folder
 * removes them (the files no run wrote are kept, see {@link foreignEntries}).
 *
 * @param o the results folder, its foreign entries, and what the run produces
 * @returns their paths, relative to the results folder
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { removedResults } from "./ownership.ts";
 * const o = { dirs: { notebooks: "/tmp/no/n", results: "/tmp/no/such" }, foreign: [], produced: [] };
 * assert.deepEqual(await removedResults(o), []);
 * ```
 */
export async function removedResults(
  o: Pick<InstallMovesOptions, "dirs" | "foreign" | "produced">,
): Promise<string[]> {
  const keep = new Set([...o.foreign.map((e) => e.path), ...o.produced].map(fold));
  keep.add("manifest.json");
  return (await entries(o.dirs.results)).filter((e) =>
    e.kind === "file" && !keep.has(fold(e.path)) && !/(^|\/)\.reproduce-probe-[^/]*$/.test(e.path)
  ).map((e) => e.path);
}
