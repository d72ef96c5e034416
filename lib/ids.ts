/**
 * Identifiers that become file names: a case id names its notebook (`01-case-<id>.ipynb`) and its
 * figures and tables (`case-<id>-<what>.<ext>`), a source id its text (`sources/<id>.txt`). Such
 * an id must fit in a file name on every system, be no name Windows keeps for a device, and no
 * two may give the same file name, even on a file system that ignores case (macOS, Windows). Documented in `data/README.md`.
 *
 * @module
 */

/** The longest id that becomes a file name (characters; ids are ASCII). */
export const MAX_ID_LENGTH = 64;

/**
 * The names Windows reserves for devices, in any case and whatever extension follows
 * (`sources/aux.txt` is the device AUX): such a file cannot be created there, and Git for Windows
 * refuses to check out a repository that holds one.
 */
export const WINDOWS_DEVICE_NAMES: RegExp = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * Checks the ids of one table as they are read and says what is wrong with each: too long, or
 * giving the file names of another. Ids are compared without case; a case id and another that
 * begins with it and `-` (`1` and `1-drug`) are refused, since `case-1-drug-<what>` may be a file
 * of either (`prefixes`: true, for case ids). It reads the table's ids from `rows` (id → line,
 * filled by the caller, the id being added included) and keeps only what that map cannot tell:
 * the ids with capitals, and the prefixes of ids before each `-`.
 *
 * @example
 * ```ts
 * import { FileNameIds } from "#lib/ids.ts";
 * const rows = new Map<string, number>();
 * const ids = new FileNameIds("case", true, rows);
 * const add = (id: string, row: number) => (rows.set(id, row), ids.add(id, row));
 * if (add("1", 2) !== null) throw new Error();
 * if (!add("1-drug", 3)?.includes("line 2")) throw new Error("1-drug collides with 1");
 * if (add("A", 4) !== null || add("a", 5) === null) throw new Error("A and a collide");
 * if (!add("Aux", 6)?.includes("device name on Windows")) throw new Error("AUX is a device");
 * ```
 */
export class FileNameIds {
  /** Ids with capitals, by their lower case, with their lines. */
  #capitals = new Map<string, { id: string; row: number }>();
  /** Each proper prefix ending before a `-` of an id (lower case) → that id and line. */
  #prefixes = new Map<string, { id: string; row: number }>();

  /**
   * @param what What the ids name, for messages ("case", "source").
   * @param prefixes Whether an id followed by `-` must not begin another id.
   * @param rows The ids added so far, with their lines.
   */
  constructor(
    readonly what: string,
    readonly prefixes: boolean,
    readonly rows: ReadonlyMap<string, number>,
  ) {}

  /** The id, other than `self`, whose lower case is `key`, if any. */
  #other(key: string, self: string): { id: string; row: number } | undefined {
    const capital = this.#capitals.size === 0 ? undefined : this.#capitals.get(key);
    if (capital !== undefined && capital.id !== self) return capital;
    const row = key === self ? undefined : this.rows.get(key);
    return row === undefined ? undefined : { id: key, row };
  }

  /**
   * Checks an id; returns what is wrong with it, or null. A refused id is not kept.
   *
   * @param id The id (already checked to be `[A-Za-z0-9_-]+` and not a duplicate).
   * @param row Its line.
   * @returns A message, or null.
   */
  add(id: string, row: number): string | null {
    if (id.length > MAX_ID_LENGTH) {
      return `${this.what} id is ${id.length} characters long, more than the ` +
        `${MAX_ID_LENGTH} an id that names files may have (data/README.md)`;
    }
    if (WINDOWS_DEVICE_NAMES.test(id)) {
      return `${this.what} id '${id}' is a device name on Windows (CON, PRN, AUX, NUL, COM0-9, ` +
        "LPT0-9, in any case): its files could not be made or checked out there";
    }
    const key = id.toLowerCase();
    const same = this.#other(key, id);
    if (same !== undefined) {
      return `${this.what} id '${id}' differs only in case from '${same.id}' (line ${same.row}): ` +
        "their files would be one on a file system that ignores case";
    }
    let fresh: string[] | null = null;
    if (this.prefixes) {
      const longer = this.#prefixes.get(key);
      if (longer !== undefined) return this.#collision(id, longer);
      // A prefix already registered is no id: had it been one, the id that registered it would
      // have been refused, and an id added since would have found it registered.
      for (let i = key.indexOf("-"); i >= 0; i = key.indexOf("-", i + 1)) {
        const prefix = key.slice(0, i);
        if (this.#prefixes.has(prefix)) continue;
        const shorter = this.#other(prefix, id);
        if (shorter !== undefined) return this.#collision(id, shorter);
        (fresh ??= []).push(prefix);
      }
    }
    if (key !== id) this.#capitals.set(key, { id, row });
    for (const prefix of fresh ?? []) this.#prefixes.set(prefix, { id, row });
    return null;
  }

  /** The message of `id` whose files collide with those of `other`. */
  #collision(id: string, other: { id: string; row: number }): string {
    const [short, long] = id.length < other.id.length ? [id, other.id] : [other.id, id];
    return `${this.what} ids '${short}' and '${long}' give colliding file names ` +
      `(case-${long}-… may be a file of either; '${other.id}' is at line ${other.row}): ` +
      "no id may be another followed by '-'";
  }
}
