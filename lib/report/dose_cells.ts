/**
 * A dose as table columns, each of one type in CSV and JSON alike: numbers in mg/day (`null`
 * where there is no number in mg/day) and, beside them, the words saying why one is empty.
 *
 * Why numbers and not words: the tables that hold doses (dose periods, rates per dose period)
 * are data tables, read back as CSV and JSON; a column mixing `75` and `"dose not stated"` is a
 * number column to one reader and a text column to another, and a text `"10–25"` hides two
 * numbers. So, as `data/treatments.csv` stores them (`data/README.md`, "Doses"):
 *
 * - `mg/day`: the dose the text states, or the lower end of a stated range; `null` when the text
 *   states no dose in mg/day;
 * - `mg/day high`: the upper end of a stated range, `null` for a single dose (as
 *   `dose_hi_mg_per_day`); a column only when some row of the table has a range;
 * - `dose note`: why `mg/day` is empty, as `formatDose` says it ("dose not stated", the text's
 *   words for a dose in another unit such as "25 µg/h", words that state no number with "no
 *   mg/day stated"), or what the row covers instead, such as "all doses"; `null` when it is not;
 *   a column only when some row has such a note.
 *
 * The optional columns follow the table's route and frequency columns: present only when some
 * row needs them, so a table of single stated doses has the one `mg/day` column of numbers.
 *
 * @module
 */
import type { Row } from "../display.ts";
import { type DoseOf, formatDose } from "../dose.ts";

/** A dose of a row, or words saying what the row has instead (e.g. "all doses"). */
export type DoseEntry = DoseOf | { note: string };

/** Which optional columns a table's doses need. */
export interface DoseShape {
  /** Whether some dose is a range (the `mg/day high` column). */
  ranges: boolean;
  /** Whether some row has no number in mg/day (the `dose note` column). */
  notes: boolean;
}

/** Why a dose has no number in mg/day, or `null` when it has one. */
function noteOf(d: DoseEntry): string | null {
  if ("note" in d) return d.note;
  return d.dose !== null ? null : formatDose(d);
}

/**
 * Which optional dose columns a table needs, from all its rows' doses.
 *
 * @param doses The doses of every row of the table.
 * @returns Whether it needs `mg/day high` and `dose note`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { doseShape } from "#lib/report/dose_cells.ts";
 * const one = { dose: { lo: 75, hi: 75 }, doseWords: null, route: null, frequency: null };
 * assert.deepEqual(doseShape([one]), { ranges: false, notes: false });
 * assert.deepEqual(doseShape([one, { ...one, dose: null }]), { ranges: false, notes: true });
 * assert.deepEqual(doseShape([{ ...one, dose: { lo: 10, hi: 25 } }]), { ranges: true, notes: false });
 * ```
 */
export function doseShape(doses: readonly DoseEntry[]): DoseShape {
  return {
    ranges: doses.some((d) => !("note" in d) && d.dose !== null && d.dose.hi !== d.dose.lo),
    notes: doses.some((d) => noteOf(d) !== null),
  };
}

/**
 * The dose columns of one row (see the module's documentation).
 *
 * @param d The row's dose, or what it has instead.
 * @param shape The table's optional columns (`doseShape` of all its rows).
 * @returns The cells `mg/day`, and `mg/day high` and `dose note` where the shape has them.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { doseCells } from "#lib/report/dose_cells.ts";
 * const t = { dose: null, doseWords: null, route: null, frequency: null };
 * const all = { ranges: true, notes: true };
 * assert.deepEqual(doseCells(t, all), {
 *   "mg/day": null, "mg/day high": null, "dose note": "dose not stated",
 * });
 * assert.deepEqual(doseCells({ ...t, dose: { lo: 10, hi: 25 } }, all), {
 *   "mg/day": 10, "mg/day high": 25, "dose note": null,
 * });
 * assert.deepEqual(doseCells({ note: "all doses" }, { ranges: false, notes: true }), {
 *   "mg/day": null, "dose note": "all doses",
 * });
 * ```
 */
export function doseCells(d: DoseEntry, shape: DoseShape): Row {
  const dose = "note" in d ? null : d.dose;
  return {
    "mg/day": dose === null ? null : dose.lo,
    ...(shape.ranges
      ? { "mg/day high": dose === null || dose.hi === dose.lo ? null : dose.hi }
      : {}),
    ...(shape.notes ? { "dose note": noteOf(d) } : {}),
  };
}
