/**
 * The trajectories' markers at print size: no case's value marker overlaps or touches another's
 * (two cases' values at nearly the same day and value were drawn one over the other: a hollow
 * circle and a period's hollow triangle 1.5 days apart), and no two keys over the phase lines
 * do (keys of changes a few days apart touched). Checked on the drawn SVG: each marker's box from
 * its own geometry and stroke, on the real data and with the synthetic fixture appended, at both
 * widths; and the before/after slopegraph's dots (three cases' last values, within 0.5 cm, drawn
 * one over another). Where the trajectories' markers are set apart the caption says so.
 */
import assert from "node:assert/strict";
import { loadCaseSeries } from "../../lib/mod.ts";
import { beforeAfterFigure, type Figure, trajectoriesFigure } from "../../lib/plots/mod.ts";
import { svgElement, titled } from "../../lib/plots/dom.ts";
import { aroundDrug } from "../helpers/constructed_case.ts";
import { dataWithFixture, TEST_DATA_DIR } from "../helpers/data_dir.ts";

/** A drawn shape's box, its stroke included. */
interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  what: string;
}

/** The box of a `<circle>` or a `<path>` of straight segments. */
function boxOf(el: Element): Box {
  const half = Number(el.getAttribute("stroke-width") ?? 0) / 2;
  const what = el.querySelector("title")?.textContent?.split(" (")[0] ?? el.outerHTML.slice(0, 60);
  if (el.tagName.toLowerCase() === "circle") {
    const [cx, cy, r] = ["cx", "cy", "r"].map((a) => Number(el.getAttribute(a)));
    return { x0: cx - r - half, x1: cx + r + half, y0: cy - r - half, y1: cy + r + half, what };
  }
  const nums = (el.getAttribute("d") ?? "").match(/-?\d+(\.\d+)?/g)!.map(Number);
  const xs = nums.filter((_, i) => i % 2 === 0);
  const ys = nums.filter((_, i) => i % 2 === 1);
  return {
    x0: Math.min(...xs) - half,
    x1: Math.max(...xs) + half,
    y0: Math.min(...ys) - half,
    y1: Math.max(...ys) + half,
    what,
  };
}

/** Pairs of boxes that overlap or are less than `gap` px apart (both across and down). */
function crowdedPairs(boxes: readonly Box[], gap: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      const across = a.x0 < b.x1 + gap && b.x0 < a.x1 + gap;
      const down = a.y0 < b.y1 + gap && b.y0 < a.y1 + gap;
      if (across && down) out.push(`'${a.what}' and '${b.what}'`);
    }
  }
  return out;
}

/**
 * The crowded markers of a trajectories figure or a slopegraph: in each panel, its value markers
 * (the shapes with hover text) and its phase keys.
 */
function problems(f: Figure, name: string): string[] {
  const out: string[] = [];
  for (const g of f.svg.querySelectorAll('g[aria-label="trajectories"], g[aria-label="slopes"]')) {
    const markers = [...g.children].filter((el) =>
      ["circle", "path"].includes(el.tagName.toLowerCase()) && el.querySelector("title")
    ).map(boxOf);
    out.push(...crowdedPairs(markers, 0.5).map((p) => `${name}: markers ${p} overlap or touch`));
    const keys = [...(g.querySelector('g[aria-label="phase keys"]')?.children ?? [])].map(boxOf);
    out.push(...crowdedPairs(keys, 0.5).map((p) => `${name}: phase keys ${p} overlap or touch`));
  }
  return out;
}

const real = await loadCaseSeries(TEST_DATA_DIR);
const dir = await dataWithFixture();
const grown = await loadCaseSeries(dir);
await Deno.remove(dir, { recursive: true });

Deno.test("trajectories: no two markers or phase keys overlap or touch (real and grown data)", () => {
  const out: string[] = [];
  for (const [tag, s] of [["real", real], ["grown", grown]] as const) {
    for (const width of ["full", "column"] as const) {
      out.push(...problems(trajectoriesFigure(s.cases, { width }), `${tag}/${width}`));
    }
  }
  assert.deepEqual(out, []);
});

Deno.test("before/after slopegraph: no two dots overlap or touch (real and grown data)", () => {
  const out: string[] = [];
  for (const [tag, s] of [["real", real], ["grown", grown]] as const) {
    for (const width of ["full", "column"] as const) {
      out.push(...problems(beforeAfterFigure(s.cases, { width }), `${tag}/${width}`));
    }
  }
  assert.deepEqual(out, []);
});

Deno.test("trajectories: two cases' values at one day and value are set apart, and said", () => {
  const series = aroundDrug(real.study);
  const ok = series.cases.find((c) => c.id === "ok")!;
  const twins = [ok, { ...ok, id: "twin" }];
  const f = trajectoriesFigure(twins);
  // Drawn one over the other before: now side by side, apart.
  assert.deepEqual(problems(f, "twins"), []);
  const text = f.svg.textContent!.replace(/\s+/g, " ");
  const said = /drawn side by side, each at most (\d+(\.\d)?) mm from its day/.exec(text);
  assert.ok(said, text);
  assert.ok(Number(said[1]) > 0 && Number(said[1]) < 3);
  // One case alone: nothing set apart, nothing said.
  const alone = trajectoriesFigure([ok]).svg.textContent!.replace(/\s+/g, " ");
  assert.doesNotMatch(alone, /side by side/);
});

Deno.test("the marker check finds two markers that touch (it can fail)", () => {
  const svg = svgElement("svg");
  const g = svg.appendChild(svgElement("g", { "aria-label": "trajectories" }));
  g.appendChild(
    titled(svgElement("circle", { cx: 10, cy: 10, r: 3.78, "stroke-width": 0.75 }), "a"),
  );
  g.appendChild(titled(svgElement("path", { d: "M14,6L18,13L10,13Z" }), "b"));
  g.appendChild(titled(svgElement("circle", { cx: 40, cy: 10, r: 3.78 }), "c"));
  const keys = g.appendChild(svgElement("g", { "aria-label": "phase keys" }));
  keys.appendChild(svgElement("circle", { cx: 60, cy: 2, r: 2.65 }));
  keys.appendChild(svgElement("circle", { cx: 65.5, cy: 2, r: 2.65 }));
  const out = problems({ svg, description: "", data: [] }, "t");
  assert.equal(out.length, 2, out.join("\n"));
  assert.match(out[0], /^t: markers 'a' and 'b' overlap or touch$/);
  assert.match(out[1], /^t: phase keys .* overlap or touch$/);
});
