/**
 * The tidy tables as dataframes: {@link frames} gives the cases, time points, treatments,
 * observations and events of a case series as Arquero tables (`npm:arquero`, pure JavaScript), to
 * head, filter, sort, group and join in a notebook cell. In the Deno kernel a table shows itself
 * as a table (HTML, and text), at most {@link FRAME_ROWS_SHOWN} rows.
 *
 * Each interval becomes three columns (`x_lo`, `x`, `x_hi`, the middle one the nominal value), a
 * day also its time point (`x_time_id`; an observation's or event's own day is `time_id`, `day_lo`,
 * `day`, `day_hi`), a scale its id, and names are in snake case, as in `data/*.csv`; a case's
 * amputation event is `amputation_event_*`. The columns of an object's row that no field carries
 * (its `columns`) keep their names in the data: a field any of whose columns has the name of one of
 * them moves whole, every column it gives prefixed with `model_` (a data column `day` moves an
 * observation's `time_id`, `day_lo`, `day`, `day_hi` to `model_time_id`, `model_day_lo`,
 * `model_day`, `model_day_hi`, so its bounds stay beside its value), and a `model_` name that is
 * taken too (a data column `model_day`) is refused with a TypeError naming both. Arquero is loaded
 * on the first call only, so notebooks that do not use it do not pay for it.
 *
 * Why Arquero rather than nodejs-polars (measured on 2 shared cores, Deno 2.9.6, best of 2–3):
 * building a table from 1M in-memory rows, what this module does, took 0.23–0.30 s and ended at
 * 325 MiB with Arquero, 3.5 s and 710 MiB with polars (crossing into native code row by row);
 * grouping those rows 0.28–0.35 s against 0.04–0.22 s; import 0.12–0.16 s against 0.10–0.14 s.
 * Polars reads a CSV file 10× faster, which nothing here needs, and installs 221 MB of native
 * binaries on Linux (glibc and musl) against 6 MB of JavaScript. The tables here have tens of rows.
 *
 * @module
 */
import type { ColumnTable } from "arquero";
import { expectSeries } from "./args.ts";
import { htmlTable, type Row, textTable } from "./display.ts";
import type { CaseSeries } from "./model.ts";
import { plural } from "./prose.ts";

/** The tidy tables of a case series, one row per entity, keyed by `case_id` (and `time_id`). */
export interface Frames {
  /** One row per case (`case_id`, `source_id`, age, sex, …). */
  cases: ColumnTable;
  /** One row per time point (`case_id`, `time_id`, rule, day, offset, words, quote). */
  timepoints: ColumnTable;
  /** One row per dose period (`case_id`, drug, dose, start, end, purpose, …). */
  treatments: ColumnTable;
  /** One row per pain value (`case_id`, `time_id`, day, scale, value, common (the common 0–10 metric), words, …). */
  observations: ColumnTable;
  /** One row per event (`case_id`, kind, `time_id`, day, description, quote). */
  events: ColumnTable;
}

/** How many rows a table shows in the kernel (all of them are in the table). */
export const FRAME_ROWS_SHOWN = 20;

type Cell = string | number | boolean | null;

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && !Array.isArray(x);

/**
 * Adds `value` under the column `name` (flattened: see the module description) to `out`, and the
 * names of objects it flattened into several columns to `split`.
 */
function put(out: Record<string, Cell>, name: string, value: unknown, split: Set<string>): void {
  if (value === undefined) return;
  if (!isObject(value)) {
    out[name] = Array.isArray(value) ? JSON.stringify(value) : value as Cell;
    return;
  }
  if (typeof value.nominal === "number" && typeof value.lo === "number") {
    split.add(name);
    if (typeof value.timeId === "string") {
      out[name === "day" ? "time_id" : `${name}_time_id`] = value.timeId;
    }
    out[`${name}_lo`] = value.lo;
    out[name] = value.nominal;
    out[`${name}_hi`] = value.hi as Cell;
    return;
  }
  if (typeof value.id === "string") {
    out[name] = value.id;
    return;
  }
  split.add(name);
  for (const [k, v] of Object.entries(value)) put(out, `${name}_${snake(k)}`, v, split);
}

/**
 * Fields of the model flattened under another name than their own: a case's amputation is an
 * event (`amputation_event_day`, `amputation_event_quote`…), beside the columns of the case's row
 * about the amputation (`amputation_quote`: the passage stating side, level and limb).
 */
const FIELD_NAMES: Readonly<Record<string, string>> = { amputation: "amputation_event" };

/** One record flattened: its first columns, each field's columns, the columns of its row in the data. */
interface Flattened {
  /** The columns before the fields (`case_id`, `time_id`). */
  first: Record<string, Cell>;
  /** Each field's columns (see the module description), and the names it split. */
  fields: { name: string; cells: Record<string, Cell>; split: Set<string> }[];
  /** The columns of its row that no field carries (its `columns`). */
  columns: Record<string, Cell>;
}

/** `record` flattened after `first` columns, leaving out `skip` keys (see {@link rowsOf}). */
function flatten(first: Record<string, Cell>, record: object, skip: readonly string[]): Flattened {
  const fields: Flattened["fields"] = [];
  let columns: Record<string, Cell> = {};
  for (const [k, v] of Object.entries(record)) {
    if (skip.includes(k)) continue;
    if (k === "columns" && isObject(v)) columns = v as Record<string, Cell>;
    else {
      const name = FIELD_NAMES[k] ?? snake(k);
      const cells: Record<string, Cell> = {};
      const split = new Set<string>();
      put(cells, name, v, split);
      fields.push({ name, cells, split });
    }
  }
  return { first, fields, columns };
}

/**
 * The flat rows of one table: each record's fields flattened (see the module description), then
 * the columns of its row that no field carries under their names in the data. A field any of whose
 * columns has the name of one of those (in any row) moves whole to `model_<column>`, its bounds and
 * time point with its value, so that the data's column keeps its own name; the names it split go to
 * `split`.
 *
 * @throws {TypeError} When a field's `model_` name is taken too (by a column of the data or of the
 * model), naming both columns.
 */
function rowsOf(table: string, records: readonly Flattened[], split: Set<string>): Row[] {
  const data = new Set(records.flatMap((r) => Object.keys(r.columns)));
  const own = new Set(
    records.flatMap((r) => [
      ...Object.keys(r.first),
      ...r.fields.flatMap((f) => Object.keys(f.cells)),
    ]),
  );
  const moved = new Map<string, string>();
  for (const r of records) {
    for (const f of r.fields) {
      const clash = Object.keys(f.cells).find((c) => data.has(c));
      if (clash !== undefined && !moved.has(f.name)) moved.set(f.name, clash);
    }
  }
  for (const r of records) {
    for (const f of r.fields) {
      const clash = moved.get(f.name);
      if (clash === undefined) continue;
      for (const c of Object.keys(f.cells)) {
        const to = `model_${c}`;
        if (!data.has(to) && !own.has(to)) continue;
        throw new TypeError(
          `frames: the column '${clash}' of ${table}.csv takes a name of the model's ` +
            `${f.name}, whose columns move to model_*, but '${to}' is a column of ` +
            `${data.has(to) ? `${table}.csv` : "the model"} too: rename '${clash}' or '${to}'`,
        );
      }
    }
  }
  return records.map((r) => {
    const out: Record<string, Cell> = { ...r.first };
    for (const f of r.fields) {
      const prefix = moved.has(f.name) ? "model_" : "";
      for (const s of f.split) split.add(prefix + s);
      for (const [c, v] of Object.entries(f.cells)) out[prefix + c] = v;
    }
    for (const [c, x] of Object.entries(r.columns)) out[c] = x;
    return out;
  });
}

/**
 * Rows with the same columns: every key of every row, in the order first seen; a value a row does
 * not have (an end the text does not state) is `null`. A column that is `null` in every row while
 * other rows split it into several (a `span` that only some observations have) is left out.
 */
function rectangular(rows: readonly Row[], split: ReadonlySet<string>): Row[] {
  const all = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cols = all.filter((c) => !split.has(c) || rows.some((r) => (r[c] ?? null) !== null));
  return rows.map((r) => Object.fromEntries(cols.map((c) => [c, r[c] ?? null])));
}

/** A table's display in the kernel: the first rows as HTML and text, with its size. */
function display(this: ColumnTable): Record<string, string> {
  const n = this.numRows();
  const rows = this.objects({ limit: FRAME_ROWS_SHOWN }).map((r) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => [
        k,
        v === undefined || v === null ? null : typeof v === "object" ? JSON.stringify(v) : v,
      ]),
    ) as Row
  );
  const size = `${plural(n, "row")} × ${plural(this.numCols(), "column")}` +
    (n > rows.length ? ` (the first ${rows.length} shown)` : "");
  return {
    "text/html": htmlTable(rows, "", { notes: [size] }),
    "text/plain": `${rows.length ? textTable(rows) : this.columnNames().join("  ")}\n${size}`,
  };
}

let arquero: Promise<typeof import("arquero")> | null = null;

/** Arquero, loaded once, its tables made to display themselves in a Jupyter kernel. */
function loadArquero(): Promise<typeof import("arquero")> {
  arquero ??= import("arquero").then((aq) => {
    Object.defineProperty(aq.ColumnTable.prototype, Symbol.for("Jupyter.display"), {
      value: display,
      enumerable: false,
      configurable: true,
    });
    return aq;
  });
  return arquero;
}

/**
 * The tidy tables of a case series as Arquero dataframes (see the module description for the
 * columns). Every table an Arquero verb returns (`filter`, `orderby`, `groupby().rollup`,
 * `join`…) shows itself as a table in the kernel too; `table.objects()` gives the rows.
 *
 * @param series The case series (`await loadCaseSeries()`).
 * @returns The five tables.
 * @example
 * ```ts
 * import * as aq from "arquero";
 * import { frames, loadCaseSeries } from "#lib/mod.ts";
 * const series = await loadCaseSeries();
 * const t = await frames(series);
 * const n = series.cases.reduce((s, c) => s + c.observations.length, 0);
 * if (t.observations.numRows() !== n) throw new Error("one row per observation");
 * const perCase = t.observations.groupby("case_id").rollup({ n: aq.op.count() });
 * const withValues = series.cases.filter((c) => c.observations.length > 0).length;
 * if (perCase.numRows() !== withValues) throw new Error("one group per case with a value");
 * t.observations.filter((d) => d.common > 5).orderby(aq.desc("common")).select("case_id", "common");
 * ```
 */
export async function frames(series: CaseSeries): Promise<Frames> {
  expectSeries("frames", series);
  const aq = await loadArquero();
  const table = (name: keyof Frames, records: readonly Flattened[]) => {
    const split = new Set<string>();
    const rows = rowsOf(name, records, split);
    return aq.from(rectangular(rows, split));
  };
  const cases = series.cases;
  return {
    cases: table(
      "cases",
      cases.map((c) =>
        flatten({ case_id: c.id }, c, [
          "id",
          "treatments",
          "observations",
          "events",
          "timepoints",
          "study",
        ])
      ),
    ),
    timepoints: table(
      "timepoints",
      cases.flatMap((c) =>
        c.timepoints.map((t) => flatten({ case_id: c.id, time_id: t.id }, t, ["id"]))
      ),
    ),
    treatments: table(
      "treatments",
      cases.flatMap((c) => c.treatments.map((t) => flatten({ case_id: c.id }, t, []))),
    ),
    observations: table(
      "observations",
      cases.flatMap((c) => c.observations.map((o) => flatten({ case_id: c.id }, o, []))),
    ),
    events: table(
      "events",
      cases.flatMap((c) => c.events.map((e) => flatten({ case_id: c.id }, e, []))),
    ),
  };
}
