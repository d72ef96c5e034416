/**
 * Tables for the notebooks, as rows of plain values: the dataset, the CARE timeline, what the
 * text does not say, per-case change, effect sizes, responders. Notebooks only call these and
 * display the result.
 *
 * @module
 */
import { reportable } from "../stats/reportable.ts";
import { markdownText } from "../markdown.ts";
import { expectCase, expectSeries } from "../args.ts";
import type { Row } from "../display.ts";
import { DOSE_NOT_STATED, doseCell, drugWithDose, formatDose } from "../dose.ts";
import { fmt, formatInterval, TIME_RULES, VALUE_RULES } from "../intervals.ts";
import { type Case, type CaseSeries, compareDays, type Treatment } from "../model.ts";
import { areaUnderCurve, caseChange, periodRates, timeToRelief } from "../analysis/change.ts";
import { effectSize, type Measure, MEASURES } from "../stats/effect_sizes/mod.ts";
import { claimNumber, claimsLedger } from "../claims/mod.ts";
import {
  aggregateEffectSizes,
  caseEffectSizes,
  phases,
  WEIGHTING_FAVOURS,
  WEIGHTINGS,
} from "../analysis/aggregation.ts";
import { lineOfTherapyGroups } from "../analysis/line_of_therapy.ts";
import { pairedTests } from "../analysis/paired_tests.ts";
import { type ResponderRow, thresholdLabel } from "../analysis/responders.ts";
import {
  type RoundingVerdict,
  type SensitivityRow,
  type SensitivitySpan,
  sensitivityTable,
} from "../analysis/sensitivity.ts";
import type { Reading } from "../readings.ts";
import type { Robustness } from "../claims/robustness.ts";
import type { EffectSizeOptions, EffectSizeResult, Exclusion } from "../stats/types.ts";
import {
  activeTreatments,
  alignOnDrug,
  baseline,
  BASELINE_DEFINITIONS,
  BASELINE_LABELS,
  drugsGivenAt,
  firstPeriod,
  relativeDay,
} from "../timeline.ts";
import { percentThresholds, pointsThreshold, type Study } from "../study.ts";
import { valueScale } from "../cases.ts";
import { casesListing, listing, plural } from "../prose.ts";
import {
  appraisalRows,
  causalityRows,
  naturalCourseText,
  type StudyQuestion,
} from "../appraisal/mod.ts";

const num = (x: number | null | undefined) =>
  x === null || x === undefined || !Number.isFinite(x) ? null : Number(x.toFixed(4));

/** Header of the change table's column for the study's threshold in scale points. */
const pointsColumn = (c: Case) => `≥${pointsThreshold(c.study) ?? "–"} ${valueScale([c]).unit}`;

/**
 * The effect-size options of a study: its direction of improvement, and its goal for PoGO.
 *
 * @param study The study question (`series.study`).
 * @returns The options every effect size of the notebooks uses.
 * @example
 * ```ts
 * import { loadCaseSeries, painOptions } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * if (painOptions(s.study).improvement !== s.study.improvement) throw new Error("the study's");
 * ```
 */
export function painOptions(study: Study): EffectSizeOptions {
  return { improvement: study.improvement, goal: study.goal };
}

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

/** One row per dose period of every case. */
export function treatmentRows(s: CaseSeries): Row[] {
  expectSeries("treatmentRows", s);
  // Route and frequency get columns only when the text gives either for some treatment.
  const details = s.cases.some((c) => c.treatments.some((t) => t.route || t.frequency));
  return s.cases.flatMap((c) =>
    c.treatments.map((t) => ({
      case: c.id,
      drug: t.drug,
      class: t.drugClass,
      "mg/day": doseCell(t),
      ...(details ? { route: t.route, frequency: t.frequency } : {}),
      start: `${formatInterval(t.start)} (${t.start.timeId})`,
      end: t.end ? `${formatInterval(t.end)} (${t.end.timeId})` : "not stated",
      purpose: t.purpose,
      outcome: t.outcome,
    }))
  );
}

/** One row per stated pain value: its scale, the value in the scale's units and on 0–10. */
export function observationRows(s: CaseSeries): Row[] {
  expectSeries("observationRows", s);
  return s.cases.flatMap((c) =>
    c.observations.map((o) => {
      const tp = c.timepoints.find((t) => t.id === o.day.timeId)!;
      return {
        case: c.id,
        day: formatInterval(o.day),
        "nominal day": o.day.nominal,
        "time words": tp.words,
        "time rule": tp.rule,
        scale: o.scale.id,
        value: formatInterval(o.value),
        "value words": o.words,
        "common 0–10": formatInterval(o.vas),
        quote: o.quote,
      };
    })
  );
}

/** The interval rules, one row each. */
export function ruleRows(): Row[] {
  return [
    ...Object.entries(TIME_RULES).map(([rule, text]) => ({ applies: "time", rule, text })),
    ...Object.entries(VALUE_RULES).map(([rule, text]) => ({ applies: "value", rule, text })),
  ];
}

/**
 * The CARE timeline (item 7) of a case: every event, dose change and VAS value in chronological
 * order (nominal day, then the order of the narrative: `compareDays`), with days since day 0 and
 * since the start of the drug, and the words of the text. At one time point a value comes before
 * the dose change it motivated (same-visit rule), an end before a start. A dose period that ends
 * after another drug for the same purpose has started says so (e.g. a stepwise switch).
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
 * // One row per event, value, dose-period start and dose-period end.
 * const ends = c.treatments.filter((t) => t.end).length;
 * assert.equal(rows.length, c.events.length + c.observations.length + c.treatments.length + ends);
 * // The drug's own start is day 0 of the second column.
 * const start = rows.find((r) => String(r.what).startsWith(`start ${c.treatments[0].drug}`))!;
 * assert.equal(start[`day since ${c.treatments[0].drug}`], "0");
 * ```
 */
export function careTimelineRows(c: Case, drug: string = c.study.drug): Row[] {
  expectCase("careTimelineRows", c);
  const start = firstPeriod(c, drug)?.start.timeId ?? null;
  const byId = new Map(c.timepoints.map((t) => [t.id, t]));
  const overlap = (t: Treatment) => {
    if (!t.end) return "";
    const others = c.treatments.filter((o) =>
      o.drug !== t.drug && o.purpose === t.purpose &&
      relativeDay(c, t.end!.timeId, o.start.timeId).hi > 0 &&
      relativeDay(c, o.start.timeId, t.start.timeId).lo >= 0
    );
    const drugs = [...new Set(others.map((o) => o.drug))];
    return drugs.length ? ` (may end after ${listing(drugs)} started: they overlap)` : "";
  };
  const rows: { timeId: string; what: string; rank: number }[] = [
    ...c.events.map((e) => ({
      timeId: e.day.timeId,
      what: `${e.kind}: ${e.description}`,
      rank: 0,
    })),
    ...c.observations.map((o) => ({
      timeId: o.day.timeId,
      what: `${valueScale([c]).name} ${formatInterval(o.vas)}`,
      rank: 1,
    })),
    ...c.treatments.flatMap((t) => [
      ...(t.end
        ? [{
          timeId: t.end.timeId,
          what: `end ${drugWithDose(t)}${overlap(t)}`,
          rank: 2,
        }]
        : []),
      {
        timeId: t.start.timeId,
        what: `start ${drugWithDose(t, { details: true })} (${t.purpose})`,
        rank: 3,
      },
    ]),
  ];
  rows.sort((a, b) =>
    compareDays(byId.get(a.timeId)!.day, byId.get(b.timeId)!.day) || a.rank - b.rank ||
    a.what.localeCompare(b.what)
  );
  return rows.map((r) => {
    const tp = byId.get(r.timeId)!;
    return {
      "day since day 0": formatInterval(tp.day),
      [`day since ${drug}`]: start ? formatInterval(relativeDay(c, r.timeId, start)) : null,
      what: r.what,
      words: tp.words,
    };
  });
}

/**
 * What the text leaves unknown, computed from the data: no VAS before the first treatment for
 * phantom pain, time points with an open side, dose periods with no end or no stated dose, missing
 * SDS.
 */
export function unknownRows(s: CaseSeries): Row[] {
  expectSeries("unknownRows", s);
  const rows: Row[] = [];
  for (const c of s.cases) {
    const firstPain = c.treatments.find((t) => t.purpose === c.study.indication);
    if (firstPain) {
      const before = alignOnDrug(c, firstPain.drug).filter((o) => o.phase === "before");
      if (before.length === 0) {
        rows.push({
          case: c.id,
          unknown: `no ${
            scaleWords(c)
          } value before the first treatment for ${c.study.indication} (${firstPain.drug})`,
        });
      }
    }
    if (c.sds === null) rows.push({ case: c.id, unknown: "no SDS score" });
    for (const t of c.timepoints) {
      if (!Number.isFinite(t.day.lo) || !Number.isFinite(t.day.hi)) {
        rows.push({
          case: c.id,
          unknown: `date of '${t.id}' open-ended: ${formatInterval(t.day)} (${t.words})`,
        });
      }
    }
    for (const t of c.treatments.filter((x) => x.end === null)) {
      const dose = t.dose === null && t.doseWords === null ? "" : ` ${formatDose(t)}`;
      rows.push({ case: c.id, unknown: `end of ${t.drug}${dose} not stated` });
    }
    for (const t of c.treatments.filter((x) => x.dose === null && x.doseWords === null)) {
      rows.push({ case: c.id, unknown: `dose of ${t.drug} not stated` });
    }
  }
  return rows;
}

/** Which treatments are active at each pain value of a case (certainly, possibly). */
export function activeRows(c: Case): Row[] {
  expectCase("activeRows", c);
  const { name } = valueScale([c]);
  return c.observations.map((o) => {
    const a = activeTreatments(c, o.day.timeId);
    const label = (ts: typeof a.certain) =>
      ts.map((t) =>
        t.dose || t.doseWords ? `${t.drug} ${doseCell(t)}` : `${t.drug} (${DOSE_NOT_STATED})`
      ).join(", ") || "–";
    return {
      [name]: formatInterval(o.vas),
      time: o.day.timeId,
      certain: label(a.certain),
      possible: label(a.possible),
    };
  });
}

/**
 * Per-case change after the drug of interest under every baseline definition: one row per value
 * after the drug, or one row with the reason when no change can be computed (no value before,
 * none after, or the drug never taken).
 *
 * @param c The case.
 * @returns Rows of baseline, change, percent reduction, IMMPACT class and a note.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import {
 *   BASELINE_DEFINITIONS,
 *   caseChange,
 *   changeRows,
 *   formatInterval,
 *   loadCaseSeries,
 * } from "#lib/mod.ts";
 * const def = BASELINE_DEFINITIONS[0];
 * const cases = (await loadCaseSeries()).cases;
 * const c = cases.find((x) => caseChange(x, { baseline: def }).points.length > 0)!;
 * // The first row: the first value after the drug, under the first baseline definition.
 * const p = caseChange(c, { baseline: def }).points[0];
 * const want = p.percentReduction ? formatInterval(p.percentReduction, 1) : null;
 * assert.equal(changeRows(c)[0]["% reduction"], want);
 * ```
 */
export function changeRows(c: Case): Row[] {
  expectCase("changeRows", c);
  const { name } = valueScale([c]);
  return BASELINE_DEFINITIONS.flatMap((def): Row[] => {
    const ch = caseChange(c, { baseline: def });
    if (ch.baseline.vas === null || ch.points.length === 0) {
      return [{
        baseline: ch.baseline.vas === null
          ? BASELINE_LABELS[def]
          : `${BASELINE_LABELS[def]} (n=${ch.baseline.n})`,
        [`baseline ${name}`]: ch.baseline.vas === null ? null : num(ch.baseline.vas.nominal),
        day: null,
        [name]: null,
        change: null,
        "% reduction": null,
        IMMPACT: null,
        [pointsColumn(c)]: null,
        note: ch.reason ?? ch.baseline.reason ?? null,
      }];
    }
    return ch.points.map((p) => ({
      baseline: `${BASELINE_LABELS[def]} (n=${ch.baseline.n})`,
      [`baseline ${name}`]: num(ch.baseline.vas!.nominal),
      day: p.dated ? formatInterval(p.day) : `${formatInterval(p.day)} (no date stated)`,
      [name]: formatInterval(p.vas),
      change: num(p.change.nominal),
      "% reduction": p.percentReduction ? formatInterval(p.percentReduction, 1) : null,
      IMMPACT: p.immpact
        ? (p.immpact.worst === p.immpact.best
          ? p.immpact.nominal
          : `${p.immpact.nominal} (${p.immpact.worst}–${p.immpact.best})`)
        : null,
      [pointsColumn(c)]: p.pointsReduction === null
        ? null
        : p.pointsReduction.surely === p.pointsReduction.possibly
        ? (p.pointsReduction.nominal ? "yes" : "no")
        : `${p.pointsReduction.nominal ? "yes" : "no"} (${
          p.pointsReduction.possibly ? "possibly" : "not"
        } at the bounds)`,
      note: null,
    }));
  });
}

/**
 * Time from the start of the drug of interest to the first value reaching each percent threshold
 * of the study, under every baseline definition.
 *
 * @param c The case.
 * @returns One row per baseline definition and threshold.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import {
 *   BASELINE_DEFINITIONS,
 *   loadCaseSeries,
 *   percentThresholds,
 *   reliefRows,
 * } from "#lib/mod.ts";
 * const c = (await loadCaseSeries()).cases[0];
 * const thresholds = percentThresholds(c.study);
 * const rows = reliefRows(c);
 * assert.equal(rows.length, BASELINE_DEFINITIONS.length * thresholds.length);
 * assert.equal(rows[0].threshold, `≥${thresholds[0]}%`);
 * ```
 */
export function reliefRows(c: Case): Row[] {
  expectCase("reliefRows", c);
  return BASELINE_DEFINITIONS.flatMap((def) =>
    percentThresholds(c.study).map((pct) => {
      const t = timeToRelief(c, pct, { baseline: def });
      return { baseline: BASELINE_LABELS[def], threshold: `≥${pct}%`, result: t.summary, n: t.n };
    })
  );
}

/**
 * AUC over the first 30 days after the drug start and over the whole follow-up after it, each
 * labelled with the span actually integrated (an area covers only the time between reported
 * values) and the values it leaves out.
 *
 * @param c The case.
 * @returns One row per window.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { areaUnderCurve, aucRows, loadCaseSeries } from "#lib/mod.ts";
 * const c = (await loadCaseSeries()).cases[0];
 * const first = aucRows(c)[0];
 * assert.equal(first.window, "days 0–30");
 * assert.equal(first.n, areaUnderCurve(c, { from: 0, to: 30 }).n);
 * ```
 */
export function aucRows(c: Case): Row[] {
  expectCase("aucRows", c);
  const { unit } = valueScale([c]);
  const after = caseChange(c).points.map((p) => p.day.nominal);
  const windows = [
    { from: 0, to: 30 },
    ...(after.length ? [{ from: 0, to: Math.max(...after) }] : []),
  ];
  return windows.map((w) => {
    const a = areaUnderCurve(c, w);
    if (w.to !== 30 && a.undated.length > 0 && a.span !== null) {
      // The window ends at a value whose day is not stated: an area up to a placeholder day is
      // not data.
      return {
        window: "day 0 to the last value",
        integrated: null,
        n: a.n,
        [`AUC (${unit}·days)`]: null,
        "AUC bounds": null,
        [`time-weighted mean (${unit})`]: null,
        note: `not computed: no date is stated for ${listing(a.undated)}, so the area would end ` +
          "at a placeholder day",
      };
    }
    const notes = [
      ...(a.undated.length
        ? [`no date stated for ${listing(a.undated)}: its day is a placeholder`]
        : []),
      ...a.excluded.map((e) => `${e.timeId} left out (${e.reason})`),
    ];
    const undatedEnd = a.span !== null && a.undated.length > 0;
    return {
      window: w.to === 30
        ? "days 0–30"
        : a.undated.length
        ? `day 0 to the last value (undated; placed at its nominal day ${num(w.to)})`
        : `days 0–${num(w.to)} (to the last value)`,
      integrated: a.span
        ? `days ${num(a.span.from)}–${num(a.span.to)}${undatedEnd ? " (nominal)" : ""}`
        : null,
      n: a.n,
      [`AUC (${unit}·days)`]: a.auc ? num(a.auc.nominal) : null,
      "AUC bounds": a.auc ? formatInterval(a.auc, 1) : null,
      [`time-weighted mean (${unit})`]: num(a.timeWeightedMean),
      note: [...(a.auc ? [] : a.reason ? [a.reason] : []), ...notes].join("; ") || null,
    };
  });
}

/** Rate of change per drug and dose period. */
export function rateRows(c: Case): Row[] {
  expectCase("rateRows", c);
  const { unit } = valueScale([c]);
  return periodRates(c).map((r) => {
    const lo = Math.min(...r.values);
    const hi = Math.max(...r.values);
    const net = r.values.length >= 3 && hi - lo > Math.abs(r.values.at(-1)! - r.values[0]);
    return {
      drug: r.drug,
      "mg/day": r.period ? doseCell(r.period) : "all doses",
      n: r.n,
      values: r.values.map((v) => fmt(v, 1)).join(" → ") || null,
      [`${unit}/week (first→last)`]: r.perWeek ? num(r.perWeek.nominal) : null,
      bounds: r.perWeek ? formatInterval(r.perWeek, 2) : null,
      [`${unit}/week (least squares)`]: num(r.leastSquaresPerWeek),
      note: net
        ? `first→last is a net change: the values in between range ${fmt(lo, 1)}–${fmt(hi, 1)}`
        : r.perWeek
        ? null
        : r.reason ?? null,
    };
  });
}

/** Exclusions in words, cases sharing a reason together: "cases 4 and 5: never takes …". */
function groupedExclusions(xs: readonly Exclusion[]): string {
  const byReason = new Map<string, string[]>();
  for (const e of xs) {
    const ids = byReason.get(e.reason) ?? [];
    if (!ids.includes(e.caseId)) ids.push(e.caseId);
    byReason.set(e.reason, ids);
  }
  return [...byReason].map(([reason, ids]) => `${casesListing(ids)}: ${reason}`).join("; ");
}

/** The ids of excluded cases for a table column, or `null` when there are none. */
const excludedIds = (xs: readonly Exclusion[]) =>
  [...new Set(xs.map((e) => e.caseId))].join(", ") || null;

/**
 * What a table of pooled rows says once, under it: the cases left out, grouped by reason. Rows
 * carry only the ids (column `excluded`).
 *
 * @param rows Rows of a pooled analysis, each with the cases it left out.
 * @returns One sentence for `showTable`'s `notes`, or none when no case is left out.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { exclusionNotes } from "#lib/mod.ts";
 * assert.deepEqual(
 *   exclusionNotes([{ excluded: [{ caseId: "4", reason: "no VAS value" }] }]),
 *   ["Left out: case 4: no VAS value."],
 * );
 * assert.deepEqual(exclusionNotes([{ excluded: [] }]), []);
 * ```
 */
export function exclusionNotes(rows: readonly { excluded: readonly Exclusion[] }[]): string[] {
  const all = rows.flatMap((r) => r.excluded);
  return all.length ? [`Left out: ${groupedExclusions(all)}.`] : [];
}

/** "no standard error for cases 2 and 3, so no interval". */
const noInterval = (ids: readonly string[]) =>
  `no standard error for ${casesListing(ids)}, so no interval`;

/** What the 'informative CI' column is, said once under an effect-size table. */
export const INFORMATIVE_CI_NOTE: string =
  "Informative CI: where the package's interval is degenerate at the bound of the measure, the " +
  "other root of the Newcombe interval.";

/** Row of one effect size. */
function esRow(r: EffectSizeResult): Row {
  return {
    measure: r.measure,
    estimate: num(r.estimate),
    SE: num(r.se),
    "CI lower": num(r.ciLower),
    "CI upper": num(r.ciUpper),
    "informative CI": r.informativeCi
      ? `[${fmt(r.informativeCi.lower, 4)}, ${fmt(r.informativeCi.upper, 4)}]`
      : null,
    nA: r.n.baseline,
    nB: r.n.treatment,
    note: [r.reason, r.note].filter(Boolean).join("; ") || null,
  };
}

/**
 * Every registered effect size (`EFFECT_SIZES`) of a case, A = before the drug of interest,
 * B = after. A case that never takes the drug gets every measure with that reason.
 *
 * @param c The case.
 * @param options Effect-size options (default: `painOptions` of the study).
 * @returns One row per measure.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { effectSizeRows, loadCaseSeries, MEASURES } from "#lib/mod.ts";
 * const rows = effectSizeRows((await loadCaseSeries()).cases[0]);
 * assert.deepEqual(rows.map((r) => r.measure), [...MEASURES]);
 * ```
 */
export function effectSizeRows(
  c: Case,
  options: EffectSizeOptions = painOptions(c.study),
): Row[] {
  expectCase("effectSizeRows", c);
  const p = phases(c);
  return MEASURES.map((m) => {
    const r = effectSize(m, p.baseline, p.treatment, options);
    return esRow(p.reason ? { ...r, reason: p.reason } : reportable(r, c.study.minPointsPerPhase));
  });
}

/**
 * One measure aggregated across cases under every weighting scheme, with what each scheme
 * favours, the cases used and those left out with the reason.
 *
 * @param s The case series.
 * @param measure The measure.
 * @param options Effect-size options (default: `painOptions` of the study).
 * @returns One row per weighting scheme.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { aggregateRows, loadCaseSeries, WEIGHTING_FAVOURS, WEIGHTINGS } from "#lib/mod.ts";
 * const rows = aggregateRows(await loadCaseSeries(), "NAP");
 * assert.deepEqual(rows.map((r) => r.weighting), [...WEIGHTINGS]);
 * assert.equal(rows[0].favours, WEIGHTING_FAVOURS[WEIGHTINGS[0]]);
 * ```
 */
export function aggregateRows(
  s: CaseSeries,
  measure: Measure,
  options: EffectSizeOptions = painOptions(s.study),
): Row[] {
  expectSeries("aggregateRows", s);
  const { perCase } = caseEffectSizes(s.cases, measure, options);
  return WEIGHTINGS.map((w) => {
    const a = aggregateEffectSizes(
      perCase.map((p) => p.result),
      perCase.map((p) => p.caseId),
      w,
      options.confidence,
    );
    return {
      measure,
      weighting: w,
      favours: WEIGHTING_FAVOURS[w],
      n: a.n,
      cases: a.weights.map((x) => `${x.caseId} (${fmt(100 * x.weight, 0)}%)`).join(", ") || null,
      estimate: num(a.estimate),
      SE: num(a.se),
      "CI lower": num(a.ciLower),
      "CI upper": num(a.ciUpper),
      excluded: excludedIds(a.excluded),
      note: [
        a.estimate !== null && a.se === null
          ? noInterval(
            perCase.filter((p) =>
              p.result.se === null && a.weights.some((x) => x.caseId === p.caseId)
            ).map((p) => p.caseId),
          )
          : a.reason,
        a.waldCi
          ? `Wald interval ${fmt(a.waldCi.lower, 4)}–${fmt(a.waldCi.upper, 4)} truncated to the ` +
            "measure's range"
          : null,
      ].filter(Boolean).join("; ") || null,
    };
  });
}

/**
 * What the aggregate table of a measure says once, under the table: the cases left out of every
 * weighting scheme, each with its reason.
 *
 * @param s The case series.
 * @param measure The effect size.
 * @param options Effect-size options (default: `painOptions` of the study).
 * @returns Sentences for `showTable`'s `notes` (none when no case is left out).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { aggregateNotes, caseEffectSizes, loadCaseSeries, painOptions } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * const notes = aggregateNotes(s, "NAP");
 * // No note unless some case is left out or lacks a standard error.
 * const { perCase, aggregate } = caseEffectSizes(s.cases, "NAP", painOptions(s.study));
 * if (aggregate.excluded.length === 0 && perCase.every((p) => Number.isFinite(p.result.se))) {
 *   assert.deepEqual(notes, []);
 * } else {
 *   assert.ok(notes.length > 0);
 * }
 * ```
 */
export function aggregateNotes(
  s: CaseSeries,
  measure: Measure,
  options: EffectSizeOptions = painOptions(s.study),
): string[] {
  expectSeries("aggregateNotes", s);
  const { perCase } = caseEffectSizes(s.cases, measure, options);
  const a = aggregateEffectSizes(
    perCase.map((p) => p.result),
    perCase.map((p) => p.caseId),
    "equal",
    options.confidence,
  );
  const everywhere = new Set(a.excluded.map((e) => e.caseId));
  const noSe = perCase.filter((p) =>
    !everywhere.has(p.caseId) && (p.result.se === null || !Number.isFinite(p.result.se))
  ).map((p) => p.caseId);
  return [
    ...(a.excluded.length
      ? [`Left out of every weighting: ${groupedExclusions(a.excluded)}.`]
      : []),
    ...(noSe.length
      ? [
        `Left out of 1/V only, for want of a finite standard error: ${casesListing(noSe)}.`,
      ]
      : []),
  ];
}

/**
 * Responder rows for display, with the cases left out and why.
 *
 * @param rows The computed responder rows (`responders`).
 * @returns One display row per timing and threshold.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, responderRows, responders } from "#lib/mod.ts";
 * const computed = responders((await loadCaseSeries()).cases);
 * const rows = responderRows(computed);
 * assert.deepEqual(rows.map((r) => r.responders), computed.map((r) => `${r.count}/${r.n}`));
 * // "excluded" is null exactly when no case is left out.
 * assert.deepEqual(rows.map((r) => r.excluded === null), computed.map((r) => !r.excluded.length));
 * ```
 */
export function responderRows(rows: readonly ResponderRow[]): Row[] {
  return rows.map((r) => ({
    timing: r.timing,
    threshold: thresholdLabel(r.threshold, r.unit),
    responders: `${r.count}/${r.n}`,
    cases: r.responders.join(", ") || "–",
    proportion: num(r.proportion),
    [`${fmt(100 * r.confidence, 0)}% CI (Clopper–Pearson)`]: r.ciLower === null
      ? null
      : `${num(r.ciLower)}–${num(r.ciUpper)}`,
    excluded: excludedIds(r.excluded),
  }));
}

/**
 * Cases by line of therapy of the drug of interest (computed from the data), one row per line,
 * then one row listing the cases left out.
 *
 * @param s The case series.
 * @returns Display rows.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { groupRows, lineOfTherapyGroups, loadCaseSeries } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * const { groups } = lineOfTherapyGroups(s.cases);
 * const rows = groupRows(s);
 * assert.deepEqual(rows.slice(0, groups.length).map((r) => r.group), groups.map((g) => g.group));
 * ```
 */
export function groupRows(s: CaseSeries): Row[] {
  expectSeries("groupRows", s);
  const { groups, excluded } = lineOfTherapyGroups(s.cases);
  const rows: Row[] = groups.map((g) => ({
    group: g.group,
    n: g.n,
    cases: g.caseIds.join(", "),
    [`given before ${s.study.drug} for ${s.study.indication}`]: g.priorDrugs
      .map((p) => `case ${p.caseId}: ${p.drugs.join(", ") || "none"}`).join("; "),
    "% reduction, first value": g.firstReductions.map((x) => `case ${x.caseId}: ${fmt(x.value, 1)}`)
      .join("; ") || null,
    "% reduction, last value": g.lastReductions.map((x) => `case ${x.caseId}: ${fmt(x.value, 1)}`)
      .join("; ") || null,
    excluded: g.excluded.length ? groupedExclusions(g.excluded) : null,
  }));
  if (excluded.length > 0) {
    rows.push({
      group: "not assessable",
      n: excluded.length,
      cases: excluded.map((e) => e.caseId).join(", "),
      [`given before ${s.study.drug} for ${s.study.indication}`]: null,
      "% reduction, first value": null,
      "% reduction, last value": null,
      excluded: groupedExclusions(excluded),
    });
  }
  return rows;
}

/**
 * Sign and permutation tests of pre vs post values at the first and the last post-drug value,
 * one row each, with the cases left out. For the values themselves use `pairedTests`.
 *
 * @param s The case series.
 * @returns Display rows.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, pairedTests, testRows } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * // Two rows (sign, permutation) per timing.
 * assert.equal(testRows(s).length, 2 * pairedTests(s.cases).length);
 * ```
 */
export function testRows(s: CaseSeries): Row[] {
  expectSeries("testRows", s);
  return pairedTests(s.cases).flatMap((p) =>
    [p.sign, p.permutation].map((t) => ({
      timing: `${p.timing} post-drug value`,
      test: t.test === "sign"
        ? "exact sign test"
        : `permutation (${t.exact ? "exact" : `seed ${t.seed}`}, ${t.draws} assignments)`,
      n: t.n,
      cases: p.pairs.map((x) => x.caseId).join(", ") || null,
      statistic: num(t.statistic),
      "p (two-sided)": num(t.pValue),
      note: t.reason ?? null,
      excluded: excludedIds(p.excluded),
    }))
  );
}

/**
 * The claims ledger as rows: each claim with where the article makes it, the cases it was judged
 * on (of its own article), the verdict, the computed evidence and the rule.
 *
 * @param s The case series.
 * @returns One row per claim.
 * @example
 * ```ts
 * import { loadCaseSeries, claimRows } from "#lib/mod.ts";
 * const rows = claimRows(await loadCaseSeries());
 * if (!rows.every((r) => r.verdict !== null && r.evidence !== null)) throw new Error();
 * ```
 */
export function claimRows(s: CaseSeries): Row[] {
  expectSeries("claimRows", s);
  const seen = new Map<string, number>();
  return claimsLedger(s).map((c) => {
    const k = seen.get(c.sourceId) ?? 0;
    seen.set(c.sourceId, k + 1);
    return {
      // The number the verdicts figure prints beside the claim.
      no: claimNumber(k),
      claim: c.quote,
      where: `${c.where} (${c.sourceId})`,
      cases: c.cases.join(", "),
      verdict: c.verdict,
      evidence: c.evidence,
      rule: c.rule,
    };
  });
}

/** The columns of {@link claimRows}, for the header of a ledger with no claims. */
export const CLAIM_COLUMNS: readonly string[] = [
  "no",
  "claim",
  "where",
  "cases",
  "verdict",
  "evidence",
  "rule",
];

/** The sensitivity table as rows. */
export function sensitivityRows(s: CaseSeries): Row[] {
  expectSeries("sensitivityRows", s);
  return sensitivityTable(s.cases).map((r) => ({
    case: r.caseId,
    quantity: r.quantity,
    baseline: r.baseline,
    bound: r.bound,
    rounding: r.rounding ?? "as stated",
    value: num(r.value),
    n: r.n,
  }));
}

/**
 * The range (min–max, formatted) of a sensitivity quantity for one case across every baseline
 * definition and bound, or "not defined" when no choice defines it.
 *
 * @param table The computed sensitivity table ({@link sensitivityTable}).
 * @param quantity The quantity, as named in the table.
 * @param caseId The case.
 * @returns For example "85.1–100", "87.5" when every choice gives the same value, or "not
 * defined".
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fmt, loadCaseSeries, sensitivityRange, sensitivityTable } from "#lib/mod.ts";
 * const table = sensitivityTable((await loadCaseSeries()).cases);
 * const row = table.find((r) => r.value !== null)!;
 * const values = table.filter((r) =>
 *   r.quantity === row.quantity && r.caseId === row.caseId && r.value !== null
 * ).map((r) => r.value as number);
 * const [lo, hi] = [fmt(Math.min(...values), 1), fmt(Math.max(...values), 1)];
 * const want = lo === hi ? lo : `${lo}–${hi}`;
 * assert.equal(sensitivityRange(table, row.quantity, row.caseId), want);
 * assert.equal(sensitivityRange(table, row.quantity, "no such case"), "not defined");
 * ```
 */
export function sensitivityRange(
  table: readonly SensitivityRow[],
  quantity: string,
  caseId: string,
): string {
  const v = table.filter((r) => r.quantity === quantity && r.caseId === caseId && r.value !== null)
    .map((r) => r.value as number);
  if (!v.length) return "not defined";
  const [lo, hi] = [fmt(Math.min(...v), 1), fmt(Math.max(...v), 1)];
  return lo === hi ? lo : `${lo}–${hi}`;
}

/**
 * Cases whose baseline VAS depends on the baseline definition, with the value under each and the
 * number of values before the drug it summarises (a definition matters only from two values on).
 *
 * @param s The case series.
 * @param drug The drug (default: the study's drug of interest).
 * @returns One entry per case whose baseline moves with the definition.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { baselineDependence, loadCaseSeries } from "#lib/mod.ts";
 * // A baseline moves with its definition only when it summarises two values or more.
 * for (const b of baselineDependence(await loadCaseSeries())) {
 *   assert.ok(b.n >= 2);
 *   assert.ok(new Set(b.values).size > 1);
 * }
 * ```
 */
export function baselineDependence(
  s: CaseSeries,
  drug: string = s.study.drug,
): { caseId: string; values: (number | null)[]; n: number }[] {
  expectSeries("baselineDependence", s);
  return s.cases.filter((c) => firstPeriod(c, drug) !== null).map((c) => ({
    caseId: c.id,
    values: BASELINE_DEFINITIONS.map((d) => baseline(c, drug, d).vas?.nominal ?? null),
    n: baseline(c, drug, c.study.baseline).n,
  })).filter((b) => new Set(b.values).size > 1);
}

/**
 * The alternative readings of the text (`data/readings.csv`), one row per replaced time point.
 *
 * @param readings The readings (`loadReadings`).
 * @returns Rows of reading, what it says, case, time point and its words.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadReadings, readingRows } from "#lib/mod.ts";
 * const readings = await loadReadings();
 * // One row per replaced time point of each reading.
 * assert.equal(readingRows(readings).length, readings.reduce((n, r) => n + r.rows.length, 0));
 * ```
 */
export function readingRows(readings: readonly Reading[]): Row[] {
  return readings.flatMap((r) =>
    r.rows.map((x) => ({
      reading: r.name,
      choice: r.choice,
      case: x.case_id,
      "time point": x.time_id,
      rule: x.anchor === null
        ? x.rule
        : x.amount === null
        ? `${x.rule} ${x.anchor}${x.bound ? ` (before ${x.bound})` : ""}`
        : `${x.rule} ${x.amount} ${x.unit} from ${x.anchor}`,
      words: x.words,
    }))
  );
}

/**
 * How each headline conclusion fares across the analysis variants, one row each.
 *
 * @param rows The robustness of each conclusion (`conclusionRobustness`).
 * @returns Rows of conclusion, value as extracted, variants where it holds, and the others.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { conclusionRobustness, loadCaseSeries, robustnessRows } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * // With one variant, every conclusion holds in it.
 * const rows = robustnessRows(conclusionRobustness([{ name: "as extracted", series: s }]));
 * assert.ok(rows.every((r) => r.holds === "1/1" && r["where it differs"] === null));
 * ```
 */
export function robustnessRows(rows: readonly Robustness[]): Row[] {
  return rows.map((r) => ({
    conclusion: r.label,
    "as extracted": r.value,
    holds: `${r.holds}/${r.of}`,
    "where it differs": r.differs.length
      ? [...new Set(r.differs.map((d) => d.value))].map((v) =>
        `${v} in ${r.differs.filter((d) => d.value === v).length}`
      ).join("; ")
      : null,
  }));
}

/**
 * The spans of the per-case quantities over every variant, baseline and bound, for tables.
 *
 * @param spans The spans (`sensitivitySpans`).
 * @returns Rows of case, quantity, value as extracted, least and greatest value, variants.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, sensitivitySpans, spanRows } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * const spans = sensitivitySpans([{ name: "as extracted", series: s }]);
 * assert.deepEqual(spanRows(spans).map((r) => r.case), spans.map((x) => x.caseId));
 * ```
 */
export function spanRows(spans: readonly SensitivitySpan[]): Row[] {
  return spans.map((r) => ({
    case: r.caseId,
    quantity: r.quantity,
    "as extracted": r.nominal === null
      ? "not defined"
      : r.nominalDated
      ? num(r.nominal)
      : `${num(r.nominal)} (nominal only: no date stated)`,
    least: num(r.lo),
    greatest: r.openEnded
      ? (r.hi === null ? "open (no later bound stated)" : `${num(r.hi)} or more (open: no later ` +
        "bound stated)")
      : num(r.hi),
    "defined in": `${r.defined}/${r.variants} variants`,
  }));
}

/**
 * Which responder conclusions move under rounding, one row per case, value and threshold.
 *
 * @param verdicts The verdicts (`roundingRobustness`).
 * @returns Rows of case, value, threshold, whether reached as stated (nominal), the reduction's
 * range as stated and with rounding, and the verdict (holds / moves under rounding / moves
 * within the extraction intervals).
 * @example
 * ```ts
 * import { loadCaseSeries } from "../load.ts";
 * import { roundingRows } from "./mod.ts";
 * import { roundingRobustness } from "../analysis/sensitivity.ts";
 * const rows = roundingRows(roundingRobustness((await loadCaseSeries()).cases));
 * if (!rows.every((r) => typeof r["under rounding"] === "string")) throw new Error("a verdict each");
 * ```
 */
export function roundingRows(verdicts: readonly RoundingVerdict[]): Row[] {
  const range = ([lo, hi]: [number, number]) =>
    fmt(lo, 1) === fmt(hi, 1) ? fmt(lo, 1) : `${fmt(lo, 1)}–${fmt(hi, 1)}`;
  return verdicts.map((v) => ({
    case: v.caseId,
    value: `${v.timing} after the drug`,
    conclusion: `responder (${v.threshold})`,
    "as stated": v.nominal ? "reached" : "not reached",
    "reduction as stated": range(v.asStated),
    "reduction with rounding": range(v.rounded),
    "under rounding": v.status,
  }));
}

/**
 * One checklist (e.g. JBI or CARE) of an article's appraisal as rows; none when the article has
 * no appraisal recorded.
 *
 * @param s The case series.
 * @param sourceId The article.
 * @param checklist Which checklist (`data/reference/checklists.csv`).
 * @returns One row per item: number, item, verdict, basis.
 * @example
 * ```ts
 * import { loadCaseSeries, checklistRows } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * const [id] = s.sources.keys();
 * const rows = checklistRows(s, id, s.articles?.checklists[0]?.id ?? "JBI");
 * if (rows.some((r) => r.verdict === null)) throw new Error("an item without a verdict");
 * ```
 */
export function checklistRows(s: CaseSeries, sourceId: string, checklist: string): Row[] {
  expectSeries("checklistRows", s);
  return appraisalRows(s, sourceId).filter((r) => r.checklist === checklist).map((r) => ({
    item: r.number,
    question: r.item,
    verdict: r.verdict,
    basis: r.basis,
  }));
}

/** The columns of {@link causalityTableRows}, for the header of a table with no rows. */
export const CAUSALITY_COLUMNS: readonly string[] = [
  "case",
  "drug",
  "temporal relation",
  "dechallenge",
  "rechallenge",
  "dose–response",
  "alternative causes",
  "co-medication",
  "assessment",
];

/**
 * The causality assessment of an article's cases as rows, one per case and drug given for the
 * indication (columns: {@link CAUSALITY_COLUMNS}).
 *
 * @param s The case series.
 * @param sourceId The article.
 * @param question The study's indication (which drugs are assessed).
 * @returns Rows with each criterion and the assessment.
 * @example
 * ```ts
 * import { loadCaseSeries, CAUSALITY_COLUMNS, causalityTableRows } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * const [id] = s.sources.keys();
 * const rows = causalityTableRows(s, id, { indication: "no such indication" });
 * if (rows.length !== 0 || CAUSALITY_COLUMNS.length !== 9) throw new Error();
 * ```
 */
export function causalityTableRows(
  s: CaseSeries,
  sourceId: string,
  question: Pick<StudyQuestion, "indication">,
): Row[] {
  expectSeries("causalityTableRows", s);
  return causalityRows(s, sourceId, question).map((r) => {
    const cells = [
      r.caseId,
      r.drug,
      r.temporal,
      r.dechallenge,
      r.rechallenge,
      r.doseResponse,
      r.alternatives,
      r.coMedication,
      r.assessment,
    ];
    return Object.fromEntries(CAUSALITY_COLUMNS.map((c, i) => [c, cells[i]]));
  });
}

/**
 * The opening of a case's notebook, in Markdown: who the patient is, the source, and how many
 * VAS values the text states before and after the drug of interest (or why there is no such
 * split).
 *
 * @param s The case series (for the source's citation).
 * @param c The case.
 * @returns A heading and a paragraph.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { caseIntro, loadCaseSeries, phases } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * const c = s.cases.find((x) => !phases(x).reason)!;
 * const text = caseIntro(s, c);
 * assert.ok(text.startsWith(`## Case ${c.id}: ${c.age}-year-old`));
 * assert.ok(text.includes(`${phases(c).baseline.length} before ${c.study.drug}`));
 * ```
 */
export function caseIntro(s: CaseSeries, c: Case): string {
  expectSeries("caseIntro", s);
  expectCase("caseIntro", c);
  const drug = c.study.drug;
  const name = scaleWords(c);
  const p = phases(c);
  const n = c.observations.length;
  const values = n === 0
    ? "The text states no pain value."
    : p.reason
    ? `The text states ${
      plural(n, `${name} value`)
    }; the case ${p.reason}, so no value is before ` +
      "or after it."
    : `The text states ${plural(n, `${name} value`)}: ${p.baseline.length} before ${drug} and ` +
      `${p.treatment.length} after` +
      (p.ambiguous ? `; ${p.ambiguous} may fall on either side of its start.` : ".");
  const source = s.sources.get(c.sourceId);
  // Text from the data is escaped: a citation or cause never becomes a link, image or markup.
  const t = (x: unknown) => markdownText(String(x));
  return `## Case ${t(c.id)}: ${c.age}-year-old ${t(c.sex)}, ${t(c.side)} ${t(c.limb)} limb ` +
    `(${t(c.level)})\n\n` +
    `Cause: ${t(c.cause)}. Zung SDS: ${c.sds ?? "not reported"}. Day 0: ${t(c.day0)}. ` +
    `Source: ${t(source ? source.citation.replace(/\.?$/, ".") : c.sourceId)} ${values}`;
}

/** The name of a case's values for prose: the scale with its instrument ("VAS", "NRS"), or "pain". */
function scaleWords(c: Case): string {
  return valueScale([c]).name;
}

/**
 * Drugs other than `drug` (every drug when `null`) given, certainly or possibly, at some time
 * points of a case.
 *
 * @returns For example "paroxetine (possibly)", or "none stated".
 */
function otherDrugsAt(c: Case, timeIds: readonly string[], drug: string | null): string {
  const how = drugsGivenAt(c, timeIds, drug);
  return listing([...how].map(([d, h]) => `${d} (${h})`), "none stated");
}

/**
 * The caveats of a case's re-analysis, as a Markdown list: what comparison the values allow, the
 * missing control and what the literature says of the natural course, the other drugs given at
 * the values compared, and the extraction from words.
 *
 * @param c The case.
 * @returns Markdown bullet lines.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { caseCaveats, loadCaseSeries } from "#lib/mod.ts";
 * const c = (await loadCaseSeries()).cases[0];
 * const lines = caseCaveats(c).split("\n");
 * assert.ok(lines.every((l) => l.startsWith("- ")));
 * assert.ok(lines.some((l) => l.startsWith("- There is no control.")));
 * ```
 */
export function caseCaveats(c: Case): string {
  expectCase("caseCaveats", c);
  const drug = c.study.drug;
  const p = phases(c);
  const aligned = p.reason ? [] : alignOnDrug(c, drug);
  const ids = (phase: string) => aligned.filter((o) => o.phase === phase).map((o) => o.day.timeId);
  const compared = !p.reason && p.baseline.length > 0 && p.treatment.length > 0;
  const course = c.observations.length ? " Its values describe its course only." : "";
  const design = p.reason
    ? `- The case ${p.reason}: there is no before–after comparison.${course}`
    : !compared
    ? `- No before–after comparison: no ${scaleWords(c)} value ${
      p.baseline.length === 0 && p.treatment.length === 0
        ? "before or after"
        : p.baseline.length === 0
        ? "before"
        : "after"
    } ${drug}.${course}`
    : `- An AB comparison of ${plural(p.baseline.length, "value")} before and ` +
      `${plural(p.treatment.length, "value")} after ${drug} in one patient: the change of drug ` +
      "was a clinical decision, not randomised, so these numbers describe; they do not test a " +
      "drug effect.";
  const drugs = compared
    ? [
      `- Other drugs given at the values compared: before ${drug}, ${
        otherDrugsAt(c, ids("before"), drug)
      }; after it, ${otherDrugsAt(c, ids("after"), drug)}.`,
    ]
    : c.observations.length
    ? [
      `- Drugs given at its values: ${
        otherDrugsAt(c, c.observations.map((o) => o.day.timeId), null)
      }.`,
    ]
    : [];
  return [
    design,
    `- There is no control. What is known of the natural course: ${naturalCourseText()}.`,
    ...drugs,
    "- Values and times come from words; every quantity is also reported at the bounds of its " +
    "interval (sensitivity notebook).",
  ].join("\n");
}
