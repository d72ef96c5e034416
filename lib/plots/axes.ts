/**
 * A panel with Observable Plot's axes and gridlines and a drawing function that places marks in
 * px with the same linear scales, so that custom marks (whiskers, faded edges, placed labels)
 * line up with Plot's ticks exactly.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { document } from "./dom.ts";
import { GREY } from "./theme.ts";
import { type LinearScale, linearScale } from "./uncertainty.ts";

/** One axis of {@link axesPanel}. */
export interface AxisOptions {
  /** Domain [lo, hi]. */
  domain: readonly [number, number];
  /** Axis label, or `null` for none. */
  label: string | null;
  /** Draw ticks and tick labels (default true). */
  axis?: boolean;
  /** Draw gridlines (default true). */
  grid?: boolean;
  /** Approximate number of ticks (Plot's default when absent). */
  ticks?: number;
  /** Tick format (Plot's `tickFormat`). */
  tickFormat?: string | ((d: number) => string);
}

/** Options of {@link axesPanel}. */
export interface AxesPanelOptions {
  /** Panel width in px. */
  width: number;
  /** Panel height in px. */
  height: number;
  /** Margins in px. */
  margin: { top: number; right: number; bottom: number; left: number };
  /** Horizontal axis (drawn at the bottom). */
  x: AxisOptions;
  /** Vertical axis (drawn at the left). */
  y: AxisOptions;
  /** Draws the panel's own marks in px, given the two scales. */
  draw: (x: LinearScale, y: LinearScale) => Element;
}

/**
 * A panel: gridlines, axes with labels (Plot), and the marks `draw` returns on top.
 *
 * @param o Size, margins, axes, drawing function.
 * @returns The panel's `<svg>`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { axesPanel } from "#lib/plots/axes.ts";
 * import { svgElement } from "#lib/plots/dom.ts";
 * const p = axesPanel({
 *   width: 300, height: 100, margin: { top: 10, right: 10, bottom: 30, left: 40 },
 *   x: { domain: [0, 1], label: "x" }, y: { domain: [0, 1], label: null },
 *   draw: () => svgElement("g"),
 * });
 * assert.equal(p.getAttribute("height"), "100");
 * ```
 */
export function axesPanel(o: AxesPanelOptions): Element {
  const { top, right, bottom, left } = o.margin;
  const x = linearScale(o.x.domain, [left, o.width - right]);
  const y = linearScale(o.y.domain, [o.height - bottom, top]);
  const axis = (a: AxisOptions, range: [number, number]) => ({
    domain: a.domain as [number, number],
    range,
    label: a.label,
    labelArrow: "none" as const,
    ...(a.axis === false ? { axis: null } : {}),
    ...(a.ticks !== undefined ? { ticks: a.ticks } : {}),
    ...(a.tickFormat !== undefined ? { tickFormat: a.tickFormat } : {}),
  });
  const grid = { stroke: "#e5e5e5", strokeOpacity: 1 };
  return Plot.plot({
    document,
    width: o.width,
    height: o.height,
    marginTop: top,
    marginRight: right,
    marginBottom: bottom,
    marginLeft: left,
    x: { ...axis(o.x, [left, o.width - right]), labelAnchor: "right" },
    y: { ...axis(o.y, [o.height - bottom, top]), labelAnchor: "top" },
    marks: [
      ...(o.x.grid === false
        ? []
        : [Plot.gridX({ ...grid, ...(o.x.ticks !== undefined ? { ticks: o.x.ticks } : {}) })]),
      ...(o.y.grid === false
        ? []
        : [Plot.gridY({ ...grid, ...(o.y.ticks !== undefined ? { ticks: o.y.ticks } : {}) })]),
      ...(o.x.axis === false ? [] : [Plot.frame({ anchor: "bottom", stroke: GREY.faint })]),
      () => o.draw(x, y) as unknown as SVGElement,
    ],
  }) as unknown as Element;
}
