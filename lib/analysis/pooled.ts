/**
 * Comparisons across cases, one module per question — responders (`responders.ts`), paired
 * tests (`paired_tests.ts`), aggregation of effect sizes (`aggregation.ts`), line of therapy
 * (`line_of_therapy.ts`) — re-exported here. With few
 * patients these are descriptive: every result carries its n and the cases it leaves out.
 *
 * @module
 */
export * from "./responders.ts";
export * from "./paired_tests.ts";
export * from "./aggregation.ts";
export * from "./line_of_therapy.ts";
