/**
 * The check of `observations.csv`: each row's case and time points known, its quote in its
 * article's text stating its value by the row's rule (a number, words, a category of a verbal
 * scale), the value an interval on its scale's range, one value per time point, an optional period
 * that does not end before it starts (`../period_order.ts`), and no pain value dated before the
 * amputation.
 *
 * @module
 */
import type { IssueSink } from "../../csv.ts";
import type { NominalInterval } from "../../intervals.ts";
import type { Day, Observation, ObservationSpan } from "../../model.ts";
import { overAPeriodWords } from "../../period_value.ts";
import { WORDS_TO_NUMBER, wordsRuleProblem } from "../../quotes.ts";
import { type Scale, scaleOf } from "../../scales.ts";
import type { ObservationRow } from "../../schema.ts";
import type { LoadContext } from "../context.ts";
import { CommonPool, IntervalPool } from "../pools.ts";
import { ByCase, CaseRows } from "../rows.ts";
import { OtherColumns } from "../columns.ts";
import { acceptPeriod, periodOrderProblem } from "../period_order.ts";
import { cell, checkNominalInterval, sameNumber } from "../values.ts";

const FILE = "observations.csv";

/** The columns of a value's period, as its order's messages name them. */
const PERIOD_COLUMNS = { start: "period_start", end: "period_end" } as const;

/**
 * Checks `observations.csv`.
 *
 * @param ctx The load (cases read, time points resolved).
 * @param firstAmputation Each case's earliest amputation day (`checks/events.ts`).
 * @returns Each case's observations, in file order, with the line of each by day.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { LoadContext } from "#lib/data/context.ts";
 * import { checkObservations } from "#lib/data/checks/observations.ts";
 * import { ByCase } from "#lib/data/rows.ts";
 * const ctx = new LoadContext("/nowhere/", "/nowhere", new Map([["observations.csv", "x\n1\n"]]));
 * checkObservations(ctx, new ByCase());
 * assert.equal(ctx.usable.has("observations"), false);
 * ```
 */
export function checkObservations(
  ctx: LoadContext,
  firstAmputation: ByCase<number>,
): ByCase<CaseRows<Observation, Day>> {
  const { issues } = ctx;
  const observations = new ByCase<CaseRows<Observation, Day>>();
  const values = new IntervalPool();
  const commonPool = new CommonPool();
  // time gives the day; value_lo, value_nominal and value_hi the value; period_* the span.
  const columns = new OtherColumns("observations", [
    "case_id",
    "time",
    "scale",
    "value_lo",
    "value_nominal",
    "value_hi",
    "value_words",
    "note",
    "period_start",
    "period_end",
    "quote",
  ]);
  ctx.table<ObservationRow>("observations", (row, r) => {
    const file = FILE;
    if (r === null || !ctx.checkCase(file, row, r.case_id)) return;
    r.quote = ctx.check.quote(file, row, ctx.caseSource.get(r.case_id), "quote", r.quote);
    const checked = checkValue(ctx, row, r, values);
    if (checked === null) return;
    const { value, scale } = checked;
    const common = scale.identity ? value : commonPool.get(scale, value);
    const day = ctx.dayOf(file, row, "time", r.case_id, r.time);
    if (!day) return;
    const span = spanOf(ctx, row, r);
    if (span === undefined) return;
    if (span === null) warnUnstatedPeriod(ctx, row, r);
    const of = observations.get(r.case_id);
    const first = of?.earlier(day);
    if (first !== undefined) {
      issues.push({
        file,
        row,
        column: "time",
        message: `a second pain value for the same time point (first at line ${first})`,
      });
      return;
    }
    const earliest = firstAmputation.get(r.case_id);
    if (earliest !== undefined && day.hi < earliest) {
      issues.push({
        file,
        row,
        column: "time",
        message: `phantom-pain value dated before the amputation (day ${cell(day.hi)} < ${
          cell(earliest)
        })`,
      });
    }
    const observation = {
      day,
      scale,
      value,
      common,
      words: r.value_words,
      note: r.note,
      span,
      quote: r.quote,
      columns: columns.of(r),
    };
    if (of) of.add(observation, day, row);
    else observations.set(r.case_id, new CaseRows(observation, day, row));
    // Its period starts no later than it ends: the later rows' order is read with it.
    if (span) acceptPeriod(ctx.resolved, r.case_id, span.start, span.end, { file, row });
  });
  return observations;
}

/**
 * Checks a row's value: its quote states it by the row's rule, it is an interval on its scale,
 * and its columns are those the rule gives. Returns the value and scale, or null when the value
 * is unusable (reported).
 */
function checkValue(
  ctx: LoadContext,
  row: number,
  r: ObservationRow,
  values: IntervalPool,
): { value: NominalInterval; scale: Scale } | null {
  const { issues, check } = ctx;
  const file = FILE;
  if (r.value_rule === "category") {
    const problem = categoryProblem(r.scale, r.value_nominal, r.value_words, r.quote);
    if (problem) issues.push({ file, row, ...problem });
  } else if (Object.hasOwn(WORDS_TO_NUMBER, r.value_rule)) {
    const problem = wordsRuleProblem(r.value_rule, r.quote, r.value_nominal, "value_nominal");
    if (problem) issues.push({ file, row, column: "value_nominal", message: problem });
  } else {
    // A number the quote states, and the one its words for the value state (the quote may state
    // others: "after 7 weeks ... (pain VAS 6.6)" states 7 too). Said once: the words only when the
    // quote has no problem with the value.
    const before = issues.last;
    const cells: [string, number][] = r.value_rule === "exact"
      ? [["value_nominal", r.value_nominal]]
      : [["value_lo", r.value_lo], ["value_hi", r.value_hi]];
    for (const [column, v] of cells) check.number(file, row, r.quote, column, v);
    if (issues.last === before) {
      for (const [column, v] of cells) {
        check.number(file, row, r.value_words, column, v, "its value_words");
      }
    }
  }
  const value = values.get(r.value_lo, r.value_hi, r.value_nominal);
  const scale = scaleOf(r.scale);
  const bad = checkNominalInterval(value, "value") ?? checkOnScale(value, scale);
  if (bad) {
    issues.push({ file, row, column: bad.column, message: bad.message });
    return null;
  }
  const exact = r.value_rule !== "range";
  ruleGives(issues, row, r.value_rule, "lo", value.lo, exact ? r.value_nominal : r.value_lo);
  ruleGives(issues, row, r.value_rule, "hi", value.hi, exact ? r.value_nominal : r.value_hi);
  ruleGives(
    issues,
    row,
    r.value_rule,
    "nominal",
    value.nominal,
    exact ? r.value_nominal : (r.value_lo + r.value_hi) / 2,
  );
  return { value, scale };
}

/**
 * The period a row's value covers: null when it has none, undefined when it cannot be used
 * (reported, or its time points unusable).
 */
function spanOf(
  ctx: LoadContext,
  row: number,
  r: ObservationRow,
): ObservationSpan | null | undefined {
  const file = FILE;
  if (r.period_end !== null && r.period_start === null) {
    ctx.issues.push({
      file,
      row,
      column: "period_start",
      message: "period_end is given without period_start",
    });
    return undefined;
  }
  if (r.period_start === null) return null;
  const start = ctx.dayOf(file, row, "period_start", r.case_id, r.period_start);
  const end = r.period_end === null
    ? null
    : ctx.dayOf(file, row, "period_end", r.case_id, r.period_end);
  if (!start || (r.period_end !== null && !end)) return undefined;
  const order = end && periodOrderProblem(ctx.resolved, r.case_id, start, end, PERIOD_COLUMNS);
  if (order) {
    const issue = { file, row, column: "period_end", message: `the period ${order.message}` };
    if (order.error) {
      ctx.issues.push(issue);
      return undefined;
    }
    ctx.warnings.push(issue);
  }
  return { start, end };
}

/**
 * Warns of a value whose quote or words say it is an average or stated over a period
 * (`overAPeriodWords`) while its period columns are empty: it would be read as one rating. A
 * warning, not an error: "mean" or "during the … weeks" may describe something else than the
 * value.
 */
function warnUnstatedPeriod(
  ctx: LoadContext,
  row: number,
  r: Pick<ObservationRow, "quote" | "value_words">,
): void {
  let where = "quote";
  let words = overAPeriodWords(r.quote);
  if (words === null) {
    where = "value_words";
    words = overAPeriodWords(r.value_words);
    if (words === null) return;
  }
  ctx.warnings.push({
    file: FILE,
    row,
    column: "period_start",
    message: `the ${where} says the value is an average or stated over a period ('${words}') ` +
      "but period_start and period_end are empty: fill them with the time points (time_id) the " +
      "period runs from and to (period_end empty when the text gives no end), or it is read as " +
      'one rating (data/README.md, "Values stated over a period")',
  });
}

/** Reports a value column that differs from what its rule gives. */
function ruleGives(
  issues: IssueSink,
  row: number,
  rule: string,
  side: "lo" | "hi" | "nominal",
  value: number,
  gives: number,
): void {
  if (sameNumber(value, gives)) return;
  issues.push({
    file: "observations.csv",
    row,
    column: `value_${side}`,
    message: `is ${value} but rule '${rule}' gives ${gives}`,
  });
}

/**
 * The words-to-number rule of a verbal scale (`value_rule` `category`): the value is the index
 * of the category its words name, and the quote states that word.
 */
function categoryProblem(
  scaleId: string,
  value: number,
  words: string,
  quote: string,
): { column: string; message: string } | null {
  const cats = scaleOf(scaleId).categories;
  if (cats === null) {
    return {
      column: "value_rule",
      message: `rule 'category' needs a verbal scale; ${scaleId} has no categories`,
    };
  }
  const at = cats.indexOf(words.trim().toLowerCase());
  if (at < 0) {
    return {
      column: "value_words",
      message: `'${words}' is not a category of ${scaleId} (${cats.join(", ")})`,
    };
  }
  if (value !== at) {
    return {
      column: "value_nominal",
      message: `is ${value} but '${cats[at]}' is category ${at} of ${scaleId}`,
    };
  }
  if (!new RegExp(`\\b${cats[at]}\\b`, "i").test(quote)) {
    return { column: "quote", message: `the quote does not state '${cats[at]}'` };
  }
  return null;
}

/** Checks that a value lies on its scale: within its range, whole where the scale has no fractions. */
export function checkOnScale(
  x: NominalInterval,
  s: Scale,
): { column: string; message: string } | null {
  if (x.lo >= s.min && x.hi <= s.max && (!s.integer || (x.lo === x.hi && Number.isInteger(x.lo)))) {
    return null; // the usual case, checked at once
  }
  for (const side of ["lo", "nominal", "hi"] as const) {
    const v = x[side];
    if (v < s.min || v > s.max) {
      return {
        column: `value_${side}`,
        message: `${v} is outside the range of scale ${s.id} (${s.min}–${s.max} ${s.unit})`,
      };
    }
    if (s.integer && side !== "nominal" && !Number.isInteger(v)) {
      return { column: `value_${side}`, message: `${v} is not a whole value of scale ${s.id}` };
    }
  }
  return null;
}
