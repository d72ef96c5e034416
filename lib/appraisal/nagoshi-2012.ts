/**
 * The appraisal of Nagoshi et al. 2012 as data: for each JBI and CARE item, the verdict and what
 * it rests on, a quote of the article or the terms whose absence from its text is the basis (a
 * test checks every quote is in the text and every absent term is not). Items judged from the
 * dataset itself name the computation instead (`computed`).
 *
 * @module
 */
import type { ItemJudgement } from "../appraisal.ts";

/**
 * The appraisal of Nagoshi et al. 2012.
 *
 * @example
 * ```ts
 * import { NAGOSHI_2012_APPRAISAL } from "./nagoshi-2012.ts";
 * NAGOSHI_2012_APPRAISAL.filter((j) => j.checklist === "JBI").length; // 10
 * ```
 */
export const NAGOSHI_2012_APPRAISAL: readonly ItemJudgement[] = [
  {
    checklist: "JBI",
    number: 1,
    verdict: "no",
    quotes: [
      "We report here the successful use of milnacipran in three cases of phantom limb pain",
    ],
    absent: ["inclusion", "criteria", "eligib"],
    note: "No inclusion criteria are stated; the cases are introduced as successes.",
  },
  {
    checklist: "JBI",
    number: 2,
    verdict: "unclear",
    quotes: [
      "a 10 cm visual analog scale (VAS)12 was used to rate pain severity at different time points",
      "average pain VAS 8.0",
    ],
    absent: [],
    note: "The same scale for every case, rated by the treating team, mostly at times the text " +
      "does not state; a value before treatment may be an average over an unstated period.",
    computed: "measurement",
  },
  {
    checklist: "JBI",
    number: 3,
    verdict: "unclear",
    quotes: ["Phantom leg pain appeared within 24 hours of amputation"],
    absent: ["diagnostic criteria", "IASP"],
    note: "Phantom pain is described clinically; no diagnostic criteria are named.",
  },
  {
    checklist: "JBI",
    number: 4,
    verdict: "unclear",
    quotes: [],
    absent: ["consecutive"],
    note: "Whether the cases were consecutive is not stated.",
  },
  {
    checklist: "JBI",
    number: 5,
    verdict: "unclear",
    quotes: [],
    absent: ["all patients", "consecutive"],
    note: "How many patients received the drug for phantom pain, and how many were not " +
      "reported, is not stated.",
  },
  {
    checklist: "JBI",
    number: 6,
    quotes: ["The patient, a 27-year-old male"],
    absent: [],
    note: "Age and sex of every case.",
    computed: "demographics",
  },
  {
    checklist: "JBI",
    number: 7,
    quotes: ["scoring 38 points on the Zung Self-rating Depression scale (SDS)"],
    absent: [],
    note: "Cause and level of amputation, comorbidity and a depression score where stated.",
    computed: "clinical",
  },
  {
    checklist: "JBI",
    number: 8,
    quotes: ["with no recurrence"],
    absent: ["adverse", "side effect", "adherence", "follow-up"],
    note: "VAS values are stated, but most of their times and the length of follow-up are not, " +
      "and adverse events are not reported.",
    computed: "outcomes",
  },
  {
    checklist: "JBI",
    number: 9,
    verdict: "unclear",
    quotes: ["He was admitted to the orthopedics department of our hospital"],
    absent: ["university hospital"],
    note: '"Our hospital": the site and its population are not described in the text.',
  },
  {
    checklist: "JBI",
    number: 10,
    verdict: "not applicable",
    quotes: [],
    absent: ["statistic", "p <", "p<"],
    note: "No statistics: individual values only, which suits a series this small (the " +
      "re-analysis adds descriptive statistics with their uncertainty).",
  },
  {
    checklist: "CARE",
    number: 1,
    verdict: "partly",
    quotes: ["Usefulness of milnacipran in treating phantom limb pain"],
    absent: ["case series"],
    note: "The title names the drug and condition, not that this is a case report or series, " +
      "and states usefulness as a finding.",
  },
  {
    checklist: "CARE",
    number: 2,
    verdict: "yes",
    quotes: ["Keywords: milnacipran, paroxetine, phantom limb pain"],
    absent: [],
    note: "Keywords given.",
  },
  {
    checklist: "CARE",
    number: 3,
    verdict: "partly",
    quotes: [
      "long-term full pain relief was achieved",
      "reported that he was hardly aware of it (pain VAS 0.6)",
    ],
    absent: [],
    note: 'Structured abstract; it states "full" relief where the last value the text gives for ' +
      "that case is not 0 (see the claims ledger).",
  },
  {
    checklist: "CARE",
    number: 4,
    verdict: "yes",
    quotes: ["A recent extensive review concluded that larger and more rigorous"],
    absent: [],
    note: "Background and the lack of proven treatments.",
  },
  {
    checklist: "CARE",
    number: 5,
    quotes: ["The patient, a 27-year-old male"],
    absent: [],
    note: "Demographics, cause, comorbidity and depression score where stated.",
    computed: "clinical",
  },
  {
    checklist: "CARE",
    number: 6,
    verdict: "partly",
    quotes: ["The phantom pain was diffuse and stronger at the distal end"],
    absent: [],
    note: "Pain described for each case; no examination findings beyond it.",
  },
  {
    checklist: "CARE",
    number: 7,
    quotes: ["Change in phantom limb pain during therapy"],
    absent: [],
    note: "A figure (not available as data) and the narrative; many times are not stated.",
    computed: "timeline",
  },
  {
    checklist: "CARE",
    number: 8,
    verdict: "partly",
    quotes: [
      "a diagnosis of pathological bone fracture resulting from metastasis of liver cancer was made",
    ],
    absent: ["diagnostic criteria"],
    note: "Diagnoses of the underlying conditions; none for the phantom pain itself.",
  },
  {
    checklist: "CARE",
    number: 9,
    quotes: ["Because of insufficient pain relief (pain VAS 6.6)"],
    absent: [],
    note: "Doses and some reasons for changes; durations and the switch schedule mostly not.",
    computed: "interventions",
  },
  {
    checklist: "CARE",
    number: 10,
    quotes: [],
    absent: ["adverse", "side effect", "adherence", "compliance"],
    note: "Pain outcomes stated; adherence and adverse events not reported.",
    computed: "outcomes",
  },
  {
    checklist: "CARE",
    number: 11,
    verdict: "partly",
    quotes: ["suggesting that milnacipran may be useful in the treatment of phantom limb pain"],
    absent: ["limitation"],
    note: "Rationale and conclusions; no limitations are discussed.",
  },
  {
    checklist: "CARE",
    number: 12,
    verdict: "no",
    quotes: ["the patient requested a change to a different drug"],
    absent: ["perspective"],
    note: "No patient perspective beyond one request.",
  },
  {
    checklist: "CARE",
    number: 13,
    verdict: "no",
    quotes: [],
    absent: ["consent"],
    note: "Informed consent is not mentioned in the text.",
  },
];
