/**
 * PND (Scruggs, Mastropieri & Casto 1987), SingleCaseES `calc_PND`: values derived by hand from
 * the SingleCaseES 0.7.4 definitions (../shared/docs/single-case-effect-sizes.md) or taken from a
 * published example. Each test says where its expected value comes from.
 */
import { close, es } from "./s1.ts";

Deno.test("PND on S1 by hand", () => {
  close(es("PND").estimate, 2 / 3, 1e-12, "PND: 1 and 2 are below min(A) = 3");
});
