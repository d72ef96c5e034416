/**
 * Sensitivity of the headline numbers to the choices the extraction and the analysis made: every
 * quantity recomputed under each baseline definition and at the nominal values and both bounds of
 * the extraction intervals, with the values as stated and widened by their rounding (half a unit
 * of the last stated digit, `lib/rounding.ts`).
 *
 * @module
 */
import { type ExtractionBound, formatRange } from "../intervals.ts";
import type { Case, CaseSeries } from "../model.ts";
import { BASELINE_DEFINITIONS } from "../timeline.ts";
import { caseChange, reaches } from "./change.ts";
import { pFloorReason, prePost, signTest } from "./paired_tests.ts";
import { type BaselineDefinition, percentThresholds } from "../study.ts";
import { studyOf } from "../cases.ts";
import { withRounding } from "../rounding.ts";
import { caseQuantities, type CaseQuantity } from "./sensitivity_quantities.ts";
import type { Exclusion } from "../stats/types.ts";

/** One row of the sensitivity table. */
export interface SensitivityRow {
  /** Case id, or "all" for pooled quantities. */
  caseId: string;
  /** What is measured. */
  quantity: string;
  /** Baseline definition. */
  baseline: BaselineDefinition;
  /** Which values of the extraction intervals: nominal, or the bound favouring or disfavouring the drug. */
  bound: ExtractionBound;
  /**
   * Whether the values are taken as stated or widened by their rounding ({@link Rounding}); absent
   * means as stated. The nominal values do not move with rounding, so only the best and worst
   * bounds have rows widened by it.
   */
  rounding?: Rounding;
  /** The value, or `null` when undefined. */
  value: number | null;
  /** Number of cases or observations behind it. */
  n: number;
  /** Why `value` is `null` (e.g. "not reached by day 30"); absent when it is a number. */
  reason?: string;
  /**
   * A nominal day the text does not date (a placeholder the order of the narrative puts there), withheld
   * from `value` (`null`, with `reason`): a figure may draw it as a placeholder, not a date.
   */
  placeholderDay?: number;
}

const BOUNDS: readonly ExtractionBound[] = ["nominal", "best", "worst"];

/**
 * How stated values are taken: as stated, or each widened by half a unit of its last stated digit
 * (6.6 as [6.55, 6.65]; `withRounding` in `lib/rounding.ts`).
 */
export type Rounding = "as stated" | "rounding";

/** The rounding dimension: each with the extraction bounds it has rows for (`sensitivity_spans.ts` uses it too). */
export const ROUNDINGS: readonly { rounding: Rounding; bounds: readonly ExtractionBound[] }[] = [
  { rounding: "as stated", bounds: BOUNDS },
  { rounding: "rounding", bounds: ["best", "worst"] },
];

/**
 * The cases the sensitivity analysis leaves out, each once with why: those for which no change
 * after the drug can be computed (no value before it, none after it, or the drug never taken),
 * whatever the baseline definition, extraction bound or rounding, since none of these moves a
 * value across the drug's start. Their per-case quantities are not rows of
 * {@link sensitivityTable}; `sensitivitySpans` gives each one row with the reason.
 *
 * @param cases The cases.
 * @param drug The drug whose start is day 0 (default: each case's study drug of interest).
 * @returns One exclusion per case left out, in case order.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { caseChange, loadCaseSeries, sensitivityExclusions } from "#lib/mod.ts";
 * const { cases } = await loadCaseSeries();
 * // A case is left out exactly when it has no change after the drug, with the change's reason.
 * const excluded = sensitivityExclusions(cases);
 * for (const c of cases) {
 *   const e = excluded.find((x) => x.caseId === c.id);
 *   assert.equal(e?.reason, caseChange(c).points.length ? undefined : caseChange(c).reason);
 * }
 * ```
 */
export function sensitivityExclusions(cases: readonly Case[], drug?: string): Exclusion[] {
  return cases.flatMap((c) => {
    const ch = caseChange(c, { drug: drug ?? c.study.drug });
    return ch.points.length
      ? []
      : [{ caseId: c.id, reason: ch.reason ?? ch.baseline.reason ?? "no change after the drug" }];
  });
}

/**
 * The sensitivity table of one dataset: per case, percent reduction at the first and last
 * post-drug value and days to each percent threshold of the study (`percentThresholds(study)`);
 * pooled, the number of responders at each percent threshold at the first and the last value
 * after the drug, and the sign-test p-value (`null` with why where the smallest p the test can give
 * with its pairs is above the study's `significance_level`, `pFloorReason`: no data could make it small);
 * each under every baseline definition and bound, the values as stated and (best and worst
 * bounds) widened by their rounding. A case with no change after
 * the drug ({@link sensitivityExclusions}) has no per-case row. A value that is not defined is
 * `null` with its `reason` (a threshold not reached; a baseline that may be 0, of which no percent
 * is defined; an open time interval, whose infinite bound is not a number; a nominal day the text
 * does not date, only a placeholder the order of the narrative puts there; no case to pool). A
 * study with no percent threshold has no days-to-threshold rows and no responders rows (the
 * quantity is the study's threshold: there is none to count at); no case gives no row.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, sensitivityTable } from "#lib/mod.ts";
 * const { cases } = await loadCaseSeries();
 * const rows = sensitivityTable(cases);
 * // A row is of a case, or pooled ("all"); only the best and worst bounds are widened by rounding.
 * assert.ok(rows.every((r) => r.caseId === "all" || cases.some((c) => c.id === r.caseId)));
 * assert.ok(rows.every((r) => r.rounding !== "rounding" || r.bound !== "nominal"));
 * // A value is null exactly when its row says why.
 * assert.ok(rows.every((r) => (r.value === null) === (r.reason !== undefined)));
 * ```
 */
export function sensitivityTable(
  cases: readonly Case[],
  drug?: string,
): SensitivityRow[] {
  // No case: no drug to start from (without a study), nothing to recompute, no row.
  if (cases.length === 0) return [];
  const study = studyOf(cases);
  drug ??= study?.drug ?? "";
  // The responders rows count at each percent threshold: none without one.
  const percents = study ? percentThresholds(study) : [];
  const rows: SensitivityRow[] = [];
  const rounded = cases.map(withRounding);
  const excluded = new Set(sensitivityExclusions(cases, drug).map((e) => e.caseId));
  const byCase = cases.flatMap((c, i) =>
    excluded.has(c.id) ? [] : [{
      c,
      quantities: {
        "as stated": caseQuantities(c, drug).filter((q) => q.inTable),
        rounding: caseQuantities(rounded[i], drug).filter((q) => q.inTable),
      },
    }]
  );
  for (const baseline of BASELINE_DEFINITIONS) {
    for (const { c, quantities } of byCase) {
      for (const { rounding, bounds } of ROUNDINGS) {
        for (const bound of bounds) {
          for (const q of quantities[rounding]) {
            // A nominal day the text does not date is no number to report: the row says why.
            const placeholder = q.placeholder?.(baseline, bound) ?? null;
            const value = q.value(baseline, bound);
            rows.push(withReason({
              caseId: c.id,
              quantity: q.quantity,
              baseline,
              bound,
              rounding,
              value: placeholder === null ? value : null,
              n: q.n(baseline),
              ...(placeholder === null || value === null ? {} : { placeholderDay: value }),
            }, () => placeholder ?? q.reason(baseline, bound)));
          }
        }
      }
    }
    rows.push(...respondersRows(byCase, baseline, percents));
    for (const { rounding, bounds } of ROUNDINGS) {
      for (const bound of bounds) {
        const s = signTest(
          prePost(rounding === "as stated" ? cases : rounded, {
            drug,
            baseline,
            timing: "last",
            bound,
          }),
        );
        // A p that no data could make small at this number of pairs is not a headline number.
        const floor = pFloorReason(s, study?.significanceLevel ?? null);
        rows.push(withReason(
          {
            caseId: "all",
            quantity: "sign test p, last post-drug value",
            baseline,
            bound,
            rounding,
            value: floor === null ? s.pValue : null,
            n: s.n,
          },
          () =>
            floor === null
              ? s.reason ?? "not defined"
              : `${floor}, so it is not a headline number, and the tests table gives it beside ` +
                "that floor",
        ));
      }
    }
  }
  return rows;
}

/**
 * The pooled rows of the number of responders at each percent threshold of the study, at the
 * first and at the last value after the drug, under one baseline definition, at every extraction
 * bound and rounding: a case responds where its percent reduction at that bound (and rounding)
 * reaches the threshold; a case with none (a baseline that may be 0) is not counted, and no case
 * to count gives `null` with why. At the nominal values, as stated, the count is `responders`'.
 */
export function respondersRows(
  byCase: readonly { c: Case; quantities: Record<Rounding, CaseQuantity[]> }[],
  baseline: BaselineDefinition,
  percents: readonly number[],
): SensitivityRow[] {
  const rows: SensitivityRow[] = [];
  for (const { rounding, bounds } of ROUNDINGS) {
    for (const bound of bounds) {
      for (const which of ["first", "last"] as const) {
        const values = byCase.flatMap(({ quantities }) => {
          const q = quantities[rounding].find((x) =>
            x.quantity === `percent reduction, ${which} post-drug value`
          );
          const v = q?.value(baseline, bound) ?? null;
          return v === null || !Number.isFinite(v) ? [] : [v];
        });
        for (const pct of percents) {
          rows.push(withReason({
            caseId: "all",
            quantity: `responders ≥${pct}%, ${which} post-drug value`,
            baseline,
            bound,
            rounding,
            // As `responders` counts: a reduction reaching the threshold (`reaches`).
            value: values.length ? values.filter((v) => reaches(v, pct)).length : null,
            n: values.length,
          }, () => "no case to count"));
        }
      }
    }
  }
  return rows;
}

/**
 * A row whose value is kept when it is a finite number; otherwise `null` with the reason
 * `reason()` gives (an infinite bound, an open time interval, is not a number to report).
 */
function withReason(
  row: Omit<SensitivityRow, "reason">,
  reason: () => string | null,
): SensitivityRow {
  if (row.value !== null && Number.isFinite(row.value)) return row;
  return { ...row, value: null, reason: reason() ?? "not defined" };
}

/** A dataset under a named set of readings (see `lib/readings.ts`: `analysisVariants`). */
export interface NamedSeries {
  /** Name of the variant ("as extracted" for the dataset as it is). */
  name: string;
  /** The dataset under it. */
  series: CaseSeries;
}

/**
 * The range (min–max, formatted) of a sensitivity quantity for one case across every baseline
 * definition and bound, or "not defined" when no choice defines it.
 *
 * @param table The computed sensitivity table ({@link sensitivityTable}).
 * @param quantity The quantity, as named in the table.
 * @param caseId The case.
 * @returns For example "85.1–100", "87.5" when every choice gives the same value, or "not
 * defined".
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatRange, loadCaseSeries, sensitivityRange, sensitivityTable } from "#lib/mod.ts";
 * const table = sensitivityTable((await loadCaseSeries()).cases);
 * const row = table.find((r) => r.value !== null)!;
 * const values = table.filter((r) =>
 *   r.quantity === row.quantity && r.caseId === row.caseId && r.value !== null
 * ).map((r) => r.value as number);
 * // Its ends rounded outward, so the range printed holds every choice's value.
 * const want = formatRange(Math.min(...values), Math.max(...values), 1);
 * assert.equal(sensitivityRange(table, row.quantity, row.caseId), want);
 * assert.equal(sensitivityRange(table, row.quantity, "no such case"), "not defined");
 * ```
 */
export function sensitivityRange(
  table: readonly SensitivityRow[],
  quantity: string,
  caseId: string,
): string {
  const v = table.filter((r) => r.quantity === quantity && r.caseId === caseId && r.value !== null)
    .map((r) => r.value as number);
  if (!v.length) return "not defined";
  return formatRange(Math.min(...v), Math.max(...v), 1);
}
