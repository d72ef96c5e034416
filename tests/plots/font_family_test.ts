/**
 * The SVGs name fallback faces after DejaVu Sans (a viewer without it drew its default face,
 * often a serif, where every label was measured for DejaVu Sans); the PNGs do not change with the
 * list (the rasteriser finds DejaVu Sans, the first name, among the fonts it is given). Every
 * figure is composed by one function (`stack`, `lib/plots/compose.ts`), which a plain `plot`
 * goes through too.
 */
import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import { plot, pngBytes } from "../../lib/plots/mod.ts";
import { FONT_FAMILY } from "../../lib/plots/fonts.ts";

Deno.test("SVG font-family: DejaVu Sans, then fallbacks ending in sans-serif; PNG unchanged", async () => {
  const f = plot({
    title: "Some text",
    caption: "A caption with words in it.",
    marks: [Plot.dot([1, 2, 3], { x: (d) => d }), Plot.text(["a label"], { x: 2 })],
  });
  const named = [f.svg, ...f.svg.querySelectorAll("[font-family]")]
    .map((e) => e.getAttribute("font-family"))
    .filter((v): v is string => v !== null);
  assert.ok(named.length > 0, "no font-family");
  for (const family of named) {
    const list = family.split(",").map((s) => s.trim());
    assert.equal(list[0], FONT_FAMILY, family);
    assert.equal(list.at(-1), "sans-serif", family);
  }
  // The same figure naming DejaVu Sans alone rasterises to the same bytes.
  const alone = f.svg.cloneNode(true) as Element;
  for (const e of [alone, ...alone.querySelectorAll("[font-family]")]) {
    if (e.hasAttribute("font-family")) e.setAttribute("font-family", FONT_FAMILY);
  }
  assert.deepEqual(await pngBytes({ ...f, svg: alone }), await pngBytes(f));
});
