/**
 * A notebook as a self-contained HTML page: its markdown cells rendered (by `marked`, raw HTML
 * shown as text), its code and outputs, its figures as `data:` images. The page loads nothing:
 * a Content-Security-Policy allows only inline styles and `data:` images, and the HTML the
 * notebook carries (markdown cells, HTML and Markdown outputs) keeps only the elements and
 * attributes Markdown and tables make ({@link sanitiseHtml}), links only when http(s) or
 * relative, images only when embedded.
 *
 * @module
 */
import { Marked } from "marked";
import { parseHTML } from "linkedom";
import { Buffer } from "node:buffer";
import { ANSI, type Cell, type Notebook, type Output, PyFloat } from "./nbformat.ts";
import { isSafeLink } from "../../lib/markdown.ts";
import { escapeAttributeValues } from "../../lib/xml_text.ts";
import { svgImage } from "./svg_image.ts";

/**
 * The page's Content-Security-Policy: nothing is fetched but embedded images and inline styles;
 * `base-uri` and `form-action`, which `default-src` does not cover, forbid a `<base>` that would
 * send relative links elsewhere and a form that would post there. (No policy stops a page from
 * navigating away, as `<meta http-equiv="refresh">` does: {@link sanitiseHtml} keeps no `meta`.)
 */
export const CSP =
  "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/**
 * HTML-escapes text (`&`, `<`, `>`, `"`, `'`).
 *
 * @param s text
 * @returns HTML
 * @example
 * ```ts
 * import { escapeHtml } from "./html.ts";
 * if (escapeHtml('<a href="x">') !== "&lt;a href=&quot;x&quot;&gt;") throw new Error("escape");
 * ```
 */
export function escapeHtml(s: string): string {
  return s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;").replaceAll("'", "&#39;");
}

const markdown = new Marked({ gfm: true, renderer: { html: ({ text }) => escapeHtml(text) } });

/** Attributes any element kept may carry. */
const GLOBAL_ATTRIBUTES = ["align", "class", "dir", "lang", "title"];

/**
 * The elements a page keeps (what Markdown and the notebooks' tables make), with the attributes
 * each may carry besides {@link GLOBAL_ATTRIBUTES}.
 */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  ...Object.fromEntries(
    ("abbr b blockquote br caption code dd del details div dl dt em figcaption figure h1 h2 h3 " +
      "h4 h5 h6 hr i ins kbd li mark p pre q s samp small span strong sub summary sup table " +
      "tbody tfoot thead tr u ul var").split(" ").map((tag) => [tag, []]),
  ),
  a: ["href"],
  img: ["src", "alt", "width", "height"],
  td: ["colspan", "rowspan"],
  th: ["colspan", "rowspan", "scope"],
  col: ["span"],
  colgroup: ["span"],
  ol: ["start"],
  input: ["type", "checked", "disabled"],
};

/**
 * Elements removed with everything they hold: code, frames, forms, media, and those a browser
 * parses otherwise than this module's parser (raw text, foreign content such as MathML,
 * templates), whose content could come out as live markup in the page. (An SVG is kept as an
 * image: {@link svgImage}.)
 */
const DROPPED = new Set(
  ("applet audio base canvas embed form frame frameset head iframe link math meta noembed " +
    "noframes noscript object plaintext portal script select style template textarea title " +
    "video xmp").split(" "),
);

/**
 * HTML with only what a self-contained page may carry: the elements Markdown and tables make
 * (others are replaced by their content, and scripts, styles, frames, forms, media, MathML,
 * comments and raw-text elements are removed with it) and their plain attributes (no event
 * attribute, style, `srcset`…; names in lower case, the first of two with the same name kept, as a
 * browser reads them); links only when http(s) or relative by the rule Markdown links follow
 * (`isSafeLink`, lib/markdown.ts), images only when embedded (`data:image/`, else kept as their
 * alt text). An `<svg>` (a Plot chart in a `<figure>`) becomes an embedded image of itself, which
 * runs no script and loads nothing ({@link svgImage}). Nothing is kept whose
 * parsing a browser could read otherwise (a comment closed by `--!>`, an attribute inside
 * `<noscript>`), so what this parser sees is what the page shows.
 *
 * @param html an HTML fragment
 * @returns the fragment, sanitised
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sanitiseHtml } from "./html.ts";
 * const got = sanitiseHtml('<a href="javascript:x">a</a><img src="https://x/y.png" alt="y"><b onclick="x">b</b>');
 * assert.equal(got, "ay<b>b</b>");
 * assert.equal(sanitiseHtml("<!--a--!><img src=x onerror=alert(1)>-->c"), "c");
 * assert.equal(sanitiseHtml('<font color="red">t</font><math><a href="/x">s</a></math>'), "t");
 * assert.equal(sanitiseHtml('<a HREF="javascript:x" href="/y">u</a><a href="//h">h</a>'), "uh");
 * assert.match(sanitiseHtml("<svg><circle/></svg>"), /^<img [^>]*src="data:image\/svg\+xml;base64,/);
 * // An entity in a value stays one: '&amp;sol;' is not the browser's '/'.
 * assert.equal(sanitiseHtml('<a href="&amp;sol;x">a</a>'), '<a href="&amp;sol;x">a</a>');
 * ```
 */
export function sanitiseHtml(html: string): string {
  const { document } = parseHTML(
    `<!doctype html><html><body><div id="root">${html}</div></body></html>`,
  );
  const root = document.getElementById("root")!;
  cleanChildren(root, document);
  // Else '&amp;sol;&amp;sol;host', checked as '&sol;&sol;host', would be read by the browser as
  // '//host': the page's values are the ones checked.
  escapeAttributeValues(root);
  return root.innerHTML;
}

/** Cleans the children of a node of the parsed page (see {@link sanitiseHtml}). */
function cleanChildren(node: Element, document: Document): void {
  for (const child of [...node.childNodes]) {
    if (child.nodeType === 3) continue; // text
    if (child.nodeType !== 1) { // comments, processing instructions, CDATA
      child.remove();
      continue;
    }
    const el = child as Element;
    const tag = el.localName.toLowerCase();
    if (tag === "svg") {
      el.replaceWith(svgImage(el, document));
      continue;
    }
    if (DROPPED.has(tag)) {
      el.remove();
      continue;
    }
    cleanChildren(el, document);
    const own = ALLOWED[tag];
    if (own === undefined) {
      el.replaceWith(...el.childNodes);
      continue;
    }
    keepAttributes(el, own);
    if (tag === "a" && el.hasAttribute("href") && !isSafeLink(el.getAttribute("href")!)) {
      el.replaceWith(...el.childNodes);
    } else if (tag === "img" && !/^data:image\//i.test(el.getAttribute("src") ?? "")) {
      el.replaceWith(document.createTextNode(el.getAttribute("alt") ?? ""));
    } else if (tag === "input" && el.getAttribute("type")?.toLowerCase() !== "checkbox") {
      el.remove();
    }
  }
}

/**
 * Keeps an element's allowed attributes ({@link GLOBAL_ATTRIBUTES} and `own`), named in lower case
 * and each once, the first of those with the same name winning: as a browser reads them. (linkedom
 * keeps names as written and both of `HREF` and `href`, which the checks on `href` would miss.)
 * Attributes already so named stay where they are (a renamed one may change place).
 */
function keepAttributes(el: Element, own: readonly string[]): void {
  const seen = new Set<string>();
  const renamed: [string, string][] = [];
  for (const { name, value } of [...el.attributes]) {
    const lower = name.toLowerCase();
    const keep = !seen.has(lower) && (GLOBAL_ATTRIBUTES.includes(lower) || own.includes(lower));
    seen.add(lower);
    if (keep && name === lower) continue;
    el.removeAttribute(name);
    if (keep) renamed.push([lower, value]);
  }
  for (const [name, value] of renamed) el.setAttribute(name, value);
}

const text = (s: unknown) => Array.isArray(s) ? s.join("") : String(s ?? "");

/** One output as HTML. */
function outputHtml(out: Output): string {
  if (out.output_type === "stream") {
    const cls = out.name === "stderr" ? "stream stderr" : "stream";
    return `<pre class="${cls}">${escapeHtml(text(out.text).replace(ANSI, ""))}</pre>`;
  }
  if (out.output_type === "error") {
    const tb = (out.traceback ?? []).map((l: string) => l.replace(ANSI, "")).join("\n") ||
      `${out.ename}: ${out.evalue}`;
    return `<pre class="error">${escapeHtml(tb)}</pre>`;
  }
  const data: Record<string, unknown> = out.data ?? {};
  const meta = (out.metadata ?? {}) as Record<string, { width?: unknown; height?: unknown }>;
  // Base64 only: any other character could close the attribute it is written into.
  const png = typeof data["image/png"] === "string" ? data["image/png"].replace(/\s/g, "") : "";
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(png)) {
    const m = meta["image/png"] ?? {};
    const size = (["width", "height"] as const).map((k) => {
      const v = m[k] instanceof PyFloat ? m[k].value : m[k];
      return typeof v === "number" && v > 0 ? ` ${k}="${v}"` : "";
    }).join("");
    const alt = escapeHtml(text(data["text/plain"]));
    return `<img src="data:image/png;base64,${png}"${size} alt="${alt}">`;
  }
  if (data["image/svg+xml"] !== undefined) {
    const b64 = Buffer.from(text(data["image/svg+xml"])).toString("base64");
    return `<img src="data:image/svg+xml;base64,${b64}" alt="${
      escapeHtml(text(data["text/plain"]))
    }">`;
  }
  if (data["text/html"] !== undefined) {
    return `<div class="html">${sanitiseHtml(text(data["text/html"]))}</div>`;
  }
  if (data["text/markdown"] !== undefined) {
    const html = markdown.parse(text(data["text/markdown"]), { async: false });
    return `<div class="markdown">${sanitiseHtml(html)}</div>`;
  }
  if (data["text/plain"] !== undefined) {
    return `<pre>${escapeHtml(text(data["text/plain"]).replace(ANSI, ""))}</pre>`;
  }
  return "";
}

/** One cell as HTML. */
function cellHtml(cell: Cell): string {
  if (cell.cell_type === "markdown") {
    const html = markdown.parse(text(cell.source), { async: false });
    return `<section class="cell markdown">${sanitiseHtml(html)}</section>`;
  }
  if (cell.cell_type !== "code") {
    return `<section class="cell raw"><pre>${escapeHtml(text(cell.source))}</pre></section>`;
  }
  const n = cell.execution_count ?? " ";
  const outputs = (cell.outputs ?? []).map(outputHtml).filter((h) => h).join("\n");
  return `<section class="cell code">\n<div class="input"><span class="prompt">In [${n}]:</span>` +
    `<pre><code>${escapeHtml(text(cell.source))}</code></pre></div>\n` +
    (outputs ? `<div class="outputs">\n${outputs}\n</div>\n` : "") + `</section>`;
}

const STYLE = `
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1b;
  max-width: 1100px; margin: 2em auto; padding: 0 1em; }
.cell { margin: 0.8em 0; }
.input { display: flex; gap: 0.6em; }
.prompt { color: #307fc1; font: 12px/1.9 ui-monospace, monospace; min-width: 5.5em; text-align: right; }
.input pre { flex: 1; margin: 0; background: #f5f5f5; border: 1px solid #e0e0e0; padding: 0.5em;
  overflow-x: auto; font: 13px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; }
.outputs { margin: 0.4em 0 0 6.1em; overflow-x: auto; }
.outputs pre { font: 13px/1.4 ui-monospace, monospace; margin: 0.3em 0; white-space: pre-wrap; }
.outputs pre.stderr, .outputs pre.error { background: #fdd; padding: 0.3em; }
.outputs img { max-width: 100%; height: auto; }
table { border-collapse: collapse; margin: 0.5em 0; font-size: 13px; }
caption { text-align: left; font-weight: 600; padding: 0.3em 0; }
th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; vertical-align: top; }
thead th { background: #f0f0f0; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
`;

/**
 * The notebook's page.
 *
 * @param nb the executed notebook
 * @param title the page's title (the notebook's name)
 * @returns the HTML page
 * @example
 * ```ts
 * import { renderNotebook } from "./html.ts";
 * const page = renderNotebook({
 *   cells: [{ cell_type: "markdown", source: "# Hi [x](javascript:alert(1))", metadata: {} }],
 *   metadata: {}, nbformat: 4, nbformat_minor: 5,
 * }, "t");
 * if (!page.includes("Content-Security-Policy") || page.includes("javascript:")) throw new Error(page);
 * ```
 */
export function renderNotebook(nb: Notebook, title: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${nb.cells.map(cellHtml).join("\n")}
</main>
</body>
</html>
`;
}
