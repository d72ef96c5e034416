/**
 * Figure builders on the real dataset and on a small synthetic case: marks exist, axes span what
 * they must, an empty phase still renders, and two renders are byte-identical.
 */
import assert from "node:assert/strict";
import {
  type Case,
  caseEffectSizes,
  loadCaseSeries,
  responderCurve,
  sensitivityTable,
} from "../lib/mod.ts";
import {
  caseTimelineFigure,
  displayBundle,
  forestFigure,
  forestRows,
  pngBytes,
  responderCurveFigure,
  sensitivityFigure,
  svgText,
  trajectoriesFigure,
} from "../lib/plots/mod.ts";

const series = await loadCaseSeries();
const [c1, c2, c3] = series.cases;

const count = (svg: string, re: RegExp) => (svg.match(re) ?? []).length;

Deno.test("timeline: one point per VAS, one whisker each way, one lane per drug, dose labels", () => {
  const svg = svgText(caseTimelineFigure(c1));
  assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.equal(count(svg, /<circle/g), 4);
  for (const drug of ["diclofenac", "paroxetine", "milnacipran"]) {
    assert.ok(svg.includes(`>${drug}<`));
  }
  for (const dose of ["10", "20", "30", "40", "100", "75"]) {
    assert.ok(svg.includes(`>${dose}</text>`), dose);
  }
  assert.ok(svg.includes(">6.6<") && svg.includes(">0.6<"));
  assert.ok(svg.includes("Days since the start of milnacipran"));
  for (const e of ["amputation", "phantom pain onset"]) assert.ok(svg.includes(`>${e}<`));
  // Case 3: the stated range is a vertical whisker labelled [0, 1]; recurrence is marked.
  const s3 = svgText(caseTimelineFigure(c3));
  assert.ok(s3.includes(">[0, 1]<") && s3.includes(">recurrence<"));
  // The VAS axis is 0–10 for every case.
  for (const c of series.cases) {
    const s = svgText(caseTimelineFigure(c));
    assert.ok(s.includes(">10<") && s.includes(">0<") && s.includes("Pain VAS (cm)"));
  }
});

Deno.test("timeline: day-0 axis option and a drug never taken", () => {
  assert.ok(svgText(caseTimelineFigure(c1, { alignOn: null })).includes("Days since day 0"));
  assert.throws(() => caseTimelineFigure(c2, { alignOn: "paroxetine" }), /never takes paroxetine/);
});

/** A synthetic case with no value before the drug. */
function syntheticCase(): Case {
  const day = (timeId: string, nominal: number, depth: number) => ({
    lo: nominal,
    hi: nominal,
    nominal,
    timeId,
    depth,
    order: depth,
  });
  const tp = (id: string, anchor: string | null, n: number, depth: number) => ({
    id,
    rule: anchor === null ? "origin" as const : "exact" as const,
    anchor,
    bound: null,
    day: day(id, n, depth),
    offset: { lo: n, hi: n, nominal: n },
    depth,
    order: depth,
    words: id,
    quote: id,
  });
  const t0 = tp("t0", null, 0, 0);
  const s = tp("start", "t0", 5, 1);
  const o = tp("obs", "start", 3, 2);
  return {
    id: "S",
    sourceId: "synthetic",
    age: 50,
    sex: "female",
    sds: null,
    limb: "upper",
    side: "left",
    level: "wrist",
    cause: "synthetic",
    day0: "synthetic",
    timepoints: [t0, s, o],
    treatments: [{
      drug: "milnacipran",
      drugClass: "SNRI",
      doseMgPerDay: 50,
      start: s.day,
      end: null,
      purpose: "phantom limb pain",
      outcome: null,
      quote: "q",
    }],
    observations: [{
      day: o.day,
      vas: { lo: 2, hi: 2, nominal: 2 },
      words: "2",
      note: null,
      quote: "q",
    }],
    events: [{ kind: "amputation", day: t0.day, description: "d", quote: "q" }],
  };
}

Deno.test("timeline: a case with no observation before the drug still renders", () => {
  const svg = svgText(caseTimelineFigure(syntheticCase()));
  assert.equal(count(svg, /<circle/g), 1);
  assert.ok(svg.includes(">milnacipran<") && svg.includes(">50</text>"));
});

Deno.test("trajectories, forest, responder curve and sensitivity figures have their marks", () => {
  const t = svgText(trajectoriesFigure(series.cases));
  assert.equal(count(t, /<circle/g), 2 * 12);
  assert.ok(t.includes("30% reduction") && t.includes("50% reduction") && t.includes(">Case 3<"));
  const es = caseEffectSizes(series.cases, "LRRd", { improvement: "decrease" });
  const f = svgText(forestFigure("LRRd", forestRows(es.perCase, [es.aggregate])));
  // Case 1 has a CI bar; cases 2 and 3 are undefined and say why, with no bar.
  assert.ok(f.includes("undefined: a phase with one observation"));
  assert.equal(count(f, /<circle/g), 2);
  const r = svgText(responderCurveFigure(responderCurve(series.cases)));
  assert.ok(r.includes("first post-drug VAS") && r.includes("n = 3"));
  const s = svgText(sensitivityFigure(sensitivityTable(series.cases)));
  assert.ok(s.includes("days to 50% reduction") && count(s, /<path/g) > 20);
});

Deno.test("two renders are byte-identical (SVG and PNG); PNG is a PNG", async () => {
  const a = caseTimelineFigure(c2);
  const b = caseTimelineFigure(c2);
  assert.equal(svgText(a), svgText(b));
  const pa = await pngBytes(a);
  const pb = await pngBytes(b);
  assert.deepEqual(pa, pb);
  assert.equal(new TextDecoder().decode(pa.slice(1, 4)), "PNG");
  const bundle = await displayBundle(a);
  assert.deepEqual(Object.keys(bundle).sort(), ["image/png", "image/svg+xml", "text/plain"]);
  assert.match(bundle["text/plain"], /^Case 2: 3 stated VAS values/);
});
