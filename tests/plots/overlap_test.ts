/**
 * Every figure, from the real data, from the synthetic fixture appended to it and from odd
 * hand-made cases, at single-column and full width: no two texts overlap, no text leaves the
 * figure, no text is smaller than 7 pt at print size. Text extents come from the font the PNG is
 * drawn with; a check against resvg's own measure keeps them honest.
 */
import assert from "node:assert/strict";
import { initWasm, Resvg } from "@resvg/resvg-wasm";
import { analysisVariants, loadCaseSeries } from "../../lib/mod.ts";
import { fontBytes, measureText } from "../../lib/plots/fonts.ts";
import { overlaps as overlapsForTest } from "../../lib/plots/layout.ts";
import { svgText } from "../../lib/plots/render.ts";
import { TYPE } from "../../lib/plots/theme.ts";
import { dataWithFixture, TEST_DATA_DIR } from "../helpers/data_dir.ts";
import { allFigures, type NamedFigure } from "./figures.ts";
import { oddCases } from "./odd_cases.ts";
import { textBoxes } from "./text_boxes.ts";

/** Problems of one figure's text layout. */
function problems(f: NamedFigure): string[] {
  const { texts, width, height } = textBoxes(svgText(f.figure));
  const out: string[] = [];
  const tol = 0.5;
  for (const t of texts) {
    const b = t.box;
    if (b.x < -tol || b.y < -tol || b.x + b.width > width + tol || b.y + b.height > height + tol) {
      out.push(`'${t.text}' runs outside the ${width}×${height} figure (${JSON.stringify(b)})`);
    }
    if (t.size < TYPE.min - 0.01) out.push(`'${t.text}' is ${t.size} px (< 7 pt)`);
  }
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      if (overlapsForTest(texts[i].box, texts[j].box, tol)) {
        out.push(`'${texts[i].text}' overlaps '${texts[j].text}'`);
      }
    }
  }
  return out.map((p) => `${f.name}: ${p}`);
}

const real = await loadCaseSeries(TEST_DATA_DIR);
const fixtureDir = await dataWithFixture();
const withFixture = await loadCaseSeries(fixtureDir);
const fixtureVariants = await analysisVariants(fixtureDir);
await Deno.remove(fixtureDir, { recursive: true });

Deno.test("figures of the real data: no overlapping or clipped text, nothing under 7 pt", async () => {
  const figs = allFigures({ series: real, variants: await analysisVariants() }, "real");
  assert.ok(figs.some((f) => f.name.includes("/verdicts-")));
  assert.deepEqual(figs.flatMap(problems), []);
});

Deno.test("figures with the synthetic fixture appended: no overlapping or clipped text", () => {
  const figs = allFigures({ series: withFixture, variants: fixtureVariants }, "fixture");
  assert.ok(figs.some((f) => f.name.endsWith("/sensitivity-readings")));
  assert.deepEqual(figs.flatMap(problems), []);
});

Deno.test("figures of odd hand-made cases: no overlapping or clipped text", () => {
  const series = {
    study: withFixture.study,
    sources: new Map(),
    cases: oddCases(withFixture.study),
  };
  assert.deepEqual(allFigures({ series }, "odd").flatMap(problems), []);
});

Deno.test("the overlap check finds an overlap (it can fail)", () => {
  const a = { x: 0, y: 0, width: measureText("Case 1", 10).width, height: 8 };
  assert.ok(overlapsForTest(a, { ...a, x: a.width - 2 }, 0.5));
  assert.ok(!overlapsForTest(a, { ...a, x: a.width + 1 }, 0.5));
});

Deno.test("text widths agree with resvg's rendering (never narrower, within 10%)", async () => {
  await initWasm(
    await Deno.readFile(new URL(import.meta.resolve("@resvg/resvg-wasm/index_bg.wasm"))),
  );
  for (const weight of ["normal", "bold"] as const) {
    for (const s of ["Case 12", "Days since the start of x →", "1.00 [0.35, 1.65]ᵃ", "−50%"]) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="40">` +
        `<text x="10" y="25" font-size="10" font-weight="${weight}">${s}</text></svg>`;
      const r = new Resvg(svg, {
        font: {
          fontBuffers: [fontBytes("normal"), fontBytes("bold")],
          defaultFontFamily: "DejaVu Sans",
          loadSystemFonts: false,
        },
      });
      const drawn = r.getBBox()!.width;
      r.free();
      const measured = measureText(s, 10, weight).width;
      assert.ok(measured >= drawn - 0.5, `${s}: measured ${measured} < drawn ${drawn}`);
      assert.ok(measured <= drawn * 1.1 + 1.5, `${s}: measured ${measured} ≫ drawn ${drawn}`);
    }
  }
});
