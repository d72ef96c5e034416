/**
 * The series' Figure 1: every case's course in one composite, a group of lanes per case on one
 * time axis aligned on the first start of the study's drug of interest: the case's events, its
 * phase changes (drug and dose named), its pain values as stated and its drug and dose bars, drawn
 * as each case's timeline draws them (`timeline_model.ts`, `timeline_panels.ts`, `timeline_values.ts`).
 *
 * @module
 */
import { expectSeriesDrug } from "../series_drugs.ts";
import { checkOptions } from "../options.ts";
import { seriesTimelineOptionsSchema } from "./figure_options.ts";
import * as Plot from "@observablehq/plot";
import { expectCases } from "../args.ts";
import type { Case } from "../model.ts";
import type { Exclusion } from "../stats/types.ts";
import { listing } from "../prose.ts";
import { firstPeriod, neverTakes } from "../timeline.ts";
import { nominalDose } from "../dose.ts";
import { type DataRow, type Figure, panel, stack } from "./compose.ts";
import { document, textElement } from "./dom.ts";
import { measureText } from "./fonts.ts";
import type { LegendItem } from "./legend.ts";
import { wrapText } from "./layout.ts";
import { drugClassColors, type FigureWidth, figureWidth, GREY, TYPE } from "./theme.ts";
import { eventLabel, markLegend, timeDomain } from "./timeline.ts";
import { lanePanel } from "./timeline_lanes.ts";
import { timelineData, type TimelineModel, timelineModel, undatedOf } from "./timeline_model.ts";
import { UNDATED_PLACEMENTS, undatedSentence } from "./narrative.ts";
import { eventStrip, phaseStrip, type StripOptions, type Uses } from "./timeline_panels.ts";
import { valuesPanel } from "./timeline_values.ts";
import { joinedWords } from "./joined_words.ts";
import { metricSentence, type ValueAxis, valueAxis } from "./value_axis.ts";
import { type LinearScale, linearScale } from "./uncertainty.ts";
import { defineFigure, type FigureDef } from "./record.ts";
import { noCaseDrawn } from "./omission.ts";

/** Options of {@link seriesTimelineFigure}. */
export interface SeriesTimelineOptions {
  /** The drug the axis is aligned on (default: the study's drug of interest). */
  drug?: string;
  /** Title (default: says what is aligned on what). */
  title?: string;
  /** Figure width (default "full"). */
  width?: FigureWidth;
}

/** Height of each case's values panel (px). */
const VALUES_H = 72;
/** Row height of the events and phase strips (px): tighter than a single case's timeline. */
const ROW = TYPE.small * 1.2;

/**
 * The composite Figure 1 of a case series: for each case that takes the drug, in series order, a
 * heading, its events, its phase changes, its values (same value axis for every case) and a lane
 * per drug, all on one time axis of days since the first start of the drug, drawn once at the
 * bottom. Cases that never take the drug are named in a note. Every data mark has a `<title>`;
 * the figure's `data` has one row per drawn mark with the case's id.
 *
 * @param cases The cases (a series' `cases`).
 * @param options Drug, title, width.
 * @returns The figure.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { firstPeriod, loadCaseSeries } from "#lib/mod.ts";
 * import { seriesTimelineFigure } from "#lib/plots/mod.ts";
 * const s = await loadCaseSeries();
 * const f = seriesTimelineFigure(s.cases);
 * // A group of lanes for every case that takes the drug and has something to draw.
 * const drawn = s.cases.filter((c) => firstPeriod(c, s.study.drug) && c.treatments.length > 0);
 * assert.ok(drawn.every((c) => f.data.some((r) => r.case === c.id)));
 * ```
 */
export function seriesTimelineFigure(
  cases: readonly Case[],
  options: SeriesTimelineOptions = {},
): Figure {
  checkOptions("seriesTimelineFigure", seriesTimelineOptionsSchema, options);
  expectCases("seriesTimelineFigure", cases);
  expectSeriesDrug("seriesTimelineFigure (options.drug)", cases, options.drug);
  const width = figureWidth(options.width ?? "full");
  const { drug, shown, excluded } = figure1Cases(cases, options);
  const left = excluded.map((e) => e.caseId);
  const marginLeft = Math.ceil(
    Math.max(
      44,
      ...shown.flatMap((c) =>
        lanesOf(c).flatMap((l) => [
          measureText(l.drug, TYPE.label).width,
          l.sub ? measureText(l.sub, TYPE.small).width : 0,
        ])
      ),
    ) + 12,
  );
  const marginRight = 12;
  // One value axis for every case: each case's values are printed as on it.
  const axisScales = shown.flatMap((c) => c.observations.map((o) => o.scale));
  const models = shown.map((c) => ({
    c,
    m: timelineModel(c, { alignOn: drug, axisScales }),
  }));
  const domains = models.map(({ m }) => timeDomain(m));
  const x = linearScale(
    domains.length
      ? [Math.min(...domains.map((d) => d[0])), Math.max(...domains.map((d) => d[1]))]
      : [-7, 7],
    [marginLeft, width - marginRight],
  );
  const classes = drugClassColors(shown.flatMap((c) => c.treatments.map((t) => t.drugClass)));
  const colorOf = new Map(classes.map((k) => [k.drugClass, k.color]));
  const uses: Uses = { bracket: false, arrow: false, past: false, span: false, ongoing: false };
  const sl = valueAxis(axisScales);
  const metric = metricSentence(axisScales);
  const panels: Element[] = [];
  const data: DataRow[] = [];
  const highestDose = highestDoses(models.map(({ m }) => m));
  const frame: CaseFrame = {
    x,
    width,
    marginLeft,
    marginRight,
    uses,
    scale: sl,
    colorOf,
    highestDose,
  };
  for (const { c, m } of models) {
    const drawn = casePanels(c, m, frame);
    panels.push(...drawn.panels);
    data.push(...drawn.data);
  }
  panels.push(axisPanel(x, width, marginLeft, marginRight, `Days since the start of ${drug} →`));
  const notes = left.length
    ? [
      `Not shown: ${listing(left.map((id) => `case ${id}`))} (never ${
        left.length === 1 ? "takes" : "take"
      } ${drug}).`,
    ]
    : [];
  const n = shown.length;
  return stack(panels, {
    data,
    title: options.title ??
      `${n} case${n === 1 ? "" : "s"} aligned on the first start of ${drug}: events, ` +
        `phase changes, ${sl.name} and doses`,
    width,
    legend: legendItems(sl.name, uses, classes, {
      phases: models.some(({ m }) => m.phases.length > 0),
      points: models.some(({ m }) => m.points.length > 0),
      events: models.some(({ m }) => m.events.length > 0),
    }),
    notes,
    // The line's rule without the case timelines' note of a change the text leaves open (the
    // sentence on undated times says where such a change is drawn): a page holds three cases.
    caption: `Events, drug changes for ` +
      `${cases[0]?.study.indication ?? "the indication"}, ${sl.name} as stated (${
        joinedWords(false, "change")
      }), a lane per drug (mg/day; height: one scale per drug` +
      `${n === 1 ? "" : " across cases"}).${
        undatedSentence(
          UNDATED_PLACEMENTS.filter((p) => models.some(({ m }) => undatedOf(m).includes(p))),
          // Their marks are keyed in the legend (a page holds three cases with a short caption).
          { hollow: false, line: "" },
        )
      } From the text, not a published figure.` +
      `${metric ? ` ${metric}` : ""}`,
    description: `${n} case${n === 1 ? "" : "s"}' events, ${sl.name} values and dose periods ` +
      `against days since the first start of ${drug}, one group of lanes per case` +
      `${left.length ? `; not shown: ${listing(left.map((id) => `case ${id}`))}` : ""}.`,
  });
}

/**
 * The cases Figure 1 draws (those that take the drug, in series order) and those it leaves out
 * with why: its builder's rule, which its record's omission reads too.
 */
function figure1Cases(
  cases: readonly Case[],
  options: SeriesTimelineOptions,
): { drug: string; shown: Case[]; excluded: Exclusion[] } {
  const drug = options.drug ?? cases[0]?.study.drug ?? "";
  const shown = cases.filter((c) => firstPeriod(c, drug) !== null);
  const excluded = cases.filter((c) => firstPeriod(c, drug) === null)
    .map((c) => ({ caseId: c.id, reason: neverTakes(c, drug) }));
  return { drug, shown, excluded };
}

/** The horizontal frame and shared state of every case's panels in the composite figure. */
interface CaseFrame {
  /** Days → px, shared by every case. */
  x: LinearScale;
  /** The figure's width. */
  width: number;
  /** The left margin (drug names, headings). */
  marginLeft: number;
  /** The right margin. */
  marginRight: number;
  /** Which marks were drawn (for the legend). */
  uses: Uses;
  /** The value axis, the same for every case. */
  scale: ValueAxis;
  /** The colour of each drug class. */
  colorOf: Map<string, string>;
  /** Each drug's highest stated dose over every case drawn: one bar-height scale per drug. */
  highestDose: ReadonlyMap<string, number>;
}

/**
 * Each drug's highest stated dose (nominal mg/day) over the periods of every case drawn, so
 * that a drug's bars compare across cases (a dose not stated is left out, as in each lane).
 */
function highestDoses(models: readonly TimelineModel[]): Map<string, number> {
  const highest = new Map<string, number>();
  for (const p of models.flatMap((m) => m.periods)) {
    const dose = nominalDose(p.t.dose);
    if (dose !== null) highest.set(p.t.drug, Math.max(highest.get(p.t.drug) ?? 0, dose));
  }
  return highest;
}

/**
 * One case's panels: its heading beside its events (or on a row of its own), its phase changes,
 * its values and a lane per drug; with the source-data rows of its marks.
 */
function casePanels(
  c: Case,
  m: TimelineModel,
  { x, width, marginLeft, marginRight, uses, scale: sl, colorOf, highestDose }: CaseFrame,
): { panels: Element[]; data: DataRow[] } {
  const panels: Element[] = [];
  const data: DataRow[] = [];
  // The case's heading sits in the left margin beside its events (a row of its own when it
  // has none or the margin is too narrow for its first word).
  const head = headingLines(c, marginLeft - 8);
  // Cut as in the case's timeline: a label wider than half the figure left no room beside its
  // marker at single-column width and was drawn over it.
  const events = m.events.map((e) => ({ ...e, label: eventLabel(e.e, c.events, width / 2) }));
  const beside: StripOptions = { row: ROW, left: marginLeft, minHeight: (head?.height ?? 0) + 2 };
  const strip = events.length && head ? eventStrip(events, x, width, uses, beside) : null;
  if (strip && head && !beside.crowded) {
    for (const el of head.elements) strip.appendChild(el);
    panels.push(strip);
  } else {
    panels.push(heading(
      `Case ${c.id}: ${c.age}-year-old ${c.sex}, ${c.side} ${c.limb} limb (${c.level})`,
      width,
    ));
    if (events.length) panels.push(eventStrip(events, x, width, uses, { row: ROW }));
  }
  if (m.phases.length) panels.push(phaseStrip(m.phases, x, width, { row: ROW }));
  panels.push(valuesPanel(m, x, {
    width,
    marginLeft,
    marginRight,
    scale: sl,
    zeroLine: true,
    height: VALUES_H,
  }, uses));
  panels.push(lanePanel(m.periods, x, {
    width,
    marginLeft,
    marginRight,
    xLabel: null,
    lanes: lanesOf(c),
    colorOf,
    compact: true,
    highestDose,
  }, uses));
  data.push(...timelineData(m, sl.name, sl.factor).map((r) => ({ case: c.id, ...r })));
  return { panels, data };
}

/** The lanes of a case: one per drug, with its purpose where it is not the study's indication. */
function lanesOf(c: Case): { drug: string; sub: string | null }[] {
  return [...new Set(c.treatments.map((t) => t.drug))].map((d) => {
    const purpose = c.treatments.find((t) => t.drug === d)!.purpose;
    return { drug: d, sub: purpose === c.study.indication ? null : purpose };
  });
}

/**
 * A case's heading for the left margin: "Case N" in bold over its age and sex, and the side and
 * level of the amputation, in small type wrapped to `width`; `null` when a word does not fit.
 */
function headingLines(c: Case, width: number): { elements: Element[]; height: number } | null {
  const title = `Case ${c.id}`;
  // Short: age and sex, side and level of the amputation (the case timelines say it in full).
  const rest = [`${c.age} y, ${c.sex}`, `${c.side} ${c.level}`]
    .flatMap((l) => wrapText(l, width, TYPE.small));
  const tooWide = measureText(title, TYPE.label, "bold").width > width ||
    rest.some((l) => measureText(l, TYPE.small).width > width);
  if (tooWide) return null;
  const elements = [textElement(title, 6, 2 + TYPE.label, {
    size: TYPE.label,
    weight: "bold",
    fill: GREY.ink,
  })];
  rest.forEach((line, i) => {
    elements.push(textElement(line, 6, 2 + TYPE.label + (i + 1) * TYPE.small * 1.2, {
      size: TYPE.small,
      fill: GREY.muted,
    }));
  });
  return { elements, height: 2 + TYPE.label + rest.length * TYPE.small * 1.2 + 3 };
}

/** A case's heading, wrapped to the width. */
function heading(text: string, width: number): Element {
  const lines = wrapText(text, width - 12, TYPE.label, "bold");
  const p = panel(width, TYPE.label * (0.6 + 1.3 * lines.length));
  lines.forEach((line, i) => {
    p.appendChild(textElement(line, 6, TYPE.label * (1.45 + 1.3 * i), {
      size: TYPE.label,
      weight: "bold",
      fill: GREY.ink,
    }));
  });
  return p;
}

/** The shared time axis, drawn once under every case. */
function axisPanel(
  x: { domain: readonly [number, number] },
  width: number,
  marginLeft: number,
  marginRight: number,
  label: string,
): Element {
  return Plot.plot({
    document,
    width,
    height: 36,
    marginLeft,
    marginRight,
    marginTop: 2,
    marginBottom: 32,
    x: {
      domain: x.domain as [number, number],
      range: [marginLeft, width - marginRight],
      label,
      labelAnchor: "right",
      labelArrow: "none",
    },
    marks: [Plot.frame({ anchor: "bottom", stroke: GREY.faint })],
  }) as unknown as Element;
}

/** The legend: an entry per kind of mark drawn in any case, and only those. */
function legendItems(
  valueName: string,
  uses: Uses,
  classes: readonly { drugClass: string; color: string; fallback: boolean }[],
  drawn: { phases: boolean; points: boolean; events: boolean },
): LegendItem[] {
  return markLegend(valueName, uses, classes, drawn, "phase change");
}

/**
 * The record of the composite Figure 1 of a series (`results/figures/figure-1`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries } from "#lib/mod.ts";
 * import { FIGURE_1, seriesTimelineFigure } from "#lib/plots/mod.ts";
 * const series = await loadCaseSeries();
 * assert.equal(FIGURE_1.file(series), "figure-1");
 * assert.equal(FIGURE_1.build(series).description, seriesTimelineFigure(series.cases).description);
 * // Not drawn when no case takes the drug: a sentence says which cases and why.
 * assert.equal(FIGURE_1.omission(series), null);
 * const study = { ...series.study, drug: "a drug no case takes" };
 * const none = { ...series, study, cases: series.cases.map((c) => ({ ...c, study })) };
 * assert.match(FIGURE_1.omission(none)!, /^No Figure 1: no case can be drawn \(.*never takes a drug no case takes\)\.$/);
 * ```
 */
export const FIGURE_1: Readonly<FigureDef<"series">> = defineFigure({
  name: "figure-1",
  title: "Every case's events, phase changes, values and doses on one axis aligned on the drug",
  needs: "series",
  builder: seriesTimelineFigure,
  file: () => "figure-1",
  omission: (s) => {
    const { shown, excluded } = figure1Cases(s.cases, {});
    return noCaseDrawn("Figure 1", shown.length, excluded);
  },
  build: (s, options) => seriesTimelineFigure(s.cases, { ...options }),
});
