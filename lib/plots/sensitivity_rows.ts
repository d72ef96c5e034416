/**
 * The rows of the sensitivity figure: what one row is (a quantity of one case over the variants
 * of the analysis), and the sensitivity table mapped onto them.
 *
 * @module
 */
import type { SensitivityRow } from "../analysis/sensitivity.ts";
import { listing } from "../prose.ts";

/**
 * One row of the sensitivity figure: a quantity of one case (or of all cases) summarised over the
 * variants of the analysis. Map a table of variants onto it by grouping on (case, quantity):
 * `nominal` = the value under the default analysis, `lo`/`hi` = the least and greatest value
 * among the variants that give one, `variants` = how many variants were run, `defined` = how
 * many gave a value.
 */
export interface SensitivityInterval {
  /** Case id, or a label for a pooled quantity (e.g. "all"). */
  caseId: string;
  /** What is measured (rows of one quantity share an axis). */
  quantity: string;
  /** Value under the default analysis, or `null` when undefined there. */
  nominal: number | null;
  /** Least value over the variants, or `null` when no variant gives one. */
  lo: number | null;
  /** Greatest value over the variants, or `null` when no variant gives one. */
  hi: number | null;
  /** Number of variants run. */
  variants: number;
  /** Number of variants that gave a value (default: all). */
  defined?: number;
  /**
   * What the variants of this row are, when known (e.g. "3 baseline definitions × 3 extraction
   * bounds"): the caption says it, so that rows with different counts are explained.
   */
  over?: string;
  /** Row label (default "Case <id>", or "All cases" for "all"). */
  label?: string;
  /** True when some variant leaves the value unbounded above (drawn as an arrow to the edge). */
  openEnded?: boolean;
  /**
   * False when the nominal value is a time the text does not date (a placeholder the order of
   * the narrative puts there, `after`/`before` in data/README.md): drawn as a hollow dot, not a
   * date. Default true.
   */
  nominalDated?: boolean;
  /** Why some variant gives no value (said under the figure for a row none gives one). */
  reason?: string;
  /**
   * What the row's count counts, in the singular and the plural (default "variant",
   * "variants": datasets under the readings of the text). Rows over the choices of one dataset's
   * analysis (baseline definition, extraction bound, rounding) say "choice", so that "variant"
   * keeps one meaning.
   */
  counts?: { one: string; many: string };
}

/** The default of {@link SensitivityInterval}'s `counts`. */
const VARIANT = { one: "variant", many: "variants" };

/**
 * What the rows' counts count (their first row's `counts`, else "variant"), for the words of a
 * figure of them.
 *
 * @param rows The rows.
 * @returns The noun, singular and plural.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { countNoun } from "#lib/plots/sensitivity_rows.ts";
 * const row = { caseId: "4", quantity: "q", nominal: 1, lo: 1, hi: 1, variants: 9 };
 * assert.deepEqual(countNoun([row]), { one: "variant", many: "variants" });
 * const counts = { one: "choice", many: "choices" };
 * assert.deepEqual(countNoun([{ ...row, counts }]), counts);
 * ```
 */
export function countNoun(rows: readonly SensitivityInterval[]): { one: string; many: string } {
  return rows.find((r) => r.counts)?.counts ?? VARIANT;
}

/**
 * Maps the sensitivity table (one row per case × quantity × variant) onto the figure's rows:
 * grouped by case and quantity, `nominal` = the value of the variant named by `nominal`, `lo`/`hi`
 * = the least and greatest value among the variants that give one, `reason` = why the others
 * give none. A nominal day the text does not date (`placeholderDay`) is the row's hollow dot
 * (`nominalDated` false) and counts as given, though the table withholds it.
 *
 * @param rows The sensitivity table.
 * @param nominal Which variant is the nominal analysis (default: baseline "last", bound "nominal").
 * @returns One {@link SensitivityInterval} per case and quantity, in order of first appearance.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sensitivityIntervals } from "#lib/plots/mod.ts";
 * assert.deepEqual(
 *   sensitivityIntervals([
 *     { caseId: "1", quantity: "q", baseline: "last", bound: "nominal", value: 2, n: 1 },
 *     {
 *       caseId: "1", quantity: "q", baseline: "max", bound: "nominal", value: null, n: 1,
 *       reason: "not reached by day 30",
 *     },
 *   ])[0],
 *   { caseId: "1", quantity: "q", nominal: 2, lo: 2, hi: 2, variants: 2, defined: 1,
 *     over: "2 baseline definitions at the nominal extraction bound only",
 *     reason: "not reached by day 30" },
 * );
 * ```
 */
export function sensitivityIntervals(
  rows: readonly SensitivityRow[],
  nominal: (r: SensitivityRow) => boolean = (r) => r.baseline === "last" && r.bound === "nominal",
): SensitivityInterval[] {
  const groups = new Map<string, SensitivityRow[]>();
  for (const r of rows) {
    const key = JSON.stringify([r.caseId, r.quantity]);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((g) => {
    const values = g.map((r) => r.value).filter((v): v is number => v !== null);
    // A nominal day the text does not date: no value, but no variant without one either.
    const placeholders = g.filter((r) => r.placeholderDay !== undefined).length;
    const at = g.find(nominal);
    // Rows under rounding (values widened by half their last digit) beside those as stated.
    const rounded = g.filter((r) => r.rounding !== undefined && r.rounding !== "as stated");
    const reasons = [
      ...new Set(
        g.flatMap((r) =>
          r.value === null && r.placeholderDay === undefined ? [r.reason ?? "not defined"] : []
        ),
      ),
    ];
    return {
      caseId: g[0].caseId,
      quantity: g[0].quantity,
      nominal: at?.value ?? at?.placeholderDay ?? null,
      ...(at?.placeholderDay !== undefined ? { nominalDated: false } : {}),
      lo: values.length ? Math.min(...values) : null,
      hi: values.length ? Math.max(...values) : null,
      variants: g.length,
      defined: values.length + placeholders,
      over: variantsOver(g, rounded),
      ...(reasons.length ? { reason: reasons.join("; ") } : {}),
    };
  });
}

/**
 * What the variants of one row are, flat (no brackets: the caption sets it in brackets): "3
 * baseline definitions × 3 extraction bounds"; with rows under rounding, the sum first, "9 + 6: 3
 * baseline definitions × 3 extraction bounds, and 6 with the values rounded at the best and worst
 * bounds".
 */
function variantsOver(g: readonly SensitivityRow[], rounded: readonly SensitivityRow[]): string {
  const nb = new Set(g.map((r) => r.baseline)).size;
  const nx = new Set(g.map((r) => r.bound)).size;
  const grid = `${nb} baseline definition${nb === 1 ? "" : "s"}` +
    (nx === 1 ? ` at the ${g[0].bound} extraction bound only` : ` × ${nx} extraction bounds`);
  if (rounded.length === 0) return grid;
  const at = [...new Set(rounded.map((r) => r.bound))];
  return `${g.length - rounded.length} + ${rounded.length}: ${grid}, and ${rounded.length} with ` +
    `the values rounded at the ${listing(at)} bound${at.length === 1 ? "" : "s"}`;
}

/**
 * A row's label in the sensitivity figure: its own `label`, or "All cases" for a pooled row
 * ("all"), or "Case <id>".
 *
 * @param r The row.
 * @returns The label.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { intervalLabel } from "#lib/plots/sensitivity_rows.ts";
 * const row = { caseId: "4", quantity: "q", nominal: 1, lo: 1, hi: 1, variants: 1 };
 * assert.equal(intervalLabel(row), "Case 4");
 * assert.equal(intervalLabel({ ...row, caseId: "all" }), "All cases");
 * assert.equal(intervalLabel({ ...row, label: "Pooled" }), "Pooled");
 * ```
 */
export function intervalLabel(r: SensitivityInterval): string {
  return r.label ?? (r.caseId === "all" ? "All cases" : `Case ${r.caseId}`);
}
