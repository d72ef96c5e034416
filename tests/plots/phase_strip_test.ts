/**
 * The phase strip's rows (lib/plots/timeline_panels.ts, `phaseStrip`): a label whose stem would
 * cross one label below takes a row in use, its stem drawn behind that label's halo, rather than
 * a row more (a stepwise switch adds labels near a drug's start: the figure keeps its height).
 */
import assert from "node:assert/strict";
import type { Phase } from "../../lib/plots/timeline_model.ts";
import { measureText } from "../../lib/plots/fonts.ts";
import { phaseClusters, phaseStrip } from "../../lib/plots/timeline_panels.ts";
import { linearScale } from "../../lib/plots/uncertainty.ts";

/** A phase at `pos` days with a label. */
const phase = (pos: number, label: string): Phase => ({
  t: {
    timeId: label,
    pos,
    window: { lo: pos, hi: pos },
    words: label,
    dated: true,
    placements: [],
  },
  label,
  drug: label,
  change: label,
  title: label,
  sides: {},
});

Deno.test("phase strip: a label whose stem crosses one label below shares a row in use", () => {
  const x = linearScale([0, 100], [0, 600]);
  const strip = phaseStrip(
    [
      phase(0, "drug-a 10 mg/day; drug-d 20 mg/day; drug-e 5 mg/day"),
      // Its label runs into the first one's (a row below it) and past the last change's line.
      phase(
        30,
        "drug-b stopped, day not stated; drug-c 100 mg/day; drug-f 1 mg/day, 2 mg/day",
      ),
      // At the right edge: its label goes left of its line, whose stem crosses the one above.
      phase(95, "drug-c 75 mg/day"),
    ],
    x,
    600,
  );
  const texts = [...strip.querySelectorAll("text")];
  const y = (label: string) =>
    Number(texts.find((t) => t.textContent === label)!.getAttribute("y"));
  const crossed = texts.find((t) => t.textContent!.startsWith("drug-b"))!;
  // Two rows, not three: the last label shares the first row.
  assert.equal(y("drug-c 75 mg/day"), y("drug-a 10 mg/day; drug-d 20 mg/day; drug-e 5 mg/day"));
  assert.ok(y(crossed.textContent!) > y("drug-a 10 mg/day; drug-d 20 mg/day; drug-e 5 mg/day"));
  assert.equal(new Set(texts.map((t) => t.getAttribute("y"))).size, 2);
  // The label its stem crosses has a halo that breaks the stem behind its text.
  assert.equal(crossed.getAttribute("stroke"), "white");
});

Deno.test("phase strip: a label over its own line has no other stem within 3 px through its text", () => {
  // Three changes 1.76 px apart on a single-column strip: the second label fits on neither side
  // of its line, and stood over it with the first change's stem through its text.
  const x = linearScale([0, 321], [0, 321]);
  const labels = [
    "drug-a 75 mg/day",
    "drug-a stopped, day not stated, a long label",
    "drug-b 25 mg/day",
  ];
  const strip = phaseStrip(
    labels.map((label, i) => ({ ...phase(169.4 + 1.76 * i, label), drug: `d${i}` })),
    x,
    321,
  );
  const kids = [...strip.children];
  for (const t of kids.filter((e) => e.tagName.toLowerCase() === "text")) {
    const w = measureText(t.textContent!, Number(t.getAttribute("font-size"))).width;
    const tx = Number(t.getAttribute("x"));
    const x1 = t.getAttribute("text-anchor") === "end" ? tx - w : tx;
    const base = Number(t.getAttribute("y"));
    for (const l of kids.filter((e) => e.tagName.toLowerCase() === "line")) {
      const lx = Number(l.getAttribute("x1"));
      const through = lx > x1 + 1 && lx < x1 + w - 1 &&
        Number(l.getAttribute("y1")) < base && Number(l.getAttribute("y2")) > base - 7;
      const hidden = t.getAttribute("stroke") === "white" && kids.indexOf(t) > kids.indexOf(l);
      assert.ok(!through || hidden, `the line at ${lx} runs through '${t.textContent}'`);
    }
  }
});

Deno.test("phase strip: the changes drawn at one line stay in one label (never one of them merged back)", () => {
  // A switch: drug-b and drug-a change at one line, a few px later drug-a stops and drug-b changes
  // dose at the next line. There is room to merge drug-a's stop back into the first label but not
  // both changes of the second line: both keep a label on their own line.
  const x = linearScale([0, 100], [0, 600]);
  const ph = (pos: number, drug: string, change: string) => ({
    ...phase(pos, `${drug} ${change}`),
    drug,
    change,
  });
  const phases = [
    ph(50, "drug-b", "dose not stated"),
    ph(50, "drug-a", "dose not stated"),
    ph(52, "drug-a", "stopped"),
    ph(52, "drug-b", "100 mg/day"),
  ];
  const wide = measureText("drug-b dose not stated; drug-a dose not stated, stopped", 10).width;
  const labels = phaseClusters(phases, x, 2 * wide + 40).map((c) => c.label);
  assert.ok(!labels.some((l) => l.endsWith(", stopped")), labels.join(" | "));
  assert.ok(labels.some((l) => l.startsWith("drug-a stopped")), labels.join(" | "));
});

Deno.test("phase strip: a stem through a label below is broken over the whole label, not only its glyphs", () => {
  // The stem passed between two glyphs ("paroxetine 3|0 mg/day"): a glyph's halo left it
  // showing in the space between them. A white box behind the label's text breaks it there too.
  const x = linearScale([0, 100], [0, 600]);
  const strip = phaseStrip(
    [
      phase(0, "drug-a 10 mg/day; drug-d 20 mg/day; drug-e 5 mg/day"),
      phase(30, "drug-b stopped, day not stated; drug-c 100 mg/day; drug-f 1 mg/day, 2 mg/day"),
      phase(95, "drug-c 75 mg/day"),
    ],
    x,
    600,
  );
  const kids = [...strip.children];
  const lines = kids.filter((e) => e.tagName.toLowerCase() === "line");
  const texts = kids.filter((e) => e.tagName.toLowerCase() === "text");
  const boxes = kids.filter((e) =>
    e.tagName.toLowerCase() === "rect" && e.getAttribute("fill") === "white"
  );
  let crossings = 0;
  for (const t of texts) {
    const w = measureText(t.textContent!, Number(t.getAttribute("font-size"))).width;
    const tx = Number(t.getAttribute("x"));
    const x1 = t.getAttribute("text-anchor") === "end" ? tx - w : tx;
    const base = Number(t.getAttribute("y"));
    const mid = base - Number(t.getAttribute("font-size")) * 0.36;
    for (const l of lines) {
      const lx = Number(l.getAttribute("x1"));
      if (!(lx > x1 && lx < x1 + w && Number(l.getAttribute("y1")) < mid)) continue;
      crossings++;
      // A white box over the stem for the label's full height, drawn after the stem, before
      // the label.
      const box = boxes.find((b) => {
        const [bx, by, bw, bh] = ["x", "y", "width", "height"].map((a) =>
          Number(b.getAttribute(a))
        );
        return bx <= lx - 1 && bx + bw >= lx + 1 && by <= mid - 4 && by + bh >= mid + 3 &&
          kids.indexOf(b) > kids.indexOf(l) && kids.indexOf(b) < kids.indexOf(t);
      });
      assert.ok(box, `the stem at ${lx} shows through '${t.textContent}'`);
    }
  }
  assert.ok(crossings > 0);
});
