/**
 * Reads the reference tables of `reference_schema.ts` (labelled dose ranges, the ages of the
 * populations they are for, published figures on the natural course) with the loader's reader,
 * and checks what a row schema cannot: a row `verified` has its numbers, each stated by its quote
 * (`source.ts`, the same number matching as the case tables), and an address; a row `not
 * verified` has no number; no key twice; a population's ages are stated by its quote, and, when
 * `populations.csv` is present, every labelled range's population is one of it. The files are
 * optional: without them, the analyses say that no labelled dose, no age rule or no figure is
 * recorded.
 *
 * @module
 */
import type { z } from "zod";
import type { IssueSink, RowHandler } from "./csv.ts";
import { quoteStatesValue } from "./source.ts";
import { doseCellsProblems } from "./stated_doses.ts";
import {
  evidenceTables,
  type LabelledDoseRow,
  type NaturalHistoryRow,
  type PopulationRow,
} from "./reference_schema.ts";

/** A drug's labelled daily dose range (a row of `reference/labelled-doses.csv`). */
export interface LabelledDose {
  /** Generic name, as in `treatments.csv`. */
  drug: string;
  /** Country or region of the label. */
  country: string;
  /** The label. */
  label: string;
  /** The labelled indication (empty when no label was read). */
  indication: string;
  /** Who the range is for. */
  population: string;
  /** Whether the range was read, verbatim, at its source. */
  status: "verified" | "not verified";
  /** Lowest labelled daily dose (mg/day), `null` when not verified. */
  min_mg_per_day: number | null;
  /** Highest labelled daily dose (mg/day), `null` when not verified. */
  max_mg_per_day: number | null;
  /** The label's words, verbatim. */
  quote: string | null;
  /** The address where they were read. */
  source: string | null;
  /** What the source is; what the range leaves out. */
  note: string | null;
}

/**
 * The ages a label's population covers (a row of `reference/populations.csv`): the one rule that
 * turns a label's word (adults, elderly) into ages, with the words it was read in.
 */
export interface Population {
  /** The word, as `LabelledDose.population` starts with it. */
  population: string;
  /** Youngest age in it (years). */
  min_age: number;
  /** Oldest age in it (years), `null`: no upper limit. */
  max_age: number | null;
  /** The definition's words, verbatim. */
  quote: string;
  /** The address where they were read. */
  source: string;
  /** Whose definition it is; why it is used. */
  note: string | null;
}

/**
 * The population word of a labelled range: its `population` without the label's own word in
 * brackets ("elderly (高齢者)" → "elderly").
 *
 * @param population The `population` cell.
 * @returns The word that `reference/populations.csv` defines.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { populationWord } from "#lib/reference.ts";
 * assert.equal(populationWord("elderly (高齢者)"), "elderly");
 * assert.equal(populationWord("adults"), "adults");
 * ```
 */
export function populationWord(population: string): string {
  return population.replace(/\s*\(.*$/, "").trim();
}

/** A published figure on the natural course of the pain (`reference/natural-history.csv`). */
export interface NaturalHistoryFigure {
  /** Short identifier of the study. */
  study: string;
  /** The study. */
  citation: string;
  /** Its DOI, where read. */
  doi: string | null;
  /** Its design. */
  design: string;
  /** The group the figure is about. */
  group: string;
  /** Patients in that group, where stated. */
  n: number | null;
  /** Time after amputation, in the study's words. */
  time: string;
  /** What was measured. */
  measure: string;
  /** The figure, `null` when not verified. */
  value: number | null;
  /** Its unit (percent, patients...). */
  unit: string | null;
  /** Whether it was read, verbatim, at its source. */
  status: "verified" | "not verified";
  /** The source's words, verbatim. */
  quote: string;
  /** The address where they were read. */
  source: string;
  /** What the source is; what the figure is not. */
  note: string | null;
}

/** The reference figures read. */
export interface Evidence {
  /** Labelled dose ranges, in file order (empty without the file). */
  labelledDoses: readonly LabelledDose[];
  /** The ages of the populations the ranges are for, in file order (empty without the file). */
  populations: readonly Population[];
  /** Figures on the natural course, in file order (empty without the file). */
  naturalHistory: readonly NaturalHistoryFigure[];
}

/** What {@link readEvidence} needs of the loader. */
export interface EvidenceContext {
  /** The data folder, with a final `/`. */
  dir: string;
  /** Streams one file of the folder through a row schema. */
  read: <T>(file: string, schema: z.ZodObject, onRow: RowHandler<T>) => boolean;
  /** Whether a file exists. */
  exists: (path: string) => boolean;
  /** Where problems go. */
  issues: IssueSink;
}

/**
 * Reads and checks the labelled doses and the natural-history figures, when present.
 *
 * @param ctx The loader's reader.
 * @returns What was read (rows with a problem are left out; the problems are in `ctx.issues`).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * // The loader calls it: a verified figure has its value, an unverified one none.
 * for (const f of s.articles?.naturalHistory ?? []) {
 *   assert.equal(f.value === null, f.status === "not verified");
 * }
 * ```
 */
export function readEvidence(ctx: EvidenceContext): Evidence {
  const populations = readPopulations(ctx);
  return {
    labelledDoses: readDoses(ctx, populations?.words ?? null),
    populations: populations?.rows ?? [],
    naturalHistory: readFigures(ctx),
  };
}

/** Pushes the problems of one row; returns whether there were none. */
function report(ctx: EvidenceContext, file: string, row: number, problems: [string, string][]) {
  for (const [column, message] of problems) ctx.issues.push({ file, row, column, message });
  return problems.length === 0;
}

/** A verified row's address: an http(s) URL. */
const badAddress = (s: string | null) => s === null || !/^https?:\/\/\S+$/.test(s);

/**
 * The populations, and every word the file defines (a row with a problem included, so that its
 * ranges are not reported twice); `null` without the file (then no range's population is checked).
 */
function readPopulations(
  ctx: EvidenceContext,
): { rows: Population[]; words: ReadonlySet<string> } | null {
  const t = evidenceTables.populations;
  if (!ctx.exists(`${ctx.dir}${t.file}`)) return null;
  const out: Population[] = [];
  const keys = new Set<string>();
  ctx.read<PopulationRow>(t.file, t.schema, (row, r) => {
    if (r === null) return;
    const p: [string, string][] = [];
    if (keys.has(r.population)) p.push(["population", `duplicate ${r.population}`]);
    keys.add(r.population);
    if (populationWord(r.population) !== r.population) {
      p.push([
        "population",
        "must be a word without brackets (the label's word stays in labelled-doses.csv)",
      ]);
    }
    for (const c of ["min_age", "max_age"] as const) {
      const v = r[c];
      const bad = v === null ? null : quoteStatesValue(r.quote, v, c);
      if (bad) p.push(["quote", bad]);
    }
    if (r.max_age !== null && r.max_age < r.min_age) p.push(["max_age", "is below min_age"]);
    if (badAddress(r.source)) p.push(["source", "needs the http(s) address where it was read"]);
    if (report(ctx, t.file, row, p)) out.push(r);
  });
  return { rows: out, words: keys };
}

function readDoses(ctx: EvidenceContext, populations: ReadonlySet<string> | null): LabelledDose[] {
  const t = evidenceTables.labelledDoses;
  if (!ctx.exists(`${ctx.dir}${t.file}`)) return [];
  const out: LabelledDose[] = [];
  const keys = new Set<string>();
  ctx.read<LabelledDoseRow>(t.file, t.schema, (row, r) => {
    if (r === null) return;
    const p: [string, string][] = [];
    const key = `${r.drug}\u0000${r.country}\u0000${r.population}`;
    if (keys.has(key)) p.push(["drug", `duplicate ${r.drug}, ${r.country}, ${r.population}`]);
    keys.add(key);
    const word = populationWord(r.population);
    if (populations !== null && !populations.has(word)) {
      p.push([
        "population",
        `'${word}' is not a population of ${evidenceTables.populations.file} (${
          [...populations].join(", ") || "none"
        })`,
      ]);
    }
    if (r.status === "verified") {
      for (const c of ["min_mg_per_day", "max_mg_per_day"] as const) {
        if (r[c] === null) p.push([c, "a verified row needs its dose"]);
      }
      if (r.quote !== null) {
        const doses = doseCellsProblems(
          r.quote,
          { column: "min_mg_per_day", value: r.min_mg_per_day },
          { column: "max_mg_per_day", value: r.max_mg_per_day },
        );
        for (const { column, message } of doses) p.push([column, message]);
      }
      if (r.min_mg_per_day !== null && r.max_mg_per_day !== null) {
        if (r.min_mg_per_day > r.max_mg_per_day) {
          p.push(["max_mg_per_day", "is below min_mg_per_day"]);
        }
      }
      if (r.quote === null) p.push(["quote", "a verified row needs the label's words"]);
      if (r.indication === "") p.push(["indication", "a verified row needs its indication"]);
      if (badAddress(r.source)) p.push(["source", "a verified row needs the http(s) address read"]);
    } else {
      for (const c of ["min_mg_per_day", "max_mg_per_day"] as const) {
        if (r[c] !== null) p.push([c, "a row not verified has no dose (unknown stays unknown)"]);
      }
    }
    if (report(ctx, t.file, row, p)) out.push(r);
  });
  return out;
}

function readFigures(ctx: EvidenceContext): NaturalHistoryFigure[] {
  const t = evidenceTables.naturalHistory;
  if (!ctx.exists(`${ctx.dir}${t.file}`)) return [];
  const out: NaturalHistoryFigure[] = [];
  const keys = new Set<string>();
  ctx.read<NaturalHistoryRow>(t.file, t.schema, (row, r) => {
    if (r === null) return;
    const p: [string, string][] = [];
    const key = `${r.study}\u0000${r.time}`;
    if (keys.has(key)) p.push(["time", `duplicate ${r.study} at ${r.time}`]);
    keys.add(key);
    if (r.status === "verified") {
      if (r.value === null) p.push(["value", "a verified row needs its value"]);
      else {
        const bad = quoteStatesValue(r.quote, r.value, "value");
        if (bad) p.push(["quote", bad]);
      }
      if (r.unit === null) p.push(["unit", "a verified value needs its unit"]);
    } else if (r.value !== null) {
      p.push(["value", "a row not verified has no value (unknown stays unknown)"]);
    }
    if (badAddress(r.source)) p.push(["source", "needs the http(s) address where it was read"]);
    if (report(ctx, t.file, row, p)) out.push(r);
  });
  return out;
}
