/**
 * PoGO (Ferron et al. 2020; Patrona et al. 2022), SingleCaseES `calc_PoGO`: values derived by hand
 * from the SingleCaseES 0.7.4 definitions (the package's vignette "Effect size definitions and mathematical details",
 * https://jepusto.github.io/SingleCaseES/articles/Effect-size-definitions.html) or taken
 * from a published example. Each test says where its expected value comes from.
 */
import assert from "node:assert/strict";
import { close, dec, es, inc } from "./s1.ts";

Deno.test("PoGO on S1 (goal 0) by hand; no goal → null", () => {
  const est = 100 * (7 / 3 - 4) / (0 - 4);
  close(es("PoGO", { ...dec, goal: 0 }).estimate, est, 1e-12);
  const v = (1 / 3 + (7 / 3) / 3 + (est / 100) ** 2 / 3) / 16;
  close(es("PoGO", { ...dec, goal: 0 }).se, 100 * Math.sqrt(v), 1e-12);
  close(es("PoGO", { ...inc, goal: 0 }).estimate, est, 1e-12, "improvement is ignored");
  assert.match(es("PoGO").reason!, /needs a goal/);
});
