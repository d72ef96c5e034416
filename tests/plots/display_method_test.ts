/**
 * Every registered figure shows itself when left as a notebook cell's last expression: it has the
 * kernel's display method (`Symbol.for("Jupyter.display")`), which gives the bundle `showFigure`
 * shows (PNG, SVG, the description as text/plain), not the figure's DOM as text.
 */
import assert from "node:assert/strict";
import { analysisVariants, loadCaseSeries } from "../../lib/mod.ts";
import * as plots from "../../lib/plots/mod.ts";
import { figureInputs } from "./figures.ts";

const DISPLAY = Symbol.for("Jupyter.display");

Deno.test("every registered figure has the kernel's display method, giving PNG + SVG + text", async () => {
  const series = await loadCaseSeries();
  const variants = await analysisVariants();
  for (const def of plots.FIGURES as readonly plots.FigureDef[]) {
    const [input] = figureInputs(def.needs, { series, variants });
    assert.ok(input !== undefined, `${def.name}: no input to draw it from`);
    const figure = def.build(input);
    const show = (figure as unknown as Record<symbol, unknown>)[DISPLAY];
    assert.equal(typeof show, "function", `${def.name}: no Jupyter.display method`);
    const bundle = await (show as () => Promise<Record<string, string>>)();
    assert.deepEqual(Object.keys(bundle).sort(), ["image/png", "image/svg+xml", "text/plain"]);
    assert.ok(bundle["image/png"].startsWith("iVBORw0KGgo"), `${def.name}: not a PNG`);
    assert.equal(bundle["image/svg+xml"], plots.svgText(figure));
    assert.equal(bundle["text/plain"], figure.description);
    // The figure's own fields are unchanged: the method is not one of them.
    assert.deepEqual(Object.keys(figure).sort(), ["data", "description", "svg"]);
  }
});
