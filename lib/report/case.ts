/**
 * A case notebook's tables and prose: opening and caveats, treatments active at each value,
 * change, time to relief, area under the curve, rates per dose period (its effect sizes:
 * `effect_sizes.ts`).
 *
 * @module
 */
import { noEndStated, num, scaleWords } from "./cells.ts";
import { shownPoint, withheldNotes } from "./point_value.ts";
import { markdownText } from "../markdown.ts";
import { expectCase, expectSeries } from "../args.ts";
import type { Row } from "../display.ts";
import { drugWithDose, formatDose } from "../dose.ts";
import { doseCells, doseShape } from "./dose_cells.ts";
import { fmt, formatInterval } from "../intervals.ts";
import type { Case, CaseSeries, Treatment } from "../model.ts";
import { caseChange, NO_PERCENT, timeToRelief } from "../analysis/change.ts";
import { areaUnderCurve, periodRates } from "../analysis/course.ts";
import { phases } from "../analysis/aggregation.ts";
import { alignOnDrug, BASELINE_DEFINITIONS, BASELINE_LABELS } from "../timeline.ts";
import { activeTreatments, drugsGivenAt, surelyGiven } from "../given.ts";
import { percentThresholds, pointsThreshold } from "../study.ts";
import { valueScale } from "../cases.ts";
import { listing, plural } from "../prose.ts";
import { naturalCourseCaveat } from "../appraisal/natural_history.ts";

/** The column of the study's threshold in scale points, `{}` when the study sets none. */
const pointsCell = (c: Case, value: () => string | null): Row => {
  const t = pointsThreshold(c.study);
  return t === null ? {} : { [`≥${t} ${valueScale([c]).unit}`]: value() };
};

/**
 * Which treatments are active at each pain value of a case (certainly, possibly), each with its
 * dose and unit as the text states it (`formatDose`): "paroxetine 20 mg/day", "amitriptyline
 * 10–25 mg/day", a dose in another unit in the text's words, "tramadol (dose not stated)"; a
 * certain one whose end the text does not state (it is taken to run on) adds "(no end stated)".
 *
 * @param c The case.
 * @returns One row per pain value: the value, its time id, the drugs certainly and possibly given.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { activeRows, loadCaseSeries } from "#lib/mod.ts";
 * const c = (await loadCaseSeries()).cases.find((x) => x.treatments.some((t) => t.dose))!;
 * const drugs = activeRows(c).flatMap((r) => [r.certain, r.possible].map(String))
 *   .flatMap((cell) => cell.split(", ")).filter((d) => d !== "–");
 * // Every dose carries its unit (mg/day, or the text's words for another) or is "not stated".
 * const words = c.treatments.flatMap((t) => t.doseWords ?? []);
 * const unit = (d: string) => /mg\/day|dose not stated/.test(d) || words.some((w) => d.includes(w));
 * assert.ok(drugs.every(unit), drugs.join("; "));
 * ```
 */
export function activeRows(c: Case): Row[] {
  expectCase("activeRows", c);
  const { name } = valueScale([c]);
  // "paroxetine 20 mg/day", or "duloxetine (dose not stated)".
  const label = (t: Treatment) => drugWithDose(t);
  return c.observations.map((o) => {
    const a = activeTreatments(c, o.day.timeId);
    // A drug surely given though none of its periods surely is (a dose change whose day is
    // open): certain, at one of the doses its possible periods have.
    const surely = [...new Set(a.possible.map((t) => t.drug))].filter((d) =>
      !a.certain.some((t) => t.drug === d) && surelyGiven(c, o.day.timeId, d)
    );
    const certain = [
      ...a.certain.map((t) => t.end === null ? noEndStated(label(t)) : label(t)),
      ...surely.map((d) =>
        `${d} (${
          [...new Set(a.possible.filter((t) => t.drug === d).map((t) => formatDose(t)))].join(
            " or ",
          )
        })`
      ),
    ];
    const possible = a.possible.filter((t) => !surely.includes(t.drug)).map(label);
    return {
      [name]: formatInterval(o.common),
      time: o.day.timeId,
      certain: certain.join(", ") || "–",
      possible: possible.join(", ") || "–",
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
    if (ch.baseline.common === null || ch.points.length === 0) {
      return [{
        baseline: ch.baseline.common === null
          ? BASELINE_LABELS[def]
          : `${BASELINE_LABELS[def]} (n=${ch.baseline.n})`,
        [`baseline ${name}`]: ch.baseline.common === null
          ? null
          : formatInterval(ch.baseline.common),
        day: null,
        [name]: null,
        change: null,
        "% reduction": null,
        IMMPACT: null,
        ...pointsCell(c, () => null),
        note: ch.reason ?? ch.baseline.reason ?? null,
      }];
    }
    return ch.points.map((p) => ({
      baseline: `${BASELINE_LABELS[def]} (n=${ch.baseline.n})`,
      [`baseline ${name}`]: formatInterval(ch.baseline.common!),
      day: p.dated ? formatInterval(p.day) : `${formatInterval(p.day)} (no date stated)`,
      [name]: formatInterval(p.common),
      // A change between values stated as ranges is a range: its sign may even be unknown. Each
      // value column is text throughout ("-2", "[-4, -3]"), as the value and % columns are.
      change: formatInterval(p.change),
      "% reduction": p.percentReduction ? formatInterval(p.percentReduction, 1) : null,
      IMMPACT: p.immpact
        ? (p.immpact.worst === p.immpact.best
          ? p.immpact.nominal
          : `${p.immpact.nominal} (${p.immpact.worst}–${p.immpact.best})`)
        : null,
      ...pointsCell(
        c,
        () =>
          p.pointsReduction === null
            ? null
            : p.pointsReduction.surely === p.pointsReduction.possibly
            ? (p.pointsReduction.nominal ? "yes" : "no")
            : `${p.pointsReduction.nominal ? "yes" : "no"} (${
              p.pointsReduction.possibly ? "possibly" : "not"
            } at the bounds)`,
      ),
      note: p.percentReduction === null ? NO_PERCENT : null,
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
 * AUC over the study's early window after the drug start (`auc_window_days` of study.json, when
 * it sets one) and over the whole follow-up after it, each
 * labelled with the span actually integrated (an area covers only the time between reported
 * values) and the values it leaves out. The area and the time-weighted mean are shown as numbers
 * only where `shownPoint` allows (from at least the study's `min_points_per_phase` values, bounds
 * not open); otherwise only the bounds, and the note says why.
 *
 * @param c The case.
 * @returns One row per window.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { areaUnderCurve, aucRows, loadCaseSeries } from "#lib/mod.ts";
 * const c = (await loadCaseSeries()).cases[0];
 * const days = c.study.aucWindowDays;
 * if (days !== null) {
 *   const first = aucRows(c)[0];
 *   assert.equal(first.window, `days 0–${days}`);
 *   assert.equal(first.n, areaUnderCurve(c, { from: 0, to: days }).n);
 * }
 * ```
 */
export function aucRows(c: Case): Row[] {
  expectCase("aucRows", c);
  const { unit } = valueScale([c]);
  const after = caseChange(c).points.map((p) => p.day.nominal);
  const early = c.study.aucWindowDays;
  const windows = [
    ...(early !== null ? [{ from: 0, to: early, early: true }] : []),
    ...(after.length ? [{ from: 0, to: Math.max(...after), early: false }] : []),
  ];
  return windows.map((w) => {
    // The whole follow-up ends at the last value, wherever its time falls: its window is open,
    // so that a time the words leave open past its nominal day moves the end, not the values in.
    const a = areaUnderCurve(c, { from: w.from, to: w.early ? w.to : Infinity });
    if (!w.early && a.undated.length > 0 && a.span !== null) {
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
    const minPoints = c.study.minPointsPerPhase;
    // A point value from too few values, or whose bounds are open, is withheld (`shownPoint`).
    const area = shownPoint(a.auc ?? { nominal: null, lo: null, hi: null }, { n: a.n, minPoints });
    const mean = shownPoint({
      nominal: a.timeWeightedMean,
      lo: a.timeWeightedMeanBounds?.lo ?? null,
      hi: a.timeWeightedMeanBounds?.hi ?? null,
    }, { n: a.n, minPoints });
    const notes = [
      ...(a.undated.length
        ? [`no date stated for ${listing(a.undated)}: its day is a placeholder`]
        : []),
      ...a.excluded.map((e) => `${e.timeId} left out (${e.reason})`),
      // An area some admissible times do not define has no bounds: say why, and its span where
      // it is defined.
      ...(a.boundsReason && a.partialBounds
        ? [
          `no AUC bounds: ${a.boundsReason}; over the times that give an area: ${
            formatInterval(a.partialBounds, 1)
          }`,
        ]
        : []),
      ...withheldNotes([["AUC", area], ["time-weighted mean", mean]]),
    ];
    const undatedEnd = a.span !== null && a.undated.length > 0;
    return {
      window: w.early
        ? `days 0–${w.to}`
        : a.undated.length
        ? `day 0 to the last value (undated; placed at its nominal day ${num(w.to)})`
        : `days 0–${num(w.to)} (to the last value)`,
      integrated: a.span
        ? `days ${num(a.span.from)}–${num(a.span.to)}${undatedEnd ? " (nominal)" : ""}`
        : null,
      n: a.n,
      [`AUC (${unit}·days)`]: num(area.value),
      "AUC bounds": a.auc && a.auc.lo !== null && a.auc.hi !== null
        ? formatInterval({ lo: a.auc.lo, hi: a.auc.hi }, 1)
        : null,
      // A value stated as a range makes the mean a range (at the nominal days).
      [`time-weighted mean (${unit})`]: a.timeWeightedMeanBounds &&
          a.timeWeightedMeanBounds.lo !== a.timeWeightedMeanBounds.hi
        ? formatInterval(a.timeWeightedMeanBounds, 2)
        : num(mean.value),
      note: [...(a.auc ? [] : a.reason ? [a.reason] : []), ...notes].join("; ") || null,
    };
  });
}

/**
 * Rate of change per drug and dose period. The rates are shown as numbers only where `shownPoint`
 * allows (from at least the study's `min_points_per_phase` values, bounds neither open nor holding
 * 0); otherwise only the bounds, and the note says why. The dose columns are those of the dose periods table
 * (`dose_cells.ts`): `mg/day` numbers, `null` for a row over all doses of a drug or a dose not
 * stated in mg/day, with why in `dose note`.
 *
 * @param c The case.
 * @returns One row per dose period, then one per drug over all its doses.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, rateRows } from "#lib/mod.ts";
 * const c = (await loadCaseSeries()).cases.find((x) => x.treatments.length > 0)!;
 * const rows = rateRows(c);
 * assert.ok(rows.every((r) => typeof r["mg/day"] === "number" || r["mg/day"] === null));
 * assert.ok(rows.some((r) => r["dose note"] === "all doses"));
 * ```
 */
export function rateRows(c: Case): Row[] {
  expectCase("rateRows", c);
  const { unit } = valueScale([c]);
  const rates = periodRates(c);
  const entry = (r: (typeof rates)[number]) => r.period ?? { note: "all doses" };
  const shape = doseShape(rates.map(entry));
  return rates.map((r) => {
    // Net: a nominal value in between lies past the first and last (not a range's bounds alone).
    const net = r.values.length >= 3 && Math.max(...r.values) - Math.min(...r.values) >
        Math.abs(r.values.at(-1)! - r.values[0]);
    const lo = Math.min(...r.intervals.map((v) => v.lo));
    const hi = Math.max(...r.intervals.map((v) => v.hi));
    // A rate from too few values, or whose bounds are open or hold 0, is withheld (`shownPoint`).
    const rules = { n: r.n, minPoints: c.study.minPointsPerPhase, signed: true };
    const rate = shownPoint(r.perWeek ?? { nominal: null, lo: null, hi: null }, rules);
    const slope = shownPoint({
      nominal: r.leastSquaresPerWeek,
      lo: r.leastSquaresBounds?.lo ?? null,
      hi: r.leastSquaresBounds?.hi ?? null,
    }, rules);
    const notes = [
      net
        ? `first→last is a net change: the values in between range ${fmt(lo, 1)}–${fmt(hi, 1)}`
        : null,
      r.perWeek ? r.nominalReason ?? null : r.reason ?? null,
      ...withheldNotes([["first→last rate", rate], ["least-squares slope", slope]]),
      r.leastSquaresBoundsReason ? `no least-squares bounds: ${r.leastSquaresBoundsReason}` : null,
    ].filter((x) => x !== null);
    return {
      drug: r.drug,
      ...doseCells(entry(r), shape),
      n: r.n,
      // A value stated as a range shows as its range, not as its midpoint.
      values: r.intervals.map((v) => formatInterval(v, 1)).join(" → ") || null,
      [`${unit}/week (first→last)`]: num(rate.value),
      bounds: r.perWeek ? formatInterval(r.perWeek, 2) : null,
      [`${unit}/week (least squares)`]: num(slope.value),
      // Over every admissible time and value: the nominal slope is one placement of many.
      "least-squares bounds": r.leastSquaresBounds ? formatInterval(r.leastSquaresBounds, 3) : null,
      note: notes.join("; ") || null,
    };
  });
}

/**
 * The opening of a case's notebook, in Markdown: who the patient is, the source, and how many
 * VAS values the text states before and after the drug of interest (or why there is no such
 * split). A Zung SDS score the case lacks is "not reported" where its article reports the scale
 * for other cases, and "none reported for any case of the article" where it reports it for none
 * (a fact of the article, not a gap of this case: `unknownRows`).
 *
 * @param s The case series (for the source's citation and its other cases' SDS).
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
      `or after it (the drug of interest is set in data/study.json: \`drug_of_interest\`).`
    : `The text states ${plural(n, `${name} value`)}: ${p.baseline.length} before ${drug} and ` +
      `${p.treatment.length} after` +
      (p.ambiguous ? `; ${p.ambiguous} may fall on either side of its start.` : ".");
  const source = s.sources.get(c.sourceId);
  // An article that reports no SDS for any case: said as such, not as this case's gap.
  const sds = c.sds ??
    (s.cases.some((x) => x.sourceId === c.sourceId && x.sds !== null)
      ? "not reported"
      : "none reported for any case of the article");
  // Text from the data is escaped: a citation or cause never becomes a link, image or markup.
  const t = (x: unknown) => markdownText(String(x));
  return `## Case ${t(c.id)}: ${c.age}-year-old ${t(c.sex)}, ${t(c.side)} ${t(c.limb)} limb ` +
    `(${t(c.level)})\n\n` +
    `Cause: ${t(c.cause)}. Zung SDS: ${sds}. Day 0: ${t(c.day0)}. ` +
    `Source: ${t(source ? source.citation.replace(/\.?$/, ".") : c.sourceId)} ${values}`;
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
 * missing control and what the literature recorded in the series' `reference/natural-history.csv`
 * says of the natural course (its figures, none typed here), the other drugs given at the values
 * compared, and the extraction from words.
 *
 * @param s The case series (for the figures on the natural course).
 * @param c The case.
 * @returns Markdown bullet lines.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { caseCaveats, loadCaseSeries, markdownText, naturalCourseCaveat } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * const lines = caseCaveats(s, s.cases[0]).split("\n");
 * assert.ok(lines.every((l) => l.startsWith("- ")));
 * const control = lines.find((l) => l.startsWith("- There is no control"))!;
 * assert.ok(control.includes(markdownText(naturalCourseCaveat(s.articles?.naturalHistory ?? []))));
 * ```
 */
export function caseCaveats(s: CaseSeries, c: Case): string {
  expectSeries("caseCaveats", s);
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
    // The figures' studies, measures and citations are text from the data (reference/).
    `- There is no control: ${
      markdownText(naturalCourseCaveat(s.articles?.naturalHistory ?? []))
    }.`,
    ...drugs,
    "- Values and times come from words; every quantity is also reported at the bounds of its " +
    "interval (sensitivity notebook).",
  ].join("\n");
}
