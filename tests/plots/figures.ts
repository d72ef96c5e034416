/**
 * Test helper: every registered figure (`FIGURES`, `lib/plots/mod.ts`) drawn on every input a
 * dataset gives (real data, the synthetic fixture appended, or hand-made odd cases), at
 * single-column and full width. A figure added to the registry is drawn here with no edit; a new
 * kind of input is a new case of {@link figureInputs} (the type check asks for it).
 *
 * @module
 */
import * as lib from "../../lib/mod.ts";
import * as plots from "../../lib/plots/mod.ts";

/** A named figure. */
export interface NamedFigure {
  /** Where it comes from: `<tag>/<width>/<its files' stem>`. */
  name: string;
  /** The figure. */
  figure: plots.Figure;
}

/** What the figures are drawn from: a dataset and, when known, its analysis variants. */
export interface FigureData {
  /** The series (odd hand-made cases: a series with no article). */
  series: lib.CaseSeries;
  /** Its variants over the readings of the text (figures that need them are drawn only then). */
  variants?: readonly lib.AnalysisVariant[];
}

/**
 * Every input of one kind a dataset gives: each case, the series, the series with each registered
 * effect-size measure, the variants (when given), each article.
 */
export function figureInputs<N extends plots.FigureNeed>(
  need: N,
  data: FigureData,
): plots.FigureInputs[N][] {
  const { series, variants } = data;
  const all: { [K in plots.FigureNeed]: () => plots.FigureInputs[K][] } = {
    case: () => series.cases,
    series: () => [series],
    measure: () => lib.MEASURES.map((measure) => ({ ...series, measure })),
    variants: () => variants ? [variants] : [],
    article: () => [...series.sources.keys()].map((sourceId) => ({ series, sourceId })),
  };
  return all[need]();
}

/** Every figure one record draws from a dataset at one width. */
function figuresOf<N extends plots.FigureNeed>(
  def: plots.FigureDef<N>,
  data: FigureData,
  prefix: string,
  width: plots.FigureWidth,
): NamedFigure[] {
  return figureInputs(def.needs, data).map((input) => ({
    name: `${prefix}/${def.file(input)}`,
    figure: def.build(input, { width }),
  }));
}

/**
 * Every registered figure of a dataset, at both widths, named `<tag>/<width>/<stem>`. A figure the
 * notebook leaves out (its record's `omission`) is drawn all the same: its builder must cope.
 */
export function allFigures(data: FigureData, tag: string): NamedFigure[] {
  return (["full", "column"] as const).flatMap((width) =>
    plots.FIGURES.flatMap((def) =>
      figuresOf(def as plots.FigureDef, data, `${tag}/${width}`, width)
    )
  );
}
