/**
 * Installing a run's notebooks and results together or not at all: the folders are checked
 * before any work, and the renames that install the new files are undone if one fails. The
 * installation is journaled: before the first rename, the list of renames is written to the
 * backup folder, so that a run killed in the middle (SIGKILL, power cut) is undone by the next
 * run ({@link recoverInstall}) before it does anything else; the backup folder, which may then
 * hold the only copy of the previous files, is removed only once they are back in place.
 *
 * @module
 */
import { parentFolder } from "./paths.ts";

/** Thrown when a target folder cannot take the run's output; nothing was changed. */
export class NotWritableError extends Error {
  /** Builds the error. */
  constructor(message: string) {
    super(message);
    this.name = "NotWritableError";
  }
}

const exists = (p: string) => Deno.stat(p).then(() => true, () => false);

/**
 * Checks, before any work, that new files can be renamed into `folders` from `scratch`: each
 * folder and the folder holding it accept a new file and are on the scratch folder's file
 * system. Throws {@link NotWritableError} naming the folder.
 *
 * @param folders folders that will receive files or be replaced
 * @param scratch where the new files are written first
 * @returns when every folder can take its files
 * @example
 * ```ts ignore
 * import { checkWritable } from "./install.ts";
 * await checkWritable(["notebooks", "results"], ".tmp");
 * ```
 */
export async function checkWritable(folders: string[], scratch: string): Promise<void> {
  const device = (await Deno.stat(scratch)).dev;
  for (const folder of folders) {
    // Files are renamed into the folder, and the folder itself may be renamed: both it and the
    // folder holding it must take a change.
    const parent = parentFolder(folder) ?? folder;
    const dirs = await exists(folder) ? [folder, parent] : [parent];
    for (const dir of dirs) {
      try {
        const probe = await Deno.makeTempFile({ dir, prefix: ".reproduce-probe-" });
        await Deno.remove(probe);
      } catch (e) {
        // The task may write only inside the repository (`--allow-write=.`).
        if (e instanceof Deno.errors.NotCapable) {
          throw new NotWritableError(
            `${folder} is outside the repository, where deno task reproduce may not write: ` +
              "choose a folder inside it; nothing was changed",
          );
        }
        throw new NotWritableError(
          `cannot write to ${dir} (${(e as Error).message.split(":")[0]}); nothing was changed`,
        );
      }
      if ((await Deno.stat(dir)).dev !== device) {
        throw new NotWritableError(
          `${folder} is on another file system than ${scratch}: choose a folder inside the ` +
            "repository (files are moved into place by renaming); nothing was changed",
        );
      }
    }
  }
}

/** One step of an installation: `to` is replaced by `from` (or removed, when `from` is null). */
export interface Move {
  /** The new file or folder, or `null` to remove `to`. */
  from: string | null;
  /** The path it takes. */
  to: string;
}

/** A step as journaled: the move, and where the path it replaces is kept meanwhile. */
interface Step extends Move {
  /** Where `to` is kept until the installation is complete. */
  saved: string;
}

/** Thrown when an installation could not be completed nor undone: the backup folder is kept. */
export class InstallError extends Error {
  /** Builds the error. */
  constructor(message: string) {
    super(message);
    this.name = "InstallError";
  }
}

/** Options of {@link installAll}. */
export interface InstallOptions {
  /**
   * Called after each rename (`step` counts renames from 1), for tests that stop the process
   * there (as SIGKILL would) and check that the next run puts everything back.
   */
  afterRename?: (step: number) => void | Promise<void>;
}

const JOURNAL = "journal.json";
/** The journal of a finished installation (renamed: a rename needs no free space). */
const DONE = "finished.json";

/** Whether a path exists (a symbolic link counts, even a dangling one). */
const present = (p: string) => Deno.lstat(p).then(() => true, () => false);

/** Writes `text` to `path` through a temporary file renamed into place, flushed to disk. */
async function writeDurably(path: string, text: string): Promise<void> {
  const tmp = `${path}.tmp`;
  const file = await Deno.open(tmp, { write: true, create: true, truncate: true });
  try {
    const bytes = new TextEncoder().encode(text);
    let written = 0;
    while (written < bytes.length) written += await file.write(bytes.subarray(written));
    await file.sync();
  } finally {
    file.close();
  }
  await Deno.rename(tmp, path);
}

/**
 * Performs every move, or none: the moves are journaled in `backup`, then each replaced path is
 * renamed into `backup` and the new one into place; if a step fails, the steps done are undone in
 * reverse order and the error is thrown again, saying that nothing was changed. A process killed
 * in the middle leaves the journal, and {@link recoverInstall} undoes what it did.
 *
 * @param moves the renames, in order (each `from` must exist)
 * @param backup a folder on the same file system, empty or holding only a finished journal
 * @param options a hook for tests
 * @returns when every move is done
 * @throws {InstallError} when a step failed and could not be undone (the backup folder then
 * holds the previous files and the journal; the next run puts them back)
 * @example
 * ```ts ignore
 * import { installAll } from "./install.ts";
 * await installAll([{ from: ".tmp/run/results", to: "results" }], ".tmp/run/backup");
 * ```
 */
export async function installAll(
  moves: Move[],
  backup: string,
  options: InstallOptions = {},
): Promise<void> {
  // Every new file must be there before anything is changed: undoing a step infers from what is
  // on disk whether it was done (its `from` gone), which holds only if each `from` existed.
  for (const m of moves) {
    if (m.from !== null && !(await present(m.from))) {
      throw new Error(`cannot install ${m.to}: ${m.from} is missing; nothing was changed`);
    }
  }
  await Deno.mkdir(backup, { recursive: true });
  await Deno.remove(`${backup}/${DONE}`).catch(() => {});
  for await (const e of Deno.readDir(backup)) {
    if (e.name !== JOURNAL) throw new Error(`${backup} is not empty; nothing was changed`);
  }
  const steps: Step[] = moves.map((m, i) => ({ ...m, saved: `${backup}/${i}` }));
  await writeDurably(`${backup}/${JOURNAL}`, JSON.stringify({ steps }, null, 1) + "\n");
  let renames = 0;
  try {
    for (const step of steps) {
      if (await present(step.to)) {
        await Deno.rename(step.to, step.saved);
        renames++;
        await options.afterRename?.(renames);
      }
      if (step.from !== null) {
        await Deno.rename(step.from, step.to);
        renames++;
        await options.afterRename?.(renames);
      }
    }
  } catch (e) {
    try {
      await undo(steps);
    } catch (undoing) {
      throw new InstallError(
        `${(e as Error).message}; undoing the installation failed too ` +
          `(${(undoing as Error).message}): the previous files are kept in ${backup}, and the ` +
          "next run puts them back",
      );
    }
    await Deno.remove(`${backup}/${JOURNAL}`);
    // Said, not only the system's reason: what is on disk is as before (code kept for ENOSPC).
    const err = e as Error & { code?: unknown };
    const moved = renames > 0 ? "the files already moved were put back: " : "";
    throw Object.assign(
      new Error(`${err.message}; ${moved}nothing was changed`, {
        cause: e,
      }),
      { code: err.code },
    );
  }
  await Deno.rename(`${backup}/${JOURNAL}`, `${backup}/${DONE}`);
}

/**
 * Undoes the steps of an installation, last first, from what is on disk: a step's new file is in
 * place when its `from` is gone (it is moved back there), and the path it replaced is in `saved`
 * (it is moved back into place). Running it again after it was stopped continues the undoing.
 * Returns how many paths are back as they were (restored, or freed of a new file).
 */
async function undo(steps: readonly Step[]): Promise<number> {
  let restored = 0;
  for (const step of [...steps].reverse()) {
    if (step.from !== null && !(await present(step.from)) && (await present(step.to))) {
      await Deno.rename(step.to, step.from);
      if (!(await present(step.saved))) restored++;
    }
    if (await present(step.saved)) {
      if (await present(step.to)) {
        throw new Error(`both ${step.to} and its previous version ${step.saved} exist`);
      }
      await Deno.rename(step.saved, step.to);
      restored++;
    }
  }
  return restored;
}

/** What {@link recoverInstall} found. */
export type Recovery =
  /** No installation was under way: nothing to do. */
  | { state: "none" }
  /** An installation had finished: the backup holds only replaced files. */
  | { state: "finished" }
  /** An installation was stopped: its renames were undone (`restored` paths as before). */
  | { state: "undone"; restored: number };

/**
 * Puts back what an installation stopped in the middle had replaced (from the journal in
 * `backup`), before a new run does anything else. After `"undone"` or `"finished"` the backup
 * folder can be removed; after `"none"` it holds no journal (and should be empty).
 *
 * @param backup the backup folder of a run that ended without removing it
 * @returns what was found, and what was done
 * @throws {InstallError} when the journal cannot be read or a path cannot be put back (the backup
 * folder must then be kept)
 * @example
 * ```ts
 * import { recoverInstall } from "./install.ts";
 * const r = await recoverInstall("/tmp/no/such/folder");
 * if (r.state !== "none") throw new Error("no journal there");
 * ```
 */
export async function recoverInstall(backup: string): Promise<Recovery> {
  const text = await Deno.readTextFile(`${backup}/${JOURNAL}`).catch((e) => {
    if (e instanceof Deno.errors.NotFound) return null;
    throw new InstallError(`cannot read ${backup}/${JOURNAL}: ${(e as Error).message}`);
  });
  if (text === null) {
    return { state: (await present(`${backup}/${DONE}`)) ? "finished" : "none" };
  }
  let steps: Step[];
  try {
    steps = JSON.parse(text).steps;
    const ok = Array.isArray(steps) &&
      steps.every((s) =>
        typeof s?.to === "string" && typeof s.saved === "string" &&
        (s.from === null || typeof s.from === "string")
      );
    if (!ok) throw new Error("not a list of steps");
  } catch (e) {
    throw new InstallError(`${backup}/${JOURNAL} is damaged (${(e as Error).message})`);
  }
  try {
    const restored = await undo(steps);
    await Deno.remove(`${backup}/${JOURNAL}`);
    return { state: "undone", restored };
  } catch (e) {
    throw new InstallError(
      `could not put back what a stopped run was replacing (${(e as Error).message}); the ` +
        `previous files are kept in ${backup} (${JOURNAL} lists where each goes)`,
    );
  }
}

/**
 * The message for a write that failed because the disk is full (`ENOSPC`), naming the folder
 * whose disk it is; `null` for any other error.
 *
 * @param e the error
 * @param folder where the run was writing (its scratch folder, on the repository's disk)
 * @returns the message, or `null`
 * @example
 * ```ts
 * import { diskFullMessage } from "./install.ts";
 * const e = Object.assign(new Error("No space left on device (os error 28)"), { code: "ENOSPC" });
 * if (!diskFullMessage(e, "/repo/.tmp")?.startsWith("the disk holding /repo/.tmp is full")) {
 *   throw new Error("a full disk is named");
 * }
 * if (diskFullMessage(new Error("other"), "/repo/.tmp") !== null) throw new Error("only ENOSPC");
 * ```
 */
export function diskFullMessage(e: unknown, folder: string): string | null {
  const err = e as { code?: unknown; message?: unknown } | null;
  const text = typeof err?.message === "string" ? err.message : "";
  if (err?.code !== "ENOSPC" && !/No space left on device|os error 28/.test(text)) return null;
  return `the disk holding ${folder} is full (${text.replace(/ \(os error 28\)/, "")}): free ` +
    "some space and run again; nothing was changed";
}

/**
 * The message for a rename or removal that Windows refused because a program holds a file open
 * (`Access is denied`, os error 5, or `being used by another process`, os error 32): there a
 * folder holding an open file (a table open in a spreadsheet, a terminal whose current folder is
 * in it) cannot be renamed, nor an open file replaced. `null` for any other error (an
 * {@link InstallError}, which says what it kept), or elsewhere.
 *
 * @param e the error
 * @param os the OS (default: this one)
 * @returns the message, or `null`
 * @example
 * ```ts
 * import { busyMessage } from "./install.ts";
 * const e = new Error("Access is denied. (os error 5): rename 'C:/r/results' -> 'C:/r/.tmp/x/0'");
 * if (!busyMessage(e, "windows")?.includes("open in another program")) throw new Error("named");
 * if (busyMessage(e, "linux") !== null) throw new Error("Windows only");
 * ```
 */
export function busyMessage(e: unknown, os: typeof Deno.build.os = Deno.build.os): string | null {
  const text = typeof (e as Error | null)?.message === "string" ? (e as Error).message : "";
  // An installation that could not be undone either says what it kept, and where: as it is.
  if (os !== "windows" || e instanceof InstallError || !/\(os error (5|32)\)/.test(text)) {
    return null;
  }
  return `${text}: a file there may be open in another program (a table in a spreadsheet, a ` +
    "terminal or Explorer window in that folder), and Windows renames no folder holding an open " +
    "file: close it and run again; nothing was changed";
}

/**
 * Removes the scratch folders (`<scratch>/<key>-*`) that runs on the same folders left when they
 * were killed or lost their terminal, after undoing an installation one of them was stopped in
 * (see {@link recoverInstall}). Call it holding the run lock, before anything else.
 *
 * @param scratch the scratch folder
 * @param key the run key of the folders (`runKey`)
 * @returns the lines to print: what was put back, what was removed
 * @throws {InstallError} when a backup cannot be put back; its scratch folder is kept
 * @example
 * ```ts ignore
 * import { removeStoppedRuns } from "./install.ts";
 * for (const line of await removeStoppedRuns(".tmp", "reproduce-0123456789ab")) console.log(line);
 * ```
 */
export async function removeStoppedRuns(scratch: string, key: string): Promise<string[]> {
  const lines: string[] = [];
  for (const e of Deno.readDirSync(scratch)) {
    if (!e.isDirectory || !e.name.startsWith(`${key}-`)) continue;
    const dir = `${scratch}/${e.name}`;
    const r = await recoverInstall(`${dir}/backup`);
    if (r.state === "none") {
      // No journal: a backup folder holding anything was left by a runner without journals, and
      // may hold the only copy of replaced files.
      const held: string[] = [];
      try {
        for (const b of Deno.readDirSync(`${dir}/backup`)) {
          if (!b.name.endsWith(".tmp")) held.push(b.name);
        }
      } catch { /* no backup folder */ }
      if (held.length) {
        throw new InstallError(
          `.tmp/${e.name}/backup holds files a stopped run had moved aside, and no journal ` +
            "says where they go: put them back by hand (each is a replaced notebook or the " +
            "results folder), then remove the folder",
        );
      }
    }
    if (r.state === "undone" && r.restored > 0) {
      lines.push(
        `restored ${r.restored} ${r.restored === 1 ? "path" : "paths"} from .tmp/${e.name}: a ` +
          "run was stopped while installing its notebooks and results, which are as before it",
      );
    }
    await removeScratch(dir);
    lines.push(`removed .tmp/${e.name}: left by a run that was stopped`);
  }
  return lines;
}

/**
 * Removes a run's scratch folder unless its backup holds an installation still to undo (then it
 * is kept for the next run). A finished installation's backup is first renamed out of the way,
 * so that a removal stopped half-way never leaves a backup without its journal.
 *
 * @param work the scratch folder; its backup is `work/backup`
 * @returns whether it was removed
 * @example
 * ```ts
 * import { removeScratch } from "./install.ts";
 * if (!(await removeScratch("/tmp/no/such/folder"))) throw new Error("nothing to keep");
 * ```
 */
export async function removeScratch(work: string): Promise<boolean> {
  if (await present(`${work}/backup/${JOURNAL}`)) return false;
  if (await present(`${work}/backup`)) await Deno.rename(`${work}/backup`, `${work}/discarded`);
  await Deno.remove(work, { recursive: true }).catch((e) => {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  });
  return true;
}
