/**
 * Event strips of the timelines and figure 1: no label is drawn over an event's marker. A label
 * wider than its room is cut with "…" (figure 1 at single-column width drew case 1's "right leg
 * severed off at the knee in a motorcycle accident" from the figure's left edge, over the first
 * two events' diamonds).
 */
import assert from "node:assert/strict";
import { analysisVariants, loadCaseSeries } from "../../lib/mod.ts";
import { measureText } from "../../lib/plots/fonts.ts";
import { GREY, MARKER_RADIUS } from "../../lib/plots/theme.ts";
import { dataWithFixture, TEST_DATA_DIR } from "../helpers/data_dir.ts";
import { allFigures, type NamedFigure } from "./figures.ts";
import { oddCases } from "./odd_cases.ts";

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
      const size = Number(t.getAttribute("font-size"));
      const w = measureText(t.textContent ?? "", size).width;
      const x = Number(t.getAttribute("x"));
      const x1 = t.getAttribute("text-anchor") === "end" ? x - w : x;
      const base = Number(t.getAttribute("y"));
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

const real = await loadCaseSeries(TEST_DATA_DIR);
const dir = await dataWithFixture();
const grown = await loadCaseSeries(dir);
const grownVariants = await analysisVariants(dir);
await Deno.remove(dir, { recursive: true });

Deno.test("timelines and figure 1: no label is drawn over an event's marker, at either width", async () => {
  const figs = [
    ...allFigures({ series: real, variants: await analysisVariants(TEST_DATA_DIR) }, "real"),
    ...allFigures({ series: grown, variants: grownVariants }, "fixture"),
    ...allFigures(
      { series: { study: real.study, sources: new Map(), cases: oddCases(real.study) } },
      "odd",
    ),
  ].filter((f) => /case-|figure-1/.test(f.name));
  assert.ok(figs.length > 0);
  assert.deepEqual(figs.flatMap(covered), []);
});
