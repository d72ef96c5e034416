/**
 * Where the runner reads and writes.
 *
 * @module
 */
import { sha256 } from "./files.ts";
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";

/**
 * A path with `/` between its parts on every OS: the runner builds, compares and records paths
 * with `/` (Windows accepts it: `C:\repo\lib` becomes `C:/repo/lib`), so that a manifest and
 * its messages are the same whatever the OS.
 *
 * @param path a path as the OS gives it
 * @param os the OS whose separators `path` uses (default: this one)
 * @returns the path with `/` separators
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { posixPath } from "./paths.ts";
 * assert.equal(posixPath("C:\\repo\\lib\\mod.ts", "windows"), "C:/repo/lib/mod.ts");
 * // On Linux and macOS `\` is a character of a file name, kept as it is:
 * assert.equal(posixPath("/repo/a\\b", "linux"), "/repo/a\\b");
 * ```
 */
export function posixPath(path: string, os: typeof Deno.build.os = Deno.build.os): string {
  return os === "windows" ? path.replaceAll("\\", "/") : path;
}

/**
 * A path as a file system that ignores case and Unicode normalisation (macOS, Windows) compares
 * it: `Tables/Summary.csv` and `tables/summary.csv` are one file there. Runs compare paths so on
 * every system, so that a results folder is accepted or refused the same everywhere.
 *
 * @param path a path
 * @returns its NFC form in lower case (locale-independent)
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fold } from "./paths.ts";
 * assert.equal(fold("Tables/Summary.CSV"), fold("tables/summary.csv"));
 * assert.equal(fold("e\u0301.csv"), fold("\u00e9.csv"));
 * ```
 */
export function fold(path: string): string {
  return path.normalize("NFC").toLowerCase();
}

/** The repository root. */
export const ROOT: string = posixPath(fileURLToPath(new URL("../../", import.meta.url)))
  .replace(/\/$/, "");
/** Committed notebooks. */
export const NOTEBOOKS = `${ROOT}/notebooks`;
/** Committed results. */
export const RESULTS = `${ROOT}/results`;
/** The project's data folder. */
export const DATA = `${ROOT}/data`;
/** Scratch space inside the repository (same file system, so renames are atomic). */
export const SCRATCH = `${ROOT}/.tmp`;

/**
 * The name shared by the lock and the scratch folders of runs on one pair of folders: runs on
 * the same folders exclude each other; runs on other folders (tests' fixtures) do not.
 *
 * @example
 * ```ts
 * import { runKey } from "./paths.ts";
 * runKey("/repo/notebooks", "/repo/results"); // "reproduce-" and 12 hex digits
 * ```
 */
export function runKey(notebooks: string, results: string): string {
  return `reproduce-${sha256(`${notebooks}\0${results}`).slice(0, 12)}`;
}
/**
 * The real path of a folder given on the command line, relative to `cwd`: symbolic links and
 * `.`/`..` resolved in the part that exists, the rest appended. A folder that does not exist yet,
 * reached through a symbolically linked checkout (`/home/me/link/results-new`), is thus named by
 * the path the permission to write (`--allow-write=.`, the real repository) covers.
 *
 * @param path the folder as given
 * @param cwd the folder relative paths start from
 * @returns the absolute, real path, without a trailing `/`
 * @example
 * ```ts
 * import { resolveFolder } from "./paths.ts";
 * const p = resolveFolder("./no-such-folder/x/../y/", "/");
 * if (p !== "/no-such-folder/y") throw new Error(p);
 * ```
 */
export function resolveFolder(path: string, cwd: string): string {
  const abs = posixPath(resolve(cwd, path));
  const rest: string[] = [];
  let head = abs;
  for (;;) {
    try {
      const real = posixPath(Deno.realPathSync(head));
      return [real.replace(/\/$/, ""), ...rest].join("/") || "/";
    } catch {
      const parent = parentFolder(head);
      if (parent === null) return abs;
      rest.unshift(head.slice(head.lastIndexOf("/") + 1));
      head = parent;
    }
  }
}

/**
 * The folder holding a path written with `/` (see {@link posixPath}), its root kept whole: the
 * parent of `/a` is `/`, that of `C:/a` is `C:/` (`C:` alone would be the current folder of drive
 * C on Windows), and a root has none.
 *
 * @param path an absolute path with `/` separators
 * @returns its parent, or `null` for a root (or a path with no `/`)
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parentFolder } from "./paths.ts";
 * assert.equal(parentFolder("/a/b/"), "/a");
 * assert.equal(parentFolder("/a"), "/");
 * assert.equal(parentFolder("C:/results"), "C:/");
 * assert.equal(parentFolder("C:/"), null);
 * assert.equal(parentFolder("/"), null);
 * ```
 */
export function parentFolder(path: string): string | null {
  const p = path.length > 1 && !/^[A-Za-z]:\/$/.test(path) ? path.replace(/\/$/, "") : path;
  const cut = p.lastIndexOf("/");
  if (cut < 0 || p === "/" || /^[A-Za-z]:\/$/.test(p)) return null;
  const head = p.slice(0, cut);
  return head === "" ? "/" : /^[A-Za-z]:$/.test(head) ? `${head}/` : head;
}

/**
 * A path as messages show it: relative to the repository when inside it.
 *
 * @param path an absolute path
 * @returns the path, relative to the repository's root when below it
 * @example
 * ```ts
 * import { ROOT, shown } from "./paths.ts";
 * if (shown(`${ROOT}/results`) !== "results") throw new Error("relative to the repository");
 * if (shown("/elsewhere") !== "/elsewhere") throw new Error("else as it is");
 * ```
 */
export function shown(path: string): string {
  for (const root of new Set([ROOT, resolveFolder(ROOT, "/")])) {
    if (path.startsWith(`${root}/`)) return path.slice(root.length + 1);
  }
  return path;
}

/**
 * The `deno` arguments that run the main job exactly as `deno task reproduce` does (same
 * permissions; a test checks the task says the same), for tests and benchmarks that run it.
 *
 * @example
 * ```ts
 * import { REPRODUCE_ARGS } from "./paths.ts";
 * REPRODUCE_ARGS.at(-1); // "scripts/reproduce.ts"
 * ```
 */
export const REPRODUCE_ARGS: readonly string[] = [
  "run",
  "--allow-read",
  "--allow-write=.",
  "--allow-run=deno,/usr/bin/setpriv",
  "--allow-ffi=node_modules",
  "--allow-net=127.0.0.1",
  "--allow-env",
  "scripts/reproduce.ts",
];
