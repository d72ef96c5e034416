/**
 * A headless DOM (linkedom) for Observable Plot, and helpers to build SVG by hand: elements, text
 * in the figures' font, and the gradients that draw an uncertain edge.
 *
 * @module
 */
import { parseHTML } from "linkedom";
import type { FontWeight } from "./fonts.ts";
import type { Anchor } from "./layout.ts";

/** The document every figure is built in. */
export const document: Document = parseHTML(
  "<!DOCTYPE html><html><body></body></html>",
).document as unknown as Document;

/** SVG namespace. */
export const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * Creates an SVG element with attributes.
 *
 * @param name Element name.
 * @param attrs Attributes.
 * @returns The element.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { svgElement } from "#lib/plots/dom.ts";
 * assert.equal(svgElement("rect", { width: 10, height: 5 }).getAttribute("width"), "10");
 * ```
 */
export function svgElement(name: string, attrs: Record<string, string | number> = {}): Element {
  const el = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) {
    el.setAttribute(k, typeof v === "number" ? String(roundPx(v)) : v);
  }
  return el;
}

/**
 * Rounds a coordinate to 0.01 px (stable, short SVG): every coordinate written into a figure,
 * by {@link svgElement} or by a path's `d`, goes through it.
 *
 * @param v The coordinate.
 * @returns It, rounded.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { roundPx } from "#lib/plots/dom.ts";
 * assert.equal(roundPx(12.34567), 12.35);
 * ```
 */
export function roundPx(v: number): number {
  return Math.round(v * 100) / 100;
}

/** Options of {@link textElement}. */
export interface TextStyle {
  /** Font size in px. */
  size: number;
  /** Horizontal alignment on x (default "start"). */
  anchor?: Anchor;
  /** Font weight (default "normal"). */
  weight?: FontWeight;
  /** Colour (default inherited). */
  fill?: string;
  /** A white outline under the glyphs, for text drawn across a line (default false). */
  halo?: boolean;
}

/**
 * A `<text>` at (x, baseline y).
 *
 * @param text The text (one line).
 * @param x Its x.
 * @param y Its baseline.
 * @param style Size, anchor, weight, colour.
 * @returns The element.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { textElement } from "#lib/plots/dom.ts";
 * assert.equal(textElement("a", 1, 2, { size: 10 }).textContent, "a");
 * ```
 */
export function textElement(text: string, x: number, y: number, style: TextStyle): Element {
  const attrs: Record<string, string | number> = {
    x,
    y,
    "font-size": style.size,
    "text-anchor": style.anchor ?? "start",
  };
  if (style.weight === "bold") attrs["font-weight"] = "bold";
  if (style.fill) attrs.fill = style.fill;
  if (style.halo) {
    Object.assign(attrs, {
      stroke: "white",
      "stroke-width": 3,
      "stroke-linejoin": "round",
      "paint-order": "stroke",
    });
  }
  const t = svgElement("text", attrs);
  t.textContent = text;
  return t;
}

/**
 * A horizontal linear gradient of one colour from `from` to `to` opacity, with an id derived
 * from its content (two figures on one page that define the same id define the same gradient).
 * Use it as `fill="url(#id)"`; the figure's composer gathers the definitions.
 *
 * @param color Colour (hex).
 * @param from Opacity at the left end.
 * @param to Opacity at the right end.
 * @returns The id and the `<linearGradient>` element.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fadeGradient } from "#lib/plots/dom.ts";
 * assert.equal(fadeGradient("#0072B2", 0, 1).id, "fade-0072B2-0-100");
 * ```
 */
export function fadeGradient(
  color: string,
  from: number,
  to: number,
): { id: string; element: Element } {
  const id = `fade-${color.replace("#", "")}-${Math.round(from * 100)}-${Math.round(to * 100)}`;
  const g = svgElement("linearGradient", { id, x1: 0, y1: 0, x2: 1, y2: 0 });
  g.appendChild(svgElement("stop", { offset: 0, "stop-color": color, "stop-opacity": from }));
  g.appendChild(svgElement("stop", { offset: 1, "stop-color": color, "stop-opacity": to }));
  return { id, element: g };
}

/**
 * Adds a `<title>` (the evidence a reader sees on hover) to a mark.
 *
 * @param el The mark.
 * @param title Value, time window and quote.
 * @returns The mark.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { svgElement, titled } from "#lib/plots/dom.ts";
 * assert.equal(titled(svgElement("circle"), "VAS 8.0").textContent, "VAS 8.0");
 * ```
 */
export function titled(el: Element, title: string): Element {
  const t = svgElement("title");
  t.textContent = title;
  el.appendChild(t);
  return el;
}
