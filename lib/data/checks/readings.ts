/**
 * The check of `readings.csv` (alternative readings of the text, applied by `readings.ts`): each
 * row's case and time points known, its quote in its article's text, no duplicate, one choice per
 * reading. The file is read once, here: its rows become the readings the series carries.
 *
 * @module
 */
import {
  type Reading,
  type ReadingRow,
  READINGS_FILE,
  readingsTable,
} from "../../readings_schema.ts";
import type { LoadContext } from "../context.ts";

/**
 * Groups the rows of `readings.csv` by reading, in file order.
 *
 * @param rows The valid rows, with their lines, in file order.
 * @returns The readings.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { groupReadings } from "#lib/data/checks/readings.ts";
 * const row = (reading: string) => ({ reading, choice: "c" }) as never;
 * const r = groupReadings([{ value: row("a"), row: 2 }, { value: row("a"), row: 3 }]);
 * assert.deepEqual(r.map((x) => [x.name, x.lines]), [["a", [2, 3]]]);
 * ```
 */
export function groupReadings(rows: readonly { value: ReadingRow; row: number }[]): Reading[] {
  const out = new Map<string, Reading>();
  for (const { value, row } of rows) {
    const r = out.get(value.reading) ??
      { name: value.reading, choice: value.choice, line: row, rows: [], lines: [] };
    r.rows.push(value);
    r.lines.push(row);
    out.set(value.reading, r);
  }
  return [...out.values()];
}

/**
 * Checks `readings.csv` when the folder has it (it is optional).
 *
 * @param ctx The load (cases read, time points resolved).
 * @param present Whether the folder has the file.
 * @returns The readings (none without the file).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { LoadContext } from "#lib/data/context.ts";
 * import { checkReadings } from "#lib/data/checks/readings.ts";
 * assert.deepEqual(checkReadings(new LoadContext("/nowhere/", "/nowhere"), false), []);
 * ```
 */
export function checkReadings(ctx: LoadContext, present: boolean): Reading[] {
  if (!present) return [];
  const { issues } = ctx;
  const readingLines = new Map<string, number>();
  const choices = new Map<string, { choice: string; row: number }>();
  const valid: { value: ReadingRow; row: number }[] = [];
  ctx.read<ReadingRow>(READINGS_FILE, readingsTable.schema, (row, r) => {
    const file = READINGS_FILE;
    if (r !== null) valid.push({ value: r, row });
    if (r === null || !ctx.checkCase(file, row, r.case_id)) return;
    ctx.check.quote(file, row, ctx.caseSource.get(r.case_id), "quote", r.quote);
    const key = `${r.reading}\u0000${r.case_id}\u0000${r.time_id}`;
    const first = readingLines.get(key);
    if (first !== undefined) {
      issues.push({
        file,
        row,
        message: `duplicate of the row at line ${first} (same reading, case_id and time_id)`,
      });
      return;
    }
    readingLines.set(key, row);
    const described = choices.get(r.reading);
    if (!described) choices.set(r.reading, { choice: r.choice, row });
    else if (described.choice !== r.choice) {
      issues.push({
        file,
        row,
        column: "choice",
        message: `reading '${r.reading}' is described otherwise at line ${described.row} ` +
          "(a reading has one choice)",
      });
    }
    ctx.dayOf(file, row, "time_id", r.case_id, r.time_id);
    if (r.anchor !== null) ctx.dayOf(file, row, "anchor", r.case_id, r.anchor);
    if (r.bound !== null) ctx.dayOf(file, row, "bound", r.case_id, r.bound);
  });
  return groupReadings(valid);
}
