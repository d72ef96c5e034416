/**
 * Comparing the produced files with those there before the run (on a clean clone, the committed
 * ones): every differing file with a summary a reviewer can act on (notebook → cells as Jupyter shows them, table → rows, figure → changed).
 *
 * @module
 */
import { parse } from "csv-parse/sync";

interface Cell {
  cell_type: string;
  id?: string;
  metadata?: unknown;
  source: string | string[];
  execution_count?: number | null;
  outputs?: unknown[];
}

const text = (s: string | string[]) => [s].flat().join("");

/**
 * Labels of a notebook's cells as Jupyter shows them: `In [n]`, `In [ ] (cell i)` for a code cell
 * with no execution count (never run, or empty), or `Markdown cell k`.
 */
function labels(cells: Cell[]): string[] {
  let markdown = 0;
  return cells.map((c, i) => {
    if (c.cell_type === "code") {
      return typeof c.execution_count === "number"
        ? `In [${c.execution_count}]`
        : `In [ ] (cell ${i + 1})`;
    }
    return `${c.cell_type === "markdown" ? "Markdown" : "Raw"} cell ${++markdown}`;
  });
}

/** `n` things, singular or plural: `1 row`, `3 rows`. */
const count = (n: number, thing: string) => `${n} ${thing}${n === 1 ? "" : "s"}`;

/** A list that stays short: the first `max` items, then how many more. */
function some(items: string[], max = 8): string {
  return items.length <= max
    ? items.join(", ")
    : `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}

/**
 * What differs between two versions of a notebook: its cells as Jupyter shows them (`In [n]`,
 * `Markdown cell k`) with what differs in each (source, outputs, count, id, metadata), then a
 * different cell count, else metadata.
 *
 * @param before the notebook's text before the run
 * @param produced the re-executed notebook's text
 * @returns a one-line summary
 * @example
 * ```ts
 * import { notebookDifference } from "./compare.ts";
 * const nb = (out: string) =>
 *   JSON.stringify({
 *     cells: [{ cell_type: "code", source: "1", execution_count: 1, outputs: [out] }],
 *     metadata: {},
 *   });
 * notebookDifference(nb("a"), nb("b")); // "cell In [1] (outputs)"
 * ```
 */
export function notebookDifference(before: string, produced: string): string {
  let a: { cells: Cell[]; metadata: unknown };
  let b: { cells: Cell[]; metadata: unknown };
  try {
    a = JSON.parse(before);
    b = JSON.parse(produced);
  } catch {
    return "not valid JSON";
  }
  const names = labels(a.cells);
  const parts: string[] = [];
  const n = Math.min(a.cells.length, b.cells.length);
  for (let i = 0; i < n; i++) {
    const [x, y] = [a.cells[i], b.cells[i]];
    const what: string[] = [];
    if (x.cell_type !== y.cell_type || text(x.source) !== text(y.source)) what.push("source");
    if (JSON.stringify(x.outputs ?? []) !== JSON.stringify(y.outputs ?? [])) what.push("outputs");
    if ((x.execution_count ?? null) !== (y.execution_count ?? null)) what.push("count");
    // A cell added in Jupyter has an id the run renumbers (`cell-N`): named apart from metadata.
    if ((x.id ?? null) !== (y.id ?? null)) what.push("id");
    if (JSON.stringify(x.metadata ?? {}) !== JSON.stringify(y.metadata ?? {})) {
      what.push("metadata");
    }
    if (!what.length && JSON.stringify(x) !== JSON.stringify(y)) what.push("metadata");
    if (what.length) parts.push(`${names[i]} (${what.join(", ")})`);
  }
  const summary: string[] = [];
  if (parts.length) summary.push(`${parts.length === 1 ? "cell" : "cells"} ${some(parts)}`);
  if (a.cells.length !== b.cells.length) {
    summary.push(`${count(a.cells.length, "cell")} before, ${b.cells.length} produced`);
  }
  if (!summary.length) {
    summary.push(
      JSON.stringify(a.metadata) !== JSON.stringify(b.metadata)
        ? "notebook metadata"
        : "formatting only",
    );
  }
  return summary.join("; ");
}

/** What differs between two versions of a table (rows as records). */
function rowsDifference(a: unknown[], b: unknown[], header?: [unknown, unknown]): string {
  const summary: string[] = [];
  if (header && JSON.stringify(header[0]) !== JSON.stringify(header[1])) summary.push("header");
  const rows: string[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) rows.push(String(i + 1));
  }
  if (rows.length) summary.push(`${rows.length === 1 ? "row" : "rows"} ${some(rows)}`);
  if (a.length !== b.length) summary.push(`${count(a.length, "row")} before, ${b.length} produced`);
  return summary.length ? summary.join("; ") : "formatting only";
}

/**
 * What differs between two versions of a file, by kind: notebook → cells, table (CSV, JSON
 * rows) → rows, figure → changed.
 *
 * @param path the file's name (`results/tables/x.csv`)
 * @param before the bytes before the run
 * @param produced the re-executed bytes
 * @returns a one-line summary
 * @example
 * ```ts
 * import { fileDifference } from "./compare.ts";
 * const enc = (s: string) => new TextEncoder().encode(s);
 * fileDifference("results/tables/t.csv", enc("a\n1\n2\n"), enc("a\n1\n3\n")); // "row 2"
 * ```
 */
export function fileDifference(path: string, before: Uint8Array, produced: Uint8Array): string {
  const dec = new TextDecoder();
  try {
    if (path.endsWith(".ipynb")) {
      return notebookDifference(dec.decode(before), dec.decode(produced));
    }
    if (path.endsWith(".csv")) {
      const [a, b] = [before, produced].map((x) => parse(dec.decode(x)) as string[][]);
      return rowsDifference(a.slice(1), b.slice(1), [a[0], b[0]]);
    }
    if (path.startsWith("results/tables/") && path.endsWith(".json")) {
      const [a, b] = [before, produced].map((x) => JSON.parse(dec.decode(x)));
      if (Array.isArray(a) && Array.isArray(b)) return rowsDifference(a, b);
    }
  } catch {
    return "changed (unreadable)";
  }
  if (/\.(svg|png)$/.test(path)) return "figure changed";
  if (path.endsWith(".html")) return "page changed";
  return "changed";
}

const same = (a: Uint8Array, b: Uint8Array) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * Compares the files there `before` the run and those `produced` by it (relative name → path)
 * byte for byte.
 *
 * @param before name → path of the files there before the run (on a clean clone, the committed
 * ones)
 * @param produced name → path of the files the run produced
 * @returns one line per differing file, `name: summary`, in name order (`[]` when identical)
 * @example
 * ```ts
 * import { differences } from "./compare.ts";
 * await differences(new Map(), new Map()); // []
 * ```
 */
export async function differences(
  before: Map<string, string>,
  produced: Map<string, string>,
): Promise<string[]> {
  const names = [...new Set([...before.keys(), ...produced.keys()])].sort();
  const out: string[] = [];
  for (const name of names) {
    const c = before.get(name);
    const p = produced.get(name);
    if (c === undefined) out.push(`${name}: produced by the run, not there before`);
    else if (p === undefined) out.push(`${name}: there before, not produced by the run`);
    else {
      const [cb, pb] = [await Deno.readFile(c), await Deno.readFile(p)];
      if (!same(cb, pb)) out.push(`${name}: ${fileDifference(name, cb, pb)}`);
    }
  }
  return out;
}
