/**
 * What a figure is: its SVG, a sentence for text/plain, and the values it draws. Types only, apart
 * from the modules that build (`compose.ts`) and render (`render.ts`) figures, so that each can
 * name the type without importing the other.
 *
 * @module
 */

/**
 * One row of a figure's source data: one drawn mark (column → value). Figures use the columns
 * `panel`, `series`, `mark`, `x`, `x_lo`, `x_hi`, `y`, `y_lo`, `y_hi`, `label` where they apply
 * (an interval's bounds only where it is drawn; ±Infinity for a bound the data leave open). On a
 * time axis `x` is where the mark is drawn (its drawn position, `narrative.ts`), not the time
 * point's nominal day, and `x_lo`, `x_hi` the days its words allow (its brackets).
 */
export type DataRow = Record<string, string | number | boolean | null>;

/**
 * A finished figure: its SVG element, a one-sentence description for text/plain, and the values
 * it draws (its source data, written beside it as `<name>.csv`).
 */
export interface Figure {
  /** The standalone `<svg>` (with `xmlns`); its `width` and `height` are in CSS px. */
  svg: Element;
  /** One sentence saying what the figure shows. */
  description: string;
  /** Exactly the values drawn, one row per drawn mark. */
  data: DataRow[];
}
