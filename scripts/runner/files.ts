/**
 * File listing and hashing.
 *
 * @module
 */
import { createHash } from "node:crypto";

/** Every file below `dir`, as paths relative to it, sorted; `[]` if `dir` does not exist. */
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

/** sha256 of bytes, hex. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** sha256 of every file of a tree, combined in path order (a hash of the tree). */
export async function treeHash(dir: string, filter: (p: string) => boolean = () => true) {
  const h = createHash("sha256");
  for (const p of (await listFiles(dir)).filter(filter)) {
    h.update(`${p}\0${sha256(await Deno.readFile(`${dir}/${p}`))}\n`);
  }
  return h.digest("hex");
}
