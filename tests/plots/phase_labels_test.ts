/**
 * Phase labels of the timelines and figure 1: no phase line runs through a label's text unseen.
 * A label in a row that a stem from a row above crosses (a crowded single-column timeline) has a
 * white halo and is drawn after every stem, which breaks the stem behind its text; a label set
 * over its own line (no room beside it) has its line start under it, not through it.
 */
import assert from "node:assert/strict";
import { analysisVariants, loadCaseSeries } from "../../lib/mod.ts";
import { measureText } from "../../lib/plots/fonts.ts";
import { PHASE_COLOR } from "../../lib/plots/timeline_panels.ts";
import { dataWithFixture, TEST_DATA_DIR } from "../helpers/data_dir.ts";
import { allFigures, type NamedFigure } from "./figures.ts";
import { oddCases } from "./odd_cases.ts";

/** Where a phase line runs through a phase label's text that does not hide it. */
function crossings(f: NamedFigure): string[] {
  const out: string[] = [];
  for (const panel of f.figure.svg.querySelectorAll("svg")) {
    const kids = [...panel.children];
    const lines = kids.filter((e) =>
      e.tagName.toLowerCase() === "line" && e.getAttribute("stroke") === PHASE_COLOR
    );
    const texts = kids.filter((e) =>
      e.tagName.toLowerCase() === "text" && e.getAttribute("fill") === PHASE_COLOR
    );
    for (const t of texts) {
      const size = Number(t.getAttribute("font-size"));
      const w = measureText(t.textContent ?? "", size).width;
      const x = Number(t.getAttribute("x"));
      const x1 = t.getAttribute("text-anchor") === "end" ? x - w : x;
      const base = Number(t.getAttribute("y"));
      const [top, bottom] = [base - size * 0.75, base + size * 0.2];
      for (const l of lines) {
        const lx = Number(l.getAttribute("x1"));
        const [ly1, ly2] = [Number(l.getAttribute("y1")), Number(l.getAttribute("y2"))];
        const through = lx > x1 + 1 && lx < x1 + w - 1 && ly1 < bottom && ly2 > top;
        const hidden = t.getAttribute("stroke") === "white" && kids.indexOf(t) > kids.indexOf(l);
        if (through && !hidden) {
          out.push(`${f.name}: a line at x ${lx} runs through '${t.textContent}'`);
        }
      }
    }
  }
  return out;
}

const real = await loadCaseSeries(TEST_DATA_DIR);
const dir = await dataWithFixture();
const grown = await loadCaseSeries(dir);
const grownVariants = await analysisVariants(dir);
await Deno.remove(dir, { recursive: true });

Deno.test("timelines: no phase line runs through a phase label unseen, at either width", async () => {
  const figs = [
    ...allFigures({ series: real, variants: await analysisVariants(TEST_DATA_DIR) }, "real"),
    ...allFigures({ series: grown, variants: grownVariants }, "fixture"),
    ...allFigures(
      { series: { study: real.study, sources: new Map(), cases: oddCases(real.study) } },
      "odd",
    ),
  ].filter((f) => /case-|figure-1/.test(f.name));
  assert.ok(figs.length > 0);
  assert.deepEqual(figs.flatMap(crossings), []);
});
