/**
 * `deno task bench [NAME [ARG…]]…`: runs the benchmarks in `scripts/bench/` (every `*.ts` there,
 * in name order, or those named, each with the arguments that follow its name: `deno task bench
 * load 1000000`), each as its own process, and prints what each prints: a
 * `*_bench.ts` file holds `Deno.bench` cases and runs under `deno bench`, any other file is a
 * script that measures and prints. Adding a benchmark is adding a file there. Benchmarks measure;
 * they do not pass or fail on time.
 *
 * @module
 */
import { ROOT } from "./runner/paths.ts";
import { exitOnHelp } from "./cli_args.ts";

const DIR = `${ROOT}/scripts/bench`;

/**
 * Which benchmarks to run, with their arguments: each name of `all` in `args` starts a benchmark,
 * and the arguments after it, up to the next name, are its own; no name runs them all. Returns
 * the words before the first name (not benchmarks) as `unknown`.
 *
 * @param args The command's arguments.
 * @param all The benchmarks there are.
 * @returns The runs, and any leading words that name no benchmark.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { benchRuns } from "./bench.ts";
 * const { runs } = benchRuns(["load", "1000000", "suite"], ["load", "suite"]);
 * assert.deepEqual(runs, [{ name: "load", args: ["1000000"] }, { name: "suite", args: [] }]);
 * ```
 */
export function benchRuns(
  args: readonly string[],
  all: readonly string[],
): { runs: { name: string; args: string[] }[]; unknown: string[] } {
  if (args.length === 0) return { runs: all.map((name) => ({ name, args: [] })), unknown: [] };
  const runs: { name: string; args: string[] }[] = [];
  const unknown: string[] = [];
  for (const a of args) {
    if (all.includes(a)) runs.push({ name: a, args: [] });
    else if (runs.length) runs.at(-1)!.args.push(a);
    else unknown.push(a);
  }
  return { runs, unknown };
}

if (import.meta.main) {
  const all = [...Deno.readDirSync(DIR)].filter((e) => e.isFile && e.name.endsWith(".ts"))
    .map((e) => e.name.replace(/\.ts$/, "")).sort();
  const { runs, unknown } = benchRuns(Deno.args, all);
  // Help asked before any benchmark's name (after one, the words are that benchmark's).
  exitOnHelp(unknown, {
    usage: `usage: deno task bench [NAME [ARG…]]…  (NAME: ${all.join(", ")}; none: all of them)`,
  });
  if (unknown.length) {
    console.error(`no benchmark ${unknown.join(", ")}; there are: ${all.join(", ")}`);
    Deno.exit(2);
  }
  const withArgs = runs.filter((r) => r.name.endsWith("_bench") && r.args.length);
  if (withArgs.length) {
    console.error(`${withArgs[0].name} runs under deno bench and takes no arguments`);
    Deno.exit(2);
  }
  let failed = 0;
  for (const { name, args } of runs) {
    console.log(`== ${name}`);
    const { code } = await new Deno.Command("deno", {
      args: [
        name.endsWith("_bench") ? "bench" : "run",
        "--allow-read",
        "--allow-write=.",
        "--allow-run",
        "--allow-env",
        "--allow-sys",
        // The runner's Jupyter client (zeromq's native addon, its kernels' ports).
        "--allow-ffi=node_modules",
        "--allow-net=127.0.0.1",
        `${DIR}/${name}.ts`,
        ...args,
      ],
      cwd: ROOT,
      stdout: "inherit",
      stderr: "inherit",
    }).output();
    if (code !== 0) failed++, console.error(`benchmark ${name} failed (exit ${code})`);
  }
  Deno.exit(failed ? 1 : 0);
}
