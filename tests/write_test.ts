/** lib/write.ts: a file is written whole or not at all, and a failed write leaves nothing behind. */
import assert from "node:assert/strict";
import { writeAtomic } from "../lib/write.ts";

Deno.test("writeAtomic: a write that fails (a folder in the way) leaves no temporary file", async () => {
  const dir = await Deno.makeTempDir({ prefix: "write-" });
  try {
    await Deno.mkdir(`${dir}/a.txt`);
    await Deno.writeTextFile(`${dir}/a.txt/inside`, "kept");
    await assert.rejects(() => writeAtomic(`${dir}/a.txt`, "x"));
    assert.deepEqual([...Deno.readDirSync(dir)].map((e) => e.name), ["a.txt"]);
    assert.equal(await Deno.readTextFile(`${dir}/a.txt/inside`), "kept");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
