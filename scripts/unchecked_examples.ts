/**
 * `deno run --allow-read scripts/unchecked_examples.ts [--list] [--max N]`: counts the values the
 * JSDoc examples of `lib/` state without checking them (issue 25: "at most 10 unchecked example
 * values").
 *
 * An unchecked value is either
 * - a code line ending in a comment (`expr; // 3`) with no `assert` or `throw` on it, the next
 *   line not an assertion (`assert…`, `if (…) throw`), or
 * - a comment line that reads as a value (`// { lo: 1, … }`, `// "text"`, `// 3`, `// true`)
 *   right after a code line, the next line not an assertion, or
 * - a comment line anywhere that states a result (`// → 0.5`, `// Math.log(2 / 5) = -0.916…`:
 *   {@link statesValue}), the next line not an assertion.
 *
 * Prints the count per folder and in all; `--list` also prints each line as `file:line: text`
 * (the line of the example's opening fence, then `+n` within it). With `--max N` it exits 1 when
 * the count is above N.
 *
 * @module
 */
import { docExamples } from "../tests/helpers/doc_examples.ts";
import { ROOT } from "./runner/paths.ts";

const VALUE_COMMENT = /^\s*\/\/\s*(["'[{]|-?\d|true\b|false\b|null\b)/;
/** The start of a value: a literal, a number, a string, an array or an object. */
const VALUE = String.raw`(["'[{]|-?\d|true\b|false\b|null\b|undefined\b|NaN\b|-?Infinity\b)`;
/** A comment stating a result with an arrow: `// → 0.5`, `// => [1, 2]`. */
const ARROW_CLAIM = new RegExp(String.raw`^\s*\/\/\s*(→|=>|->)\s*` + VALUE);
/** A comment stating what an expression equals: `// Math.log(2 / 5) = -0.916…`. */
const EQUALS_CLAIM = new RegExp(String.raw`^\s*\/\/\s*(.+?)\s+={1,3}\s+` + VALUE);
/**
 * An expression, once its parenthesised parts are emptied: `Math.log()`, `a.b * c()`,
 * `100·()/()` (the examples write `·` and `−` too).
 */
const EXPRESSION = /^[\w$.]+(\(\))?(\[[\w$.]*\])?(\s*[-+*/%^·−×÷]\s*[\w$.]*(\(\))?)*$/;

/**
 * Whether a comment line states a value: a value alone (`// 3`), after an arrow (`// → 3`), or
 * as what an expression equals (`// Math.log(2 / 5) = -0.916…`); prose that holds an equals sign
 * ("the interval is degenerate at NAP = 1") is not an expression, and is not a claim.
 *
 * @param line One line of code.
 * @returns Whether it states a value.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { statesValue } from "./unchecked_examples.ts";
 * assert.equal(statesValue("// Math.log(2 / 5) = -0.916…"), true);
 * assert.equal(statesValue("// → 0.5"), true);
 * assert.equal(statesValue("// 100·(2 − 7)/(0 − 7) = 71.43"), true);
 * assert.equal(statesValue("// The interval is degenerate at NAP = 1; the other root"), false);
 * ```
 */
export function statesValue(line: string): boolean {
  if (VALUE_COMMENT.test(line) || ARROW_CLAIM.test(line)) return true;
  const m = EQUALS_CLAIM.exec(line);
  if (!m) return false;
  let lhs = m[1].trim();
  for (let prev = ""; prev !== lhs;) [prev, lhs] = [lhs, lhs.replace(/\([^()]*\)/g, "()")];
  return EXPRESSION.test(lhs);
}
const ASSERTION = /^\s*(assert\b|assert\.|if\s*\(.*\)\s*throw\b|\}?\s*\)?;?\s*$)/;

/**
 * The lines of one example's code that state a value without checking it.
 *
 * @param code The example's code (comment markers removed).
 * @returns Each such line, 1-based within the code, with its text.
 */
export function unchecked(code: string): { line: number; text: string }[] {
  const lines = code.split("\n");
  const out: { line: number; text: string }[] = [];
  const nextIsAssertion = (i: number) => {
    const next = lines.slice(i + 1).find((l) => l.trim() !== "") ?? "";
    return /^\s*(assert\b|assert\.|if\s*\(.*\)\s*throw\b)/.test(next);
  };
  for (const [i, l] of lines.entries()) {
    const isComment = /^\s*\/\//.test(l);
    const trailing = !isComment && /\S.*\s\/\/\s*\S/.test(l) && !/\bassert\b|\bthrow\b/.test(l);
    const prev = i > 0 ? lines[i - 1] : "";
    const valueBelow = isComment && VALUE_COMMENT.test(l) && prev.trim() !== "" &&
      !/^\s*\/\//.test(prev) && !ASSERTION.test(prev);
    // A claim with an arrow or an equals sign states a value wherever it stands.
    const claim = isComment && statesValue(l) && !VALUE_COMMENT.test(l);
    if ((trailing || valueBelow || claim) && !nextIsAssertion(i)) {
      out.push({ line: i + 1, text: l.trim() });
    }
  }
  return out;
}

/**
 * Every unchecked value of the examples under `lib/`.
 *
 * @returns `path:line+n: text` for each, `path:line` the example's opening fence.
 */
export async function uncheckedValues(): Promise<string[]> {
  return (await docExamples(`${ROOT}/lib`)).flatMap((ex) =>
    unchecked(ex.code).map((u) => `${ex.name}+${u.line}: ${u.text}`)
  );
}

if (import.meta.main) {
  const list = Deno.args.includes("--list");
  const maxAt = Deno.args.indexOf("--max");
  const max = maxAt >= 0 ? Number(Deno.args[maxAt + 1]) : Infinity;
  const byFolder = new Map<string, number>();
  const all = await uncheckedValues();
  const total = all.length;
  for (const u of all) {
    const folder = u.split(":")[0].replace(/\/[^/]*$/, "");
    byFolder.set(folder, (byFolder.get(folder) ?? 0) + 1);
    if (list) console.log(u);
  }
  for (const [folder, n] of [...byFolder].sort()) console.log(`${folder}: ${n}`);
  console.log(`unchecked example values in lib/: ${total}`);
  if (total > max) Deno.exit(1);
}
