/**
 * The test suite against the main job (issue 26: the suite costs at most 3× one
 * `reproduce --force`). Each round measures, back to back on the same machine:
 *
 * - reproduce: `reproduce --check`, which executes, renders and hashes every notebook as
 *   `--force` does, then compares instead of installing (nothing committed is touched);
 * - the suite: `deno task test`.
 *
 * For each it prints the wall time and the CPU time (user + system) of the command and every
 * process it started and waited for (its kernels, its test processes), as bash's `times` reports
 * it (without bash, as on Windows, the CPU time is not shown). The CPU ratio is the one to compare
 * across machines and loads: on a shared machine the wall time grows with other work, the CPU
 * time much less; the wall ratio also depends on how many cores each command keeps busy. Prints each round and the median ratios.
 * `--rounds N` (default 1: a round takes minutes).
 *
 * @module
 */
import { REPRODUCE_ARGS, ROOT } from "../runner/paths.ts";

const rounds = Number(Deno.args[Deno.args.indexOf("--rounds") + 1]) || 1;

/** Seconds of "1m2.500s" (as bash's `times` prints them). */
const seconds = (t: string) => {
  const m = /^(\d+)m([\d.]+)s$/.exec(t);
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
};

/** A command's wall and CPU seconds. */
interface Cost {
  wall: number;
  cpu: number | null;
}

/** Whether bash is there to count the CPU time (`times`); else only the wall time is measured. */
const BASH = await new Deno.Command("bash", { args: ["-c", "true"] }).output().then(
  (o) => o.success,
  () => false,
);

/**
 * Runs `deno args` from the repository's root, through bash when there is one, whose `times`
 * then gives the CPU time of the command and of every process it started and waited for (Deno
 * does not let a script read its own `/proc/self/stat` without every permission). Throws when
 * the command fails.
 */
async function measure(args: string[], what: string): Promise<Cost> {
  const t0 = performance.now();
  const out = await new Deno.Command(BASH ? "bash" : "deno", {
    args: BASH ? ["-c", 'deno "$@"; code=$?; times >&2; exit $code', "bash", ...args] : args,
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const wall = (performance.now() - t0) / 1000;
  const dec = new TextDecoder();
  const stderr = dec.decode(out.stderr);
  if (out.code !== 0) {
    const tail = (dec.decode(out.stdout) + stderr).split("\n").slice(-30);
    throw new Error(`${what} failed (exit ${out.code}):\n${tail.join("\n")}`);
  }
  // `times` prints the shell's user and system time, then its children's.
  const children = stderr.trimEnd().split("\n").at(-1)?.split(" ").map(seconds) ?? [];
  const cpu = BASH && children.length === 2 ? children[0] + children[1] : null;
  return { wall, cpu: cpu !== null && Number.isFinite(cpu) ? cpu : null };
}

const show = (c: Cost) =>
  `${c.cpu === null ? "" : `CPU ${c.cpu.toFixed(1)} s, `}wall ${c.wall.toFixed(1)} s`;
const ratio = (a: number | null, b: number | null) => a === null || b === null ? null : a / b;
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (import.meta.main) {
  const load = () => Deno.loadavg()[0].toFixed(2);
  console.log(`load average ${load()} at start`);
  const cpuRatios: number[] = [];
  const wallRatios: number[] = [];
  for (let i = 1; i <= rounds; i++) {
    const reproduce = await measure([...REPRODUCE_ARGS, "--check"], "reproduce --check");
    const suite = await measure(["task", "test"], "deno task test");
    const cpu = ratio(suite.cpu, reproduce.cpu);
    const wall = suite.wall / reproduce.wall;
    if (cpu !== null) cpuRatios.push(cpu);
    wallRatios.push(wall);
    console.log(
      `round ${i}: reproduce ${show(reproduce)}; suite ${show(suite)}; suite/reproduce: ` +
        `${cpu === null ? "" : `CPU ${cpu.toFixed(1)}×, `}wall ${wall.toFixed(1)}×`,
    );
  }
  console.log(
    `median suite/reproduce: ${
      cpuRatios.length ? `CPU ${median(cpuRatios).toFixed(1)}×, ` : ""
    }wall ${median(wallRatios).toFixed(1)}×; load average ${load()} at the end`,
  );
}
