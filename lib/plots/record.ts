/**
 * The record of a figure: what it is called, what it is drawn from, when it is not drawn, how it
 * is built and which notebook shows it. Each builder module exports its records;
 * `lib/plots/mod.ts` lists them all in `FIGURES`, one line each, which the notebooks (through
 * `showFiguresOf` and `showFigureOf`) and the figure tests read, as the effect sizes' records are
 * read from their registry.
 *
 * @module
 */
import type { Case, CaseSeries } from "../model.ts";
import type { AnalysisVariant } from "../readings.ts";
import { type Measure, POOLED_MEASURES } from "../stats/effect_sizes/mod.ts";
import { wrongArgument } from "../wrong_argument.ts";
import type { Study } from "../study.ts";
import type { Figure } from "./compose.ts";
import type { FigureWidth } from "./theme.ts";

/** A series as a figure takes it: its cases and the study question they are analysed under. */
export interface SeriesInput {
  /** The cases, in series order. */
  cases: readonly Case[];
  /** The study question (`data/study.json`). */
  study: Study;
}

/** What a figure is drawn from, by the kind of input it needs. */
export interface FigureInputs {
  /** One case (drawn once per case). */
  case: Case;
  /** A series. */
  series: SeriesInput;
  /** A series and one effect-size measure (drawn once per measure). */
  measure: SeriesInput & { measure: Measure };
  /** The analysis variants over the readings of the text (`analysisVariants`). */
  variants: readonly AnalysisVariant[];
  /** A whole dataset and one of its articles (drawn once per article). */
  article: { series: CaseSeries; sourceId: string };
}

/** The kinds of input a figure may need: a key of {@link FigureInputs}. */
export type FigureNeed = keyof FigureInputs;

/** Options every registered figure takes. */
export interface FigureDefOptions {
  /** Figure width (default: the builder's). */
  width?: FigureWidth;
}

/** The record of one figure. */
export interface FigureDef<N extends FigureNeed = FigureNeed> {
  /** Its name in the registry (unique), e.g. "forest". */
  name: string;
  /** What it shows, in a line. */
  title: string;
  /** What it is drawn from (see {@link FigureInputs}). */
  needs: N;
  /** The builder it calls (the figure tests check that every builder has a record). */
  builder: (...args: never[]) => Figure;
  /**
   * The notebook that shows it, by its file's name without `.ipynb` (`"10-pooled"`; `"case"`,
   * the template of the case notebooks), optionally with a section (`"10-pooled#effect-sizes"`):
   * that notebook's `showFiguresOf(place, inputs)` shows every record of its place, in the
   * registry's order. Left out: a notebook places it by hand (`showFigureOf(plots.NAME, input)`,
   * with its own narrative or condition). `tests/plots/registry_test.ts` checks that every record
   * is shown one way or the other, and not both.
   */
  notebook?: string;
  /**
   * The fewest cases the study draws it from, where the study says (`min_cases_*` of
   * `data/study.json`); {@link FigureDef.omission} then says why it is not drawn.
   */
  minCases?: (study: Study) => number;
  /**
   * The stem of its files in `results/figures/` (`<stem>.svg`, `.png`, `.csv`).
   *
   * @param input What it is drawn from.
   */
  file(input: FigureInputs[N]): string;
  /**
   * Why it is not drawn from this input (a sentence the notebook shows instead), or `null`
   * (always, for a record that does not say).
   *
   * @param input What it would be drawn from.
   */
  omission(input: FigureInputs[N]): string | null;
  /**
   * Builds it.
   *
   * @param input What it is drawn from.
   * @param options Width.
   */
  build(input: FigureInputs[N], options?: FigureDefOptions): Figure;
}

/** A record as written in its builder's module: `omission` may be left out (never left out). */
export type FigureSpec<N extends FigureNeed> =
  & Omit<FigureDef<N>, "omission">
  & Partial<Pick<FigureDef<N>, "omission">>;

/** A record of any kind of input, narrowed by its `needs`. */
export type AnyFigureDef = { [N in FigureNeed]: FigureDef<N> }[FigureNeed];

/** A place of {@link FigureDef.notebook}: a notebook's file name, then optionally `#section`. */
export const FIGURE_PLACE: RegExp = /^[A-Za-z0-9][A-Za-z0-9_.-]*(#[A-Za-z0-9][A-Za-z0-9_-]*)?$/;

/**
 * Declares a figure's record (frozen), typed by what it needs; without an `omission` it is always
 * drawn. A `notebook` that is not a place (`FIGURE_PLACE`) is refused.
 *
 * @param spec The record.
 * @returns The record, frozen.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries } from "#lib/mod.ts";
 * import { caseTimelineFigure, defineFigure } from "#lib/plots/mod.ts";
 * const def = defineFigure({
 *   name: "case-sketch",
 *   title: "One case's timeline",
 *   needs: "case",
 *   builder: caseTimelineFigure,
 *   file: (c) => `case-${c.id}-sketch`,
 *   build: (c, options) => caseTimelineFigure(c, { ...options }),
 * });
 * const c = (await loadCaseSeries()).cases[0];
 * assert.equal(def.file(c), `case-${c.id}-sketch`);
 * assert.equal(def.omission(c), null);
 * assert.ok(Object.isFrozen(def));
 * ```
 */
export function defineFigure<N extends FigureNeed>(spec: FigureSpec<N>): Readonly<FigureDef<N>> {
  if (spec.notebook !== undefined && !FIGURE_PLACE.test(String(spec.notebook))) {
    wrongArgument(
      `defineFigure (${spec.name})`,
      "a notebook's file name without .ipynb, optionally #section",
      spec.notebook,
    );
  }
  return Object.freeze({ omission: () => null, ...spec });
}

/**
 * What a notebook has to draw its figures from (`showFiguresOf`): the case of a case notebook,
 * the series, the analysis variants; each record takes what its `needs` says.
 */
export interface PlaceInputs {
  /** The case (figures that need a case). */
  case?: Case;
  /** The series (figures that need a series, a measure or an article). */
  series?: CaseSeries;
  /** The analysis variants (figures that need them). */
  variants?: readonly AnalysisVariant[];
}

/** Which of {@link PlaceInputs} each kind of input is drawn from. */
export const PLACE_INPUT: Readonly<Record<FigureNeed, keyof PlaceInputs>> = Object.freeze({
  case: "case",
  series: "series",
  measure: "series",
  variants: "variants",
  article: "series",
});

/**
 * The inputs a record is drawn from in a notebook, in order: the notebook's case; its series;
 * the series with each measure the pooled notebook aggregates (`POOLED_MEASURES`, in the
 * registry's order); the variants; the series with each of its articles (in file order). A
 * record whose input the notebook does not give is refused, naming what to pass.
 *
 * @param def The record.
 * @param inputs What the notebook has.
 * @returns Each input the record is drawn from.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, POOLED_MEASURES } from "#lib/mod.ts";
 * import { CASE_TIMELINE, FOREST, placeInputs } from "#lib/plots/mod.ts";
 * const series = await loadCaseSeries();
 * assert.deepEqual(placeInputs(CASE_TIMELINE, { case: series.cases[0] }), [series.cases[0]]);
 * assert.deepEqual(placeInputs(FOREST, { series }).map((i) => i.measure), POOLED_MEASURES);
 * assert.throws(() => placeInputs(CASE_TIMELINE, { series }), /case/);
 * ```
 */
export function placeInputs<N extends FigureNeed>(
  def: FigureDef<N>,
  inputs: PlaceInputs,
): FigureInputs[N][] {
  const key = PLACE_INPUT[def.needs];
  const given = inputs[key];
  if (given === undefined) {
    wrongArgument(
      `showFiguresOf (figure "${def.name}")`,
      `{ ${key}: … } among the inputs (the figure needs ${def.needs === key ? "a" : "the"} ${key})`,
      inputs,
    );
  }
  const { series, variants } = inputs;
  const all: { [K in FigureNeed]: () => FigureInputs[K][] } = {
    case: () => [inputs.case!],
    series: () => [series!],
    measure: () => POOLED_MEASURES.map((measure) => ({ ...series!, measure })),
    variants: () => [variants!],
    article: () => [...series!.sources.keys()].map((sourceId) => ({ series: series!, sourceId })),
  };
  return all[def.needs]() as FigureInputs[N][];
}
