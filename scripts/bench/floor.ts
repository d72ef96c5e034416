/**
 * Floor benchmark: what the work every loader keeping the quote check must do costs, done simply,
 * beside the pandas reference of the load benchmark (`load.ts`), on the same synthetic series: an
 * estimate, for the issue on loader scale, of how much of pandas' time a loader written in
 * TypeScript has left for its other checks on this machine (`--fast`: the nearer estimate).
 *
 * The floor reads the six tables and every source text, splits every cell of every row (RFC 4180:
 * quoted cells, doubled quotes, quoted line breaks), and looks up every quote cell (a column whose
 * name ends in `quote`) in its case's source text as a plain substring. It checks nothing else:
 * no schema, no number, no reference between tables, no rule of the data, no model, no word
 * boundary, no white space folded. The tables are shared among as many threads as the machine has
 * cores (at most 4), largest first, each to the thread with the fewest bytes so far; each thread
 * reads the first two cells of `sources.csv` and `cases.csv` for its case → text map.
 *
 * ```sh
 * deno task bench floor            # 1,000,000 observations; or sizes, e.g.:
 * deno task bench floor 100000 1000000
 * deno task bench floor --fast 1000000   # and the faster floor (floor_fast/mod.ts) on the same series
 * ```
 *
 * Prints one Markdown table row per size: the floor's wall time, its CPU time and peak memory,
 * the pandas reference (`pandas_reference.py`) and the ratio of the floor to it; with `--fast`,
 * a row for the same work done with less waste (`floor_fast/mod.ts`: cells as byte offsets, not
 * strings; chunks on whichever thread is free; each text read once), searching each quote from
 * its text's start, and one resuming the search where the text's last quote was found. This
 * floor's ratio is not a bound on a loader: the fast rows do the same work in less time.
 *
 * @module
 */
import process from "node:process";
import { fileURLToPath } from "node:url";

/** The tables, shared among the threads. */
const TABLES = ["timepoints", "observations", "cases", "treatments", "events", "sources"] as const;

/** What one thread gives back. */
export interface Tally {
  cells: number;
  quotes: number;
  missing: number;
}

/** Hands each row of one CSV text to `onRow` as its cells (RFC 4180; a last empty line is none). */
export function csvRows(text: string, onRow: (cells: string[]) => void): void {
  let i = 0;
  const n = text.length;
  while (i < n) {
    let end = text.indexOf("\n", i);
    if (end < 0) end = n;
    let line = text.slice(i, end);
    if (line.indexOf('"') < 0) {
      i = end + 1;
      onRow((line.endsWith("\r") ? line.slice(0, -1) : line).split(","));
      continue;
    }
    // A quoted cell may hold line breaks: take lines until the quotes are even.
    while ((line.split('"').length - 1) % 2 === 1 && end < n) {
      const next = text.indexOf("\n", end + 1);
      end = next < 0 ? n : next;
      line = text.slice(i, end);
    }
    i = end + 1;
    onRow(quotedCells(line.endsWith("\r") ? line.slice(0, -1) : line));
  }
}

/** The cells of one record that has quoted cells. */
function quotedCells(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let cell = "";
      i++;
      while (true) {
        const q = line.indexOf('"', i);
        if (q < 0) throw new Error(`an unclosed quote in ${JSON.stringify(line.slice(0, 80))}`);
        cell += line.slice(i, q);
        if (line[q + 1] === '"') cell += '"', i = q + 2;
        else {
          i = q + 2;
          break;
        }
      }
      cells.push(cell);
    } else {
      let comma = line.indexOf(",", i);
      if (comma < 0) comma = line.length;
      cells.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
  return cells;
}

/** The text of one table of `dir`. */
function readTable(dir: string, name: string): string {
  return new TextDecoder().decode(Deno.readFileSync(`${dir}/${name}.csv`));
}

/**
 * Splits every cell of one table and looks up its quote cells in their case's text.
 *
 * @param text The table's text.
 * @param textOf The source text of a case (by its `case_id`), or undefined for a table without.
 * @param tally Where the counts go.
 */
export function scan(
  text: string,
  textOf: (caseId: string) => string | undefined,
  tally: Tally,
): void {
  let quoteColumns: number[] | null = null;
  let caseColumn = -1;
  csvRows(text, (cells) => {
    tally.cells += cells.length;
    if (quoteColumns === null) {
      caseColumn = cells.indexOf("case_id");
      quoteColumns = caseColumn < 0 ? [] : cells.flatMap((c, j) => c.endsWith("quote") ? [j] : []);
      return;
    }
    if (quoteColumns.length === 0) return;
    const source = textOf(cells[caseColumn]);
    for (const j of quoteColumns) {
      const quote = cells[j];
      if (quote === "" || quote === undefined) continue;
      tally.quotes++;
      if (source === undefined || source.indexOf(quote) < 0) tally.missing++;
    }
  });
}

/**
 * A case → source text lookup, each text read once: the case's `source_id` (`cases.csv`), its
 * `text_path` (`sources.csv`). Built by each thread for itself (the first two cells of a row).
 */
function textsOf(dir: string): (caseId: string) => string | undefined {
  const pathOf = new Map<string, string>();
  csvRows(readTable(dir, "sources"), (cells) => void pathOf.set(cells[0], cells[5]));
  const fileOf = new Map<string, string>();
  const cases = readTable(dir, "cases");
  for (let i = cases.indexOf("\n") + 1; i > 0 && i < cases.length;) {
    const a = cases.indexOf(",", i);
    const b = cases.indexOf(",", a + 1);
    fileOf.set(cases.slice(i, a), pathOf.get(cases.slice(a + 1, b)) ?? "");
    i = cases.indexOf("\n", b) + 1;
  }
  const texts = new Map<string, string>();
  return (caseId) => {
    const file = fileOf.get(caseId);
    if (file === undefined) return undefined;
    let text = texts.get(file);
    if (text === undefined) texts.set(file, text = Deno.readTextFileSync(`${dir}/${file}`));
    return text;
  };
}

/** Runs the floor on `dir` in this process: its wall time and tally. */
async function floor(dir: string): Promise<Tally & { ms: number }> {
  const t0 = performance.now();
  const threads = Math.max(1, Math.min(4, navigator.hardwareConcurrency));
  const bins: string[][] = Array.from({ length: threads }, () => []);
  const load = bins.map(() => 0);
  const sized = TABLES.map((t) => ({ t, bytes: Deno.statSync(`${dir}/${t}.csv`).size }))
    .sort((a, b) => b.bytes - a.bytes);
  for (const { t, bytes } of sized) {
    const k = load.indexOf(Math.min(...load));
    bins[k].push(t), load[k] += bytes;
  }
  const parts = await Promise.all(
    bins.filter((b) => b.length).map((tables) =>
      new Promise<Tally>((resolve, reject) => {
        const w = new Worker(import.meta.url, { type: "module" });
        w.onmessage = (e: MessageEvent<Tally>) => (w.terminate(), resolve(e.data));
        w.onerror = (e) => (e.preventDefault(), w.terminate(), reject(new Error(e.message)));
        w.postMessage({ dir, tables });
      })
    ),
  );
  const tally: Tally = { cells: 0, quotes: 0, missing: 0 };
  for (const p of parts) {
    tally.cells += p.cells, tally.quotes += p.quotes, tally.missing += p.missing;
  }
  return { ...tally, ms: performance.now() - t0 };
}

if ("WorkerGlobalScope" in globalThis) {
  const scope = globalThis as unknown as {
    onmessage: (
      e: MessageEvent<{ dir: string; tables: string[]; fileOf: Map<string, string> }>,
    ) => void;
    postMessage(m: Tally): void;
  };
  scope.onmessage = ({ data: { dir, tables } }) => {
    const tally: Tally = { cells: 0, quotes: 0, missing: 0 };
    const textOf = textsOf(dir);
    for (const t of tables) scan(readTable(dir, t), textOf, tally);
    scope.postMessage(tally);
  };
} else if (import.meta.main) {
  if (Deno.args[0] === "--child") {
    const r = await floor(Deno.args[1]);
    const u = process.resourceUsage();
    const cpuS = (u.userCPUTime + u.systemCPUTime) / 1e6;
    console.log(JSON.stringify({ ...r, cpuS, peakMiB: u.maxRSS / 1024 }));
  } else {
    // --fast: also the faster floor (floor_fast/mod.ts), plain and with --resume, on the same series
    const fast = Deno.args.includes("--fast");
    const args = Deno.args.filter((a) => a !== "--fast");
    const sizes = args.length > 0 ? args.map(Number) : [1_000_000];
    if (sizes.some((n) => !Number.isSafeInteger(n) || n < 10 || n % 10 !== 0)) {
      console.error("usage: scripts/bench/floor.ts [--fast] [observations (a multiple of 10)...]");
      Deno.exit(2);
    }
    console.log(
      "| observations | floor (wall) | CPU (process) | peak RSS | cells | quotes | " +
        "pandas, same tables | floor / pandas |",
    );
    console.log("|---:|---:|---:|---:|---:|---:|---:|---:|");
    // Imported here: a worker loads this module too, and needs none of them.
    const { onSyntheticSeries, pandasReference } = await import("./load.ts");
    const self = fileURLToPath(import.meta.url);
    const faster = fileURLToPath(new URL("./floor_fast/mod.ts", import.meta.url));
    type Measured = Tally & { ms: number; cpuS: number; peakMiB: number };
    for (const size of sizes) {
      await onSyntheticSeries(size, self, async (dir, child) => {
        const measured: [string, Measured][] = [["", child as Measured]];
        for (
          const [label, flags] of fast ? [[" (fast)", []], [" (fast, resume)", ["--resume"]]] : []
        ) {
          const out = await new Deno.Command("deno", {
            args: ["run", "--quiet", "--allow-read", faster, ...flags, dir],
            stderr: "inherit",
          }).output();
          if (!out.success) throw new Error(`the floor${label} of ${size} observations failed`);
          const m: Measured = JSON.parse(new TextDecoder().decode(out.stdout));
          if (m.cells !== measured[0][1].cells || m.quotes !== measured[0][1].quotes) {
            throw new Error(`the floor${label} counted other cells or quotes than the floor`);
          }
          measured.push([label as string, m]);
        }
        const ref = await pandasReference(dir);
        const s = (sec: number) => `${sec.toFixed(2)} s`;
        for (const [label, m] of measured) {
          if (m.missing > 0) throw new Error(`${m.missing} quotes not found: the floor misread`);
          console.log(
            `| ${size.toLocaleString("en")}${label} | ${s(m.ms / 1000)} | ${s(m.cpuS)} | ` +
              `${Math.round(m.peakMiB)} MiB | ${m.cells.toLocaleString("en")} | ` +
              `${m.quotes.toLocaleString("en")} | ${ref ? s(ref.seconds) : "—"} | ` +
              `${ref ? (m.ms / 1000 / ref.seconds).toFixed(2) : "—"} |`,
          );
        }
      });
    }
  }
}
