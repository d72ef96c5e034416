/**
 * A case notebook no case matches is kept, and the run says how to have it run: the name it
 * suggests is one no notebook of the folder has (scripts/runner/ownership.ts).
 */
import assert from "node:assert/strict";
import { installMoves } from "../scripts/runner/ownership.ts";

/** The lines installMoves prints for a notebooks folder holding `files`, with no job. */
async function keptLines(files: string[]): Promise<string[]> {
  const dir = await Deno.makeTempDir({ prefix: "ownership-test-" });
  try {
    const dirs = { notebooks: `${dir}/notebooks`, results: `${dir}/results` };
    await Deno.mkdir(dirs.notebooks, { recursive: true });
    for (const f of files) await Deno.writeTextFile(`${dirs.notebooks}/${f}`, "{}");
    const { kept } = await installMoves({
      jobs: [],
      dirs,
      work: `${dir}/work`,
      manifest: null,
      foreign: [],
      before: new Map(),
      produced: [],
      shown: (p) => p.slice(dir.length + 1),
    });
    return kept;
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("a kept case notebook's suggested name is not one the folder already has", async () => {
  const suggested = (lines: string[]) => lines.map((l) => l.match(/rename it, e\.g\. (\S+),/)?.[1]);
  assert.deepEqual(suggested(await keptLines(["01-case-draft.ipynb"])), ["05-draft.ipynb"]);
  assert.deepEqual(
    suggested(await keptLines(["01-case-draft.ipynb", "05-draft.ipynb", "05-draft-2.ipynb"])),
    ["05-draft-3.ipynb"],
  );
});
