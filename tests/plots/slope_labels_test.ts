/**
 * The middle labels of a slopegraph keep their dots' vertical order: the label of a higher value
 * is never printed below the label of a lower one, even where the crowd pushes a label to the
 * other side of the column (a seeded fuzz found this configuration, where the labels left value
 * order without the check against the labels already placed).
 */
import assert from "node:assert/strict";
import { svgElement } from "../../lib/plots/dom.ts";
import { placeMiddleLabels, type SlopeLabels } from "../../lib/plots/slope_labels.ts";

/** Each case's three columns' values, as slopes whose texts name the case (unique labels). */
function slopes(values: readonly (readonly number[])[]): SlopeLabels[] {
  return values.map((vs, index) => ({
    index,
    points: vs.map((v, column) => ({ column, v, text: `${v} ${index}` })),
  }));
}

/** The y of each middle label, from the highest middle value down. */
function middleLabelYs(
  values: readonly (readonly number[])[],
  o: { x: (c: number) => number; y: (v: number) => number; width: number },
): { v: number; y: number }[] {
  const g = svgElement("g");
  const ss = slopes(values);
  placeMiddleLabels(g, ss, o.x, o.y, { obstacles: { boxes: [], segments: [] }, width: o.width });
  const texts = [...g.querySelectorAll("text")];
  return [...ss].sort((a, b) => b.points[1].v - a.points[1].v).map((s) => {
    const p = s.points[1];
    const t = texts.find((t) => t.textContent === p.text);
    assert.ok(t, `a label "${p.text}" is drawn`);
    return { v: p.v, y: Number(t.getAttribute("y")) };
  });
}

Deno.test("middle labels follow their values' order where the crowd moves one across the column", () => {
  const values = [[1.7, 6.1, 5.2], [7.8, 4.8, 0.9], [5.5, 4.5, 5], [8.2, 5.2, 6.6], [0, 2.3, 4.4]];
  const labels = middleLabelYs(values, {
    x: (c) => 60 + 120 * c,
    y: (v) => 300 - 28 * v,
    width: 320,
  });
  for (let i = 1; i < labels.length; i++) {
    const [higher, lower] = [labels[i - 1], labels[i]];
    assert.ok(
      lower.v === higher.v || lower.y > higher.y,
      `the label of ${lower.v} (y ${lower.y}) is below that of ${higher.v} (y ${higher.y})`,
    );
  }
});
