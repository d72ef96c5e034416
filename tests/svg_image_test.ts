import assert from "node:assert/strict";
import { parseHTML } from "linkedom";
import { svgDocument, svgImage } from "../scripts/runner/svg_image.ts";

const svgOf = (html: string) => parseHTML(html).document.querySelector("svg")!;

Deno.test("svgDocument spells attribute names as a browser's parser gives them, whatever their case in the HTML", () => {
  const doc = svgDocument(
    svgOf(
      '<svg VIEWBOX="0 0 9 9" preserveaspectratio="none"><lineargradient gradientunits="x"/>' +
        '<path D="M0 0" onLoad="alert(1)"/><script>alert(2)</script></svg>',
    ),
  );
  assert.match(doc, / viewBox="0 0 9 9"/);
  assert.match(doc, / preserveAspectRatio="none"/);
  assert.match(doc, /<linearGradient gradientUnits="x"\/>/);
  assert.match(doc, /<path d="M0 0"\/>/);
  assert.doesNotMatch(doc, /onload|alert|script/i);
});

Deno.test("svgDocument keeps the first of two attributes of one name, as a browser does", () => {
  const doc = svgDocument(svgOf('<svg viewBox="0 0 1 1" viewbox="0 0 2 2"></svg>'));
  assert.equal((doc.match(/viewBox=/g) ?? []).length, 1);
  assert.match(doc, /viewBox="0 0 1 1"/);
});

Deno.test("svgImage is an img whose data URL holds the document, its alt the chart's label", () => {
  const { document } = parseHTML(
    '<svg viewbox="0 0 9 9" aria-label="a chart"><text>x</text></svg>',
  );
  const svg = document.querySelector("svg")!;
  const img = svgImage(svg, document);
  assert.equal(img.getAttribute("alt"), "a chart");
  const b64 = /^data:image\/svg\+xml;base64,(.+)$/.exec(img.getAttribute("src") ?? "")?.[1];
  assert.ok(b64 !== undefined);
  const text = new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
  assert.equal(text, svgDocument(svg));
  assert.match(text, / viewBox="0 0 9 9"/);
});
