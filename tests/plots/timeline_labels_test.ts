/**
 * Labels of the timelines and figure 1, at both widths, for the real data, the data with the
 * fixture article appended and constructed odd cases (the figures are built once for both
 * checks):
 *
 * - no label is drawn over an event's marker: a label wider than its room is cut with "…" (figure
 *   1 at single-column width drew case 1's "right leg severed off at the knee in a motorcycle
 *   accident" from the figure's left edge, over the first two events' diamonds);
 * - no phase line runs through a phase label's text unseen: a label in a row that a stem from a
 *   row above crosses (a crowded single-column timeline) has a white halo and is drawn after every
 *   stem, which breaks the stem behind its text; a label set over its own line (no room beside
 *   it) has its line start under it, not through it.
 */
import assert from "node:assert/strict";
import { analysisVariants, loadCaseSeries } from "../../lib/mod.ts";
import { measureText } from "../../lib/plots/fonts.ts";
import { GREY, MARKER_RADIUS } from "../../lib/plots/theme.ts";
import { PHASE_COLOR } from "../../lib/plots/timeline_panels.ts";
import { dataWithFixture, TEST_DATA_DIR } from "../helpers/data_dir.ts";
import { allFigures, type NamedFigure } from "./figures.ts";
import { oddCases } from "./odd_cases.ts";

/** A text element's box: left edge, width, baseline and font size. */
function textBox(t: Element): { x1: number; w: number; base: number; size: number } {
  const size = Number(t.getAttribute("font-size"));
  const w = measureText(t.textContent ?? "", size).width;
  const x = Number(t.getAttribute("x"));
  const x1 = t.getAttribute("text-anchor") === "end" ? x - w : x;
  return { x1, w, base: Number(t.getAttribute("y")), size };
}

/** Labels drawn over an event's diamond. */
function covered(f: NamedFigure): string[] {
  const out: string[] = [];
  for (const panel of f.figure.svg.querySelectorAll("svg")) {
    const kids = [...panel.children];
    const diamonds = kids.filter((e) =>
      e.tagName.toLowerCase() === "path" && e.getAttribute("fill") === GREY.ink
    ).map((e) => /^M([-\d.]+),([-\d.]+)L/.exec(e.getAttribute("d") ?? "")).filter((m) => m)
      .map((m) => ({ x: Number(m![1]), y: Number(m![2]) + MARKER_RADIUS * 1.2 }));
    for (const t of kids.filter((e) => e.tagName.toLowerCase() === "text")) {
      const { x1, w, base, size } = textBox(t);
      for (const d of diamonds) {
        const r = MARKER_RADIUS * 1.2 - 1;
        if (d.x + r > x1 && d.x - r < x1 + w && d.y + r > base - size * 0.75 && d.y - r < base) {
          out.push(`${f.name}: '${t.textContent}' over the event marker at ${d.x},${d.y}`);
        }
      }
    }
  }
  return out;
}

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
      const { x1, w, base, size } = textBox(t);
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
const figs = [
  ...allFigures({ series: real, variants: await analysisVariants(TEST_DATA_DIR) }, "real"),
  ...allFigures({ series: grown, variants: grownVariants }, "fixture"),
  ...allFigures(
    { series: { study: real.study, sources: new Map(), cases: oddCases(real.study) } },
    "odd",
  ),
].filter((f) => /case-|figure-1/.test(f.name));

Deno.test("timelines and figure 1: no label is drawn over an event's marker, at either width", () => {
  assert.ok(figs.length > 0);
  assert.deepEqual(figs.flatMap(covered), []);
});

Deno.test("timelines: no phase line runs through a phase label unseen, at either width", () => {
  assert.ok(figs.length > 0);
  assert.deepEqual(figs.flatMap(crossings), []);
});
