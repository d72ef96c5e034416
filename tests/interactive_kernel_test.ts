/**
 * A data scientist's first cells, in a fresh Deno kernel, without reading lib/: the observations as
 * a dataframe (shown as a table), a change under another baseline and a clear error for a wrong
 * one, their own Observable Plot figure (PNG, SVG and text), help on a function and its example
 * pasted into a cell; and what an `npm:` import typed in a cell does to the kernel (Deno's
 * behaviour, which docs/notebooks.md describes). The dataset notebook's "make your own figure" cell is
 * checked on the suite's one re-execution of every notebook (notebooks_test.ts), each in a fresh
 * kernel.
 */
import assert from "node:assert/strict";
import * as lib from "#lib/mod.ts";
import * as plots from "#lib/plots/mod.ts";
import { kernelSpec } from "../scripts/runner/kernelspec.ts";
import { NOTEBOOKS } from "../scripts/runner/paths.ts";
import { startSession, WaitError } from "../scripts/runner/jupyter/session.ts";
import type { Message } from "../scripts/runner/jupyter/wire.ts";
import { executeCells, notebook } from "./helpers/notebook.ts";

/** An output of an executed notebook. */
interface Output {
  output_type: string;
  text?: string | string[];
  data?: Record<string, string | string[]>;
  metadata?: Record<string, unknown>;
}

const joined = (x: string | string[] | undefined) => Array.isArray(x) ? x.join("") : x ?? "";
const outputsOf = (nb: { cells: { outputs?: Output[] }[] }) => nb.cells.map((c) => c.outputs ?? []);
const stdout = (outs: Output[]) =>
  outs.filter((o) => o.output_type === "stream").map((o) => joined(o.text)).join("");

/** The example `help(name)` prints, as pasted into a cell. */
function pastedExample(name: string): string {
  const block = lib.helpText(name).split("\n\n").find((p) => p.startsWith("Example:\n"));
  assert.ok(block, `help("${name}") has an example`);
  return block.replace(/^Example:\n/, "").replace(/^ {2}/gm, "");
}

Deno.test("a fresh kernel: dataframe, another baseline, a clear error, own figure, help, pasted example", async () => {
  const series = await lib.loadCaseSeries();
  const nObservations = series.cases.reduce((s, c) => s + c.observations.length, 0);
  const cells = [
    'import * as lib from "#lib/mod.ts";\nimport * as plots from "#lib/plots/mod.ts";\n' +
    'import * as Plot from "@observablehq/plot";\nimport * as aq from "arquero";\n' +
    "const series = await lib.loadCaseSeries();",
    // 1: the observations as a dataframe, shown as a table by the kernel.
    "const t = await lib.frames(series);\nt.observations",
    // 2: grouped.
    't.observations.groupby("case_id").rollup({ n: aq.op.count(), mean: aq.op.mean("common") })',
    // 3: a change under another baseline than the study's.
    "const c = series.cases.find((x) => lib.caseChange(x).points.length > 0);\n" +
    "const other = lib.BASELINE_DEFINITIONS.find((d) => d !== c.study.baseline);\n" +
    "lib.caseChange(c, { baseline: other }).baseline.definition === other",
    // 4: a wrong baseline: the error a person sees.
    'lib.caseChange(c, { baseline: "median" })',
  ];
  // One kernel runs every cell; the wrong baseline's cell comes last, tagged as nbclient knows a
  // cell that may fail (raises-exception), so that the person's error is what it shows.
  const all = [
    ...cells.slice(0, 4),
    // 4: their own figure, as the cell's last expression.
    'plots.plot({ title: "Pain by day", marks: [Plot.dot(t.observations, { x: "day", y: "common" })] })',
    // 5: shown by showFigure, at its size.
    "await lib.showFigure(plots.plot({ marks: [Plot.lineY([3, 1, 2])] }));",
    // 6: help.
    'lib.help("caseChange");',
    // 7, 8: examples pasted from help.
    pastedExample("caseChange"),
    pastedExample("frames"),
    // 9: a built figure (not plot's) as the cell's last expression: its image, not its DOM.
    "plots.caseTimelineFigure(series.cases[0], { alignOn: null })",
    // 10: the wrong baseline (cell 4 of the first cells).
    cells[4],
  ];
  const text = JSON.parse(notebook(all));
  text.cells.at(-1).metadata.tags = ["raises-exception"];
  const nb = await executeCells({ text: JSON.stringify(text) });
  const outs = outputsOf(nb);
  const wrong = outs.pop()!.filter((o) => o.output_type === "error") as (Output & {
    ename: string;
    evalue: string;
  })[];
  assert.equal(wrong.length, 1, "the wrong baseline's cell shows one error");
  assert.match(
    `${wrong[0].ename}: ${wrong[0].evalue}`,
    /^TypeError: caseChange: options\.baseline must be one of last, max, mean; got "median"/,
  );
  for (const [i, o] of outs.entries()) {
    assert.ok(o.every((x) => x.output_type !== "error"), `cell ${i}: ${JSON.stringify(o)}`);
  }
  const result = (i: number) => outs[i].find((o) => o.output_type === "execute_result")?.data ?? {};
  // The dataframe is a table with its size under it.
  assert.match(joined(result(1)["text/html"]), /^<table>.*<th><div align="left">case_id/);
  assert.match(
    joined(result(1)["text/plain"]),
    new RegExp(`${nObservations} rows × \\d+ columns`),
  );
  assert.equal(
    (joined(result(2)["text/html"]).match(/<tbody>.*<\/tbody>/)?.[0].match(/<tr>/g) ?? []).length,
    series.cases.length,
  );
  assert.equal(joined(result(3)["text/plain"]), "true");
  // The figure: PNG (shows in an untrusted notebook), SVG and its title as text.
  assert.deepEqual(Object.keys(result(4)).sort(), ["image/png", "image/svg+xml", "text/plain"]);
  assert.equal(joined(result(4)["text/plain"]), "Pain by day");
  // A builder's figure shows itself the same way.
  assert.deepEqual(Object.keys(result(9)).sort(), ["image/png", "image/svg+xml", "text/plain"]);
  assert.equal(
    joined(result(9)["text/plain"]),
    plots.caseTimelineFigure(series.cases[0], { alignOn: null }).description,
  );
  const shown = outs[5].find((o) => o.output_type === "display_data");
  assert.ok(shown?.data?.["image/png"], "showFigure sent a PNG");
  // Help: signature, options with their values, an example importing #lib/mod.ts.
  const help = stdout(outs[6]);
  assert.match(help, /^function caseChange\(c: Case, options: ChangeOptions = \{\}\): CaseChange/);
  assert.match(help, /baseline\?: BaselineDefinition \("last" \| "max" \| "mean"\)/);
  assert.match(help, /Example:\n( {2}import .*\n)* {2}import .* from "#lib\/mod\.ts";/);
});

/** What one cell did: its reply's status and evalue, and the outputs of errors and results. */
interface CellRun {
  status: string;
  evalue?: string;
  shown: { type: string; text: string }[];
}

/**
 * Runs each cell in one kernel started in `cwd`, through the runner's Jupyter client, collecting
 * per cell the reply's status and evalue, and the iopub error, result and stream messages (for
 * half a second after the reply).
 *
 * @returns What each cell did, and the kernel's kernel_info reply.
 */
async function runCells(
  cwd: string,
  cells: string[],
  runtimeDir: string,
): Promise<{ runs: CellRun[]; info: Message }> {
  const log = await Deno.open(`${runtimeDir}/kernel.log`, { write: true, create: true });
  const { session, info } = await startSession({
    spec: kernelSpec(Deno.execPath()),
    cwd,
    env: {},
    runtimeDir,
    log,
    timeoutSeconds: 60,
  });
  const out: CellRun[] = [];
  try {
    for (const code of cells) {
      const id = await session.execute(code);
      let reply = await session.next("shell", performance.now() + 120_000);
      while (reply.parent_header.msg_id !== id) {
        reply = await session.next("shell", performance.now() + 120_000);
      }
      const shown: CellRun["shown"] = [];
      const end = performance.now() + 500;
      for (;;) {
        let m;
        try {
          m = await session.next("iopub", end);
        } catch (e) {
          if (e instanceof WaitError) break;
          throw e;
        }
        const kind = m.header.msg_type;
        if (m.parent_header.msg_id === id && ["error", "execute_result", "stream"].includes(kind)) {
          shown.push({
            type: kind,
            text: m.content.evalue ?? JSON.stringify(m.content.data ?? m.content.text),
          });
        }
      }
      out.push({ status: reply.content.status, evalue: reply.content.evalue, shown });
    }
  } finally {
    await session.stop();
    log.close();
  }
  return { runs: out, info };
}

/** The lock before the cells below ran. */
const lockBefore = await Deno.readTextFile(`${NOTEBOOKS}/../deno.lock`);

let npmImport: ReturnType<typeof runCells> | null = null;

/**
 * A fresh kernel in the notebooks' folder, as Jupyter starts one there, in which a person types an
 * `npm:` import, then code, then a local import: run once, shared by the two tests below (its
 * kernel_info reply is the one Jupyter reads on opening a notebook, before any cell runs).
 */
function npmImportKernel(): ReturnType<typeof runCells> {
  npmImport ??= (async () => {
    const dir = await Deno.makeTempDir({ prefix: "npm-import-kernel-" });
    try {
      // A package that is not in deno.lock; the lock is frozen, so no network is used or needed
      // beyond registry look-ups, and nothing is written.
      return await runCells(NOTEBOOKS, [
        "1 + 1",
        'import { mean } from "npm:d3-array@3.2.4";\nmean([1, 2, 3])',
        "2 + 2",
        'import * as lib from "#lib/mod.ts";',
      ], dir);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  })();
  return npmImport;
}

// Deno 2.9.6's kernel; when this fails, Deno has changed: update the advice of docs/notebooks.md
// (item 6) to what the kernel then does.
Deno.test("an npm: import typed in a cell: an error with no message, then local imports fail visibly", async () => {
  const [before, npm, after, local] = (await npmImportKernel()).runs;
  assert.equal(before.status, "ok");
  // The import fails, and the notebook shows nothing: no error output, no result.
  assert.equal(npm.status, "error");
  assert.deepEqual(npm.shown, []);
  // Code without imports still runs; a local import then fails with a visible message.
  assert.equal(after.status, "ok");
  assert.equal(local.status, "error");
  assert.match(local.shown[0]?.text ?? "", /The lockfile is out of date/);
  assert.equal(await Deno.readTextFile(`${NOTEBOOKS}/../deno.lock`), lockBefore);
});

Deno.test("opening or copying the case template changes nothing: it carries the kernel's language_info", async () => {
  // Jupyter fills metadata.language_info from the kernel's kernel_info reply when it opens a
  // notebook; a template without it opened dirty and "Make a Copy" saved a changed file.
  const { info } = await npmImportKernel();
  const template = JSON.parse(await Deno.readTextFile(`${NOTEBOOKS}/templates/case.ipynb`));
  assert.deepEqual(template.metadata.language_info, info.content.language_info);
});
