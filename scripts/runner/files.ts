/**
 * File listing, hashing, the manifest, and byte-for-byte comparison of two trees.
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
export function sha256(bytes: Uint8Array): string {
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

/** First differing cell of two notebooks (by index), or a note on their metadata. */
function firstDifferentCell(a: string, b: string): string {
  try {
    const x = JSON.parse(a);
    const y = JSON.parse(b);
    const n = Math.max(x.cells.length, y.cells.length);
    for (let i = 0; i < n; i++) {
      if (JSON.stringify(x.cells[i]) !== JSON.stringify(y.cells[i])) return `cell ${i}`;
    }
    return "notebook metadata or formatting";
  } catch {
    return "not valid JSON";
  }
}

/**
 * Compares the files of `expected` and `actual` (same relative paths) byte for byte; returns a
 * description of the first difference, or `null` when identical.
 */
export async function firstDifference(
  expected: Map<string, string>,
  actual: Map<string, string>,
): Promise<string | null> {
  const names = [...new Set([...expected.keys(), ...actual.keys()])].sort();
  for (const name of names) {
    const e = expected.get(name);
    const a = actual.get(name);
    if (e === undefined) return `${name}: produced by the run but not committed`;
    if (a === undefined) return `${name}: committed but not produced by the run`;
    const eb = await Deno.readFile(e);
    const ab = await Deno.readFile(a);
    if (eb.length === ab.length && eb.every((v, i) => v === ab[i])) continue;
    if (name.endsWith(".ipynb")) {
      const where = firstDifferentCell(new TextDecoder().decode(eb), new TextDecoder().decode(ab));
      return `${name}: differs at ${where}`;
    }
    return `${name}: differs`;
  }
  return null;
}
