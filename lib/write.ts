/**
 * Writing a results file so that it is never half-written.
 *
 * @module
 */

/**
 * Writes bytes or text to `path` through a temporary file beside it and a rename: a reader sees
 * the old file or the new one, never a part; when the write fails, the temporary file is removed.
 *
 * @param path The file.
 * @param data Its bytes or text.
 * @returns When written.
 * @example
 * ```ts
 * import { writeAtomic } from "#lib/write.ts";
 * const dir = await Deno.makeTempDir();
 * await writeAtomic(`${dir}/a.txt`, "x");
 * if (await Deno.readTextFile(`${dir}/a.txt`) !== "x") throw new Error("written");
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function writeAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const tmp = `${path}.tmp-${crypto.randomUUID()}`;
  try {
    if (typeof data === "string") await Deno.writeTextFile(tmp, data);
    else await Deno.writeFile(tmp, data);
    await Deno.rename(tmp, path);
  } catch (e) {
    // A write that fails (a full disk, a folder in the way) leaves nothing of its own behind.
    await Deno.remove(tmp).catch(() => {});
    throw e;
  }
}
