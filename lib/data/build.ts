/**
 * The model built from the checked tables: each case with its treatments, observations and
 * events in order of day, the amputation its pain follows and its derived time points.
 *
 * @module
 */
import { type Case, compareDays, type Day, type Treatment } from "../model.ts";
import type { Study } from "../study.ts";
import type { Resolved } from "./resolve.ts";
import type { CheckedEvents } from "./checks/events.ts";
import { byEventDay } from "./checks/events.ts";
import type { CaseLine } from "./checks/cases.ts";
import type { CheckedTreatments } from "./checks/treatments.ts";
import type { ByCase, CaseRows } from "./rows.ts";
import type { Observation } from "../model.ts";
import { OtherColumns } from "./columns.ts";
import { compareText } from "../text_order.ts";
import { rememberSeriesDrugs } from "../series_drugs.ts";

/** The checked tables a case series is built from. */
export interface Checked {
  /** The study question. */
  study: Study;
  /** The valid rows of `cases.csv`, in file order. */
  cases: readonly CaseLine[];
  /** The derived time points. */
  resolved: Resolved;
  /** The treatments. */
  treatments: CheckedTreatments["treatments"];
  /** The observations. */
  observations: ByCase<CaseRows<Observation, Day>>;
  /** The events and amputations. */
  events: CheckedEvents;
}

/**
 * Builds the cases (only once every check has passed).
 *
 * @param t The checked tables.
 * @returns The cases, in file order.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { buildCases } from "#lib/data/build.ts";
 * import { ByCase } from "#lib/data/rows.ts";
 * const resolved = { times: new ByCase(), roots: new Map(), derived: new ByCase() };
 * const events = { events: new ByCase(), firstAmputation: new ByCase(), painAmputations: new Map() };
 * const none = { study: {} as never, cases: [], resolved, treatments: new ByCase(), events };
 * assert.deepEqual(buildCases({ ...none, observations: new ByCase() } as never), []);
 * ```
 */
export function buildCases(t: Checked): Case[] {
  const byDay = <T extends { day: Day }>(a: T, b: T) => compareDays(a.day, b.day);
  const byStart = (a: Treatment, b: Treatment) =>
    compareDays(a.start, b.start) || compareText(a.drug, b.drug);
  const { events, painAmputations } = t.events;
  const columns = new OtherColumns("cases", [
    "case_id",
    "source_id",
    "age",
    "sex",
    "sds",
    "limb",
    "side",
    "level",
    "cause",
    "day0",
  ]);
  const cases: Case[] = t.cases.map(({ r: c }) => ({
    id: c.case_id,
    sourceId: c.source_id,
    age: c.age,
    sex: c.sex,
    sds: c.sds,
    limb: c.limb,
    side: c.side,
    level: c.level,
    cause: c.cause,
    day0: c.day0,
    treatments: (t.treatments.get(c.case_id) ?? []).map((x) => x.t).sort(byStart),
    observations: (t.observations.get(c.case_id)?.values ?? []).sort(byDay),
    events: (events.get(c.case_id)?.values ?? []).sort(byEventDay),
    amputation: painAmputations.get(c.case_id)!,
    timepoints: t.resolved.derived.get(c.case_id) ?? [],
    study: t.study,
    columns: columns.of(c),
  }));
  // A drug named in an option is checked against the series' drugs (lib/series_drugs.ts).
  rememberSeriesDrugs(cases);
  return cases;
}
