/**
 * Cases constructed in memory for tests: time points at exact days from day 0 (`t0`), unless a
 * day is given as an interval `[lo, hi]` (a time the words leave open), dose periods between them
 * and values on a 10 cm VAS.
 */
import { type Case, type CaseSeries, SCALES, type Study, type Treatment } from "../../lib/mod.ts";

/** The indication of the constructed periods (unless a period says otherwise). */
export const CONSTRUCTED_INDICATION = "pain";

/**
 * A period: drug, dose (mg/day, or null), start and end time ids (end null: open). An open
 * period is tied (data/README.md, "A period with no stated end") to every value after its
 * start, whose quote names its drug, unless `untied` (then it is certain at none of them).
 */
export interface Period {
  drug: string;
  dose: number | null;
  start: string;
  end: string | null;
  purpose?: string;
  drugClass?: string;
  untied?: boolean;
}

/**
 * A case whose time points are exact days from day 0 (`t0`), with the given periods and values
 * (time id → VAS on a 10 cm scale, or [lo, hi]).
 */
export function makeCase(
  days: Record<string, number | [number, number]>,
  periods: Period[],
  values: Record<string, number | [number, number]>,
): Case {
  const all = { t0: 0, ...days };
  const timepoints = Object.entries(all).map(([id, x], order) => {
    const [lo, hi] = typeof x === "number" ? [x, x] : x;
    const d = (lo + hi) / 2;
    return {
      id,
      rule: id === "t0" ? "origin" as const : "exact" as const,
      anchor: id === "t0" ? null : "t0",
      bound: null,
      day: { lo, hi, nominal: d, timeId: id, depth: id === "t0" ? 0 : 1, order },
      offset: { lo, hi, nominal: d },
      depth: id === "t0" ? 0 : 1,
      order,
      words: id,
      quote: id,
      columns: {},
    };
  });
  const day = (id: string) => timepoints.find((t) => t.id === id)!.day;
  const treatments: Treatment[] = periods.map((p) => ({
    drug: p.drug,
    drugClass: p.drugClass ?? `${p.drug} class`,
    dose: p.dose === null ? null : { lo: p.dose, hi: p.dose },
    doseWords: null,
    route: null,
    frequency: null,
    start: day(p.start),
    end: p.end === null ? null : day(p.end),
    purpose: p.purpose ?? CONSTRUCTED_INDICATION,
    outcome: null,
    quote: p.drug,
    columns: {},
  }));
  // A value's quote names the drugs of the open periods begun before it (not untied).
  const named = (id: string) =>
    periods.filter((p) => p.end === null && !p.untied && day(p.start).lo < day(id).lo)
      .map((p) => ` ${p.drug}`).join("");
  const observations = Object.entries(values).map(([id, x]) => {
    const [lo, hi] = typeof x === "number" ? [x, x] : x;
    const vas = { lo, hi, nominal: (lo + hi) / 2 };
    return {
      day: day(id),
      scale: SCALES["vas-10cm"],
      value: vas,
      common: vas,
      words: `VAS ${x}`,
      note: null,
      span: null,
      quote: `${id}${named(id)}`,
      columns: {},
    };
  }).sort((a, b) => a.day.nominal - b.day.nominal);
  const amputation = {
    kind: "amputation",
    day: day("t0"),
    description: "",
    quote: "",
    columns: {},
  };
  return {
    id: "N1",
    sourceId: "constructed",
    age: 50,
    sex: "male",
    sds: null,
    limb: "lower",
    side: "left",
    level: "",
    cause: "",
    day0: "",
    amputation,
    treatments,
    observations,
    events: [amputation],
    timepoints,
    study: undefined as never,
    columns: {},
  };
}

/**
 * A series of constructed cases around one drug of interest ("drug-x", given for
 * {@link CONSTRUCTED_INDICATION}; the other settings of `study`): `ok` has a value before and after
 * its start (6 → 4.5 → 3.5: a 25%, then a 41.7% reduction, so of the study's own percent thresholds, 30%
 * and 50%, the first is reached 30 days after the start and the second never);
 * `no-before` has values after it only, `no-after` before it only (two: its baseline moves with
 * the baseline definition, but no number of it does), and `other-drug` never takes it, so
 * that no change after the drug can be computed for these three.
 *
 * @param study The study whose thresholds and baseline definition the cases take.
 * @returns The series (no article recorded).
 */
export function aroundDrug(study: Study): CaseSeries {
  const own: Study = {
    ...study,
    drug: "drug-x",
    indication: CONSTRUCTED_INDICATION,
    thresholds: [{ kind: "percent", value: 30 }, { kind: "percent", value: 50 }],
  };
  const days = { early: 2, before: 5, start: 10, after: 20, later: 40 };
  const periods = [{ drug: own.drug, dose: 10, start: "start", end: null }];
  const made = (id: string, values: Record<string, number>, p: Period[] = periods): Case => ({
    ...makeCase(days, p, values),
    id,
    study: own,
  });
  return {
    study: own,
    sources: new Map(),
    cases: [
      made("ok", { before: 6, after: 4.5, later: 3.5 }),
      made("no-before", { after: 4, later: 2 }),
      made("no-after", { early: 8, before: 7 }),
      made("other-drug", { before: 6, after: 5 }, [{ ...periods[0], drug: "drug-y" }]),
    ],
  };
}

/**
 * A case of {@link aroundDrug}'s series ("zero", around its drug) whose one value before the drug
 * is stated as a range from 0 ("0–8", nominal 4): after it, 1 and 1. No percent of a baseline
 * that may be 0 is defined, although the values fall.
 *
 * @param series The series ({@link aroundDrug}).
 * @returns The case.
 */
export function zeroBaseline(series: CaseSeries): Case {
  const days = { before: 5, start: 10, after: 20, later: 40 };
  const period = { drug: series.study.drug, dose: 10, start: "start", end: null };
  return {
    ...makeCase(days, [period], { before: [0, 8], after: 1, later: 1 }),
    id: "zero",
    study: series.study,
  };
}

/**
 * A constructed case around the drug of {@link aroundDrug} (its study, from `study`) with the given
 * days and values; the time points named in `narrative` are placed only by the narrative (their
 * nominal day is a placeholder).
 *
 * @param study The study the case's study is derived from (see {@link aroundDrug}).
 * @param days Each time point's day (or bounds).
 * @param values Each time point's value (or bounds).
 * @param narrative Time points placed only by the narrative.
 * @returns The case.
 */
export function around(
  study: Study,
  days: Record<string, number | [number, number]>,
  values: Record<string, number | [number, number]>,
  narrative: string[] = [],
): Case {
  const own = aroundDrug(study).study;
  const c = makeCase(days, [{ drug: own.drug, dose: 10, start: "start", end: null }], values);
  const timepoints = c.timepoints.map((t) =>
    narrative.includes(t.id) ? { ...t, rule: "after" as const } : t
  );
  return { ...c, timepoints, study: own };
}
