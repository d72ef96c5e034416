/**
 * Keys drawn inside the figure: a row (wrapped to the figure's width) of swatches with their
 * labels, so that colours, symbols and line styles are decoded in the figure, not in the caption.
 *
 * @module
 */
import { fadeGradient, roundPx, svgElement, textElement } from "./dom.ts";
import { measureText } from "./fonts.ts";
import { DASH, GREY, MARKER_RADIUS, STROKE, TYPE } from "./theme.ts";

/** How a legend entry's swatch is drawn. */
export type Swatch =
  /** A filled dot (a marker). */
  | { kind: "dot"; color: string }
  /** A hollow dot (a placeholder value), with a line of dash `dash` into it when given. */
  | { kind: "ring"; color: string; dash?: string }
  /** A filled diamond (an aggregate estimate). */
  | { kind: "diamond"; color: string }
  /** A line: solid, or dashed with `dash`; `width` in px (default data weight). */
  | { kind: "line"; color: string; dash?: string; width?: number }
  /** A dot on a horizontal whisker: solid left half, dashed right half when `open`. */
  | { kind: "whisker"; color: string; open?: boolean }
  /** A filled box (a period, a band), with optional opacity and height in px (default 8). */
  | { kind: "rect"; color: string; opacity?: number; height?: number }
  /** A box fading from opaque to clear: an uncertain edge or an end not stated. */
  | { kind: "fade"; color: string }
  /** A window: a thin line with end caps, or with an arrow on the right when `arrow`. */
  | { kind: "bracket"; color: string; arrow?: boolean }
  /** A vertical line (a phase change), dashed with `dash`. */
  | { kind: "vline"; color: string; dash?: string }
  /** A bar that runs on to the axis's edge and ends in an arrowhead (no end stated). */
  | { kind: "bar-arrow"; color: string; height?: number }
  /** A bar whose start is not stated: a dashed line from an arrowhead on the left into it. */
  | { kind: "bar-arrow-left"; color: string; height?: number }
  /** A disc with a glyph in it, drawn as the figure draws it (a verdict's light). */
  | { kind: "glyph"; disc: GlyphDisc };

/** A disc with a glyph in it: what tells a verdict's light without its colour. */
export interface GlyphDisc {
  /** Fill of the disc. */
  fill: string;
  /** The glyph. */
  glyph: string;
  /** Colour of the glyph. */
  ink: string;
  /** Colour of the disc's ring. */
  ring: string;
  /** Width of the ring in px. */
  ringWidth: number;
}

/** Radius in px of a {@link GlyphDisc}. */
export const GLYPH_DISC_R = 5;

/**
 * A disc with its glyph, centred on (cx, cy): the same drawing in a figure's rows and in its legend.
 *
 * @param d The disc.
 * @param cx Centre's x.
 * @param cy Centre's y.
 * @returns A `<g>` holding the `<circle>` and the glyph's `<text>`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { glyphDisc } from "#lib/plots/legend.ts";
 * const g = glyphDisc({ fill: "#AAAAAA", glyph: "?", ink: "#222222", ring: "#555555", ringWidth: 0.5 }, 5, 5);
 * assert.equal(g.querySelector("text")?.textContent, "?");
 * ```
 */
export function glyphDisc(d: GlyphDisc, cx: number, cy: number): Element {
  const g = svgElement("g", {});
  g.appendChild(svgElement("circle", {
    cx,
    cy,
    r: GLYPH_DISC_R,
    fill: d.fill,
    stroke: d.ring,
    "stroke-width": d.ringWidth,
  }));
  g.appendChild(textElement(d.glyph, cx, cy + TYPE.min * 0.36, {
    size: TYPE.min,
    anchor: "middle",
    weight: "bold",
    fill: d.ink,
  }));
  return g;
}

/** Every kind of swatch (a record, so that the type checker finds one left out). */
const KINDS: Record<Swatch["kind"], true> = {
  "bar-arrow": true,
  "bar-arrow-left": true,
  bracket: true,
  diamond: true,
  dot: true,
  fade: true,
  glyph: true,
  line: true,
  rect: true,
  ring: true,
  vline: true,
  whisker: true,
};

/** The kinds of swatch a legend entry may have (`Swatch`'s `kind`). */
export const SWATCH_KINDS: readonly Swatch["kind"][] = Object.keys(KINDS) as Swatch["kind"][];

/** One legend entry. */
export interface LegendItem {
  /** What the swatch stands for. */
  label: string;
  /** The swatch. */
  swatch: Swatch;
}

const SWATCH_W = 20;
const SWATCH_GAP = 4;
const ITEM_GAP = 12;

/** A swatch's elements, its left edge at `x`, centred on `cy`. */
function swatchElement(s: Swatch, x: number, cy: number): Element[] {
  const h = 8;
  switch (s.kind) {
    case "dot":
      return [svgElement("circle", { cx: x + SWATCH_W / 2, cy, r: MARKER_RADIUS, fill: s.color })];
    case "ring":
      return [
        ...(s.dash
          ? [svgElement("line", {
            x1: x,
            x2: x + SWATCH_W - MARKER_RADIUS,
            y1: cy,
            y2: cy,
            stroke: s.color,
            "stroke-width": STROKE.data,
            "stroke-dasharray": s.dash,
          })]
          : []),
        svgElement("circle", {
          // With a line into it: at the swatch's right end, the line on its left.
          cx: s.dash ? x + SWATCH_W - MARKER_RADIUS : x + SWATCH_W / 2,
          cy,
          r: MARKER_RADIUS,
          fill: "white",
          stroke: s.color,
          "stroke-width": STROKE.data,
        }),
      ];
    case "diamond": {
      const r = MARKER_RADIUS * 1.4;
      const cx = x + SWATCH_W / 2;
      return [svgElement("path", {
        d: `M${cx},${cy - r}L${cx + r},${cy}L${cx},${cy + r}L${cx - r},${cy}Z`,
        fill: s.color,
      })];
    }
    case "line": {
      const attrs: Record<string, string | number> = {
        x1: x,
        x2: x + SWATCH_W,
        y1: cy,
        y2: cy,
        stroke: s.color,
        "stroke-width": s.width ?? STROKE.data,
      };
      if (s.dash) attrs["stroke-dasharray"] = s.dash;
      return [svgElement("line", attrs)];
    }
    case "whisker":
      return whiskerSwatch(s, x, cy);
    case "rect":
      return [svgElement("rect", {
        x,
        y: cy - (s.height ?? h) / 2,
        width: SWATCH_W,
        height: s.height ?? h,
        fill: s.color,
        "fill-opacity": s.opacity ?? 1,
      })];
    case "bracket":
      return bracketSwatch(s, x, cy);
    case "vline":
      return [svgElement("line", {
        x1: x + SWATCH_W / 2,
        x2: x + SWATCH_W / 2,
        y1: cy - h / 2 - 1,
        y2: cy + h / 2 + 1,
        stroke: s.color,
        "stroke-width": STROKE.thin,
        ...(s.dash ? { "stroke-dasharray": s.dash } : {}),
      })];
    case "bar-arrow": {
      const bh = s.height ?? 6;
      return [
        svgElement("rect", { x, y: cy - bh / 2, width: SWATCH_W - 5, height: bh, fill: s.color }),
        arrowHead(x + SWATCH_W, cy, bh / 2 + 1.5, s.color),
      ];
    }
    case "bar-arrow-left": {
      const bh = s.height ?? 6;
      return [
        arrowHead(x, cy, bh / 2 + 1.5, s.color, -1),
        svgElement("line", {
          x1: x + 3,
          x2: x + SWATCH_W / 2,
          y1: cy,
          y2: cy,
          stroke: s.color,
          "stroke-width": STROKE.data,
          "stroke-dasharray": DASH.open,
        }),
        // The bar as a thick line (a legend's filled boxes are the drug classes' colours).
        svgElement("line", {
          x1: x + SWATCH_W / 2,
          x2: x + SWATCH_W,
          y1: cy,
          y2: cy,
          stroke: s.color,
          "stroke-width": bh,
        }),
      ];
    }
    case "glyph":
      return [glyphDisc(s.disc, x + SWATCH_W / 2, cy)];
    case "fade": {
      const g = fadeGradient(s.color, 1, 0);
      return [
        g.element,
        svgElement("rect", { x, y: cy - h / 2, width: SWATCH_W, height: h, fill: `url(#${g.id})` }),
      ];
    }
  }
}

/** A whisker swatch: a dot on a horizontal line, its right half dashed when `open`. */
function whiskerSwatch(
  s: Extract<Swatch, { kind: "whisker" }>,
  x: number,
  cy: number,
): Element[] {
  const mid = x + SWATCH_W / 2;
  const line = (x1: number, x2: number, dash?: string) =>
    svgElement("line", {
      x1,
      x2,
      y1: cy,
      y2: cy,
      stroke: s.color,
      "stroke-width": STROKE.thin,
      ...(dash ? { "stroke-dasharray": dash } : {}),
    });
  return [
    line(x, mid),
    line(mid, x + SWATCH_W, s.open ? DASH.open : undefined),
    svgElement("circle", { cx: mid, cy, r: MARKER_RADIUS, fill: s.color }),
  ];
}

/** A bracket swatch: a thin line with end caps, or an arrow on the right when `arrow`. */
function bracketSwatch(
  s: Extract<Swatch, { kind: "bracket" }>,
  x: number,
  cy: number,
): Element[] {
  const els = [
    svgElement("line", {
      x1: x + 1,
      x2: x + SWATCH_W - 1,
      y1: cy,
      y2: cy,
      stroke: s.color,
      "stroke-width": STROKE.thin,
    }),
  ];
  els.push(svgElement("line", {
    x1: x + 1,
    x2: x + 1,
    y1: cy - 2.5,
    y2: cy + 2.5,
    stroke: s.color,
    "stroke-width": STROKE.thin,
  }));
  if (s.arrow) els.push(arrowHead(x + SWATCH_W, cy, 2.5, s.color));
  else {
    els.push(svgElement("line", {
      x1: x + SWATCH_W - 1,
      x2: x + SWATCH_W - 1,
      y1: cy - 2.5,
      y2: cy + 2.5,
      stroke: s.color,
      "stroke-width": STROKE.thin,
    }));
  }
  return els;
}

/**
 * A filled arrowhead pointing right with its tip at (x, cy), `h` px from the axis to each barb.
 *
 * @param x Tip's x.
 * @param cy Tip's y.
 * @param h Half height in px.
 * @param color Fill.
 * @param dir 1 points right (default), -1 left.
 * @returns The `<path>`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { arrowHead } from "#lib/plots/legend.ts";
 * assert.equal(arrowHead(10, 5, 2, "#000").getAttribute("d"), "M10,5L6.8,3L6.8,7Z");
 * ```
 */
export function arrowHead(
  x: number,
  cy: number,
  h: number,
  color: string,
  dir: 1 | -1 = 1,
): Element {
  const b = x - dir * h * 1.6;
  return svgElement("path", {
    d: `M${roundPx(x)},${roundPx(cy)}L${roundPx(b)},${roundPx(cy - h)}L${roundPx(b)},${
      roundPx(cy + h)
    }Z`,
    fill: color,
  });
}

/**
 * Draws a legend: entries left to right, wrapped to `maxWidth`, each a swatch and its label.
 *
 * @param items The entries (an empty list draws nothing, height 0).
 * @param maxWidth Width available in px.
 * @returns The `<g>` (top-left at 0, 0) and its height in px.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { legend } from "#lib/plots/legend.ts";
 * assert.ok(legend([{ label: "SNRI", swatch: { kind: "rect", color: "#0072B2" } }], 300).height > 0);
 * ```
 */
export function legend(
  items: readonly LegendItem[],
  maxWidth: number,
): { element: Element; height: number } {
  const g = svgElement("g", { "aria-label": "legend" });
  if (items.length === 0) return { element: g, height: 0 };
  const size = TYPE.small;
  const rowH = size * 1.5;
  let x = 0;
  let row = 0;
  for (const item of items) {
    const w = SWATCH_W + SWATCH_GAP + measureText(item.label, size).width;
    if (x > 0 && x + w > maxWidth) {
      x = 0;
      row++;
    }
    const cy = row * rowH + rowH / 2;
    for (const el of swatchElement(item.swatch, x, cy)) g.appendChild(el);
    g.appendChild(
      textElement(item.label, x + SWATCH_W + SWATCH_GAP, cy + size * 0.36, {
        size,
        fill: GREY.ink,
      }),
    );
    x += w + ITEM_GAP;
  }
  return { element: g, height: (row + 1) * rowH };
}
