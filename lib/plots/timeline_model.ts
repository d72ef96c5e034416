/**
 * What a case's timeline draws, as data: each time at its drawn position in narrative order
 * (`narrative.ts`) with the window its words allow, the values as the text states them, the dose
 * periods between the drawn positions of their start and end, the phase changes of the drugs
 * given for the study's indication, and the evidence (words, quote) of each mark. The figure
 * builders (`timeline.ts`, `figure1.ts`) draw this, and its rows are the figures' source data.
 *
 * @module
 */
import { formatDose, formatDoseValue, nominalDose } from "../dose.ts";
import type { Interval } from "../intervals.ts";
import { formatNumber } from "../intervals.ts";
import type { Case, CaseEvent, Day, Observation, Treatment } from "../model.ts";
import type { Scale } from "../scales.ts";
import {
  datedGap,
  firstPeriod,
  type Phase as AlignedPhase,
  phaseOf,
  relativeDay,
  sinceDay0,
} from "../timeline.ts";
import type { DataRow } from "./compose.ts";
import { aside, drawnDay, windowText } from "./hover_text.ts";
import {
  narrativePositions,
  UNDATED_PLACEMENTS,
  type UndatedPlacement,
  undatedPlacements,
} from "./narrative.ts";
import { PRINT_WIDTH } from "./theme.ts";
import { valueAxis } from "./value_axis.ts";

/** A time as drawn: its position and the window its words allow, in the figure's frame. */
export interface PlacedTime {
  /** The time point. */
  timeId: string;
  /** Drawn position (days since day 0, or since the aligned start). */
  pos: number;
  /** The window the words allow (bounds may be ±Infinity), in the same frame. */
  window: Interval;
  /** The text's words for the time. */
  words: string;
  /**
   * Whether the text dates it on this axis (`datedGap` from the axis's origin): else its position
   * is a placeholder the order of the narrative gives, drawn hollow.
   */
  dated: boolean;
  /** How the narrative places it when it is not dated (empty when it is). */
  placements: UndatedPlacement[];
}

/** A value stated at one time. */
export interface PlacedPoint {
  /** The observation. */
  o: Observation;
  /** When. */
  t: PlacedTime;
  /** The value as the text states it (e.g. "8.0", "0–1.0"). */
  text: string;
  /** Hover text: value, time window, quote. */
  title: string;
}

/** A value stated for a period. */
export interface PlacedSpan extends PlacedPoint {
  /** Start of the period. */
  start: PlacedTime;
  /** End of the period, `null` when not stated. */
  end: PlacedTime | null;
}

/** A dose period. */
export interface PlacedPeriod {
  /** The treatment. */
  t: Treatment;
  /** Its start. */
  start: PlacedTime;
  /** Its end, `null` when the text does not state one. */
  end: PlacedTime | null;
  /** Hover text. */
  title: string;
}

/** An event. */
export interface PlacedEvent {
  /** The event. */
  e: CaseEvent;
  /** When. */
  t: PlacedTime;
  /** Hover text. */
  title: string;
}

/** A phase change: a drug for the indication started, its dose changed, or stopped. */
export interface Phase {
  /** When (the start or end of a dose period). */
  t: PlacedTime;
  /** Label naming the drug and dose ("drug-a 20 mg/day", "drug-b stopped"). */
  label: string;
  /** The drug. */
  drug: string;
  /**
   * What changed: the new dose ("20 mg/day"), "stopped", or, for an end the text states whose
   * day this axis leaves open on the later side, "stopped, day not stated" (its words state no
   * day) or "stopped, not dated from day 0" ("from the start of <drug>" on an aligned axis: its
   * words date it from an earlier time the axis leaves open).
   */
  change: string;
  /** Hover text. */
  title: string;
  /**
   * Where each value drawn as a point falls relative to the change, by its time point's id: the
   * analyses' reading (`phaseOf`: a value on the change's own day, at its visit or not, is
   * before it). The line reads it where a point is drawn at the change's own position.
   */
  sides: Readonly<Record<string, AlignedPhase>>;
}

/** Everything a case's timeline draws. */
export interface TimelineModel {
  /** The drug the axis is aligned on, or `null` for day 0. */
  drug: string | null;
  /** The time id of the aligned start, or `null` (day 0, or the case never takes the drug). */
  origin: string | null;
  /** The least distance between a point and the one it follows, in days. */
  step: number;
  /** Values stated at one time, in drawn order. */
  points: PlacedPoint[];
  /** Values stated for a period. */
  spans: PlacedSpan[];
  /** Dose periods, in data order. */
  periods: PlacedPeriod[];
  /** Events, in data order. */
  events: PlacedEvent[];
  /** Phase changes of the drugs given for the indication, in drawn order. */
  phases: Phase[];
  /** Whether the values are on their own scale's axis (else the common metric). */
  ownScale: boolean;
}

/** Options of {@link timelineModel}. */
export interface TimelineModelOptions {
  /** Align on this drug's first start (`null`: day 0; default: the study's drug of interest). */
  alignOn?: string | null;
  /**
   * The scales of every value on the figure's value axis (a figure of several cases on one axis:
   * all of theirs); default: the case's. Values are printed without their unit only when that
   * axis is their own scale.
   */
  axisScales?: readonly Scale[];
}

/**
 * The narrative step in px on an axis of {@link STEP_AXIS_PX}: a point placed after another only
 * by the text is this far after. The step in days is the case's, whatever the figure and its
 * width, so that every figure (a case's timeline, figure 1, the trajectories) draws an undated
 * time at the same day; on a wider axis it is that many more px.
 */
export const STEP_PX = 5;

/**
 * The axis {@link STEP_PX} is measured on: a single-column figure's time axis (its width less
 * about 100 px of margins), the narrowest the figures are drawn at, so that a step is never less
 * than {@link STEP_PX} apart.
 */
export const STEP_AXIS_PX = PRINT_WIDTH.column - 100;

/**
 * The dose of a dose period as printed in figures (the number in mg/day; `unit` adds it). One
 * small function so that every figure words doses alike.
 *
 * @param t The dose period.
 * @param unit Whether to add " mg/day".
 * @returns The text.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { doseLabel } from "#lib/plots/timeline_model.ts";
 * const t = { dose: { lo: 12.5, hi: 12.5 }, doseWords: null };
 * assert.equal(doseLabel(t, true), "12.5 mg/day");
 * assert.equal(doseLabel({ dose: null, doseWords: null }), "dose not stated");
 * ```
 */
export function doseLabel(t: Pick<Treatment, "dose" | "doseWords">, unit = false): string {
  // No dose in mg/day: as every table says it (`formatDose`: words in another unit as they are,
  // words with no number quoted with "no mg/day stated", else "dose not stated").
  if (t.dose === null) return formatDose(t);
  return `${formatDoseValue(t.dose)}${unit ? " mg/day" : ""}`;
}

/**
 * A value as the text states it: on a scale of categories, its category ("mild", "mild–moderate");
 * else the number (or range) in its words when they state the value (so "8.0" stays "8.0" and
 * "0–1.0" stays "0–1.0"), else the value formatted; with the unit when the axis is not the
 * value's own scale.
 *
 * @param o The observation.
 * @param ownScale Whether the axis is the value's own scale.
 * @returns The text.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { statedValue } from "#lib/plots/timeline_model.ts";
 * import { SCALES } from "#lib/mod.ts";
 * const v = { lo: 8, nominal: 8, hi: 8 };
 * const o = { value: v, common: v, words: "average pain VAS 8.0", scale: SCALES["vas-10cm"] };
 * assert.equal(statedValue(o, true), "8.0"); // printed as stated
 * const mild = { lo: 1, nominal: 1, hi: 1 };
 * assert.equal(statedValue({ value: mild, words: "mild", scale: SCALES["vrs-4"] }, false), "mild");
 * ```
 */
export function statedValue(
  o: Pick<Observation, "value" | "words" | "scale">,
  ownScale: boolean,
): string {
  const { lo, hi, nominal } = o.value;
  const words = o.scale.categories;
  if (words && words[lo] !== undefined && words[hi] !== undefined) {
    return lo === hi ? words[lo] : `${words[lo]}–${words[hi]}`;
  }
  const numbers = [...o.words.matchAll(/(\d+(?:\.\d+)?)(?:\s*[–-]\s*(\d+(?:\.\d+)?))?/g)];
  const found = numbers.reverse().find((m) =>
    m[2] === undefined
      ? lo === hi && Number(m[1]) === nominal
      : Number(m[1]) === lo && Number(m[2]) === hi
  );
  const text = found
    ? (found[2] === undefined ? found[1] : `${found[1]}–${found[2]}`)
    : lo === hi
    ? formatNumber(nominal)
    : `${formatNumber(lo)}–${formatNumber(hi)}`;
  return ownScale || !o.scale.unit ? text : `${text} ${o.scale.unit}`;
}

/**
 * The timeline of a case as data (see the module doc).
 *
 * @param c The case.
 * @param options Alignment, axis width.
 * @returns The model.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries } from "#lib/mod.ts";
 * import { timelineModel } from "#lib/plots/timeline_model.ts";
 * const c = (await loadCaseSeries()).cases[0];
 * const m = timelineModel(c);
 * assert.equal(m.periods.length, c.treatments.length); // a period per treatment
 * ```
 */
export function timelineModel(c: Case, options: TimelineModelOptions = {}): TimelineModel {
  const drug = options.alignOn === undefined ? c.study.drug : options.alignOn;
  const origin = drug === null ? null : firstPeriod(c, drug)?.start.timeId ?? null;
  const byId = new Map(c.timepoints.map((t) => [t.id, t]));
  const nominals = c.timepoints.map((t) => t.day.nominal).filter(Number.isFinite);
  const span = nominals.length ? Math.max(...nominals) - Math.min(...nominals) : 0;
  const step = Math.max(span, 14) * STEP_PX / STEP_AXIS_PX;
  const abs = narrativePositions(c, step);
  const zero = origin === null ? 0 : abs.get(origin) ?? 0;
  // What the axis counts from: the aligned start, else the case's day 0.
  const ref = origin ?? c.timepoints.find((t) => t.rule === "origin")?.id ?? null;
  const place = (day: Day): PlacedTime => {
    const tp = byId.get(day.timeId);
    const pos = (abs.get(day.timeId) ?? day.nominal) - zero;
    // The days the case's network allows from what the axis counts from (on day 0's axis as
    // on the aligned one: a time's own rule may leave open what the points and periods around it
    // bound).
    const w = ref !== null && tp ? relativeDay(c, day.timeId, ref) : tp ? sinceDay0(c, tp.id) : day;
    const dated = tp && ref !== null ? datedGap(c, day.timeId, ref) : w.lo === w.hi;
    return {
      timeId: day.timeId,
      pos: pos + 0,
      window: { lo: w.lo, hi: w.hi },
      words: tp?.words ?? day.timeId,
      dated,
      placements: dated || !tp || ref === null ? [] : undatedPlacements(c, day.timeId, ref),
    };
  };
  // The axis is the values' own scale when valueAxis keeps it (one scale of 0–10, or of 0–100).
  const axisScales = options.axisScales ?? c.observations.map((o) => o.scale);
  const ownScale = axisScales.length > 0 && valueAxis(axisScales).own;
  const when = (t: PlacedTime, more = false) => aside(windowText(t.window, t.pos), t.words, more);
  const points: PlacedPoint[] = [];
  const spans: PlacedSpan[] = [];
  for (const o of c.observations) {
    const t = place(o.day);
    const text = statedValue(o, ownScale);
    const title = aside(`${o.scale.name} ${text}`, o.words);
    if (o.span) {
      const start = place(o.span.start);
      const end = o.span.end ? place(o.span.end) : null;
      spans.push({
        o,
        t,
        text,
        start,
        end,
        // A value over a period, not a rating at one time: its hover text says so (with what
        // it describes, an average, where the data note it).
        title: `${title}: ${aside("a value over a period", o.note)}, not at one ` +
          `time, from ${when(start, true)} to ${end ? when(end) : "an end not stated"}: ` +
          `“${o.quote}”`,
      });
    } else points.push({ o, t, text, title: `${title}, ${when(t)}: “${o.quote}”` });
  }
  points.sort((a, b) => a.t.pos - b.t.pos);
  const periods = c.treatments.map((t): PlacedPeriod => {
    const start = place(t.start);
    const end = t.end ? place(t.end) : null;
    return {
      t,
      start,
      end,
      title: `${t.drug} ${doseLabel(t, true)} (${t.drugClass}, for ${t.purpose}): from ` +
        `${when(start, true)} to ${end ? when(end) : "an end not stated"}: “${t.quote}”`,
    };
  });
  const events = c.events.map((e): PlacedEvent => {
    const t = place(e.day);
    return { e, t, title: `${e.kind}: ${e.description}, ${when(t)}: “${e.quote}”` };
  });
  const phases: Phase[] = [];
  // What the axis counts from, in words; whether a time's words date it from its own anchor.
  const axisOrigin = origin === null ? "day 0" : `the start of ${drug}`;
  const ownDated = (id: string) => {
    const anchor = byId.get(id)?.anchor;
    return anchor === null || anchor === undefined || datedGap(c, id, anchor);
  };
  // Where each point falls relative to a change at time point `at` (the analyses' reading).
  const sides = (at: string) =>
    Object.fromEntries(
      points.map((p) => [p.t.timeId, phaseOf(relativeDay(c, p.t.timeId, at))]),
    );
  for (const p of periods.filter((p) => p.t.purpose === c.study.indication)) {
    const dose = doseLabel(p.t, true);
    phases.push({
      t: p.start,
      label: `${p.t.drug} ${dose}`,
      drug: p.t.drug,
      change: dose,
      title: p.title,
      sides: sides(p.start.timeId),
    });
    const successor = periods.some((q) =>
      q !== p && q.t.drug === p.t.drug && q.t.start.timeId === p.t.end?.timeId
    );
    if (p.end && !successor) {
      // An end the text states but whose day is open on the later side on this axis is not a
      // stop at its drawn time: say so, and why. Its words may state no day at all (a stepwise
      // switch: "its last dose after the new drug's start", with no date), or date it from an
      // earlier time that this axis leaves open (a stop "two weeks" after an undated start: the
      // appraisal's "not dated from the case's day 0").
      const change = Number.isFinite(p.end.window.hi)
        ? "stopped"
        : ownDated(p.end.timeId)
        ? `stopped, not dated from ${axisOrigin}`
        : "stopped, day not stated";
      phases.push({
        t: p.end,
        label: `${p.t.drug} ${change}`,
        drug: p.t.drug,
        change,
        title: p.title,
        sides: sides(p.end.timeId),
      });
    }
  }
  phases.sort((a, b) => a.t.pos - b.t.pos);
  return { drug, origin, step, points, spans, periods, events, phases, ownScale };
}

/**
 * The source data of a timeline: one row per drawn mark (events, values, value periods, dose
 * periods, phase lines), positions and windows in the figure's frame.
 *
 * @param m The model.
 * @param valueName The values' name (e.g. "VAS").
 * @param factor What a value of the common metric is multiplied by to read on the value axis
 *   (`ValueAxis.factor`: 10 for an axis in mm; default 1).
 * @returns The rows.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries } from "#lib/mod.ts";
 * import { timelineData, timelineModel } from "#lib/plots/timeline_model.ts";
 * const c = (await loadCaseSeries()).cases[0];
 * const rows = timelineData(timelineModel(c), "VAS");
 * assert.equal(rows.some((r) => r.mark === "dose period"), c.treatments.length > 0);
 * ```
 */
export function timelineData(m: TimelineModel, valueName: string, factor = 1): DataRow[] {
  const v = (x: number) => x * factor;
  const time = (prefix: string, t: PlacedTime | null): DataRow =>
    t === null ? { [`${prefix}time_id`]: null, [`${prefix}x`]: null } : {
      [`${prefix}time_id`]: t.timeId,
      [`${prefix}x`]: drawnDay(t.pos),
      [`${prefix}x_lo`]: t.window.lo,
      [`${prefix}x_hi`]: t.window.hi,
      // Whether the text dates it on this axis (drawn filled), or the narrative places it (hollow).
      [`${prefix}x_dated`]: t.dated,
    };
  return [
    ...m.phases.map((p): DataRow => ({
      panel: "phases",
      series: p.label,
      mark: "phase line",
      ...time("", p.t),
      label: p.label,
    })),
    ...m.events.map((e): DataRow => ({
      panel: "events",
      series: e.e.kind,
      mark: "event",
      ...time("", e.t),
      label: e.e.description,
    })),
    ...m.points.map((p): DataRow => ({
      panel: "values",
      series: valueName,
      mark: "point",
      ...time("", p.t),
      y: v(p.o.common.nominal),
      y_lo: v(p.o.common.lo),
      y_hi: v(p.o.common.hi),
      label: p.text,
    })),
    ...m.spans.map((s): DataRow => ({
      panel: "values",
      series: valueName,
      mark: "value over a period",
      ...time("", s.start),
      ...time("end_", s.end),
      // Its marker, at the value's own time.
      ...time("at_", s.t),
      y: v(s.o.common.nominal),
      y_lo: v(s.o.common.lo),
      y_hi: v(s.o.common.hi),
      label: s.text,
    })),
    ...m.periods.map((p): DataRow => ({
      panel: "doses",
      series: p.t.drug,
      mark: "dose period",
      ...time("", p.start),
      ...time("end_", p.end),
      y: nominalDose(p.t.dose),
      label: doseLabel(p.t),
    })),
  ];
}

/**
 * How the narrative places the times of a timeline the text does not date (every time drawn:
 * values, periods, doses, events, phase changes), each placement once: what the caption says of
 * them (`undatedSentence`).
 *
 * @param m The model.
 * @returns The placements used.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries } from "#lib/mod.ts";
 * import { timelineModel, undatedOf } from "#lib/plots/timeline_model.ts";
 * const m = timelineModel((await loadCaseSeries()).cases[0]);
 * const undated = [...m.points.map((p) => p.t), ...m.events.map((e) => e.t)].filter((t) => !t.dated);
 * for (const t of undated) assert.ok(t.placements.every((p) => undatedOf(m).includes(p)));
 * ```
 */
export function undatedOf(m: TimelineModel): UndatedPlacement[] {
  const times = [
    ...m.points.map((p) => p.t),
    ...m.spans.flatMap((s) => [s.t, s.start, ...(s.end ? [s.end] : [])]),
    ...m.periods.flatMap((p) => [p.start, ...(p.end ? [p.end] : [])]),
    ...m.events.map((e) => e.t),
  ];
  const found = new Set(times.flatMap((t) => t.placements));
  return UNDATED_PLACEMENTS.filter((p) => found.has(p));
}
