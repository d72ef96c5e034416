/**
 * The shared look of every figure, designed for print: sizes of a journal page (single column
 * 85 mm, full width 175 mm), type of at least 7 pt at that size, one set of line weights, marker
 * sizes and dash patterns, and colour-blind-safe colours (Okabe & Ito) for drug classes and cases.
 * Lengths are CSS px (96 per inch), so a figure shown at its nominal width is at print size.
 *
 * @module
 */
import { SVG_FONT_FAMILY } from "./fonts.ts";
import { listing } from "../prose.ts";

/** CSS px per millimetre (96 px per inch). */
export const PX_PER_MM = 96 / 25.4;

/** CSS px per typographic point (1/72 inch). */
export const PX_PER_PT = 96 / 72;

/** Figure widths in px: a journal's single column (85 mm) and full page width (175 mm). */
export const PRINT_WIDTH: Readonly<{ column: number; full: number }> = Object.freeze({
  column: Math.round(85 * PX_PER_MM),
  full: Math.round(175 * PX_PER_MM),
});

/** A figure width: one of {@link PRINT_WIDTH}'s names ("full", "column"), or px. */
export type FigureWidth = "full" | "column" | number;
// Each name of FigureWidth has its width (the type is spelled out for `lib.help`, which prints it).
const _widthOfEachName: Readonly<Record<Exclude<FigureWidth, number>, number>> = PRINT_WIDTH;

/**
 * The width in px of a {@link FigureWidth}.
 *
 * @param w "column", "full" or a number of px (at least the single-column width).
 * @returns Width in px.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { figureWidth } from "#lib/plots/mod.ts";
 * assert.equal(figureWidth("full"), 661);
 * ```
 */
export function figureWidth(w: FigureWidth): number {
  if (typeof w === "number") {
    if (!(w >= PRINT_WIDTH.column)) {
      throw new RangeError(`figure width must be ≥ ${PRINT_WIDTH.column} px, got ${w}`);
    }
    return w;
  }
  const px = PRINT_WIDTH[w];
  if (px === undefined) {
    throw new TypeError(`figure width must be "column", "full" or px, got '${w}'`);
  }
  return px;
}

/** Type sizes in px. Nothing is set smaller than `min` (7 pt). */
export const TYPE: Readonly<Record<"min" | "small" | "label" | "title", number>> = Object.freeze({
  /** The smallest size any text may have: 7 pt. */
  min: 7 * PX_PER_PT,
  /** Tick labels, annotations, legends, captions: 7.5 pt. */
  small: 7.5 * PX_PER_PT,
  /** Axis and row labels: 8 pt. */
  label: 8 * PX_PER_PT,
  /** Figure title: 9 pt. */
  title: 9 * PX_PER_PT,
});

/** Line weights in px. */
export const STROKE = Object.freeze({
  /** Axes, gridlines' reference lines, whiskers: 0.75 pt. */
  thin: 0.75 * PX_PER_PT,
  /** Data lines and confidence intervals: 1 pt. */
  data: 1 * PX_PER_PT,
  /** Emphasised intervals (e.g. a range over variants): 3 pt. */
  thick: 3 * PX_PER_PT,
});

/** Marker radius in px (a 2 mm dot). */
export const MARKER_RADIUS = PX_PER_MM;

/** Dash patterns: `open` for an interval the text leaves open or that runs past the axis. */
/**
 * Dash patterns: `open`, a window open-ended or past the axis; `reference`, a reference or phase
 * line; `undated`, a line to or from a value at a time the text does not date (dotted).
 */
export const DASH = Object.freeze({ open: "3,2", reference: "4,3", undated: "2,2" });

/** Thickness of the bar of an exact value stated for a period (px). */
export const SPAN_BAR = 5;

/** Greys: `ink` for data without a colour, `muted` for secondary text, `faint` for rules. */
export const GREY = Object.freeze({ ink: "#222222", muted: "#555555", faint: "#999999" });

/** Shared typography of every figure. */
export const THEME: Readonly<{ fontFamily: string; fontSize: number }> = Object.freeze({
  fontFamily: SVG_FONT_FAMILY,
  fontSize: TYPE.small,
});

/**
 * Colour of each recommended drug class (Okabe–Ito; a grey for the NSAID, #929292, 3.1:1, the lightest grey
 * that reaches 3:1; a dark mustard in place of
 * Okabe–Ito's yellow #F0E442, whose contrast on white, 1.3:1, left its bars hard to see in print:
 * #A89400 has 3:1, the least WCAG asks of a graphic's parts (non-text contrast, WCAG 2.1 SC
 * 1.4.11); a violet, #A048F8 (4.4:1), in place of Okabe–Ito's orange #E69F00 (2.25:1) for the
 * SSRI: an orange dark enough for 3:1 falls between the mustard and the vermillion, and under
 * protanopia and deuteranopia looks like them, while the violet stays at least 28 CIELAB units
 * from every other class colour and case colour in normal, protan, deutan and tritan vision
 * (Machado et al. 2009 simulation); and a magenta, #E848E0 (3.3:1), in place of Okabe–Ito's sky
 * blue #56B4E9 (2.3:1) for the gabapentinoid, the hue left at least 19 units from every other
 * colour in the four kinds of vision. A class not listed gets a fallback colour from
 * {@link FALLBACK_COLORS}; see {@link drugClassColors}.
 */
export const DRUG_CLASS_COLORS: Readonly<Record<string, string>> = Object.freeze({
  SNRI: "#0072B2",
  SSRI: "#A048F8",
  NSAID: "#929292",
  hypnotic: "#CC79A7",
  "benzodiazepine hypnotic": "#CC79A7",
  "atypical antipsychotic": "#A89400",
  "tricyclic antidepressant": "#009E73",
  gabapentinoid: "#E848E0",
  opioid: "#D55E00",
});

/**
 * Colours for drug classes without an entry in {@link DRUG_CLASS_COLORS}, none of which is used
 * there (Paul Tol's light scheme: light, so that no class colour looks like a case colour),
 * handed out in order of first appearance in a figure.
 */
export const FALLBACK_COLORS: readonly string[] = Object.freeze([
  "#EE8866",
  "#EEDD88",
  "#FFAABB",
  "#99DDFF",
  "#44BB99",
  "#BBCC33",
  "#AAAA00",
  "#DDDDDD",
]);

/** The colour of a drug class in one figure. */
export interface ClassColor {
  /** The class. */
  drugClass: string;
  /** Its colour. */
  color: string;
  /** True when the class has no colour of its own and got a fallback (the legend says so). */
  fallback: boolean;
}

/**
 * Colours of the drug classes of one figure: the palette's where it has one, otherwise fallback
 * colours in order of first appearance (after 8 unlisted classes in one figure they repeat).
 *
 * @param classes Drug classes in order of appearance (duplicates ignored).
 * @returns One entry per distinct class, in order.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { drugClassColors } from "#lib/plots/mod.ts";
 * assert.deepEqual(drugClassColors(["SNRI", "a new class"]).map((c) => c.fallback), [false, true]);
 * ```
 */
export function drugClassColors(classes: readonly string[]): ClassColor[] {
  let next = 0;
  return [...new Set(classes)].map((drugClass) => {
    const own = DRUG_CLASS_COLORS[drugClass];
    if (own) return { drugClass, color: own, fallback: false };
    const color = FALLBACK_COLORS[next++ % FALLBACK_COLORS.length];
    return { drugClass, color, fallback: true };
  });
}

/**
 * Legend entries of drug classes: one per colour, naming every class drawn in it (two classes
 * that share a colour are one key, not two swatches of the same colour); a class drawn in a
 * fallback colour says that the colour holds in this figure only (fallback colours go by order of
 * appearance, so another figure may give the same colour to another class), not that it has none.
 * A class whose name is another class of its colour with a qualifier before it ("benzodiazepine
 * hypnotic" beside "hypnotic", compared ignoring case) is named as included in that one, not
 * beside it as if a second class: "hypnotic (incl. benzodiazepine)"; classes of one colour whose
 * names do not contain one another are listed, as "SNRI, SSRI".
 *
 * @param classes The classes of a figure with their colours.
 * @returns `{ label, color }` per colour, in order of first appearance.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { classLegend, drugClassColors } from "#lib/plots/mod.ts";
 * const l = classLegend(drugClassColors(["benzodiazepine hypnotic", "hypnotic"]));
 * assert.deepEqual(l.map((i) => i.label), ["hypnotic (incl. benzodiazepine)"]);
 * // Unrelated names sharing a colour are listed.
 * const shared = classLegend([
 *   { drugClass: "a", color: "#000000", fallback: false },
 *   { drugClass: "b", color: "#000000", fallback: false },
 * ]);
 * assert.deepEqual(shared.map((i) => i.label), ["a, b"]);
 * ```
 */
export function classLegend(
  classes: readonly ClassColor[],
): { label: string; color: string }[] {
  const byColor = new Map<string, ClassColor[]>();
  for (const k of classes) byColor.set(k.color, [...(byColor.get(k.color) ?? []), k]);
  return [...byColor].map(([color, group]) => ({ label: colorLabel(group), color }));
}

/**
 * The legend label of the classes drawn in one colour ({@link classLegend}): each class not
 * qualifying another, with the qualifiers of those that do ("hypnotic (incl. benzodiazepine)"),
 * and "(colour of this figure only)" after a fallback colour's.
 */
function colorLabel(group: readonly ClassColor[]): string {
  const lower = (k: ClassColor) => k.drugClass.toLowerCase();
  // The shortest class of the colour that a class's name ends with, after a qualifier and a space.
  const baseOf = (k: ClassColor) =>
    group.filter((b) => lower(k).endsWith(` ${lower(b)}`) && lower(b).trim() !== "")
      .sort((a, b) => a.drugClass.length - b.drugClass.length)[0];
  const qualifiers = new Map<ClassColor, string[]>();
  for (const k of group) {
    const base = baseOf(k);
    if (!base) continue;
    const qualifier = k.drugClass.slice(0, k.drugClass.length - base.drugClass.length).trim();
    qualifiers.set(base, [...(qualifiers.get(base) ?? []), qualifier]);
  }
  return group.filter((k) => !baseOf(k)).map((k) => {
    const incl = qualifiers.get(k);
    const name = incl ? `${k.drugClass} (incl. ${listing(incl)})` : k.drugClass;
    return k.fallback ? `${name} (colour of this figure only)` : name;
  }).join(", ");
}

/**
 * Colour of each case: dark colours (Paul Tol's dark scheme, then black), none of them near a
 * drug-class colour ({@link DRUG_CLASS_COLORS}, {@link FALLBACK_COLORS}), so that a case is never
 * read as a drug class; the same case has the same colour in every figure of a series.
 */
export const CASE_COLORS: readonly string[] = Object.freeze([
  "#222255",
  "#663333",
  "#225522",
  "#666633",
  "#225555",
  "#555555",
  "#000000",
]);

/**
 * Colour of a case by its position in the series (repeats after seven cases; figures label cases
 * by name, never by colour alone).
 *
 * @param index Position of the case.
 * @returns A colour.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { caseColor, DRUG_CLASS_COLORS } from "#lib/plots/mod.ts";
 * assert.ok(!Object.values(DRUG_CLASS_COLORS).includes(caseColor(0)), "not a class colour");
 * ```
 */
export function caseColor(index: number): string {
  return CASE_COLORS[((index % CASE_COLORS.length) + CASE_COLORS.length) % CASE_COLORS.length];
}
