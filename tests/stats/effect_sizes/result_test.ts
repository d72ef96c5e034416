/**
 * What every effect-size result carries (lib/stats/effect_sizes/result.ts): values derived by hand
 * from the SingleCaseES 0.7.4 definitions (the package's vignette "Effect size definitions and mathematical details",
 * https://jepusto.github.io/SingleCaseES/articles/Effect-size-definitions.html) or taken
 * from a published example. Each test says where its expected value comes from.
 */
import assert from "node:assert/strict";
import { effectSize } from "../../../lib/mod.ts";
import { es, inc } from "./s1.ts";

Deno.test("every result carries n and the options with defaults", () => {
  const r = es("NAP");
  assert.deepEqual(r.n, { baseline: 3, treatment: 3 });
  assert.deepEqual(r.options, { improvement: "decrease", confidence: 0.95 });
  assert.deepEqual(effectSize("NAP", [1, NaN], [2], inc).n, { baseline: 1, treatment: 1 });
});
