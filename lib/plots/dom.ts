/**
 * A headless DOM (linkedom) for Observable Plot, and helpers to build SVG by hand.
 *
 * @module
 */
import { parseHTML } from "linkedom";

/** The document every figure is built in. */
export const document: Document = parseHTML(
  "<!DOCTYPE html><html><body></body></html>",
).document as unknown as Document;

/** SVG namespace. */
export const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * Creates an SVG element with attributes.
 *
 * @example
 * ```ts
 * import { svgElement } from "./dom.ts";
 * svgElement("rect", { width: 10, height: 5 }).getAttribute("width"); // "10"
 * ```
 */
export function svgElement(name: string, attrs: Record<string, string | number> = {}): Element {
  const el = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}
