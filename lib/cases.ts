/**
 * Finding a case by its id, with an error that lists the ids that exist.
 *
 * @module
 */
import { expectCases, expectSeries, wrongArgument } from "./args.ts";
import type { Case, CaseSeries } from "./model.ts";
import { listing } from "./prose.ts";
import {
  type PainValue,
  painValueIn,
  type Scale,
  scaleLabel,
  scaleTitle,
  type ValueScale,
} from "./scales.ts";
import type { Study } from "./study.ts";

/**
 * The case with id `id`. Throws a `RangeError` naming the ids that exist when there is none.
 * A number is taken as the id it spells (`3` finds case `"3"`).
 *
 * @param series The case series (`await loadCaseSeries()`).
 * @param id The case id, as in `data/cases.csv`.
 * @returns The case.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { getCase, loadCaseSeries } from "#lib/mod.ts";
 * const series = await loadCaseSeries();
 * const id = series.cases[0].id;
 * assert.equal(getCase(series, id).id, id);
 * // An unknown id fails, naming every id in the data.
 * assert.throws(
 *   () => getCase(series, "no-such-case"),
 *   (e) => e instanceof Error && e.message.startsWith("no case 'no-such-case'") &&
 *     series.cases.every((c) => e.message.includes(c.id)),
 * );
 * ```
 */
export function getCase(series: CaseSeries, id: string | number): Case {
  expectSeries("getCase", series);
  if (typeof id === "number" && Number.isFinite(id)) id = String(id);
  if (typeof id !== "string") wrongArgument("getCase", "a case id (a string)", id);
  const found = series.cases.find((c) => c.id === id);
  if (found) return found;
  const ids = series.cases.map((c) => c.id);
  throw new RangeError(
    ids.length
      ? `no case '${id}'; the cases are ${listing(ids)}`
      : `no case '${id}'; the series has no cases`,
  );
}

/**
 * The study question a set of cases is analysed under (every case carries its series' study).
 *
 * @param cases The cases.
 * @param study A study given explicitly, which wins.
 * @returns The study, or `null` when there are no cases and none was given.
 * @example
 * ```ts
 * import { loadCaseSeries, studyOf } from "#lib/mod.ts";
 * const series = await loadCaseSeries();
 * if (studyOf(series.cases) !== series.study) throw new Error("the series' own study");
 * if (studyOf([]) !== null) throw new Error("no cases, no study");
 * ```
 */
export function studyOf(cases: readonly Case[], study?: Study): Study | null {
  return study ?? cases[0]?.study ?? null;
}

/**
 * How the pain values of some cases are described (`scaleLabel`, lib/scales.ts: the one rule of
 * figures, tables and prose): their scale's name, unit and numbers when they share one that maps
 * onto the common metric by a factor alone, the common 0–10 metric's (said so) otherwise.
 *
 * @param cases The cases whose values are shown.
 * @returns `{ name, unit, label, min, max, own, factor, metric }`: numbers on the common metric
 * are described through `described` / `describedInterval` (lib/scales.ts).
 * @example
 * ```ts
 * import { loadCaseSeries, valueScale } from "#lib/mod.ts";
 * const series = await loadCaseSeries();
 * const scales = new Set(series.cases.flatMap((c) => c.observations.map((o) => o.scale.id)));
 * const s = valueScale(series.cases);
 * if (scales.size > 1 && s.unit !== "points") throw new Error("mixed scales: the common metric");
 * // One case is passed in an array.
 * let message = "";
 * try {
 *   valueScale(series.cases[0] as never);
 * } catch (e) {
 *   message = (e as Error).message;
 * }
 * if (!message.startsWith("valueScale: expected an array of cases")) throw new Error(message);
 * ```
 */
export function valueScale(
  cases: readonly Case[],
): ValueScale {
  expectCases("valueScale", cases);
  return scaleLabel(cases.flatMap((c) => c.observations.map((o) => o.scale)));
}

/**
 * Which scales the values of some cases are on, and what pooling them assumes: one sentence for
 * the pooled notebook and captions. Each source is cited once (Hjermstad et al. 2011 in the NRS
 * rule, not again in the caveat after it), and the caveat that a point of NRS is not a cm of VAS
 * is said only where both are pooled.
 *
 * @param cases The cases pooled.
 * @returns The sentence.
 * @example
 * ```ts
 * import { loadCaseSeries, scaleMix } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * if (!/scale/.test(scaleMix(s.cases))) throw new Error("names the scales");
 * if (scaleMix([]) !== "No case states a pain value.") throw new Error("none");
 * ```
 */
export function scaleMix(cases: readonly Case[]): string {
  expectCases("scaleMix", cases);
  const by = new Map<string, { scale: Scale; ids: string[] }>();
  for (const c of cases) {
    for (const o of c.observations) {
      const e = by.get(o.scale.id) ?? { scale: o.scale, ids: [] };
      if (!e.ids.includes(c.id)) e.ids.push(c.id);
      by.set(o.scale.id, e);
    }
  }
  if (by.size === 0) return "No case states a pain value.";
  const parts = [...by.values()].map((e) =>
    `${scaleTitle(e.scale)} (${e.ids.length === 1 ? "case" : "cases"} ${listing(e.ids)})`
  );
  if (by.size === 1) return `Every value is on one scale, ${parts[0]}: pooled as stated.`;
  // The caveat of pooling NRS with VAS, only where both are pooled; its source is cited once,
  // in the NRS rule just before it.
  const names = new Set([...by.values()].map((e) => e.scale.name));
  return `The values are on ${by.size} scales, ${listing(parts)}; they are pooled on the common ` +
    `0–10 metric (data/README.md): ${
      listing([...by.values()].map((e) => `${scaleTitle(e.scale)} ${e.scale.rule}`))
    }.` +
    (names.has("NRS") && names.has("VAS")
      ? " A point of NRS and a cm of VAS correlate closely but are not the same amount of pain."
      : "");
}

/**
 * One of a case's pain values as tables and prose give it: `painValueIn` under the case's
 * {@link valueScale} ("VAS 6.6" on a 10 cm VAS, "VAS 72 mm" on a 100 mm VAS, "NRS 5 on the
 * common 0–10 metric" in a case that mixes scales).
 *
 * @param c The case.
 * @param o One of its values (an `Observation`: a value the text states is written with its
 *   digits, "VAS 8.0"; or its scale and common-metric interval).
 * @returns The text.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { casePainText, loadCaseSeries, painValueIn, valueScale } from "#lib/mod.ts";
 * const c = (await loadCaseSeries()).cases.find((x) => x.observations.length > 0)!;
 * const o = c.observations[0];
 * assert.equal(casePainText(c, o), painValueIn(valueScale([c]), o));
 * ```
 */
export function casePainText(
  c: Case,
  o: PainValue,
): string {
  return painValueIn(valueScale([c]), o);
}
