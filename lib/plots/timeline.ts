/**
 * A case's timeline, rebuilt from its article's text: one case's events, phase changes, values
 * and dose periods against time. Every time is drawn at its position in the order the text
 * narrates (`narrative.ts`) with a bracket for the window its words allow; a period is a bar
 * between the drawn positions of its start and end, never across a window.
 *
 * @module
 */
import { withColumnsAfter } from "./join_columns.ts";
import { expectSeriesDrug } from "../series_drugs.ts";
import { checkOptions } from "../options.ts";
import { timelineOptionsSchema } from "./figure_options.ts";
import { expectCase } from "../args.ts";
import { formatNumber } from "../intervals.ts";
import type { Case, CaseEvent, Observation, Treatment } from "../model.ts";
import { metricSentence, valueAxis } from "./value_axis.ts";
import { type Figure, stack } from "./compose.ts";
import { measureText } from "./fonts.ts";
import type { LegendItem } from "./legend.ts";
import { wrapText } from "./layout.ts";
import {
  classLegend,
  DASH,
  drugClassColors,
  type FigureWidth,
  figureWidth,
  GREY,
  SPAN_BAR,
  TYPE,
} from "./theme.ts";
import { eventStrip, PHASE_COLOR, phaseStrip, SPAN_COLOR, type Uses } from "./timeline_panels.ts";
import { valuesPanel } from "./timeline_values.ts";
import { joinedWords, joinsMayCrossChange } from "./joined_words.ts";
import { lanePanel } from "./timeline_lanes.ts";
import { timelineData, type TimelineModel, timelineModel, undatedOf } from "./timeline_model.ts";
import { undatedKey, undatedSentence } from "./narrative.ts";
import { linearScale } from "./uncertainty.ts";
import { defineFigure, type FigureDef } from "./record.ts";
import { firstPeriod } from "../timeline.ts";
import { counted, listing, unbracketed } from "../prose.ts";

/** Options of {@link caseTimelineFigure}. */
export interface TimelineOptions {
  /**
   * The x axis: days since the first start of this drug (default: the study's drug of interest), or since the
   * case's day 0 (`null`). A case that never takes the drug is drawn against day 0 with a note.
   */
  alignOn?: string | null;
  /** Figure title; default "Case N: age, sex, side and level of the amputation". */
  title?: string;
  /** Figure width (default "full"). */
  width?: FigureWidth;
}

/**
 * Builds the timeline figure of one case, top to bottom: a strip of events (a diamond at the
 * drawn time, a bracket over the times the words allow, its kind as label, or its description
 * where the case has more than one event of that kind); the phase changes of the drugs given for
 * the study's indication, each labelled with the drug and dose, as lines over the values; the
 * values on their scale (same axis for every case) as stated, a dot at each with a bracket for its
 * time (hollow where the text does not date the time on the axis), a vertical whisker for a stated
 * range, a bar (a band for a range) with its dot for a value stated over a period, a line through
 * the points that never crosses a phase change (dotted to an undated time); one lane per drug with
 * a bar per dose period (height: dose relative to the drug's highest, number: mg/day, colour:
 * drug class, an arrowhead where no end is stated, brackets under it for the windows of its start
 * and end). Open bounds are arrows. Labels are placed so that none overlaps another or leaves the
 * figure. Each data mark has a `<title>` with the evidence; the figure's `data` lists every mark.
 *
 * @param c The case.
 * @param options Alignment, title, width.
 * @returns The figure.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries } from "#lib/mod.ts";
 * import { caseTimelineFigure } from "#lib/plots/mod.ts";
 * for (const c of (await loadCaseSeries()).cases) {
 *   assert.ok(caseTimelineFigure(c).description.startsWith(`Case ${c.id}:`));
 * }
 * ```
 */
export function caseTimelineFigure(c: Case, options: TimelineOptions = {}): Figure {
  checkOptions("caseTimelineFigure", timelineOptionsSchema, options);
  expectCase("caseTimelineFigure", c);
  expectSeriesDrug("caseTimelineFigure (options.alignOn)", c, options.alignOn);
  const width = figureWidth(options.width ?? "full");
  const drug = options.alignOn === undefined ? c.study.drug : options.alignOn;
  const lanes = [...new Set(c.treatments.map((t) => t.drug))].map((d) => {
    const purpose = c.treatments.find((t) => t.drug === d)!.purpose;
    return { drug: d, sub: purpose === c.study.indication ? null : purpose };
  });
  const marginLeft = Math.ceil(
    Math.max(
      44,
      ...lanes.flatMap((l) => [
        measureText(l.drug, TYPE.label).width,
        l.sub ? measureText(l.sub, TYPE.small).width : 0,
      ]),
    ) + 12,
  );
  const marginRight = 12;
  const m = timelineModel(c, { alignOn: drug });
  const notes: string[] = [];
  if (drug !== null && m.origin === null) {
    notes.push(
      `Case ${c.id} never takes ${drug}: times are days since day 0 (${unbracketed(c.day0)}), ` +
        `not since ` +
        `the start of ${drug}.`,
    );
  }
  const x = linearScale(timeDomain(m), [marginLeft, width - marginRight]);
  const xLabel = m.origin === null
    ? `Days since day 0 (${unbracketed(c.day0)}) →`
    : `Days since the start of ${drug} →`;
  const xLabelFits = measureText(xLabel, TYPE.small).width < width - marginLeft;
  const uses: Uses = { bracket: false, arrow: false, past: false, span: false, ongoing: false };
  const events = m.events.map((e) => ({ ...e, label: eventLabel(e.e, c.events, width / 2) }));
  const sl = valueAxis(c.observations.map((o) => o.scale));
  const metric = metricSentence(c.observations.map((o) => o.scale));
  const panels: Element[] = [];
  if (events.length) panels.push(eventStrip(events, x, width, uses));
  if (m.phases.length) panels.push(phaseStrip(m.phases, x, width));
  panels.push(valuesPanel(m, x, {
    width,
    marginLeft,
    marginRight,
    scale: sl,
    zeroLine: m.origin !== null,
  }, uses));
  const classes = drugClassColors(c.treatments.map((t) => t.drugClass));
  panels.push(lanePanel(m.periods, x, {
    width,
    marginLeft,
    marginRight,
    xLabel: xLabelFits ? xLabel : xLabel.replace(/ \(.*\)/, ""),
    lanes,
    colorOf: new Map(classes.map((k) => [k.drugClass, k.color])),
  }, uses));
  const legend = legendItems(m, sl.name, uses, classes, events.length > 0);
  return stack(panels, {
    // Its case, after the other columns: a reviewer joins each row to timepoints.csv by it and
    // its time_id.
    data: withColumnsAfter(timelineData(m, sl.name, sl.factor), () => ({ case_id: c.id })),
    title: options.title ??
      `Case ${c.id}: ${c.age}-year-old ${c.sex}, ${c.side} ${c.limb} limb (${c.level})`,
    width,
    legend,
    notes,
    caption: "Bars: dose periods between the drawn start and end, coloured by drug class; " +
      "height: dose relative to the drug's highest dose; numbers: dose in mg/day" +
      doseNotes(m.periods.map((p) => p.t)) + ". Brackets show the days the words allow." +
      undatedSentence(undatedOf(m), {
        hollow: uses.hollow === true,
        line: uses.undatedLine ? "a dotted line" : "",
      }) +
      " Values are printed as the text states " +
      `them; ${joinedWords(joinsMayCrossChange(c, m))}. ` +
      "Times are inferred from the text's words by the rules of data/README.md; nothing is " +
      `read from a published figure.${metric ? ` ${metric}` : ""}`,
    description: `Case ${c.id}: ${describeValues(c.observations)} against ` +
      `${m.origin === null ? "days since day 0" : `days since the start of ${drug}`}, with ` +
      counted(m.periods.length, "dose period") +
      (lanes.length ? ` of ${listing(lanes.map((l) => l.drug))}` : "") +
      // A comma before the events when the drugs' list has its own "and".
      (events.length
        ? `${lanes.length > 1 ? "," : ""} and ${counted(events.length, "event")}`
        : "") +
      ".",
  });
}

/**
 * The record of a case's timeline aligned on the study's drug (`results/figures/case-<id>-timeline`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries } from "#lib/mod.ts";
 * import { CASE_TIMELINE } from "#lib/plots/mod.ts";
 * const c = (await loadCaseSeries()).cases[0];
 * assert.equal(CASE_TIMELINE.file(c), `case-${c.id}-timeline`);
 * // A case that never takes the drug: a sentence says so (its timeline from day 0 is the other
 * // record's, CASE_TIMELINE_DAY0).
 * assert.equal(CASE_TIMELINE.omission(c), null);
 * const study = { ...c.study, drug: "no-such-drug" };
 * assert.equal(
 *   CASE_TIMELINE.omission({ ...c, study }),
 *   `No timeline of case ${c.id} on days since the start of no-such-drug: case ${c.id} never ` +
 *     "takes no-such-drug.",
 * );
 * ```
 */
export const CASE_TIMELINE: Readonly<FigureDef<"case">> = defineFigure({
  name: "case-timeline",
  title: "One case's events, phase changes, values and doses, on days since the start of the drug",
  needs: "case",
  builder: caseTimelineFigure,
  file: (c) => `case-${c.id}-timeline`,
  omission: (c) =>
    firstPeriod(c, c.study.drug)
      ? null
      : `No timeline of case ${c.id} on days since the start of ${c.study.drug}: case ${c.id} ` +
        `never takes ${c.study.drug}.`,
  build: (c, options) => caseTimelineFigure(c, { ...options }),
});

/**
 * The record of a case's timeline on days since its day 0 (`case-<id>-timeline-day0`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries } from "#lib/mod.ts";
 * import { CASE_TIMELINE_DAY0 } from "#lib/plots/mod.ts";
 * const c = (await loadCaseSeries()).cases[0];
 * assert.match(CASE_TIMELINE_DAY0.build(c).description, /against days since day 0/);
 * assert.equal(CASE_TIMELINE_DAY0.file(c), `case-${c.id}-timeline-day0`);
 * ```
 */
export const CASE_TIMELINE_DAY0: Readonly<FigureDef<"case">> = defineFigure({
  name: "case-timeline-day0",
  title: "One case's events, phase changes, values and doses, on days since its day 0",
  needs: "case",
  builder: caseTimelineFigure,
  notebook: "case",
  file: (c) => `case-${c.id}-timeline-day0`,
  build: (c, options) => caseTimelineFigure(c, { alignOn: null, ...options }),
});

/**
 * The time axis's domain: every drawn position and every finite window bound, padded (windows
 * open on a side are arrows and take no room).
 */
export function timeDomain(m: TimelineModel): [number, number] {
  const times = [
    ...m.points.map((p) => p.t),
    ...m.spans.flatMap((s) => [s.start, ...(s.end ? [s.end] : [])]),
    ...m.periods.flatMap((p) => [p.start, ...(p.end ? [p.end] : [])]),
    ...m.events.map((e) => e.t),
  ];
  const values = times.flatMap((t) => [t.pos, t.window.lo, t.window.hi]).filter(Number.isFinite);
  const lo = values.length ? Math.min(...values) : -7;
  const hi = values.length ? Math.max(...values) : 7;
  const pad = Math.max(2, (hi - lo) * 0.04);
  return [lo - pad, hi + pad];
}

/** The legend: an entry per kind of mark drawn, and only those. */
function legendItems(
  m: TimelineModel,
  valueName: string,
  uses: Uses,
  classes: readonly { drugClass: string; color: string; fallback: boolean }[],
  hasEvents: boolean,
): LegendItem[] {
  return markLegend(valueName, uses, classes, {
    phases: m.phases.length > 0,
    points: m.points.length > 0,
    events: hasEvents,
  }, "phase change (drug and dose named above)");
}

/**
 * The legend of the timeline figures (a case's, and Figure 1's lanes of every case): an entry
 * per kind of mark drawn, and only those.
 *
 * @param valueName The values' name ("VAS", "NRS", "pain").
 * @param uses Which marks the panels drew.
 * @param classes The drug classes drawn, with their colours.
 * @param drawn Whether any phase line, point or event was drawn.
 * @param phaseLabel The words of the phase-change key.
 * @returns The legend's items.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { markLegend } from "#lib/plots/timeline.ts";
 * const uses = { bracket: false, arrow: false, past: false, span: false, ongoing: false };
 * const items = markLegend("VAS", uses as never, [], { phases: false, points: true, events: false }, "");
 * assert.deepEqual(items.map((i) => i.label), ["stated VAS"]);
 * ```
 */
export function markLegend(
  valueName: string,
  uses: Uses,
  classes: readonly { drugClass: string; color: string; fallback: boolean }[],
  drawn: { phases: boolean; points: boolean; events: boolean },
  phaseLabel: string,
): LegendItem[] {
  const item = (on: boolean, label: string, swatch: LegendItem["swatch"]): LegendItem[] =>
    on ? [{ label, swatch }] : [];
  return [
    ...item(drawn.points, `stated ${valueName}`, { kind: "dot", color: GREY.ink }),
    ...item(uses.hollow === true, undatedKey(uses.undatedLine === true), {
      kind: "ring",
      color: GREY.ink,
      ...(uses.undatedLine ? { dash: DASH.undated } : {}),
    }),
    ...item(uses.bracket, "bracket: the days the words allow", {
      kind: "bracket",
      color: GREY.ink,
    }),
    ...item(uses.arrow, "arrow: no bound stated", {
      kind: "bracket",
      color: GREY.ink,
      arrow: true,
    }),
    ...item(uses.past, "dashed: window runs past the axis", {
      kind: "line",
      color: GREY.ink,
      dash: DASH.open,
      width: 1,
    }),
    ...item(uses.span, `${valueName} stated for a period`, {
      kind: "rect",
      color: SPAN_COLOR,
      height: SPAN_BAR,
    }),
    ...item(uses.openStart === true, "no start stated", {
      kind: "bar-arrow-left",
      color: SPAN_COLOR,
      height: SPAN_BAR,
    }),
    ...item(drawn.events, "event", { kind: "diamond", color: GREY.ink }),
    ...item(drawn.phases, phaseLabel, {
      kind: "vline",
      color: PHASE_COLOR,
      dash: DASH.reference,
    }),
    ...item(uses.ongoing, "no end stated (runs on)", { kind: "bar-arrow", color: GREY.muted }),
    ...classLegend(classes).map((k): LegendItem => ({
      label: k.label,
      swatch: { kind: "rect", color: k.color },
    })),
  ];
}

function describeValues(obs: readonly Observation[]): string {
  if (obs.length === 0) return "no pain value stated";
  const { name, unit, factor } = valueAxis(obs.map((o) => o.scale));
  // A value stated as a range is described as its range ("0–1"), as the figure prints it.
  const f = (o: Observation) =>
    o.common.lo === o.common.hi
      ? formatNumber(o.common.nominal * factor)
      : `${formatNumber(o.common.lo * factor)}–${formatNumber(o.common.hi * factor)}`;
  return obs.length === 1
    ? `1 stated ${name} value (${f(obs[0])} ${unit})`
    : `${obs.length} stated ${name} values from ${f(obs[0])} to ${f(obs.at(-1)!)} ${unit}`;
}

/**
 * An event's label: its kind, or its description where the case has another event of the same
 * kind (two "amputation" labels would not say which is which), cut at a word with "…" where it
 * is wider than `maxWidth` (the whole description is the marker's hover text).
 *
 * @param e The event.
 * @param all The case's events.
 * @param maxWidth Width in px the label may take.
 * @returns The label.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries } from "#lib/mod.ts";
 * import { eventLabel } from "#lib/plots/timeline.ts";
 * const e = (await loadCaseSeries()).cases.flatMap((c) => c.events)[0];
 * // Another event of the same kind: the label is the description, cut where it is too wide.
 * const all = [e, { ...e, description: "another" }];
 * assert.equal(eventLabel(e, all, 10_000), e.description);
 * const long = { ...e, description: "a very long description of what happened that day" };
 * assert.match(eventLabel(long, [...all, long], 100), / …$/);
 * ```
 */
export function eventLabel(e: CaseEvent, all: readonly CaseEvent[], maxWidth: number): string {
  const label = all.some((o) => o !== e && o.kind === e.kind) ? e.description : e.kind;
  const lines = wrapText(label, maxWidth, TYPE.small);
  return lines.length > 1 ? `${lines[0]} …` : label;
}

/** What the caption adds on doses other than one stated value: " (a range at its midpoint)". */
function doseNotes(ts: readonly Pick<Treatment, "dose">[]): string {
  const notes = [
    ...(ts.some((t) => t.dose !== null && t.dose.lo !== t.dose.hi)
      ? ["a range at its midpoint"]
      : []),
    ...(ts.some((t) => t.dose === null) ? ["a dose not stated at half height"] : []),
  ];
  return notes.length ? ` (${notes.join("; ")})` : "";
}
