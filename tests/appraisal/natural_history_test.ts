/**
 * The case notebooks' natural-course caveat says what the recorded figures measured, by their
 * own `measure`, not a measure assumed of every figure.
 */
import assert from "node:assert/strict";
import { naturalCourseCaveat } from "../../lib/mod.ts";
import type { NaturalHistoryFigure } from "../../lib/reference.ts";

const figure: NaturalHistoryFigure = {
  study: "s",
  citation: "Author A, Other B. A cohort. Pain 2001;1:1.",
  doi: null,
  design: "prospective cohort",
  group: "all",
  n: 40,
  time: "6 months",
  measure: "pain-free",
  value: 20,
  unit: "percent",
  status: "verified",
  quote: "20%",
  source: "https://example.org",
  note: null,
};

Deno.test("naturalCourseCaveat: each measure's percentages are named by the measure", () => {
  const text = naturalCourseCaveat([
    figure,
    { ...figure, value: 30 },
    { ...figure, measure: "phantom pain present", value: 70 },
  ]);
  assert.match(
    text,
    /20% to 30% of patients \(pain-free\) and 70% of patients \(phantom pain present\)/,
  );
  // A share of pain-free patients is not a share of patients with phantom pain.
  assert.doesNotMatch(text, /had phantom pain/);
});
