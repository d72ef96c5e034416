/**
 * `deno task fmt-notebooks`: formats every cell of the notebooks as `deno fmt` formats a `.ts`
 * (code cells) or `.md` (Markdown cells) file, keeping Jupyter's layout (a cell's source has no
 * final newline). `deno fmt` itself misreports such cells, so notebooks are excluded from it and
 * checked cell by cell by a test; this is the command that makes that test pass.
 *
 * @module
 */
import { listFiles } from "./runner/files.ts";
import { NOTEBOOKS, ROOT } from "./runner/paths.ts";

interface Cell {
  cell_type: string;
  source: string | string[];
}

const EXT: Record<string, string> = { code: "ts", markdown: "md" };

if (import.meta.main) {
  const dir = await Deno.makeTempDir({ prefix: "fmt-notebooks-" });
  try {
    const notebooks = (await listFiles(NOTEBOOKS)).filter((p) => p.endsWith(".ipynb"));
    const parsed = new Map<string, { cells: Cell[] }>();
    for (const p of notebooks) {
      const nb = JSON.parse(await Deno.readTextFile(`${NOTEBOOKS}/${p}`));
      parsed.set(p, nb);
      for (const [i, c] of (nb.cells as Cell[]).entries()) {
        const ext = EXT[c.cell_type];
        if (ext) {
          const file = `${dir}/${p.replaceAll("/", "_")}-cell-${i}.${ext}`;
          await Deno.writeTextFile(file, `${[c.source].flat().join("")}\n`);
        }
      }
    }
    const out = await new Deno.Command("deno", {
      args: ["fmt", "--quiet", "--config", `${ROOT}/deno.json`, dir],
      stderr: "inherit",
    }).output();
    if (out.code !== 0) Deno.exit(out.code);
    let changed = 0;
    for (const [p, nb] of parsed) {
      let touched = false;
      for (const [i, c] of nb.cells.entries()) {
        const ext = EXT[c.cell_type];
        if (!ext) continue;
        const text = (await Deno.readTextFile(`${dir}/${p.replaceAll("/", "_")}-cell-${i}.${ext}`))
          .replace(/\n$/, "");
        if (text === [c.source].flat().join("")) continue;
        const lines = text.split("\n");
        c.source = lines.map((l, k) => (k < lines.length - 1 ? `${l}\n` : l));
        touched = true;
      }
      if (touched) {
        changed++;
        await Deno.writeTextFile(
          `${NOTEBOOKS}/${p}`,
          JSON.stringify(nb, null, 1) + "\n",
        );
      }
    }
    console.log(`formatted ${changed} of ${parsed.size} notebooks`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}
