/**
 * The trajectories figure: each threshold's tag ("−30%", "−50%") is printed at its own dashed
 * line, whatever the number of cases' end labels beside it (with the synthetic fixture appended,
 * five labels below the 50% line pushed "−50%" up to the 30% line, and "−30%" above it); its
 * caption begins with a capital.
 */
import assert from "node:assert/strict";
import { loadCaseSeries } from "../../lib/mod.ts";
import { type Figure, trajectoriesFigure } from "../../lib/plots/mod.ts";
import { END_LABEL_H } from "../../lib/plots/end_labels.ts";
import { DASH, TYPE } from "../../lib/plots/theme.ts";
import {
  articleCases,
  dataWithFixture,
  FIXTURE_ARTICLE,
  TEST_DATA_DIR,
} from "../helpers/data_dir.ts";
import { writeSyntheticSeries } from "../../scripts/synthetic.ts";
import { aroundDrug } from "../helpers/constructed_case.ts";

/** Each tag's text, its centre's height and the heights of the dashed lines of its panel. */
function tags(f: Figure): { text: string; y: number; lines: number[] }[] {
  return [...f.svg.querySelectorAll("text")]
    .filter((t) => /^−\d+%$/.test(t.textContent ?? ""))
    .map((t) => {
      let panel = t.parentElement;
      while (panel && panel.tagName.toLowerCase() !== "svg") panel = panel.parentElement;
      const lines = [...(panel?.querySelectorAll("line") ?? [])]
        .filter((l) => l.getAttribute("stroke-dasharray") === DASH.reference)
        .map((l) => Number(l.getAttribute("y1")));
      return {
        text: t.textContent!,
        y: Number(t.getAttribute("y")) - TYPE.small * 0.36,
        lines,
      };
    });
}

/** Problems of a figure's tags: one that is not at a line, two at the same line. */
function problems(f: Figure, name: string): string[] {
  const out: string[] = [];
  const at = new Map<number, string>();
  for (const t of tags(f)) {
    const near = t.lines.filter((y) => Math.abs(y - t.y) <= END_LABEL_H / 2);
    if (near.length !== 1) out.push(`${name}: '${t.text}' at ${t.y} is at no line (${t.lines})`);
    else if (at.has(near[0])) {
      out.push(`${name}: '${t.text}' and '${at.get(near[0])}' share a line`);
    } else at.set(near[0], t.text);
  }
  return out;
}

const dir = await dataWithFixture();
const grown = await loadCaseSeries(dir);
await Deno.remove(dir, { recursive: true });
const real = await loadCaseSeries(TEST_DATA_DIR);
// A larger synthetic series: too many end labels near the lines for any panel height up to 1.6 ×.
const synthDir = await Deno.makeTempDir({ prefix: "trajectories-" });
await writeSyntheticSeries(synthDir, { cases: 12, observationsPerCase: 8 });
const synth = await loadCaseSeries(synthDir);
await Deno.remove(synthDir, { recursive: true });

Deno.test("trajectories: each threshold's tag is printed at its own line", () => {
  // The first article's cases, and with the fixture's cases on the scales it does not use (a
  // 100 mm VAS, an NRS, verbal categories): figures whose tags fit. (More cases may leave no room
  // for the tags, the whole fixture among them, as any data may: checked below.)
  const realScales = new Set(
    articleCases(real).flatMap((c) => c.observations.map((o) => o.scale.id)),
  );
  const otherScales = articleCases(grown, FIXTURE_ARTICLE).filter((c) =>
    c.observations.some((o) => !realScales.has(o.scale.id))
  );
  const scoped = [
    ["real", articleCases(real)],
    ["with the fixture's other scales", [...articleCases(grown), ...otherScales]],
  ] as const;
  for (const [name, cases] of scoped) {
    for (const width of ["full", "column"] as const) {
      const f = trajectoriesFigure(cases, { width });
      assert.ok(tags(f).length > 0, `${name}: no tag`);
      assert.deepEqual(problems(f, `${name}, ${width}`), []);
    }
  }
  for (const [name, series] of [["real", real], ["with the fixture", grown]] as const) {
    for (const width of ["full", "column"] as const) {
      const f = trajectoriesFigure(series.cases, { width });
      assert.deepEqual(problems(f, `all of ${name}, ${width}`), []);
    }
  }
  // Where no height keeps them at their lines, no tags (the legend names the lines).
  for (const width of ["full", "column"] as const) {
    assert.deepEqual(
      problems(trajectoriesFigure(synth.cases, { width }), `12 cases, ${width}`),
      [],
    );
  }
});

Deno.test("trajectories: the caption's sentence begins with a capital, whatever the scale's name", () => {
  for (const series of [real, grown]) {
    const f = trajectoriesFigure(series.cases);
    const first = [...f.svg.querySelectorAll("text")].map((t) => t.textContent ?? "")
      .find((t) => t.includes(" values stated in the text"));
    assert.ok(first, "a caption");
    assert.match(first, /^\p{Lu}/u, first);
  }
});

Deno.test("trajectories: the caption credits the thresholds to the study's own source, or says it states none", async () => {
  const s = await loadCaseSeries(TEST_DATA_DIR);
  const of = (source: string | null) => {
    const study = { ...s.study, thresholdsSource: source };
    const f = trajectoriesFigure(s.cases.map((c) => ({ ...c, study })));
    // The caption is wrapped over several text elements.
    return [...f.svg.querySelectorAll("text")].map((t) => t.textContent ?? "").join(" ");
  };
  assert.match(of("A made-up consensus 2031"), /Thresholds: A made-up consensus 2031\./);
  assert.doesNotMatch(of("A made-up consensus 2031"), /Dworkin/);
  assert.match(of(null), /Thresholds: data\/study\.json, which states no source for them\./);
});

Deno.test("trajectories: the caption names the thresholds drawn and those of the study it does not draw", async () => {
  const s = await loadCaseSeries(TEST_DATA_DIR);
  const caption = (thresholds: { kind: "percent" | "points"; value: number }[]) => {
    const study = { ...s.study, thresholds };
    const f = trajectoriesFigure(s.cases.map((c) => ({ ...c, study })));
    return [...f.svg.querySelectorAll("text")].map((t) => t.textContent ?? "").join(" ")
      .replace(/\s+/g, " ");
  };
  const both = caption([{ kind: "percent", value: 40 }, { kind: "points", value: 3 }]);
  assert.match(
    both,
    /Dashed horizontal lines: the 40% reduction threshold \(not drawn: the 3-point reduction threshold\)\./,
  );
  const percents = caption([{ kind: "percent", value: 20 }, { kind: "percent", value: 60 }]);
  assert.match(percents, /Dashed horizontal lines: the 20% and 60% reduction thresholds\./);
  assert.doesNotMatch(percents, /not drawn/);
});

Deno.test("trajectories: the title says whether the values drawn lie before the drug's start, after it or both", async () => {
  const s = await loadCaseSeries(TEST_DATA_DIR);
  // Constructed cases around their own drug: values on both sides, only after, only before.
  const own = aroundDrug(s.study);
  const drug = own.study.drug;
  const title = (id: string) =>
    trajectoriesFigure(own.cases.filter((c) => c.id === id)).svg.querySelector("text")
      ?.textContent ?? "";
  assert.match(title("ok"), new RegExp(`^Pain before and after ${drug},`));
  assert.match(title("no-before"), new RegExp(`^Pain after ${drug},`));
  assert.match(title("no-after"), new RegExp(`^Pain before ${drug},`));
});
