/**
 * Installing a run's notebooks and results together or not at all: the folders are checked
 * before any work, and the renames that install the new files are undone if one fails.
 *
 * @module
 */

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
    const parent = folder.replace(/\/[^/]+\/?$/, "") || "/";
    const dirs = await exists(folder) ? [folder, parent] : [parent];
    for (const dir of dirs) {
      try {
        const probe = await Deno.makeTempFile({ dir, prefix: ".reproduce-probe-" });
        await Deno.remove(probe);
      } catch (e) {
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

/**
 * Performs every move, or none: each replaced path is first renamed into `backup`; if a step
 * fails, the steps done are undone in reverse order and the error is rethrown.
 *
 * @param moves the renames, in order
 * @param backup an empty folder on the same file system
 * @returns when every move is done
 * @example
 * ```ts ignore
 * import { installAll } from "./install.ts";
 * await installAll([{ from: ".tmp/run/results", to: "results" }], ".tmp/run/backup");
 * ```
 */
export async function installAll(moves: Move[], backup: string): Promise<void> {
  const done: { move: Move; saved: string | null; placed: boolean }[] = [];
  try {
    for (const [i, move] of moves.entries()) {
      const step = { move, saved: null as string | null, placed: false };
      done.push(step);
      if (await exists(move.to)) {
        step.saved = `${backup}/${i}`;
        await Deno.rename(move.to, step.saved);
      }
      if (move.from !== null) {
        await Deno.rename(move.from, move.to);
        step.placed = true;
      }
    }
  } catch (e) {
    for (const step of done.reverse()) {
      if (step.placed && step.move.from !== null) await Deno.rename(step.move.to, step.move.from);
      if (step.saved !== null) await Deno.rename(step.saved, step.move.to);
    }
    throw e;
  }
}
