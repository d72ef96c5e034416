/**
 * Property tests (fast-check) of the effect sizes.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { EFFECT_SIZES, effectSize, type Measure, MEASURES } from "../../../lib/mod.ts";

const SEED = 42;
const series = (min: number) =>
  fc.array(fc.integer({ min: 0, max: 10 }).map((x) => x / 2), { minLength: min, maxLength: 8 });
const dir = fc.constantFrom("decrease" as const, "increase" as const);

Deno.test("NAP ∈ [0, 1] with its CI around it; Tau = 2·NAP − 1", () => {
  fc.assert(
    fc.property(series(1), series(1), dir, (a, b, d) => {
      const n = effectSize("NAP", a, b, { improvement: d });
      const t = effectSize("Tau", a, b, { improvement: d });
      assert.ok(n.estimate! >= 0 && n.estimate! <= 1);
      assert.ok(n.ciLower! <= n.estimate! + 1e-12 && n.estimate! <= n.ciUpper! + 1e-12);
      assert.ok(Math.abs(t.estimate! - (2 * n.estimate! - 1)) < 1e-12);
    }),
    { seed: SEED },
  );
});

Deno.test("flipping the direction mirrors the estimate", () => {
  fc.assert(
    fc.property(series(2), series(2), (a, b) => {
      const up = (m: Measure) => effectSize(m, a, b, { improvement: "increase" }).estimate;
      const down = (m: Measure) => effectSize(m, a, b, { improvement: "decrease" }).estimate;
      assert.ok(Math.abs(up("NAP")! + down("NAP")! - 1) < 1e-12);
      for (const m of ["Tau", "TauU", "LRRd", "LRRi"] as Measure[]) {
        const u = up(m);
        const dn = down(m);
        if (m === "TauU") {
          // Tau-U subtracts the baseline trend in the improving direction: S_AB and S_AA flip.
          assert.ok(Math.abs(u! + dn!) < 1e-12);
        } else if (u !== null && dn !== null) {
          assert.ok(Math.abs(u + dn) < 1e-9, `${m}: ${u} vs ${dn}`);
        }
      }
      const s1 = effectSize("SMD", a, b, { improvement: "increase" }).estimate;
      const s2 = effectSize("SMD", a, b, { improvement: "decrease" }).estimate;
      if (s1 !== null && s2 !== null) assert.ok(Math.abs(s1 + s2) < 1e-12);
    }),
    { seed: SEED },
  );
});

Deno.test("order-free measures do not depend on the order of the baseline points", () => {
  const orderFree = EFFECT_SIZES.filter((d) => !d.usesTimeOrder).map((d) => d.name);
  assert.ok(orderFree.length > 0);
  fc.assert(
    fc.property(series(1), series(1), dir, fc.integer(), (a, b, d, seed) => {
      const shuffled =
        fc.sample(fc.shuffledSubarray(a, { minLength: a.length }), { seed, numRuns: 1 })[0];
      for (const m of orderFree) {
        const x = effectSize(m, a, b, { improvement: d, goal: 0 });
        const y = effectSize(m, shuffled, b, { improvement: d, goal: 0 });
        for (const k of ["estimate", "se", "ciLower", "ciUpper"] as const) {
          const p = x[k];
          const q = y[k];
          assert.ok(p === q || (p !== null && q !== null && Math.abs(p - q) < 1e-9), `${m} ${k}`);
        }
      }
    }),
    { seed: SEED },
  );
});

Deno.test("null always comes with a reason, and no field is NaN or infinite", () => {
  fc.assert(
    fc.property(
      series(0),
      series(0),
      dir,
      fc.constantFrom("count" as const, "other" as const),
      (a, b, d, scale) => {
        for (const m of MEASURES) {
          const r = effectSize(m, a, b, { improvement: d, scale, goal: 0 });
          for (const k of ["estimate", "se", "ciLower", "ciUpper"] as const) {
            const v = r[k];
            if (v === null) assert.ok(r.reason, `${m} ${k} null without reason`);
            else assert.ok(Number.isFinite(v), `${m} ${k} = ${v}`);
          }
        }
      },
    ),
    { seed: SEED, numRuns: 300 },
  );
});
