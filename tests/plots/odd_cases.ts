/**
 * Test helper: hand-made cases of odd shapes (clearly synthetic) that the figures must draw
 * honestly: a value stated over a period, an unlisted drug class, many events on one day,
 * open-ended times, no treatment, no event, no VAS, a case that never takes the study drug.
 *
 * @module
 */
import type {
  Case,
  CaseEvent,
  Day,
  Dose,
  Observation,
  Timepoint,
  Treatment,
} from "../../lib/model.ts";
import type { ObservationSpan } from "../../lib/mod.ts";
import type { Study } from "../../lib/study.ts";
import { SCALES } from "../../lib/scales.ts";

/** A small builder of one synthetic case from absolute days. */
class Builder {
  timepoints: Timepoint[] = [];
  treatments: Treatment[] = [];
  observations: Observation[] = [];
  events: CaseEvent[] = [];
  constructor(readonly id: string, readonly study: Study) {
    this.day("origin", 0, 0, 0);
  }
  /** A time point `id` at [lo, hi] (nominal n), measured from the origin. */
  day(id: string, lo: number, nominal: number, hi: number): Day {
    const order = this.timepoints.length;
    const day = { lo, hi, nominal, timeId: id, depth: id === "origin" ? 0 : 1, order };
    this.timepoints.push({
      id,
      rule: id === "origin" ? "origin" : "approx",
      anchor: id === "origin" ? null : "origin",
      bound: null,
      day,
      offset: { lo, hi, nominal },
      depth: day.depth,
      order,
      words: id,
      quote: id,
      columns: {},
    });
    return day;
  }
  treat(
    drug: string,
    drugClass: string,
    dose: number | Dose | null,
    start: Day,
    end: Day | null,
    purpose: string | null = null,
  ) {
    this.treatments.push({
      drug,
      drugClass,
      dose: typeof dose === "number" ? { lo: dose, hi: dose } : dose,
      doseWords: null,
      route: null,
      frequency: null,
      start,
      end,
      purpose: purpose ?? this.study.indication,
      outcome: null,
      quote: "q",
      columns: {},
    });
    return this;
  }
  vas(day: Day, lo: number, nominal: number, hi: number, span: ObservationSpan | null = null) {
    this.observations.push({
      day,
      scale: SCALES["vas-10cm"],
      value: { lo, hi, nominal },
      common: { lo, hi, nominal },
      words: "w",
      note: null,
      quote: "q",
      span,
      columns: {},
    });
    return this;
  }
  event(kind: string, day: Day) {
    this.events.push({ kind, day, description: kind, quote: "q", columns: {} });
    return this;
  }
  build(): Case {
    const byNominal = <T extends { day?: Day; start?: Day }>(a: T, b: T) =>
      (a.day ?? a.start)!.nominal - (b.day ?? b.start)!.nominal;
    return {
      id: this.id,
      sourceId: "synthetic-odd-shapes",
      age: 40,
      sex: "female",
      sds: null,
      limb: "upper",
      side: "left",
      level: "a synthetic level with a rather long description of the amputation site",
      cause: "synthetic",
      day0: "the synthetic origin",
      timepoints: this.timepoints,
      treatments: [...this.treatments].sort(byNominal),
      observations: [...this.observations].sort(byNominal),
      events: [...this.events].sort(byNominal),
      study: this.study,
      columns: {},
      amputation: this.events.find((e) => e.kind === "amputation") ?? {
        kind: "amputation",
        day: this.timepoints[0].day,
        description: "origin",
        quote: "q",
        columns: {},
      },
    };
  }
}

/** The odd cases, analysed under `study` (the series' they are shown with). */
export function oddCases(study: Study): Case[] {
  const drug = study.drug;
  // A value stated as an average over a period, a range "about every 2 weeks", open ends.
  const a = new Builder("odd-span", study);
  const onset = a.day("onset", 10, 14, 18);
  const start = a.day("start", 20, 40, Infinity);
  const later = a.day("later", 60, 90, Infinity);
  const avg = a.day("avg", 10, 14, Infinity);
  const before = a.day("before", -Infinity, 0, 0);
  a.treat("an unlisted drug with a long name", "an unlisted class", 5, before, onset, "sleep")
    .treat(drug, "SNRI", 25, start, later)
    .treat(drug, "SNRI", 75, later, null)
    .treat("a second unlisted drug", "another unlisted class", 1, onset, null, "co-medication")
    .vas(avg, 8, 8, 8, { start: onset, end: start })
    .vas(a.day("r1", 20, 46, Infinity), 1, 1, 1)
    .vas(a.day("r2", 60, 95, Infinity), 0, 0.5, 1, { start: later, end: null })
    .event("amputation", a.timepoints[0].day)
    .event("amputation", a.day("revision", 0, 2, 4))
    .event("phantom pain onset", onset)
    .event("transfer to psychiatry", onset)
    .event("delirium", onset)
    .event("recurrence", later)
    .event("last report", a.day("last", 60, 120, Infinity));
  // One VAS, no treatment, no event.
  const b = new Builder("odd-one-value", study);
  b.vas(b.day("only", 5, 5, 5), 3, 3, 3);
  // Never takes the study drug; values only; a dose not stated, a dose range.
  const c = new Builder("odd-no-drug", study);
  c.treat("another drug", "SSRI", 20, c.day("s", 0, 3, 6), c.day("e", 30, 30, 30))
    .treat("another drug", "SSRI", { lo: 25, hi: 50 }, c.timepoints.at(-1)!.day, null)
    .treat("an opioid", "opioid", null, c.day("o", 10, 12, 14), null)
    .vas(c.day("v1", 1, 2, 3), 6, 6, 6).vas(c.day("v2", 28, 28, 28), 4, 4, 4);
  // No VAS at all; the drug from day 0, open end.
  const d = new Builder("odd-no-vas", study);
  d.treat(drug, "SNRI", 50, d.timepoints[0].day, null).event(
    "amputation",
    d.day("amp", -Infinity, -3, 0),
  );
  // Many values on the same day, one value only after the drug.
  const e = new Builder("odd-crowded", study);
  const s = e.day("s", 7, 7, 7);
  e.treat(drug, "SNRI", 100, s, null);
  for (const [i, v] of [9.5, 9.4, 9.3, 2, 2.1].entries()) e.vas(e.day(`v${i}`, 0, 0, 0), v, v, v);
  e.vas(e.day("after", 8, 8, 8), 9.4, 9.4, 9.4);
  return [a, b, c, d, e].map((x) => x.build());
}
