/**
 * Tau-U (Parker, Vannest, Davis & Sauber 2011), SingleCaseES `calc_Tau_U`: values derived by hand
 * from the SingleCaseES 0.7.4 definitions (the package's vignette "Effect size definitions and mathematical details",
 * https://jepusto.github.io/SingleCaseES/articles/Effect-size-definitions.html) or taken
 * from a published example. Each test says where its expected value comes from.
 */
import assert from "node:assert/strict";
import { close, es } from "./s1.ts";

Deno.test("Tau-U on S1 by hand", () => {
  // S_AB = 7 improving − 1 worsening = 6; S_AA of the flipped baseline (−3, −4, −5) = −3.
  close(es("TauU").estimate, (6 + 3) / 9, 1e-12, "Tau-U");
  assert.equal(es("TauU").se, null);
});
