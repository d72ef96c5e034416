/**
 * The article appraised as evidence: the checklists of `data/reference/` (the JBI checklist for
 * case series, the CARE reporting checklist), each item judged in the article's
 * `data/articles/<source_id>/appraisal.csv` with the quote or the absence behind it, or computed
 * from the dataset; a structured causality assessment for each drug given for the indication,
 * scored with the Naranjo scale adapted for benefit (`appraisal/naranjo.ts`);
 * and the limits the design leaves, each with its computed or quoted evidence. The study's drug
 * and indication are parameters: nothing here reads them from elsewhere.
 *
 * @module
 */
import { casePainText } from "../cases.ts";
import {
  compareDoses,
  DOSE_NOT_STATED,
  doseKind,
  formatDose,
  formatDoseValue,
  statesAmount,
} from "../dose.ts";
import { formatInterval, formatIntervalInWords } from "../intervals.ts";
import type { Case, CaseSeries, Observation, Treatment } from "../model.ts";
import { counted, listing, plural } from "../prose.ts";
import { alignOnDrug, daysFromAmputation, relativeDay } from "../timeline.ts";
import {
  activeTreatments,
  drugsGivenAt,
  mayBeGiven,
  surelyAfter,
  surelyLaterDay,
} from "../given.ts";
import { temporalText } from "./temporal.ts";
import { mayBeAfter, noValueSurely, valueName } from "../time_words.ts";
import type { Appraisal, ItemVerdict } from "../articles.ts";
import { mentionOf } from "../design_words.ts";
import { computeItem } from "./computed.ts";
import { type NaranjoOptions, naranjoPair } from "./naranjo.ts";
import type { NaranjoRow } from "./naranjo_scale.ts";
import { naturalCourseText } from "./natural_history.ts";
import { regressionEvidence } from "./regression.ts";
import { timingEvidence } from "./timing.ts";
import { startAfterValue, startWords } from "../analysis/peak_start.ts";
import type { NaturalHistoryFigure } from "../reference.ts";

export type { ComputedBasis, ItemJudgement, ItemVerdict } from "../articles.ts";

/** The study question the causality and the design's limits are about. */
export interface StudyQuestion {
  /** The drug of interest (generic name, as in `treatments.csv`). */
  drug: string;
  /** The `purpose` of treatments given for the condition studied. */
  indication: string;
}

/**
 * The appraisal recorded for an article (`appraisal.csv`), or `null` when it has none.
 *
 * @param series The case series.
 * @param sourceId The article.
 * @returns Its appraisal, or `null`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { appraisalOf, loadCaseSeries } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * assert.equal(appraisalOf(s, "no-such-article"), null);
 * ```
 */
export function appraisalOf(series: CaseSeries, sourceId: string): Appraisal | null {
  return series.articles?.records.get(sourceId)?.appraisal ?? null;
}

/** One appraised item, for display. */
export interface AppraisalRow {
  /** Which checklist. */
  checklist: string;
  /** Item number. */
  number: number;
  /** The item. */
  item: string;
  /** The verdict. */
  verdict: ItemVerdict;
  /** What it rests on: the note, quotes, absences and computed facts. */
  basis: string;
}

/**
 * The checklists of one article (those of `data/reference/`, in order): each item with its
 * verdict and what it rests on (the article's quotes, the terms absent from its text, and facts
 * computed from its cases). An article with no appraisal has no rows (say "not appraised": see
 * {@link appraisalOf}); an item its appraisal does not judge is "unclear", with that reason.
 *
 * @param series The case series.
 * @param sourceId The article.
 * @returns One row per item of every checklist, or none when the article is not appraised.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { appraisalOf, appraisalRows, loadCaseSeries } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * for (const id of s.sources.keys()) {
 *   const rows = appraisalRows(s, id);
 *   assert.equal(rows.length > 0, appraisalOf(s, id) !== null, id);
 * }
 * ```
 */
export function appraisalRows(series: CaseSeries, sourceId: string): AppraisalRow[] {
  if (!series.sources.has(sourceId)) {
    throw new RangeError(
      `appraisalRows: expected a source id of the dataset (${
        listing([...series.sources.keys()])
      }), got '${sourceId}'`,
    );
  }
  const appraisal = appraisalOf(series, sourceId);
  if (!appraisal) return [];
  const cases = series.cases.filter((c) => c.sourceId === sourceId);
  const rows: AppraisalRow[] = [];
  for (const { id: checklist, items } of (series.articles?.checklists ?? [])) {
    items.forEach((item, i) => {
      const j = appraisal.items.find((x) => x.checklist === checklist && x.number === i + 1);
      if (!j) {
        rows.push({
          checklist,
          number: i + 1,
          item,
          verdict: "unclear",
          basis: "not judged in this article's appraisal (appraisal.csv)",
        });
        return;
      }
      const computed = j.computed ? computeItem(j.computed, cases) : null;
      const basis = [
        j.note,
        ...(computed ? [`Computed: ${computed.facts}.`] : []),
        ...j.quotes.map((q) => `"${q}"`),
        ...(j.absent.length ? [`Not in the text: ${listing(j.absent.map((a) => `"${a}"`))}.`] : []),
      ].join(" ");
      rows.push({
        checklist,
        number: i + 1,
        item,
        verdict: j.verdict ?? computed?.verdict ?? "unclear",
        basis,
      });
    });
  }
  return rows;
}

/** A structured causality assessment of one drug given for the indication in one case. */
export interface CausalityRow {
  /** Case id. */
  caseId: string;
  /** The drug. */
  drug: string;
  /** Values before and after its start, and the first value after. */
  temporal: string;
  /** Whether it was stopped or reduced, and what followed. */
  dechallenge: string;
  /** Whether it was given again after a stop. */
  rechallenge: string;
  /** Its dose changes and the values around them. */
  doseResponse: string;
  /** Other explanations the data leave open. */
  alternatives: string;
  /**
   * Other drugs given, certainly or possibly, at the values after its start while it may have been
   * given (those of `temporal`): "none stated" when none.
   */
  coMedication: string;
  /** The Naranjo score and category (adapted for benefit), stated as an assessment. */
  assessment: string;
}

/** The observations certainly on a dose period. */
function onPeriod(c: Case, t: Treatment): Observation[] {
  return c.observations.filter((o) => activeTreatments(c, o.day.timeId).certain.includes(t));
}

/** "No value" on a dose period, or none surely with those that may be on it (`noValueSurely`). */
function noValueOn(c: Case, t: Treatment, what: string): string {
  const maybe = c.observations.filter((o) =>
    activeTreatments(c, o.day.timeId).possible.includes(t)
  );
  return noValueSurely(c, maybe, what);
}

/**
 * A structured causality assessment of every drug given for the study's indication in every
 * case of an article: temporal relation, dechallenge, rechallenge, dose–response, alternative
 * explanations and co-medication, each from the data, and the assessment: the total and category
 * of the Naranjo scale adapted for benefit ({@link naranjoPair}), with the answers that scored,
 * stated as a score of what the data show, not a proof of an effect.
 *
 * @param series The case series.
 * @param sourceId The article.
 * @param question The study's indication (which drugs are assessed) and, optionally, the
 * direction of improvement (default: the series' `study.improvement`).
 * @returns One row per case and drug.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { causalityRows, loadCaseSeries } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * const c = s.cases.find((x) => x.treatments.length > 0)!;
 * const t = c.treatments[0];
 * const rows = causalityRows(s, c.sourceId, { indication: t.purpose });
 * assert.ok(rows.some((r) => r.caseId === c.id && r.drug === t.drug));
 * ```
 */
export function causalityRows(
  series: CaseSeries,
  sourceId: string,
  question: Pick<StudyQuestion, "indication"> & { improvement?: NaranjoOptions["improvement"] },
): CausalityRow[] {
  const options = {
    indication: question.indication,
    improvement: question.improvement ?? series.study.improvement,
  };
  // Whether the text mentions blinding (design_words.ts): only a silent text is "unblinded".
  const mentions = series.articles?.mentions.get(sourceId);
  const blinded = mentions !== undefined && mentionOf(mentions, "blinding") !== null;
  return series.cases.filter((c) => c.sourceId === sourceId).flatMap((c) => {
    const drugs = c.treatments.filter((t) => t.purpose === question.indication).map((t) => t.drug);
    return [...new Set(drugs)].map((drug) => pairCausality(c, drug, options, blinded));
  });
}

/**
 * A stop in the causality table's words: its outcome, the values surely after it named with the
 * drugs surely given then, and those that may be after it (`surelyAfter`, `mayBeAfter`: the rule
 * of the active-treatments table), or "no value (surely) after the stop".
 */
function afterTheStop(c: Case, last: Treatment): string {
  const end = last.end!.timeId;
  const surely = c.observations.filter((o) => surelyAfter(c, o.day.timeId, end));
  const maybe = mayBeAfter(c, end);
  const stop = `stopped${last.outcome ? ` (${last.outcome})` : ""}; `;
  if (surely.length === 0) return stop + noValueSurely(c, maybe, "after the stop");
  // Each drug surely given at one of them, though perhaps at a dose left open.
  const given = [...drugsGivenAt(c, surely.map((o) => o.day.timeId), null)]
    .filter(([, how]) => how === "certainly").map(([d]) => d);
  return stop +
    `${counted(surely.length, "value")} after the stop (${
      listing(surely.map((o) => valueName(c, o)))
    }; given then: ${listing(given, "no drug")})` +
    // Never a count of the values after the stop that hides one that may be after it.
    (maybe.length ? `, and ${listing(maybe.map((o) => valueName(c, o)))} may be` : "");
}

/** The causality assessment of one drug in one case (`blinded`: the text mentions blinding). */
function pairCausality(
  c: Case,
  drug: string,
  options: NaranjoOptions,
  blinded: boolean,
): CausalityRow {
  const periods = c.treatments.filter((t) => t.drug === drug);
  const start = periods[0].start.timeId;
  const aligned = alignOnDrug(c, drug);
  const after = aligned.filter((o) => o.phase === "after");
  const onDrug = after.filter((o) => mayBeGiven(c, o.day.timeId, drug));
  const temporal = temporalText(c, drug, aligned, onDrug);
  const last = periods.at(-1)!;
  const stopped = last.end !== null;
  const reductions = periods.filter((t, i) =>
    i > 0 && compareDoses(t.dose, periods[i - 1].dose) === -1
  );
  const dechallenge = [
    stopped ? afterTheStop(c, last) : "not stopped while values were reported",
    ...reductions.map((t) =>
      `reduced to ${formatDose(t)}: ${counted(onPeriod(c, t).length, "value")} after` +
      (t.outcome ? `, text: "${t.outcome}"` : "")
    ),
  ].join("; ");
  const gaps = periods.filter((t, i) =>
    i > 0 && periods[i - 1].end !== null &&
    surelyLaterDay(c, t.start.timeId, periods[i - 1].end!.timeId)
  );
  const rechallenge = gaps.length
    ? `restarted ${plural(gaps.length, "time")} after a stop`
    : stopped
    ? "none (not given again after the stop)"
    : "not applicable (never stopped while values were reported)";
  const changes = periods.slice(1).map((t, i) => {
    const prev = periods[i];
    const lastPrev = onPeriod(c, prev).at(-1);
    const firstNext = onPeriod(c, t)[0];
    const raisedFor = lastPrev &&
      relativeDay(c, t.start.timeId, lastPrev.day.timeId).hi === 0;
    return `${DOSE_CHANGE[String(compareDoses(t.dose, prev.dose))]} ` +
      // The earlier dose's number, its words in another unit, or in brackets what the text
      // says of a dose it states no amount of ("(dose not stated)"): `formatDose`.
      `${
        prev.dose
          ? formatDoseValue(prev.dose)
          : doseKind(prev) === "other unit"
          ? formatDose(prev)
          : `(${formatDose(prev)})`
      } → ` +
      `${formatDose(t)}: ` +
      (lastPrev
        ? `${casePainText(c, lastPrev)} on the earlier dose`
        : noValueOn(c, prev, "on the earlier dose")) +
      // "and" between the two sides: each may carry a "though … may be" of its own.
      `, and ${firstNext ? `${casePainText(c, firstNext)} after` : noValueOn(c, t, "after")}` +
      (raisedFor ? ` (changed at the visit of the ${casePainText(c, lastPrev!)})` : "");
  });
  // A dose the text does not state is unknown: never "one dose only".
  const doseResponse = changes.length
    ? changes.join("; ")
    : periods.every((t) => !statesAmount(t))
    ? DOSE_NOT_STATED
    : "one dose only";
  const fromAmputation = daysFromAmputation(c, start);
  const peak = startAfterValue(c, start);
  const alternatives = [
    `started ${formatInterval(fromAmputation)} days after the amputation${
      // A case with several: the one its phantom pain follows, named.
      c.events.filter((e) => e.kind === c.amputation.kind).length > 1
        ? ` that its phantom pain follows (${c.amputation.description})`
        : ""}, when one ` +
    "patient's natural course is not known (see the note under the table)",
    // Regression to the mean, by the rule the design limit and the claims share.
    ...(peak === null || peak.kind === "not highest"
      ? []
      : [(({ when, regression }) => `started ${when}: ${regression}`)(
        startWords(c, peak),
      )]),
    blinded
      ? "pain rated by the patient, blinding as the design limits quote it: expectation and " +
        "placebo effects not controlled without a control"
      : "pain rated by the patient to the unblinded treating team: expectation and placebo " +
        "effects not controlled",
  ].join("; ");
  const others = drugsGivenAt(c, onDrug.map((o) => o.day.timeId), drug);
  const coMedication = others.size
    ? listing([...others].map(([d, how]) => `${d} (${how})`))
    : "none stated";
  const n = naranjoPair(c, drug, options);
  return {
    caseId: c.id,
    drug,
    temporal,
    dechallenge,
    rechallenge,
    doseResponse,
    alternatives,
    coMedication,
    assessment: `Naranjo score ${n.total}, ${n.category} (the scale adapted for benefit: ` +
      `${naranjoSummary(n)}). A score of what the data show, not a proof of an effect.`,
  };
}

/** The answers that scored, in words: "Q2 yes +2, Q5 yes −1", or "no question scored". */
function naranjoSummary(n: NaranjoRow): string {
  const scored = n.items.filter((i) => i.score !== 0);
  return scored.length
    ? scored.map((i) =>
      `Q${i.number} ${i.answer} ${i.score > 0 ? "+" : "\u2212"}${Math.abs(i.score)}`
    )
      .join(", ")
    : "no answer scored";
}

/** A limit of the design, with the evidence for it in this dataset. */
export interface DesignLimit {
  /** The limit. */
  limit: string;
  /** Why it applies here: computed facts, quotes of the article, cited figures. */
  evidence: string;
}

/**
 * The limits an uncontrolled case series leaves, each with its evidence in this article's data:
 * regression to the mean, placebo and expectation, unblinded assessment, selection and
 * publication bias, irregular timing, and the natural course early after amputation.
 *
 * @param series The case series.
 * @param sourceId The article.
 * @param question The study's drug and indication.
 * @param quotes Passages of the article that bear on selection (default: those of its appraisal,
 * `about` = `selection`, checked against its text by the loader): e.g. a statement that the
 * cases were chosen as successes or published before.
 * @returns One row per limit.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { designLimits, loadCaseSeries } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * const id = [...s.sources.keys()][0];
 * const limits = designLimits(s, id, { drug: "any drug", indication: "any indication" });
 * assert.equal(limits.length, 6); // the six limits, whatever the article
 * ```
 */
export function designLimits(
  series: CaseSeries,
  sourceId: string,
  question: StudyQuestion,
  quotes: readonly string[] = appraisalOf(series, sourceId)?.selection ?? [],
): DesignLimit[] {
  const cases = series.cases.filter((c) => c.sourceId === sourceId);
  const { drug, indication } = question;
  // What the text says of blinding (a series built by hand has no text read: not checked).
  const mentions = series.articles?.mentions.get(sourceId);
  const [blinding, assessor] = mentions
    ? [mentionOf(mentions, "blinding"), mentionOf(mentions, "assessor")]
    : [null, null];
  const unread = mentions ? "" : " (not checked against the text)";
  const starts = cases.flatMap((c) => {
    const t = c.treatments.find((x) => x.drug === drug);
    if (!t) return [];
    return [`case ${c.id}: ${formatIntervalInWords(daysFromAmputation(c, t.start.timeId))}`];
  });
  return [
    { limit: "Regression to the mean", evidence: regressionEvidence(cases, indication) },
    {
      limit: "Placebo and expectation",
      // An article whose cases never take the study's drug: its values on treatment. The text's
      // silence on blinding is stated only where it is silent (design_words.ts).
      evidence: blinding === null
        ? `No control condition and no blinding stated${unread}: every value ${
          cases.some((c) => c.treatments.some((t) => t.drug === drug))
            ? `after ${drug}`
            : "on treatment"
        } was ` +
          "rated by a patient who, as far as the text says, knew he or she was being treated; a " +
          "placebo or expectation response cannot be told apart from a drug effect."
        : `No control condition. ${blinding} Without a control, a placebo or expectation ` +
          "response cannot be told apart from a drug effect.",
    },
    {
      limit: "Unblinded assessment",
      evidence: (assessor ?? `The text names no independent or blinded assessor${unread}.`) +
        " In a case report the treating team that reports the values usually also chooses " +
        "when to change doses.",
    },
    {
      limit: "Selection and publication bias",
      evidence: (quotes.length ? `${quotes.map((q) => `"${q}"`).join("; ")}. ` : "") +
        "Cases reported because they went well say nothing about how often the drug fails " +
        "without the number of patients who received it.",
    },
    {
      limit: "Irregular timing",
      evidence: `${timingEvidence(cases)}: effect sizes that assume equally spaced sessions do ` +
        "not fit these reports.",
    },
    {
      limit: "Natural course after amputation",
      evidence:
        (starts.length
          ? `Days from amputation to the start of ${drug}: ${listing(starts)}. `
          : "") +
        naturalCourseEvidence(series.articles?.naturalHistory ?? []),
    },
  ];
}

/**
 * What the literature says of the natural course: the figures recorded with their sources
 * (`reference/natural-history.csv`; {@link naturalCourseText}), and what that leaves.
 */
function naturalCourseEvidence(figures: readonly NaturalHistoryFigure[]): string {
  return "From the literature (figures and their sources: data/reference/natural-history.csv, " +
    `docs/literature.md): ${naturalCourseText(figures)}. Without a control, the series cannot ` +
    "tell a fall that follows the natural course from a drug effect.";
}

/** How a dose period compares with the one before it (`compareDoses` of the two, as text). */
const DOSE_CHANGE: Record<string, string> = {
  "1": "increased",
  "-1": "reduced",
  "0": "same dose",
  "null": "changed",
};
