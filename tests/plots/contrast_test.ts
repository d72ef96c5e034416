/**
 * The intervals of the sensitivity and forest figures (the range over the variants or choices, the
 * informative interval) stand out from white paper: 3:1 at least (WCAG 2.1 SC 1.4.11, non-text
 * contrast), read off each figure's legend swatches. The light blue range bar (#8EC3E6) and the
 * pale grey informative interval (#bbbbbb) had 1.9:1 and faded in greyscale print.
 */
import assert from "node:assert/strict";
import { analysisVariants, loadCaseSeries } from "../../lib/mod.ts";
import { dataWithFixture, TEST_DATA_DIR } from "../helpers/data_dir.ts";
import { allFigures } from "./figures.ts";
import { writeSyntheticSeries } from "../../scripts/synthetic.ts";

/** WCAG contrast of a #RRGGBB colour with white. */
function onWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

const real = await loadCaseSeries(TEST_DATA_DIR);
const grownDir = await dataWithFixture();
const grown = await loadCaseSeries(grownDir);
const grownVariants = await analysisVariants(grownDir);
await Deno.remove(grownDir, { recursive: true });
// A larger synthetic series: its forest plots draw informative intervals.
const synthDir = await Deno.makeTempDir({ prefix: "contrast-" });
await writeSyntheticSeries(synthDir, { cases: 8, observationsPerCase: 8 });
const synth = await loadCaseSeries(synthDir);
await Deno.remove(synthDir, { recursive: true });

Deno.test("sensitivity and forest figures: every interval's colour has 3:1 on white", async () => {
  const figs = [
    ...allFigures({ series: real, variants: await analysisVariants(TEST_DATA_DIR) }, "real"),
    ...allFigures({ series: grown, variants: grownVariants }, "fixture"),
    ...allFigures({ series: synth }, "synthetic"),
  ].filter((f) => /\/(sensitivity|forest)/.test(f.name));
  const seen = new Set<string>();
  const low: string[] = [];
  for (const f of figs) {
    const legend = f.figure.svg.querySelector('[aria-label="legend"]');
    const kids = [...(legend?.children ?? [])];
    kids.forEach((el, i) => {
      const label = kids.slice(i + 1).find((k) => k.tagName.toLowerCase() === "text")?.textContent;
      if (!label || !/range over the (variants|choices)|informative interval/.test(label)) return;
      const color = el.getAttribute("stroke") ?? el.getAttribute("fill") ?? "";
      if (!/^#[0-9a-f]{6}$/i.test(color)) return;
      seen.add(label);
      if (onWhite(color) < 3) {
        low.push(`${f.name}: '${label}' ${color} ${onWhite(color).toFixed(2)}:1`);
      }
    });
  }
  assert.equal(seen.size, 3, `legends seen: ${[...seen]}`);
  assert.deepEqual(low, []);
});
