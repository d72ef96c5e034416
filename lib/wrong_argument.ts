/**
 * The message of a wrong argument: {@link wrongArgument} throws a `TypeError` that names the
 * function, what it expected and what it got ({@link describeValue}). It knows nothing of the
 * library's types, so that every layer, the statistics included, can use it; the checks of the
 * library's own types (a case, a series, an interval) are in `args.ts`.
 *
 * @module
 */
/**
 * A short description of any value for error messages: its type and, briefly, its content.
 *
 * @param value Anything.
 * @returns For example `the string "2"`, `the number 8`, `undefined`, `an array of 3 items`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { describeValue } from "#lib/wrong_argument.ts";
 * assert.equal(describeValue("2"), 'the string "2"');
 * assert.equal(describeValue([1, 2]), "an array of 2 items");
 * assert.equal(describeValue({ a: 1 }), "an object with keys a");
 * ```
 */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (typeof value === "string") {
    return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + "…" : value)}`;
  }
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") {
    return `the ${typeof value} ${String(value)}`;
  }
  if (typeof value === "function") return "a function";
  if (Array.isArray(value)) {
    return `an array of ${value.length} item${value.length === 1 ? "" : "s"}`;
  }
  const keys = Object.keys(value as object);
  return keys.length
    ? `an object with keys ${keys.slice(0, 6).join(", ")}${keys.length > 6 ? ", …" : ""}`
    : "an empty object";
}

/**
 * Throws a `TypeError` "`fn`: expected `expected`, got `<value>`".
 *
 * @param fn The public function whose argument is wrong.
 * @param expected What it expects, in words.
 * @param value What it got.
 * @param hint An optional sentence on how to get the right thing.
 * @returns Never: it always throws.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { wrongArgument } from "#lib/wrong_argument.ts";
 * assert.throws(() => wrongArgument("f", "a number", "8"), {
 *   name: "TypeError",
 *   message: 'f: expected a number, got the string "8"',
 * });
 * ```
 */
export function wrongArgument(fn: string, expected: string, value: unknown, hint = ""): never {
  throw new TypeError(
    `${fn}: expected ${expected}, got ${describeValue(value)}${hint ? `. ${hint}` : ""}`,
  );
}
