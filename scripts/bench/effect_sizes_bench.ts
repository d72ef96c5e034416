/**
 * Effect-size timings at 5,000 points per phase (target: every measure under 1 s) and at the
 * sizes of a case report. Self-contained: `deno task bench effect_sizes_bench`.
 * Data are seeded (xoroshiro128+), values on a VAS-like half-cm grid so that ties occur.
 */
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { effectSize, type EffectSizeOptions, MEASURES } from "../../lib/mod.ts";

const rng = xoroshiro128plus(20121123);
const series = (n: number, lo: number, hi: number) =>
  Array.from({ length: n }, () => uniformInt(rng, lo * 2, hi * 2) / 2);
const options: EffectSizeOptions = { improvement: "decrease", goal: 0 };

for (const n of [5, 5000]) {
  const a = series(n, 4, 10);
  const b = series(n, 0, 6);
  for (const m of MEASURES) {
    Deno.bench({ name: `${m}, ${n} points per phase`, group: `${n}` }, () => {
      effectSize(m, a, b, options);
    });
  }
  const a2 = series(n, 4, 10);
  Deno.bench({ name: `TauBC pretest + Kendall, ${n} points per phase`, group: `${n}` }, () => {
    effectSize("TauBC", a2, b, { ...options, pretestTrend: 0.05, kendall: true });
  });
}
