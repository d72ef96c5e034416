/**
 * One run at a time: a lock file holding the running process's id.
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

/** Whether a process with this id is running (assumed so where /proc is not available). */
function running(pid: number): boolean {
  try {
    Deno.statSync("/proc/self");
  } catch {
    return true;
  }
  try {
    Deno.statSync(`/proc/${pid}`);
    return true;
  } catch {
    return false;
  }
}

/**
 * Takes the lock at `path` (a lock left by a process that no longer runs is taken over).
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
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const f = await Deno.open(path, { write: true, createNew: true });
      await f.write(new TextEncoder().encode(`${Deno.pid}\n`));
      f.close();
      return () => Deno.remove(path).catch(() => {});
    } catch (e) {
      if (!(e instanceof Deno.errors.AlreadyExists)) throw e;
    }
    const pid = Number((await Deno.readTextFile(path).catch(() => "")).trim());
    if (Number.isInteger(pid) && pid > 0 && running(pid)) {
      throw new LockedError(
        `another ${what} is running (process ${pid}); wait for it to finish, or remove ${path} ` +
          "if that process is not a reproduce run",
      );
    }
    await Deno.remove(path).catch(() => {});
  }
  throw new LockedError(`could not take the lock ${path}`);
}
