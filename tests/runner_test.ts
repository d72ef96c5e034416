/**
 * The notebook runner: failures named by notebook and cell, outputs published after a cell
 * reports idle kept, a kernel that cannot start reported in one line; and `reproduce` on scratch
 * folders: the folder flags, incremental runs, the `--check` report, nothing changed on failure,
 * on a folder it cannot write or on an interrupt, one run at a time.
 */
import assert from "node:assert/strict";
import { executeNotebooks, NotebookError } from "../scripts/runner/execute.ts";
import {
  installKernelSpec,
  jupyterEnv,
  KERNEL_NAME,
  kernelSpec,
  notebookKernelspec,
} from "../scripts/runner/kernelspec.ts";
import { installAll } from "../scripts/runner/install.ts";
import { fileDifference, notebookDifference } from "../scripts/runner/compare.ts";
import { listFiles, sha256 } from "../scripts/runner/files.ts";
import { NOTEBOOKS, ROOT, runKey } from "../scripts/runner/paths.ts";

function notebook(cells: string[]): string {
  return JSON.stringify({
    cells: cells.map((source, i) => ({
      cell_type: "code",
      id: `c${i}`,
      metadata: {},
      source,
      execution_count: null,
      outputs: [],
    })),
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  });
}

/** Executes one notebook of `cells`; `spec` replaces the kernelspec (e.g. a broken kernel). */
async function run(
  cells: string[],
  spec?: object,
  startupTimeoutSeconds?: number,
  cellTimeoutSeconds?: number,
) {
  const dir = await Deno.makeTempDir({ prefix: "runner-test-" });
  try {
    await installKernelSpec(`${dir}/jupyter`, Deno.execPath(), spec);
    await Deno.writeTextFile(`${dir}/in.ipynb`, notebook(cells));
    await executeNotebooks({
      jobs: [{
        name: "fixture.ipynb",
        input: `${dir}/in.ipynb`,
        output: `${dir}/out.ipynb`,
        cwd: NOTEBOOKS,
        results: `${dir}/results`,
      }],
      env: jupyterEnv(`${dir}/jupyter`),
      workDir: dir,
      startupTimeoutSeconds,
      cellTimeoutSeconds,
    });
    return JSON.parse(await Deno.readTextFile(`${dir}/out.ipynb`));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("a cell that throws stops the run, naming the notebook, the cell as Jupyter shows it and the error", async () => {
  await assert.rejects(
    () => run(["const x = 1;", 'throw new Error("boom in cell two");', "x"]),
    (e: unknown) => {
      assert.ok(e instanceof NotebookError);
      assert.equal(e.notebook, "fixture.ipynb");
      assert.equal(e.cell, "In [2]");
      assert.match(e.message, /fixture\.ipynb, In \[2\]: .*boom in cell two/);
      return true;
    },
  );
});

Deno.test("a failing import and a syntax error still name their cell", async () => {
  await assert.rejects(
    () => run(["1 + 1", 'import { nothing } from "./does-not-exist.ts";', "2"]),
    /fixture\.ipynb, In \[2\]: .*does-not-exist\.ts/,
  );
  await assert.rejects(
    () => run(["1 + 1", "const = ;", "2"]),
    /In \[2\]: .*no traceback: a syntax error or a failing import/,
  );
});

Deno.test("every output of a cell is kept, even those the kernel publishes after reporting idle", async () => {
  // 3000 stdout lines take the kernel longer to publish than the cell takes to finish: a client
  // that stops at idle loses most of them and spills the rest into the next cell.
  const lines = 3000;
  const nb = await run([
    `for (let i = 0; i < ${lines}; i++) console.log("line " + i);`,
    'await Deno.jupyter.display({ "text/plain": "shown" }, { raw: true }); "result"',
    '"next"',
  ]);
  const text = (o: { text?: string[] }) => (o.text ?? []).join("");
  assert.equal(nb.cells[0].outputs.length, 1, "streams merged into one output");
  assert.equal(
    text(nb.cells[0].outputs[0]),
    Array.from({ length: lines }, (_, i) => `line ${i}\n`).join(""),
  );
  const plain = (c: { outputs: { data?: Record<string, string[]> }[] }) =>
    c.outputs.map((o) => (o.data?.["text/plain"] ?? []).join(""));
  assert.deepEqual(plain(nb.cells[1]), ["shown", '"result"']);
  assert.deepEqual(plain(nb.cells[2]), ['"next"'], "nothing spilled into the next cell");
  assert.deepEqual(nb.cells.map((c: { execution_count: number }) => c.execution_count), [1, 2, 3]);
  assert.equal(nb.cells[0].metadata.execution, undefined, "no timing metadata");
  assert.ok(!JSON.stringify(nb).includes("__reproduce_sentinel_"), "no sentinel in the notebook");
});

Deno.test("a cell that runs too long is stopped, naming it", async () => {
  await assert.rejects(
    () => run(['"fast"', "await new Promise((r) => setTimeout(r, 30_000));"], undefined, 20, 2),
    /^NotebookError: fixture\.ipynb, In \[2\]: the cell did not finish within 2 s$/,
  );
});

Deno.test("a kernel that cannot start is one line naming the notebook and the cause", async () => {
  const dies = {
    ...kernelSpec(Deno.execPath()),
    argv: [
      Deno.execPath(),
      "eval",
      'console.error("Cannot assign requested address"); Deno.exit(1)',
    ],
  };
  await assert.rejects(() => run(["1"], dies), (e: unknown) => {
    assert.ok(e instanceof NotebookError);
    assert.equal(e.cell, null);
    assert.equal(
      e.message,
      "fixture.ipynb: the kernel did not start: Cannot assign requested address",
    );
    return true;
  });
  const silent = { ...kernelSpec(Deno.execPath()), argv: ["sleep", "60"] };
  const t0 = performance.now();
  await assert.rejects(
    () => run(["1"], silent, 2),
    /^NotebookError: fixture\.ipynb: the kernel did not answer within 2 s$/,
  );
  assert.ok(performance.now() - t0 < 20_000, "the start-up timeout is honoured");
});

Deno.test("installAll installs every move or, when one fails, none", async () => {
  const dir = await Deno.makeTempDir({ prefix: "install-test-" });
  try {
    for (const f of ["new-a", "old-a", "old-b", "old-c"]) {
      await Deno.writeTextFile(`${dir}/${f}`, f);
    }
    await Deno.mkdir(`${dir}/backup`);
    await assert.rejects(() =>
      installAll([
        { from: `${dir}/new-a`, to: `${dir}/old-a` },
        { from: null, to: `${dir}/old-b` },
        { from: `${dir}/missing`, to: `${dir}/old-c` },
      ], `${dir}/backup`)
    );
    for (const f of ["new-a", "old-a", "old-b", "old-c"]) {
      assert.equal(await Deno.readTextFile(`${dir}/${f}`), f, `${f} restored`);
    }
    await installAll([
      { from: `${dir}/new-a`, to: `${dir}/old-a` },
      { from: null, to: `${dir}/old-b` },
    ], `${dir}/backup`);
    assert.equal(await Deno.readTextFile(`${dir}/old-a`), "new-a");
    await assert.rejects(() => Deno.stat(`${dir}/old-b`), Deno.errors.NotFound);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("the --check summary names notebook cells as Jupyter does, and table rows", () => {
  const nb = (out: string) =>
    JSON.stringify({
      cells: [
        { cell_type: "markdown", source: "# Title", metadata: {} },
        { cell_type: "code", source: "1", execution_count: 1, outputs: [], metadata: {} },
        { cell_type: "markdown", source: "text", metadata: {} },
        { cell_type: "code", source: "2", execution_count: 2, outputs: [out], metadata: {} },
      ],
      metadata: {},
    });
  assert.equal(notebookDifference(nb("a"), nb("b")), "cell In [2] (outputs)");
  const enc = (s: string) => new TextEncoder().encode(s);
  assert.equal(
    fileDifference("results/tables/t.csv", enc("a,b\n1,2\n3,4\n5,6\n"), enc("a,b\n1,2\n3,5\n")),
    "row 2; 3 rows committed, 2 produced",
  );
  assert.equal(fileDifference("results/figures/f.png", enc("x"), enc("y")), "figure changed");
});

// --- reproduce on scratch folders -----------------------------------------------------------

const REPRODUCE = [
  "run",
  "--allow-read",
  "--allow-write=.",
  "--allow-run=/usr/bin/python3,deno",
  "--allow-env",
  "scripts/reproduce.ts",
];

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

/** A cell that writes a results file, as lib's display helpers do under reproduce. */
const writes = (path: string, text: string) =>
  `const dir = Deno.env.get("RESULTS_DIR")!;\n` +
  `await Deno.mkdir(\`\${dir}/${path}\`.replace(/\\/[^/]+$/, ""), { recursive: true });\n` +
  `await Deno.writeTextFile(\`\${dir}/${path}\`, ${JSON.stringify(text)});`;

async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const p of await listFiles(dir)) out[p] = sha256(await Deno.readFile(`${dir}/${p}`));
  return out;
}

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
    assert.match(r.stdout, /^\[1\/2\] 00-a\.ipynb \d+\.\d s\n\[2\/2\] 10-b\.ipynb \d+\.\d s$/m);
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
    const r = await output(reproduce(dir, "--workers", "1"));
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /^\[1\/2\] 00-ok\.ipynb \d+\.\d s$/m);
    assert.match(r.stderr, /^error: 10-bad\.ipynb, In \[2\]: .*fixture failure$/m);
    assert.equal(await Deno.readTextFile(`${dir}/notebooks/00-ok.ipynb`), ok);
    assert.equal(await Deno.readTextFile(`${dir}/notebooks/10-bad.ipynb`), bad);
    assert.deepEqual(Object.keys(await tree(`${dir}/results`)), ["sentinel.txt"]);
    assert.deepEqual(leftovers(dir), [], "scratch folder removed");
  } finally {
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
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("reproduce: a second run at once is refused; an interrupted run says so and changes nothing", async () => {
  const dir = await scratch();
  try {
    await Deno.mkdir(`${dir}/notebooks`);
    await Deno.mkdir(`${dir}/results`);
    const slow = notebook(["await new Promise((r) => setTimeout(r, 60_000));"]);
    await Deno.writeTextFile(`${dir}/notebooks/00-slow.ipynb`, slow);
    await Deno.writeTextFile(`${dir}/results/sentinel.txt`, "committed");
    const first = reproduce(dir).spawn();
    const t0 = performance.now();
    // Wait until the first run has started its kernel (its log exists).
    while (
      !leftovers(dir).some((name) => {
        try {
          return Deno.statSync(`${ROOT}/.tmp/${name}/logs/00-slow.ipynb.log`).isFile;
        } catch {
          return false;
        }
      })
    ) {
      assert.ok(performance.now() - t0 < 30_000, "the first run did not start");
      await new Promise((r) => setTimeout(r, 100));
    }
    const second = await output(reproduce(dir));
    assert.equal(second.code, 1);
    assert.match(second.stderr, /error: another `deno task reproduce` is running \(process \d+\)/);
    first.kill("SIGINT");
    const r = await first.output();
    const stderr = new TextDecoder().decode(r.stderr);
    assert.equal(r.code, 130, stderr);
    assert.match(stderr, /interrupted: the run was stopped and nothing was changed/);
    assert.equal(await Deno.readTextFile(`${dir}/notebooks/00-slow.ipynb`), slow);
    assert.deepEqual(Object.keys(await tree(`${dir}/results`)), ["sentinel.txt"]);
    assert.deepEqual(leftovers(dir), [], "scratch folder removed and lock released");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("deno task kernel registers the kernel the notebooks name", async () => {
  const dir = await Deno.makeTempDir({ prefix: "kernel-test-" });
  try {
    const out = await new Deno.Command("deno", {
      args: [
        "run",
        "--allow-read",
        "--allow-write",
        "--allow-run",
        "--allow-env",
        "scripts/kernel.ts",
      ],
      cwd: ROOT,
      env: { JUPYTER_DATA_DIR: dir, JUPYTER_PLATFORM_DIRS: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
    const spec = JSON.parse(await Deno.readTextFile(`${dir}/kernels/${KERNEL_NAME}/kernel.json`));
    const { display_name, language, name } = notebookKernelspec();
    assert.equal(name, KERNEL_NAME);
    assert.deepEqual([spec.display_name, spec.language], [display_name, language]);
    assert.equal(spec.argv[0], Deno.execPath());
    assert.equal(spec.env.TZ, "UTC");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
