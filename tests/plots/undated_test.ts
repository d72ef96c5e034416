/**
 * The time figures draw what the text states, no more (for the real data and with the fixture
 * article appended):
 *
 * - a value at a time the text does not date on the axis (`datedGap` from the axis's origin: the
 *   drug start, or day 0) has a hollow marker, a dated one a filled marker; a line to or from an
 *   undated value is dotted (every timeline and Figure 1 drew them filled and solid, case 1's
 *   2.3 → 0.6 with 0.6 at the middle of a 195-day window);
 * - a value over a period has a marker whose hover text says it is a value over a period, and a
 *   period whose start the text leaves open a dashed run to an arrowhead left of its bar (Figure 1
 *   drew case 2's average VAS 8.0 as a bar about 5 px long under two phase lines);
 * - the trajectories join two values of a case only where its timeline does (never across a
 *   change of drug or dose: they split only at day 0), draw each phase change, and mark undated
 *   values hollow, with the lines to them dotted;
 * - the captions name how the times the text does not date are placed, the rules used and only
 *   those (the timeline caption said "a small step after what it follows" of every such time,
 *   although 3.3 and 0.6 are drawn midway in their windows).
 */
import assert from "node:assert/strict";
import { type Case, datedGap, firstPeriod, loadCaseSeries } from "../../lib/mod.ts";
import {
  caseTimelineFigure,
  type Figure,
  seriesTimelineFigure,
  trajectoriesFigure,
} from "../../lib/plots/mod.ts";
import { caseColor, DASH, GREY, STROKE } from "../../lib/plots/theme.ts";
import { type TimelineModel, timelineModel, undatedOf } from "../../lib/plots/timeline_model.ts";
import { SPAN_COLOR } from "../../lib/plots/timeline_panels.ts";
import { joinedPoints } from "../../lib/plots/timeline_values.ts";
import { dataWithFixture, TEST_DATA_DIR } from "../helpers/data_dir.ts";

const dir = await dataWithFixture();
const grown = await loadCaseSeries(dir);
await Deno.remove(dir, { recursive: true });
const real = await loadCaseSeries(TEST_DATA_DIR);
const SERIES = [["real", real], ["with the fixture", grown]] as const;

/** The elements of a tag whose `<title>` is `title`. */
function titledAs(f: Figure, tag: string, title: string): Element[] {
  return [...f.svg.querySelectorAll(tag)].filter((e) =>
    [...e.children].some((c) => c.tagName.toLowerCase() === "title" && c.textContent === title)
  );
}

/** Whether a line has the data lines' width (attributes are written to 1/100 px). */
function isDataWidth(l: Element): boolean {
  return Math.abs(Number(l.getAttribute("stroke-width")) - STROKE.data) < 0.01;
}

/** The figure's text, its lines joined by spaces (the caption wraps over several). */
function textOf(f: Figure): string {
  return [...f.svg.querySelectorAll("text")].map((t) => t.textContent).join(" ");
}

/** The time id the axis of a case's timeline counts from: the drug start, or day 0. */
function axisOrigin(c: Case, alignOn: string | null): string {
  const start = alignOn === null ? null : firstPeriod(c, alignOn);
  return start?.start.timeId ?? c.timepoints.find((t) => t.rule === "origin")!.id;
}

/** Problems of one case's values in a timeline figure drawn from the model `m`. */
function valueProblems(f: Figure, c: Case, m: TimelineModel, origin: string): string[] {
  const out: string[] = [];
  for (const p of [...m.points, ...m.spans]) {
    const where = `case ${c.id}, ${p.o.words} (${p.t.timeId})`;
    if (p.t.dated !== datedGap(c, p.t.timeId, origin)) out.push(`${where}: dated is wrong`);
    const markers = titledAs(f, "circle", p.title);
    if (markers.length === 0) out.push(`${where}: no marker`);
    for (const mk of markers) {
      const fill = mk.getAttribute("fill");
      if (fill !== (p.t.dated ? GREY.ink : "white")) {
        out.push(`${where}: ${p.t.dated ? "dated" : "undated"} but fill ${fill}`);
      }
    }
  }
  for (const s of m.spans) {
    const where = `case ${c.id}, ${s.o.words}`;
    if (!/a value over a period/.test(s.title)) out.push(`${where}: hover text`);
    if (s.start.window.lo !== -Infinity) continue;
    // Its open start: a dashed run into the bar's left end.
    const bar = titledAs(f, "rect", s.title)[0];
    const x1 = Number(bar?.getAttribute("x"));
    const run = [...f.svg.querySelectorAll("line")].some((l) =>
      l.getAttribute("stroke") === SPAN_COLOR &&
      l.getAttribute("stroke-dasharray") === DASH.open &&
      Math.abs(Number(l.getAttribute("x2")) - x1) < 0.01 &&
      Number(l.getAttribute("x1")) < x1
    );
    if (!run) out.push(`${where}: no arrow to the left for its open start`);
  }
  return out;
}

/** The value lines of a values panel: how many are solid and how many dotted. */
function valueLines(panel: Element): { solid: number; dashed: number } {
  const lines = [...panel.querySelectorAll("line")].filter((l) =>
    l.getAttribute("stroke") === GREY.ink && isDataWidth(l)
  );
  const dashed = lines.filter((l) => l.getAttribute("stroke-dasharray") === DASH.undated).length;
  return { solid: lines.length - dashed, dashed };
}

/** The counts of solid and dotted segments the model's line has. */
function expectedLines(m: TimelineModel): { solid: number; dashed: number } {
  const segs = joinedPoints(m);
  const dashed = segs.filter((i) => !m.points[i - 1].t.dated || !m.points[i].t.dated).length;
  return { solid: segs.length - dashed, dashed };
}

Deno.test("case timelines: undated values hollow, dashed lines to them, period values marked", () => {
  for (const [name, series] of SERIES) {
    for (const c of series.cases) {
      for (const alignOn of [c.study.drug, null]) {
        if (alignOn !== null && !firstPeriod(c, alignOn)) continue;
        const f = caseTimelineFigure(c, { alignOn });
        const m = timelineModel(c, { alignOn });
        const tag = `${name}, case ${c.id}, ${alignOn ?? "day 0"}`;
        assert.deepEqual(valueProblems(f, c, m, axisOrigin(c, alignOn)), [], tag);
        const panel = f.svg.querySelector('g[aria-label="values"]')!;
        assert.deepEqual(valueLines(panel), expectedLines(m), tag);
        const undated = [...m.points, ...m.spans].some((p) => !p.t.dated);
        assert.equal(/a value: hollow/.test(textOf(f)), undated, `${tag}: caption`);
        // The caption names how undated times are placed, those rules used and only those.
        const placed = undatedOf(m);
        const text = textOf(f).replace(/\s+/g, " ");
        assert.equal(/between two others, midway/.test(text), placed.includes("midway"), tag);
        assert.equal(/only after( \(before\))? another/.test(text), placed.includes("after"), tag);
        assert.equal(
          /only (before|after \(before\)) another/.test(text),
          placed.includes("before"),
        );
      }
    }
  }
});

Deno.test("figure 1: undated values hollow, dashed lines to them, period values marked", () => {
  for (const [name, series] of SERIES) {
    const drug = series.study.drug;
    const f = seriesTimelineFigure(series.cases);
    const shown = series.cases.filter((c) => firstPeriod(c, drug));
    const axisScales = shown.flatMap((c) => c.observations.map((o) => o.scale));
    const panels = [...f.svg.querySelectorAll('g[aria-label="values"]')];
    assert.equal(panels.length, shown.length, name);
    shown.forEach((c, i) => {
      const m = timelineModel(c, { alignOn: drug, axisScales });
      assert.deepEqual(valueProblems(f, c, m, axisOrigin(c, drug)), [], `${name}, case ${c.id}`);
      assert.deepEqual(valueLines(panels[i]), expectedLines(m), `${name}, case ${c.id}`);
    });
  }
});

Deno.test("trajectories: lines only within a phase, dashed to undated values, hollow markers", () => {
  for (const [name, series] of SERIES) {
    const drug = series.study.drug;
    const f = trajectoriesFigure(series.cases);
    const drawn = series.cases.map((c, index) => ({ c, index }))
      .filter(({ c }) => firstPeriod(c, drug) && c.observations.length > 0);
    const rows = f.data.filter((r) => r.panel === f.data[0].panel);
    let joined = 0;
    let hollow = 0;
    for (const { c, index } of drawn) {
      const tag = `${name}, case ${c.id}`;
      const mine = rows.filter((r) => r.series === `Case ${c.id}`);
      const points = mine.filter((r) => r.mark === "point" || r.mark === "value over a period")
        .sort((a, b) => Number(a.x) - Number(b.x));
      // The phase lines are the case's timeline's phase changes, all of them.
      const m = timelineModel(c, { alignOn: drug });
      const phases = mine.filter((r) => r.mark === "phase line").map((r) => Number(r.x));
      assert.equal(phases.length, m.phases.length, `${tag}: phase lines`);
      // Its values dated as the rule says: as many undated as datedGap finds.
      const origin = firstPeriod(c, drug)!.start.timeId;
      const undated = c.observations.filter((o) => !datedGap(c, o.day.timeId, origin)).length;
      assert.equal(points.filter((r) => r.x_dated === false).length, undated, `${tag}: dated`);
      hollow += undated;
      points.forEach((p, k) => {
        if (p.line_in === "none") return;
        joined++;
        const prev = points.slice(0, k).reverse().find((q) => q.mark === "point")!;
        assert.ok(prev, `${tag}: a line into the first value`);
        const [a, b] = [Number(prev.x), Number(p.x)];
        assert.ok(!phases.some((x) => x > a && x < b), `${tag}: a line across a phase change`);
        const dashed = prev.x_dated === false || p.x_dated === false;
        assert.equal(p.line_in, dashed ? "dotted" : "solid", `${tag}: line into ${p.y}`);
      });
      // The SVG draws as many of its lines, solid or dashed, as the data says, in both panels.
      const lines = [...f.svg.querySelectorAll(`g[aria-label="lines of Case ${c.id}"] line`)]
        .filter((l) => l.getAttribute("stroke") === caseColor(index) && isDataWidth(l));
      const inData = f.data.filter((r) => r.series === `Case ${c.id}`);
      for (const style of ["solid", "dotted"] as const) {
        const n = lines.filter((l) =>
          (l.getAttribute("stroke-dasharray") === DASH.undated) === (style === "dotted")
        ).length;
        assert.equal(
          n,
          inData.filter((r) =>
            r.line_in === style
          ).length,
          `${tag}: ${style}`,
        );
      }
    }
    // As many hollow markers as undated values, in each panel (with the percent panel's).
    const pctHollow = f.data.filter((r) => r.panel !== rows[0].panel && r.x_dated === false);
    const white = [...f.svg.querySelectorAll("circle, path")].filter((e) =>
      e.getAttribute("fill") === "white" &&
      drawn.some(({ index }) => e.getAttribute("stroke") === caseColor(index))
    );
    assert.equal(white.length, hollow + pctHollow.length, `${name}: hollow markers`);
    assert.ok(joined > 0, `${name}: no line drawn`);
  }
});
