/**
 * Published figures on the natural course of phantom pain (`reference/natural-history.csv`,
 * read by `reference.ts`), for tables and prose: each figure with its study, design, group and
 * time after amputation, and the figures that could not be verified named as such, without a
 * number. The prose is built from the data only; `docs/literature.md` cites the same studies.
 *
 * @module
 */
import type { NaturalHistoryFigure } from "../reference.ts";
import { formatNumber } from "../intervals.ts";
import { listing } from "../prose.ts";

/** A figure as text: "72%", "9 of 14 patients", "2.1 cm"; "not verified" without a value. */
function valueText(f: NaturalHistoryFigure): string {
  if (f.value === null) return "not verified";
  if (f.unit === "percent") return `${formatNumber(f.value, 1)}%`;
  if (f.unit === "patients" && f.n !== null) return `${formatNumber(f.value)} of ${f.n} patients`;
  return `${formatNumber(f.value, 2)} ${f.unit ?? ""}`.trim();
}

/**
 * One row per figure, for a table: study, design, group and its size, time after amputation,
 * what was measured, the value (or "not verified") and the address it was read at.
 *
 * @param figures The figures (`series.articles.naturalHistory`).
 * @returns The rows.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { naturalHistoryRows } from "#lib/mod.ts";
 * const f = {
 *   study: "s", citation: "c", doi: null, design: "prospective cohort", group: "all", n: 14,
 *   time: "7 days", measure: "patients with phantom pain", value: 9, unit: "patients",
 *   status: "verified" as const, quote: "9 patients", source: "https://example.org", note: null,
 * };
 * assert.equal(naturalHistoryRows([f])[0].value, "9 of 14 patients");
 * const unknown = { ...f, value: null, status: "not verified" as const };
 * assert.equal(naturalHistoryRows([unknown])[0].value, "not verified");
 * ```
 */
export function naturalHistoryRows(
  figures: readonly NaturalHistoryFigure[],
): Record<string, string | number | null>[] {
  return figures.map((f) => ({
    study: f.study,
    design: f.design,
    group: f.group,
    n: f.n,
    time: f.time,
    measure: f.measure,
    value: valueText(f),
    source: f.source,
  }));
}

/**
 * The figures in one sentence (without a final full stop): per study, its design, group and
 * size, then each value at its time; the studies whose figures could not be verified last, by
 * what they measured, without a number. "none recorded" when there are none.
 *
 * @param figures The figures.
 * @returns The sentence.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { naturalHistoryText } from "#lib/mod.ts";
 * const f = {
 *   study: "s", citation: "c", doi: null, design: "prospective cohort", group: "all", n: 58,
 *   time: "8 days", measure: "phantom pain present", value: 72, unit: "percent",
 *   status: "verified" as const, quote: "72%", source: "https://example.org", note: null,
 * };
 * assert.equal(
 *   naturalHistoryText([f, { ...f, time: "6 months", value: 65 }]),
 *   "s (prospective cohort, all, n = 58): phantom pain present 72% at 8 days and 65% at 6 months",
 * );
 * assert.equal(naturalHistoryText([]), "none recorded");
 * ```
 */
export function naturalHistoryText(figures: readonly NaturalHistoryFigure[]): string {
  const studies = [...new Set(figures.map((f) => f.study))];
  const verified = studies.flatMap((s) => {
    const mine = figures.filter((f) => f.study === s && f.value !== null);
    if (mine.length === 0) return [];
    const g = mine[0];
    return [
      `${s} (${g.design}, ${g.group}${g.n !== null ? `, n = ${g.n}` : ""}): ${g.measure} ` +
      listing(mine.map((f) => `${valueText(f)} at ${f.time}`)),
    ];
  });
  const unverified = studies.filter((s) =>
    figures.some((f) => f.study === s && f.value === null) &&
    !figures.some((f) => f.study === s && f.value !== null)
  ).map((s) => `${s} (${figures.find((f) => f.study === s)!.measure})`);
  const parts = [
    ...verified,
    ...(unverified.length ? [`not verified here, so no number: ${listing(unverified)}`] : []),
  ];
  return parts.length ? parts.join("; ") : "none recorded";
}
