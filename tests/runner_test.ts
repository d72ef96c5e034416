/**
 * The notebook runner: a throwing cell and a failing import are reported with their cell, and
 * an output published after the kernel reports idle is kept.
 */
import assert from "node:assert/strict";
import { executeNotebook, NotebookError } from "../scripts/runner/execute.ts";
import { installKernelSpec, jupyterEnv } from "../scripts/runner/kernelspec.ts";
import { NOTEBOOKS } from "../scripts/runner/paths.ts";

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
    metadata: { kernelspec: { name: "deno", display_name: "Deno", language: "typescript" } },
    nbformat: 4,
    nbformat_minor: 5,
  });
}

async function run(cells: string[]) {
  const dir = await Deno.makeTempDir({ prefix: "runner-test-" });
  try {
    await installKernelSpec(`${dir}/jupyter`, "deno");
    await Deno.writeTextFile(`${dir}/in.ipynb`, notebook(cells));
    await executeNotebook({
      name: "fixture.ipynb",
      input: `${dir}/in.ipynb`,
      output: `${dir}/out.ipynb`,
      cwd: NOTEBOOKS,
      env: jupyterEnv(`${dir}/jupyter`),
      timeoutSeconds: 120,
    });
    return JSON.parse(await Deno.readTextFile(`${dir}/out.ipynb`));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("a cell that throws stops the run, naming the notebook, the cell and the error", async () => {
  await assert.rejects(
    () => run(["const x = 1;", 'throw new Error("boom in cell two");', "x"]),
    (e: unknown) => {
      assert.ok(e instanceof NotebookError);
      assert.equal(e.notebook, "fixture.ipynb");
      assert.equal(e.cell, 1);
      assert.match(e.message, /fixture\.ipynb, cell 1: .*boom in cell two/);
      return true;
    },
  );
});

Deno.test("a failing import still names its cell", async () => {
  await assert.rejects(
    () => run(["1 + 1", 'import { nothing } from "./does-not-exist.ts";', "2"]),
    (e: unknown) => {
      assert.ok(e instanceof NotebookError);
      assert.equal(e.cell, 1);
      assert.match(e.message, /cell 1: .*does-not-exist\.ts/);
      return true;
    },
  );
});

Deno.test("an error with no output and no traceback from the kernel still names its cell", async () => {
  await assert.rejects(
    () => run(["1 + 1", "const = ;", "2"]),
    (e: unknown) => {
      assert.ok(e instanceof NotebookError);
      assert.equal(e.cell, 1);
      assert.match(e.message, /no traceback: a syntax error or a failing import/);
      return true;
    },
  );
});

Deno.test("an output published after the cell reports idle is not lost, and streams are merged", async () => {
  const nb = await run([
    'console.log("one"); console.log("two");',
    'setTimeout(() => Deno.jupyter.display({ "text/plain": "late" }, { raw: true }), 40); "now"',
    '"next"',
  ]);
  assert.deepEqual(nb.cells[0].outputs.map((o: { text: string[] }) => o.text.join("")), [
    "one\ntwo\n",
  ]);
  const texts = nb.cells[1].outputs.map((o: { data: Record<string, string[]> }) =>
    o.data["text/plain"].join("")
  );
  assert.ok(texts.includes("late"), `late output lost: ${JSON.stringify(texts)}`);
  assert.equal(nb.cells[2].outputs.length, 1, "nothing spilled into the next cell");
  assert.equal(nb.cells[0].metadata.execution, undefined, "no timing metadata");
});

Deno.test("reproduce: a failing notebook exits 1 naming it and its cell, and touches nothing", async () => {
  const { ROOT } = await import("../scripts/runner/paths.ts");
  await Deno.mkdir(`${ROOT}/.tmp`, { recursive: true });
  const dir = await Deno.makeTempDir({ dir: `${ROOT}/.tmp`, prefix: "fixture-" });
  try {
    await Deno.mkdir(`${dir}/notebooks`);
    await Deno.mkdir(`${dir}/results`);
    const ok = notebook(["1 + 1"]);
    const bad = notebook(['"fine"', 'throw new Error("fixture failure");', '"never"']);
    await Deno.writeTextFile(`${dir}/notebooks/00-ok.ipynb`, ok);
    await Deno.writeTextFile(`${dir}/notebooks/10-bad.ipynb`, bad);
    await Deno.writeTextFile(`${dir}/results/sentinel.txt`, "committed");
    const out = await new Deno.Command("deno", {
      args: [
        "run",
        "--allow-read",
        "--allow-write=.",
        "--allow-run=/usr/bin/python3",
        "--allow-env",
        "scripts/reproduce.ts",
        "--notebooks",
        `${dir}/notebooks`,
        "--results",
        `${dir}/results`,
      ],
      cwd: ROOT,
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stdout = new TextDecoder().decode(out.stdout);
    const stderr = new TextDecoder().decode(out.stderr);
    assert.equal(out.code, 1, stdout + stderr);
    assert.match(stdout, /^\[1\/2\] 00-ok\.ipynb \d+\.\d s$/m);
    assert.match(stderr, /error: 10-bad\.ipynb, cell 1: .*fixture failure/);
    assert.equal(await Deno.readTextFile(`${dir}/notebooks/00-ok.ipynb`), ok);
    assert.equal(await Deno.readTextFile(`${dir}/notebooks/10-bad.ipynb`), bad);
    assert.deepEqual([...Deno.readDirSync(`${dir}/results`)].map((e) => e.name), ["sentinel.txt"]);
    assert.equal(await Deno.readTextFile(`${dir}/results/sentinel.txt`), "committed");
    const leftovers = [...Deno.readDirSync(`${ROOT}/.tmp`)].filter((e) =>
      e.name.startsWith("reproduce-")
    );
    assert.deepEqual(leftovers, [], "scratch folder removed");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
