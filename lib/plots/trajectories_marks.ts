/**
 * The marks of the trajectories figure, drawn from each case's track: the phase changes (dashed
 * lines keyed by case), the values over a period, the lines joining one phase's values (dotted to
 * a time the text does not date), the whiskers and the markers (hollow at such a time), the end
 * labels; and the tracks' source data.
 *
 * @module
 */
import { formatNumber, type NominalInterval } from "../intervals.ts";
import type { Scale } from "../scales.ts";
import type { DataRow } from "./compose.ts";
import { roundPx, svgElement, titled } from "./dom.ts";
import { drawEndLabels } from "./end_labels.ts";
import { withColumnsAfter } from "./join_columns.ts";
import { arrowHead } from "./legend.ts";
import { DASH, GREY, MARKER_RADIUS, SPAN_BAR, STROKE } from "./theme.ts";
import type { UndatedPlacement } from "./narrative.ts";
import { aside, drawnDay, windowText } from "./hover_text.ts";
import { type LinearScale, openStart, verticalWhisker, whisker } from "./uncertainty.ts";
import { caseKey, caseMarker, caseMarkerEdge, markerReach } from "./case_marks.ts";
import { MARKER_GAP, setApart } from "./markers_apart.ts";

export interface Track {
  label: string;
  /** The case's id (`cases.csv`). */
  caseId: string;
  color: string;
  /** The case's position in the series (its colour and marker shape). */
  index: number;
  points: TrackPoint[];
  /**
   * The pairs of time points a line joins: those the case's timeline joins (`joinedPoints`, never
   * across a change of drug or dose).
   */
  joins: readonly (readonly [string, string])[];
  /**
   * The case's phase changes: drawn position (days since the drug start), hover text and the
   * time point of the change.
   */
  phases: readonly { pos: number; title: string; timeId: string }[];
  /** How the narrative places the times of its values the text does not date. */
  placements: readonly UndatedPlacement[];
}

export interface TrackPoint {
  /** The time point. */
  timeId: string;
  t: NominalInterval;
  /** Whether the text dates it from the drug start (else a placeholder, drawn hollow). */
  dated: boolean;
  v: NominalInterval;
  /** The scale the value was rated on. */
  scale: Scale;
  /**
   * The period the value is stated for, relative to the drug start, if any, with the time points
   * of its start and end.
   */
  span: {
    start: NominalInterval;
    end: NominalInterval | null;
    startId: string;
    endId: string | null;
  } | null;
  /** What the value describes where it is not one rating (an average). */
  note: string | null;
}

/** Which marks the trajectories drew, for the legend and the caption. */
export interface TrackUses {
  /** A whisker open-ended or past the axis (dashed). */
  open: boolean;
  /** A value at a time the text does not date from the drug start (a hollow marker). */
  hollow: boolean;
  /** A line to or from such a value (dotted). */
  undatedLine: boolean;
  /** A value over a period whose start the text leaves open (an arrow to the left). */
  openStart: boolean;
  /** A phase change (a dashed vertical line). */
  phases: boolean;
  /** The most a marker was set apart sideways from its time, so as not to hide another (px). */
  apart: number;
}

/**
 * The source data of a panel's tracks: one row per point (x: days, y: the value) and per phase
 * line, each with its case and time point (`case_id`, `time_id`; a value over a period also the
 * time points of its bar's ends, `bar_from_time_id`, `bar_to_time_id`) after the other columns.
 */
export function trackRows(tracks: readonly Track[], panelName: string, factor: number): DataRow[] {
  const ids: DataRow[] = [];
  const rows = tracks.flatMap((tr) => [
    ...[...tr.points].sort((a, b) => a.t.nominal - b.t.nominal).map((p): DataRow => {
      ids.push({
        case_id: tr.caseId,
        time_id: p.timeId,
        bar_from_time_id: p.span?.startId ?? null,
        bar_to_time_id: p.span?.endId ?? null,
      });
      return {
        panel: panelName,
        series: tr.label,
        mark: p.span ? "value over a period" : "point",
        x: drawnDay(p.t.nominal),
        x_lo: p.span ? p.span.start.lo : p.t.lo,
        x_hi: p.span ? (p.span.end?.hi ?? Infinity) : p.t.hi,
        // Dated by the text from the drug start (a filled marker) or placed by its narrative.
        x_dated: p.dated,
        y: p.v.nominal * factor,
        y_lo: p.v.lo * factor,
        y_hi: p.v.hi * factor,
        // The line into it from the case's previous value: solid, dotted (to or from a time the
        // text does not date) or none (a phase change between them, or a value over a period).
        line_in: lineInto(tr, p),
        // A value over a period: its bar, from the period's drawn start to its drawn end (none
        // stated: to the axis's edge, with an arrowhead); a start with no earlier bound is x_lo −Inf.
        ...(p.span
          ? {
            bar_from: drawnDay(p.span.start.nominal),
            bar_to: p.span.end ? drawnDay(p.span.end.nominal) : null,
          }
          : {}),
      };
    }),
    ...tr.phases.map((ph): DataRow => {
      ids.push({
        case_id: tr.caseId,
        time_id: ph.timeId,
        bar_from_time_id: null,
        bar_to_time_id: null,
      });
      return {
        panel: panelName,
        series: tr.label,
        mark: "phase line",
        x: drawnDay(ph.pos),
        label: ph.title,
      };
    }),
  ]);
  return withColumnsAfter(rows, (_, i) => ids[i]);
}

/** How the line runs into a point: "solid", "dotted" or "none". */
function lineInto(tr: Track, p: TrackPoint): "solid" | "dotted" | "none" {
  const join = tr.joins.find(([, b]) => b === p.timeId);
  const from = join && tr.points.find((q) => q.timeId === join[0] && !q.span);
  if (!from || p.span) return "none";
  return from.dated && p.dated ? "solid" : "dotted";
}

/**
 * Phase lines, the periods' bars, lines, whiskers and markers of every track, and the end labels
 * (with `tags`) in the margin. `keys`: the cases' keys on top of the phase lines (upper panel).
 */
export function drawTracks(
  tracks: readonly Track[],
  x: LinearScale,
  y: LinearScale,
  tags: readonly { text: string; y: number }[],
  uses: TrackUses,
  keys = false,
): Element {
  const g = svgElement("g", { "aria-label": "trajectories" });
  phaseLines(g, tracks, x, y, uses, keys);
  // Values stated for a period: a bar (a band for a range) over the period, under every case's
  // line and points.
  const under = g.appendChild(svgElement("g", { "aria-label": "periods" }));
  // A bar from the drawn start of the period to its drawn end (an arrowhead where no end is
  // stated, a dashed run to an arrowhead where no start is), never across the window of an
  // uncertain start or end.
  const [d0, d1] = x.domain;
  const clip = (v: number) => Math.min(Math.max(v, d0), d1);
  for (const tr of tracks) {
    for (const p of tr.points.filter((p) => p.span)) {
      const band = y(p.v.lo) - y(p.v.hi) > SPAN_BAR;
      const top = band ? y(p.v.hi) : y(p.v.nominal) - SPAN_BAR / 2;
      const h = band ? y(p.v.lo) - y(p.v.hi) : SPAN_BAR;
      const x1 = x(clip(p.span!.start.nominal));
      const open = p.span!.end === null;
      const x2 = Math.max(x1 + 2, x(open ? d1 : clip(p.span!.end!.nominal)));
      const holder = band ? under.appendChild(svgElement("g", { opacity: 0.5 })) : under;
      holder.appendChild(svgElement("rect", {
        x: x1,
        y: top,
        width: x2 - x1 - (open ? 4 : 0),
        height: h,
        fill: tr.color,
      }));
      if (open) holder.appendChild(arrowHead(x2, top + h / 2, h / 2 + 1.5, tr.color));
      if (p.span!.start.lo === -Infinity) {
        uses.openStart = true;
        for (
          const el of openStart(x1, top + h / 2, Math.min(h, SPAN_BAR), tr.color, x(d0)).elements
        ) {
          under.appendChild(el);
        }
      }
    }
  }
  // Where each marker is drawn across: at its time, or set apart from another case's it would
  // overlap (its line and vertical whisker go with it; its time whisker stays at its time).
  const at = markerPlaces(tracks, x, y);
  uses.apart = Math.max(uses.apart, ...[...at].map(([p, px]) => Math.abs(px - x(p.t.nominal))));
  for (const tr of tracks) {
    const lines = g.appendChild(svgElement("g", { "aria-label": `lines of ${tr.label}` }));
    // A line joins two values only where the case's timeline joins them: never across a change
    // of drug or dose (Kratochwill et al. 2013); dashed to or from a time the text does not date.
    const byId = new Map(tr.points.filter((p) => !p.span).map((p) => [p.timeId, p]));
    for (const [a, b] of tr.joins) {
      const [p, q] = [byId.get(a), byId.get(b)];
      if (!p || !q) continue;
      const dashed = !p.dated || !q.dated;
      uses.undatedLine ||= dashed;
      lines.appendChild(svgElement("line", {
        x1: roundPx(at.get(p)!),
        y1: roundPx(y(p.v.nominal)),
        x2: roundPx(at.get(q)!),
        y2: roundPx(y(q.v.nominal)),
        stroke: tr.color,
        "stroke-width": STROKE.data,
        ...(dashed ? { "stroke-dasharray": DASH.undated } : {}),
      }));
    }
    for (const p of tr.points) {
      // The period's bar stands for the time of a value stated over it.
      if (!p.span) {
        const w = whisker(p.t, y(p.v.nominal), x, tr.color);
        uses.open ||= w.open;
        for (const el of w.elements) g.appendChild(el);
      }
      for (const el of verticalWhisker(p.v, at.get(p)!, y, tr.color).elements) {
        g.appendChild(el);
      }
    }
  }
  // The markers: every case's values over a period first, then its values at one time, so that
  // a period's marker never hides another case's point.
  for (const spans of [true, false]) {
    for (const tr of tracks) {
      for (const p of tr.points.filter((q) => (q.span !== null) === spans)) {
        uses.hollow ||= !p.dated;
        g.appendChild(titled(
          caseMarker(tr.index, at.get(p)!, y(p.v.nominal), true, !p.dated),
          pointTitle(tr, p),
        ));
      }
    }
  }
  // Every marker's edge again over all tracks: a marker under another case's shows its edge.
  for (const tr of tracks) {
    for (const p of tr.points) {
      g.appendChild(caseMarkerEdge(tr.index, at.get(p)!, y(p.v.nominal)));
    }
  }
  // End labels and tags in the right margin, spread apart.
  const ends = tracks.map((tr) => ({
    text: tr.label,
    y: y(lastValue(tr)),
    color: tr.color,
    mark: tr.index,
  }));
  drawEndLabels(g, ends, tags, x(x.domain[1]) + 6, y);
  return g;
}

/**
 * Where each point's marker is drawn across (px): at its time, set apart sideways from any
 * marker of the panel it would overlap (`setApart`).
 */
function markerPlaces(
  tracks: readonly Track[],
  x: LinearScale,
  y: LinearScale,
): Map<TrackPoint, number> {
  const points = tracks.flatMap((tr) => tr.points.map((p) => ({ tr, p })));
  const xs = setApart(points.map(({ tr, p }) => ({
    x: x(p.t.nominal),
    y: y(p.v.nominal),
    ...markerReach(tr.index),
  })));
  return new Map(points.map(({ p }, i) => [p, xs[i]]));
}

/** A value's hover text: the value, when, and for a value over a period, that it is one. */
function pointTitle(tr: Track, p: TrackPoint): string {
  const value = `${formatNumber(p.v.nominal)}${
    p.v.lo < p.v.hi ? ` (${formatNumber(p.v.lo)}–${formatNumber(p.v.hi)})` : ""
  }`;
  const drawn = formatNumber(Math.round(p.t.nominal * 10) / 10);
  if (p.span) {
    const end = p.span.end ? windowText(p.span.end, p.span.end.nominal) : "an end not stated";
    return `${tr.label}: ${value}, ${aside("a value over a period", p.note)}, not ` +
      `at one time: from ${windowText(p.span.start, p.span.start.nominal)} to ${end} ` +
      `(drawn at day ${drawn})`;
  }
  return `${tr.label}: ${value} at day ${drawn}` +
    `${p.dated ? "" : ", a time the text does not date (placed by its narrative)"} ` +
    `(the words allow ${windowText(p.t, p.t.nominal)})`;
}

/**
 * The cases' phase changes: a dashed vertical line at each (changes of several cases within 2 px
 * share one, its hover text naming each), with the keys of the cases it belongs to on top.
 */
function phaseLines(
  g: Element,
  tracks: readonly Track[],
  x: LinearScale,
  y: LinearScale,
  uses: TrackUses,
  keys: boolean,
): void {
  const [d0, d1] = x.domain;
  const lines: { px: number; cases: number[]; titles: string[] }[] = [];
  for (const tr of tracks) {
    for (const ph of tr.phases) {
      if (ph.pos < d0 || ph.pos > d1) continue;
      const px = x(ph.pos);
      const near = lines.find((l) => Math.abs(l.px - px) < 2);
      const line = near ?? lines[lines.push({ px, cases: [], titles: [] }) - 1];
      if (!line.cases.includes(tr.index)) line.cases.push(tr.index);
      line.titles.push(ph.title);
    }
  }
  const [top, bottom] = [y(y.domain[1]), y(y.domain[0])];
  const r = MARKER_RADIUS * 0.7;
  const group = keys ? g.appendChild(svgElement("g", { "aria-label": "phase keys" })) : null;
  // Keys left to right, each centred over its line's keys, pushed right of the one before where
  // they would overlap (lines a few px apart).
  let free = -Infinity;
  for (const l of [...lines].sort((a, b) => a.px - b.px)) {
    uses.phases = true;
    g.appendChild(titled(
      svgElement("line", {
        x1: roundPx(l.px),
        x2: roundPx(l.px),
        y1: top,
        y2: bottom,
        stroke: GREY.faint,
        "stroke-width": STROKE.thin,
        "stroke-dasharray": DASH.reference,
      }),
      l.titles.join("\n"),
    ));
    if (!group) continue;
    // Whose change it is: the cases' keys side by side over the line.
    l.cases.forEach((index, k) => {
      const w = markerReach(index, r).w;
      const cx = Math.max(l.px + (k - (l.cases.length - 1) / 2) * (2 * r + MARKER_GAP), free + w);
      free = cx + w + MARKER_GAP;
      group.appendChild(caseKey(index, cx, top - r - 2, r));
    });
  }
}

/** The value of a track's last point in time. */
export function lastValue(tr: Track): number {
  return [...tr.points].sort((a, b) => a.t.nominal - b.t.nominal).at(-1)!.v.nominal;
}
