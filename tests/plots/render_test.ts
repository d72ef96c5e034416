/**
 * The rasteriser loads with the first PNG, not with the library (issue 25): the modules a notebook
 * imports (`lib/mod.ts`, `lib/plots/mod.ts`) reach resvg only through a dynamic import, and
 * `lib/mod.ts` reaches neither resvg nor the font parser (opentype.js). Read from the module
 * graph `deno info --json` prints, following static imports only.
 */
import assert from "node:assert/strict";
import { moduleInfo } from "../helpers/module_graph.ts";

/** The module graph of `entry`: every module, and those its static imports reach. */
async function graph(entry: string): Promise<{ all: string[]; loaded: string[] }> {
  const info = await moduleInfo(entry);
  const resolve = (s: string) => info.redirects[s] ?? s;
  const bySpecifier = new Map(info.modules.map((m) => [m.specifier, m]));
  const loaded = new Set<string>(info.roots);
  const queue = [...info.roots];
  while (queue.length) {
    for (const dep of bySpecifier.get(resolve(queue.pop()!))?.dependencies ?? []) {
      if (!dep.code || dep.isDynamic) continue;
      const to = resolve(dep.code.specifier);
      if (!loaded.has(to)) {
        loaded.add(to);
        queue.push(to);
      }
    }
  }
  return { all: info.modules.map((m) => m.specifier), loaded: [...loaded] };
}

const RASTERISER = /@resvg\/resvg-wasm@/;
const FONT_PARSER = /opentype\.js@/;

Deno.test("importing lib/mod.ts loads no rasteriser and no font parser", async () => {
  const { loaded } = await graph("lib/mod.ts");
  assert.ok(loaded.some((s) => s.endsWith("/lib/load.ts")), "the walk follows static imports");
  assert.deepEqual(loaded.filter((s) => RASTERISER.test(s) || FONT_PARSER.test(s)), []);
});

Deno.test("importing lib/plots/mod.ts loads resvg only when a PNG is drawn", async () => {
  const { all, loaded } = await graph("lib/plots/mod.ts");
  // resvg is in the graph (the dynamic import of the PNG path), not among the static imports.
  assert.ok(all.some((s) => RASTERISER.test(s)), "resvg is not in the graph at all");
  assert.deepEqual(loaded.filter((s) => RASTERISER.test(s)), []);
});
