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

Deno.test("a quote is searched as it is and, when not found so, with its white space folded", () => {
  const texts = new Map([["a", "The pain VAS was 6.6 at week 7."]]);
  const issues: DataIssue[] = [];
  const check = provenance(texts, issues);
  // White space at either end, a tab, a line break: folded, then found (the quote kept as given).
  for (const q of [" pain VAS was 6.6", "pain VAS was 6.6 ", "pain\tVAS was 6.6", "VAS was\n6.6"]) {
    assert.equal(check.quote("t.csv", 2, "a", "quote", q), q);
  }
  assert.equal(issues.length, 0);
  // Found as it is but too short, or too short once folded: short, whether found or not.
  check.quote("t.csv", 3, "a", "quote", "pain VAS");
  check.quote("t.csv", 4, "a", "quote", " pain  VAS ");
  // Found as it is inside a longer number only; not found at all.
  check.quote("t.csv", 5, "a", "quote", "pain VAS was 6");
  check.quote("t.csv", 6, "a", "quote", "pain VAS was 7.6");
  assert.deepEqual(issues.map((i) => [i.row, i.message.slice(0, 33)]), [
    [3, "quote too short to locate what it"],
    [4, "quote too short to locate what it"],
    [5, "quote found in source a only insi"],
    [6, "quote not found in source a; near"],
  ]);
});
