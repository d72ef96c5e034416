/**
 * LRRd and LRRi (Pustejovsky 2015, 2018), SingleCaseES `calc_LRRd`, `calc_LRRi`: values derived by
 * hand from the SingleCaseES 0.7.4 definitions (the package's vignette "Effect size definitions and mathematical details",
 * https://jepusto.github.io/SingleCaseES/articles/Effect-size-definitions.html) or
 * taken from a published example. Each test says where its expected value comes from.
 */
import assert from "node:assert/strict";
import { effectSize } from "../../../lib/mod.ts";
import { close, dec, es, inc } from "./s1.ts";

Deno.test("LRRd / LRRi on S1 (count scale, bias-corrected) by hand", () => {
  const ma = 4, mb = 7 / 3, va = 1, vb = 7 / 3;
  const r2 = (Math.log(mb) + vb / (2 * 3 * mb * mb)) - (Math.log(ma) + va / (2 * 3 * ma * ma));
  const se = Math.sqrt(va / (3 * ma * ma) + vb / (3 * mb * mb));
  close(es("LRRd").estimate, r2, 1e-12, "LRRd");
  close(es("LRRd").se, se, 1e-12, "LRR SE");
  close(es("LRRi").estimate, -r2, 1e-12, "LRRi = −LRRd for a decrease");
  close(es("LRRd", inc).estimate, -r2, 1e-12, "LRRd with increase flips");
  close(es("LRRd", { ...dec, biasCorrect: false }).estimate, Math.log(mb / ma), 1e-12);
});

Deno.test("LRR edges: one observation; all-zero phases with D = 1 and without truncation", () => {
  assert.equal(effectSize("LRRd", [8], [1, 2], dec).estimate, null);
  close(
    effectSize("LRRd", [8], [1, 2], { ...dec, biasCorrect: false }).estimate,
    Math.log(1.5 / 8),
    1e-12,
  );
  assert.equal(effectSize("LRRd", [8], [1, 2], { ...dec, biasCorrect: false }).se, null);
  // All zero, D = 1: ȳ~ = 1/(2·2) in both phases, s²~ = 1/2³ → estimate 0, SE √2.
  const z = effectSize("LRRd", [0, 0], [0, 0], dec);
  close(z.estimate, 0, 1e-12);
  close(z.se, Math.sqrt(2), 1e-12);
  const none = effectSize("LRRd", [0, 0], [0, 0], { ...dec, scale: "other" });
  assert.equal(none.estimate, null);
  assert.match(none.reason!, /mean of 0/);
});

Deno.test("LRR: a phase mean truncated to 1/(2·D·n) is said, since the estimate then rests on D", () => {
  const opts = { improvement: "decrease" as const };
  // Phase B all 0: its mean becomes 1/(2·1·3) under scale "count" (D = 1), as SingleCaseES.
  // Bias-corrected: ln(1/6) + (1/27)/(2·3/36) − [ln 6 + 1/(2·3·36)] (variance floor 1/n³ in B).
  const r = effectSize("LRRd", [5, 6, 7], [0, 0, 0], opts);
  const expected = Math.log(1 / 6) + (1 / 27) / (2 * 3 / 36) - (Math.log(6) + 1 / (2 * 3 * 36));
  assert.ok(Math.abs(r.estimate! - expected) < 1e-12, String(r.estimate));
  assert.match(
    r.note!,
    /^phase B mean truncated to 1\/\(2·D·n\): the estimate depends on that choice; phase B variance raised to 1\/\(D²·n³\): .* \(D = 1, scale "count"/,
  );
  assert.match(
    effectSize("LRRd", [0, 0, 0], [0, 0, 0], opts).note!,
    /^phase A and B means truncated/,
  );
  // A constant phase above the floor: its variance 0 is raised, and the SE rests on D.
  assert.match(
    effectSize("LRRd", [5, 5, 5], [1, 2, 3], opts).note!,
    /^phase A variance raised to 1\/\(D²·n³\): the standard error depends on that choice/,
  );
  // No mean or variance below the floor: no note.
  assert.equal(effectSize("LRRd", [5, 6, 7], [1, 2, 3], opts).note, undefined);
});
