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
 * To add a scale: one entry in {@link SCALES} (and its term in `data/README.md`).
 *
 * @module
 */
import { formatInterval, type NominalInterval } from "./intervals.ts";

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
 * The label of the values of a set of observations: their scale's label when they share one,
 * the common metric's otherwise (or when there are none).
 *
 * @param scales The scales of the values shown.
 * @returns `{ name, unit, label }` for axes, captions and column headers.
 * @example
 * ```ts
 * import { SCALES, scaleLabel } from "#lib/mod.ts";
 * if (scaleLabel([SCALES["nrs-0-10"]]).name !== "NRS") throw new Error("one scale keeps its name");
 * if (scaleLabel([SCALES["nrs-0-10"], SCALES["vas-10cm"]]).unit !== "points") {
 *   throw new Error("mixed scales use the common metric");
 * }
 * ```
 */
export function scaleLabel(
  scales: Iterable<Scale>,
): { name: string; unit: string; label: string; min: number; max: number } {
  const ids = new Set<string>();
  let first: Scale | undefined;
  for (const s of scales) {
    ids.add(s.id);
    first ??= s;
  }
  if (ids.size === 1 && first !== undefined && first.min === 0 && first.max === 10) {
    return { name: first.name, unit: first.unit, label: first.label, min: 0, max: 10 };
  }
  return { ...COMMON_METRIC };
}

/**
 * A pain value as the appraisal's prose gives it: its scale's name and its value on the common
 * 0–10 metric ("VAS 2", "NRS [0, 1]").
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
export function painValueText(o: { scale: Scale; common: NominalInterval }): string {
  return `${scaleLabel([o.scale]).name} ${formatInterval(o.common)}`;
}
