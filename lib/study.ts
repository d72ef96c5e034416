/**
 * The study question, as data: `data/study.json` says which drug is analysed, for which
 * indication, which direction of the pain scale is improvement, which baseline is the default and
 * which thresholds make a responder. The loader reads it (see {@link parseStudy}) and every case
 * carries it (`Case.study`), so every analysis takes its defaults from the data: re-using the
 * project for another drug is a change to `data/study.json` alone, and nothing in `lib/` names a
 * drug or a threshold.
 *
 * @module
 */
import { z } from "zod";
import type { EffectSizeOptions } from "./stats/types.ts";
import { wrongArgument } from "./wrong_argument.ts";

/** Responder thresholds: a percent reduction, or a reduction in points of the common 0–10 metric. */
export type ResponderThreshold = { kind: "percent"; value: number } | {
  kind: "points";
  value: number;
};

/** How the baseline before the drug is defined: last value, maximum, or mean of the values. */
export type BaselineDefinition = "last" | "max" | "mean";

/** The question the analyses answer (read from `data/study.json`). */
export interface Study {
  /** A short title of the question. */
  title: string;
  /** The drug of interest (generic name, as in `treatments.csv`): its first start is day 0. */
  drug: string;
  /** The `purpose` of treatments given for the condition studied (others are co-medication). */
  indication: string;
  /** Direction of improvement on the common 0–10 pain metric. */
  improvement: "decrease" | "increase";
  /** The best possible value of the common metric (for PoGO): 0 when improvement is a decrease. */
  goal: number;
  /** Default baseline definition. */
  baseline: BaselineDefinition;
  /** Responder thresholds, in the file's order. */
  thresholds: readonly ResponderThreshold[];
  /** Where the thresholds come from. */
  thresholdsSource: string | null;
  /** The fewest values a phase must have for a single-case index to be reported. */
  minPointsPerPhase: number;
  /** Where that minimum comes from. */
  minPointsSource: string | null;
  /** The fewest estimable cases for a forest plot to be drawn. */
  minCasesForest: number;
  /** The fewest assessed cases for a responder curve to be drawn. */
  minCasesResponderCurve: number;
  /**
   * An early window, in days from the drug's first start, over which each case's area under the
   * pain curve is also computed; `null`: none (the area over the whole follow-up only).
   */
  aucWindowDays: number | null;
  /**
   * The significance level a test's p-value is read against: a p that the test cannot go below it
   * with its pairs, whatever the data, is not shown as a headline number; `null`: none set (every
   * p is shown beside the smallest it could be).
   */
  significanceLevel: number | null;
}

const thresholdSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("percent"),
    value: z.number().gt(0).max(100).meta({ description: "Percent reduction (0-100]." }),
  }).strict(),
  z.object({
    kind: z.literal("points"),
    value: z.number().gt(0).max(10).meta({
      description: "Reduction in points of the common 0-10 metric.",
    }),
  }).strict(),
]);

/** The schema of `data/study.json` (also described in `data/datapackage.json`). */
export const studySchema: z.ZodType<StudyJson, unknown> = z.object({
  title: z.string().trim().min(1).meta({ description: "A short title of the study question." }),
  drug_of_interest: z.string().trim().regex(/^[a-z0-9][a-z0-9 ()/-]*$/, {
    message: "must be a generic drug name in lower case, as in treatments.csv",
  }).meta({ description: "Generic name of the drug analysed (as in treatments.csv)." }),
  indication: z.string().trim().min(1).meta({
    description: "The treatments.csv purpose of the condition studied.",
  }),
  improvement: z.enum(["decrease", "increase"], {
    message: "must be one of: decrease, increase",
  }).meta({ description: "Direction of improvement on the common 0-10 pain metric." }),
  baseline: z.enum(["last", "max", "mean"], { message: "must be one of: last, max, mean" }).meta({
    description: "Default baseline before the drug: the last value, the maximum or the mean.",
  }),
  responder_thresholds: z.array(thresholdSchema).min(1).meta({
    description: "Responder thresholds: {kind: percent|points, value}.",
  }),
  thresholds_source: z.string().trim().min(1).optional().meta({
    description: "Citation of the thresholds.",
  }),
  min_points_per_phase: z.number().int().min(1).meta({
    description: "The fewest values a phase must have for a single-case index to be reported.",
  }),
  min_points_source: z.string().trim().min(1).optional().meta({
    description: "Citation of that minimum (e.g. the SCED standards).",
  }),
  min_cases_forest: z.number().int().min(1).meta({
    description: "The fewest estimable cases for a forest plot to be drawn.",
  }),
  min_cases_responder_curve: z.number().int().min(1).meta({
    description: "The fewest assessed cases for a responder curve to be drawn.",
  }),
  min_cases_source: z.string().trim().min(1).optional().meta({
    description: "Why those minimums.",
  }),
  auc_window_days: z.number().int().min(1).optional().meta({
    description: "An early window, in days from the drug's first start, over which each case's " +
      "area under the pain curve is also computed (left out: the whole follow-up only).",
  }),
  significance_level: z.number().gt(0).lt(1).optional().meta({
    description: "The level a test's p-value is read against: a p the test cannot go below it " +
      "with its pairs is not shown as a headline number (left out: none).",
  }),
  significance_source: z.string().trim().min(1).optional().meta({
    description: "Citation of that level.",
  }),
}).strict();

/** The JSON of `data/study.json`, as its schema checks it. */
export interface StudyJson {
  /** A short title of the study question. */
  title: string;
  /** Generic name of the drug analysed. */
  drug_of_interest: string;
  /** The treatments.csv purpose of the condition studied. */
  indication: string;
  /** Direction of improvement on the common 0–10 metric. */
  improvement: "decrease" | "increase";
  /** Default baseline definition. */
  baseline: BaselineDefinition;
  /** Responder thresholds. */
  responder_thresholds: ResponderThreshold[];
  /** Citation of the thresholds. */
  thresholds_source?: string;
  /** The fewest values a phase must have for a single-case index to be reported. */
  min_points_per_phase: number;
  /** Citation of that minimum. */
  min_points_source?: string;
  /** The fewest estimable cases for a forest plot. */
  min_cases_forest: number;
  /** The fewest assessed cases for a responder curve. */
  min_cases_responder_curve: number;
  /** Why those minimums. */
  min_cases_source?: string;
  /** An early window of the area under the pain curve, in days from the drug's first start. */
  auc_window_days?: number;
  /** The level a test's p-value is read against. */
  significance_level?: number;
  /** Citation of that level. */
  significance_source?: string;
}

/**
 * Checks the parsed JSON of `data/study.json` and returns the study, or throws a message naming
 * the file and each field that is wrong.
 *
 * @param json The parsed JSON.
 * @param file The file's name, for messages.
 * @returns The study question.
 * @throws {Error} `file: field: message` lines for every problem.
 * @example
 * ```ts
 * import { parseStudy } from "#lib/mod.ts";
 * const s = parseStudy({
 *   title: "t", drug_of_interest: "duloxetine", indication: "phantom limb pain",
 *   improvement: "decrease", baseline: "last",
 *   responder_thresholds: [{ kind: "percent", value: 30 }], min_points_per_phase: 3, min_cases_forest: 3,
 *   min_cases_responder_curve: 5,
 * });
 * if (s.drug !== "duloxetine" || s.goal !== 0) throw new Error("parsed");
 * ```
 */
export function parseStudy(json: unknown, file = "study.json"): Study {
  const r = studySchema.safeParse(json);
  if (!r.success) {
    const lines = r.error.issues.map((i) =>
      `${file}: ${i.path.length > 0 ? i.path.join(".") : "(file)"}: ${i.message}`
    );
    throw new Error(lines.join("\n"));
  }
  const d = r.data;
  return Object.freeze({
    title: d.title,
    drug: d.drug_of_interest,
    indication: d.indication,
    improvement: d.improvement,
    goal: d.improvement === "decrease" ? 0 : 10,
    baseline: d.baseline,
    thresholds: Object.freeze(d.responder_thresholds.map((t) => Object.freeze({ ...t }))),
    thresholdsSource: d.thresholds_source ?? null,
    minPointsPerPhase: d.min_points_per_phase,
    minPointsSource: d.min_points_source ?? null,
    minCasesForest: d.min_cases_forest,
    minCasesResponderCurve: d.min_cases_responder_curve,
    aucWindowDays: d.auc_window_days ?? null,
    significanceLevel: d.significance_level ?? null,
  });
}

/**
 * The percent thresholds of a study, in its order.
 *
 * @param study The study question.
 * @returns The percent values.
 * @example
 * ```ts
 * import { parseStudy, percentThresholds } from "#lib/mod.ts";
 * const s = parseStudy({
 *   title: "t", drug_of_interest: "x", indication: "y", improvement: "decrease",
 *   baseline: "last",
 *   responder_thresholds: [{ kind: "percent", value: 30 }, { kind: "points", value: 2 }],
 *   min_points_per_phase: 3, min_cases_forest: 3,
 *   min_cases_responder_curve: 5,
 * });
 * if (percentThresholds(s).join() !== "30") throw new Error("only percents");
 * ```
 */
export function percentThresholds(study: Study): number[] {
  return study.thresholds.filter((t) => t.kind === "percent").map((t) => t.value);
}

/**
 * The points threshold of a study (the first one), or `null` when it has none.
 *
 * @param study The study question.
 * @returns The reduction in points of the common metric, or `null`.
 * @example
 * ```ts
 * import { parseStudy, pointsThreshold } from "#lib/mod.ts";
 * const s = parseStudy({
 *   title: "t", drug_of_interest: "x", indication: "y", improvement: "decrease",
 *   baseline: "last", responder_thresholds: [{ kind: "points", value: 2 }],
 *   min_points_per_phase: 3, min_cases_forest: 3,
 *   min_cases_responder_curve: 5,
 * });
 * if (pointsThreshold(s) !== 2) throw new Error("two points");
 * ```
 */
export function pointsThreshold(study: Study): number | null {
  return study.thresholds.find((t) => t.kind === "points")?.value ?? null;
}

/**
 * The effect-size options of a study: its direction of improvement, and its goal for PoGO.
 *
 * @param study The study question (`series.study`).
 * @returns The options every effect size of the notebooks uses.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries, painOptions } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * assert.deepEqual(painOptions(s.study), { improvement: s.study.improvement, goal: s.study.goal });
 * ```
 */
export function painOptions(study: Study): EffectSizeOptions {
  const s: unknown = study;
  if (
    typeof s !== "object" || s === null ||
    !["decrease", "increase"].includes((s as Partial<Study>).improvement as string) ||
    typeof (s as Partial<Study>).goal !== "number"
  ) {
    const carrier = typeof s === "object" && s !== null && "study" in s
      ? ("cases" in s ? "series" : "c")
      : null;
    const hint = carrier
      ? `The ${carrier === "c" ? "case" : carrier} carries its study: ` +
        `painOptions(${carrier}.study)`
      : "";
    wrongArgument("painOptions", "a study (series.study or c.study)", study, hint);
  }
  return { improvement: study.improvement, goal: study.goal };
}
