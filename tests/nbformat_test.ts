/**
 * Notebooks written as Jupyter saves them, and their HTML pages: the writer reproduces every
 * committed notebook (written by nbclient/nbformat) byte for byte, and a page loads nothing and
 * carries no script or link the data could inject.
 */
import assert from "node:assert/strict";
import { NOTEBOOKS } from "../scripts/runner/paths.ts";
import { listFiles } from "../scripts/runner/files.ts";
import {
  dumpJson,
  type Notebook,
  parseJson,
  readNotebook,
  splitLines,
  writeNotebook,
} from "../scripts/runner/nbformat.ts";
import { renderNotebook } from "../scripts/runner/html.ts";

Deno.test("the notebook writer reproduces every committed notebook byte for byte", async () => {
  const names = (await listFiles(NOTEBOOKS)).filter((p) =>
    !p.includes("/") && p.endsWith(".ipynb")
  );
  assert.ok(names.length > 0);
  for (const name of names) {
    const text = await Deno.readTextFile(`${NOTEBOOKS}/${name}`);
    assert.equal(writeNotebook(readNotebook(text)), text, name);
  }
});

Deno.test("the case template is stored as Jupyter saves it, with the language_info the kernel gives", async () => {
  // Opening a notebook, Jupyter fills metadata.language_info from the kernel's kernel_info reply
  // (what the runner writes into every executed notebook): the template carries it already, so
  // opening or copying it changes nothing.
  const text = await Deno.readTextFile(`${NOTEBOOKS}/templates/case.ipynb`);
  assert.equal(writeNotebook(readNotebook(text)), text);
  const executed = readNotebook(await Deno.readTextFile(`${NOTEBOOKS}/00-dataset.ipynb`));
  const info = (nb: Notebook) => (nb.metadata as Record<string, unknown>).language_info;
  assert.deepEqual(info(readNotebook(text)), info(executed));
  assert.ok(Object.keys(info(executed) as object).length > 1, "the kernel's full language_info");
});

Deno.test("JSON as Python writes it: floats, escapes, key order, line splitting", () => {
  // Python: json.dumps(json.loads(s), indent=1, sort_keys=True, ensure_ascii=False)
  const input = '{"b": [1.0, 2.50, 1e16, 1e-7, 3], "a": "é\\u0001\\"\\t", "\\u00e9": {}, "Z": []}';
  assert.equal(
    dumpJson(parseJson(input)),
    '{\n "Z": [],\n "a": "é\\u0001\\"\\t",\n "b": [\n  1.0,\n  2.5,\n  1e+16,\n  1e-07,\n  3\n ],\n "é": {}\n}',
  );
  // Python's str.splitlines(True): \r, \v, \f, \x1c-\x1e, \x85, \u2028, \u2029 end lines too.
  assert.deepEqual(splitLines("a\r\nb\rc\vd\u2028e\n"), ["a\r\n", "b\r", "c\v", "d\u2028", "e\n"]);
  assert.deepEqual(splitLines(""), []);
});

/** A notebook with one markdown cell and one code cell with these outputs. */
function fixture(markdown: string, outputs: Notebook["cells"][number]["outputs"]): Notebook {
  return {
    cells: [
      { cell_type: "markdown", source: markdown, metadata: {} },
      { cell_type: "code", source: "1", metadata: {}, execution_count: 1, outputs },
    ],
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  };
}

Deno.test("an HTML page loads nothing and carries no script or unsafe link, whatever the notebook holds", () => {
  const page = renderNotebook(
    fixture(
      "[a](javascript:alert(1)) [b](JaVa\tScRiPt:alert(2)) [c](data:text/html,x) [d](vbscript:x) " +
        "[ok](https://example.org/x) [rel](../docs/literature.md) ![remote](https://evil.example/x.png)" +
        '\n\n<script>alert(3)</script><img src="https://evil.example/y.png">',
      [
        {
          output_type: "display_data",
          metadata: {},
          data: {
            "text/html": '<p onclick="alert(4)">t</p><a href="javascript:alert(5)">l</a>' +
              '<img src="http://evil.example/z.png" alt="z"><script>alert(6)</script>' +
              '<iframe src="https://evil.example"></iframe>',
            "text/plain": "t",
          },
        },
        {
          output_type: "display_data",
          metadata: {},
          data: { "text/markdown": "[m](javascript:alert(7)) ![r](//evil.example/w.png)" },
        },
      ],
    ),
    "fixture",
  );
  assert.match(
    page,
    /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">/,
  );
  // Every link and image the page holds: http(s) or relative links, embedded images.
  const targets = [...page.matchAll(/<[a-z][^>]*?\s(href|src)="([^"]*)"/g)].map((
    m,
  ) => [m[1], m[2]]);
  for (const [attr, value] of targets) {
    if (attr === "src") assert.match(value, /^data:image\//, value);
    else assert.match(value, /^(https?:\/\/|\.\.?\/)/, value);
  }
  assert.deepEqual(targets.map(([a]) => a), ["href", "href"], "the two safe links only");
  for (const bad of [/<script/i, /<iframe/i, /\son\w+=/i, /<img[^>]*https?:/i]) {
    assert.doesNotMatch(page, bad);
  }
  assert.match(page, /<a href="https:\/\/example\.org\/x">ok<\/a>/);
  assert.match(page, /<a href="\.\.\/docs\/literature\.md">rel<\/a>/);
  // What was removed stays readable as text.
  assert.match(page, /<p>a \[b\]/);
  assert.match(page, /&lt;script&gt;alert\(3\)/, "raw HTML in markdown shows as text");
});

Deno.test("an HTML page shows the notebook's figures as embedded images at their size", () => {
  const page = renderNotebook(
    fixture("# T", [{
      output_type: "display_data",
      metadata: { "image/png": { width: 661, height: 400 } },
      data: { "image/png": "iVBORw0KGgo=", "image/svg+xml": "<svg/>", "text/plain": "a figure" },
    }]),
    "fixture",
  );
  assert.match(
    page,
    /<img src="data:image\/png;base64,iVBORw0KGgo=" width="661" height="400" alt="a figure">/,
  );
  assert.doesNotMatch(page, /svg/, "the PNG is shown, not both");
});
