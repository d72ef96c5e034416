/**
 * How robust the headline conclusions are to the readings of the text and to the rounding of the
 * stated values: every claim verdict and responder count recomputed in each analysis variant (the
 * dataset under a combination of alternative readings, `lib/readings.ts`), as stated and with
 * every stated value widened by its rounding, with the number of variants in which it holds.
 *
 * @module
 */
import { valueScale } from "../cases.ts";
import { claimsLedger } from "./mod.ts";
import type { CaseSeries } from "../model.ts";
import { responders, thresholdLabel } from "../analysis/responders.ts";
import type { NamedSeries } from "../analysis/sensitivity.ts";
import { withRounding } from "../rounding.ts";
import { casesListing } from "../prose.ts";

/** A headline conclusion and its value in one dataset. */
export interface Conclusion {
  /** Identifier. */
  id: string;
  /** The conclusion, in words. */
  label: string;
  /** Its value (a verdict, a count, yes/no) as text. */
  value: string;
}

/**
 * The headline conclusions of one dataset: the verdict of every claim of the ledger, and the
 * number of responders at the first and last value after the drug for every threshold of the
 * study (default baseline, nominal values). With `rounding`, each as it is with every stated value
 * widened by its rounding (`withRounding`, `lib/rounding.ts`): a claim's verdict on the widened
 * values (its `rounded` verdict); a responder count, at nominal values, which rounding leaves as
 * stated, followed by the cases that reach (or miss) the threshold at every bound as stated but
 * not once rounding widens them ("; case 3 not sure as a responder under rounding"), so that it differs from the
 * value as stated exactly when rounding moves a case's responder conclusion.
 *
 * @param series The case series.
 * @param options `drug`: the drug whose start is day 0 (default: the study's drug of interest);
 * `rounding`: the conclusions with every stated value widened by its rounding (default: as stated).
 * @returns The conclusions with their values.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { claimsLedger, headlineConclusions, loadCaseSeries } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * // Every claim of the ledger is a conclusion, with its verdict as the value.
 * const ids = new Set(headlineConclusions(s).map((x) => x.id));
 * assert.ok(claimsLedger(s).every((claim) => ids.has(`claim:${claim.id}`)));
 * // With rounding, the same conclusions, in the same order.
 * const rounded = headlineConclusions(s, { rounding: true }).map((x) => x.id);
 * assert.deepEqual(rounded, [...ids]);
 * ```
 */
export function headlineConclusions(
  series: CaseSeries,
  options: HeadlineOptions = {},
): Conclusion[] {
  const both = bothConclusions(series, options.drug ?? series.study.drug);
  return options.rounding ? both.rounded : both.stated;
}

/**
 * The headline conclusions as stated and with rounding, from one claims ledger (it judges every
 * claim both ways) and one count of responders each way.
 */
function bothConclusions(
  series: CaseSeries,
  drug: string,
): { stated: Conclusion[]; rounded: Conclusion[] } {
  const ledger = claimsLedger(series);
  const claims = (rounding: boolean) =>
    ledger.map((c) => ({
      id: `claim:${c.id}`,
      label: `"${c.quote}" (${c.where})`,
      value: rounding ? c.rounded.verdict : c.verdict,
    }));
  const scale = valueScale(series.cases);
  const stated = responders(series.cases, { drug });
  const widened = responders(series.cases.map(withRounding), { drug });
  const resp = (rounding: boolean) =>
    stated.map((r, i) => {
      const sure = new Set(r.uncertain.map((u) => u.caseId));
      const moved = rounding
        ? widened[i].uncertain.map((u) => u.caseId).filter((id) => !sure.has(id))
        : [];
      return {
        id: `responders:${r.timing}:${r.threshold.kind}:${r.threshold.value}`,
        label: `responders (${
          thresholdLabel(r.threshold, scale)
        }, ${r.timing} value after ${drug})`,
        value: `${r.count}/${r.n}` + (r.responders.length ? ` (${r.responders.join(", ")})` : "") +
          (moved.length
            ? `; ${casesListing(moved)} not sure as ${
              moved.length === 1 ? "a responder" : "responders"
            } under rounding`
            : ""),
      };
    });
  return { stated: [...claims(false), ...resp(false)], rounded: [...claims(true), ...resp(true)] };
}

/** Options of {@link headlineConclusions}. */
export interface HeadlineOptions {
  /** The drug whose start is day 0 (default: the study's drug of interest). */
  drug?: string;
  /** Whether every stated value is widened by its rounding (default: false, as stated). */
  rounding?: boolean;
}

/** How robust a headline conclusion is to the readings of the text. */
export interface Robustness {
  /** The conclusion's id. */
  id: string;
  /** The conclusion, in words. */
  label: string;
  /** Its value in the dataset as extracted. */
  value: string;
  /** In how many variants it has that value. */
  holds: number;
  /** Number of variants. */
  of: number;
  /** The variants where it differs, each with its value there. */
  differs: { variant: string; value: string }[];
  /**
   * The same with every stated value widened by its rounding (`headlineConclusions` with
   * `rounding`): in how many variants it still has its value as extracted, and where not.
   */
  rounding: { holds: number; differs: { variant: string; value: string }[] };
}

/**
 * In how many analysis variants each headline conclusion of the first variant (the dataset as
 * extracted) keeps its value, and what it becomes where it does not; the same with every stated
 * value widened by its rounding (`rounding`).
 *
 * @param variants The datasets under each set of readings, the dataset as extracted first.
 * @returns One row per conclusion of the first variant.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { conclusionRobustness, loadCaseSeries } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * // With one variant, every conclusion holds in it as stated.
 * const rows = conclusionRobustness([{ name: "as extracted", series: s }]);
 * assert.ok(rows.every((r) => r.holds === 1 && r.of === 1 && r.differs.length === 0));
 * // With rounding, it holds or it moves: never both.
 * assert.ok(rows.every((r) => r.rounding.holds + r.rounding.differs.length === 1));
 * ```
 */
export function conclusionRobustness(variants: readonly NamedSeries[]): Robustness[] {
  if (variants.length === 0) {
    throw new RangeError(
      "conclusionRobustness: expected at least one variant (the dataset as extracted)",
    );
  }
  // Each variant's conclusions both ways, from one ledger and one count each way.
  const both = variants.map((v) => ({
    name: v.name,
    ...bothConclusions(v.series, v.series.study.drug),
  }));
  const valuesOf = (rounding: boolean) =>
    both.map((v) => ({
      name: v.name,
      values: new Map((rounding ? v.rounded : v.stated).map((c) => [c.id, c.value])),
    }));
  const stated = valuesOf(false);
  const rounded = valuesOf(true);
  const first = both[0].stated;
  const differing = (all: typeof stated, c: Conclusion) =>
    all.filter((v) => v.values.get(c.id) !== c.value).map((v) => ({
      variant: v.name,
      value: v.values.get(c.id) ?? "not defined",
    }));
  return first.map((c) => {
    const differs = differing(stated, c);
    const withRounding = differing(rounded, c);
    return {
      ...c,
      holds: variants.length - differs.length,
      of: variants.length,
      differs,
      rounding: { holds: variants.length - withRounding.length, differs: withRounding },
    };
  });
}
