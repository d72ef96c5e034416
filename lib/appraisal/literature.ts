/**
 * Figures from the literature that the appraisal cites, as data: each with its study. The same
 * entries, in prose, are in `docs/literature.md` (a test checks each figure is stated there), and
 * each percentage is a verified value of `data/reference/natural-history.csv`, with its quote and
 * the address where it was read (a test checks that too); analyses that have the series use the
 * data file itself (`appraisal/natural_history.ts`).
 *
 * @module
 */

/** A figure from a published study. */
export interface LiteratureFigure {
  /** Short key. */
  id: string;
  /** Short citation, as in `docs/literature.md`. */
  cite: string;
  /** DOI of the study. */
  doi: string;
  /** What the study found, with its numbers, as stated in `docs/literature.md`. */
  figure: string;
  /** The kind of study behind the figure (design, size), said beside it. */
  caveat: string;
}

/**
 * The natural course of phantom limb pain: prevalences after amputation.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { NATURAL_COURSE } from "#lib/mod.ts";
 * assert.deepEqual(NATURAL_COURSE.map((f) => f.cite), ["Jensen et al. 1985", "Limakatso et al. 2020"]);
 * ```
 */
export const NATURAL_COURSE: readonly LiteratureFigure[] = [
  {
    id: "jensen-1985",
    cite: "Jensen et al. 1985",
    doi: "10.1016/0304-3959(85)90090-9",
    figure: "phantom pain in 72% at 8 days, 65% at 6 months and 59% at 2 years",
    caveat: "prospective, n = 58",
  },
  {
    id: "limakatso-2020",
    cite: "Limakatso et al. 2020",
    doi: "10.1371/journal.pone.0240431",
    figure: "pooled prevalence 64% (95% CI 60.01–68.05)",
    caveat: "a meta-analysis of prevalence, with high heterogeneity",
  },
];
