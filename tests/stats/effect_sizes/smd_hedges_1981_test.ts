/**
 * SMD (Hedges 1981), SingleCaseES `calc_SMD`: values derived by hand from the SingleCaseES 0.7.4
 * definitions (the package's vignette "Effect size definitions and mathematical details",
 * https://jepusto.github.io/SingleCaseES/articles/Effect-size-definitions.html) or taken from a published example. Each
 * test says where its expected value comes from.
 */
import assert from "node:assert/strict";
import { effectSize } from "../../../lib/mod.ts";
import { close, dec, es } from "./s1.ts";

Deno.test("SMD on S1 (baseline SD, Hedges J) by hand, and its edges", () => {
  const J = 1 - 3 / (4 * 2 - 1);
  const d = -J * (7 / 3 - 4) / 1;
  close(es("SMD").estimate, d, 1e-12, "SMD");
  close(es("SMD").se, J * Math.sqrt(1 / 3 + (7 / 3) / 3 + d * d / 4), 1e-12, "SMD SE");
  assert.match(effectSize("SMD", [8], [1, 2], dec).reason!, /one baseline/);
  assert.match(effectSize("SMD", [5, 5, 5], [1, 2], dec).reason!, /SD\) is 0/);
  // m = 2: J = 1 − 3/(4·1 − 1) = 0, so the package's SMD is 0 ± 0 whatever the data; that is
  // no estimate, so it is null with the reason (the uncorrected d is still available).
  const m2 = effectSize("SMD", [6.6, 3.3], [2.3, 0.6], dec);
  assert.deepEqual([m2.estimate, m2.se], [null, null]);
  assert.match(m2.reason!, /J = 1 − 3\/\(4·1 − 1\) is 0/);
  const d2 = effectSize("SMD", [6.6, 3.3], [2.3, 0.6], { ...dec, biasCorrect: false });
  close(d2.estimate, (4.95 - 1.45) / Math.sqrt(((6.6 - 3.3) ** 2) / 2), 1e-12, "uncorrected d");
  // Pooled SD with m = 1, n = 2: df = 1, so J = 0 as well (the NA baseline term is dropped).
  const p = effectSize("SMD", [8], [1, 3], { ...dec, stdDev: "pool" });
  assert.equal(p.estimate, null);
  assert.match(p.reason!, /m \+ n − 2 = 1/);
});
