/**
 * The command line of `deno task reproduce`: its usage, its help, and the options it gives the run.
 *
 * @module
 */
import type { Folders } from "./plan.ts";
import { DATA, NOTEBOOKS, resolveFolder, RESULTS } from "./paths.ts";
import { typedPath } from "../typed_path.ts";

/** Options of a run (`run`, scripts/reproduce.ts). */
export interface RunOptions {
  /** Compare with the committed files instead of writing them. */
  check: boolean;
  /** Execute every notebook, even those whose inputs are unchanged. */
  force: boolean;
  /** Notebooks executed at a time. */
  workers: number;
  /** Seconds a kernel may take to start. */
  startupTimeout: number;
  /** Folders read and written. */
  dirs: Folders;
  /** With `check`: keep what the run produced in this folder (for tests). */
  keep: string | null;
}

/** The usage line of `deno task reproduce`. */
export const REPRODUCE_USAGE =
  "usage: deno task reproduce [--check [--keep DIR]] [--force] [--workers N] " +
  "[--startup-timeout SECONDS] [--notebooks DIR] [--results DIR] [--data DIR]";

/** What `--help` prints: the usage, what the command does, and each option (docs/runner.md: more). */
export const REPRODUCE_HELP = `${REPRODUCE_USAGE}

Executes every NN-<name>.ipynb notebook of the notebooks folder (one per case from the case
template; a notebook named otherwise, such as Untitled.ipynb, is left alone) and writes them and
their results (figures, tables, manifest.json); a notebook whose inputs and outputs are as this
machine's last run recorded is skipped. A case notebook with cells edited since a run wrote it is
refused, as is any file in the way that no run wrote; every file a run removes is listed.

  --check                 execute into a scratch folder and compare with the committed
                          notebooks and results byte for byte; list each difference, exit 1
  --keep DIR              with --check: keep what it produced in DIR (a new folder in the
                          repository)
  --force                 execute every notebook, even those recorded as unchanged
  --workers N             run at most N notebooks at once (default: the number of CPUs)
  --startup-timeout SECONDS
                          how long a kernel may take to answer (default 20)
  --notebooks DIR         the notebooks folder (default notebooks/)
  --results DIR           the results folder (default results/); one a run did not write is
                          refused unless empty
  --data DIR              the data folder the notebooks read (default data/), e.g. a copy with
                          an article being added; needs --notebooks and --results folders of
                          its own (a copy of notebooks/ inside the project), so that the
                          committed notebooks and results are left as they are
  -h, --help              print this and exit

Exit status: 0 done (or identical), 1 a notebook failed, --check found a difference or a folder
was refused, 2 a wrong argument, 130 stopped (Ctrl-C; nothing is changed).`;

/** The flags that take a value (the word after them). */
const VALUED = new Set([
  "--notebooks",
  "--results",
  "--data",
  "--keep",
  "--workers",
  "--startup-timeout",
]);

/**
 * Parses reproduce's command line (after `--help`, which the command handles first).
 *
 * @param args the arguments typed after the command
 * @returns the run's options, or what is wrong with the line (a usage error)
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseRunArgs } from "./reproduce_args.ts";
 * assert.equal(parseRunArgs(["--keep", "x"]), "--keep goes with --check");
 * assert.equal(parseRunArgs(["--workers", "0"]), "--workers: a positive whole number is needed");
 * const options = parseRunArgs(["--check", "--force"]);
 * assert.ok(typeof options !== "string" && options.check && options.force);
 * ```
 */
export function parseRunArgs(args: readonly string[]): RunOptions | string {
  const options: RunOptions = {
    check: false,
    force: false,
    workers: navigator.hardwareConcurrency || 1,
    startupTimeout: 20,
    // Resolved as a folder given is: a results/ that links elsewhere is written where it points
    // (replacing the link by a folder would undo where one keeps them).
    dirs: { notebooks: resolveFolder(NOTEBOOKS, "/"), results: resolveFolder(RESULTS, "/") },
    keep: null,
  };
  // `deno task` runs in the project folder; a relative folder is from where it was typed.
  const folder = (p: string) => resolveFolder(typedPath(p), Deno.cwd());
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = args[i + 1];
    if (a === "--check") options.check = true;
    else if (a === "--force") options.force = true;
    else if (!VALUED.has(a)) return `unknown argument ${a}`;
    else if (value === undefined) return `${a}: a value is needed`;
    else if (a === "--notebooks") options.dirs.notebooks = folder(args[++i]);
    else if (a === "--results") options.dirs.results = folder(args[++i]);
    else if (a === "--data") options.dirs.data = folder(args[++i]);
    else if (a === "--keep") options.keep = folder(args[++i]);
    else if (a === "--workers" || a === "--startup-timeout") {
      const n = Number(args[++i]);
      if (!(Number.isInteger(n) && n > 0)) return `${a}: a positive whole number is needed`;
      if (a === "--workers") options.workers = n;
      else options.startupTimeout = n;
    }
  }
  if (options.keep && !options.check) return "--keep goes with --check";
  const { data, notebooks, results } = options.dirs;
  if (data !== undefined && data !== resolveFolder(DATA, "/")) {
    const own = [[notebooks, NOTEBOOKS, "--notebooks"], [results, RESULTS, "--results"]]
      .filter(([dir, project]) => dir === resolveFolder(project, "/")).map(([, , flag]) => flag);
    if (own.length > 0) {
      return `--data ${data} needs ${own.join(" and ")} of its own: the notebooks run on other ` +
        "data must not replace the committed ones (e.g. mkdir -p .tmp && cp -r notebooks " +
        ".tmp/try-notebooks, then --notebooks .tmp/try-notebooks --results .tmp/try-results: " +
        ".tmp/ is ignored by git)";
    }
  }
  return options;
}
