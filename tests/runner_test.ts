/**
 * The notebook runner: failures named by notebook and cell, outputs published after a cell
 * reports idle kept, a kernel that cannot start or a cell that hangs reported in one line, the
 * all-or-nothing install, the `--check` summaries, and `deno task kernel`.
 */
import assert from "node:assert/strict";
import { executeNotebooks, NotebookError } from "../scripts/runner/execute.ts";
import { pdeathsigLauncher } from "../scripts/runner/jupyter/kernel.ts";
import { KERNEL_NAME, kernelSpec, notebookKernelspec } from "../scripts/runner/kernelspec.ts";
import { installAll } from "../scripts/runner/install.ts";
import { differences, fileDifference, notebookDifference } from "../scripts/runner/compare.ts";
import { REPRODUCE_ARGS, ROOT, runKey } from "../scripts/runner/paths.ts";
import { notebook } from "./helpers/notebook.ts";
import { executeCells } from "./helpers/notebook.ts";
import { Heartbeat } from "./helpers/heartbeat.ts";

/** Executes one notebook of `cells`; `spec` replaces the kernelspec (e.g. a broken kernel). */
const run = (
  cells: string[],
  spec?: object,
  startupTimeoutSeconds?: number,
  cellTimeoutSeconds?: number,
) => executeCells(cells, { spec, startupTimeoutSeconds, cellTimeoutSeconds });

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

Deno.test("cells tagged as nbclient knows: raises-exception may fail, skip-execution does not run", async () => {
  const cells = JSON.parse(notebook(['throw new Error("expected");', '"skipped"', '"after"']));
  cells.cells[0].metadata.tags = ["raises-exception"];
  cells.cells[1].metadata.tags = ["skip-execution"];
  const nb = await executeCells({ text: JSON.stringify(cells) });
  assert.equal(nb.cells[0].outputs[0].output_type, "error");
  assert.deepEqual(nb.cells[1].outputs, []);
  assert.equal(nb.cells[1].execution_count, null);
  assert.deepEqual(nb.cells[2].outputs[0].data["text/plain"], ['"after"']);
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
    'Deno.env.get("DISPLAY_WAIT_MS")',
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
  // The display helpers do not wait for their outputs under the runner (lib/display.ts).
  assert.deepEqual(plain(nb.cells[3]), ['"0"'], "DISPLAY_WAIT_MS=0 in the runner's kernels");
  assert.deepEqual(
    nb.cells.map((c: { execution_count: number }) => c.execution_count),
    [1, 2, 3, 4],
  );
  assert.equal(nb.cells[0].metadata.execution, undefined, "no timing metadata");
  assert.ok(!JSON.stringify(nb).includes("__reproduce_sentinel_"), "no sentinel in the notebook");
});

Deno.test("an output the kernel sends late, parented by the cell's sentinel or after it, is kept once", async () => {
  // Each cell sends one more result from a timer a few milliseconds after it ends: the kernel
  // parents it with whichever request is current then (the cell, its sentinel or the next cell),
  // often after the sentinel's own markers. The runner before it took ownership of late outputs
  // lost some in each of 5 tries.
  const delays = [1, 2, 3, 4, 6, 8, 12];
  const nb = await run([
    ...delays.map((d) =>
      `setTimeout(() => Deno.jupyter.broadcast("execute_result", { data: { "text/plain": "late ${d}" }, ` +
      `metadata: {}, transient: {}, execution_count: 0 }), ${d});\n"own ${d}"`
    ),
    // Every timer has fired before this cell ends (an output sent after the last cell's round
    // trips has nothing left to arrive in).
    'await new Promise((r) => setTimeout(r, 200));\n"end"',
    // A late error (as the kernel sends when it cannot format a result) is kept too.
    'setTimeout(() => Deno.jupyter.broadcast("error", { ename: "Late", evalue: "late error", ' +
    'traceback: [] }), 2);\n"own error"',
    'await new Promise((r) => setTimeout(r, 200));\n"final"',
  ]);
  const shown = nb.cells.map((c: { outputs: { data?: Record<string, string[]> }[] }) =>
    c.outputs.map((o) => (o.data?.["text/plain"] ?? []).join(""))
  ) as string[][];
  delays.forEach((d, i) =>
    assert.ok(shown[i].includes(`"own ${d}"`), `cell ${i + 1}: ${shown[i]}`)
  );
  for (const d of delays) {
    assert.equal(shown.flat().filter((t) => t === `late ${d}`).length, 1, `late ${d}: ${shown}`);
  }
  const errors = nb.cells.flatMap((c: { outputs: { output_type: string; evalue?: string }[] }) =>
    c.outputs.filter((o) => o.output_type === "error").map((o) => o.evalue)
  );
  assert.deepEqual(errors, ["late error"]);
  // A late output does not change its cell's count.
  assert.deepEqual(
    nb.cells.map((c: { execution_count: number }) => c.execution_count),
    nb.cells.map((_: unknown, i: number) => i + 1),
  );
});

Deno.test("a cell that runs too long is stopped, naming it", async () => {
  // A last cell that leaves the kernel blocked after it ends is stopped too, whether the block
  // comes during the cell's sentinel or during the round after the last cell. The block comes at
  // the n-th console.log after the cell (the sentinel prints once, the round after the last cell
  // prints again), not on a timer: a timer may fire only after the runner has finished (seen once
  // in CI). Atomics.wait on a value that never changes blocks the kernel's thread without spinning.
  const blocksAt = (n: number) =>
    "const log = console.log;\nlet printed = 0;\nconsole.log = (...a) => ++printed === " + n +
    ' ? Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0) : log(...a);\n"last"';
  const cases: [string, RegExp][] = [
    ["await new Promise((r) => setTimeout(r, 30_000));", /the cell did not finish within 5 s$/],
    [blocksAt(1), /the cell did not finish within 5 s$/],
    [blocksAt(2), /the kernel did not answer within 5 s after this cell$/],
  ];
  // Independent runs, each waiting out its 5 s without CPU: at the same time. (At 2 s the first
  // cell, "fast", was once stopped instead on a machine loaded by other work.)
  await Promise.all(cases.map(([cell, error]) =>
    assert.rejects(
      () => run(['"fast"', cell], undefined, 20, 5),
      (e: unknown) => {
        assert.ok(e instanceof NotebookError, String(e));
        assert.match(e.message, /^fixture\.ipynb, In \[2\]: /);
        assert.match(e.message, error);
        return true;
      },
    )
  ));
});

Deno.test("a kernel that dies just after the last cell is reported at once, naming that cell", async () => {
  // The last cell makes the kernel exit at the second console.log after it: the runner's sentinel
  // after that cell prints once, the round after the last cell prints again. (A timer of a few
  // milliseconds, tried first, sometimes fired only after the runner had finished: 1 run in 15.)
  const dies = "const log = console.log;\nlet printed = 0;\n" +
    "console.log = (...a) => ++printed === 2 ? Deno.exit(3) : log(...a);\n" + '"last"';
  const t0 = performance.now();
  await assert.rejects(
    () => run(['"fast"', dies], undefined, 20, 60),
    /^NotebookError: fixture\.ipynb, In \[2\]: the kernel died \(exit code 3\)/,
  );
  assert.ok(performance.now() - t0 < 30_000, "not after the 60 s cell timeout");
});

Deno.test("a kernel killed by a signal is reported as such, naming the cell and the signal", async () => {
  await assert.rejects(
    () => run(['"fine"', 'Deno.kill(Deno.pid, "SIGKILL");']),
    /^NotebookError: fixture\.ipynb, In \[2\]: the kernel died \(killed by SIGKILL\)/,
  );
});

Deno.test("a notebook that cannot be written is named with the file and the system's reason (as a full disk is)", async () => {
  const dir = await Deno.makeTempDir({ prefix: "runner-test-" });
  try {
    await Deno.writeTextFile(`${dir}/a.ipynb`, notebook(["1"]));
    await assert.rejects(
      () =>
        executeNotebooks({
          jobs: [{
            name: "a.ipynb",
            input: `${dir}/a.ipynb`,
            output: `${dir}/no-such-folder/a.ipynb`,
            cwd: ROOT,
            results: `${dir}/results`,
          }],
          workDir: dir,
        }),
      (e: unknown) => {
        assert.ok(e instanceof NotebookError, String(e));
        assert.match(
          e.message,
          /^a\.ipynb: cannot write .*\/no-such-folder\/a\.ipynb: .*No such file/,
        );
        assert.doesNotMatch(e.message, /kernel/);
        return true;
      },
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("with several workers, the notebook that failed is named, not one stopped because of it", async () => {
  // The first notebook in plan order is still running when the second fails; stopping it is not
  // its failure (the Python executor reported it: "a.ipynb, In [1]: the kernel died").
  const dir = await Deno.makeTempDir({ prefix: "runner-test-" });
  try {
    await Deno.writeTextFile(
      `${dir}/a.ipynb`,
      notebook(["await new Promise((r) => setTimeout(r, 20_000));"]),
    );
    await Deno.writeTextFile(
      `${dir}/b.ipynb`,
      notebook(['"fine"', 'throw new Error("case two fails");']),
    );
    const job = (name: string) => ({
      name,
      input: `${dir}/${name}`,
      output: `${dir}/out-${name}`,
      cwd: ROOT,
      results: `${dir}/results-${name}`,
    });
    const t0 = performance.now();
    await assert.rejects(
      () => executeNotebooks({ jobs: [job("a.ipynb"), job("b.ipynb")], workDir: dir, workers: 2 }),
      /^NotebookError: b\.ipynb, In \[2\]: Error: case two fails$/,
    );
    assert.ok(performance.now() - t0 < 15_000, "the other notebook is stopped, not waited for");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

// Where there is no setpriv (macOS, Windows), nothing makes a kernel die with a runner that is
// killed (a runner that is interrupted or stopped still stops its kernels).
Deno.test({
  name: "a kernel does not outlive its runner, even one that is killed (SIGKILL)",
  ignore: await pdeathsigLauncher() === null,
}, async () => {
  // The runner is `deno task reproduce` on a scratch folder, in a process of its own.
  await Deno.mkdir(`${ROOT}/.tmp`, { recursive: true });
  const dir = await Deno.makeTempDir({ dir: `${ROOT}/.tmp`, prefix: "runner-test-" });
  const heart = new Heartbeat(dir);
  try {
    await Deno.mkdir(`${dir}/notebooks`);
    await Deno.writeTextFile(`${dir}/notebooks/00-slow.ipynb`, notebook([heart.cell]));
    const runner = new Deno.Command("deno", {
      args: [...REPRODUCE_ARGS, "--notebooks", `${dir}/notebooks`, "--results", `${dir}/results`],
      cwd: ROOT,
      stdout: "null",
      stderr: "null",
    }).spawn();
    await heart.started();
    assert.equal(heart.parent, runner.pid, "the kernel is the runner's child");
    // Its connection file (ports and signing key) is in the run's scratch folder, removed with
    // it by the next run, not in the system's temporary folder.
    const key = runKey(`${dir}/notebooks`, `${dir}/results`);
    const scratch = [...Deno.readDirSync(`${ROOT}/.tmp`)].map((e) => e.name).filter((n) =>
      n.startsWith(`${key}-`)
    );
    const left = scratch.flatMap((n) => {
      try {
        return [...Deno.readDirSync(`${ROOT}/.tmp/${n}/logs/runtime`)].map((e) => e.name);
      } catch {
        return [];
      }
    });
    assert.ok(left.some((n) => /^kernel-[0-9a-f-]+\.json$/.test(n)), `runtime folders: ${left}`);
    runner.kill("SIGKILL");
    assert.equal((await runner.status).signal, "SIGKILL");
    await heart.assertStopped("runner killed");
  } finally {
    await heart.kill();
    // The killed run's lock and scratch folder (the next run on these folders would remove them).
    const key = runKey(`${dir}/notebooks`, `${dir}/results`);
    for (const e of Deno.readDirSync(`${ROOT}/.tmp`)) {
      if (e.name.startsWith(key)) await Deno.remove(`${ROOT}/.tmp/${e.name}`, { recursive: true });
    }
    await Deno.remove(dir, { recursive: true });
  }
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
  // Deno's own error, with RUST_BACKTRACE set: the backtrace it appends is not taken as the cause.
  const spec = kernelSpec(Deno.execPath());
  const refused = {
    ...spec,
    argv: [Deno.execPath(), "jupyter", "--kernel", "--no-such-flag", "--conn", "{connection_file}"],
    env: { ...spec.env, RUST_BACKTRACE: "1" },
  };
  await assert.rejects(
    () => run(["1"], refused),
    /^NotebookError: fixture\.ipynb: the kernel did not start: error: unexpected argument '--no-such-flag' found$/,
  );
  // A kernel that lost the race for its ports (Deno's AddrInUse, seen in the suite): another
  // process's socket, not a kernel's, sits on the shell port the client connects to. The client's
  // sends to it waited for ever and blocked the whole run; now the start fails, is tried once
  // more, and is named in one line. (A run that hangs is stopped after a minute, so that this
  // fails rather than hangs.)
  const foreign = {
    ...spec,
    argv: [
      Deno.execPath(),
      "run",
      "--allow-all",
      `${ROOT}/tests/fixtures/foreign_shell_port.ts`,
      "{connection_file}",
    ],
  };
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), 60_000);
  try {
    await assert.rejects(
      () =>
        executeCells(["1"], { spec: foreign, startupTimeoutSeconds: 10, signal: deadline.signal }),
      /^NotebookError: fixture\.ipynb: the kernel did not start: error: AddrInUse: Address already in use$/,
    );
  } finally {
    clearTimeout(timer);
  }
  // A kernel program that is not there: its path and the system's reason, in one line (whether
  // setpriv or Deno reports it).
  const missing = { ...spec, argv: ["/no/such/kernel-program", "{connection_file}"] };
  await assert.rejects(() => run(["1"], missing), (e: unknown) => {
    assert.ok(e instanceof NotebookError);
    assert.match(e.message, /^fixture\.ipynb: the kernel did not start: [^\n]+$/);
    assert.match(e.message, /\/no\/such\/kernel-program/);
    assert.match(e.message, /No such file or directory/);
    return true;
  });
  const silent = { ...kernelSpec(Deno.execPath()), argv: ["sleep", "60"] };
  const t0 = performance.now();
  await assert.rejects(
    () => run(["1"], silent, 1),
    /^NotebookError: fixture\.ipynb: the kernel did not answer within 1 s$/,
  );
  assert.ok(performance.now() - t0 < 20_000, "the start-up timeout is honoured");
});

Deno.test("the runner needs no Python: reproduce may run only deno (and setpriv)", () => {
  const run = REPRODUCE_ARGS.find((a) => a.startsWith("--allow-run="));
  assert.ok(run, "reproduce's permissions name what it runs");
  assert.deepEqual(run.slice("--allow-run=".length).split(",").sort(), [
    "/usr/bin/setpriv",
    "deno",
  ]);
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
    // A rename that fails half-way (a folder that cannot take it: here one that is not there)
    // is undone, and the message says so.
    await assert.rejects(
      () =>
        installAll([
          { from: `${dir}/new-a`, to: `${dir}/old-a` },
          { from: `${dir}/old-c`, to: `${dir}/no-such-folder/c` },
        ], `${dir}/backup`),
      /^Error: No such file or directory .*no-such-folder\/c'; the files already moved were put back: nothing was changed$/,
    );
    for (const f of ["new-a", "old-a", "old-c"]) {
      assert.equal(await Deno.readTextFile(`${dir}/${f}`), f, `${f} restored`);
    }
    // One that fails before anything moved says only that nothing was changed.
    await assert.rejects(
      () => installAll([{ from: `${dir}/old-c`, to: `${dir}/no-such-folder/c` }], `${dir}/backup`),
      /^Error: No such file or directory .*no-such-folder\/c'; nothing was changed$/,
    );
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
  // A cell added in Jupyter has an id of its own, which the run renumbers (`cell-N`, and so each
  // cell after it), and a client that records timing adds its metadata, which the run drops: the
  // summary says which, rather than "metadata" for both.
  const edited = JSON.parse(nb("a"));
  edited.cells[1].id = "9dd2a7f4";
  edited.cells[1].metadata = { execution: { "iopub.status.idle": "2026-12-05T21:21:24Z" } };
  edited.cells[2].id = "cell-1";
  const written = JSON.parse(nb("a"));
  written.cells[1].id = "cell-1";
  written.cells[2].id = "cell-2";
  assert.equal(
    notebookDifference(JSON.stringify(edited), JSON.stringify(written)),
    "cells In [1] (id, metadata), Markdown cell 2 (id)",
  );
  // A code cell with no execution count (empty, or never run) is "In [ ]" in Jupyter, not "In [0]".
  const unrun = (source: string) =>
    JSON.stringify({
      cells: [
        { cell_type: "code", source: "", execution_count: null, outputs: [], metadata: {} },
        { cell_type: "code", source, execution_count: null, outputs: [], metadata: {} },
      ],
      metadata: {},
    });
  assert.equal(notebookDifference(unrun("1"), unrun("2")), "cell In [ ] (cell 2) (source)");
  const emptyFirst = JSON.parse(unrun("1"));
  emptyFirst.cells[0].source = "// mine";
  assert.equal(
    notebookDifference(unrun("1"), JSON.stringify(emptyFirst)),
    "cell In [ ] (cell 1) (source)",
  );
  const enc = (s: string) => new TextEncoder().encode(s);
  assert.equal(
    fileDifference("results/tables/t.csv", enc("a,b\n1,2\n3,4\n5,6\n"), enc("a,b\n1,2\n3,5\n")),
    "row 2; 3 rows before, 2 produced",
  );
  assert.equal(
    fileDifference("results/tables/t.csv", enc("a,b\n1,2\n"), enc("a,b\n1,2\n3,4\n5,6\n")),
    "1 row before, 3 produced",
  );
  assert.equal(fileDifference("results/figures/f.png", enc("x"), enc("y")), "figure changed");
});

Deno.test("the differences name files absent before the run or not produced by it as such, not as committed", async () => {
  const dir = await Deno.makeTempDir({ prefix: "compare-test-" });
  try {
    const [old, made] = [`${dir}/old.csv`, `${dir}/made.csv`];
    await Deno.writeTextFile(old, "a\n1\n");
    await Deno.writeTextFile(made, "a\n1\n2\n");
    assert.deepEqual(
      await differences(
        new Map([["results/x.csv", old], ["results/gone.csv", old]]),
        new Map([["results/x.csv", made], ["results/new.csv", made]]),
      ),
      [
        "results/gone.csv: there before, not produced by the run",
        "results/new.csv: produced by the run, not there before",
        "results/x.csv: 1 row before, 2 produced",
      ],
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("deno task kernel registers the kernel the notebooks name", async () => {
  const dir = await Deno.makeTempDir({ prefix: "kernel-test-" });
  try {
    const out = await new Deno.Command("deno", {
      args: ["run", "--allow-read", "--allow-write", "--allow-env", "scripts/kernel.ts"],
      cwd: ROOT,
      env: { JUPYTER_DATA_DIR: dir },
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
