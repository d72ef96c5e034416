/**
 * The columns that join a figure's source data back to the data: the case and the time point a
 * drawn row stands for (`case_id`, `time_id` of `timepoints.csv`), added after every column a
 * figure's CSV already has, so that its columns keep their places.
 *
 * @module
 */
import type { DataRow } from "./figure.ts";

/**
 * A figure's rows with columns added at their end: each row gets every column of the rows (null
 * where it had none), in the order the columns first appear, then `extra(row)`'s. A CSV written
 * from them (its columns: the keys in the order first seen) keeps its columns in their places and
 * gains the new ones after them.
 *
 * @param rows The figure's rows.
 * @param extra The columns to add to a row, given the row and its index (the same keys for every
 *   row, null where they do not apply).
 * @returns New rows; `rows` is left as it was.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { withColumnsAfter } from "#lib/plots/join_columns.ts";
 * const rows = withColumnsAfter(
 *   [{ mark: "point", x: 1 }, { mark: "line", label: "a" }],
 *   (r) => ({ time_id: r.mark === "point" ? "t1" : null }),
 * );
 * assert.deepEqual(Object.keys(rows[0]), ["mark", "x", "label", "time_id"]);
 * assert.deepEqual(rows[1], { mark: "line", x: null, label: "a", time_id: null });
 * ```
 */
export function withColumnsAfter(
  rows: readonly DataRow[],
  extra: (row: DataRow, index: number) => DataRow,
): DataRow[] {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return rows.map((r, i) => {
    const row: DataRow = {};
    for (const c of columns) row[c] = r[c] ?? null;
    const added = extra(r, i);
    for (const [k, v] of Object.entries(added)) {
      if (columns.includes(k)) {
        throw new RangeError(`withColumnsAfter: column '${k}' is there already`);
      }
      row[k] = v;
    }
    return row;
  });
}
