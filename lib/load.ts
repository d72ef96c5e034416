/**
 * The loader: reads the four tables of `data/`, checks each against its schema and all of them
 * against each other, derives every time point from its rule, and returns the case series.
 *
 * @module
 */
import { fileURLToPath } from "node:url";
import { type Located, readTable } from "./csv.ts";
import { type DataIssue, DataValidationError } from "./errors.ts";
import { type NominalInterval, ruleOffset, type TimeRule } from "./intervals.ts";
import {
  type CaseRow,
  type EventRow,
  type ObservationRow,
  type TableName,
  tableSchemas,
  type TimepointRow,
  type TreatmentRow,
} from "./schema.ts";
import { SOURCE } from "./source.ts";

/** A time, in days since the case's day 0, as an interval with a nominal day. */
export interface Day extends NominalInterval {
  /** The `time_id` in `timepoints.csv` this day comes from. */
  timeId: string;
  /** Length of the time point's anchor chain: a point measured from another sorts after it. */
  depth: number;
}

/**
 * Chronological order of days: nominal day, then anchor depth, then time id, so that the order
 * never depends on the order of rows in a file.
 *
 * @example
 * ```ts
 * import { compareDays } from "./load.ts";
 * const a = { lo: 0, hi: 0, nominal: 0, timeId: "a", depth: 0 };
 * compareDays(a, { ...a, nominal: 1 }); // < 0
 * ```
 */
export function compareDays(a: Day, b: Day): number {
  return a.nominal - b.nominal || a.depth - b.depth || a.timeId.localeCompare(b.timeId);
}

/** A time point of a case, derived from the text's words by its rule. */
export interface Timepoint {
  /** Identifier, unique within the case. */
  id: string;
  /** The rule that derived it. */
  rule: TimeRule;
  /** The time point it is measured from (`null` for the origin). */
  anchor: string | null;
  /** For rule `after`: the later time point that bounds it. */
  bound: string | null;
  /** The day it falls on. */
  day: Day;
  /** Offset from the anchor (for `after` with a bound: `[0, bound.hi - anchor.lo]`). */
  offset: NominalInterval;
  /** Length of its anchor chain (origin 0): orders points that share a nominal day. */
  depth: number;
  /** The text's words. */
  words: string;
  /** The passage stating it. */
  quote: string;
}

/** One drug at one dose over one period. */
export interface Treatment {
  /** Generic name, lower case. */
  drug: string;
  /** Pharmacological class. */
  drugClass: string;
  /** Dose in mg/day. */
  doseMgPerDay: number;
  /** Start of the period. */
  start: Day;
  /** End of the period; `null` when the text does not say. */
  end: Day | null;
  /** What it was given for. */
  purpose: TreatmentRow["purpose"];
  /** The outcome the text states, if any. */
  outcome: string | null;
  /** The passage stating it. */
  quote: string;
}

/** A VAS value the text states. */
export interface Observation {
  /** When. */
  day: Day;
  /** The VAS in cm (0–10), as an interval with its nominal value. */
  vas: NominalInterval;
  /** The text's words for the value. */
  words: string;
  /** What the value describes, where it is not a single rating (e.g. an average). */
  note: string | null;
  /** The passage stating it. */
  quote: string;
}

/** An event of a case's history. */
export interface CaseEvent {
  /** Kind of event (amputation, phantom pain onset, transfer to psychiatry, recurrence...). */
  kind: string;
  /** When. */
  day: Day;
  /** What happened. */
  description: string;
  /** The passage stating it. */
  quote: string;
}

/** One patient with everything the text states about them. */
export interface Case {
  /** Case number as in the article. */
  id: string;
  /** Age in years. */
  age: number;
  /** Sex. */
  sex: "male" | "female";
  /** Zung SDS score, `null` where not reported. */
  sds: number | null;
  /** Upper or lower limb. */
  limb: "upper" | "lower";
  /** Side of the amputation. */
  side: "left" | "right";
  /** Level of amputation in the article's words. */
  level: string;
  /** Cause of the limb loss. */
  cause: string;
  /** What day 0 is. */
  day0: string;
  /** Dose periods, in order of nominal start. */
  treatments: Treatment[];
  /** VAS values, in order of nominal day. */
  observations: Observation[];
  /** Events, in order of nominal day. */
  events: CaseEvent[];
  /** Every time point, in file order. */
  timepoints: Timepoint[];
}

/** The whole dataset. */
export interface CaseSeries {
  /** The article it comes from. */
  source: { citation: string; doi: string };
  /** The cases, in file order. */
  cases: Case[];
}

/** The repository's `data/` folder. */
export const DEFAULT_DATA_DIR: string = fileURLToPath(new URL("../data/", import.meta.url));

const sameNumber = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-9;

/**
 * Loads and validates the dataset. Collects every problem in every table before throwing a
 * {@link DataValidationError}; never returns partial data.
 *
 * @example
 * ```ts
 * import { loadCaseSeries } from "./load.ts";
 * const series = await loadCaseSeries();
 * series.cases.map((c) => c.id); // ["1", "2", "3"]
 * ```
 */
export async function loadCaseSeries(dataDir: string = DEFAULT_DATA_DIR): Promise<CaseSeries> {
  const issues: DataIssue[] = [];
  async function read<N extends TableName>(name: N) {
    const { file, schema } = tableSchemas[name];
    let text: string;
    try {
      text = await Deno.readTextFile(`${dataDir.replace(/\/?$/, "/")}${file}`);
    } catch (e) {
      issues.push({
        file,
        message: e instanceof Deno.errors.NotFound
          ? "file not found"
          : `cannot read: ${(e as Error).message}`,
      });
      return [];
    }
    const result = readTable(file, text, schema);
    issues.push(...result.issues);
    return result.rows as Located<z_out<N>>[];
  }
  const caseRows = await read("cases");
  const timeRows = await read("timepoints");
  const treatmentRows = await read("treatments");
  const observationRows = await read("observations");
  const eventRows = await read("events");

  const cases = buildCases(caseRows, timeRows, treatmentRows, observationRows, eventRows, issues);
  if (issues.length > 0) throw new DataValidationError(issues);
  return { source: { citation: SOURCE.citation, doi: SOURCE.doi }, cases };
}

type z_out<N extends TableName> = N extends "cases" ? CaseRow
  : N extends "timepoints" ? TimepointRow
  : N extends "treatments" ? TreatmentRow
  : N extends "observations" ? ObservationRow
  : EventRow;

function buildCases(
  caseRows: Located<CaseRow>[],
  timeRows: Located<TimepointRow>[],
  treatmentRows: Located<TreatmentRow>[],
  observationRows: Located<ObservationRow>[],
  eventRows: Located<EventRow>[],
  issues: DataIssue[],
): Case[] {
  const caseIds = new Set<string>();
  for (const { value, row } of caseRows) {
    if (caseIds.has(value.case_id)) {
      issues.push({ file: "cases.csv", row, column: "case_id", message: "duplicate case id" });
    }
    caseIds.add(value.case_id);
  }
  const checkCase = (file: string, row: number, id: string) => {
    if (caseIds.has(id)) return true;
    issues.push({ file, row, column: "case_id", message: `unknown case id '${id}'` });
    return false;
  };

  const times = resolveTimepoints(timeRows, caseIds, issues);
  const dayOf = (file: string, row: number, column: string, caseId: string, id: string) => {
    const tp = times.get(caseId)?.get(id);
    if (tp) return tp.day;
    if (times.get(caseId)?.has(id) === false) {
      issues.push({ file, row, column, message: `unknown time_id '${id}' for case ${caseId}` });
    }
    return null;
  };

  const byDay = <T extends { day: Day }>(a: T, b: T) => compareDays(a.day, b.day);
  const byStart = (a: Treatment, b: Treatment) =>
    compareDays(a.start, b.start) || a.drug.localeCompare(b.drug);

  const treatments = new Map<string, { t: Treatment; row: number }[]>();
  const treatmentKeys = new Map<string, number>();
  for (const { value: r, row } of treatmentRows) {
    const file = "treatments.csv";
    if (!checkCase(file, row, r.case_id)) continue;
    const start = dayOf(file, row, "start", r.case_id, r.start);
    const end = r.end === null ? null : dayOf(file, row, "end", r.case_id, r.end);
    if (!start || (r.end !== null && !end)) continue;
    const key = `${r.case_id}\u0000${r.drug}\u0000${r.start}`;
    if (treatmentKeys.has(key)) {
      issues.push({
        file,
        row,
        message: `duplicate of line ${treatmentKeys.get(key)}: same case, drug and start`,
      });
      continue;
    }
    treatmentKeys.set(key, row);
    if (end && end.nominal < start.nominal) {
      issues.push({ file, row, column: "end", message: "ends before it starts (nominal days)" });
    }
    const t: Treatment = {
      drug: r.drug,
      drugClass: r.drug_class,
      doseMgPerDay: r.dose_mg_per_day,
      start,
      end,
      purpose: r.purpose,
      outcome: r.outcome,
      quote: r.quote,
    };
    const list = treatments.get(r.case_id) ?? [];
    for (const other of list) {
      if (other.t.drug === t.drug && periodsOverlap(other.t, t)) {
        issues.push({
          file,
          row,
          column: "start",
          message: `${t.drug} dose period overlaps the one at line ${other.row}`,
        });
      }
    }
    list.push({ t, row });
    treatments.set(r.case_id, list);
  }

  const events = new Map<string, CaseEvent[]>();
  const eventKeys = new Map<string, number>();
  for (const { value: r, row } of eventRows) {
    const file = "events.csv";
    if (!checkCase(file, row, r.case_id)) continue;
    const day = dayOf(file, row, "time", r.case_id, r.time);
    if (!day) continue;
    const key = `${r.case_id}\u0000${r.kind}\u0000${r.time}`;
    if (eventKeys.has(key)) {
      issues.push({ file, row, message: `duplicate of line ${eventKeys.get(key)}` });
      continue;
    }
    eventKeys.set(key, row);
    const list = events.get(r.case_id) ?? [];
    list.push({ kind: r.kind, day, description: r.description, quote: r.quote });
    events.set(r.case_id, list);
  }
  for (const { value, row } of caseRows) {
    if (!(events.get(value.case_id) ?? []).some((e) => e.kind === "amputation")) {
      issues.push({
        file: "events.csv",
        message: `case ${value.case_id} (cases.csv line ${row}) has no amputation event`,
      });
    }
  }

  const observations = new Map<string, Observation[]>();
  const observationKeys = new Map<string, number>();
  for (const { value: r, row } of observationRows) {
    const file = "observations.csv";
    if (!checkCase(file, row, r.case_id)) continue;
    const day = dayOf(file, row, "time", r.case_id, r.time);
    if (!day) continue;
    const key = `${r.case_id}\u0000${r.time}`;
    if (observationKeys.has(key)) {
      issues.push({
        file,
        row,
        column: "time",
        message: `a second VAS for the same time point (first at line ${observationKeys.get(key)})`,
      });
      continue;
    }
    observationKeys.set(key, row);
    const vas = { lo: r.vas_lo, hi: r.vas_hi, nominal: r.vas_nominal };
    const bad = checkNominalInterval(vas, "vas");
    if (bad) {
      issues.push({ file, row, column: bad.column, message: bad.message });
      continue;
    }
    const rule = r.vas_rule === "exact"
      ? { lo: r.vas_nominal, hi: r.vas_nominal, nominal: r.vas_nominal }
      : { lo: r.vas_lo, hi: r.vas_hi, nominal: (r.vas_lo + r.vas_hi) / 2 };
    for (const side of ["lo", "hi", "nominal"] as const) {
      if (!sameNumber(rule[side], vas[side])) {
        issues.push({
          file,
          row,
          column: `vas_${side}`,
          message: `is ${vas[side]} but rule '${r.vas_rule}' gives ${rule[side]}`,
        });
      }
    }
    const amputations = (events.get(r.case_id) ?? []).filter((e) => e.kind === "amputation");
    const earliest = Math.min(...amputations.map((e) => e.day.lo));
    if (amputations.length > 0 && day.hi < earliest) {
      issues.push({
        file,
        row,
        column: "time",
        message: `phantom-pain VAS dated before the amputation (day ${day.hi} < ${earliest})`,
      });
    }
    const list = observations.get(r.case_id) ?? [];
    list.push({ day, vas, words: r.vas_words, note: r.note, quote: r.quote });
    observations.set(r.case_id, list);
  }

  return caseRows.map(({ value: c }) => ({
    id: c.case_id,
    age: c.age,
    sex: c.sex,
    sds: c.sds,
    limb: c.limb,
    side: c.side,
    level: c.level,
    cause: c.cause,
    day0: c.day0,
    treatments: (treatments.get(c.case_id) ?? []).map((x) => x.t).sort(byStart),
    observations: (observations.get(c.case_id) ?? []).sort(byDay),
    events: (events.get(c.case_id) ?? []).sort((a, b) =>
      byDay(a, b) || a.kind.localeCompare(b.kind)
    ),
    timepoints: [...(times.get(c.case_id)?.values() ?? [])].filter((t): t is Timepoint =>
      t !== null
    ),
  }));
}

/** Two dose periods overlap when each starts before the other ends (nominal days, half-open). */
function periodsOverlap(a: Treatment, b: Treatment): boolean {
  const aEnd = a.end?.nominal ?? Infinity;
  const bEnd = b.end?.nominal ?? Infinity;
  return a.start.nominal < bEnd && b.start.nominal < aEnd;
}

/** Checks `lo <= nominal <= hi`; returns the offending column and message, or null. */
function checkNominalInterval(
  x: NominalInterval,
  prefix: string,
): { column: string; message: string } | null {
  if (x.lo > x.hi) {
    return { column: `${prefix}_lo`, message: `lower bound ${x.lo} is above upper bound ${x.hi}` };
  }
  if (x.nominal < x.lo || x.nominal > x.hi) {
    return {
      column: `${prefix}_nominal`,
      message: `nominal ${x.nominal} is outside [${x.lo}, ${x.hi}]`,
    };
  }
  return null;
}

/**
 * Derives every time point from its anchor and rule, checking references, cycles, the rule's
 * arguments and the derived columns. The map holds `null` for a time point that could not be
 * derived (its problem is in `issues`).
 */
function resolveTimepoints(
  rows: Located<TimepointRow>[],
  caseIds: Set<string>,
  issues: DataIssue[],
): Map<string, Map<string, Timepoint | null>> {
  const file = "timepoints.csv";
  const byCase = new Map<string, Map<string, Located<TimepointRow>>>();
  for (const located of rows) {
    const { value: r, row } = located;
    if (!caseIds.has(r.case_id)) {
      issues.push({ file, row, column: "case_id", message: `unknown case id '${r.case_id}'` });
      continue;
    }
    const m = byCase.get(r.case_id) ?? new Map();
    if (m.has(r.time_id)) {
      issues.push({
        file,
        row,
        column: "time_id",
        message: `duplicate time_id '${r.time_id}' (first at line ${m.get(r.time_id).row})`,
      });
      continue;
    }
    m.set(r.time_id, located);
    byCase.set(r.case_id, m);
  }

  const out = new Map<string, Map<string, Timepoint | null>>();
  for (const caseId of caseIds) {
    const m = byCase.get(caseId) ?? new Map<string, Located<TimepointRow>>();
    const done = new Map<string, Timepoint | null>();
    const visiting = new Set<string>();
    const origins = [...m.values()].filter((x) => x.value.rule === "origin");
    if (origins.length !== 1) {
      issues.push({
        file,
        row: origins[1]?.row,
        column: "rule",
        message: `case ${caseId} needs exactly one 'origin' time point, has ${origins.length}`,
      });
    }
    const resolve = (id: string): Timepoint | null => {
      if (done.has(id)) return done.get(id)!;
      const located = m.get(id)!;
      const { value: r, row } = located;
      if (visiting.has(id)) {
        issues.push({
          file,
          row,
          column: "anchor",
          message: `anchors form a cycle through '${id}'`,
        });
        done.set(id, null);
        return null;
      }
      visiting.add(id);
      const tp = derive(r, row, (ref, column) => {
        if (!m.has(ref)) {
          issues.push({
            file,
            row,
            column,
            message: `unknown time_id '${ref}' for case ${caseId}`,
          });
          return null;
        }
        return resolve(ref);
      }, issues);
      visiting.delete(id);
      done.set(id, tp);
      return tp;
    };
    for (const id of m.keys()) resolve(id);
    out.set(caseId, done);
  }
  return out;
}

/** Derives one time point; pushes its problems and returns null when it cannot. */
function derive(
  r: TimepointRow,
  row: number,
  ref: (id: string, column: string) => Timepoint | null,
  issues: DataIssue[],
): Timepoint | null {
  const file = "timepoints.csv";
  const problem = (column: string, message: string) => {
    issues.push({ file, row, column, message });
    return null;
  };
  const needsAmount = r.rule === "exact" || r.rule === "approx" || r.rule === "within";
  if (r.rule === "origin" && r.anchor !== null) return problem("anchor", "origin has no anchor");
  if (r.rule !== "origin" && r.anchor === null) {
    return problem("anchor", `rule '${r.rule}' needs an anchor`);
  }
  if (needsAmount && (r.amount === null || r.unit === null)) {
    return problem(r.amount === null ? "amount" : "unit", `rule '${r.rule}' needs amount and unit`);
  }
  if (!needsAmount && (r.amount !== null || r.unit !== null)) {
    return problem(r.amount !== null ? "amount" : "unit", `rule '${r.rule}' takes no amount`);
  }
  if (r.rule === "exact" && r.unit === "month") {
    return problem("unit", "months are never exact: use rule 'approx'");
  }
  if (r.bound !== null && r.rule !== "after") {
    return problem("bound", "only rule 'after' takes a bound");
  }

  const stored = { lo: r.day_lo, hi: r.day_hi, nominal: r.day_nominal };
  const bad = checkNominalInterval(stored, "day");
  if (bad) return problem(bad.column, bad.message);

  let day: NominalInterval;
  let offset = ruleOffset(r.rule, r.amount, r.unit);
  let depth = 0;
  if (r.rule === "origin") {
    day = offset;
  } else {
    const anchor = ref(r.anchor!, "anchor");
    if (!anchor) return null;
    depth = anchor.depth + 1;
    const a = anchor.day;
    day = { lo: a.lo + offset.lo, hi: a.hi + offset.hi, nominal: a.nominal + offset.nominal };
    if (r.bound !== null) {
      const bound = ref(r.bound, "bound");
      if (!bound) return null;
      const b = bound.day;
      if (b.hi < a.lo || b.nominal < a.nominal) {
        return problem("bound", `bound '${r.bound}' falls before anchor '${r.anchor}'`);
      }
      day = { lo: a.lo, hi: b.hi, nominal: (a.nominal + b.nominal) / 2 };
      offset = { lo: 0, hi: b.hi - a.lo, nominal: (b.nominal - a.nominal) / 2 };
    }
  }
  let ok = true;
  for (const side of ["lo", "nominal", "hi"] as const) {
    if (!sameNumber(stored[side], day[side])) {
      ok = false;
      problem(`day_${side}`, `is ${stored[side]} but rule '${r.rule}' gives ${day[side]}`);
    }
  }
  if (!ok) return null;
  return {
    id: r.time_id,
    rule: r.rule,
    anchor: r.anchor,
    bound: r.bound,
    day: { ...day, timeId: r.time_id, depth },
    offset,
    depth,
    words: r.words,
    quote: r.quote,
  };
}
