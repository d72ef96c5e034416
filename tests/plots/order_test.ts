/**
 * Timelines keep the order the text narrates and draw windows as windows: no mark precedes the
 * point it follows (a dose increase never starts before the report that caused it, "the last
 * report" never sits on the relapse before it), and a dose period is a bar between the drawn
 * positions of its start and end, never a bar across the window its words allow.
 */
import assert from "node:assert/strict";
import { parseHTML } from "linkedom";
import { loadCaseSeries, relativeDay } from "../../lib/mod.ts";
import type { Case } from "../../lib/model.ts";
import { caseTimelineFigure, svgText } from "../../lib/plots/mod.ts";
import { narrativePositions } from "../../lib/plots/narrative.ts";
import { casePeriods } from "../../lib/time_network.ts";
import { dataWithFixture } from "../helpers/data_dir.ts";
import { oddCases } from "./odd_cases.ts";
import { makeCase } from "../helpers/constructed_case.ts";

const real = await loadCaseSeries();
const fixtureDir = await dataWithFixture();
const withFixture = await loadCaseSeries(fixtureDir);
await Deno.remove(fixtureDir, { recursive: true });

/** Drawn positions by time id, from a figure's source data. */
function drawnTimes(c: Case, alignOn: string | null | undefined): Map<string, number> {
  const at = new Map<string, number>();
  for (const r of caseTimelineFigure(c, { alignOn }).data) {
    for (const p of ["", "end_"]) {
      const id = r[`${p}time_id`];
      const x = r[`${p}x`];
      if (typeof id === "string" && typeof x === "number") at.set(id, x);
    }
  }
  return at;
}

/** Problems of narrative order in one case's timeline. */
function orderProblems(c: Case, alignOn: string | null | undefined): string[] {
  const at = drawnTimes(c, alignOn);
  const byId = new Map(c.timepoints.map((t) => [t.id, t]));
  const out: string[] = [];
  for (const t of c.timepoints) {
    const x = at.get(t.id);
    if (x === undefined) continue;
    for (const [other, rel] of [[t.anchor, t.rule], [t.bound, "bound"]] as const) {
      const y = other === null ? undefined : at.get(other);
      if (y === undefined) continue;
      // After its anchor when the text says "after", not before it when it gives a distance
      // ≥ 0; before it when it says "before" or gives a negative distance; before the later
      // point that bounds it.
      const offset = byId.get(t.id)!.offset.nominal;
      const before = rel === "bound" || rel === "before" || (rel !== "after" && offset < 0);
      const bad = before ? !(x < y) : rel === "after" ? !(x > y) : !(x >= y);
      if (bad) out.push(`case ${c.id}: ${t.id} (${rel} ${other}) drawn at ${x}, ${other} at ${y}`);
    }
  }
  return out;
}

/** Problems of windows drawn as durations: each bar must span its drawn start to its end. */
function durationProblems(c: Case, alignOn: string | null | undefined): string[] {
  const f = caseTimelineFigure(c, { alignOn });
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${svgText(f)}</body></html>`);
  // The time scale, from the drawn dots and the positions their rows give.
  const dots = [...document.querySelectorAll("circle")].filter((e) => e.querySelector("title"));
  const points = f.data.filter((r) => r.mark === "point");
  const xs = points.map((r) => r.x as number);
  const i = xs.indexOf(Math.min(...xs));
  const j = xs.indexOf(Math.max(...xs));
  if (dots.length !== points.length || points.length < 2 || xs[i] === xs[j]) return [];
  const px = (k: number) => Number(dots[k].getAttribute("cx"));
  // Dots are drawn in order of position.
  const sorted = [...xs].sort((a, b) => a - b);
  const b = (px(dots.length - 1) - px(0)) / (sorted.at(-1)! - sorted[0]);
  const a = px(0) - b * sorted[0];
  const out: string[] = [];
  const bars = [...document.querySelectorAll("rect")].filter((e) => e.querySelector("title"));
  for (const r of f.data.filter((r) => r.mark === "dose period")) {
    const bar = bars.find((e) =>
      e.querySelector("title")!.textContent!.startsWith(`${r.series} ${r.label}`)
    );
    if (!bar) {
      out.push(`case ${c.id}: no bar for ${r.series} ${r.label}`);
      continue;
    }
    const x1 = Number(bar.getAttribute("x"));
    const want = a + b * (r.x as number);
    const drawnFrom = (x1 - a) / b;
    if (Math.abs(x1 - want) > 1) {
      out.push(
        `case ${c.id}: ${r.series} ${r.label} starts at day ${drawnFrom.toFixed(1)}, its mark ` +
          `is at ${r.x} (window ${r.x_lo}–${r.x_hi})`,
      );
    }
    if (typeof r.end_x === "number") {
      const x2 = x1 + Number(bar.getAttribute("width"));
      const end = a + b * r.end_x;
      if (x2 - end > 2.5) {
        out.push(
          `case ${c.id}: ${r.series} ${r.label} runs to day ${((x2 - a) / b).toFixed(1)}, ` +
            `past its end at ${r.end_x} (window ${r.end_x_lo}–${r.end_x_hi})`,
        );
      }
    }
  }
  return out;
}

const all = [...withFixture.cases, ...oddCases(real.study)];

Deno.test("timelines: no mark is drawn before the point it follows or after its bound", () => {
  for (const alignOn of [undefined, null]) {
    assert.deepEqual(all.flatMap((c) => orderProblems(c, alignOn)), []);
  }
});

Deno.test("timelines: a dose period is a bar from its drawn start to its drawn end", () => {
  for (const alignOn of [undefined, null]) {
    assert.deepEqual(all.flatMap((c) => durationProblems(c, alignOn)), []);
  }
});

Deno.test("the real data have points placed only by the narrative (the test above can fail)", () => {
  const after = real.cases.flatMap((c) =>
    c.timepoints.filter((t) =>
      t.rule === "after" && t.anchor !== null &&
      t.day.nominal === c.timepoints.find((a) => a.id === t.anchor)!.day.nominal
    )
  );
  assert.ok(after.length > 0);
});

Deno.test("narrative positions never leave the days the words allow, even with a large step", () => {
  for (const c of all) {
    for (const step of [0.5, 5, 50]) {
      const pos = narrativePositions(c, step);
      for (const t of c.timepoints) {
        const p = pos.get(t.id)!;
        assert.ok(p >= t.day.lo && p <= t.day.hi, `case ${c.id}: ${t.id} at ${p} (step ${step})`);
      }
    }
  }
});

Deno.test("narrative positions never leave the days the case's periods allow either", () => {
  // x is after a (day 10) by the narrative alone, so its own days are [10, inf); but it starts a
  // period that ends at e, also day 10: x is on day 10, and is drawn there, not a step after a.
  const built = makeCase({ a: 10, e: 10, x: [10, Infinity] }, [
    { drug: "d", dose: 10, start: "x", end: "e" },
  ], {});
  const c: Case = {
    ...built,
    timepoints: built.timepoints.map((t) =>
      t.id === "x"
        ? { ...t, rule: "after", anchor: "a", offset: { lo: 0, hi: Infinity, nominal: 0 } }
        : t
    ),
  };
  assert.equal(narrativePositions(c, 1).get("x"), 10);
  // Without the period the narrative draws it a step after a.
  assert.equal(narrativePositions({ ...c, treatments: [] }, 1).get("x"), 11);
  for (const c of all) {
    const origin = c.timepoints.find((t) => t.rule === "origin")!.id;
    const pos = narrativePositions(c, 5);
    for (const t of c.timepoints) {
      const days = relativeDay(c, t.id, origin);
      const p = pos.get(t.id)!;
      assert.ok(p >= days.lo && p <= days.hi, `case ${c.id}: ${t.id} at ${p}`);
    }
  }
});

Deno.test("a period whose two ends are undated is never drawn backwards", () => {
  // zz_end is only after day 0 (nominal day 0), zz_start only after the last point (nominal day
  // 190): the nominal days run backwards, but the period puts its start at or before its end.
  const built = makeCase({ a: 80, last: 190, zz_end: [0, Infinity], zz_start: [190, Infinity] }, [
    { drug: "d", dose: 10, start: "zz_start", end: "zz_end" },
  ], { a: 5, last: 3 });
  const after = (anchor: string, nominal: number) => ({
    rule: "after" as const,
    anchor,
    offset: { lo: 0, hi: Infinity, nominal: 0 },
    nominal,
  });
  const undated: Record<string, ReturnType<typeof after>> = {
    zz_end: after("t0", 0),
    zz_start: after("last", 190),
  };
  const c: Case = {
    ...built,
    study: real.study,
    timepoints: built.timepoints.map((t) => {
      const u = undated[t.id];
      return u === undefined ? t : {
        ...t,
        rule: u.rule,
        anchor: u.anchor,
        offset: u.offset,
        day: { ...t.day, nominal: u.nominal },
      };
    }),
  };
  for (const step of [0.5, 5]) {
    const pos = narrativePositions(c, step);
    assert.ok(pos.get("zz_start")! > 190, `step ${step}: start a step after the last point`);
    assert.ok(pos.get("zz_start")! <= pos.get("zz_end")!, `step ${step}: ${[...pos]}`);
  }
  // The figure's bar runs forwards.
  const bar = caseTimelineFigure(c, {}).data.find((r) => r.mark === "dose period")!;
  assert.ok((bar.x as number) <= (bar.end_x as number), `${bar.x} → ${bar.end_x}`);
  // Every period of every case, too.
  for (const k of all) {
    const pos = narrativePositions(k, 5);
    for (const p of casePeriods(k)) {
      if (p.end === null) continue;
      assert.ok(pos.get(p.start)! <= pos.get(p.end)!, `case ${k.id}: ${p.start} → ${p.end}`);
    }
  }
});
