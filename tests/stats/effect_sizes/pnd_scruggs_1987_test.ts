/**
 * PND (Scruggs, Mastropieri & Casto 1987), SingleCaseES `calc_PND`: values derived by hand from
 * the SingleCaseES 0.7.4 definitions (the package's vignette "Effect size definitions and mathematical details",
 * https://jepusto.github.io/SingleCaseES/articles/Effect-size-definitions.html) or taken from a
 * published example. Each test says where its expected value comes from.
 */
import { close, es } from "./s1.ts";

Deno.test("PND on S1 by hand", () => {
  close(es("PND").estimate, 2 / 3, 1e-12, "PND: 1 and 2 are below min(A) = 3");
});
