/**
 * A case notebook's tables and prose: opening and caveats, treatments active at each value,
 * change, time to relief (its area under the curve and rates per dose period: `course.ts`; its
 * effect sizes: `effect_sizes.ts`).
 *
 * @module
 */
import { noEndStated, scaleWords } from "./cells.ts";
import { reliefRoundingCell, roundedPoints, roundingCell } from "./rounding_cells.ts";
import { markdownText } from "../markdown.ts";
import { expectCase, expectSeries } from "../args.ts";
import type { Row } from "../display.ts";
import { drugAtOneOf, drugWithDose } from "../dose.ts";
import { formatInterval, formatNumber } from "../intervals.ts";
import { described, describedInterval, painNumbersIn } from "../scales.ts";
import type { Case, CaseSeries, Observation, Treatment } from "../model.ts";
import { caseChange, NO_PERCENT, timeToRelief } from "../analysis/change.ts";
import { phases } from "../analysis/aggregation.ts";
import { alignOnDrug, BASELINE_DEFINITIONS, BASELINE_LABELS } from "../timeline.ts";
import { activeTreatments, drugsGivenAt, surelyGiven } from "../given.ts";
import { percentThresholds, pointsThreshold } from "../study.ts";
import { casePainText, valueScale } from "../cases.ts";
import { listing, plural } from "../prose.ts";
import { naturalCourseCaveat } from "../appraisal/natural_history.ts";
import { periodWords } from "../period_value.ts";

/**
 * The column of the study's threshold in points of the common metric, `{}` when the study sets
 * none; headed in the case's described numbers (2 points are 20 mm of a 100 mm VAS).
 */
const pointsCell = (c: Case, value: () => string | null): Row => {
  const t = pointsThreshold(c.study);
  const s = valueScale([c]);
  return t === null ? {} : { [`≥${formatNumber(described(s, t))} ${s.unit}`]: value() };
};

/**
 * Which treatments are active at each pain value of a case (certainly, possibly), each with its
 * dose and unit as the text states it (`formatDose`): "sertraline 50 mg/day", "amitriptyline
 * 10–25 mg/day", a dose in another unit in the text's words, "tramadol (dose not stated)"; a
 * certain one whose end the text does not state adds "(no end stated)": such a period is certain
 * only up to the last time point the text ties to it, possible after (`tiedTimepoints`).
 *
 * Each row says when in the text's words for its time point (`time words`, the `words` of
 * `timepoints.csv`, as the observations table gives them: the value column already names the
 * value, which is how `timeName` would name its time) beside the time id (`time`, the key of
 * `observations.csv` and `timepoints.csv` that a CSV consumer joins on).
 *
 * @param c The case.
 * @returns One row per pain value: the value, its time in words and its time id, the drugs
 * certainly and possibly given.
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
  const s = valueScale([c]);
  const { name } = s;
  // "sertraline 50 mg/day", or "duloxetine (dose not stated)".
  const label = (t: Treatment) => drugWithDose(t);
  const words = new Map(c.timepoints.map((t) => [t.id, t.words]));
  return c.observations.map((o) => {
    const a = activeTreatments(c, o.day.timeId);
    // A drug surely given though none of its periods surely is (a dose change whose day is
    // open): certain, at one of the doses its possible periods have.
    const surely = [...new Set(a.possible.map((t) => t.drug))].filter((d) =>
      !a.certain.some((t) => t.drug === d) && surelyGiven(c, o.day.timeId, d)
    );
    const certain = [
      ...a.certain.map((t) => t.end === null ? noEndStated(label(t)) : label(t)),
      ...surely.map((d) => drugAtOneOf(a.possible.filter((t) => t.drug === d))),
    ];
    const possible = a.possible.filter((t) => !surely.includes(t.drug)).map(label);
    return {
      [name]: painNumbersIn(s, o),
      "time words": words.get(o.day.timeId) ?? null,
      time: o.day.timeId,
      certain: certain.join(", ") || "–",
      possible: possible.join(", ") || "–",
    };
  });
}

/**
 * Per-case change after the drug of interest under every baseline definition: one row per value
 * after the drug, or one row with the reason when no change can be computed (no value before,
 * none after, or the drug never taken). Column `under rounding`: where the value's rounding
 * interval crosses a responder threshold of the study, that interval (`roundingCell`).
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
  const s = valueScale([c]);
  const { name } = s;
  const at = (v: Parameters<typeof formatInterval>[0]) => formatInterval(describedInterval(s, v));
  return BASELINE_DEFINITIONS.flatMap((def): Row[] => {
    const ch = caseChange(c, { baseline: def });
    const rounded = roundedPoints(c, def);
    if (ch.baseline.common === null || ch.points.length === 0) {
      return [{
        baseline: ch.baseline.common === null
          ? BASELINE_LABELS[def]
          : `${BASELINE_LABELS[def]} (n=${ch.baseline.n})`,
        [`baseline ${name}`]: ch.baseline.common === null ? null : at(ch.baseline.common),
        day: null,
        [name]: null,
        change: null,
        "% reduction": null,
        IMMPACT: null,
        ...pointsCell(c, () => null),
        "under rounding": null,
        note: ch.reason ?? ch.baseline.reason ?? null,
      }];
    }
    return ch.points.map((p) => ({
      baseline: `${BASELINE_LABELS[def]} (n=${ch.baseline.n})`,
      [`baseline ${name}`]: at(ch.baseline.common!),
      day: p.dated ? formatInterval(p.day) : `${formatInterval(p.day)} (no date stated)`,
      [name]: at(p.common),
      // A change between values stated as ranges is a range: its sign may even be unknown. Each
      // value column is text throughout ("-2", "[-4, -3]"), as the value and % columns are.
      change: at(p.change),
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
      // A result on a threshold's edge: its rounding interval crosses it.
      "under rounding": roundingCell(rounded.get(p.timeId)),
      note: p.percentReduction === null ? NO_PERCENT : null,
    }));
  });
}

/**
 * Time from the start of the drug of interest to the first value reaching each percent threshold
 * of the study, under every baseline definition; column `under rounding`: the values up to it
 * whose rounding interval crosses the threshold (`reliefRoundingCell`), so rounding alone moves
 * the result.
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
  return BASELINE_DEFINITIONS.flatMap((def) => {
    const points = caseChange(c, { baseline: def }).points;
    const rounded = roundedPoints(c, def);
    return percentThresholds(c.study).map((pct) => {
      const t = timeToRelief(c, pct, { baseline: def });
      return {
        baseline: BASELINE_LABELS[def],
        threshold: `≥${pct}%`,
        result: t.summary,
        n: t.n,
        // Which value first reaches it moves with rounding alone: said beside the result.
        "under rounding": reliefRoundingCell(points, rounded, pct, t.reached ? t.timeId : null),
      };
    });
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
 * @returns For example "sertraline (possibly)", or "none stated".
 */
function otherDrugsAt(c: Case, timeIds: readonly string[], drug: string | null): string {
  const how = drugsGivenAt(c, timeIds, drug);
  return listing([...how].map(([d, h]) => `${d} (${h})`), "none stated");
}

/**
 * A value stated over a period, for a caveat: its scale's words and its note after a dash, not in
 * brackets (a note may hold brackets of its own, and brackets do not nest); the note escaped as
 * Markdown text, as every text from the data.
 */
const spanned = (c: Case, o: Observation): string =>
  `${casePainText(c, o)}${o.note ? ` — ${markdownText(o.note)}` : ""}`;

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
    : `- An AB comparison (A: the values before the drug, B: those after its start; one change ` +
      `of phase) of ${plural(p.baseline.length, "value")} before and ` +
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
  // A value before the drug stated over a period (an average): every baseline takes it as a point.
  const periods = aligned.filter((o) => o.phase === "before" && periodWords(o) !== null).map((
    o,
  ) => spanned(c, o));
  const many = periods.length > 1;
  const period = compared && periods.length
    ? [
      `- ${many ? "Values" : "A value"} before ${drug} ${
        many ? "describe periods" : "describes a period"
      }, not one rating: ${periods.join("; ")}. The baselines ` +
      `(${BASELINE_DEFINITIONS.map((d) => BASELINE_LABELS[d]).join(", ")}) take ${
        many ? "them as single points" : "it as a single point"
      }; a peak or a last rating within the period is not known.`,
    ]
    : [];
  // So may a value after it: every analysis after the drug takes it as one value too.
  const later = aligned.filter((o) => o.phase === "after" && periodWords(o) !== null).map((o) =>
    spanned(c, o)
  );
  const periodAfter = compared && later.length
    ? [
      `- ${later.length > 1 ? "Values" : "A value"} after the start of ${drug} ${
        later.length > 1 ? "describe periods" : "describes a period"
      }, not one rating: ${later.join("; ")}. Every analysis after ${drug} (the change, rates, ` +
      `effect sizes, causality and claims) takes ${
        later.length > 1 ? "each" : "it"
      } as one value, at its nominal; what the text says of the period is in its words.`,
    ]
    : [];
  return [
    design,
    ...period,
    ...periodAfter,
    // The figures' studies, measures and citations are text from the data (reference/).
    `- There is no control: ${
      markdownText(naturalCourseCaveat(s.articles?.naturalHistory ?? []))
    }.`,
    ...drugs,
    "- Values and times come from words; every quantity is also reported at the bounds of its " +
    "interval (sensitivity notebook).",
  ].join("\n");
}
