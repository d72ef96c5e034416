/**
 * The loader: reads the tables of `data/` and the source texts, checks each table against its
 * schema, all of them against each other and every quote against its own article's text, derives
 * every time point from its rule, and returns the case series (types in `model.ts`).
 *
 * @module
 */
import { fileURLToPath } from "node:url";
import { type Located, readTable } from "./csv.ts";
import { type DataIssue, DataValidationError } from "./errors.ts";
import { deriveDay, type NominalInterval } from "./intervals.ts";
import {
  type Case,
  type CaseEvent,
  type CaseSeries,
  compareDays,
  type Day,
  type Observation,
  type Source,
  type Timepoint,
  type Treatment,
} from "./model.ts";
import {
  type CaseRow,
  type EventRow,
  type ObservationRow,
  type SourceRow,
  type TableName,
  tableSchemas,
  type TimepointRow,
  type TreatmentRow,
} from "./schema.ts";
import { normalizeSourceText, quoteStatesValue } from "./source.ts";

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
 * series.cases.every((c) => series.sources.has(c.sourceId)); // true
 * ```
 */
export async function loadCaseSeries(dataDir: string = DEFAULT_DATA_DIR): Promise<CaseSeries> {
  const dir = dataDir.replace(/\/?$/, "/");
  const issues: DataIssue[] = [];
  async function readText(file: string): Promise<string | null> {
    try {
      const bytes = await Deno.readFile(`${dir}${file}`);
      try {
        return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
      } catch {
        issues.push({ file, message: "not valid UTF-8: save it as UTF-8 (without BOM)" });
        return null;
      }
    } catch (e) {
      issues.push({
        file,
        message: e instanceof Deno.errors.NotFound
          ? "file not found"
          : `cannot read: ${(e as Error).message}`,
      });
      return null;
    }
  }
  async function read<N extends TableName>(name: N) {
    const { file, schema } = tableSchemas[name];
    const text = await readText(file);
    if (text === null) return [];
    const result = readTable(file, text, schema);
    for (const issue of result.issues) issues.push(issue);
    return result.rows as Located<z_out<N>>[];
  }
  const sourceRows = await read("sources");
  const caseRows = await read("cases");
  const timeRows = await read("timepoints");
  const treatmentRows = await read("treatments");
  const observationRows = await read("observations");
  const eventRows = await read("events");

  const sources = new Map<string, Source>();
  const texts = new Map<string, string>();
  for (const { value: r, row } of sourceRows) {
    if (sources.has(r.source_id)) {
      issues.push({
        file: "sources.csv",
        row,
        column: "source_id",
        message: "duplicate source id",
      });
      continue;
    }
    if (r.text_path !== `sources/${r.source_id}.txt`) {
      issues.push({
        file: "sources.csv",
        row,
        column: "text_path",
        message: `must be sources/${r.source_id}.txt (the text is named after its source_id)`,
      });
      continue;
    }
    sources.set(r.source_id, {
      id: r.source_id,
      citation: r.citation,
      doi: r.doi,
      pmid: r.pmid,
      licence: r.licence,
      textPath: r.text_path,
    });
    const text = await readText(r.text_path);
    if (text !== null) texts.set(r.source_id, normalizeSourceText(text));
  }
  const caseSource = new Map<string, string>();
  for (const { value: r, row } of caseRows) {
    if (sources.has(r.source_id)) caseSource.set(r.case_id, r.source_id);
    else if (sourceRows.length > 0) {
      issues.push({
        file: "cases.csv",
        row,
        column: "source_id",
        message: `unknown source id '${r.source_id}' (not in sources.csv)`,
      });
    }
  }
  checkProvenance(
    { caseRows, timeRows, treatmentRows, observationRows, eventRows },
    (caseId) => {
      const id = caseSource.get(caseId);
      return id === undefined ? undefined : { id, text: texts.get(id) };
    },
    issues,
  );

  const cases = buildCases(caseRows, timeRows, treatmentRows, observationRows, eventRows, issues);
  if (issues.length > 0) throw new DataValidationError(issues);
  return { sources, cases };
}

/** The rows of every table, as read. */
interface Tables {
  caseRows: Located<CaseRow>[];
  timeRows: Located<TimepointRow>[];
  treatmentRows: Located<TreatmentRow>[];
  observationRows: Located<ObservationRow>[];
  eventRows: Located<EventRow>[];
}

/**
 * Checks every quote against the text of its own case's source (after
 * {@link normalizeSourceText}), and the numbers a quote states against the row's values where the
 * two can be compared (VAS, dose, age, SDS, age at diagnosis).
 */
function checkProvenance(
  t: Tables,
  sourceOf: (caseId: string) => { id: string; text: string | undefined } | undefined,
  issues: DataIssue[],
): void {
  const check = (
    file: string,
    row: number,
    caseId: string,
    quotes: Record<string, string | null>,
    values: [column: string, value: number | null, quoteColumn: string][] = [],
  ) => {
    const source = sourceOf(caseId);
    if (source === undefined || source.text === undefined) return;
    for (const [column, quote] of Object.entries(quotes)) {
      if (quote !== null && !source.text.includes(normalizeSourceText(quote))) {
        issues.push({ file, row, column, message: `quote not found in source ${source.id}` });
      }
    }
    for (const [column, value, quoteColumn] of values) {
      const quote = quotes[quoteColumn];
      if (value === null || quote === null) continue;
      const problem = quoteStatesValue(quote, value, column);
      if (problem) issues.push({ file, row, column, message: problem });
    }
  };
  for (const { value: r, row } of t.caseRows) {
    check("cases.csv", row, r.case_id, {
      demographics_quote: r.demographics_quote,
      cause_quote: r.cause_quote,
      amputation_quote: r.amputation_quote,
      sds_quote: r.sds_quote,
      diagnosis_quote: r.diagnosis_quote,
    }, [
      ["age", r.age, "demographics_quote"],
      ["sds", r.sds, "sds_quote"],
      ["diagnosis_age", r.diagnosis_age, "diagnosis_quote"],
    ]);
  }
  for (const { value: r, row } of t.timeRows) {
    check("timepoints.csv", row, r.case_id, { quote: r.quote });
  }
  for (const { value: r, row } of t.treatmentRows) {
    check("treatments.csv", row, r.case_id, { quote: r.quote }, [
      ["dose_mg_per_day", r.dose_mg_per_day, "quote"],
    ]);
  }
  for (const { value: r, row } of t.observationRows) {
    const values: [string, number, string][] = r.vas_rule === "exact"
      ? [["vas_nominal", r.vas_nominal, "quote"]]
      : [["vas_lo", r.vas_lo, "quote"], ["vas_hi", r.vas_hi, "quote"]];
    check("observations.csv", row, r.case_id, { quote: r.quote }, values);
  }
  for (const { value: r, row } of t.eventRows) {
    check("events.csv", row, r.case_id, { quote: r.quote });
  }
}

type z_out<N extends TableName> = N extends "sources" ? SourceRow
  : N extends "cases" ? CaseRow
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
    sourceId: c.source_id,
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
    const orderOf = new Map([...m.keys()].map((k, i) => [k, i]));
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
      const tp = derive(r, row, orderOf.get(id)!, (ref, column) => {
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

/**
 * Derives one time point (`order`: its row order within its case); pushes its problems and
 * returns null when it cannot.
 */
function derive(
  r: TimepointRow,
  row: number,
  order: number,
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
  if (r.rule === "exact" && (r.unit === "month" || r.unit === "year")) {
    return problem("unit", `${r.unit}s are never exact: use rule 'approx'`);
  }
  if (r.bound !== null && r.rule !== "after") {
    return problem("bound", "only rule 'after' takes a bound");
  }

  const stored = { lo: r.day_lo, hi: r.day_hi, nominal: r.day_nominal };
  const bad = checkNominalInterval(stored, "day");
  if (bad) return problem(bad.column, bad.message);

  let depth = 0;
  let a: NominalInterval | null = null;
  let b: NominalInterval | null = null;
  if (r.rule !== "origin") {
    const anchor = ref(r.anchor!, "anchor");
    if (!anchor) return null;
    depth = anchor.depth + 1;
    a = anchor.day;
    if (r.bound !== null) {
      const bound = ref(r.bound, "bound");
      if (!bound) return null;
      b = bound.day;
      if (b.hi < a.lo || b.nominal < a.nominal) {
        return problem("bound", `bound '${r.bound}' falls before anchor '${r.anchor}'`);
      }
    }
  }
  const { day, offset } = deriveDay(r.rule, r.amount, r.unit, a, b);
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
    day: { ...day, timeId: r.time_id, depth, order },
    offset,
    depth,
    order,
    words: r.words,
    quote: r.quote,
  };
}
