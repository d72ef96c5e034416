/**
 * The Naranjo adverse drug reaction probability scale (Naranjo CA, Busto U, Sellers EM et al. A
 * method for estimating the probability of adverse drug reactions. Clin Pharmacol Ther
 * 1981;30:239–245) as data: its ten questions with their published wording and scores, each
 * with the question asked of a benefit and how the data answer it, the published categories of
 * the total, and the tables that show an assessment (`naranjo.ts` computes the answers).
 *
 * @module
 */

import { listing } from "../prose.ts";

/** An answer to a question of the scale. */
export type NaranjoAnswer = "yes" | "no" | "do not know";

/** A question of the scale: the published wording and scores, and its adaptation for benefit. */
export interface NaranjoQuestion {
  /** Its number in the published scale (1–10). */
  number: number;
  /** A short name for table headers. */
  short: string;
  /** The published question. */
  published: string;
  /** The question asked here, of a benefit. */
  adapted: string;
  /** The published score of each answer. */
  scores: Readonly<Record<NaranjoAnswer, number>>;
  /** How it is answered from the data. */
  how: string;
  /** The answer every case gets, when the data model holds nothing that could answer it. */
  fixed?: NaranjoAnswer;
  /**
   * For the question on alternative causes: only other drugs given for the study's indication
   * count as such a cause (those given for another purpose are named, not scored).
   */
  alternativesForIndicationOnly?: true;
}

const s = (yes: number, no: number): Record<NaranjoAnswer, number> => ({
  yes,
  no,
  "do not know": 0,
});

/**
 * The ten questions of the Naranjo scale in their published order, wording and scores
 * (Naranjo et al. 1981, Table; as reproduced, e.g., in PMC5774610 Table 2), each with the
 * question asked of a benefit and how the data answer it.
 */
export const NARANJO_QUESTIONS: readonly NaranjoQuestion[] = [
  {
    number: 1,
    short: "previous reports",
    published: "Are there previous conclusive reports on this reaction?",
    adapted: "Are there previous conclusive reports that the drug relieves this condition?",
    scores: s(1, 0),
    how: "a question about the literature, not the case: not answered from a case's data " +
      "(do not know, 0)",
    fixed: "do not know",
  },
  {
    number: 2,
    short: "after start",
    published: "Did the adverse event appear after the suspected drug was administered?",
    adapted: "Did the pain improve after the drug was started?",
    scores: s(2, -1),
    how: "the first value while the drug may be given against the last value certainly before " +
      "its first start: yes when certainly better (at every bound), no when certainly not " +
      "better, do not know when either is missing or the bounds overlap",
  },
  {
    number: 3,
    short: "dechallenge",
    published:
      "Did the adverse event improve when the drug was discontinued or a specific antagonist " +
      "was administered?",
    adapted: "Did the pain return (worsen) when the drug was stopped?",
    scores: s(1, 0),
    how: "after each stop, the first value certainly after it (the drug not given) against the " +
      "last value on the drug: yes when certainly worse, no when certainly not worse; do not " +
      "know when never stopped, no value on either side, or another drug for the indication " +
      "may be given at the value after the stop (a switch is not a dechallenge); no antagonist " +
      "of a benefit exists. A dose reduction is question 8",
  },
  {
    number: 4,
    short: "rechallenge",
    published: "Did the adverse event reappear when the drug was readministered?",
    adapted: "Did the pain improve again when the drug was restarted after a stop?",
    scores: s(2, -1),
    how: "a restart (a dose period starting after a stop of the same drug): the first value on " +
      "the restarted drug against the last value after the stop: yes when certainly better, no " +
      "when certainly not better; do not know with no restart or no values around it",
  },
  {
    number: 5,
    short: "alternative causes",
    published: "Are there alternative causes that could on their own have caused the reaction?",
    adapted: "Are there alternative causes that could on their own have improved the pain?",
    scores: s(-1, 2),
    how: "yes when another drug given for the indication may be given at a value taken as the " +
      "response in questions 2, 4 or 8 (the later value of each comparison); otherwise do not know: an uncontrolled case cannot exclude the " +
      "natural course, regression to the mean or expectation, so 'no' (+2) is never given " +
      "from the data; drugs given for another purpose at those values are named",
    alternativesForIndicationOnly: true,
  },
  {
    number: 6,
    short: "placebo",
    published: "Did the reaction reappear when a placebo was given?",
    adapted: "Did the pain improve when a placebo was given?",
    scores: s(-1, 1),
    how: "no placebo is recorded in the data model: do not know (0)",
    fixed: "do not know",
  },
  {
    number: 7,
    short: "drug level",
    published:
      "Was the drug detected in blood or other fluids in concentrations known to be toxic?",
    adapted: "Was the drug detected in blood or other fluids in concentrations known to be " +
      "effective?",
    scores: s(1, 0),
    how: "no drug concentration is recorded in the data model: do not know (0)",
    fixed: "do not know",
  },
  {
    number: 8,
    short: "dose–response",
    published:
      "Was the reaction more severe when the dose was increased or less severe when the dose " +
      "was decreased?",
    adapted: "Was the pain less severe when the dose was increased, or more severe when it was " +
      "decreased?",
    scores: s(1, 0),
    how: "consecutive values each certainly on a dose period of the drug, at stated doses that " +
      "differ, with the same other drugs for the indication possibly given at both: yes when " +
      "one pair moves with the dose (higher dose, certainly better; lower dose, certainly " +
      "worse), no when pairs exist and none does; do not know otherwise",
  },
  {
    number: 9,
    short: "previous exposure",
    published:
      "Did the patient have a similar reaction to the same or similar drugs in any previous " +
      "exposure?",
    adapted: "Did the pain improve on a similar drug (same class) in an earlier exposure?",
    scores: s(1, 0),
    how: "another drug of the same drug class, as the data record it, stopped before this " +
      "drug's start: its " +
      "question 2 answer (yes or no); do not know when no earlier exposure is recorded (an " +
      "earlier course of the same drug is question 4)",
  },
  {
    number: 10,
    short: "objective evidence",
    published: "Was the adverse event confirmed by any objective evidence?",
    adapted: "Was the improvement confirmed by any objective evidence?",
    scores: s(1, 0),
    how: "no: every pain value is the patient's own rating; no objective measure is recorded",
    fixed: "no",
  },
];

/** A category of the total score. */
export type NaranjoCategory = "definite" | "probable" | "possible" | "doubtful";

/**
 * The published category of a total Naranjo score: ≥ 9 definite, 5–8 probable, 1–4 possible,
 * ≤ 0 doubtful.
 *
 * @param total The sum of the ten scores (an integer from −4 to 13).
 * @returns Its category.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { naranjoCategory } from "#lib/mod.ts";
 * assert.equal(naranjoCategory(9), "definite");
 * assert.equal(naranjoCategory(0), "doubtful");
 * ```
 */
export function naranjoCategory(total: number): NaranjoCategory {
  if (!Number.isInteger(total)) {
    throw new RangeError(`naranjoCategory: expected an integer total, got ${total}`);
  }
  return total >= 9 ? "definite" : total >= 5 ? "probable" : total >= 1 ? "possible" : "doubtful";
}

/** One question answered for one drug in one case. */
export interface NaranjoItem {
  /** The question's number. */
  number: number;
  /** The answer. */
  answer: NaranjoAnswer;
  /** Its published score. */
  score: number;
  /** What the answer rests on. */
  basis: string;
}

/** The Naranjo assessment of one drug–response pair. */
export interface NaranjoRow {
  /** Case id. */
  caseId: string;
  /** The drug. */
  drug: string;
  /** What it was given for (`purpose`). */
  purpose: string;
  /** Whether that is the study's indication. */
  forIndication: boolean;
  /** The ten answers, in order. */
  items: NaranjoItem[];
  /** The sum of the scores. */
  total: number;
  /** The published category of the total. */
  category: NaranjoCategory;
}

/** The columns of {@link naranjoTableRows}: one per question, named by number and topic. */
export const NARANJO_COLUMNS: readonly string[] = [
  "case",
  "drug",
  "given for",
  ...NARANJO_QUESTIONS.map((q) => `Q${q.number} ${q.short}`),
  "total",
  "category",
];

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `\u2212${-n}` : "0");

/**
 * Naranjo rows as a wide table: one row per case and drug, one column per question with its
 * answer and score ("yes +2"), the total and the category (columns: {@link NARANJO_COLUMNS}).
 *
 * @param rows From `naranjoRows` (`naranjo.ts`).
 * @returns Table rows.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { naranjoTableRows } from "#lib/mod.ts";
 * assert.deepEqual(naranjoTableRows([]), []);
 * ```
 */
export function naranjoTableRows(
  rows: readonly NaranjoRow[],
): Record<string, string | number>[] {
  return rows.map((r) => {
    const cells: (string | number)[] = [
      r.caseId,
      r.drug,
      r.purpose,
      ...r.items.map((i) => `${i.answer} ${signed(i.score)}`),
      r.total,
      r.category,
    ];
    return Object.fromEntries(NARANJO_COLUMNS.map((c, i) => [c, cells[i]]));
  });
}

/**
 * Naranjo rows as a long table of the answers computed from the data (questions 2, 3, 4, 5, 8
 * and 9): case, drug, question, answer, score and what the answer rests on. The questions every
 * case answers alike (1, 6, 7, 10) are in {@link naranjoQuestionRows}.
 *
 * @param rows From `naranjoRows` (`naranjo.ts`).
 * @returns Table rows.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { naranjoBasisRows } from "#lib/mod.ts";
 * assert.deepEqual(naranjoBasisRows([]), []);
 * ```
 */
export function naranjoBasisRows(
  rows: readonly NaranjoRow[],
): Record<string, string | number>[] {
  return rows.flatMap((r) =>
    r.items.filter((i) => COMPUTED.has(i.number)).map((i) => ({
      case: r.caseId,
      drug: r.drug,
      question: `Q${i.number} ${NARANJO_QUESTIONS[i.number - 1].short}`,
      answer: i.answer,
      score: i.score,
      basis: i.basis,
    }))
  );
}

/** The questions whose answer is computed from each case's data. */
const COMPUTED = new Set([2, 3, 4, 5, 8, 9]);

/**
 * The scale as adapted here, one row per question: the published question, the question asked
 * of a benefit, the published scores (numbers, so that a spreadsheet reads no formula) and how
 * the data answer it.
 *
 * @returns Ten rows.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { naranjoQuestionRows } from "#lib/mod.ts";
 * const rows = naranjoQuestionRows();
 * assert.equal(rows.length, 10);
 * assert.equal(rows[1].yes, 2);
 * assert.equal(rows[1].no, -1);
 * ```
 */
export function naranjoQuestionRows(): Record<string, string | number>[] {
  return NARANJO_QUESTIONS.map((q) => ({
    question: q.number,
    published: q.published,
    "adapted for benefit": q.adapted,
    yes: q.scores.yes,
    no: q.scores.no,
    "do not know": q.scores["do not know"],
    "answered from the data": q.how,
  }));
}

/**
 * The note under a Naranjo table, from the rules of {@link NARANJO_QUESTIONS}: every drug given
 * has a row of its own (those given for another purpose than the indication included, each
 * scored as a candidate cause in its own right); the question on alternative causes counts only
 * other drugs given for the indication (others are named in its basis, not scored); and the
 * questions every case answers the same way, with their answer and score.
 *
 * @param options The study's indication.
 * @returns The note, one paragraph.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { naranjoTableNote } from "#lib/mod.ts";
 * const note = naranjoTableNote({ indication: "phantom limb pain" });
 * assert.match(note, /Q5 \(alternative causes\) counts only other drugs given for phantom limb pain/);
 * assert.match(note, /Q10 is no \(0\)/);
 * ```
 */
export function naranjoTableNote(options: { indication: string }): string {
  const q = (x: NaranjoQuestion) => `Q${x.number}`;
  const alt = NARANJO_QUESTIONS.filter((x) => x.alternativesForIndicationOnly);
  const byAnswer = new Map<NaranjoAnswer, NaranjoQuestion[]>();
  for (const x of NARANJO_QUESTIONS) {
    if (x.fixed) byAnswer.set(x.fixed, [...byAnswer.get(x.fixed) ?? [], x]);
  }
  const fixed = [...byAnswer].map(([a, xs]) =>
    `${listing(xs.map(q))} ${xs.length > 1 ? "are" : "is"} ${a} (${xs[0].scores[a]})`
  );
  return `Every drug given has its own row, those given for another purpose than ` +
    `${options.indication} included: each is scored as a candidate cause of the improvement in ` +
    "its own right. " +
    alt.map((x) =>
      `${q(x)} (${x.short}) counts only other drugs given for ${options.indication} at the ` +
      "values compared; drugs given for another purpose at those values are named in its " +
      "basis, not scored. "
    ).join("") +
    (fixed.length
      ? "The same for every case (the data hold nothing that could answer them otherwise): " +
        `${listing(fixed)}.`
      : "");
}
