/**
 * Finding a case by its id, with an error that lists the ids that exist.
 *
 * @module
 */
import { expectSeries, wrongArgument } from "./args.ts";
import type { Case, CaseSeries } from "./model.ts";
import { listing } from "./prose.ts";

/**
 * The case with id `id`. Throws a `RangeError` naming the ids that exist when there is none.
 * A number is taken as the id it spells (`3` finds case `"3"`).
 *
 * @param series The case series (`await loadCaseSeries()`).
 * @param id The case id, as in `data/cases.csv`.
 * @returns The case.
 * @example
 * ```ts
 * import { getCase, loadCaseSeries } from "./mod.ts";
 * const series = await loadCaseSeries();
 * const id = series.cases[0].id;
 * getCase(series, id).id === id; // true
 * try {
 *   getCase(series, "no-such-case");
 * } catch (e) {
 *   (e as Error).message; // "no case 'no-such-case'; the cases are …" (every id in the data)
 * }
 * ```
 */
export function getCase(series: CaseSeries, id: string | number): Case {
  expectSeries("getCase", series);
  if (typeof id === "number" && Number.isFinite(id)) id = String(id);
  if (typeof id !== "string") wrongArgument("getCase", "a case id (a string)", id);
  const found = series.cases.find((c) => c.id === id);
  if (found) return found;
  const ids = series.cases.map((c) => c.id);
  throw new RangeError(
    ids.length
      ? `no case '${id}'; the cases are ${listing(ids)}`
      : `no case '${id}'; the series has no cases`,
  );
}
