/**
 * Test helper: the box of every text of a rendered figure, computed from its SVG without a
 * browser (translations, nested `<svg>` offsets, inherited font size, weight and anchor, `em`
 * offsets, `<tspan>` lines), measured with the font the PNG is drawn with.
 *
 * @module
 */
import { parseHTML } from "linkedom";
import { type Anchor, type Box, textBox } from "../../lib/plots/layout.ts";

/** One text of a figure with its box. */
export interface PlacedText {
  /** The text. */
  text: string;
  /** Its ink box in the figure's px. */
  box: Box;
  /** Its font size in px. */
  size: number;
}

interface Style {
  dx: number;
  dy: number;
  size: number;
  anchor: Anchor;
  weight: "normal" | "bold";
}

const length = (v: string | null, size: number): number => {
  if (v === null || v === "") return 0;
  const m = /^(-?[\d.]+)(em|px)?$/.exec(v.trim());
  if (!m) throw new Error(`unsupported length '${v}'`);
  return Number(m[1]) * (m[2] === "em" ? size : 1);
};

function translate(attr: string | null): [number, number] {
  if (!attr) return [0, 0];
  const m = /^translate\(\s*(-?[\d.e-]+)(?:[ ,]+(-?[\d.e-]+))?\s*\)$/.exec(attr.trim());
  if (!m) throw new Error(`unsupported transform '${attr}'`);
  return [Number(m[1]), Number(m[2] ?? 0)];
}

/**
 * Every non-empty text of an SVG document with its box.
 *
 * @param svg The figure's SVG text.
 * @returns The texts, in document order, and the figure's size.
 */
export function textBoxes(svg: string): { texts: PlacedText[]; width: number; height: number } {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${svg}</body></html>`);
  const root = document.querySelector("svg")!;
  const texts: PlacedText[] = [];
  const walk = (el: Element, s: Style) => {
    const tag = el.tagName.toLowerCase();
    const size = el.getAttribute("font-size") ? Number(el.getAttribute("font-size")) : s.size;
    const anchor = (el.getAttribute("text-anchor") as Anchor | null) ?? s.anchor;
    const weight = (el.getAttribute("font-weight") as "bold" | null) ?? s.weight;
    let [dx, dy] = [s.dx, s.dy];
    if (tag === "svg" && el !== root) {
      dx += Number(el.getAttribute("x") ?? 0);
      dy += Number(el.getAttribute("y") ?? 0);
    }
    const [tx, ty] = translate(el.getAttribute("transform"));
    dx += tx;
    dy += ty;
    if (tag === "text") {
      const x0 = length(el.getAttribute("x"), size) + length(el.getAttribute("dx"), size);
      const y0 = length(el.getAttribute("y"), size) + length(el.getAttribute("dy"), size);
      const spans = [...el.querySelectorAll("tspan")];
      if (spans.length === 0) {
        const t = el.textContent ?? "";
        if (t.trim()) {
          texts.push({ text: t, size, box: textBox(t, dx + x0, dy + y0, size, anchor, weight) });
        }
      } else {
        let y = y0;
        for (const sp of spans) {
          const x = sp.getAttribute("x") !== null ? length(sp.getAttribute("x"), size) : x0;
          if (sp.getAttribute("y") !== null) y = length(sp.getAttribute("y"), size);
          y += length(sp.getAttribute("dy"), size);
          const t = sp.textContent ?? "";
          if (t.trim()) {
            texts.push({ text: t, size, box: textBox(t, dx + x, dy + y, size, anchor, weight) });
          }
        }
      }
      return;
    }
    for (const child of [...el.children]) walk(child, { dx, dy, size, anchor, weight });
  };
  walk(root, { dx: 0, dy: 0, size: 16, anchor: "start", weight: "normal" });
  return {
    texts,
    width: Number(root.getAttribute("width")),
    height: Number(root.getAttribute("height")),
  };
}
