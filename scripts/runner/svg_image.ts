/**
 * An `<svg>` element of parsed HTML as an embedded image: a standalone SVG document (its
 * namespaces declared, its element names as SVG spells them) in a `data:` URL. A browser shows an
 * SVG image without running its scripts or loading anything, so an SVG a notebook's HTML output
 * carries (a Plot chart in a `<figure>`) can be shown without being cleaned element by element,
 * and nothing it holds can come out as live markup in the page.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import { foreignContent, type Token } from "parse5";
import { escapeXml } from "../../lib/xml_text.ts";

const SVG_NS = "http://www.w3.org/2000/svg";
const XLINK_NS = "http://www.w3.org/1999/xlink";

/**
 * SVG's mixed-case element names (`clipPath`, `linearGradient`, `foreignObject`) by their lower
 * case: an HTML parser (linkedom here) lowercases them, XML does not, so the image must spell them
 * as the HTML standard's parser restores them.
 */
const SVG_NAMES: ReadonlyMap<string, string> = foreignContent.SVG_TAG_NAMES_ADJUSTMENT_MAP;

/** A name XML accepts without a namespace prefix. */
const XML_NAME = /^[A-Za-z_][\w.-]*$/;

/**
 * Whether an attribute goes into the image: an XML name, unprefixed or in the `xlink:`/`xml:`
 * namespaces (declared or predefined), and neither a namespace declaration (the root declares
 * them) nor an event handler (no script runs in an image; none is kept anyway).
 */
function keptAttribute(name: string): boolean {
  const m = /^(?:(xlink|xml):)?([A-Za-z_][\w.-]*)$/.exec(name);
  return m !== null && !/^on/i.test(m[2]) && name.toLowerCase() !== "xmlns";
}

/** Appends a node's XML to `out`: elements, attributes and text; comments and scripts left out. */
function writeXml(node: Node, out: string[], root: boolean): void {
  if (node.nodeType === 3) {
    out.push(escapeXml(node.textContent ?? ""));
    return;
  }
  if (node.nodeType !== 1) return;
  const el = node as Element;
  const lower = el.localName.toLowerCase();
  const name = SVG_NAMES.get(lower) ?? lower;
  if (!XML_NAME.test(name) || name === "script") return;
  const attrs = root ? [` xmlns="${SVG_NS}"`, ` xmlns:xlink="${XLINK_NS}"`] : [];
  const seen = new Set<string>();
  // Names as a browser's HTML parser gives them: lower case, SVG's mixed-case ones restored
  // (`viewbox` → `viewBox`), which XML, and so the image, reads only in their own case.
  const token = {
    attrs: [...el.attributes].map((a) => ({ name: a.name.toLowerCase(), value: a.value })),
  };
  foreignContent.adjustTokenSVGAttrs(token as unknown as Token.TagToken);
  for (const { name: attr, value } of token.attrs) {
    if (!keptAttribute(attr) || seen.has(attr)) continue;
    seen.add(attr);
    attrs.push(` ${attr}="${escapeXml(value)}"`);
  }
  if (el.childNodes.length === 0) {
    out.push(`<${name}${attrs.join("")}/>`);
    return;
  }
  out.push(`<${name}${attrs.join("")}>`);
  for (const child of [...el.childNodes]) writeXml(child, out, false);
  out.push(`</${name}>`);
}

/**
 * An SVG element as a standalone SVG document: `xmlns` (and `xmlns:xlink`) declared on its root,
 * SVG's mixed-case element names restored, text and attribute values escaped for XML; comments,
 * scripts, event attributes and names XML cannot read left out.
 *
 * @param svg an `<svg>` element (of a linkedom document)
 * @returns the SVG document's text
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseHTML } from "linkedom";
 * import { svgDocument } from "./svg_image.ts";
 * const { document } = parseHTML('<svg viewBox="0 0 9 9"><clipPath id="c"/><text onclick="x">a&amp;b</text></svg>');
 * assert.equal(
 *   svgDocument(document.querySelector("svg")!),
 *   '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 9 9">' +
 *     '<clipPath id="c"/><text>a&amp;b</text></svg>',
 * );
 * ```
 */
export function svgDocument(svg: Element): string {
  const out: string[] = [];
  writeXml(svg, out, true);
  return out.join("");
}

/**
 * An SVG element as an `<img>` showing it (a `data:image/svg+xml` URL of {@link svgDocument}),
 * its alternative text the SVG's `aria-label`, else its `<title>`, else none.
 *
 * @param svg an `<svg>` element
 * @param document the document to create the image in
 * @returns the `<img>` element
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseHTML } from "linkedom";
 * import { svgImage } from "./svg_image.ts";
 * const { document } = parseHTML('<svg aria-label="a dot"><circle r="1"/></svg>');
 * const img = svgImage(document.querySelector("svg")!, document);
 * assert.equal(img.getAttribute("alt"), "a dot");
 * assert.match(img.getAttribute("src")!, /^data:image\/svg\+xml;base64,[A-Za-z0-9+/]+=*$/);
 * ```
 */
export function svgImage(svg: Element, document: Document): Element {
  const title = [...svg.children].find((c) => c.localName.toLowerCase() === "title");
  const alt = svg.getAttribute("aria-label") ?? title?.textContent ?? "";
  const img = document.createElement("img");
  const b64 = Buffer.from(svgDocument(svg)).toString("base64");
  img.setAttribute("src", `data:image/svg+xml;base64,${b64}`);
  img.setAttribute("alt", alt.trim());
  return img;
}
