/**
 * Markdown built from code and data: text from the data (a citation, a cause, a quote) is
 * escaped where it enters Markdown, so that it shows as written and never becomes a link, an
 * image, emphasis or markup; and the URLs a Markdown text may link to or show are limited to
 * http(s) and relative ones (images: relative ones only, so that a page loads nothing remote).
 *
 * @module
 */

/**
 * Characters that are Markdown syntax anywhere in a line (CommonMark lets a backslash escape each
 * of them): code, emphasis, links and images, raw HTML and autolinks, entities, strikethrough,
 * table cells; `$` for the math that Jupyter front ends typeset.
 */
const INLINE = /[\\`*_[\]<>&~|$]/g;

/** What makes a block when it starts a line: heading, list, quote, rule, numbered list. */
const LINE_START = /^(\s*)([#>+=-]|\d+[.)])/;

/**
 * Text from the data as Markdown that shows it as written: every character that is Markdown
 * syntax is escaped with a backslash, line breaks become spaces (the text stays inside the
 * paragraph it is put in), and a start that would open a block (`# `, `- `, `1. `) is escaped.
 * A citation holding `[x](javascript:…)` or `![](http://…)` thus renders as that text, not as a
 * link or an image.
 *
 * @param text Text from the data.
 * @returns The text, safe to put in Markdown.
 * @example
 * ```ts
 * import { markdownText } from "#lib/mod.ts";
 * const md = markdownText("[x](javascript:alert(1))");
 * if (md !== "\\[x\\](javascript:alert(1))") throw new Error(md);
 * if (markdownText("Usefulness of drug-a. 2020;1:10–15.") !== "Usefulness of drug-a. 2020;1:10–15.") {
 *   throw new Error("ordinary text is unchanged");
 * }
 * ```
 */
export function markdownText(text: string): string {
  if (typeof text !== "string") {
    throw new TypeError(`markdownText: expected text (a string), got ${typeof text}`);
  }
  return text.replace(/\r\n?|\n/g, " ").replace(INLINE, (c) => `\\${c}`)
    .replace(
      LINE_START,
      (_all, space: string, mark: string) => `${space}${mark.replace(/^(\d*)(.)$/, "$1\\$2")}`,
    );
}

/** Named character references that could hide a URL's scheme, and numeric ones. */
const ENTITY = /&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|(colon|tab|newline|Tab|NewLine));?/g;

/** A URL as a browser reads its start: entities decoded, whitespace and controls removed. */
function urlStart(href: string): string {
  const named: Record<string, string> = { colon: ":", tab: "\t", newline: "\n" };
  const decoded = href.replace(
    ENTITY,
    (_m, dec, hex, name) =>
      dec !== undefined
        ? String.fromCodePoint(Math.min(Number(dec), 0x10ffff))
        : hex !== undefined
        ? String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff))
        : named[String(name).toLowerCase()],
  );
  // deno-lint-ignore no-control-regex
  return decoded.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase();
}

/** Whether a URL is relative to the page: no scheme, and not `//host` (another host). */
function isRelative(start: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/.test(start) && !/^[\\/]{2}/.test(start) &&
    !start.startsWith(":");
}

/**
 * Whether a Markdown link may point at `href`: http(s), or relative to the page (no
 * `javascript:`, `data:`, `vbscript:`, `file:`, `mailto:` or `//host`, however spelt: entities,
 * upper case, tabs and controls inside the scheme are seen through).
 *
 * @param href The link's URL as Markdown gives it.
 * @returns Whether to keep the link.
 * @example
 * ```ts
 * import { isSafeLink } from "#lib/mod.ts";
 * if (!isSafeLink("https://doi.org/10.2147/NDT.S37431")) throw new Error("http(s) links stay");
 * if (!isSafeLink("../results/tables/cases.csv")) throw new Error("relative links stay");
 * if (isSafeLink("java\tscript:alert(1)")) throw new Error("javascript: goes");
 * if (isSafeLink("DATA:text/html,x")) throw new Error("data: goes");
 * ```
 */
export function isSafeLink(href: string): boolean {
  const start = urlStart(href);
  return /^https?:/.test(start) || isRelative(start);
}

/**
 * Whether a Markdown image may load `src`: only a relative URL (a file beside the page); a remote
 * image would make a self-contained page load something from elsewhere.
 *
 * @param src The image's URL as Markdown gives it.
 * @returns Whether to keep the image.
 * @example
 * ```ts
 * import { isSafeImage } from "#lib/mod.ts";
 * if (isSafeImage("http://example.org/x.png")) throw new Error("remote images go");
 * if (!isSafeImage("figures/a.png")) throw new Error("relative images stay");
 * ```
 */
export function isSafeImage(src: string): boolean {
  return isRelative(urlStart(src));
}
