/**
 * Assembling a figure: panels (Plot `<svg>`s or hand-built ones) stacked under a title and a
 * legend and above notes and a caption, all inside one standalone SVG (so everything a figure says
 * is in its PNG too), at a print width.
 *
 * @module
 */
import { svgElement, textElement } from "./dom.ts";
import { legend, type LegendItem } from "./legend.ts";
import { wrapText } from "./layout.ts";
import type { DataRow, Figure } from "./figure.ts";
import { type FigureWidth, figureWidth, GREY, THEME, TYPE } from "./theme.ts";

export type { DataRow, Figure } from "./figure.ts";

/** Options of {@link stack}. */
export interface StackOptions {
  /** Title, bold, at the top (wrapped to the width). */
  title: string;
  /** One sentence for text/plain. */
  description: string;
  /** Keys drawn under the title. */
  legend?: readonly LegendItem[];
  /** Short notes under the panels (footnotes, cases not shown and why), one paragraph each. */
  notes?: readonly string[];
  /** The caption: what the figure shows and how to read it (not a key: keys go in `legend`). */
  caption?: string;
  /** Figure width (default "full"). */
  width?: FigureWidth;
  /** The values the panels draw, one row per drawn mark (default none). */
  data?: readonly DataRow[];
}

/** Horizontal padding of title, legend, notes and caption, in px. */
export const PAD = 6;

/**
 * Stacks panels vertically under a title and a legend and above notes and a caption, on a white
 * background. Each panel is an `<svg>` with a numeric `height` and the figure's width; panels do
 * not clip (`overflow="visible"`): a mark past a panel's edge is drawn, not cut. The figure shows
 * itself in a notebook when left as a cell's last expression (PNG, SVG and its description).
 *
 * @param panels The panels, top to bottom.
 * @param options Title, description, legend, notes, caption, width.
 * @returns The figure.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import * as Plot from "@observablehq/plot";
 * import { document, stack } from "#lib/plots/mod.ts";
 * const p = Plot.plot({ document, width: 661, marks: [Plot.dot([1, 2], { x: (d) => d })] });
 * assert.equal(stack([p as unknown as Element], { title: "T", description: "D" }).description, "D");
 * ```
 */
export function stack(panels: readonly Element[], options: StackOptions): Figure {
  const width = figureWidth(options.width ?? "full");
  const inner = width - 2 * PAD;
  const root = svgElement("svg", {
    xmlns: "http://www.w3.org/2000/svg",
    width,
    "font-family": THEME.fontFamily,
    "font-size": TYPE.small,
  });
  root.appendChild(svgElement("rect", { width: "100%", height: "100%", fill: "white" }));
  const defs = svgElement("defs");
  root.appendChild(defs);
  let y = 4;
  for (const line of wrapText(options.title, inner, TYPE.title, "bold")) {
    y += TYPE.title * 1.25;
    root.appendChild(textElement(line, PAD, y - TYPE.title * 0.25, {
      size: TYPE.title,
      weight: "bold",
      fill: GREY.ink,
    }));
  }
  y += 4;
  if (options.legend?.length) {
    const l = legend(options.legend, inner);
    l.element.setAttribute("transform", `translate(${PAD},${y})`);
    root.appendChild(l.element);
    y += l.height + 2;
  }
  for (const panel of panels) {
    const h = Number(panel.getAttribute("height"));
    if (!Number.isFinite(h)) throw new TypeError("stack: every panel needs a numeric height");
    panel.setAttribute("x", "0");
    panel.setAttribute("y", String(y));
    // Plot's <style> sizes its <svg> for an HTML page; inlined in HTML it would also apply to
    // the nested panels. Fonts and colours are set as attributes instead.
    panel.removeAttribute("style");
    panel.removeAttribute("class");
    for (const style of [...panel.querySelectorAll("style")]) style.remove();
    panel.setAttribute("font-family", THEME.fontFamily);
    panel.setAttribute("font-size", String(TYPE.small));
    // A nested <svg> cuts what it draws at its edges, and resvg paints it on an off-screen layer
    // of the whole figure's size (3-4× the time of the rest of a PNG). A mark past its panel's
    // edge is shown instead, as Plot draws marks by default, not cut silently.
    panel.setAttribute("overflow", "visible");
    root.appendChild(panel);
    y += h;
  }
  const paragraph = (text: string, fill: string) => {
    for (const line of wrapText(text, inner, TYPE.small)) {
      y += TYPE.small * 1.3;
      root.appendChild(textElement(line, PAD, y - TYPE.small * 0.3, { size: TYPE.small, fill }));
    }
  };
  if (options.notes?.length) {
    y += 2;
    for (const note of options.notes) paragraph(note, GREY.ink);
  }
  if (options.caption) {
    y += 6;
    paragraph(options.caption, "#333333");
  }
  y += 6;
  // One definition per gradient id, at the root.
  const seen = new Set<string>();
  for (const g of [...root.querySelectorAll("linearGradient")]) {
    const id = g.getAttribute("id") ?? "";
    g.remove();
    if (!seen.has(id)) {
      seen.add(id);
      defs.appendChild(g);
    }
  }
  if (seen.size === 0) defs.remove();
  const height = Math.ceil(y);
  root.setAttribute("height", String(height));
  root.setAttribute("viewBox", `0 0 ${width} ${height}`);
  return displayable({
    svg: root,
    description: options.description,
    data: [...(options.data ?? [])],
  });
}

/**
 * The key of the method by which the Deno kernel shows an object left as a cell's last
 * expression (see `Deno.jupyter`): it awaits the bundle the method returns.
 */
const JUPYTER_DISPLAY = Symbol.for("Jupyter.display");

/**
 * Gives a figure the kernel's display method (non-enumerable, so the figure's fields and JSON are
 * unchanged): a figure left as a cell's last expression shows as its image, not as its DOM. The
 * bundle is what `showFigure` shows (PNG, SVG, the description as text/plain), the PNG at the
 * figure's own size (the kernel sends no display metadata with it, so a 300 dpi PNG would show
 * three times too large). The rasteriser still loads only when a figure is first shown.
 *
 * @param figure The figure.
 * @returns The same figure.
 */
function displayable(figure: Figure): Figure {
  Object.defineProperty(figure, JUPYTER_DISPLAY, {
    enumerable: false,
    value: async (): Promise<Record<string, string>> => {
      const { displayBundle } = await import("./render.ts");
      return await displayBundle(figure, 1);
    },
  });
  return figure;
}

/**
 * An empty hand-built panel (`<svg>` of the figure's width and a height) to draw into.
 *
 * @param width Width in px.
 * @param height Height in px.
 * @returns The panel element.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { panel } from "#lib/plots/compose.ts";
 * assert.equal(panel(661, 40).getAttribute("height"), "40");
 * ```
 */
export function panel(width: number, height: number): Element {
  return svgElement("svg", { width, height, viewBox: `0 0 ${width} ${height}` });
}
