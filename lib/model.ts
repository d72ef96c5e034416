/**
 * The case series as the analyses see it: types only (and the order of days). The loader
 * (`load.ts`) builds these from the tables; every other module imports them from here.
 *
 * @module
 */
import type { NominalInterval, TimeRule } from "./intervals.ts";
import type { Scale } from "./scales.ts";
import type { Study } from "./study.ts";
import type { Articles } from "./articles.ts";
import type { Reading } from "./readings_schema.ts";
import { compareText } from "./text_order.ts";

/** A cell of a data table as its schema parses it: text, a number, or `null` when empty. */
export type CellValue = string | number | boolean | null;

/**
 * The columns of an object's table row that no named field carries, by column name, each with
 * its parsed cell (`null` when empty): a column added to a table's schema (`lib/schema.ts`) and
 * its file reaches the analyses here with no other edit (`o.columns.assessor ?? null`). Frozen,
 * and shared by the rows with the same values (see `lib/data/columns.ts`).
 */
export type Columns = Readonly<Record<string, CellValue>>;

/** A time, in days since the case's day 0, as an interval with a nominal day. */
export interface Day extends NominalInterval {
  /** The `time_id` in `timepoints.csv` this day comes from. */
  timeId: string;
  /** Length of the time point's anchor chain (origin 0). */
  depth: number;
  /**
   * Narrative order: the row order of the time point within its case in `timepoints.csv` (0 for
   * its first row), which is the order the text narrates them. Breaks ties of nominal day.
   */
  order: number;
}

/**
 * Chronological order of days of one case: nominal day, then the order of the narrative (a point
 * narrated before another on the same nominal day stays before it), then time id.
 *
 * @param a A day.
 * @param b Another day of the same case.
 * @returns Negative when `a` comes first, positive when `b` does, 0 for the same point.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { compareDays } from "#lib/mod.ts";
 * const a = { lo: 0, hi: 0, nominal: 0, timeId: "a", depth: 0, order: 0 };
 * assert.ok(compareDays(a, { ...a, nominal: 1 }) < 0);
 * assert.ok(compareDays(a, { ...a, timeId: "b", order: 1 }) < 0); // narrated later
 * assert.equal(compareDays(a, a), 0);
 * ```
 */
export function compareDays(a: Day, b: Day): number {
  return a.nominal - b.nominal || a.order - b.order || compareText(a.timeId, b.timeId);
}

/** A time point of a case, derived from the text's words by its rule. */
export interface Timepoint {
  /** Identifier, unique within the case. */
  id: string;
  /** The rule that derived it. */
  rule: TimeRule;
  /** The time point it is measured from (`null` for the origin). */
  anchor: string | null;
  /** For rule `after`: the later time point that bounds it. */
  bound: string | null;
  /** The day it falls on. */
  day: Day;
  /** Offset from the anchor (for `after` with a bound: `[0, bound.hi - anchor.lo]`). */
  offset: NominalInterval;
  /** Length of its anchor chain (origin 0). */
  depth: number;
  /** Narrative order: its row order within its case in `timepoints.csv` (see {@link Day}). */
  order: number;
  /** The text's words. */
  words: string;
  /** The passage stating it. */
  quote: string;
  /** The columns of its row no field above carries (see {@link Columns}). */
  columns: Columns;
}

/**
 * A dose the text states, in mg/day: one value (`lo === hi`) or a stated range ("25–50 mg/day":
 * `lo` 25, `hi` 50). A dose the text does not state is no `Dose` (`null`), never 0.
 */
export interface Dose {
  /** The stated dose, or the lower end of a stated range (mg/day, > 0). */
  lo: number;
  /** The stated dose, or the upper end of a stated range (mg/day, > `lo` for a range). */
  hi: number;
}

/** One drug at one dose over one period. */
export interface Treatment {
  /** Generic name, lower case. */
  drug: string;
  /** Pharmacological class. */
  drugClass: string;
  /** Dose in mg/day; `null` when the text states none in mg/day (see `doseWords`). */
  dose: Dose | null;
  /** The text's words for the dose, when given (e.g. a dose in another unit: "25 µg/h"). */
  doseWords: string | null;
  /** Route in words (oral, intravenous, transdermal...), when the text gives it. */
  route: string | null;
  /** Frequency in words ("twice daily", "at bedtime"), when the text gives it. */
  frequency: string | null;
  /** Start of the period. */
  start: Day;
  /** End of the period; `null` when the text does not say. */
  end: Day | null;
  /** What it was given for (recommended terms in `data/README.md`; open vocabulary). */
  purpose: string;
  /** The outcome the text states, if any. */
  outcome: string | null;
  /** The passage stating it. */
  quote: string;
  /** The columns of its row no field above carries (see {@link Columns}). */
  columns: Columns;
}

/**
 * The period a value describes when it is not one rating (an average over weeks, a usual level).
 */
export interface ObservationSpan {
  /** When the period starts. */
  start: Day;
  /** When it ends; `null` when the text leaves it open. */
  end: Day | null;
}

/** A pain value the text states, on its scale and on the common 0–10 metric. */
export interface Observation {
  /** When. */
  day: Day;
  /** The scale it was rated on (`scale` in `observations.csv`). */
  scale: Scale;
  /** The value on the scale's own units, as an interval with its nominal value. */
  value: NominalInterval;
  /**
   * The value on the common 0–10 metric (higher is worse; `lib/scales.ts`), which every analysis
   * uses: for a 10 cm VAS the value in cm itself.
   */
  common: NominalInterval;
  /** The text's words for the value. */
  words: string;
  /** What the value describes, where it is not a single rating (e.g. an average). */
  note: string | null;
  /** The period the value describes, when it describes one (`period_start`, `period_end`). */
  span: ObservationSpan | null;
  /** The passage stating it. */
  quote: string;
  /** The columns of its row no field above carries (see {@link Columns}). */
  columns: Columns;
}

/** An event of a case's history. */
export interface CaseEvent {
  /** Kind of event (amputation, phantom pain onset, transfer to psychiatry, recurrence...). */
  kind: string;
  /** When. */
  day: Day;
  /** What happened. */
  description: string;
  /** The passage stating it. */
  quote: string;
  /** The columns of its row no field above carries (see {@link Columns}). */
  columns: Columns;
}

/** One patient with everything the text states about them. */
export interface Case {
  /** Case identifier, unique across the dataset (the article's number where it has one). */
  id: string;
  /** The `source_id` of the article that reports the case (a key of {@link CaseSeries.sources}). */
  sourceId: string;
  /** Age in years. */
  age: number;
  /** Sex. */
  sex: "male" | "female";
  /** Zung SDS score, `null` where not reported. */
  sds: number | null;
  /** Upper or lower limb. */
  limb: "upper" | "lower";
  /** Side of the amputation. */
  side: "left" | "right";
  /** Level of amputation in the article's words. */
  level: string;
  /** Cause of the limb loss. */
  cause: string;
  /** What day 0 is. */
  day0: string;
  /**
   * The amputation the phantom pain follows (one of `events` of kind `amputation`): the only one,
   * or, with several, the one the phantom pain onset is dated from. "Days from amputation" count
   * from it; day 0 (the origin time point) stays the day the limb was lost.
   */
  amputation: CaseEvent;
  /** Dose periods, in order of nominal start. */
  treatments: Treatment[];
  /** Pain values, in order of nominal day. */
  observations: Observation[];
  /** Events, in order of nominal day. */
  events: CaseEvent[];
  /** Every time point, in derivation order (an anchor before the points measured from it). */
  timepoints: Timepoint[];
  /** The study question the case is analysed under (`data/study.json`; the series' own). */
  study: Study;
  /** The columns of its row no field above carries (see {@link Columns}). */
  columns: Columns;
}

/** A published article the cases come from, with its text kept in the repository. */
export interface Source {
  /** Identifier (`source_id` in `data/sources.csv`). */
  id: string;
  /** Full citation. */
  citation: string;
  /** DOI, `null` when it has none. */
  doi: string | null;
  /** PubMed id, `null` where not known. */
  pmid: string | null;
  /** Licence of the text (e.g. "CC BY 3.0"). */
  licence: string;
  /** Path of its extracted text, relative to the data folder (`sources/<id>.txt`). */
  textPath: string;
  /** The columns of its row no field above carries (see {@link Columns}). */
  columns: Columns;
}

/** The whole dataset. */
export interface CaseSeries {
  /** The study question (`data/study.json`). */
  study: Study;
  /** The articles, by `source_id`, in file order. */
  sources: Map<string, Source>;
  /** The cases, in file order. */
  cases: Case[];
  /**
   * Each article's claims and appraisal, and the checklists (`data/articles/`, `reference/`):
   * always set by the loader; a series built by hand without it has none recorded.
   */
  articles?: Articles;
  /**
   * The alternative readings of the text (`readings.csv`, read once by the loader; none when the
   * folder has no such file): always set by the loader.
   */
  readings?: Reading[];
}
