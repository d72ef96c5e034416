/**
 * Text as XML 1.0 takes it: the characters it does not allow replaced, and the characters that
 * would end a value escaped. One rule for the figure files (lib/plots/render.ts) and the images
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
