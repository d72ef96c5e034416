/**
 * Time points resolved: each time point's day derived from its anchor and rule, with the
 * problems of origins, references, cycles, rule arguments and stored days, and the root of the
 * problem of each time point that could not be derived (rows referring to it are counted under
 * it, not reported again).
 *
 * @module
 */
import { type NetworkPeriod, roundingSlack } from "../time_network.ts";
import type { DataIssue } from "../errors.ts";
import { COUNTED_BACK, deriveDay, type NominalInterval, type TimeUnit } from "../intervals.ts";
import type { Timepoint } from "../model.ts";
import type { Issues } from "./issues.ts";
import { IntervalPool } from "./pools.ts";
import { ByCase, SCANNED } from "./rows.ts";
import { cell, checkNominalInterval, sameNumber, SIDES } from "./values.ts";

/**
 * The valid rows of one case's time points while they are read: each time point by id (its day
 * holds the stored columns until derived), and for each, at `ARGS * order`, its line, amount,
 * unit and derivation state.
 */
export interface CaseTimes {
  byId: TimesById;
  args: (number | TimeUnit | null)[];
}

/**
 * One case's valid time points by id, in file order: scanned while they are few (a case has a
 * dozen or so, and a map per case costs more than the scan), indexed beyond {@link SCANNED}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { TimesById } from "#lib/data/resolve.ts";
 * const m = new TimesById();
 * m.set("t0", { id: "t0" } as never);
 * assert.equal(m.get("t0")?.id, "t0");
 * assert.equal(m.has("t1"), false);
 * assert.equal(m.size, 1);
 * ```
 */
export class TimesById {
  #list: Timepoint[] = [];
  #index: Map<string, Timepoint> | null = null;

  /** How many. */
  get size(): number {
    return this.#list.length;
  }

  /**
   * The time point `id`, if any.
   *
   * @param id The time id.
   * @returns The time point.
   */
  get(id: string): Timepoint | undefined {
    if (this.#index !== null) return this.#index.get(id);
    const list = this.#list;
    for (let i = 0; i < list.length; i++) if (list[i].id === id) return list[i];
    return undefined;
  }

  /**
   * Whether there is a time point `id`.
   *
   * @param id The time id.
   * @returns True when there is.
   */
  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /**
   * Adds a time point whose id is not there yet (the caller checks).
   *
   * @param id Its id.
   * @param tp The time point.
   */
  set(id: string, tp: Timepoint): void {
    this.#list.push(tp);
    if (this.#index !== null) this.#index.set(id, tp);
    else if (this.#list.length > SCANNED) this.#index = new Map(this.#list.map((t) => [t.id, t]));
  }

  /**
   * The time points, in file order.
   *
   * @returns Them.
   */
  values(): readonly Timepoint[] {
    return this.#list;
  }
}

/**
 * The rules whose time point states an amount and unit: `exact`, `approx`, `within`, and the
 * same counted back from the anchor (`exact-before`, `approx-before`, `within-before`).
 */
export const AMOUNT_RULES: ReadonlySet<string> = new Set([
  "exact",
  "approx",
  "within",
  ...COUNTED_BACK.keys(),
]);

/** Entries of {@link CaseTimes.args} per time point, and the derivation states. */
export const ARGS = 4;
export const NEW = 0;
const VISITING = 1;
const DERIVED = 2;
const FAILED = 3;
/** Being derived, while following its bound (VISITING: its anchor). */
const VISITING_BOUND = 4;

/** The offset of an origin before it is derived. */
export const ZERO: NominalInterval = Object.freeze({ lo: 0, hi: 0, nominal: 0 });

/**
 * Derives every time point from its anchor and rule, checking the origin, references, cycles,
 * the rule's arguments and the derived columns. `times` holds the derived time points only: one
 * that could not be derived has its problem, or its anchor's, in `issues`, and the root of that
 * problem in `roots`. A reference to a time point whose row failed its schema (in `invalid`, by
 * case and time id, with its line) is not reported again. What derives the time points of each
 * case is let go once they are. The stored days are checked against the derived ones unless
 * `checkStored` is false.
 *
 * @param rows Each case's valid rows (let go as they are derived).
 * @param invalid By case and time id, the line of each row that failed its schema.
 * @param caseIds Each case id's line in `cases.csv`.
 * @param casesKnown Whether `cases.csv` was usable.
 * @param issues Where problems go.
 * @param checkStored Whether the stored days are checked against the rules.
 * @param afterCase Called with each case's rows as read and its time points as derived, as soon
 *   as they are (its rows are let go after).
 * @returns The derived time points and the roots of the problems of the others.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { resolveTimepoints } from "#lib/data/resolve.ts";
 * import { Issues } from "#lib/data/issues.ts";
 * import { ByCase } from "#lib/data/rows.ts";
 * // No time point at all: case A, known, is reported for its missing origin.
 * const issues = new Issues();
 * resolveTimepoints(new ByCase(), new Map(), new Map([["A", 2]]), true, issues, true);
 * assert.match(issues.error()!.issues[0].message, /no 'origin' time point/);
 * ```
 */
export function resolveTimepoints(
  rows: ByCase<CaseTimes>,
  invalid: Map<string, Map<string, Root>>,
  caseIds: Map<string, number>,
  casesKnown: boolean,
  issues: Issues,
  checkStored: boolean,
  afterCase?: (caseId: string, rows: CaseTimes, times: TimesOf) => void,
): Resolved {
  const times = new ByCase<TimesOf>();
  const roots = new Map<string, Map<string, Root>>();
  const derived = new ByCase<Timepoint[]>();
  const offsets = new IntervalPool();
  const none = new Map<string, never>();
  const ids = casesKnown ? [...caseIds.keys()] : [...new Set([...rows.keys(), ...invalid.keys()])];
  for (const caseId of ids) {
    const ct = rows.get(caseId);
    rows.delete(caseId);
    const c: OneCase = {
      caseId,
      m: ct?.byId ?? new TimesById(),
      args: ct?.args ?? [],
      bad: invalid.get(caseId) ?? none,
      issues,
      offsets,
      checkStored,
    };
    checkOrigin(c, caseIds);
    const { list, root } = resolveCase(c);
    const of = list.length > SCANNED ? new Map(list.map((tp) => [tp.id, tp])) : list;
    times.set(caseId, of);
    // A check that needs the case's rows as read (their lines) and as derived, before they go.
    if (ct !== undefined) afterCase?.(caseId, ct, of);
    derived.set(caseId, list);
    if (root.size > 0) roots.set(caseId, root);
  }
  return { times, roots, derived };
}

/** One case's time points while they are derived, and where their problems go. */
interface OneCase {
  caseId: string;
  /** Its valid time points by id. */
  m: TimesById;
  /** Line, amount, unit and state of each ({@link CaseTimes.args}). */
  args: (number | TimeUnit | null)[];
  /** Its time points whose rows failed their schema (line and column), by id. */
  bad: Map<string, Root>;
  issues: Issues;
  offsets: IntervalPool;
  checkStored: boolean;
}

/** Checks that a case has exactly one origin (none is reported only when nothing else is). */
function checkOrigin(c: OneCase, caseIds: Map<string, number>): void {
  const { caseId, m, args, issues } = c;
  let origins = 0;
  const originRows = [0, 0];
  for (const tp of m.values()) {
    if (tp.rule === "origin" && origins++ < 2) {
      originRows[origins - 1] = args[ARGS * tp.order] as number;
    }
  }
  if (origins > 1) {
    issues.push({
      file: FILE,
      row: originRows[1],
      column: "rule",
      message: `case ${caseId} needs exactly one 'origin' time point, has ${origins} ` +
        `(first at line ${originRows[0]})`,
    });
  } else if (origins === 0 && c.bad.size === 0 && caseIds.has(caseId)) {
    issues.push({
      file: "cases.csv",
      row: caseIds.get(caseId),
      column: "case_id",
      message: `case ${caseId} has no 'origin' time point in timepoints.csv (it needs one)`,
    });
  }
}

const FILE = "timepoints.csv";

/**
 * Derives the time points of one case, each after its anchor and bound (depth first), reporting
 * cycles and unknown references. Returns the derived time points in the order they were derived,
 * and the root of the problem of each that could not be.
 */
function resolveCase(c: OneCase): { list: Timepoint[]; root: Map<string, Root> } {
  const { caseId, m, args, bad, issues } = c;
  const file = FILE;
  const root = new Map<string, Root>();
  const list: Timepoint[] = [];
  const rootOf = (id: string): Root => {
    const tp = m.get(id);
    return root.get(id) ?? (tp ? { id, row: args[ARGS * tp.order] as number } : bad.get(id)!);
  };
  const resolve = (id: string): Timepoint | null => {
    const tp = m.get(id)!;
    const k = ARGS * tp.order;
    const state = args[k + 3];
    if (state === DERIVED) return tp;
    if (state === FAILED) return null;
    const row = args[k] as number;
    if (state === VISITING || state === VISITING_BOUND) {
      // Reported at the column through which this point leads back into the cycle.
      const column = state === VISITING_BOUND ? "bound" : "anchor";
      issues.push({
        file,
        row,
        column,
        message: column === "anchor" && tp.anchor === id
          ? `'${id}' is anchored on itself: anchor it on an earlier time point`
          : column === "bound" && tp.bound === id
          ? `'${id}' is bounded by itself: bound it by another time point`
          : column === "bound"
          ? `bound '${tp.bound}' closes a cycle of anchors and bounds through '${id}': bound ` +
            "this time point by one outside the cycle, or anchor a time point on the cycle on " +
            "an earlier one outside it"
          : `anchors form a cycle through '${id}': anchor one of the time points on the cycle ` +
            "on an earlier one outside it",
      });
      args[k + 3] = FAILED;
      root.set(id, { id, row, column });
      return null;
    }
    args[k + 3] = VISITING;
    const own: DataIssue[] = [];
    let cause: Root | null = null;
    const ok = derive(
      tp,
      row,
      args[k + 1] as number | null,
      args[k + 2] as TimeUnit | null,
      (ref, column) => {
        if (m.has(ref)) {
          args[k + 3] = column === "bound" ? VISITING_BOUND : VISITING;
          const t = resolve(ref);
          if (!t) cause = rootOf(ref);
          return t;
        }
        if (bad.has(ref)) cause = bad.get(ref)!;
        else {
          own.push({ file, row, column, message: `unknown time_id '${ref}' for case ${caseId}` });
        }
        return null;
      },
      own,
      c.offsets,
      c.checkStored,
    );
    for (const issue of own) issues.push(issue);
    args[k + 3] = ok ? DERIVED : FAILED;
    if (ok) list.push(tp);
    if (!ok && cause !== null && own.length === 0) {
      const r: Root = cause;
      root.set(id, r);
      issues.knockOn(`time ${caseId}\u0000${r.id}`, unusable(caseId, r), `${file}:${row}`);
    } else if (!ok && !root.has(id)) root.set(id, { id, row, column: own[0]?.column });
    return ok ? tp : null;
  };
  for (const tp of m.values()) resolve(tp.id);
  return { list, root };
}

/**
 * One case's derived time points, to look up by id: its list, scanned (a case has a few, and the
 * list is the one the case keeps), or an index when it has more than {@link SCANNED}.
 */
export type TimesOf = Timepoint[] | Map<string, Timepoint>;

/**
 * The derived time point `id` of a case, if any.
 *
 * @param times A case's derived time points (none: undefined).
 * @param id The time id.
 * @returns The time point, if derived.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { timeOf } from "#lib/data/resolve.ts";
 * const t0 = { id: "t0" } as never;
 * assert.equal(timeOf([t0], "t0"), t0);
 * assert.equal(timeOf(undefined, "t0"), undefined);
 * ```
 */
export function timeOf(times: TimesOf | undefined, id: string): Timepoint | undefined {
  if (times === undefined) return undefined;
  if (!Array.isArray(times)) return times.get(id);
  for (let i = 0; i < times.length; i++) if (times[i].id === id) return times[i];
  return undefined;
}

/** The time point a problem starts from: its id and line in `timepoints.csv`. */
export interface Root {
  id: string;
  row: number;
  /** The column of its problem, when it is in one (a cell that failed its schema: `amount`). */
  column?: string;
}

/** Derived time points by case, and the root of the problem of those that could not be derived. */
export interface Resolved {
  /** Each case's derived time points by id (see {@link TimesOf}). */
  times: ByCase<TimesOf>;
  /**
   * By case and time id, the root of the problem of every time point that could not be derived
   * (each has one: a row that refers to a time point neither here nor in `times` is told apart
   * by this).
   */
  roots: Map<string, Map<string, Root>>;
  /** Each case's derived time points, in the order they were derived (an anchor first). */
  derived: ByCase<Timepoint[]>;
  /**
   * Each case's periods the load has accepted so far whose order the days alone do not settle
   * (`period_order.ts`, `acceptPeriod`): a later period's order is checked with them. A new array
   * at each addition, so that the network of the previous ones stays as it was.
   */
  periods?: Map<string, readonly AcceptedPeriod[]>;
}

/** A period the load has accepted, with where it is (for the messages of later rows). */
export interface AcceptedPeriod extends NetworkPeriod {
  /** The table of its row. */
  file: string;
  /** Its row's line. */
  row: number;
}

/**
 * The issue that rows referring to an unusable time point are counted under.
 *
 * @param caseId The case.
 * @param root The time point the problem starts from.
 * @returns The issue.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { unusable } from "#lib/data/resolve.ts";
 * const issue = unusable("A", { id: "t1", row: 7 });
 * assert.deepEqual([issue.file, issue.row, issue.column], ["timepoints.csv", 7, undefined]);
 * // Named at the column of its problem when it is in one.
 * assert.equal(unusable("A", { id: "t1", row: 7, column: "amount" }).column, "amount");
 * ```
 */
export function unusable(caseId: string, root: Root): DataIssue {
  return {
    file: "timepoints.csv",
    row: root.row,
    // The column of the problem that makes it so (`timepoints.csv:46:amount: ...`), when in one.
    ...(root.column === undefined ? {} : { column: root.column }),
    message: `time point '${root.id}' of case ${caseId} is not usable`,
  };
}

/**
 * Derives one time point (its line, amount and unit given): checks its rule's arguments, derives
 * its day from its anchor (through `ref`) and checks the stored columns against it (when
 * `checkStored`), then completes the time point (day, offset, depth). Pushes its problems and
 * returns false when it cannot.
 */
function derive(
  tp: Timepoint,
  row: number,
  amount: number | null,
  unit: TimeUnit | null,
  ref: (id: string, column: string) => Timepoint | null,
  issues: DataIssue[],
  offsets: IntervalPool,
  checkStored: boolean,
): boolean {
  const { rule, anchor, bound, day: stored } = tp;
  const problem = (column: string, message: string) => {
    issues.push({ file: FILE, row, column, message });
    return false;
  };
  const needsAmount = AMOUNT_RULES.has(rule);
  if (rule === "origin" && anchor !== null) return problem("anchor", "origin has no anchor");
  if (rule !== "origin" && anchor === null) {
    return problem("anchor", `rule '${rule}' needs an anchor`);
  }
  if (needsAmount && (amount === null || unit === null)) {
    return problem(amount === null ? "amount" : "unit", `rule '${rule}' needs amount and unit`);
  }
  if (!needsAmount && (amount !== null || unit !== null)) {
    return problem(amount !== null ? "amount" : "unit", `rule '${rule}' takes no amount`);
  }
  const back = COUNTED_BACK.get(rule);
  if ((rule === "exact" || back === "exact") && (unit === "month" || unit === "year")) {
    return problem(
      "unit",
      `${unit}s are never exact: use rule '${back ? "approx-before" : "approx"}'`,
    );
  }
  if (back !== undefined && amount === 0) {
    return problem(
      "amount",
      `rule '${rule}' counts back from the anchor: 0 is the anchor itself (use rule '${back}' 0)`,
    );
  }
  if (bound !== null && rule !== "after") {
    return problem("bound", "only rule 'after' takes a bound");
  }

  // A stored day that is not an interval, or not the one the rule gives, is reported, and the
  // time point is still derived: the points anchored on it are checked against its derived day,
  // so that every stored day that is wrong is reported in one run.
  const bad = checkStored ? checkNominalInterval(stored, "day") : null;
  if (bad) issues.push({ file: FILE, row, column: bad.column, message: bad.message });

  let depth = 0;
  let a: NominalInterval | null = null;
  let b: NominalInterval | null = null;
  if (rule !== "origin") {
    const from = ref(anchor!, "anchor");
    if (!from) return false;
    depth = from.depth + 1;
    a = from.day;
    if (bound !== null) {
      const to = ref(bound, "bound");
      if (!to) return false;
      b = to.day;
      // Before beyond rounding only (`roundingSlack`: 3 × 0.1 day and 0.3 day round apart).
      const m = Math.abs(a.lo) + Math.abs(a.nominal) + Math.abs(b.hi) + Math.abs(b.nominal);
      const slack = roundingSlack(from.depth + to.depth + 2, m);
      if (b.hi < a.lo - slack || b.nominal < a.nominal - slack) {
        return problem("bound", `bound '${bound}' falls before anchor '${anchor}'`);
      }
    }
  }
  const { day, offset } = deriveDay(rule, amount, unit, a, b);
  for (const side of SIDES) {
    if (checkStored && !bad && !sameNumber(stored[side], day[side])) {
      problem(
        `day_${side}`,
        `is ${cell(stored[side])} but rule '${rule}' gives ${cell(day[side])} (` +
          "`deno task fill-days` writes the days the rules give)",
      );
    }
  }
  // The derived values (equal to the stored ones up to rounding, when they pass) are kept.
  stored.lo = day.lo;
  stored.hi = day.hi;
  stored.nominal = day.nominal;
  stored.depth = tp.depth = depth;
  tp.offset = offsets.get(offset.lo, offset.hi, offset.nominal);
  return true;
}
