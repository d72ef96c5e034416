/**
 * The rules that judge an article's claims: one small function per rule name of `params.ts`,
 * each a function of the claim's parameters, the drug the claim is about and the cases of the
 * claim's own article, returning a verdict and the computed evidence behind it. Every number in
 * an evidence sentence is computed from the data; none is typed. Nothing here reads the study's
 * drug: each claim is judged on its own terms.
 *
 * The functions live by family in `rules/` (values, order, course, attribution; what they share
 * in `rules/common.ts`); this module is the dispatcher by name. A new rule is its parameters in
 * `params.ts` and its function in a family's record: the type of {@link judge}'s table requires
 * one function per name.
 *
 * @module
 */
import type { Case } from "../../model.ts";
import { type ClaimRule, type RuleName, RULES } from "../params.ts";
import { cannot, type Judge, type Judgement, type Judges } from "./common.ts";
import { ATTRIBUTION_RULES } from "./attribution.ts";
import { COURSE_RULES } from "./course.ts";
import { ORDER_RULES } from "./order.ts";
import { VALUE_RULES } from "./values.ts";
import { thresholdUnitProblem } from "../thresholds.ts";

export type { ClaimRule } from "../params.ts";
export type { Judgement, Verdict } from "./common.ts";

/** The function of every rule, by name (one per name of `params.ts`: the type requires it). */
const JUDGES: Judges<RuleName> = {
  ...VALUE_RULES,
  ...ORDER_RULES,
  ...COURSE_RULES,
  ...ATTRIBUTION_RULES,
};

/**
 * Judges a claim by its rule on the cases of its own article.
 *
 * @param rule The rule and its parameters.
 * @param drug The drug the claim is about (its `drug` column); `null` for a rule that judges none.
 * @param cases The cases the claim is about (already restricted to its article).
 * @returns The verdict and the computed evidence.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries } from "#lib/mod.ts";
 * import { judge } from "#lib/claims/rules/mod.ts";
 * const [c] = (await loadCaseSeries()).cases;
 * const rule = { kind: "no-depression", params: { sds_below: 40, unit: "raw score" } } as const;
 * assert.ok(judge(rule, null, [c]).evidence.startsWith(`case ${c.id}: SDS`));
 * const needsDrug = { kind: "zero-within-days", params: { within_days: 30 } } as const;
 * assert.equal(judge(needsDrug, null, [c]).verdict, "cannot be assessed");
 * ```
 */
export function judge(rule: ClaimRule, drug: string | null, cases: readonly Case[]): Judgement {
  if (cases.length === 0) return cannot("none of its cases is in the data");
  const fn = JUDGES[rule.kind] as Judge<RuleName>;
  if (drug === null && RULES[rule.kind].drug) {
    return cannot(`rule ${rule.kind} needs the drug the claim is about`);
  }
  // Thresholds are read in the unit of the cases' scales (`deno task validate` checks it too).
  const unit = thresholdUnitProblem(rule, cases.flatMap((c) => c.observations.map((o) => o.scale)));
  if (unit !== null) return cannot(`${unit}.`);
  return fn(rule.params as never, drug ?? "", cases);
}
