/**
 * Options objects checked against a schema: a public function that takes options validates them
 * with {@link checkOptions} before using them, so that a misspelt key, a value outside the allowed
 * ones or a missing required option fails at once with a message naming the function, the option,
 * what is allowed and what was given — never a silent fallback to another value.
 *
 * It imports nothing of the library, so that every layer can use it.
 *
 * @module
 */
import type { z } from "zod";
import { nearestTerm } from "./nearest.ts";

/** An option's value in a message: strings quoted, `undefined` as "nothing". */
function shown(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || value === null) {
    return String(value);
  }
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return typeof value === "object" ? "an object" : typeof value;
}

/** The value at `path` inside `root`. */
function at(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const k of path) {
    if (typeof v !== "object" || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** A JSON-like issue of zod 4, with the fields the messages use. */
interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  values?: unknown[];
  expected?: string;
  keys?: string[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  origin?: string;
  errors?: Issue[][];
}

/** Words for zod's expected types. */
const TYPE_WORDS: Record<string, string> = {
  string: "a string",
  number: "a number",
  boolean: "true or false",
  array: "an array",
  object: "an object",
  int: "a whole number",
};

/** Words for the type zod expected; "a finite number" when a number was given (NaN, ±Infinity). */
function typeWords(expected: string | undefined, value: unknown): string {
  if (expected === "number" && typeof value === "number") return "a finite number";
  return TYPE_WORDS[expected ?? ""] ?? expected ?? "another value";
}

/**
 * The option a caller meant by an unknown key: the nearest option name (`nearestTerm`), else the
 * one option it begins (a shortened name of three letters or more: `align` for `alignOn`).
 */
function meantOption(key: string, keys: readonly string[]): string | null {
  const near = nearestTerm(key, keys);
  if (near !== null) return near;
  const k = key.toLowerCase();
  const begun = keys.filter((o) => k.length >= 3 && o.toLowerCase().startsWith(k));
  return begun.length === 1 ? begun[0] : null;
}

/** One issue as a sentence about `options.<path>`. */
function sentence(issue: Issue, options: unknown, keys: readonly string[]): string {
  const name = "options" +
    issue.path.map((k) => typeof k === "number" ? `[${k}]` : `.${String(k)}`).join("");
  const value = at(options, issue.path);
  const got = `; got ${shown(value)}`;
  switch (issue.code) {
    case "invalid_value":
      return `${name} ${value === undefined ? "is required:" : "must be"} ${
        issue.values!.length === 1 ? "" : "one of "
      }${issue.values!.map(String).join(", ")}${value === undefined ? "" : got}`;
    case "invalid_type": {
      const expected = typeWords(issue.expected, value);
      return value === undefined
        ? `${name} is required (${expected})`
        : `${name} must be ${expected}${got}`;
    }
    case "unrecognized_keys": {
      const meant = issue.keys!.flatMap((k) => {
        const near = meantOption(k, keys);
        return near === null
          ? []
          : [`did you mean ${JSON.stringify(near)} for ${JSON.stringify(k)}?`];
      });
      return `${name} has no option ${issue.keys!.map((k) => JSON.stringify(k)).join(", ")}; ` +
        `the options are ${keys.join(", ")}${meant.length ? ` (${meant.join("; ")})` : ""}`;
    }
    case "invalid_union": {
      // A value of one option's type that fails its bounds: that option's sentence.
      const branches = issue.errors ?? [];
      const typed = branches.find((b) =>
        b.length > 0 && b.every((i) => i.code !== "invalid_type" && i.code !== "invalid_value")
      );
      if (typed) {
        return sentence({ ...typed[0], path: [...issue.path, ...typed[0].path] }, options, keys);
      }
      // Else every option: its type, or its values.
      const words = branches.map((b) => {
        if (b.length !== 1) return undefined;
        if (b[0].code === "invalid_value") return b[0].values!.map(String).join(" or ");
        return b[0].code === "invalid_type" ? typeWords(b[0].expected, value) : undefined;
      });
      if (words.length > 0 && words.every((w) => w !== undefined)) {
        return `${name} must be ${words.join(" or ")}${got}`;
      }
      return `${name}: ${issue.message}${got}`;
    }
    case "too_small":
      return `${name} must be ${issue.inclusive ? "≥" : ">"} ${issue.minimum}${got}`;
    case "too_big":
      return `${name} must be ${issue.inclusive ? "≤" : "<"} ${issue.maximum}${got}`;
    default:
      return `${name}: ${issue.message}${got}`;
  }
}

/**
 * Checks a function's options object against its schema (a strict `z.object`, so an unknown key
 * is an error too) and returns it unchanged; throws a `TypeError` naming the function, each wrong
 * option, what is allowed and what was given. `undefined` counts as `{}` (the options are then all
 * defaults, or the required ones are reported missing).
 *
 * @param fn The public function's name, for the message.
 * @param schema The options' schema.
 * @param options What the caller passed.
 * @param hints Sentences added after the message about an option (by its top-level name), e.g.
 *   where a required value comes from.
 * @returns `options` (or `{}`), typed.
 * @example
 * ```ts
 * import { z } from "zod";
 * import { checkOptions } from "#lib/options.ts";
 * const schema = z.object({ baseline: z.enum(["last", "max", "mean"]).optional() }).strict();
 * try {
 *   checkOptions("caseChange", schema, JSON.parse('{ "baseline": "median" }'));
 *   throw new Error("not reached");
 * } catch (e) {
 *   const want = 'caseChange: options.baseline must be one of last, max, mean; got "median"';
 *   if ((e as Error).message !== want) throw e;
 * }
 * if (checkOptions("caseChange", schema, undefined).baseline !== undefined) throw new Error();
 * ```
 */
export function checkOptions<T>(
  fn: string,
  schema: z.ZodType<T>,
  options: T | undefined,
  hints: Readonly<Record<string, string>> = {},
): T {
  const given = options ?? {};
  if (typeof given !== "object" || given === null || Array.isArray(given)) {
    throw new TypeError(
      `${fn}: expected an options object ({ name: value, … }), got ${shown(options)}`,
    );
  }
  const parsed = schema.safeParse(given);
  if (parsed.success) return given as T;
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  const keys = shape ? Object.keys(shape) : [];
  const issues = parsed.error.issues as unknown as Issue[];
  const sentences = issues.map((i) => {
    const hint = hints[String(i.path[0])];
    return sentence(i, given, keys) + (hint ? ` (${hint})` : "");
  });
  throw new TypeError(`${fn}: ${sentences.join("; ")}`);
}
