/**
 * The effect-size registry (lib/stats/effect_sizes/mod.ts): every record's facts hold for what
 * its function returns (range, no-effect value, direction, standard error), the names, ranges
 * and forest-plot scales come from one place, an unknown name is refused with the list of
 * names, and no record escapes it (every record a module of `lib/stats/effect_sizes/` exports is
 * listed in `EFFECT_SIZES`).
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  EFFECT_SIZES,
  effectSize,
  effectSizeInfo,
  type EffectSizeOptions,
  FOREST_MEASURES,
  type Measure,
  MEASURE_RANGE,
  MEASURES,
  POOLED_MEASURES,
} from "../../../lib/mod.ts";
import { forestFigure, MEASURE_SCALES } from "../../../lib/plots/mod.ts";
import { defineEffectSize } from "../../../lib/stats/effect_sizes/define.ts";
import { NOTEBOOKS } from "../../../scripts/runner/paths.ts";
import { listFiles } from "../../../scripts/runner/files.ts";

const SEED = 7;
const series = (min: number) =>
  fc.array(fc.integer({ min: 0, max: 12 }).map((x) => x / 2), { minLength: min, maxLength: 9 });
const options: fc.Arbitrary<EffectSizeOptions> = fc.record({
  improvement: fc.constantFrom("decrease" as const, "increase" as const),
  scale: fc.constantFrom("count" as const, "other" as const),
  biasCorrect: fc.boolean(),
  stdDev: fc.constantFrom("baseline" as const, "pool" as const),
  kendall: fc.boolean(),
  seMethod: fc.constantFrom("unbiased" as const, "hanley" as const, "null" as const),
  goal: fc.constantFrom(0, 10),
});

Deno.test("the registry: one record per name, each computing results under its own name", () => {
  assert.deepEqual(MEASURES, EFFECT_SIZES.map((d) => d.name));
  assert.ok(Object.isFrozen(EFFECT_SIZES) && Object.isFrozen(MEASURES), "the registry is frozen");
  assert.equal(new Set(MEASURES).size, MEASURES.length, "names are unique");
  assert.equal(new Set(EFFECT_SIZES.map((d) => d.label)).size, MEASURES.length, "labels too");
  for (const d of EFFECT_SIZES) {
    assert.ok(Object.isFrozen(d), `${d.name} is frozen`);
    // A measure SingleCaseES lacks says so with null; otherwise it names the function.
    if (d.singleCaseES !== null) assert.match(d.singleCaseES, /^calc_\w+$/, d.name);
    assert.match(d.reference, /\(\d{4}/, `${d.name} cites a paper with its year`);
    assert.equal(effectSizeInfo(d.name), d);
    const r = effectSize(d.name, [3, 4, 5], [1, 2, 4], { improvement: "decrease", goal: 0 });
    assert.equal(r.measure, d.name);
  }
});

Deno.test("every estimate lies in its measure's range, on random phases and options", () => {
  const bounded = EFFECT_SIZES.filter((d) => d.range !== null);
  assert.ok(bounded.length > 0);
  fc.assert(
    fc.property(series(0), series(0), options, (a, b, o) => {
      for (const d of bounded) {
        const r = d.compute(a, b, o);
        if (r.estimate === null) continue;
        // Tau-BC's Kendall variant reproduces Kendall::Kendall's single-precision Fortran, whose
        // tau-b of ±1 can come out as ±(1 + 2⁻²³): the range holds to that precision.
        const eps = o.kendall ? 2 ** -23 : 0;
        const [lo, hi] = [d.range![0] - eps, d.range![1] + eps];
        assert.ok(
          lo <= r.estimate && r.estimate <= hi,
          `${d.name} = ${r.estimate} ∉ [${lo}, ${hi}]`,
        );
        if (!o.kendall && r.ciLower !== null && r.ciUpper !== null) {
          // Newcombe limits (NAP, Tau, Tau-BC without Kendall) stay in the range too; the
          // Kendall variant's Wald interval is not truncated (SingleCaseES), so it may not.
          assert.ok(lo <= r.ciLower && r.ciUpper <= hi, `${d.name} CI`);
        }
      }
    }),
    { seed: SEED, numRuns: 400 },
  );
});

Deno.test("Tau-U has no fixed range: a baseline trending the wrong way takes it past 1", () => {
  // S_AB = 9 (every pair improves), S_AA = −3 for the flipped baseline (2, 3, 4 worsens):
  // (9 + 3)/9 = 4/3.
  const r = effectSize("TauU", [2, 3, 4], [1, 0, 1], { improvement: "decrease" });
  assert.equal(r.estimate, 4 / 3);
  assert.equal(effectSizeInfo("TauU").range, null);
});

Deno.test("identical phases give each measure's no-effect value", () => {
  // A = B, no trend (Theil–Sen slope 0, Kendall's S 0), equal lengths, mean above the goal 0.
  const same = [2, 1, 1, 2];
  for (const d of EFFECT_SIZES) {
    if (d.plot.noEffect === null) continue;
    for (const improvement of ["decrease", "increase"] as const) {
      const r = d.compute(same, same, { improvement, goal: 0 });
      assert.ok(r.estimate !== null, `${d.name}: ${r.reason}`);
      assert.ok(Math.abs(r.estimate - d.plot.noEffect) < 1e-12, `${d.name} = ${r.estimate}`);
    }
  }
});

Deno.test("largerIsBetter: lowering the treatment values (pain: a decrease) moves the estimate its way", () => {
  // Values ≥ 0 scaled by c ≤ 1 only go down. LRR without truncation (scale "other") and the
  // other measures are monotone in each treatment value.
  fc.assert(
    fc.property(series(2), series(2), fc.integer({ min: 1, max: 9 }), (a, b, k) => {
      const lower = b.map((x) => (x * k) / 10);
      const o: EffectSizeOptions = { improvement: "decrease", scale: "other", goal: 0 };
      for (const d of EFFECT_SIZES) {
        const before = d.compute(a, b, o).estimate;
        const after = d.compute(a, lower, o).estimate;
        if (before === null || after === null) continue;
        const gain = d.largerIsBetter ? after - before : before - after;
        assert.ok(gain >= -1e-9, `${d.name}: ${before} → ${after} when B goes down`);
      }
    }),
    { seed: SEED, numRuns: 300 },
  );
});

Deno.test("standardError: measures without one never give it; the others do on ordinary data", () => {
  fc.assert(
    fc.property(series(0), series(0), options, (a, b, o) => {
      for (const d of EFFECT_SIZES.filter((x) => !x.standardError)) {
        const r = d.compute(a, b, o);
        assert.deepEqual([r.se, r.ciLower, r.ciUpper], [null, null, null], d.name);
      }
    }),
    { seed: SEED, numRuns: 200 },
  );
  for (const d of EFFECT_SIZES.filter((x) => x.standardError)) {
    const r = d.compute([3, 4, 5, 6], [1, 2, 4, 2], { improvement: "decrease", goal: 0 });
    assert.ok(r.se !== null && r.ciLower !== null && r.ciUpper !== null, `${d.name}: ${r.reason}`);
  }
});

Deno.test("ranges and forest-plot scales come from the records (one place)", () => {
  assert.deepEqual(Object.keys(MEASURE_SCALES), [...MEASURES]);
  for (const d of EFFECT_SIZES) {
    const m: Measure = d.name;
    assert.equal(MEASURE_SCALES[m].domain, d.range, `${m}: forest axis is the record's range`);
    assert.equal(MEASURE_SCALES[m].reference, d.plot.noEffect, `${m}: no-effect line`);
    assert.equal(MEASURE_RANGE[m] ?? null, d.range, `${m}: aggregation's range`);
  }
  // Tau-U (range null) was drawn on [−1, 1] while its estimate can exceed 1: its axis now fits
  // the data, as the other unbounded measures' do.
  assert.equal(MEASURE_SCALES.TauU.domain, null);
  const row = { label: "Case 1", result: { estimate: 4 / 3, ciLower: null, ciUpper: null } };
  const tauU = forestFigure("TauU", [row]);
  const nap = forestFigure("NAP", [{ ...row, result: { ...row.result, estimate: 1 } }]);
  // The caption says "on the measure's whole range" where the axis spans the range.
  assert.doesNotMatch(tauU.svg.textContent ?? "", /whole\s*range/);
  assert.match(nap.svg.textContent ?? "", /whole\s*range/);
});

Deno.test("an unknown measure is refused with the list of names", () => {
  assert.throws(
    () => effectSize("NOPE" as Measure, [1], [2], { improvement: "decrease" }),
    (e: Error) => {
      assert.match(e.message, /effectSize: expected a measure \(one of /);
      assert.match(e.message, /"NOPE"/);
      for (const m of MEASURES) assert.ok(e.message.includes(m), `${m} listed`);
      return true;
    },
  );
  assert.throws(() => effectSizeInfo("nap"), /one of NAP, Tau, TauU/);
});

Deno.test("the pooled measures and their forest plots are the registry's, forest ones with an SE", () => {
  assert.deepEqual(POOLED_MEASURES, EFFECT_SIZES.filter((d) => d.pooled).map((d) => d.name));
  assert.deepEqual(FOREST_MEASURES, EFFECT_SIZES.filter((d) => d.forest).map((d) => d.name));
  assert.ok(POOLED_MEASURES.length > 0, "the pooled notebook aggregates some measure");
  for (const m of FOREST_MEASURES) {
    assert.ok(POOLED_MEASURES.includes(m), `${m}: a forest plot of a measure not pooled`);
    assert.ok(effectSizeInfo(m).standardError, `${m}: a forest plot without a standard error`);
  }
  const noSe = EFFECT_SIZES.find((d) => !d.standardError)!;
  assert.throws(() => defineEffectSize({ ...noSe, pooled: true, forest: true }), /standardError/);
  assert.throws(() => defineEffectSize({ ...EFFECT_SIZES[0], pooled: false, forest: true }));
});

Deno.test("a measure's name is letters and digits: it names results files and is dispatched on", () => {
  for (const d of EFFECT_SIZES) assert.match(d.name, /^[A-Za-z][A-Za-z0-9]*$/, d.name);
  for (const name of ["PND low", "Tau-BC", "PND/2", "", "2PND"]) {
    assert.throws(
      () => defineEffectSize({ ...EFFECT_SIZES[0], name }),
      (e) =>
        e instanceof TypeError &&
        e.message.startsWith(`${JSON.stringify(name)}: a measure's name`) &&
        e.message.includes("aggregate-<name>"),
      name,
    );
  }
});

Deno.test("no notebook types a measure's name: which measures it pools is the registry's", async () => {
  const names = new RegExp(`(["'\`])(${MEASURES.join("|")})\\1`);
  const found: string[] = [];
  for (const p of (await listFiles(NOTEBOOKS)).filter((p) => p.endsWith(".ipynb"))) {
    const cells: { cell_type: string; source: string[] }[] =
      JSON.parse(await Deno.readTextFile(`${NOTEBOOKS}/${p}`)).cells;
    for (const c of cells.filter((c) => c.cell_type === "code")) {
      const m = c.source.join("").match(names);
      if (m) found.push(`${p}: ${m[0]}`);
    }
  }
  assert.deepEqual(found, []);
});

const EFFECT_SIZES_DIR = new URL("../../../lib/stats/effect_sizes/", import.meta.url);

/**
 * Whether a module's export is an effect size's record (what `defineEffectSize` returns): an
 * object with a name, a function that computes and the facts the registry reads.
 *
 * @param value The export.
 */
function isRecord(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === "string" && typeof v.compute === "function" &&
    typeof v.family === "string" && "largerIsBetter" in v && "plot" in v;
}

/**
 * Every record exported by a module of `lib/stats/effect_sizes/` (and its folders, `family/`),
 * once, by the module that defines it (`<path>: <export>`; `mod.ts` only lists them).
 */
async function records(): Promise<Map<unknown, string>> {
  const out = new Map<unknown, string>();
  const walk = async (dir: URL, prefix: string) => {
    for await (const e of Deno.readDir(dir)) {
      if (e.isDirectory) await walk(new URL(`${e.name}/`, dir), `${prefix}${e.name}/`);
      if (!e.isFile || !e.name.endsWith(".ts") || e.name === "mod.ts") continue;
      const mod: Record<string, unknown> = await import(new URL(e.name, dir).href);
      for (const [name, value] of Object.entries(mod)) {
        if (isRecord(value)) out.set(value, `lib/stats/effect_sizes/${prefix}${e.name}: ${name}`);
      }
    }
  };
  await walk(EFFECT_SIZES_DIR, "");
  return out;
}

/**
 * What to do about each exported record the registry does not list: add its line to
 * `EFFECT_SIZES` in `lib/stats/effect_sizes/mod.ts` (with its import), or nothing computes it.
 *
 * @param registry The registry's records.
 */
async function unregisteredRecords(registry: readonly unknown[]): Promise<string[]> {
  return [...(await records())].filter(([def]) => !registry.includes(def)).map(([, where]) => {
    const name = where.split(": ")[1];
    const file = where.split(": ")[0].replace(/^lib\/stats\/effect_sizes\//, "./");
    return `${where} is not in EFFECT_SIZES: no table, aggregate or forest plot shows it. ` +
      `Add its line to EFFECT_SIZES in lib/stats/effect_sizes/mod.ts ` +
      `(\`import { ${name} } from "${file}";\` and \`${name},\` in the list)`;
  }).sort();
}

Deno.test("every effect size's record in lib/stats/effect_sizes/ is in EFFECT_SIZES", async () => {
  const found = await records();
  assert.ok(found.size >= EFFECT_SIZES.length, "the scan finds every registered record");
  const problems = await unregisteredRecords(EFFECT_SIZES);
  assert.ok(problems.length === 0, problems.join("\n"));
});

Deno.test("a record left out of EFFECT_SIZES is found, named with what to do (the check can fail)", async () => {
  const without = EFFECT_SIZES.filter((d) => d.name !== "PND");
  assert.deepEqual(await unregisteredRecords(without), [
    "lib/stats/effect_sizes/pnd.ts: PND_ES is not in EFFECT_SIZES: no table, aggregate or forest " +
    "plot shows it. Add its line to EFFECT_SIZES in lib/stats/effect_sizes/mod.ts " +
    '(`import { PND_ES } from "./pnd.ts";` and `PND_ES,` in the list)',
  ]);
});
