/**
 * A case's time points and values named for a reader, from the data's own words, never by their
 * internal ids: a value by its words where they read as its name, else by its scale and the value
 * as stated (`valueNoun`, the one rule: "the pain VAS 2.3", "the NRS 3–4"); a time point at which a
 * value is stated by that value ("the pain VAS 2.3 report"), one without a value by the kind of the
 * events at it ("the transfer to psychiatry"), else by the text's words for it (`words` of
 * `timepoints.csv`). Short and deterministic: a value whose name repeats in the case, or an event
 * whose kind does, is told apart by its rank in time ("the second pain VAS 2.0", "the first
 * amputation"). And the values at which a drug may have been given, though not
 * surely, said as such, so that "no value while it was given" does not read as "no value at all".
 *
 * @module
 */
import { expectCase } from "./args.ts";
import { formatDose } from "./dose.ts";
import { type Case, compareDays, type Observation, type Treatment } from "./model.ts";
import { listing } from "./prose.ts";
import { valueNoun } from "./value_noun.ts";
import { continuedBy, continuesFrom, mayBeGiven, surelyAfter, surelyGiven } from "./given.ts";
import { relativeDay } from "./timeline.ts";

const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"];

/** "first", "second", …, "eighth", then "9th", "21st", "22nd", "113th" for a rank from 1. */
const ordinal = (rank: number): string => {
  if (rank <= ORDINALS.length) return ORDINALS[rank - 1];
  const teen = rank % 100 >= 11 && rank % 100 <= 13;
  return `${rank}${teen ? "th" : ["th", "st", "nd", "rd"][rank % 10] ?? "th"}`;
};

/**
 * A value of a case named for a reader, with "the": its name by `valueNoun` (its words where they
 * read as its name, "the pain VAS 2.3", else its scale and the value as stated, "the NRS 3–4");
 * where other values of the case have the same name, its rank among them in time order ("the
 * second pain VAS 2.0").
 *
 * @param c The case.
 * @param o One of its values.
 * @returns The value's name.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, valueName, valueNoun } from "#lib/mod.ts";
 * const c = (await loadCaseSeries()).cases[0];
 * const o = c.observations[0];
 * assert.equal(valueName(c, o), `the ${valueNoun(o)}`);
 * // Two values of the same name are told apart by their rank in time.
 * const later = { ...o, day: { ...o.day, timeId: "later", nominal: o.day.nominal + 1 } };
 * const twin = { ...c, observations: [o, later] };
 * assert.equal(valueName(twin, twin.observations[1]), `the second ${valueNoun(o)}`);
 * ```
 */
export function valueName(c: Case, o: Observation): string {
  expectCase("valueName", c);
  // By its time point and words, not by identity: an analysis may hand over a copy of the value.
  const name = namesOf(c).values.get(valueKey(o));
  if (name === undefined) {
    throw new TypeError(
      `valueName: '${o.words}' at ${o.day.timeId} is not a value of case ${c.id}`,
    );
  }
  return name;
}

/**
 * A time point of a case named for a reader: by the value stated at it ("the pain VAS 2.3
 * report"; several values: "the report of pain VAS 2.3 and NRS 3"), else by the kind of the
 * events at it ("the transfer to psychiatry"), else by the dose periods at it ("the start of
 * drug-a", "the end of drug-b", "the change of drug-b to 40 mg/day"), else by the text's words for
 * it, quoted ("“10 days later”"). Two time points of a case never share a name: one that would is
 * told apart by its rank in time ("the first amputation", "the second start of drug-a"). An id
 * the case does not have is returned as it is. The names of a case are made once, at its first
 * call (a case's arrays are not changed in place).
 *
 * @param c The case.
 * @param timeId A time point of the case.
 * @returns Its name.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, timeName, valueNoun } from "#lib/mod.ts";
 * const c = (await loadCaseSeries()).cases[0];
 * const o = c.observations[0];
 * // Named by its value (`valueNoun`), not by its id.
 * assert.equal(timeName(c, o.day.timeId), `the ${valueNoun(o)} report`);
 * const at = (t: { id: string }) => (x: { day: { timeId: string } }) => x.day.timeId === t.id;
 * const event = c.timepoints.find((t) => !c.observations.some(at(t)) && c.events.some(at(t)));
 * if (event) {
 *   const name = timeName(c, event.id);
 *   assert.ok(name.startsWith("the ") && name.endsWith(c.events.find(at(event))!.kind));
 * }
 * // Distinct time points, distinct names.
 * const names = c.timepoints.map((t) => timeName(c, t.id));
 * assert.equal(new Set(names).size, names.length);
 * const start = c.treatments.find((t) => !c.observations.some(at({ id: t.start.timeId })))?.start;
 * if (start && !c.events.some(at({ id: start.timeId }))) {
 *   assert.match(timeName(c, start.timeId), /^the (start|change|end) of /);
 * }
 * ```
 */
export function timeName(c: Case, timeId: string): string {
  expectCase("timeName", c);
  return namesOf(c).times.get(timeId) ?? timeId;
}

/** A value's key among its case's: its time point and its words. */
const valueKey = (o: Observation) => `${o.day.timeId}\u0000${o.words}`;

/** Each case's names (values by {@link valueKey}, time points by id), made once. */
const NAMES = new WeakMap<Case, { values: Map<string, string>; times: Map<string, string> }>();

/** A case's names: see {@link valueName} and {@link timeName}. */
function namesOf(c: Case): { values: Map<string, string>; times: Map<string, string> } {
  let names = NAMES.get(c);
  if (names) return names;
  const values = ranked(
    [...c.observations].sort((a, b) => compareDays(a.day, b.day)).map((o) =>
      [valueKey(o), `the ${valueNoun(o)}`] as const
    ),
  );
  const byTime = Map.groupBy(c.observations, (o) => o.day.timeId);
  const starts = Map.groupBy(c.treatments, (t) => t.start.timeId);
  const stopped = Map.groupBy(c.treatments.filter((t) => t.end !== null), (t) => t.end!.timeId);
  const kinds = Map.groupBy(c.events, (e) => e.day.timeId);
  const times = ranked(
    [...c.timepoints].sort((a, b) => compareDays(a.day, b.day)).map((t) => {
      const at = byTime.get(t.id) ?? [];
      if (at.length === 1) return [t.id, `${values.get(valueKey(at[0]))} report`] as const;
      if (at.length > 1) return [t.id, `the report of ${listing(at.map(valueNoun))}`] as const;
      const events = [...new Set((kinds.get(t.id) ?? []).map((e) => e.kind))];
      if (events.length) return [t.id, `the ${listing(events)}`] as const;
      const drug = treatmentName(c, t.id, starts, stopped);
      return [t.id, drug ?? `“${t.words}”`] as const;
    }),
  );
  NAMES.set(c, names = { values, times });
  return names;
}

/**
 * Names in time order, each repeated one told apart by its rank among those that share it: "the
 * amputation" twice is "the first amputation" and "the second amputation"; a name without "the"
 * takes one ("the second “later”").
 */
function ranked(named: readonly (readonly [string, string])[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const [, name] of named) count.set(name, (count.get(name) ?? 0) + 1);
  const seen = new Map<string, number>();
  return new Map(named.map(([key, name]) => {
    if (count.get(name)! < 2) return [key, name];
    const rank = (seen.get(name) ?? 0) + 1;
    seen.set(name, rank);
    const rest = name.startsWith("the ") ? name.slice(4) : name;
    return [key, `the ${ordinal(rank)} ${rest}`];
  }));
}

/**
 * A time point named by the dose periods at it: the start of a drug (first of all), else its stop,
 * else a change of its dose; `null` when no period starts or ends there.
 */
function treatmentName(
  c: Case,
  timeId: string,
  startsAt: Map<string, Treatment[]>,
  endsAt: Map<string, Treatment[]>,
): string | null {
  const starts = startsAt.get(timeId) ?? [];
  // A drug starts where a period of it begins that continues none (`continuesFrom`).
  const first = [...new Set(starts.filter((t) => !continuesFrom(c, t)).map((t) => t.drug))];
  if (first.length) return `the start of ${listing(first)}`;
  // A stop: an end no period of the same drug continues (`continuedBy`).
  const stops = [
    ...new Set((endsAt.get(timeId) ?? []).filter((t) => !continuedBy(c, t)).map((t) => t.drug)),
  ];
  if (stops.length) return `the end of ${listing(stops)}`;
  return starts.length === 1 ? `the change of ${starts[0].drug} to ${formatDose(starts[0])}` : null;
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

/**
 * "No value" somewhere a reader is told of (`what`: "after the stop", "on the earlier dose"), or,
 * where values may be there though none surely is (times the text leaves open), "no value surely"
 * there, "though" those values (named by {@link valueName}) "may be": never a plain "no value"
 * beside a table that marks one possible there.
 *
 * @param c The case.
 * @param maybe Its values that may be there, though not surely.
 * @param what Where, as the sentence says it.
 * @returns The phrase.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, noValueSurely, valueNoun } from "#lib/mod.ts";
 * const c = (await loadCaseSeries()).cases[0];
 * assert.equal(noValueSurely(c, [], "after the stop"), "no value after the stop");
 * const o = c.observations[0];
 * assert.equal(
 *   noValueSurely(c, [o], "after the stop"),
 *   `no value surely after the stop, though the ${valueNoun(o)} may be`,
 * );
 * ```
 */
export function noValueSurely(c: Case, maybe: readonly Observation[], what: string): string {
  expectCase("noValueSurely", c);
  return maybe.length === 0
    ? `no value ${what}`
    : `no value surely ${what}, though ${listing(maybe.map((o) => valueName(c, o)))} may be`;
}

/**
 * A case's values that may come after a time point though not surely (the times the text gives
 * leave them on either side of it; surely after: {@link surelyAfter}), in the case's order: those a "no value after" must not hide
 * ({@link noValueSurely}).
 *
 * @param c The case.
 * @param timeId One of its time points.
 * @returns The values.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, mayBeAfter, relativeDay } from "#lib/mod.ts";
 * for (const c of (await loadCaseSeries()).cases) {
 *   for (const t of c.timepoints) {
 *     for (const o of mayBeAfter(c, t.id)) {
 *       const gap = relativeDay(c, o.day.timeId, t.id);
 *       assert.ok(gap.hi > 0 && gap.lo < 0);
 *     }
 *   }
 * }
 * ```
 */
export function mayBeAfter(c: Case, timeId: string): Observation[] {
  expectCase("mayBeAfter", c);
  return c.observations.filter((o) =>
    relativeDay(c, o.day.timeId, timeId).hi > 0 && !surelyAfter(c, o.day.timeId, timeId)
  );
}
