/**
 * One run at a time: an exclusive lock (`flock`) on a file holding the id of the process that
 * holds it. The system releases the lock when that process ends, however it ends, so a run that
 * crashed or was killed (SIGKILL) leaves no stale lock, only a file the next run takes over.
 *
 * @module
 */

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
