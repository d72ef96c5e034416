/**
 * The pain scales an observation can be recorded on, each with its range, direction, labels and
 * its documented rule to the common 0–10 metric that pooled analyses use.
 *
 * Values in `data/observations.csv` are on the instrument's own units (`scale` column); the loader
 * converts each to the common metric once, with {@link toCommon}, and the analyses work on that.
 * The common metric is 0–10, higher is worse pain:
 *
 * - a 10 cm VAS in cm and a 0–10 NRS in points are taken as they are; a 100 mm VAS is divided by
 *   10. Pooling a VAS with an NRS assumes a centimetre of VAS and a point of NRS are the same
 *   amount of pain: they correlate closely but are not interchangeable (Hjermstad MJ et al., J Pain
 *   Symptom Manage 2011;41:1073–1093), so every pooled table says which scales it mixes.
 * - a 4-point verbal rating scale (none, mild, moderate, severe; coded 0–3) maps each category
 *   to the 0–10 band of the cut-points of Serlin RC et al. (Pain 1995;61:277–284): none 0,
 *   mild 1–4, moderate 5–6, severe 7–10, as an interval whose nominal value is the band's middle.
 *
 * How values are described, in figures, tables and prose alike, is one rule ({@link scaleLabel}):
 * values all on one scale that maps onto the common metric by a factor alone are given in that
 * scale's numbers and unit (a 100 mm VAS in mm: {@link described}), others on the common metric,
 * said so ({@link ON_COMMON_METRIC}).
 *
 * To add a scale: one entry in {@link SCALES} (and its term in `data/README.md`).
 *
 * @module
 */
import { formatInterval, formatNumber, type NominalInterval } from "./intervals.ts";
import { formatStated } from "./stated_digits.ts";

/** A pain scale: its range in its own units and how its values map to the common 0–10 metric. */
export interface Scale {
  /** The term used in the `scale` column of `observations.csv`. */
  id: string;
  /** Short name for figures and tables ("VAS", "NRS", "VRS"). */
  name: string;
  /** Unit of a value in words ("cm", "mm", "points", "category"); "" when none is printed. */
  unit: string;
  /** Axis label in figures, with its unit. */
  label: string;
  /** Lowest value on the instrument. */
  min: number;
  /** Highest value on the instrument. */
  max: number;
  /** Whether only whole numbers exist on it (an NRS, a category). */
  integer: boolean;
  /** Direction of worse pain on the instrument. */
  worse: "higher" | "lower";
  /** Words for its values, where they are categories (index = value). */
  categories: readonly string[] | null;
  /** How a value maps to the common metric (documented in the module doc and data/README.md). */
  rule: string;
  /** Whether a value is the same number on the common metric (a 10 cm VAS, a 0–10 NRS). */
  identity: boolean;
  /** Maps one value on the instrument to an interval on the common 0–10 metric. */
  common: (value: number) => NominalInterval;
}

const same = (v: number): NominalInterval => ({ lo: v, nominal: v, hi: v });

/** Serlin et al. 1995 bands on 0–10 for none, mild, moderate, severe. */
const VRS_BANDS: readonly NominalInterval[] = [
  { lo: 0, nominal: 0, hi: 0 },
  { lo: 1, nominal: 2.5, hi: 4 },
  { lo: 5, nominal: 5.5, hi: 6 },
  { lo: 7, nominal: 8.5, hi: 10 },
];

/** The scales known to the loader, by the term of the `scale` column. */
export const SCALES: Readonly<Record<string, Scale>> = Object.freeze({
  "vas-10cm": {
    id: "vas-10cm",
    name: "VAS",
    unit: "cm",
    label: "Pain VAS (cm)",
    min: 0,
    max: 10,
    integer: false,
    worse: "higher",
    categories: null,
    rule: "taken as it is (cm)",
    identity: true,
    common: same,
  },
  "vas-100mm": {
    id: "vas-100mm",
    name: "VAS",
    unit: "mm",
    label: "Pain VAS (mm)",
    min: 0,
    max: 100,
    integer: false,
    worse: "higher",
    categories: null,
    rule: "divided by 10 (mm to cm)",
    identity: false,
    common: (v) => same(v / 10),
  },
  "nrs-0-10": {
    id: "nrs-0-10",
    name: "NRS",
    unit: "points",
    label: "Pain NRS (0–10)",
    min: 0,
    max: 10,
    integer: true,
    worse: "higher",
    categories: null,
    rule: "taken as it is (a point of NRS as a cm of VAS; Hjermstad et al. 2011)",
    identity: true,
    common: same,
  },
  "vrs-4": {
    id: "vrs-4",
    name: "VRS",
    unit: "category",
    label: "Pain VRS (none–severe)",
    min: 0,
    max: 3,
    integer: true,
    worse: "higher",
    categories: ["none", "mild", "moderate", "severe"],
    rule: "none 0, mild 1–4, moderate 5–6, severe 7–10 (Serlin et al. 1995)",
    identity: false,
    common: (v) => VRS_BANDS[v],
  },
});

/** Units of length: a scale in them is named by its length ("10 cm"). */
const LENGTH_UNITS: ReadonlySet<string> = new Set(["mm", "cm"]);

/**
 * A scale as prose names it for a reader (never its id, a term of the data): its length and unit
 * before its name where its unit is a length ("the 10 cm VAS", "the 100 mm VAS"), its range where
 * its values are numbers ("the 0–10 NRS"), its ends where they are words ("the VRS (none–severe)").
 *
 * @param s The scale.
 * @returns The name, with "the".
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { SCALES, scaleTitle } from "#lib/mod.ts";
 * assert.equal(scaleTitle(SCALES["vas-10cm"]), "the 10 cm VAS");
 * assert.equal(scaleTitle(SCALES["vas-100mm"]), "the 100 mm VAS");
 * assert.equal(scaleTitle(SCALES["nrs-0-10"]), "the 0–10 NRS");
 * assert.equal(scaleTitle(SCALES["vrs-4"]), "the VRS (none–severe)");
 * ```
 */
export function scaleTitle(s: Scale): string {
  const { name, unit, min, max, categories } = s;
  if (categories) return `the ${name} (${categories[0]}–${categories.at(-1)})`;
  return LENGTH_UNITS.has(unit) && min === 0
    ? `the ${formatNumber(max)} ${unit} ${name}`
    : `the ${formatNumber(min)}–${formatNumber(max)} ${name}`;
}

/** The terms of the `scale` column, in the order of {@link SCALES}. */
export const SCALE_IDS: readonly string[] = Object.freeze(Object.keys(SCALES));

/** The common metric every scale maps to (0–10, higher is worse), for pooled figures and tables. */
export const COMMON_METRIC: Readonly<
  { name: string; unit: string; label: string; min: number; max: number }
> = Object.freeze({
  name: "pain",
  unit: "points",
  label: "Pain, common 0–10 metric",
  min: 0,
  max: 10,
});

/**
 * The scale of a term, or an error naming the terms that exist.
 *
 * @param id A term of the `scale` column.
 * @returns The scale.
 * @throws {RangeError} When no scale has that term.
 * @example
 * ```ts
 * import { scaleOf } from "#lib/mod.ts";
 * if (scaleOf("vas-100mm").max !== 100) throw new Error("a 100 mm VAS ends at 100");
 * ```
 */
export function scaleOf(id: string): Scale {
  const s = Object.hasOwn(SCALES, id) ? SCALES[id] : undefined;
  if (s === undefined) {
    throw new RangeError(`unknown scale '${id}'; the scales are ${SCALE_IDS.join(", ")}`);
  }
  return s;
}

/**
 * Maps an interval of values on a scale to the common 0–10 metric (lower bound of the lower end,
 * upper bound of the upper end, nominal value of the nominal one).
 *
 * @param scale The scale the values are on.
 * @param v The values, as an interval with a nominal value, on the scale's own units.
 * @returns The interval on the common metric.
 * @example
 * ```ts
 * import { SCALES, toCommon } from "#lib/mod.ts";
 * const c = toCommon(SCALES["vas-100mm"], { lo: 30, nominal: 35, hi: 40 });
 * if (c.lo !== 3 || c.nominal !== 3.5 || c.hi !== 4) throw new Error("mm are tenths of cm");
 * const v = toCommon(SCALES["vrs-4"], { lo: 1, nominal: 1, hi: 2 });
 * if (v.lo !== 1 || v.hi !== 6) throw new Error("mild to moderate spans 1–6");
 * ```
 */
export function toCommon(scale: Scale, v: NominalInterval): NominalInterval {
  const lo = scale.common(v.lo);
  const hi = scale.common(v.hi);
  const nominal = scale.common(v.nominal);
  return { lo: lo.lo, nominal: nominal.nominal, hi: hi.hi };
}

/**
 * How a set of values is described (axes, legends, column headers, tables and prose): the one
 * rule every figure, table and sentence follows. Values on one scale that maps onto the common
 * 0–10 metric by a factor alone (0 to 0, its maximum to 10, higher worse, no categories: a 10 cm
 * VAS, a 0–10 NRS, a 100 mm VAS) are described on that scale, in its own numbers and unit; values
 * on several scales, or on a scale of categories (or none), on the common 0–10 metric, and the
 * text says so ({@link ValueScale.metric}).
 */
export interface ValueScale {
  /** Short name for legends, captions and prose ("VAS", "NRS", "pain"). */
  name: string;
  /** Unit of a described number ("cm", "mm", "points"). */
  unit: string;
  /** Axis label with its unit. */
  label: string;
  /** Lowest value of the domain, on the common metric. */
  min: number;
  /** Highest value of the domain, on the common metric. */
  max: number;
  /** Whether the values are described on their own scale (else on the common metric). */
  own: boolean;
  /** What a value of the common metric is multiplied by to be described (10 for mm; else 1). */
  factor: number;
  /** "" on the values' own scale; "on the common 0–10 metric" otherwise, for prose to say so. */
  metric: string;
}

/** What prose adds to a number on the common metric when the values are not on their own scale. */
export const ON_COMMON_METRIC = "on the common 0–10 metric";

/**
 * The factor from the common metric to a scale's own numbers when the scale maps onto it by that
 * factor alone (0 to 0, its maximum to 10, higher worse, no categories); else `null`.
 */
function linearFactor(s: Scale): number | null {
  if (s.categories !== null || s.worse !== "higher" || s.min !== 0 || !(s.max > 0)) return null;
  for (const v of [s.max / 4, s.max / 2, s.max]) {
    const c = s.common(v);
    if (c.lo !== c.hi || Math.abs(c.nominal * s.max / 10 - v) > 1e-9) return null;
  }
  return s.max / 10;
}

/**
 * How the values of a set of observations are described ({@link ValueScale}): their scale's name,
 * unit and numbers when they share one that maps onto the common metric by a factor alone, the
 * common metric's otherwise (or when there are none). Figures (`lib/plots/value_axis.ts`),
 * tables and prose all read it.
 *
 * @param scales The scales of the values shown.
 * @returns `{ name, unit, label, min, max, own, factor, metric }`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { SCALES, scaleLabel } from "#lib/mod.ts";
 * assert.equal(scaleLabel([SCALES["nrs-0-10"]]).name, "NRS"); // one scale keeps its name
 * const mm = scaleLabel([SCALES["vas-100mm"]]);
 * assert.deepEqual([mm.label, mm.unit, mm.factor, mm.metric], ["Pain VAS (mm)", "mm", 10, ""]);
 * const mixed = scaleLabel([SCALES["nrs-0-10"], SCALES["vas-10cm"]]);
 * assert.deepEqual([mixed.unit, mixed.own, mixed.metric], ["points", false, "on the common 0–10 metric"]);
 * assert.equal(scaleLabel([SCALES["vrs-4"]]).own, false); // categories: the common metric
 * ```
 */
export function scaleLabel(scales: Iterable<Scale>): ValueScale {
  const ids = new Set<string>();
  let first: Scale | undefined;
  for (const s of scales) {
    ids.add(s.id);
    first ??= s;
  }
  const factor = ids.size === 1 && first !== undefined ? linearFactor(first) : null;
  if (first !== undefined && factor !== null) {
    const { name, unit, label } = first;
    return { name, unit, label, min: 0, max: 10, own: true, factor, metric: "" };
  }
  return { ...COMMON_METRIC, own: false, factor: 1, metric: ON_COMMON_METRIC };
}

/**
 * A value of the common metric as a {@link ValueScale} describes it: multiplied by its factor
 * (mm of a 100 mm VAS from the common metric's tenths), unchanged when the factor is 1. For
 * differences, slopes and areas as much as for values (the factor has no offset).
 *
 * @param s How the values are described.
 * @param x A number on the common metric.
 * @returns The number described.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { described, SCALES, scaleLabel } from "#lib/mod.ts";
 * assert.equal(described(scaleLabel([SCALES["vas-100mm"]]), 7.2), 72);
 * assert.equal(described(scaleLabel([SCALES["vas-10cm"]]), 7.2), 7.2);
 * ```
 */
export function described(s: Pick<ValueScale, "factor">, x: number): number {
  // Rounded to 12 significant digits: 0.3 × 10 is 3, not 3.0000000000000004.
  return s.factor === 1 || !Number.isFinite(x) ? x : Number((x * s.factor).toPrecision(12));
}

/**
 * An interval of the common metric as a {@link ValueScale} describes it ({@link described} at
 * each of its ends and its nominal value, where it has one).
 *
 * @param s How the values are described.
 * @param v An interval on the common metric.
 * @returns The interval described (the same object when the factor is 1).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { describedInterval, SCALES, scaleLabel } from "#lib/mod.ts";
 * const mm = scaleLabel([SCALES["vas-100mm"]]);
 * assert.deepEqual(describedInterval(mm, { lo: 3, nominal: 3.5, hi: 4 }), { lo: 30, nominal: 35, hi: 40 });
 * ```
 */
export function describedInterval<T extends { lo: number; hi: number; nominal?: number }>(
  s: Pick<ValueScale, "factor">,
  v: T,
): T {
  if (s.factor === 1) return v;
  const out = { ...v, lo: described(s, v.lo), hi: described(s, v.hi) };
  if (v.nominal !== undefined) out.nominal = described(s, v.nominal);
  return out;
}

/**
 * A pain value as tables and prose give it, under a {@link ValueScale} (that of its case, or of the
 * values compared): on the values' own scale, its name and number, with the unit where the
 * scale's numbers are not the common metric's ("VAS 6.6", "VAS 72 mm"); on the common metric, its
 * scale's name, its number there, and that said ("VRS [7, 10] on the common 0–10 metric").
 *
 * @param s How the values are described (`scaleLabel`).
 * @param o The value: its scale and its common-metric interval (an `Observation` is one).
 * @returns The text.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { painValueIn, SCALES, scaleLabel } from "#lib/mod.ts";
 * const mm = SCALES["vas-100mm"];
 * assert.equal(painValueIn(scaleLabel([mm]), { scale: mm, common: { lo: 7.2, nominal: 7.2, hi: 7.2 } }), "VAS 72 mm");
 * const nrs = SCALES["nrs-0-10"];
 * const mixed = scaleLabel([nrs, SCALES["vrs-4"]]);
 * assert.equal(painValueIn(mixed, { scale: nrs, common: { lo: 5, nominal: 5, hi: 5 } }), "NRS 5 on the common 0–10 metric");
 * ```
 */
export function painValueIn(s: ValueScale, o: PainValue): string {
  const name = s.own ? s.name : o.scale.name;
  return `${name} ${painNumbersIn(s, o)}${unitWords(s)}`;
}

/**
 * A pain value to be written: its scale and its interval on the common metric (an `Observation`
 * is one); with its stated value and words when it is a value the text states, so that it is
 * written with the digits the text gives ({@link painNumbersIn}).
 */
export interface PainValue {
  /** Its scale. */
  scale: Scale;
  /** Its interval on the common 0–10 metric. */
  common: NominalInterval;
  /** The value as stated, on its scale's own units (an observation's `value`). */
  value?: NominalInterval;
  /** The words that state it (an observation's `words`, `value_words` in the data). */
  words?: string;
}

/**
 * The number(s) of a pain value under a {@link ValueScale}, without name or unit: a value the text
 * states, where the number written is the number stated (on its own scale), with the digits its
 * words give ("8.0" for "VAS 8.0", "0–1.0" for "VAS 0–1.0": `formatStated`); any other number
 * (on the common metric, a mean, a bound) as `formatInterval` writes it (at most 2 decimals,
 * trailing zeros cut). The one rule every table, figure label and sentence follows.
 *
 * @param s How the values are described (`scaleLabel`).
 * @param o The value ({@link PainValue}).
 * @returns The text.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { painNumbersIn, SCALES, scaleLabel } from "#lib/mod.ts";
 * const vas = SCALES["vas-10cm"];
 * const value = { lo: 8, nominal: 8, hi: 8 };
 * const o = { scale: vas, common: value, value, words: "average pain VAS 8.0" };
 * assert.equal(painNumbersIn(scaleLabel([vas]), o), "8.0");
 * assert.equal(painNumbersIn(scaleLabel([vas]), { scale: vas, common: value }), "8"); // computed
 * ```
 */
export function painNumbersIn(s: ValueScale, o: PainValue): string {
  const shown = describedInterval(s, o.common);
  const same = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-9;
  const stated = o.words !== undefined && o.value !== undefined && s.own &&
    same(shown.lo, o.value.lo) && same(shown.hi, o.value.hi);
  return stated ? formatStated(shown, o.words!) : formatInterval(shown);
}

/**
 * What prose writes after numbers described by a {@link ValueScale} ("VAS 6.6", "VAS 72 mm", "pain
 * 5 on the common 0–10 metric"): nothing on a scale whose numbers are the common metric's (a 10 cm
 * VAS, a 0–10 NRS: as the article writes them), the unit on another scale of its own (" mm"),
 * and that the numbers are on the common metric otherwise.
 *
 * @param s How the values are described.
 * @returns The words, with a leading space, or "".
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { SCALES, scaleLabel, unitWords } from "#lib/mod.ts";
 * assert.equal(unitWords(scaleLabel([SCALES["vas-10cm"]])), "");
 * assert.equal(unitWords(scaleLabel([SCALES["vas-100mm"]])), " mm");
 * assert.equal(unitWords(scaleLabel([SCALES["vrs-4"]])), " on the common 0–10 metric");
 * ```
 */
export function unitWords(s: ValueScale): string {
  return !s.own ? ` ${s.metric}` : s.factor === 1 ? "" : ` ${s.unit}`;
}

/**
 * A pain value alone as the appraisal's prose gives it: {@link painValueIn} under its own scale
 * ("VAS 2", "NRS [0, 1]", "VAS 72 mm"; a category on the common metric, said so).
 *
 * @param o The value: its scale and its common-metric interval (an `Observation` is one).
 * @returns The text.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { painValueText, SCALES } from "#lib/mod.ts";
 * const common = { lo: 0, nominal: 0.5, hi: 1 };
 * assert.equal(painValueText({ scale: SCALES["nrs-0-10"], common }), "NRS [0, 1]");
 * ```
 */
export function painValueText(o: PainValue): string {
  return painValueIn(scaleLabel([o.scale]), o);
}
