/**
 * The legend of the trajectories figure: the values and their whiskers, open ends, values stated
 * for a period and the reduction thresholds, each only where the figure draws it.
 *
 * @module
 */
import { listing } from "../prose.ts";
import type { LegendItem } from "./legend.ts";
import { DASH, GREY, SPAN_BAR, STROKE } from "./theme.ts";
import { undatedKey } from "./narrative.ts";

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
 *   "30% and 50% reduction",
 * ]);
 * ```
 */
export function trajectoriesLegend(
  o: {
    spans: boolean;
    thresholds: readonly number[];
    name: string;
    open: boolean;
    hollow?: boolean;
    undatedLine?: boolean;
    openStart?: boolean;
    phases?: boolean;
  },
): LegendItem[] {
  const { spans, thresholds, name, open } = o;
  const item = (on: boolean | undefined, label: string, swatch: LegendItem["swatch"]) =>
    on ? [{ label, swatch }] : [];
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
    ...item(o.hollow, undatedKey(o.undatedLine === true), {
      kind: "ring",
      color: GREY.ink,
      ...(o.undatedLine ? { dash: DASH.undated } : {}),
    }),
    ...(spans
      ? [{
        label: `${name} stated for a period`,
        swatch: { kind: "rect", color: GREY.muted, height: SPAN_BAR },
      } as LegendItem]
      : []),
    ...item(o.openStart, "no start stated", {
      kind: "bar-arrow-left",
      color: GREY.muted,
      height: SPAN_BAR,
    }),
    ...item(o.phases, "change of drug or dose (key: whose)", {
      kind: "vline",
      color: GREY.faint,
      dash: DASH.reference,
    }),
    ...(thresholds.length
      ? [{
        // Their source is the caption's (the study's thresholds_source).
        label: `${listing(thresholds.map((v) => `${v}%`))} reduction`,
        swatch: { kind: "line", color: GREY.muted, dash: DASH.reference, width: STROKE.thin },
      } as LegendItem]
      : []),
  ];
}

/**
 * The caption's sentence on where the percent thresholds drawn come from: the study's
 * `thresholds_source` (data/study.json), or that it states none; "" when no threshold is drawn.
 *
 * @param thresholds The percent thresholds drawn.
 * @param source The study's `thresholdsSource`.
 * @returns The sentence, with a leading space.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { thresholdsSentence } from "#lib/plots/trajectories_legend.ts";
 * assert.equal(thresholdsSentence([30], "Dworkin et al. 2008."), " Thresholds: Dworkin et al. 2008.");
 * assert.match(thresholdsSentence([30], null), /states no source/);
 * assert.equal(thresholdsSentence([], "Dworkin et al. 2008"), "");
 * ```
 */
export function thresholdsSentence(thresholds: readonly number[], source: string | null): string {
  if (thresholds.length === 0) return "";
  return source === null
    ? " Thresholds: data/study.json, which states no source for them."
    : ` Thresholds: ${source.replace(/\.$/, "")}.`;
}
