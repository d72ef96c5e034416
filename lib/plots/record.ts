/**
 * The record of a figure: what it is called, what it is drawn from, when it is not drawn, and how
 * it is built. Each builder module exports its records; `lib/plots/mod.ts` lists them all in
 * `FIGURES`, one line each, which the notebooks (through `showFigureOf`) and the figure tests
 * read, as the effect sizes' records are read from their registry.
 *
 * @module
 */
import type { Case, CaseSeries } from "../model.ts";
import type { AnalysisVariant } from "../readings.ts";
import type { Measure } from "../stats/effect_sizes/mod.ts";
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

/**
 * Declares a figure's record (frozen), typed by what it needs; without an `omission` it is always
 * drawn.
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
  return Object.freeze({ omission: () => null, ...spec });
}
