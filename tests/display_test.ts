/**
 * The display helpers outside a kernel (they print text), their HTML (rendered Markdown, table
 * alignment and notes), the files they write under RESULTS_DIR, and readable argument errors.
 */
import assert from "node:assert/strict";
import {
  changeRows,
  csvTable,
  effectSize,
  getCase,
  htmlTable,
  loadCaseSeries,
  markdownHtml,
  percentReduction,
  showFigure,
  showMarkdown,
  showTable,
} from "../lib/mod.ts";
import * as Plot from "@observablehq/plot";
import { caseTimelineFigure, plot } from "../lib/plots/mod.ts";
import { pngBytes } from "../lib/plots/render.ts";
import { TEST_DATA_DIR } from "./helpers/data_dir.ts";
import { withResultsDir } from "./helpers/results_dir.ts";

/** What `fn` prints with console.log. */
async function printed(fn: () => Promise<unknown>): Promise<string> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...xs: unknown[]) => lines.push(xs.map(String).join(" "));
  try {
    await fn();
  } finally {
    console.log = log;
  }
  return lines.join("\n");
}

const series = await loadCaseSeries(TEST_DATA_DIR);
const first = series.cases[0];

Deno.test("outside a kernel the display helpers print their text instead of throwing", async () => {
  await withResultsDir(null, async () => {
    assert.equal(await printed(() => showMarkdown("**two** words")), "**two** words");
    assert.equal(
      await printed(() =>
        showTable("t", [{ drug: "x", mg: 25 }], "Caption", { notes: ["A note."] })
      ),
      "Caption\ndrug  mg\nx     25\nA note.",
    );
    assert.equal(await printed(() => showTable("t", [])), "(no rows)");
    const figure = caseTimelineFigure(first);
    assert.equal(await printed(() => showFigure("f", figure)), figure.description);
  });
});

Deno.test("Markdown is rendered to HTML, with HTML in the text escaped", () => {
  assert.equal(
    markdownHtml("## Case 1\n\n- **VAS** <b>6</b> & <10%"),
    "<h2>Case 1</h2>\n<ul>\n<li><strong>VAS</strong> &lt;b&gt;6&lt;/b&gt; &amp; &lt;10%</li>\n</ul>\n",
  );
});

Deno.test("tables: number columns right-aligned, text left-aligned, cells escaped, notes once", () => {
  const html = htmlTable(
    [{ quote: "a <b>", n: 1, mixed: 2 }, { quote: "c", n: null, mixed: "x" }],
    "Cap & co",
    { notes: ["Said once."] },
  );
  assert.match(html, /<caption>Cap &amp; co<\/caption>/);
  const cell = (tag: string, align: string, text: string) =>
    `<${tag}><div align="${align}">${text}</div></${tag}>`;
  assert.ok(html.includes(cell("th", "left", "quote") + cell("th", "right", "n")));
  assert.ok(html.includes(cell("td", "left", "a &lt;b&gt;") + cell("td", "right", "1")));
  assert.ok(html.includes(cell("td", "left", "x")), "a column mixing text and numbers");
  assert.equal(html.split("Said once.").length, 2);
  assert.ok(
    html.includes(
      '<tfoot><tr><td colspan="3"><div align="left">Said once.</div></td></tr></tfoot>',
    ),
  );
});

Deno.test("a table keeps every column of every row", () => {
  assert.match(
    htmlTable([{ a: 1 }, { b: 2 }]),
    /<th><div align="right">a<\/div><\/th><th><div align="right">b<\/div><\/th>/,
  );
});

Deno.test("under RESULTS_DIR tables and figures are written; the PNG is the figure's", async () => {
  const dir = await Deno.makeTempDir({ prefix: "display-test-" });
  try {
    await withResultsDir(dir, async () => {
      await printed(() => showTable("t", [{ a: 1, b: Infinity, c: null }], "", { notes: ["n"] }));
      assert.equal(await Deno.readTextFile(`${dir}/tables/t.csv`), "a,b,c\n1,Inf,\n");
      assert.deepEqual(JSON.parse(await Deno.readTextFile(`${dir}/tables/t.json`)), [
        { a: 1, b: "Infinity", c: null },
      ]);
      const figure = caseTimelineFigure(first);
      await printed(() => showFigure("f", figure));
      assert.deepEqual(await Deno.readFile(`${dir}/figures/f.png`), await pngBytes(figure));
      // Its source data beside it, through the tables' CSV writer, one row per drawn mark.
      assert.ok(figure.data.length > 0);
      assert.equal(await Deno.readTextFile(`${dir}/figures/f.csv`), csvTable(figure.data));
      assert.match(
        await Deno.readTextFile(`${dir}/figures/f.svg`),
        /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/,
      );
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("getCase finds a case by id and lists the ids that exist when there is none", () => {
  assert.equal(getCase(series, first.id), first);
  assert.equal(getCase(series, first.id), getCase(series, String(first.id)));
  const ids = series.cases.map((c) => c.id);
  const missing = "no-such-case";
  assert.throws(() => getCase(series, missing), (e: Error) => {
    assert.ok(e instanceof RangeError);
    assert.match(e.message, new RegExp(`^no case '${missing}'; the cases are `));
    for (const id of ids) assert.ok(e.message.includes(id), `${id} not listed: ${e.message}`);
    return true;
  });
  assert.throws(
    () => getCase({ study: series.study, sources: new Map(), cases: [] }, "1"),
    /the series has no cases/,
  );
  assert.throws(
    () => getCase([] as never, "1"),
    /getCase: expected a case series \(await loadCaseSeries\(\)\), got an array of 0 items/,
  );
});

Deno.test("a wrong argument says what was expected and what was given", () => {
  assert.throws(
    () => changeRows(first.id as never),
    new RegExp(
      `changeRows: expected a case .*, got the string "${first.id}". ` +
        `To get case "${first.id}": getCase\\(series, "${first.id}"\\)`,
    ),
  );
  assert.throws(
    () => percentReduction(8 as never, 1 as never),
    /percentReduction: expected the baseline as an interval \{ lo, nominal, hi \} of numbers, got the number 8\. For an exact value write \{ lo: 8, nominal: 8, hi: 8 \}/,
  );
  assert.throws(
    () => effectSize("nap" as never, [1], [2], { improvement: "decrease" }),
    /effectSize: expected a measure \(one of NAP, .*\), got the string "nap"/,
  );
  assert.rejects(() => showTable("../x", []), /showTable: expected a name for the results files/);
  assert.rejects(
    () => showTable("t", [{ a: undefined as never }]),
    /showTable, row 0, column 'a': expected text, a number, a boolean or null, got undefined/,
  );
  assert.rejects(() => showFigure("f", {} as never), /showFigure: expected a figure/);
  const { data: _, ...noData } = caseTimelineFigure(first);
  assert.rejects(() => showFigure("f", noData as never), /showFigure: expected a figure/);
  assert.rejects(() => showMarkdown(3 as never), /showMarkdown: expected Markdown text/);
});

Deno.test("showFigure refuses a figure whose svg is not an <svg> (Plot.plot with a title gives a <figure>)", async () => {
  const { document } = await import("../lib/plots/mod.ts");
  const titled = Plot.plot({ document, title: "t", marks: [Plot.dot([1, 2], { x: (d) => d })] });
  assert.equal((titled as unknown as Element).localName, "figure");
  const asFigure = { svg: titled as unknown as Element, description: "by hand", data: [] };
  await assert.rejects(
    () => showFigure(asFigure),
    /showFigure: expected a figure \(from lib\/plots\/mod\.ts\), got one whose svg is a <figure>\. .*plots\.plot/,
  );
  // Plot.plot without a title, subtitle, caption or legend gives an <svg>: accepted as the svg.
  const bare = Plot.plot({ document, marks: [Plot.dot([1, 2], { x: (d) => d })] });
  await printed(() =>
    showFigure({ svg: bare as unknown as Element, description: "bare", data: [] })
  );
});

Deno.test("a plot() figure writes its marks' data beside it; one without any, a CSV saying why", async () => {
  const dir = await Deno.makeTempDir({ prefix: "display-test-" });
  try {
    await withResultsDir(dir, async () => {
      const rows = [{ day: 0, vas: 6.6, who: "=cmd" }, { day: 14, vas: 2.3, who: "b" }];
      const fig = plot({
        marks: [
          Plot.ruleY([0]),
          Plot.dot(rows, { x: "day", y: "vas" }),
          Plot.line(rows, { x: "day", y: "vas" }),
        ],
      });
      await printed(() => showFigure("p", fig));
      const csv = await Deno.readTextFile(`${dir}/figures/p.csv`);
      assert.equal(csv, csvTable(fig.data));
      assert.deepEqual(fig.data.map((r) => r.mark), ["2 dot", "2 dot", "3 line", "3 line"]);
      assert.match(csv, /^mark,day,vas,who\n2 dot,0,6\.6,'=cmd\n/);
      // Marks drawn from numbers only: no rows, and a CSV that says so, never an empty file.
      await printed(() => showFigure("q", plot({ marks: [Plot.lineY([1, 3, 2])] })));
      assert.match(
        await Deno.readTextFile(`${dir}/figures/q.csv`),
        /^note\nthis figure has no data rows\n$/,
      );
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
