/**
 * zod schemas of each article's claims and appraisal (`data/articles/<source_id>/`) and of the
 * checklists they are judged against (`data/reference/`): the single source of truth for their
 * columns, the loader's checks and their entries in `data/datapackage.json`. Like the data
 * tables' schemas (`schema.ts`), each takes the raw CSV cells and returns typed values.
 *
 * @module
 */
import { z } from "zod";
import { tableSchemas } from "./schema.ts";
import { evidenceTables } from "./reference_schema.ts";

const cases = tableSchemas.cases.schema.shape;
const times = tableSchemas.timepoints.schema.shape;
const treatments = tableSchemas.treatments.schema.shape;
const sources = tableSchemas.sources.schema.shape;

/** Required text (trimmed). */
const text = () => times.words.clone();
/** Optional text: empty is `null`. */
const optText = () => sources.doi.clone();
/** An identifier ([A-Za-z0-9_-]+). */
const ident = () => cases.case_id.clone();
/** A closed set of words, or empty (`null`). */
const optOneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.union([
    z.literal("").transform(() => null),
    z.string().transform((s) => s.trim()).pipe(
      z.enum(values, { message: `must be empty or one of: ${values.join(", ")}` }),
    ),
  ]);
/** A positive whole number. */
const itemNumber = () =>
  z.string().transform((s) => s.trim()).pipe(
    z.string().regex(/^[1-9][0-9]*$/, { message: "must be a whole number from 1" }),
  ).transform(Number).pipe(z.number().min(1)).meta({ type: "integer" });
/** Words separated by `;` (an empty cell: none). */
const list = () =>
  z.string().transform((s) => s.split(";").map((x) => x.trim()).filter((x) => x !== ""));

/** The verdicts a checklist item can have. */
export const ITEM_VERDICTS = ["yes", "partly", "no", "unclear", "not applicable"] as const;

/** What a computed checklist item is judged from (`lib/appraisal/mod.ts` computes each). */
export const COMPUTED_BASES = [
  "measurement",
  "demographics",
  "clinical",
  "outcomes",
  "timeline",
  "interventions",
] as const;

/** One row of `articles/<source_id>/claims.csv`: a claim of the article about its patients. */
const claimSchema = z.object({
  claim_id: ident().meta({ description: "Short identifier of the claim, unique in its article." }),
  cases: z.string().transform((s, ctx): string[] | "all" => {
    const t = s.trim();
    if (t === "all") return "all";
    const ids = t.split(";").map((x) => x.trim());
    if (t === "" || ids.some((x) => !/^[A-Za-z0-9_-]+$/.test(x))) {
      ctx.issues.push({
        code: "custom",
        input: s,
        message: "must be 'all' or case ids separated by ';' (e.g. 1;3)",
      });
      return z.NEVER;
    }
    return ids;
  }).meta({
    type: "string",
    description: "The cases it is about: case ids of this article separated by ';', or 'all' " +
      "for every case of the article.",
  }),
  where: text().meta({ description: "Where in the article (Abstract, Case report 2, ...)." }),
  quote: text().meta({ description: "The claim, quoted from the article's text." }),
  drug: z.union([z.literal("").transform(() => null), treatments.drug.clone()]).meta({
    description: "Generic name of the drug the claim is about (its start is day 0 for the " +
      "rule); empty for a rule that judges no drug (data/README.md).",
  }),
  rule: text().meta({ description: "Name of the rule that judges it (data/README.md)." }),
  params: z.string().transform((s, ctx): unknown => {
    if (s.trim() === "") return {};
    try {
      return JSON.parse(s);
    } catch (e) {
      ctx.issues.push({
        code: "custom",
        input: s,
        message: `not a JSON object: ${e instanceof Error ? e.message : String(e)}`,
      });
      return z.NEVER;
    }
  }).meta({
    description: "The rule's parameters as a JSON object, e.g. " +
      '{"min_percent": 50, "within_days": 6}; empty for none.',
  }),
  rule_text: text().meta({
    description: "How the verdict is decided, in words (shown beside it).",
  }),
});

/** One row of `articles/<source_id>/appraisal.csv`: the judgement of one checklist item. */
const appraisalSchema = z.object({
  checklist: ident().meta({ description: "Checklist (reference/checklists.csv), e.g. JBI." }),
  item: itemNumber().meta({ description: "Item number in the checklist." }),
  verdict: optOneOf(ITEM_VERDICTS).meta({
    description: "The verdict; empty when it is computed from the dataset (computed).",
  }),
  computed: optOneOf(COMPUTED_BASES).meta({
    description: "The computation that decides the verdict from the article's cases, if any " +
      "(a stated verdict takes precedence; its facts are shown either way).",
  }),
  note: text().meta({ description: "The judgement in words." }),
  absent: list().meta({
    description: "Terms whose absence from the article's text is part of the basis, separated " +
      "by ';' (checked: none may occur in the text, ignoring case).",
  }),
});

/** One row of `articles/<source_id>/appraisal-quotes.csv`: a passage an appraisal rests on. */
const appraisalQuoteSchema = z.object({
  about: ident().meta({
    description: "A checklist (reference/checklists.csv), or 'selection' for a passage on how " +
      "the cases were selected (shown under the design's limits).",
  }),
  item: z.union([z.literal("").transform(() => null), itemNumber()]).meta({
    description: "The checklist item it supports; empty for 'selection'.",
  }),
  quote: text().meta({ description: "The passage, quoted from the article's text." }),
});

/** One row of `reference/checklists.csv`: an appraisal or reporting checklist. */
const checklistSchema = z.object({
  checklist: ident().meta({ description: "Short name used in appraisal files (e.g. JBI)." }),
  title: text().meta({ description: "Its title." }),
  citation: text().meta({ description: "The publication that defines it." }),
  doi: optText().meta({ description: "DOI of that publication." }),
});

/** One row of `reference/checklist-items.csv`: an item of a checklist. */
const checklistItemSchema = z.object({
  checklist: ident().meta({ description: "Checklist (reference/checklists.csv)." }),
  item: itemNumber().meta({ description: "Item number, from 1 in order." }),
  text: text().meta({ description: "The item's question or topic." }),
});

/** The files of an article's folder and of the reference folder: file, title, schema, key. */
export const articleTables = {
  claims: {
    file: "claims.csv",
    title: "Claims of the article about its patients",
    schema: claimSchema,
    key: ["claim_id"],
  },
  appraisal: {
    file: "appraisal.csv",
    title: "Appraisal of the article: one row per checklist item judged",
    schema: appraisalSchema,
    key: ["checklist", "item"],
  },
  appraisalQuotes: {
    file: "appraisal-quotes.csv",
    title: "Passages of the article its appraisal rests on",
    schema: appraisalQuoteSchema,
    key: [] as string[],
  },
} as const;

/**
 * The reference tables (not per article): the checklists and their items, and the labelled doses
 * and natural-history figures (`reference_schema.ts`).
 */
export const referenceTables = {
  ...evidenceTables,
  checklists: {
    file: "reference/checklists.csv",
    title: "Appraisal and reporting checklists",
    schema: checklistSchema,
    key: ["checklist"],
  },
  checklistItems: {
    file: "reference/checklist-items.csv",
    title: "Items of each checklist",
    schema: checklistItemSchema,
    key: ["checklist", "item"],
  },
} as const;

/** The folder of each article's claims and appraisal, relative to the data folder. */
export const ARTICLES_DIR = "articles";

type Out<S extends z.ZodType> = z.output<S>;
/** Row type of `claims.csv`. */
export type ClaimRow = Out<typeof claimSchema>;
/** Row type of `appraisal.csv`. */
export type AppraisalRow = Out<typeof appraisalSchema>;
/** Row type of `appraisal-quotes.csv`. */
export type AppraisalQuoteRow = Out<typeof appraisalQuoteSchema>;
/** Row type of `reference/checklists.csv`. */
export type ChecklistRow = Out<typeof checklistSchema>;
/** Row type of `reference/checklist-items.csv`. */
export type ChecklistItemRow = Out<typeof checklistItemSchema>;
