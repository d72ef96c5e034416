/**
 * PAND (Parker, Hagan-Burke & Vannest 2007), SingleCaseES `calc_PAND`: values derived by hand from
 * the SingleCaseES 0.7.4 definitions (the package's vignette "Effect size definitions and mathematical details",
 * https://jepusto.github.io/SingleCaseES/articles/Effect-size-definitions.html) or taken from a
 * published example. Each test says where its expected value comes from.
 */
import { close, es } from "./s1.ts";

Deno.test("PAND on S1 by hand", () => {
  close(es("PAND").estimate, 5 / 6, 1e-12, "PAND: drop A = 3 (or B = 4), keep 5 of 6");
});
