/**
 * The article's Figure 1 (A–C), rebuilt from the text: one case's VAS against time, with the
 * intervals the words allow, its dose periods and its events.
 *
 * @module
 */
import { expectCase } from "../args.ts";
import * as Plot from "@observablehq/plot";
import { formatInterval, type NominalInterval } from "../intervals.ts";
import type { Case } from "../model.ts";
import { firstPeriod, relativeDay } from "../timeline.ts";
import { type Figure, stack } from "./compose.ts";
import { document } from "./dom.ts";
import { drugClassColor, THEME } from "./theme.ts";
import { STUDY } from "../study.ts";

/** Options of {@link caseTimelineFigure}. */
export interface TimelineOptions {
  /** x axis: days since the drug's first start (default: `STUDY.drug`), or since day 0 (`null`). */
  alignOn?: string | null;
  /** Figure title; default "Case N". */
  title?: string;
}

/** A time point placed on the figure's x axis. */
interface Placed extends NominalInterval {
  openLo: boolean;
  openHi: boolean;
}

const EVENT_KINDS = ["amputation", "phantom pain onset", "recurrence"];

/**
 * Builds the per-case timeline figure: VAS (0–10 cm, same axis for every case) at each stated
 * value, a point at its nominal time and value, a horizontal whisker for its time interval (dashed
 * where the text leaves it open), a vertical one for its value interval, a line through the
 * nominal points; beneath, one lane per drug with a bar per dose period labelled with the dose and
 * coloured by drug class; vertical marks for amputation, onset of phantom pain and recurrence.
 *
 * @example
 * ```ts
 * import { loadCaseSeries } from "../load.ts";
 * import { caseTimelineFigure } from "./timeline.ts";
 * const fig = caseTimelineFigure((await loadCaseSeries()).cases[1]);
 * fig.svg.querySelectorAll("circle").length; // 3 (one per VAS value)
 * ```
 */
export function caseTimelineFigure(c: Case, options: TimelineOptions = {}): Figure {
  expectCase("caseTimelineFigure", c);
  const drug = options.alignOn === undefined ? STUDY.drug : options.alignOn;
  const origin = drug === null ? null : firstPeriod(c, drug)?.start.timeId ?? null;
  if (drug !== null && origin === null) throw new RangeError(`case ${c.id} never takes ${drug}`);
  const place = (timeId: string): Placed => {
    const tp = c.timepoints.find((t) => t.id === timeId)!;
    const x = origin === null ? tp.day : relativeDay(c, timeId, origin);
    return { ...x, openLo: !Number.isFinite(x.lo), openHi: !Number.isFinite(x.hi) };
  };
  const obs = c.observations.map((o) => ({ ...o, x: place(o.day.timeId) }));
  const periods = c.treatments.map((t) => ({
    ...t,
    x1: place(t.start.timeId).nominal,
    x2: t.end ? place(t.end.timeId).nominal : null,
  }));
  const events = c.events.filter((e) => EVENT_KINDS.includes(e.kind)).map((e, i) => ({
    ...e,
    x: place(e.day.timeId),
    row: i % 3,
  }));
  const nominals = [
    ...obs.map((o) => o.x.nominal),
    ...periods.flatMap((p) => [p.x1, p.x2 ?? p.x1]),
    ...events.map((e) => e.x.nominal),
  ];
  const lo = Math.min(...nominals);
  const hi = Math.max(...nominals);
  const pad = Math.max(7, (hi - lo) * 0.08);
  const domain: [number, number] = [lo - pad, hi + pad];
  const clip = (v: number) => Math.min(Math.max(v, domain[0]), domain[1]);
  const xLabel = origin === null
    ? `Days since day 0 (${c.day0})`
    : `Days since the start of ${drug}`;
  const x = { domain, label: xLabel, grid: true } as const;
  const common = {
    document,
    width: THEME.width,
    marginLeft: THEME.marginLeft,
    marginRight: THEME.marginRight,
    style: { fontFamily: THEME.fontFamily, fontSize: `${THEME.fontSize}px` },
  };

  const whiskers = obs.map((o) => ({
    y: o.vas.nominal,
    x1: clip(o.x.lo),
    x2: clip(o.x.hi),
    open: o.x.lo < domain[0] || o.x.hi > domain[1],
  }));
  const vasPanel = Plot.plot({
    ...common,
    height: 250,
    marginTop: 16,
    marginBottom: 24,
    x: { ...x, label: null },
    y: { domain: [0, 10], label: "Pain VAS (cm)", grid: true },
    marks: [
      Plot.ruleX(events, {
        x: (e) => e.x.nominal,
        stroke: "#888",
        strokeDasharray: "2,3",
      }),
      ...[0, 1, 2].map((row) =>
        Plot.text(events.filter((e) => e.row === row), {
          x: (e) => e.x.nominal,
          y: 10,
          text: (e) => e.kind,
          dy: 4 + 12 * row,
          dx: 3,
          fontSize: 10,
          fill: "#555",
          textAnchor: "start",
        })
      ),
      Plot.ruleY(whiskers.filter((w) => !w.open), { y: "y", x1: "x1", x2: "x2", stroke: "#333" }),
      Plot.ruleY(whiskers.filter((w) => w.open), {
        y: "y",
        x1: "x1",
        x2: "x2",
        stroke: "#333",
        strokeDasharray: "4,3",
      }),
      Plot.ruleX(obs, {
        x: (o) => o.x.nominal,
        y1: (o) => o.vas.lo,
        y2: (o) => o.vas.hi,
        stroke: "#333",
        strokeWidth: 2,
      }),
      Plot.line(obs, { x: (o) => o.x.nominal, y: (o) => o.vas.nominal, stroke: "#333" }),
      Plot.dot(obs, {
        x: (o) => o.x.nominal,
        y: (o) => o.vas.nominal,
        r: 4,
        fill: "#333",
        stroke: "white",
      }),
      Plot.text(obs, {
        x: (o) => o.x.nominal,
        y: (o) => o.vas.nominal,
        text: (o) => formatInterval(o.vas),
        dx: 6,
        dy: -9,
        textAnchor: "start",
        fontSize: 11,
      }),
    ],
  }) as unknown as Element;

  const drugs = [...new Set(periods.map((p) => p.drug))];
  const minWidth = (domain[1] - domain[0]) * 0.006;
  const bars = periods.map((p) => ({
    ...p,
    x1: clip(p.x1),
    x2: Math.max(clip(p.x2 ?? domain[1]), clip(p.x1) + minWidth),
    openEnd: p.x2 === null,
  }));
  const lanePanel = Plot.plot({
    ...common,
    height: 34 * drugs.length + 56,
    marginTop: 18,
    marginBottom: 38,
    x: { ...x, label: xLabel },
    y: { domain: drugs, label: null, padding: 0.15 },
    marks: [
      Plot.barX(bars, {
        x1: "x1",
        x2: "x2",
        y: "drug",
        fill: (p) => drugClassColor(p.drugClass),
        fillOpacity: (p) => (p.openEnd ? 0.45 : 0.9),
        stroke: "white",
      }),
      ...[false, true].map((narrow) =>
        Plot.text(bars.filter((p) => (p.x2 - p.x1 < 5 * minWidth) === narrow), {
          x: (p) => (p.x1 + p.x2) / 2,
          y: "drug",
          text: (p) => `${p.doseMgPerDay}`,
          fill: "black",
          fontSize: 11,
          dy: narrow ? -13 : 0,
        })
      ),
    ],
  }) as unknown as Element;

  const classes = [...new Set(periods.map((p) => p.drugClass))];
  return stack([vasPanel, lanePanel], {
    title: options.title ??
      `Case ${c.id}: ${c.age}-year-old ${c.sex}, ${c.side} ${c.limb} limb (${c.level})`,
    caption: "Points: VAS stated in the text (nominal time and value); horizontal whiskers: " +
      "the times its words allow (dashed: runs past the axis or is open-ended); vertical whiskers: " +
      "a stated range. Bars: dose periods in mg/day (pale: end not stated), coloured by drug " +
      `class (${classes.map((k) => `${k}`).join(", ")}). Times are inferred from words by the ` +
      "rules of data/README.md; nothing is read from the article's Figure 1.",
    description: `Case ${c.id}: ${obs.length} stated VAS values from ` +
      `${obs[0]?.vas.nominal ?? "-"} to ${obs.at(-1)?.vas.nominal ?? "-"} cm against ` +
      `${origin === null ? "days since day 0" : `days since the start of ${drug}`}, with ` +
      `${periods.length} dose periods of ${drugs.join(", ")}.`,
  });
}
