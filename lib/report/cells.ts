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

/**
 * A number as a table cell: the full value, `null` when it is missing or not finite. The table
 * display rounds it, once (`lib/table_text.ts`): a cell rounded here first would be rounded twice
 * (65.15151… to 65.1515, then shown as 65.151 where the value rounds to 65.152). A number inside
 * a text cell is not rounded by the display: write it with `fmt(x, 4)`, rounded once there.
 *
 * @param x The number.
 * @returns The number, or `null`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fmt } from "#lib/mod.ts";
 * import { num } from "#lib/report/cells.ts";
 * // Shown at 3 decimals, a cell is the full value rounded once.
 * assert.equal(fmt(num(100 * 4.3 / 6.6), 3), "65.152");
 * assert.equal(num(Infinity), null);
 * ```
 */
export const num = (x: number | null | undefined): number | null =>
  x === null || x === undefined || !Number.isFinite(x) ? null : x;

/** Exclusions in words, cases sharing a reason together: "cases 4 and 5: never takes …". */
export { groupedExclusions };

/** The columns of a confidence interval's bounds, shown rounded outward (`withBounds`). */
export const CI_BOUNDS = Object.freeze({ "CI lower": "lo", "CI upper": "hi" } as const);

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
