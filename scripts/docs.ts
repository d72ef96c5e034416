/**
 * `deno task docs`: writes the API reference of the public modules to `docs/api/` with
 * `deno doc --html`, then makes each page's usage line the import a notebook cell uses
 * (`#lib/mod.ts`, `#lib/plots/mod.ts`, the entries of deno.json's import map) instead of the
 * bare file name Deno prints (`"mod.ts"`), so that it pastes into a cell and runs.
 *
 * @module
 */
import { ROOT } from "./runner/paths.ts";
import { checkOptions } from "./cli_args.ts";

/** The public modules, and the specifier a notebook imports each by. */
export const MODULES: readonly { file: string; shown: string; specifier: string }[] = [
  { file: "lib/mod.ts", shown: "mod.ts", specifier: "#lib/mod.ts" },
  { file: "lib/plots/mod.ts", shown: "plots/mod.ts", specifier: "#lib/plots/mod.ts" },
];

/**
 * A page's text with every usage line's module name replaced by the specifier notebooks use.
 *
 * @param html A page `deno doc --html` wrote.
 * @returns The page, the usage lines rewritten.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { usageAsNotebooks } from "./docs.ts";
 * const page = "import { x } from &quot;mod.ts&quot; … from &quot;plots/mod.ts&quot;";
 * assert.equal(
 *   usageAsNotebooks(page),
 *   "import { x } from &quot;#lib/mod.ts&quot; … from &quot;#lib/plots/mod.ts&quot;",
 * );
 * ```
 */
export function usageAsNotebooks(html: string): string {
  let out = html;
  // The longer name first: "plots/mod.ts" ends with "mod.ts".
  for (const m of [...MODULES].sort((a, b) => b.shown.length - a.shown.length)) {
    out = out.replaceAll(`from &quot;${m.shown}&quot;`, `from &quot;${m.specifier}&quot;`);
  }
  return out;
}

/** Every `.html` file below a folder. */
async function* htmlFiles(dir: string): AsyncGenerator<string> {
  for await (const e of Deno.readDir(dir)) {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory) yield* htmlFiles(path);
    else if (e.isFile && e.name.endsWith(".html")) yield path;
  }
}

if (import.meta.main) {
  checkOptions(Deno.args, { command: "docs", usage: "usage: deno task docs" });
  const out = `${ROOT}/docs/api`;
  await Deno.mkdir(out, { recursive: true });
  const r = await new Deno.Command("deno", {
    args: [
      "doc",
      "--html",
      "--name=nagoshi-2012",
      `--output=${out}`,
      ...MODULES.map((m) => m.file),
    ],
    cwd: ROOT,
  }).output();
  if (r.code !== 0) Deno.exit(r.code);
  let pages = 0;
  for await (const path of htmlFiles(out)) {
    const text = await Deno.readTextFile(path);
    const fixed = usageAsNotebooks(text);
    if (fixed !== text) {
      await Deno.writeTextFile(path, fixed);
      pages++;
    }
  }
  console.log(`wrote docs/api (usage lines import #lib/…: ${pages} pages)`);
}
