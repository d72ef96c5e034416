/**
 * Every case's pain values aligned on the first start of the drug of interest: on the common 0–10
 * metric (cm on a 10 cm VAS), and as a percent of
 * the case's baseline with the responder thresholds.
 *
 * @module
 */
import { expectSeriesDrug } from "../series_drugs.ts";
import { checkOptions } from "../options.ts";
import { trajectoriesOptionsSchema } from "./figure_options.ts";
import { expectCases } from "../args.ts";
import { formatNumber, type NominalInterval } from "../intervals.ts";
import type { Case } from "../model.ts";
import type { Exclusion } from "../stats/types.ts";
import { listing, sentenceStart } from "../prose.ts";
import { type BaselineDefinition, percentThresholds } from "../study.ts";
import { studyOf } from "../cases.ts";
import {
  alignWithBaseline,
  baseline,
  BASELINE_LABELS,
  datedGap,
  firstPeriod,
  relativeDay,
} from "../timeline.ts";
import { axesPanel } from "./axes.ts";
import { type Figure, stack } from "./compose.ts";
import { svgElement } from "./dom.ts";
import { measureText } from "./fonts.ts";
import { END_KEY_W, panelHeightForTags } from "./end_labels.ts";
import { thresholdsSentence, trajectoriesLegend } from "./trajectories_legend.ts";
import {
  caseColor,
  DASH,
  type FigureWidth,
  figureWidth,
  GREY,
  PX_PER_MM,
  STROKE,
  TYPE,
} from "./theme.ts";
import { type PlacedTime, timelineModel } from "./timeline_model.ts";
import { joinedPoints } from "./timeline_values.ts";
import { joinedWords, joinsMayCrossChange } from "./joined_words.ts";
import { UNDATED_PLACEMENTS, type UndatedPlacement, undatedSentence } from "./narrative.ts";
import type { LinearScale } from "./uncertainty.ts";
import { metricSentence, valueAxis, whiskerSentence } from "./value_axis.ts";
import { defineFigure, type FigureDef } from "./record.ts";
import { noCaseDrawn } from "./omission.ts";
import {
  drawTracks,
  lastValue,
  type Track,
  type TrackPoint,
  trackRows,
  type TrackUses,
} from "./trajectories_marks.ts";

/** Options of {@link trajectoriesFigure}. */
export interface TrajectoriesOptions {
  /** The drug whose first start is day 0 (default: the study's drug of interest). */
  drug?: string;
  /** Baseline of the percent panel (default: the study's). */
  baseline?: BaselineDefinition;
  /** Figure width (default "full"). */
  width?: FigureWidth;
}

/**
 * All cases aligned on the first start of the drug: the values on the common 0–10 metric in one
 * panel and percent of each case's baseline in another, with the percent responder thresholds of
 * the study. Each value is a marker at its drawn time (hollow where the text does not date it
 * from the drug start) with a whisker over the times its words allow (dashed where open or past
 * the axis) and, for a range, a vertical whisker; a value stated over a period also has a bar
 * from the drawn start of the period to its end (an arrowhead where no end is stated, a dashed run
 * to one where no start is) instead of its time whisker; times are drawn where the case's
 * timeline draws them (in narrative order); a line joins a case's values where its timeline's
 * does, never across a change of drug or dose (dotted to an undated value), and each change is a
 * dashed vertical line keyed by case; case labels sit in the right margin at the height of each
 * case's last value, spread apart. Cases that cannot be drawn are named under the panels with
 * the reason.
 *
 * @param cases The cases.
 * @param options Drug, baseline definition, width.
 * @returns The figure.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries } from "#lib/mod.ts";
 * import { trajectoriesFigure } from "#lib/plots/mod.ts";
 * const f = trajectoriesFigure((await loadCaseSeries()).cases);
 * // It says how many cases it draws: as many as its data rows have series (one line per case).
 * const drawn = new Set(f.data.map((r) => r.series)).size;
 * assert.match(f.description, new RegExp(`^${drawn} cases?'`));
 * ```
 */
export function trajectoriesFigure(
  cases: readonly Case[],
  options: TrajectoriesOptions = {},
): Figure {
  checkOptions("trajectoriesFigure", trajectoriesOptionsSchema, options);
  expectCases("trajectoriesFigure", cases);
  expectSeriesDrug("trajectoriesFigure (options.drug)", cases, options.drug);
  const width = figureWidth(options.width ?? "full");
  const study = studyOf(cases);
  const def = options.baseline ?? study?.baseline ?? "last";
  const selected = trajectoryCases(cases, options);
  const drug = selected.drug;
  const { painTracks, pctTracks, excluded, excludedPct } = caseTracks(selected, def);
  const xDomain = timeDomain(painTracks);
  const labelW = Math.max(
    measureText("−50%", TYPE.small).width,
    ...painTracks.map((t) => measureText(t.label, TYPE.small, "bold").width),
  );
  const margin = { top: 18, right: Math.ceil(labelW + END_KEY_W + 12), bottom: 6, left: 44 };
  // The scales of the values drawn (cases that take the drug), not of every case given.
  const scales = cases.filter((c) => firstPeriod(c, drug) !== null).flatMap((c) =>
    c.observations.map((o) => o.scale)
  );
  const axis = valueAxis(scales);
  const { min, max, label, unit, name } = axis;
  const uses: TrackUses = { ...NO_USES };
  const painPanel = axesPanel({
    width,
    height: 170,
    margin,
    x: { domain: xDomain, label: null, axis: false },
    y: {
      domain: [min, max],
      label,
      ticks: 5,
      ...(axis.factor !== 1 ? { tickFormat: axis.tick } : {}),
    },
    draw: (x, y) => drawTracks(painTracks, x, y, [], uses, true),
  });
  const pctValues = pctTracks.flatMap((t) => t.points.flatMap((p) => [p.v.nominal, p.v.hi]))
    .filter(Number.isFinite);
  const top = Math.ceil(Math.max(110, ...pctValues) / 10) * 10 + 10;
  const thresholds = study ? percentThresholds(study) : [];
  // Tall enough that the tags stay at their threshold lines beside the cases' end labels; where
  // no height does, no tags (the legend names the lines, the axis gives their heights).
  const pctH = panelHeightForTags(pctTracks.map(lastValue), thresholds.map((v) => 100 - v), {
    domain: [0, top],
    base: 200,
    top: margin.top,
    bottom: 34,
  });
  const pctPanel = axesPanel({
    width,
    height: pctH ?? 200,
    margin: { ...margin, bottom: 34 },
    x: { domain: xDomain, label: `Days since the first start of ${drug} →` },
    y: { domain: [0, top], label: `% of baseline ${name}`, ticks: 5 },
    draw: (x, y) => percentMarks(pctTracks, thresholds, pctH !== null, xDomain, { x, y }, uses),
  });
  const notes: string[] = [];
  if (excluded.length) notes.push(`Not shown: ${listing(excluded)}.`);
  if (excludedPct.length) notes.push(`Not in the lower panel: ${listing(excludedPct)}.`);
  const n = painTracks.length;
  // Every whisker of the lower panel comes from a range of a value or of its baseline, both drawn
  // in the upper one.
  const metric = metricSentence(scales);
  const whiskers = whiskerSentence(
    painTracks.flatMap((t) => t.points.map((p) => ({ scale: p.scale, common: p.v }))),
  );
  const data = [
    ...trackRows(painTracks, `${name} (${unit})`, axis.factor),
    ...trackRows(pctTracks, `% of baseline ${name}`, 1),
  ];
  return stack([painPanel, pctPanel], {
    data,
    title: `Pain ${beforeOrAfter(painTracks)} ${drug}, all cases aligned on its first start`,
    width,
    legend: trajectoriesLegend({
      spans: painTracks.some((t) => t.points.some((p) => p.span)),
      thresholds,
      name,
      open: uses.open,
      hollow: uses.hollow,
      undatedLine: uses.undatedLine,
      openStart: uses.openStart,
      phases: uses.phases,
    }),
    notes,
    caption: `${sentenceStart(name)} values stated in the text against days ` +
      `since the first start of ${drug} (${joins(cases, drug)}), n = ${n} ` +
      `case${n === 1 ? "" : "s"}.${
        undatedSentence(
          UNDATED_PLACEMENTS.filter((u) => painTracks.some((t) => t.placements.includes(u))),
          { hollow: uses.hollow, line: uses.undatedLine ? "a dotted line" : "" },
        )
      } Lower panel: each value as a ` +
      `percent of the case's baseline (${BASELINE_LABELS[def].replace("the drug", drug)}).` +
      `${
        thresholdsSentence({
          drawn: thresholds,
          points: study
            ? study.thresholds.filter((t) => t.kind === "points").map((t) => t.value)
            : [],
          source: study?.thresholdsSource ?? null,
        })
      }` +
      `${whiskers ? ` ${whiskers}` : ""}` +
      `${metric ? ` ${metric}` : ""}${apartSentence(uses.apart)}`,
    description: `${n} case${n === 1 ? "" : "s"}' ${name} against days since the first start ` +
      `of ${drug}, in ${unit} and as a percent of the ${def} baseline, with the ` +
      `${listing(thresholds.map((v) => `${v}%`))} reduction thresholds` +
      `${excluded.length ? `; not shown: ${listing(excluded)}` : ""}.`,
  });
}

/**
 * What the caption says of markers set apart (none: nothing): drawn side by side, at most so
 * far from their day (mm at print size, rounded up to 0.1).
 *
 * @param px The most a marker was moved, px.
 */
function apartSentence(px: number): string {
  if (px < 0.05) return "";
  const mm = Math.ceil((px / PX_PER_MM) * 10) / 10;
  return ` Markers of two cases that would overlap are drawn side by side, each at most ` +
    `${formatNumber(mm)} mm from its day.`;
}

/** What the trajectories drew before any mark is drawn. */
const NO_USES: Readonly<TrackUses> = Object.freeze({
  open: false,
  hollow: false,
  undatedLine: false,
  openStart: false,
  phases: false,
  apart: 0,
});

/** The tracks of both panels, and the cases left out of each with why. */
interface CaseTracks {
  /** One track per case drawn, in the scale's units. */
  painTracks: Track[];
  /** One track per case with a percent of baseline. */
  pctTracks: Track[];
  /** The cases not drawn, with why. */
  excluded: string[];
  /** The cases drawn but not in the percent panel, with why. */
  excludedPct: string[];
}

/**
 * The cases the trajectories draw (those that take the drug and state a value, each with its
 * place in the series) and those they leave out with why: the builder's rule, which its record's
 * omission reads too.
 */
function trajectoryCases(
  cases: readonly Case[],
  options: TrajectoriesOptions,
): { drug: string; drawn: { c: Case; index: number }[]; excluded: Exclusion[] } {
  const drug = options.drug ?? studyOf(cases)?.drug ?? "";
  const drawn: { c: Case; index: number }[] = [];
  const excluded: Exclusion[] = [];
  cases.forEach((c, index) => {
    if (firstPeriod(c, drug) === null) {
      excluded.push({ caseId: c.id, reason: `never takes ${drug}` });
    } else if (c.observations.length === 0) {
      excluded.push({ caseId: c.id, reason: "no pain value stated" });
    } else drawn.push({ c, index });
  });
  return { drug, drawn, excluded };
}

/**
 * Each drawn case's track: its values at the times its timeline draws them, as stated and as a
 * percent of its baseline.
 */
function caseTracks(
  { drug, drawn, excluded }: ReturnType<typeof trajectoryCases>,
  def: BaselineDefinition,
): CaseTracks {
  const out: CaseTracks = {
    painTracks: [],
    pctTracks: [],
    excluded: excluded.map((e) => `case ${e.caseId} (${e.reason})`),
    excludedPct: [],
  };
  drawn.forEach(({ c, index: i }) => {
    const label = `Case ${c.id}`;
    const rows = alignWithBaseline(c, drug, def);
    const color = caseColor(i);
    const { placed, dated, joins, phases, placements } = caseFrame(c, drug);
    const spanOf = (r: typeof rows[number]) =>
      r.span
        ? {
          start: placed(r.span.start.timeId),
          end: r.span.end ? placed(r.span.end.timeId) : null,
          startId: r.span.start.timeId,
          endId: r.span.end?.timeId ?? null,
        }
        : null;
    const point = (r: typeof rows[number], v: NominalInterval): TrackPoint => ({
      timeId: r.day.timeId,
      t: placed(r.day.timeId),
      dated: dated(r.day.timeId),
      v,
      scale: r.scale,
      span: spanOf(r),
      note: r.note,
    });
    const track = { label, caseId: c.id, color, index: i, joins, phases, placements };
    out.painTracks.push({ ...track, points: rows.map((r) => point(r, r.common)) });
    const pct = rows.filter((r) => r.percentOfBaseline !== null);
    if (pct.length) {
      out.pctTracks.push({ ...track, points: pct.map((r) => point(r, r.percentOfBaseline!)) });
    } else {
      const b = baseline(c, drug, def);
      out.excludedPct.push(`case ${c.id} (${b.reason ?? "baseline value is 0"})`);
    }
  });
  return out;
}

/**
 * What a line joins, in the caption's words (`joinedWords`): as each case's timeline joins them,
 * saying where a change whose time the text leaves open may fall between two joined values.
 */
function joins(cases: readonly Case[], drug: string): string {
  const mayCross = cases.filter((c) => firstPeriod(c, drug) !== null).some((c) =>
    joinsMayCrossChange(c, timelineModel(c, { alignOn: drug }))
  );
  return joinedWords(mayCross, undefined, " as a dashed vertical line keyed by case");
}

/**
 * Where a case's times are drawn, and what joins them: each time where the case's timeline draws
 * it (its model, `timeline_model.ts`: at its position in narrative order, a point placed "after"
 * another a small step after it), with its window from the first start of the drug as the
 * whisker; whether the text dates it from that start; the pairs of values the timeline's line
 * joins (`joinedPoints`: never across a phase change) and its phase changes.
 */
function caseFrame(c: Case, drug: string): {
  placed: (timeId: string) => NominalInterval;
  dated: (timeId: string) => boolean;
  joins: [string, string][];
  phases: { pos: number; title: string; timeId: string }[];
  placements: UndatedPlacement[];
} {
  const origin = firstPeriod(c, drug)!.start.timeId;
  const at = new Map<string, PlacedTime>();
  const m = timelineModel(c, { alignOn: drug });
  for (const p of [...m.points.map((q) => q.t), ...m.spans.flatMap((q) => [q.t, q.start])]) {
    at.set(p.timeId, p);
  }
  for (const q of m.spans) if (q.end) at.set(q.end.timeId, q.end);
  return {
    placed: (timeId) => {
      const w = relativeDay(c, timeId, origin);
      return { lo: w.lo, hi: w.hi, nominal: at.get(timeId)?.pos ?? w.nominal };
    },
    dated: (timeId) => at.get(timeId)?.dated ?? datedGap(c, timeId, origin),
    joins: joinedPoints(m).map((i) => [m.points[i - 1].t.timeId, m.points[i].t.timeId]),
    phases: m.phases.map((ph) => ({
      pos: ph.t.pos,
      title: `Case ${c.id}: ${ph.title}`,
      timeId: ph.t.timeId,
    })),
    placements: UNDATED_PLACEMENTS.filter((u) =>
      [...at.values()].some((t) => t.placements.includes(u))
    ),
  };
}

/** The x domain: every time drawn (points, whiskers, periods), padded. */
function timeDomain(tracks: readonly Track[]): [number, number] {
  const ts = tracks.flatMap((t) =>
    t.points.flatMap((p) => [p.t, ...(p.span ? [p.span.start, p.span.end ?? p.t] : [])])
  ).flatMap((i) => [i.lo, i.nominal, i.hi]).filter(Number.isFinite);
  const lo = ts.length ? Math.min(...ts) : -7;
  const hi = ts.length ? Math.max(...ts) : 7;
  const pad = Math.max(2, (hi - lo) * 0.04);
  return [lo - pad, hi + pad];
}

/**
 * Whether the values drawn lie before the drug's start, after it or both (the title's words):
 * "before and after" when none is drawn either side.
 */
function beforeOrAfter(tracks: readonly Track[]): string {
  const at = tracks.flatMap((t) => t.points.map((p) => p.t.nominal));
  const before = at.some((d) => d < 0);
  const after = at.some((d) => d >= 0);
  return before === after ? "before and after" : before ? "before" : "after";
}

/** The percent panel's marks: a dashed line at each threshold, labelled, under the tracks. */
function percentMarks(
  tracks: readonly Track[],
  thresholds: readonly number[],
  tagged: boolean,
  xDomain: readonly [number, number],
  { x, y }: { x: LinearScale; y: LinearScale },
  uses: TrackUses,
): Element {
  const g = svgElement("g");
  const [x0, x1] = [x(xDomain[0]), x(xDomain[1])];
  for (const v of thresholds) {
    g.appendChild(svgElement("line", {
      x1: x0,
      x2: x1,
      y1: y(100 - v),
      y2: y(100 - v),
      stroke: GREY.muted,
      "stroke-width": STROKE.thin,
      "stroke-dasharray": DASH.reference,
    }));
  }
  g.appendChild(
    drawTracks(
      tracks,
      x,
      y,
      tagged ? thresholds.map((v) => ({ text: `−${v}%`, y: y(100 - v) })) : [],
      uses,
    ),
  );
  return g;
}

/**
 * The record of the trajectories of a series (`results/figures/trajectories`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries } from "#lib/mod.ts";
 * import { TRAJECTORIES } from "#lib/plots/mod.ts";
 * const series = await loadCaseSeries();
 * assert.equal(TRAJECTORIES.file(series), "trajectories");
 * assert.match(TRAJECTORIES.build(series, { width: "column" }).description, /^\d+ cases?'/);
 * // Not drawn when no case takes the drug and states a value: a sentence says why.
 * assert.equal(TRAJECTORIES.omission(series), null);
 * const study = { ...series.study, drug: "a drug no case takes" };
 * const none = { ...series, study, cases: series.cases.map((c) => ({ ...c, study })) };
 * assert.match(TRAJECTORIES.omission(none)!, /^No trajectories figure: .*never takes a drug/);
 * ```
 */
export const TRAJECTORIES: Readonly<FigureDef<"series">> = defineFigure({
  name: "trajectories",
  title: "Every case's values and percent of baseline, aligned on the first start of the drug",
  needs: "series",
  builder: trajectoriesFigure,
  notebook: "10-pooled",
  file: () => "trajectories",
  omission: (s) => {
    const { drawn, excluded } = trajectoryCases(s.cases, {});
    return noCaseDrawn("trajectories figure", drawn.length, excluded);
  },
  build: (s, options) => trajectoriesFigure(s.cases, { ...options }),
});
