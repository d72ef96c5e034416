/**
 * `reproduce` on scratch folders: the folder flags, incremental runs, the `--check` report,
 * nothing changed on a failing notebook, a folder it cannot write or an interrupt, and one run
 * at a time.
 */
import assert from "node:assert/strict";
import { NOTEBOOKS, REPRODUCE_ARGS, ROOT, runKey } from "../scripts/runner/paths.ts";
import { notebook, tree, writes } from "./helpers/notebook.ts";
import { Heartbeat } from "./helpers/heartbeat.ts";
import { forgetRuns } from "../scripts/runner/state.ts";
import { denoTaskArgs } from "./helpers/tasks.ts";

const REPRODUCE = REPRODUCE_ARGS;

Deno.test("the runner's tests and benchmarks run reproduce exactly as `deno task reproduce` does", async () => {
  assert.deepEqual(await denoTaskArgs("reproduce"), REPRODUCE_ARGS);
});

Deno.test("reproduce: a misspelt flag is an unknown argument, --help prints the usage and explains each option", async () => {
  const run = (...args: string[]) =>
    output(
      new Deno.Command("deno", {
        args: [...REPRODUCE, ...args],
        cwd: ROOT,
        stdout: "piped",
        stderr: "piped",
      }),
    );
  // Last on the line, it was taken for a flag missing its value ("--chek: a value is needed").
  for (const args of [["--chek"], ["--force", "--chek"], ["--chek", "--force"]]) {
    const { code, stderr } = await run(...args);
    assert.equal(code, 2, args.join(" "));
    assert.match(stderr, /^unknown argument --chek\nusage: deno task reproduce /m, args.join(" "));
  }
  const missing = await run("--workers");
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /^--workers: a value is needed\n/m);
  for (const flag of ["--help", "-h"]) {
    const help = await run(flag);
    assert.equal(help.code, 0, flag);
    assert.match(help.stdout, /^usage: deno task reproduce /, flag);
    // Every option of the usage line is explained on a line of its own.
    const options = help.stdout.split("\n")[0].match(/--[a-z-]+/g) ?? [];
    assert.ok(options.length >= 7, help.stdout);
    for (const o of options) assert.match(help.stdout, new RegExp(`^  ${o}\\b`, "m"), o);
  }
});

/** A scratch folder inside the repository (renames into place need the same file system). */
async function scratch(): Promise<string> {
  await Deno.mkdir(`${ROOT}/.tmp`, { recursive: true });
  return await Deno.makeTempDir({ dir: `${ROOT}/.tmp`, prefix: "fixture-" });
}

function reproduce(dir: string, ...args: string[]) {
  return new Deno.Command("deno", {
    args: [...REPRODUCE, "--notebooks", `${dir}/notebooks`, "--results", `${dir}/results`, ...args],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  });
}

async function output(cmd: Deno.Command) {
  const out = await cmd.output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

/** A results folder's manifest listing nothing: the folder is one a run wrote (it keeps others). */
const EMPTY_MANIFEST = JSON.stringify({ deno: "", denoPinned: "", notebooks: {}, files: [] });

/** Scratch folders and lock of runs on the fixture `dir`. */
const leftovers = (dir: string) =>
  [...Deno.readDirSync(`${ROOT}/.tmp`)].filter((e) =>
    e.name.startsWith(runKey(`${dir}/notebooks`, `${dir}/results`))
  ).map((e) => e.name);

Deno.test("reproduce --notebooks --results: runs there, re-runs only what changed, and --check lists every difference", async () => {
  const committed = await tree(NOTEBOOKS);
  const dir = await scratch();
  try {
    await Deno.mkdir(`${dir}/notebooks`);
    await Deno.writeTextFile(
      `${dir}/notebooks/00-a.ipynb`,
      notebook([writes("tables/a.csv", "x,y\n1,2\n3,4\n"), '"a"']),
    );
    await Deno.writeTextFile(
      `${dir}/notebooks/10-b.ipynb`,
      notebook([writes("figures/b.svg", "<svg/>"), '"b"']),
    );
    let r = await output(reproduce(dir));
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(
      r.stdout,
      /^executing every notebook: this machine has no record of the run that wrote .*manifest\.json \(a fresh clone, or files changed since\)$/m,
    );
    assert.match(r.stdout, /^\[1\/2\] 00-a\.ipynb \d+\.\d s\n\[2\/2\] 10-b\.ipynb \d+\.\d s$/m);
    assert.match(r.stdout, /^0 of 7 files identical to those in .* before; 7 differ:$/m);
    // Each file named in the folders the run wrote (not the project's notebooks/ and results/).
    const rel = dir.slice(ROOT.length + 1);
    assert.ok(
      r.stdout.includes(`\n  ${rel}/results/tables/a.csv: produced by the run, not there before\n`),
      r.stdout,
    );
    const files = Object.keys(await tree(`${dir}/results`));
    assert.deepEqual(files, [
      "figures/b.svg",
      "html/00-a.html",
      "html/10-b.html",
      "manifest.json",
      "tables/a.csv",
    ]);
    const nb = JSON.parse(await Deno.readTextFile(`${dir}/notebooks/00-a.ipynb`));
    assert.equal(nb.cells[1].execution_count, 2, "executed in place");
    assert.equal(nb.metadata.kernelspec.name, "deno-nagoshi-2012");
    const manifest = JSON.parse(await Deno.readTextFile(`${dir}/results/manifest.json`));
    assert.deepEqual(manifest.notebooks["10-b.ipynb"].outputs, [
      "notebooks/10-b.ipynb",
      "results/figures/b.svg",
      "results/html/10-b.html",
    ]);
    assert.deepEqual(await tree(NOTEBOOKS), committed, "the committed notebooks are untouched");

    // Unchanged inputs: nothing runs. A changed notebook: only it runs.
    const before = await tree(dir);
    r = await output(reproduce(dir));
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^skipped 00-a\.ipynb: .*\nskipped 10-b\.ipynb: /m);
    assert.doesNotMatch(r.stdout, /\[1\//);
    assert.deepEqual(await tree(dir), before, "a run that skips everything changes nothing");

    // As on a fresh clone (no run recorded on this machine): every notebook runs, and the run says
    // its outputs are identical to the committed ones.
    await forgetRuns(runKey(`${dir}/notebooks`, `${dir}/results`));
    r = await output(reproduce(dir));
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(
      r.stdout,
      /^executing every notebook: this machine has no record of the run that wrote .*manifest\.json \(a fresh clone, or files changed since\)$/m,
    );
    assert.match(r.stdout, /^\[2\/2\] 10-b\.ipynb /m);
    assert.match(r.stdout, /^all 7 files identical to those in .* before$/m);
    assert.deepEqual(await tree(dir), before, "identical outputs");
    await Deno.writeTextFile(
      `${dir}/notebooks/10-b.ipynb`,
      notebook([writes("figures/b.svg", "<svg></svg>"), '"b2"']),
    );
    r = await output(reproduce(dir));
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^skipped 00-a\.ipynb/m);
    assert.match(r.stdout, /^running 10-b\.ipynb: notebook changed$/m);
    assert.match(r.stdout, /^\[1\/1\] 10-b\.ipynb /m);
    assert.equal(await Deno.readTextFile(`${dir}/results/tables/a.csv`), "x,y\n1,2\n3,4\n");
    assert.equal(await Deno.readTextFile(`${dir}/results/figures/b.svg`), "<svg></svg>");
    r = await output(reproduce(dir, "--check"));
    assert.equal(r.code, 0, r.stdout + r.stderr);

    // Edited outputs: --check lists every one, by kind.
    await Deno.writeTextFile(`${dir}/results/tables/a.csv`, "x,y\n1,2\n3,5\n");
    await Deno.writeTextFile(`${dir}/results/figures/b.svg`, "<svg>edited</svg>");
    const edited = JSON.parse(await Deno.readTextFile(`${dir}/notebooks/00-a.ipynb`));
    edited.cells[1].outputs[0].data["text/plain"] = ['"edited"'];
    await Deno.writeTextFile(`${dir}/notebooks/00-a.ipynb`, JSON.stringify(edited, null, 1));
    r = await output(reproduce(dir, "--check"));
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stderr, /check failed: 3 of 7 files differ/);
    assert.match(r.stderr, /notebooks\/00-a\.ipynb: cell In \[2\] \(outputs\)/);
    assert.match(r.stderr, /results\/tables\/a\.csv: row 2$/m);
    assert.match(r.stderr, /results\/figures\/b\.svg: figure changed/);

    // A plain run sees the edited outputs differ from the manifest and runs those notebooks.
    r = await output(reproduce(dir));
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^running 00-a\.ipynb: .* differs from the manifest$/m);
    assert.equal(await Deno.readTextFile(`${dir}/results/tables/a.csv`), "x,y\n1,2\n3,4\n");
    assert.deepEqual(leftovers(dir), [], "scratch folders removed");
  } finally {
    await forgetRuns(runKey(`${dir}/notebooks`, `${dir}/results`));
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("reproduce: a failing notebook exits 1 naming it and its cell, and touches nothing", async () => {
  const dir = await scratch();
  try {
    await Deno.mkdir(`${dir}/notebooks`);
    await Deno.mkdir(`${dir}/results`);
    const ok = notebook(["1 + 1"]);
    const bad = notebook(['"fine"', 'throw new Error("fixture failure");', '"never"']);
    await Deno.writeTextFile(`${dir}/notebooks/00-ok.ipynb`, ok);
    await Deno.writeTextFile(`${dir}/notebooks/10-bad.ipynb`, bad);
    await Deno.writeTextFile(`${dir}/results/sentinel.txt`, "committed");
    await Deno.writeTextFile(`${dir}/results/manifest.json`, EMPTY_MANIFEST);
    const r = await output(reproduce(dir, "--workers", "1"));
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /^\[1\/2\] 00-ok\.ipynb \d+\.\d s$/m);
    assert.match(r.stderr, /^error: 10-bad\.ipynb, In \[2\]: .*fixture failure$/m);
    assert.equal(await Deno.readTextFile(`${dir}/notebooks/00-ok.ipynb`), ok);
    assert.equal(await Deno.readTextFile(`${dir}/notebooks/10-bad.ipynb`), bad);
    assert.deepEqual(Object.keys(await tree(`${dir}/results`)), ["manifest.json", "sentinel.txt"]);
    assert.deepEqual(leftovers(dir), [], "scratch folder removed");
  } finally {
    await forgetRuns(runKey(`${dir}/notebooks`, `${dir}/results`));
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("reproduce: a results folder it cannot write fails before any notebook runs", async () => {
  const dir = await scratch();
  try {
    await Deno.mkdir(`${dir}/notebooks`);
    const ok = notebook(["1 + 1"]);
    await Deno.writeTextFile(`${dir}/notebooks/00-ok.ipynb`, ok);
    await Deno.writeTextFile(`${dir}/file`, "not a folder");
    const r = await output(
      new Deno.Command("deno", {
        args: [...REPRODUCE, "--notebooks", `${dir}/notebooks`, "--results", `${dir}/file/results`],
        cwd: ROOT,
        stdout: "piped",
        stderr: "piped",
      }),
    );
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stderr, /^error: cannot write to .*\/file .*nothing was changed$/m);
    assert.doesNotMatch(r.stdout, /\[1\//, "no notebook ran");
    assert.equal(await Deno.readTextFile(`${dir}/notebooks/00-ok.ipynb`), ok);
  } finally {
    await forgetRuns(runKey(`${dir}/notebooks`, `${dir}/results`));
    await Deno.remove(dir, { recursive: true });
  }
});

/**
 * `deno task reproduce` in a process group of its own, as a shell runs a job (bash with job
 * control, `set -m`, puts a background job in a group of its own), so that a signal can go to the whole group
 * (reproduce and its kernels), as a closed terminal's SIGHUP does. Prints the job's process id
 * (its group's id) first.
 */
function reproduceJob(dir: string) {
  return new Deno.Command("bash", {
    args: [
      "-c",
      'set -m; "$@" & echo "$!"; wait "$!"',
      "bash",
      "deno",
      ...REPRODUCE,
      "--notebooks",
      `${dir}/notebooks`,
      "--results",
      `${dir}/results`,
    ],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  });
}

/** Sends `signal` to the process group `pgid` (with `kill`: Deno.kill needs every run permission). */
async function signalGroup(pgid: number, signal: "SIGHUP") {
  const out = await new Deno.Command("kill", { args: [`-${signal.slice(3)}`, "--", `-${pgid}`] })
    .output();
  assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
}

// Process groups and SIGHUP (bash's job control, `kill -- -pgid`) are POSIX: not on Windows.
Deno.test(
  "reproduce: a second run at once is refused; an interrupted run says so and changes nothing; a hung-up run leaves no kernel, and the next run removes its scratch folder",
  { ignore: Deno.build.os === "windows" },
  async () => {
    const dir = await scratch();
    const heart = new Heartbeat(dir);
    try {
      await Deno.mkdir(`${dir}/notebooks`);
      await Deno.mkdir(`${dir}/results`);
      const slow = notebook([heart.cell]);
      await Deno.writeTextFile(`${dir}/notebooks/00-slow.ipynb`, slow);
      await Deno.writeTextFile(`${dir}/results/sentinel.txt`, "committed");
      await Deno.writeTextFile(`${dir}/results/manifest.json`, EMPTY_MANIFEST);
      const unchanged = async (what: string) => {
        assert.equal(await Deno.readTextFile(`${dir}/notebooks/00-slow.ipynb`), slow, what);
        assert.deepEqual(
          Object.keys(await tree(`${dir}/results`)),
          ["manifest.json", "sentinel.txt"],
          what,
        );
      };

      // Ctrl-C: reproduce stops its kernel.
      const first = reproduce(dir).spawn();
      await heart.started();
      const second = await output(reproduce(dir));
      assert.equal(second.code, 1);
      assert.match(
        second.stderr,
        /error: another `deno task reproduce` is running \(process \d+\)/,
      );
      // So is one on the same notebooks folder with other results: both would write its notebooks.
      const other = await output(
        new Deno.Command("deno", {
          args: [...REPRODUCE, "--notebooks", `${dir}/notebooks`, "--results", `${dir}/other`],
          cwd: ROOT,
          stdout: "piped",
          stderr: "piped",
        }),
      );
      assert.equal(other.code, 1, other.stdout + other.stderr);
      assert.match(other.stderr, /error: another `deno task reproduce` is running \(process \d+\)/);
      first.kill("SIGINT");
      const r = await first.output();
      const stderr = new TextDecoder().decode(r.stderr);
      assert.equal(r.code, 130, stderr);
      assert.match(stderr, /interrupted: the run was stopped and nothing was changed/);
      await heart.assertStopped("SIGINT");
      await unchanged("SIGINT");
      assert.deepEqual(leftovers(dir), [], "scratch folder removed and lock released");

      // A closed terminal: SIGHUP to the job's whole group ends reproduce and its kernel at once.
      const job = reproduceJob(dir).spawn();
      const reader = job.stdout.pipeThrough(new TextDecoderStream()).getReader();
      let head = "";
      while (!head.includes("\n")) head += (await reader.read()).value ?? "";
      const pgid = Number(head.split("\n")[0]);
      await heart.started();
      await signalGroup(pgid, "SIGHUP");
      while (!(await reader.read()).done) { /* the rest of its output */ }
      await new Response(job.stderr).text();
      // bash reports a job killed by SIGHUP as 128 + 1.
      assert.equal((await job.status).code, 129);
      await heart.assertStopped("SIGHUP");
      await unchanged("SIGHUP");
      assert.equal(leftovers(dir).filter((n) => !n.endsWith(".lock")).length, 1, "its scratch");

      // The next run removes that scratch folder and says so.
      await Deno.writeTextFile(`${dir}/notebooks/00-slow.ipynb`, notebook(['"fast"']));
      const next = await output(reproduce(dir));
      assert.equal(next.code, 0, next.stderr);
      assert.match(next.stdout, /^removed \.tmp\/[^ ]+: left by a run that was stopped$/m);
      assert.deepEqual(leftovers(dir), []);
    } finally {
      await heart.kill();
      await forgetRuns(runKey(`${dir}/notebooks`, `${dir}/results`));
      await Deno.remove(dir, { recursive: true });
    }
  },
);
