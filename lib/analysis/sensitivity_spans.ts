/**
 * The spans the sensitivity figures draw: each per-case quantity of the sensitivity analysis
 * (`sensitivity.ts`), and the pooled responder counts, over the analysis variants (readings of
 * the text), baseline definitions, extraction bounds and rounding.
 *
 * @module
 */
import type { Case } from "../model.ts";
import { BASELINE_DEFINITIONS } from "../timeline.ts";
import { percentThresholds } from "../study.ts";
import { studyOf } from "../cases.ts";
import { withRounding } from "../rounding.ts";
import { caseQuantities, type CaseQuantity } from "./sensitivity_quantities.ts";
import { respondersRows, type Rounding, ROUNDINGS, sensitivityExclusions } from "./sensitivity.ts";

/**
 * One row of the sensitivity figure: the span of a per-case quantity over every analysis variant
 * (alternative readings of the text), baseline definition, extraction bound and rounding; or, with
 * `quantity` null, a case no variant can analyse, once, with its `reason`.
 */
export interface SensitivitySpan {
  /** Case id, or "all" for a pooled responder count. */
  caseId: string;
  /**
   * What is measured (e.g. "percent reduction, last post-drug value"); `null` for the one row of
   * a case left out of every variant ({@link sensitivityExclusions}), which stands for each of its
   * quantities no variant defines.
   */
  quantity: string | null;
  /** Value under the first variant (as extracted), the default baseline and nominal values;
   * `null` when undefined there. */
  nominal: number | null;
  /** Least finite value over every variant, baseline, bound and rounding; `null` when none is
   * defined. */
  lo: number | null;
  /** Greatest finite value over the same; `null` when none is defined. */
  hi: number | null;
  /** Whether some combination leaves it unbounded (an open time interval): the span is then
   * cut at `lo`/`hi` and open on that side. */
  openEnded: boolean;
  /** For a time: whether `nominal` is a date the text states, or only a placeholder the order of
   * the narrative puts there (then draw the span, not the point as a date). Always true
   * otherwise. */
  nominalDated: boolean;
  /** Number of analysis variants run (as in `SensitivityInterval` of `lib/plots/sensitivity.ts`,
   * which draws these rows). */
  variants: number;
  /** Number of analysis variants in which it is defined (at nominal values, default baseline). */
  defined: number;
  /**
   * Why it is not defined in the variants where it is not (their distinct reasons, "; "-joined,
   * e.g. "not reached by day 30"), or why the case is left out (`quantity` null); absent when it is
   * defined in every variant.
   */
  reason?: string;
}

/**
 * The spans of every per-case quantity over the analysis variants, baseline definitions,
 * extraction bounds and rounding (values as stated and widened by half their last stated digit):
 * the rows the sensitivity figure draws. A case appears in every variant it is in; a quantity
 * never defined has `lo`/`hi` null and its `reason`. A case left out of every variant (no change
 * after the drug in any: {@link sensitivityExclusions}) has, in place of its quantities that no
 * variant defines for that reason, one row with `quantity` null and the reason; the quantities
 * it still has (the day the drug starts) keep their rows. Then, as case "all", the number of
 * responders at each percent threshold of the study at the first and the last value after the
 * drug, over the same (as the sensitivity table counts them).
 *
 * @param variants The datasets under each set of readings, the dataset as extracted first.
 * @param drug The drug whose start is day 0 (default: the study's drug of interest).
 * @returns One row per case and quantity, and one per case left out, in case order.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, sensitivitySpans, sensitivityTable } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * const rows = sensitivitySpans([{ name: "as extracted", series: s }]);
 * const table = sensitivityTable(s.cases);
 * for (const r of rows) {
 *   assert.equal(r.variants, 1);
 *   if (r.lo !== null) assert.ok(r.lo <= r.hi!);
 *   // A row without a value in some variant says why.
 *   assert.equal(r.defined < r.variants, r.reason !== undefined);
 *   // The nominal value is the table's at the study's baseline and nominal bound; a pooled
 *   // responder count ("all") too.
 *   const baseline = s.study.baseline;
 *   const t = table.find((x) =>
 *     x.caseId === r.caseId && x.quantity === r.quantity && x.baseline === baseline &&
 *     x.bound === "nominal"
 *   );
 *   // The table withholds a nominal day the text does not date (the span keeps it, drawn hollow).
 *   if (t) assert.equal(t.value, r.nominalDated ? r.nominal : null);
 * }
 * assert.ok(rows.some((r) => r.caseId === "all" && r.quantity!.startsWith("responders")));
 * ```
 */
export function sensitivitySpans(
  variants: readonly { name?: string; series: { cases: readonly Case[] } }[],
  drug?: string,
): SensitivitySpan[] {
  const out = new Map<string, Gathering>();
  // Per case: the reasons it is left out, and whether some variant analyses it.
  const exclusions = new Map<string, { reasons: Set<string>; analysed: boolean }>();
  for (const [vi, v] of variants.entries()) {
    const left = new Map(
      sensitivityExclusions(v.series.cases, drug).map((e) => [e.caseId, e.reason]),
    );
    const analysed: { c: Case; quantities: Record<Rounding, CaseQuantity[]> }[] = [];
    for (const c of v.series.cases) {
      const x = exclusions.get(c.id) ?? { reasons: new Set(), analysed: false };
      if (left.has(c.id)) x.reasons.add(left.get(c.id)!);
      else x.analysed = true;
      exclusions.set(c.id, x);
      const widened = caseQuantities(withRounding(c), drug ?? c.study.drug);
      const asStated = caseQuantities(c, drug ?? c.study.drug);
      if (!left.has(c.id)) {
        analysed.push({ c, quantities: { "as stated": asStated, rounding: widened } });
      }
      for (const [qi, q] of asStated.entries()) {
        const key = `${c.id}\u0000${q.quantity}`;
        const row = out.get(key) ?? {
          caseId: c.id,
          quantity: q.quantity,
          nominal: null,
          lo: null,
          hi: null,
          openEnded: false,
          nominalDated: true,
          variants: variants.length,
          defined: 0,
          values: [],
          reasons: new Set<string>(),
        };
        const atNominal = q.value(c.study.baseline, "nominal");
        if (atNominal !== null && Number.isFinite(atNominal)) row.defined++;
        else row.reasons.add(q.reason(c.study.baseline, "nominal")!);
        if (vi === 0) {
          row.nominal = atNominal !== null && Number.isFinite(atNominal) ? atNominal : null;
          row.nominalDated = q.dated();
        }
        for (const baseline of BASELINE_DEFINITIONS) {
          for (const { rounding, bounds } of ROUNDINGS) {
            for (const bound of bounds) {
              const x = (rounding === "as stated" ? q : widened[qi]).value(baseline, bound);
              if (x === null) continue;
              if (Number.isFinite(x)) row.values.push(x);
              else row.openEnded = true;
            }
          }
        }
        out.set(key, row);
      }
    }
    pooledSpans(out, analysed, vi, variants.length);
  }
  const rows: SensitivitySpan[] = [];
  const said = new Set<string>();
  for (const { values, reasons, ...r } of out.values()) {
    const x = exclusions.get(r.caseId);
    // A case no variant analyses: one row for the quantities it never has for that reason.
    if (x && !x.analysed && r.defined === 0 && [...reasons].every((why) => x.reasons.has(why))) {
      if (!said.has(r.caseId)) {
        said.add(r.caseId);
        rows.push({
          caseId: r.caseId,
          quantity: null,
          nominal: null,
          lo: null,
          hi: null,
          openEnded: false,
          nominalDated: true,
          variants: r.variants,
          defined: 0,
          reason: [...x.reasons].join("; "),
        });
      }
      continue;
    }
    rows.push({
      ...r,
      lo: values.length ? Math.min(...values) : null,
      hi: values.length ? Math.max(...values) : null,
      ...(reasons.size ? { reason: [...reasons].join("; ") } : {}),
    });
  }
  return rows;
}

/** A span being gathered over the variants: its values and the reasons it has none. */
type Gathering = SensitivitySpan & { values: number[]; reasons: Set<string> };

/**
 * Adds one variant's pooled responder counts (`respondersRows`, every baseline definition, bound
 * and rounding) to the spans being gathered, as rows of case "all"; the nominal count is the
 * first variant's at the study's baseline, nominal values, as stated.
 */
function pooledSpans(
  out: Map<string, Gathering>,
  analysed: readonly { c: Case; quantities: Record<Rounding, CaseQuantity[]> }[],
  vi: number,
  variants: number,
): void {
  const study = analysed.length ? studyOf(analysed.map((x) => x.c)) : null;
  if (!study) return;
  for (const baseline of BASELINE_DEFINITIONS) {
    for (const r of respondersRows(analysed, baseline, percentThresholds(study))) {
      const key = `all\u0000${r.quantity}`;
      const row = out.get(key) ?? {
        caseId: "all",
        quantity: r.quantity,
        nominal: null,
        lo: null,
        hi: null,
        openEnded: false,
        nominalDated: true,
        variants,
        defined: 0,
        values: [],
        reasons: new Set<string>(),
      };
      if (r.value !== null) row.values.push(r.value);
      if (baseline === study.baseline && r.bound === "nominal" && r.rounding === "as stated") {
        if (r.value !== null) row.defined++;
        else row.reasons.add(r.reason!);
        if (vi === 0) row.nominal = r.value;
      }
      out.set(key, row);
    }
  }
}
