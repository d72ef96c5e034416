/**
 * The provenance checks: a quote is checked in its own source's text, white space folded, and kept
 * as the text's own characters.
 */
import assert from "node:assert/strict";
import { provenance } from "../../lib/data/provenance.ts";
import type { DataIssue } from "../../lib/errors.ts";

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
