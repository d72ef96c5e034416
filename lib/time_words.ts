/**
 * A case's time points and values named for a reader, from the data's own words, never by their
 * internal ids: a time point at which a value is stated is named by that value ("the pain VAS 2.3
 * report"), one without a value by the text's words for it (`words` of `timepoints.csv`). Short
 * and deterministic: a value whose words repeat in the case is told apart by its rank in time
 * ("the second pain VAS 2.0"). And the values at which a drug may have been given, though not
 * surely, said as such, so that "no value while it was given" does not read as "no value at all".
 *
 * @module
 */
import { expectCase } from "./args.ts";
import { type Case, compareDays, type Observation } from "./model.ts";
import { listing } from "./prose.ts";
import { mayBeGiven, surelyGiven } from "./given.ts";

const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"];

/** "first", "second", …, "9th" for a rank from 1. */
const ordinal = (rank: number): string => ORDINALS[rank - 1] ?? `${rank}th`;

/**
 * A value of a case in the text's words, with "the": "the pain VAS 2.3"; where other values of
 * the case have the same words, its rank among them in time order ("the second pain VAS 2.0").
 *
 * @param c The case.
 * @param o One of its values.
 * @returns The value's name.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, valueName } from "#lib/mod.ts";
 * const c = (await loadCaseSeries()).cases[0];
 * const o = c.observations[0];
 * assert.ok(valueName(c, o).endsWith(o.words));
 * assert.ok(valueName(c, o).startsWith("the "));
 * // Two values of the same words are told apart by their rank in time.
 * const twin = { ...c, observations: [o, { ...o, day: { ...o.day, nominal: o.day.nominal + 1 } }] };
 * assert.equal(valueName(twin, twin.observations[1]), `the second ${o.words}`);
 * ```
 */
export function valueName(c: Case, o: Observation): string {
  expectCase("valueName", c);
  const same = c.observations.filter((x) => x.words === o.words)
    .sort((a, b) => compareDays(a.day, b.day));
  if (same.length < 2) return `the ${o.words}`;
  return `the ${ordinal(same.indexOf(o) + 1)} ${o.words}`;
}

/**
 * A time point of a case named for a reader: by the value stated at it ("the pain VAS 2.3
 * report"; several values: "the report of pain VAS 2.3 and NRS 3"), else by the kind of the
 * events at it ("the transfer to psychiatry"), else by the text's words for it, quoted ("“10 days
 * later”"). An id the case does not have is returned as it is.
 *
 * @param c The case.
 * @param timeId A time point of the case.
 * @returns Its name.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, timeName } from "#lib/mod.ts";
 * const c = (await loadCaseSeries()).cases[0];
 * const o = c.observations[0];
 * // Named by its value, not by its id.
 * assert.equal(timeName(c, o.day.timeId), `the ${o.words} report`);
 * const at = (t: { id: string }) => (x: { day: { timeId: string } }) => x.day.timeId === t.id;
 * const event = c.timepoints.find((t) => !c.observations.some(at(t)) && c.events.some(at(t)));
 * if (event) assert.equal(timeName(c, event.id), `the ${c.events.find(at(event))!.kind}`);
 * const bare = c.timepoints.find((t) => !c.observations.some(at(t)) && !c.events.some(at(t)));
 * if (bare) assert.equal(timeName(c, bare.id), `“${bare.words}”`);
 * ```
 */
export function timeName(c: Case, timeId: string): string {
  expectCase("timeName", c);
  const at = c.observations.filter((o) => o.day.timeId === timeId);
  if (at.length === 1) return `${valueName(c, at[0])} report`;
  if (at.length > 1) return `the report of ${listing(at.map((o) => o.words))}`;
  const events = [...new Set(c.events.filter((e) => e.day.timeId === timeId).map((e) => e.kind))];
  if (events.length) return `the ${listing(events)}`;
  const t = c.timepoints.find((x) => x.id === timeId);
  return t ? `“${t.words}”` : timeId;
}

/**
 * The values of a case among `values` at which `drug` may have been given but is not surely
 * (`mayBeGiven`, not `surelyGiven`), each named for a reader (`valueName`): one stated over a
 * period (`period_start`, `period_end`) "over a period that may include it", one rating "at a
 * time it may have been given". Empty when there are none.
 *
 * @param c The case.
 * @param drug The drug.
 * @param values The values to look at (default: all of the case's).
 * @returns One phrase per such value, in the order of `values`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, mayBeGiven, possiblyGivenValues, surelyGiven } from "#lib/mod.ts";
 * for (const c of (await loadCaseSeries()).cases) {
 *   for (const drug of new Set(c.treatments.map((t) => t.drug))) {
 *     const maybe = c.observations.filter((o) =>
 *       mayBeGiven(c, o.day.timeId, drug) && !surelyGiven(c, o.day.timeId, drug)
 *     );
 *     const said = possiblyGivenValues(c, drug);
 *     assert.equal(said.length, maybe.length);
 *     maybe.forEach((o, i) =>
 *       assert.ok(said[i].endsWith(o.span ? "over a period that may include it" : "may have been given"))
 *     );
 *   }
 * }
 * ```
 */
export function possiblyGivenValues(
  c: Case,
  drug: string,
  values: readonly Observation[] = c.observations,
): string[] {
  expectCase("possiblyGivenValues", c);
  return values.filter((o) =>
    mayBeGiven(c, o.day.timeId, drug) && !surelyGiven(c, o.day.timeId, drug)
  ).map((o) =>
    `${valueName(c, o)} ${
      o.span ? "over a period that may include it" : "at a time it may have been given"
    }`
  );
}
