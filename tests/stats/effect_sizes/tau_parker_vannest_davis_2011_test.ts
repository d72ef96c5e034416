/**
 * Tau (Parker, Vannest & Davis 2011), SingleCaseES `calc_Tau`: values derived by hand from the
 * SingleCaseES 0.7.4 definitions (../shared/docs/single-case-effect-sizes.md) or taken from a
 * published example. Each test says where its expected value comes from.
 */
import { close, es } from "./s1.ts";

Deno.test("Tau on S1 by hand", () => {
  close(es("Tau").estimate, 2 * 7.5 / 9 - 1, 1e-12, "Tau");
  close(es("Tau").se, 2 * es("NAP").se!, 1e-12, "Tau SE");
});
