/**
 * The library's import graph: no cycle among the modules of `lib/` (every module, not only those
 * the front door reaches; type-only imports count, since a module whose types come from another
 * cannot be read without it), and data flowing one way: a module imports only modules of its own
 * layer or of layers below it. The layers, lowest first, are written once, in {@link LAYERS}. And
 * one name per thing: no module beside a folder of its name (a folder's front door is its mod.ts).
 *
 * The graph is Deno's own (`deno info --json` on one module importing every module of `lib/`),
 * so an import is seen exactly as Deno resolves it. The checks are shown to fail on an injected
 * cycle and an injected upward import, both on a graph given as data and on modules written to a
 * temporary folder.
 */
import assert from "node:assert/strict";
import { moduleInfo } from "./helpers/module_graph.ts";
import { ROOT } from "../scripts/runner/paths.ts";
import { pathToFileURL } from "node:url";

/**
 * The layers of `lib/`, lowest first: a module may import its own layer and those before it.
 * A module belongs to the first layer one of whose patterns matches its path below `lib/` (a
 * pattern ending in `/` is a folder, else a file); a module that no pattern matches is in the
 * `model` layer (the core types and the loading of the data: `lib/*.ts`, and any new folder of
 * the loader's stages).
 */
export const LAYERS: readonly { name: string; what: string; modules: readonly string[] }[] = [
  {
    name: "base",
    what: "helpers that know nothing of the domain: argument messages, options, words, text",
    modules: [
      "wrong_argument.ts",
      "options.ts",
      "prose.ts",
      "markdown.ts",
      "write.ts",
      "runtime.ts",
      "text_order.ts",
      "xml_text.ts",
      // Names near a mistyped one: the one "did you mean" rule (an option, a term, a help name).
      "nearest.ts",
      // A bound in print: numbers to text, known to the effect sizes' notes and every report.
      "bound_format.ts",
    ],
  },
  {
    name: "stats",
    what: "pure numbers on arrays: effect sizes and their registry, Kendall, distributions, roots",
    modules: ["stats/"],
  },
  {
    name: "model",
    what: "the model and its data: types, intervals, scales, study, schemas, loading, timeline",
    // The claims' parameters, relief words and the unit their thresholds are read in are
    // vocabulary the loader checks articles against.
    modules: ["claims/params.ts", "claims/relief.ts", "claims/thresholds.ts"],
  },
  {
    name: "analysis",
    what: "analyses of a case or a series, with an explicit study: change, responders, pooled …",
    modules: ["analysis/"],
  },
  { name: "claims", what: "the claims judged from the data", modules: ["claims/"] },
  { name: "appraisal", what: "checklists, causality, design limits", modules: ["appraisal/"] },
  { name: "plots", what: "data in, figure out", modules: ["plots/"] },
  {
    name: "display",
    what: "showing a table or a figure in a kernel, dataframes",
    modules: ["display.ts", "display_figure.ts", "frames.ts"],
  },
  { name: "report", what: "tables and prose per notebook family", modules: ["report/"] },
  { name: "front", what: "the front door and help", modules: ["mod.ts", "help.ts"] },
];

/** The layer a module (its path below `lib/`) belongs to, as an index into {@link LAYERS}. */
function layerOf(module: string): number {
  // The most specific pattern wins: a file before its folder ("claims/params.ts" before "claims/").
  let best = -1;
  let bestLength = -1;
  LAYERS.forEach((layer, i) => {
    for (const p of layer.modules) {
      const hit = p.endsWith("/") ? module.startsWith(p) : module === p;
      if (hit && p.length > bestLength) [best, bestLength] = [i, p.length];
    }
  });
  return best >= 0 ? best : LAYERS.findIndex((l) => l.name === "model");
}

/** An import graph: each module (path below its root) with the modules it imports. */
type Graph = Map<string, string[]>;

/** Every `.ts` module below a folder, as paths relative to it. */
async function modulesBelow(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for await (const e of Deno.readDir(`${dir}/${prefix}`)) {
    const path = `${prefix}${e.name}`;
    if (e.isDirectory) out.push(...await modulesBelow(dir, `${path}/`));
    else if (e.isFile && e.name.endsWith(".ts")) out.push(path);
  }
  return out.sort();
}

/** The import graph of every module below `dir` (imports outside it left out), by `deno info`. */
async function importGraph(dir: string): Promise<Graph> {
  const root = pathToFileURL(`${await Deno.realPath(dir)}/`).href;
  const modules = await modulesBelow(dir);
  const entry = await Deno.makeTempFile({ prefix: "layers-", suffix: ".ts" });
  try {
    await Deno.writeTextFile(entry, modules.map((m) => `import "${root}${m}";\n`).join(""));
    const info = await moduleInfo(entry);
    const graph: Graph = new Map(modules.map((m) => [m, []]));
    for (const m of info.modules) {
      if (!m.specifier.startsWith(root)) continue;
      const deps = (m.dependencies ?? []).flatMap((d) => [d.code?.specifier, d.type?.specifier])
        .filter((s): s is string => s !== undefined && s.startsWith(root))
        .map((s) => s.slice(root.length));
      graph.set(m.specifier.slice(root.length), [...new Set(deps)].sort());
    }
    return graph;
  } finally {
    await Deno.remove(entry);
  }
}

/** The strongly connected components of more than one module, or of one importing itself. */
function cycles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** The imports that go up a layer, as "a (layer) imports b (layer)". */
function upwardImports(graph: Graph): string[] {
  const out: string[] = [];
  for (const [from, deps] of graph) {
    for (const to of deps) {
      const [a, b] = [layerOf(from), layerOf(to)];
      if (b > a) out.push(`${from} (${LAYERS[a].name}) imports ${to} (${LAYERS[b].name})`);
    }
  }
  return out;
}

const lib = await importGraph(`${ROOT}/lib`);

Deno.test("no import cycle among the modules of lib/", () => {
  assert.ok(lib.size > 50, `only ${lib.size} modules found`);
  assert.deepEqual(cycles(lib), []);
});

Deno.test("lib/ imports only down its layers", () => {
  assert.deepEqual(upwardImports(lib), []);
});

Deno.test("report modules are imported by the front door and each other only", () => {
  const importers = [...lib].filter(([from, deps]) =>
    !from.startsWith("report/") && deps.some((d) => d.startsWith("report/"))
  ).map(([from]) => from);
  assert.deepEqual(importers, ["mod.ts"]);
});

Deno.test("one name per thing: no module of lib/ beside a folder of the same name", () => {
  // A folder's front door is its mod.ts (claims/mod.ts, not claims.ts beside claims/).
  const folders = new Set(
    [...lib.keys()].filter((m) => m.includes("/")).map((m) => m.slice(0, m.lastIndexOf("/"))),
  );
  const twins = [...lib.keys()].filter((m) => folders.has(m.replace(/\.ts$/, "")));
  assert.deepEqual(twins, []);
});

Deno.test("every layer holds a module (no stale pattern)", () => {
  for (const layer of LAYERS) {
    for (const p of layer.modules) {
      const hit = [...lib.keys()].some((m) => p.endsWith("/") ? m.startsWith(p) : m === p);
      assert.ok(hit, `${layer.name}: ${p} matches no module of lib/`);
    }
  }
});

Deno.test("the cycle finder finds an injected cycle, and only it", () => {
  const graph: Graph = new Map([
    ["a.ts", ["b.ts"]],
    ["b.ts", ["c.ts"]],
    ["c.ts", ["a.ts", "d.ts"]],
    ["d.ts", []],
    ["e.ts", ["e.ts"]],
  ]);
  assert.deepEqual(cycles(graph), [["a.ts", "b.ts", "c.ts"], ["e.ts"]]);
  assert.deepEqual(cycles(new Map([["a.ts", ["b.ts"]], ["b.ts", []]])), []);
  // One edge added to lib/'s own graph closes a cycle.
  const injected: Graph = new Map(lib);
  injected.set("stats/kendall.ts", [...lib.get("stats/kendall.ts")!, "mod.ts"]);
  assert.equal(cycles(injected).length, 1);
  assert.ok(cycles(injected)[0].includes("stats/kendall.ts"));
});

Deno.test("an import up a layer is named", () => {
  const graph: Graph = new Map([["stats/kendall.ts", ["model.ts"]], ["model.ts", []]]);
  assert.deepEqual(upwardImports(graph), [
    "stats/kendall.ts (stats) imports model.ts (model)",
  ]);
  assert.deepEqual(upwardImports(new Map([["report/case.ts", ["analysis/change.ts"]]])), []);
});

Deno.test("modules written with a cycle, in a temporary folder, are found by the same walk", async () => {
  const dir = await Deno.makeTempDir({ prefix: "layers-" });
  try {
    await Deno.mkdir(`${dir}/stats`);
    await Deno.writeTextFile(
      `${dir}/a.ts`,
      'import { b } from "./stats/b.ts";\nexport const a = b;\n',
    );
    await Deno.writeTextFile(
      `${dir}/stats/b.ts`,
      'import type { T } from "../c.ts";\nexport const b = 1;\nexport type U = T;\n',
    );
    await Deno.writeTextFile(
      `${dir}/c.ts`,
      'import { a } from "./a.ts";\nexport type T = typeof a;\n',
    );
    const graph = await importGraph(dir);
    assert.deepEqual(graph.get("a.ts"), ["stats/b.ts"]);
    assert.deepEqual(cycles(graph), [["a.ts", "c.ts", "stats/b.ts"]]);
    assert.deepEqual(upwardImports(graph), ["stats/b.ts (stats) imports c.ts (model)"]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
