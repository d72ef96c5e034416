/**
 * One run at a time: an exclusive lock (`flock`) on a file holding the id of the process that
 * holds it. The system releases the lock when that process ends, however it ends, so a run that
 * crashed or was killed (SIGKILL) leaves no stale lock, only a file the next run takes over.
 *
 * @module
 */
import { sha256 } from "./files.ts";

/** Thrown when another run holds the lock. */
export class LockedError extends Error {
  /** Builds the error. */
  constructor(message: string) {
    super(message);
    this.name = "LockedError";
  }
}

/**
 * Takes the lock at `path` (creating the file), or throws when another process holds it.
 *
 * @param path the lock file
 * @param what what holds it, for the message
 * @returns the function that releases it
 * @throws {LockedError} naming the process that holds it
 * @example
 * ```ts ignore
 * import { acquireLock } from "./lock.ts";
 * const release = await acquireLock(".tmp/x.lock", "`deno task x`");
 * await release();
 * ```
 */
export async function acquireLock(path: string, what: string): Promise<() => Promise<void>> {
  // A holder removes the file before it unlocks it: a file opened before that removal is locked
  // in vain, so the lock is taken only on the file that `path` still names (else: again).
  for (let attempt = 0; attempt < 10; attempt++) {
    const file = await Deno.open(path, { read: true, write: true, create: true });
    try {
      if (!(await file.tryLock(true))) {
        const pid = (await Deno.readTextFile(path).catch(() => "")).trim();
        throw new LockedError(
          `another ${what} is running${/^\d+$/.test(pid) ? ` (process ${pid})` : ""}; ` +
            "wait for it to finish",
        );
      }
      const held = await file.stat();
      const named = await Deno.stat(path).catch(() => null);
      if (named === null || named.ino !== held.ino || named.dev !== held.dev) {
        file.close();
        continue;
      }
      await file.truncate(0);
      const id = new TextEncoder().encode(`${Deno.pid}\n`);
      if ((await file.write(id)) !== id.length) throw new Error(`could not write ${path}`);
    } catch (e) {
      file.close();
      throw e;
    }
    return async () => {
      await Deno.remove(path).catch(() => {});
      await file.unlock();
      file.close();
    };
  }
  throw new LockedError(`could not take the lock ${path}: it was replaced at every attempt`);
}

/**
 * Takes the lock of each folder (a file in `dir` named after it), or none: two runs never write
 * one folder at once, whatever their other folders (a run on the same notebooks with other
 * results would write the same notebooks). Holding all, a run also excludes every run on the same
 * folders.
 *
 * @param folders the folders a run writes
 * @param dir where the lock files are
 * @param what what holds them, for the message
 * @returns the function that releases them all
 * @throws {LockedError} when another process holds one; none is then held
 * @example
 * ```ts ignore
 * import { lockFolders } from "./lock.ts";
 * const release = await lockFolders(["/repo/notebooks", "/repo/results"], ".tmp", "`deno task x`");
 * await release();
 * ```
 */
export async function lockFolders(
  folders: readonly string[],
  dir: string,
  what: string,
): Promise<() => Promise<void>> {
  const held: (() => Promise<void>)[] = [];
  const releaseAll = async () => {
    for (const release of held.toReversed()) await release();
  };
  try {
    for (const folder of [...new Set(folders)].sort()) {
      held.push(
        await acquireLock(`${dir}/folder-${sha256(folder).slice(0, 12)}.lock`, what),
      );
    }
  } catch (e) {
    await releaseAll();
    throw e;
  }
  return releaseAll;
}
