/**
 * The Frictionless Data Package descriptor of `data/`, generated from the zod schemas so that the
 * two cannot drift (a test compares it with the committed `data/datapackage.json`).
 *
 * @module
 */
import { z } from "zod";
import { readingsTable } from "./readings_schema.ts";
import { type TableName, tableSchemas } from "./schema.ts";
import { studySchema } from "./study.ts";

/** A Frictionless Table Schema field. */
export interface FrictionlessField {
  /** Column name. */
  name: string;
  /** Frictionless type. */
  type: "string" | "number" | "integer";
  /** What the column holds. */
  description: string;
  /** Frictionless constraints. */
  constraints?: Record<string, unknown>;
}

type JsonSchema = {
  type?: string;
  anyOf?: JsonSchema[];
  description?: string;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
};

function field(name: string, js: JsonSchema): FrictionlessField {
  const typed = js.anyOf?.find((x) => x.type) ?? js;
  const optional = js.anyOf?.some((x) => !x.type) || !js.type;
  const constraints: Record<string, unknown> = {};
  if (!optional) constraints.required = true;
  if (typed.enum) constraints.enum = typed.enum;
  if (typed.minimum !== undefined) constraints.minimum = typed.minimum;
  if (typed.maximum !== undefined) constraints.maximum = typed.maximum;
  if (typed.pattern) constraints.pattern = typed.pattern;
  const type = typed.type === "integer" || typed.type === "number" ? typed.type : "string";
  return {
    name,
    type,
    description: js.description ?? "",
    ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
  };
}

/**
 * Builds the Data Package descriptor: one tabular resource per table (the dataset's tables, then
 * the optional `readings.csv` of alternative readings), its fields, primary key and foreign keys
 * to `sources.csv`, `cases.csv` and `timepoints.csv`.
 *
 * @example
 * ```ts
 * import { dataPackage } from "./datapackage.ts";
 * dataPackage().resources.map((r) => r.path);
 * // ["sources.csv", "cases.csv", "timepoints.csv", "treatments.csv", "observations.csv",
 * //  "events.csv", "readings.csv", "study.json"]
 * ```
 */
export function dataPackage() {
  const timeRefs: Record<TableName, string[]> = {
    sources: [],
    cases: [],
    timepoints: ["anchor", "bound"],
    treatments: ["start", "end"],
    observations: ["time"],
    events: ["time"],
  };
  return {
    profile: "data-package",
    name: "phantom-limb-pain-case-reports",
    title: "Phantom limb pain case reports, as stated by their articles",
    description: "Every value the articles in sources.csv state about their patients, each with " +
      "the passage of the article's text (sources/) that states it; times and pain values as " +
      "intervals (rules in README.md).",
    sources: [{
      title: "The articles listed in sources.csv, texts in sources/",
      path: "sources.csv",
    }],
    licenses: [{ name: "CC-BY-4.0", title: "Creative Commons Attribution 4.0" }],
    resources: [
      ...(Object.keys(tableSchemas) as TableName[]).map((name) => {
        const foreignKeys: ForeignKey[] = [
          ...(name === "cases"
            ? [{ fields: "source_id", reference: { resource: "sources", fields: "source_id" } }]
            : []),
          ...(name === "cases" || name === "sources" ? [] : [caseKey]),
          ...timeRefs[name].map(timeKey),
        ];
        return resource(name, tableSchemas[name], foreignKeys);
      }),
      // Optional: the alternative readings the sensitivity analysis applies (lib/readings.ts).
      resource("readings", readingsTable, [
        caseKey,
        ...["time_id", "anchor", "bound"].map(timeKey),
      ]),
      // The study question the analyses answer (lib/study.ts).
      {
        name: "study",
        path: "study.json",
        title: "The study question: drug of interest, indication, direction, baseline, thresholds",
        profile: "data-resource",
        format: "json",
        mediatype: "application/json",
        encoding: "utf-8",
        schema: undefined,
        jsonSchema: z.toJSONSchema(studySchema, { io: "input", unrepresentable: "any" }),
      },
    ],
  };
}

/** A Frictionless foreign key: columns of this table and the columns they refer to. */
export interface ForeignKey {
  /** Column(s) of this table. */
  fields: string | string[];
  /** The resource and column(s) referred to. */
  reference: { resource: string; fields: string | string[] };
}

/** A foreign key to the case of a row. */
const caseKey: ForeignKey = {
  fields: "case_id",
  reference: { resource: "cases", fields: "case_id" },
};

/** A foreign key from a time-point column to the time points of the row's case. */
const timeKey = (col: string): ForeignKey => ({
  fields: ["case_id", col],
  reference: { resource: "timepoints", fields: ["case_id", "time_id"] },
});

/** One tabular resource: a table's file, title, fields (from its zod schema) and keys. */
function resource(
  name: string,
  t: { file: string; title: string; schema: z.ZodObject; key: readonly string[] },
  foreignKeys: ForeignKey[],
) {
  const js = z.toJSONSchema(t.schema, { io: "output", unrepresentable: "any" }) as {
    properties: Record<string, JsonSchema>;
  };
  return {
    name,
    path: t.file,
    title: t.title,
    profile: "tabular-data-resource",
    format: "csv",
    mediatype: "text/csv",
    encoding: "utf-8",
    schema: {
      fields: Object.entries(js.properties).map(([col, s]) => field(col, s)),
      missingValues: [""],
      primaryKey: [...t.key],
      ...(foreignKeys.length > 0 ? { foreignKeys } : {}),
    },
  };
}

/**
 * The descriptor as the bytes of `data/datapackage.json` (two-space JSON, final newline).
 *
 * @example
 * ```ts
 * import { dataPackageJson } from "./datapackage.ts";
 * dataPackageJson().endsWith("}\n"); // true
 * ```
 */
export function dataPackageJson(): string {
  return JSON.stringify(dataPackage(), null, 2) + "\n";
}
