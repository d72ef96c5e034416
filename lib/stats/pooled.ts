/**
 * Comparisons across cases, one module per question — responders (`responders.ts`), paired
 * tests (`paired_tests.ts`), aggregation of effect sizes (`aggregation.ts`), line of therapy
 * (`line_of_therapy.ts`) — re-exported here with the sensitivity table's row type. With few
 * patients these are descriptive: every result carries its n and the cases it leaves out.
 *
 * @module
 */
import type { ExtractionBound } from "../intervals.ts";
import type { BaselineDefinition } from "../study.ts";

export * from "./responders.ts";
export * from "./paired_tests.ts";
export * from "./aggregation.ts";
export * from "./line_of_therapy.ts";

/** One row of the sensitivity table. */
export interface SensitivityRow {
  /** Case id, or "all" for pooled quantities. */
  caseId: string;
  /** What is measured. */
  quantity: string;
  /** Baseline definition. */
  baseline: BaselineDefinition;
  /** Which values of the extraction intervals: nominal, or the bound favouring or disfavouring the drug. */
  bound: ExtractionBound;
  /** The value, or `null` when undefined. */
  value: number | null;
  /** Number of cases or observations behind it. */
  n: number;
}
