/**
 * zod schemas of the reference tables that do not belong to one article and are not checklists:
 * the labelled dose ranges of drugs (`data/reference/labelled-doses.csv`) and published figures
 * on the natural course of phantom pain (`data/reference/natural-history.csv`). Each value comes
 * with the verbatim words it was read in and the address where they were read; a row whose
 * figure could not be retrieved says `not verified` and has no number. The cross-field checks
 * (a verified row has its numbers, stated by its quote) are in `reference.ts`.
 *
 * @module
 */
import { z } from "zod";
import { tableSchemas } from "./schema.ts";

const times = tableSchemas.timepoints.schema.shape;
const sources = tableSchemas.sources.schema.shape;

/** Required text (trimmed). */
const text = () => times.words.clone();
/** Optional text: empty is `null`. */
const optText = () => sources.doi.clone();

/** Whether a row's figure was read, verbatim, at its source. */
export const REFERENCE_STATUSES = ["verified", "not verified"] as const;

const status = () =>
  z.string().transform((s) => s.trim()).pipe(
    z.enum(REFERENCE_STATUSES, { message: `must be one of: ${REFERENCE_STATUSES.join(", ")}` }),
  ).meta({ description: "verified: read verbatim at `source`; not verified: no number." });

/** An optional number above zero: empty is `null`. */
const optPositive = (description: string) =>
  z.string().transform((s) => s.trim()).pipe(
    z.union([
      z.literal("").transform(() => null),
      z.string().regex(/^[0-9]+(\.[0-9]+)?$/, { message: "must be a number or empty" })
        .transform(Number).pipe(z.number().positive({ message: "must be above 0" })),
    ]),
  ).meta({ description, type: "number" });

/** One row of `reference/labelled-doses.csv`: a drug's labelled daily dose range. */
const labelledDoseSchema = z.object({
  drug: text().meta({ description: "Generic name, as in treatments.csv." }),
  country: text().meta({ description: "Country or region of the label (JP, US, EU...)." }),
  label: text().meta({ description: "The label: package insert or prescribing information." }),
  indication: z.string().transform((s) => s.trim()).meta({
    description: "The labelled indication the range is for (the label's words in brackets); " +
      "empty when no label was read.",
  }),
  population: text().meta({ description: "Who the range is for: adults, elderly..." }),
  status: status(),
  min_mg_per_day: optPositive(
    "Lowest daily dose the label states for the indication (a starting dose included when " +
      "stated as a daily or once-daily dose), mg/day; empty when not verified.",
  ),
  max_mg_per_day: optPositive(
    "Highest daily dose the label states (its ceiling, else the top of its usual range), " +
      "mg/day; empty when not verified.",
  ),
  quote: optText().meta({
    description: "The label's words, verbatim as read at `source` (parts joined by ' … '); " +
      "they state both numbers.",
  }),
  source: optText().meta({ description: "The address where the quote was read." }),
  note: optText().meta({ description: "What the source is; what the range leaves out." }),
});

/** One row of `reference/natural-history.csv`: a published figure on the course of the pain. */
const naturalHistorySchema = z.object({
  study: text().meta({ description: "Short identifier of the study." }),
  citation: text().meta({ description: "The study, as far as the source read names it." }),
  doi: optText().meta({ description: "Its DOI, where read." }),
  design: text().meta({ description: "Design (prospective cohort, meta-analysis...)." }),
  group: text().meta({ description: "The group the figure is about." }),
  n: optPositive("Patients in that group, where stated."),
  time: text().meta({ description: "Time after amputation, in the study's words." }),
  measure: text().meta({ description: "What was measured." }),
  value: optPositive("The figure; empty when not verified."),
  unit: optText().meta({ description: "Its unit: percent, patients, cm..." }),
  status: status(),
  quote: text().meta({ description: "The source's words, verbatim; they state the value." }),
  source: text().meta({ description: "The address where the quote was read." }),
  note: optText().meta({ description: "What the source is; what the figure is not." }),
});

/** The reference files of this module: file, title, schema, key. */
export const evidenceTables = {
  labelledDoses: {
    file: "reference/labelled-doses.csv",
    title: "Labelled daily dose ranges of the drugs given, with the label's words and address",
    schema: labelledDoseSchema,
    key: ["drug", "country", "population"],
  },
  naturalHistory: {
    file: "reference/natural-history.csv",
    title: "Published figures on the natural course of phantom pain, with their words and address",
    schema: naturalHistorySchema,
    key: ["study", "time"],
  },
} as const;

/** Row type of `reference/labelled-doses.csv`. */
export type LabelledDoseRow = z.output<typeof labelledDoseSchema>;
/** Row type of `reference/natural-history.csv`. */
export type NaturalHistoryRow = z.output<typeof naturalHistorySchema>;
