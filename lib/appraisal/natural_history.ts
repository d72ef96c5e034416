/**
 * Published figures on the natural course of phantom pain (`reference/natural-history.csv`,
 * read by `reference.ts`), for tables and prose: each figure with its study, design, group and
 * time after amputation, and the figures that could not be verified named as such, without a
 * number. The prose is built from the data only (no figure is typed in `lib/`);
 * `docs/literature.md` cites the same studies.
 *
 * @module
 */
import type { NaturalHistoryFigure } from "../reference.ts";
import { formatNumber, type TimeUnit, UNIT_DAYS } from "../intervals.ts";
import { listing } from "../prose.ts";

/**
 * A study as prose cites it, from its citation: "Jensen et al. 1985" (first author, "et al." when
 * there are more, the year before the volume); "Clin J Pain 2006" (journal and year) when the
 * citation names no author; the study's id when neither can be read.
 *
 * @param f A figure (its `citation` and `study`).
 * @returns The short citation.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { shortCitation } from "#lib/mod.ts";
 * const cite = (citation: string) => shortCitation({ study: "id-1", citation });
 * assert.equal(cite("Jensen TS, Krebs B. Phantom pain. Pain 1985;21:267-78."), "Jensen et al. 1985");
 * assert.equal(cite("Bach S. Phantom pain. Pain 1988;33:297-301."), "Bach 1988");
 * assert.equal(cite("Incidence of phantom pain. Clin J Pain 2006;22:353-8."), "Clin J Pain 2006");
 * assert.equal(cite("a note"), "id-1");
 * ```
 */
export function shortCitation(f: Pick<NaturalHistoryFigure, "study" | "citation">): string {
  const year = f.citation.match(/\b((?:19|20)\d\d)\s*;/)?.[1];
  const author = f.citation.match(/^(\p{Lu}[\p{L}'’-]+) \p{Lu}{1,3}([,.])/u);
  if (author && year) return `${author[1]}${author[2] === "," ? " et al." : ""} ${year}`;
  const journal = f.citation.match(/\.\s+([^.]+?)\s+((?:19|20)\d\d)\s*;/);
  return journal ? `${journal[1]} ${journal[2]}` : f.study;
}

/** A figure as text: "72%", "9 of 14 patients", "2.1 cm"; "not verified" without a value. */
function valueText(f: NaturalHistoryFigure): string {
  if (f.value === null) return "not verified";
  if (f.unit === "percent") return `${formatNumber(f.value, 1)}%`;
  if (f.unit === "patients" && f.n !== null) return `${formatNumber(f.value)} of ${f.n} patients`;
  return `${formatNumber(f.value, 2)} ${f.unit ?? ""}`.trim();
}

/**
 * One row per figure, for a table: study (as {@link shortCitation} cites it), design, group and its size, time after amputation,
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
    study: shortCitation(f),
    design: f.design,
    group: f.group,
    n: f.n,
    time: f.time,
    measure: f.measure,
    value: valueText(f),
    source: f.source,
  }));
}

/** A time after amputation in days ("8 days", "6 months", "1 year"), or null for other words. */
function timeDays(time: string): number | null {
  const m = time.trim().match(/^(\d+(?:\.\d+)?)\s+(day|week|month|year)s?$/);
  if (!m) return null;
  return Number(m[1]) * UNIT_DAYS[m[2] as TimeUnit];
}

/** A figure as a share of its group (percent), or null (another unit, or no group size). */
function share(f: NaturalHistoryFigure): number | null {
  if (f.value === null) return null;
  if (f.unit === "percent") return f.value;
  return f.unit === "patients" && f.n ? (100 * f.value) / f.n : null;
}

/**
 * Whether a study's share fell from its earliest to its latest time (each time read as a number
 * of days, more than one value): "a fall from 64.3% to 21.4% of the group", else "".
 */
function fallText(mine: readonly NaturalHistoryFigure[]): string {
  const timed = mine.map((f) => ({ d: timeDays(f.time), v: share(f) }));
  if (timed.length < 2 || timed.some((x) => x.d === null || x.v === null)) return "";
  const sorted = [...timed].sort((a, b) => a.d! - b.d!);
  const [first, last] = [sorted[0], sorted.at(-1)!];
  if (first.d === last.d || !(last.v! < first.v!)) return "";
  return `, a fall from ${formatNumber(first.v!, 1)}% to ${formatNumber(last.v!, 1)}% of the group`;
}

/**
 * The figures as sentences' clauses (without a final full stop), one per study joined by
 * semicolons, each with a verb: the study, its design, group and size, "recorded" what it
 * measured at each time, and the fall of its share over time where it fell (time words read as
 * days, "8 days", "6 months"); the studies whose figures could not be verified last, by what they
 * measured, without a number. "none recorded" when there are none.
 *
 * @param figures The figures.
 * @returns The clauses.
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
 *   "s, prospective cohort, all, n = 58, recorded phantom pain present: 72% at 8 days and 65% " +
 *     "at 6 months, a fall from 72% to 65% of the group",
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
      // Design and group set off by commas, not brackets: their words may hold brackets of
      // their own ("prospective controlled (not randomised)"), and brackets do not nest.
      `${shortCitation(g)}, ${g.design}, ${g.group}${
        g.n !== null ? `, n = ${g.n}` : ""
      }, recorded ${g.measure}: ` +
      listing(mine.map((f) => `${valueText(f)} at ${f.time}`)) + fallText(mine),
    ];
  });
  const unverified = studies.filter((s) =>
    figures.some((f) => f.study === s && f.value === null) &&
    !figures.some((f) => f.study === s && f.value !== null)
  ).map((s) => {
    const f = figures.find((x) => x.study === s)!;
    return `${shortCitation(f)} on ${f.measure}`;
  });
  const parts = [
    ...verified,
    ...(unverified.length ? [`no figure of ${listing(unverified)} could be verified here`] : []),
  ];
  return parts.length ? parts.join("; ") : "none recorded";
}

/**
 * What the figures recorded say of the natural course, for a caveat (without a final full stop):
 * {@link naturalHistoryText}, then what such figures cannot show; without a verified figure, that
 * none is recorded.
 *
 * @param figures The figures (`series.articles.naturalHistory`).
 * @returns The sentence.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, naturalCourseText, naturalHistoryText } from "#lib/mod.ts";
 * const figures = (await loadCaseSeries()).articles?.naturalHistory ?? [];
 * // The figures of the data, each with its study, whatever they are.
 * if (figures.some((f) => f.value !== null)) {
 *   assert.ok(naturalCourseText(figures).startsWith(naturalHistoryText(figures)));
 * }
 * assert.match(naturalCourseText([]), /^no figure on the natural course is recorded/);
 * ```
 */
export function naturalCourseText(figures: readonly NaturalHistoryFigure[]): string {
  if (!figures.some((f) => f.value !== null)) {
    return "no figure on the natural course is recorded (data/reference/natural-history.csv), " +
      "so a spontaneous fall after amputation can be neither assumed nor excluded";
  }
  return `${naturalHistoryText(figures)}. These are figures about groups of patients, not the ` +
    "course of one patient's pain intensity, so a spontaneous fall in the weeks after " +
    "amputation can be neither assumed nor excluded from them";
}

/**
 * The natural course for a case notebook's caveats (without a final full stop): every figure
 * recorded, study by study, in the published series the appraisal notebook cites
 * ({@link naturalHistoryText}: each with a verb, and the fall of a group's share where it fell),
 * then what such figures cannot show.
 *
 * @param figures The figures (`series.articles.naturalHistory`).
 * @returns The sentences.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { naturalCourseCaveat } from "#lib/mod.ts";
 * const f = {
 *   study: "s", citation: "Bach S, Noreng MF. P. Pain 1988;33:1.", doi: null, design: "cohort",
 *   group: "controls", n: 14, time: "7 days", measure: "patients with phantom pain", value: 9,
 *   unit: "patients", status: "verified" as const, quote: "9 patients",
 *   source: "https://example.org", note: null,
 * };
 * assert.equal(
 *   naturalCourseCaveat([f, { ...f, time: "1 year", value: 3 }]),
 *   "in the published series the appraisal notebook cites, Bach et al. 1988, cohort, controls, " +
 *     "n = 14, recorded patients with phantom pain: 9 of 14 patients at 7 days and 3 of 14 " +
 *     "patients at 1 year, a fall from 64.3% to 21.4% of the group. These are figures about " +
 *     "groups, not the course of one patient's pain intensity, so a spontaneous fall can be " +
 *     "neither assumed nor excluded",
 * );
 * assert.match(naturalCourseCaveat([]), /^no figure on the natural course is recorded/);
 * ```
 */
export function naturalCourseCaveat(figures: readonly NaturalHistoryFigure[]): string {
  if (!figures.some((f) => f.value !== null)) return naturalCourseText([]);
  return `in the published series the appraisal notebook cites, ${naturalHistoryText(figures)}. ` +
    "These are figures about groups, not the course of one patient's pain intensity, so a " +
    "spontaneous fall can be neither assumed nor excluded";
}
