/**
 * The sensitivity notebook's rounding table and paragraph: which responder conclusions move when
 * every stated value is varied by its rounding, which values were varied and which not, and the
 * note naming the cases the table has no row for.
 *
 * @module
 */
import { expectSeries } from "../args.ts";
import type { Row } from "../display.ts";
import { formatRange } from "../intervals.ts";
import { SCALES, scaleTitle } from "../scales.ts";
import type { CaseSeries } from "../model.ts";
import { roundingGaps, type RoundingVerdict } from "../analysis/sensitivity_rounding.ts";
import { agree, groupedExclusions, listing, noChangeNotes, plural } from "../prose.ts";

/** A scale named for a reader (`scaleTitle`), from its id; an id of no known scale as it is. */
const title = (id: string) => SCALES[id] ? scaleTitle(SCALES[id]) : id;

/**
 * The note under the rounding table (`roundingRobustness`): each case it has no row for, or no
 * row for some threshold, and why (`roundingGaps`): no change after the drug, or no percent
 * reduction of a baseline that may be 0; none when every case has its every row.
 *
 * @param s The case series.
 * @returns The note, alone in an array, or no note.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, roundingRobustness, sensitivityNotes } from "#lib/mod.ts";
 * const data = await loadCaseSeries();
 * // The data with a case that never takes the drug: the rounding table has no row for it.
 * const s = { ...data, cases: [...data.cases, { ...data.cases[0], id: "x", treatments: [] }] };
 * assert.ok(!roundingRobustness(s.cases).some((v) => v.caseId === "x"));
 * const notes = sensitivityNotes(s);
 * assert.equal(notes.length, 1);
 * assert.match(notes[0], /\bx\b/);
 * assert.ok(notes[0].includes(`never takes ${s.study.drug}`), notes[0]);
 * ```
 */
export function sensitivityNotes(s: CaseSeries): string[] {
  expectSeries("sensitivityNotes", s);
  const gaps = roundingGaps(s.cases);
  const none = gaps.filter((g) => g.every && !g.noChange);
  const notes = [
    ...noChangeNotes(gaps.filter((g) => g.noChange)),
    ...(none.length ? [`No row for ${groupedExclusions(none)}.`] : []),
    ...gaps.filter((g) => !g.every).map((g) =>
      `No row for ${listing(g.thresholds)} of case ${g.caseId}: ${g.reason}.`
    ),
  ];
  return notes.length ? [notes.join(" ")] : [];
}

/**
 * A computed range at one decimal, its ends rounded outward (`formatBound`): 2.9 to 4.05 reads
 * "2.9–4.1", never "2.9–4", which would leave out its upper end; one number when both ends are
 * one.
 */
function outwardRange([lo, hi]: readonly [number, number]): string {
  return formatRange(lo, hi, 1);
}

/**
 * Which responder conclusions move under rounding, one row per case, value and threshold (a case
 * with no change after the drug has no row: `sensitivityNotes` says which and why).
 *
 * @param verdicts The verdicts (`roundingRobustness`).
 * @returns Rows of case, value, threshold, whether reached as stated (nominal), the reduction's
 * range as stated and with rounding, and the verdict (holds / moves under rounding / moves
 * within the extraction intervals).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, roundingRobustness, roundingRows } from "#lib/mod.ts";
 * const verdicts = roundingRobustness((await loadCaseSeries()).cases);
 * const rows = roundingRows(verdicts);
 * // One row per verdict, its verdict in words.
 * assert.deepEqual(rows.map((r) => r["under rounding"]), verdicts.map((v) => v.status));
 * ```
 */
export function roundingRows(verdicts: readonly RoundingVerdict[]): Row[] {
  return verdicts.map((v) => ({
    case: v.caseId,
    value: `${v.timing} after the drug`,
    conclusion: `responder (${v.threshold})`,
    "as stated": v.nominal ? "reached" : "not reached",
    "reduction as stated": outwardRange(v.asStated),
    "reduction with rounding": outwardRange(v.rounded),
    "under rounding": v.status,
  }));
}

/**
 * Which responder conclusions move when every stated value is varied by half its last stated
 * digit, in one paragraph. It says which values were varied and which were not, by the rule of
 * `data/README.md` ("Rounding"): a value on a scale of whole numbers (an NRS, a verbal category),
 * a value of no pain whose own words say there is none and a value whose words state no number
 * are not varied; when no value of the cases assessed is
 * varied, it says so and that no conclusion can move (not that none moves under a variation that
 * was not made).
 *
 * @param verdicts The verdicts (`roundingRobustness`), each with its case's values
 * (`RoundingVerdict.values`).
 * @returns The paragraph.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { roundingSummary } from "#lib/mod.ts";
 * const values = { varied: 3, wholeScale: 0, wholeScales: [], noPain: 0, noNumber: 0 };
 * const s = roundingSummary([{
 *   caseId: "1", timing: "first", threshold: "≥30% reduction", nominal: true,
 *   asStated: [30.3, 30.3], rounded: [27.7, 32.8], status: "moves under rounding", values,
 * }]);
 * assert.ok(s.includes("case 1, ≥30% reduction at the first value (reached as stated; 27.7–32.8%"), s);
 * // Values on a scale of whole numbers are not varied, and the paragraph says so.
 * const nrs = { varied: 0, wholeScale: 2, wholeScales: ["nrs-0-10"], noPain: 0, noNumber: 0 };
 * const t = roundingSummary([{
 *   caseId: "2", timing: "first", threshold: "≥30% reduction", nominal: true,
 *   asStated: [57, 57], rounded: [57, 57], status: "holds", values: nrs,
 * }]);
 * assert.ok(t.startsWith("No stated value is varied by rounding"), t);
 * assert.ok(t.includes("2 values on a scale of whole numbers (the 0–10 NRS)"), t);
 * ```
 */
export function roundingSummary(verdicts: readonly RoundingVerdict[]): string {
  const moving = verdicts.filter((v) => v.status === "moves under rounding");
  const already = verdicts.filter((v) => v.status === "moves within the extraction intervals");
  const unit = (v: RoundingVerdict) => v.threshold.includes("%") ? "%" : "";
  const what = (v: RoundingVerdict) =>
    `case ${v.caseId}, ${v.threshold} at the ${v.timing} value (${
      v.nominal ? "reached" : "not reached"
    } as stated; ${outwardRange(v.rounded)}${unit(v)} with rounding)`;
  const rule = "half a unit of its last stated digit (± 0.05 for a value stated to one decimal, " +
    "± 0.5 for a whole number)";
  if (verdicts.length === 0) {
    // Not only for want of a value before and after the drug: a baseline that may be 0 has no
    // percent reduction either (`roundingGaps`).
    // No case to count values of: the rule is said whole, its exceptions with it.
    return `Each stated value varied by ${rule}, except values on a scale of whole numbers, ` +
      "values of no pain whose own words say there is none and values whose words state no " +
      `number (data/README.md, "Rounding"): ` +
      "no responder conclusion to assess (no case has a reduction a threshold " +
      "applies to: a value before and after the drug, and for a percent threshold a baseline " +
      "that cannot be 0).";
  }
  const { varied, fixed } = notVaried(verdicts);
  const alsoAlready = already.length
    ? ` ${plural(already.length, "other")} already ${
      agree(already.length, "depends", "depend")
    } on the extraction intervals as stated (a stated range).`
    : "";
  if (varied === 0) {
    return `No stated value is varied by rounding: the cases assessed have only ${
      listing(fixed.parts)
    }, which are not varied (data/README.md, "Rounding"), so none of ${
      plural(verdicts.length, "responder conclusion")
    } can move under rounding.` +
      (already.length
        ? ` ${already.length} of them ${
          agree(already.length, "depends", "depend")
        } on the extraction intervals as stated (a stated range).`
        : "");
  }
  const head = fixed.n === 0
    ? `Each stated value varied by ${rule}: `
    : `Each stated value varied by ${rule}, except ${listing(fixed.parts)}, which ${
      agree(fixed.n, "is", "are")
    } not varied (data/README.md, "Rounding"): `;
  return head +
    (moving.length
      ? `${plural(moving.length, "responder conclusion")} of ${verdicts.length} ` +
        `${agree(moving.length, "moves", "move")}: ${listing(moving.map(what))}.`
      : `none of ${plural(verdicts.length, "responder conclusion")} moves.`) +
    alsoAlready;
}

/**
 * The values rounding varies and those it does not, over the cases of some verdicts (each case
 * once): how many are varied, and the others in words.
 */
function notVaried(verdicts: readonly RoundingVerdict[]): {
  varied: number;
  fixed: { n: number; parts: string[] };
} {
  const byCase = new Map(verdicts.map((v) => [v.caseId, v.values]));
  const all = [...byCase.values()];
  const sum = (f: (v: RoundingVerdict["values"]) => number) => all.reduce((n, v) => n + f(v), 0);
  const whole = sum((v) => v.wholeScale);
  const none = sum((v) => v.noNumber);
  const noPain = sum((v) => v.noPain);
  const scales = [...new Set(all.flatMap((v) => v.wholeScales))];
  const parts = [
    ...(whole
      ? [`${plural(whole, "value")} on a scale of whole numbers (${listing(scales.map(title))})`]
      : []),
    ...(noPain
      ? [`${plural(noPain, "value")} of no pain whose own words say there is none (stated exactly)`]
      : []),
    ...(none ? [`${plural(none, "value")} whose words state no number`] : []),
  ];
  return { varied: sum((v) => v.varied), fixed: { n: whole + noPain + none, parts } };
}
