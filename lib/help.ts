/**
 * Help in a notebook cell: {@link help} prints a function's (or a type's) signature, description,
 * parameters, the options it takes and its example, read from the JSDoc of the library's public
 * modules. The kernel shows no signatures itself (Shift+Tab shows nothing).
 *
 * The documentation is read at run time by `deno doc --json` (the Deno that runs the kernel, about
 * 1 s on the first call, then kept): nothing generated is stored, so it is never out of date. The
 * example's imports are rewritten to the specifiers a notebook uses (`#lib/mod.ts`,
 * `#lib/plots/mod.ts`), so it pastes into a cell and runs.
 *
 * @module
 */
import { nearTerms } from "./nearest.ts";
import { fileURLToPath } from "node:url";
import { compareText } from "./text_order.ts";

/** The public modules, as notebooks import them, and their files. */
const MODULES: readonly { specifier: string; url: URL }[] = [
  { specifier: "#lib/mod.ts", url: new URL("./mod.ts", import.meta.url) },
  { specifier: "#lib/plots/mod.ts", url: new URL("./plots/mod.ts", import.meta.url) },
];

/** The parts of `deno doc --json` used here. */
interface DocTag {
  kind: string;
  name?: string;
  doc?: string;
}
interface DocDeclaration {
  kind: string;
  location: { filename: string; line: number; byteIndex: number };
  jsDoc?: { doc?: string; tags?: DocTag[] };
  def?: {
    params?: { tsType?: { repr?: string }; left?: { tsType?: { repr?: string } } }[];
    hasBody?: boolean;
    properties?: {
      name: string;
      optional: boolean;
      jsDoc?: { doc?: string };
      location: { filename: string; byteIndex: number };
    }[];
  };
}
interface DocSymbol {
  name: string;
  /** The specifier a notebook imports it from. */
  module: string;
  declarations: DocDeclaration[];
}

let index: Map<string, DocSymbol> | null = null;

/** Every public symbol by name, from `deno doc --json` (run once). */
function docIndex(): Map<string, DocSymbol> {
  if (index) return index;
  const run = (deno: string) =>
    new Deno.Command(deno, {
      args: ["doc", "--json", ...MODULES.map((m) => fileURLToPath(m.url))],
      // From the project's root, so that deno doc reads its deno.json (import map, lock).
      cwd: fileURLToPath(new URL("../", import.meta.url)),
      env: { NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).outputSync();
  let out: Deno.CommandOutput;
  try {
    out = run(Deno.execPath());
  } catch (e) {
    // Permission to run `deno` by name (tests) but not the binary's own path: use the name.
    if (!(e instanceof Deno.errors.NotCapable)) throw e;
    try {
      out = run("deno");
    } catch (e) {
      if (!(e instanceof Deno.errors.NotCapable)) throw e;
      throw new Error(
        "help: reading the documentation runs `deno doc`, which needs permission to run deno " +
          "(--allow-run=deno, or -A; a notebook's Deno kernel has it). Without it, the same " +
          "documentation is in each function's JSDoc comment, and in docs/api/ after `deno task docs`.",
      );
    }
  }
  if (out.code !== 0) {
    throw new Error(`help: deno doc failed: ${new TextDecoder().decode(out.stderr).trim()}`);
  }
  const json = JSON.parse(new TextDecoder().decode(out.stdout)) as {
    nodes: Record<string, { symbols: Omit<DocSymbol, "module">[] }>;
  };
  index = new Map();
  for (const m of MODULES) {
    for (const s of json.nodes[m.url.href]?.symbols ?? []) {
      if (!index.has(s.name)) index.set(s.name, { ...s, module: m.specifier });
    }
  }
  return index;
}

const sources = new Map<string, Uint8Array>();

/** Source text of `file` from byte `at`, up to where a declaration's head ends. */
function head(file: string, at: number, kind: string): string {
  if (!sources.has(file)) sources.set(file, Deno.readFileSync(new URL(file)));
  const text = new TextDecoder().decode(sources.get(file)!.subarray(at, at + 4000));
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if ("([<".includes(ch)) depth++;
    else if (")]>".includes(ch) && text[i - 1] !== "=") depth--;
    else if (depth === 0 && (ch === ";" || (ch === "{" && kind !== "typeAlias"))) {
      return tidy(text.slice(0, i));
    } else if (depth === 0 && ch === "=" && text[i + 1] !== ">" && kind === "variable") {
      return tidy(text.slice(0, i));
    } else if (ch === "{") depth++;
    else if (ch === "}") depth--;
  }
  return tidy(text.split("\n")[0]);
}

/** A declaration's head on as few lines as it reads well in. */
function tidy(s: string): string {
  return s.replace(/^export\s+(declare\s+)?/, "").replace(/\s+/g, " ").replace(/\(\s/g, "(")
    .replace(/,\s*\)/g, ")").replace(/,\s*}/g, " }").trim();
}

/** Indents each line of `text`. */
const indent = (text: string, by = "  ") =>
  text.trim().split("\n").map((l) => (l ? by + l : l)).join("\n");

/** The import specifier a notebook uses for `names` imported from `spec` in `file`. */
function notebookSpecifier(spec: string, file: string, names: string[]): string {
  const idx = docIndex();
  for (const m of MODULES) {
    if (names.every((n) => idx.get(n)?.module === m.specifier)) return m.specifier;
  }
  const lib = new URL("./", import.meta.url).href;
  const target = new URL(spec, file).href;
  return target.startsWith(lib) ? `#lib/${target.slice(lib.length)}` : spec;
}

/**
 * An example's code with its relative imports rewritten to what a notebook imports.
 *
 * @param code The example (without its fences).
 * @param file The URL of the file it documents.
 * @returns The code, pasteable into a cell.
 */
function pasteable(code: string, file: string): string {
  return code.replace(
    /import\s+(type\s+)?\{([^}]*)\}\s+from\s+"(\.{1,2}\/[^"]+)"/g,
    (_m, type: string | undefined, list: string, spec: string) => {
      const names = list.split(",").map((n) =>
        n.trim().replace(/^type\s+/, "").split(/\s+as\s+/)[0]
      )
        .filter(Boolean);
      return `import ${type ?? ""}{${list}} from "${notebookSpecifier(spec, file, names)}"`;
    },
  ).replace(/import\s+\*\s+as\s+(\w+)\s+from\s+"(\.{1,2}\/[^"]+)"/g, (_m, ns, spec) => {
    const lib = new URL("./", import.meta.url).href;
    const target = new URL(spec, file).href;
    return `import * as ${ns} from "${
      target.startsWith(lib) ? `#lib/${target.slice(lib.length)}` : spec
    }"`;
  });
}

/** The members of an interface named in a signature, with their docs. */
function optionsText(typeName: string): string {
  const idx = docIndex();
  const s = idx.get(typeName);
  const d = s?.declarations.find((x) => x.kind === "interface");
  if (!d?.def?.properties?.length) return "";
  const members = d.def.properties.map((p) => {
    let line = head(p.location.filename, p.location.byteIndex, "property");
    // A member typed by a short alias ("last" | "max" | "mean") shows its values.
    const alias = idx.get(/:\s*(\w+)$/.exec(line)?.[1] ?? "")?.declarations[0];
    if (alias?.kind === "typeAlias") {
      const values = head(alias.location.filename, alias.location.byteIndex, alias.kind)
        .replace(/^[^=]*=\s*/, "");
      if (values.length <= 60) line += ` (${values})`;
    }
    const doc = p.jsDoc?.doc?.replace(/\s+/g, " ").trim();
    return `${line}${doc ? `\n    ${doc}` : ""}`;
  });
  return `${typeName} (from "${s!.module}"):\n${indent(members.join("\n"))}`;
}

/** Names separated by commas, in lines of at most 96 characters. */
function wrap(names: readonly string[]): string {
  const lines = [""];
  for (const n of names) {
    const last = lines.length - 1;
    if (lines[last] && lines[last].length + n.length + 2 > 96) lines.push("");
    lines[lines.length - 1] += (lines[lines.length - 1] ? " " : "") + n + ",";
  }
  return lines.join("\n").replace(/,$/, "");
}

/** What `help()` without a name prints: every public name, by module and kind. */
function contents(idx: Map<string, DocSymbol>): string {
  const parts: string[] = [];
  const kinds: [string, string][] = [
    ["function", "Functions"],
    ["interface", "Types"],
    ["typeAlias", "Types"],
    ["class", "Types"],
    ["variable", "Constants"],
  ];
  for (const m of MODULES) {
    const mine = [...idx.values()].filter((s) => s.module === m.specifier);
    for (const title of new Set(kinds.map(([, t]) => t))) {
      const names = mine.filter((s) =>
        kinds.some(([k, t]) => t === title && s.declarations[0]?.kind === k)
      ).map((s) => s.name).sort(compareText);
      if (names.length) parts.push(`${title} of "${m.specifier}":\n${indent(wrap(names))}`);
    }
  }
  return `${parts.join("\n\n")}\n\nhelp("name") for one of them.\n`;
}

/**
 * The help text of a public function, type or constant (what {@link help} prints).
 *
 * @param name Its name, as exported by `#lib/mod.ts` or `#lib/plots/mod.ts`; none for the list
 *   of every name.
 * @returns Signature, description, parameters, options types, returns and example.
 * @example
 * ```ts
 * import { helpText } from "#lib/mod.ts";
 * const text = helpText("caseChange");
 * if (!text.startsWith("function caseChange(c: Case, options: ChangeOptions = {}): CaseChange")) {
 *   throw new Error(text);
 * }
 * if (!text.includes('from "#lib/mod.ts"')) throw new Error("the example imports #lib/mod.ts");
 * // A misspelt name gets the names a few letters from it.
 * let message = "";
 * try {
 *   helpText("efectSize");
 * } catch (e) {
 *   message = (e as Error).message;
 * }
 * if (!/did you mean effectSize\b/.test(message)) throw new Error(message);
 * ```
 */
export function helpText(name?: string): string {
  const idx = docIndex();
  if (name === undefined) return contents(idx);
  if (typeof name !== "string") {
    throw new TypeError('help: expected a name, e.g. help("caseChange"), or nothing for the list');
  }
  const s = idx.get(name);
  if (!s) {
    // Names that hold the one asked for (or are held by it), then those a few letters from it
    // (`efectSize`, `plt`).
    const lower = name.toLowerCase();
    const holds = [...idx.keys()].filter((k) =>
      k.toLowerCase().includes(lower) || lower.includes(k.toLowerCase())
    ).sort();
    const close = nearTerms(name, idx.keys()).filter((k) => !holds.includes(k));
    const near = [...holds, ...close];
    throw new TypeError(
      `help: no export named ${JSON.stringify(name)} in #lib/mod.ts or #lib/plots/mod.ts` +
        (near.length ? `; did you mean ${near.slice(0, 8).join(", ")}?` : ""),
    );
  }
  const parts: string[] = [];
  // Overloads: their signatures, not the implementation's.
  const overloaded = s.declarations.some((d) => d.kind === "function" && !d.def?.hasBody);
  const shown = s.declarations.filter((d) => !(overloaded && d.def?.hasBody));
  const docs = shown.filter((d) => d.jsDoc?.doc || d.jsDoc?.tags?.length);
  for (const d of shown) {
    parts.push(head(d.location.filename, d.location.byteIndex, d.kind));
  }
  parts.push(`  import { ${name} } from "${s.module}";`);
  const seenTypes = new Set<string>();
  for (const d of docs) {
    const tags = d.jsDoc?.tags ?? [];
    if (d.jsDoc?.doc) parts.push(d.jsDoc.doc.trim());
    const params = tags.filter((t) => t.kind === "param");
    if (params.length) {
      parts.push(
        "Parameters:\n" +
          indent(params.map((t) => `${t.name}: ${t.doc?.replace(/\s+/g, " ").trim()}`).join("\n")),
      );
    }
    for (const p of d.def?.params ?? []) {
      // Options types are spelt out; data types (Case…) have help of their own.
      const type = (p.tsType ?? p.left?.tsType)?.repr;
      if (type && /Options$/.test(type) && !seenTypes.has(type)) {
        seenTypes.add(type);
        const text = optionsText(type);
        if (text) parts.push(text);
      }
    }
    if (d.kind === "interface" && !seenTypes.has(name)) {
      seenTypes.add(name);
      const text = optionsText(name);
      if (text) parts.push(text.replace(/^[^\n]*\n/, "Members:\n"));
    }
    const ret = tags.find((t) => t.kind === "return");
    if (ret?.doc) parts.push(`Returns: ${ret.doc.replace(/\s+/g, " ").trim()}`);
    for (const ex of tags.filter((t) => t.kind === "example")) {
      const code = (ex.doc ?? "").replace(/^```\w*\n/, "").replace(/\n?```\s*$/, "");
      parts.push(`Example:\n${indent(pasteable(code, d.location.filename))}`);
    }
  }
  return parts.join("\n\n") + "\n";
}

/**
 * Prints a public function's (or type's) signature, description, parameters, options, returns and
 * example in a notebook cell; the example imports `#lib/mod.ts` (or `#lib/plots/mod.ts`), so it
 * can be pasted into a cell and run. An unknown name fails, listing names close to it.
 *
 * @param name Its name, e.g. `"caseChange"`; none prints the list of every name.
 * @returns Nothing: it prints.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { help, helpText } from "#lib/mod.ts";
 * // Prints what helpText returns: the signature first, then the import, description, example.
 * help("caseChange");
 * assert.match(helpText("caseChange"), /^function caseChange\(c: Case/);
 * ```
 */
export function help(name?: string): void {
  console.log(helpText(name));
}
