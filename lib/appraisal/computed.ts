/**
 * The checklist items an appraisal can have computed from the dataset (`computed` in
 * `appraisal.csv`): each a verdict and its facts, from the article's cases.
 *
 * @module
 */
import { valueScale } from "../cases.ts";
import { datedGap, sinceDay0 } from "../timeline.ts";
import { agree, plural } from "../prose.ts";
import { statesAmount } from "../dose.ts";
import type { Case } from "../model.ts";
import type { ComputedBasis, ItemVerdict } from "../articles.ts";

/** Each case's undated time points, by its case (made once: asked again for each value). */
const UNDATED = new WeakMap<Case, readonly string[]>();

/**
 * The time points of a case that the text does not date from its day 0: open-ended (by the case's
 * network from day 0, `sinceDay0`: a time its rule leaves open may be bounded by the points and
 * periods around it), or placed by
 * narrative themselves or through a point they are dated from (`datedGap` to the origin, the
 * rule by which the figures draw a value hollow).
 *
 * @param c The case.
 * @returns Their ids: the same frozen array at every call for the same case object, computed at
 * the first (a case is read as built, as by the time network: a variant is a new case object).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries } from "#lib/mod.ts";
 * import { undatedPoints } from "#lib/appraisal/computed.ts";
 * const [c] = (await loadCaseSeries()).cases;
 * assert.ok(undatedPoints(c).every((id) => c.timepoints.some((t) => t.id === id)));
 * ```
 */
export function undatedPoints(c: Case): readonly string[] {
  let ids = UNDATED.get(c);
  if (ids) return ids;
  const origin = c.timepoints.find((t) => t.rule === "origin")?.id;
  ids = Object.freeze(
    c.timepoints.filter((t) => {
      const day = sinceDay0(c, t.id);
      return !Number.isFinite(day.lo) || !Number.isFinite(day.hi) ||
        (origin === undefined
          ? t.rule === "after" || t.rule === "before"
          : !datedGap(c, t.id, origin));
    }).map((t) => t.id),
  );
  UNDATED.set(c, ids);
  return ids;
}

/** How many values of a case are at a time {@link undatedPoints} lists (its points asked once). */
function undatedValues(c: Case): number {
  const undated = new Set(undatedPoints(c));
  return c.observations.filter((o) => undated.has(o.day.timeId)).length;
}

/**
 * A checklist item's verdict computed from an article's cases, and the facts behind it.
 *
 * @param basis What the item is judged from.
 * @param cases The article's cases.
 * @returns The verdict and the facts, in words.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries } from "#lib/mod.ts";
 * import { computeItem } from "#lib/appraisal/computed.ts";
 * const { cases } = await loadCaseSeries();
 * const r = computeItem("demographics", cases);
 * assert.match(r.facts, /^age and sex stated for/);
 * ```
 */
export function computeItem(basis: ComputedBasis, cases: readonly Case[]): {
  verdict: ItemVerdict;
  facts: string;
} {
  const n = cases.length;
  switch (basis) {
    case "demographics": {
      const ok = cases.filter((c) => Number.isFinite(c.age) && c.sex).length;
      return {
        verdict: ok === n ? "yes" : ok > 0 ? "partly" : "no",
        facts: `age and sex stated for ${ok} of ${plural(n, "case")}`,
      };
    }
    case "clinical": {
      const sds = cases.filter((c) => c.sds !== null).length;
      return {
        verdict: sds === n ? "yes" : "partly",
        facts: `cause and level of amputation for ${plural(n, "case")}; depression score ` +
          `for ${sds} of ${n}`,
      };
    }
    case "measurement": {
      const values = cases.flatMap((c) => c.observations.map((o) => ({ c, o })));
      const notes = values.filter(({ o }) => o.note !== null).length;
      const undated = cases.reduce((s, c) => s + undatedValues(c), 0);
      return {
        verdict: "unclear",
        facts:
          `${plural(values.length, `${valueScale(cases).name} value`)}; ${undated} at a time ` +
          "the text does not " +
          `date, ${notes} with a note on what it describes (e.g. an average)`,
      };
    }
    case "outcomes": {
      const values = cases.reduce((s, c) => s + c.observations.length, 0);
      const undated = cases.reduce(
        (s, c) => s + undatedValues(c),
        0,
      );
      const open = cases.filter((c) => {
        const last = c.observations.at(-1);
        // Its latest day by the case's network from day 0 (`sinceDay0`), as the tables give it.
        return !last || !Number.isFinite(sinceDay0(c, last.day.timeId).hi);
      }).length;
      return {
        verdict: undated > 0 || open > 0 ? "partly" : "yes",
        facts: `${plural(values, `${valueScale(cases).name} value`)}, ${undated} of them at a ` +
          "time not dated from the case's day 0; the last " +
          `value of ${open} of ${plural(n, "case")} has no latest date`,
      };
    }
    case "timeline": {
      const points = cases.reduce((s, c) => s + c.timepoints.length, 0);
      const undated = cases.reduce((s, c) => s + undatedPoints(c).length, 0);
      return {
        verdict: undated > 0 ? "partly" : "yes",
        facts: `${plural(points, "time point")} in the text, ${undated} of them not dated from ` +
          "the case's day 0: open-ended, or given only an order (before or after another " +
          "point), themselves or through the point they are dated from (rebuilt in the CARE " +
          "timelines)",
      };
    }
    case "interventions": {
      const ts = cases.flatMap((c) => c.treatments);
      const noEnd = ts.filter((t) => t.end === null).length;
      const undatedStart = cases.reduce(
        (s, c) => {
          const undated = new Set(undatedPoints(c));
          return s + c.treatments.filter((t) => undated.has(t.start.timeId)).length;
        },
        0,
      );
      // A dose in another unit is stated (its words); one with no amount is not (`statesAmount`).
      const noDose = ts.filter((t) => !statesAmount(t)).length;
      return {
        verdict: noEnd > 0 || undatedStart > 0 || noDose > 0 ? "partly" : "yes",
        facts:
          `${plural(ts.length, "dose period")}, ${
            noDose === 0 ? "each with its dose" : `${noDose} with no dose stated`
          }; ${undatedStart} ${agree(undatedStart, "starts", "start")} ` +
          `at a time not dated from the case's day 0; ${noEnd} with no end stated`,
      };
    }
  }
}
