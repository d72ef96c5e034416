/**
 * zod schemas of the four data tables: the single source of truth for their columns, the
 * TypeScript row types and the Frictionless `data/datapackage.json` (see {@link tableSchemas}).
 *
 * Every schema takes the raw CSV cells (strings) and returns typed values; a cell that does not
 * parse yields a zod issue whose path is the column name.
 *
 * @module
 */
import { z } from "zod";
import { SCALE_IDS } from "./scales.ts";

/** Parses a number cell; rejects empty cells, `NaN` and anything `Number()` would coerce. */
function numberCell(opts: { infinite?: boolean; derived?: boolean } = {}) {
  return z.string().transform((s, ctx): number => {
    const t = s.trim();
    if (opts.infinite && (t === "Inf" || t === "-Inf")) return t === "Inf" ? Infinity : -Infinity;
    if (!/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) {
      ctx.issues.push({
        code: "custom",
        input: s,
        message: t === ""
          ? opts.derived
            ? "empty cell where a derived day is required: `deno task fill-days` writes it from " +
              "the time point's rule"
            : "empty cell where a number is required"
          : `not a number: '${s}'${
            opts.infinite ? " (use Inf or -Inf for an unstated bound)" : ""
          }`,
      });
      return z.NEVER;
    }
    return Number(t);
  });
}

/** A number that may be infinite (an unstated bound), described to JSON Schema as a number. */
const extendedNumber = () =>
  z.custom<number>((v) => typeof v === "number" && !Number.isNaN(v)).meta({ type: "number" });

/** Required number cell, piped into `out` for range checks. */
const num = <T extends z.ZodType<number, number>>(out: T) => numberCell().pipe(out);

/**
 * Optional number cell: an empty cell is `null`. A cell that is neither gets the number's message
 * (`not a number: 'two'`), not the union's "Invalid input".
 */
const optNum = <T extends z.ZodType<number, number>>(out: T) =>
  z.union([z.literal("").transform(() => null), numberCell().pipe(out)], {
    error: (iss) => iss.code === "invalid_union" ? iss.errors.at(-1)?.[0]?.message : undefined,
  });

/** Required text cell (surrounding white space trimmed). */
const text = () =>
  z.string().transform((s) => s.trim()).pipe(
    z.string().min(1, { message: "empty cell where text is required" }),
  );

/** Optional text cell: an empty cell is `null`. */
const optText = () => z.string().transform((s) => (s.trim() === "" ? null : s.trim()));

/** A closed set of words. */
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.string().transform((s) => s.trim()).pipe(
    z.enum(values, { message: `must be one of: ${values.join(", ")}` }),
  );

/** Optional closed set: an empty cell is `null`. */
const optOneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.literal("").transform(() => null), oneOf(values)]);

/** An identifier: letters, digits, `_` and `-`. */
const ident = () =>
  z.string().transform((s) => s.trim()).pipe(
    z.string().regex(/^[A-Za-z0-9_-]+$/, { message: "must be an identifier ([A-Za-z0-9_-]+)" }),
  );

const optIdent = () => z.union([z.literal("").transform(() => null), ident()]);

/** Rules that turn the text's words into time intervals (see `lib/intervals.ts`). */
export const TIME_RULE_NAMES = [
  "origin",
  "exact",
  "approx",
  "within",
  "exact-before",
  "approx-before",
  "within-before",
  "after",
  "before",
] as const;
/** Units of time named in the text. */
export const TIME_UNIT_NAMES = ["day", "week", "month", "year"] as const;
/** Rules that turn the text's words into value intervals. */
export const VALUE_RULE_NAMES = ["exact", "range", "category", "no-pain"] as const;

/** Lower-case words: an open vocabulary whose recommended terms are listed in `data/README.md`. */
const term = (what: string) =>
  z.string().transform((s) => s.trim()).pipe(
    z.string().regex(/^[a-z0-9][a-z0-9 ,;:()'/-]*$/, {
      message: `must be a ${what} in lower case (recommended terms: data/README.md)`,
    }),
  );

/** Optional lower-case words (an open vocabulary): an empty cell is `null`. */
const optTerm = (what: string) => z.union([z.literal("").transform(() => null), term(what)]);

/** One row of `data/sources.csv`: a published article whose text is kept in the repository. */
const sourceSchema = z.object({
  source_id: ident().meta({
    description: "Identifier of the article (first author and year, e.g. smith-2020).",
  }),
  citation: text().meta({ description: "Full citation: authors, title, journal, year, pages." }),
  doi: optText().meta({ description: "DOI, without https://doi.org/; empty if none." }),
  pmid: optText().meta({ description: "PubMed id, where known; else empty." }),
  licence: text().meta({ description: "Licence of the article's text." }),
  text_path: z.string().transform((s) => s.trim()).pipe(
    z.string().regex(/^sources\/[A-Za-z0-9_-]+\.txt$/, {
      message: "must be sources/<source_id>.txt",
    }),
  ).meta({ description: "Path of the extracted text, relative to data/: sources/<id>.txt." }),
});

/** One row of `data/cases.csv`: a patient. */
const caseSchema = z.object({
  case_id: ident().meta({
    description: "Case identifier, unique across the dataset (the article's number if unique).",
  }),
  source_id: ident().meta({ description: "source_id (sources.csv) of the article reporting it." }),
  age: num(z.number().int().min(0).max(120)).meta({ description: "Age in years." }),
  sex: oneOf(["male", "female"] as const).meta({ description: "Sex." }),
  limb: oneOf(["upper", "lower"] as const).meta({ description: "Upper or lower limb." }),
  side: oneOf(["left", "right"] as const).meta({ description: "Side of the amputation." }),
  level: text().meta({ description: "Level of amputation, in the article's words." }),
  cause: text().meta({ description: "Cause of the limb loss." }),
  sds: optNum(z.number().int().min(20).max(80)).meta({
    description: "Zung Self-rating Depression Scale score (20-80); empty where not reported.",
  }),
  diagnosis_age: optNum(z.number().int().min(0).max(120)).meta({
    description: "Age in years at diagnosis of the disease that led to the amputation, if stated.",
  }),
  day0: text().meta({ description: "What day 0 is for this case." }),
  demographics_quote: text().meta({ description: "Passage stating age and sex." }),
  cause_quote: text().meta({ description: "Passage stating the cause." }),
  amputation_quote: text().meta({ description: "Passage stating side, level and limb." }),
  sds_quote: optText().meta({ description: "Passage stating the SDS score; empty if none." }),
  diagnosis_quote: optText().meta({ description: "Passage stating diagnosis_age; else empty." }),
});

/**
 * The message for a negative `amount`: an amount is how far a time point is from its anchor,
 * never a sign; a time before its anchor is said by a rule counted back (data/README.md, "Times").
 */
const negativeAmount = (iss: { input?: unknown }): string =>
  `amount '${iss.input}' is negative: amount is how far the time point is from its anchor, a ` +
  `number of units at or above 0; for a time before its anchor, give how far before (${
    typeof iss.input === "number" ? -iss.input : "its size"
  }) with a rule counted back: ` +
  `${COUNTED_BACK_NAMES.slice(0, -1).join(", ")} or ${COUNTED_BACK_NAMES.at(-1)} ` +
  `(data/README.md, "Times")`;

/** The time rules counted back from their anchor (their names end in `-before`). */
const COUNTED_BACK_NAMES = TIME_RULE_NAMES.filter((r) => r.endsWith("-before"));

/** One row of `data/timepoints.csv`: a moment of a case's history, derived from the words. */
const timepointSchema = z.object({
  case_id: ident().meta({ description: "Case the time point belongs to." }),
  time_id: ident().meta({ description: "Identifier of the time point, unique within the case." }),
  rule: oneOf(TIME_RULE_NAMES).meta({
    description: 'Rule turning the words into an interval (data/README.md, "Times"): ' +
      "origin; exact, approx, within: amount units after the anchor; exact-before, " +
      "approx-before, within-before: amount units before it; after, before: placed by the " +
      "narrative only.",
  }),
  anchor: optIdent().meta({ description: "time_id this point is measured from (origin: empty)." }),
  bound: optIdent().meta({
    description: "Rule 'after' only: time_id of a later point that bounds this one; else empty.",
  }),
  amount: optNum(z.number().min(0, { error: negativeAmount })).meta({
    description: "Number of units stated, if any (counted back from the anchor by the rules " +
      "ending in -before).",
  }),
  unit: optOneOf(TIME_UNIT_NAMES).meta({
    description: "Unit of the amount (day, week, month, year).",
  }),
  day_lo: numberCell({ infinite: true, derived: true }).pipe(extendedNumber()).meta({
    description: "Derived: earliest day (days since day 0); -Inf when unbounded.",
  }),
  day_nominal: numberCell({ derived: true }).pipe(z.number()).meta({
    description: "Derived: nominal day.",
  }),
  day_hi: numberCell({ infinite: true, derived: true }).pipe(extendedNumber()).meta({
    description: "Derived: latest day; Inf when unbounded.",
  }),
  words: text().meta({ description: "The text's words for this moment." }),
  quote: text().meta({ description: "Shortest passage of the source stating it." }),
});

/**
 * An optional dose cell (mg/day): a positive number, or empty when the text states no dose. A
 * cell that is neither gets one human message naming what is expected (`what`).
 */
const doseNumberCell = (what: string) =>
  z.string().transform((s, ctx): number | null => {
    const t = s.trim();
    if (t === "") return null;
    const n = /^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t) ? Number(t) : NaN;
    if (n > 0 && Number.isFinite(n)) return n;
    // A range typed in one cell ("25-50", "25–50 mg"): say where its ends go.
    const range =
      /^(\d+(?:\.\d+)?)\s*[-\u2010-\u2014~]\s*(\d+(?:\.\d+)?)\s*(?:mg(?:\/d(?:ay)?)?)?$/i
        .exec(t);
    const hint = range
      ? `; a range goes in two cells: its lower end ${range[1]} in dose_mg_per_day, its upper ` +
        `end ${range[2]} in dose_hi_mg_per_day`
      : "";
    ctx.issues.push({ code: "custom", input: s, message: `${what} (got '${s}')${hint}` });
    return z.NEVER;
  }).pipe(z.union([z.number().positive(), z.custom<null>((v) => v === null)]));

/** One row of `data/treatments.csv`: one drug at one dose for one period. */
const treatmentSchema = z.object({
  case_id: ident().meta({ description: "Case." }),
  drug: z.string().transform((s) => s.trim()).pipe(
    z.string().regex(/^[a-z][a-z -]*$/, { message: "must be a generic name in lower case" }),
  ).meta({ description: "Generic drug name, lower case." }),
  drug_class: text().meta({ description: "Pharmacological class (see data/README.md)." }),
  dose_mg_per_day: doseNumberCell(
    "dose must be a positive number of mg/day, or empty when the text states none",
  ).meta({
    description: "Dose in mg/day as the text states it; for a stated range ('25–50 mg/day') its " +
      "lower end; empty when the text states no dose in mg/day (not stated: never 0).",
  }),
  dose_hi_mg_per_day: doseNumberCell(
    "dose_hi_mg_per_day must be a positive number of mg/day (the upper end of a stated range), " +
      "or empty when the dose is one value",
  ).meta({
    description: "Upper end of a stated dose range in mg/day ('25–50 mg/day': 50), above " +
      "dose_mg_per_day; empty for a single dose or none.",
  }),
  dose_words: optText().meta({
    description: "The text's words for the dose where they say more than the number (a range, a " +
      "dose in another unit such as '25 µg/h' with dose_mg_per_day empty); words of the quote.",
  }),
  route: optTerm("route").meta({
    description: "Route in words, lower case (oral, intravenous, transdermal...), if stated.",
  }),
  frequency: optText().meta({
    description: "Frequency in the text's words ('twice daily', 'at bedtime'), if stated.",
  }),
  start: ident().meta({ description: "time_id of the start of this dose period." }),
  end: optIdent().meta({ description: "time_id of its end; empty when not stated." }),
  purpose: term("purpose").meta({
    description: "What it was given for, lower case (recommended terms: data/README.md).",
  }),
  outcome: optText().meta({ description: "The outcome the text states, in its words." }),
  quote: text().meta({ description: "Shortest passage of the source stating drug and dose." }),
});

/** One row of `data/observations.csv`: one pain value the text states, on its scale. */
const observationSchema = z.object({
  case_id: ident().meta({ description: "Case." }),
  time: ident().meta({ description: "time_id of the moment the value refers to." }),
  scale: oneOf(SCALE_IDS as unknown as readonly [string, ...string[]]).meta({
    description: "The pain scale it was rated on (terms and ranges: data/README.md).",
  }),
  value_lo: num(z.number()).meta({
    description: "Lower bound of the value, in the scale's own units (within its range).",
  }),
  value_nominal: num(z.number()).meta({ description: "Nominal value, in the scale's units." }),
  value_hi: num(z.number()).meta({
    description: "Upper bound of the value, in the scale's units.",
  }),
  value_rule: oneOf(VALUE_RULE_NAMES).meta({ description: "Rule turning the words into values." }),
  value_words: text().meta({ description: "The text's words for the value." }),
  note: optText().meta({ description: "What the value describes, where it is not a rating." }),
  period_start: optIdent().meta({
    description: "When the value describes a period (an average, a usual level) rather than one " +
      "rating: time_id where the period starts; else empty.",
  }),
  period_end: optIdent().meta({
    description: "time_id where that period ends; empty when it is open or not a period.",
  }),
  quote: text().meta({ description: "Shortest passage of the source stating it." }),
});

/** One row of `data/events.csv`: an event of a case's history. */
const eventSchema = z.object({
  case_id: ident().meta({ description: "Case." }),
  kind: term("kind of event").meta({
    description: "Kind of event, lower case (recommended terms: data/README.md); " +
      "every case needs at least one 'amputation', one per amputation (with several, the " +
      "'phantom pain onset' is dated from the one the pain follows).",
  }),
  time: ident().meta({ description: "time_id of the event." }),
  description: text().meta({ description: "What happened, briefly." }),
  quote: text().meta({ description: "Shortest passage of the source stating it." }),
});

/** Row type of `sources.csv`. */
export type SourceRow = RowOf<"sources">;
/** Row type of `cases.csv`. */
export type CaseRow = RowOf<"cases">;
/** Row type of `timepoints.csv`. */
export type TimepointRow = RowOf<"timepoints">;
/** Row type of `treatments.csv`. */
export type TreatmentRow = RowOf<"treatments">;
/** Row type of `observations.csv`. */
export type ObservationRow = RowOf<"observations">;
/** Row type of `events.csv`. */
export type EventRow = RowOf<"events">;

/** The tables of the dataset: file name, title, row schema, and the columns forming its key. */
export const tableSchemas = {
  sources: {
    file: "sources.csv",
    title: "Sources (published articles)",
    schema: sourceSchema,
    key: ["source_id"],
  },
  cases: { file: "cases.csv", title: "Cases", schema: caseSchema, key: ["case_id"] },
  timepoints: {
    file: "timepoints.csv",
    title: "Time points",
    schema: timepointSchema,
    key: ["case_id", "time_id"],
  },
  treatments: {
    file: "treatments.csv",
    title: "Treatments (one row per drug and dose period)",
    schema: treatmentSchema,
    key: ["case_id", "drug", "start"],
  },
  observations: {
    file: "observations.csv",
    title: "Pain observations (one value on its scale)",
    schema: observationSchema,
    key: ["case_id", "time"],
  },
  events: {
    file: "events.csv",
    title: "Events",
    schema: eventSchema,
    key: ["case_id", "kind", "time"],
  },
} as const;

/** Name of a table of the dataset. */
export type TableName = keyof typeof tableSchemas;

/**
 * The typed row a table's schema returns (the schema's output type, read through the Standard
 * Schema interface zod implements, so that the row types come from the schemas alone).
 */
export type RowOf<N extends TableName> = NonNullable<
  (typeof tableSchemas)[N]["schema"]["~standard"]["types"]
>["output"];

/**
 * The column names of a table, in schema (and file) order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { columnsOf } from "#lib/mod.ts";
 * assert.deepEqual(columnsOf("events"), ["case_id", "kind", "time", "description", "quote"]);
 * ```
 */
export function columnsOf(table: TableName): string[] {
  return Object.keys(tableSchemas[table].schema.shape);
}
