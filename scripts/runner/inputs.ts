/**
 * What a notebook's outputs depend on, as hashes: the notebook as executed (source cells and
 * parameters), every local module its code imports (transitively, from `deno info`), `data/`,
 * `deno.json`, `deno.lock`, the Deno version and the runner's Jupyter client, writer and kernelspec. Two runs
 * with equal inputs give byte-identical outputs, so a notebook whose inputs are unchanged need
 * not run again.
 *
 * @module
 */
import { sha256, treeHash } from "./files.ts";
import { posixPath, ROOT } from "./paths.ts";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The inputs of one notebook: name → sha256 (the Deno version as itself). */
export type Inputs = Record<string, string>;

/**
 * Inputs shared by every notebook: the data folder (under the name `data/`), the figures' fonts, `deno.json`, `deno.lock`, the Deno version, the
 * runner (its Jupyter client, notebook writer, HTML pages and kernelspec) and the modules of `lib/`
 * it imports ({@link RUNNER_LIB_MODULES}).
 *
 * @param data the data folder the notebooks read (default: the repository's `data/`)
 * @returns name → hash (the Deno version as itself)
 * @example
 * ```ts ignore
 * import { sharedInputs } from "./inputs.ts";
 * (await sharedInputs()).Deno; // "2.9.6"
 * ```
 */
export async function sharedInputs(data = `${ROOT}/data`): Promise<Inputs> {
  const file = async (p: string) => sha256(await Deno.readFile(`${ROOT}/${p}`));
  return {
    "data/": await treeHash(data.replace(/\/$/, "")),
    "lib/plots/fonts/": await treeHash(`${ROOT}/lib/plots/fonts`),
    "deno.json": await configHash(),
    "deno.lock": await file("deno.lock"),
    "Deno": Deno.version.deno,
    "runner": await treeHash(`${ROOT}/scripts/runner`, isRunnerFile),
    ...Object.fromEntries(
      await Promise.all(RUNNER_LIB_MODULES.map(async (p) => [p, await file(p)] as const)),
    ),
  };
}

/**
 * The modules of `lib/` the runner's files that make its outputs ({@link isRunnerFile}) import:
 * the link rule of the HTML pages (`isSafeLink`) and the XML text of their SVG images
 * (`escapeXml`). A change to one can change every page, so each
 * is an input of every notebook (tests/inputs_test.ts checks the list against the imports).
 */
export const RUNNER_LIB_MODULES: readonly string[] = ["lib/markdown.ts", "lib/xml_text.ts"];

/**
 * The hash of what in `deno.json` can change a notebook's outputs: the import map, the compiler
 * options, the lock file and node_modules settings. Its tasks (the test task's permissions, the
 * checks) cannot, so editing them does not make every notebook's inputs differ.
 *
 * @param path the configuration file (default: the repository's `deno.json`)
 * @returns sha256 of those entries, as JSON with sorted keys
 * @example
 * ```ts
 * import { configHash } from "./inputs.ts";
 * if (!/^[0-9a-f]{64}$/.test(await configHash())) throw new Error("a sha256");
 * ```
 */
export async function configHash(path = `${ROOT}/deno.json`): Promise<string> {
  const config = JSON.parse(await Deno.readTextFile(path));
  const kept = Object.fromEntries(
    Object.keys(config).sort().filter((k) => !["tasks", "fmt", "lint", "test"].includes(k))
      .map((k) => [k, config[k]]),
  );
  return sha256(new TextEncoder().encode(JSON.stringify(kept)));
}

/**
 * The runner's files that make its outputs: the Jupyter client, the executor, the notebook
 * writer (with its long-output mark, `scroll.ts`), the HTML pages and the kernelspec.
 *
 * @param p a path under `scripts/runner/`
 * @returns whether it counts
 * @example
 * ```ts
 * import { isRunnerFile } from "./inputs.ts";
 * if (!isRunnerFile("jupyter/cells.ts") || isRunnerFile("lock.ts")) throw new Error("runner files");
 * ```
 */
export function isRunnerFile(p: string): boolean {
  return p.startsWith("jupyter/") ||
    ["execute.ts", "nbformat.ts", "scroll.ts", "html.ts", "svg_image.ts", "kernelspec.ts"].includes(
      p,
    );
}

/** A path relative to the repository when inside it, else the absolute path. */
function display(path: string): string {
  return path.startsWith(`${ROOT}/`) ? path.slice(ROOT.length + 1) : path;
}

/**
 * Code with its relative module specifiers (`"./x.ts"`, `"../y.ts"` in `import`, `export … from`
 * and `import()`) made absolute URLs, resolved from `base`.
 *
 * @param code TypeScript or JavaScript.
 * @param base The URL relative specifiers resolve from (a file, or a folder ending in `/`).
 * @returns The code, otherwise unchanged.
 * @example
 * ```ts
 * import { absoluteImports } from "./inputs.ts";
 * absoluteImports('import { a } from "../lib/a.ts";', new URL("file:///p/nb/"));
 * // 'import { a } from "file:///p/lib/a.ts";'
 * ```
 */
export function absoluteImports(code: string, base: URL): string {
  return code.replace(
    /(\bfrom\s*|\bimport\s*\(?\s*)(["'])(\.{1,2}\/[^"']+)\2/g,
    (_, lead, q, spec) => `${lead}${q}${new URL(spec, base).href}${q}`,
  );
}

/** A cell as {@link codeModule} reads it. */
export interface NotebookCell {
  cell_type: string;
  source: string | string[];
  id?: string;
}

/** Where a line of {@link codeModule}'s text comes from in the notebook. */
export interface CellLine {
  /** The cell's place among all the notebook's cells, from 1 (as the notebook shows them). */
  cell: number;
  /** Its place among the code cells, from 1. */
  codeCell: number;
  /** The cell's id, when it has one. */
  id: string | null;
  /** The line within the cell, from 1. */
  line: number;
}

/** A notebook's code cells as one module: its text, and where each of its lines comes from. */
export interface CodeModule {
  /** The module's text: the code cells joined by a blank line, relative imports made absolute. */
  text: string;
  /**
   * The cell, and the line within it, of each line of `text` (`lines[n - 1]` for line n: an
   * error of `deno check` on the module, said in the notebook's terms); `null` for the lines
   * between cells and after the last.
   */
  lines: readonly (CellLine | null)[];
}

/**
 * The code cells of a notebook as one module, with relative imports made absolute, and where each
 * of its lines comes from.
 *
 * @param nb The notebook (nbformat 4).
 * @param dir The folder the notebook runs in (relative imports resolve from there).
 * @returns The module's text and its lines' cells.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { codeModule } from "./inputs.ts";
 * const nb = {
 *   cells: [
 *     { cell_type: "markdown", source: "# Title" },
 *     { cell_type: "code", id: "a", source: ["const a = 1;\n", "a;"] },
 *     { cell_type: "code", id: "b", source: "const b: string = 2;" },
 *   ],
 * };
 * const m = codeModule(nb, "/p/nb");
 * // The module: the first code cell's two lines, a blank line, the second's one.
 * assert.equal(m.text, "const a = 1;\na;\n\nconst b: string = 2;\nexport {};\n");
 * assert.deepEqual(m.lines[3], { cell: 3, codeCell: 2, id: "b", line: 1 });
 * assert.deepEqual(m.lines[1], { cell: 2, codeCell: 1, id: "a", line: 2 });
 * assert.equal(m.lines[2], null);
 * ```
 */
export function codeModule(nb: { cells: readonly NotebookCell[] }, dir: string): CodeModule {
  const sources: string[] = [];
  const lines: (CellLine | null)[] = [];
  for (const [i, c] of nb.cells.entries()) {
    if (c.cell_type !== "code") continue;
    const source = [c.source].flat().join("");
    // The blank line that joins two cells.
    if (sources.length > 0) lines.push(null);
    const codeCell = sources.push(source);
    source.split("\n").forEach((_, k) =>
      lines.push({ cell: i + 1, codeCell, id: c.id ?? null, line: k + 1 })
    );
  }
  const text = absoluteImports(sources.join("\n\n"), pathToFileURL(`${dir}/`)) + "\nexport {};\n";
  return { text, lines };
}

/**
 * The local modules each notebook imports, transitively, with their hashes: one `deno info` over
 * a module importing every notebook's code. `null` for every notebook when `deno info` fails
 * (e.g. a syntax error in a cell): their inputs are then unknown and they run again.
 *
 * @param notebooks name → path of the notebook as it will be executed
 * @param cwd the folder the notebooks run in (relative imports resolve from there)
 * @param work a scratch folder
 * @returns name → inputs (module path → hash), or `null` when unknown
 * @example
 * ```ts ignore
 * import { moduleInputs } from "./inputs.ts";
 * await moduleInputs(new Map([["00-dataset.ipynb", "notebooks/00-dataset.ipynb"]]), "notebooks", ".tmp/x");
 * ```
 */
export async function moduleInputs(
  notebooks: Map<string, string>,
  cwd: string,
  work: string,
): Promise<Map<string, Inputs | null>> {
  await Deno.mkdir(`${work}/deps`, { recursive: true });
  const roots = new Map<string, string>();
  for (const [name, path] of notebooks) {
    const file = `${work}/deps/${name}.ts`;
    const nb = JSON.parse(await Deno.readTextFile(path));
    await Deno.writeTextFile(file, codeModule(nb, cwd).text);
    roots.set(name, pathToFileURL(file).href);
  }
  const root = `${work}/deps/all.ts`;
  await Deno.writeTextFile(root, [...roots.values()].map((u) => `import "${u}";\n`).join(""));
  const out = await new Deno.Command("deno", {
    args: ["info", "--json", "--config", `${ROOT}/deno.json`, root],
    stdout: "piped",
    stderr: "null",
    env: { NO_COLOR: "1" },
  }).output();
  const result = new Map<string, Inputs | null>();
  if (out.code !== 0) {
    for (const name of notebooks.keys()) result.set(name, null);
    return result;
  }
  const graph = JSON.parse(new TextDecoder().decode(out.stdout)) as {
    modules: {
      specifier: string;
      dependencies?: { code?: { specifier: string }; type?: { specifier: string } }[];
    }[];
  };
  const deps = new Map(graph.modules.map((m) => [
    m.specifier,
    (m.dependencies ?? []).flatMap((d) => [d.code?.specifier, d.type?.specifier])
      .filter((s): s is string => s !== undefined),
  ]));
  const hashes = new Map<string, string>();
  for (const [name, url] of roots) {
    const seen = new Set<string>();
    const stack = [...(deps.get(url) ?? [])];
    while (stack.length) {
      const s = stack.pop()!;
      if (seen.has(s) || !s.startsWith("file://")) continue;
      seen.add(s);
      stack.push(...(deps.get(s) ?? []));
    }
    const inputs: Inputs = {};
    for (const s of [...seen].sort()) {
      const path = posixPath(fileURLToPath(s));
      if (!hashes.has(path)) hashes.set(path, sha256(await Deno.readFile(path)));
      inputs[display(path)] = hashes.get(path)!;
    }
    result.set(name, inputs);
  }
  return result;
}

/**
 * Why a notebook must run again: the inputs that differ from the recorded ones (`[]` when
 * none), or that nothing was recorded.
 *
 * @param now the inputs now (`null`: unknown)
 * @param recorded the inputs the manifest records
 * @returns the names of the inputs that changed, or the reason there is nothing to compare
 *
 * @example
 * ```ts
 * import { changedInputs } from "./inputs.ts";
 * changedInputs({ "data/": "a", Deno: "2.9.6" }, { "data/": "b", Deno: "2.9.6" }); // ["data/"]
 * ```
 */
export function changedInputs(now: Inputs | null, recorded: Inputs | undefined): string[] {
  if (now === null) return ["its imports could not be listed"];
  if (recorded === undefined) return ["no record of its inputs"];
  const names = [...new Set([...Object.keys(now), ...Object.keys(recorded)])].sort();
  return names.filter((n) => now[n] !== recorded[n]);
}
