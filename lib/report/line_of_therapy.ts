/**
 * The pooled notebook's line-of-therapy table: the percent reduction of each case by the line of
 * therapy at which it takes the drug of interest, and its caption (descriptive: a line of fewer
 * cases than the study needs to compare is compared with none).
 *
 * @module
 */
import { groupedExclusions } from "./cells.ts";
import { expectCase, expectSeries } from "../args.ts";
import type { Row } from "../display.ts";
import { formatInterval } from "../intervals.ts";
import type { Case, CaseSeries } from "../model.ts";
import { lineOfTherapyGroups, linesOfTherapy } from "../analysis/line_of_therapy.ts";
import { listing, plural } from "../prose.ts";

/**
 * Cases by line of therapy of the drug of interest (computed from the data), one row per line,
 * then one row listing the cases left out.
 *
 * @param s The case series.
 * @returns Display rows.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { groupRows, lineOfTherapyGroups, loadCaseSeries } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * const { groups } = lineOfTherapyGroups(s.cases);
 * const rows = groupRows(s);
 * assert.deepEqual(rows.slice(0, groups.length).map((r) => r.group), groups.map((g) => g.group));
 * ```
 */
export function groupRows(s: CaseSeries): Row[] {
  expectSeries("groupRows", s);
  const { groups, excluded } = lineOfTherapyGroups(s.cases, { drug: s.study.drug });
  const rows: Row[] = groups.map((g) => ({
    group: g.group,
    n: g.n,
    cases: g.caseIds.join(", "),
    [`given before ${s.study.drug} for ${s.study.indication}`]: g.priorDrugs
      .map((p) => `case ${p.caseId}: ${p.drugs.join(", ") || "none"}`).join("; "),
    "% reduction, first value":
      g.firstReductions.map((x) => `case ${x.caseId}: ${formatInterval(x.bounds, 1)}`)
        .join("; ") || null,
    "% reduction, last value":
      g.lastReductions.map((x) => `case ${x.caseId}: ${formatInterval(x.bounds, 1)}`)
        .join("; ") || null,
    excluded: g.excluded.length ? groupedExclusions(g.excluded) : null,
  }));
  if (excluded.length > 0) {
    rows.push({
      // With no group at all, the row says it is every case, not one group among others.
      group: groups.length ? "not assessable" : "no case assessable",
      n: excluded.length,
      cases: excluded.map((e) => e.caseId).join(", "),
      [`given before ${s.study.drug} for ${s.study.indication}`]: null,
      "% reduction, first value": null,
      "% reduction, last value": null,
      excluded: groupedExclusions(excluded),
    });
  }
  return rows;
}

/**
 * The caption of the line-of-therapy table (`groupRows`): the drug and, descriptively, how many
 * cases each line holds; when no case has a percent reduction to compare (none takes the drug, or
 * those that do cannot be assessed), that and why (every case left out, in a line or not).
 *
 * @param s The case series.
 * @returns The caption.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { lineOfTherapyCaption, loadCaseSeries } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * assert.ok(lineOfTherapyCaption(s).startsWith(`Percent reduction by line of therapy of ${s.study.drug}`));
 * // Asked about a drug no case takes: said plainly, with no empty list of groups.
 * const study = { ...s.study, drug: "no-such-drug" };
 * const none = lineOfTherapyCaption({ ...s, study, cases: s.cases.map((c) => ({ ...c, study })) });
 * assert.match(none, /: no case can be assessed \(.*never takes no-such-drug\)$/);
 * ```
 */
export function lineOfTherapyCaption(s: CaseSeries): string {
  expectSeries("lineOfTherapyCaption", s);
  const { groups, excluded } = lineOfTherapyGroups(s.cases, { drug: s.study.drug });
  const head = `Percent reduction by line of therapy of ${s.study.drug}`;
  if (!groups.some((g) => g.firstReductions.length + g.lastReductions.length > 0)) {
    const left = [...groups.flatMap((g) => g.excluded), ...excluded];
    return `${head}: no case can be assessed` +
      (left.length ? ` (${groupedExclusions(left)})` : " (the series has no case)");
  }
  // A line of fewer cases than the study needs to compare (`min_cases_forest`) is compared with
  // none: its row gives each case's own values.
  const min = s.study.minCasesForest;
  const few = groups.filter((g) => g.n < min);
  const none = few.length === 0
    ? ""
    : `; ${
      few.length === groups.length
        ? "every line holds"
        : `${listing(few.map((g) => g.group))} ${few.length === 1 ? "holds" : "hold"}`
    } fewer than ${plural(min, "case")}, study.json's min_cases_forest, so no line is compared ` +
      "with another: each row gives its cases' own values";
  return `${head} (descriptive; ` +
    `${listing(groups.map((g) => `${g.group}: ${plural(g.n, "case")}`))}${none})`;
}

/**
 * The caption of a case's table of rates per drug and dose period (`rateRows`), which holds every
 * drug given for the study's indication: the drug of interest's own rows, and which of the others
 * were given before it (the line of therapy's drugs, `linesOfTherapy`) and which started with or
 * after it.
 *
 * @param c The case (its study names the drug and the indication).
 * @returns The caption.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { drugRatesCaption, linesOfTherapy, loadCaseSeries } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * for (const c of s.cases) {
 *   const line = linesOfTherapy([c]).lines[0];
 *   const caption = drugRatesCaption(c);
 *   assert.ok(caption.startsWith(`Case ${c.id}: rate of change per drug and dose period`));
 *   // The drug's own rows are named, and the drugs given before it where there are any.
 *   if (line) assert.ok(caption.includes(`of ${s.study.drug}`));
 *   for (const d of line?.priorDrugs ?? []) assert.ok(caption.includes(d.drug));
 * }
 * ```
 */
export function drugRatesCaption(c: Case): string {
  expectCase("drugRatesCaption", c);
  const { drug, indication } = c.study;
  const drugs = [
    ...new Set(c.treatments.filter((t) => t.purpose === indication).map((t) => t.drug)),
  ];
  const line = linesOfTherapy([c], { drug, indication }).lines[0];
  const head = `Case ${c.id}: rate of change per drug and dose period`;
  if (!line) {
    return drugs.length
      ? `${head}, of each drug given for ${indication} (${listing(drugs)}); the case never ` +
        `takes ${drug}`
      : `${head}: the case takes no drug for ${indication}, and never ${drug}`;
  }
  const prior = line.priorDrugs.map((d) => d.drug);
  const others = drugs.filter((d) => d !== drug && !prior.includes(d));
  const parts = [
    prior.length ? `of each drug given for ${indication} before it (${listing(prior)})` : null,
    others.length ? `of each started with or after it (${listing(others)})` : null,
  ].filter((x) => x !== null);
  return parts.length
    ? `${head}, of ${drug} and ${parts.join(", and ")}`
    : `${head}, of ${drug}, the only drug given for ${indication}`;
}
