/**
 * The case notebooks' natural-course caveat says what the recorded figures measured, by their
 * own `measure`, not a measure assumed of every figure.
 */
import assert from "node:assert/strict";
import { naturalCourseCaveat } from "../../lib/mod.ts";
import type { NaturalHistoryFigure } from "../../lib/reference.ts";
import { bracketDepth } from "../helpers/brackets.ts";

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

Deno.test("naturalCourseCaveat: each figure is named by its own measure, every value kept", () => {
  const text = naturalCourseCaveat([
    figure,
    { ...figure, value: 30 },
    { ...figure, study: "t", measure: "phantom pain present", value: 70 },
  ]);
  assert.match(text, /recorded pain-free: 20% at 6 months and 30% at 6 months/);
  assert.match(text, /recorded phantom pain present: 70% at 6 months/);
  // A share of pain-free patients is not a share of patients with phantom pain.
  assert.doesNotMatch(text, /had phantom pain/);
});

Deno.test("naturalCourseCaveat: every row of every study, a verb, and a group's fall over time", () => {
  const control = {
    ...figure,
    study: "c",
    citation: "Control C, Other D. Controls. Pain 1990;2:2.",
    group: "control group",
    n: 14,
    measure: "patients with phantom pain",
    unit: "patients",
  };
  const text = naturalCourseCaveat([
    { ...figure, value: 72, time: "8 days" },
    { ...figure, value: 59, time: "2 years" },
    { ...control, value: 9, time: "7 days" },
    { ...control, value: 5, time: "6 months" },
    { ...control, value: 3, time: "1 year" },
  ]);
  // The falling control series is not left out of a range of the percentages.
  assert.match(text, /9 of 14 patients at 7 days, 5 of 14 patients at 6 months and 3 of 14/);
  assert.match(text, /a fall from 64\.3% to 21\.4% of the group/);
  assert.match(text, /Author et al\. 2001, prospective cohort, all, n = 40, recorded/);
  // A rise is not called a fall; times that are not a number of days give no fall.
  const rise = naturalCourseCaveat([
    { ...figure, value: 10, time: "1 week" },
    { ...figure, value: 30, time: "1 year" },
  ]);
  assert.doesNotMatch(rise, /a fall/);
  const words = naturalCourseCaveat([
    { ...figure, value: 30, time: "early" },
    { ...figure, value: 10, time: "late" },
  ]);
  assert.doesNotMatch(words, /a fall/);
});

const depth = bracketDepth;

Deno.test("naturalCourseCaveat: brackets in a study's design, group or measure are not nested in others", () => {
  const text = naturalCourseCaveat([
    { ...figure, design: "prospective controlled (not randomised)", group: "controls (no block)" },
    { ...figure, study: "u", value: null, measure: "phantom pain intensity (VAS)" },
  ]);
  assert.equal(depth(text), 1, text);
  assert.match(text, /prospective controlled \(not randomised\), controls \(no block\), n = 40/);
  assert.match(
    text,
    /no figure of Author et al\. 2001 on phantom pain intensity \(VAS\) could be verified here/,
  );
});
