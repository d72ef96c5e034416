/**
 * On a file system that ignores case (macOS and Windows by default), `01-case-a.ipynb` and
 * `01-case-A.ipynb` are one file, as are `tables/Summary.csv` and `tables/summary.csv`. Linux
 * cannot make such a folder here, so one file under two names is made with a hard link, which is
 * what such a file system shows a program: two names, one file.
 */
import assert from "node:assert/strict";
import { sha256 } from "../scripts/runner/files.ts";
import { collect, type Manifest } from "../scripts/runner/manifest.ts";
import { collisions, fileState, installMoves } from "../scripts/runner/ownership.ts";

/** The moves that remove a file (a case notebook whose case is gone). */
async function removals(link: boolean): Promise<string[]> {
  const dir = await Deno.makeTempDir({ prefix: "case-insensitive-test-" });
  try {
    const dirs = { notebooks: `${dir}/notebooks`, results: `${dir}/results` };
    const work = `${dir}/work`;
    for (const d of [dirs.notebooks, `${work}/notebooks`, `${work}/results`]) {
      await Deno.mkdir(d, { recursive: true });
    }
    // A run wrote case `a`'s notebook; the case is now `A`. (Notebooks with the same cells: a
    // case notebook edited since a run wrote it is refused.)
    const [old, written] = ["old", "new"].map((v) =>
      JSON.stringify({ cells: [], metadata: { v } })
    );
    await Deno.writeTextFile(`${dirs.notebooks}/01-case-a.ipynb`, old);
    if (link) {
      await Deno.link(`${dirs.notebooks}/01-case-a.ipynb`, `${dirs.notebooks}/01-case-A.ipynb`);
    }
    await Deno.writeTextFile(`${work}/notebooks/01-case-A.ipynb`, written);
    const manifest: Manifest = {
      deno: "",
      denoPinned: "",
      notebooks: {},
      files: [{ path: "notebooks/01-case-a.ipynb", sha256: sha256(old) }],
    };
    const job = "01-case-A.ipynb";
    const { moves } = await installMoves({
      jobs: [job],
      dirs,
      work,
      manifest,
      foreign: [],
      before: new Map([[job, await fileState(`${dirs.notebooks}/${job}`)]]),
      produced: [],
      shown: (p) => p.slice(dir.length + 1),
    });
    return moves.filter((m) => m.from === null).map((m) => m.to.slice(dir.length + 1));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("a case notebook that is the new one under another case is not removed", async () => {
  // Where the names are two files (Linux), the old notebook is the run's and is removed...
  assert.deepEqual(await removals(false), ["notebooks/01-case-a.ipynb"]);
  // ... where they are one file, removing it would remove the notebook just installed.
  assert.deepEqual(await removals(true), []);
});

Deno.test("a file no run wrote is in the way of an output that differs from it only in case", () => {
  const file = (path: string) => ({ path, kind: "file" as const });
  assert.deepEqual(collisions([file("tables/Summary.csv")], ["tables/summary.csv"]), [
    "tables/Summary.csv",
  ]);
  assert.deepEqual(collisions([{ path: "Tables", kind: "link" }], ["tables/a.csv"]), ["Tables"]);
  // macOS also ignores Unicode normalisation: é as one code point or as e and an accent.
  assert.deepEqual(collisions([file("caf\u00e9.csv")], ["cafe\u0301.csv"]), ["caf\u00e9.csv"]);
  assert.deepEqual(collisions([file("tables/notes.csv")], ["tables/summary.csv"]), []);
});

Deno.test("two notebooks writing results whose paths differ only in case are refused", async () => {
  const dir = await Deno.makeTempDir({ prefix: "case-insensitive-test-" });
  try {
    for (
      const [nb, file] of [["a.ipynb", "tables/Summary.csv"], ["b.ipynb", "tables/summary.csv"]]
    ) {
      await Deno.mkdir(`${dir}/out/${nb}/tables`, { recursive: true });
      await Deno.writeTextFile(`${dir}/out/${nb}/${file}`, nb);
    }
    const owner = new Map<string, string>();
    await collect("a.ipynb", `${dir}/out/a.ipynb`, `${dir}/results`, owner);
    await assert.rejects(
      () => collect("b.ipynb", `${dir}/out/b.ipynb`, `${dir}/results`, owner),
      /^Error: b\.ipynb writes results\/tables\/summary\.csv and a\.ipynb writes results\/tables\/Summary\.csv: one file on macOS and Windows/,
    );
    // The first notebook's file is as it wrote it.
    assert.equal(await Deno.readTextFile(`${dir}/results/tables/Summary.csv`), "a.ipynb");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("two notebooks writing one result are refused with what to do (a copied notebook)", async () => {
  const dir = await Deno.makeTempDir({ prefix: "same-result-test-" });
  try {
    for (const nb of ["20-claims.ipynb", "50-copy.ipynb"]) {
      await Deno.mkdir(`${dir}/out/${nb}/tables`, { recursive: true });
      await Deno.writeTextFile(`${dir}/out/${nb}/tables/claims.csv`, nb);
    }
    const owner = new Map<string, string>();
    await collect("20-claims.ipynb", `${dir}/out/20-claims.ipynb`, `${dir}/results`, owner);
    await assert.rejects(
      () => collect("50-copy.ipynb", `${dir}/out/50-copy.ipynb`, `${dir}/results`, owner),
      /^Error: 50-copy\.ipynb and 20-claims\.ipynb both write results\/tables\/claims\.csv: each table and figure a notebook saves needs a name of its own/,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
