/**
 * NAP (Parker & Vannest 2009), SingleCaseES `calc_NAP`: values derived by hand from the
 * SingleCaseES 0.7.4 definitions (the package's vignette "Effect size definitions and mathematical details",
 * https://jepusto.github.io/SingleCaseES/articles/Effect-size-definitions.html) or taken from a
 * published example. Each test says where its expected value comes from.
 */
import assert from "node:assert/strict";
import { effectSize } from "../../../lib/mod.ts";
import { close, dec, es, inc } from "./s1.ts";

Deno.test("NAP, S1: 7.5/9; unbiased, Hanley and null SEs by hand", () => {
  close(es("NAP").estimate, 7.5 / 9, 1e-12, "NAP");
  // q − NAP row sums −½, 0, ½ → Q1 = ½/(3·9); column sums ½, ½, −1 → Q2 = 1.5/(9·3);
  // Σ(q − NAP)² = 1 → X = 1/9; NAP(1 − NAP) = 5/36.
  const q1 = 0.5 / 27;
  const q2 = 1.5 / 27;
  const x = 1 / 9;
  const t = 5 / 36;
  close(es("NAP").se, Math.sqrt((t + 3 * q1 + 3 * q2 - 2 * x) / 4), 1e-9, "unbiased SE");
  close(es("NAP", { ...dec, seMethod: "hanley" }).se, Math.sqrt((t + 2 * q1 + 2 * q2) / 9), 1e-9);
  close(es("NAP", { ...dec, seMethod: "null" }).se, Math.sqrt(7 / 108), 1e-9, "null SE");
});

Deno.test("NAP, S1: Newcombe Method 5 limits are the roots of f on either side of NAP", () => {
  const r = es("NAP");
  const z = 1.959963984540054;
  const h = (3 + 3) / 2 - 1;
  const nap = 7.5 / 9;
  const f = (th: number) =>
    9 * (nap - th) ** 2 * (2 - th) * (1 + th) -
    z * z * th * (1 - th) * (2 + h + (1 + 2 * h) * th * (1 - th));
  assert.ok(r.ciLower! < nap && nap < r.ciUpper!);
  assert.ok(Math.abs(f(r.ciLower!)) < 1e-9 && Math.abs(f(r.ciUpper!)) < 1e-9);
  // The CI does not depend on the SE method.
  assert.equal(es("NAP", { ...dec, seMethod: "null" }).ciLower, r.ciLower);
});

Deno.test("NAP, published example (Parker & Vannest 2009, calc_ES docs): 106/110 = 0.9636", () => {
  const yA = [4, 3, 4, 3, 4, 7, 5, 2, 3, 2];
  const yB = [5, 9, 7, 9, 7, 5, 9, 11, 11, 10, 9];
  close(effectSize("NAP", yA, yB, inc).estimate, 106 / 110, 1e-12);
  close(effectSize("Tau", yA, yB, inc).estimate, 2 * 106 / 110 - 1, 1e-12);
});

Deno.test("NAP = 1: the package's CI is [1, 1]; the informative root is given beside it", () => {
  const r = effectSize("NAP", [6.6, 3.3], [2.3, 0.6], dec);
  assert.deepEqual([r.estimate, r.ciLower, r.ciUpper], [1, 1, 1]);
  assert.ok(r.informativeCi!.lower > 0 && r.informativeCi!.lower < 1);
  assert.equal(r.informativeCi!.upper, 1);
});

Deno.test("NAP with one baseline point: unbiased SE is null with a reason, Hanley finite", () => {
  const r = effectSize("NAP", [8], [1, 0.1], dec);
  assert.equal(r.estimate, 1);
  assert.equal(r.se, null);
  assert.match(r.reason!, /one baseline/);
  // Hanley with m = 1, n = 2, NAP = 1: NAP~ = 1 − 1/4; Q1 = Q2 = 0 → V = (3/4·1/4)/2.
  close(
    effectSize("NAP", [8], [1, 0.1], { ...dec, seMethod: "hanley" }).se,
    Math.sqrt(3 / 32),
    1e-12,
  );
});
