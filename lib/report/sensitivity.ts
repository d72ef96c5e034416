/**
 * The sensitivity notebook's tables and paragraphs: the change under every analysis choice, the
 * alternative readings of the text, how robust the conclusions are to them, and what moves with
 * the baseline definition (rounding: `rounding.ts`).
 *
 * @module
 */
import { num } from "./cells.ts";
import { baselineDependence } from "../analysis/baselines.ts";
import { expectSeries } from "../args.ts";
import { type Row, withBounds } from "../display.ts";
import { COUNTED_BACK, fmt } from "../intervals.ts";
import type { Case, CaseSeries } from "../model.ts";
import { baseline } from "../timeline.ts";
import { caseChange } from "../analysis/change.ts";
import {
  sensitivityExclusions,
  sensitivityRange,
  type SensitivityRow,
  sensitivityTable,
} from "../analysis/sensitivity.ts";
import type { SensitivitySpan } from "../analysis/sensitivity_spans.ts";
import type { Reading } from "../readings.ts";
import type { Robustness } from "../claims/robustness.ts";
import { valueScale } from "../cases.ts";
import { described, type ValueScale } from "../scales.ts";
import { agree, casesListing, listing, plural } from "../prose.ts";
import { markdownText } from "../markdown.ts";
import { timeName } from "../time_words.ts";
import { timeRuleWords } from "../time_rule_words.ts";

/**
 * The sensitivity table as rows (`sensitivityTable`): then one row per case the analysis leaves
 * out (`sensitivityExclusions`), its reason and no number. A value that is not defined is null
 * with its reason (column `reason`, empty where the value is defined: every table has the same
 * columns, whatever the data).
 *
 * @param s The case series.
 * @returns Rows of case, quantity, baseline, bound, rounding, value, n, reason.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, sensitivityExclusions, sensitivityRows } from "#lib/mod.ts";
 * const data = await loadCaseSeries();
 * // The data with a case that never takes the drug, which the analysis leaves out.
 * const s = { ...data, cases: [...data.cases, { ...data.cases[0], id: "x", treatments: [] }] };
 * const rows = sensitivityRows(s);
 * // Each case left out is one row, last, with its reason.
 * const left = sensitivityExclusions(s.cases);
 * assert.ok(left.some((e) => e.caseId === "x"));
 * assert.deepEqual(
 *   rows.slice(-left.length).map((r) => [r.case, r.quantity, r.value, r.reason]),
 *   left.map((e) => [e.caseId, null, null, e.reason]),
 * );
 * assert.equal(rows.filter((r) => r.case === "x").length, 1);
 * // A value is null only with a reason.
 * assert.ok(rows.every((r) => r.value !== null || typeof r.reason === "string"));
 * ```
 */
export function sensitivityRows(s: CaseSeries): Row[] {
  expectSeries("sensitivityRows", s);
  return [
    ...sensitivityTable(s.cases).map((r) => ({
      case: r.caseId,
      quantity: r.quantity,
      baseline: r.baseline,
      bound: r.bound,
      rounding: r.rounding ?? "as stated",
      value: num(r.value),
      n: r.n,
      reason: r.reason ?? null,
    })),
    ...sensitivityExclusions(s.cases).map((e) => ({
      case: e.caseId,
      quantity: null,
      baseline: null,
      bound: null,
      rounding: null,
      value: null,
      n: null,
      reason: e.reason,
    })),
  ];
}

/**
 * The alternative readings of the text (`data/readings.csv`), one row per replaced time point:
 * its time id (`time point`, the key of `timepoints.csv` that a CSV consumer joins on) and, given
 * the case series, its name for a reader beside it (`time point name`, `timeName` on the case as
 * the data read it: "the pain VAS 2.3 report", "the start of drug-a"); its rule as the data write
 * it (`rule`: rule, amount, unit and anchor id, the notation of `readings.csv`) and, given the
 * series, in words beside it (`rule in words`, `timeRuleWords`: "about 6 months after the pain VAS
 * 0.6 report"); without the series, no name columns.
 *
 * @param readings The readings (`loadReadings`).
 * @param options `series`: the case series the readings re-read, to name their time points.
 * @returns Rows of reading, what it says, case, time point (and its name), rule (and in words) and
 *   its words.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, loadReadings, readingRows, timeName } from "#lib/mod.ts";
 * const readings = await loadReadings();
 * // One row per replaced time point of each reading.
 * assert.equal(readingRows(readings).length, readings.reduce((n, r) => n + r.rows.length, 0));
 * // With the series, each time id has its name beside it.
 * const series = await loadCaseSeries();
 * for (const row of readingRows(readings, { series })) {
 *   const c = series.cases.find((x) => x.id === row.case)!;
 *   assert.equal(row["time point name"], timeName(c, String(row["time point"])));
 * }
 * ```
 */
export function readingRows(
  readings: readonly Reading[],
  options: { series?: CaseSeries } = {},
): Row[] {
  const { series } = options;
  if (series !== undefined) expectSeries("readingRows", series);
  // A time point of a case the series does not have keeps its id (`timeName` of no case: none).
  const caseOf = (caseId: string) => series!.cases.find((x) => x.id === caseId);
  const name = (caseId: string, timeId: string) => {
    const c = caseOf(caseId);
    return c ? timeName(c, timeId) : null;
  };
  const ruleWords = (x: Reading["rows"][number]) => {
    const c = caseOf(x.case_id);
    return c ? timeRuleWords(c, x) : null;
  };
  return readings.flatMap((r) =>
    r.rows.map((x) => ({
      reading: r.name,
      choice: r.choice,
      case: x.case_id,
      "time point": x.time_id,
      ...(series ? { "time point name": name(x.case_id, x.time_id) } : {}),
      rule: x.anchor === null
        ? x.rule
        : x.amount === null
        ? `${x.rule} ${x.anchor}${x.bound ? ` (before ${x.bound})` : ""}`
        : `${x.rule} ${x.amount} ${x.unit} ${
          COUNTED_BACK.has(x.rule) ? "before" : "from"
        } ${x.anchor}`,
      ...(series ? { "rule in words": ruleWords(x) } : {}),
      words: x.words,
    }))
  );
}

/**
 * How each headline conclusion fares across the analysis variants, one row each: in how many it
 * holds as stated and with every stated value widened by its rounding, and what it becomes where
 * it does not.
 *
 * @param rows The robustness of each conclusion (`conclusionRobustness`).
 * @returns Rows of conclusion, value as extracted, variants where it holds as stated and with
 * rounding, and the others.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { conclusionRobustness, loadCaseSeries, robustnessRows } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * // With one variant, every conclusion holds in it as stated.
 * const rows = robustnessRows(conclusionRobustness([{ name: "as extracted", series: s }]));
 * assert.ok(rows.every((r) => r.holds === "1/1"));
 * assert.ok(rows.every((r) => r["with rounding"] === "1/1" || r["where it differs"] !== null));
 * ```
 */
export function robustnessRows(rows: readonly Robustness[]): Row[] {
  return rows.map((r) => {
    // Each value it takes instead, and in how many variants. A value that only adds a note to
    // the one as extracted ("3/3 (1, 2, 3); case 1 not sure …") is said by its note alone,
    // which names what differs; the value as extracted is in its own column.
    const counted = (differs: Robustness["differs"], suffix: string) =>
      [...new Set(differs.map((d) => d.value))].map((v) => {
        const n = differs.filter((d) => d.value === v).length;
        const note = v.startsWith(`${r.value}; `) ? v.slice(r.value.length + 2) : null;
        const times = n < r.of
          ? `${n} of ${r.of} variants`
          : r.of === 1
          ? "the one variant"
          : `all ${r.of} variants`;
        return `${note ?? `${v}${suffix}`}, in ${times}`;
      });
    const where = [...counted(r.differs, ""), ...counted(r.rounding.differs, " with rounding")];
    return {
      conclusion: r.label,
      "as extracted": r.value,
      holds: `${r.holds}/${r.of}`,
      "with rounding": `${r.rounding.holds}/${r.of}`,
      "where it differs": where.length ? where.join("; ") : null,
    };
  });
}

/**
 * The spans of the per-case quantities over every variant, baseline and bound, for tables: a case
 * left out of every variant is one row with its reason and no number; a quantity not defined in
 * some variant says why (column `reason`, empty where it is defined).
 *
 * @param spans The spans (`sensitivitySpans`).
 * @returns Rows of case, quantity, value as extracted, least and greatest value, variants,
 * reason.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, sensitivitySpans, spanRows } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * const spans = sensitivitySpans([{ name: "as extracted", series: s }]);
 * assert.deepEqual(spanRows(spans).map((r) => r.case), spans.map((x) => x.caseId));
 * ```
 */
export function spanRows(spans: readonly SensitivitySpan[]): Row[] {
  const rows = spans.map((r): Row => ({
    case: r.caseId,
    quantity: r.quantity,
    "as extracted": r.quantity === null
      ? null
      : r.nominal === null
      ? "not defined"
      : r.nominalDated
      ? num(r.nominal)
      // A nominal day the text does not date is a placeholder, no number to print.
      : "no date stated (only its span: least, greatest)",
    least: num(r.lo),
    // Open: no greatest value. The greatest finite one is no bound (it may be a placeholder,
    // the nominal day of a time the narrative alone places), so it is not printed as one.
    greatest: r.openEnded ? "open (no later bound stated)" : num(r.hi),
    "defined in": `${r.defined}/${r.variants} variants`,
    reason: r.reason ?? null,
  }));
  // A quantity's least and greatest value over the variants: its range, rounded outward.
  return withBounds(rows, { least: "lo", greatest: "hi" });
}

/**
 * Per case, the range of the percent reduction at the first and last value after the drug across
 * every baseline definition and extraction bound, as a Markdown list; a case with none says why
 * (its rows' reasons, or why it has no change after the drug).
 *
 * @param s The case series.
 * @param table Its sensitivity table (`sensitivityTable(s.cases)`).
 * @returns One bullet per case.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, reductionRanges, sensitivityTable } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * // One bullet per case, in case order.
 * const bullets = reductionRanges(s, sensitivityTable(s.cases)).split("\n");
 * assert.deepEqual(
 *   bullets.map((b) => b.slice(0, b.indexOf(":"))),
 *   s.cases.map((c) => `- Case ${c.id}`),
 * );
 * ```
 */
export function reductionRanges(s: CaseSeries, table: readonly SensitivityRow[]): string {
  const first = "percent reduction, first post-drug value";
  const last = "percent reduction, last post-drug value";
  const span = (quantity: string, id: string) => {
    const r = sensitivityRange(table, quantity, id);
    return r.includes("–") ? `ranges ${r}% across the choices` : `is ${r}% under every choice`;
  };
  // Why a case has no percent reduction: its rows' reasons (a baseline that may be 0), or, with
  // no row, why it has no change after the drug.
  const why = (id: string) => {
    const reasons = table.filter((r) => r.caseId === id && r.quantity === first && r.reason)
      .map((r) => r.reason!);
    const ch = caseChange(s.cases.find((c) => c.id === id)!);
    return reasons.length
      ? [...new Set(reasons)].join("; ")
      : ch.reason ?? ch.baseline.reason ?? "no value after the baseline";
  };
  return s.cases.map((c) =>
    sensitivityRange(table, first, c.id) === "not defined"
      ? `- Case ${c.id}: no percent reduction can be computed (${why(c.id)}).`
      : `- Case ${c.id}: the percent reduction at the first value after ${c.study.drug} ` +
        `${span(first, c.id)}; at the last it ${span(last, c.id)}.`
  ).join("\n");
}

/**
 * Which analysed cases' baselines depend on the baseline definition, and why the others' do not
 * (one value precedes the drug, or several give the same baseline under every definition); the
 * cases with no change after the drug (`sensitivityExclusions`: no baseline of theirs enters a
 * number, though it may move) are named as such at the end, and then "no analysed case's" when
 * no other baseline moves.
 *
 * @param s The case series.
 * @returns The paragraph.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import {
 *   baselineDependence,
 *   baselineSummary,
 *   loadCaseSeries,
 *   sensitivityExclusions,
 * } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * const text = baselineSummary(s);
 * // Each case whose baseline moves a number gets its sentence; none of those with no change.
 * const left = sensitivityExclusions(s.cases).map((e) => e.caseId);
 * for (const b of baselineDependence(s)) {
 *   const said = text.includes(`Case ${b.caseId}'s baseline depends on the definition`);
 *   assert.equal(said, !left.includes(b.caseId));
 * }
 * ```
 */
export function baselineSummary(s: CaseSeries): string {
  const left = sensitivityExclusions(s.cases).map((e) => e.caseId);
  const moving = baselineDependence(s).filter((b) => !left.includes(b.caseId));
  // Cases with a change after the drug of interest whose baseline is one value.
  const fixed = s.cases.filter((c) =>
    !left.includes(c.id) && !moving.some((b) => b.caseId === c.id)
  );
  const drug = s.study.drug;
  // Each case's values as its tables give them (`valueScale`): "cm", "mm", or the common metric.
  const scaleOf = (id: string) => valueScale(s.cases.filter((c) => c.id === id));
  const said = (sc: ValueScale) => sc.own ? sc.unit : `${sc.unit} ${sc.metric}`;
  return (moving.length
    ? moving.map((b) =>
      `Case ${b.caseId}'s baseline depends on the definition (last, maximum, mean: ${
        b.values.map((v) => fmt(v === null ? v : described(scaleOf(b.caseId), v))).join(", ")
      } ${said(scaleOf(b.caseId))}), because ${plural(b.n, "value")} ${
        agree(b.n, "precedes", "precede")
      } ${drug}.`
    ).join(" ")
    : `No ${left.length ? "analysed " : ""}case's baseline depends on the definition.`) +
    fixedSentence(fixed, drug, moving.length > 0) +
    (left.length
      ? ` ${casesListing(left)[0].toUpperCase()}${casesListing(left).slice(1)} ${
        agree(left.length, "has", "have")
      } no change after ${drug}, so ${
        agree(left.length, "its baseline enters", "their baselines enter")
      } no number.`
      : "");
}

/**
 * Why the baselines of the analysed cases that do not move with the definition do not: one value
 * precedes the drug, or several that give the same baseline under every definition (a case with
 * none has no change after the drug, and is not among them); "" when there is no such case.
 */
function fixedSentence(fixed: readonly Case[], drug: string, others: boolean): string {
  if (!fixed.length) return "";
  const kind = others ? "other case" : "case";
  const n = (c: Case) => baseline(c, drug, c.study.baseline).n;
  const groups = [
    { cases: fixed.filter((c) => n(c) <= 1), why: `one value precedes ${drug}` },
    {
      cases: fixed.filter((c) => n(c) > 1),
      why: `the values before ${drug} give the same baseline under every definition`,
    },
  ].filter((g) => g.cases.length > 0).map((g) =>
    `${plural(g.cases.length, kind)} (${listing(g.cases.map((c) => c.id))}) ${g.why}`
  );
  return ` In ${groups.join(", and in ")}, so only the extraction bounds and the readings move ` +
    "the numbers.";
}

/**
 * How many readings of the text were varied, how many variants they give, and which headline
 * conclusions do not hold in all of them, as stated or with every stated value widened by its
 * rounding: the count of those that hold covers both.
 *
 * @param readings Number of other readings.
 * @param variants Number of analysis variants (every compatible combination).
 * @param robust The conclusions and in how many variants each holds (`conclusionRobustness`).
 * @param fullGrid Whether the variants are every compatible combination (`isFullGrid`), or each
 * reading alone and all together.
 * @returns The paragraph.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { robustnessSummary } from "#lib/mod.ts";
 * const rounding = { holds: 2, differs: [] };
 * const a = { id: "a", label: "A", value: "supported", holds: 2, of: 2, differs: [], rounding };
 * assert.equal(
 *   robustnessSummary(1, 2, [a]),
 *   "1 other reading of the text gives 2 analysis variants (every compatible combination). " +
 *     "1 of 1 headline conclusion holds in every variant, as stated and with every stated value " +
 *     "widened by its rounding.",
 * );
 * ```
 */
export function robustnessSummary(
  readings: number,
  variants: number,
  robust: readonly Robustness[],
  fullGrid = true,
): string {
  const fragile = robust.filter((r) => r.holds < r.of || r.rounding.holds < r.of);
  const holding = robust.length - fragile.length;
  const moved = fragile.filter((r) => r.holds === r.of).length;
  // A claim's label is its quote and where the article makes it: text from the data.
  const fares = (r: Robustness) =>
    `${markdownText(r.label)} is "${r.value}" in ${
      r.holds === r.of ? `every variant as stated` : `${r.holds} of ${r.of} as stated`
    }` + (r.rounding.holds < r.of ? ` and in ${r.rounding.holds} of ${r.of} with rounding` : "");
  return `${plural(readings, "other reading")} of the text ${agree(readings, "gives", "give")} ` +
    `${plural(variants, "analysis variant")} (${
      fullGrid
        ? "every compatible combination"
        : "each reading alone and all that can be combined together: every combination would " +
          "be too many"
    }). ` +
    `${holding} of ${plural(robust.length, "headline conclusion")} ` +
    `${agree(holding, "holds", "hold")} in every variant, as stated and with every stated value ` +
    "widened by its rounding" +
    (fragile.length
      ? `${moved ? ` (${moved} ${agree(moved, "moves", "move")} under rounding alone)` : ""}; ${
        listing(fragile.map(fares))
      }.`
      : ".");
}
