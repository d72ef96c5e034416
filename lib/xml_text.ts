/**
 * Text as XML 1.0 takes it: the characters it does not allow replaced, and the characters that
 * would end a value, or be read twice, escaped. One rule for the figure files (lib/plots/render.ts) and the images
 * the HTML pages make of an SVG output (scripts/runner/svg_image.ts).
 *
 * @module
 */

/**
 * Characters XML 1.0 does not allow: C0 controls but tab, line feed and carriage return; lone
 * surrogates; U+FFFE and U+FFFF. One in a figure's text (a form feed in an article's text
 * extracted from a PDF, say) would make the whole SVG unreadable.
 */
// deno-lint-ignore no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/gu;

/**
 * Text with what XML does not allow replaced: a vertical tab or a form feed by a space (they
 * separate words), any other by U+FFFD.
 *
 * @param text any text
 * @returns the text, every character of it allowed in XML
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { xmlCharacters } from "#lib/xml_text.ts";
 * assert.equal(xmlCharacters("a\fb\u0000c"), "a b\ufffdc");
 * assert.equal(xmlCharacters("\ud800x"), "\ufffdx");
 * ```
 */
export function xmlCharacters(text: string): string {
  return text.replace(NOT_XML, (c) => c === "\v" || c === "\f" ? " " : "\ufffd");
}

/**
 * Text as XML character data or a value quoted with `"`: {@link xmlCharacters}, then `&`, `<`,
 * `>` and `"` escaped.
 *
 * @param text any text
 * @returns the escaped text
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { escapeXml } from "#lib/xml_text.ts";
 * assert.equal(escapeXml('A & "B" <c>\f'), "A &amp; &quot;B&quot; &lt;c&gt; ");
 * ```
 */
export function escapeXml(text: string): string {
  return xmlCharacters(text).replaceAll("&", "&amp;").replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

/**
 * Escapes `&` and `<` in the attribute values of an element and every element below it, in
 * place: linkedom's serialiser (`outerHTML`, `innerHTML`) escapes only `"` there, so an `&` would
 * be read a second time (`&amp;sol;` as `/` by a browser) and a `<` makes XML that no parser
 * reads. Serialised after this, every value reads back as it is in the tree.
 *
 * @param root the element (change a copy when the tree is still in use)
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseHTML } from "linkedom";
 * import { escapeAttributeValues } from "#lib/xml_text.ts";
 * const { document } = parseHTML('<p><a title="A &amp; B <c>">x</a></p>');
 * const p = document.querySelector("p")!;
 * escapeAttributeValues(p);
 * assert.equal(p.outerHTML, '<p><a title="A &amp; B &lt;c>">x</a></p>');
 * ```
 */
export function escapeAttributeValues(root: Element): void {
  for (const el of [root, ...root.querySelectorAll("*")]) {
    for (const attr of [...el.attributes]) {
      if (/[&<]/.test(attr.value)) {
        el.setAttribute(attr.name, attr.value.replaceAll("&", "&amp;").replaceAll("<", "&lt;"));
      }
    }
  }
}
