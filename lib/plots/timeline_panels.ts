/**
 * The strips of a case's timeline, drawn from its timeline model: the events strip and the
 * phase-change labels, and what every panel shares (the values panel is `timeline_values.ts`, the
 * dose lanes `timeline_lanes.ts`). Every time is a mark at its drawn position
 * with a bracket for the window its words allow (an arrow where a side is open); a period is a bar
 * between the drawn positions of its start and end, never across a window. Every data mark
 * carries a `<title>` with its value, its time window and the quote.
 *
 * @module
 */
import { panel } from "./compose.ts";
import { document, svgElement, textElement, titled } from "./dom.ts";
import { measureText } from "./fonts.ts";
import { cutText } from "./layout.ts";
import { GREY, MARKER_RADIUS, STROKE, TYPE } from "./theme.ts";
import type { Phase, PlacedEvent } from "./timeline_model.ts";
import { type LinearScale, windowBracket } from "./uncertainty.ts";

/** Which marks a timeline drew, so that its legend shows those and only those. */
export interface Uses {
  /** A window bracket. */
  bracket: boolean;
  /** An open bound drawn as an arrow. */
  arrow: boolean;
  /** A window past the axis, dashed. */
  past: boolean;
  /** A value stated for a period. */
  span: boolean;
  /** A period with no end stated (bar with an arrowhead). */
  ongoing: boolean;
  /** A value at a time the text does not date on the axis (a hollow marker). */
  hollow?: boolean;
  /** A line to such a value (dotted). */
  undatedLine?: boolean;
  /** A value over a period whose start the text leaves open (an arrow to the left). */
  openStart?: boolean;
}

/** Colour of a value stated for a period: mid-grey, apart from the ink of the points. */
export const SPAN_COLOR = "#666666";
/** Colour of phase-change lines and their labels. */
export const PHASE_COLOR = "#444444";
const DEFAULT_ROW = TYPE.small * 1.45;
/** Phase changes closer than this (px) share one label. */
const PHASE_MERGE_PX = 14;

/** A value clipped to the scale's domain. */
export const clipTo = (x: LinearScale, v: number) =>
  Math.min(Math.max(v, x.domain[0]), x.domain[1]);

/** Layout options of {@link eventStrip} and {@link phaseStrip}. */
export interface StripOptions {
  /** Row height in px (default 1.45 × the small type). */
  row?: number;
  /** Leftmost x a label may take (default 0): room left of it is kept for a heading. */
  left?: number;
  /** Least height of the strip in px (default: what its rows need). */
  minHeight?: number;
  /** Set to true by {@link eventStrip} when a label had no room right of `left`. */
  crowded?: boolean;
}

/** Events: a diamond, a bracket and a label each, in as many rows as keep labels apart. */
export function eventStrip(
  events: readonly (PlacedEvent & { label: string })[],
  x: LinearScale,
  width: number,
  uses: Uses,
  o: StripOptions = {},
): Element {
  const rowH = o.row ?? DEFAULT_ROW;
  const minX = o.left ?? 0;
  let crowded = false;
  type Spot = {
    anchor: "start" | "end";
    tx: number;
    x1: number;
    x2: number;
    halo: boolean;
    label?: string;
  };
  const rows: { x1: number; x2: number }[][] = [];
  const placed: (Spot & { row: number; e: typeof events[number] })[] = [];
  const gap = 3;
  const drawn = events.map((ev) => {
    const px = x(clipTo(x, ev.t.pos));
    const b = windowBracket(ev.t.window, ev.t.pos, 0, x, GREY.muted);
    const xs = b.segments.flatMap((s) => [s.x1, s.x2]);
    return {
      ev,
      px,
      w1: Math.min(px - MARKER_RADIUS, ...xs),
      w2: Math.max(px + MARKER_RADIUS, ...xs),
    };
  }).sort((a, b) => a.ev.t.pos - b.ev.t.pos);
  for (const { ev, px, w1, w2 } of drawn) {
    const lw = measureText(ev.label, TYPE.small).width;
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
    let fits = spots.filter((s) => s.x1 >= minX && s.x2 <= width);
    if (!fits.length && minX > 0) {
      // No room right of `left`: the margin is used, and the strip says so (`crowded`).
      crowded = true;
      fits = spots.filter((s) => s.x1 >= 0 && s.x2 <= width);
    }
    // No room for the whole label on either side: it is cut with "…" to the wider side, never
    // drawn over its marker (the whole description is the marker's hover text).
    const choices = fits.length ? fits : [cutSpot(ev.label, { w1, w2, gap, width, minX })];
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
  const p = panel(width, Math.max(rows.length * rowH + 4, o.minHeight ?? 0));
  if (crowded) o.crowded = true;
  for (const q of placed) {
    const cy = 2 + q.row * rowH + rowH / 2;
    const b = windowBracket(q.e.t.window, q.e.t.pos, cy, x, GREY.muted);
    note(uses, b);
    for (const el of b.elements) p.appendChild(el);
    const px = x(clipTo(x, q.e.t.pos));
    const r = MARKER_RADIUS * 1.2;
    p.appendChild(titled(
      svgElement("path", {
        d: `M${px},${cy - r}L${px + r},${cy}L${px},${cy + r}L${px - r},${cy}Z`,
        fill: GREY.ink,
      }),
      q.e.title,
    ));
    p.appendChild(textElement(q.label ?? q.e.label, q.tx, cy + TYPE.small * 0.36, {
      size: TYPE.small,
      anchor: q.anchor,
      fill: GREY.ink,
      halo: q.halo,
    }));
  }
  return p;
}

/** The spot of an event label cut to the wider side of its marker and bracket. */
function cutSpot(
  label: string,
  { w1, w2, gap, width, minX }: {
    w1: number;
    w2: number;
    gap: number;
    width: number;
    minX: number;
  },
): { anchor: "start" | "end"; tx: number; x1: number; x2: number; halo: boolean; label: string } {
  const right = width - w2 - gap;
  const left = w1 - gap - minX;
  const cut = cutText(label, Math.max(right, left), TYPE.small);
  const lw = measureText(cut, TYPE.small).width;
  return right >= left
    ? { anchor: "start", tx: w2 + gap, x1: w1, x2: w2 + gap + lw, halo: false, label: cut }
    : { anchor: "end", tx: w1 - gap, x1: w1 - gap - lw, x2: w2, halo: false, label: cut };
}

export function note(uses: Uses, b: { elements: Element[]; open: boolean; arrow: boolean }): void {
  if (b.elements.length) uses.bracket = true;
  uses.past ||= b.open;
  uses.arrow ||= b.arrow;
}

/**
 * The labels of a strip of phase changes: changes closer than a few px share one label while it
 * fits in half the width ("drug-a 75 mg/day, stopped; drug-b 10 mg/day"; a drug's later
 * change follows its earlier one after a comma, another drug's after a semicolon). Changes drawn
 * at one position are one group: a group joins the label before it whole or not at all, so that
 * no label names a change drawn at a line it does not stand on while another change of that line
 * has a label of its own.
 *
 * @param phases The phase changes, in drawn order.
 * @param x The day scale.
 * @param width The strip's width (px).
 * @returns Each label with its first change and that change's x (px).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { phaseClusters } from "#lib/plots/timeline_panels.ts";
 * import { linearScale } from "#lib/plots/uncertainty.ts";
 * const ph = (pos: number, drug: string, change: string) =>
 *   ({ t: { pos }, drug, change, label: `${drug} ${change}` }) as never;
 * const x = linearScale([0, 100], [0, 1000]);
 * const labels = (w: number) =>
 *   phaseClusters([ph(10, "a", "5 mg"), ph(11, "a", "stopped"), ph(11, "b", "2 mg")], x, w)
 *     .map((c) => c.label);
 * // Room for all: one label.
 * assert.deepEqual(labels(1000), ["a 5 mg, stopped; b 2 mg"]);
 * // No room for the changes at day 11 together: both stand at their own line.
 * assert.deepEqual(labels(200), ["a 5 mg", "a stopped; b 2 mg"]);
 * ```
 */
export function phaseClusters(
  phases: readonly Phase[],
  x: LinearScale,
  width: number,
): { ph: Phase; px: number; label: string }[] {
  const clusters: { ph: Phase; px: number; label: string; drug: string }[] = [];
  const join = (label: string, drug: string, ph: Phase) =>
    drug === ph.drug ? `${label}, ${ph.change}` : `${label}; ${ph.label}`;
  for (let i = 0; i < phases.length;) {
    // The group of changes drawn where phases[i] is.
    const px = x(clipTo(x, phases[i].t.pos));
    let end = i + 1;
    while (end < phases.length && x(clipTo(x, phases[end].t.pos)) === px) end++;
    const group = phases.slice(i, end);
    const last = clusters.at(-1);
    let merged: string | null = null;
    if (last && px - last.px < PHASE_MERGE_PX) {
      let label = last.label, drug = last.drug;
      for (const ph of group) [label, drug] = [join(label, drug, ph), ph.drug];
      if (measureText(label, TYPE.small).width < width / 2) merged = label;
    }
    if (last && merged !== null) {
      last.label = merged;
      last.drug = group.at(-1)!.drug;
    } else {
      // A group that does not fit in one label stands at its own line in as many as it needs.
      for (const ph of group) {
        const own = clusters.at(-1);
        const label = own && own.px === px && own !== last ? join(own.label, own.drug, ph) : null;
        if (own && label !== null && measureText(label, TYPE.small).width < width / 2) {
          [own.label, own.drug] = [label, ph.drug];
        } else clusters.push({ ph, px, label: ph.label, drug: ph.drug });
      }
    }
    i = end;
  }
  return clusters;
}

/**
 * Phase changes: a label naming the drug and dose at each change, in rows that keep labels apart,
 * each on a stem that runs down to the values panel (where the line goes on, dashed). A stem may
 * pass behind one label below it (drawn with a halo) where that spares the strip a row.
 */
export function phaseStrip(
  phases: readonly Phase[],
  x: LinearScale,
  width: number,
  o: StripOptions = {},
): Element {
  const rowH = o.row ?? DEFAULT_ROW;
  type Placed = {
    ph: Phase;
    label: string;
    px: number;
    row: number;
    x1: number;
    x2: number;
    anchor: "start" | "end";
  };
  const placed: Placed[] = [];
  const gap = 2;
  const clusters = phaseClusters(phases, x, width);
  for (const { ph, px, label } of clusters) {
    const lw = measureText(label, TYPE.small).width;
    // Beside its line, or over it where neither side has room (the line runs down from under
    // the label).
    const over = Math.min(Math.max(px - lw / 2, 1), width - lw - 1);
    const spots = [
      { anchor: "start" as const, x1: px, x2: px + gap + lw },
      { anchor: "end" as const, x1: px - gap - lw, x2: px },
      { anchor: "start" as const, x1: over - gap, x2: over + lw },
    ].filter((s) => s.x1 >= 0 && s.x2 <= width);
    const choices = spots.length ? spots : [{ anchor: "start" as const, x1: 0, x2: lw }];
    // Clear in row r: no label of the row in the way, no stem of a label above through this
    // one, and this one's stem through no label below but at most `crossing` of them (drawn over
    // it with a halo, as a label a stem crosses in a new row is).
    const clear = (s: (typeof choices)[number], r: number, crossing = 0) => {
      let crossed = 0;
      // Where this label's text stands.
      const [t1, t2] = s.anchor === "start" ? [s.x1 + gap, s.x2] : [s.x1, s.x2 - gap];
      return placed.every((q) => {
        if (q.row === r) return s.x2 + 5 <= q.x1 || q.x2 + 5 <= s.x1;
        // A stem of a label above passes through this row; this one's stem passes below.
        // (A stem within 3 px of this one's is drawn as one with it, beside the label's text;
        // not through it, where the label stands over its own line.)
        if (q.row < r) {
          return Math.abs(q.px - px) <= 3
            ? q.px <= t1 + 1 || q.px >= t2 - 1
            : q.px < s.x1 - 2 || q.px > s.x2 + 2;
        }
        return px < q.x1 - 2 || px > q.x2 + 2 || ++crossed <= crossing;
      });
    };
    const free = Math.max(0, ...placed.map((q) => q.row + 1));
    // A row in use where nothing is in the way; else one where this label's stem crosses one
    // label below (rather than a row more: the figure keeps its height); else a new row, where
    // no text is, though a stem may cross the label.
    const inUse = [...Array(free).keys()];
    const fit = (crossing: number) =>
      inUse.map((r) => ({ r, s: choices.find((c) => clear(c, r, crossing)) }))
        .find((x) => x.s !== undefined);
    const at = fit(0) ?? fit(1) ??
      { r: free, s: choices.find((c) => clear(c, free)) ?? choices[0] };
    placed.push({ ph, label, px, row: at.r, ...at.s! });
  }
  const rows = Math.max(0, ...placed.map((q) => q.row + 1));
  const height = rows * rowH + 2;
  const p = panel(width, height);
  // A label a stem from a row above runs through (in a row of its own, past the rows in use) is
  // drawn last, on a white box and with a halo that break the stem behind its text.
  const crossed = (q: Placed) => {
    const [t1, t2] = q.anchor === "start" ? [q.x1 + gap, q.x2] : [q.x1, q.x2 - gap];
    return placed.some((o) =>
      o.row < q.row &&
      (Math.abs(o.px - q.px) > 3 ? o.px > q.x1 && o.px < q.x2 : o.px > t1 + 1 && o.px < t2 - 1)
    );
  };
  const last: Element[] = [];
  for (const q of placed) {
    const cy = q.row * rowH + rowH / 2;
    // A label over its own line (no room beside it): the line starts under the label.
    const over = q.px > q.x1 + gap && q.px < q.x2 - gap;
    p.appendChild(titled(
      svgElement("line", {
        x1: q.px,
        x2: q.px,
        y1: cy + (over ? TYPE.small * 0.6 : -TYPE.small * 0.5),
        y2: height,
        stroke: PHASE_COLOR,
        "stroke-width": STROKE.thin,
      }),
      q.ph.title,
    ));
    const halo = crossed(q);
    const text = textElement(
      q.label,
      q.anchor === "start" ? q.x1 + gap : q.x2 - gap,
      cy + TYPE.small * 0.36,
      { size: TYPE.small, anchor: q.anchor, fill: PHASE_COLOR, ...(halo ? { halo } : {}) },
    );
    if (halo) {
      // A white box behind its text: the stem breaks over the whole label, between its glyphs too
      // (a glyph's halo alone left it showing in a space between two).
      const [t1, t2] = q.anchor === "start" ? [q.x1 + gap, q.x2] : [q.x1, q.x2 - gap];
      const [y1, h] = [cy - TYPE.small * 0.6, TYPE.small * 1.2];
      last.push(
        svgElement("rect", { x: t1 - 1, y: y1, width: t2 - t1 + 2, height: h, fill: "white" }),
      );
      last.push(text);
    } else p.appendChild(text);
  }
  for (const t of last) p.appendChild(t);
  return p;
}

/** The frame a timeline panel shares with the others: its size, margins and the time axis' range. */
export interface PanelFrame {
  /** Width of the figure, in px. */
  width: number;
  /** Left margin (the lane or axis labels), in px. */
  marginLeft: number;
  /** Right margin, in px. */
  marginRight: number;
}

/**
 * The Plot options every timeline panel shares: the document, the size and margins, and the time
 * scale over the panel's width (its axis is each panel's own: spread `x` and add it).
 *
 * @param o Width and side margins.
 * @param height The panel's height, in px.
 * @param marginTop Its top margin.
 * @param marginBottom Its bottom margin.
 * @param x The time scale.
 * @returns Plot options to spread into `Plot.plot`.
 */
export function panelFrame(
  o: PanelFrame,
  height: number,
  marginTop: number,
  marginBottom: number,
  x: LinearScale,
) {
  return {
    document,
    width: o.width,
    height,
    marginLeft: o.marginLeft,
    marginRight: o.marginRight,
    marginTop,
    marginBottom,
    x: {
      domain: [x.domain[0], x.domain[1]] as [number, number],
      range: [o.marginLeft, o.width - o.marginRight] as [number, number],
    },
  };
}
