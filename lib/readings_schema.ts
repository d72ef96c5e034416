/**
 * The schema of `data/readings.csv` (alternative readings of the text, see `readings.ts`): a
 * time-point row as another reading gives it, without the derived days, with the reading's name
 * and words. Kept apart from `readings.ts` so that the loader, which checks the file, and the
 * Data Package descriptor can use it without importing what applies the readings.
 *
 * @module
 */
import { z } from "zod";
import { tableSchemas } from "./schema.ts";

const TimepointRow = tableSchemas.timepoints.schema;

/** One row of `data/readings.csv`: a time-point row as another reading of the text gives it. */
const readingSchema = z.object({
  reading: TimepointRow.shape.time_id.meta({ description: "Name of the reading." }),
  choice: TimepointRow.shape.words.meta({ description: "The reading, in words." }),
  ...TimepointRow.omit({ day_lo: true, day_nominal: true, day_hi: true }).shape,
});

/** The file of alternative readings, relative to the data folder. */
export const READINGS_FILE = "readings.csv";

/**
 * The readings table: its file, title, the schema of its rows and the columns forming its key.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { readingsTable } from "#lib/mod.ts";
 * assert.equal(Object.keys(readingsTable.schema.shape)[0], "reading");
 * ```
 */
export const readingsTable = {
  file: READINGS_FILE,
  title: "Alternative readings (time-point rows as another reading of the text gives them)",
  schema: readingSchema,
  key: ["reading", "case_id", "time_id"],
} as const;

/** Row type of `readings.csv` (the schema's output type). */
export type ReadingRow = NonNullable<
  (typeof readingsTable)["schema"]["~standard"]["types"]
>["output"];

/** An alternative reading (grouped rows of `readings.csv`): its name, what it says, and the rows it replaces. */
export interface Reading {
  /** Name (the `reading` column). */
  name: string;
  /** The reading in words. */
  choice: string;
  /** The line of its first row in `readings.csv`. */
  line: number;
  /** The time-point rows it gives, replacing those of the same case and time id. */
  rows: ReadingRow[];
  /** The line of each of its rows in `readings.csv` (same order as `rows`). */
  lines: number[];
}
