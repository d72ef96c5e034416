/**
 * `deno task fmt-notebooks [--check]`: formats every cell of the notebooks as `deno fmt` formats a
 * `.ts` (code cells) or `.md` (Markdown cells) file, keeping Jupyter's layout (a cell's source has
 * no final newline). `deno fmt` itself misreports such cells, so notebooks are excluded from it;
 * `--check` (used by the tests) changes nothing and lists the notebooks whose cells are not
 * formatted (exit 1).
 *
 * @module
 */
import { listFiles } from "./runner/files.ts";
import { NOTEBOOKS, ROOT, SCRATCH } from "./runner/paths.ts";
import { checkOptions } from "./cli_args.ts";

interface Cell {
  cell_type: string;
  source: string | string[];
}

const EXT: Record<string, string> = { code: "ts", markdown: "md" };

/** What {@link formatNotebooks} found. */
export interface FormatResult {
  /** Notebooks (relative to the folder) with a cell that was not formatted. */
  unformatted: string[];
  /** Notebooks read. */
  total: number;
}

/**
 * Formats the cells of every notebook under `dir` (or, with `check`, only finds those whose
 * cells are not formatted, writing nothing there).
 *
 * @param dir the notebooks' folder
 * @param check find, do not write
 * @returns the unformatted notebooks (with `check: false`, those it rewrote) and the total
 * @throws {Error} when `deno fmt` fails on a cell (a syntax error), with its message
 * @example
 * ```ts ignore
 * import { formatNotebooks } from "./format_notebooks.ts";
 * (await formatNotebooks("notebooks", true)).unformatted; // []
 * ```
 */
export async function formatNotebooks(dir: string, check: boolean): Promise<FormatResult> {
  // Scratch in the repository's `.tmp/`, not the system's temporary folder: that is `/tmp` only
  // on Linux (`$TMPDIR` under `/var/folders` on macOS, `%TEMP%` on Windows), where the task
  // may not write.
  await Deno.mkdir(SCRATCH, { recursive: true });
  const work = await Deno.makeTempDir({ dir: SCRATCH, prefix: "fmt-notebooks-" });
  try {
    const config = await fmtConfig(work);
    const notebooks = (await listFiles(dir)).filter((p) => p.endsWith(".ipynb"));
    const parsed = new Map<string, { cells: Cell[] }>();
    const cellFile = (p: string, i: number, ext: string) =>
      `${work}/cells/${p.replaceAll("/", "_")}-cell-${i}.${ext}`;
    await Deno.mkdir(`${work}/cells`);
    for (const p of notebooks) {
      const nb = JSON.parse(await Deno.readTextFile(`${dir}/${p}`));
      parsed.set(p, nb);
      for (const [i, c] of (nb.cells as Cell[]).entries()) {
        const ext = EXT[c.cell_type];
        if (ext) await Deno.writeTextFile(cellFile(p, i, ext), `${[c.source].flat().join("")}\n`);
      }
    }
    const out = await new Deno.Command("deno", {
      args: ["fmt", "--quiet", "--config", config, `${work}/cells`],
      stdout: "piped",
      stderr: "piped",
      env: { NO_COLOR: "1" },
    }).output();
    if (out.code !== 0) throw new Error(new TextDecoder().decode(out.stderr).trim());
    const unformatted: string[] = [];
    for (const [p, nb] of parsed) {
      let touched = false;
      for (const [i, c] of nb.cells.entries()) {
        const ext = EXT[c.cell_type];
        if (!ext) continue;
        const text = (await Deno.readTextFile(cellFile(p, i, ext))).replace(/\n$/, "");
        if (text === [c.source].flat().join("")) continue;
        const lines = text.split("\n");
        c.source = lines.map((l, k) => (k < lines.length - 1 ? `${l}\n` : l));
        touched = true;
      }
      if (!touched) continue;
      unformatted.push(p);
      if (!check) await Deno.writeTextFile(`${dir}/${p}`, JSON.stringify(nb, null, 1) + "\n");
    }
    return { unformatted, total: parsed.size };
  } finally {
    await Deno.remove(work, { recursive: true });
  }
}

/**
 * Writes the project's formatting options (`deno.json`'s `fmt`) into `dir` as a configuration of
 * their own, without its file lists: the project's excludes `.tmp/`, where the cells are.
 */
async function fmtConfig(dir: string): Promise<string> {
  const { fmt = {} } = JSON.parse(await Deno.readTextFile(`${ROOT}/deno.json`));
  const { include: _include, exclude: _exclude, ...options } = fmt;
  const path = `${dir}/deno.json`;
  await Deno.writeTextFile(path, JSON.stringify({ fmt: options }) + "\n");
  return path;
}

if (import.meta.main) {
  checkOptions(Deno.args, {
    command: "fmt-notebooks",
    usage: "usage: deno task fmt-notebooks [--check]",
  }, ["--check"]);
  const check = Deno.args.includes("--check");
  try {
    const { unformatted, total } = await formatNotebooks(NOTEBOOKS, check);
    if (!check) console.log(`formatted ${unformatted.length} of ${total} notebooks`);
    else if (unformatted.length === 0) console.log(`all ${total} notebooks are formatted`);
    else {
      console.error(`not formatted (run deno task fmt-notebooks): ${unformatted.join(", ")}`);
      Deno.exit(1);
    }
  } catch (e) {
    console.error(`error: ${(e as Error).message}`);
    Deno.exit(1);
  }
}
