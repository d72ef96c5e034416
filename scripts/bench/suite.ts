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
 * `--by-file` shows where the suite's time goes instead: one `reproduce --check`, one type check
 * of the tests (`deno check tests/`, which the suite does once), then each test file alone
 * (`deno task test-one --no-check <file>`, one process each, so each pays a process start the
 * suite shares), as a table sorted by CPU time, each row with its ratio to one reproduce and the
 * running total of those ratios. Those are what a decision on the suite's budget weighs: which
 * files cost what, against the main job.
 *
 * @module
 */
import { REPRODUCE_ARGS, ROOT } from "../runner/paths.ts";
import { compareText } from "../../lib/text_order.ts";

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

/** Every test file under `tests/` (not its helpers or fixtures), relative to the repository. */
function testFiles(dir = "tests"): string[] {
  const files: string[] = [];
  for (const e of Deno.readDirSync(`${ROOT}/${dir}`)) {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory && path !== "tests/helpers" && path !== "tests/fixtures") {
      files.push(...testFiles(path));
    } else if (e.isFile && e.name.endsWith("_test.ts")) files.push(path);
  }
  return files.sort();
}

/**
 * The by-file table (see the module description): one row per command, sorted by CPU time (by
 * wall time without bash), with each row's ratio to one reproduce and the running total.
 */
async function byFile(): Promise<void> {
  const reproduce = await measure([...REPRODUCE_ARGS, "--check"], "reproduce --check");
  const key = (c: Cost) => c.cpu ?? c.wall;
  const rows: [string, Cost][] = [[
    "deno check tests/",
    await measure(["check", "tests/"], "check"),
  ]];
  for (const file of testFiles()) {
    rows.push([file, await measure(["task", "test-one", "--no-check", file], file)]);
  }
  rows.sort((a, b) => key(b[1]) - key(a[1]) || compareText(a[0], b[0]));
  const what = reproduce.cpu === null ? "wall" : "CPU";
  console.log(`one reproduce --check: ${show(reproduce)}\n`);
  console.log(`| command | ${what} s | × reproduce | running total × reproduce |`);
  console.log("|---|---:|---:|---:|");
  let total = 0;
  for (const [name, cost] of rows) {
    const r = key(cost) / key(reproduce);
    total += r;
    console.log(`| ${name} | ${key(cost).toFixed(1)} | ${r.toFixed(2)} | ${total.toFixed(2)} |`);
  }
}

if (import.meta.main && Deno.args.includes("--by-file")) {
  const load = () => Deno.loadavg()[0].toFixed(2);
  console.log(`load average ${load()} at start`);
  await byFile();
  console.log(`load average ${load()} at the end`);
} else if (import.meta.main) {
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
