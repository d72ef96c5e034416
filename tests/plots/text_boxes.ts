/**
 * Test helper: the box of every text of a rendered figure, computed from its SVG without a
 * browser (translations, rotations by a multiple of 90°, nested `<svg>` offsets, inherited font size, weight and anchor, `em`
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

/** An affine map of SVG coordinates, `[a, b, c, d, e, f]` as SVG's `matrix(a b c d e f)`. */
type Matrix = readonly [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `m` then `n`: the map of a child's coordinates when `m` is the parent's and `n` its own. */
function compose(m: Matrix, n: Matrix): Matrix {
  const [a, b, c, d, e, f] = m;
  const [a2, b2, c2, d2, e2, f2] = n;
  return [
    a * a2 + c * b2,
    b * a2 + d * b2,
    a * c2 + c * d2,
    b * c2 + d * d2,
    a * e2 + c * f2 + e,
    b * e2 + d * f2 + f,
  ];
}

interface Style {
  matrix: Matrix;
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

const NUMBER = String.raw`-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?`;
const STEP = new RegExp(
  String.raw`^\s*(translate|rotate)\(\s*(${NUMBER}(?:[\s,]+${NUMBER})*)\s*\)`,
);

/**
 * The map of a `transform` attribute: a list of `translate(x[, y])` and `rotate(θ[, cx, cy])`,
 * applied right to left as SVG does. A rotation by a multiple of 90° keeps a text's box a box (an
 * axis label Observable Plot turns upright, `rotate(-90)`); another angle, or another kind of
 * transform, is refused by name, since the box of its text would not be measured.
 */
export function transformMatrix(attr: string | null): Matrix {
  let m = IDENTITY;
  let rest = (attr ?? "").trim();
  while (rest !== "") {
    const step = STEP.exec(rest);
    if (!step) throw new Error(`unsupported transform '${attr}'`);
    const args = step[2].split(/[\s,]+/).map(Number);
    if (step[1] === "translate" && args.length <= 2) {
      m = compose(m, [1, 0, 0, 1, args[0], args[1] ?? 0]);
    } else if (step[1] === "rotate" && (args.length === 1 || args.length === 3)) {
      const quarter = args[0] / 90;
      if (!Number.isInteger(quarter)) {
        throw new Error(`unsupported transform '${attr}' (only rotations by a multiple of 90°)`);
      }
      const [cos, sin] = [[1, 0], [0, 1], [-1, 0], [0, -1]][((quarter % 4) + 4) % 4];
      const [cx, cy] = [args[1] ?? 0, args[2] ?? 0];
      m = compose(m, [1, 0, 0, 1, cx, cy]);
      m = compose(m, [cos, sin, -sin, cos, 0, 0]);
      m = compose(m, [1, 0, 0, 1, -cx, -cy]);
    } else {
      throw new Error(`unsupported transform '${attr}'`);
    }
    rest = rest.slice(step[0].length).replace(/^[\s,]+/, "");
  }
  return m;
}

/** The box, in the figure's px, of a box drawn under the map `m` (a multiple of 90° turns it). */
function mapBox(m: Matrix, b: Box): Box {
  const corners = [[b.x, b.y], [b.x + b.width, b.y + b.height]].map(([x, y]) => [
    m[0] * x + m[2] * y + m[4],
    m[1] * x + m[3] * y + m[5],
  ]);
  const [x0, x1] = [corners[0][0], corners[1][0]].sort((p, q) => p - q);
  const [y0, y1] = [corners[0][1], corners[1][1]].sort((p, q) => p - q);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
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
    let matrix = s.matrix;
    if (tag === "svg" && el !== root) {
      const [x, y] = [Number(el.getAttribute("x") ?? 0), Number(el.getAttribute("y") ?? 0)];
      matrix = compose(matrix, [1, 0, 0, 1, x, y]);
    }
    matrix = compose(matrix, transformMatrix(el.getAttribute("transform")));
    const place = (t: string, x: number, y: number): PlacedText => ({
      text: t,
      size,
      box: mapBox(matrix, textBox(t, x, y, size, anchor, weight)),
    });
    if (tag === "text") {
      const x0 = length(el.getAttribute("x"), size) + length(el.getAttribute("dx"), size);
      const y0 = length(el.getAttribute("y"), size) + length(el.getAttribute("dy"), size);
      const spans = [...el.querySelectorAll("tspan")];
      if (spans.length === 0) {
        const t = el.textContent ?? "";
        if (t.trim()) texts.push(place(t, x0, y0));
      } else {
        let y = y0;
        for (const sp of spans) {
          const x = sp.getAttribute("x") !== null ? length(sp.getAttribute("x"), size) : x0;
          if (sp.getAttribute("y") !== null) y = length(sp.getAttribute("y"), size);
          y += length(sp.getAttribute("dy"), size);
          const t = sp.textContent ?? "";
          if (t.trim()) texts.push(place(t, x, y));
        }
      }
      return;
    }
    for (const child of [...el.children]) walk(child, { matrix, size, anchor, weight });
  };
  walk(root, { matrix: IDENTITY, size: 16, anchor: "start", weight: "normal" });
  return {
    texts,
    width: Number(root.getAttribute("width")),
    height: Number(root.getAttribute("height")),
  };
}
