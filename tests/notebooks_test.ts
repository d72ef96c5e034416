/**
 * The notebooks: their code type-checks, and one re-execution of every notebook (shared by the
 * tests below) reproduces the committed notebooks and results byte for byte, with every code
 * cell executed and no error, one notebook per case, the project's kernelspec, HTML pages
 * that load nothing from the machine that rendered them, and the dataset notebook's "make your own
 * figure" cell drawing a figure in its fresh kernel.
 */
import assert from "node:assert/strict";
import { dirname } from "node:path";
import { parse } from "csv-parse/sync";
import { listFiles } from "../scripts/runner/files.ts";
import { type CellLine, codeModule } from "../scripts/runner/inputs.ts";
import { notebookKernelspec } from "../scripts/runner/kernelspec.ts";
import { NOTEBOOKS, REPRODUCE_ARGS, ROOT } from "../scripts/runner/paths.ts";
import { formatNotebooks } from "../scripts/format_notebooks.ts";

const sources = (await listFiles(NOTEBOOKS)).filter((p) => p.endsWith(".ipynb"));
const read = async (path: string) => JSON.parse(await Deno.readTextFile(path));

interface Execution {
  code: number;
  stdout: string;
  stderr: string;
  /** What the run produced: `notebooks/` and `results/`. */
  dir: string;
}

let execution: Promise<Execution> | null = null;

/** `reproduce --check`, run once for every test of this file; its output is kept. */
function executeAll(): Promise<Execution> {
  execution ??= (async () => {
    await Deno.mkdir(`${ROOT}/.tmp`, { recursive: true });
    const dir = await Deno.makeTempDir({ dir: `${ROOT}/.tmp`, prefix: "notebooks-test-" });
    addEventListener("unload", () => Deno.removeSync(dir, { recursive: true }));
    const out = await new Deno.Command("deno", {
      args: [
        ...REPRODUCE_ARGS,
        "--check",
        "--keep",
        `${dir}/produced`,
      ],
      cwd: ROOT,
      stdout: "piped",
      stderr: "piped",
    }).output();
    const dec = new TextDecoder();
    return {
      code: out.code,
      stdout: dec.decode(out.stdout),
      stderr: dec.decode(out.stderr),
      dir: `${dir}/produced`,
    };
  })();
  return execution;
}

/** The executed notebooks of the shared run. */
async function produced(): Promise<Map<string, { cells: Cell[]; metadata: Meta }>> {
  const { dir, stderr } = await executeAll();
  const names = (await listFiles(`${dir}/notebooks`).catch(() => [])).filter((p) =>
    p.endsWith(".ipynb")
  );
  assert.ok(names.length > 0, `the run produced no notebook:\n${stderr}`);
  return new Map(
    await Promise.all(names.map(async (n) => [n, await read(`${dir}/notebooks/${n}`)] as const)),
  );
}

interface Cell {
  cell_type: string;
  source: string | string[];
  execution_count: number | null;
  outputs: { output_type: string; data?: Record<string, string | string[]> }[];
  metadata: { tags?: string[] };
}
interface Meta {
  kernelspec?: unknown;
}

/**
 * `deno check` on each notebook's code as a module (`<dir>/<notebook>.ts`), its errors said in the
 * notebooks' terms: a place in a module (`<dir>/50-x.ipynb.ts:8:15`) becomes the notebook, the
 * cell and the line within it (`notebooks/50-x.ipynb, cell 3 (code cell 2, id "cell-2"), line 4,
 * column 15`).
 *
 * @param notebooks The notebooks folder.
 * @param names The notebooks, relative to it.
 * @param dir The folder the modules are written to.
 * @returns The exit code and the errors.
 */
async function typeCheck(notebooks: string, names: readonly string[], dir: string) {
  await Deno.mkdir(dir, { recursive: true });
  const modules = new Map<string, { name: string; lines: readonly (CellLine | null)[] }>();
  for (const p of names) {
    const path = `${notebooks}/${p}`;
    const file = `${dir}/${p.replaceAll("/", "_")}.ts`;
    const nb = await read(path);
    const { text, lines } = codeModule(nb, dirname(path));
    await Deno.writeTextFile(file, text);
    modules.set(file, { name: p, lines });
  }
  const out = await new Deno.Command("deno", {
    args: ["check", "--quiet", "--config", `${ROOT}/deno.json`, ...modules.keys()],
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).output();
  const shown = notebooks.startsWith(`${ROOT}/`) ? notebooks.slice(ROOT.length + 1) : notebooks;
  const errors = new TextDecoder().decode(out.stderr).replace(
    /(?:file:\/\/)?(\/[^\s:]+\.ipynb\.ts):(\d+):(\d+)/g,
    (all, file: string, line: string, column: string) => {
      const m = modules.get(file);
      const at = m?.lines[Number(line) - 1];
      if (!m || !at) return all;
      return `${shown}/${m.name}, cell ${at.cell} (code cell ${at.codeCell}` +
        `${at.id ? `, id "${at.id}"` : ""}), line ${at.line}, column ${column}`;
    },
  );
  return { code: out.code, errors };
}

Deno.test("every notebook's code cells type-check together (the kernel does not check)", async () => {
  // A fixed folder, so that Deno's type-check cache recognises unchanged notebooks.
  const { code, errors } = await typeCheck(NOTEBOOKS, sources, `${ROOT}/.tmp/notebooks-typecheck`);
  assert.equal(code, 0, errors);
});

Deno.test("a type error in a notebook is named by its notebook, cell and line", async () => {
  await Deno.mkdir(`${ROOT}/.tmp`, { recursive: true });
  const dir = await Deno.makeTempDir({ dir: `${ROOT}/.tmp`, prefix: "typecheck-" });
  try {
    const cell = (id: string, source: string[]) => ({
      cell_type: "code",
      id,
      metadata: {},
      source,
      execution_count: null,
      outputs: [],
    });
    const nb = {
      cells: [
        { cell_type: "markdown", id: "cell-0", metadata: {}, source: ["# Title"] },
        cell("cell-1", ['import * as lib from "#lib/mod.ts";\n', "const n = 1;"]),
        cell("cell-2", ["const m = lib.formatNumber(2);\n", "const s: string = n;"]),
      ],
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    };
    await Deno.mkdir(`${dir}/notebooks`);
    await Deno.writeTextFile(`${dir}/notebooks/50-x.ipynb`, JSON.stringify(nb));
    const { code, errors } = await typeCheck(`${dir}/notebooks`, ["50-x.ipynb"], `${dir}/check`);
    assert.notEqual(code, 0, errors);
    assert.match(errors, /50-x\.ipynb, cell 3 \(code cell 2, id "cell-2"\), line 2, column 7/);
    assert.doesNotMatch(errors, /\.ipynb\.ts:/, "no place in the generated module is left");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("every notebook cell is formatted as `deno fmt` formats it", async () => {
  // `deno fmt --check` misreports every formatted cell whose source lacks a final newline (as
  // Jupyter saves them), so notebooks are excluded from it and their cells checked here, by the
  // check mode of `deno task fmt-notebooks`.
  const { unformatted, total } = await formatNotebooks(NOTEBOOKS, true);
  assert.deepEqual(unformatted, [], "run deno task fmt-notebooks");
  assert.equal(total, sources.length);
  // The check finds a cell that is not formatted, and changes nothing.
  const dir = await Deno.makeTempDir({ prefix: "nbfmt-" });
  try {
    const sloppy = JSON.stringify({
      cells: [{ cell_type: "code", metadata: {}, source: "const  x=1", outputs: [] }],
    });
    await Deno.writeTextFile(`${dir}/a.ipynb`, sloppy);
    assert.deepEqual((await formatNotebooks(dir, true)).unformatted, ["a.ipynb"]);
    assert.equal(await Deno.readTextFile(`${dir}/a.ipynb`), sloppy);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("re-executing every notebook reproduces the committed notebooks and results/ exactly", async () => {
  const { code, stdout, stderr } = await executeAll();
  assert.equal(code, 0, `${stdout}\n${stderr}`);
  assert.match(stdout, /check passed: \d+ files identical/);
});

Deno.test("every code cell is executed and none has an error output or shows a promise, committed or re-executed", async () => {
  const committed = sources.filter((p) => !p.startsWith("templates/"));
  const fresh = await produced();
  assert.deepEqual([...fresh.keys()].sort(), committed.sort(), "the same notebooks");
  for (
    const [where, nbs] of [
      [
        "committed",
        new Map(
          await Promise.all(
            committed.map(async (p) => [p, await read(`${NOTEBOOKS}/${p}`)] as const),
          ),
        ),
      ],
      ["re-executed", fresh],
    ] as const
  ) {
    for (const [p, nb] of nbs) {
      for (const [i, c] of (nb.cells as Cell[]).entries()) {
        if (c.cell_type !== "code") continue;
        assert.ok(c.execution_count !== null, `${where} ${p} cell ${i} not executed`);
        for (const o of c.outputs) {
          assert.notEqual(o.output_type, "error", `${where} ${p} cell ${i}`);
          // A promise as the cell's value: a display helper (showTable, showFigure, …) the cell
          // did not await, shown as "Promise { <pending> }" in the notebook and its page.
          const plain = [o.data?.["text/plain"] ?? []].flat().join("");
          assert.doesNotMatch(plain, /^Promise \{/, `${where} ${p} cell ${i}: await its value`);
        }
      }
    }
  }
});

Deno.test("there is one notebook per case, from the template", async () => {
  // Parsed as CSV: a quoted cell may hold a comma or a line break.
  const cases = (parse(await Deno.readTextFile(`${ROOT}/data/cases.csv`), { columns: true }) as {
    case_id: string;
  }[]).map((r) => r.case_id);
  const fresh = await produced();
  for (const id of cases) {
    for (
      const nb of [await read(`${NOTEBOOKS}/01-case-${id}.ipynb`), fresh.get(`01-case-${id}.ipynb`)]
    ) {
      assert.ok(nb, `no notebook for case ${id}`);
      const params = nb.cells.find((c: Cell) => c.metadata.tags?.includes("parameters"));
      assert.match([params.source].flat().join(""), new RegExp(`const caseId = "${id}";`));
    }
  }
});

Deno.test("notebooks name the kernel that `deno task kernel` registers, so saving them in Jupyter changes nothing", async () => {
  const expected = notebookKernelspec();
  assert.deepEqual((await read(`${NOTEBOOKS}/templates/case.ipynb`)).metadata.kernelspec, expected);
  for (const [name, nb] of await produced()) {
    assert.deepEqual(nb.metadata.kernelspec, expected, name);
  }
});

Deno.test("the HTML pages load nothing from the machine that rendered them", async () => {
  const { dir } = await executeAll();
  const pages = (await listFiles(`${dir}/results/html`)).filter((p) => p.endsWith(".html"));
  assert.ok(pages.length > 0, "no HTML page");
  for (const p of pages) {
    const html = await Deno.readTextFile(`${dir}/results/html/${p}`);
    assert.doesNotMatch(html, /file:\/\/|\/usr\/share/, p);
    assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href="(?!#|data:)/, `${p} loads a file`);
    assert.doesNotMatch(html, /<script/i, `${p} holds a script`);
    assert.match(
      html,
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/,
      p,
    );
  }
});

Deno.test('the dataset notebook\'s "make your own figure" cell draws a figure in a fresh kernel', async () => {
  // The shared run executes each notebook in a kernel of its own, started for it.
  const nb = (await produced()).get("00-dataset.ipynb");
  assert.ok(nb, "the dataset notebook was executed");
  const joined = (x: string | string[]) => [x].flat().join("");
  const i = nb.cells.findIndex((c) => /^## Make your own figure/m.test(joined(c.source)));
  assert.ok(i >= 0, "the section exists");
  const code = nb.cells.slice(i + 1).find((c) => c.cell_type === "code");
  assert.ok(code, "a code cell follows the section's heading");
  assert.match(joined(code.source), /plots\.plot\(/);
  const outs = code.outputs as { output_type: string; data?: Record<string, unknown> }[];
  assert.ok(outs.every((o) => o.output_type !== "error"));
  assert.ok(outs.some((o) => o.output_type === "display_data" && o.data?.["image/png"]));
});
