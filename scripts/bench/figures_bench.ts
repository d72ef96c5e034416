/**
 * Figure timings on the project's data: building a case's timeline (Plot on linkedom), writing it
 * as SVG text, and rasterising it to PNG with resvg (what every figure a notebook shows costs).
 * `deno task bench figures_bench`.
 */
import { loadCaseSeries } from "../../lib/mod.ts";
import { caseTimelineFigure, pngBytes, svgText } from "../../lib/plots/mod.ts";

const series = await loadCaseSeries();
const first = series.cases[0];
if (!first) throw new Error("figures_bench: the data has no case");
const figure = caseTimelineFigure(first);
await pngBytes(figure); // resvg's WebAssembly and the fonts load once, outside the timings

Deno.bench({ name: "case timeline: build", group: "timeline" }, () => {
  caseTimelineFigure(first);
});
Deno.bench({ name: "case timeline: SVG text", group: "timeline" }, () => {
  svgText(figure);
});
Deno.bench({ name: "case timeline: PNG (2×)", group: "timeline" }, async () => {
  await pngBytes(figure);
});
