/**
 * Test helper: the implementation of `frames` (lib/frames.ts) before it was rewritten to build
 * columns directly (it built several objects per row and ran out of memory on a million
 * observations), kept verbatim as the reference the rewrite must agree with, table by table
 * (tests/frames_test.ts), and for the scratch measurements of the rewrite. Not for use elsewhere.
 *
 * @module
 */
import * as aq from "arquero";
import type { ColumnTable } from "arquero";
import type { Row } from "../../lib/display.ts";
import type { CaseSeries } from "../../lib/model.ts";

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

/**
 * The five tables of `series` as the old `frames` built them (rows flattened to objects, made
 * rectangular, then `aq.from`), without the kernel display.
 *
 * @param series A loaded case series.
 * @returns The tables by name.
 */
export function referenceFrames(series: CaseSeries): Record<string, ColumnTable> {
  const table = (name: string, records: readonly Flattened[]) => {
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
