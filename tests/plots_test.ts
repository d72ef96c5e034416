/**
 * Figure builders on the real dataset and on hand-made odd cases: the marks each figure promises
 * exist, odd shapes render honestly (a note instead of an empty panel or a throw), and two renders
 * are byte-identical. Layout (no overlapping or clipped text) is tested in tests/plots/.
 */
import assert from "node:assert/strict";
import * as lib from "../lib/mod.ts";
import {
  beforeAfterFigure,
  caseTimelineFigure,
  displayBundle,
  displayMetadata,
  forestFigure,
  forestOmission,
  forestRows,
  PNG_SCALE,
  pngBytes,
  PRINT_WIDTH,
  RESPONDER_BAND_MAX_N,
  responderCurveFigure,
  responderCurveOmission,
  SENSITIVITY,
  SENSITIVITY_READINGS,
  sensitivityFigure,
  sensitivityIntervals,
  sensitivityOmission,
  seriesTimelineFigure,
  stack,
  svgText,
  trajectoriesFigure,
  VERDICT_STYLES,
  verdictFigure,
  verdictItems,
} from "../lib/plots/mod.ts";
import { panel } from "../lib/plots/compose.ts";
import { type FuzzyBar, fuzzyBar, linearScale, spanBar } from "../lib/plots/uncertainty.ts";
import {
  CASE_COLORS,
  caseColor,
  classLegend,
  DRUG_CLASS_COLORS,
  FALLBACK_COLORS,
  SPAN_BAR,
} from "../lib/plots/theme.ts";
import { statedValue, timelineModel } from "../lib/plots/timeline_model.ts";
import { joinedPoints } from "../lib/plots/timeline_values.ts";
import { aroundDrug, makeCase } from "./helpers/constructed_case.ts";
import { noChangeNotes } from "../lib/prose.ts";
import { oddCases } from "./plots/odd_cases.ts";
import { articleCases, TEST_DATA_DIR } from "./helpers/data_dir.ts";
import { VERDICTS } from "../lib/plots/mod.ts";

const series = await lib.loadCaseSeries(TEST_DATA_DIR);
/** A real case with values (any one: the tests below hold for every case). */
const withValues = series.cases.find((c) => c.observations.length > 0)!;
const odd = new Map(oddCases(series.study).map((c) => [c.id, c]));
/** Text as it is written inside an SVG element. */
const escape = (t: string) =>
  t.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
const count = (svg: string, re: RegExp) => (svg.match(re) ?? []).length;
/** A figure's words as read: its text elements (wrapped lines among them) joined by spaces. */
const figureWords = (f: { svg: Element }) =>
  [...f.svg.querySelectorAll("text")].map((t) => t.textContent).join(" ").replace(/\s+/g, " ");
/**
 * Markers drawn as data (white-rimmed dots and the cases' shaped markers, hollow ones among them);
 * the legend's swatches, the keys beside the cases' names and over the phase lines, and the edges
 * drawn again over markers left out.
 */
const dataCircles = (svg: string) =>
  count(
    svg.replace(/<g [^>]*aria-label="legend">[\s\S]*?<\/g>/, "")
      .replace(/<g [^>]*aria-label="(case|phase) keys">[\s\S]*?<\/g>/g, ""),
    /<circle(?![^>]*fill="none")|<path(?=[^>]*(stroke|fill)="white")(?![^>]*fill="none")/g,
  );

Deno.test("timeline: a point per VAS value, a lane per drug, dose labels, every event", () => {
  for (const c of series.cases) {
    const svg = svgText(caseTimelineFigure(c));
    assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    // Every value is a marker; one stated for a period also a band over the period (its marker
    // keeps it visible however short the period is drawn).
    const spanned = c.observations.filter((o) => o.span !== null).length;
    assert.equal(dataCircles(svg), c.observations.length, `case ${c.id}`);
    const name = lib.valueScale([c]).name;
    assert.equal(svg.includes(`${name} stated for a period`), spanned > 0, `case ${c.id}`);
    for (const t of c.treatments) {
      assert.ok(svg.includes(`>${t.drug}<`), t.drug);
      const label = lib.formatDoseValue(t.dose);
      assert.ok(svg.includes(`>${label}</text>`), label);
    }
    // Each event by its kind; two of one kind (an accident and a surgical amputation) by what
    // happened, so that their labels tell them apart.
    for (const e of c.events) {
      const shared = c.events.some((o) => o !== e && o.kind === e.kind);
      assert.ok(svg.includes(`>${escape(shared ? e.description : e.kind)}<`), e.description);
      if (shared) assert.ok(!svg.includes(`>${escape(e.kind)}<`), `bare '${e.kind}' label`);
    }
    assert.ok(
      svg.includes(
        lib.firstPeriod(c, series.study.drug)
          ? `Days since the start of ${series.study.drug}`
          : "Days since day 0",
      ),
      `case ${c.id}`,
    );
    // The axis is named by the one rule of figures, tables and prose (a case only on a 100 mm
    // VAS: "Pain VAS (mm)"; mixed scales: the common metric).
    assert.ok(svg.includes(escape(lib.valueScale([c]).label)), `case ${c.id}`);
  }
  const day0 = svgText(caseTimelineFigure(series.cases[0], { alignOn: null }));
  assert.ok(day0.includes("Days since day 0"));
  // Words of day 0 with brackets of their own are not set in brackets within brackets.
  const bracketed = { ...series.cases[0], day0: "the day of surgery (a transection)" };
  const axis = caseTimelineFigure(bracketed, { alignOn: null }).svg.textContent ?? "";
  assert.ok(axis.includes("Days since day 0 (the day of surgery — a transection) →"), axis);
  const never = { ...bracketed, treatments: [] };
  const note = caseTimelineFigure(never).svg.textContent ?? "";
  assert.match(
    note.replace(/\s+/g, " "),
    /days since day 0 \(the day of surgery — a transection\), not/,
  );
  assert.ok(
    series.cases.some((c) => new Set(c.events.map((e) => e.kind)).size < c.events.length),
    "the data have a case with two events of one kind",
  );
});

Deno.test("timeline: an event label too long for the strip is cut at a word with '…'", () => {
  const c = series.cases.find((x) => x.events.length > 0)!;
  const long = "a description that goes on ".repeat(12).trim();
  const events = c.events.map((e) => ({ ...e, kind: "same kind", description: long }));
  const svg = svgText(caseTimelineFigure({ ...c, events }));
  // The whole description is the marker's hover text, never a label.
  assert.ok(!svg.includes(`>${long}</text>`), "the whole description");
  assert.ok(svg.includes(`>same kind: ${long}, `), "the evidence on hover");
  assert.match(svg, />a description that goes on[^<]* …</);
});

Deno.test("timeline: a stated range is a vertical whisker labelled lo–hi", () => {
  // A range of numbers (a category stands for a range of the common metric, printed as its word).
  const ranged = (o: lib.Observation) => o.value.lo < o.value.hi && o.scale.categories === null;
  const c = series.cases.find((x) => x.observations.some(ranged))!;
  const o = c.observations.find(ranged)!;
  const svg = svgText(caseTimelineFigure(c));
  // Printed as the text states it (e.g. "0–1.0"), with its lower and upper values on its scale.
  const text = statedValue(o, lib.valueScale([c]).own);
  assert.match(
    text,
    new RegExp(`^${lib.formatNumber(o.value.lo)}(\\.0)?–${lib.formatNumber(o.value.hi)}`),
  );
  assert.ok(svg.includes(`>${text}<`));
});

Deno.test("timeline: odd shapes render honestly", () => {
  // Never takes the drug: drawn against day 0, with a note saying so.
  const noDrug = svgText(caseTimelineFigure(odd.get("odd-no-drug")!));
  assert.ok(noDrug.includes("never takes") && noDrug.includes("Days since day 0"));
  // No VAS: a note in the panel, no point.
  const noVas = svgText(caseTimelineFigure(odd.get("odd-no-vas")!));
  assert.ok(noVas.includes("no pain value stated"));
  assert.equal(dataCircles(noVas), 0);
  // No treatment: a note in the lanes.
  assert.ok(svgText(caseTimelineFigure(odd.get("odd-one-value")!)).includes("no treatment stated"));
  // A value stated for a period is a band with its marker; unlisted classes get a labelled colour.
  const span = odd.get("odd-span")!;
  const s = svgText(caseTimelineFigure(span));
  assert.equal(dataCircles(s), span.observations.length);
  assert.ok(s.includes("VAS stated for a period"));
  // Their bars are coloured: the key says the colour holds in this figure only, not that it has none.
  assert.ok(s.includes(">an unlisted class (colour of this figure only)<"));
  assert.ok(s.includes(">another unlisted class (colour of this figure only)<"));
  assert.ok(!s.includes("no assigned colour"));
  // Open-ended times are arrows, never Infinity or NaN in the SVG.
  assert.ok(s.includes(">arrow: no bound stated<"));
  assert.ok(!/Infinity|NaN|undefined/.test(s));
});

Deno.test("trajectories: a point per value of each case that takes the drug; others named", () => {
  const t = svgText(trajectoriesFigure(series.cases));
  const takers = series.cases.filter((c) => lib.firstPeriod(c, series.study.drug));
  const nValues = takers.reduce((s, c) => s + c.observations.length, 0);
  const withBaseline = takers.filter((c) => lib.baseline(c, series.study.drug, "last").common);
  const nPct = withBaseline.reduce((s, c) => s + c.observations.length, 0);
  assert.equal(dataCircles(t), nValues + nPct);
  for (const c of takers.filter((x) => x.observations.length > 0)) {
    assert.ok(t.includes(`>Case ${c.id}<`), c.id);
  }
  assert.ok(!t.includes("natural course"));
  const o = svgText(trajectoriesFigure([...oddCases(series.study), ...series.cases]))
    .replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
  assert.ok(o.includes("case odd-no-drug (never takes"));
  assert.ok(o.includes("case odd-no-vas (no pain value stated)"));
});

Deno.test("forest: NAP on 0–1 with no-effect line, informative intervals, pooled members", () => {
  // The figure itself, on every computed index (no minimum number of values per phase).
  const es = lib.caseEffectSizes(series.cases, "NAP", lib.painOptions(series.study), {
    minPoints: 1,
  });
  const agg = lib.aggregateEffectSizes(
    es.perCase.map((x) => x.result),
    es.perCase.map((x) => x.caseId),
    "equal",
  );
  const f = svgText(forestFigure("NAP", forestRows(es.perCase, [agg])));
  assert.ok(f.includes(">0.0<") && f.includes(">1.0<") && f.includes(">no effect<"));
  const informative = es.perCase.filter((x) => x.result.informativeCi).length;
  assert.equal(count(f, /stroke="#949494"/g), informative + 1); // + its legend swatch
  assert.ok(f.includes(`cases ${lib.listing(agg.weights.map((w) => w.caseId))}`));
  // LRRd: rows without an estimate say so with a footnote, inside the figure.
  const l = lib.caseEffectSizes(series.cases, "LRRd", lib.painOptions(series.study), {
    minPoints: 1,
  });
  const lf = svgText(forestFigure("LRRd", forestRows(l.perCase, [l.aggregate])));
  const undefinedRows = l.perCase.filter((x) => x.result.estimate === null).length;
  assert.equal(count(lf, />not defined\p{Lm}</gu), undefinedRows);
  assert.ok(lf.includes(">no effect<"));
});

Deno.test("responder curve: exact band drawn for small n, absent without intervals or for large n", () => {
  const curve = lib.responderCurve(series.cases);
  // A band is its two limits (thin lines, no fill that could mix with the other band's).
  const limits = (f: ReturnType<typeof responderCurveFigure>) =>
    f.data.filter((r) => r.y_lo !== null).length;
  const banded = responderCurveFigure(curve);
  const drawn = curve.filter((p) => p.proportion !== null).length;
  assert.equal(limits(banded), drawn);
  assert.equal(count(svgText(banded), /<polygon/g), 0);
  assert.equal(count(svgText(banded), /<polyline/g), 2 + 2 * 2);
  assert.ok(svgText(banded).includes("limits of the exact 95% interval"));
  const bare = curve.map(({ ciLower: _l, ciUpper: _u, ...p }) => p);
  assert.equal(limits(responderCurveFigure(bare)), 0);
  const large = curve.map((p) => ({ ...p, n: RESPONDER_BAND_MAX_N + 1 }));
  assert.equal(limits(responderCurveFigure(large)), 0);
});

Deno.test("responder curve and forest plots only from enough cases, else a sentence why", () => {
  // The minimums come from the study question (data/study.json).
  const minCurve = series.study.minCasesResponderCurve;
  const rules = {
    minCases: series.study.minCasesForest,
    minPoints: series.study.minPointsPerPhase,
  };
  const at = (n: number) => [{ threshold: 0, proportion: 1, timing: "first" as const, n }];
  assert.equal(responderCurveOmission(at(minCurve), minCurve), null);
  assert.match(responderCurveOmission(at(minCurve - 1), minCurve)!, /^No responder curve: only/);
  const r = (nA: number, nB: number, ci = true) => ({
    estimate: 0.9,
    ciLower: ci ? 0.5 : null,
    ciUpper: ci ? 1 : null,
    n: { baseline: nA, treatment: nB },
  });
  const ok = rules.minPoints;
  const cases = (rs: ReturnType<typeof r>[]) => rs.map((result, i) => ({ caseId: `${i}`, result }));
  const enough = Array.from({ length: rules.minCases }, () => r(ok, ok));
  assert.equal(forestOmission("NAP", cases(enough), rules), null);
  // One case fewer, or one of them from a short phase, or without an interval: not drawn.
  for (const bad of [r(ok - 1, ok), r(ok, ok - 1), r(ok, ok, false)]) {
    const why = forestOmission("NAP", cases([...enough.slice(1), bad]), rules);
    assert.match(why ?? "", /^No forest plot of NAP: only cases .* are estimable/);
  }
  assert.match(forestOmission("NAP", [], rules)!, /no case is estimable/);
});

Deno.test("forest: the interval printed is the interval drawn", () => {
  // The figure itself, on every computed index (no minimum number of values per phase).
  const es = lib.caseEffectSizes(series.cases, "NAP", lib.painOptions(series.study), {
    minPoints: 1,
  });
  const withInformative = es.perCase.filter((x) => x.result.informativeCi);
  assert.ok(withInformative.length > 0, "the data have a degenerate package interval");
  const f = forestFigure("NAP", forestRows(es.perCase, []));
  const fmt2 = (v: number) => v.toFixed(2).replace("-", "−");
  // A bound is printed rounded outward, so the interval printed holds the one drawn.
  const bound = (v: number, side: "lo" | "hi") => fmt2(Number(lib.formatBound(v, side, 2)));
  for (const row of f.data) {
    const p = es.perCase.find((x) => `Case ${x.caseId}` === row.series)!.result;
    const lo = p.informativeCi?.lower ?? p.ciLower;
    const hi = p.informativeCi?.upper ?? p.ciUpper;
    if (lo === null || hi === null) continue;
    assert.ok(
      String(row.label).startsWith(
        `${fmt2(p.estimate!)} [${bound(lo, "lo")}, ${bound(hi, "hi")}]`,
      ),
      String(row.label),
    );
    // Drawn: the informative interval in grey, the package's (degenerate) not at all.
    assert.deepEqual([row.informative_lo ?? row.x_lo, row.informative_hi ?? row.x_hi], [lo, hi]);
    if (p.informativeCi) assert.equal(row.x_lo, null);
  }
  assert.ok(!svgText(f).includes(`[1.00, 1.00]</text>`));
});

Deno.test("sensitivity: one row per case and quantity, nominal dot and range bar", () => {
  const rows = sensitivityIntervals(lib.sensitivityTable(series.cases));
  const s = svgText(sensitivityFigure(rows));
  // A panel per quantity some row has a value of; one with none (a p no data could make small
  // with these pairs) is named with why under the figure, not drawn as a panel.
  const drawn = new Set(rows.filter((r) => (r.defined ?? r.variants) > 0).map((r) => r.quantity));
  for (const q of new Set(rows.map((r) => r.quantity))) {
    assert.equal(s.includes(`>${q}<`), drawn.has(q), q);
  }
  assert.equal(dataCircles(s), rows.filter((r) => r.nominal !== null).length);
});

Deno.test("two renders are byte-identical; the PNG is shown at the SVG's size", async () => {
  const a = caseTimelineFigure(withValues);
  const b = caseTimelineFigure(withValues);
  assert.equal(svgText(a), svgText(b));
  const pa = await pngBytes(a);
  assert.deepEqual(pa, await pngBytes(b));
  assert.equal(new TextDecoder().decode(pa.slice(1, 4)), "PNG");
  const bundle = await displayBundle(a);
  assert.deepEqual(Object.keys(bundle).sort(), ["image/png", "image/svg+xml", "text/plain"]);
  // The text a screen reader gets: the figure's description, which names the case.
  assert.equal(bundle["text/plain"], a.description);
  assert.ok(a.description.startsWith(`Case ${withValues.id}`), a.description);
  assert.equal(displayMetadata(a)["image/png"].width, PRINT_WIDTH.full);
  // PNG width in pixels: the SVG's at 300 dpi (PNG_SCALE pixels per px).
  const png = new DataView(pa.buffer, pa.byteOffset);
  assert.equal(png.getUint32(16), Math.round(PNG_SCALE * PRINT_WIDTH.full));
});

Deno.test("stack: a mark past its panel's edge is drawn, not cut at the panel", async () => {
  // A dot drawn below the first of two panels, where the second (empty) one lies.
  const figure = (dot: boolean) => {
    const first = panel(PRINT_WIDTH.full, 40);
    if (dot) {
      const c = first.ownerDocument.createElementNS("http://www.w3.org/2000/svg", "circle");
      for (const [k, v] of [["cx", "100"], ["cy", "60"], ["r", "8"], ["fill", "black"]]) {
        c.setAttribute(k, v);
      }
      first.appendChild(c);
    }
    return stack([first, panel(PRINT_WIDTH.full, 40)], { title: "T", description: "D" });
  };
  assert.notDeepEqual(await pngBytes(figure(true)), await pngBytes(figure(false)));
});

Deno.test("fuzzyBar: an end 'after X' with no limit fades out and goes on dashed; a dose change stays pale", () => {
  const x = linearScale([0, 100], [0, 500]);
  const base = { start: { lo: 0, hi: 0 }, y: 0, height: 8, x, color: "#0072B2" };
  const open = fuzzyBar({ ...base, end: { lo: 40, hi: Infinity } });
  const tag = (b: FuzzyBar) => b.elements.map((e) => e.tagName.toLowerCase());
  // Core in full colour up to 40, then a short fade and a dashed line to the axis.
  assert.deepEqual(open.core, { x1: 0, x2: 200 });
  const dashed = open.elements.filter((e) => e.getAttribute("stroke-dasharray"));
  assert.equal(dashed.length, 1);
  assert.equal(Number(dashed[0].getAttribute("x2")), 500);
  assert.ok(!open.elements.some((e) => e.getAttribute("fill-opacity") !== null));
  assert.deepEqual(open.uses, { fade: true, pale: false, open: true });
  // The same end drawn "pale": the pale fill to the axis, no dashed line.
  const pale = fuzzyBar({ ...base, end: { lo: 40, hi: Infinity }, openEdge: "pale" });
  assert.ok(!pale.elements.some((e) => e.getAttribute("stroke-dasharray")));
  assert.deepEqual(pale.uses, { fade: false, pale: true, open: false });
  // A finite uncertain end is a ramp, nothing dashed or pale.
  const fin = fuzzyBar({ ...base, end: { lo: 40, hi: 60 } });
  assert.deepEqual(tag(fin), ["rect", "lineargradient", "rect"]);
  assert.deepEqual(fin.uses, { fade: true, pale: false, open: false });
});

Deno.test("timeline: the legend lists what the figure draws and nothing else", () => {
  for (const c of [...series.cases, ...odd.values()]) {
    const svg = svgText(caseTimelineFigure(c));
    const legendPart = svg.match(/<g [^>]*aria-label="legend">[\s\S]*?<\/g>/)?.[0] ?? "";
    // The dashed runs of periods with no start stated have their own key.
    const openStarts =
      /<line [^>]*stroke="#666666"[^>]*stroke-dasharray="3,2"[^>]*>|<line [^>]*stroke-dasharray="3,2"[^>]*stroke="#666666"[^>]*>/g;
    const body = svg.replace(legendPart, "").replace(openStarts, "");
    const m = timelineModel(c);
    const has = (label: string) => legendPart.includes(`>${label}`);
    // Dashed: a window past the axis (brackets only; phase lines have their own dash).
    assert.equal(has("dashed: window runs past"), /stroke-dasharray="3,2"/.test(body), c.id);
    assert.equal(has("no start stated"), m.spans.some((p) => p.start.window.lo === -Infinity));
    // Hollow markers and dotted lines: keyed where drawn.
    const undated = [...m.points, ...m.spans].some((p) => !p.t.dated);
    assert.equal(has("undated time"), undated, c.id);
    assert.equal(has("undated time (dotted"), /stroke-dasharray="2,2"/.test(body), c.id);
    assert.equal(has("phase change"), m.phases.length > 0, c.id);
    assert.equal(has("phase change"), /stroke-dasharray="4,3"/.test(body), c.id);
    const endless = m.periods.some((p) => p.end === null) || m.spans.some((s) => s.end === null);
    assert.equal(has("no end stated"), endless, c.id);
    assert.equal(has("event"), c.events.length > 0, c.id);
    assert.equal(has(`stated ${lib.valueScale([c]).name}<`), m.points.length > 0, c.id);
    // Nothing is pale any more: "ongoing" is an arrowhead, an unknown time a bracket.
    assert.ok(!/fill-opacity="0.4"/.test(body), c.id);
  }
});

Deno.test("legend: a class that is another of its colour with a qualifier is one key, not a duplicate", () => {
  const labels = (xs: [string, string, boolean?][]) =>
    classLegend(xs.map(([drugClass, color, fallback]) => ({
      drugClass,
      color,
      fallback: fallback ?? false,
    }))).map((k) => `${k.label} ${k.color}`);
  // In either order, and with two qualifiers; the base's key keeps its colour and place.
  assert.deepEqual(labels([["class b", "#111111"], ["qualified class b", "#111111"]]), [
    "class b (incl. qualified) #111111",
  ]);
  assert.deepEqual(
    labels([["x", "#222222"], ["long one b", "#111111"], ["b", "#111111"], ["other b", "#111111"]]),
    ["x #222222", "b (incl. long one and other) #111111"],
  );
  // Unrelated names sharing a colour are listed as before; a name merely ending in another's
  // letters ("subclass" and "class") is unrelated.
  assert.deepEqual(labels([["a", "#111111"], ["b", "#111111"]]), ["a, b #111111"]);
  assert.deepEqual(labels([["subclass", "#111111"], ["class", "#111111"]]), [
    "subclass, class #111111",
  ]);
  // A fallback colour still says it holds in this figure only.
  assert.deepEqual(labels([["c", "#333333", true], ["new c", "#333333", true]]), [
    "c (incl. new) (colour of this figure only) #333333",
  ]);
});

Deno.test("timeline: a value stated for a period is a bar over the period, labelled with its value", () => {
  for (const c of series.cases) {
    for (const o of c.observations.filter((o) => o.span && o.common.lo === o.common.hi)) {
      const svg = svgText(caseTimelineFigure(c));
      // As the value axis prints it: bare on the values' own scale, with its unit on the common
      // metric ("5 points" of an NRS among verbal categories).
      const label = statedValue(o, lib.valueScale([c]).own);
      // A bar of the period's colour, 5 px thick, drawn as data (not only in the legend).
      const body = svg.replace(/<g [^>]*aria-label="legend">[\s\S]*?<\/g>/, "");
      const bars = (body.match(/<rect [^>]*>/g) ?? []).filter((r) =>
        r.includes('fill="#666666"') && r.includes('height="5"')
      );
      assert.ok(bars.length > 0, `case ${c.id}`);
      assert.match(svg, new RegExp(`>${label}</text>`), `case ${c.id}`);
    }
  }
});

Deno.test("spanBar: an exact value is a thick bar centred on it, a range a band from lo to hi", () => {
  const x = linearScale([0, 100], [0, 100]);
  const y = (v: number) => 100 - 10 * v;
  const period = { start: { lo: 0, hi: 0 }, end: { lo: 50, hi: 50 }, x, y, color: "#555555" };
  const exact = spanBar({ ...period, value: { lo: 8, hi: 8, nominal: 8 } });
  assert.deepEqual([exact.band, exact.y, exact.height], [false, y(8) - SPAN_BAR / 2, SPAN_BAR]);
  const range = spanBar({ ...period, value: { lo: 0, hi: 1, nominal: 0.5 } });
  assert.deepEqual([range.band, range.y, range.height], [true, y(1), y(0) - y(1)]);
});

Deno.test("every figure carries its source data: a row per drawn mark", () => {
  for (const c of series.cases) {
    const f = caseTimelineFigure(c);
    // A marker per value: a point's, or a period's.
    const points = f.data.filter((r) => r.panel === "values");
    assert.equal(points.length, dataCircles(svgText(f)), `case ${c.id}`);
    assert.equal(f.data.filter((r) => r.panel === "doses").length, c.treatments.length);
    assert.equal(f.data.filter((r) => r.panel === "events").length, c.events.length);
  }
  const es = lib.caseEffectSizes(series.cases, "NAP", lib.painOptions(series.study));
  const rows = forestRows(es.perCase, []);
  assert.deepEqual(forestFigure("NAP", rows).data.map((r) => r.series), rows.map((r) => r.label));
  const traj = trajectoriesFigure(series.cases);
  // Each value is a dot (a value over a period also gets its bar), in both panels; the other
  // rows are the phase lines.
  const values = traj.data.filter((r) => r.mark !== "phase line");
  assert.equal(values.length, dataCircles(svgText(traj)));
});

Deno.test("design: case colours are never drug-class colours (nor near one)", () => {
  const rgb = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
  const dist = (a: string, b: string) => Math.hypot(...rgb(a).map((v, i) => v - rgb(b)[i]));
  const classes = [...Object.values(DRUG_CLASS_COLORS), ...FALLBACK_COLORS];
  for (let i = 0; i < CASE_COLORS.length; i++) {
    const near = classes.filter((k) => dist(caseColor(i), k) < 80);
    assert.deepEqual(near, [], `case colour ${caseColor(i)}`);
  }
  // Stable: a case's colour is its position's, in every figure.
  assert.equal(caseColor(1), caseColor(1 + CASE_COLORS.length));
});

Deno.test("design: PNGs are at least 300 dpi at print size", async () => {
  const f = caseTimelineFigure(withValues, { width: "column" });
  const png = await pngBytes(f);
  const view = new DataView(png.buffer, png.byteOffset);
  const pixels = view.getUint32(16);
  const inches = Number(f.svg.getAttribute("width")) / 96;
  assert.ok(pixels / inches >= 300 - 0.5, `${pixels / inches} dpi`);
});

Deno.test("design: the two sensitivity figures have distinct titles; open bounds are drawn", () => {
  const row = { caseId: "1", quantity: "q", nominal: 1, lo: 0, hi: 2, variants: 9 };
  const a = svgText(sensitivityFigure([row], { varied: "baseline definition" }));
  const b = svgText(sensitivityFigure([row], { varied: "readings of the text" }));
  const title = (s: string) => s.match(/font-weight="bold"[^>]*>([^<]*)</)?.[1];
  assert.notEqual(title(a), title(b));
  const open = sensitivityFigure([{ ...row, openEnded: true }]);
  assert.ok(svgText(open).includes(">some variant gives no upper bound<"));
  assert.equal(open.data[0].x_hi, Infinity);
  assert.ok(!a.includes("no upper bound<"));
  // A nominal time the text does not date is a hollow dot, keyed; a dated one is filled.
  const undated = svgText(sensitivityFigure([{ ...row, nominalDated: false }]));
  assert.ok(undated.includes(">nominal time not dated by the text (a placeholder)<"));
  assert.ok(!undated.includes(">nominal analysis<"));
  assert.ok(!a.includes("not dated by the text"));
});

Deno.test("design: every data mark of a timeline carries its evidence as a <title>", () => {
  for (const c of series.cases) {
    const svg = svgText(caseTimelineFigure(c));
    for (const o of c.observations) assert.ok(svg.includes(escape(o.quote)), o.quote);
    for (const t of c.treatments) assert.ok(svg.includes(escape(t.quote)), t.quote);
    for (const e of c.events) assert.ok(svg.includes(escape(e.quote)), e.quote);
    // Dots without a <title> are the legend's only.
    assert.equal(count(svg, /<circle[^>]*><title>/g), dataCircles(svg));
  }
});

Deno.test("figure 1: a group of lanes per case that takes the drug, one shared time axis", () => {
  const all = [...series.cases, ...odd.values()];
  const f = seriesTimelineFigure(all);
  const svg = svgText(f);
  const takes = all.filter((c) => c.treatments.some((t) => t.drug === series.study.drug));
  // A case's heading: "Case N" in the margin beside its events, or "Case N: …" on a row.
  const headed = (id: string) => svg.includes(`>Case ${id}: `) || svg.includes(`>Case ${id}<`);
  for (const c of takes) {
    assert.ok(headed(c.id), c.id);
    // Every value, dose period and event of the case is a row of its source data.
    const rows = f.data.filter((r) => r.case === c.id);
    assert.equal(rows.filter((r) => r.mark === "dose period").length, c.treatments.length);
    assert.equal(rows.filter((r) => r.panel === "values").length, c.observations.length);
    assert.equal(rows.filter((r) => r.mark === "event").length, c.events.length);
  }
  for (const c of all.filter((c) => !takes.includes(c))) {
    assert.ok(!headed(c.id), c.id);
    assert.ok(svg.includes(`case ${c.id}`), `${c.id} named as not shown`);
  }
  // One time axis, at the bottom.
  assert.equal(count(svg, new RegExp(`>Days since the start of ${series.study.drug}`, "g")), 1);
  // Shared colours: one legend key per class colour.
  const legendPart = svg.match(/<g [^>]*aria-label="legend">[\s\S]*?<\/g>/)?.[0] ?? "";
  const fills = [...legendPart.matchAll(/<rect [^>]*fill="(#[0-9A-Fa-f]{6})"/g)].map((m) => m[1]);
  assert.equal(new Set(fills).size, fills.length);
});

Deno.test("before/after: three values per case, as stated, with the earlier drug named", () => {
  const f = beforeAfterFigure(series.cases);
  const svg = svgText(f);
  for (const c of series.cases) {
    const rows = f.data.filter((r) => r.series === `Case ${c.id}`);
    if (!lib.firstPeriod(c, series.study.drug)) {
      assert.equal(rows.length, 0, c.id);
      continue;
    }
    const aligned = lib.alignOnDrug(c, series.study.drug);
    const before = aligned.filter((o) => o.phase === "before").at(-1);
    const after = aligned.filter((o) => o.phase === "after");
    if (!before || !after.length) {
      assert.equal(rows.length, 0, c.id);
      continue;
    }
    // One value on the drug is one point (its first and last).
    const drawn = after.length > 1 ? [before, after[0], after.at(-1)!] : [before, after[0]];
    assert.deepEqual(
      rows.map((r) => r.x),
      ["last before", "first on", "last on"].slice(0, drawn.length),
    );
    assert.deepEqual(rows.map((r) => r.y), drawn.map((o) => o.common.nominal));
    // As stated: printed beside its point, or (where labels of many cases would collide) in the
    // point's hover title.
    const stated = statedValue(after.at(-1)!, true);
    assert.ok(
      svg.includes(`>${stated}<`) ||
        new RegExp(`<title>[^<]*\\b${stated.replace(".", "\\.")}\\b`).test(svg),
      c.id,
    );
    // The earlier drugs (from the last value before up to the start) include those the case
    // surely took for the indication at that value.
    const earlier = lib.activeTreatments(c, before.day.timeId).certain
      .filter((t) => t.drug !== series.study.drug && t.purpose === series.study.indication);
    for (const t of earlier) assert.ok(String(rows[0].earlier).includes(t.drug), c.id);
  }
});

Deno.test("verdicts: a disc per appraisal item and claim, every verdict with its own light", () => {
  const id = [...series.sources.keys()][0];
  const appraisal = lib.appraisalRows(series, id);
  const ledger = lib.claimsLedger(series);
  const items = verdictItems(appraisal, ledger, id);
  assert.equal(items.length, appraisal.length + ledger.filter((c) => c.sourceId === id).length);
  for (const it of items) assert.ok(it.verdict in VERDICT_STYLES, `no style for '${it.verdict}'`);
  const f = verdictFigure(items);
  assert.deepEqual(f.data.map((r) => r.verdict), items.map((i) => i.verdict));
  const svg = svgText(f);
  assert.equal(
    count(svg, /<g><circle[^>]*\/?>(<\/circle>)?<text[^>]*>[^<]*<\/text><title>/g),
    items.length,
  );
  // The legend names only lights drawn: one green/amber/red/grey/none key per light used.
  const lights = new Set(f.data.map((r) => r.light));
  const legendPart = f.svg.querySelector('[aria-label="legend"]')?.outerHTML ?? "";
  assert.equal(count(legendPart, /<circle/g), lights.size);
});

Deno.test("trajectories: the legend keys only what is drawn", () => {
  for (const cases of [series.cases, [...odd.values()]]) {
    const svg = svgText(trajectoriesFigure(cases));
    const legendPart = svg.match(/<g [^>]*aria-label="legend">[\s\S]*?<\/g>/)?.[0] ?? "";
    const body = svg.replace(legendPart, "");
    assert.equal(
      legendPart.includes(">dashed: open-ended or past the axis<"),
      /stroke-dasharray="3,2"/.test(body),
    );
    assert.equal(
      legendPart.includes("stated for a period<"),
      cases.some((c) =>
        c.observations.some((o) => o.span) &&
        c.treatments.some((t) => t.drug === series.study.drug)
      ),
    );
  }
});

Deno.test("verdicts: each claim is printed with the number the claims table gives it", () => {
  const rows = lib.claimRows(series);
  for (const id of series.sources.keys()) {
    const items = verdictItems(lib.appraisalRows(series, id), lib.claimsLedger(series), id);
    const svg = svgText(verdictFigure(items));
    const mine = rows.filter((r) => String(r.where).endsWith(`(${id})`));
    const claims = items.filter((i) => i.number !== undefined);
    assert.equal(claims.length, mine.length);
    claims.forEach((it, k) => {
      assert.equal(it.number, mine[k].no);
      assert.ok(it.label.includes(String(mine[k].claim)), `${it.number}: ${it.label}`);
      // A verdict rounding moves says what it becomes, as the table's column does.
      const moves = mine[k]["under rounding"] !== "holds";
      assert.equal(it.qualifier !== undefined, moves, `${it.number}: qualifier`);
      const printed = `${it.number} ${it.verdict}${moves ? ` (${it.qualifier})` : ""}: `;
      assert.ok(svg.includes(`>${printed}`), `${printed} not printed`);
    });
  }
});

Deno.test("verdicts: a claim's verdict that moves under rounding is printed with what it becomes", () => {
  const claim = {
    sourceId: "a",
    where: "w",
    quote: "q",
    verdict: "supported",
    evidence: "e",
    rounded: { verdict: "not supported" },
  };
  const [item] = verdictItems([], [claim], "a");
  assert.equal(item.qualifier, "not supported under rounding");
  const figure = verdictFigure([item]);
  assert.ok(svgText(figure).includes(">C1 supported (not supported under rounding): "));
  assert.match(figure.svg.textContent!.replace(/\s/g, ""), /sayswhatitbecomes/);
  assert.equal(figure.data[0].qualifier, "not supported under rounding");
  const [same] = verdictItems([], [{ ...claim, rounded: { verdict: "supported" } }], "a");
  assert.equal(same.qualifier, undefined);
});

/** WCAG relative luminance of a colour written #RRGGBB or "white". */
const lum = (color: string) => {
  const hex = color === "white" ? "#FFFFFF" : color;
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
/** WCAG contrast ratio of two colours. */
const contrast = (a: string, b: string) => {
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

Deno.test("drug-class colours stand out from white paper (contrast ≥ 3:1, WCAG non-text contrast)", () => {
  for (const [cls, color] of Object.entries(DRUG_CLASS_COLORS)) {
    const ratio = contrast(color, "white");
    assert.ok(ratio >= 3, `${cls} ${color}: contrast ${ratio.toFixed(2)}:1 on white`);
  }
});

Deno.test("verdicts: every glyph stands out from its disc (contrast ≥ 3:1), read in grey too", () => {
  for (const [verdict, s] of Object.entries(VERDICT_STYLES)) {
    const ratio = contrast(s.ink, s.color);
    assert.ok(ratio >= 3, `${verdict}: glyph ${s.ink} on ${s.color} has ${ratio.toFixed(2)}:1`);
  }
});

Deno.test("verdicts: each legend key is the disc its rows draw, glyph included", () => {
  const id = [...series.sources.keys()][0];
  const f = verdictFigure(
    verdictItems(lib.appraisalRows(series, id), lib.claimsLedger(series), id),
  );
  const legendPart = f.svg.querySelector('[aria-label="legend"]')?.outerHTML ?? "";
  const lights = new Set(f.data.map((r) => r.light));
  const styles = [...lights].map((l) => Object.values(VERDICT_STYLES).find((s) => s.light === l)!);
  assert.ok(styles.length > 1);
  for (const s of styles) {
    assert.ok(legendPart.includes(`>${escape(s.glyph)}</text>`), `no '${s.glyph}' in the legend`);
  }
});

Deno.test("before/after: a value axis with ticks; an earlier drug without a dose reads 'drug (dose not stated)'", () => {
  const f = beforeAfterFigure(series.cases);
  const svg = svgText(f);
  const sl = lib.scaleLabel(series.cases.flatMap((c) => c.observations.map((o) => o.scale)));
  for (const v of [sl.min, sl.max]) {
    assert.match(svg, new RegExp(`text-anchor="end"[^>]*>${v}</text>`), `tick ${v}`);
  }
  assert.ok(svg.includes(`↑ ${sl.label}`), "the axis is named");
  // The cases whose earlier drug is named, with its dose unknown.
  const named = series.cases.filter((c) =>
    beforeAfterFigure([c]).data.some((r) =>
      /^until [^:]+: (?!no drug|possibly)/.test(String(r.earlier))
    )
  );
  assert.ok(named.length > 0);
  for (const c of named) {
    const unknown = {
      ...c,
      treatments: c.treatments.map((t) =>
        t.drug === c.study.drug ? t : { ...t, dose: null, doseWords: null }
      ),
    };
    const earlier = String(beforeAfterFigure([unknown]).data[0].earlier);
    assert.match(earlier, /^until [^:]+: [^(]+ \(dose not stated\)/, earlier);
  }
});

Deno.test("timelines: a phase says 'stopped' at its drawn day only where the words bound the end; else why not", () => {
  let open = 0;
  // A drug for the pain stopped at a time bounded by nothing after it (a stepwise switch whose
  // last dose is dated only after the new drug's start, and ends no later period).
  const span = odd.get("odd-span")!;
  const first = span.treatments.find((t) => t.drug === span.study.drug)!;
  const replaced = { ...first, drug: "a replaced drug", drugClass: "SSRI" };
  assert.equal(first.end?.hi, Infinity);
  const switched = { ...span, treatments: [...span.treatments, replaced] };
  for (const c of [...series.cases, ...odd.values(), switched]) {
    const m = timelineModel(c);
    for (const ph of m.phases.filter((p) => p.change === "stopped")) {
      assert.ok(Number.isFinite(ph.t.window.hi), `case ${c.id}: '${ph.label}' has no stated end`);
    }
    const openEnds = m.phases.filter((p) => p.change !== "stopped" && p.change.includes("stop"));
    for (const ph of openEnds) {
      assert.ok(!Number.isFinite(ph.t.window.hi), ph.label);
      assert.match(ph.label, /stopped, (day not stated|not dated from .+)$/);
    }
    open += openEnds.length;
  }
  // The constructed case has such an end, so the assertions above can fail.
  assert.ok(open > 0);
});

Deno.test("sensitivity: every axis starts at zero; the caption says what each count of variants is", () => {
  const rows = [
    { caseId: "1", quantity: "q", nominal: 30, lo: 30, hi: 65, variants: 9, over: "A × B" },
    { caseId: "all", quantity: "r", nominal: 3, lo: 3, hi: 3, variants: 3, over: "A only" },
  ];
  const f = sensitivityFigure(rows);
  const svg = svgText(f);
  // Each panel's tick labels start at 0.
  for (const q of ["q", "r"]) {
    const part = svg.split(`aria-label="${q}"`)[0].split("<svg").at(-1)!;
    const ticks = [...part.matchAll(/y="0\.71em">([^<]*)</g)].map((m) => Number(m[1]));
    assert.equal(Math.min(...ticks), 0, `${q}: ticks ${ticks}`);
  }
  const caption = f.svg.textContent ?? "";
  assert.ok(svg.includes("9 = A × B") && svg.includes("3 = A only"), caption);
  // From the table: the rows name the baselines and bounds they vary over.
  const table = lib.sensitivityTable(series.cases);
  for (const r of sensitivityIntervals(table)) assert.match(r.over ?? "", /baseline definition/);
});

Deno.test("figure 1: one dose scale per drug across cases, as the caption says", () => {
  // Two cases on the drug at 100 and at 25 mg/day: the 25 mg/day bar is the shorter one.
  const own = aroundDrug(series.study);
  const days = { before: 5, start: 10, after: 20 };
  const onDose = (id: string, dose: number) => ({
    ...makeCase(days, [{ drug: own.study.drug, dose, start: "start", end: null }], {
      before: 6,
      after: 4,
    }),
    id,
    study: own.study,
  });
  const f = seriesTimelineFigure([onDose("A", 100), onDose("B", 25)]);
  const bars = [...f.svg.querySelectorAll('g[aria-label="dose periods"] rect')];
  const height = (dose: number) =>
    Number(bars.find((r) => r.textContent?.includes(` ${dose} mg/day`))?.getAttribute("height"));
  assert.ok(height(25) < height(100), `25 mg/day: ${height(25)}, 100 mg/day: ${height(100)}`);
  assert.match(
    (f.svg.textContent ?? "").replace(/\s+/g, ""),
    /height:onescaleperdrugacrosscases/,
  );
});

Deno.test("figure 1: three cases fit a journal page (≤ 235 mm tall at full width)", () => {
  // The first article's cases (another article's would add lanes, or a line naming those left
  // out): a page holds three cases' lanes; more cases may need more than a page.
  const cases = articleCases(series);
  const takes = cases.filter((c) => lib.firstPeriod(c, series.study.drug));
  if (takes.length > 3) return;
  const f = seriesTimelineFigure(cases);
  const mm = Number(f.svg.getAttribute("height")) / 96 * 25.4;
  assert.ok(mm <= 235, `${mm.toFixed(0)} mm`);
});

Deno.test("before/after: the middle column's values keep their dots' order", () => {
  const f = beforeAfterFigure(series.cases);
  const svg = svgText(f);
  const mid = f.data.filter((r) => r.x === "first on");
  const ys = mid.map((r) => {
    const hits = [...svg.matchAll(/<text [^>]*y="([\d.]+)"[^>]*>([^<]*)<\/text>/g)]
      .filter((m) => m[2] === r.label);
    return hits.length === 1 ? Number(hits[0][1]) : null;
  });
  for (let i = 0; i < mid.length; i++) {
    for (let j = 0; j < mid.length; j++) {
      const [a, b] = [ys[i], ys[j]];
      if (a === null || b === null || Number(mid[i].y) <= Number(mid[j].y)) continue;
      assert.ok(a < b, `'${mid[i].label}' (higher value) is printed below '${mid[j].label}'`);
    }
  }
});

Deno.test("verdicts panel: its title says plainly when the article is not appraised", () => {
  const appraised = [...series.sources.keys()].find((id) => {
    const r = series.articles?.records.get(id);
    return r?.appraisal && r.claims?.length;
  })!;
  assert.ok(appraised, "an article with an appraisal and claims");
  const title = (s: lib.CaseSeries) =>
    VERDICTS.build({ series: s, sourceId: appraised }, { width: "full" }).svg
      .querySelector("title, text")?.textContent ?? "";
  assert.match(title(series), /appraisal checklists and claims$/);
  const records = new Map(series.articles!.records);
  records.set(appraised, { ...records.get(appraised)!, appraisal: null });
  const without = { ...series, articles: { ...series.articles!, records } };
  assert.match(title(without), /its claims \(the article is not appraised\)$/);
});

Deno.test("verdicts panel: its title names the article as a reader cites it, not by its key", () => {
  for (const [id, source] of series.sources) {
    const svg = VERDICTS.build({ series, sourceId: id }, { width: "full" }).svg;
    const title = svg.querySelector("title, text")?.textContent ?? "";
    // Its short citation; a citation with no author and year to cite by falls back to the key.
    const cited = lib.shortCitation({ study: id, citation: source.citation });
    assert.ok(title.includes(`Verdicts on ${cited}`), `${id}: '${title}'`);
    if (cited !== id) assert.ok(!title.includes(id), `${id}: '${title}'`);
    // Nor does the sentence that says why an article has no panel.
    const records = new Map(series.articles!.records);
    records.set(id, { ...records.get(id)!, appraisal: null, claims: [] });
    const bare = { ...series, articles: { ...series.articles!, records } };
    const why = VERDICTS.omission!({ series: bare, sourceId: id }) ?? "";
    assert.ok(why.startsWith(`No verdicts to draw for ${cited}:`), why);
  }
});

Deno.test("sensitivity: rows no variant defines are said under the figure with their reason, not drawn, not in its data", () => {
  const rows = [
    { caseId: "1", quantity: "q", nominal: 30, lo: 30, hi: 65, variants: 9 },
    { caseId: "1", quantity: "r", nominal: 3, lo: 3, hi: 3, variants: 9 },
    { caseId: "4", quantity: "q", nominal: null, lo: null, hi: null, variants: 9, defined: 0 },
    {
      caseId: "4",
      quantity: "r",
      nominal: null,
      lo: null,
      hi: null,
      variants: 9,
      defined: 0,
      reason: "not reached by day 30",
    },
  ];
  const f = sensitivityFigure(rows);
  const svg = svgText(f);
  assert.doesNotMatch(svg, /none of 9 defined/);
  assert.doesNotMatch(svg, />Case 4</);
  assert.match(
    figureWords(f),
    /Not drawn, no value under any variant: Case 4 \(q; r: not reached by day 30\)\./,
  );
  // The figure's data (its CSV) is what it draws.
  assert.deepEqual(f.data.map((d) => d.series), ["Case 1", "Case 1"]);
  assert.match(f.description, /, 2 rows\.$/);
  // Nothing defined at all: no empty row is drawn either.
  const none = sensitivityFigure(rows.filter((r) => r.caseId === "4"));
  assert.deepEqual(none.data, []);
  assert.doesNotMatch(svgText(none), />Case 4<|none of 9 defined/);
  assert.match(figureWords(none), /Not drawn, .*Case 4/);
});

Deno.test("sensitivity figures: a case the analysis leaves out is named once under them with its reason, not drawn", () => {
  const s = aroundDrug(series.study);
  const excluded = lib.sensitivityExclusions(s.cases);
  assert.ok(excluded.length > 0);
  const variants = [{ name: "as extracted", series: s, readings: [] }];
  for (const f of [SENSITIVITY.build(s), SENSITIVITY_READINGS.build(variants)]) {
    const svg = svgText(f);
    const text = figureWords(f);
    for (const e of excluded) {
      // No empty row: it is drawn only for a quantity it has a value for (the drug's start, over
      // the readings), and the figure's data is what is drawn.
      const mine = f.data.filter((d) => d.series === `Case ${e.caseId}`);
      assert.ok(mine.every((d) => d.x_lo !== null), e.caseId);
      assert.equal(count(svg, new RegExp(`>Case ${e.caseId}<`, "g")), mine.length, e.caseId);
      const said = text.match(new RegExp(`(?<![\\w-])${e.caseId}(?![\\w-])`, "g")) ?? [];
      // Named once under the figure (besides its rows' labels), with its reason.
      assert.equal(said.length, 1 + mine.length, `${e.caseId}: ${text}`);
      assert.ok(text.includes(e.reason), `${e.reason}: ${text}`);
    }
    assert.doesNotMatch(svg, /none of \d+ defined/);
    assert.ok(f.data.some((d) => d.series === "Case ok"));
  }
});

Deno.test("timeline: a dose change at a value's own visit breaks the line after that value, not the one into it", () => {
  // Same-visit rule (data/README.md): the value at day 20 reflects the dose before the change.
  const built = makeCase(
    { start: 5, v1: 10, v2: 20, v3: 30 },
    [
      { drug: "a", dose: 20, start: "start", end: "v2" },
      { drug: "a", dose: 40, start: "v2", end: null },
    ],
    { v1: 6, v2: 5, v3: 2 },
  );
  const c = {
    ...built,
    study: series.study,
    treatments: built.treatments.map((t) => ({ ...t, purpose: series.study.indication })),
  };
  const m = timelineModel(c, { alignOn: null });
  const ids = m.points.map((p) => p.o.day.timeId);
  assert.deepEqual(ids, ["v1", "v2", "v3"]);
  assert.ok(m.phases.some((ph) => ph.label.includes("40")), "the change is a phase");
  // v1–v2 joined (both on 20 mg/day), v2–v3 broken (across the change to 40).
  assert.deepEqual(joinedPoints(m), [1]);
});

Deno.test("timeline: a time's window is the days the case's network allows, on day 0's axis as on the aligned one", () => {
  // a is on day 5 or later by its own rule, and starts the drug's period that ends at b (days 20
  // to 30): a is on days 5 to 30, drawn with a bracket, not an open arrow.
  const built = makeCase({ v0: 1, a: [5, Infinity], b: [20, 30] }, [
    { drug: "a", dose: 20, start: "a", end: "b" },
  ], { v0: 6 });
  const c = {
    ...built,
    study: { ...series.study, drug: "a" },
    treatments: built.treatments.map((t) => ({ ...t, purpose: series.study.indication })),
  };
  const window = (alignOn: string | null) => timelineModel(c, { alignOn }).periods[0].start.window;
  assert.deepEqual(window(null), { lo: 5, hi: 30 });
  // Aligned on the drug's start, the start is its own origin.
  assert.deepEqual(window("a"), { lo: 0, hi: 0 });
  const end = timelineModel(c, { alignOn: null }).periods[0].end!.window;
  assert.deepEqual(end, { lo: 20, hi: 30 });
});

Deno.test("timeline: a change on a value's day but at another time point breaks the line after that value", () => {
  // A value at a visit (v1, day 20), the drug started at that visit as a time point of its own
  // (start, day 20: 0 days after it), then a value on the drug (v2, day 30). The analyses put v1
  // before the drug (its days since the start are [0, 0]: the same-visit rule); the line must
  // not join v1 to v2 across the start.
  const built = makeCase(
    { early: 10, v1: 20, start: 20, v2: 30, v3: 40 },
    [{ drug: "a", dose: 20, start: "start", end: null }],
    { early: 7, v1: 6, v2: 3, v3: 2 },
  );
  const c = {
    ...built,
    study: { ...series.study, drug: "a" },
    treatments: built.treatments.map((t) => ({ ...t, purpose: series.study.indication })),
  };
  assert.equal(lib.alignOnDrug(c, "a").find((o) => o.day.timeId === "v1")!.phase, "before");
  for (const alignOn of ["a", null]) {
    const m = timelineModel(c, { alignOn });
    const ids = m.points.map((p) => p.o.day.timeId);
    assert.deepEqual(ids, ["early", "v1", "v2", "v3"]);
    // Drawn at the same position as the change, on another time point: the case this is about.
    const start = m.phases.find((ph) => ph.t.timeId === "start")!;
    assert.equal(start.t.pos, m.points[1].t.pos);
    // early–v1 joined (both before the drug), v1–v2 broken, v2–v3 joined.
    assert.deepEqual(joinedPoints(m), [1, 3], String(alignOn));
  }
});

Deno.test("sensitivity figures: not drawn, with why, when no row has a value (every case left out, or a drug no case takes)", () => {
  const s = aroundDrug(series.study);
  const variantsOf = (x: lib.CaseSeries) => [{ name: "as extracted", series: x, readings: [] }];
  // Drawn when a case has values.
  assert.equal(SENSITIVITY.omission(s), null);
  assert.equal(SENSITIVITY_READINGS.omission(variantsOf(s)), null);
  // Every case left out: the table's figure has no row with a value.
  const left = { ...s, cases: s.cases.filter((c) => lib.caseChange(c).points.length === 0) };
  const excluded = lib.sensitivityExclusions(left.cases);
  assert.equal(excluded.length, left.cases.length);
  assert.ok(SENSITIVITY.build(left).data.length === 0);
  const why = SENSITIVITY.omission(left);
  assert.match(why ?? "", /^No sensitivity figure over .*: no row has a value under any choice: /);
  assert.ok(why!.includes(noChangeNotes(excluded)[0]), why!);
  // A drug no case takes: neither figure has a row with a value.
  const drug = `${s.study.drug} (not taken)`;
  const study = { ...s.study, drug };
  const none = { ...s, study, cases: s.cases.map((c) => ({ ...c, study })) };
  const never = lib.sensitivityExclusions(none.cases);
  assert.ok(never.length === none.cases.length && never.every((e) => e.reason.includes(drug)));
  const texts = [SENSITIVITY.omission(none), SENSITIVITY_READINGS.omission(variantsOf(none))];
  for (const [text, file] of texts.map((t, i) => [t, ["sensitivity", "sensitivity-readings"][i]])) {
    // Each sentence names its own figure (a notebook shows both), and its cases in the sentence.
    assert.ok(text?.startsWith("No sensitivity figure over "), String(text));
    assert.ok(text!.includes(`(${file}): no row `), text!);
    assert.ok(text!.includes(noChangeNotes(never)[0]), text!);
    assert.doesNotMatch(text!, /(variant|choice): All cases/);
  }
  assert.notEqual(texts[0], texts[1]);
  // No row at all.
  assert.equal(sensitivityOmission([]), "No sensitivity figure: no row to draw.");
});

Deno.test("sensitivity figure: a study with no percent threshold is drawn", () => {
  const s = aroundDrug(series.study);
  const study = { ...s.study, thresholds: [{ kind: "points" as const, value: 2 }] };
  const f = SENSITIVITY.build({ ...s, study, cases: s.cases.map((c) => ({ ...c, study })) });
  assert.ok(f.data.some((d) => d.series === "Case ok"));
  assert.ok(!f.data.some((d) => /^responders|^days to/.test(String(d.panel))));
});

Deno.test("a timeline's alt text lists its drugs in prose, the events after a comma", () => {
  const made = makeCase(
    { a: 5, b: 10, c: 20, v1: 30 },
    [
      { drug: "drug-a", dose: 10, start: "a", end: "b" },
      { drug: "drug-b", dose: 10, start: "b", end: "c" },
      { drug: "drug-c", dose: 10, start: "c", end: null },
    ],
    { v1: 3 },
  );
  const c = { ...made, study: aroundDrug(series.study).study };
  const { description } = caseTimelineFigure(c);
  assert.match(description, / with 3 dose periods of drug-a, drug-b and drug-c, and 1 event\.$/);
  // One drug: no comma before the events.
  const one = { ...c, treatments: c.treatments.slice(0, 1) };
  assert.match(caseTimelineFigure(one).description, / with 1 dose period of drug-a and 1 event\.$/);
});

Deno.test("a timeline's hover texts and labels put the data's words mid-sentence in lower case, acronyms as written", () => {
  const made = makeCase(
    { s: 5, up: [20, 30], v1: 40 },
    [
      { drug: "drug-a", dose: 10, start: "s", end: "up" },
      { drug: "drug-a", dose: 20, start: "up", end: null },
    ],
    { v1: 3 },
  );
  const words: Record<string, string> = { s: "Drug-a was started", up: "Six months later" };
  const c = {
    ...made,
    study: aroundDrug(series.study).study,
    timepoints: made.timepoints.map((t) => ({ ...t, words: words[t.id] ?? "VAS report" })),
  };
  const f = caseTimelineFigure(c);
  const text = [f.svg.outerHTML, ...f.data.map((r) => String(r.label ?? ""))].join("\n");
  assert.match(text, /\(six months later\)/);
  assert.match(text, /\(drug-a was started\)/);
  assert.doesNotMatch(text, /Six months later|Drug-a was started/);
  // An all-capital first word keeps its capitals.
  assert.match(text, /\(VAS report\)/);
});
