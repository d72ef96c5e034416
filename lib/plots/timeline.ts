/**
 * The article's Figure 1 (A–C), rebuilt from the text: one case's events, VAS and dose periods
 * against time, each time with the interval its words allow.
 *
 * @module
 */
import { expectCase } from "../args.ts";
import * as Plot from "@observablehq/plot";
import { formatNumber, type NominalInterval } from "../intervals.ts";
import type { Case, CaseEvent, Day, Observation, Treatment } from "../model.ts";
import { scaleLabel } from "../scales.ts";
import { firstPeriod, relativeDay } from "../timeline.ts";
import { type DataRow, type Figure, panel, stack } from "./compose.ts";
import { document, svgElement, textElement } from "./dom.ts";
import { measureText } from "./fonts.ts";
import type { LegendItem } from "./legend.ts";
import { type Obstacles, placeLabel, spread, textBox, wrapText } from "./layout.ts";
import {
  drugClassColors,
  type FigureWidth,
  figureWidth,
  GREY,
  MARKER_RADIUS,
  SPAN_BAR,
  STROKE,
  TYPE,
} from "./theme.ts";
import {
  type FuzzyBar,
  fuzzyBar,
  type LinearScale,
  linearScale,
  PALE,
  spanBar,
  verticalWhisker,
  whisker,
} from "./uncertainty.ts";

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

const LANE_H = 28;
/** Colour of a value stated for a period: mid-grey, apart from the ink of the points. */
const SPAN_COLOR = "#666666";

/** Which marks a timeline drew, so that its legend shows those and only those. */
interface Uses {
  open: boolean;
  fade: boolean;
  pale: boolean;
  span: boolean;
}

/** Label spots of a value stated for a period: inside a band tall enough to hold it, then above
 * the bar, then below it; each over the middle of its sure part, else of what is drawn, else at
 * its start. */
function bandSpots(
  b: { bar: FuzzyBar; top: number; bottom: number },
  size: number,
): [number, number, "start" | "middle" | "end"][] {
  const e = b.bar.extent!;
  const xs: [number, "start" | "middle"][] = [
    ...(b.bar.core ? [[(b.bar.core.x1 + b.bar.core.x2) / 2, "middle"] as [number, "middle"]] : []),
    [(e.x1 + e.x2) / 2, "middle"],
    [e.x1 + 2, "start"],
  ];
  const inside = b.bottom - b.top >= size * 1.1 ? [(b.top + b.bottom) / 2 + size * 0.36] : [];
  return [...inside, b.top - 3, b.bottom + size * 0.8 + 3].flatMap((ty) =>
    xs.map(([tx, a]): [number, number, "start" | "middle"] => [tx, ty, a])
  );
}

const STRIP_ROW = TYPE.small * 1.45;
const VAS_H = 150;

/**
 * Builds the timeline figure of one case, top to bottom: a strip of events (a marker at the
 * nominal time, a whisker over the times the words allow, its kind as label, or its description
 * where the case has more than one event of that kind); the VAS (0–10 cm,
 * same axis for every case) with a point at each stated value, a horizontal whisker for its time,
 * a vertical one for a stated range, a band for a value stated over a period, a line through the
 * points; one lane per drug with a bar per dose period (height: dose relative to the drug's
 * highest, number: mg/day, colour: drug class, faded edges: the interval the start or end may
 * fall in). Labels are placed so that none overlaps another or leaves the figure.
 *
 * @param c The case.
 * @param options Alignment, title, width.
 * @returns The figure.
 * @example
 * ```ts
 * import { loadCaseSeries } from "../load.ts";
 * import { caseTimelineFigure } from "./timeline.ts";
 * const c = (await loadCaseSeries()).cases[1];
 * caseTimelineFigure(c).description.startsWith(`Case ${c.id}:`); // true
 * ```
 */
export function caseTimelineFigure(c: Case, options: TimelineOptions = {}): Figure {
  expectCase("caseTimelineFigure", c);
  const width = figureWidth(options.width ?? "full");
  const drug = options.alignOn === undefined ? c.study.drug : options.alignOn;
  const origin = drug === null ? null : firstPeriod(c, drug)?.start.timeId ?? null;
  const notes: string[] = [];
  if (drug !== null && origin === null) {
    notes.push(
      `Case ${c.id} never takes ${drug}: times are days since day 0 (${c.day0}), not since ` +
        `the start of ${drug}.`,
    );
  }
  const byId = new Map(c.timepoints.map((t) => [t.id, t]));
  const place = (day: Day): NominalInterval => {
    if (origin !== null) return relativeDay(c, day.timeId, origin);
    const d = byId.get(day.timeId)?.day ?? day;
    return { lo: d.lo, hi: d.hi, nominal: d.nominal };
  };

  const obs = c.observations.map((o) => ({
    o,
    t: place(o.day),
    span: o.span
      ? { start: place(o.span.start), end: o.span.end ? place(o.span.end) : null }
      : null,
  }));
  const periods = c.treatments.map((t) => ({
    t,
    start: place(t.start),
    end: t.end ? place(t.end) : null,
  }));
  const events = c.events.map((e) => ({
    label: eventLabel(e, c.events, width / 2),
    t: place(e.day),
  }));

  // x domain: every nominal time and every finite bound, padded.
  const values = [
    ...obs.flatMap((x) => [x.t, ...(x.span ? [x.span.start, x.span.end].filter((s) => s) : [])]),
    ...periods.flatMap((p) => [p.start, ...(p.end ? [p.end] : [])]),
    ...events.map((e) => e.t),
  ].flatMap((i) => [i!.lo, i!.nominal, i!.hi]).filter(Number.isFinite);
  const lo = values.length ? Math.min(...values) : -7;
  const hi = values.length ? Math.max(...values) : 7;
  const pad = Math.max(2, (hi - lo) * 0.04);
  const domain: [number, number] = [lo - pad, hi + pad];

  const drugs = [...new Set(periods.map((p) => p.t.drug))];
  const laneLabels = drugs.map((d) => {
    const purpose = periods.find((p) => p.t.drug === d)!.t.purpose;
    return { drug: d, sub: purpose === c.study.indication ? null : purpose };
  });
  const marginLeft = Math.ceil(
    Math.max(
      44,
      ...laneLabels.flatMap((l) => [
        measureText(l.drug, TYPE.label).width,
        l.sub ? measureText(l.sub, TYPE.small).width : 0,
      ]),
    ) + 12,
  );
  const marginRight = 12;
  const x = linearScale(domain, [marginLeft, width - marginRight]);
  const xLabel = origin === null
    ? `Days since day 0 (${c.day0}) →`
    : `Days since the start of ${drug} →`;
  const xLabelFits = measureText(xLabel, TYPE.small).width < width - marginLeft;

  const panels: Element[] = [];
  const uses: Uses = { open: false, fade: false, pale: false, span: false };
  if (events.length) panels.push(eventStrip(events, x, width, uses));
  panels.push(vasPanel(obs, events, x, width, marginLeft, marginRight, origin !== null, uses));
  const classes = drugClassColors(periods.map((p) => p.t.drugClass));
  const colorOf = new Map(classes.map((k) => [k.drugClass, k.color]));
  panels.push(
    lanePanel(periods, laneLabels, colorOf, x, uses, {
      width,
      marginLeft,
      marginRight,
      xLabel: xLabelFits ? xLabel : xLabel.replace(/ \(.*\)/, ""),
    }),
  );

  const valueName = scaleLabel(c.observations.map((o) => o.scale)).name;
  const legendItems: LegendItem[] = [
    ...(obs.some((o) => !o.span)
      ? [{
        label: `stated ${valueName} (whisker: times the words allow)`,
        swatch: { kind: "whisker", color: GREY.ink },
      } as LegendItem]
      : []),
    ...(uses.open
      ? [{
        label: "dashed: open-ended or past the axis",
        swatch: { kind: "whisker", color: GREY.ink, open: true },
      } as LegendItem]
      : []),
    ...(uses.span
      ? [{
        label: `${valueName} stated for a period`,
        swatch: { kind: "rect", color: SPAN_COLOR, height: SPAN_BAR },
      } as LegendItem]
      : []),
    ...(events.length
      ? [{ label: "event", swatch: { kind: "diamond", color: GREY.ink } } as LegendItem]
      : []),
    ...(uses.fade
      ? [{
        label: "uncertain start or end",
        swatch: { kind: "fade", color: GREY.muted },
      } as LegendItem]
      : []),
    ...(uses.pale
      ? [{
        label: "pale: end or timing not stated",
        swatch: { kind: "rect", color: GREY.muted, opacity: PALE },
      } as LegendItem]
      : []),
    ...classes.map((k): LegendItem => ({
      label: k.fallback ? `${k.drugClass} (no assigned colour)` : k.drugClass,
      swatch: { kind: "rect", color: k.color },
    })),
  ];
  const data: DataRow[] = [
    ...events.map((e) => ({
      panel: "events",
      series: e.label,
      mark: "event",
      x: e.t.nominal,
      x_lo: e.t.lo,
      x_hi: e.t.hi,
    })),
    ...obs.map((o) => ({
      panel: "values",
      series: valueName,
      mark: o.span ? "value over a period" : "point",
      x: o.t.nominal,
      x_lo: o.span ? o.span.start.lo : o.t.lo,
      x_hi: o.span ? (o.span.end?.hi ?? Infinity) : o.t.hi,
      y: o.o.value.nominal,
      y_lo: o.o.value.lo,
      y_hi: o.o.value.hi,
      label: o.o.words,
    })),
    ...periods.map((p) => ({
      panel: "doses",
      series: p.t.drug,
      mark: "dose period",
      x: p.start.nominal,
      x_lo: p.start.lo,
      x_hi: p.end ? p.end.hi : Infinity,
      y: p.t.doseMgPerDay,
      label: formatNumber(p.t.doseMgPerDay),
    })),
  ];
  return stack(panels, {
    data,
    title: options.title ??
      `Case ${c.id}: ${c.age}-year-old ${c.sex}, ${c.side} ${c.limb} limb (${c.level})`,
    width,
    legend: legendItems,
    notes,
    caption: "Bars: dose periods, coloured by drug class; height: dose relative to the drug's " +
      "highest dose; numbers: dose in mg/day. Times are inferred from the text's words by the " +
      "rules of data/README.md; nothing is read from the article's Figure 1.",
    description: `Case ${c.id}: ${describeValues(obs.map((x) => x.o))} against ` +
      `${origin === null ? "days since day 0" : `days since the start of ${drug}`}, with ` +
      `${periods.length} dose period${periods.length === 1 ? "" : "s"}` +
      `${drugs.length ? ` of ${drugs.join(", ")}` : ""}` +
      `${events.length ? ` and ${events.length} event${events.length === 1 ? "" : "s"}` : ""}.`,
  });
}

function describeValues(obs: readonly Observation[]): string {
  if (obs.length === 0) return "no pain value stated";
  const { name, unit } = scaleLabel(obs.map((o) => o.scale));
  const f = (o: Observation) => formatNumber(o.vas.nominal);
  return obs.length === 1
    ? `1 stated ${name} value (${f(obs[0])} ${unit})`
    : `${obs.length} stated ${name} values from ${f(obs[0])} to ${f(obs.at(-1)!)} ${unit}`;
}

/**
 * An event's label: its kind, or its description where the case has another event of the same
 * kind (two "amputation" labels would not say which is which), cut at a word with "…" where it
 * is wider than `maxWidth`.
 */
function eventLabel(e: CaseEvent, all: readonly CaseEvent[], maxWidth: number): string {
  const label = all.some((o) => o !== e && o.kind === e.kind) ? e.description : e.kind;
  const lines = wrapText(label, maxWidth, TYPE.small);
  return lines.length > 1 ? `${lines[0]} …` : label;
}

/** Events: a marker, a whisker and a label each, in as many rows as keep labels apart. */
function eventStrip(
  events: readonly { label: string; t: NominalInterval }[],
  x: LinearScale,
  width: number,
  uses: Uses,
): Element {
  const [d0, d1] = x.domain;
  type Spot = { anchor: "start" | "end"; tx: number; x1: number; x2: number; halo: boolean };
  const rows: { x1: number; x2: number }[][] = [];
  const placed: (Spot & { row: number; e: typeof events[number] })[] = [];
  const sorted = [...events].sort((a, b) => a.t.nominal - b.t.nominal);
  const gap = 3;
  for (const ev of sorted) {
    const px = x(Math.min(Math.max(ev.t.nominal, d0), d1));
    const w1 = Math.min(x(Math.max(ev.t.lo, d0)), px - MARKER_RADIUS);
    const w2 = Math.max(x(Math.min(ev.t.hi, d1)), px + MARKER_RADIUS);
    const lw = measureText(ev.label, TYPE.small).width;
    // Beside the whisker where there is room, else across it (with a halo).
    const spots: Spot[] = [
      { anchor: "start", tx: w2 + gap, x1: w1, x2: w2 + gap + lw, halo: false },
      { anchor: "end", tx: w1 - gap, x1: w1 - gap - lw, x2: w2, halo: false },
      {
        anchor: "start",
        tx: px + MARKER_RADIUS + gap,
        x1: w1,
        x2: Math.max(w2, px + 6 + lw),
        halo: true,
      },
      {
        anchor: "end",
        tx: px - MARKER_RADIUS - gap,
        x1: Math.min(w1, px - 6 - lw),
        x2: w2,
        halo: true,
      },
    ];
    const fits = spots.filter((s) => s.x1 >= 0 && s.x2 <= width);
    const choices = fits.length ? fits : [{ ...spots[2], tx: 0, x1: 0, x2: width }];
    for (let r = 0;; r++) {
      rows[r] ??= [];
      const free = choices.find((s) => rows[r].every((q) => s.x2 + 6 <= q.x1 || q.x2 + 6 <= s.x1));
      if (free) {
        rows[r].push({ x1: free.x1, x2: free.x2 });
        placed.push({ ...free, row: r, e: ev });
        break;
      }
    }
  }
  const height = rows.length * STRIP_ROW + 4;
  const p = panel(width, height);
  for (const q of placed) {
    const cy = 2 + q.row * STRIP_ROW + STRIP_ROW / 2;
    const w = whisker(q.e.t, cy, x, GREY.muted);
    uses.open ||= w.open;
    for (const el of w.elements) p.appendChild(el);
    const px = x(Math.min(Math.max(q.e.t.nominal, d0), d1));
    const r = MARKER_RADIUS * 1.2;
    p.appendChild(svgElement("path", {
      d: `M${px},${cy - r}L${px + r},${cy}L${px},${cy + r}L${px - r},${cy}Z`,
      fill: GREY.ink,
    }));
    p.appendChild(textElement(q.e.label, q.tx, cy + TYPE.small * 0.36, {
      size: TYPE.small,
      anchor: q.anchor,
      fill: GREY.ink,
      halo: q.halo,
    }));
  }
  return p;
}

/** The VAS panel: values, whiskers, bands, a line through the points and their labels. */
function vasPanel(
  obs: readonly {
    o: Observation;
    t: NominalInterval;
    span: { start: NominalInterval; end: NominalInterval | null } | null;
  }[],
  events: readonly { t: NominalInterval }[],
  x: LinearScale,
  width: number,
  marginLeft: number,
  marginRight: number,
  originShown: boolean,
  uses: Uses,
): Element {
  const marginTop = 18;
  const marginBottom = 6;
  const { min, max, label } = scaleLabel(obs.map((x) => x.o.scale));
  const y = linearScale([min, max], [VAS_H - marginBottom, marginTop]);
  const draw = () => {
    const g = svgElement("g", { "aria-label": "values" });
    const obstacles: Obstacles = { boxes: [], segments: [] };
    const [d0, d1] = x.domain;
    if (originShown && d0 < 0 && d1 > 0) {
      const s = { x1: x(0), x2: x(0), y1: marginTop, y2: VAS_H - marginBottom };
      g.appendChild(svgElement("line", { ...s, stroke: GREY.muted, "stroke-width": STROKE.thin }));
      obstacles.segments.push(s);
    }
    // Exact event times as faint guides.
    for (const ev of events) {
      if (ev.t.lo !== ev.t.hi || ev.t.nominal < d0 || ev.t.nominal > d1) continue;
      const s = {
        x1: x(ev.t.nominal),
        x2: x(ev.t.nominal),
        y1: marginTop,
        y2: VAS_H - marginBottom,
      };
      g.appendChild(svgElement("line", {
        ...s,
        stroke: GREY.faint,
        "stroke-width": STROKE.thin,
        "stroke-dasharray": "1,2",
      }));
      obstacles.segments.push(s);
    }
    if (obs.length === 0) {
      const cx = (marginLeft + width - marginRight) / 2;
      g.appendChild(textElement("no pain value stated", cx, (marginTop + VAS_H) / 2, {
        size: TYPE.label,
        anchor: "middle",
        fill: GREY.muted,
        halo: true,
      }));
      return g;
    }
    const points = obs.filter((o) => !o.span).sort((a, b) => a.t.nominal - b.t.nominal);
    // Bands: a value stated for a period, a thick bar (an exact value) or a band (a range).
    const bands = obs.filter((o) => o.span).map((o) => {
      const s = o.span!;
      const bar = spanBar({ start: s.start, end: s.end, value: o.o.vas, y, x, color: SPAN_COLOR });
      for (const el of bar.elements) g.appendChild(el);
      uses.span = true;
      uses.fade ||= bar.uses.fade;
      uses.pale ||= bar.uses.pale;
      uses.open ||= bar.uses.open;
      const box = bar.extent
        ? {
          x: bar.extent.x1,
          y: bar.y - 1,
          width: bar.extent.x2 - bar.extent.x1,
          height: bar.height + 2,
        }
        : null;
      if (box) obstacles.boxes.push(box);
      return { o: o.o, bar, top: bar.y, bottom: bar.y + bar.height, box };
    });
    // Line through the points, then whiskers, then dots.
    for (let i = 1; i < points.length; i++) {
      const s = {
        x1: x(points[i - 1].t.nominal),
        y1: y(points[i - 1].o.vas.nominal),
        x2: x(points[i].t.nominal),
        y2: y(points[i].o.vas.nominal),
      };
      g.appendChild(svgElement("line", { ...s, stroke: GREY.ink, "stroke-width": STROKE.data }));
      obstacles.segments.push(s);
    }
    for (const p of points) {
      const py = y(p.o.vas.nominal);
      const h = whisker(p.t, py, x, GREY.ink);
      const v = verticalWhisker(p.o.vas, x(p.t.nominal), y, GREY.ink);
      for (const d of [h, v]) {
        uses.open ||= d.open;
        for (const el of d.elements) g.appendChild(el);
        obstacles.segments.push(...d.segments);
      }
    }
    for (const p of points) {
      const cx = x(p.t.nominal);
      const cy = y(p.o.vas.nominal);
      g.appendChild(svgElement("circle", {
        cx,
        cy,
        r: MARKER_RADIUS,
        fill: GREY.ink,
        stroke: "white",
        "stroke-width": 0.75,
      }));
      obstacles.boxes.push({
        x: cx - MARKER_RADIUS,
        y: cy - MARKER_RADIUS,
        width: 2 * MARKER_RADIUS,
        height: 2 * MARKER_RADIUS,
      });
    }
    // Value labels: the first free position around each point or band.
    const bounds = { x: marginLeft, y: 0, width: width - marginLeft - 1, height: VAS_H };
    const labelled = [
      ...points.map((p) => ({ o: p.o, cx: x(p.t.nominal), cy: y(p.o.vas.nominal), band: null })),
      ...bands.filter((b) => b.bar.extent).map((b) => ({ o: b.o, cx: 0, cy: 0, band: b })),
    ];
    for (const l of labelled) {
      const text = l.o.vas.lo === l.o.vas.hi
        ? formatNumber(l.o.vas.nominal)
        : `${formatNumber(l.o.vas.lo)}–${formatNumber(l.o.vas.hi)}`;
      const size = TYPE.small;
      const r = MARKER_RADIUS + 2;
      const spots: [number, number, "start" | "middle" | "end"][] = l.band
        ? bandSpots(l.band, size)
        : [
          [l.cx + r, l.cy - r, "start"],
          [l.cx - r, l.cy - r, "end"],
          [l.cx + r, l.cy + r + size * 0.8, "start"],
          [l.cx - r, l.cy + r + size * 0.8, "end"],
          [l.cx, l.cy - r - 2, "middle"],
          [l.cx, l.cy + r + size, "middle"],
          [l.cx + r + 2, l.cy + size * 0.36, "start"],
          [l.cx - r - 2, l.cy + size * 0.36, "end"],
          [l.cx + r, l.cy - r - size, "start"],
          [l.cx - r, l.cy - r - size, "end"],
          [l.cx + r, l.cy + r + size * 1.8, "start"],
          [l.cx - r, l.cy + r + size * 1.8, "end"],
          ...[2, 3, 4].flatMap((k): [number, number, "start" | "end"][] => [
            [l.cx + k * 8, l.cy - r - (k - 1) * size, "start"],
            [l.cx - k * 8, l.cy - r - (k - 1) * size, "end"],
            [l.cx + k * 8, l.cy + r + k * size, "start"],
            [l.cx - k * 8, l.cy + r + k * size, "end"],
          ]),
        ];
      const boxes = spots.map(([tx, ty, a]) => textBox(text, tx, ty, size, a));
      // A band's label may sit inside it: the band is no obstacle to its own label.
      const own = l.band?.box;
      const i = own
        ? placeLabel(
          boxes,
          { ...obstacles, boxes: obstacles.boxes.filter((b) => b !== own) },
          bounds,
        )
        : placeLabel(boxes, obstacles, bounds);
      if (own) obstacles.boxes.push(boxes[i]);
      const [tx, ty, a] = spots[i];
      g.appendChild(textElement(text, tx, ty, { size, anchor: a, fill: GREY.ink }));
    }
    return g;
  };
  return Plot.plot({
    document,
    width,
    height: VAS_H,
    marginLeft,
    marginRight,
    marginTop,
    marginBottom,
    x: {
      domain: x.domain as [number, number],
      range: [marginLeft, width - marginRight],
      axis: null,
    },
    y: {
      domain: [min, max],
      range: [VAS_H - marginBottom, marginTop],
      label,
      ticks: 5,
    },
    marks: [
      Plot.gridX({ stroke: "#e5e5e5", strokeOpacity: 1 }),
      Plot.gridY({ stroke: "#e5e5e5", strokeOpacity: 1, ticks: 5 }),
      () => draw() as unknown as SVGElement,
    ],
  }) as unknown as Element;
}

/** One lane per drug: bars with faded uncertain edges, dose labels spread apart. */
function lanePanel(
  periods: readonly {
    t: Pick<Treatment, "drug" | "drugClass" | "doseMgPerDay" | "start" | "end">;
    start: NominalInterval;
    end: NominalInterval | null;
  }[],
  lanes: readonly { drug: string; sub: string | null }[],
  colorOf: ReadonlyMap<string, string>,
  x: LinearScale,
  uses: Uses,
  o: { width: number; marginLeft: number; marginRight: number; xLabel: string },
): Element {
  const marginTop = 4;
  const marginBottom = 32;
  const height = marginTop + Math.max(lanes.length, 1) * LANE_H + marginBottom;
  const draw = () => {
    const g = svgElement("g", { "aria-label": "dose periods" });
    if (lanes.length === 0) {
      g.appendChild(
        textElement("no treatment stated", (o.marginLeft + o.width) / 2, marginTop + LANE_H / 2, {
          size: TYPE.label,
          anchor: "middle",
          fill: GREY.muted,
        }),
      );
      return g;
    }
    lanes.forEach((lane, i) => {
      const top = marginTop + i * LANE_H;
      const label = lane.sub === null ? [lane.drug] : [lane.drug, lane.sub];
      const y0 = top + LANE_H / 2 + TYPE.label * 0.36 - (label.length - 1) * TYPE.small * 0.55;
      g.appendChild(textElement(lane.drug, o.marginLeft - 8, y0, {
        size: TYPE.label,
        anchor: "end",
        fill: GREY.ink,
      }));
      if (lane.sub) {
        g.appendChild(textElement(lane.sub, o.marginLeft - 8, y0 + TYPE.small * 1.15, {
          size: TYPE.small,
          anchor: "end",
          fill: GREY.muted,
        }));
      }
      const mine = periods.filter((p) => p.t.drug === lane.drug);
      const maxDose = Math.max(...mine.map((p) => p.t.doseMgPerDay));
      const bottom = top + LANE_H - 3;
      const labels: { text: string; want: number; w: number }[] = [];
      for (const p of mine) {
        const h = 4 + 8 * (maxDose > 0 ? p.t.doseMgPerDay / maxDose : 1);
        const bar = fuzzyBar({
          start: p.start,
          end: p.end,
          y: bottom - h,
          height: h,
          x,
          // A dose change (the end is where another dose of the drug starts) is no stop.
          openEdge: mine.some((q) => q !== p && q.t.start.timeId === p.t.end?.timeId)
            ? "pale"
            : "tail",
          color: colorOf.get(p.t.drugClass)!,
        });
        uses.fade ||= bar.uses.fade;
        uses.pale ||= bar.uses.pale;
        uses.open ||= bar.uses.open;
        for (const el of bar.elements) g.appendChild(el);
        if (!bar.extent) continue;
        const [d0, d1] = x.domain;
        const a = x(Math.min(Math.max(p.start.hi, d0), d1));
        const b = x(Math.min(Math.max(p.end ? p.end.lo : d1, d0), d1));
        const text = formatNumber(p.t.doseMgPerDay);
        const want = b > a + 1 ? (a + b) / 2 : (bar.extent.x1 + bar.extent.x2) / 2;
        labels.push({ text, want, w: measureText(text, TYPE.small).width });
      }
      const xs = spread(
        labels.map((l) => l.want),
        labels.map((l) => l.w),
        o.marginLeft,
        o.width - 2,
        4,
      );
      labels.forEach((l, k) => {
        g.appendChild(textElement(l.text, xs[k], bottom - 12 - 3, {
          size: TYPE.small,
          anchor: "middle",
          fill: GREY.ink,
        }));
      });
    });
    return g;
  };
  return Plot.plot({
    document,
    width: o.width,
    height,
    marginLeft: o.marginLeft,
    marginRight: o.marginRight,
    marginTop,
    marginBottom,
    x: {
      domain: x.domain as [number, number],
      range: [o.marginLeft, o.width - o.marginRight],
      label: o.xLabel,
      labelAnchor: "right",
      labelArrow: "none",
    },
    marks: [
      Plot.gridX({ stroke: "#e5e5e5", strokeOpacity: 1 }),
      Plot.frame({ anchor: "bottom", stroke: GREY.faint }),
      () => draw() as unknown as SVGElement,
    ],
  }) as unknown as Element;
}
