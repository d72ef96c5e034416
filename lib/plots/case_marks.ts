/**
 * How a case's values are marked where several cases share one plot (trajectories,
 * before/after): in the case's colour ({@link caseColor}) and with a shape of its own, so that
 * the cases are told apart in greyscale print and by readers who do not see the colours (the case
 * colours are all dark, near one another in grey); the shape also keys the case's name. Each
 * shape has the area of the round dot of radius {@link MARKER_RADIUS}. A marker's edge is drawn
 * again over every case's marks, so a marker under another case's still shows its outline.
 *
 * @module
 */
import { roundPx, svgElement } from "./dom.ts";
import { caseColor, MARKER_RADIUS, STROKE } from "./theme.ts";

/** The shapes of the cases' markers, by the case's position in the series (then again). */
export const CASE_SHAPES: readonly string[] = Object.freeze([
  "circle",
  "square",
  "triangle",
  "diamond",
  "triangle-down",
]);

/**
 * The shape of a case's markers by its position in the series.
 *
 * @param index Position of the case.
 * @returns One of {@link CASE_SHAPES}.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { caseShape } from "#lib/plots/case_marks.ts";
 * assert.notEqual(caseShape(0), caseShape(1));
 * ```
 */
export function caseShape(index: number): string {
  const n = CASE_SHAPES.length;
  return CASE_SHAPES[((index % n) + n) % n];
}

/** The outline of a shape centred on (cx, cy) with the area of a circle of radius r. */
function shapePath(shape: string, cx: number, cy: number, r: number): string {
  const pts = (xy: [number, number][]) =>
    `M${xy.map(([x, y]) => `${roundPx(cx + x)},${roundPx(cy + y)}`).join("L")}Z`;
  if (shape === "square") {
    const h = (r * Math.sqrt(Math.PI)) / 2;
    return pts([[-h, -h], [h, -h], [h, h], [-h, h]]);
  }
  if (shape === "diamond") {
    const h = r * Math.sqrt(Math.PI / 2);
    return pts([[0, -h], [h, 0], [0, h], [-h, 0]]);
  }
  // An equilateral triangle, its centroid on the centre: side a, height a·√3/2.
  const a = r * Math.sqrt((4 * Math.PI) / Math.sqrt(3));
  const h = (a * Math.sqrt(3)) / 2;
  const s = shape === "triangle-down" ? -1 : 1;
  return pts([[0, (-2 * h * s) / 3], [a / 2, (h * s) / 3], [-a / 2, (h * s) / 3]]);
}

/**
 * How far a case's marker of radius `r` reaches from its centre: left and right (`w`), up and
 * down (the box its outline fits in; a triangle's centroid is its centre).
 *
 * @param index Position of the case in the series.
 * @param r Radius of the circle of the same area (default {@link MARKER_RADIUS}).
 * @returns Half its width, and its reach above and below its centre, in px.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { markerReach } from "#lib/plots/case_marks.ts";
 * assert.deepEqual(markerReach(0, 2), { w: 2, up: 2, down: 2 }); // a circle
 * const t = markerReach(2, 2); // a triangle: wider than the circle, its tip higher
 * assert.ok(t.w > 2 && t.up > t.down);
 * ```
 */
export function markerReach(
  index: number,
  r: number = MARKER_RADIUS,
): { w: number; up: number; down: number } {
  const shape = caseShape(index);
  if (shape === "circle") return { w: r, up: r, down: r };
  if (shape === "square") {
    const h = (r * Math.sqrt(Math.PI)) / 2;
    return { w: h, up: h, down: h };
  }
  if (shape === "diamond") {
    const h = r * Math.sqrt(Math.PI / 2);
    return { w: h, up: h, down: h };
  }
  const a = r * Math.sqrt((4 * Math.PI) / Math.sqrt(3));
  const h = (a * Math.sqrt(3)) / 2;
  const [tip, base] = [(2 * h) / 3, h / 3];
  return shape === "triangle-down"
    ? { w: a / 2, up: base, down: tip }
    : { w: a / 2, up: tip, down: base };
}

/** A shape's element: a `<circle>`, or a `<path>` for the others. */
function shapeElement(
  shape: string,
  cx: number,
  cy: number,
  r: number,
  attrs: Record<string, string | number>,
): Element {
  return shape === "circle"
    ? svgElement("circle", { cx, cy, r, ...attrs })
    : svgElement("path", { d: shapePath(shape, cx, cy, r), ...attrs });
}

/**
 * A case's marker at (cx, cy): its shape, filled with its colour, with a thin white rim (a data
 * marker) or without (a key beside the case's name).
 *
 * @param index Position of the case in the series.
 * @param cx Centre's x.
 * @param cy Centre's y.
 * @param rim Whether it has the white rim of a data marker (default true).
 * @param hollow Whether it is hollow: a value at a time the text does not date (default false).
 * @returns The element (a `<circle>` for the first case, a `<path>` for the others).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { caseMarker } from "#lib/plots/case_marks.ts";
 * assert.equal(caseMarker(0, 5, 5).tagName.toLowerCase(), "circle");
 * assert.equal(caseMarker(1, 5, 5).tagName.toLowerCase(), "path");
 * assert.equal(caseMarker(1, 5, 5, true, true).getAttribute("fill"), "white"); // hollow
 * ```
 */
export function caseMarker(
  index: number,
  cx: number,
  cy: number,
  rim = true,
  hollow = false,
): Element {
  const fill = caseColor(index);
  if (hollow) {
    // Its outline in the case's colour, inside the filled marker's extent, on white.
    return shapeElement(caseShape(index), cx, cy, MARKER_RADIUS - STROKE.data / 2, {
      fill: "white",
      stroke: fill,
      "stroke-width": STROKE.data,
    });
  }
  return shapeElement(
    caseShape(index),
    cx,
    cy,
    MARKER_RADIUS,
    rim ? { fill, stroke: "white", "stroke-width": 0.75 } : { fill },
  );
}

/**
 * A small key of a case at (cx, cy): its shape in its colour, of radius `r` (say whose mark a
 * line is, where a marker's size would crowd it).
 *
 * @param index Position of the case in the series.
 * @param cx Centre's x.
 * @param cy Centre's y.
 * @param r Radius in px (of the circle of the same area).
 * @returns The element.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { caseKey } from "#lib/plots/case_marks.ts";
 * assert.equal(caseKey(0, 5, 5, 2).getAttribute("r"), "2");
 * ```
 */
export function caseKey(index: number, cx: number, cy: number, r: number): Element {
  return shapeElement(caseShape(index), cx, cy, r, { fill: caseColor(index) });
}

/**
 * A case's marker's edge at (cx, cy), to append after every case's marks: unfilled, in the
 * case's colour, just inside the marker (over a marker with nothing on it, it changes nothing).
 *
 * @param index Position of the case in the series.
 * @param cx Centre's x.
 * @param cy Centre's y.
 * @returns The element.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { caseMarkerEdge } from "#lib/plots/case_marks.ts";
 * assert.equal(caseMarkerEdge(2, 5, 5).getAttribute("fill"), "none");
 * ```
 */
export function caseMarkerEdge(index: number, cx: number, cy: number): Element {
  return shapeElement(caseShape(index), cx, cy, MARKER_RADIUS - STROKE.thin / 2, {
    fill: "none",
    stroke: caseColor(index),
    "stroke-width": STROKE.thin,
  });
}
