/**
 * The middle labels of a slopegraph keep their dots' vertical order: the label of a higher value
 * is never printed below the label of a lower one, even where the crowd pushes a label to the
 * other side of the column (a seeded fuzz found this configuration, where the labels left value
 * order without the check against the labels already placed).
 */
import assert from "node:assert/strict";
import { svgElement } from "../../lib/plots/dom.ts";
import { placeMiddleLabels, type SlopeLabels } from "../../lib/plots/slope_labels.ts";
import { textBox } from "../../lib/plots/layout.ts";

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

Deno.test("a middle label is not drawn across the middle column's line", () => {
  // The before/after figure's geometry, where a label centred under its dot was struck through by
  // the column's line ("1|0").
  const x = (c: number) => 295.88 + 157.62 * c;
  const g = svgElement("g");
  placeMiddleLabels(
    g,
    slopes([[3.3, 2.3, 0.6], [8, 1, 0.1], [4, 2, 0.5]]),
    x,
    (v) => 230 - 19.2 * v,
    {
      // Its dots as drawn there (the first-on column's set apart sideways), which labels avoid.
      obstacles: {
        boxes: [[295.88, 3.3], [295.88, 8], [295.88, 4], [448.32, 2.3], [453.5, 1], [458.68, 2]]
          .map(([cx, v]) => ({ x: cx - 6.3, y: 230 - 19.2 * v - 6.3, width: 12.6, height: 12.6 })),
        segments: [],
      },
      width: 661,
    },
  );
  const labels = [...g.querySelectorAll("text")];
  assert.equal(labels.length, 3);
  for (const t of labels) {
    const box = textBox(
      t.textContent!,
      Number(t.getAttribute("x")),
      Number(t.getAttribute("y")),
      Number(t.getAttribute("font-size")),
      t.getAttribute("text-anchor") as "start" | "middle" | "end",
    );
    assert.ok(
      box.x + box.width <= x(1) || box.x >= x(1),
      `"${t.textContent}" spans ${box.x}–${box.x + box.width}, across the line at ${x(1)}`,
    );
  }
});
