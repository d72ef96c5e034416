/**
 * The article this project re-analyses: its only primary source.
 *
 * @module
 */
import { fileURLToPath } from "node:url";

/**
 * Bibliographic record of Nagoshi et al. 2012.
 *
 * @example
 * ```ts
 * import { SOURCE } from "./source.ts";
 * SOURCE.doi; // "10.2147/NDT.S37431"
 * ```
 */
export const SOURCE = {
  citation: "Nagoshi Y, Watanabe A, Inoue S, Kuroda T, Nakamura M, Matsumoto Y, Fukui K. " +
    "Usefulness of milnacipran in treating phantom limb pain. " +
    "Neuropsychiatric Disease and Treatment 2012;8:549-553.",
  doi: "10.2147/NDT.S37431",
  pmid: "23185119",
} as const;

/** Path of the source text, `../shared/source/` beside the repository. */
export const SOURCE_TEXT_PATH: string = fileURLToPath(
  new URL("../../shared/source/nagoshi-2012-milnacipran-phantom-limb-pain.txt", import.meta.url),
);

/**
 * Normalises text extracted from the PDF so that quotes can be found in it: joins words split by
 * a line-break hyphen ("par-\n\noxetine" → "paroxetine") and folds every run of white space into
 * one space. Apply it to both the source and the quote.
 *
 * @example
 * ```ts
 * import { normalizeSourceText } from "./source.ts";
 * normalizeSourceText("the dose of par-\n\noxetine was  increased"); // "the dose of paroxetine was increased"
 * ```
 */
export function normalizeSourceText(text: string): string {
  return text.replace(/-[ \t]*\r?\n\s*/g, "").replace(/\s+/g, " ").trim();
}
