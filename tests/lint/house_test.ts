/// <reference lib="deno.unstable" />
/**
 * The house rules (scripts/lint/house.ts) on sources made to measure: a function of 120 lines
 * passes and one of 121 is flagged, whatever its form; a module of 500 lines passes and one of 501
 * is flagged; a test file is not the house's.
 */
import assert from "node:assert/strict";
import plugin, {
  HOUSE_FOLDERS,
  MAX_FUNCTION_LINES,
  MAX_MODULE_LINES,
} from "../../scripts/lint/house.ts";
import { ROOT } from "../../scripts/runner/paths.ts";

/** The rule ids the plugin reports on `source`, as if it were the file `path` of the project. */
function flagged(source: string, path = "lib/fixture.ts"): string[] {
  return Deno.lint.runPlugin(plugin, `${ROOT}/${path}`, source).map((d) => d.id);
}

/** A function declaration spanning `lines` lines, its body filled with statements. */
const declaration = (lines: number) =>
  [
    "export function f(): number {",
    "  let x = 0;",
    ...Array(lines - 4).fill("  x++;"),
    "  return x;",
    "}",
  ]
    .join("\n") + "\n";

/** An arrow function bound to a constant, spanning `lines` lines. */
const arrow = (lines: number) =>
  ["export const g = (): number => {", ...Array(lines - 3).fill("  void 0;"), "  return 1;", "};"]
    .join("\n") + "\n";

/** A class whose one method spans `lines` lines. */
const method = (lines: number) =>
  ["export class C {", "  m(): void {", ...Array(lines - 2).fill("    void 0;"), "  }", "}"]
    .join("\n") + "\n";

/** A module of `lines` lines of one-line declarations. */
const module = (lines: number) =>
  Array.from({ length: lines }, (_, i) => `export const v${i} = ${i};`).join("\n") + "\n";

Deno.test("a function of the limit passes, one line more is flagged, in every form", () => {
  assert.equal(MAX_FUNCTION_LINES, 120);
  for (const make of [declaration, arrow, method]) {
    assert.equal(make(MAX_FUNCTION_LINES).split("\n").length - 1 >= MAX_FUNCTION_LINES, true);
    assert.deepEqual(flagged(make(MAX_FUNCTION_LINES)), [], make.name);
    assert.deepEqual(
      flagged(make(MAX_FUNCTION_LINES + 1)),
      ["house/max-function-lines"],
      make.name,
    );
  }
});

Deno.test("the message names the function and its length", () => {
  const [d] = Deno.lint.runPlugin(plugin, `${ROOT}/lib/fixture.ts`, arrow(MAX_FUNCTION_LINES + 1));
  assert.equal(
    d.message,
    `g spans ${MAX_FUNCTION_LINES + 1} lines (at most ${MAX_FUNCTION_LINES})`,
  );
});

Deno.test("a module of the limit passes, one line more is flagged", () => {
  assert.equal(MAX_MODULE_LINES, 500);
  assert.deepEqual(flagged(module(MAX_MODULE_LINES)), []);
  assert.deepEqual(flagged(module(MAX_MODULE_LINES + 1)), ["house/max-module-lines"]);
  // Both at once: a long function in a long module.
  assert.deepEqual(
    flagged(module(MAX_MODULE_LINES) + declaration(MAX_FUNCTION_LINES + 1)).sort(),
    ["house/max-function-lines", "house/max-module-lines"],
  );
});

Deno.test("the rules apply to the house's folders only", () => {
  const long = module(MAX_MODULE_LINES + 1) + declaration(MAX_FUNCTION_LINES + 1);
  for (const folder of HOUSE_FOLDERS) {
    assert.equal(flagged(long, `${folder}x.ts`).length, 2, folder);
  }
  assert.deepEqual(flagged(long, "tests/x_test.ts"), []);
  assert.deepEqual(flagged(long, "libx/x.ts"), []);
});

Deno.test("deno.json runs the plugin", async () => {
  const config = JSON.parse(await Deno.readTextFile(`${ROOT}/deno.json`));
  assert.deepEqual(config.lint.plugins, ["./scripts/lint/house.ts"]);
});

/** Every `.ts` file below a folder of the project. */
async function* tsFiles(dir: string): AsyncGenerator<string> {
  for await (const e of Deno.readDir(`${ROOT}/${dir}`)) {
    const path = `${dir}${e.name}`;
    if (e.isDirectory) yield* tsFiles(`${path}/`);
    else if (e.isFile && e.name.endsWith(".ts")) yield path;
  }
}

Deno.test("a file exempt from a house rule says why, on the line after", async () => {
  for (const folder of HOUSE_FOLDERS) {
    for await (const file of tsFiles(folder)) {
      const lines = (await Deno.readTextFile(`${ROOT}/${file}`)).split("\n");
      const at = lines.findIndex((l) => /^\s*\/\/ deno-lint-ignore(-file)? .*\bhouse\//.test(l));
      if (at < 0) continue;
      assert.match(lines[at + 1] ?? "", /^\/\/ \S/, `${file}:${at + 2}: no reason given`);
    }
  }
});

Deno.test("house/fixed-locale: comparing or formatting by the machine's locale is flagged", () => {
  const flags = (code: string) => flagged(`${code}\n`).filter((id) => id === "house/fixed-locale");
  for (
    const bad of [
      'export const c = "a".localeCompare("b");',
      'export const c = "a".localeCompare("b", undefined, { numeric: true });',
      "export const s = (1234.5).toLocaleString();",
      'export const u = "i".toLocaleUpperCase();',
      "export const f = new Intl.NumberFormat();",
      "export const k = Intl.Collator().compare;",
      "export const d = new Intl.DateTimeFormat(undefined, { timeZone: 'UTC' });",
    ]
  ) assert.deepEqual(flags(bad), ["house/fixed-locale"], bad);
  for (
    const good of [
      'export const c = "a".localeCompare("b", "en");',
      'export const s = (1234.5).toLocaleString("en");',
      'export const f = new Intl.NumberFormat("en-US");',
      'export const k = new Intl.Collator("en").compare;',
      'export const u = "i".toUpperCase();',
      "export const o = { localeCompare: 1 }.localeCompare;",
      "export const x = ({} as Record<string, () => void>).constructor();",
    ]
  ) assert.deepEqual(flags(good), [], good);
  // Tests may sort as they like.
  assert.deepEqual(
    flagged('export const c = "a".localeCompare("b");\n', "tests/x_test.ts"),
    [],
  );
});
