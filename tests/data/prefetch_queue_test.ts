/**
 * The queue of lib/data/prefetch.ts under calls that overlap: every `take` settles, whatever the
 * order its calls are made in ("Each table is taken once": a second take gets null, it does not
 * wait forever).
 */
import assert from "node:assert/strict";
import { Prefetch } from "../../lib/data/prefetch.ts";
import { DEFAULT_DATA_DIR } from "../../lib/mod.ts";

Deno.test("a table the worker is parsing, taken twice at once: both takes settle", async () => {
  const dir = DEFAULT_DATA_DIR;
  const p = new Prefetch(dir, dir, ["observations"], 0);
  let first: "pending" | "settled" = "pending";
  const a = p.take("observations").finally(() => first = "settled");
  const b = p.take("observations");
  try {
    const got = await b;
    // Both waited for the same message; one turn of the event loop lets the first resume.
    await new Promise((r) => setTimeout(r, 0));
    // Today the second take replaces the first's resolver (#arrived): the first never settles,
    // even after close().
    p.close();
    await new Promise((r) => setTimeout(r, 0));
    assert.equal(first, "settled");
    const tables = [await a, got];
    assert.equal(tables.filter((t) => t !== null).length, 1, "the table is taken once");
  } finally {
    p.close();
  }
});
