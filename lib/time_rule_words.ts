/**
 * A time point's rule (`rule`, `amount`, `unit`, `anchor`, `bound` of `timepoints.csv` and
 * `readings.csv`) in words for a reader: "about 6 months after the first report", "within 1 week
 * after the end of drug-a", "after the surgery, before the second report". The
 * anchors are named as every table names a time point (`timeName`), never by their ids, and a
 * count of units is plural unless it is 1. The rules' meanings are those of `TIME_RULES`
 * (`lib/intervals.ts`, data/README.md).
 *
 * @module
 */
import { formatNumber, type TimeRule } from "./intervals.ts";
import type { Case } from "./model.ts";
import { timeName } from "./time_words.ts";

/** The columns of a time point's rule, as `timepoints.csv` and `readings.csv` give them. */
export interface RuleColumns {
  /** The rule (`TimeRule`). */
  rule: string;
  /** The amount counted, in `unit` (`null` for a rule that counts none). */
  amount: number | null;
  /** The unit of `amount` (day, week, month, year). */
  unit: string | null;
  /** The time point counted from (`null` for the origin). */
  anchor: string | null;
  /** The later time point an `after` rule is bounded by, if any. */
  bound: string | null;
}

/** What each rule says before its count and between the count and the anchor. */
const WORDS: Readonly<Record<TimeRule, readonly [string, string]>> = {
  origin: ["", ""],
  exact: ["", "after"],
  approx: ["about ", "after"],
  within: ["within ", "after"],
  "exact-before": ["", "before"],
  "approx-before": ["about ", "before"],
  "within-before": ["within ", "before"],
  after: ["", "after"],
  before: ["", "before"],
};

/**
 * A time point's rule in words, its anchors named by `timeName` on the case (an id the case does
 * not have stays as it is), its count with a plural unit ("6 months", "1 week").
 *
 * @param c The case whose time points the anchors are.
 * @param x The rule's columns.
 * @returns The words.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, timeName, timeRuleWords } from "#lib/mod.ts";
 * const c = (await loadCaseSeries()).cases[0];
 * const [a, b] = c.timepoints.map((t) => t.id);
 * const rule = { rule: "approx", amount: 6, unit: "month", anchor: a, bound: null };
 * assert.equal(timeRuleWords(c, rule), `about 6 months after ${timeName(c, a)}`);
 * assert.equal(
 *   timeRuleWords(c, { ...rule, rule: "within-before", amount: 1, unit: "week" }),
 *   `within 1 week before ${timeName(c, a)}`,
 * );
 * assert.equal(
 *   timeRuleWords(c, { rule: "after", amount: null, unit: null, anchor: a, bound: b }),
 *   `after ${timeName(c, a)}, before ${timeName(c, b)}`,
 * );
 * assert.equal(
 *   timeRuleWords(c, { rule: "origin", amount: null, unit: null, anchor: null, bound: null }),
 *   "day 0",
 * );
 * ```
 */
export function timeRuleWords(c: Case, x: RuleColumns): string {
  if (x.anchor === null) return x.rule === "origin" ? "day 0" : x.rule;
  const [lead, relation] = WORDS[x.rule as TimeRule] ?? ["", x.rule];
  const unit = x.unit === null ? "" : ` ${x.unit}${x.amount === 1 ? "" : "s"}`;
  const count = x.amount === null ? "" : `${formatNumber(x.amount)}${unit} `;
  const bound = x.bound === null ? "" : `, before ${timeName(c, x.bound)}`;
  return `${lead}${count}${relation} ${timeName(c, x.anchor)}${bound}`;
}
