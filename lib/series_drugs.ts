/**
 * The drugs of a case series, so that a drug named in an option can be checked: a name that is no
 * drug of the series (`milnacipram`) is a wrong argument, with the nearest name, while a drug of
 * the series that one case never takes stays a valid question ("never takes …").
 *
 * The loader records each series' drugs under every case object it built. Only those cases are
 * fully checked: a case copied or built by hand (a variant with a drug renamed, say) belongs to a
 * series the library has not seen, so a drug named with it may be one of its siblings' and is
 * refused only when it is one of the case's (or its study's) drugs written in other capitals or
 * spacing; otherwise the function answers "never takes …". The check is a did-you-mean for a
 * typo, never a refusal of a drug that some case of the series takes.
 *
 * @module
 */
import type { Case } from "./model.ts";
import { nearestTerm } from "./nearest.ts";
import { wrongArgument } from "./wrong_argument.ts";

/** The drugs of each loaded series, by each case object the loader built. */
const SERIES_DRUGS = new WeakMap<Case, ReadonlySet<string>>();

/**
 * Records the drugs of a series under each of its cases (the loader calls it once per series).
 *
 * @param cases The series' cases, as the loader built them.
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
export function rememberSeriesDrugs(cases: readonly Case[]): void {
  const drugs = new Set(cases.flatMap((c) => c.treatments.map((t) => t.drug)));
  for (const c of cases) SERIES_DRUGS.set(c, drugs);
}

/**
 * The drugs of the series the cases belong to (as the loader recorded them for the cases it
 * built), with the cases' own and their study's drug of interest, sorted.
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
    for (const d of SERIES_DRUGS.get(c) ?? []) known.add(d);
    for (const t of c.treatments) known.add(t.drug);
    if (typeof c.study?.drug === "string") known.add(c.study.drug);
  }
  return [...known].sort();
}

/**
 * Throws when a drug named in an option is no drug of the series (see {@link seriesDrugs}),
 * naming the option, the series' drugs and the nearest one; `undefined` (the option left out)
 * passes, and so does any drug when there is no case to compare with. When a case given is not
 * one the loader built (a copy or a hand-made case: its series is not known), only a drug of
 * the cases or their study written in other capitals or spacing is refused.
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
  const given: readonly Case[] = Array.isArray(cases) ? cases : [cases as Case];
  const known = seriesDrugs(given);
  // No case, no drug to compare with: a series without a case is said so by the function.
  if (known.length === 0 || known.includes(drug)) return;
  // A case the loader did not build is of a series not seen: a drug its siblings may take is
  // never refused, only one of its names written in other capitals or spacing.
  const built = given.every((c) => SERIES_DRUGS.has(c));
  const same = (a: string) => a.replace(/\s+/g, "").toLowerCase();
  if (!built && !known.some((d) => typeof drug === "string" && same(d) === same(drug))) return;
  const near = typeof drug === "string" ? nearestTerm(drug, known) : null;
  wrongArgument(
    fn,
    `a drug of the series (${known.join(", ")})`,
    drug,
    near === null ? "" : `Did you mean "${near}"?`,
  );
}
