/**
 * `reproduce` deletes only what it wrote: a folder holding other files is refused, files no run
 * wrote are kept, a kill -9 during the installation is undone by the next run, paths read from the
 * manifest stay inside their folders (symbolic links: reproduce_symlink_test.ts). Each case
 * failed before the fix (data deleted, notes lost, backup removed, a file read through a link).
 */
import assert from "node:assert/strict";
import { listFiles, sha256 } from "../scripts/runner/files.ts";
import { diskFullMessage, installAll, recoverInstall } from "../scripts/runner/install.ts";
import { isOutputName } from "../scripts/runner/manifest.ts";
import { collisions, entries } from "../scripts/runner/ownership.ts";
import { ROOT, runKey } from "../scripts/runner/paths.ts";
import { CASE_TEMPLATE, notebook, tree, writes } from "./helpers/notebook.ts";
import {
  fixture,
  removeScratch,
  reproduce,
  scratch,
  symlink,
  withFixture,
} from "./helpers/reproduce_scratch.ts";

Deno.test("reproduce refuses a --results folder holding files no run wrote (data/, docs/), naming them, and changes nothing", async () => {
  await withFixture(async (dir) => {
    await Deno.mkdir(`${dir}/data/sources`, { recursive: true });
    await Deno.writeTextFile(`${dir}/data/cases.csv`, "case_id\n1\n");
    await Deno.writeTextFile(`${dir}/data/sources/a.txt`, "text");
    await Deno.mkdir(`${dir}/docs`);
    await Deno.writeTextFile(`${dir}/docs/literature.md`, "# Literature\n");
    const notebookBefore = await tree(`${dir}/notebooks`);
    for (
      const [folder, files] of [["data", "cases.csv, sources/a.txt"], ["docs", "literature.md"]]
    ) {
      const before = await tree(`${dir}/${folder}`);
      const r = await reproduce(`${dir}/notebooks`, `${dir}/${folder}`);
      assert.equal(r.code, 1, r.stdout + r.stderr);
      assert.match(
        r.stderr,
        new RegExp(
          `^error: \\.tmp/safety-[^/]+/${folder} holds files that no run of reproduce wrote .*: ` +
            `${files.replaceAll(".", "\\.")}\\. .*nothing was changed$`,
          "m",
        ),
      );
      assert.doesNotMatch(r.stdout, /\[1\//, "no notebook ran");
      assert.deepEqual(await tree(`${dir}/${folder}`), before, `${folder} untouched`);
      assert.deepEqual(await tree(`${dir}/notebooks`), notebookBefore);
    }
  });
});

Deno.test("reproduce keeps files no run wrote in its results folder, and refuses to write over one", async () => {
  await withFixture(async (dir) => {
    let r = await reproduce(`${dir}/notebooks`, `${dir}/results`);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    await Deno.writeTextFile(`${dir}/results/my-notes.txt`, "mine");
    await Deno.mkdir(`${dir}/results/drafts`);
    r = await reproduce(`${dir}/notebooks`, `${dir}/results`, "--force");
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(
      r.stdout,
      /^kept \.tmp\/safety-[^/]+\/results\/my-notes\.txt: not written by a run$/m,
    );
    assert.equal(await Deno.readTextFile(`${dir}/results/my-notes.txt`), "mine");
    assert.ok((await Deno.stat(`${dir}/results/drafts`)).isDirectory, "an empty folder is kept");
    const manifest = JSON.parse(await Deno.readTextFile(`${dir}/results/manifest.json`));
    assert.ok(!manifest.files.some((f: { path: string }) => f.path.includes("my-notes")));

    // A file of one's own where the run writes: refused, nothing changed.
    await Deno.remove(`${dir}/results/tables`, { recursive: true });
    await Deno.writeTextFile(`${dir}/results/tables`, "a file where the run needs a folder");
    const before = await tree(`${dir}/results`);
    r = await reproduce(`${dir}/notebooks`, `${dir}/results`, "--force");
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stderr, /results holds tables, which no run wrote .*nothing was changed$/m);
    assert.deepEqual(await tree(`${dir}/results`), before);
  });
});

Deno.test("reproduce keeps files added to its results folder while it ran", async () => {
  await withFixture(async (dir) => {
    const results = `${dir}/results`;
    let r = await reproduce(`${dir}/notebooks`, results);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    // The notebook saves notes into the results folder while it runs, as a user would meanwhile.
    await Deno.writeTextFile(
      `${dir}/notebooks/00-a.ipynb`,
      notebook([
        writes("tables/a.csv", "x\n1\n"),
        `await Deno.mkdir(${JSON.stringify(`${results}/mine`)});` +
        `await Deno.writeTextFile(${JSON.stringify(`${results}/mine/notes.txt`)}, "mine");`,
      ]),
    );
    r = await reproduce(`${dir}/notebooks`, results);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(await Deno.readTextFile(`${results}/mine/notes.txt`), "mine", "kept");
    assert.match(
      r.stdout,
      /^kept \.tmp\/safety-[^/]+\/results\/mine\/notes\.txt: not written by a run$/m,
    );
    assert.ok((await Deno.stat(`${results}/tables/a.csv`)).isFile, "the run's results installed");
  });
});

Deno.test("reproduce refuses a --notebooks folder with no notebook (a typo), and the results stay", async () => {
  await withFixture(async (dir) => {
    const results = `${dir}/results`;
    let r = await reproduce(`${dir}/notebooks`, results);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const before = await tree(results);
    await Deno.mkdir(`${dir}/empty`);
    for (const folder of ["notebook", "empty"]) {
      r = await reproduce(`${dir}/${folder}`, results);
      assert.equal(r.code, 1, r.stdout + r.stderr);
      assert.match(
        r.stderr,
        new RegExp(
          `^error: \\.tmp/safety-[^/]+/${folder} holds no notebook to run\\b.*check --notebooks.*nothing was changed$`,
          "m",
        ),
      );
      assert.deepEqual(await tree(results), before, "the results are as they were");
    }
  });
});

Deno.test("reproduce writes into an empty folder left where it writes its results (files removed by hand)", async () => {
  await withFixture(async (dir) => {
    const results = `${dir}/results`;
    let r = await reproduce(`${dir}/notebooks`, results);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    await Deno.remove(`${results}/tables/a.csv`);
    r = await reproduce(`${dir}/notebooks`, results);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(await Deno.readTextFile(`${results}/tables/a.csv`), "x\n1\n");
    assert.doesNotMatch(r.stdout, /^kept /m, "the folder is the run's own");
  });
});

Deno.test("reproduce names a --results folder outside the repository as such (not a missing --allow-write flag)", async () => {
  const dir = await scratch();
  const outside = await Deno.makeTempDir({ prefix: "outside-results-" });
  try {
    await fixture(dir);
    for (const results of [outside, `${outside}/new`]) {
      const r = await reproduce(`${dir}/notebooks`, results);
      assert.equal(r.code, 1, r.stdout + r.stderr);
      assert.match(
        r.stderr,
        new RegExp(
          `^error: ${results} is outside the repository, where deno task reproduce may not ` +
            "write: choose a folder inside it; nothing was changed$",
          "m",
        ),
      );
      assert.doesNotMatch(r.stderr, /allow-write/);
    }
    assert.deepEqual([...Deno.readDirSync(outside)], [], "nothing written there");
  } finally {
    await Deno.remove(outside, { recursive: true });
    await removeScratch(dir);
  }
});

Deno.test("reproduce refuses to write over a notebook saved while it ran (the edit is kept)", async () => {
  const dir = await scratch();
  try {
    await Deno.mkdir(`${dir}/notebooks`);
    const path = `${dir}/notebooks/00-a.ipynb`;
    // The notebook saves a new version of itself while it runs, as an editor's autosave would.
    const edited = notebook(['"the version saved meanwhile"']);
    await Deno.writeTextFile(
      path,
      notebook([`await Deno.writeTextFile(${JSON.stringify(path)}, ${JSON.stringify(edited)});`]),
    );
    const r = await reproduce(`${dir}/notebooks`, `${dir}/results`);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(
      r.stderr,
      /^error: \.tmp\/safety-[^/]+\/notebooks\/00-a\.ipynb changed while the run was going .*nothing was changed$/m,
    );
    assert.equal(await Deno.readTextFile(path), edited, "the edit is kept");
    assert.equal(await Deno.lstat(`${dir}/results`).catch(() => null), null, "nothing written");
  } finally {
    await removeScratch(dir);
  }
});

Deno.test("reproduce keeps a case notebook no case matches unless it wrote it, unchanged", async () => {
  const dir = await scratch();
  try {
    await Deno.mkdir(`${dir}/notebooks/templates`, { recursive: true });
    await Deno.writeTextFile(`${dir}/notebooks/templates/case.ipynb`, CASE_TEMPLATE);
    const draft = notebook(['"my draft"']);
    await Deno.writeTextFile(`${dir}/notebooks/01-case-draft.ipynb`, draft);
    let r = await reproduce(`${dir}/notebooks`, `${dir}/results`);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(
      r.stdout,
      /^kept \.tmp\/safety-[^/]+\/notebooks\/01-case-draft\.ipynb: no case in the data has its id, and no run wrote it/m,
    );
    // It says why it was not run, and how to have it run.
    assert.match(
      r.stdout,
      /01-case-draft\.ipynb: .*; not run: the 01-case- prefix is reserved for the case notebooks .*rename it, e\.g\. 05-draft\.ipynb, to have it run/m,
    );
    assert.equal(await Deno.readTextFile(`${dir}/notebooks/01-case-draft.ipynb`), draft);

    // A case notebook a run wrote, for a case that is gone: removed when unchanged, else kept.
    const cases = (await listFiles(`${dir}/notebooks`)).filter((p) =>
      /^01-case-.*\.ipynb$/.test(p) && p !== "01-case-draft.ipynb"
    );
    assert.ok(cases.length > 0);
    const text = await Deno.readTextFile(`${dir}/notebooks/${cases[0]}`);
    const manifest = JSON.parse(await Deno.readTextFile(`${dir}/results/manifest.json`));
    for (const [name, content] of [["01-case-gone", text], ["01-case-edited", text]]) {
      await Deno.writeTextFile(`${dir}/notebooks/${name}.ipynb`, content);
      manifest.files.push({ path: `notebooks/${name}.ipynb`, sha256: sha256(content) });
    }
    await Deno.writeTextFile(`${dir}/results/manifest.json`, JSON.stringify(manifest));
    await Deno.writeTextFile(`${dir}/notebooks/01-case-edited.ipynb`, text + " ");
    r = await reproduce(`${dir}/notebooks`, `${dir}/results`);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(await Deno.lstat(`${dir}/notebooks/01-case-gone.ipynb`).catch(() => null), null);
    assert.equal(await Deno.readTextFile(`${dir}/notebooks/01-case-edited.ipynb`), text + " ");
    assert.match(r.stdout, /01-case-edited\.ipynb: .*it was changed since a run wrote it$/m);
    assert.equal(await Deno.readTextFile(`${dir}/notebooks/01-case-draft.ipynb`), draft);
  } finally {
    await removeScratch(dir);
  }
});

/** Runs `installAll` in a process that SIGKILLs itself after rename `killAt`. */
async function killedInstall(moves: unknown, backup: string, killAt: number) {
  const out = await new Deno.Command("deno", {
    args: [
      "run",
      "-A",
      `${ROOT}/tests/helpers/kill_install.ts`,
      JSON.stringify({
        moves,
        backup,
        killAt,
      }),
    ],
    stdout: "piped",
    stderr: "piped",
  }).output();
  return out;
}

Deno.test("installAll killed (SIGKILL) after any rename: recoverInstall puts every path back", async () => {
  const dir = await Deno.makeTempDir({ prefix: "install-kill-test-" });
  try {
    // As reproduce installs: a notebook replaced, one removed, a file no run wrote carried into
    // the new results folder, the results folder replaced.
    const setup = async () => {
      await removeScratch(dir);
      for (const d of ["nb", "old/sub", "work/nb", "work/results/sub"]) {
        await Deno.mkdir(`${dir}/${d}`, { recursive: true });
      }
      for (
        const [p, t] of [
          ["nb/a.ipynb", "old a"],
          ["nb/01-case-gone.ipynb", "gone"],
          ["old/r.csv", "old r"],
          ["old/sub/notes.txt", "mine"],
          ["work/nb/a.ipynb", "new a"],
          ["work/results/r.csv", "new r"],
        ]
      ) await Deno.writeTextFile(`${dir}/${p}`, t);
      return await tree(dir);
    };
    const moves = [
      { from: `${dir}/work/nb/a.ipynb`, to: `${dir}/nb/a.ipynb` },
      { from: null, to: `${dir}/nb/01-case-gone.ipynb` },
      { from: `${dir}/old/sub/notes.txt`, to: `${dir}/work/results/sub/notes.txt` },
      { from: `${dir}/work/results`, to: `${dir}/old` },
    ];
    // 2 + 1 + 1 + 2 renames.
    for (let killAt = 1; killAt <= 6; killAt++) {
      await Deno.mkdir(dir, { recursive: true });
      const before = await setup();
      const out = await killedInstall(moves, `${dir}/work/backup`, killAt);
      assert.equal(out.signal, "SIGKILL", new TextDecoder().decode(out.stderr));
      if (killAt === 5) {
        assert.equal(await Deno.lstat(`${dir}/old`).catch(() => null), null, "results missing");
      }
      const r = await recoverInstall(`${dir}/work/backup`);
      assert.equal(r.state, "undone", `kill after rename ${killAt}`);
      const after = await tree(dir);
      for (const [p, h] of Object.entries(before)) {
        assert.equal(after[p], h, `kill after rename ${killAt}: ${p} as before`);
      }
      assert.equal((await recoverInstall(`${dir}/work/backup`)).state, "none", "journal gone");
    }
    // Not killed: finished, and the backup holds only what was replaced.
    await setup();
    await installAll(moves, `${dir}/work/backup`);
    assert.equal((await recoverInstall(`${dir}/work/backup`)).state, "finished");
    assert.equal(await Deno.readTextFile(`${dir}/old/sub/notes.txt`), "mine");
  } finally {
    await removeScratch(dir);
  }
});

Deno.test("reproduce after a kill -9 that left results/ missing: puts it back from the backup before anything else", async () => {
  await withFixture(async (dir) => {
    const notebooks = `${dir}/notebooks`;
    const results = `${dir}/results`;
    let r = await reproduce(notebooks, results);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    await Deno.writeTextFile(`${results}/my-notes.txt`, "the only copy");
    const before = await tree(results);

    // A run of these folders killed after moving results/ aside (its scratch folder as
    // reproduce names it), before putting the new one in place.
    const work = `${ROOT}/.tmp/${runKey(notebooks, results)}-killed`;
    await Deno.mkdir(`${work}/results/tables`, { recursive: true });
    await Deno.writeTextFile(`${work}/results/tables/a.csv`, "new\n");
    const out = await killedInstall(
      [{ from: `${work}/results`, to: results }],
      `${work}/backup`,
      1,
    );
    assert.equal(out.signal, "SIGKILL", new TextDecoder().decode(out.stderr));
    assert.equal(await Deno.lstat(results).catch(() => null), null, "results/ is missing");

    await Deno.writeTextFile(`${notebooks}/00-a.ipynb`, notebook(["throw new Error('stop')"]));
    r = await reproduce(notebooks, results);
    assert.equal(r.code, 1, "the new run itself fails; what was restored stays");
    assert.match(r.stdout, /^restored 1 path from \.tmp\/reproduce-[0-9a-f]+-killed: /m);
    assert.deepEqual(await tree(results), before, "results/ as before the killed run");
    assert.equal(await Deno.lstat(work).catch(() => null), null, "its scratch folder removed");
  });
});

Deno.test("paths read from the manifest stay inside their folders: '..' is refused, a link is not read", async () => {
  await withFixture(async (dir) => {
    const results = `${dir}/results`;
    let r = await reproduce(`${dir}/notebooks`, results);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const good = await Deno.readTextFile(`${results}/manifest.json`);
    await Deno.writeTextFile(`${dir}/secret.txt`, "outside the results folder");
    const secret = sha256("outside the results folder");

    // A name climbing out with '..', its hash that of the file outside.
    const m = JSON.parse(good);
    m.notebooks["00-a.ipynb"].outputs.push("results/../secret.txt");
    m.files.push({ path: "results/../secret.txt", sha256: secret });
    await Deno.writeTextFile(`${results}/manifest.json`, JSON.stringify(m));
    r = await reproduce(`${dir}/notebooks`, results);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(
      r.stderr,
      /manifest\.json: files\[\d+\]\.path is "results\/\.\.\/secret\.txt", not a file inside .*nothing was changed$/m,
    );

    // A symbolic link in the results folder, listed with the hash of what it points to.
    const l = JSON.parse(good);
    l.notebooks["00-a.ipynb"].outputs.push("results/tables/link.csv");
    l.files.push({ path: "results/tables/link.csv", sha256: secret });
    await Deno.writeTextFile(`${results}/manifest.json`, JSON.stringify(l));
    await symlink(`${dir}/secret.txt`, `${results}/tables/link.csv`);
    r = await reproduce(`${dir}/notebooks`, results);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    // A manifest this machine did not write makes every notebook run (runner/state.ts); one it did
    // write, listing a link, makes its notebook run because the link is not a regular file.
    assert.match(
      r.stdout,
      /^(running 00-a\.ipynb: results\/tables\/link\.csv is not a regular file inside its folder|executing every notebook: this machine has no record of the run that wrote .*manifest\.json \(a fresh clone, or files changed since\))$/m,
    );
    assert.ok((await Deno.lstat(`${results}/tables/link.csv`)).isSymlink, "kept as the link");
    const now = JSON.parse(await Deno.readTextFile(`${results}/manifest.json`));
    assert.ok(!now.files.some((f: { path: string }) => f.path.endsWith("link.csv")));
  });
});

Deno.test("manifest names: only plain paths inside notebooks/ and results/", () => {
  for (const ok of ["notebooks/a.ipynb", "results/a.csv", "results/tables/a b.csv"]) {
    assert.ok(isOutputName(ok), ok);
  }
  for (
    const bad of [
      "results/../data/cases.csv",
      "results/./a",
      "results//a",
      "results/",
      "/etc/passwd",
      "results/a\\..\\b",
      "notebooks/../x.ipynb",
      "notebooks/sub/a.ipynb",
      "notebooks/a.txt",
      "data/cases.csv",
      "results/a\0b",
      3,
    ]
  ) assert.ok(!isOutputName(bad), String(bad));
});

Deno.test("entries and collisions: links, empty folders and files in the way", async () => {
  const dir = await Deno.makeTempDir({ prefix: "entries-test-" });
  try {
    await Deno.mkdir(`${dir}/a/empty`, { recursive: true });
    await Deno.writeTextFile(`${dir}/a/f.txt`, "");
    await symlink("/", `${dir}/link`);
    const e = await entries(dir);
    assert.deepEqual(e, [
      { path: "a/empty", kind: "empty folder" },
      { path: "a/f.txt", kind: "file" },
      { path: "link", kind: "link" },
    ]);
    assert.deepEqual(collisions(e, ["link/x.csv", "a/f.txt", "b.csv"]), ["a/f.txt", "link"]);
  } finally {
    await removeScratch(dir);
  }
});

// /dev/full, a device whose writes fail with ENOSPC, is Linux's.
Deno.test(
  "a full disk (ENOSPC) is named as such",
  { ignore: Deno.build.os !== "linux" },
  async () => {
    // The error a write to a full disk gives, from a process allowed to write /dev/full.
    const out = await new Deno.Command("deno", {
      args: [
        "eval",
        "try { await Deno.writeTextFile('/dev/full', 'x'); } catch (e) { " +
        "console.log(JSON.stringify({ code: e.code, message: e.message })); }",
      ],
      stdout: "piped",
    }).output();
    const raw = JSON.parse(new TextDecoder().decode(out.stdout));
    const e = Object.assign(new Error(raw.message), { code: raw.code });
    assert.match(
      diskFullMessage(e, "/repo/.tmp") ?? "",
      /^the disk holding \/repo\/\.tmp is full \(No space left on device: .*\/dev\/full.*\): free some space and run again; nothing was changed$/,
    );
    assert.equal(diskFullMessage(new Error("the kernel died"), "/repo/.tmp"), null);
  },
);
