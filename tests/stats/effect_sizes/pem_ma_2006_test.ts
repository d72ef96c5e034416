/**
 * PEM (Ma 2006), SingleCaseES `calc_PEM`: values derived by hand from the SingleCaseES 0.7.4
 * definitions (the package's vignette "Effect size definitions and mathematical details",
 * https://jepusto.github.io/SingleCaseES/articles/Effect-size-definitions.html) or taken from a published example. Each
 * test says where its expected value comes from.
 */
import { close, es } from "./s1.ts";

Deno.test("PEM on S1 by hand", () => {
  close(es("PEM").estimate, 2.5 / 3, 1e-12, "PEM: 1, 2 below median 4, 4 ties (½)");
});
