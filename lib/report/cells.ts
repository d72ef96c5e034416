/**
 * What the report tables of several notebooks share: a number as a table cell, the cases a
 * pooled analysis left out (as ids and in words), and the name of a case's values for prose.
 *
 * @module
 */
import type { Case } from "../model.ts";
import type { Exclusion } from "../stats/types.ts";
import { valueScale } from "../cases.ts";
import { groupedExclusions } from "../prose.ts";

/** A number as a table cell: rounded to 4 decimals, `null` when it is missing or not finite. */
export const num = (x: number | null | undefined): number | null =>
  x === null || x === undefined || !Number.isFinite(x) ? null : Number(x.toFixed(4));

/** Exclusions in words, cases sharing a reason together: "cases 4 and 5: never takes …". */
export { groupedExclusions };

/** The ids of excluded cases for a table column, or `null` when there are none. */
export const excludedIds = (xs: readonly Exclusion[]): string | null =>
  [...new Set(xs.map((e) => e.caseId))].join(", ") || null;

/**
 * What a table of pooled rows says once, under it: the cases left out, grouped by reason. Rows
 * carry only the ids (column `excluded`).
 *
 * @param rows Rows of a pooled analysis, each with the cases it left out.
 * @returns One sentence for `showTable`'s `notes`, or none when no case is left out.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { exclusionNotes } from "#lib/mod.ts";
 * assert.deepEqual(
 *   exclusionNotes([{ excluded: [{ caseId: "4", reason: "no VAS value" }] }]),
 *   ["Left out: case 4: no VAS value."],
 * );
 * assert.deepEqual(exclusionNotes([{ excluded: [] }]), []);
 * ```
 */
export function exclusionNotes(rows: readonly { excluded: readonly Exclusion[] }[]): string[] {
  const all = rows.flatMap((r) => r.excluded);
  return all.length ? [`Left out: ${groupedExclusions(all)}.`] : [];
}

/** The name of a case's values for prose: the scale with its instrument ("VAS", "NRS"), or "pain". */
export function scaleWords(c: Case): string {
  return valueScale([c]).name;
}

/**
 * A treatment's label with "no end stated" added: inside its parenthesis when it ends with one
 * ("b (dose not stated; no end stated)"), else in its own ("a 50 mg/day (no end stated)"). For a
 * period whose end the text does not state (given certainly only up to the last time point the
 * text ties to it: `tiedTimepoints`).
 *
 * @param label The treatment's label (`drugWithDose`).
 * @returns The label, saying the end is not stated.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { noEndStated } from "#lib/report/cells.ts";
 * assert.equal(noEndStated("a 50 mg/day"), "a 50 mg/day (no end stated)");
 * assert.equal(noEndStated("b (dose not stated)"), "b (dose not stated; no end stated)");
 * ```
 */
export function noEndStated(label: string): string {
  return label.endsWith(")") ? `${label.slice(0, -1)}; no end stated)` : `${label} (no end stated)`;
}
