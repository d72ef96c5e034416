/**
 * Causality with an established instrument: the Naranjo adverse drug reaction probability scale
 * (Naranjo CA, Busto U, Sellers EM et al. A method for estimating the probability of adverse drug
 * reactions. Clin Pharmacol Ther 1981;30:239–245), adapted for a benefit (an improvement of the
 * condition treated) rather than a harm. Its ten questions keep their published scores
 * (yes / no / do not know) and the published categories of the total (≥ 9 definite, 5–8
 * probable, 1–4 possible, ≤ 0 doubtful); each answer is computed from a case's timeline, or is
 * "do not know" where the data cannot answer it, with the reason. The adaptation is documented in
 * `data/README.md` ("Causality: the Naranjo scale adapted for benefit").
 *
 * @module
 */
import { casePainText } from "../cases.ts";
import {
  compareDoses,
  DOSE_NOT_STATED,
  formatDose,
  formatDoseValue,
  statesAmount,
} from "../dose.ts";
import type { Case, CaseSeries, Observation } from "../model.ts";
import { listing, plural } from "../prose.ts";
import { alignOnDrug, relativeDay } from "../timeline.ts";
import {
  activeTreatments,
  continuedBy,
  continuesFrom,
  mayBeGiven,
  notBefore,
  surelyAfter,
  surelyGiven,
} from "../given.ts";
import {
  NARANJO_QUESTIONS,
  type NaranjoAnswer,
  naranjoCategory,
  type NaranjoRow,
} from "./naranjo_scale.ts";
import { mayBeAfter, noValueSurely } from "../time_words.ts";

/** How a question's evaluation reports: an answer and its basis (the score follows). */
interface Answered {
  answer: NaranjoAnswer;
  basis: string;
  /** The time points of the values it compared. */
  compared?: string[];
}

/** Options of {@link naranjoPair}. */
export interface NaranjoOptions {
  /** The `purpose` of treatments given for the condition studied. */
  indication: string;
  /** Direction of improvement on the common metric. */
  improvement: "decrease" | "increase";
}

type Change = "better" | "not better" | "unclear";

/** Whether `later` is certainly better than `earlier` (at every bound of both intervals). */
function change(later: Observation, earlier: Observation, up: boolean): Change {
  const [a, b] = up ? [earlier.common, later.common] : [later.common, earlier.common];
  // Improvement as a decrease: a is the later value, b the earlier one.
  if (a.hi < b.lo) return "better";
  if (a.lo >= b.hi) return "not better";
  return "unclear";
}

/** Whether `later` is certainly worse than `earlier` ("better" here means worse). */
const worse = (later: Observation, earlier: Observation, up: boolean): Change =>
  change(earlier, later, up);

/** Other drugs for the indication that may be given at a time point. */
function othersForIndication(c: Case, timeId: string, drug: string, indication: string): string[] {
  const a = activeTreatments(c, timeId);
  return [
    ...new Set(
      [...a.certain, ...a.possible].filter((t) => t.drug !== drug && t.purpose === indication)
        .map((t) => t.drug),
    ),
  ];
}

/** Question 2: the first value while given against the last one before. */
function temporal(c: Case, drug: string, up: boolean): Answered {
  const aligned = alignOnDrug(c, drug);
  const before = aligned.filter((o) => o.phase === "before");
  const on = aligned.filter((o) => o.phase === "after" && mayBeGiven(c, o.day.timeId, drug));
  const ambiguous = aligned.filter((o) => o.phase === "ambiguous").length;
  const amb = ambiguous ? ` (${plural(ambiguous, "value")} may or may not precede its start)` : "";
  if (before.length === 0 || on.length === 0) {
    return {
      answer: "do not know",
      basis: `${before.length === 0 ? "no value before its start" : "no value while given"}` +
        amb,
    };
  }
  const [b, a] = [before.at(-1)!, on[0]];
  const r = change(a, b, up);
  return {
    answer: r === "better" ? "yes" : r === "not better" ? "no" : "do not know",
    basis: `${casePainText(c, b)} before, ${casePainText(c, a)} first while given` +
      (r === "unclear" ? " (the bounds overlap)" : "") + amb,
    compared: [a.day.timeId],
  };
}

/** Question 3: values after a stop. */
function dechallenge(c: Case, drug: string, o: NaranjoOptions, up: boolean): Answered {
  const periods = c.treatments.filter((t) => t.drug === drug);
  const stops = periods.filter((t) => t.end !== null && !continuedBy(c, t));
  if (stops.length === 0) return { answer: "do not know", basis: "not stopped" };
  const notes: string[] = [];
  let answer: NaranjoAnswer = "do not know";
  for (const t of stops) {
    const end = t.end!.timeId;
    // The values it may be given at that may precede the stop: surely before it, or on either
    // side of it (times the text leaves open).
    const given = c.observations.filter((x) =>
      mayBeGiven(c, x.day.timeId, drug) && relativeDay(c, x.day.timeId, end).lo <= 0
    );
    const lastOn = given.filter((x) => relativeDay(c, x.day.timeId, end).hi <= 0).at(-1);
    const firstOff = c.observations.find((x) =>
      surelyAfter(c, x.day.timeId, end) && !mayBeGiven(c, x.day.timeId, drug)
    );
    if (!lastOn || !firstOff) {
      notes.push(
        `stopped; ${
          !lastOn
            ? noValueSurely(c, given, "while given")
            : noValueSurely(c, mayBeAfter(c, end), "after the stop")
        }`,
      );
      continue;
    }
    const others = othersForIndication(c, firstOff.day.timeId, drug, o.indication);
    if (others.length) {
      notes.push(`stopped; ${listing(others)} may be given at the value after the stop`);
      continue;
    }
    const r = worse(firstOff, lastOn, up);
    notes.push(
      `${casePainText(c, lastOn)} while given, ${casePainText(c, firstOff)} after the stop`,
    );
    if (r === "better") answer = "yes";
    else if (r === "not better" && answer === "do not know") answer = "no";
  }
  return { answer, basis: notes.join("; ") };
}

/** Question 4: a restart after a stop. */
function rechallenge(c: Case, drug: string, up: boolean): Answered {
  const periods = c.treatments.filter((t) => t.drug === drug);
  const restarts = periods.filter((t, i) =>
    i > 0 && !continuesFrom(c, t) &&
    periods.slice(0, i).some((p) => p.end !== null && notBefore(c, t.start.timeId, p.end.timeId))
  );
  if (restarts.length === 0) {
    const stopped = periods.some((p) => p.end !== null && !continuedBy(c, p));
    return {
      answer: "do not know",
      basis: stopped ? "not restarted after a stop" : "never stopped",
    };
  }
  let answer: NaranjoAnswer = "do not know";
  const notes: string[] = [];
  const compared: string[] = [];
  for (const t of restarts) {
    const s = t.start.timeId;
    const off = c.observations.filter((x) =>
      relativeDay(c, x.day.timeId, s).hi <= 0 && !mayBeGiven(c, x.day.timeId, drug)
    ).at(-1);
    const on = c.observations.find((x) => activeTreatments(c, x.day.timeId).certain.includes(t));
    if (!off || !on) {
      notes.push(`restarted; ${!off ? "no value off the drug before" : "no value after"}`);
      continue;
    }
    const r = change(on, off, up);
    notes.push(
      `restarted: ${casePainText(c, off)} off the drug, ${casePainText(c, on)} after the restart`,
    );
    compared.push(on.day.timeId);
    if (r === "better") answer = "yes";
    else if (r === "not better" && answer === "do not know") answer = "no";
  }
  return { answer, basis: notes.join("; "), compared };
}

/** Question 8: consecutive values on different stated doses. */
function doseResponse(c: Case, drug: string, o: NaranjoOptions, up: boolean): Answered {
  const periods = c.treatments.filter((t) => t.drug === drug);
  const on = c.observations.flatMap((x) => {
    const p = activeTreatments(c, x.day.timeId).certain.filter((t) => periods.includes(t));
    return p.length === 1 ? [{ x, p: p[0] }] : [];
  });
  const notes: string[] = [];
  const compared: string[] = [];
  let answer: NaranjoAnswer = "do not know";
  for (let i = 1; i < on.length; i++) {
    const [a, b] = [on[i - 1], on[i]];
    if (a.p === b.p) continue;
    const dir = compareDoses(b.p.dose, a.p.dose);
    if (dir === null) {
      // Values on both sides of a change whose doses cannot be ordered: say why not compared.
      const why = a.p.dose === null || b.p.dose === null
        ? "a dose not stated"
        : "doses that overlap";
      notes.push(
        `${formatDose(a.p)} → ${formatDose(b.p)}: ${casePainText(c, a.x)} → ${
          casePainText(c, b.x)
        } (${why}: neither ` +
          "higher nor lower, not compared)",
      );
      continue;
    }
    if (dir === 0) continue;
    const oa = othersForIndication(c, a.x.day.timeId, drug, o.indication);
    const ob = othersForIndication(c, b.x.day.timeId, drug, o.indication);
    const what = `${formatDoseValue(a.p.dose!)} → ${formatDose(b.p)}: ${casePainText(c, a.x)} → ` +
      casePainText(c, b.x);
    if (oa.join() !== ob.join()) {
      notes.push(`${what} (other drugs for the indication change between them)`);
      continue;
    }
    const r = dir === 1 ? change(b.x, a.x, up) : worse(b.x, a.x, up);
    notes.push(what);
    compared.push(b.x.day.timeId);
    if (r === "better") answer = "yes";
    else if (r === "not better" && answer === "do not know") answer = "no";
  }
  if (notes.length === 0) {
    // A dose the text does not state is unknown: never "one dose only".
    const basis = periods.every((p) => !statesAmount(p))
      ? DOSE_NOT_STATED
      : periods.length > 1
      ? "no values on both sides of a dose change"
      : "one dose only";
    return { answer, basis };
  }
  return { answer, basis: notes.join("; "), compared };
}

/** Question 5: other causes at the values compared. */
function alternatives(
  c: Case,
  drug: string,
  compared: readonly string[],
  o: NaranjoOptions,
): Answered {
  if (compared.length === 0) {
    return {
      answer: "do not know",
      basis: "no response value compared in questions 2, 4 or 8: no improvement to explain",
    };
  }
  const ids = [...new Set(compared)];
  const forIndication = [
    ...new Set(ids.flatMap((id) => othersForIndication(c, id, drug, o.indication))),
  ];
  // Each drug for another purpose at the values, "possibly" where none surely has it.
  const others = ids.flatMap((id) => {
    const a = activeTreatments(c, id);
    return [...a.certain, ...a.possible].filter((t) =>
      t.drug !== drug && t.purpose !== o.indication
    );
  });
  const otherPurpose = [
    ...new Set(
      others.map((t) =>
        `${t.drug} (for ${t.purpose}${
          ids.some((id) => surelyGiven(c, id, t.drug)) ? "" : ", possibly"
        })`
      ),
    ),
  ];
  const named = otherPurpose.length ? `; also given at them: ${listing(otherPurpose)}` : "";
  if (forIndication.length) {
    return {
      answer: "yes",
      basis: `${listing(forIndication)}, given for ${o.indication}, may be given at the response ` +
        `values${named}`,
    };
  }
  return {
    answer: "do not know",
    basis: `no other drug for ${o.indication} at the response values; natural course, ` +
      `regression to the mean and expectation not excluded (no control)${named}`,
  };
}

/** Question 9: an earlier drug of the same class. */
function previousExposure(c: Case, drug: string, up: boolean): Answered {
  const first = c.treatments.find((t) => t.drug === drug)!;
  const earlier = [
    ...new Set(
      c.treatments.filter((t) =>
        t.drug !== drug && t.drugClass === first.drugClass &&
        c.treatments.filter((p) => p.drug === t.drug).every((p) =>
          p.end !== null && notBefore(c, first.start.timeId, p.end.timeId)
        )
      ).map((t) => t.drug),
    ),
  ];
  if (earlier.length === 0) {
    return { answer: "do not know", basis: `no earlier ${first.drugClass} recorded` };
  }
  const answers = earlier.map((d) => ({ d, a: temporal(c, d, up) }));
  const yes = answers.find((x) => x.a.answer === "yes");
  const no = answers.find((x) => x.a.answer === "no");
  const pick = yes ?? no;
  return {
    answer: pick ? pick.a.answer : "do not know",
    basis: answers.map((x) => `${x.d}: ${x.a.answer} (${x.a.basis})`).join("; "),
  };
}

/**
 * The Naranjo scale, adapted for benefit, for one drug in one case: each of the ten questions
 * answered from the case's timeline (see `NARANJO_QUESTIONS`), its score, the total and
 * its category.
 *
 * @param c The case.
 * @param drug A drug the case was given.
 * @param options The study's indication and direction of improvement.
 * @returns The assessment.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, naranjoPair, naranjoQuestionRows } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * const c = s.cases.find((x) => x.treatments.length > 0)!;
 * const r = naranjoPair(c, c.treatments[0].drug, s.study);
 * assert.equal(r.items.length, naranjoQuestionRows().length); // one per question of the scale
 * assert.equal(r.total, r.items.reduce((t, i) => t + i.score, 0)); // the sum
 * ```
 */
export function naranjoPair(c: Case, drug: string, options: NaranjoOptions): NaranjoRow {
  const first = c.treatments.find((t) => t.drug === drug);
  if (!first) throw new RangeError(`naranjoPair: case ${c.id} never takes ${drug}`);
  const up = options.improvement === "increase";
  const q2 = temporal(c, drug, up);
  const q3 = dechallenge(c, drug, options, up);
  const q4 = rechallenge(c, drug, up);
  const q8 = doseResponse(c, drug, options, up);
  const compared = [...(q2.compared ?? []), ...(q4.compared ?? []), ...(q8.compared ?? [])];
  const q5 = alternatives(c, drug, compared, options);
  const scales = [...new Set(c.observations.map((x) => x.scale.name))];
  // A question no data can answer takes its fixed answer from its record (NARANJO_QUESTIONS,
  // one place); only the basis is said here.
  const fixed = (i: number, basis: string): Answered => ({
    answer: NARANJO_QUESTIONS[i].fixed!,
    basis,
  });
  const answers: Answered[] = [
    fixed(0, "a question about the literature: not answered from data"),
    q2,
    q3,
    q4,
    q5,
    fixed(5, "no placebo given (none recorded)"),
    fixed(6, "no drug concentration measured (none recorded)"),
    q8,
    previousExposure(c, drug, up),
    fixed(9, `only the patient's own ratings (${listing(scales, "no values")})`),
  ];
  const items = answers.map((a, i) => ({
    number: i + 1,
    answer: a.answer,
    score: NARANJO_QUESTIONS[i].scores[a.answer],
    basis: a.basis,
  }));
  const total = items.reduce((t, i) => t + i.score, 0);
  return {
    caseId: c.id,
    drug,
    purpose: first.purpose,
    forIndication: first.purpose === options.indication,
    items,
    total,
    category: naranjoCategory(total),
  };
}

/**
 * The Naranjo assessment, adapted for benefit, of every drug given in every case of an article:
 * one row per case and drug, the drugs given for the indication and, as possible alternative
 * causes, those given for another purpose (`forIndication` tells them apart), in the order of
 * the case's treatments.
 *
 * @param series The case series (only its cases are read).
 * @param sourceId The article.
 * @param options The study's indication and direction of improvement.
 * @returns One row per case and drug.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, naranjoRows } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * const [id] = s.sources.keys();
 * const rows = naranjoRows(s, id, s.study);
 * const pairs = s.cases.filter((c) => c.sourceId === id)
 *   .reduce((n, c) => n + new Set(c.treatments.map((t) => t.drug)).size, 0);
 * assert.equal(rows.length, pairs); // one row per case and drug
 * ```
 */
export function naranjoRows(
  series: Pick<CaseSeries, "cases">,
  sourceId: string,
  options: NaranjoOptions,
): NaranjoRow[] {
  return series.cases.filter((c) => c.sourceId === sourceId).flatMap((c) =>
    [...new Set(c.treatments.map((t) => t.drug))].map((d) => naranjoPair(c, d, options))
  );
}
