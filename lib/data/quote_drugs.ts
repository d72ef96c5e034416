/**
 * The warning for a dose period's quote that names another drug but not its own: the quote of
 * another period, copied onto this one?
 *
 * @module
 */
import type { DataIssue } from "../errors.ts";
import type { Treatment } from "../model.ts";
import { listing } from "../prose.ts";
import { findQuote } from "../quotes.ts";
import type { ByCase } from "./rows.ts";

/**
 * Warns of each dose period whose quote names another drug of its article (one that a row of
 * its cases gives; as a whole word, in any case: the quotes' boundary rule) but not its own drug
 * (data/README.md, "A quote naming another drug"). A drug the same case is given in a period that
 * starts or ends at this period's start or end is not counted: the sentence tells of both (a
 * switch, "replaced by X", or a drug added or stopped at that time). A warning, not an error: a
 * quote that names no drug is usual ("a week later to 40 mg/day").
 *
 * @param treatments Each case's dose periods with their lines.
 * @param drugsOf The drugs of a case's article, by their lower case, as first written.
 * @returns The warnings, in the order of the lines.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { otherDrugQuotes } from "#lib/data/quote_drugs.ts";
 * import { ByCase } from "#lib/data/rows.ts";
 * const day = (timeId: string) => ({ timeId });
 * const period = (drug: string, start: string, end: string | null, quote: string) =>
 *   ({ drug, start: day(start), end: end === null ? null : day(end), quote }) as never;
 * const periods = new ByCase<{ t: never; row: number }[]>();
 * periods.set("B", [
 *   { t: period("B-drug", "s", null, "A-drug 25 mg/day was started"), row: 3 },
 *   { t: period("C-drug", "s2", null, "it was replaced by D-drug"), row: 4 },
 *   { t: period("D-drug", "s2", null, "it was replaced by D-drug"), row: 5 },
 * ]);
 * const drugs = new Map(["A-drug", "B-drug", "C-drug", "D-drug"].map((d) => [d.toLowerCase(), d]));
 * const warnings = otherDrugQuotes(periods, () => drugs);
 * // Row 3 names a drug of another case; row 4 the drug it is switched to at its start.
 * assert.deepEqual(warnings.map((w) => w.row), [3]);
 * assert.match(warnings[0].message, /^the quote names A-drug .* but not B-drug/);
 * ```
 */
export function otherDrugQuotes(
  treatments: ByCase<{ t: Pick<Treatment, "drug" | "start" | "end" | "quote">; row: number }[]>,
  drugsOf: (caseId: string) => ReadonlyMap<string, string> | undefined,
): DataIssue[] {
  const found: DataIssue[] = [];
  for (const caseId of treatments.keys()) {
    const drugs = drugsOf(caseId);
    if (drugs === undefined || drugs.size < 2) continue;
    const periods = treatments.get(caseId)!;
    for (const { t, row } of periods) {
      const quote = t.quote.toLowerCase();
      const own = t.drug.toLowerCase();
      if (findQuote(quote, own) >= 0) continue;
      const ends = [t.start.timeId, t.end?.timeId];
      // A drug of the case whose period meets this one: the sentence tells of both.
      const meets = (drug: string) =>
        periods.some(({ t: o }) =>
          o.drug.toLowerCase() === drug &&
          (ends.includes(o.start.timeId) || (o.end !== null && ends.includes(o.end.timeId)))
        );
      const others: string[] = [];
      for (const [d, written] of drugs) {
        if (d !== own && findQuote(quote, d) >= 0 && !meets(d)) others.push(written);
      }
      if (others.length === 0) continue;
      found.push({
        file: "treatments.csv",
        row,
        column: "quote",
        message: `the quote names ${listing(others)} (given in this article) but not ` +
          `${t.drug}, the drug of this row: is it the quote of another period? A quote that ` +
          "names no drug is fine",
      });
    }
  }
  return found.sort((a, b) => a.row! - b.row!);
}
