/**
 * Notebooks as Jupyter reads and saves them (nbformat 4): JSON read keeping which numbers are
 * floats, and written exactly as nbformat writes it (Python's `json.dumps` with a one-space
 * indent, sorted keys, `ensure_ascii=False`, floats as Python prints them, multiline strings
 * split into lists of lines as Python's `splitlines(True)` splits them, a trailing newline), so
 * that opening and saving a notebook in Jupyter changes nothing.
 *
 * @module
 */

/** ANSI escape sequences (colours), removed from the text outputs. */
// deno-lint-ignore no-control-regex
export const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;

/** A number that was written as a float (`1.0`, `2e5`): Python keeps it a float. */
export class PyFloat {
  /** @param value its value */
  constructor(readonly value: number) {}
}

/** A JSON value as nbformat holds it. */
export type Json = null | boolean | number | string | PyFloat | Json[] | { [key: string]: Json };

/** An output of a code cell. */
export interface Output {
  /** `stream`, `display_data`, `execute_result` or `error`. */
  output_type: string;
  /** Other fields, by output type. */
  // deno-lint-ignore no-explicit-any
  [field: string]: any;
}

/** A cell. */
export interface Cell {
  /** `code`, `markdown` or `raw`. */
  cell_type: string;
  /** Its source (a string, or a list of lines as saved). */
  source: string | string[];
  /** Its metadata. */
  // deno-lint-ignore no-explicit-any
  metadata: Record<string, any>;
  /** Its id. */
  id?: string;
  /** Code cells: the execution count. */
  execution_count?: number | null;
  /** Code cells: the outputs. */
  outputs?: Output[];
  /** Other fields (attachments). */
  // deno-lint-ignore no-explicit-any
  [field: string]: any;
}

/** A notebook. */
export interface Notebook {
  /** Its cells. */
  cells: Cell[];
  /** Its metadata. */
  // deno-lint-ignore no-explicit-any
  metadata: Record<string, any>;
  /** 4. */
  nbformat: number;
  /** Its minor version. */
  nbformat_minor: number;
}

/**
 * Parses JSON as Python's `json` does: a number written with a fraction or an exponent is a
 * float ({@link PyFloat}).
 *
 * @param text JSON
 * @returns the value
 * @example
 * ```ts
 * import { parseJson, PyFloat } from "./nbformat.ts";
 * const v = parseJson('{"a": 1.0, "b": 1}') as Record<string, unknown>;
 * if (!(v.a instanceof PyFloat) || v.b !== 1) throw new Error("floats stay floats");
 * ```
 */
export function parseJson(text: string): Json {
  return JSON.parse(text, function (_key, value, context?: { source?: string }) {
    if (typeof value === "number" && context?.source && /[.eE]/.test(context.source)) {
      return new PyFloat(value);
    }
    return value;
  });
}

/**
 * A float as Python's `repr` prints it (the shortest digits that read back the same, in
 * positional notation from 1e-4 to 1e16, else as `d.ddde+XX`).
 *
 * @param x the number
 * @returns its text
 * @example
 * ```ts
 * import { pythonFloat } from "./nbformat.ts";
 * const got = [1, 0.5, 1e16, 1e-7, 123.25].map(pythonFloat).join(" ");
 * if (got !== "1.0 0.5 1e+16 1e-07 123.25") throw new Error(got);
 * ```
 */
export function pythonFloat(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "Infinity" : "-Infinity";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const sign = x < 0 ? "-" : "";
  const [mantissa, e] = Math.abs(x).toExponential().split("e");
  const exp = Number(e);
  const digits = mantissa.replace(".", "");
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  const whole = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
  return `${sign}${whole}.${digits.slice(exp + 1) || "0"}`;
}

/**
 * JSON as Python's `json.dumps(value, indent=1, sort_keys=True, ensure_ascii=False)` writes it.
 *
 * @param value the value
 * @returns the text (no trailing newline)
 * @example
 * ```ts
 * import { dumpJson } from "./nbformat.ts";
 * const got = dumpJson({ b: [], a: ["é", 1] });
 * if (got !== '{\n "a": [\n  "é",\n  1\n ],\n "b": []\n}') throw new Error(got);
 * ```
 */
export function dumpJson(value: unknown, indent = ""): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof PyFloat) return pythonFloat(value.value);
  if (typeof value === "number") {
    return Number.isInteger(value) ? String(value) : pythonFloat(value);
  }
  if (typeof value === "string" || typeof value === "boolean") return JSON.stringify(value);
  const inner = indent + " ";
  if (Array.isArray(value)) {
    if (!value.length) return "[]";
    return `[\n${value.map((v) => inner + dumpJson(v, inner)).join(",\n")}\n${indent}]`;
  }
  const keys = Object.keys(value as object).filter((k) =>
    (value as Record<string, unknown>)[k] !== undefined
  ).sort(codePointOrder);
  if (!keys.length) return "{}";
  const entries = keys.map((k) =>
    `${inner}${JSON.stringify(k)}: ${dumpJson((value as Record<string, unknown>)[k], inner)}`
  );
  return `{\n${entries.join(",\n")}\n${indent}}`;
}

/** Python's order of strings (by code point, not by UTF-16 unit). */
function codePointOrder(a: string, b: string): number {
  const [x, y] = [[...a], [...b]];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d) return d;
  }
  return x.length - y.length;
}

/** Python's line boundaries (`str.splitlines`). */
// deno-lint-ignore no-control-regex
const LINE_END = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/g;

/**
 * Splits text into lines, each keeping its line end, as Python's `str.splitlines(True)` does.
 *
 * @param text the text
 * @returns its lines (`[]` for `""`)
 * @example
 * ```ts
 * import { splitLines } from "./nbformat.ts";
 * const got = JSON.stringify(splitLines("a\r\nb\rc\n\nd"));
 * if (got !== '["a\\r\\n","b\\r","c\\n","\\n","d"]') throw new Error(got);
 * ```
 */
export function splitLines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of text.matchAll(LINE_END)) {
    const end = m.index! + m[0].length;
    out.push(text.slice(start, end));
    start = end;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

const joined = (s: unknown) => Array.isArray(s) ? s.join("") : s;
const isJsonMime = (mime: string) =>
  mime === "application/json" || (mime.startsWith("application/") && mime.endsWith("+json"));

/** A mime bundle with its text joined (`rejoin`) or split into lines. */
function bundle(data: Record<string, unknown>, split: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    if (split) {
      out[k] = typeof v === "string" &&
          (k.startsWith("text/") || k === "application/javascript" || k === "image/svg+xml")
        ? splitLines(v)
        : v;
    } else {
      out[k] = !isJsonMime(k) && Array.isArray(v) && v.every((x) => typeof x === "string")
        ? v.join("")
        : v;
    }
  }
  return out;
}

/** The notebook with its multiline text joined (`split` false) or split as nbformat saves it. */
function lines(nb: Notebook, split: boolean): Notebook {
  const cells = nb.cells.map((c) => {
    const cell: Cell = { ...c };
    if (typeof c.source === "string" || Array.isArray(c.source)) {
      cell.source = split ? splitLines(joined(c.source) as string) : joined(c.source) as string;
    }
    if (c.attachments) {
      cell.attachments = Object.fromEntries(
        Object.entries(c.attachments).map((
          [k, v],
        ) => [k, bundle(v as Record<string, unknown>, split)]),
      );
    }
    if (c.cell_type === "code" && c.outputs) {
      cell.outputs = c.outputs.map((o) => {
        if (o.output_type === "execute_result" || o.output_type === "display_data") {
          return o.data ? { ...o, data: bundle(o.data, split) } : o;
        }
        if (o.output_type === "stream" && o.text !== undefined) {
          return { ...o, text: split ? splitLines(joined(o.text) as string) : joined(o.text) };
        }
        return o;
      });
    }
    return cell;
  });
  return { ...nb, cells };
}

/**
 * Reads a notebook from its text, its multiline text joined into strings (as nbformat reads it).
 *
 * @param text the notebook's JSON
 * @returns the notebook
 * @example
 * ```ts
 * import { readNotebook } from "./nbformat.ts";
 * const nb = readNotebook('{"cells": [{"cell_type": "code", "source": ["a\\n", "b"], "metadata": {}}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}');
 * if (nb.cells[0].source !== "a\nb") throw new Error("joined");
 * ```
 */
export function readNotebook(text: string): Notebook {
  const nb = parseJson(text) as unknown as Notebook;
  if (!nb || typeof nb !== "object" || !Array.isArray(nb.cells) || nb.nbformat !== 4) {
    throw new Error("not an nbformat 4 notebook");
  }
  return lines(nb, false);
}

/**
 * A notebook's text exactly as nbformat writes it: multiline text split into lines, transient
 * metadata dropped (`orig_nbformat`, `signature`, cells' `trusted`), then Python's JSON with a
 * one-space indent and sorted keys, and a trailing newline.
 *
 * @param nb the notebook
 * @returns its text
 * @example
 * ```ts
 * import { writeNotebook } from "./nbformat.ts";
 * const text = writeNotebook({ cells: [], metadata: {}, nbformat: 4, nbformat_minor: 5 });
 * if (text !== '{\n "cells": [],\n "metadata": {},\n "nbformat": 4,\n "nbformat_minor": 5\n}\n') {
 *   throw new Error(text);
 * }
 * ```
 */
export function writeNotebook(nb: Notebook): string {
  const split = lines(nb, true);
  const metadata = { ...split.metadata };
  for (const k of ["orig_nbformat", "orig_nbformat_minor", "signature"]) delete metadata[k];
  const cells = split.cells.map((c) => {
    if (!c.metadata || !("trusted" in c.metadata)) return c;
    const { trusted: _, ...rest } = c.metadata;
    return { ...c, metadata: rest };
  });
  return dumpJson({ ...split, metadata, cells }) + "\n";
}
