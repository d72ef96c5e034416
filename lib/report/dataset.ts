/**
 * The dataset notebook's tables and paragraph: the sources, cases, dose periods, pain values, the
 * interval rules, each case's CARE timeline, what the text leaves unknown, and the dataset's
 * counts in one sentence.
 *
 * @module
 */
import { scaleWords } from "./cells.ts";
import { expectCase, expectSeries } from "../args.ts";
import type { Row } from "../display.ts";
import { drugWithDose, formatDose, statesAmount } from "../dose.ts";
import { doseCells, doseShape } from "./dose_cells.ts";
import { listedOrder } from "./listed_order.ts";
import {
  COUNTED_BACK,
  formatInterval,
  TIME_RULES,
  type TimeRule,
  VALUE_RULES,
} from "../intervals.ts";
import type { Case, CaseSeries, Treatment } from "../model.ts";
import { alignOnDrug, firstPeriod, relativeDay, sinceDay0 } from "../timeline.ts";
import { valueScale } from "../cases.ts";
import { painValueIn } from "../scales.ts";
import { formatStated } from "../stated_digits.ts";
import { listing, plural } from "../prose.ts";
import { compareText } from "../text_order.ts";
import { timeName, valueName } from "../time_words.ts";
import { continuedBy, continuesFrom, notBefore, surelyLaterDay } from "../given.ts";

/**
 * One row per source article: its record and how many cases of the dataset it reports.
 *
 * @param s The case series.
 * @returns Rows of source, citation, DOI, PMID, licence and case count.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, sourcesRows } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * const rows = sourcesRows(s);
 * assert.deepEqual(rows.map((r) => r.source), [...s.sources.keys()]);
 * assert.equal(rows.reduce((n, r) => n + Number(r.cases), 0), s.cases.length);
 * ```
 */
export function sourcesRows(s: CaseSeries): Row[] {
  expectSeries("sourcesRows", s);
  return [...s.sources.values()].map((src) => ({
    source: src.id,
    citation: src.citation,
    doi: src.doi,
    pmid: src.pmid,
    licence: src.licence,
    cases: s.cases.filter((c) => c.sourceId === src.id).length,
  }));
}

/**
 * One row per case: demographics and what day 0 is.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { casesRows, loadCaseSeries } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * assert.deepEqual(casesRows(s).map((r) => [r.case, r.age]), s.cases.map((c) => [c.id, c.age]));
 * ```
 */
export function casesRows(s: CaseSeries): Row[] {
  expectSeries("casesRows", s);
  return s.cases.map((c) => ({
    case: c.id,
    age: c.age,
    sex: c.sex,
    limb: `${c.side} ${c.limb}`,
    level: c.level,
    cause: c.cause,
    SDS: c.sds,
    "day 0": c.day0,
  }));
}

/**
 * One row per dose period of every case. Its dose is numbers in mg/day, `null` where the text
 * states none in mg/day, with the reason in a `dose note` column, and a range's upper end in
 * `mg/day high` (`dose_cells.ts`, which says why): each column of one type in CSV and JSON. Its
 * start and end are days since day 0 (`start`, `end`: "not stated" for none; the tightest the
 * case's time points and periods allow, `sinceDay0`) and, in their own
 * columns, the time ids of `data/timepoints.csv` they are at (`start time`, `end time`: the
 * data's key, as `treatments.csv` has it; `null` for no end), not in brackets after the days, each
 * with its name for a reader beside it (`start time name`, `end time name`: `timeName`, "the VAS
 * 6.6 report").
 *
 * @param s The case series.
 * @returns One row per dose period.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, treatmentRows } from "#lib/mod.ts";
 * const rows = treatmentRows(await loadCaseSeries());
 * // The mg/day column holds numbers, or null (its reason in the dose note column).
 * assert.ok(rows.every((r) => typeof r["mg/day"] === "number" || r["mg/day"] === null));
 * assert.ok(rows.every((r) => r["mg/day"] !== null || typeof r["dose note"] === "string"));
 * ```
 */
export function treatmentRows(s: CaseSeries): Row[] {
  expectSeries("treatmentRows", s);
  // Route and frequency get columns only when the text gives either for some treatment.
  const details = s.cases.some((c) => c.treatments.some((t) => t.route || t.frequency));
  const shape = doseShape(s.cases.flatMap((c) => c.treatments));
  return s.cases.flatMap((c) =>
    c.treatments.map((t) => ({
      case: c.id,
      drug: t.drug,
      class: t.drugClass,
      ...doseCells(t, shape),
      ...(details ? { route: t.route, frequency: t.frequency } : {}),
      start: formatInterval(sinceDay0(c, t.start.timeId)),
      "start time": t.start.timeId,
      "start time name": timeName(c, t.start.timeId),
      end: t.end ? formatInterval(sinceDay0(c, t.end.timeId)) : "not stated",
      "end time": t.end?.timeId ?? null,
      "end time name": t.end ? timeName(c, t.end.timeId) : null,
      purpose: t.purpose,
      outcome: t.outcome,
    }))
  );
}

/**
 * One row per stated pain value: its scale, its days since day 0 (`sinceDay0`) and nominal day,
 * the value in the scale's units and on 0–10. On a scale whose numbers are the common metric's (a
 * 10 cm VAS, a 0–10 NRS: `identity`) the 0–10 value is the stated one unchanged, written as stated
 * ("8.0"); on another it is converted by the scale's rule, a computed number (`formatInterval`).
 */
export function observationRows(s: CaseSeries): Row[] {
  expectSeries("observationRows", s);
  return s.cases.flatMap((c) => {
    // By id once a case (a `find` for each value grew with the square of a long case's values).
    const byId = new Map(c.timepoints.map((t) => [t.id, t]));
    return c.observations.map((o) => {
      const tp = byId.get(o.day.timeId)!;
      return {
        case: c.id,
        day: formatInterval(sinceDay0(c, o.day.timeId)),
        "nominal day": o.day.nominal,
        "time words": tp.words,
        "time rule": tp.rule,
        scale: o.scale.id,
        value: formatStated(o.value, o.words),
        "value words": o.words,
        "common 0–10": o.scale.identity
          ? formatStated(o.common, o.words)
          : formatInterval(o.common),
        quote: o.quote,
      };
    });
  });
}

/**
 * The interval rules, one row each: every time and value rule, except the time rules that count
 * back from an anchor (`COUNTED_BACK`: the mirrors of `exact`, `approx`, `within`), which are
 * listed only where `s` dates a time point by them (none without `s`).
 *
 * @param s The case series whose rules counted back are listed (none: not listed).
 * @returns The rows.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { COUNTED_BACK, loadCaseSeries, ruleRows } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * const listed = (rows: { rule?: unknown }[]) => rows.some((r) => COUNTED_BACK.has(r.rule as never));
 * assert.equal(listed(ruleRows()), false);
 * const used = s.cases.some((c) => c.timepoints.some((t) => COUNTED_BACK.has(t.rule)));
 * assert.equal(listed(ruleRows(s)), used);
 * ```
 */
export function ruleRows(s?: CaseSeries): Row[] {
  if (s !== undefined) expectSeries("ruleRows", s);
  const used = new Set(s?.cases.flatMap((c) => c.timepoints.map((t) => t.rule)) ?? []);
  return [
    ...Object.entries(TIME_RULES).filter(([rule]) =>
      !COUNTED_BACK.has(rule as TimeRule) || used.has(rule as TimeRule)
    ).map(([rule, text]) => ({ applies: "time", rule, text })),
    ...Object.entries(VALUE_RULES).map(([rule, text]) => ({ applies: "value", rule, text })),
  ];
}

/**
 * The CARE timeline (item 7) of a case: every event, dose change and VAS value in chronological
 * order (nominal day, then the order of the narrative, or the text's where it states one:
 * `listedOrder`), with days since day 0 and
 * since the start of the drug, and the words of the text. At one time point a value comes before
 * the dose change it motivated (same-visit rule), an end before a start. A dose period that
 * continues another of the same drug is a dose change, one row ("dose change of X: 40 mg/day → dose
 * not stated"), not an end and a start. A dose period that ends
 * after another drug for the same purpose has started says so (e.g. a stepwise switch): "after
 * … started: they overlap" when it surely ends after that start, "possibly after … started: they
 * may overlap" when the days the text allows put it either side; a dose change of that other drug
 * is not its start. Each entry is the drug with its dose (`drugWithDose`), then, after commas,
 * what the text adds (frequency, route, purpose, overlap): no brackets after brackets, and none
 * within them beyond the data's own words.
 *
 * @param c The case.
 * @param drug The drug whose start the second column counts from (default: the study's drug of interest).
 * @returns One row per event, start, end and value.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { careTimelineRows, loadCaseSeries } from "#lib/mod.ts";
 * const c = (await loadCaseSeries()).cases.find((x) => x.treatments.length > 0)!;
 * const rows = careTimelineRows(c, c.treatments[0].drug);
 * // One row per event, value, dose-period start (a dose change: one row, "from → to") and stop.
 * const stops = c.treatments.filter((t) =>
 *   t.end && !c.treatments.some((u) => u.drug === t.drug && u.start.timeId === t.end!.timeId)
 * ).length;
 * assert.equal(rows.length, c.events.length + c.observations.length + c.treatments.length + stops);
 * // The drug's own start is day 0 of the second column.
 * const start = rows.find((r) => String(r.what).startsWith(`start ${c.treatments[0].drug}`))!;
 * assert.equal(start[`day since ${c.treatments[0].drug}`], "0");
 * ```
 */
export function careTimelineRows(c: Case, drug: string = c.study.drug): Row[] {
  expectCase("careTimelineRows", c);
  const start = firstPeriod(c, drug)?.start.timeId ?? null;
  const byId = new Map(c.timepoints.map((t) => [t.id, t]));
  // The case's scale once (read again for each value, it grew with the square of the values).
  const scale = valueScale([c]);
  // A drug starts where a period of it begins that no period of it ends into (not a dose change).
  const startsDrug = (o: Treatment) => !continuesFrom(c, o);
  // ", after b started: they overlap" when the end is surely after b's start (every day the text
  // allows), ", possibly after …: they may overlap" when it may fall either side.
  const overlap = (t: Treatment) => {
    if (!t.end) return "";
    const others = c.treatments.filter((o) =>
      o.drug !== t.drug && o.purpose === t.purpose && startsDrug(o) &&
      relativeDay(c, t.end!.timeId, o.start.timeId).hi > 0 &&
      notBefore(c, o.start.timeId, t.start.timeId)
    );
    const surely = (o: Treatment) => surelyLaterDay(c, t.end!.timeId, o.start.timeId);
    const sure = [...new Set(others.filter(surely).map((o) => o.drug))];
    const maybe = [...new Set(others.map((o) => o.drug))].filter((d) => !sure.includes(d));
    if (sure.length && maybe.length) {
      return `, after ${listing(sure)} started and possibly after ${listing(maybe)} started: ` +
        `it overlaps ${listing(sure)} and may overlap ${listing(maybe)}`;
    }
    if (sure.length) return `, after ${listing(sure)} started: they overlap`;
    return maybe.length ? `, possibly after ${listing(maybe)} started: they may overlap` : "";
  };
  const rows: { timeId: string; what: string; rank: number }[] = [
    ...c.events.map((e) => ({
      timeId: e.day.timeId,
      what: `${e.kind}: ${e.description}`,
      rank: 0,
    })),
    ...c.observations.map((o) => ({
      timeId: o.day.timeId,
      what: painValueIn(scale, o),
      rank: 1,
    })),
    ...c.treatments.flatMap((t) => {
      // A period that continues one of the same drug is a dose change: one row, "from → to".
      const before = continuesFrom(c, t);
      return [
        ...(t.end && !continuedBy(c, t)
          ? [{ timeId: t.end.timeId, what: `end ${drugWithDose(t)}${overlap(t)}`, rank: 2 }]
          : []),
        before
          ? {
            timeId: t.start.timeId,
            what: `dose change of ${t.drug}: ${formatDose(before)} → ${
              formatDose(t, { details: true })
            }`,
            rank: 3,
          }
          : {
            timeId: t.start.timeId,
            what: `start ${drugWithDose(t, { details: true })}, for ${t.purpose}`,
            rank: 3,
          },
      ];
    }),
  ];
  // By day, then as the text orders them (`listedOrder`: a point before its anchor on its day).
  const listed = listedOrder(c.timepoints);
  rows.sort((a, b) => listed(a.timeId, b.timeId) || a.rank - b.rank || compareText(a.what, b.what));
  return rows.map((r) => {
    const tp = byId.get(r.timeId)!;
    return {
      // From the origin by the case's network, as the other column: the tightest the text allows
      // (a point's own bounds alone ignore what the points around it imply).
      "day since day 0": formatInterval(sinceDay0(c, tp.id)),
      [`day since ${drug}`]: start ? formatInterval(relativeDay(c, r.timeId, start)) : null,
      what: r.what,
      words: tp.words,
    };
  });
}

/**
 * What the CARE timeline of a case (`careTimelineRows`) says once, under it: why its column of
 * days since the drug is empty when the case never takes the drug (the column stays, so that
 * every case's table has the same columns); and, where the times the text leaves open let a row
 * fall before one listed above it, that its order is not an order in time, with the first such
 * pair named (`timeName`).
 *
 * @param c The case.
 * @param drug The drug of that column (default: the study's drug of interest).
 * @returns Sentences for `showTable`'s `notes` (none when the case takes the drug).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { careTimelineNotes, loadCaseSeries } from "#lib/mod.ts";
 * const c = (await loadCaseSeries()).cases.find((x) => x.treatments.length > 0)!;
 * const notes = careTimelineNotes(c, c.treatments[0].drug);
 * assert.ok(notes.every((n) => n.startsWith("Rows are listed by their nominal days")));
 * assert.deepEqual(careTimelineNotes(c, "no-such-drug").slice(0, 1), [
 *   `Case ${c.id} never takes no-such-drug: the column "day since no-such-drug" is empty.`,
 * ]);
 * ```
 */
export function careTimelineNotes(c: Case, drug: string = c.study.drug): string[] {
  expectCase("careTimelineNotes", c);
  const notes = firstPeriod(c, drug)
    ? []
    : [`Case ${c.id} never takes ${drug}: the column "day since ${drug}" is empty.`];
  const listed = listedOrder(c.timepoints);
  // The time points of the rows, in the table's order; the first pair the text lets swap. Only
  // a point whose lowest day is below the highest above it may (the network is asked only then).
  const byId = new Map(c.timepoints.map((t) => [t.id, t]));
  const points = [
    ...new Set([
      ...c.events.map((e) => e.day.timeId),
      ...c.observations.map((o) => o.day.timeId),
      ...c.treatments.flatMap((t) => [t.start.timeId, ...(t.end ? [t.end.timeId] : [])]),
    ]),
  ].map((id) => byId.get(id)!).sort((a, b) => listed(a.id, b.id));
  // Each row's days since day 0 by the network (one source, day 0, for all of them): a row may
  // fall before one above it only if its earliest day is below that one's latest.
  const days = new Map(points.map((t) => [t.id, sinceDay0(c, t.id)]));
  let highest = -Infinity;
  for (let j = 0; j < points.length; j++) {
    const t = points[j];
    const lo = days.get(t.id)!.lo;
    const above = lo < highest
      // time(a) − time(t) may be above 0 (asked from t: one network source per row).
      ? points.slice(0, j).find((a) => days.get(a.id)!.hi > lo && relativeDay(c, a.id, t.id).hi > 0)
      : undefined;
    if (above !== undefined) {
      notes.push(
        "Rows are listed by their nominal days (placeholders where the text leaves a time open) " +
          "and the order of the narrative, not in an order of time the text states: a row may " +
          `fall before one listed above it (${timeName(c, t.id)} may come before ` +
          `${timeName(c, above.id)}); the day columns give the days the text allows.`,
      );
      break;
    }
    highest = Math.max(highest, days.get(t.id)!.hi);
  }
  return notes;
}

/**
 * What the text leaves unknown, computed from the data: no pain value before the first treatment
 * for the indication (or none surely before it, naming those that may be), time points with an
 * open side by all the case's constraints (named for a reader: `timeName`), dose
 * periods with no end or no stated amount of dose (none, or words with no number: `statesAmount`;
 * each named by its start and end), missing SDS.
 *
 * A missing SDS (Zung Self-rating Depression Scale) score is a per-case unknown only where the
 * article reports the scale for some of its cases and not for this one. An article that reports
 * it for none of its cases has not left a value out case by case: it reports no SDS at all (an
 * instrument it does not use, as far as its text says), so that is said once, in one row for the
 * article (its cases in the `case` cell, before the rows of its first case), not as "no SDS
 * score" in a row for every case.
 *
 * @param s The case series.
 * @returns Rows of `case` and `unknown`, in case order.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, unknownRows } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * // No SDS at all in an article: one row for it, none per case.
 * const none = { ...s, cases: s.cases.map((c) => ({ ...c, sds: null })) };
 * const rows = unknownRows(none).filter((r) => String(r.unknown).includes("SDS"));
 * assert.equal(rows.length, new Set(s.cases.map((c) => c.sourceId)).size); // articles with cases
 * assert.equal(rows[0].case, s.cases.filter((c) => c.sourceId === s.cases[0].sourceId)
 *   .map((c) => c.id).join(", "));
 * ```
 */
export function unknownRows(s: CaseSeries): Row[] {
  expectSeries("unknownRows", s);
  const rows: Row[] = [];
  const ofSource = (id: string) => s.cases.filter((c) => c.sourceId === id);
  // Articles that report an SDS score for none of their cases.
  const noSds = new Set(
    [...new Set(s.cases.map((c) => c.sourceId))].filter((id) =>
      ofSource(id).every((c) => c.sds === null)
    ),
  );
  for (const c of s.cases) {
    if (noSds.has(c.sourceId) && ofSource(c.sourceId)[0] === c) {
      rows.push({
        case: ofSource(c.sourceId).map((x) => x.id).join(", "),
        unknown: `no SDS score for any case: the article (${c.sourceId}) reports none`,
      });
    }
    const firstPain = c.treatments.find((t) => t.purpose === c.study.indication);
    if (firstPain) {
      const aligned = alignOnDrug(c, firstPain.drug);
      // A value the text leaves on either side of the start is named: "no value" would deny it.
      const either = aligned.filter((o) => o.phase === "ambiguous").map((o) => valueName(c, o));
      if (!aligned.some((o) => o.phase === "before")) {
        rows.push({
          case: c.id,
          unknown: `no ${scaleWords(c)} value ${either.length ? "surely " : ""}before the ` +
            `first treatment for ${c.study.indication} (${firstPain.drug})${
              either.length ? `: ${listing(either)} may be before or after its start` : ""
            }`,
        });
      }
    }
    if (c.sds === null && !noSds.has(c.sourceId)) {
      rows.push({ case: c.id, unknown: "no SDS score" });
    }
    // Open by the case's network from day 0, as the CARE timeline's days: a time whose own rule
    // leaves it open may be bounded by the points and periods around it (the start of a period
    // that ends at a dated time).
    for (const t of c.timepoints) {
      const day = sinceDay0(c, t.id);
      if (!Number.isFinite(day.lo) || !Number.isFinite(day.hi)) {
        // Named for a reader (`timeName`); its words after a dash when the name is not them.
        const name = timeName(c, t.id);
        const words = name === `“${t.words}”` ? "" : ` — “${t.words}”`;
        rows.push({
          case: c.id,
          unknown: `date of ${name} open-ended: ${formatInterval(day)}${words}`,
        });
      }
    }
    rows.push(...doseUnknowns(c).map((unknown) => ({ case: c.id, unknown })));
  }
  return rows;
}

/**
 * A case's dose periods the text leaves open: an end not stated, and a dose the text states no
 * amount of (`statesAmount`: none, or words with no number such as "a low dose"), each period
 * named by its start and end in words (`timeName`), since a drug may have a stated dose in
 * another period.
 */
function doseUnknowns(c: Case): string[] {
  const label = (t: Treatment) => statesAmount(t) ? drugWithDose(t) : t.drug;
  const open = c.treatments.filter((x) => x.end === null);
  const ends = open.map((t) => {
    // Told apart by its start where another open period has the same label.
    const twin = open.some((o) => o !== t && label(o) === label(t));
    return `end of ${label(t)}${twin ? `, from ${timeName(c, t.start.timeId)},` : ""} not stated`;
  });
  const doses = c.treatments.filter((t) => !statesAmount(t)).map((t) => {
    const period = `from ${timeName(c, t.start.timeId)} ${
      t.end ? `to ${timeName(c, t.end.timeId)}` : "on, with no end stated"
    }`;
    const words = t.doseWords?.trim() ? ` in mg/day, only as “${t.doseWords.trim()}”,` : "";
    return `dose of ${t.drug} not stated${words} ${period}`;
  });
  return [...ends, ...doses];
}

/**
 * How many rows of each table the dataset has, as one sentence.
 *
 * @param s The case series.
 * @returns For example "1 source, 3 cases, 14 dose periods, …".
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { datasetCounts, loadCaseSeries, plural } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * const start = `${plural(s.sources.size, "source")}, ${plural(s.cases.length, "case")}, `;
 * assert.ok(datasetCounts(s).startsWith(start));
 * ```
 */
export function datasetCounts(s: CaseSeries): string {
  const count = (f: (c: CaseSeries["cases"][number]) => unknown[]) =>
    s.cases.reduce((n, c) => n + f(c).length, 0);
  return `${plural(s.sources.size, "source")}, ${plural(s.cases.length, "case")}, ` +
    `${plural(count((c) => c.treatments), "dose period")}, ` +
    `${plural(count((c) => c.observations), `${valueScale(s.cases).name} value`)}, ` +
    `${plural(count((c) => c.events), "event")} and ` +
    `${plural(count((c) => c.timepoints), "time point")}`;
}
