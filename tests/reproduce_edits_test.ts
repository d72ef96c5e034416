/**
 * A run never discards a user's work in the notebooks folder: a case notebook whose cells were
 * edited since a run wrote it is refused, naming it (a re-run only changes outputs, and is not);
 * scripts/runner/ownership.ts and scripts/runner/edited.ts.
 */
import assert from "node:assert/strict";
import { listFiles } from "../scripts/runner/files.ts";
import { forgetRunsUnder } from "../scripts/runner/state.ts";
import { CASE_TEMPLATE, notebook, tree, writes } from "./helpers/notebook.ts";
import { removeScratch, reproduce, scratch, withFixture } from "./helpers/reproduce_scratch.ts";

/** Runs a test in a scratch folder whose notebooks folder holds only the case template. */
async function withTemplate(test: (dir: string) => Promise<void>): Promise<void> {
  const dir = await scratch();
  try {
    await Deno.mkdir(`${dir}/notebooks/templates`, { recursive: true });
    await Deno.writeTextFile(`${dir}/notebooks/templates/case.ipynb`, CASE_TEMPLATE);
    await test(dir);
  } finally {
    await removeScratch(dir);
  }
}

Deno.test("reproduce refuses to write over a case notebook with cells added since a run wrote it, with or without a record of that run", async () => {
  await withTemplate(async (dir) => {
    let r = await reproduce(`${dir}/notebooks`, `${dir}/results`);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const { name, path, text } = await caseNotebook(dir);
    await addOwnCell(path, text);
    const before = await tree(dir);
    for (const fresh of [false, true]) {
      // fresh: as on a fresh clone, this machine has no record of the run that wrote them.
      if (fresh) await forgetRunsUnder(dir);
      r = await reproduce(`${dir}/notebooks`, `${dir}/results`);
      assert.equal(r.code, 1, r.stdout + r.stderr);
      assert.match(
        r.stderr,
        new RegExp(
          `^error: \\.tmp/safety-[^/]+/notebooks/${name.replaceAll(".", "\\.")} was edited since ` +
            "a run wrote it \\(cell 3 differs from what this run writes\\): move your cells to templates/case\\.ipynb .*" +
            "or a notebook of your own \\(e\\.g\\. 05-.*\\), or delete the file; nothing was changed$",
          "m",
        ),
      );
      assert.doesNotMatch(r.stdout, /\[1\//, "refused before any notebook ran");
      assert.deepEqual(await tree(dir), before, "nothing changed");
    }
  });
});

Deno.test("reproduce writes over a case notebook whose outputs only changed (Run All in Jupyter)", async () => {
  await withTemplate(async (dir) => {
    let r = await reproduce(`${dir}/notebooks`, `${dir}/results`);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const name = (await listFiles(`${dir}/notebooks`)).find((p) => /^01-case-.*\.ipynb$/.test(p))!;
    const path = `${dir}/notebooks/${name}`;
    const written = await Deno.readTextFile(path);
    const nb = JSON.parse(written);
    for (const c of nb.cells) {
      c.execution_count = 7;
      c.outputs = [{ output_type: "stream", name: "stdout", text: "run again\n" }];
      c.metadata.scrolled = true;
    }
    await Deno.writeTextFile(path, JSON.stringify(nb, null, 1));
    for (const fresh of [false, true]) {
      if (fresh) {
        await forgetRunsUnder(dir);
        await Deno.writeTextFile(path, JSON.stringify(nb, null, 1));
      }
      r = await reproduce(`${dir}/notebooks`, `${dir}/results`);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.equal(await Deno.readTextFile(path), written, "written again by the run");
    }
  });
});

Deno.test("reproduce writes the case notebooks again after the template changed (no cell of the user's)", async () => {
  await withTemplate(async (dir) => {
    let r = await reproduce(`${dir}/notebooks`, `${dir}/results`);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const template = JSON.parse(CASE_TEMPLATE);
    template.cells[1].source = "`case ${caseId}`";
    await Deno.writeTextFile(`${dir}/notebooks/templates/case.ipynb`, JSON.stringify(template));
    for (const fresh of [false, true]) {
      if (fresh) await forgetRunsUnder(dir);
      r = await reproduce(`${dir}/notebooks`, `${dir}/results`);
      assert.equal(r.code, 0, r.stdout + r.stderr);
    }
    const name = (await listFiles(`${dir}/notebooks`)).find((p) => /^01-case-.*\.ipynb$/.test(p))!;
    assert.match(await Deno.readTextFile(`${dir}/notebooks/${name}`), /case \$\{caseId\}/);
  });
});

/** The one case notebook of the folder, its path and its text. */
async function caseNotebook(dir: string): Promise<{ name: string; path: string; text: string }> {
  const name = (await listFiles(`${dir}/notebooks`)).find((p) => /^01-case-.*\.ipynb$/.test(p))!;
  const path = `${dir}/notebooks/${name}`;
  return { name, path, text: await Deno.readTextFile(path) };
}

/** Adds a code cell of the user's own to the notebook at `path` (its text `text`), as Jupyter saves it. */
async function addOwnCell(path: string, text: string): Promise<void> {
  const nb = JSON.parse(text);
  nb.cells.push({
    cell_type: "code",
    id: "mine",
    metadata: {},
    source: "1 + 1",
    execution_count: null,
    outputs: [],
  });
  await Deno.writeTextFile(path, JSON.stringify(nb, null, 1));
}

/** Writes the template with its second cell's source changed. */
async function changeTemplate(dir: string): Promise<void> {
  const template = JSON.parse(CASE_TEMPLATE);
  template.cells[1].source = "`case ${caseId}`";
  await Deno.writeTextFile(`${dir}/notebooks/templates/case.ipynb`, JSON.stringify(template));
}

Deno.test("with no manifest, a changed template is no edit: the case notebook is written again, its old file kept and named", async () => {
  await withTemplate(async (dir) => {
    let r = await reproduce(`${dir}/notebooks`, `${dir}/results`);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const old = await caseNotebook(dir);
    await changeTemplate(dir);
    await Deno.remove(`${dir}/results`, { recursive: true });
    r = await reproduce(`${dir}/notebooks`, `${dir}/results`);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const now = await caseNotebook(dir);
    assert.match(now.text, /case \$\{caseId\}/, "written from the new template");
    const keptAs = `previous-${old.name}`;
    assert.equal(await Deno.readTextFile(`${dir}/notebooks/${keptAs}`), old.text, "old file kept");
    // One line for each case notebook kept, naming where.
    const lines = r.stdout.split("\n").filter((l) => l.includes(`/notebooks/${old.name} as `));
    assert.equal(lines.length, 1, r.stdout);
    assert.match(lines[0], /^kept the previous /);
    assert.ok(lines[0].includes(`/notebooks/${keptAs}: `), lines[0]);
    // With the manifest this run wrote, the next run has a record: nothing more is kept.
    r = await reproduce(`${dir}/notebooks`, `${dir}/results`);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.doesNotMatch(r.stdout, /^kept the previous /m);
    assert.match(r.stdout, /^skipped .*\/previous-01-case-[^ ]*: not named NN-<name>\.ipynb/m);
  });
});

Deno.test("with a manifest that records no source for a case notebook (an older manifest), a changed template is no edit either", async () => {
  await withTemplate(async (dir) => {
    let r = await reproduce(`${dir}/notebooks`, `${dir}/results`);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const old = await caseNotebook(dir);
    await changeTemplate(dir);
    const manifestPath = `${dir}/results/manifest.json`;
    const manifest = JSON.parse(await Deno.readTextFile(manifestPath));
    for (const name of Object.keys(manifest.notebooks)) {
      if (name.startsWith("01-case-")) delete manifest.notebooks[name];
    }
    await Deno.writeTextFile(manifestPath, JSON.stringify(manifest, null, 1) + "\n");
    r = await reproduce(`${dir}/notebooks`, `${dir}/results`);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match((await caseNotebook(dir)).text, /case \$\{caseId\}/);
    assert.equal(await Deno.readTextFile(`${dir}/notebooks/previous-${old.name}`), old.text);
  });
});

Deno.test("a tag added to a case notebook's cell (hide-input) is an edit: refused, as the source hash counts tags", async () => {
  await withTemplate(async (dir) => {
    let r = await reproduce(`${dir}/notebooks`, `${dir}/results`);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const { path, text } = await caseNotebook(dir);
    const nb = JSON.parse(text);
    nb.cells[1].metadata.tags = ["hide-input"];
    await Deno.writeTextFile(path, JSON.stringify(nb, null, 1));
    const before = await tree(dir);
    r = await reproduce(`${dir}/notebooks`, `${dir}/results`);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stderr, /was edited since a run wrote it \(cell 2 differs from what this run/);
    assert.deepEqual(await tree(dir), before, "nothing changed");
  });
});

Deno.test("a changed template and a cell of the user's: refused, the message naming a cell that differs from what this run writes", async () => {
  await withTemplate(async (dir) => {
    let r = await reproduce(`${dir}/notebooks`, `${dir}/results`);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const { path, text } = await caseNotebook(dir);
    await addOwnCell(path, text);
    await changeTemplate(dir);
    const before = await tree(dir);
    r = await reproduce(`${dir}/notebooks`, `${dir}/results`);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    // Cell 2 is the template's changed cell: the message says what it compares with.
    assert.match(
      r.stderr,
      /was edited since a run wrote it \(cell 2 differs from what this run writes\)/,
    );
    assert.deepEqual(await tree(dir), before, "nothing changed");
  });
});

Deno.test("a run that executes nothing lists every file it removes (the results of a notebook one deleted)", async () => {
  await withFixture(async (dir) => {
    await Deno.writeTextFile(
      `${dir}/notebooks/02-b.ipynb`,
      notebook([writes("tables/b.csv", "y\n2\n"), '"b"']),
    );
    let r = await reproduce(`${dir}/notebooks`, `${dir}/results`);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    await Deno.remove(`${dir}/notebooks/02-b.ipynb`);
    r = await reproduce(`${dir}/notebooks`, `${dir}/results`);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^nothing executed: .*; removed 2 files \(listed above\)$/m);
    const removed = [
      ...r.stdout.matchAll(/^removed (\S+): a run wrote it, and this one does not$/gm),
    ]
      .map((m) => m[1].replace(/^\.tmp\/safety-[^/]+\//, "")).sort();
    assert.deepEqual(removed, ["results/html/02-b.html", "results/tables/b.csv"]);
    assert.deepEqual(Object.keys(await tree(`${dir}/results`)).sort(), [
      "html/00-a.html",
      "manifest.json",
      "tables/a.csv",
    ]);
  });
});

Deno.test("a notebook not named NN-<name>.ipynb (Jupyter's Untitled.ipynb) is not run or published, and the run says so", async () => {
  await withFixture(async (dir) => {
    // It would fail the run if it ran.
    await Deno.writeTextFile(
      `${dir}/notebooks/Untitled.ipynb`,
      notebook([writes("tables/u.csv", "z\n3\n"), 'throw new Error("scratch")']),
    );
    const r = await reproduce(`${dir}/notebooks`, `${dir}/results`);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(
      r.stdout,
      /^skipped \.tmp\/safety-[^/]+\/notebooks\/Untitled\.ipynb: not named NN-<name>\.ipynb: not run, not published; rename it to publish it$/m,
    );
    assert.deepEqual(Object.keys(await tree(`${dir}/results`)).sort(), [
      "html/00-a.html",
      "manifest.json",
      "tables/a.csv",
    ]);
    const manifest = await Deno.readTextFile(`${dir}/results/manifest.json`);
    assert.doesNotMatch(manifest, /Untitled/);
    assert.ok((await Deno.stat(`${dir}/notebooks/Untitled.ipynb`)).isFile, "kept as it is");
  });
});
