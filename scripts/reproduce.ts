/**
 * `deno task reproduce [--check] [--force] [--workers N] [--notebooks DIR] [--results DIR]`: the
 * main job. Executes the notebooks (several at a time) on the project's Deno kernel, through the
 * runner's own Jupyter client (`runner/jupyter/`), and writes the executed notebooks and `results/` (figures, tables, HTML pages, and a
 * manifest recording every file's hash and each notebook's inputs and outputs).
 *
 * On a machine that has run them before (`.tmp/runs/` records the manifest its last run wrote), a
 * notebook whose inputs (its source, the `lib/` modules it imports, `data/`, `deno.json`,
 * `deno.lock`, the Deno version, the runner) are those recorded in the manifest, and whose outputs
 * are as recorded, is not executed again unless `--force`; on a fresh clone every notebook runs.
 * A run that executed notebooks ends by saying how many files are identical to those before it
 * (the committed ones) and which differ. `--check` executes every
 * notebook into a scratch folder and lists every file that differs from the committed ones
 * (exit 1). Nothing is changed unless every notebook succeeds: new notebooks and results are
 * installed together or not at all; an interrupted run (SIGINT, SIGTERM) changes nothing. A run
 * that is killed or loses its terminal (SIGHUP) leaves no kernel running, and the next run
 * removes the scratch folder it left. One run at a time on a folder (a lock in `.tmp/` for each).
 *
 * @module
 */
import { PINNED_DENO, warnOnOtherDeno } from "../lib/runtime.ts";
import { DATA_DIR_VARIABLE, DEFAULT_DATA_DIR } from "../lib/load.ts";
import { plural } from "../lib/prose.ts";
import { differences } from "./runner/compare.ts";
import { executeNotebooks, InterruptedError } from "./runner/execute.ts";
import { sha256 } from "./runner/files.ts";
import { type Inputs, moduleInputs, sharedInputs } from "./runner/inputs.ts";
import {
  busyMessage,
  checkWritable,
  diskFullMessage,
  installAll,
  removeScratch,
  removeStoppedRuns,
} from "./runner/install.ts";
import { lockFolders } from "./runner/lock.ts";
import { ranHere, recordRun } from "./runner/state.ts";
import {
  collect,
  insideFile,
  locate,
  type Manifest,
  readManifest,
  staleness,
  tree,
} from "./runner/manifest.ts";
import { fileState, foreignEntries, installMoves, refuseEditedCases } from "./runner/ownership.ts";
import { type Folders, type Job, notPublished, plan, prepare, sourceHash } from "./runner/plan.ts";
import { runKey, SCRATCH, shown } from "./runner/paths.ts";
import { onStopSignal } from "./stop_signals.ts";
import {
  parseRunArgs,
  REPRODUCE_HELP,
  REPRODUCE_USAGE,
  type RunOptions,
} from "./runner/reproduce_args.ts";

export type { RunOptions };

/**
 * Runs (see the module documentation).
 *
 * @param options what to do and where
 * @param signal aborting it stops the run, which then changes nothing
 * @returns the exit code: 0, or 1 when `--check` found differences
 * @throws {Error} a `NotebookError` (a notebook failed), an {@link InterruptedError}, a
 * `LockedError` (another run holds the folders) or a `NotWritableError`
 * @example
 * ```ts ignore
 * import { run } from "./reproduce.ts";
 * await run({
 *   check: true,
 *   force: false,
 *   workers: 2,
 *   startupTimeout: 20,
 *   dirs: { notebooks: "notebooks", results: "results" },
 *   keep: null,
 * });
 * ```
 */
export async function run(options: RunOptions, signal?: AbortSignal): Promise<number> {
  const { dirs, check } = options;
  const interrupted = () => {
    if (signal?.aborted) throw new InterruptedError();
  };
  warnOnOtherDeno();
  await Deno.mkdir(SCRATCH, { recursive: true });
  const key = runKey(dirs.notebooks, dirs.results);
  const release = await lockFolders(
    [dirs.notebooks, dirs.results],
    SCRATCH,
    "`deno task reproduce`",
  );
  // Scratch folders of these folders' runs that ended without removing theirs (killed, or their
  // terminal closed): no such run is going, as this one holds the lock. One stopped while
  // installing is undone first, from its backup, which is removed only once all is back.
  try {
    for (const line of await removeStoppedRuns(SCRATCH, key)) console.log(line);
  } catch (e) {
    await release();
    throw e;
  }
  const work = await Deno.makeTempDir({ dir: SCRATCH, prefix: `${key}-` });
  try {
    if (!check) await checkWritable([dirs.notebooks, dirs.results], SCRATCH);
    // What this run may replace: the files the results folder's manifest lists (every path in
    // it checked); a folder with files but no manifest is refused, other files are kept.
    // (Read again before installing: see there.)
    const previous = check ? null : await readManifest(dirs.results);
    if (!check) await foreignEntries(dirs.results, previous, shown(dirs.results));
    for (const d of ["src", "notebooks", "results/html", "out", "logs"]) {
      await Deno.mkdir(`${work}/${d}`, { recursive: true });
    }
    const jobs = await plan(dirs);
    for (const line of await notPublished(dirs.notebooks, shown)) console.log(line);
    if (jobs.length === 0) throw new Error(await noNotebooks(dirs.notebooks));
    const before = new Map<string, string | null>();
    for (const j of jobs) before.set(j.name, await fileState(`${dirs.notebooks}/${j.name}`));
    const { sources, inputs } = await notebookInputs(jobs, dirs, work);
    interrupted();
    if (!check) {
      await refuseEditedCases(jobs.map((j) => j.name), { dirs, work, manifest: previous, shown });
    }

    // Which notebooks run: all with --check or --force, or when this machine has not run them
    // (a fresh clone: the main job re-executes what it reports), else those whose inputs changed.
    const everything = check || options.force || !(await ranHere(key, dirs.results));
    if (!check && !options.force && everything) {
      console.log(
        "executing every notebook: this machine has no record of the run that wrote " +
          `${shown(dirs.results)}/manifest.json (a fresh clone, or files changed since)`,
      );
    }
    const { outputs, owner, toRun } = await reuseUnchanged(jobs, inputs, {
      everything,
      old: everything ? null : previous,
      dirs,
      work,
    });

    await executeInOrder(toRun, sources, { work, dirs, options, signal });
    interrupted();
    for (const job of toRun) {
      const stem = job.name.replace(/\.ipynb$/, "");
      const written = await collect(job.name, `${work}/out/${job.name}`, `${work}/results`, owner);
      outputs.set(job.name, [`notebooks/${job.name}`, `results/html/${stem}.html`, ...written]);
    }

    const produced = await writeManifest(jobs, inputs, outputs, work);
    interrupted();

    if (check) return await compareWithCommitted(produced, dirs, work, options.keep);

    // What changed, compared with the files before this run.
    if (toRun.length) await printChanges(produced, dirs);

    // Install notebooks and results together, or nothing; only files a run wrote are replaced.
    // What a run wrote is read again now: a file saved into the results folder while this run
    // went (notes, a figure of one's own) is kept like those that were there before it.
    const manifest = await readManifest(dirs.results);
    const { moves, kept, removed } = await installMoves({
      jobs: jobs.map((j) => j.name),
      dirs,
      work,
      manifest,
      foreign: await foreignEntries(dirs.results, manifest, shown(dirs.results)),
      before,
      produced: [...produced.keys()].filter((p) => p.startsWith("results/")).map((p) =>
        p.slice("results/".length)
      ),
      shown,
    });
    await installAll(moves, `${work}/backup`);
    for (const line of kept) console.log(line);
    for (const path of removed) {
      console.log(`removed ${path}: a run wrote it, and this one does not`);
    }
    await recordRun(key, await Deno.readFile(`${dirs.results}/manifest.json`), dirs.results);
    console.log(
      toRun.length
        ? `wrote ${plural(jobs.length, "notebook")} (${toRun.length} executed, ${
          jobs.length - toRun.length
        } unchanged) and ${plural(produced.size - jobs.length, "file")} of results`
        : `nothing executed: the ${plural(jobs.length, "notebook")} and ${
          plural(produced.size - jobs.length, "file")
        } of results are as this machine's last run left them (--force re-executes them)` +
          (removed.length ? `; removed ${plural(removed.length, "file")} (listed above)` : ""),
    );
    const other = otherDeno(undefined);
    if (other) console.log(other);
    return 0;
  } finally {
    // A backup whose installation could not be undone holds the only copy: it is kept, and the
    // next run puts it back (see removeStoppedRuns).
    await removeScratch(work).catch(() => {});
    await release();
  }
}

/** The message for a notebooks folder that gives no notebook to run (a mistyped `--notebooks`). */
async function noNotebooks(folder: string): Promise<string> {
  const there = await Deno.stat(folder).then((i) => i.isDirectory, () => false);
  return `${shown(folder)} holds no notebook to run${there ? "" : " (there is no such folder)"}: ` +
    "a run executes its NN-<name>.ipynb files and one notebook per case from templates/case.ipynb; " +
    "check --notebooks. A run with no notebook would leave an empty results folder; nothing " +
    "was changed";
}

/** Each notebook's prepared source (in `work/src`) and its inputs (`null`: not recorded). */
async function notebookInputs(
  jobs: readonly Job[],
  dirs: Folders,
  work: string,
): Promise<{ sources: Map<string, string>; inputs: Map<string, Inputs | null> }> {
  const sources = new Map<string, string>();
  for (const job of jobs) sources.set(job.name, await prepare(job, `${work}/src`));
  const shared = await sharedInputs(dirs.data);
  const modules = await moduleInputs(sources, dirs.notebooks, work);
  const inputs = new Map<string, Inputs | null>();
  for (const job of jobs) {
    const m = modules.get(job.name) ?? null;
    const notebook = sourceHash(JSON.parse(await Deno.readTextFile(sources.get(job.name)!)));
    inputs.set(job.name, m === null ? null : { notebook, ...shared, ...m });
  }
  return { sources, inputs };
}

/**
 * The notebooks to run, and the outputs of those that need not: unless `everything` runs, a
 * notebook whose inputs and outputs are as the previous manifest (`old`) records has its outputs
 * copied into the scratch folder, with a line saying so; one that runs says what changed.
 */
async function reuseUnchanged(
  jobs: readonly Job[],
  inputs: ReadonlyMap<string, Inputs | null>,
  where: { everything: boolean; old: Manifest | null; dirs: Folders; work: string },
): Promise<{ outputs: Map<string, string[]>; owner: Map<string, string>; toRun: Job[] }> {
  const { everything, old, dirs, work } = where;
  const outputs = new Map<string, string[]>();
  const owner = new Map<string, string>();
  const toRun: Job[] = [];
  for (const job of jobs) {
    const why = everything ? [] : await staleness(job.name, inputs.get(job.name)!, old, dirs);
    if (!everything && why.length === 0) {
      const record = old!.notebooks[job.name];
      for (const out of record.outputs) {
        const to = locate(out, { notebooks: `${work}/notebooks`, results: `${work}/results` });
        await Deno.mkdir(to.replace(/\/[^/]+$/, ""), { recursive: true });
        const from = await insideFile(out, dirs);
        if (from === null) throw new Error(`${out} is not a regular file inside its folder`);
        await Deno.copyFile(from, to);
        owner.set(out, job.name);
      }
      outputs.set(job.name, record.outputs);
      console.log(`skipped ${job.name}: its inputs and outputs are as recorded`);
    } else {
      if (why.length) {
        console.log(`running ${job.name}: ${whyLine(why.map((w) => inFolders(w, dirs)))}`);
      }
      toRun.push(job);
    }
  }
  return { outputs, owner, toRun };
}

/** Executes the notebooks, printing a line for each as it ends, in plan order. */
async function executeInOrder(
  toRun: readonly Job[],
  sources: ReadonlyMap<string, string>,
  how: { work: string; dirs: Folders; options: RunOptions; signal?: AbortSignal },
): Promise<void> {
  const { work, dirs, options, signal } = how;
  const times = new Map<string, number>();
  let printed = 0;
  if (toRun.length) {
    await executeNotebooks({
      jobs: toRun.map((job) => ({
        name: job.name,
        input: sources.get(job.name)!,
        output: `${work}/notebooks/${job.name}`,
        cwd: dirs.notebooks,
        results: `${work}/out/${job.name}`,
        // Always named, so that a data folder set where the run was typed is not what it reads.
        env: { [DATA_DIR_VARIABLE]: dirs.data ?? DEFAULT_DATA_DIR },
      })),
      workDir: `${work}/logs`,
      workers: options.workers,
      htmlDir: `${work}/results/html`,
      startupTimeoutSeconds: options.startupTimeout,
      signal,
      onDone: (name, seconds) => {
        times.set(name, seconds);
        while (printed < toRun.length && times.has(toRun[printed].name)) {
          const job = toRun[printed++];
          const secs = times.get(job.name)!.toFixed(1);
          console.log(`[${printed}/${toRun.length}] ${job.name} ${secs} s`);
        }
      },
    });
  }
}

/**
 * Writes the run's manifest (each notebook's inputs and outputs, every file's hash) into the
 * scratch results, and returns every file the run produced, the manifest included.
 */
async function writeManifest(
  jobs: readonly Job[],
  inputs: ReadonlyMap<string, Inputs | null>,
  outputs: ReadonlyMap<string, string[]>,
  work: string,
): Promise<Map<string, string>> {
  const produced = await tree(`${work}/notebooks`, `${work}/results`);
  const manifest: Manifest = {
    deno: Deno.version.deno,
    denoPinned: PINNED_DENO,
    notebooks: Object.fromEntries(jobs.map((j) => [j.name, {
      inputs: inputs.get(j.name) ?? {},
      outputs: [...outputs.get(j.name)!].sort(),
    }])),
    files: await Promise.all(
      [...produced].map(async ([path, file]) => ({
        path,
        sha256: sha256(await Deno.readFile(file)),
      })),
    ),
  };
  await Deno.writeTextFile(
    `${work}/results/manifest.json`,
    JSON.stringify(manifest, null, 2) + "\n",
  );
  produced.set("results/manifest.json", `${work}/results/manifest.json`);
  return produced;
}

/**
 * `--check`: compares what the run produced with the committed files, listing every difference;
 * keeps the produced files in `keep` when given. Returns the exit code (1 when any differs).
 */
async function compareWithCommitted(
  produced: Map<string, string>,
  dirs: Folders,
  work: string,
  keep: string | null,
): Promise<number> {
  const committed = await tree(dirs.notebooks, dirs.results);
  const diffs = await differences(committed, produced);
  if (keep) {
    await Deno.mkdir(keep, { recursive: true });
    await Deno.rename(`${work}/notebooks`, `${keep}/notebooks`);
    await Deno.rename(`${work}/results`, `${keep}/results`);
  }
  if (diffs.length) {
    console.error(
      `check failed: ${diffs.length} of ${
        new Set([...committed.keys(), ...produced.keys()]).size
      } files differ from those in ${inPlace(dirs)}`,
    );
    for (const d of diffs) console.error(`  ${inFolders(d, dirs)}`);
    const other = otherDeno((await readManifest(dirs.results))?.deno);
    if (other) console.error(`  ${other}`);
    return 1;
  }
  console.log(`check passed: ${produced.size} files identical to those in ${inPlace(dirs)}`);
  return 0;
}

/**
 * A line that begins with a file's name as the manifest records it (`notebooks/…`, `results/…`)
 * or with the `data/` input, with the folder the run uses in its place when it is another
 * (`--notebooks`, `--results`, `--data`), so that a run on other folders names its own.
 *
 * @param line A difference or a reason to run.
 * @param dirs The run's folders.
 * @returns The line, its name in the run's folders.
 * @example
 * ```ts
 * import { inFolders } from "./reproduce.ts";
 * const dirs = { notebooks: "/p/try-nb", results: "/p/try-res", data: "/tmp/try" };
 * if (inFolders("results/tables/x.csv: row 2", dirs) !== "/p/try-res/tables/x.csv: row 2") {
 *   throw new Error("named in the run's results folder");
 * }
 * if (inFolders("data/ changed", dirs) !== "/tmp/try/ changed") throw new Error("data folder");
 * ```
 */
export function inFolders(line: string, dirs: Folders): string {
  const m = /^(notebooks|results|data)\//.exec(line);
  if (m === null) return line;
  const folder = m[1] === "data" ? dirs.data : dirs[m[1] as "notebooks" | "results"];
  if (folder === undefined) return line;
  const named = shown(folder);
  return named === m[1] ? line : `${named}/${line.slice(m[0].length)}`;
}

/**
 * The folders a run's files are compared with, as the messages name them ("notebooks/ and
 * results/"): what is there (committed, on a clean clone), not what git holds.
 */
const inPlace = (dirs: Folders) => `${shown(dirs.notebooks)}/ and ${shown(dirs.results)}/`;

/** Prints how many files the run leaves identical to those before it, and which differ. */
async function printChanges(produced: Map<string, string>, dirs: Folders): Promise<void> {
  const committed = await tree(dirs.notebooks, dirs.results);
  const diffs = await differences(committed, produced);
  const all = new Set([...committed.keys(), ...produced.keys()]).size;
  console.log(
    diffs.length
      ? `${all - diffs.length} of ${all} files identical to those in ${
        inPlace(dirs)
      } before; ${diffs.length} differ:`
      : `all ${all} files identical to those in ${inPlace(dirs)} before`,
  );
  for (const d of diffs) console.log(`  ${inFolders(d, dirs)}`);
}

/**
 * What changed for a notebook, in one readable line: every reason up to five, else the first four
 * and how many more.
 *
 * @param why the reasons (`staleness`)
 * @returns the line
 * @example
 * ```ts
 * import { whyLine } from "./reproduce.ts";
 * if (whyLine(["a", "b"]) !== "a, b") throw new Error("all");
 * if (whyLine(["1", "2", "3", "4", "5", "6", "7"]) !== "1, 2, 3, 4 and 3 more") throw new Error("cut");
 * ```
 */
export function whyLine(why: readonly string[]): string {
  return why.length <= 5
    ? why.join(", ")
    : `${why.slice(0, 4).join(", ")} and ${why.length - 4} more`;
}

/**
 * A line naming the Deno this run used when it is not the pinned one (or not the one the
 * committed files were made with), else `null`.
 *
 * @param committed the Deno the committed manifest records
 * @returns the line or `null`
 * @example
 * ```ts
 * import { otherDeno } from "./reproduce.ts";
 * const line = otherDeno("0.0.1");
 * if (line === null || !line.includes("0.0.1")) throw new Error("names the committed Deno");
 * ```
 */
export function otherDeno(committed: string | undefined): string | null {
  const now = Deno.version.deno;
  if (now === PINNED_DENO && (committed === undefined || committed === now)) return null;
  const made = committed === undefined
    ? ""
    : `; the committed files were made with Deno ${committed}`;
  return `this run used Deno ${now}${made}; the project is pinned to Deno ${PINNED_DENO} ` +
    "(lib/runtime.ts): outputs may differ because of that";
}

if (import.meta.main) {
  if (Deno.args.includes("--help") || Deno.args.includes("-h")) {
    console.log(REPRODUCE_HELP);
    Deno.exit(0);
  }
  const parsed = parseRunArgs(Deno.args);
  if (typeof parsed === "string") {
    console.error(`${parsed}\n${REPRODUCE_USAGE}`);
    Deno.exit(2);
  }
  const controller = new AbortController();
  onStopSignal(() => controller.abort());
  let code: number;
  try {
    code = await run(parsed, controller.signal);
  } catch (e) {
    if (e instanceof InterruptedError) {
      console.error("interrupted: the run was stopped and nothing was changed");
      code = 130;
    } else {
      // NotebookError, LockedError, NotWritableError, NotOwnedError, ManifestError and others:
      // one line, exit 1.
      console.error(
        `error: ${diskFullMessage(e, SCRATCH) ?? busyMessage(e) ?? (e as Error).message}`,
      );
      code = 1;
    }
  }
  Deno.exit(code);
}
