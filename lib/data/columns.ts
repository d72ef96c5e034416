/**
 * The columns of a table that the model carries under no named field: each check module's builder
 * gives its model objects (a case, a time point, a treatment, an observation, an event, a source)
 * the `columns` record this module fills, so that a column added to a table's schema
 * (`lib/schema.ts`) and its file reaches the analyses with no other edit
 * (`o.columns.assessor ?? null`).
 *
 * Which columns: every column of the table's schema but those the builder reads into a named
 * field of the object or derives one from (`named`: `time` gives `day`, `value_lo`, `value_hi` and
 * `value_nominal` give `value`, `amount` and `unit` give a time point's `offset`). A column the
 * model has no field for today (a case's `diagnosis_age` and its quotes, an observation's
 * `value_rule`) is thus in `columns` too; a column carried by a field is never there twice.
 *
 * Memory: the rows of a table share their records. Every object of a table without other
 * columns holds the one frozen {@link NO_COLUMNS}; rows with the same values share one frozen
 * record (a million observations with four `value_rule`s hold four), up to
 * {@link SHARED_RECORDS} distinct records per table, beyond which each row gets its own.
 *
 * @module
 */
import type { CellValue, Columns } from "../model.ts";
import { columnsOf, type RowOf, type TableName } from "../schema.ts";

/** The record of every object whose table has no column beyond its named fields. */
export const NO_COLUMNS: Columns = Object.freeze({});

/** Distinct records one table shares; rows with values past these get records of their own. */
export const SHARED_RECORDS = 4096;

/** A tree of shared records: one level per column, keyed by the row's value (`Map` equality). */
type Node = Map<CellValue, Node | Columns>;

/**
 * The `columns` record of each row of one table: the table's columns not in `named`, by name,
 * with the row's parsed cell (`null` when empty).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { NO_COLUMNS, OtherColumns } from "#lib/data/columns.ts";
 * const all = new OtherColumns("events", ["case_id", "kind", "time", "description", "quote"]);
 * assert.equal(all.of({ kind: "amputation" } as never), NO_COLUMNS);
 * const some = new OtherColumns("events", ["case_id", "kind", "time"]);
 * assert.deepEqual(some.names, ["description", "quote"]);
 * const row = { case_id: "1", kind: "onset", time: "t1", description: "d", quote: "q" };
 * assert.deepEqual(some.of(row), { description: "d", quote: "q" });
 * assert.equal(some.of({ ...row }), some.of(row), "the same values share one record");
 * ```
 */
export class OtherColumns<N extends TableName> {
  /** The columns in the records, in schema order. */
  readonly names: readonly string[];
  #root: Node = new Map();
  #shared = 0;

  /**
   * @param table The table.
   * @param named The columns its builder reads into named fields (or derives them from).
   */
  constructor(table: N, named: readonly (keyof RowOf<N> & string)[]) {
    const carried = new Set<string>(named);
    this.names = Object.freeze(columnsOf(table).filter((c) => !carried.has(c)));
  }

  /**
   * The record of one row: {@link NO_COLUMNS} when the table has no other column, else the
   * other columns' values, frozen (shared with the earlier rows that have the same values).
   *
   * @param row The row, as its schema parsed it.
   * @returns Its record.
   */
  of(row: RowOf<N>): Columns {
    const names = this.names;
    if (names.length === 0) return NO_COLUMNS;
    const cells = row as Record<string, CellValue | undefined>;
    let node = this.#root;
    const last = names.length - 1;
    for (let i = 0; i < last; i++) {
      const v = cells[names[i]] ?? null;
      let next = node.get(v) as Node | undefined;
      if (next === undefined) {
        if (this.#shared >= SHARED_RECORDS) return this.#record(cells);
        node.set(v, next = new Map());
      }
      node = next;
    }
    const v = cells[names[last]] ?? null;
    const found = node.get(v) as Columns | undefined;
    if (found !== undefined) return found;
    const record = this.#record(cells);
    if (this.#shared < SHARED_RECORDS) {
      this.#shared++;
      node.set(v, record);
    }
    return record;
  }

  /** A new frozen record of the other columns of `cells`. */
  #record(cells: Record<string, CellValue | undefined>): Columns {
    const out: Record<string, CellValue> = {};
    for (const name of this.names) out[name] = cells[name] ?? null;
    return Object.freeze(out);
  }
}
