/**
 * Sensitivity of the headline numbers to the choices the extraction and the analysis made: every
 * quantity recomputed under each baseline definition and at the nominal values and both bounds of
 * the extraction intervals.
 *
 * @module
 */
import { atBound, type ExtractionBound, type NominalInterval } from "../intervals.ts";

/** `atBound`, for a value that may be missing. */
const pick = (x: NominalInterval | null, bound: ExtractionBound, favourHigh: boolean) =>
  x === null ? null : atBound(x, bound, favourHigh);
import type { Case } from "../model.ts";
import { BASELINE_DEFINITIONS } from "../timeline.ts";
import { caseChange, timeToRelief } from "./change.ts";
import { prePost, responders, type SensitivityRow, signTest } from "./pooled.ts";
import { STUDY } from "../study.ts";

const BOUNDS: readonly ExtractionBound[] = ["nominal", "best", "worst"];

/**
 * The sensitivity table: per case, percent reduction at the first and last post-drug value and
 * days to 30 % and 50 % relief; pooled, the number of responders (≥ 50 % at the last value,
 * nominal values) and the sign-test p-value; each under every baseline definition and bound. Infinite bounds (an
 * open time interval) are reported as `null`.
 *
 * @example
 * ```ts
 * import { loadCaseSeries } from "../load.ts";
 * import { sensitivityTable } from "./sensitivity.ts";
 * const rows = sensitivityTable((await loadCaseSeries()).cases);
 * rows.filter((r) => r.caseId === "2" && r.quantity === "days to 50% reduction")
 *   .map((r) => r.value); // [6, 0, 6, 6, 0, 6, 6, 0, 6]
 * ```
 */
export function sensitivityTable(
  cases: readonly Case[],
  drug: string = STUDY.drug,
): SensitivityRow[] {
  const rows: SensitivityRow[] = [];
  const finite = (v: number | null) => (v === null || !Number.isFinite(v) ? null : v);
  for (const baseline of BASELINE_DEFINITIONS) {
    for (const c of cases) {
      const ch = caseChange(c, { drug, baseline });
      for (const bound of BOUNDS) {
        rows.push({
          caseId: c.id,
          quantity: "percent reduction, first post-drug VAS",
          baseline,
          bound,
          value: finite(pick(ch.points[0]?.percentReduction ?? null, bound, true)),
          n: ch.n,
        });
        rows.push({
          caseId: c.id,
          quantity: "percent reduction, last post-drug VAS",
          baseline,
          bound,
          value: finite(pick(ch.points.at(-1)?.percentReduction ?? null, bound, true)),
          n: ch.n,
        });
        for (const pct of [30, 50]) {
          const t = timeToRelief(c, pct, { drug, baseline });
          rows.push({
            caseId: c.id,
            quantity: `days to ${pct}% reduction`,
            baseline,
            bound,
            value: t.reached ? finite(pick(t.day, bound, false)) : null,
            n: t.n,
          });
        }
      }
    }
    const r = responders(cases, { drug, baseline }).find((x) =>
      x.timing === "last" && x.threshold.kind === "percent" && x.threshold.value === 50
    )!;
    rows.push({
      caseId: "all",
      quantity: "responders ≥50%, last post-drug VAS",
      baseline,
      bound: "nominal",
      value: r.count,
      n: r.n,
    });
    for (const bound of BOUNDS) {
      const s = signTest(prePost(cases, { drug, baseline, timing: "last", bound }));
      rows.push({
        caseId: "all",
        quantity: "sign test p, last post-drug VAS",
        baseline,
        bound,
        value: s.pValue,
        n: s.n,
      });
    }
  }
  return rows;
}
