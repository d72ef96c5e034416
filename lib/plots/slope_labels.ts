/**
 * The labels of a slopegraph's middle column (the first value on the drug): beside each dot,
 * clear of the lines, dots and labels already placed, in their dots' vertical order.
 *
 * @module
 */
import { textElement } from "./dom.ts";
import { type Anchor, type Obstacles, placeLabel, textBox } from "./layout.ts";
import { caseColor, MARKER_RADIUS, TYPE } from "./theme.ts";

/** What the labels need of a case's slope: its colour's index and its columns' values. */
export interface SlopeLabels {
  /** The case's place in the series (its colour). */
  index: number;
  /** Each column's value (`column` 0, 1, 2; `v` on the common metric) and its text. */
  points: readonly { column: number; v: number; text: string }[];
}

/**
 * The middle column's values, where no line runs through them: beside the dot, above or below
 * its lines, clear of every line, dot and label already placed (`o.obstacles`, which gains them),
 * in their dots' vertical order.
 *
 * @param g The group the labels are added to.
 * @param slopes Each case's slope: its colour's index and its three columns' values and texts.
 * @param x The x position of a column (0, 1, 2).
 * @param y The y position of a value.
 * @param o What is already drawn (`obstacles`) and the figure's width.
 * @returns Nothing: the labels are in `g`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { svgElement } from "#lib/plots/dom.ts";
 * import { placeMiddleLabels } from "#lib/plots/slope_labels.ts";
 * const g = svgElement("g");
 * const slope = (index: number, first: number) => ({
 *   index,
 *   points: [8, first, 1].map((v, column) => ({ column, v, text: `${v} cm` })),
 * });
 * const obstacles = { boxes: [], segments: [] };
 * placeMiddleLabels(g, [slope(0, 3), slope(1, 4)], (c) => 100 * c, (v) => 200 - 20 * v, {
 *   obstacles,
 *   width: 300,
 * });
 * const at = (text: string) =>
 *   Number([...g.querySelectorAll("text")].find((t) => t.textContent === text)!.getAttribute("y"));
 * assert.ok(at("4 cm") < at("3 cm"), "the higher value printed higher");
 * ```
 */
export function placeMiddleLabels(
  g: Element,
  slopes: readonly SlopeLabels[],
  x: (v: number) => number,
  y: (v: number) => number,
  o: { obstacles: Obstacles; width: number },
): void {
  const obstacles = o.obstacles;
  // The middle column's line: a label across it reads as struck through ("1|0").
  obstacles.segments.push({ x1: x(1), y1: 0, x2: x(1), y2: y(0) });
  for (const s of slopes) {
    for (let i = 1; i < s.points.length; i++) {
      const [a, b] = [s.points[i - 1], s.points[i]];
      obstacles.segments.push({ x1: x(a.column), y1: y(a.v), x2: x(b.column), y2: y(b.v) });
    }
    for (const p of s.points) {
      const r = MARKER_RADIUS + 1;
      obstacles.boxes.push({ x: x(p.column) - r, y: y(p.v) - r, width: 2 * r, height: 2 * r });
    }
  }
  const bounds = { x: 0, y: 0, width: o.width, height: y(0) + 8 };
  const size = TYPE.small;
  // From the highest value down, so that each label can take the room below its dot before the
  // next one down needs it.
  const byValue = [...slopes].sort((a, b) => b.points[1].v - a.points[1].v);
  // The labels placed so far (of dots as high or higher), each with its box's middle.
  const placed: { v: number; mid: number }[] = [];
  for (const s of byValue) {
    const p = s.points[1];
    const [cx, cy] = [x(1), y(p.v)];
    const r = MARKER_RADIUS + 2;
    const spots: [number, number, Anchor][] = [
      [cx + r, cy - r, "start"],
      [cx + r, cy + r + size * 0.8, "start"],
      [cx - r, cy - r, "end"],
      [cx - r, cy + r + size * 0.8, "end"],
      [cx, cy - r - 2, "middle"],
      [cx, cy + r + size, "middle"],
      [cx + r + 2, cy + size * 0.36, "start"],
      [cx - r - 2, cy + size * 0.36, "end"],
      ...[1, 2, 3].flatMap((k): [number, number, Anchor][] => [
        [cx + r, cy - r - k * size, "start"],
        [cx + r, cy + r + size * 0.8 + k * size, "start"],
        [cx - r, cy - r - k * size, "end"],
        [cx - r, cy + r + size * 0.8 + k * size, "end"],
      ]),
    ];
    // Labels keep their dots' order: none above a higher dot's centre or below a lower one's,
    // and none above the label of a higher dot (on the other side of the column, a label moved
    // up clear of the crowd), so that a value is never read as its neighbour's (where a spot
    // that keeps it exists).
    const others = slopes.filter((o) => o !== s).map((o) => y(o.points[1].v));
    const kept = spots.filter(([tx, ty, a]) => {
      const b = textBox(p.text, tx, ty, size, a);
      const mid = b.y + b.height / 2;
      return others.every((oy) => oy < cy ? mid > oy : oy > cy ? mid < oy : true) &&
        placed.every((l) => l.v === p.v || mid > l.mid);
    });
    const usable = kept.length ? kept : spots;
    const boxes = usable.map(([tx, ty, a]) => textBox(p.text, tx, ty, size, a));
    const best = placeLabel(boxes, obstacles, bounds);
    const [tx, ty, a] = usable[best];
    placed.push({ v: p.v, mid: boxes[best].y + boxes[best].height / 2 });
    g.appendChild(textElement(p.text, tx, ty, {
      size,
      anchor: a,
      fill: caseColor(s.index),
      halo: true,
    }));
  }
}
