/**
 * Figures that draw several cases' dots on one plot (trajectories, before/after) draw every dot's
 * edge again over all cases' marks: a dot under another case's still shows (the real data's case 1
 * at day 93, 0.6, lay under case 3's 0–1.0 of the day before, in both figures). A value stated as
 * a range has its whisker in both (the before/after drew only a dot).
 */
import assert from "node:assert/strict";
import { loadCaseSeries } from "../../lib/mod.ts";
import { beforeAfterFigure, type Figure, trajectoriesFigure } from "../../lib/plots/mod.ts";
import { CASE_COLORS } from "../../lib/plots/theme.ts";
import { dataWithFixture, TEST_DATA_DIR } from "../helpers/data_dir.ts";

const dir = await dataWithFixture();
const grown = await loadCaseSeries(dir);
await Deno.remove(dir, { recursive: true });
const real = await loadCaseSeries(TEST_DATA_DIR);

/** Asserts that each dot of each plot (`<g aria-label=…>`) has its edge drawn after every dot. */
function assertEdges(f: Figure, plot: string): void {
  const plots = [...f.svg.querySelectorAll(`[aria-label="${plot}"]`)];
  assert.ok(plots.length > 0, `no ${plot}`);
  for (const g of plots) {
    const circles: Element[] = [...g.querySelectorAll("circle")];
    const dots = circles.filter((c) => c.getAttribute("fill") !== "none");
    const edges = circles.filter((c) => c.getAttribute("fill") === "none");
    assert.ok(dots.length > 0);
    const at = (c: Element) =>
      `${c.getAttribute("cx")},${c.getAttribute("cy")},${
        c.getAttribute(edges.includes(c) ? "stroke" : "fill")
      }`;
    assert.deepEqual(edges.map(at).sort(), dots.map(at).sort(), "one edge per dot, its colour");
    assert.ok(circles.indexOf(edges[0]) > circles.indexOf(dots.at(-1)!), "edges over every dot");
  }
}

Deno.test("trajectories and before/after: every dot's edge is drawn again over all cases' dots", () => {
  for (const series of [real, grown]) {
    assertEdges(trajectoriesFigure(series.cases), "trajectories");
    assertEdges(beforeAfterFigure(series.cases), "slopes");
  }
});

Deno.test("before/after: a value stated as a range has its vertical whisker, and the caption says so", () => {
  for (const series of [real, grown]) {
    const f = beforeAfterFigure(series.cases);
    const ranged = f.data.filter((r) => /\d\s*–\s*\d/.test(String(r.label)));
    const g = f.svg.querySelector('[aria-label="slopes"]')!;
    const whiskers = [...g.querySelectorAll("line")].filter((l) =>
      CASE_COLORS.includes(l.getAttribute("stroke") ?? "") &&
      l.getAttribute("x1") === l.getAttribute("x2") &&
      l.getAttribute("y1") !== l.getAttribute("y2")
    );
    assert.ok(
      whiskers.length >= ranged.length,
      `${ranged.length} ranges, ${whiskers.length} whiskers`,
    );
    const words = [...f.svg.querySelectorAll("text")].map((t) => t.textContent).join(" ");
    assert.equal(words.includes("A vertical whisker is a stated range."), ranged.length > 0);
  }
});
