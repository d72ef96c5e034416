/**
 * Streaming benchmark: `observations.csv` files of 1,000,000 and 10,000,000 rows (10 values per
 * case on a 10 cm VAS, a deterministic pattern, no other table), summarised by
 * `streamObservations` (`lib/data/stream.ts`: each row checked on its own, a per-case summary) in a
 * fresh Deno process per size, with its wall and CPU time and peak memory (resident set). It
 * shows that a series too large to hold (the loader refuses it, with a message) is still read
 * and summarised, in memory that grows with the cases, not the rows.
 *
 * ```sh
 * deno task bench stream          # or, alone:
 * deno run --allow-read --allow-write=.tmp --allow-run=deno scripts/bench/stream.ts [rows...]
 * ```
 *
 * @module
 */
import process from "node:process";
import { streamObservations } from "../../lib/data/stream.ts";
import { columnsOf } from "../../lib/schema.ts";
import { fileURLToPath } from "node:url";
import { SCRATCH } from "../runner/paths.ts";

/** Writes an `observations.csv` of `rows` rows (a multiple of 10) into `dir`. */
async function writeObservations(dir: string, rows: number): Promise<void> {
  using file = await Deno.open(`${dir}/observations.csv`, { write: true, create: true });
  const encoder = new TextEncoder();
  const columns = columnsOf("observations");
  await file.write(encoder.encode(columns.join(",") + "\n"));
  let lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const v = ((i * 37) % 101) / 10; // 0 to 10, deterministic
    const cells: Record<string, string> = {
      case_id: `c${Math.floor(i / 10)}`,
      time: `t${i % 10}`,
      scale: "vas-10cm",
      value_lo: String(v),
      value_nominal: String(v),
      value_hi: String(v),
      value_rule: "exact",
      value_words: `VAS ${v}`,
      quote: `the pain VAS was ${v}`,
    };
    lines.push(columns.map((c) => cells[c] ?? "").join(","));
    if (lines.length === 100_000) {
      await file.write(encoder.encode(lines.join("\n") + "\n"));
      lines = [];
    }
  }
  if (lines.length) await file.write(encoder.encode(lines.join("\n") + "\n"));
}

if (import.meta.main) {
  if (Deno.args[0] === "--child") {
    const t0 = performance.now();
    const s = streamObservations(Deno.args[1]);
    const r = process.resourceUsage();
    console.log(JSON.stringify({
      rows: s.rows,
      cases: s.cases.length,
      problems: s.issueCount,
      seconds: (performance.now() - t0) / 1000,
      cpuS: (r.userCPUTime + r.systemCPUTime) / 1e6,
      peakMiB: r.maxRSS / 1024,
    }));
  } else {
    const sizes = Deno.args.length ? Deno.args.map(Number) : [1_000_000, 10_000_000];
    if (sizes.some((n) => !Number.isSafeInteger(n) || n < 10 || n % 10 !== 0)) {
      console.error("usage: scripts/bench/stream.ts [rows (a multiple of 10)...]");
      Deno.exit(2);
    }
    const self = fileURLToPath(import.meta.url);
    console.log("| rows | cases | file | streamed (wall) | CPU (process) | peak RSS |");
    console.log("|---:|---:|---:|---:|---:|---:|");
    for (const size of sizes) {
      const dir = await scratchDir("stream-bench-");
      try {
        await writeObservations(dir, size);
        const bytes = (await Deno.stat(`${dir}/observations.csv`)).size;
        const out = await new Deno.Command("deno", {
          args: ["run", "--quiet", "--allow-read", self, "--child", dir],
          stderr: "inherit",
        }).output();
        if (!out.success) throw new Error(`streaming ${size} rows failed`);
        const m = JSON.parse(new TextDecoder().decode(out.stdout));
        if (m.rows !== size || m.problems !== 0) {
          throw new Error(`read ${m.rows} rows with ${m.problems} problems, wrote ${size}`);
        }
        console.log(
          `| ${size.toLocaleString("en")} | ${m.cases.toLocaleString("en")} | ` +
            `${Math.round(bytes / 2 ** 20)} MiB | ${m.seconds.toFixed(2)} s | ` +
            `${m.cpuS.toFixed(2)} s | ${Math.round(m.peakMiB)} MiB |`,
        );
      } finally {
        await Deno.remove(dir, { recursive: true });
      }
    }
  }
}

/**
 * A scratch folder in the repository's `.tmp/`: the system's temporary folder is `/tmp` on Linux
 * alone (macOS: `$TMPDIR` under `/var/folders`; Windows: `%TEMP%`), outside what the benchmark
 * may write.
 */
async function scratchDir(prefix: string): Promise<string> {
  await Deno.mkdir(SCRATCH, { recursive: true });
  return await Deno.makeTempDir({ dir: SCRATCH, prefix });
}
