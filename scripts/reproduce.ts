/**
 * `deno task reproduce [--check]`: the main job. Re-executes every notebook in order through
 * nbclient with the project's Deno kernel and writes the executed notebooks and `results/`
 * (figures, tables, HTML renderings, manifest). With `--check`, executes into a scratch folder
 * and compares with the committed files byte for byte instead (exit 1 naming the first
 * difference). Nothing committed is touched unless every notebook succeeds. `--notebooks` and
 * `--results` point it at other folders (inside the repository, so that renames are atomic).
 *
 * @module
 */
import { loadCaseSeries } from "../lib/load.ts";
import { PINNED_DENO, warnOnOtherDeno } from "../lib/runtime.ts";
import { executeNotebook, NotebookError, renderHtml } from "./runner/execute.ts";
import { firstDifference, listFiles, sha256, treeHash } from "./runner/files.ts";
import { installKernelSpec, jupyterEnv } from "./runner/kernelspec.ts";
import { NOTEBOOKS, PYTHON, RESULTS, ROOT, SCRATCH } from "./runner/paths.ts";

/** A notebook to execute: its output name and where its source comes from. */
interface Job {
  name: string;
  source: string;
  caseId?: string;
}

/** Where the notebooks are read from and written to. */
export interface Folders {
  /** Notebooks (sources and executed copies). */
  notebooks: string;
  /** The results folder. */
  results: string;
}

/**
 * Notebooks in execution order: fixed ones by name, one per case (from `templates/case.ipynb`,
 * when the folder has it) after those whose names sort before "01".
 */
async function plan(dirs: Folders): Promise<Job[]> {
  const fixed = (await listFiles(dirs.notebooks)).filter((p) =>
    !p.includes("/") && p.endsWith(".ipynb") && !p.startsWith("01-case-")
  );
  const template = `${dirs.notebooks}/templates/case.ipynb`;
  const hasTemplate = await Deno.stat(template).then(() => true, () => false);
  const cases: Job[] = hasTemplate
    ? (await loadCaseSeries()).cases.map((c) => ({
      name: `01-case-${c.id}.ipynb`,
      source: template,
      caseId: c.id,
    }))
    : [];
  const jobs = fixed.map((name) => ({ name, source: `${dirs.notebooks}/${name}` }));
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

/** Executes every notebook; writes (or, with `check`, compares) notebooks and results. */
export async function run(
  check: boolean,
  dirs: Folders = { notebooks: NOTEBOOKS, results: RESULTS },
): Promise<number> {
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
    const jobs = await plan(dirs);
    for (const [i, job] of jobs.entries()) {
      const t0 = performance.now();
      const input = await prepare(job, `${work}/src`);
      await executeNotebook({
        name: job.name,
        input,
        output: `${work}/notebooks/${job.name}`,
        cwd: dirs.notebooks,
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
      await Deno.rename(`${work}/notebooks/${job.name}`, `${dirs.notebooks}/${job.name}`);
    }
    for (const [p, path] of committed) {
      if (p.startsWith("notebooks/01-case-") && !produced.has(p)) await Deno.remove(path);
    }
    const old = `${work}/results-old`;
    try {
      await Deno.rename(dirs.results, old);
    } catch (e) {
      if (!(e instanceof Deno.errors.NotFound)) throw e;
    }
    await Deno.rename(`${work}/results`, dirs.results);
    console.log(
      `wrote ${jobs.length} notebooks and results/ (${produced.size - jobs.length} files)`,
    );
    return 0;
  } finally {
    await Deno.remove(work, { recursive: true });
  }
}

/** Parses `[--check] [--notebooks DIR] [--results DIR]`; `null` on a usage error. */
function parseArgs(args: string[]): { check: boolean; dirs: Folders } | null {
  const dirs: Folders = { notebooks: NOTEBOOKS, results: RESULTS };
  let check = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--check") check = true;
    else if ((a === "--notebooks" || a === "--results") && args[i + 1]) {
      dirs[a === "--notebooks" ? "notebooks" : "results"] = Deno.realPathSync(args[++i]);
    } else return null;
  }
  return { check, dirs };
}

if (import.meta.main) {
  const parsed = parseArgs(Deno.args);
  if (!parsed) {
    console.error("usage: deno task reproduce [--check] [--notebooks DIR] [--results DIR]");
    Deno.exit(2);
  }
  try {
    Deno.exit(await run(parsed.check, parsed.dirs));
  } catch (e) {
    if (e instanceof NotebookError) {
      console.error(`error: ${e.message}`);
    } else {
      console.error(`error: ${(e as Error).message}`);
    }
    Deno.exit(1);
  }
}
