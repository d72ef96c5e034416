/**
 * The layout every module of lib/ keeps: its `@module` doc first, then its imports together, then
 * its code; and no doc comment left orphaned above another (a doc belongs to what follows it).
 */
import assert from "node:assert/strict";

/** The text of every TypeScript module under `dir`, by path. */
async function modules(dir: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for await (const e of Deno.readDir(dir)) {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory) { for (const [p, t] of await modules(path)) found.set(p, t); }
    else if (path.endsWith(".ts")) found.set(path, await Deno.readTextFile(path));
  }
  return found;
}

const lib = await modules(new URL("../lib", import.meta.url).pathname);

/** What is wrong with a module's layout, one line each (none when it is kept). */
export function layoutFaults(text: string): string[] {
  const faults: string[] = [];
  const lines = text.split("\n");
  const moduleDoc = text.indexOf("@module");
  if (moduleDoc !== -1) {
    const before = text.slice(0, moduleDoc).split("\n").filter((l) =>
      !l.startsWith("///") && !l.startsWith("/**") && !l.startsWith(" *") && l.trim() !== ""
    );
    if (before.length) {
      faults.push(`code before the @module doc: ${before[0]}`);
    }
  }
  const imports = lines.flatMap((l, i) => /^import\b/.test(l) ? [i] : []);
  if (imports.length) {
    for (let i = imports[0]; i <= imports.at(-1)!; i++) {
      const l = lines[i];
      if (/^(import\b|\s|\}|$)/.test(l)) continue;
      faults.push(`line ${i + 1} between the imports: ${l}`);
    }
  }
  lines.forEach((l, i) => {
    if (l.trim() !== "*/") return;
    // A module's own doc may come right before its first declaration's.
    const start = lines.slice(0, i + 1).findLastIndex((x) => x.trimStart().startsWith("/**"));
    if (lines.slice(start, i).some((x) => x.includes("@module"))) return;
    const next = lines.slice(i + 1).find((x) => x.trim() !== "");
    if (next?.trimStart().startsWith("/**")) faults.push(`line ${i + 1}: a doc comment orphaned`);
  });
  return faults;
}

Deno.test("the layout check finds each fault on a module made to measure", () => {
  assert.deepEqual(layoutFaults('/** A. @module */\nimport a from "a";\nconst x = 1;\n'), []);
  assert.equal(
    layoutFaults('function f() {}\n/**\n * A.\n * @module\n */\nimport a from "a";').length,
    1,
  );
  assert.equal(layoutFaults('import a from "a";\nconst x = 1;\nimport b from "b";\n').length, 1);
  assert.equal(layoutFaults("/**\n * A.\n */\n/**\n * B.\n */\nfunction f() {}\n").length, 1);
  assert.deepEqual(
    layoutFaults("/**\n * A.\n * @module\n */\n/**\n * B.\n */\nfunction f() {}\n"),
    [],
  );
});

Deno.test("every module of lib/ keeps the layout", () => {
  const faults = [...lib].flatMap(([path, text]) =>
    layoutFaults(text).map((f) => `${path.slice(path.indexOf("/lib/") + 1)}: ${f}`)
  );
  assert.deepEqual(faults, []);
});
