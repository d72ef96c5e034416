/**
 * A table's zod schema compiled into a row parser: each column's zod tree becomes a direct check
 * that calls the schema's own transforms and applies its own bounds, patterns and enumerations;
 * any cell the compiled check does not accept is parsed by zod itself, whose message is reported.
 * Columns with few distinct cells remember each cell's value.
 *
 * @module
 */
import type { z } from "zod";
import type { DataIssue } from "./errors.ts";
import { nearestTerm } from "./nearest.ts";

/** Where problems go: an array, or a collector that keeps them in order. */
export interface IssueSink {
  /** Adds one problem. */
  push(issue: DataIssue): void;
}

/** What a cell check gives for a cell its schema refuses (the problem is reported). */
export const FAIL: unique symbol = Symbol("fail");
type Check = (value: unknown) => unknown;

// deno-lint-ignore no-explicit-any
type AnyDef = any;

/**
 * Compiles a zod schema (the subset the data schemas use: string, literal, enum, number with
 * bounds, string with length and patterns, custom, transform, pipe, union) into a direct check.
 * Returns `null` for a schema it does not know, which is then parsed by zod on every cell.
 */
function compile(schema: z.ZodType): Check | null {
  const def: AnyDef = (schema as AnyDef)._zod.def;
  const checks: AnyDef[] = (def.checks ?? []).map((c: AnyDef) => c._zod.def);
  switch (def.type) {
    case "string": {
      const tests: ((s: string) => boolean)[] = [];
      for (const c of checks) {
        if (c.check === "min_length") tests.push((s) => s.length >= c.minimum);
        else if (c.check === "string_format" && c.format === "regex" && !c.pattern.global) {
          tests.push((s) => c.pattern.test(s));
        } else return null;
      }
      if (tests.length === 0) return (v) => typeof v === "string" ? v : FAIL;
      if (tests.length === 1) {
        const [t] = tests;
        return (v) => typeof v === "string" && t(v) ? v : FAIL;
      }
      return (v) => typeof v === "string" && tests.every((t) => t(v)) ? v : FAIL;
    }
    case "number": {
      const tests: ((n: number) => boolean)[] = [];
      for (const c of checks) {
        if (c.check === "number_format" && c.format === "safeint") tests.push(Number.isSafeInteger);
        else if (c.check === "greater_than") {
          tests.push(c.inclusive ? (n) => n >= c.value : (n) => n > c.value);
        } else if (c.check === "less_than") {
          tests.push(c.inclusive ? (n) => n <= c.value : (n) => n < c.value);
        } else return null;
      }
      return (v) =>
        typeof v === "number" && Number.isFinite(v) && tests.every((t) => t(v)) ? v : FAIL;
    }
    case "literal": {
      if (checks.length > 0) return null;
      const values = new Set<unknown>(def.values);
      return (v) => values.has(v) ? v : FAIL;
    }
    case "enum": {
      if (checks.length > 0) return null;
      const values = new Set<unknown>(Object.values(def.entries));
      return (v) => values.has(v) ? v : FAIL;
    }
    case "custom": {
      if (checks.length > 0) return null;
      return (v) => def.fn(v) ? v : FAIL;
    }
    case "transform": {
      const payload: { value: unknown; issues: unknown[] } = { value: undefined, issues: [] };
      return (v) => {
        payload.value = v;
        const out = def.transform(v, payload);
        if (payload.issues.length > 0) {
          payload.issues = [];
          return FAIL;
        }
        return out instanceof Promise ? FAIL : out;
      };
    }
    case "pipe": {
      const a = compile(def.in);
      const b = compile(def.out);
      if (!a || !b || checks.length > 0) return null;
      return (v) => {
        const x = a(v);
        return x === FAIL ? FAIL : b(x);
      };
    }
    case "union": {
      const options = (def.options as z.ZodType[]).map(compile);
      if (options.some((o) => o === null) || checks.length > 0) return null;
      const opts = options as Check[];
      return (v) => {
        for (const o of opts) {
          const x = o(v);
          if (x !== FAIL) return x;
        }
        return FAIL;
      };
    }
    default:
      return null;
  }
}

/** The allowed values of a column whose innermost check is a closed set, else `null`. */
function enumValues(schema: z.ZodType): string[] | null {
  const def: AnyDef = (schema as AnyDef)._zod.def;
  if (def.type === "enum") return Object.values(def.entries) as string[];
  if (def.type === "pipe") return enumValues(def.out) ?? enumValues(def.in);
  if (def.type === "union") {
    for (const o of def.options) {
      const v = enumValues(o);
      if (v) return v;
    }
  }
  return null;
}

/**
 * The builder of a table's rows: an object literal of its columns, in order, from their values.
 * One shape for every row of the table, which is several times faster than adding properties by
 * name.
 *
 * @param columns The column names.
 * @returns A function from the values (in column order) to the row.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { rowBuilder } from "#lib/csv_schema.ts";
 * assert.deepEqual(rowBuilder(["a", "b c"])([1, null]), { a: 1, "b c": null });
 * ```
 */
export function rowBuilder(columns: readonly string[]): (values: unknown[]) => object {
  return new Function(
    "v",
    `return {${columns.map((c, i) => `${JSON.stringify(c)}: v[${i}]`).join(", ")}};`,
  ) as (values: unknown[]) => object;
}

/**
 * Compiles one column of a zod object schema into a cell parser: the cell's value, or
 * {@link FAIL} after pushing the problem (zod's message, or the nearest term of a closed set).
 * Columns with few distinct cells remember each cell's value. The schema's transforms are pure,
 * so a cell always gives the same value.
 *
 * @param file The file (for messages).
 * @param column The column (for messages).
 * @param cellSchema The column's schema.
 * @returns The parser of one cell at a row.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { z } from "zod";
 * import { cellParser, FAIL } from "#lib/csv_schema.ts";
 * const issues: { message: string }[] = [];
 * const parse = cellParser("t.csv", "n", z.string().regex(/^[0-9]+$/).transform(Number));
 * assert.equal(parse("4", 2, issues), 4);
 * assert.equal(parse("x", 3, issues), FAIL);
 * assert.equal(issues.length, 1);
 * ```
 */
export function cellParser(
  file: string,
  column: string,
  cellSchema: z.ZodType,
): (cell: string, row: number, issues: IssueSink) => unknown {
  const fast = compile(cellSchema);
  const allowed = enumValues(cellSchema);
  // Columns with few distinct cells (rules, units, days, time ids...) reuse each cell's value:
  // faster, and equal values share memory. The schema's transforms are pure (cell -> value).
  let memo: Map<string, unknown> | null = new Map();
  let lastCell: string | undefined;
  let lastValue: unknown;
  return (cell: string, row: number, issues: IssueSink): unknown => {
    if (cell === lastCell) return lastValue;
    if (memo !== null) {
      const hit = memo.get(cell);
      if (hit !== undefined) return hit;
    }
    if (fast) {
      try {
        const v = fast(cell);
        if (v !== FAIL) {
          if (v !== undefined && (v === null || typeof v !== "object")) {
            lastCell = cell;
            lastValue = v;
            if (memo !== null) {
              if (memo.size >= MEMO_CELLS) memo = null;
              else memo.set(cell, v);
            }
          }
          return v;
        }
      } catch {
        // fall through to zod, which reports the problem
      }
    }
    const r = cellSchema.safeParse(cell);
    if (r.success) return r.data;
    if (allowed && cell.trim() !== "") {
      const near = nearestTerm(cell.trim(), allowed);
      const message = `unknown ${column} '${cell.trim()}': ` +
        (near === null ? "" : `did you mean '${near}'? `) + `one of ${allowed.join(", ")}`;
      issues.push({ file, row, column, message });
    } else {
      for (const i of r.error.issues) {
        const shown = cell === "" || i.message.includes(`'${cell}'`) ? "" : ` (got '${cell}')`;
        issues.push({ file, row, column, message: i.message + shown });
      }
    }
    return FAIL;
  };
}

/** A compiled row schema: column names and one cell parser per column. */
export interface RowParser {
  columns: string[];
  /** The typed row, or `null` when a cell failed (its valid cells are then in `valid`). */
  parse(cells: string[], row: number, issues: IssueSink): object | null;
  /** The cells that passed in the last row `parse` returned `null` for. */
  valid: object;
}

/** Distinct cells a column remembers the value of; a column with more stops remembering. */
const MEMO_CELLS = 2048;

/**
 * Compiles a zod object schema into a row parser (see the module description).
 *
 * @param file The file (for messages).
 * @param schema The row schema.
 * @returns The parser.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { z } from "zod";
 * import { rowParser } from "#lib/csv_schema.ts";
 * const p = rowParser("t.csv", z.object({ n: z.string().transform(Number) }));
 * assert.deepEqual(p.parse(["4"], 2, []), { n: 4 });
 * ```
 */
export function rowParser(file: string, schema: z.ZodObject): RowParser {
  const columns = Object.keys(schema.shape);
  const parsers = columns.map((column) =>
    cellParser(file, column, schema.shape[column] as z.ZodType)
  );
  const values: unknown[] = new Array(columns.length);
  const build = rowBuilder(columns);
  return {
    columns,
    valid: {},
    parse(cells, row, issues) {
      let ok = true;
      for (let i = 0; i < columns.length; i++) {
        const v = parsers[i](cells[i], row, issues);
        values[i] = v;
        if (v === FAIL) ok = false;
      }
      if (ok) return build(values);
      const valid: Record<string, unknown> = {};
      values.forEach((v, i) => {
        if (v !== FAIL) valid[columns[i]] = v;
      });
      this.valid = valid;
      return null;
    },
  };
}
