/**
 * The rules a claim can name (the `rule` column of `data/articles/<source_id>/claims.csv`), each
 * with the zod schema of its parameters (the `params` column, a JSON object) and whether it
 * judges a drug (the `drug` column). Only names and parameters live here, so that the loader can
 * check a claims file without importing what judges it; the judging functions are in `rules/` (by
 * family, dispatched by `rules.ts`),
 * one per name (the type checker holds the two lists together).
 *
 * @module
 */
import { z } from "zod";
import { statedNumbers } from "../source.ts";

const percent = () => z.number().min(0).max(100);
const days = () => z.number().min(0);
/**
 * A threshold on the pain scale, in the own unit of the scale of the claim's cases' values (the
 * unit named by `unit` where the rule takes it; `thresholds.ts`).
 */
const scaleValue = () => z.number().min(0);
const name = () => z.string().trim().min(1);
/**
 * The unit of a depression score (`sds` in `cases.csv`, and `no-depression`'s `sds_below`): Zung's
 * raw score, 20–80, not the index (25–100) some papers give, so that a cut-off is read in the
 * form the data hold.
 */
export const SDS_UNIT = "raw score";
/** A generic drug name as in `treatments.csv`. */
const drugName = () => z.string().regex(/^[a-z][a-z -]*$/, "must be a generic name in lower case");

/** One rule: what it judges, its parameters and whether the claim must name a drug. */
export interface RuleSpec<S extends z.ZodObject = z.ZodObject> {
  /** What the rule decides, in one sentence (for `data/README.md`). */
  summary: string;
  /** Whether the claim's `drug` column is required (the drug whose start is day 0). */
  drug: boolean;
  /** The parameters, as a strict object (an unknown key is an error). */
  params: S;
  /**
   * The parameters that are thresholds on the pain scale, read in the own unit of the scale of
   * the values they are compared with (`thresholds.ts`); absent when none is.
   */
  scaleParams?: readonly (keyof S["shape"] & string)[];
}

const spec = <S extends z.ZodObject>(s: RuleSpec<S>) => s;

/**
 * Every rule a claim can name, by name.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { RULES } from "#lib/mod.ts";
 * const ok = RULES["first-value-reduction"].params.safeParse({ min_percent: 50, within_days: 6 });
 * assert.ok(ok.success, "expected valid parameters");
 * ```
 */
export const RULES = {
  "first-value-reduction": spec({
    summary: "the first value after the drug's start is a reduction of at least `min_percent` " +
      "from the last value before it, dated within `within_days` days of the start",
    drug: true,
    params: z.strictObject({ min_percent: percent(), within_days: days() }),
  }),
  "last-value": spec({
    summary: "the last value after the drug (a range by its upper end): supported at or below " +
      "`supported_at_most`, partly " +
      "at or below `partly_at_most` (null: never partly), both in `unit`; not supported when " +
      "later than " +
      "`within_days` (null: any time); at most partly unless surely `long_term_days` or more " +
      "after the start (null: no such condition)",
    drug: true,
    params: z.strictObject({
      supported_at_most: scaleValue(),
      partly_at_most: scaleValue().nullable(),
      within_days: days().nullable(),
      long_term_days: days().nullable(),
      unit: name(),
    }),
    scaleParams: ["supported_at_most", "partly_at_most"],
  }),
  "value-at-most": spec({
    summary: "the value at time point `time_id` is at most `at_most` (in `unit`) at its upper " +
      "bound",
    drug: false,
    params: z.strictObject({ time_id: name(), at_most: scaleValue(), unit: name() }),
    scaleParams: ["at_most"],
  }),
  "zero-within-days": spec({
    summary: "a value of 0 after the drug is dated within `within_days` days of its start " +
      "(partly: only at its nominal day)",
    drug: true,
    params: z.strictObject({ within_days: days() }),
  }),
  "first-line-monotherapy": spec({
    summary: "no other drug for `indication` started before the drug, and none given with it",
    drug: true,
    params: z.strictObject({ indication: name() }),
  }),
  "lower-after-dose-increase": spec({
    summary: "every value on the drug's higher dose is below the last one on the lower dose " +
      "(partly when their time is not stated)",
    drug: true,
    params: z.strictObject({}),
  }),
  "partial-response-to-prior-drug": spec({
    summary: "the values while the drug was surely given, and no other drug for its purpose " +
      "may have been, fall but stay above `remaining_above` (in `unit`); supported only with a " +
      "value before the drug (values after another drug for the pain was added are named in the " +
      "evidence, not counted as the drug's response)",
    drug: true,
    params: z.strictObject({ remaining_above: scaleValue(), unit: name() }),
    scaleParams: ["remaining_above"],
  }),
  "further-improvement-after-switch": spec({
    summary: "every value after a switch from drug `from` to the drug is below the last value " +
      "before it; partly when pain was already falling, or may already have been, before the " +
      "switch (the visual analysis' rule, `baselineMovement` in `lib/analysis/visual.ts`: \"was " +
      'already falling" when the values before fall at every admissible day and every value ' +
      'within rounding, "may already have been falling" when only some days or values allow ' +
      "it), or when the two drugs may overlap",
    drug: true,
    params: z.strictObject({ from: drugName() }),
  }),
  "rapid-and-near-total": spec({
    summary: "in every case, a reduction of at least `min_percent` at the first value dated " +
      "within `within_days` days, and a last value at most `near_total_at_most` (in `unit`; a " +
      "range by its upper end)",
    drug: true,
    params: z.strictObject({
      min_percent: percent(),
      within_days: days(),
      near_total_at_most: scaleValue(),
      unit: name(),
    }),
    scaleParams: ["near_total_at_most"],
  }),
  "no-depression": spec({
    summary: "every case has a depression score (SDS) below `sds_below`, in `unit` (`raw score`, " +
      "20–80, as `cases.csv` holds it) (partly when some are " +
      "missing, or when a score was taken at the time point `measured_at[case]` while a drug of " +
      "a class in `antidepressant_classes` may have been given: a score on an antidepressant " +
      "cannot show the absence of depression without it)",
    drug: false,
    params: z.strictObject({
      sds_below: z.number().min(20).max(80),
      unit: z.literal(SDS_UNIT, {
        error: `must be "${SDS_UNIT}": the SDS of cases.csv is Zung's raw score (20–80); a ` +
          "cut-off on the index (25–100) is the raw score × 1.25 (index 50 = raw score 40)",
      }),
      measured_at: z.record(name(), name()).optional(),
      antidepressant_classes: z.array(name()).optional(),
    }),
  }),
  "useful-first-line": spec({
    summary: "a recommendation (useful, first-line): cannot be assessed from uncontrolled cases; " +
      "the evidence says which cases received the drug before any other for `indication` and " +
      "whether they reached `min_percent` at their last value",
    drug: true,
    params: z.strictObject({ min_percent: percent(), indication: name() }),
  }),
  "first-line": spec({
    summary: "no other drug for `indication` started before the drug (drugs given with it for " +
      "other purposes are listed, not counted)",
    drug: true,
    params: z.strictObject({ indication: name() }),
  }),
  "last-value-reduction": spec({
    summary: "in every case, the last value after the drug is a reduction of at least " +
      "`min_percent` from the last value before it (what caused it is not judged)",
    drug: true,
    params: z.strictObject({ min_percent: percent() }),
  }),
  "drug-ineffective": spec({
    summary: "that the drug had no effect on the pain: supported when every value while it was " +
      "surely given is at or above the last value before it; cannot be assessed without a value " +
      "before it and one on it (the evidence counts them)",
    drug: true,
    params: z.strictObject({}),
  }),
  "outcome-not-measured": spec({
    summary: "a claim about `outcome` (e.g. insomnia, delirium, tolerability), which the data " +
      "hold no measure of: cannot be assessed (the evidence names the scales that are measured)",
    drug: false,
    params: z.strictObject({ outcome: name() }),
  }),
  "co-drug-no-effect": spec({
    summary: "that `co_drug` had no effect on the relief: cannot be assessed in an AB series " +
      "(the evidence says which values exist with and without it)",
    drug: true,
    params: z.strictObject({ co_drug: drugName() }),
  }),
  "relief-only-with-drug": spec({
    summary: "that relief came only with the drug, after `after` was given: cannot be assessed " +
      "without values on `after` alone (the evidence counts them)",
    drug: true,
    params: z.strictObject({ after: drugName() }),
  }),
  "no-recurrence": spec({
    summary: '"no recurrence": cannot be assessed unless a follow-up after the last value is ' +
      "stated (the evidence says what is); with `after` (a time point of the case: the event " +
      "the claim is about, such as a dose change), the values stated after that time point",
    drug: false,
    params: z.strictObject({ after: name().optional() }),
  }),
  "direct-analgesic": spec({
    summary: "a mechanism (analgesic, not antidepressant): cannot be assessed without a mood " +
      "measure over time beside the pain values",
    drug: true,
    params: z.strictObject({}),
  }),
} as const;

/**
 * Where the value of each numeric parameter a rule judges by comes from: a published source, the
 * claim's own words, or the project's choice, said as such (`data/README.md`, "Claims"; a claim's
 * `rule_text` names it beside the number). Every numeric parameter of {@link RULES} has an entry
 * (a test holds them together).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { THRESHOLD_SOURCES } from "#lib/claims/params.ts";
 * assert.match(THRESHOLD_SOURCES.long_term_days, /project's choice/);
 * ```
 */
export const THRESHOLD_SOURCES = {
  min_percent:
    "IMMPACT (Dworkin RH et al. J Pain 2008;9:105-121): a reduction of at least 30% is moderately important, of at least 50% substantial; each claim's `rule_text` says which band its words are judged at",
  within_days: "the claim's own words: the time it states, in days (a week: 7; a month: 30)",
  long_term_days:
    "the project's choice, stated in each claim's `rule_text` (no published definition of long-term relief is applied)",
  supported_at_most: "the no-pain band of the VAS, 0 to 0.4 cm of 10 cm (Jensen MP, Chen C, " +
    "Brugger AM. J Pain 2003;4:407-414), through the one rule for words of relief " +
    "(`claims/relief.ts`)",
  partly_at_most: "the no-pain band of the VAS (Jensen et al. 2003), as `supported_at_most`",
  at_most: "the no-pain band of the VAS (Jensen et al. 2003), as `supported_at_most`",
  near_total_at_most: "the no-pain band of the VAS (Jensen et al. 2003), as `supported_at_most`",
  remaining_above:
    "the project's choice, stated in each claim's `rule_text`: above the no-pain band (Jensen et al. 2003) by more than the rounding of a value stated to the unit, so that pain surely remains",
  sds_below: "Zung's recommended cut-off of the Self-rating Depression Scale: a raw score of 40 " +
    "(index 50) or more suggests depression (Zung WW. Arch Gen Psychiatry 1965;12:63-70; the " +
    "raw and index forms as clarified by Dunstan DA, Scott N. BMC Psychiatry 2019;19:177, doi:10.1186/s12888-019-2161-0, who " +
    "find a higher cut-off more accurate: 40 is the stricter for a claim of no depression)",
} as const satisfies Record<string, string>;

/** The name of a rule. */
export type RuleName = keyof typeof RULES;

/** The parameters of rule `N`, as its schema returns them (read through Standard Schema). */
export type RuleParams<N extends RuleName> = NonNullable<
  (typeof RULES)[N]["params"]["~standard"]["types"]
>["output"];

/** A rule with its parameters (a claim's `rule` and `params`). */
export type ClaimRule = { [N in RuleName]: { kind: N; params: RuleParams<N> } }[RuleName];

/**
 * Whether `name` is a rule.
 *
 * @param name A name from a claims file.
 * @returns True when it names a rule of {@link RULES}.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { isRuleName } from "#lib/mod.ts";
 * assert.equal(isRuleName("last-value"), true);
 * assert.equal(isRuleName("toString"), false);
 * ```
 */
export function isRuleName(name: string): name is RuleName {
  return Object.hasOwn(RULES, name);
}

/**
 * Checks a rule's parameters: the rule with its typed parameters, or the problems, each naming
 * the parameter (`params.min_percent: ...`).
 *
 * @param rule The rule's name.
 * @param params The parameters (parsed JSON).
 * @returns `{ rule }` or `{ problems }`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseRule } from "#lib/mod.ts";
 * const r = parseRule("zero-within-days", { within_days: "30" });
 * assert.ok("problems" in r);
 * assert.match(r.problems[0], /^params\.within_days/);
 * ```
 */
export function parseRule(
  rule: RuleName,
  params: unknown,
): { rule: ClaimRule } | { problems: string[] } {
  const r = RULES[rule].params.safeParse(params);
  if (r.success) return { rule: { kind: rule, params: r.data } as ClaimRule };
  return {
    problems: r.error.issues.map((i) => {
      const path = ["params", ...i.path.map(String)].join(".");
      // A parameter left out (or misspelt: then also reported as unknown) is named plainly.
      const given = i.path.length === 1 && typeof params === "object" && params !== null
        ? (params as Record<string, unknown>)[String(i.path[0])]
        : null;
      if (i.code !== "unrecognized_keys" && i.path.length === 1 && given === undefined) {
        // A parameter that may be null must still be given: say that null is an answer.
        const shape = (RULES[rule].params as unknown as { shape?: Record<string, z.ZodType> })
          .shape;
        const nullable = shape?.[String(i.path[0])]?.safeParse(null).success === true;
        const what = i.code === "invalid_type" ? i.expected : i.message;
        return `${path}: missing: the rule ${rule} needs it (${what}${
          nullable ? " or null" : ""
        }; it takes ${listKeys(rule)})`;
      }
      const key = i.code === "unrecognized_keys" ? ` ${i.keys.join(", ")}` : "";
      const expected = i.code === "unrecognized_keys" ? ` (this rule takes ${listKeys(rule)})` : "";
      return `${path}:${key} ${i.message}${expected}`;
    }),
  };
}

/** The parameter names of a rule, for messages. */
function listKeys(rule: RuleName): string {
  const keys = Object.keys(RULES[rule].params.shape);
  return keys.length ? keys.join(", ") : "no parameters";
}

/**
 * The numbers of a claim's `params` that its `rule_text` does not state (as `statedNumbers` reads
 * numbers: digits or number words; each number of the words stands for one parameter), and its
 * `unit` when the words do not name it (singular or plural), each as `name = value`. The words
 * beside a verdict say how it was decided; a threshold edited in `params` and not in the words
 * would show one rule and apply another. It is a check that the words give every number, not that
 * each is where it belongs: "supported at 0, partly at 0.4" still passes with the two swapped.
 *
 * @param rule The claim's parsed rule.
 * @param ruleText The claim's `rule_text`.
 * @returns The parameters the words leave out, in `params` order (none: empty).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseRule, unstatedParams } from "#lib/claims/params.ts";
 * const parsed = parseRule("first-value-reduction", { min_percent: 50, within_days: 7 });
 * assert.ok("rule" in parsed);
 * assert.deepEqual(unstatedParams(parsed.rule, "a ≥50% reduction within 6 days"), [
 *   "within_days = 7",
 * ]);
 * assert.deepEqual(unstatedParams(parsed.rule, "≥50% within seven days"), []);
 * const last = parseRule("last-value", {
 *   supported_at_most: 20, partly_at_most: 40, within_days: null, long_term_days: null, unit: "mm",
 * });
 * assert.ok("rule" in last);
 * assert.deepEqual(unstatedParams(last.rule, "the last value ≤ 20 cm, partly ≤ 40 cm"), ["unit = mm"]);
 * assert.deepEqual(unstatedParams(last.rule, "the last value ≤ 20 mm, partly ≤ 40 mm"), []);
 * // Two parameters of the same number need it twice.
 * const same = parseRule("last-value", {
 *   supported_at_most: 4, partly_at_most: 4, within_days: null, long_term_days: null, unit: "points",
 * });
 * assert.ok("rule" in same);
 * assert.deepEqual(unstatedParams(same.rule, "the last value ≤ 4 points"), ["partly_at_most = 4"]);
 * assert.deepEqual(unstatedParams(same.rule, "≤ 4 points; partly ≤ 4: at most 1 point"), []);
 * ```
 */
export function unstatedParams(rule: ClaimRule, ruleText: string): string[] {
  // Each number of the words stands for one parameter: two parameters of 0.4 need two 0.4s.
  const stated = statedNumbers(ruleText);
  const takes = (v: number) => {
    const i = stated.findIndex((n) => Math.abs(n - v) <= 1e-9);
    if (i >= 0) stated.splice(i, 1);
    return i >= 0;
  };
  return Object.entries(rule.params)
    .filter(([k, v]) =>
      typeof v === "number"
        ? !takes(v)
        : k === "unit" && typeof v === "string" && !namesUnit(ruleText, v)
    )
    .map(([k, v]) => `${k} = ${v}`);
}

/** Whether `text` names `unit` as a word, singular or plural ("1 point" names `points`). */
function namesUnit(text: string, unit: string): boolean {
  const forms = new Set([unit, unit.replace(/ies$/, "y"), unit.replace(/y$/, "ies")]);
  for (const f of [...forms]) forms.add(f.endsWith("s") ? f.slice(0, -1) : `${f}s`);
  const escaped = [...forms].map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`(?<!\\p{L})(?:${escaped.join("|")})(?!\\p{L})`, "iu").test(text);
}
