/**
 * The API reference: every export of the public modules is documented (`deno doc --lint`), every
 * `@example` in `lib/` type-checks (`deno check --doc-only`) and runs (all in this process, see
 * `helpers/doc_examples.ts`), as written and as `help` prints it (one pass runs each once), and
 * `deno task docs` can render it, its usage lines importing what a notebook cell imports
 * (scripts/docs.ts). One `deno doc --lint --html` run serves the lint and the rendering tests.
 */
import assert from "node:assert/strict";
import { ROOT } from "../scripts/runner/paths.ts";
import {
  type DocExample,
  docExamples,
  exampleBody,
  type HelpExample,
  helpExamples,
  tsFiles,
  writeExampleModules,
} from "./helpers/doc_examples.ts";
import { unchecked, uncheckedValues } from "../scripts/unchecked_examples.ts";
import { writeSyntheticSeries } from "../scripts/synthetic.ts";
import { copyTree, dataWithFixture } from "./helpers/data_dir.ts";
import { withResultsDir } from "./helpers/results_dir.ts";
import { pathToFileURL } from "node:url";
import { MODULES, usageAsNotebooks } from "../scripts/docs.ts";

/** What `deno doc --lint --html` of the public modules gave: one run shared by the tests below. */
interface Rendered {
  code: number;
  stderr: string;
  /** The folder the pages were written to (removed when the tests end). */
  dir: string;
}

let rendered: Promise<Rendered> | null = null;

/** Lints and renders the API reference of the public modules once, as `deno task docs` does. */
function renderDocs(): Promise<Rendered> {
  rendered ??= (async () => {
    const dir = await Deno.makeTempDir({ prefix: "api-docs-" });
    addEventListener("unload", () => Deno.removeSync(dir, { recursive: true }));
    const out = await new Deno.Command("deno", {
      args: [
        "doc",
        "--lint",
        "--html",
        "--name=api",
        `--output=${dir}`,
        ...MODULES.map((m) => m.file),
      ],
      cwd: ROOT,
      env: { NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    return { code: out.code, stderr: new TextDecoder().decode(out.stderr), dir };
  })();
  return rendered;
}

Deno.test("deno doc --lint finds nothing to fix in the public modules", async () => {
  const { code, stderr } = await renderDocs();
  assert.equal(code, 0, stderr);
  assert.doesNotMatch(stderr, /^error/m);
});

Deno.test("the API reference renders, with a page for getCase", async () => {
  const { code, stderr, dir } = await renderDocs();
  assert.equal(code, 0, stderr);
  assert.match(await Deno.readTextFile(`${dir}/all_symbols.html`), /getCase/);
});

Deno.test("the API pages' usage lines import #lib/mod.ts and #lib/plots/mod.ts", async () => {
  const { code, stderr, dir } = await renderDocs();
  assert.equal(code, 0, stderr);
  const page = await Deno.readTextFile(`${dir}/mod.ts/~/getCase.html`);
  assert.match(page, /from &quot;mod\.ts&quot;/, "Deno prints the bare file name");
  const fixed = usageAsNotebooks(page);
  assert.match(fixed, /import \{ getCase \} from &quot;#lib\/mod\.ts&quot;/);
  assert.doesNotMatch(fixed, /from &quot;(plots\/)?mod\.ts&quot;/);
});

Deno.test("every @example in lib/ type-checks", async () => {
  const out = await new Deno.Command("deno", {
    args: ["check", "--quiet", "--doc-only", "lib/"],
    cwd: ROOT,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
});

/** What running every example of lib/ gave (one run shared by the two tests below). */
interface ExampleRun {
  /** The JSDoc examples of lib/. */
  examples: DocExample[];
  /** The examples `help` prints, as pasted into a cell. */
  help: HelpExample[];
  /** `name: message` of each example that threw (a help example's name ends "(help)"). */
  failures: string[];
  /** The same, of the help examples only. */
  helpFailures: string[];
}

let exampleRun: Promise<ExampleRun> | null = null;

/**
 * Runs every JSDoc example of lib/ and every example `help` prints, in this process, each body
 * once: an example `help` shows is run as help prints it (its imports rewritten to what a notebook
 * imports, which load the same modules), the others as written; `deno check --doc-only` checks the
 * written imports of every one.
 */
function runExamples(): Promise<ExampleRun> {
  exampleRun ??= (async () => {
    const examples = await docExamples(`${ROOT}/lib`);
    const lib = await import("#lib/mod.ts");
    const names = [
      ...Object.keys(lib),
      ...(await import("#lib/plots/mod.ts").then(Object.keys)),
    ];
    const help = helpExamples(lib.helpText, names);
    // Each example's code as it runs: help's version where help shows it, else the JSDoc one.
    const pasted = new Map(help.map((h) => [exampleBody(h.code), h]));
    const runs: { name: string; code?: string; ex?: DocExample; help?: HelpExample }[] = [];
    const shown = new Set<HelpExample>();
    for (const ex of examples) {
      const h = pasted.get(exampleBody(ex.code));
      if (h) {
        shown.add(h), runs.push({ name: `${ex.name} (help ${h.name})`, code: h.code, help: h });
      } else runs.push({ name: ex.name, ex });
    }
    // An example help prints that no JSDoc example matches (none expected) runs too.
    for (const h of help.filter((h) => !shown.has(h))) {
      runs.push({ name: `help ${h.name}`, code: h.code, help: h });
    }
    await Deno.mkdir(`${ROOT}/.tmp`, { recursive: true });
    const dir = await Deno.makeTempDir({ dir: `${ROOT}/.tmp`, prefix: "doc-examples-" });
    try {
      const raw = await writeExampleModules(runs.flatMap((r) => r.ex ? [r.ex] : []), dir);
      const urls: URL[] = [];
      for (const [i, r] of runs.entries()) {
        if (r.ex) urls.push(raw.shift()!);
        else {
          const path = `${dir}/help-${String(i).padStart(4, "0")}.ts`;
          await Deno.writeTextFile(path, `${r.code}\nexport {};\n// ${r.name}\n`);
          urls.push(pathToFileURL(path));
        }
      }
      const failures: string[] = [];
      const helpFailures: string[] = [];
      // As a person runs them outside a kernel: no results folder (tests/helpers/results_dir.ts).
      await withResultsDir(null, async () => {
        for (const [i, url] of urls.entries()) {
          try {
            await import(url.href);
          } catch (e) {
            // The example's own line: the first stack frame in its module (same line numbers).
            const at = e instanceof Error
              ? e.stack?.split("\n").find((l) => l.includes(url.href))?.match(/:(\d+):\d+\)?$/)
              : null;
            const where = at ? ` (its line ${at[1]})` : "";
            const failure = `${runs[i].name}${where}: ${e instanceof Error ? e.message : e}`;
            failures.push(failure);
            if (runs[i].help) helpFailures.push(failure);
          }
        }
      });
      return { examples, help, failures, helpFailures };
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  })();
  return exampleRun;
}

Deno.test("every @example in lib/ runs", async () => {
  const { examples, failures } = await runExamples();
  // Every opening fence of a JSDoc line in lib/ is found: none is skipped (not even one marked
  // `ignore`, which lib/ does not use: its examples all run).
  let fences = 0;
  for (const ex of examples) assert.doesNotMatch(ex.code, /^```/m, ex.name);
  for (const path of await tsFiles(`${ROOT}/lib`)) {
    fences += (await Deno.readTextFile(path)).match(/^\s*\* ```\S/gm)?.length ?? 0;
  }
  assert.ok(examples.length > 0);
  assert.equal(examples.length, fences, "examples found = opening fences in lib/");
  assert.deepEqual(failures, []);
});

// Moved from tests/interactive_test.ts: the help examples run in the same pass as the JSDoc ones.
Deno.test("every example help prints imports what a notebook imports, and runs pasted", async () => {
  const { help, helpFailures } = await runExamples();
  assert.ok(help.length >= 50, `${help.length} examples`);
  for (const h of help) assert.doesNotMatch(h.code, /from "\.{1,2}\//, h.name);
  assert.deepEqual(helpFailures, []);
});

/** Imports each module; returns `name: message` for each that throws. */
async function failingExamples(examples: readonly DocExample[], urls: readonly URL[]) {
  const failures: string[] = [];
  for (const [i, url] of urls.entries()) {
    try {
      await import(url.href);
    } catch (e) {
      failures.push(`${examples[i].name}: ${e instanceof Error ? e.message : e}`);
    }
  }
  return failures;
}

// What the examples state of the real data holds for any data: they run again on a copy of lib/
// whose data/ is other data (the real one with the second-article fixture appended, then a
// synthetic series with no article folder and no readings).
const OTHER_DATA: [string, (dir: string) => Promise<void>][] = [
  ["the data with a second article", async (dir) => {
    const from = await dataWithFixture();
    await copyTree(from, dir);
    await Deno.remove(from, { recursive: true });
  }],
  ["a synthetic series", async (dir) => {
    await writeSyntheticSeries(dir, { cases: 7, observationsPerCase: 6, casesPerSource: 3 });
  }],
];

for (const [what, write] of OTHER_DATA) {
  Deno.test(`every @example in lib/ runs on ${what}`, async () => {
    await Deno.mkdir(`${ROOT}/.tmp`, { recursive: true });
    const copy = await Deno.makeTempDir({ dir: `${ROOT}/.tmp`, prefix: "doc-examples-data-" });
    try {
      await copyTree(`${ROOT}/lib`, `${copy}/lib`);
      await write(`${copy}/data`);
      const lib = pathToFileURL(`${copy}/lib/`).href;
      const examples = (await docExamples(`${copy}/lib`)).map((ex) => ({
        ...ex,
        // The import statements only (a string in the code may name "#lib/mod.ts").
        code: ex.code.replace(/^(\s*(?:import\b[^"\n]*|\}\s*)from\s*)"#lib\//gm, `$1"${lib}`),
      }));
      await Deno.mkdir(`${copy}/examples`);
      const urls = await writeExampleModules(examples, `${copy}/examples`);
      const failures = await withResultsDir(null, () => failingExamples(examples, urls));
      assert.deepEqual(failures, []);
    } finally {
      await Deno.remove(copy, { recursive: true });
    }
  });
}

Deno.test("an example value is unchecked when no assertion compares it", () => {
  assert.deepEqual(unchecked("f(2); // 3").map((u) => u.line), [1]);
  assert.deepEqual(unchecked("f(2);\n// { lo: 1, hi: 2 }").map((u) => u.line), [2]);
  assert.deepEqual(unchecked("assert.equal(f(2), 3);"), []);
  assert.deepEqual(unchecked("f(2); // 3\nassert.equal(f(2), 3);"), []);
  assert.deepEqual(unchecked("// Prints the table.\nawait showTable(rows);"), []);
  // A result stated in a comment, as what an expression equals or after an arrow, after prose.
  assert.deepEqual(unchecked("f(2);\n// Math.log(2 / 5) = -0.916…").map((u) => u.line), [2]);
  assert.deepEqual(unchecked("f(2);\n// 100·(2 − 7)/(0 − 7) = 71.43").map((u) => u.line), [2]);
  assert.deepEqual(unchecked("f(2);\n// The ratio:\n// → 0.5").map((u) => u.line), [3]);
  assert.deepEqual(unchecked("f(2);\n// Math.log(2 / 5) = -0.916…\nassert.equal(f(2), 1);"), []);
  // Prose holding an equals sign is not a claim.
  assert.deepEqual(unchecked("f(2);\n// The interval is degenerate at NAP = 1; f gives 0"), []);
  assert.deepEqual(
    unchecked("f(2);\n// Percent reduction = 100·(a − b)/a, at nominal values."),
    [],
  );
});

// The examples of lib/ state what they compute and check it (issue 25: at most 10 unchecked
// values). Every folder is converted; this ceiling only goes down.
const MAX_UNCHECKED_EXAMPLE_VALUES = 0;

Deno.test(`at most ${MAX_UNCHECKED_EXAMPLE_VALUES} example values in lib/ are unchecked`, async () => {
  const found = await uncheckedValues();
  assert.ok(found.length <= MAX_UNCHECKED_EXAMPLE_VALUES, found.join("\n"));
});

/**
 * Whether an example's code checks something: a call of `assert(…)` or `assert.…`, or a `throw`,
 * outside its import lines and comments (an import of assert checks nothing).
 */
function assertsSomething(code: string): boolean {
  const checked = code.replace(/\/\*[\s\S]*?\*\//g, "").split("\n")
    .filter((line) => !/^\s*(?:import\b|\/\/)/.test(line)).join("\n");
  return /\bassert\s*(?:\(|\.)|\bthrow\b/.test(checked);
}

Deno.test("an example asserts something only by a call of assert or a throw", () => {
  const imports = 'import assert from "node:assert/strict";\nimport { f } from "#lib/f.ts";\n';
  assert.equal(assertsSomething(`${imports}f(2);`), false);
  assert.equal(assertsSomething(`${imports}f(2);\n// assert.equal(f(2), 3);`), false);
  assert.equal(assertsSomething(`${imports}f(2);\n/* assert(f(2)); */`), false);
  assert.equal(assertsSomething(`${imports}assert.equal(f(2), 3);`), true);
  assert.equal(assertsSomething(`${imports}assert(f(2) > 0);`), true);
  assert.equal(assertsSomething(`${imports}if (f(2) !== 3) throw new Error("f");`), true);
});

Deno.test("every example in lib/ asserts something (an example that checks nothing states nothing)", async () => {
  const bare = (await docExamples(`${ROOT}/lib`)).filter((ex) => !assertsSomething(ex.code))
    .map((ex) => `${ex.name}: no assert or throw: assert what it states (node:assert/strict)`);
  assert.ok(bare.length === 0, bare.join("\n"));
});

// The scripts' examples are type-checked with lib's (`deno task check`: `deno check --doc`); they
// run here too, in this process, so that what they state is checked.
Deno.test("every @example in scripts/ runs", async () => {
  const examples = await docExamples(`${ROOT}/scripts`);
  assert.ok(examples.length > 0);
  await Deno.mkdir(`${ROOT}/.tmp`, { recursive: true });
  const dir = await Deno.makeTempDir({ dir: `${ROOT}/.tmp`, prefix: "script-examples-" });
  try {
    const urls = await writeExampleModules(examples, dir);
    assert.deepEqual(await failingExamples(examples, urls), []);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
