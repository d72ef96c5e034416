/**
 * Robust IRD (Parker, Vannest & Brown 2009), SingleCaseES `calc_IRD`: values derived by hand from
 * the SingleCaseES 0.7.4 definitions (the package's vignette "Effect size definitions and mathematical details",
 * https://jepusto.github.io/SingleCaseES/articles/Effect-size-definitions.html) or taken from a
 * published example. Each test says where its expected value comes from.
 */
import { close, es } from "./s1.ts";

Deno.test("IRD on S1 by hand", () => {
  close(es("IRD").estimate, (36 * 5 / 6 - 9 - 9) / 18, 1e-12, "IRD from PAND");
});
