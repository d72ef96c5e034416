/**
 * Paths typed after `deno task <name>`: `deno task` runs its command in the project's folder, and
 * sets `INIT_CWD` to the folder the task was typed in, so a relative path is taken from there.
 *
 * @module
 */
import { isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The project's folder: where `deno task` runs its commands (the folder of `deno.json`). */
export const PROJECT: string = resolve(fileURLToPath(new URL("../", import.meta.url)));

/**
 * A path typed after `deno task <name>`, as a path from the command's folder. A relative path is
 * taken from `INIT_CWD` when the command runs in the project's folder (as under `deno task`) and
 * may read that variable without asking; otherwise (a plain `deno run` elsewhere, an `INIT_CWD`
 * inherited from another task, no permission to read it) it is taken as typed.
 *
 * @param path The path as typed.
 * @param env Where to read `INIT_CWD` and the current folder (default: this process).
 * @returns The path to use.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { PROJECT, typedPath } from "./typed_path.ts";
 * assert.equal(typedPath("/data"), "/data");
 * const under = { initCwd: "/home/me/study", cwd: PROJECT };
 * assert.equal(typedPath("mydata", under), "/home/me/study/mydata");
 * assert.equal(typedPath("mydata", { ...under, cwd: "/elsewhere" }), "mydata");
 * ```
 */
export function typedPath(
  path: string,
  env: { initCwd: string | undefined; cwd: string | undefined } = processEnv(),
): string {
  const { initCwd, cwd } = env;
  if (isAbsolute(path) || initCwd === undefined || initCwd === "" || cwd === undefined) {
    return path;
  }
  return resolve(cwd) === PROJECT ? resolve(initCwd, path) : path;
}

/** This process's `INIT_CWD` (when it may read it without asking) and current folder. */
function processEnv(): { initCwd: string | undefined; cwd: string | undefined } {
  let initCwd: string | undefined;
  let cwd: string | undefined;
  try {
    if (Deno.permissions.querySync({ name: "env", variable: "INIT_CWD" }).state === "granted") {
      initCwd = Deno.env.get("INIT_CWD");
    }
    cwd = Deno.cwd();
  } catch {
    // no access to the current folder: a path as typed
  }
  return { initCwd, cwd };
}
