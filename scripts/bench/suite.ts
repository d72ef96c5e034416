/**
 * The test suite against the main job (issue 26: the suite costs at most 3× one
 * `reproduce --force`). Each round measures, back to back on the same machine:
 *
 * - reproduce: `reproduce --check`, which executes, renders and hashes every notebook as
 *   `--force` does, then compares instead of installing (nothing committed is touched);
 * - the suite: `deno task test`.
 *
 * For each it prints the wall time and the CPU time (user + system) of the command and every
 * process it started and waited for (Linux: the `cutime`/`cstime` of `/proc/self/stat`; elsewhere
 * the CPU time is not shown). The CPU ratio is the one to compare across machines and loads: on a
 * shared machine the wall time grows with other work, the CPU time much less; the wall ratio also
 * depends on how many cores each command keeps busy. Prints each round and the median ratios.
 * `--rounds N` (default 1: a round takes minutes).
 *
 * @module
 */
import { REPRODUCE_ARGS, ROOT } from "../runner/paths.ts";

const rounds = Number(Deno.args[Deno.args.indexOf("--rounds") + 1]) || 1;

/** Seconds of CPU used by this process's finished children (and theirs), or null off Linux. */
function childrenCpu(): number | null {
  try {
    // Fields after the command name, which is in parentheses and may hold spaces.
    const stat = Deno.readTextFileSync("/proc/self/stat");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // cutime and cstime are fields 16 and 17 of the whole line, in clock ticks (100 per second on
    // Linux's usual configuration, USER_HZ).
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

/** A command's wall and CPU seconds. */
interface Cost {
  wall: number;
  cpu: number | null;
}

/** Runs `deno args` from the repository's root; throws when it fails. */
async function measure(args: string[], what: string): Promise<Cost> {
  const cpu0 = childrenCpu();
  const t0 = performance.now();
  const out = await new Deno.Command("deno", { args, cwd: ROOT, stdout: "piped", stderr: "piped" })
    .output();
  const wall = (performance.now() - t0) / 1000;
  const cpu1 = childrenCpu();
  if (out.code !== 0) {
    const dec = new TextDecoder();
    const tail = (dec.decode(out.stdout) + dec.decode(out.stderr)).split("\n").slice(-30);
    throw new Error(`${what} failed (exit ${out.code}):\n${tail.join("\n")}`);
  }
  return { wall, cpu: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0 };
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
