/**
 * Figures that draw several cases on one plot (trajectories, before/after): each case has a
 * marker shape of its own besides its colour (the case colours are all dark, alike in greyscale
 * print), keyed beside its name in the trajectories; every marker's edge is drawn again over all
 * cases' marks, so a marker under another case's still shows (the real data's case 1 at day 93,
 * 0.6, lay under case 3's 0–1.0 of the day before, in both figures). A value stated as a range has
 * its whisker in both (the before/after drew only a dot).
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

/**
 * Asserts that each marker of each plot (`<g aria-label=…>`) has its edge, of its shape and
 * colour, drawn after every marker; that the cases' markers differ in shape; and that the
 * trajectories key each case's name with its marker.
 */
function assertEdges(f: Figure, plot: string): void {
  const plots = [...f.svg.querySelectorAll(`[aria-label="${plot}"]`)];
  assert.ok(plots.length > 0, `no ${plot}`);
  for (const g of plots) {
    const marks: Element[] = [...g.querySelectorAll("circle, path")]
      .filter((m) => m.parentElement?.getAttribute("aria-label") !== "case keys");
    // A marker: filled with its case's colour and a white rim, or hollow (white, its outline in
    // the case's colour: a value at a time the text does not date).
    const hollow = (c: Element) =>
      c.getAttribute("fill") === "white" && CASE_COLORS.includes(c.getAttribute("stroke") ?? "");
    const markers = marks.filter((c) =>
      (c.getAttribute("stroke") === "white" && c.getAttribute("fill") !== "none") || hollow(c)
    );
    const colour = (c: Element) => c.getAttribute(hollow(c) ? "stroke" : "fill");
    const edges = marks.filter((c) =>
      c.getAttribute("fill") === "none" && CASE_COLORS.includes(c.getAttribute("stroke") ?? "")
    );
    assert.ok(markers.length > 0);
    const kind = (c: Element, of: string | null) => `${c.tagName}:${of}`;
    assert.deepEqual(
      edges.map((c) => kind(c, c.getAttribute("stroke"))).sort(),
      markers.map((c) => kind(c, colour(c))).sort(),
      "one edge per marker, of its shape and colour",
    );
    assert.ok(marks.indexOf(edges[0]) > marks.indexOf(markers.at(-1)!), "edges over markers");
    // Cases have shapes of their own (greyscale print): three cases, three shapes.
    const shape = (m: Element) =>
      m.tagName.toLowerCase() === "circle"
        ? "circle"
        : `path of ${(m.getAttribute("d")?.match(/L/g) ?? []).length + 1} corners`;
    const colours = new Set(markers.map(colour));
    const shapes = new Set(markers.map(shape));
    assert.ok(
      shapes.size >= Math.min(colours.size, 3),
      `${colours.size} cases, shapes ${[...shapes]}`,
    );
    // The trajectories key each case's name with its marker.
    const names = [...g.querySelectorAll("text")].filter((t) => /^Case /.test(t.textContent ?? ""));
    const keys = g.querySelector('[aria-label="case keys"]');
    if (plot === "trajectories") assert.equal(keys?.children.length, names.length, "keys");
  }
}

Deno.test("trajectories and before/after: a shape per case, every marker's edge drawn again over all", () => {
  for (const series of [real, grown]) {
    assertEdges(trajectoriesFigure(series.cases), "trajectories");
    assertEdges(beforeAfterFigure(series.cases), "slopes");
  }
});

Deno.test("before/after: a value stated as a range has its vertical whisker, its ends in the source data, and the caption says so", () => {
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
    // Drawn over every case's marker (other cases' dots in its column hid it).
    const children = [...g.children];
    const lastMarker = Math.max(
      ...children.map((el, i) => ["circle", "path"].includes(el.tagName.toLowerCase()) ? i : -1),
    );
    for (const w of whiskers) {
      assert.ok(children.indexOf(w) > lastMarker, "a whisker under a marker");
    }
    // The source data give each whisker's ends (on the axis's units), not only its text.
    assert.ok(ranged.length > 0);
    for (const r of ranged) {
      assert.ok(Number(r.y_lo) < Number(r.y_hi), `${r.series}, ${r.x}: ${r.y_lo}–${r.y_hi}`);
      assert.ok(Number(r.y_lo) <= Number(r.y) && Number(r.y) <= Number(r.y_hi));
    }
    const words = [...f.svg.querySelectorAll("text")].map((t) => t.textContent).join(" ");
    // (With a category drawn too, the sentence goes on to what a category's whisker is.)
    assert.equal(words.includes("A vertical whisker is a stated range"), ranged.length > 0);
  }
});
