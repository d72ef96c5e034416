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

/** Options of {@link thresholdsSentence}. */
export interface ThresholdsSentenceOptions {
  /** The percent thresholds drawn (a dashed line each). */
  drawn: readonly number[];
  /** The study's thresholds in points of the common metric: not drawn on a percent panel. */
  points?: readonly number[];
  /** The study's `thresholdsSource`. */
  source: string | null;
}

/**
 * The caption's sentences on the thresholds: which are drawn (and which of the study's are not,
 * those in points, which a percent panel cannot show), and where they come from: the study's
 * `thresholds_source` (data/study.json), quoted whatever thresholds it names, or that it states
 * none; "" when no threshold is drawn.
 *
 * @param options The thresholds drawn and not drawn, and their source.
 * @returns The sentences, with a leading space.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { thresholdsSentence } from "#lib/plots/trajectories_legend.ts";
 * assert.equal(
 *   thresholdsSentence({ drawn: [30, 50], points: [2], source: "Dworkin et al. 2008." }),
 *   " Dashed horizontal lines: the 30% and 50% reduction thresholds (not drawn: the 2-point" +
 *     " reduction threshold). Thresholds: Dworkin et al. 2008.",
 * );
 * assert.equal(
 *   thresholdsSentence({ drawn: [30], source: "Dworkin et al. 2008" }),
 *   " Dashed horizontal lines: the 30% reduction threshold. Thresholds: Dworkin et al. 2008.",
 * );
 * assert.match(thresholdsSentence({ drawn: [30], source: null }), /states no source/);
 * assert.equal(thresholdsSentence({ drawn: [], source: "Dworkin et al. 2008" }), "");
 * ```
 */
export function thresholdsSentence(
  { drawn, points = [], source }: ThresholdsSentenceOptions,
): string {
  if (drawn.length === 0) return "";
  const s = (n: number) => n === 1 ? "" : "s";
  const notDrawn = points.length
    ? ` (not drawn: the ${listing(points.map((v) => `${v}-point`))} reduction threshold${
      s(points.length)
    })`
    : "";
  const lines = ` Dashed horizontal lines: the ${listing(drawn.map((v) => `${v}%`))} reduction ` +
    `threshold${s(drawn.length)}${notDrawn}.`;
  return lines +
    (source === null
      ? " Thresholds: data/study.json, which states no source for them."
      : ` Thresholds: ${source.replace(/\.$/, "")}.`);
}
