/**
 * LRM (Bonett & Price 2020), SingleCaseES `calc_LRM`: values derived by hand from the SingleCaseES
 * 0.7.4 definitions (the package's vignette "Effect size definitions and mathematical details",
 * https://jepusto.github.io/SingleCaseES/articles/Effect-size-definitions.html) or taken from a published
 * example. Each test says where its expected value comes from.
 */
import assert from "node:assert/strict";
import { effectSize } from "../../../lib/mod.ts";
import { close, dec, es } from "./s1.ts";

Deno.test("LRM on S1 (Bonett & Price) by hand: o1 = 1, z0 = qnorm(7/8)", () => {
  const z0 = 1.1503493803760079;
  const vA = ((Math.log(5) - Math.log(3)) / (2 * z0)) ** 2;
  const vB = ((Math.log(4) - Math.log(1)) / (2 * z0)) ** 2;
  close(es("LRM").estimate, Math.log(4 / 2), 1e-12, "LRM");
  close(es("LRM").se, Math.sqrt(vA + vB), 1e-9, "LRM SE");
  assert.match(effectSize("LRM", [8], [1, 2], dec).reason!, /one observation/);
  assert.equal(effectSize("LRM", [8, 6], [0, 0], dec).estimate, null);
});
