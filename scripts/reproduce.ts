/**
 * `deno task reproduce [--check]`: the main job. Re-executes every notebook in order through
 * nbclient with the project's Deno kernel and writes the executed notebooks and `results/`
 * (figures, tables, HTML renderings, manifest). With `--check`, executes into a scratch folder
 * and compares with the committed files byte for byte instead (exit 1 naming the first
 * difference). Nothing committed is touched unless every notebook succeeds.
 *
 * @module
 */
import { loadCaseSeries } from "../lib/load.ts";
import { PINNED_DENO, warnOnOtherDeno } from "../lib/runtime.ts";
import { executeNotebook, NotebookError, renderHtml } from "./runner/execute.ts";
import { firstDifference, listFiles, sha256, treeHash } from "./runner/files.ts";
import { installKernelSpec, jupyterEnv } from "./runner/kernelspec.ts";
import { CASE_TEMPLATE, NOTEBOOKS, PYTHON, RESULTS, ROOT, SCRATCH } from "./runner/paths.ts";

/** A notebook to execute: its output name and where its source comes from. */
interface Job {
  name: string;
  source: string;
  caseId?: string;
}

/** Notebooks in execution order: fixed ones by name, one per case after the dataset notebook. */
async function plan(): Promise<Job[]> {
  const fixed = (await listFiles(NOTEBOOKS)).filter((p) =>
    !p.includes("/") && p.endsWith(".ipynb") && !p.startsWith("01-case-")
  );
  const series = await loadCaseSeries();
  const cases: Job[] = series.cases.map((c) => ({
    name: `01-case-${c.id}.ipynb`,
    source: CASE_TEMPLATE,
    caseId: c.id,
  }));
  const jobs = fixed.map((name) => ({ name, source: `${NOTEBOOKS}/${name}` }));
  return [...jobs.filter((j) => j.name < "01"), ...cases, ...jobs.filter((j) => j.name >= "01")];
}

/** The notebook to execute: the template with the case id injected into its parameters cell. */
async function prepare(job: Job, dir: string): Promise<string> {
  const nb = JSON.parse(await Deno.readTextFile(job.source));
  for (const cell of nb.cells) {
    if (cell.cell_type === "code") cell.outputs = [], cell.execution_count = null;
  }
  if (job.caseId !== undefined) {
    const params = nb.cells.find((c: { metadata?: { tags?: string[] } }) =>
      c.metadata?.tags?.includes("parameters")
    );
    if (!params) throw new Error(`${job.source}: no cell tagged 'parameters'`);
    params.source = [
      "// Parameters (injected by `deno task reproduce` for each case in data/)\n",
      `const caseId = ${JSON.stringify(job.caseId)};`,
    ];
  }
  const path = `${dir}/${job.name}`;
  await Deno.writeTextFile(path, JSON.stringify(nb, null, 1) + "\n");
  return path;
}

async function requireJupyter(): Promise<void> {
  try {
    const out = await new Deno.Command(PYTHON, {
      args: ["-c", "import nbclient, nbconvert, nbformat"],
      stderr: "null",
    }).output();
    if (out.code === 0) return;
  } catch { /* reported below */ }
  throw new Error(
    `Jupyter's nbclient and nbconvert are needed for ${PYTHON}: ` +
      "sudo apt-get install -y jupyter-nbconvert python3-nbclient jupyter-client",
  );
}

/** The manifest of a results folder plus the executed notebooks. */
async function manifest(work: string): Promise<string> {
  const files: { path: string; sha256: string }[] = [];
  for (const p of await listFiles(`${work}/notebooks`)) {
    files.push({
      path: `notebooks/${p}`,
      sha256: sha256(await Deno.readFile(`${work}/notebooks/${p}`)),
    });
  }
  for (const p of await listFiles(`${work}/results`)) {
    files.push({
      path: `results/${p}`,
      sha256: sha256(await Deno.readFile(`${work}/results/${p}`)),
    });
  }
  return JSON.stringify(
    {
      deno: Deno.version.deno,
      denoPinned: PINNED_DENO,
      denoLockSha256: sha256(await Deno.readFile(`${ROOT}/deno.lock`)),
      dataSha256: await treeHash(`${ROOT}/data`),
      files,
    },
    null,
    2,
  ) + "\n";
}

async function run(check: boolean): Promise<number> {
  warnOnOtherDeno();
  await requireJupyter();
  await Deno.mkdir(SCRATCH, { recursive: true });
  const work = await Deno.makeTempDir({ dir: SCRATCH, prefix: "reproduce-" });
  try {
    const env = jupyterEnv(`${work}/jupyter`);
    await installKernelSpec(`${work}/jupyter`, Deno.execPath(), {
      RESULTS_DIR: `${work}/results`,
    });
    for (const d of ["src", "notebooks", "results/html"]) {
      await Deno.mkdir(`${work}/${d}`, { recursive: true });
    }
    const jobs = await plan();
    for (const [i, job] of jobs.entries()) {
      const t0 = performance.now();
      const input = await prepare(job, `${work}/src`);
      await executeNotebook({
        name: job.name,
        input,
        output: `${work}/notebooks/${job.name}`,
        cwd: NOTEBOOKS,
        env,
      });
      const secs = ((performance.now() - t0) / 1000).toFixed(1);
      console.log(`[${i + 1}/${jobs.length}] ${job.name} ${secs} s`);
    }
    for (const job of jobs) {
      await renderHtml(`${work}/notebooks/${job.name}`, `${work}/results/html`, env);
    }
    await Deno.writeTextFile(`${work}/results/manifest.json`, await manifest(work));

    const committed = new Map<string, string>();
    const produced = new Map<string, string>();
    for (const p of await listFiles(NOTEBOOKS)) {
      if (!p.includes("/") && p.endsWith(".ipynb")) {
        committed.set(`notebooks/${p}`, `${NOTEBOOKS}/${p}`);
      }
    }
    for (const p of await listFiles(RESULTS)) committed.set(`results/${p}`, `${RESULTS}/${p}`);
    for (const p of await listFiles(`${work}/notebooks`)) {
      produced.set(`notebooks/${p}`, `${work}/notebooks/${p}`);
    }
    for (const p of await listFiles(`${work}/results`)) {
      produced.set(`results/${p}`, `${work}/results/${p}`);
    }
    if (check) {
      const diff = await firstDifference(committed, produced);
      if (diff) {
        console.error(`check failed: ${diff}`);
        return 1;
      }
      console.log(`check passed: ${produced.size} files identical to the committed ones`);
      return 0;
    }
    // Install: notebooks one by one (rename is atomic), then swap the results folder.
    for (const job of jobs) {
      await Deno.rename(`${work}/notebooks/${job.name}`, `${NOTEBOOKS}/${job.name}`);
    }
    for (const p of committed.keys()) {
      if (p.startsWith("notebooks/01-case-") && !produced.has(p)) await Deno.remove(`${ROOT}/${p}`);
    }
    const old = `${work}/results-old`;
    try {
      await Deno.rename(RESULTS, old);
    } catch (e) {
      if (!(e instanceof Deno.errors.NotFound)) throw e;
    }
    await Deno.rename(`${work}/results`, RESULTS);
    console.log(
      `wrote ${jobs.length} notebooks and results/ (${produced.size - jobs.length} files)`,
    );
    return 0;
  } finally {
    await Deno.remove(work, { recursive: true });
  }
}

if (import.meta.main) {
  const args = Deno.args;
  if (args.some((a) => a !== "--check")) {
    console.error("usage: deno task reproduce [--check]");
    Deno.exit(2);
  }
  try {
    Deno.exit(await run(args.includes("--check")));
  } catch (e) {
    if (e instanceof NotebookError) {
      console.error(`error: ${e.message}`);
    } else {
      console.error(`error: ${(e as Error).message}`);
    }
    Deno.exit(1);
  }
}
