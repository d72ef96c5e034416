/**
 * `deno task bench [NAME…]`: runs the benchmarks in `scripts/bench/` (every `*.ts` there, in
 * name order, or those named), each as its own process, and prints what each prints: a
 * `*_bench.ts` file holds `Deno.bench` cases and runs under `deno bench`, any other file is a
 * script that measures and prints. Adding a benchmark is adding a file there. Benchmarks measure;
 * they do not pass or fail on time.
 *
 * @module
 */
import { ROOT } from "./runner/paths.ts";

const DIR = `${ROOT}/scripts/bench`;

if (import.meta.main) {
  const all = [...Deno.readDirSync(DIR)].filter((e) => e.isFile && e.name.endsWith(".ts"))
    .map((e) => e.name.replace(/\.ts$/, "")).sort();
  const names = Deno.args.length ? Deno.args : all;
  const unknown = names.filter((n) => !all.includes(n));
  if (unknown.length) {
    console.error(`no benchmark ${unknown.join(", ")}; there are: ${all.join(", ")}`);
    Deno.exit(2);
  }
  let failed = 0;
  for (const name of names) {
    console.log(`== ${name}`);
    const { code } = await new Deno.Command("deno", {
      args: [
        name.endsWith("_bench") ? "bench" : "run",
        "--allow-read",
        "--allow-write=.,/tmp",
        "--allow-run",
        "--allow-env",
        "--allow-sys",
        // The runner's Jupyter client (zeromq's native addon, its kernels' ports).
        "--allow-ffi=node_modules",
        "--allow-net=127.0.0.1",
        `${DIR}/${name}.ts`,
      ],
      cwd: ROOT,
      stdout: "inherit",
      stderr: "inherit",
    }).output();
    if (code !== 0) failed++, console.error(`benchmark ${name} failed (exit ${code})`);
  }
  Deno.exit(failed ? 1 : 0);
}
