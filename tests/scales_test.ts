/**
 * lib/scales.ts: each scale's range and its rule to the common 0–10 metric; the loader refuses a
 * value off its scale, naming the scale; a verbal category must be the words its quote states.
 */
import assert from "node:assert/strict";
import {
  COMMON_METRIC,
  described,
  painValueIn,
  SCALE_IDS,
  scaleLabel,
  scaleOf,
  SCALES,
  toCommon,
} from "../lib/scales.ts";
import { valueAxis } from "../lib/plots/value_axis.ts";
import { loadCaseSeries } from "../lib/mod.ts";
import { dataWithFixture, loadProblems } from "./helpers/data_dir.ts";

Deno.test("every scale maps its whole range into the common 0–10 metric, worst to worst", () => {
  for (const id of SCALE_IDS) {
    const s = scaleOf(id);
    const lo = s.common(s.min);
    const hi = s.common(s.max);
    assert.equal(lo.lo, COMMON_METRIC.min, id);
    assert.equal(hi.hi, COMMON_METRIC.max, id);
    // Monotone: a worse value on the instrument is never better on the common metric.
    for (let v = s.min; v < s.max; v += s.integer ? 1 : (s.max - s.min) / 20) {
      const next = s.integer ? v + 1 : Math.min(s.max, v + (s.max - s.min) / 20);
      assert.ok(s.common(v).nominal <= s.common(next).nominal, `${id} at ${v}`);
    }
  }
});

Deno.test("a 100 mm VAS is tenths of the common metric; a verbal category is its Serlin band", () => {
  assert.deepEqual(toCommon(SCALES["vas-100mm"], { lo: 64, nominal: 64, hi: 64 }), {
    lo: 6.4,
    nominal: 6.4,
    hi: 6.4,
  });
  assert.deepEqual(toCommon(SCALES["vrs-4"], { lo: 2, nominal: 2, hi: 2 }), {
    lo: 5,
    nominal: 5.5,
    hi: 6,
  });
  assert.throws(() => scaleOf("vas-10"), /unknown scale 'vas-10'; the scales are vas-10cm/);
});

Deno.test("labels: one scale of its own keeps its name and numbers (mm too); mixed scales or categories use the common metric, said so", () => {
  assert.equal(scaleLabel([SCALES["vas-10cm"]]).label, "Pain VAS (cm)");
  assert.equal(scaleLabel([SCALES["nrs-0-10"], SCALES["nrs-0-10"]]).name, "NRS");
  // A case only on a 100 mm VAS is described in mm, as its figure's axis is.
  const mm = scaleLabel([SCALES["vas-100mm"]]);
  assert.deepEqual([mm.label, mm.name, mm.unit, mm.own, mm.factor], [
    "Pain VAS (mm)",
    "VAS",
    "mm",
    true,
    10,
  ]);
  assert.equal(painValueIn(mm, { scale: SCALES["vas-100mm"], common: at(7.2) }), "VAS 72 mm");
  for (const mixed of [[SCALES["vas-10cm"], SCALES["nrs-0-10"]], [SCALES["vrs-4"]]]) {
    const s = scaleLabel(mixed);
    assert.deepEqual([s.label, s.own, s.factor], [COMMON_METRIC.label, false, 1]);
    assert.equal(s.metric, "on the common 0–10 metric");
    assert.equal(
      painValueIn(s, { scale: mixed[0], common: at(5) }),
      `${mixed[0].name} 5 on the common 0–10 metric`,
    );
  }
});

Deno.test("one rule: a figure's value axis and the tables' and prose's scale agree for any set of scales", () => {
  // Every non-empty set of the known scales (and the empty one).
  const all = Object.values(SCALES);
  for (let mask = 0; mask < 1 << all.length; mask++) {
    const set = all.filter((_, i) => mask & (1 << i));
    const axis = valueAxis(set);
    const words = scaleLabel(set);
    const { tick: _tick, ...fields } = axis;
    assert.deepEqual(fields, words, set.map((s) => s.id).join(", "));
    // The tick of a value is the number tables print for it.
    assert.equal(Number(axis.tick(6.4)), Math.round(described(words, 6.4) * 10) / 10);
  }
});

/** An exact value on the common metric. */
function at(v: number) {
  return { lo: v, nominal: v, hi: v };
}

/** Loads the real data with the fixture appended and `edit` applied to its observations. */
async function issuesWith(edit: (t: string) => string): Promise<string[]> {
  return await loadProblems(await dataWithFixture(), async (dir) => {
    const path = `${dir}/observations.csv`;
    await Deno.writeTextFile(path, edit(await Deno.readTextFile(path)));
  });
}

Deno.test("the fixture's values on an NRS, a 100 mm VAS and a verbal scale load on both metrics", async () => {
  const dir = await dataWithFixture();
  try {
    const c = (await loadCaseSeries(dir)).cases.find((x) =>
      x.observations.some((o) => o.scale.id === "vrs-4")
    )!;
    const by = (id: string) => c.observations.find((o) => o.scale.id === id)!;
    assert.equal(by("vas-100mm").value.nominal / 10, by("vas-100mm").common.nominal);
    assert.deepEqual(by("vrs-4").common, SCALES["vrs-4"].common(by("vrs-4").value.nominal));
    assert.equal(by("nrs-0-10").value, by("nrs-0-10").common);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a value outside its scale's range, or a fraction of an NRS, is an error naming the scale", async () => {
  const mm = await issuesWith((t) => t.replace("vas-100mm,64,64,64,", "vas-100mm,64,64,164,"));
  assert.ok(
    mm.some((m) => /:value_hi: 164 is outside the range of scale vas-100mm \(0–100 mm\)$/.test(m)),
    mm.join("\n"),
  );
  const nrs = await issuesWith((t) =>
    t.replace("nrs-0-10,3,3,3,exact,3/10", "nrs-0-10,2.5,3,3.5,range,3/10")
  );
  assert.ok(
    nrs.some((m) => /:value_lo: 2.5 is not a whole value of scale nrs-0-10$/.test(m)),
    nrs.join("\n"),
  );
  const unknown = await issuesWith((t) => t.replace("nrs-0-10,7,7,7", "nrs-10,7,7,7"));
  assert.ok(
    unknown.some((m) =>
      /:scale: unknown scale 'nrs-10': did you mean 'nrs-0-10'\? one of vas-10cm, /.test(m)
    ),
    unknown.join("\n"),
  );
});

Deno.test("a verbal category must be the word its quote states, at its index", async () => {
  const wrongIndex = await issuesWith((t) =>
    t.replace("vrs-4,1,1,1,category,mild", "vrs-4,2,2,2,category,mild")
  );
  assert.ok(
    wrongIndex.some((m) => /:value_nominal: is 2 but 'mild' is category 1 of vrs-4$/.test(m)),
    wrongIndex.join("\n"),
  );
  const notStated = await issuesWith((t) =>
    t.replace("vrs-4,1,1,1,category,mild", "vrs-4,3,3,3,category,severe")
  );
  assert.ok(
    notStated.some((m) => /:quote: the quote does not state 'severe'$/.test(m)),
    notStated.join("\n"),
  );
  const notVerbal = await issuesWith((t) =>
    t.replace("nrs-0-10,3,3,3,exact", "nrs-0-10,3,3,3,category")
  );
  assert.ok(
    notVerbal.some((m) => /:value_rule: rule 'category' needs a verbal scale/.test(m)),
    notVerbal.join("\n"),
  );
});

Deno.test("scaleMix names each scale for a reader, never by its id", async () => {
  const { scaleMix } = await import("../lib/cases.ts");
  const { makeCase } = await import("./helpers/constructed_case.ts");
  const onScale = (id: string, scale: (typeof SCALES)[string]) => {
    const c = makeCase({ a: 20 }, [], { a: 3 });
    return { ...c, id, observations: c.observations.map((o) => ({ ...o, scale })) };
  };
  const one = scaleMix([onScale("A", SCALES["vas-10cm"]), onScale("B", SCALES["vas-10cm"])]);
  assert.equal(
    one,
    "Every value is on one scale, the 10 cm VAS (cases A and B): pooled as stated.",
  );
  const two = scaleMix([onScale("A", SCALES["vas-10cm"]), onScale("B", SCALES["nrs-0-10"])]);
  assert.match(
    two,
    /^The values are on 2 scales, the 10 cm VAS \(case A\) and the 0–10 NRS \(case B\)/,
  );
  for (const id of SCALE_IDS) assert.ok(!two.includes(id) && !one.includes(id), id);
});
