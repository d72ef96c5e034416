/**
 * The overlap test's measure of texts: an axis label Observable Plot turns upright
 * (`translate(x, y) rotate(-90)`, what `plots.plot` draws for a y axis of categories) is measured
 * turned, so a figure built with `plot` can be checked; a transform it cannot measure is named.
 */
import assert from "node:assert/strict";
import { measureText } from "../../lib/plots/fonts.ts";
import { textBoxes } from "./text_boxes.ts";

const svg = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" font-size="10">${body}</svg>`;

Deno.test("a text turned by rotate(-90) has the box of the turned text", () => {
  const e = measureText("case", 10);
  const { texts } = textBoxes(
    svg(`<g transform="translate(40,55) rotate(-90)"><text text-anchor="middle">case</text></g>`),
  );
  assert.equal(texts.length, 1);
  const b = texts[0].box;
  const near = (a: number, x: number, what: string) => assert.ok(Math.abs(a - x) < 1e-9, what);
  // Upright: as wide as the text is high, as high as it is wide, centred on y = 55, its baseline
  // (the text's bottom before turning) on x = 40 with the ascent to its left.
  near(b.width, e.ascent + e.descent, "width");
  near(b.height, e.width, "height");
  near(b.y, 55 - e.width / 2, "top");
  near(b.x, 40 - e.ascent, "left");
});

Deno.test("rotations compose with the translations around them, about a centre too", () => {
  const plain = textBoxes(svg(`<text x="30" y="20">abc</text>`)).texts[0].box;
  const twice = textBoxes(
    svg(
      `<g transform="translate(5, 0)"><g transform="rotate(90 30 20) rotate(-90, 30, 20)">` +
        `<text x="25" y="20">abc</text></g></g>`,
    ),
  ).texts[0].box;
  for (const k of ["x", "y", "width", "height"] as const) {
    assert.ok(Math.abs(plain[k] - twice[k]) < 1e-9, `${k}: ${plain[k]} vs ${twice[k]}`);
  }
});

Deno.test("a rotation about a centre is the rotation about the origin moved to that centre", () => {
  const text = `<text x="25" y="20">abc</text>`;
  const about = textBoxes(svg(`<g transform="rotate(-90 30 20)">${text}</g>`)).texts[0].box;
  const moved = textBoxes(
    svg(
      `<g transform="translate(30, 20)"><g transform="rotate(-90)">` +
        `<g transform="translate(-30, -20)">${text}</g></g></g>`,
    ),
  ).texts[0].box;
  const origin = textBoxes(svg(`<g transform="rotate(-90)">${text}</g>`)).texts[0].box;
  for (const k of ["x", "y", "width", "height"] as const) {
    assert.ok(Math.abs(about[k] - moved[k]) < 1e-9, `${k}: ${about[k]} vs ${moved[k]}`);
  }
  // The centre matters: about the origin the box is elsewhere.
  assert.ok(Math.abs(about.x - origin.x) > 1 || Math.abs(about.y - origin.y) > 1);
});

Deno.test("a transform whose text cannot be measured is refused by name", () => {
  assert.throws(
    () => textBoxes(svg(`<g transform="rotate(45)"><text>x</text></g>`)),
    /unsupported transform 'rotate\(45\)'.*multiple of 90/,
  );
  assert.throws(
    () => textBoxes(svg(`<g transform="scale(2)"><text>x</text></g>`)),
    /unsupported transform 'scale\(2\)'/,
  );
});
