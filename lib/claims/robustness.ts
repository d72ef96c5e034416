/**
 * How robust the headline conclusions are to the readings of the text: every claim verdict and
 * responder count recomputed in each analysis variant (the dataset under a combination of
 * alternative readings, `lib/readings.ts`), with the number of variants in which it holds.
 *
 * @module
 */
import { valueScale } from "../cases.ts";
import { claimsLedger } from "./mod.ts";
import type { CaseSeries } from "../model.ts";
import { responders, thresholdLabel } from "../analysis/responders.ts";
import type { NamedSeries } from "../analysis/sensitivity.ts";

/** A headline conclusion and its value in one dataset. */
export interface Conclusion {
  /** Identifier. */
  id: string;
  /** The conclusion, in words. */
  label: string;
  /** Its value (a verdict, a count, yes/no) as text. */
  value: string;
}

/**
 * The headline conclusions of one dataset: the verdict of every claim of the ledger, and the
 * number of responders at the first and last value after the drug for every threshold of the
 * study (default baseline, nominal values).
 *
 * @param series The case series.
 * @param drug The drug whose start is day 0 (default: the study's drug of interest).
 * @returns The conclusions with their values.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { claimsLedger, headlineConclusions, loadCaseSeries } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * // Every claim of the ledger is a conclusion, with its verdict as the value.
 * const ids = new Set(headlineConclusions(s).map((x) => x.id));
 * assert.ok(claimsLedger(s).every((claim) => ids.has(`claim:${claim.id}`)));
 * ```
 */
export function headlineConclusions(
  series: CaseSeries,
  drug: string = series.study.drug,
): Conclusion[] {
  const claims = claimsLedger(series).map((c) => ({
    id: `claim:${c.id}`,
    label: `"${c.quote}" (${c.where})`,
    value: c.verdict,
  }));
  const unit = valueScale(series.cases).unit;
  const resp = responders(series.cases, { drug }).map((r) => ({
    id: `responders:${r.timing}:${r.threshold.kind}:${r.threshold.value}`,
    label: `responders (${thresholdLabel(r.threshold, unit)}, ${r.timing} value after ${drug})`,
    value: `${r.count}/${r.n}` + (r.responders.length ? ` (${r.responders.join(", ")})` : ""),
  }));
  return [...claims, ...resp];
}

/** How robust a headline conclusion is to the readings of the text. */
export interface Robustness {
  /** The conclusion's id. */
  id: string;
  /** The conclusion, in words. */
  label: string;
  /** Its value in the dataset as extracted. */
  value: string;
  /** In how many variants it has that value. */
  holds: number;
  /** Number of variants. */
  of: number;
  /** The variants where it differs, each with its value there. */
  differs: { variant: string; value: string }[];
}

/**
 * In how many analysis variants each headline conclusion of the first variant (the dataset as
 * extracted) keeps its value, and what it becomes where it does not.
 *
 * @param variants The datasets under each set of readings, the dataset as extracted first.
 * @returns One row per conclusion of the first variant.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { conclusionRobustness, loadCaseSeries } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * // With one variant, every conclusion holds in it.
 * const rows = conclusionRobustness([{ name: "as extracted", series: s }]);
 * assert.ok(rows.every((r) => r.holds === 1 && r.of === 1 && r.differs.length === 0));
 * ```
 */
export function conclusionRobustness(variants: readonly NamedSeries[]): Robustness[] {
  if (variants.length === 0) {
    throw new RangeError(
      "conclusionRobustness: expected at least one variant (the dataset as extracted)",
    );
  }
  const conclusions = variants.map((v) => headlineConclusions(v.series));
  const all = variants.map((v, i) => ({
    name: v.name,
    values: new Map(conclusions[i].map((c) => [c.id, c.value])),
  }));
  return conclusions[0].map((c) => {
    const differs = all.filter((v) => v.values.get(c.id) !== c.value).map((v) => ({
      variant: v.name,
      value: v.values.get(c.id) ?? "not defined",
    }));
    return { ...c, holds: variants.length - differs.length, of: variants.length, differs };
  });
}
