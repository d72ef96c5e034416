/**
 * Shared look of every figure: colour-blind-safe colours (Okabe & Ito), one per drug class and
 * one per case, used the same way everywhere; sizes and font.
 *
 * @module
 */

/** Colour of each drug class (Okabe–Ito palette; grey for the NSAID). */
export const DRUG_CLASS_COLORS: Readonly<Record<string, string>> = {
  SNRI: "#0072B2",
  SSRI: "#E69F00",
  NSAID: "#999999",
  hypnotic: "#CC79A7",
  "benzodiazepine hypnotic": "#CC79A7",
  "atypical antipsychotic": "#F0E442",
};

/** Colour of a drug class, black for one not listed. */
export function drugClassColor(drugClass: string): string {
  return DRUG_CLASS_COLORS[drugClass] ?? "#000000";
}

/** Colour of each case (Okabe–Ito vermillion, sky blue, bluish green, then reddish purple…). */
const CASE_COLORS = ["#D55E00", "#56B4E9", "#009E73", "#CC79A7", "#E69F00", "#0072B2"];

/**
 * Colour of a case by its position in the series.
 *
 * @example
 * ```ts
 * import { caseColor } from "./theme.ts";
 * caseColor(0); // "#D55E00"
 * ```
 */
export function caseColor(index: number): string {
  return CASE_COLORS[index % CASE_COLORS.length];
}

/** Figure sizes and typography. */
export const THEME = {
  width: 760,
  fontFamily: "DejaVu Sans",
  fontSize: 12,
  titleSize: 14,
  marginLeft: 130,
  marginRight: 30,
} as const;
