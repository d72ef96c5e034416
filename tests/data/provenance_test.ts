/**
 * The provenance checks: the scan that tells a quote needing normalisation agrees with the
 * regular expression it replaces, and a quote is kept as the source text's own characters.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { mayNeedNormalising, provenance } from "../../lib/data/provenance.ts";
import type { DataIssue } from "../../lib/errors.ts";

const SEED = 20121123;

Deno.test("mayNeedNormalising answers as /[^\\S ]| {2}|^ | $/ on any text", () => {
  const regex = /[^\S ]| {2}|^ | $/;
  const chars = fc.constantFrom(
    "a",
    "7",
    ".",
    " ",
    "\t",
    "\n",
    "\r",
    "\v",
    "\f",
    "\u0085",
    "\u00a0",
    "\u2003",
    "\u2028",
    "\u3000",
    "\ufeff",
    "é",
  );
  fc.assert(
    fc.property(fc.array(chars, { maxLength: 12 }).map((a) => a.join("")), (s) => {
      assert.equal(mayNeedNormalising(s), regex.test(s), JSON.stringify(s));
    }),
    { seed: SEED, numRuns: 5000 },
  );
});

Deno.test("a quote is checked in its own source's text and kept as the text's characters", () => {
  const texts = new Map([["a", "The pain VAS was 6.6 at week 7."], ["b", "Nothing here at all."]]);
  const issues: DataIssue[] = [];
  const check = provenance(texts, issues);
  const kept = check.quote("t.csv", 2, "a", "quote", "pain VAS was 6.6");
  assert.equal(kept, "pain VAS was 6.6");
  assert.equal(issues.length, 0);
  // The same quote against the other source (the last source looked up changes) is not found.
  check.quote("t.csv", 3, "b", "quote", "pain VAS was 6.6");
  assert.deepEqual(issues.map((i) => i.message), ["quote not found in source b"]);
  // White space is folded before the search.
  assert.equal(check.quote("t.csv", 4, "a", "quote", "pain  VAS was 6.6"), "pain  VAS was 6.6");
  assert.equal(issues.length, 1);
});
