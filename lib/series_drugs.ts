/**
 * The drugs of a case series, so that a drug named in an option can be checked: a name that is no
 * drug of the series (`milnacipram`) is a wrong argument, with the nearest name, while a drug of
 * the series that one case never takes stays a valid question ("never takes …").
 *
 * The loader records each series' drugs under its study question (the one object every case of a
 * series shares, also in a copy of a case); a case built by hand, with a study of its own, counts
 * its own drugs and its study's drug.
 *
 * @module
 */
import type { Case } from "./model.ts";
import { nearestTerm } from "./nearest.ts";
import { wrongArgument } from "./wrong_argument.ts";

/** The drugs of each loaded series, by the study object its cases share. */
const SERIES_DRUGS = new WeakMap<object, ReadonlySet<string>>();

/**
 * Records the drugs of a series built from `study` (the loader calls it once per series).
 *
 * @param study The study object every case of the series holds.
 * @param cases The series' cases.
 * @returns Nothing.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries } from "#lib/mod.ts";
 * import { seriesDrugs } from "#lib/series_drugs.ts";
 * const s = await loadCaseSeries();
 * const all = new Set(s.cases.flatMap((c) => c.treatments.map((t) => t.drug)));
 * // Every case knows every drug of its series, taken or not.
 * assert.deepEqual(seriesDrugs([s.cases[0]]), [...all].sort());
 * ```
 */
export function rememberSeriesDrugs(study: object, cases: readonly Case[]): void {
  SERIES_DRUGS.set(study, new Set(cases.flatMap((c) => c.treatments.map((t) => t.drug))));
}

/**
 * The drugs of the series the cases belong to (as the loader recorded them), with the cases' own
 * and their study's drug of interest, sorted.
 *
 * @param cases Cases of one series.
 * @returns The drug names, sorted.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries } from "#lib/mod.ts";
 * import { seriesDrugs } from "#lib/series_drugs.ts";
 * const s = await loadCaseSeries();
 * assert.ok(seriesDrugs(s.cases).includes(s.study.drug));
 * ```
 */
export function seriesDrugs(cases: readonly Case[]): string[] {
  const known = new Set<string>();
  for (const c of cases) {
    for (const d of SERIES_DRUGS.get(c.study) ?? []) known.add(d);
    for (const t of c.treatments) known.add(t.drug);
    if (typeof c.study?.drug === "string") known.add(c.study.drug);
  }
  return [...known].sort();
}

/**
 * Throws when a drug named in an option is no drug of the series (see {@link seriesDrugs}),
 * naming the option, the series' drugs and the nearest one; `undefined` (the option left out)
 * passes, and so does any drug when there is no case to compare with.
 *
 * @param fn The public function and its option, for the message (`"caseChange (options.drug)"`).
 * @param cases The case, or the cases, the function was given.
 * @param drug The drug named.
 * @returns Nothing; throws a `TypeError` for a drug the series does not have.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries } from "#lib/mod.ts";
 * import { expectSeriesDrug } from "#lib/series_drugs.ts";
 * const s = await loadCaseSeries();
 * const drug = s.study.drug;
 * expectSeriesDrug("f (options.drug)", s.cases, drug);
 * const typo = drug.slice(0, -1) + (drug.endsWith("x") ? "y" : "x");
 * assert.throws(
 *   () => expectSeriesDrug("f (options.drug)", s.cases[0], typo),
 *   new RegExp(`^TypeError: f \\(options\\.drug\\): expected a drug of the series .*Did you mean "${drug}"\\?$`),
 * );
 * ```
 */
export function expectSeriesDrug(
  fn: string,
  cases: Case | readonly Case[],
  drug: string | null | undefined,
): void {
  if (drug === undefined || drug === null) return;
  const known = seriesDrugs(Array.isArray(cases) ? cases : [cases as Case]);
  // No case, no drug to compare with: a series without a case is said so by the function.
  if (known.length === 0 || known.includes(drug)) return;
  const near = typeof drug === "string" ? nearestTerm(drug, known) : null;
  wrongArgument(
    fn,
    `a drug of the series (${known.join(", ")})`,
    drug,
    near === null ? "" : `Did you mean "${near}"?`,
  );
}
