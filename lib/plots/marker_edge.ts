/**
 * A marker's edge drawn again over every series' marks: a dot that lies under another series' dot
 * (two cases' values of almost the same size at almost the same time) still shows its outline, in
 * its own colour. Over a dot with nothing on it the edge is inside its fill and changes nothing.
 *
 * @module
 */
import { svgElement } from "./dom.ts";
import { MARKER_RADIUS, STROKE } from "./theme.ts";

/**
 * The edge of a dot of radius {@link MARKER_RADIUS} at (cx, cy), to append after every series'
 * marks.
 *
 * @param cx Centre's x.
 * @param cy Centre's y.
 * @param color The dot's colour.
 * @returns An unfilled `<circle>` just inside the dot's edge.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { markerEdge } from "#lib/plots/marker_edge.ts";
 * const e = markerEdge(10, 20, "#222255");
 * assert.equal(e.getAttribute("fill"), "none");
 * assert.equal(e.getAttribute("stroke"), "#222255");
 * ```
 */
export function markerEdge(cx: number, cy: number, color: string): Element {
  return svgElement("circle", {
    cx,
    cy,
    r: MARKER_RADIUS - STROKE.thin / 2,
    fill: "none",
    stroke: color,
    "stroke-width": STROKE.thin,
  });
}
