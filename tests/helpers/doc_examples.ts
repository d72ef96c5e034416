/**
 * Test helper: the TypeScript code blocks of every JSDoc comment under a folder, written as
 * modules that can all run in one process.
 *
 * `deno test --doc` runs each block in its own isolate, loading the library anew every time
 * (about 0.15 s each, most of the test suite's time); here every block is a module of one
 * process, which loads each library module once. Two differences follow: an example must import
 * what it uses (`deno test --doc` also imports the documented module's exports for it; every
 * example in `lib/` imports explicitly), and examples share the library's module state (caches),
 * as the calls of a notebook do. Type checking is not done here: `deno check --doc-only` does it.
 *
 * @module
 */
import { relative } from "node:path";
import { pathToFileURL } from "node:url";
import { listFiles } from "../../scripts/runner/files.ts";
import { absoluteImports } from "../../scripts/runner/inputs.ts";

/** A code block of a JSDoc comment. */
export interface DocExample {
  /** `path:line` of the opening fence, relative to the folder's parent. */
  name: string;
  /** The source file. */
  file: string;
  /** 1-based line of the opening fence in the file. */
  line: number;
  /** The block's code, comment markers removed. */
  code: string;
}

/** Every `.ts` file under `dir`, sorted. */
export async function tsFiles(dir: string): Promise<string[]> {
  return (await listFiles(dir)).filter((p) => p.endsWith(".ts")).map((p) => `${dir}/${p}`);
}

const FENCE_OPEN = /^```(ts|typescript|js|javascript|tsx|jsx)\s*(.*)$/;

/**
 * The code blocks of every JSDoc comment (`/** … *\/`) in the `.ts` files under `dir`, except
 * those marked `ignore`, in file and line order.
 *
 * @param dir A folder.
 * @returns The blocks.
 */
export async function docExamples(dir: string): Promise<DocExample[]> {
  const out: DocExample[] = [];
  const base = `${dir}/..`;
  for (const file of await tsFiles(dir)) {
    const text = await Deno.readTextFile(file);
    for (const m of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
      const first = text.slice(0, m.index).split("\n").length;
      const lines = m[0].split("\n").map((l) => l.replace(/^\s*\/?\*+ ?/, ""));
      for (let i = 0; i < lines.length; i++) {
        const open = FENCE_OPEN.exec(lines[i].trim());
        if (!open) continue;
        const end = lines.findIndex((l, j) => j > i && l.trim() === "```");
        if (end < 0) throw new Error(`${file}:${first + i}: code block not closed`);
        if (!/\bignore\b/.test(open[2])) {
          const line = first + i;
          out.push({
            name: `${relative(base, file)}:${line}`,
            file,
            line,
            code: lines.slice(i + 1, end).join("\n"),
          });
        }
        i = end;
      }
    }
  }
  return out;
}

/**
 * Writes each example as a module in `dir`, its relative imports resolved from its source file.
 *
 * @param examples The examples.
 * @param dir A folder inside the project (so that the import map applies).
 * @returns The modules' URLs, in the examples' order.
 */
export async function writeExampleModules(
  examples: readonly DocExample[],
  dir: string,
): Promise<URL[]> {
  const urls: URL[] = [];
  for (const [i, ex] of examples.entries()) {
    const code = absoluteImports(ex.code, pathToFileURL(ex.file));
    const path = `${dir}/${String(i).padStart(4, "0")}.ts`;
    // The example's lines keep their numbers (line 1 is its first); its name goes last.
    await Deno.writeTextFile(path, `${code}\nexport {};\n// ${ex.name}\n`);
    urls.push(pathToFileURL(path));
  }
  return urls;
}

/** An example as `help(name)` prints it: its imports rewritten to what a notebook imports. */
export interface HelpExample {
  /** The exported name whose help shows it. */
  name: string;
  /** The code, as pasted into a cell. */
  code: string;
}

/**
 * The examples `help` prints for each of `names` (the exports of `#lib/mod.ts` and
 * `#lib/plots/mod.ts`), as a person pastes them into a cell.
 *
 * @param helpText The library's `helpText`.
 * @param names The names to ask help for.
 * @returns The examples, in the order of the names.
 */
export function helpExamples(
  helpText: (name: string) => string,
  names: readonly string[],
): HelpExample[] {
  return names.flatMap((name) =>
    helpText(name).split("\n\n").filter((p) => p.startsWith("Example:\n")).map((p) => ({
      name,
      code: p.replace(/^Example:\n/, "").replace(/^ {2}/gm, ""),
    }))
  );
}

/**
 * What an example does, whatever its import statements say: its code without them, spaces
 * collapsed. A JSDoc example and the same example as `help` prints it (its imports rewritten)
 * have the same body.
 *
 * @param code An example's code.
 * @returns Its body.
 */
export function exampleBody(code: string): string {
  return code.replace(/^\s*import\b[^;]*?\bfrom\s*"[^"]*";?[ \t]*$/gm, "")
    .replace(/\s+/g, " ").trim();
}
