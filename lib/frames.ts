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
 * The tables are built column by column, never as one object per row: a first pass over a table's
 * records finds its columns and which fields move, a second writes each record's cells straight
 * into one array per column, and Arquero takes the arrays as they are. Time and memory grow with
 * rows × columns (a synthetic series of 100,000 cases, 1.3M time points and 1M observations: about
 * 5 s and 450 MiB of heap on 2 shared cores, where building rows first ran out of memory).
 *
 * Why Arquero rather than nodejs-polars (measured on 2 shared cores, Deno 2.9.6, best of 2–3):
 * building a table from 1M in-memory rows took 0.23–0.30 s and ended at 325 MiB with Arquero,
 * 3.5 s and 710 MiB with polars (crossing into native code row by row); grouping those rows 0.28–0.35 s against 0.04–0.22 s; import 0.12–0.16 s against 0.10–0.14 s.
 * Polars reads a CSV file 10× faster, which nothing here needs, and installs 221 MB of native
 * binaries on Linux (glibc and musl) against 6 MB of JavaScript. The tables here have tens of rows.
 *
 * @module
 */
import type { ColumnTable } from "arquero";
import { expectSeries } from "./args.ts";
import { htmlTable, type Row, textTable } from "./display.ts";
import type { Case, CaseSeries } from "./model.ts";
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

const SNAKE = new Map<string, string>();

/** A key in snake case (`drugClass` → `drug_class`), kept once made: the model's keys are few. */
function snake(k: string): string {
  let s = SNAKE.get(k);
  if (s === undefined) SNAKE.set(k, s = k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
  return s;
}

const JOINED = new Map<string, Map<string, string>>();

/** `${name}_${suffix}`, kept once made, so that a column's name is one string in every row. */
function joined(name: string, suffix: string): string {
  let names = JOINED.get(name);
  if (names === undefined) JOINED.set(name, names = new Map());
  let s = names.get(suffix);
  if (s === undefined) names.set(suffix, s = `${name}_${suffix}`);
  return s;
}

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && !Array.isArray(x);

/** Where {@link put} sends a record's columns, and the names it flattened into several. */
interface Sink {
  /** The current record's column `name` holds `value` (`undefined`: an empty cell). */
  cell(name: string, value: unknown): void;
  /** `name` was an object flattened into several columns. */
  split(name: string): void;
}

/** Sends `value` to `out` as the column `name`, flattened (see the module description). */
function put(out: Sink, name: string, value: unknown): void {
  if (value === undefined) return;
  if (!isObject(value)) {
    out.cell(name, Array.isArray(value) ? JSON.stringify(value) : value);
    return;
  }
  if (typeof value.nominal === "number" && typeof value.lo === "number") {
    out.split(name);
    if (typeof value.timeId === "string") {
      out.cell(name === "day" ? "time_id" : joined(name, "time_id"), value.timeId);
    }
    out.cell(joined(name, "lo"), value.lo);
    out.cell(name, value.nominal);
    out.cell(joined(name, "hi"), value.hi);
    return;
  }
  if (typeof value.id === "string") {
    out.cell(name, value.id);
    return;
  }
  out.split(name);
  for (const k of Object.keys(value)) put(out, joined(name, snake(k)), value[k]);
}

/**
 * Fields of the model flattened under another name than their own: a case's amputation is an
 * event (`amputation_event_day`, `amputation_event_quote`…), beside the columns of the case's row
 * about the amputation (`amputation_quote`: the passage stating side, level and limb).
 */
const FIELD_NAMES: Readonly<Record<string, string>> = { amputation: "amputation_event" };

/** One table: whose records, and the columns its rows start with (`case_id`, `time_id`). */
interface TableSpec {
  name: keyof Frames;
  /** The keys of a record that are no field of its row (its id, its own tables). */
  skip: ReadonlySet<string>;
  /** Whether a row has its record's `id` as `time_id`, after `case_id`. */
  timeId: boolean;
  /** A case's records in this table. */
  records: (c: Case) => readonly object[];
}

const TABLES: readonly TableSpec[] = [
  {
    name: "cases",
    skip: new Set(["id", "treatments", "observations", "events", "timepoints", "study"]),
    timeId: false,
    records: (c) => [c],
  },
  { name: "timepoints", skip: new Set(["id"]), timeId: true, records: (c) => c.timepoints },
  { name: "treatments", skip: new Set(), timeId: false, records: (c) => c.treatments },
  { name: "observations", skip: new Set(), timeId: false, records: (c) => c.observations },
  { name: "events", skip: new Set(), timeId: false, records: (c) => c.events },
];

/** A field's columns in any row, in the order first given, and the names it split. */
interface FieldColumns {
  cells: Set<string>;
  split: Set<string>;
}

/** The columns of a table's rows, found without keeping any row (pass 1). */
interface Layout {
  /** How many rows. */
  rows: number;
  /** The columns of the rows that no field carries (their records' `columns`). */
  data: Set<string>;
  /** Each field (by its column name) with its columns, in the order first given. */
  fields: Map<string, FieldColumns>;
  /** The fields that move whole to `model_*`, each with the data column it gives way to. */
  moved: Map<string, string>;
  /** Every column the model gives (unprefixed), the first ones included. */
  own: Set<string>;
}

/** A {@link Sink} that notes the current field's columns and split names. */
class FieldNames implements Sink {
  field: FieldColumns = { cells: new Set(), split: new Set() };
  cell(name: string): void {
    this.field.cells.add(name);
  }
  split(name: string): void {
    this.field.split.add(name);
  }
}

/** The columns of a record that no field carries (its `columns`), or `null`. */
function dataOf(record: Record<string, unknown>): Record<string, unknown> | null {
  return isObject(record.columns) ? record.columns : null;
}

/**
 * Pass 1: the columns of a table's rows (see {@link Layout}). A field any of whose columns has,
 * in any row, the name of one of the data's columns moves whole to `model_<column>`, its bounds and
 * time point with its value, so that the data's column keeps its own name.
 */
function layout(spec: TableSpec, series: CaseSeries): Layout {
  const own = new Set(spec.timeId ? ["case_id", "time_id"] : ["case_id"]);
  const l: Layout = { rows: 0, data: new Set(), fields: new Map(), moved: new Map(), own };
  const names = new FieldNames();
  for (const c of series.cases) {
    for (const record of spec.records(c) as readonly Record<string, unknown>[]) {
      l.rows++;
      const data = dataOf(record);
      for (const k of Object.keys(record)) {
        if (spec.skip.has(k) || (k === "columns" && data !== null)) continue;
        const name = FIELD_NAMES[k] ?? snake(k);
        let field = l.fields.get(name);
        if (field === undefined) l.fields.set(name, field = { cells: new Set(), split: new Set() });
        names.field = field;
        put(names, name, record[k]);
      }
      if (data !== null) { for (const k of Object.keys(data)) l.data.add(k); }
    }
  }
  for (const [name, field] of l.fields) {
    for (const c of field.cells) own.add(c);
    // The first column (in row order) with a data column's name is the first clash of the rows.
    const clash = [...field.cells].find((c) => l.data.has(c));
    if (clash !== undefined) l.moved.set(name, clash);
  }
  return l;
}

/**
 * A {@link Sink} that writes each cell into its column: an array per column, made when its name is
 * first given, `null` in the rows before. The columns of a field that moves get `model_`.
 */
class FrameColumns implements Sink {
  /** The columns in the order first given. */
  readonly names: string[] = [];
  readonly values: Map<string, Cell[]> = new Map();
  /** The row being written. */
  row = 0;
  /** The field being written, and the data column it moves for (`undefined`: it stays). */
  field = "";
  clash: string | undefined = undefined;
  constructor(readonly table: string, readonly l: Layout) {}
  cell(name: string, value: unknown): void {
    if (this.clash !== undefined) name = this.#moved(name);
    let column = this.values.get(name);
    if (column === undefined) {
      this.values.set(name, column = new Array<Cell>(this.l.rows).fill(null));
      this.names.push(name);
    }
    column[this.row] = (value ?? null) as Cell;
  }
  split(): void {}
  /**
   * @throws {TypeError} When a field's `model_` name is taken too (by a column of the data or of
   * the model), naming both columns.
   */
  #moved(name: string): string {
    const to = joined("model", name);
    const data = this.l.data.has(to);
    if (!data && !this.l.own.has(to)) return to;
    throw new TypeError(
      `frames: the column '${this.clash}' of ${this.table}.csv takes a name of the model's ` +
        `${this.field}, whose columns move to model_*, but '${to}' is a column of ` +
        `${data ? `${this.table}.csv` : "the model"} too: rename '${this.clash}' or '${to}'`,
    );
  }
}

/** Whether a name is an array index, which an object's keys (and so the old rows) put first. */
const isIndex = (k: string) => /^(0|[1-9]\d*)$/.test(k) && Number(k) < 2 ** 32 - 1;

/**
 * One table (pass 2): each record flattened again, straight into the columns, then the data's
 * columns no field carries. Every column in the order first given (array-index names first, in
 * increasing order, as in an object); a value a row does not have (an end the text does not state)
 * is `null`. A column that is `null` in every row while other rows split it into several (a `span`
 * that only some observations have) is left out.
 */
function columnsOf(spec: TableSpec, series: CaseSeries): [string, Cell[]][] {
  const l = layout(spec, series);
  const out = new FrameColumns(spec.name, l);
  for (const c of series.cases) {
    for (const record of spec.records(c) as readonly Record<string, unknown>[]) {
      out.clash = undefined;
      out.cell("case_id", c.id);
      if (spec.timeId) out.cell("time_id", record.id);
      const data = dataOf(record);
      for (const k of Object.keys(record)) {
        if (spec.skip.has(k) || (k === "columns" && data !== null)) continue;
        out.field = FIELD_NAMES[k] ?? snake(k);
        out.clash = l.moved.get(out.field);
        put(out, out.field, record[k]);
      }
      out.clash = undefined;
      if (data !== null) { for (const k of Object.keys(data)) out.cell(k, data[k]); }
      out.row++;
    }
  }
  const split = new Set<string>();
  for (const [name, field] of l.fields) {
    const prefix = l.moved.has(name) ? "model_" : "";
    for (const s of field.split) split.add(prefix + s);
  }
  const kept = out.names.filter((n) => !split.has(n) || out.values.get(n)!.some((v) => v !== null));
  const index = kept.filter(isIndex).sort((a, b) => Number(a) - Number(b));
  return [...index, ...kept.filter((n) => !isIndex(n))].map((n) => [n, out.values.get(n)!]);
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
  const tables = {} as Frames;
  for (const spec of TABLES) tables[spec.name] = aq.table(columnsOf(spec, series));
  return tables;
}
