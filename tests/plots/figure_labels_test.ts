/**
 * Labels and positions of the time figures (timelines, figure 1, trajectories), on the real data
 * and on a constructed stepwise switch (one drug replaced by another over two weeks that begin at
 * a time the text does not date):
 *
 * - two dose labels of one lane and row are at least an em apart (figure 1 printed case 1's "40"
 *   and "dose not stated" 4 px apart, read "40 dose not stated");
 * - a value's label does not stand wholly across a phase line from its dot (a "5 points" sat
 *   beyond the line at day 14, beside the value there, not its own at day 7);
 * - an end dated from a time the axis leaves open says "not dated from day 0", not "day not
 *   stated" (the switch's end is two weeks after its undated start);
 * - no hover text repeats a value's words in brackets ("NRS 4 (NRS 4)") or nests brackets;
 * - an undated time is drawn at the same day in every figure, given to 1/1000 day in each table.
 */
import assert from "node:assert/strict";
import { type Case, firstPeriod, loadCaseSeries, type Timepoint } from "../../lib/mod.ts";
import {
  caseTimelineFigure,
  type Figure,
  measureText,
  seriesTimelineFigure,
  svgText,
  trajectoriesFigure,
} from "../../lib/plots/mod.ts";
import { TYPE } from "../../lib/plots/theme.ts";
import { timelineModel } from "../../lib/plots/timeline_model.ts";
import { PHASE_COLOR } from "../../lib/plots/timeline_panels.ts";
import { valuesPanel } from "../../lib/plots/timeline_values.ts";
import { linearScale } from "../../lib/plots/uncertainty.ts";
import { valueAxis } from "../../lib/plots/value_axis.ts";
import { bracketDepth } from "../helpers/brackets.ts";
import { aroundDrug, makeCase } from "../helpers/constructed_case.ts";
import { TEST_DATA_DIR } from "../helpers/data_dir.ts";

const real = await loadCaseSeries(TEST_DATA_DIR);
const study = aroundDrug(real.study).study;

/**
 * A stepwise switch from drug-a (25 mg/day from day 7) to the study's drug: the switch begins
 * after the value of day 30 (no date stated) and ends two weeks later; values 7 (day 30), 5 (a
 * week into the switch), 3 (its end), on words that hold brackets.
 */
function stepwiseSwitch(): Case {
  const c = makeCase(
    { a_start: 7, report: 30, sw_start: 30, sw_1wk: 37, sw_end: 44 },
    [
      { drug: "drug-a", dose: 25, start: "a_start", end: "sw_start" },
      { drug: "drug-a", dose: null, start: "sw_start", end: "sw_end" },
      { drug: study.drug, dose: null, start: "sw_start", end: "sw_end" },
      { drug: study.drug, dose: 100, start: "sw_end", end: null },
    ],
    { report: 7, sw_1wk: 5, sw_end: 3 },
  );
  // The switch's start: after the report, no date; its week and its end dated from it.
  const chain: Record<string, { anchor: string; lo: number; hi: number; rule: Timepoint["rule"] }> =
    {
      sw_start: { anchor: "report", lo: 0, hi: Infinity, rule: "after" },
      sw_1wk: { anchor: "sw_start", lo: 7, hi: 7, rule: "exact" },
      sw_end: { anchor: "sw_start", lo: 14, hi: 14, rule: "exact" },
    };
  const timepoints = c.timepoints.map((t) => {
    const r = chain[t.id];
    if (!r) return t;
    const lo = t.day.lo;
    return {
      ...t,
      rule: r.rule,
      anchor: r.anchor,
      offset: { lo: r.lo, hi: r.hi, nominal: r.lo },
      day: { ...t.day, lo, hi: Infinity, nominal: lo },
      words: `${t.id} (narrated after the report; no date)`,
    };
  });
  const day = (id: string) => timepoints.find((t) => t.id === id)!.day;
  return {
    ...c,
    id: "S",
    study,
    timepoints,
    treatments: c.treatments.map((t) => ({
      ...t,
      start: day(t.start.timeId),
      end: t.end && day(t.end.timeId),
    })),
    // The words of a value: the scale and the value, nothing more ("VAS 5").
    observations: c.observations.map((o) => ({ ...o, day: day(o.day.timeId) })),
  };
}

const switching = stepwiseSwitch();

/** The figures of a series at both widths, named. */
function figures(cases: readonly Case[]): { name: string; f: Figure }[] {
  return (["full", "column"] as const).flatMap((width) => [
    { name: `${width}/figure-1`, f: seriesTimelineFigure(cases, { width }) },
    { name: `${width}/trajectories`, f: trajectoriesFigure(cases, { width }) },
    ...cases.flatMap((c) => [
      { name: `${width}/case-${c.id}`, f: caseTimelineFigure(c, { width }) },
      { name: `${width}/case-${c.id}-day0`, f: caseTimelineFigure(c, { width, alignOn: null }) },
    ]),
  ]);
}

const REAL = figures(real.cases);
const SWITCH = figures([switching]);

Deno.test("dose labels: two of one lane and row are at least an em apart", () => {
  const close: string[] = [];
  for (const { name, f } of [...REAL, ...SWITCH]) {
    for (const g of f.svg.querySelectorAll('g[aria-label="dose periods"]')) {
      const labels = [...g.children].filter((e) =>
        e.tagName.toLowerCase() === "text" && e.getAttribute("text-anchor") === "middle"
      ).map((t) => {
        const w = measureText(t.textContent!, Number(t.getAttribute("font-size"))).width;
        const x = Number(t.getAttribute("x"));
        return { text: t.textContent!, y: t.getAttribute("y"), x1: x - w / 2, x2: x + w / 2 };
      }).sort((a, b) => a.x1 - b.x1);
      for (const [i, a] of labels.entries()) {
        for (const b of labels.slice(i + 1).filter((b) => b.y === a.y)) {
          if (b.x1 - a.x2 < TYPE.small - 0.01) {
            close.push(`${name}: '${a.text}' and '${b.text}' ${(b.x1 - a.x2).toFixed(1)} px apart`);
          }
        }
      }
    }
  }
  assert.deepEqual(close, []);
});

Deno.test("value labels: a label stands on its dot's side of every phase line", () => {
  // Figure 1's case panel: 14 days are 28 px, the labels as wide as "5 points".
  const m = timelineModel(switching);
  for (const p of m.points) p.text = `${p.text} points`;
  const x = linearScale([-60, 200], [60, 580]);
  const uses = { bracket: false, arrow: false, past: false, span: false, ongoing: false };
  const panel = valuesPanel(m, x, {
    width: 600,
    marginLeft: 60,
    marginRight: 12,
    scale: valueAxis(switching.observations.map((o) => o.scale)),
    height: 72,
    zeroLine: true,
  }, uses);
  const lines = [...panel.querySelectorAll("line")].filter((l) =>
    l.getAttribute("stroke") === PHASE_COLOR && l.getAttribute("stroke-dasharray")
  ).map((l) => Number(l.getAttribute("x1")));
  assert.ok(lines.length >= 2, "the switch's phase lines are drawn");
  const texts = [...panel.querySelectorAll("text")];
  for (const p of m.points) {
    const dot = [...panel.querySelectorAll("circle")].find((c) => c.textContent === p.title)!;
    const cx = Number(dot.getAttribute("cx"));
    const t = texts.find((t) => t.textContent === p.text)!;
    const w = measureText(p.text, Number(t.getAttribute("font-size"))).width;
    const tx = Number(t.getAttribute("x"));
    const anchor = t.getAttribute("text-anchor");
    const x1 = anchor === "end" ? tx - w : anchor === "middle" ? tx - w / 2 : tx;
    for (const d of lines) {
      const beyond = (cx < d && x1 > d) || (cx > d && x1 + w < d);
      assert.ok(!beyond, `'${p.text}' (dot at ${cx}) stands across the line at ${d}`);
    }
  }
});

Deno.test("phase labels: an end dated from an undated time is 'not dated from day 0'", () => {
  const day0 = timelineModel(switching, { alignOn: null });
  const end = day0.phases.find((ph) => ph.drug === "drug-a" && ph.change.startsWith("stopped"));
  assert.equal(end?.change, "stopped, not dated from day 0");
  // From the drug's start, the switch's end is dated (two weeks): a stop at its drawn day.
  const aligned = timelineModel(switching);
  const stop = aligned.phases.find((ph) => ph.drug === "drug-a" && ph.change.startsWith("stopped"));
  assert.equal(stop?.change, "stopped");
});

Deno.test("hover texts: no value's words repeated in brackets, no brackets within brackets", () => {
  const bad: string[] = [];
  for (const { name, f } of [...REAL, ...SWITCH]) {
    for (const m of svgText(f).matchAll(/<title>([^<]*)<\/title>/g)) {
      for (const line of m[1].split("\n")) {
        const repeated = /(\b[A-Za-z]+ [\d.–]+) \(\1\)/.exec(line);
        if (bracketDepth(line) > 1 || repeated) bad.push(`${name}: ${line}`);
      }
    }
  }
  // The switch's times and values have such words, so the check can fail.
  assert.ok(switching.timepoints.some((t) => bracketDepth(t.words) > 0));
  assert.deepEqual(bad, []);
});

Deno.test("an undated time is at the same day in every figure, to 1/1000 day in each table", () => {
  for (const cases of [real.cases, [switching]]) {
    // Each data set has a value at a time it does not date, so the comparison can fail.
    let undated = 0;
    for (const width of ["full", "column"] as const) {
      const one = seriesTimelineFigure(cases, { width }).data;
      const traj = trajectoriesFigure(cases, { width }).data;
      // A case that never takes the drug is in neither figure of all cases.
      for (const c of cases.filter((c) => firstPeriod(c, c.study.drug) !== null)) {
        const own = caseTimelineFigure(c, { width }).data.filter((r) => r.mark === "point");
        const inOne = one.filter((r) => r.case === c.id && r.mark === "point");
        const inTraj = traj.filter((r) =>
          r.series === `Case ${c.id}` && r.mark === "point" && !String(r.panel).startsWith("%")
        );
        const xs = (rows: typeof own) => rows.map((r) => Number(r.x)).sort((a, b) => a - b);
        undated += own.filter((r) => r.x_dated === false).length;
        assert.deepEqual(xs(inOne), xs(own), `case ${c.id}, ${width}: figure 1`);
        assert.deepEqual(xs(inTraj), xs(own), `case ${c.id}, ${width}: trajectories`);
      }
      for (const r of traj.filter((r) => typeof r.x === "number")) {
        const x = r.x as number;
        assert.equal(Math.round(x * 1000) / 1000, x, `trajectories: x ${x} not to 1/1000 day`);
      }
    }
    assert.ok(undated > 0);
  }
});
