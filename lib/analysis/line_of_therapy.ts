/**
 * At which line of therapy was the drug of interest given? From the data: the drugs given for
 * the study's indication (any class) that started before the drug's first start; line = 1 + the number
 * of distinct such drugs. Groups and their labels are computed, never typed.
 *
 * @module
 */
import { expectSeriesDrug } from "../series_drugs.ts";
import { expectCases } from "../args.ts";
import { compareDays } from "../model.ts";
import type { Case } from "../model.ts";
import { firstPeriod } from "../timeline.ts";
import { studyOf } from "../cases.ts";
import { type ChangeOptions, NO_PERCENT } from "./change.ts";
import type { NominalInterval } from "../intervals.ts";
import { changeOrExclusion } from "./exclusions.ts";
import type { Exclusion } from "../stats/types.ts";
import { checkOptions } from "../options.ts";
import { changeOptionsSchema, linesOptionsSchema } from "./option_schemas.ts";

/** The line of therapy of one case. */
export interface CaseLine {
  /** Case id. */
  caseId: string;
  /** 1 + the number of distinct drugs given for the indication before the drug of interest. */
  line: number;
  /** Those drugs, in order of first start (each with its class). */
  priorDrugs: { drug: string; drugClass: string }[];
}

/**
 * Ordinal words for a line of therapy.
 *
 * @param line The line (1, 2, …).
 * @returns "first-line", "second-line", …, "11th-line".
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { lineLabel } from "#lib/mod.ts";
 * assert.equal(lineLabel(2), "second-line");
 * ```
 */
export function lineLabel(line: number): string {
  const words = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"];
  if (!Number.isInteger(line) || line < 1) {
    throw new RangeError(`lineLabel: expected a line ≥ 1, got ${line}`);
  }
  return `${words[line - 1] ?? `${line}th`}-line`;
}

/**
 * The line of therapy of each case for `drug` and the drugs that came before it for the
 * indication; cases that never take the drug are excluded with the reason.
 *
 * @param cases The cases.
 * @param options Drug (default: the study's drug of interest) and indication (default: the study's).
 * @returns Lines and exclusions.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { linesOfTherapy, loadCaseSeries } from "#lib/mod.ts";
 * const cases = (await loadCaseSeries()).cases;
 * const { lines, excluded } = linesOfTherapy(cases);
 * // The line is 1 + the distinct drugs given before; every case is placed or excluded.
 * assert.ok(lines.every((l) => l.line === 1 + new Set(l.priorDrugs.map((d) => d.drug)).size));
 * assert.equal(lines.length + excluded.length, cases.length);
 * ```
 */
export function linesOfTherapy(
  cases: readonly Case[],
  options: { drug?: string; indication?: string } = {},
): { lines: CaseLine[]; excluded: Exclusion[] } {
  expectCases("linesOfTherapy", cases);
  checkOptions("linesOfTherapy", linesOptionsSchema, options);
  expectSeriesDrug("linesOfTherapy (options.drug)", cases, options.drug);
  const drug = options.drug ?? studyOf(cases)?.drug ?? "";
  const indication = options.indication ?? studyOf(cases)?.indication ?? "";
  const lines: CaseLine[] = [];
  const excluded: Exclusion[] = [];
  for (const c of cases) {
    const start = firstPeriod(c, drug);
    if (!start) {
      excluded.push({ caseId: c.id, reason: `never takes ${drug}` });
      continue;
    }
    const prior = c.treatments
      .filter((t) =>
        t.purpose === indication && t.drug !== drug && compareDays(t.start, start.start) < 0
      )
      .sort((a, b) => compareDays(a.start, b.start));
    const priorDrugs: CaseLine["priorDrugs"] = [];
    for (const t of prior) {
      if (!priorDrugs.some((d) => d.drug === t.drug)) {
        priorDrugs.push({ drug: t.drug, drugClass: t.drugClass });
      }
    }
    lines.push({ caseId: c.id, line: 1 + priorDrugs.length, priorDrugs });
  }
  return { lines, excluded };
}

/** A descriptive summary of the cases at one line of therapy. */
export interface GroupSummary {
  /** Group label, computed ("<drug> first-line", "<drug> second-line"). */
  group: string;
  /** The line of therapy. */
  line: number;
  /** Case ids. */
  caseIds: string[];
  /** Number of cases. */
  n: number;
  /** The drugs given before, per case. */
  priorDrugs: { caseId: string; drugs: string[] }[];
  /** Percent reduction at the first post-drug value, per case (nominal, and its bounds). */
  firstReductions: { caseId: string; value: number; bounds: NominalInterval }[];
  /** Percent reduction at the last post-drug value, per case (nominal, and its bounds). */
  lastReductions: { caseId: string; value: number; bounds: NominalInterval }[];
  /** Cases of the group without a percent reduction, with why. */
  excluded: Exclusion[];
}

/**
 * Cases grouped by line of therapy of the drug, descriptively: the percent reductions of each
 * case, the drugs that came first, with n. No test: groups this small are described, not tested.
 * Cases that never take the drug are returned in `excluded`.
 *
 * @param cases The cases.
 * @param options Drug and baseline definition (defaults from the study: `data/study.json`).
 * @returns One group per line present in the data, in line order, and the excluded cases.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { lineOfTherapyGroups, linesOfTherapy, loadCaseSeries } from "#lib/mod.ts";
 * const cases = (await loadCaseSeries()).cases;
 * const { groups } = lineOfTherapyGroups(cases);
 * // One group per line present, in line order.
 * const present = [...new Set(linesOfTherapy(cases).lines.map((l) => l.line))]
 *   .sort((a, b) => a - b);
 * assert.deepEqual(groups.map((g) => g.line), present);
 * assert.ok(groups.every((g) => g.n === g.caseIds.length));
 * ```
 */
export function lineOfTherapyGroups(
  cases: readonly Case[],
  options: ChangeOptions = {},
): { groups: GroupSummary[]; excluded: Exclusion[] } {
  expectCases("lineOfTherapyGroups", cases);
  checkOptions("lineOfTherapyGroups", changeOptionsSchema, options);
  expectSeriesDrug("lineOfTherapyGroups (options.drug)", cases, options.drug);
  const drug = options.drug ?? studyOf(cases)?.drug ?? "";
  const { lines, excluded } = linesOfTherapy(cases, { drug });
  const byLine = new Map<number, CaseLine[]>();
  for (const l of lines) byLine.set(l.line, [...(byLine.get(l.line) ?? []), l]);
  const groups = [...byLine.keys()].sort((a, b) => a - b).map((line): GroupSummary => {
    const members = byLine.get(line)!;
    const firstReductions: GroupSummary["firstReductions"] = [];
    const lastReductions: GroupSummary["lastReductions"] = [];
    const groupExcluded: Exclusion[] = [];
    for (const m of members) {
      const c = cases.find((x) => x.id === m.caseId)!;
      const x = changeOrExclusion(c, { ...options, drug });
      if ("excluded" in x) {
        groupExcluded.push(x.excluded);
        continue;
      }
      const points = x.change.points;
      const first = points[0]?.percentReduction;
      const last = points.at(-1)?.percentReduction;
      if (!first || !last) {
        groupExcluded.push({
          caseId: m.caseId,
          // Values after the drug but no percent of them (a baseline that may be 0).
          reason: x.change.reason ?? (points.length ? NO_PERCENT : `no pain value after ${drug}`),
        });
        continue;
      }
      firstReductions.push({ caseId: m.caseId, value: first.nominal, bounds: first });
      lastReductions.push({ caseId: m.caseId, value: last.nominal, bounds: last });
    }
    return {
      group: `${drug} ${lineLabel(line)}`,
      line,
      caseIds: members.map((m) => m.caseId),
      n: members.length,
      priorDrugs: members.map((m) => ({
        caseId: m.caseId,
        drugs: m.priorDrugs.map((d) => d.drug),
      })),
      firstReductions,
      lastReductions,
      excluded: groupExcluded,
    };
  });
  return { groups, excluded };
}
