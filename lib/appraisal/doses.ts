/**
 * The doses given in a case series against the labelled dose ranges (`reference/labelled-doses.csv`,
 * read by `reference.ts`): for each case, each dose period and each label recorded for its drug,
 * whether the dose is within, below or above the labelled daily range. Unknown stays unknown: a
 * dose the text does not state is "dose not stated", a label whose range could not be verified is
 * "not verified", and a drug with no label recorded says so; none of them is a number.
 *
 * @module
 */
import type { CaseSeries, Dose } from "../model.ts";
import type { LabelledDose } from "../reference.ts";
import { formatDose } from "../dose.ts";
import { formatNumber } from "../intervals.ts";

/** How a dose compares with a labelled range. */
export type DoseVerdict =
  | "within"
  | "below"
  | "above"
  | "partly outside"
  | "dose not stated"
  | "not verified";

/** A labelled range: its ends in mg/day, `null` where not verified. */
export interface LabelledRange {
  /** Lowest labelled daily dose, or `null`. */
  min: number | null;
  /** Highest labelled daily dose, or `null`. */
  max: number | null;
}

/**
 * Compares a dose with a labelled daily range: `within` when every value the dose allows lies in
 * the range, `below` or `above` when every value lies under or over it, `partly outside` when a
 * stated range of doses straddles an end; `dose not stated` when the text states no dose (it is
 * never 0), `not verified` when the range is unknown.
 *
 * @param dose The dose (`null`: not stated).
 * @param range The labelled range.
 * @returns The verdict.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { doseAgainstLabel } from "#lib/mod.ts";
 * const range = { min: 25, max: 60 };
 * assert.equal(doseAgainstLabel({ lo: 50, hi: 50 }, range), "within");
 * assert.equal(doseAgainstLabel({ lo: 75, hi: 75 }, range), "above");
 * assert.equal(doseAgainstLabel({ lo: 10, hi: 10 }, range), "below");
 * assert.equal(doseAgainstLabel({ lo: 50, hi: 75 }, range), "partly outside");
 * assert.equal(doseAgainstLabel(null, range), "dose not stated");
 * assert.equal(doseAgainstLabel({ lo: 50, hi: 50 }, { min: null, max: null }), "not verified");
 * ```
 */
export function doseAgainstLabel(dose: Dose | null, range: LabelledRange): DoseVerdict {
  if (dose === null) return "dose not stated";
  const { min, max } = range;
  if (min === null || max === null) return "not verified";
  if (dose.hi < min) return "below";
  if (dose.lo > max) return "above";
  if (dose.lo >= min && dose.hi <= max) return "within";
  return "partly outside";
}

/** One dose period of one case against one label (or against none recorded). */
export interface LabelledDoseComparison {
  /** Case id. */
  caseId: string;
  /** The patient's age (a label's range for the elderly gives no age: compare it yourself). */
  age: number;
  /** The drug. */
  drug: string;
  /** What it was given for (`purpose`). */
  purpose: string;
  /** The dose as the text states it ("75 mg/day", "dose not stated"). */
  dose: string;
  /** The label: its country and name; `null` when none is recorded for the drug. */
  label: string | null;
  /** The labelled indication the range is for. */
  indication: string | null;
  /** Who the range is for (adults, elderly...). */
  population: string | null;
  /** The range as text ("25–100 mg/day"), or "not verified". */
  range: string | null;
  /** The comparison; "no label recorded" when the data hold none for the drug. */
  verdict: DoseVerdict | "no label recorded";
  /** The address the range was read at. */
  source: string | null;
}

const rangeText = (l: LabelledDose) =>
  l.min_mg_per_day === null || l.max_mg_per_day === null
    ? "not verified"
    : `${formatNumber(l.min_mg_per_day)}–${formatNumber(l.max_mg_per_day)} mg/day`;

/**
 * Every dose period of an article's cases against every label recorded for its drug
 * (`series.articles.labelledDoses`): one row per period and label, in the cases' order, or one
 * row "no label recorded" for a drug without one.
 *
 * @param series The case series.
 * @param sourceId The article.
 * @param labels The labelled ranges (default: those of the series' `reference/`).
 * @returns The rows.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { labelledDoseComparison, loadCaseSeries } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * const c = s.cases[0];
 * const t = c.treatments[0];
 * const label = {
 *   drug: t.drug, country: "XX", label: "a label", indication: "an indication",
 *   population: "adults", status: "verified" as const, min_mg_per_day: 1,
 *   max_mg_per_day: 100_000, quote: "1 to 100000", source: "https://example.org", note: null,
 * };
 * const rows = labelledDoseComparison(s, c.sourceId, [label]);
 * const mine = rows.find((r) => r.caseId === c.id && r.drug === t.drug)!;
 * assert.equal(mine.verdict, t.dose === null ? "dose not stated" : "within");
 * assert.ok(rows.filter((r) => r.drug !== t.drug).every((r) => r.verdict === "no label recorded"));
 * ```
 */
export function labelledDoseComparison(
  series: CaseSeries,
  sourceId: string,
  labels: readonly LabelledDose[] = series.articles?.labelledDoses ?? [],
): LabelledDoseComparison[] {
  return series.cases.filter((c) => c.sourceId === sourceId).flatMap((c) =>
    c.treatments.flatMap((t): LabelledDoseComparison[] => {
      const base = {
        caseId: c.id,
        age: c.age,
        drug: t.drug,
        purpose: t.purpose,
        dose: formatDose(t),
      };
      const mine = labels.filter((l) => l.drug === t.drug);
      if (mine.length === 0) {
        return [{
          ...base,
          label: null,
          indication: null,
          population: null,
          range: null,
          verdict: "no label recorded" as const,
          source: null,
        }];
      }
      return mine.map((l) => ({
        ...base,
        label: `${l.country}: ${l.label}`,
        indication: l.indication || null,
        population: l.population,
        range: rangeText(l),
        verdict: doseAgainstLabel(t.dose, { min: l.min_mg_per_day, max: l.max_mg_per_day }),
        source: l.source,
      }));
    })
  );
}

/** The columns of {@link labelledDoseTableRows}, for a table that may have no rows. */
export const LABELLED_DOSE_COLUMNS: readonly string[] = Object.freeze([
  "case",
  "age",
  "drug",
  "given for",
  "dose",
  "label",
  "labelled indication",
  "population",
  "labelled range",
  "verdict",
  "source",
]);

/**
 * The comparison as table rows ({@link LABELLED_DOSE_COLUMNS}); an empty cell where no label is
 * recorded.
 *
 * @param rows The comparison ({@link labelledDoseComparison}).
 * @returns One table row per comparison row.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { LABELLED_DOSE_COLUMNS, labelledDoseComparison, labelledDoseTableRows, loadCaseSeries } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * const id = [...s.sources.keys()][0];
 * const rows = labelledDoseTableRows(labelledDoseComparison(s, id));
 * for (const r of rows) assert.deepEqual(Object.keys(r), [...LABELLED_DOSE_COLUMNS]);
 * ```
 */
export function labelledDoseTableRows(
  rows: readonly LabelledDoseComparison[],
): Record<string, string | number | null>[] {
  return rows.map((r) => ({
    case: r.caseId,
    age: r.age,
    drug: r.drug,
    "given for": r.purpose,
    dose: r.dose,
    label: r.label,
    "labelled indication": r.indication,
    population: r.population,
    "labelled range": r.range,
    verdict: r.verdict,
    source: r.source,
  }));
}
