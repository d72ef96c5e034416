/**
 * The SVGs name fallback fonts after DejaVu Sans (a viewer without it drew its default face,
 * often a serif, where every label was measured for DejaVu Sans); the PNGs do not change with the
 * list (the rasteriser finds DejaVu Sans, the first name, among the fonts it is given).
 */
import assert from "node:assert/strict";
import { loadCaseSeries } from "../../lib/mod.ts";
import { caseTimelineFigure, pngBytes, trajectoriesFigure } from "../../lib/plots/mod.ts";
import { FONT_FAMILY } from "../../lib/plots/fonts.ts";
import { TEST_DATA_DIR } from "../helpers/data_dir.ts";

const series = await loadCaseSeries(TEST_DATA_DIR);

Deno.test("SVG font-family: DejaVu Sans, then fallbacks ending in sans-serif; PNG unchanged", async () => {
  const figures = [trajectoriesFigure(series.cases), caseTimelineFigure(series.cases[0])];
  for (const f of figures) {
    const named = [f.svg, ...f.svg.querySelectorAll("[font-family]")]
      .map((e) => e.getAttribute("font-family"))
      .filter((v): v is string => v !== null);
    assert.ok(named.length > 0, "no font-family");
    for (const family of named) {
      const list = family.split(",").map((s) => s.trim());
      assert.equal(list[0], FONT_FAMILY, family);
      assert.equal(list.at(-1), "sans-serif", family);
    }
    // The same figure naming DejaVu Sans alone rasterises to the same bytes (one figure: a PNG
    // takes a few seconds).
    if (f !== figures[1]) continue;
    const alone = f.svg.cloneNode(true) as Element;
    for (const e of [alone, ...alone.querySelectorAll("[font-family]")]) {
      if (e.hasAttribute("font-family")) e.setAttribute("font-family", FONT_FAMILY);
    }
    assert.deepEqual(await pngBytes({ ...f, svg: alone }), await pngBytes(f));
  }
});
