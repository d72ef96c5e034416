/**
 * Tau-BC (Tarlow 2017), SingleCaseES `calc_Tau_BC`: values derived by hand from the SingleCaseES
 * 0.7.4 definitions (the package's vignette "Effect size definitions and mathematical details",
 * https://jepusto.github.io/SingleCaseES/articles/Effect-size-definitions.html) or taken from a published
 * example. Each test says where its expected value comes from.
 */
import assert from "node:assert/strict";
import { effectSize } from "../../../lib/mod.ts";
import { close, dec, es } from "./s1.ts";

Deno.test("Tau-BC on S1: baseline trend 1/session removed; tau-b variant by hand", () => {
  // Theil–Sen slope 1, intercept 2: residuals A = 0, 0, 0; B = −5, −5, −4 → all improve.
  const r = es("TauBC");
  assert.equal(r.estimate, 1);
  assert.deepEqual(r.correction, { slope: 1, intercept: 2, applied: true });
  // Kendall: S = 9; ties among (0, 0, 0, 5, 5, 4): 3 + 1 = 4 pairs → τ = 9/√(9·(15 − 4)).
  // Kendall::Kendall computes in single precision, so τ is the float nearest that (7 digits).
  const k = es("TauBC", { ...dec, kendall: true });
  const t = 9 / Math.sqrt(9 * 11);
  close(k.estimate, t, 1e-7, "tau-b");
  assert.equal(k.estimate, Math.fround(k.estimate!), "tau-b is a single-precision value");
  close(k.se, Math.sqrt((2 / 6) * (1 - k.estimate! ** 2)), 1e-15, "tau-b SE from that τ");
  close(k.ciUpper! - k.estimate!, 1.959963984540054 * k.se!, 1e-9);
});

Deno.test("Tau-BC edge cases: one baseline point; pretest needs m ≥ 3; Kendall's n = 3 exit", () => {
  assert.match(effectSize("TauBC", [8], [1, 2], dec).reason!, /one baseline observation/);
  assert.match(es("TauBC", { ...dec, pretestTrend: 0.05 }, [1, 2]).reason!, /at least 3/);
  // Kendall 2.2.1 (src/Kendall.f, TAUK2) computes sl only for n > 3; with n = 3 it exits with
  // IFAULT = 12 and sl = 1, so SingleCaseES never corrects a 3-point baseline: Tau-BC = Tau,
  // while the Theil–Sen line is still reported (slope 1, intercept 2 for A = 3, 4, 5).
  const r = es("TauBC", { ...dec, pretestTrend: 0.05 });
  assert.equal(r.correction!.pvalSlopeA, 1);
  assert.deepEqual(r.correction, { slope: 1, intercept: 2, applied: false, pvalSlopeA: 1 });
  close(r.estimate, es("Tau").estimate!, 1e-12);
});
