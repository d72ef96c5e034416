/**
 * The words of the sensitivity figure (`sensitivity.ts`): its caption (what its marks and counts
 * are) and the rows it does not draw, with why.
 *
 * @module
 */
import { listing } from "../prose.ts";
import { countNoun, intervalLabel, type SensitivityInterval } from "./sensitivity_rows.ts";

/**
 * The sensitivity figure's caption: what a row, a bar, a dot and an arrow are, what the counts of
 * variants are made of, and the rows not drawn (no variant gives them a value) with why.
 *
 * @param rows Every row.
 * @param drawn The rows drawn.
 * @param varied What the variants vary (e.g. "baseline definition and extraction bound").
 * @returns The caption.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sensitivityCaption } from "#lib/plots/sensitivity_caption.ts";
 * const row = { caseId: "4", quantity: "q", nominal: 1, lo: 1, hi: 2, variants: 9 };
 * const none = { ...row, caseId: "5", nominal: null, lo: null, hi: null, defined: 0 };
 * const caption = sensitivityCaption([row, { ...none, reason: "never" }], [row], "A and B");
 * assert.ok(caption.startsWith("Each row: one quantity of one case, recomputed under every " +
 *   "variant of the analysis (A and B);"), caption);
 * assert.ok(caption.endsWith(" Not drawn, no value under any variant: Case 5 (every quantity: never)."));
 * // A pooled row drawn: the caption says a row may be of all cases together.
 * assert.match(sensitivityCaption([row], [{ ...row, caseId: "all" }]), /^Each row: one quantity of one case \(or of all cases together\), /);
 * ```
 */
export function sensitivityCaption(
  rows: readonly SensitivityInterval[],
  drawn: readonly SensitivityInterval[],
  varied?: string,
): string {
  return drawnCaption(drawn, varied) + undefinedNote(rows, drawn);
}

/** The caption of the rows drawn: what a row, a bar, a dot and an arrow are, and the counts. */
function drawnCaption(rows: readonly SensitivityInterval[], varied?: string): string {
  // A pooled row (all cases: a responder count, a test) is of every case together.
  const pooled = rows.some((r) => r.caseId === "all");
  const { one, many } = countNoun(rows);
  return `Each row: one quantity of one case${pooled ? " (or of all cases together)" : ""}, ` +
    `recomputed under every ${one} of the ` +
    `analysis${varied ? ` (${varied})` : ""}; the bar spans the values the ` +
    `${many} give, between two ticks taller than the dot (so that a range narrower than the dot ` +
    `still shows), the dot is the nominal analysis (a dot without ticks or arrow: every ${one} ` +
    `gives the same value; an arrow: some ${one} gives no upper bound` +
    `${
      rows.some((r) => r.nominalDated === false)
        ? "; a hollow dot: a time the text places only by its narrative, a placeholder"
        : ""
    }); a row without a dot ` +
    `is not defined in the nominal analysis. Each ` +
    `quantity has its own axis, from zero. ${variantsNote(rows)}`;
}

/**
 * What the counts of variants in the right column are: each count with what it is made of where
 * the rows say, and why some rows have fewer variants than others.
 */
function variantsNote(rows: readonly SensitivityInterval[]): string {
  const kinds = new Map<number, Set<string>>();
  for (const r of rows) {
    const set = kinds.get(r.variants) ?? new Set<string>();
    if (r.over) set.add(r.over);
    kinds.set(r.variants, set);
  }
  const counts = [...kinds.keys()].sort((a, b) => b - a);
  const parts = counts.filter((n) => kinds.get(n)!.size > 0)
    .map((n) => `${n} = ${[...kinds.get(n)!].join(" or ")}`);
  const qs = (
    n: number,
  ) => [...new Set(rows.filter((r) => r.variants === n).map((r) => r.quantity))];
  const fewer = counts.slice(1).map((n) => `${listing(qs(n))} (${n})`);
  return `The right column counts the ${countNoun(rows).many} each row is computed under` +
    (parts.length ? ` (${parts.join("; ")})` : "") +
    (fewer.length
      ? `; fewer for ${listing(fewer)}, which ${
        fewer.length === 1 && qs(counts[1]).length === 1 ? "is" : "are"
      } not computed under every choice.`
      : ".");
}

/**
 * The rows left out because no variant gives them a value, by row label, each quantity with its
 * reason: " Not drawn, no value under any variant: Case 4 (days to 50% reduction: not reached by
 * day 30)." (empty when none is left out).
 */
function undefinedNote(
  rows: readonly SensitivityInterval[],
  drawn: readonly SensitivityInterval[],
): string {
  const labels = undefinedRows(rows, drawn);
  return labels ? ` Not drawn, no value under any ${countNoun(rows).one}: ${labels}.` : "";
}

/** A row's label inside a sentence: "all cases", "case 4"; a label of its own as it is. */
const labelInSentence = (r: SensitivityInterval): string =>
  r.label ?? (r.caseId === "all" ? "all cases" : `case ${r.caseId}`);

/**
 * The rows of `rows` not `drawn`, by row label, each quantity with its reason: "Case 4 (days to
 * 50% reduction: not reached by day 30)"; "every quantity" for a label none of whose quantities
 * is drawn, for one reason.
 *
 * @param rows Every row.
 * @param drawn The rows drawn.
 * @param options `inSentence`: the case labels as written inside a sentence ("all cases",
 *   "case 4"), not as the figure's row labels ("All cases", "Case 4").
 * @returns The phrase ("" when every row is drawn).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { undefinedRows } from "#lib/plots/sensitivity_caption.ts";
 * const row = { caseId: "4", quantity: "q", nominal: null, lo: null, hi: null, variants: 9 };
 * const rows = [row, { ...row, quantity: "r" }].map((r) => ({ ...r, reason: "none" }));
 * assert.equal(undefinedRows(rows, []), "Case 4 (every quantity: none)");
 * assert.equal(undefinedRows(rows, rows.slice(1)), "Case 4 (q: none)");
 * assert.equal(undefinedRows(rows, rows), "");
 * assert.equal(undefinedRows(rows, [], { inSentence: true }), "case 4 (every quantity: none)");
 * ```
 */
export function undefinedRows(
  rows: readonly SensitivityInterval[],
  drawn: readonly SensitivityInterval[],
  options: { inSentence?: boolean } = {},
): string {
  const left = rows.filter((r) => !drawn.includes(r));
  if (left.length === 0) return "";
  const quantities = new Set(rows.map((r) => r.quantity));
  const labelOf = options.inSentence ? labelInSentence : intervalLabel;
  const labels = [...new Set(left.map(labelOf))].map((label) => {
    const mine = left.filter((r) => labelOf(r) === label);
    const reasons = [...new Set(mine.map((r) => r.reason ?? ""))];
    const every = new Set(mine.map((r) => r.quantity)).size === quantities.size;
    const parts = reasons.map((why) => {
      const qs = [...new Set(mine.filter((r) => (r.reason ?? "") === why).map((r) => r.quantity))];
      const what = every && reasons.length === 1 ? "every quantity" : listing(qs);
      return why ? `${what}: ${why}` : what;
    });
    return `${label} (${parts.join("; ")})`;
  });
  return listing(labels);
}
