/**
 * The legend of the trajectories figure: the values and their whiskers, open ends, values stated
 * for a period and the reduction thresholds, each only where the figure draws it.
 *
 * @module
 */
import { listing } from "../prose.ts";
import type { LegendItem } from "./legend.ts";
import { DASH, GREY, SPAN_BAR, STROKE } from "./theme.ts";

/**
 * The legend's entries.
 *
 * @param o What the figure draws: values stated for a period (`spans`), the reduction thresholds
 *   in percent, the values' name ("VAS"), and whether a whisker is open or runs past the axis.
 * @returns The entries, in order.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trajectoriesLegend } from "#lib/plots/trajectories_legend.ts";
 * const l = trajectoriesLegend({ spans: false, thresholds: [30, 50], name: "VAS", open: false });
 * assert.deepEqual(l.map((i) => i.label), [
 *   "stated VAS (whisker: times the words allow)",
 *   "30% and 50% reduction (IMMPACT)",
 * ]);
 * ```
 */
export function trajectoriesLegend(
  o: { spans: boolean; thresholds: readonly number[]; name: string; open: boolean },
): LegendItem[] {
  const { spans, thresholds, name, open } = o;
  return [
    {
      label: `stated ${name} (whisker: times the words allow)`,
      swatch: { kind: "whisker", color: GREY.ink },
    },
    ...(open
      ? [{
        label: "dashed: open-ended or past the axis",
        swatch: { kind: "whisker", color: GREY.ink, open: true },
      } as LegendItem]
      : []),
    ...(spans
      ? [{
        label: `${name} stated for a period`,
        swatch: { kind: "rect", color: GREY.muted, height: SPAN_BAR },
      } as LegendItem]
      : []),
    ...(thresholds.length
      ? [{
        label: `${listing(thresholds.map((v) => `${v}%`))} reduction (IMMPACT)`,
        swatch: { kind: "line", color: GREY.muted, dash: DASH.reference, width: STROKE.thin },
      } as LegendItem]
      : []),
  ];
}
