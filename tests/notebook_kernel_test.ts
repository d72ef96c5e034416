/**
 * The notebooks as a person uses them, in a real Deno kernel: every display lands in its own cell
 * even with stock nbclient (which stops reading a cell's outputs when the kernel reports it idle)
 * on a busy machine; the case template runs from the folder it lives in; a package that was not
 * added to deno.json fails with a visible error.
 */
import assert from "node:assert/strict";
import { NotebookError } from "../scripts/runner/execute.ts";
import { installKernelSpec, jupyterEnv, KERNEL_NAME } from "../scripts/runner/kernelspec.ts";
import { NOTEBOOKS, PYTHON } from "../scripts/runner/paths.ts";
import { executeCells } from "./helpers/notebook.ts";

/** A scratch folder with a kernelspec for this Deno; removed after `fn`. */
async function withKernel<T>(fn: (dir: string, env: Record<string, string>) => Promise<T>) {
  const dir = await Deno.makeTempDir({ prefix: "kernel-test-" });
  try {
    await installKernelSpec(`${dir}/jupyter`, Deno.execPath());
    return await fn(dir, jupyterEnv(`${dir}/jupyter`));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/**
 * Sends every cell at once, as "Run All" in Jupyter does, `runs` times on an idle machine and then
 * `runs` times with both cores kept busy (two `deno eval` loops), in one kernel, and counts per
 * phase and cell the displays that arrive and those that arrive after the kernel reported the cell
 * idle (which a front end drops or shows under another cell), including those that arrive during a
 * later run or in the half second after a phase's last run.
 */
const RUN_ALL = `
import json, queue, subprocess, sys, time
from jupyter_client.manager import start_new_kernel
kernel, cwd, deno, runs, cells = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), json.loads(sys.argv[5])
km, kc = start_new_kernel(kernel_name=kernel, cwd=cwd)

def run_all(settled=lambda: None):
    # Every run's requests stay known, so a display of an earlier run that arrives during a later
    # one is still counted, as late; the phase ends with one wait for stragglers.
    shown, late = [0] * len(cells), [0] * len(cells)
    index, idle = {}, set()
    def take(msg):
        msg_id = msg["parent_header"].get("msg_id")
        i = index.get(msg_id)
        if i is None:
            return
        kind = msg["msg_type"]
        if kind == "status" and msg["content"]["execution_state"] == "idle":
            idle.add(msg_id)
        elif kind == "error":
            raise SystemExit(f"cell {i}: {msg['content']['evalue']}")
        elif kind == "display_data":
            shown[i] += 1
            late[i] += msg_id in idle
    for _ in range(runs):
        sent = [kc.execute(code) for code in cells]
        index.update({msg_id: i for i, msg_id in enumerate(sent)})
        while not idle.issuperset(sent):
            take(kc.get_iopub_msg(timeout=300))
    # Every display not in yet is late already: the load can stop before the wait for it.
    settled()
    end = time.time() + 0.5
    while time.time() < end:
        try:
            take(kc.get_iopub_msg(timeout=0.1))
        except queue.Empty:
            continue
    return {"shown": shown, "late": late}

result = {}
try:
    result["idle machine"] = run_all()
    burners = [
        subprocess.Popen([deno, "eval", "for (;;) {}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(2)
    ]
    def stop_burners():
        for b in burners:
            b.kill()
            b.wait()
    try:
        result["both cores busy"] = run_all(stop_burners)
    finally:
        stop_burners()
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)
print(json.dumps(result))
`;

/** Displays per phase and cell, as {@link RUN_ALL} counts them. */
type Counts = Record<"idle machine" | "both cores busy", { shown: number[]; late: number[] }>;

/** Runs `cells` with {@link RUN_ALL}. */
function runAll(cells: string[], runs: number): Promise<Counts> {
  return withKernel(async (_dir, env) => {
    const out = await new Deno.Command(PYTHON, {
      args: [
        "-c",
        RUN_ALL,
        KERNEL_NAME,
        NOTEBOOKS,
        Deno.execPath(),
        String(runs),
        JSON.stringify(cells),
      ],
      env,
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
    return JSON.parse(new TextDecoder().decode(out.stdout)) as Counts;
  });
}

// Without the display helpers' wait (lib/display.ts; DISPLAY_WAIT_MS=0), this failed in each of 8
// tries with 3 runs when written, and in 16 of 20 tries later: displays arrived after their cell
// was reported idle, or under the next cell.
Deno.test('"Run All": every display arrives before its cell is reported idle, on an idle and a busy machine', async () => {
  const runs = 3;
  const cells = [
    'import * as lib from "#lib/mod.ts";\nimport * as plots from "#lib/plots/mod.ts";\n' +
    "const series = await lib.loadCaseSeries();",
    'for (let i = 0; i < 3; i++) await lib.showTable(`t${i}`, [{ a: i, b: "x" }], "T");',
    "for (let i = 0; i < 3; i++) await lib.showMarkdown(`## output ${i}`);",
    "await lib.showMarkdown(`one *line*`);",
    'await lib.showFigure("f", plots.caseTimelineFigure(series.cases[0]));',
  ];
  const counts = await runAll(cells, runs);
  for (const [phase, { shown, late }] of Object.entries(counts)) {
    assert.deepEqual(shown, [0, 3, 3, 1, 1].map((n) => n * runs), phase);
    assert.deepEqual(late, cells.map(() => 0), phase);
  }
  assert.deepEqual(Object.keys(counts), ["idle machine", "both cores busy"]);
});

Deno.test("the case template runs from the folder it lives in", async () => {
  const nb = await executeCells(
    { file: `${NOTEBOOKS}/templates/case.ipynb` },
    { cwd: `${NOTEBOOKS}/templates` },
  );
  const outputs = nb.cells.flatMap((c: { outputs?: { output_type: string }[] }) => c.outputs ?? []);
  assert.ok(outputs.length > 0, "no outputs");
  assert.ok(outputs.every((o: { output_type: string }) => o.output_type !== "error"));
  const figures = outputs.filter((o: { data?: Record<string, string> }) => o.data?.["image/png"]);
  assert.ok(figures.length > 0, "no figure");
  for (const f of figures) {
    assert.ok(f.metadata["image/png"].width > 0, "a PNG without its display size");
  }
});

Deno.test("importing a package that was not added with deno add shows an error", async () => {
  await assert.rejects(
    () => executeCells(['import { x } from "a-package-not-in-deno-json";']),
    (e: Error) => {
      assert.ok(e instanceof NotebookError);
      assert.match(e.message, /"a-package-not-in-deno-json" not a dependency/);
      assert.doesNotMatch(e.message, /the kernel gave no traceback/);
      return true;
    },
  );
});
