/**
 * A case notebook's effect-size table: every registered measure on its AB phases, each shown as a
 * number only where it means something at its n (`reportable`), and the notes said once under the
 * table (the study's direction of improvement and goal, its fewest values per phase, what an
 * informative interval is).
 *
 * @module
 */
import { z } from "zod";
import { CI_BOUNDS, num } from "./cells.ts";
import { reportable } from "../stats/reportable.ts";
import { expectCase } from "../args.ts";
import { type Row, withBounds } from "../display.ts";
import { formatInterval } from "../intervals.ts";
import type { Case } from "../model.ts";
import { effectSize, MEASURES } from "../stats/effect_sizes/mod.ts";
import { AB_NOTE, effectSizeGlossary } from "./glossary.ts";
import { attainableRange, phases } from "../analysis/aggregation.ts";
import type { EffectSizeOptions, EffectSizeResult } from "../stats/types.ts";
import { painOptions } from "../study.ts";
import { checkOptions } from "../options.ts";
import { effectSizeOptionsSchema } from "../stats/effect_sizes/option_schema.ts";
import { expectSeriesDrug } from "../series_drugs.ts";

/**
 * The options of {@link effectSizeRows}: the effect sizes' own, each optional (the study's by
 * default), and `drug`.
 */
const effectSizeRowsOptionsSchema = effectSizeOptionsSchema.partial().extend({
  drug: z.string().min(1).optional(),
}).strict();

/** What the 'informative CI' column is, said once under an effect-size table. */
export const INFORMATIVE_CI_NOTE: string =
  "Informative CI: where the package's interval is degenerate at the bound of the measure, the " +
  "other root of the Newcombe interval.";

/** Row of one effect size. */
function esRow(r: EffectSizeResult): Row {
  return {
    measure: r.measure,
    estimate: num(r.estimate),
    SE: num(r.se),
    "CI lower": num(r.ciLower),
    "CI upper": num(r.ciUpper),
    "informative CI": r.informativeCi
      ? formatInterval({ lo: r.informativeCi.lower, hi: r.informativeCi.upper }, 4)
      : null,
    nA: r.n.baseline,
    nB: r.n.treatment,
    note: [r.reason, r.note].filter(Boolean).join("; ") || null,
  };
}

/**
 * Every registered effect size (`EFFECT_SIZES`) of a case, A = before the drug of interest (or
 * the `drug` given, as `phases` and `caseChange` take it), B = after. A case that never takes the
 * drug gets every measure with that reason.
 *
 * @param c The case.
 * @param options Effect-size options, each defaulting to the study's (`painOptions`), and `drug`.
 * @returns One row per measure.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { effectSizeRows, loadCaseSeries, MEASURES } from "#lib/mod.ts";
 * const c = (await loadCaseSeries()).cases[0];
 * const rows = effectSizeRows(c);
 * assert.deepEqual(rows.map((r) => r.measure), [...MEASURES]);
 * // A drug no case of the series takes, or an option it does not take, is refused by name.
 * assert.throws(() => effectSizeRows(c, { drug: "no-such-drug" }), /^TypeError: effectSizeRows \(options\.drug\)/);
 * assert.throws(
 *   () => effectSizeRows(c, { measure: "NAP" } as never),
 *   /^TypeError: effectSizeRows: options has no option "measure"; the options are improvement, .*, drug$/,
 * );
 * ```
 */
export function effectSizeRows(
  c: Case,
  options: Partial<EffectSizeOptions> & { drug?: string } = {},
): Row[] {
  expectCase("effectSizeRows", c);
  checkOptions("effectSizeRows", effectSizeRowsOptionsSchema, options);
  expectSeriesDrug("effectSizeRows (options.drug)", c, options.drug);
  const { drug, ...given } = options;
  const esOptions: EffectSizeOptions = { ...painOptions(c.study), ...given };
  const p = phases(c, drug === undefined ? {} : { drug });
  const rows = MEASURES.map((m) => {
    const r = effectSize(m, p.baseline, p.treatment, esOptions);
    return esRow(
      p.reason
        ? { ...r, reason: p.reason }
        : reportable(r, c.study.minPointsPerPhase, attainableRange(m, esOptions)),
    );
  });
  return withBounds(rows, CI_BOUNDS);
}

/**
 * The notes under a case's effect-size table, said once: the study's direction of improvement
 * and PoGO's goal, the fewest values per phase an index is shown from (with its source, when
 * study.json gives one), what the informative interval is when a row has one, what A and B are
 * ({@link AB_NOTE}) and what each measure's abbreviation stands for ({@link effectSizeGlossary}).
 *
 * @param c The case.
 * @param rows Its effect-size rows ({@link effectSizeRows}).
 * @returns The notes, in that order.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { effectSizeNotes, effectSizeRows, loadCaseSeries } from "#lib/mod.ts";
 * const c = (await loadCaseSeries()).cases[0];
 * const notes = effectSizeNotes(c, effectSizeRows(c));
 * assert.ok(notes[0].startsWith(`Improvement: ${c.study.improvement}; PoGO's goal: `));
 * assert.match(notes[1], new RegExp(`from ${c.study.minPointsPerPhase} values per phase`));
 * ```
 */
export function effectSizeNotes(c: Case, rows: readonly Row[]): string[] {
  expectCase("effectSizeNotes", c);
  const source = c.study.minPointsSource;
  return [
    `Improvement: ${c.study.improvement}; PoGO's goal: ${c.study.goal} (data/study.json).`,
    `An index is shown from ${c.study.minPointsPerPhase} values per phase on (data/study.json` +
    `${source ? `: ${source}` : ""}).`,
    ...(rows.some((r) => r["informative CI"] !== null) ? [INFORMATIVE_CI_NOTE] : []),
    AB_NOTE,
    ...[effectSizeGlossary(rows.map((r) => String(r.measure)))].filter(Boolean),
  ];
}
