/**
 * The article appraised as evidence: the JBI checklist for case series and the CARE reporting
 * checklist (items as data, each judgement with the quote or the absence behind it, or computed
 * from the dataset), a structured causality assessment for each drug given for the indication,
 * and the limits the design leaves, each with its computed or quoted evidence.
 *
 * @module
 */
import { z } from "zod";
import { formatDay, formatInterval, formatNumber } from "./intervals.ts";
import { checkOptions } from "./options.ts";
import type { Case, CaseSeries, Observation, Treatment } from "./model.ts";
import { agree, counted, listing, plural } from "./prose.ts";
import {
  activeTreatments,
  alignOnDrug,
  datedGap,
  drugsGivenAt,
  mayBeGiven,
  relativeDay,
} from "./timeline.ts";
import { NAGOSHI_2012_APPRAISAL } from "./appraisal/nagoshi-2012.ts";
import { type LiteratureFigure, NATURAL_COURSE } from "./appraisal/literature.ts";

export { type LiteratureFigure, NATURAL_COURSE };

/**
 * What the literature cited here says about the natural course of phantom pain, in one sentence
 * (without a final full stop): each figure with its study, then what such figures cannot show.
 *
 * @param options `doi`: give each study's DOI beside its citation.
 * @returns The sentence.
 * @example
 * ```ts
 * import { naturalCourseText } from "./appraisal.ts";
 * naturalCourseText().startsWith("phantom pain in 72% at 8 days"); // true
 * ```
 */
export function naturalCourseText(options: { doi?: boolean } = {}): string {
  checkOptions("naturalCourseText", z.object({ doi: z.boolean().optional() }).strict(), options);
  return `${
    listing(
      NATURAL_COURSE.map((x) =>
        `${x.figure} (${x.cite}${options.doi ? `, doi:${x.doi}` : ""}; ${x.caveat})`
      ),
    )
  }. These are prevalences in groups: they do not say how one patient's pain intensity changes ` +
    "over time, so a spontaneous fall in the weeks after amputation can be neither assumed nor " +
    "excluded from them";
}

/** The two checklists. */
export type Checklist = "JBI" | "CARE";

/** A verdict on a checklist item. */
export type ItemVerdict = "yes" | "partly" | "no" | "unclear" | "not applicable";

/** What a computed item is judged from. */
export type ComputedBasis =
  | "measurement"
  | "demographics"
  | "clinical"
  | "outcomes"
  | "timeline"
  | "interventions";

/** An article's judgement of one checklist item, as data. */
export interface ItemJudgement {
  /** Which checklist. */
  checklist: Checklist;
  /** Item number in it. */
  number: number;
  /** The verdict; absent when it is computed from the dataset (`computed`). */
  verdict?: ItemVerdict;
  /** Passages of the article it rests on. */
  quotes: readonly string[];
  /** Terms whose absence from the article's text is part of the basis. */
  absent: readonly string[];
  /** The judgement in words. */
  note: string;
  /** The computation that decides the verdict from the dataset, if any. */
  computed?: ComputedBasis;
}

/**
 * The ten questions of the JBI critical appraisal checklist for case series (Munn et al. 2020).
 *
 * @example
 * ```ts
 * import { JBI_ITEMS } from "./appraisal.ts";
 * JBI_ITEMS.length; // 10
 * ```
 */
export const JBI_ITEMS: readonly string[] = [
  "Were there clear criteria for inclusion in the case series?",
  "Was the condition measured in a standard, reliable way for all participants?",
  "Were valid methods used for identification of the condition for all participants?",
  "Did the case series have consecutive inclusion of participants?",
  "Did the case series have complete inclusion of participants?",
  "Was there clear reporting of the demographics of the participants?",
  "Was there clear reporting of clinical information of the participants?",
  "Were the outcomes or follow-up results of cases clearly reported?",
  "Was there clear reporting of the presenting site(s)/clinic(s) demographic information?",
  "Was statistical analysis appropriate?",
];

/**
 * The thirteen items of the CARE checklist (Gagnier et al. 2013).
 *
 * @example
 * ```ts
 * import { CARE_ITEMS } from "./appraisal.ts";
 * CARE_ITEMS[6]; // "Timeline: ..."
 * ```
 */
export const CARE_ITEMS: readonly string[] = [
  'Title: the diagnosis or intervention of focus, followed by "case report"',
  "Key words: 2 to 5 words identifying the case",
  "Abstract: introduction, main symptoms, diagnoses, interventions, outcomes, conclusion",
  "Introduction: the background and why the case is unique",
  "Patient information: demographics, main concerns, history, past interventions",
  "Clinical findings: physical examination and relevant findings",
  "Timeline: historical and current information organised as a timeline",
  "Diagnostic assessment: methods, challenges, reasoning, prognosis",
  "Therapeutic intervention: types, administration (dose, strength, duration), changes with reasons",
  "Follow-up and outcomes: outcomes, adherence and tolerability, adverse and unanticipated events",
  "Discussion: strengths and limitations, literature, rationale for conclusions",
  "Patient perspective",
  "Informed consent",
];

/** Judgements of every article with an appraisal file, by `source_id`. */
export const APPRAISALS: ReadonlyMap<string, readonly ItemJudgement[]> = new Map([
  ["nagoshi-2012", NAGOSHI_2012_APPRAISAL],
]);

/** One appraised item, for display. */
export interface AppraisalRow {
  /** Which checklist. */
  checklist: Checklist;
  /** Item number. */
  number: number;
  /** The item. */
  item: string;
  /** The verdict. */
  verdict: ItemVerdict;
  /** What it rests on: the note, quotes, absences and computed facts. */
  basis: string;
}

const f = (x: number) => formatNumber(x, 1);

/** The time points of a case that the text does not date: open-ended or placed by narrative. */
function undatedPoints(c: Case): string[] {
  return c.timepoints.filter((t) =>
    !Number.isFinite(t.day.lo) || !Number.isFinite(t.day.hi) || t.rule === "after" ||
    t.rule === "before"
  ).map((t) => t.id);
}

/** A computed verdict and its facts. */
function computeItem(basis: ComputedBasis, cases: readonly Case[]): {
  verdict: ItemVerdict;
  facts: string;
} {
  const n = cases.length;
  switch (basis) {
    case "demographics": {
      const ok = cases.filter((c) => Number.isFinite(c.age) && c.sex).length;
      return {
        verdict: ok === n ? "yes" : ok > 0 ? "partly" : "no",
        facts: `age and sex stated for ${ok} of ${plural(n, "case")}`,
      };
    }
    case "clinical": {
      const sds = cases.filter((c) => c.sds !== null).length;
      return {
        verdict: sds === n ? "yes" : "partly",
        facts: `cause and level of amputation for ${plural(n, "case")}; depression score ` +
          `for ${sds} of ${n}`,
      };
    }
    case "measurement": {
      const values = cases.flatMap((c) => c.observations.map((o) => ({ c, o })));
      const notes = values.filter(({ o }) => o.note !== null).length;
      const undated = values.filter(({ c, o }) => undatedPoints(c).includes(o.day.timeId)).length;
      return {
        verdict: "unclear",
        facts: `${plural(values.length, "VAS value")}; ${undated} at a time the text does not ` +
          `date, ${notes} with a note on what it describes (e.g. an average)`,
      };
    }
    case "outcomes": {
      const values = cases.reduce((s, c) => s + c.observations.length, 0);
      const undated = cases.reduce(
        (s, c) => s + c.observations.filter((o) => undatedPoints(c).includes(o.day.timeId)).length,
        0,
      );
      const open = cases.filter((c) => {
        const last = c.observations.at(-1);
        return !last || !Number.isFinite(last.day.hi);
      }).length;
      return {
        verdict: undated > 0 || open > 0 ? "partly" : "yes",
        facts: `${plural(values, "VAS value")}, ${undated} of them at an undated time; the last ` +
          `value of ${open} of ${plural(n, "case")} has no latest date`,
      };
    }
    case "timeline": {
      const points = cases.reduce((s, c) => s + c.timepoints.length, 0);
      const undated = cases.reduce((s, c) => s + undatedPoints(c).length, 0);
      return {
        verdict: undated > 0 ? "partly" : "yes",
        facts: `${plural(points, "time point")} in the text, ${undated} of them open-ended or ` +
          "placed only by the order of the narrative (rebuilt in the CARE timelines)",
      };
    }
    case "interventions": {
      const ts = cases.flatMap((c) => c.treatments);
      const noEnd = ts.filter((t) => t.end === null).length;
      const undatedStart = cases.reduce(
        (s, c) => s + c.treatments.filter((t) => undatedPoints(c).includes(t.start.timeId)).length,
        0,
      );
      return {
        verdict: noEnd > 0 || undatedStart > 0 ? "partly" : "yes",
        facts:
          `${plural(ts.length, "dose period")}, each with its dose; ${undatedStart} ${
            agree(undatedStart, "starts", "start")
          } ` +
          `at an undated time; ${noEnd} with no end stated`,
      };
    }
  }
}

/**
 * The JBI and CARE checklists of one article: each item with its verdict and what it rests on
 * (the article's quotes, the terms absent from its text, and facts computed from its cases). An
 * item the article's appraisal file does not judge is "unclear" with that reason.
 *
 * @param series The case series.
 * @param sourceId The article.
 * @returns One row per item of both checklists.
 * @example
 * ```ts
 * import { loadCaseSeries } from "./load.ts";
 * import { appraisalRows } from "./appraisal.ts";
 * const rows = appraisalRows(await loadCaseSeries(), "nagoshi-2012");
 * rows.find((r) => r.checklist === "CARE" && r.number === 13)?.verdict; // "no"
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
  const cases = series.cases.filter((c) => c.sourceId === sourceId);
  const judged = APPRAISALS.get(sourceId) ?? [];
  const rows: AppraisalRow[] = [];
  for (const [checklist, items] of [["JBI", JBI_ITEMS], ["CARE", CARE_ITEMS]] as const) {
    items.forEach((item, i) => {
      const j = judged.find((x) => x.checklist === checklist && x.number === i + 1);
      if (!j) {
        rows.push({
          checklist,
          number: i + 1,
          item,
          verdict: "unclear",
          basis: "not appraised yet for this article",
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
  /** Other drugs given at the values after its start. */
  coMedication: string;
  /** The assessment, stated as such. */
  assessment: string;
}

const vas = (o: Observation) => `VAS ${formatInterval(o.vas)}`;
const when = (c: Case, o: Observation, start: string) => {
  const r = relativeDay(c, o.day.timeId, start);
  const dated = datedGap(c, o.day.timeId, start) && Number.isFinite(r.hi);
  return formatDay(r, dated, { prefix: true, digits: 1 });
};

/** The observations certainly on a dose period. */
function onPeriod(c: Case, t: Treatment): Observation[] {
  return c.observations.filter((o) => activeTreatments(c, o.day.timeId).certain.includes(t));
}

/**
 * A structured causality assessment of every drug given for the study's indication in every
 * case of an article: temporal relation, dechallenge, rechallenge, dose–response, alternative
 * explanations and co-medication, each from the data, and an assessment stated as such (an
 * association in time is not a proof of an effect).
 *
 * @param series The case series.
 * @param sourceId The article.
 * @returns One row per case and drug.
 * @example
 * ```ts
 * import { loadCaseSeries } from "./load.ts";
 * import { causalityRows } from "./appraisal.ts";
 * const rows = causalityRows(await loadCaseSeries(), "nagoshi-2012");
 * rows.find((r) => r.caseId === "3" && r.drug === "milnacipran")?.doseResponse;
 * // "increased 50 → 75 mg/day: VAS 2 on the lower dose, VAS [0, 1] after ..."
 * ```
 */
export function causalityRows(series: CaseSeries, sourceId: string): CausalityRow[] {
  const cases = series.cases.filter((c) => c.sourceId === sourceId);
  const rows: CausalityRow[] = [];
  for (const c of cases) {
    const origin = c.events.find((e) => e.kind === "amputation");
    const drugs = [
      ...new Set(c.treatments.filter((t) => t.purpose === c.study.indication).map((t) => t.drug)),
    ];
    for (const drug of drugs) {
      const periods = c.treatments.filter((t) => t.drug === drug);
      const start = periods[0].start.timeId;
      const aligned = alignOnDrug(c, drug);
      const before = aligned.filter((o) => o.phase === "before");
      const after = aligned.filter((o) => o.phase === "after");
      const onDrug = after.filter((o) => mayBeGiven(c, o.day.timeId, drug));
      const temporal = `${counted(before.length, "value")} before` +
        (before.length ? ` (last ${vas(before.at(-1)!)})` : "") +
        `, ${counted(onDrug.length, "value")} while it may have been given` +
        (onDrug.length ? ` (first ${vas(onDrug[0])} at ${when(c, onDrug[0], start)})` : "");
      const last = periods.at(-1)!;
      const stopped = last.end !== null;
      const afterStop = stopped
        ? c.observations.filter((o) => relativeDay(c, o.day.timeId, last.end!.timeId).lo > 0)
        : [];
      const reductions = periods.filter((t, i) =>
        i > 0 && t.doseMgPerDay < periods[i - 1].doseMgPerDay
      );
      const dechallenge = [
        stopped
          ? `stopped${last.outcome ? ` (${last.outcome})` : ""}; ${
            counted(afterStop.length, "value")
          } after the stop` +
            (afterStop.length
              ? ` (given then: ${
                listing([
                  ...new Set(
                    afterStop.flatMap((o) =>
                      activeTreatments(c, o.day.timeId).certain.map((t) => t.drug)
                    ),
                  ),
                ], "no drug")
              })`
              : "")
          : "not stopped while values were reported",
        ...reductions.map((t) =>
          `reduced to ${t.doseMgPerDay} mg/day: ${counted(onPeriod(c, t).length, "value")} after` +
          (t.outcome ? `, text: "${t.outcome}"` : "")
        ),
      ].join("; ");
      const gaps = periods.filter((t, i) =>
        i > 0 && periods[i - 1].end !== null &&
        relativeDay(c, t.start.timeId, periods[i - 1].end!.timeId).lo > 0
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
        return `${t.doseMgPerDay > prev.doseMgPerDay ? "increased" : "reduced"} ` +
          `${prev.doseMgPerDay} → ${t.doseMgPerDay} mg/day: ` +
          (lastPrev ? `${vas(lastPrev)} on the earlier dose` : "no value on the earlier dose") +
          `, ${firstNext ? `${vas(firstNext)} after` : "no value after"}` +
          (raisedFor ? ` (changed at the visit of the ${vas(lastPrev!)})` : "");
      });
      const doseResponse = changes.length ? changes.join("; ") : "one dose only";
      const fromAmputation = origin ? relativeDay(c, start, origin.day.timeId) : null;
      const highest = before.length ? Math.max(...before.map((o) => o.vas.nominal)) : null;
      const alternatives = [
        fromAmputation
          ? `started ${formatInterval(fromAmputation)} days after the amputation, when one ` +
            "patient's natural course is not known (see the note under the table)"
          : "time since amputation not known",
        ...(highest !== null && before.at(-1)!.vas.nominal === highest
          ? ["started after the highest value so far: regression to the mean predicts a fall"]
          : []),
        "pain rated by the patient to the unblinded treating team: expectation and placebo " +
        "effects not controlled",
      ].join("; ");
      const others = drugsGivenAt(c, onDrug.map((o) => o.day.timeId), drug);
      const coMedication = others.size
        ? listing([...others].map(([d, how]) => `${d} (${how})`))
        : "none stated";
      const lower = before.length && onDrug.length &&
        onDrug.every((o) => o.vas.nominal < before.at(-1)!.vas.nominal);
      const assessment = onDrug.length === 0
        ? "Cannot be assessed: no value while it was given."
        : before.length === 0
        ? "No value before it: no temporal association can be shown; the values while it was " +
          "given describe the course, not its effect."
        : lower
        ? `Values while it was given are lower than before it: a temporal association ` +
          `compatible with an effect, ${
            gaps.length ? "" : "without dechallenge–rechallenge, "
          }not separable from the alternatives listed${
            others.size ? " and the co-medication" : ""
          }. An assessment, not a proof.`
        : "Values while it was given are not all lower than before it: no association in time.";
      rows.push({
        caseId: c.id,
        drug,
        temporal,
        dechallenge,
        rechallenge,
        doseResponse,
        alternatives,
        coMedication,
        assessment,
      });
    }
  }
  return rows;
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
 * @param quotes Passages of the article that bear on selection (checked against its text by a
 * test): e.g. a statement that the cases were chosen as successes or published before.
 * @returns One row per limit.
 * @example
 * ```ts
 * import { loadCaseSeries } from "./load.ts";
 * import { designLimits } from "./appraisal.ts";
 * designLimits(await loadCaseSeries(), "nagoshi-2012").length; // 6
 * ```
 */
export function designLimits(
  series: CaseSeries,
  sourceId: string,
  quotes: readonly string[] = SELECTION_QUOTES.get(sourceId) ?? [],
): DesignLimit[] {
  const cases = series.cases.filter((c) => c.sourceId === sourceId);
  const drug = series.study.drug;
  const indication = series.study.indication;
  // Starts or increases of a drug for the indication that came right after the highest value so
  // far (at the same visit or the next value).
  const afterHigh: string[] = [];
  for (const c of cases) {
    for (const t of c.treatments.filter((x) => x.purpose === indication)) {
      const before = c.observations.filter((o) =>
        relativeDay(c, o.day.timeId, t.start.timeId).hi <= 0
      );
      if (before.length === 0) continue;
      const lastBefore = before.at(-1)!;
      const max = Math.max(...before.map((o) => o.vas.nominal));
      if (lastBefore.vas.nominal === max) {
        afterHigh.push(`case ${c.id}: ${t.drug} ${t.doseMgPerDay} mg/day after ${vas(lastBefore)}`);
      }
    }
  }
  const gaps = cases.flatMap((c) => {
    const obs = c.observations;
    return obs.slice(1).map((o, i) => ({
      gap: relativeDay(c, o.day.timeId, obs[i].day.timeId),
      dated: datedGap(c, o.day.timeId, obs[i].day.timeId),
    }));
  });
  const dated = gaps.filter((g) => g.dated).map((g) => g.gap.nominal);
  const undated = cases.reduce(
    (s, c) => s + c.observations.filter((o) => undatedPoints(c).includes(o.day.timeId)).length,
    0,
  );
  const values = cases.reduce((s, c) => s + c.observations.length, 0);
  const starts = cases.flatMap((c) => {
    const t = c.treatments.find((x) => x.drug === drug);
    const amp = c.events.find((e) => e.kind === "amputation");
    return t && amp
      ? [`case ${c.id}: ${formatInterval(relativeDay(c, t.start.timeId, amp.day.timeId))}`]
      : [];
  });
  return [
    {
      limit: "Regression to the mean",
      evidence: afterHigh.length
        ? `${
          plural(afterHigh.length, "start or dose increase", "starts or dose increases")
        } of a drug for ${indication} followed the highest ` +
          `value so far (${listing(afterHigh)}); values chosen because they are high tend to ` +
          "be followed by lower ones without any treatment effect."
        : "No start or increase followed the highest value so far.",
    },
    {
      limit: "Placebo and expectation",
      evidence: `No control condition and no blinding stated: every value after ${drug} was ` +
        "rated by a patient who, as far as the text says, knew he or she was being treated; a " +
        "placebo or expectation response cannot be told apart from a drug effect.",
    },
    {
      limit: "Unblinded assessment",
      evidence: "The text names no independent or blinded assessor; the team that reports the " +
        "values also chose when to change doses.",
    },
    {
      limit: "Selection and publication bias",
      evidence: (quotes.length ? `${quotes.map((q) => `"${q}"`).join("; ")}. ` : "") +
        "Cases reported because they went well say nothing about how often the drug fails; " +
        "no denominator (how many patients received it) is given.",
    },
    {
      limit: "Irregular timing",
      evidence: `${plural(values, "VAS value")}, ${undated} of them at a time the text does not ` +
        `date; of ${plural(gaps.length, "gap")} between consecutive values, ` +
        `${dated.length} ${agree(dated.length, "is", "are")} stated` +
        (dated.length ? ` (${f(Math.min(...dated))} to ${f(Math.max(...dated))} days)` : "") +
        ": effect sizes that assume equally spaced sessions do not fit these reports.",
    },
    {
      limit: "Natural course after amputation",
      evidence:
        (starts.length
          ? `Days from amputation to the start of ${drug}: ${listing(starts)}. `
          : "") +
        `From the literature: ${naturalCourseText({ doi: true })}. Without a ` +
        "control, the series cannot tell such a fall from a drug effect.",
    },
  ];
}

/**
 * Passages of each article that bear on how its cases were selected, by `source_id` (checked
 * against the text by a test).
 */
export const SELECTION_QUOTES: ReadonlyMap<string, readonly string[]> = new Map([
  ["nagoshi-2012", [
    "In 2005 we published, in Japanese, the first report of a case of successful treatment of phantom limb pain with milnacipran (case 1 described above)",
    "We report here the successful use of milnacipran in three cases of phantom limb pain",
  ]],
]);
