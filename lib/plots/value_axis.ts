/**
 * The pain-value axis of a figure: what its label says and what numbers its ticks print. Marks are
 * always placed on the common 0–10 metric (`lib/scales.ts`); when every value shown is on one
 * scale that maps onto that metric by a factor alone (a 100 mm VAS: mm / 10), the axis is still
 * that scale's, labelled with its name and unit and ticked in its own numbers (0–100 mm), so that
 * the values printed beside the marks ("64 mm") read off the axis. Mixed scales, or a scale of
 * categories, keep the common metric's label. And what a vertical whisker on that axis is, for
 * the captions: a stated range, or the part of the common metric a category stands for.
 *
 * @module
 */
import type { NominalInterval } from "../intervals.ts";
import { type Scale, scaleLabel, type ValueScale } from "../scales.ts";

/** A value axis: how its values are described ({@link ValueScale}), and its ticks' text. */
export interface ValueAxis extends ValueScale {
  /** The text of the tick at a value of the common metric, in the axis's own numbers. */
  tick: (common: number) => string;
}

/** A tick's number: whole, or with one decimal. */
function tickText(v: number): string {
  const r = Math.round(v * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

/**
 * The value axis of the scales of the values a figure shows: the rule tables and prose follow
 * too (`scaleLabel`, lib/scales.ts), with its ticks' text.
 *
 * @param scales The scales of the values shown.
 * @returns The axis: label, name and unit, domain on the common metric, tick text.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { SCALES } from "#lib/mod.ts";
 * import { valueAxis } from "#lib/plots/value_axis.ts";
 * const mm = valueAxis([SCALES["vas-100mm"]]);
 * assert.equal(mm.label, "Pain VAS (mm)");
 * assert.equal(mm.tick(6.4), "64"); // 6.4 on the common metric is 64 mm
 * assert.equal(valueAxis([SCALES["vas-10cm"]]).tick(6.4), "6.4");
 * assert.equal(valueAxis([SCALES["vas-100mm"], SCALES["vas-10cm"]]).own, false);
 * ```
 */
export function valueAxis(scales: Iterable<Scale>): ValueAxis {
  const s = scaleLabel(scales);
  return { ...s, tick: (v) => tickText(v * s.factor) };
}

/** A value as a figure draws it: on its scale, and on the common metric its marks are placed on. */
export interface DrawnValue {
  /** Its scale. */
  scale: Scale;
  /** The value on the common 0–10 metric (a vertical whisker from `lo` to `hi` when they differ). */
  common: NominalInterval;
}

/**
 * The caption's sentence on what a vertical whisker is, from the values a figure draws: a range
 * the text states, or, on a scale of categories, the part of the common metric a category stands
 * for (a single category "mild" is drawn as that part, not a stated range); "" when no value has
 * a whisker.
 *
 * @param values The values drawn.
 * @returns The sentence, or "".
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { SCALES } from "#lib/mod.ts";
 * import { whiskerSentence } from "#lib/plots/value_axis.ts";
 * const at = (lo: number, hi: number) => ({ lo, nominal: (lo + hi) / 2, hi });
 * const cm = SCALES["vas-10cm"];
 * assert.equal(whiskerSentence([{ scale: cm, common: at(3, 3) }]), "");
 * assert.equal(whiskerSentence([{ scale: cm, common: at(0, 1) }]), "A vertical whisker is a stated range.");
 * assert.match(whiskerSentence([{ scale: SCALES["vrs-4"], common: at(1, 4) }]), /category/);
 * ```
 */
export function whiskerSentence(values: Iterable<DrawnValue>): string {
  let stated = false;
  let category = false;
  for (const v of values) {
    if (!(v.common.lo < v.common.hi)) continue;
    if (v.scale.categories === null) stated = true;
    else category = true;
  }
  const part = "the part of the common 0–10 metric";
  if (stated && category) {
    return `A vertical whisker is a stated range or, for a category, ${part} it stands for.`;
  }
  if (category) {
    return `A vertical whisker is ${part} a category (or a stated range of them) stands for.`;
  }
  return stated ? "A vertical whisker is a stated range." : "";
}

/**
 * The caption's sentence on where the marks are when the axis is not the values' own scale (mixed
 * scales, or a scale of categories): on the common 0–10 metric, by each scale's documented rule
 * (`Scale.rule`, data/README.md); "" when the axis is the values' own.
 *
 * @param scales The scales of the values shown.
 * @returns The sentence, or "".
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { SCALES } from "#lib/mod.ts";
 * import { metricSentence } from "#lib/plots/value_axis.ts";
 * assert.equal(metricSentence([SCALES["vas-100mm"]]), "");
 * const mixed = metricSentence([SCALES["vas-100mm"], SCALES["vas-10cm"], SCALES["vas-100mm"]]);
 * assert.match(mixed, /^Marks are placed on the common 0–10 metric: /);
 * assert.ok(mixed.includes(`${SCALES["vas-100mm"].label} ${SCALES["vas-100mm"].rule}`));
 * ```
 */
export function metricSentence(scales: Iterable<Scale>): string {
  const all = [...scales];
  if (all.length === 0 || valueAxis(all).own) return "";
  const byId = new Map(all.map((s) => [s.id, s]));
  const rules = [...byId.keys()].sort().map((id) => `${byId.get(id)!.label} ${byId.get(id)!.rule}`);
  return `Marks are placed on the common 0–10 metric: ${rules.join("; ")}.`;
}
