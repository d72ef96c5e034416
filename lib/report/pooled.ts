/**
 * The pooled notebook's tables and paragraph: effect sizes aggregated across cases under each
 * weighting, responders at each threshold, the line-of-therapy groups, the paired tests, and the
 * responders in one sentence.
 *
 * @module
 */
import { painOptions, type Study } from "../study.ts";
import { CI_BOUNDS, excludedIds, exclusionNotes, groupedExclusions, num } from "./cells.ts";
import { expectSeries } from "../args.ts";
import { type Row, withBounds } from "../display.ts";
import { fmt, fmtP, formatBound, formatRange } from "../intervals.ts";
import type { CaseSeries } from "../model.ts";
import type { Measure } from "../stats/effect_sizes/mod.ts";
import {
  aggregateEffectSizes,
  attainableRange,
  caseEffectSizes,
  WEIGHTING_FAVOURS,
  WEIGHTINGS,
} from "../analysis/aggregation.ts";
import {
  type PairedTests,
  pairedTests,
  pFloorReason,
  type TestResult,
} from "../analysis/paired_tests.ts";
import {
  clopperPearson,
  type ResponderRow,
  thresholdLabel,
  type Timing,
} from "../analysis/responders.ts";
import type { EffectSizeOptions } from "../stats/types.ts";
import { casesListing, listing, plural } from "../prose.ts";
import { phases } from "../analysis/aggregation.ts";
import { scaleMix, valueScale } from "../cases.ts";
import { described } from "../scales.ts";
import { drugOfInterestProblem } from "../vocabulary.ts";
import { effectSizeGlossary, WALD_NOTE } from "./glossary.ts";

/** "no standard error for cases 2 and 3, so no interval". */
const noInterval = (ids: readonly string[]) =>
  `no standard error for ${casesListing(ids)}, so no interval`;

/**
 * One measure aggregated across cases under every weighting scheme, with what each scheme
 * favours, the cases used and those left out with the reason.
 *
 * @param s The case series.
 * @param measure The measure.
 * @param options Effect-size options (default: `painOptions` of the study).
 * @returns One row per weighting scheme.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { aggregateRows, loadCaseSeries, WEIGHTING_FAVOURS, WEIGHTINGS } from "#lib/mod.ts";
 * const rows = aggregateRows(await loadCaseSeries(), "NAP");
 * assert.deepEqual(rows.map((r) => r.weighting), [...WEIGHTINGS]);
 * assert.equal(rows[0].favours, WEIGHTING_FAVOURS[WEIGHTINGS[0]]);
 * ```
 */
export function aggregateRows(
  s: CaseSeries,
  measure: Measure,
  options: EffectSizeOptions = painOptions(s.study),
): Row[] {
  expectSeries("aggregateRows", s);
  const { perCase } = caseEffectSizes(s.cases, measure, options);
  const rows = WEIGHTINGS.map((w): Row => {
    const { a, few } = weighted(perCase, measure, options, w, s.study.minCasesForest);
    return {
      measure,
      weighting: w,
      favours: WEIGHTING_FAVOURS[w],
      n: a.n,
      cases: a.weights.map((x) => few ? x.caseId : `${x.caseId} (${fmt(100 * x.weight, 0)}%)`)
        .join(", ") || null,
      estimate: few ? null : num(a.estimate),
      SE: few ? null : num(a.se),
      "CI lower": few ? null : num(a.ciLower),
      "CI upper": few ? null : num(a.ciUpper),
      excluded: excludedIds(a.excluded),
      note: few
        ? `not pooled: ${plural(a.n, "case")} with an estimate${
          w === "1/V" ? " and a standard error" : ""
        }; an aggregate needs at least ` +
          `${s.study.minCasesForest} (study.json, min_cases_forest)`
        : aggregateNote(a, perCase),
    };
  });
  return withBounds(rows, CI_BOUNDS);
}

/**
 * The aggregate of the cases' estimates under one weighting, and whether it pools fewer
 * estimable cases than the study pools (min_cases_forest): one or two estimates are each case's
 * own, shown in the case notebooks, not an aggregate.
 */
function weighted(
  perCase: ReturnType<typeof caseEffectSizes>["perCase"],
  measure: Measure,
  options: EffectSizeOptions,
  w: (typeof WEIGHTINGS)[number],
  minCases: number,
): { a: ReturnType<typeof aggregateEffectSizes>; few: boolean } {
  const a = aggregateEffectSizes(
    perCase.map((p) => p.result),
    perCase.map((p) => p.caseId),
    w,
    options.confidence,
    attainableRange(measure, options),
  );
  return { a, few: a.n > 0 && a.n < minCases };
}

/** The note of one aggregate row: why it has no interval, or that its interval was cut. */
function aggregateNote(
  a: ReturnType<typeof aggregateEffectSizes>,
  perCase: ReturnType<typeof caseEffectSizes>["perCase"],
): string | null {
  const lacking = perCase.filter((p) =>
    p.result.se === null && a.weights.some((x) => x.caseId === p.caseId)
  );
  const cut = a.waldCi
    ? `Wald interval ${formatRange(a.waldCi.lower, a.waldCi.upper, 4)} truncated to the ` +
      "measure's range"
    : null;
  const why = a.estimate !== null && a.se === null && lacking.length > 0
    ? noInterval(lacking.map((p) => p.caseId))
    : a.reason;
  return [why, cut].filter(Boolean).join("; ") || null;
}

/**
 * What the aggregate table of a measure says once, under the table: what the measure's
 * abbreviation stands for (`effectSizeGlossary`), the cases left out of every weighting scheme,
 * each with its reason, and what a Wald interval is when a row names one.
 *
 * @param s The case series.
 * @param measure The effect size.
 * @param options Effect-size options (default: `painOptions` of the study).
 * @returns Sentences for `showTable`'s `notes`: the glossary line first.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { aggregateNotes, effectSizeGlossary, loadCaseSeries, WALD_NOTE } from "#lib/mod.ts";
 * const notes = aggregateNotes(await loadCaseSeries(), "NAP");
 * assert.equal(notes[0], effectSizeGlossary(["NAP"]));
 * assert.ok(notes.indexOf(WALD_NOTE) <= 0 || notes.at(-1) === WALD_NOTE); // last, if said
 * ```
 */
export function aggregateNotes(
  s: CaseSeries,
  measure: Measure,
  options: EffectSizeOptions = painOptions(s.study),
): string[] {
  expectSeries("aggregateNotes", s);
  const { perCase } = caseEffectSizes(s.cases, measure, options);
  const a = aggregateEffectSizes(
    perCase.map((p) => p.result),
    perCase.map((p) => p.caseId),
    "equal",
    options.confidence,
  );
  const everywhere = new Set(a.excluded.map((e) => e.caseId));
  const noSe = perCase.filter((p) =>
    !everywhere.has(p.caseId) && (p.result.se === null || !Number.isFinite(p.result.se))
  ).map((p) => p.caseId);
  // Whether a row of the table names a Wald interval: an aggregate shown (pooled from enough
  // cases) whose interval was cut, as `aggregateRows` decides, from the estimates in hand.
  const wald = WEIGHTINGS.some((w) => {
    const { a: b, few } = weighted(perCase, measure, options, w, s.study.minCasesForest);
    return b.waldCi !== undefined && !few;
  });
  return [
    ...[effectSizeGlossary([measure])].filter(Boolean),
    ...(a.excluded.length
      ? [`Left out of every weighting: ${groupedExclusions(a.excluded)}.`]
      : []),
    ...(noSe.length
      ? [
        `Left out of 1/V only, for want of a finite standard error: ${casesListing(noSe)}.`,
      ]
      : []),
    ...(wald ? [WALD_NOTE] : []),
  ];
}

/**
 * Responder rows for display, with the cases left out and why. At a row no case can be assessed
 * at (`n` 0), `responders` and `cases` are empty (`null`), not "0/0": the cases left out say why.
 *
 * @param rows The computed responder rows (`responders`).
 * @returns One display row per timing and threshold.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, responderRows, responders } from "#lib/mod.ts";
 * const computed = responders((await loadCaseSeries()).cases);
 * const rows = responderRows(computed);
 * assert.deepEqual(
 *   rows.map((r) => r.responders),
 *   computed.map((r) => r.n === 0 ? null : `${r.count}/${r.n}`),
 * );
 * // "excluded" is null exactly when no case is left out.
 * assert.deepEqual(rows.map((r) => r.excluded === null), computed.map((r) => !r.excluded.length));
 * ```
 */
export function responderRows(rows: readonly ResponderRow[]): Row[] {
  return rows.map((r) => ({
    timing: r.timing,
    threshold: thresholdLabel(r.threshold, r),
    // No case assessed: no count of nothing ("0/0"), no "none responded" ("–"); the cases left
    // out say why (column `excluded`, `exclusionNotes`), as the tests table does with no pair.
    responders: r.n === 0 ? null : `${r.count}/${r.n}`,
    cases: r.n === 0 ? null : r.responders.join(", ") || "–",
    proportion: num(r.proportion),
    [`${fmt(100 * r.confidence, 0)}% CI (Clopper–Pearson)`]: r.ciLower === null
      ? null
      : formatRange(r.ciLower, r.ciUpper!, 4, [0, 1]),
    excluded: excludedIds(r.excluded),
    // A case counted by a nominal value whose bounds fall on both sides of the threshold.
    note: r.uncertain.length
      ? r.uncertain.map((u) =>
        u.responder
          ? `case ${u.caseId} is counted at its nominal value but is not a responder at every ` +
            "bound of its values"
          : `case ${u.caseId} is not counted at its nominal value but is a responder at a bound ` +
            "of its values"
      ).join("; ")
      : null,
  }));
}

/**
 * A test's name for the tests table: how the permutation test ran ("exact, 8 assignments", or its
 * seed and draws), or "not run" when it has no assignment at all (the row's note says why).
 */
function testName(t: TestResult): string {
  if (t.test === "sign") return "exact sign test";
  if (t.draws === undefined) return "permutation (not run)";
  return `permutation (${t.exact ? "exact" : `seed ${t.seed}`}, ${t.draws} assignments)`;
}

/**
 * A p-value in words, as the p column shows it: 4 decimals, or 2 significant digits below 0.001,
 * written out ({@link fmtP}: never "0", never an exponent).
 */
const pText = (p: number): string => p >= 0.001 ? fmt(p, 4) : fmtP(p);

/** What a test row says beside its p: why there is none, the smallest p possible, ties left out. */
function testNote(t: TestResult): string | null {
  return [
    t.reason ?? null,
    t.minP === null ? null : `smallest p possible with ${plural(t.n, "pair")}: ${pText(t.minP)}`,
    t.tied?.length
      ? `${plural(t.tied.length, "tied pair")} ${
        t.test === "sign" ? "left out" : "kept, each doubling the smallest p"
      } (${casesListing(t.tied)})`
      : null,
  ].filter((x) => x !== null).join("; ") || null;
}

/**
 * Sign and permutation tests of pre vs post values at the first and the last post-drug value,
 * one row each, with the cases left out. For the values themselves use `pairedTests`.
 *
 * @param s The case series.
 * @returns Display rows.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, pairedTests, testRows } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * // Two rows (sign, permutation) per timing.
 * assert.equal(testRows(s).length, 2 * pairedTests(s.cases).length);
 * ```
 */
export function testRows(s: CaseSeries): Row[] {
  expectSeries("testRows", s);
  return pairedTests(s.cases).flatMap((p) => {
    // The statistic's unit: a count of pairs (sign), or the values' unit (permutation).
    const scale = valueScale(s.cases.filter((c) => p.pairs.some((x) => x.caseId === c.id)));
    const { unit, metric } = scale;
    const what = (t: TestResult) =>
      t.statistic === null
        ? null
        : t.test === "sign"
        ? "statistic: pairs lower after"
        : `statistic: mean change after − before (${unit}${metric ? ` ${metric}` : ""})`;
    return [p.sign, p.permutation].map((t) => ({
      timing: `${p.timing} post-drug value`,
      test: testName(t),
      n: t.n,
      cases: p.pairs.map((x) => x.caseId).join(", ") || null,
      // A mean change is described as the values are (mm of a 100 mm VAS); a count is a count.
      statistic: num(
        t.test === "sign" || t.statistic === null ? t.statistic : described(scale, t.statistic),
      ),
      // Rounded to 4 decimals, a small p would read 0: below 0.001, 2 significant digits.
      "p (two-sided)": t.pValue !== null && t.pValue < 0.001
        ? Number(t.pValue.toPrecision(2))
        : num(t.pValue),
      note: [what(t), testNote(t)].filter((x) => x !== null).join("; ") || null,
      excluded: excludedIds(p.excluded),
    }));
  });
}

/**
 * The sentence under the tests table: how many pairs were tested (those of each timing), the
 * smallest p observed beside the smallest any of the tests could give with these pairs (a p at
 * that floor is as extreme as the pairs allow, not a small p), then what the tests can and
 * cannot show; or that no pair could be tested.
 *
 * @param tests The paired tests (`pairedTests`).
 * @param study The study, for its significance level (`significance_level`; none: no floor
 *   sentence about it).
 * @returns The paragraph.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, pairedTests, testsSentence } from "#lib/mod.ts";
 * const series = await loadCaseSeries();
 * const tests = pairedTests(series.cases);
 * assert.ok(testsSentence(tests, series.study).endsWith(tests[0].sign.caveat));
 * assert.match(testsSentence([], series.study), /^No pair could be tested/);
 * ```
 */
export function testsSentence(
  tests: readonly PairedTests[],
  study: Pick<Study, "significanceLevel">,
): string {
  const run = tests.flatMap((t) => [t.sign, t.permutation]).filter((r) => r.pValue !== null);
  const caveat = tests[0]?.sign.caveat ?? "";
  if (run.length === 0) return `No pair could be tested.${caveat ? ` ${caveat}` : ""}`;
  // The pairs of each timing (the first and the last value after the drug may differ in number).
  const ns = [...new Set(tests.map((t) => t.pairs.length))].sort((a, b) => a - b);
  const pairs = ns.length === 1 ? plural(ns[0], "pair") : `${ns.join(" to ")} pairs`;
  const smallest = (xs: number[]) => fmtP(Math.min(...xs));
  const floor = Math.min(...run.map((r) => r.minP!));
  // Every test's floor above the study's level (`pFloorReason`, as the sensitivity table
  // decides): no data could give a small p with these pairs.
  const level = study.significanceLevel;
  const above = level !== null && run.every((r) => pFloorReason(r, level) !== null)
    ? ` (above the study's significance level ${fmtP(level)}, which no data could reach with ` +
      "these pairs: no p-value here is a finding, and none is a headline number)"
    : "";
  return `With ${pairs}, the smallest p-value observed is ${
    smallest(run.map((r) => r.pValue!))
  }, and the smallest any test above could give with these pairs is ${
    fmtP(floor)
  }: a p at that floor is as extreme as these pairs allow, not a small p${above}. ${caveat}`;
}

/**
 * The responders at the study's strictest percent threshold, at the first and last value after
 * the drug, with their exact intervals, the cases left out, and the narrowest interval the
 * number of cases allows.
 *
 * @param rows The computed responder rows (`responders`).
 * @returns The paragraph.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, plural, responders, responderSummary } from "#lib/mod.ts";
 * const rows = responders((await loadCaseSeries()).cases);
 * // It reports the strictest percent threshold at the last value as "count of n cases".
 * const percents = rows.flatMap((r) => r.threshold.kind === "percent" ? [r.threshold.value] : []);
 * const top = Math.max(...percents);
 * const last = rows.find((r) => r.timing === "last" && r.threshold.value === top)!;
 * const said = `${last.count} of ${plural(last.n, "case")} had a ≥${top}%`;
 * assert.ok(last.n === 0 || responderSummary(rows).includes(said));
 * ```
 */
export function responderSummary(rows: readonly ResponderRow[]): string {
  const top = Math.max(
    ...rows.flatMap((r) => r.threshold.kind === "percent" ? [r.threshold.value] : []),
  );
  const drug = rows[0]?.options.drug ?? "the drug";
  const at = (timing: Timing) =>
    rows.find((r) =>
      r.timing === timing && r.threshold.kind === "percent" && r.threshold.value === top
    );
  const say = (timing: Timing) => {
    const r = at(timing);
    return !r || r.n === 0
      ? `at the ${timing} value no case could be assessed`
      : `at the ${timing} value ${r.count} of ${plural(r.n, "case")} had a ≥${top}% ` +
        `reduction (${fmt(100 * r.confidence, 0)}% CI ${
          formatRange(100 * r.ciLower!, 100 * r.ciUpper!, 0, [0, 100])
        }%)`;
  };
  const left = exclusionNotes(rows);
  const n = at("last")?.n ?? 0;
  const best = n > 0 ? clopperPearson(n, n) : null;
  return `After ${drug}, ${say("first")}; ${say("last")}. ` +
    (left.length ? `${left[0]} ` : "") +
    (best
      ? `With ${plural(n, "case")}, even if every case responded the exact interval's ` +
        `lower limit would be ${formatBound(100 * best.ciLower!, "lo", 0, 0)}%.`
      : "");
}

/**
 * The opening of the pooled notebook: the cases in the data, the drug of interest, which cases
 * the pooled analyses can use (those that take it, when some do not) and the scales of those
 * cases (`scaleMix`).
 *
 * @param s The case series.
 * @returns One paragraph of Markdown.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, pooledIntro } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * const text = pooledIntro(s);
 * assert.ok(text.includes(`the drug of interest is ${s.study.drug}`));
 * // Asked about a drug no case takes: no case to pool, said so.
 * const study = { ...s.study, drug: "no-such-drug" };
 * const none = pooledIntro({ ...s, study, cases: s.cases.map((c) => ({ ...c, study })) });
 * assert.match(none, /the analyses below can pool 0 cases \(none\)\. The drug of interest/);
 * // A drug of interest misspelt: the nearest drug given is named, as validate names it.
 * const typo = { ...s.study, drug: s.study.drug.slice(0, -1) };
 * const t = pooledIntro({ ...s, study: typo, cases: s.cases.map((c) => ({ ...c, study: typo })) });
 * assert.ok(t.endsWith(`did you mean "${s.study.drug}"?`), t);
 * ```
 */
export function pooledIntro(s: CaseSeries): string {
  expectSeries("pooledIntro", s);
  const pooled = s.cases.filter((c) => !phases(c).reason);
  const ids = (cs: readonly { id: string }[]) => listing(cs.map((c) => c.id), "none");
  // A drug no case is given (a misspelt one, say): said here too, not only by validate.
  const given = s.cases.flatMap((c) => c.treatments.map((t) => t.drug));
  const problem = s.cases.length ? drugOfInterestProblem(s.study.drug, given) : null;
  return `${plural(s.cases.length, "case")} in the data (${ids(s.cases)}); the drug of ` +
    `interest is ${s.study.drug}` +
    (pooled.length < s.cases.length
      ? `; the analyses below can pool ${plural(pooled.length, "case")} (${ids(pooled)})`
      : "") +
    `.${pooled.length ? ` ${scaleMix(pooled)}` : ""}` +
    (problem
      ? ` The drug of interest (data/study.json) ${
        problem.message.replace(/^the drug of interest '[^']*' /, "")
      }${problem.message.endsWith("?") ? "" : "."}`
      : "");
}
