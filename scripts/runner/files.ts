/**
 * File listing and hashing.
 *
 * @module
 */
import { createHash } from "node:crypto";

/**
 * Every file below a folder.
 *
 * @param dir the folder
 * @param prefix a subfolder to start from (used when recursing)
 * @returns paths relative to `dir`, sorted; `[]` if `dir` does not exist
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { listFiles } from "./files.ts";
 * assert.deepEqual(await listFiles("/tmp/no/such/folder"), []);
 * ```
 */
export async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  try {
    for await (const e of Deno.readDir(`${dir}/${prefix}`)) {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory) out.push(...await listFiles(dir, rel));
      else if (e.isFile) out.push(rel);
    }
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  return out.sort();
}

/**
 * sha256 of bytes or text.
 *
 * @param bytes what to hash
 * @returns the hash in hex
 * @example
 * ```ts
 * import { sha256 } from "./files.ts";
 * sha256("").slice(0, 8); // "e3b0c442"
 * ```
 */
export function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * A hash of a tree: sha256 of every file's path and hash, in path order.
 *
 * @param dir the folder
 * @param filter which relative paths count
 * @returns the hash in hex
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { treeHash } from "./files.ts";
 * assert.equal(await treeHash("/tmp/no/such/folder"), await treeHash("/tmp/no/other/folder"));
 * ```
 */
export async function treeHash(dir: string, filter: (p: string) => boolean = () => true) {
  const h = createHash("sha256");
  for (const p of (await listFiles(dir)).filter(filter)) {
    h.update(`${p}\0${sha256(await Deno.readFile(`${dir}/${p}`))}\n`);
  }
  return h.digest("hex");
}
