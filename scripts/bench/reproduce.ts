/**
 * Reproduce against its floor. Each round measures, back to back on the same machine:
 *
 * - reproduce: the wall time of `reproduce --check` (every notebook executed, rendered, hashed and
 *   compared; nothing committed is touched);
 * - its floor: the same notebooks, as many at a time, each in a bare kernel (started, then all its
 *   code cells sent as one request, as a plain script would run them), with no per-cell
 *   completion wait, no HTML and no comparison.
 *
 * Prints each round and the median ratio. `--rounds N` (default 3).
 *
 * @module
 */
import { plan, prepare } from "../runner/plan.ts";
import { executeNotebooks } from "../runner/execute.ts";
import { NOTEBOOKS, REPRODUCE_ARGS, ROOT, SCRATCH } from "../runner/paths.ts";

const rounds = Number(Deno.args[Deno.args.indexOf("--rounds") + 1]) || 3;
const workers = navigator.hardwareConcurrency || 1;

/** Wall seconds of `reproduce --check`. */
async function reproduce(): Promise<number> {
  const t0 = performance.now();
  const out = await new Deno.Command("deno", {
    args: [
      ...REPRODUCE_ARGS,
      "--check",
      "--workers",
      String(workers),
    ],
    cwd: ROOT,
    stdout: "null",
    stderr: "piped",
  }).output();
  const secs = (performance.now() - t0) / 1000;
  if (out.code > 1) throw new Error(new TextDecoder().decode(out.stderr));
  return secs;
}

/** Wall seconds of the floor: every notebook's code as one cell in a bare kernel. */
async function floor(): Promise<number> {
  await Deno.mkdir(SCRATCH, { recursive: true });
  const work = await Deno.makeTempDir({ dir: SCRATCH, prefix: "bench-" });
  try {
    await Deno.mkdir(`${work}/src`);
    const jobs = [];
    for (const job of await plan({ notebooks: NOTEBOOKS, results: `${work}/results` })) {
      const path = await prepare(job, `${work}/src`);
      const nb = JSON.parse(await Deno.readTextFile(path));
      const code = nb.cells.filter((c: { cell_type: string }) => c.cell_type === "code")
        .map((c: { source: string | string[] }) => [c.source].flat().join("")).join("\n\n");
      nb.cells = [{ cell_type: "code", id: "all", metadata: {}, source: code, outputs: [] }];
      nb.cells[0].execution_count = null;
      await Deno.writeTextFile(path, JSON.stringify(nb));
      jobs.push({
        name: job.name,
        input: path,
        output: `${work}/${job.name}`,
        cwd: NOTEBOOKS,
        results: `${work}/results/${job.name}`,
      });
    }
    const t0 = performance.now();
    await executeNotebooks({ jobs, workDir: work, workers });
    return (performance.now() - t0) / 1000;
  } finally {
    await Deno.remove(work, { recursive: true });
  }
}

if (import.meta.main) {
  const load = () => Deno.loadavg()[0].toFixed(2);
  console.log(`${workers} workers; load average ${load()} at start`);
  const ratios: { r: number; f: number; ratio: number }[] = [];
  for (let i = 1; i <= rounds; i++) {
    const f = await floor();
    const r = await reproduce();
    ratios.push({ r, f, ratio: r / f });
    console.log(
      `round ${i}: reproduce ${r.toFixed(1)} s, floor ${f.toFixed(1)} s, ratio ${
        (r / f).toFixed(2)
      }`,
    );
  }
  const median = ratios.sort((a, b) => a.ratio - b.ratio)[Math.floor(ratios.length / 2)];
  console.log(
    `median ratio ${median.ratio.toFixed(2)} (reproduce ${median.r.toFixed(1)} s, floor ${
      median.f.toFixed(1)
    } s); load average ${load()} at the end`,
  );
}
