/**
 * plots.plot (lib/plots/plot.ts) refuses what would draw nothing or fail deep inside, naming the
 * mark, channel or legend entry: a field no row has, a field of objects (intervals), a legend
 * that is not a list of entries, an unknown swatch, a width it cannot print.
 */
import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import { plot } from "../../lib/plots/plot.ts";
import { showFigure } from "../../lib/display.ts";

const rows = [{ day: 0, vas: 6.6 }, { day: 14, vas: 2.3 }];
const dots = (data: object[], x = "day") => [Plot.dot(data, { x, y: "vas" })];

Deno.test("plot: a field of intervals is refused, naming the mark, channel and the fix", () => {
  const interval = (n: number) => ({ lo: n - 1, nominal: n, hi: n + 1 });
  assert.throws(
    () => plot({ marks: dots(rows.map((r) => ({ ...r, day: interval(r.day) }))) }),
    /^TypeError: plot: mark 1 \(dot\): x names 'day', whose values are objects \(\{lo, nominal, hi\}\).*row\.day\.nominal/,
  );
  // Dates and numbers are values Plot draws; a field empty in some rows is no object field.
  const dated = rows.map((r) => ({ ...r, day: new Date(Date.UTC(2012, 0, 1 + r.day)) }));
  assert.equal(plot({ marks: dots(dated) }).svg.querySelectorAll("circle").length, 2);
  const gaps = [{ day: null, vas: 1 }, { day: 3, vas: 2 }];
  assert.equal(plot({ marks: dots(gaps) }).svg.querySelectorAll("circle").length, 1);
});

Deno.test("plot: a legend must be a list of entries with a known swatch", () => {
  const marks = dots(rows);
  assert.throws(
    () => plot({ marks, legend: "x" as never }),
    /^TypeError: plot: legend must be a list/,
  );
  assert.throws(
    () => plot({ marks, legend: [{ label: "x" }] as never }),
    /plot: legend entry 1: no swatch; an entry is legend: \[\{ label:/,
  );
  assert.throws(
    () =>
      plot({ marks, legend: [{ label: "x", swatch: { kind: "dots", color: "#000" } }] as never }),
    /legend entry 1: swatch kind 'dots' is none of .* \(did you mean 'dot'\?\)/,
  );
  assert.throws(
    () => plot({ marks, legend: [{ label: "x", swatch: { kind: "dot" } }] as never }),
    /legend entry 1: no swatch colour/,
  );
  const ok = plot({ marks, legend: [{ label: "case", swatch: { kind: "dot", color: "#000" } }] });
  assert.match(ok.svg.textContent ?? "", /case/);
});

Deno.test("plot: a width it cannot print says it is plot's; showFigure of Plot's own output says what to use", async () => {
  assert.throws(
    () => plot({ marks: dots(rows), width: "wide" as never }),
    /^TypeError: plot: figure width must be "column", "full" or px, got 'wide'/,
  );
  const element = plot({ marks: dots(rows) }).svg;
  await assert.rejects(
    () => showFigure(element as never),
    /showFigure: expected a figure .*got a <svg> element \(Plot\.plot's output\?\): draw it with plots\.plot/,
  );
});
