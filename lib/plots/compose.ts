/**
 * Stacking Plot panels into one standalone SVG with a title and a caption, so that everything a
 * figure says is inside the SVG (and so in its PNG).
 *
 * @module
 */
import { svgElement } from "./dom.ts";
import { THEME } from "./theme.ts";

/** A finished figure: its SVG element and a one-sentence description for text/plain. */
export interface Figure {
  /** The standalone `<svg>` (with `xmlns`). */
  svg: Element;
  /** One sentence saying what the figure shows. */
  description: string;
}

/** Splits text into lines of at most `max` characters at spaces. */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && (line + " " + word).length > max) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Stacks panels (Plot `<svg>` elements) vertically under a title and above a caption, on a white
 * background, and returns the figure.
 *
 * @example
 * ```ts
 * import * as Plot from "@observablehq/plot";
 * import { document } from "./dom.ts";
 * import { stack } from "./compose.ts";
 * const p = Plot.plot({ document, marks: [Plot.dot([1, 2], { x: (d) => d })] });
 * stack([p as unknown as Element], { title: "T", caption: "C", description: "D" }).description; // "D"
 * ```
 */
export function stack(
  panels: Element[],
  options: { title: string; caption?: string; description: string; width?: number },
): Figure {
  const width = options.width ?? THEME.width;
  const titleHeight = 28;
  const captionLines = options.caption ? wrap(options.caption, Math.floor(width / 6.6)) : [];
  const lineHeight = 15;
  let y = titleHeight;
  const root = svgElement("svg", {
    xmlns: "http://www.w3.org/2000/svg",
    width,
    "font-family": THEME.fontFamily,
    "font-size": THEME.fontSize,
  });
  root.appendChild(svgElement("rect", { width: "100%", height: "100%", fill: "white" }));
  const title = svgElement("text", {
    x: 10,
    y: 19,
    "font-size": THEME.titleSize,
    "font-weight": "bold",
  });
  title.textContent = options.title;
  root.appendChild(title);
  for (const panel of panels) {
    const h = Number(panel.getAttribute("height"));
    panel.setAttribute("x", "0");
    panel.setAttribute("y", String(y));
    // Plot's <style> sizes its <svg> for an HTML page (display: block, height: auto); inlined
    // in HTML (nbconvert, JupyterLab) it would also apply to the nested panels. Fonts and
    // colours are set as attributes instead.
    panel.removeAttribute("style");
    panel.removeAttribute("class");
    for (const style of [...panel.querySelectorAll("style")]) style.remove();
    panel.setAttribute("font-family", THEME.fontFamily);
    root.appendChild(panel);
    y += h;
  }
  y += 6;
  for (const line of captionLines) {
    y += lineHeight;
    const t = svgElement("text", { x: 10, y, "font-size": 11, fill: "#333" });
    t.textContent = line;
    root.appendChild(t);
  }
  y += 10;
  root.setAttribute("height", String(y));
  root.setAttribute("viewBox", `0 0 ${width} ${y}`);
  return { svg: root, description: options.description };
}
