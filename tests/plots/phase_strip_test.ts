/**
 * The phase strip's rows (lib/plots/timeline_panels.ts, `phaseStrip`): a label whose stem would
 * cross one label below takes a row in use, its stem drawn behind that label's halo, rather than
 * a row more (a stepwise switch adds labels near a drug's start: the figure keeps its height).
 */
import assert from "node:assert/strict";
import type { Phase } from "../../lib/plots/timeline_model.ts";
import { phaseStrip } from "../../lib/plots/timeline_panels.ts";
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
