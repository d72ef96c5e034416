/**
 * The claims ledger: each claim the article makes about its patients, beside the numbers
 * computed from the values it reports, with a verdict and its reason. The verdict rules are
 * stated in each claim's `rule` and applied to computed values only.
 *
 * @module
 */
import { expectSeries } from "./args.ts";
import { formatNumber } from "./intervals.ts";
import type { Case, CaseSeries } from "./model.ts";
import { caseChange, timeToRelief } from "./stats/change.ts";
import { alignOnDrug, firstPeriod } from "./timeline.ts";
import { STUDY } from "./study.ts";

/** How far the reported values support a claim. */
export type Verdict = "supported" | "partly supported" | "not supported";

/** One evaluated claim. */
export interface ClaimResult {
  /** Short identifier. */
  id: string;
  /** Cases the claim is about. */
  cases: string[];
  /** The claim, quoted from the article. */
  quote: string;
  /** How the verdict is decided. */
  rule: string;
  /** The verdict. */
  verdict: Verdict;
  /** The computed numbers behind it, in words. */
  evidence: string;
}

const f = (x: number) => formatNumber(x, 1);
const byId = (s: CaseSeries, id: string): Case => {
  const c = s.cases.find((x) => x.id === id);
  if (!c) throw new RangeError(`claims: no case ${id}`);
  return c;
};

/** First and last post-milnacipran values of a case with their percent reductions. */
function firstLast(c: Case) {
  const ch = caseChange(c);
  return { ch, first: ch.points[0], last: ch.points.at(-1)! };
}

type Claim = Omit<ClaimResult, "verdict" | "evidence"> & {
  evaluate: (s: CaseSeries) => { verdict: Verdict; evidence: string };
};

const CLAIMS: Claim[] = [
  {
    id: "case2-within-6-days",
    cases: ["2"],
    quote: "A marked improvement in phantom leg pain was noticeable within 6 days (pain VAS 1.0)",
    rule: "supported if the first post-milnacipran value is a ≥50% reduction dated within 6 days",
    evaluate: (s) => {
      const { first } = firstLast(byId(s, "2"));
      const pr = first.percentReduction!.nominal;
      const ok = pr >= 50 && first.day.hi <= 6;
      return {
        verdict: ok ? "supported" : "not supported",
        evidence:
          `VAS 8.0 → ${f(first.vas.nominal)}: ${f(pr)}% reduction (${first.immpact!.nominal}) ` +
          `at day ${f(first.day.lo)}–${f(first.day.hi)} of milnacipran.`,
      };
    },
  },
  {
    id: "case2-total-relief",
    cases: ["2"],
    quote: "Total pain relief was obtained after less than 4 weeks of therapy",
    rule: "supported if a value of 0 is reported within 28 days; partly if ≤ 0.5 cm",
    evaluate: (s) => {
      const { last } = firstLast(byId(s, "2"));
      const v = last.vas.nominal;
      return {
        verdict: v === 0 && last.day.hi <= 28
          ? "supported"
          : v <= 0.5 && last.day.hi <= 28
          ? "partly supported"
          : "not supported",
        evidence:
          `Last value ${f(v)} cm (${f(last.percentReduction!.nominal)}% reduction) by day ` +
          `${f(last.day.hi)}: "virtually disappeared", not 0.`,
      };
    },
  },
  {
    id: "case2-first-line-monotherapy",
    cases: ["2"],
    quote:
      "case 2 in the present paper is the first report of milnacipran being successfully used as monotherapy and first-line treatment",
    rule: "supported if no other drug was given for phantom pain before or with milnacipran",
    evaluate: (s) => {
      const c = byId(s, "2");
      const start = firstPeriod(c, STUDY.drug)!.start;
      const before = c.treatments.filter((t) =>
        t.purpose === STUDY.indication && t.drug !== STUDY.drug &&
        t.start.nominal <= start.nominal
      );
      const others = c.treatments.filter((t) => t.purpose !== STUDY.indication);
      return {
        verdict: before.length === 0 ? "supported" : "partly supported",
        evidence: before.length === 0
          ? "No other drug for phantom pain precedes milnacipran."
          : `${
            before.map((t) =>
              `${t.drug} ${t.doseMgPerDay} mg/day (${t.outcome ?? "no outcome stated"})`
            ).join(", ")
          } ` +
            `was given for the phantom pain first; milnacipran was the first effective drug. ` +
            `Other drugs: ${others.map((t) => `${t.drug} for ${t.purpose}`).join(", ") || "none"}.`,
      };
    },
  },
  {
    id: "case3-within-a-week",
    cases: ["3"],
    quote: "significant pain relief was achieved within a week (pain VAS 2.0)",
    rule: "supported if the first value after milnacipran is a ≥30% reduction dated within 7 days",
    evaluate: (s) => {
      const { first } = firstLast(byId(s, "3"));
      const pr = first.percentReduction!.nominal;
      return {
        verdict: pr >= 30 && first.day.hi <= 7 ? "supported" : "not supported",
        evidence:
          `VAS 4.0 → ${f(first.vas.nominal)}: ${f(pr)}% reduction (${first.immpact!.nominal}) ` +
          `within day ${f(first.day.hi)}.`,
      };
    },
  },
  {
    id: "case3-resurgence-managed",
    cases: ["3"],
    quote:
      "Subsequent resurgence of pain was successfully managed by increasing the dose of milnacipran",
    rule: "supported if the value after the dose increase is lower than at the recurrence; " +
      "partly if its date is not stated",
    evaluate: (s) => {
      const c = byId(s, "3");
      const after = alignOnDrug(c, STUDY.drug).filter((o) => o.phase === "after");
      const rec = after.find((o) => o.day.timeId === "recurrence_report")!;
      const last = after.at(-1)!;
      const lower = last.vas.hi < rec.vas.lo || last.vas.nominal < rec.vas.nominal;
      const dated = Number.isFinite(last.day.hi);
      return {
        verdict: !lower ? "not supported" : dated ? "supported" : "partly supported",
        evidence:
          `Recurrence at VAS ${f(rec.vas.nominal)} → VAS ${last.words.replace("pain VAS ", "")} ` +
          `after 75 mg/day; the time of that report is ${
            dated ? "stated" : "not stated (open-ended)"
          }.`,
      };
    },
  },
  {
    id: "case1-paroxetine-partial",
    cases: ["1"],
    quote: "phantom limb pain responded partially to treatment with high doses of paroxetine",
    rule: "supported if VAS fell on paroxetine but stayed above 1 cm before the switch",
    evaluate: (s) => {
      const c = byId(s, "1");
      const before = alignOnDrug(c, STUDY.drug).filter((o) => o.phase === "before");
      const a = before[0].vas.nominal;
      const b = before.at(-1)!.vas.nominal;
      return {
        verdict: b < a && b > 1 ? "supported" : "not supported",
        evidence: `VAS ${f(a)} on 20 mg/day → ${f(b)} on 40 mg/day: ${f((100 * (a - b)) / a)}% ` +
          "reduction with pain remaining; no value before paroxetine is stated.",
      };
    },
  },
  {
    id: "case1-milnacipran-further",
    cases: ["1"],
    quote: "replacement with milnacipran further improved the pain relief",
    rule: "supported if every value after the switch is below the last value on paroxetine",
    evaluate: (s) => {
      const { ch } = firstLast(byId(s, "1"));
      const ok = ch.points.every((p) => p.vas.nominal < ch.baseline.vas!.nominal);
      return {
        verdict: ok ? "supported" : "not supported",
        evidence: `From ${f(ch.baseline.vas!.nominal)} to ` +
          `${
            ch.points.map((p) => `${f(p.vas.nominal)} (${f(p.percentReduction!.nominal)}%)`).join(
              " and ",
            )
          }.`,
      };
    },
  },
  {
    id: "case1-long-term-full",
    cases: ["1"],
    quote: "long-term full pain relief was achieved",
    rule: "supported if the last value is 0; partly if ≤ 1 cm",
    evaluate: (s) => {
      const { last } = firstLast(byId(s, "1"));
      const v = last.vas.nominal;
      return {
        verdict: v === 0 ? "supported" : v <= 1 ? "partly supported" : "not supported",
        evidence: `Last value ${f(v)} cm ("hardly aware of it"), dated ${f(last.day.lo)}–` +
          `${f(last.day.hi)} days after the switch; "full" relief would be 0.`,
      };
    },
  },
  {
    id: "all-rapid-near-total",
    cases: ["1", "2", "3"],
    quote:
      "Milnacipran, in all three cases, produced rapid and near-total relief from phantom limb pain",
    rule: "rapid: a ≥50% reduction at the first value, dated within 7 days; near-total: last " +
      "value ≤ 1 cm; supported if both hold in every case, partly if in some",
    evaluate: (s) => {
      const rows = s.cases.map((c) => {
        const { first, last } = firstLast(c);
        const rapid = first.percentReduction!.nominal >= 50 && first.day.hi <= 7;
        const near = last.vas.nominal <= 1;
        return { id: c.id, rapid, near, pr: first.percentReduction!.nominal, v: last.vas.nominal };
      });
      const all = rows.every((r) => r.rapid && r.near);
      const some = rows.some((r) => r.rapid && r.near);
      return {
        verdict: all ? "supported" : some ? "partly supported" : "not supported",
        evidence:
          rows.map((r) =>
            `case ${r.id}: first ${f(r.pr)}% (${r.rapid ? "rapid" : "not ≥50%"}), last ${f(r.v)} cm`
          ).join("; ") + ".",
      };
    },
  },
  {
    id: "no-depression",
    cases: ["1", "2", "3"],
    quote: "None of the three patients reported here suffered from depression",
    rule: "supported if every case has an SDS score below 40; partly if some scores are missing",
    evaluate: (s) => {
      const missing = s.cases.filter((c) => c.sds === null).map((c) => c.id);
      const high = s.cases.filter((c) => c.sds !== null && c.sds >= 40).map((c) => c.id);
      return {
        verdict: high.length ? "not supported" : missing.length ? "partly supported" : "supported",
        evidence: s.cases.map((c) => `case ${c.id}: SDS ${c.sds ?? "not reported"}`).join("; ") +
          " (clinical examination is not reported as data).",
      };
    },
  },
  {
    id: "first-line",
    cases: ["2", "3"],
    quote:
      "milnacipran may be useful in the treatment of phantom limb pain, possibly as a first-line agent",
    rule: "an uncontrolled AB series cannot support a causal claim: at most partly supported, if " +
      "every first-line case reaches ≥50% relief",
    evaluate: (s) => {
      const first = s.cases.filter((c) => !c.treatments.some((t) => t.drugClass === "SSRI"));
      const hits = first.filter((c) => timeToRelief(c, 50).reached);
      return {
        verdict: hits.length === first.length && first.length > 0
          ? "partly supported"
          : "not supported",
        evidence:
          `${hits.length} of ${first.length} cases without a prior SSRI reach ≥50% relief; ` +
          "no control, phases not randomised, natural course not excluded.",
      };
    },
  },
];

/**
 * Evaluates every claim of the ledger on the dataset.
 *
 * @example
 * ```ts
 * import { loadCaseSeries } from "./load.ts";
 * import { claimsLedger } from "./claims.ts";
 * const ledger = claimsLedger(await loadCaseSeries());
 * ledger.find((c) => c.id === "case2-within-6-days")?.verdict; // "supported"
 * ```
 */
export function claimsLedger(series: CaseSeries): ClaimResult[] {
  expectSeries("claimsLedger", series);
  return CLAIMS.map(({ evaluate, ...claim }) => ({ ...claim, ...evaluate(series) }));
}
