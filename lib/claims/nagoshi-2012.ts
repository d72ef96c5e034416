/**
 * The claims of Nagoshi et al. 2012 about its own patients, as data: each quoted, with the cases
 * it is about (the article's case numbers, or every case of the article) and the rule that judges
 * it (`rules.ts`). A claim about a new article goes in a file like this one.
 *
 * @module
 */
import type { ClaimRule } from "./rules.ts";

/** One claim of an article, as data. */
export interface ClaimData {
  /** Short identifier, unique in the ledger. */
  id: string;
  /** The `source_id` of the article making it. */
  sourceId: string;
  /** The article's case ids it is about, or "all" for every case of the article. */
  cases: readonly string[] | "all";
  /** Where in the article. */
  where: string;
  /** The claim, quoted from the article. */
  quote: string;
  /** How it is judged, in words. */
  rule: string;
  /** The rule and its parameters. */
  judge: ClaimRule;
}

const source = "nagoshi-2012";

/**
 * The claims of Nagoshi et al. 2012.
 *
 * @example
 * ```ts
 * import { NAGOSHI_2012_CLAIMS } from "./nagoshi-2012.ts";
 * NAGOSHI_2012_CLAIMS.every((c) => c.sourceId === "nagoshi-2012"); // true
 * ```
 */
export const NAGOSHI_2012_CLAIMS: readonly ClaimData[] = [
  {
    id: "case2-within-6-days",
    sourceId: source,
    cases: ["2"],
    where: "Case report 2",
    quote: "A marked improvement in phantom leg pain was noticeable within 6 days (pain VAS 1.0)",
    rule: "supported if the first value after the drug is a ≥50% reduction dated within 6 days",
    judge: { kind: "first-value-reduction", minPercent: 50, withinDays: 6 },
  },
  {
    id: "case2-total-relief",
    sourceId: source,
    cases: ["2"],
    where: "Figure 1 caption",
    quote: "Total pain relief was obtained after less than 4 weeks of therapy",
    rule: "supported if the last value is 0 within 28 days; partly if ≤ 0.5 cm",
    judge: {
      kind: "last-value",
      supportedAtMost: 0,
      partlyAtMost: 0.5,
      withinDays: 28,
      longTermDays: null,
    },
  },
  {
    id: "case2-no-recurrence",
    sourceId: source,
    cases: ["2"],
    where: "Case report 2",
    quote:
      "the symptom had virtually disappeared by 25 days of treatment (pain VAS 0.1), with no recurrence",
    rule: '"no recurrence" needs a stated follow-up after the last value: cannot be assessed ' +
      "when its length is not stated",
    judge: { kind: "no-recurrence" },
  },
  {
    id: "case2-first-line-monotherapy",
    sourceId: source,
    cases: ["2"],
    where: "Discussion",
    quote:
      "case 2 in the present paper is the first report of milnacipran being successfully used as monotherapy and first-line treatment",
    rule: "supported if no other drug was given for the pain before the drug (first-line) and " +
      "none with it (monotherapy); else not supported",
    judge: { kind: "first-line-monotherapy" },
  },
  {
    id: "case3-within-a-week",
    sourceId: source,
    cases: ["3"],
    where: "Case report 3",
    quote: "significant pain relief was achieved within a week (pain VAS 2.0)",
    rule: "supported if the first value after the drug is a ≥30% reduction dated within 7 days",
    judge: { kind: "first-value-reduction", minPercent: 30, withinDays: 7 },
  },
  {
    id: "case3-complete-within-a-month",
    sourceId: source,
    cases: ["3"],
    where: "Figure 1 caption",
    quote: "pain relief produced by milnacipran, which was complete within a month",
    rule: "supported if a value of 0 is dated within 30 days of the start at every admissible " +
      "day; partly if its nominal day is within 30 days; not supported otherwise",
    judge: { kind: "zero-within-days", withinDays: 30 },
  },
  {
    id: "case3-resurgence-managed",
    sourceId: source,
    cases: ["3"],
    where: "Discussion",
    quote:
      "Subsequent resurgence of pain was successfully managed by increasing the dose of milnacipran",
    rule: "supported if every value on the higher dose is below the last one on the lower dose " +
      "and dated; partly if their time is not stated; not supported if not lower",
    judge: { kind: "lower-after-dose-increase" },
  },
  {
    id: "case3-quetiapine-no-effect",
    sourceId: source,
    cases: ["3"],
    where: "Figure 1 caption",
    quote:
      "administration of quetiapine to control delirium had no effect on pain relief produced by milnacipran",
    rule: "assessable only with values before quetiapine and values on the drug without " +
      "quetiapine; cannot be assessed otherwise",
    judge: { kind: "co-drug-no-effect", drug: "quetiapine" },
  },
  {
    id: "case3-relief-only-with-milnacipran",
    sourceId: source,
    cases: ["3"],
    where: "Discussion",
    quote:
      "quetiapine was administered to control delirium, but relief of phantom limb pain was obtained only when milnacipran was introduced",
    rule: "assessable only with a value before quetiapine and one on quetiapine alone showing " +
      "no relief; cannot be assessed otherwise",
    judge: { kind: "relief-only-with-drug", after: "quetiapine" },
  },
  {
    id: "case1-paroxetine-partial",
    sourceId: source,
    cases: ["1"],
    where: "Abstract",
    quote: "phantom limb pain responded partially to treatment with high doses of paroxetine",
    rule: "a response needs a value before paroxetine: supported if one exists and the values " +
      "on paroxetine fall but stay above 1 cm; partly if the values on it fall and stay above " +
      "1 cm with no value before it (a fall on the drug, not a measured response; a dose raised " +
      "because of a high value predicts a fall by regression to the mean); not supported if " +
      "they do not fall",
    judge: { kind: "partial-response-to-prior-drug", drug: "paroxetine", remainingAbove: 1 },
  },
  {
    id: "case1-milnacipran-further",
    sourceId: source,
    cases: ["1"],
    where: "Abstract",
    quote: "replacement with milnacipran further improved the pain relief",
    rule: "supported if every value after the switch is below the last value before it, the " +
      "values before were not already falling and the drugs did not overlap; partly if lower " +
      "but pain was already falling or the drugs overlapped; not supported if not lower",
    judge: { kind: "further-improvement-after-switch", from: "paroxetine" },
  },
  {
    id: "case1-almost-no-pain",
    sourceId: source,
    cases: ["1"],
    where: "Case report 1",
    quote: "then he reported feeling almost no pain within a week (pain VAS 2.3)",
    rule: '"almost no pain": supported if the value is at most 1 cm (the near-total ' +
      "threshold used throughout this ledger); not supported above it",
    judge: { kind: "value-at-most", timeId: "milnacipran_1wk_report", atMost: 1 },
  },
  {
    id: "case1-long-term-full",
    sourceId: source,
    cases: ["1"],
    where: "Abstract",
    quote: "long-term full pain relief was achieved",
    rule: '"full": supported if the last value is 0; partly if ≤ 1 cm; "long-term": at most ' +
      "partly unless that value is dated at least 90 days after the drug's start",
    judge: {
      kind: "last-value",
      supportedAtMost: 0,
      partlyAtMost: 1,
      withinDays: null,
      longTermDays: 90,
    },
  },
  {
    id: "case1-full-relief-sustained",
    sourceId: source,
    cases: ["1"],
    where: "Discussion",
    quote:
      "Replacement with milnacipran resulted in full pain relief which was sustained over time",
    rule: '"full": supported if the last value is 0; partly if ≤ 1 cm',
    judge: {
      kind: "last-value",
      supportedAtMost: 0,
      partlyAtMost: 1,
      withinDays: null,
      longTermDays: null,
    },
  },
  {
    id: "case1-near-total-absence",
    sourceId: source,
    cases: ["1"],
    where: "Figure 1 caption",
    quote: "leading to a long-term near-total absence of pain",
    rule: '"near-total": supported if the last value is ≤ 1 cm (the same case\'s "full" ' +
      'relief in the Abstract and Discussion is judged against 0); "long-term": at most partly ' +
      "unless that value is dated at least 90 days after the drug's start",
    judge: {
      kind: "last-value",
      supportedAtMost: 1,
      partlyAtMost: null,
      withinDays: null,
      longTermDays: 90,
    },
  },
  {
    id: "all-rapid-near-total",
    sourceId: source,
    cases: "all",
    where: "Discussion",
    quote:
      "Milnacipran, in all three cases, produced rapid and near-total relief from phantom limb pain",
    rule: "rapid: a ≥50% reduction at the first value, dated within 7 days; near-total: last " +
      "value ≤ 1 cm; supported if both hold in every case, partly if in some",
    judge: { kind: "rapid-and-near-total", minPercent: 50, withinDays: 7, nearTotalAtMost: 1 },
  },
  {
    id: "no-depression",
    sourceId: source,
    cases: "all",
    where: "Discussion",
    quote: "None of the three patients reported here suffered from depression",
    rule: "supported if every case has an SDS score below 40; partly if some scores are missing",
    judge: { kind: "no-depression", sdsBelow: 40 },
  },
  {
    id: "direct-analgesic",
    sourceId: source,
    cases: "all",
    where: "Discussion",
    quote:
      "suggesting that milnacipran was acting directly as an analgesic and not indirectly via an antidepressant effect",
    rule: "a mechanism needs a mood measure over time beside the pain values: cannot be " +
      "assessed from one SDS score per case",
    judge: { kind: "direct-analgesic" },
  },
  {
    id: "first-line",
    sourceId: source,
    cases: "all",
    where: "Discussion",
    quote:
      "milnacipran may be useful in the treatment of phantom limb pain, possibly as a first-line agent",
    rule: "first-line: no other drug for the pain before it; an uncontrolled series cannot " +
      "support a recommendation: at most partly supported, if every first-line case reaches " +
      "≥50% at its last value",
    judge: { kind: "useful-first-line", minPercent: 50 },
  },
];
