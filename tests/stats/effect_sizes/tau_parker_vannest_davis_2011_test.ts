/**
 * Tau (Parker, Vannest & Davis 2011), SingleCaseES `calc_Tau`: values derived by hand from the
 * SingleCaseES 0.7.4 definitions (the package's vignette "Effect size definitions and mathematical details",
 * https://jepusto.github.io/SingleCaseES/articles/Effect-size-definitions.html) or taken from a
 * published example. Each test says where its expected value comes from.
 */
import { close, es } from "./s1.ts";

Deno.test("Tau on S1 by hand", () => {
  close(es("Tau").estimate, 2 * 7.5 / 9 - 1, 1e-12, "Tau");
  close(es("Tau").se, 2 * es("NAP").se!, 1e-12, "Tau SE");
});
