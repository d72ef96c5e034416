/// <reference lib="deno.unstable" />
/**
 * The house rules as a Deno lint plugin (`deno.json` → `lint.plugins`), so that `deno lint` (and
 * `deno task check`) reports a room grown too big where it grows:
 *
 * - `house/max-function-lines`: a function (declaration, expression, arrow, method) of more than
 *   {@link MAX_FUNCTION_LINES} lines, from its first line to its last;
 * - `house/max-module-lines`: a module of more than {@link MAX_MODULE_LINES} lines;
 * - `house/fixed-locale`: `localeCompare`, `toLocaleString` and the like, or an `Intl`
 *   constructor, without a locale: they follow the machine's (`LC_ALL`, or Windows' settings).
 *
 * All apply to the folders of {@link HOUSE_FOLDERS} (the library and the command-line scripts:
 * code a newcomer reads and extends); tests are left out, since a test file is a list of
 * independent cases and a long table of inputs reads better in one place. A file that must exceed
 * a limit for now says so with `// deno-lint-ignore-file house/max-module-lines` and a reason.
 *
 * @module
 */

/** The most lines a function may span. */
export const MAX_FUNCTION_LINES = 120;
/** The most lines a module may have. */
export const MAX_MODULE_LINES = 500;
/** The folders (relative to the project's root) whose modules the rules apply to. */
export const HOUSE_FOLDERS: readonly string[] = ["lib/", "scripts/"];

const ROOT = new URL("../../", import.meta.url);

/**
 * Whether a file is in one of {@link HOUSE_FOLDERS}.
 *
 * @param filename The file's path or `file:` URL, as the linter gives it.
 * @returns `true` for a file of the library or the scripts.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { inHouse } from "./house.ts";
 * const root = new URL("../../", import.meta.url);
 * assert.equal(inHouse(new URL("lib/mod.ts", root).pathname), true);
 * assert.equal(inHouse(new URL("tests/docs_test.ts", root).pathname), false);
 * ```
 */
export function inHouse(filename: string): boolean {
  const url = filename.startsWith("file:") ? filename : new URL(`file://${filename}`).href;
  if (!url.startsWith(ROOT.href)) return false;
  const rel = url.slice(ROOT.href.length);
  return HOUSE_FOLDERS.some((f) => rel.startsWith(f));
}

/**
 * The number of lines of a stretch of text: its newlines plus one (a final newline ends the last
 * line rather than opening another).
 *
 * @param text The text.
 * @returns Its number of lines (0 for the empty text).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { lineCount } from "./house.ts";
 * assert.equal(lineCount(""), 0);
 * assert.equal(lineCount("a"), 1);
 * assert.equal(lineCount("a\nb\n"), 2);
 * assert.equal(lineCount("a\n\nb"), 3);
 * ```
 */
export function lineCount(text: string): number {
  if (text === "") return 0;
  let n = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return text.endsWith("\n") ? n - 1 : n;
}

type FunctionNode =
  | Deno.lint.FunctionDeclaration
  | Deno.lint.FunctionExpression
  | Deno.lint.ArrowFunctionExpression;

/** A function's name for the message: its own, its variable's, its method's, or "function". */
function functionName(node: FunctionNode): string {
  if (node.type !== "ArrowFunctionExpression" && node.id) return node.id.name;
  const parent = node.parent;
  if (parent.type === "VariableDeclarator" && parent.id.type === "Identifier") {
    return parent.id.name;
  }
  if (
    (parent.type === "MethodDefinition" || parent.type === "Property") &&
    parent.key.type === "Identifier"
  ) return parent.key.name;
  return "function";
}

const maxFunctionLines: Deno.lint.Rule = {
  create(context) {
    if (!inHouse(context.filename)) return {};
    const check = (node: FunctionNode) => {
      const [start, end] = node.range;
      const lines = lineCount(context.sourceCode.text.slice(start, end));
      if (lines > MAX_FUNCTION_LINES) {
        context.report({
          node,
          message: `${functionName(node)} spans ${lines} lines (at most ${MAX_FUNCTION_LINES})`,
          hint: "Split it into functions that each answer one question.",
        });
      }
    };
    return {
      FunctionDeclaration: check,
      FunctionExpression: check,
      ArrowFunctionExpression: check,
    };
  },
};

/** Where a text's first line ends (its length when it has one line). */
const firstLineEnd = (text: string) => text.includes("\n") ? text.indexOf("\n") : text.length;

const maxModuleLines: Deno.lint.Rule = {
  create(context) {
    if (!inHouse(context.filename)) return {};
    return {
      Program(node) {
        const lines = lineCount(context.sourceCode.text);
        if (lines > MAX_MODULE_LINES) {
          context.report({
            // The first line only: the whole program would underline the whole file.
            range: [0, firstLineEnd(context.sourceCode.text) || node.range[1]],
            message: `this module has ${lines} lines (at most ${MAX_MODULE_LINES})`,
            hint: "Split it into modules that each answer one question.",
          });
        }
      },
    };
  },
};

/** Methods whose result depends on the machine's locale unless given one (their first argument). */
const LOCALE_METHODS: Readonly<Record<string, number>> = {
  localeCompare: 1,
  toLocaleString: 0,
  toLocaleDateString: 0,
  toLocaleTimeString: 0,
  toLocaleUpperCase: 0,
  toLocaleLowerCase: 0,
};

/** The `Intl` constructors, whose first argument is the locale. */
const INTL = new Set([
  "Collator",
  "DateTimeFormat",
  "DisplayNames",
  "ListFormat",
  "NumberFormat",
  "PluralRules",
  "RelativeTimeFormat",
  "Segmenter",
]);

/** The name of a member expression's property, when it is a plain name. */
function propertyName(node: Deno.lint.Node): string | null {
  if (node.type !== "MemberExpression" || node.computed) return null;
  return node.property.type === "Identifier" ? node.property.name : null;
}

/** Whether an argument is missing or `undefined` (the machine's locale). */
const noLocale = (arg: Deno.lint.Node | undefined) =>
  arg === undefined || (arg.type === "Identifier" && arg.name === "undefined");

const fixedLocale: Deno.lint.Rule = {
  create(context) {
    if (!inHouse(context.filename)) return {};
    const hint = 'Give the locale ("en"), or compare text with compareText (lib/text_order.ts).';
    const check = (node: Deno.lint.CallExpression | Deno.lint.NewExpression) => {
      const name = propertyName(node.callee);
      if (name === null) return;
      const method = node.type === "CallExpression" && Object.hasOwn(LOCALE_METHODS, name);
      const intl = node.callee.type === "MemberExpression" &&
        node.callee.object.type === "Identifier" && node.callee.object.name === "Intl" &&
        INTL.has(name);
      if (!method && !intl) return;
      if (!noLocale(node.arguments[intl ? 0 : LOCALE_METHODS[name]])) return;
      context.report({
        node,
        message: `${intl ? `Intl.${name}` : name} without a locale takes the machine's (LC_ALL, ` +
          "LANG, or Windows' settings): the same data would give other text or another order",
        hint,
      });
    };
    return { CallExpression: check, NewExpression: check };
  },
};

/**
 * The plugin: its rules are `house/max-function-lines`, `house/max-module-lines` and
 * `house/fixed-locale` (no comparison or formatting by the machine's locale).
 */
const plugin: Deno.lint.Plugin = {
  name: "house",
  rules: {
    "max-function-lines": maxFunctionLines,
    "max-module-lines": maxModuleLines,
    "fixed-locale": fixedLocale,
  },
};

export default plugin;
