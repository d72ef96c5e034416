/**
 * A dose must be stated by its quote as a dose, the number with its unit (`lib/stated_doses.ts`,
 * data/README.md "Doses"): the forms of a stated dose, the loader's located messages when a
 * treatment's dose is another number of its quote (a pain score, a number of days), in another
 * unit or not stated at all, and the same rule for a labelled dose range.
 */
import assert from "node:assert/strict";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import {
  doseCellsProblems,
  quoteStatesDose,
  statedDoseRange,
  statedDoses,
} from "../lib/stated_doses.ts";
import { copyData, dataWithFixture, FIXTURE_ARTICLE, loadProblems } from "./helpers/data_dir.ts";

Deno.test("statedDoses reads a number with its mass unit, per day or per nothing, and both ends of a range", () => {
  const cases: [string, [number, string, string][]][] = [
    ["Diclofenac 75 mg/day was administered", [[75, "mg", "day"]]],
    ["Six days after the accident, paroxetine 10 mg/day", [[10, "mg", "day"]]],
    ["10 days later the dose was increased to 20 mg/day", [[20, "mg", "day"]]],
    ["she still rated the pain 8 on the NRS, and pregabalin was started", []],
    ["pregabalin 75mg", [[75, "mg", "day"]]],
    ["pregabalin 75 mg per day", [[75, "mg", "day"]]],
    ["pregabalin 75 mg a day", [[75, "mg", "day"]]],
    ["pregabalin 75 mg daily", [[75, "mg", "day"]]],
    ["a 10-mg tablet at bedtime", [[10, "mg", "day"]]],
    ["1,200 mg/day", [[1200, "mg", "day"]]],
    ["two milligrams at night", [[2, "mg", "day"]]],
    ["1日10mg/日", [[10, "mg", "day"]]],
    ["Amitriptyline 10–25 mg/day", [[10, "mg", "day"], [25, "mg", "day"]]],
    ["12.5 - 200 mg/day", [[12.5, "mg", "day"], [200, "mg", "day"]]],
    ["from 10 to 20 mg", [[10, "mg", "day"], [20, "mg", "day"]]],
    ["between 10 and 20 mg/day", [[10, "mg", "day"], [20, "mg", "day"]]],
    ["Between ten and twenty mg", [[10, "mg", "day"], [20, "mg", "day"]]],
    ["on day 3 and 20 mg/day", [[20, "mg", "day"]]],
    ["1日1回20~40mg", [[20, "mg", "day"], [40, "mg", "day"]]],
    // Other units and per-dose amounts are read, with what they are per, to be refused.
    ["0.5 g a day", [[0.5, "g", "day"]]],
    ["fentanyl 25 µg/h", [[25, "µg", "h"]]],
    ["clonidine 150 mcg per day", [[150, "µg", "day"]]],
    ["ketamine 0.5 mg/kg", [[0.5, "mg", "kg"]]],
    ["1 mg a week", [[1, "mg", "week"]]],
    ["buprenorphine 35 µg/24 h", [[35, "µg", "day"]]],
    ["morphine 10 mg/24 h", [[10, "mg", "day"]]],
    ["oxycodone 10 mg/12 h", [[10, "mg", "12 h"]]],
    ["syrup 10 mg/5 mL", [[10, "mg", "5 ml"]]],
    ["ketamine 2 mg/kg/day", [[2, "mg", "kg"]]],
    ["tramadol 50 mg three times a day", [[50, "mg", "three times a day"]]],
    ["100 mg twice daily", [[100, "mg", "twice daily"]]],
    ["100 mg b.i.d.", [[100, "mg", "b.i.d."]]],
    ["5 mg every 8 hours", [[5, "mg", "every 8 hours"]]],
    // "a" that does not say what the dose is per.
    ["25 mg a patient could take", [[25, "mg", "day"]]],
    // Not a unit: a word beginning with a unit's letters.
    ["10 guests and 5 mgx", []],
  ];
  for (const [text, want] of cases) {
    assert.deepEqual(
      statedDoses(text).map((d) => [d.amount, d.unit, d.per]),
      want,
      text,
    );
  }
});

Deno.test("quoteStatesDose: a dose is stated only as a dose in mg, per day or per nothing", () => {
  const col = "dose_mg_per_day";
  assert.equal(quoteStatesDose("Milnacipran 50 mg/day was administered", 50, col), null);
  assert.equal(quoteStatesDose("Amitriptyline 10–25 mg/day", 25, col), null);
  assert.equal(quoteStatesDose("Amitriptyline 10–25 mg/day", 10, col), null);
  // A pain score is not a dose.
  assert.equal(
    quoteStatesDose("she still rated the pain 8 on the NRS, and pregabalin was started", 8, col),
    "dose_mg_per_day is 8 but the quote states no dose (a number with its unit: '75 mg/day', " +
      "'10–25 mg'), only the number 8; where the text states no dose, leave both dose cells " +
      "empty, 'dose not stated' (data/README.md, \"Doses\")",
  );
  // A number of days is not a dose.
  assert.equal(
    quoteStatesDose("10 days later the dose was increased to 20 mg/day", 10, col),
    "dose_mg_per_day is 10 but the quote states 20 mg/day",
  );
  // No number at all: no words-to-number rule exists for doses (finding 7).
  const none = quoteStatesDose("pregabalin was started at a low dose", 75, col)!;
  assert.match(none, /states no dose .*no number at all.*leave both dose cells empty/);
  assert.doesNotMatch(none, /words-to-number/);
  // Another unit, per kg or per dose with a frequency: not converted to mg/day.
  for (
    const [quote, value, states] of [
      ["pregabalin 0.5 g/day", 500, "0.5 g/day"],
      ["pregabalin 0.5 g/day", 0.5, "0.5 g/day"],
      ["ketamine 0.5 mg/kg", 0.5, "0.5 mg/kg"],
      ["tramadol 50 mg three times a day", 50, "50 mg three times a day"],
      ["tramadol 50 mg three times a day", 150, "50 mg three times a day"],
    ] as const
  ) {
    const problem = quoteStatesDose(quote, value, col);
    assert.ok(
      problem?.includes(`but the quote states ${states}; a dose in another unit`),
      problem!,
    );
    assert.match(problem!, /leave both dose cells empty and keep its words in dose_words/);
  }
  // Part of a number is not the number.
  assert.match(quoteStatesDose("1,200 mg/day", 200, col)!, /states 1200 mg\/day$/);
  assert.match(quoteStatesDose("12.5 mg/day", 5, col)!, /states 12.5 mg\/day$/);
});

Deno.test("statedDoseRange: the doses a quote states in mg/day are exactly the two ends of one range", () => {
  const cases: [string, { lo: number; hi: number } | null][] = [
    ["Amitriptyline 10–25 mg/day", { lo: 10, hi: 25 }],
    ["started at between 10 and 20 mg a day, taken at bedtime", { lo: 10, hi: 20 }],
    ["10 to 20 mg", { lo: 10, hi: 20 }],
    ["1日1回20~40mg", { lo: 20, hi: 40 }],
    ["tapered 40–20 mg/day", { lo: 20, hi: 40 }],
    // Said as a range, or with the unit at both ends, or in number words of two words.
    ["at doses ranging from 10 to 20 mg/day", { lo: 10, hi: 20 }],
    ["between 10 mg and 20 mg a day", { lo: 10, hi: 20 }],
    ["10 mg to 20 mg a day", { lo: 10, hi: 20 }],
    ["between twenty one and thirty mg/day", { lo: 21, hi: 30 }],
    // A change of dose, a single dose, two doses, a range beside another dose: no one range.
    ["the dose was increased from 10 to 20 mg/day", null],
    ["Diclofenac 75 mg/day was administered", null],
    ["paroxetine 10 mg/day, then 20 mg/day", null],
    ["10–20 mg/day, later 30 mg/day", null],
    ["on day 3 and 20 mg/day", null],
    ["between day 3 and 20 mg/day", null],
    ["the dose went from 10 mg to 20 mg/day", null],
    // Ends in another unit state no mg/day.
    ["0.5–1 g a day", null],
    ["5–10 mg/kg", null],
  ];
  for (const [text, want] of cases) assert.deepEqual(statedDoseRange(text), want, text);
});

Deno.test("doseCellsProblems: a range the quote states is typed as both ends, in order", () => {
  const quote = "Amitriptyline was then started at between 10 and 20 mg a day, taken at bedtime";
  const cells = (lo: number | null, hi: number | null) =>
    doseCellsProblems(
      quote,
      { column: "dose_mg_per_day", value: lo },
      { column: "dose_hi_mg_per_day", value: hi },
    );
  assert.deepEqual(cells(10, 20), []);
  assert.deepEqual(cells(null, null), []); // no dose given: not this check's question
  const named = "the quote states a range 10–20 mg/day: dose_mg_per_day 10, dose_hi_mg_per_day 20";
  for (
    const [lo, hi, column, value] of [
      [10, null, "dose_hi_mg_per_day", "empty"],
      [20, null, "dose_mg_per_day", "20"],
      [null, 20, "dose_mg_per_day", "empty"],
      [20, 10, "dose_mg_per_day", "20"],
    ] as const
  ) {
    const got = cells(lo, hi);
    assert.equal(got.length, 1, `${lo}, ${hi}`);
    assert.equal(got[0].column, column);
    assert.ok(got[0].message.startsWith(`${column} is ${value} but ${named}`), got[0].message);
  }
  // A change of dose states two doses, not a range: either one alone is a dose it states.
  const change = "the dose was increased from 10 to 20 mg/day";
  for (const v of [10, 20]) {
    const lo = { column: "dose_mg_per_day", value: v };
    assert.deepEqual(
      doseCellsProblems(change, lo, { column: "dose_hi_mg_per_day", value: null }),
      [],
    );
  }
  // A value the quote does not state is named as before, the range as a range.
  const wrong = cells(15, null);
  assert.deepEqual(wrong.map((p) => p.column), ["dose_mg_per_day"]);
  assert.equal(wrong[0].message, "dose_mg_per_day is 15 but the quote states a range 10–20 mg/day");
});

Deno.test("quoteStatesDose's quick test of '<n> mg/day' agrees with statedDoses", () => {
  const texts = [
    "1,200 mg/day",
    "12.5 mg/day",
    "0.5 mg/day",
    "10 mg/dayx",
    "10mg/day",
    "10–25 mg/day",
    "x10 mg/day",
    "10 mg/day.",
    "10 mg/kg/day",
    "pain 10, then 20 mg/day",
  ];
  for (const text of texts) {
    for (const value of [0.5, 5, 10, 12.5, 20, 25, 200, 1200]) {
      const slow = statedDoses(text).some((d) =>
        d.amount === value && d.unit === "mg" && d.per === "day"
      );
      assert.equal(quoteStatesDose(text, value, "d") === null, slow, `${text}: ${value}`);
    }
  }
});

/**
 * Loads the data with the second-article fixture appended, its source text extended by `sentence`
 * and the last row of treatments.csv (one of the fixture's) given `cells`; returns the problems
 * and that row's line.
 */
async function withTreatment(
  sentence: string,
  cells: Record<string, string>,
): Promise<{ problems: string[]; line: number }> {
  let line = 0;
  const problems = await loadProblems(await dataWithFixture(), async (dir) => {
    const source = `${dir}/sources/${FIXTURE_ARTICLE}.txt`;
    await Deno.writeTextFile(source, `${await Deno.readTextFile(source)}\n${sentence}.\n`);
    const path = `${dir}/treatments.csv`;
    const rows = parse(await Deno.readTextFile(path)) as string[][];
    const cases = parse(await Deno.readTextFile(`${dir}/cases.csv`)) as string[][];
    const i = rows.length - 1;
    const caseOf = cases.find((c) => c[0] === rows[i][0]);
    assert.equal(caseOf?.[cases[0].indexOf("source_id")], FIXTURE_ARTICLE);
    for (const [column, value] of Object.entries({ ...cells, quote: sentence })) {
      rows[i][rows[0].indexOf(column)] = value;
    }
    await Deno.writeTextFile(path, stringify(rows));
    line = i + 1; // no cell spans lines
  });
  return { problems, line };
}

Deno.test("the loader refuses a dose read from a pain score, at its row and column, and says what the quote states", async () => {
  const { problems, line } = await withTreatment(
    "she still rated the pain 8 on the NRS, and pregabalin was started",
    { dose_mg_per_day: "8", dose_hi_mg_per_day: "" },
  );
  assert.deepEqual(
    problems.filter((p) => p.startsWith("treatments.csv:")),
    [
      `treatments.csv:${line}:dose_mg_per_day: dose_mg_per_day is 8 but the quote states no ` +
      "dose (a number with its unit: '75 mg/day', '10–25 mg'), only the number 8; where the " +
      "text states no dose, leave both dose cells empty, 'dose not stated' (data/README.md, " +
      '"Doses")',
    ],
  );
});

Deno.test("the loader refuses a dose read from a number of days, and a range end the quote does not state", async () => {
  const a = await withTreatment("10 days later the gabapentin dose was raised to 300 mg/day", {
    dose_mg_per_day: "10",
    dose_hi_mg_per_day: "",
  });
  assert.ok(
    a.problems.includes(
      `treatments.csv:${a.line}:dose_mg_per_day: dose_mg_per_day is 10 but the quote states ` +
        "300 mg/day",
    ),
    a.problems.join("\n"),
  );
  const range = "gabapentin 300–900 mg/day was given for 600 days";
  const ok = await withTreatment(range, { dose_mg_per_day: "300", dose_hi_mg_per_day: "900" });
  assert.deepEqual(ok.problems.filter((p) => p.startsWith("treatments.csv:")), []);
  const b = await withTreatment(range, { dose_mg_per_day: "300", dose_hi_mg_per_day: "600" });
  assert.ok(
    b.problems.includes(
      `treatments.csv:${b.line}:dose_hi_mg_per_day: dose_hi_mg_per_day is 600 but the quote ` +
        "states a range 300–900 mg/day",
    ),
    b.problems.join("\n"),
  );
});

Deno.test("the loader refuses a range typed as one end, at the cell to fill, naming both", async () => {
  const range = "gabapentin was then started at between 300 and 900 mg a day";
  const named = "but the quote states a range 300–900 mg/day: dose_mg_per_day 300, " +
    'dose_hi_mg_per_day 900 (a range gives both ends: data/README.md, "Doses")';
  const a = await withTreatment(range, { dose_mg_per_day: "300", dose_hi_mg_per_day: "" });
  assert.deepEqual(a.problems.filter((p) => p.startsWith("treatments.csv:")), [
    `treatments.csv:${a.line}:dose_hi_mg_per_day: dose_hi_mg_per_day is empty ${named}`,
  ]);
  const b = await withTreatment(range, { dose_mg_per_day: "900", dose_hi_mg_per_day: "" });
  assert.deepEqual(b.problems.filter((p) => p.startsWith("treatments.csv:")), [
    `treatments.csv:${b.line}:dose_mg_per_day: dose_mg_per_day is 900 ${named}`,
  ]);
  const ok = await withTreatment(range, { dose_mg_per_day: "300", dose_hi_mg_per_day: "900" });
  assert.deepEqual(ok.problems.filter((p) => p.startsWith("treatments.csv:")), []);
  // A change of dose is not a range: the new dose alone is right.
  const change = await withTreatment("the gabapentin dose was increased from 300 to 900 mg/day", {
    dose_mg_per_day: "900",
    dose_hi_mg_per_day: "",
  });
  assert.deepEqual(change.problems.filter((p) => p.startsWith("treatments.csv:")), []);
});

Deno.test("a dose whose quote states no number says to leave it empty, not to add a words-to-number rule", async () => {
  const { problems, line } = await withTreatment("gabapentin was started at a low dose", {
    dose_mg_per_day: "75",
    dose_hi_mg_per_day: "",
  });
  const hit = problems.find((p) => p.startsWith(`treatments.csv:${line}:dose_mg_per_day: `));
  assert.ok(hit, problems.join("\n"));
  assert.match(hit, /states no dose .*no number at all.*leave both dose cells empty/);
  assert.doesNotMatch(hit, /words-to-number/);
});

Deno.test("labelled doses: a dose the quote states only as another number is an error at its row", async () => {
  const file = "reference/labelled-doses.csv";
  let at = 0;
  const problems = await loadProblems(await copyData(), async (dir) => {
    const path = `${dir}/${file}`;
    const text = await Deno.readTextFile(path);
    const rows = parse(text) as string[][];
    const col = (c: string) => rows[0].indexOf(c);
    const i = rows.findIndex((r, k) => k > 0 && r[col("status")] === "verified");
    assert.ok(i > 0, `${file} has a verified row`);
    at = i + 1;
    const [lo, hi] = [rows[i][col("min_mg_per_day")], rows[i][col("max_mg_per_day")]];
    // The minimum is a number of the quote, but a number of days, not a dose.
    rows[i][col("quote")] = `for ${lo} days, then ${hi} mg/day`;
    await Deno.writeTextFile(path, stringify(rows));
  });
  assert.ok(
    problems.some((p) =>
      new RegExp(
        `^${file}:${at}:min_mg_per_day: min_mg_per_day is [\\d.]+ but the quote states [\\d.]+ mg/day$`,
      )
        .test(p)
    ),
    problems.join("\n"),
  );
});

Deno.test("labelled doses: a label's range typed with one end twice is an error naming min and max", async () => {
  const file = "reference/labelled-doses.csv";
  let at = 0;
  const problems = await loadProblems(await copyData(), async (dir) => {
    const path = `${dir}/${file}`;
    const rows = parse(await Deno.readTextFile(path)) as string[][];
    const col = (c: string) => rows[0].indexOf(c);
    const i = rows.findIndex((r, k) => k > 0 && r[col("status")] === "verified");
    assert.ok(i > 0, `${file} has a verified row`);
    at = i + 1;
    rows[i][col("quote")] = "usually 10–20 mg/day";
    rows[i][col("min_mg_per_day")] = "10";
    rows[i][col("max_mg_per_day")] = "10";
    await Deno.writeTextFile(path, stringify(rows));
  });
  assert.ok(
    problems.includes(
      `${file}:${at}:max_mg_per_day: max_mg_per_day is 10 but the quote states a range 10–20 mg/day: ` +
        'min_mg_per_day 10, max_mg_per_day 20 (a range gives both ends: data/README.md, "Doses")',
    ),
    problems.join("\n"),
  );
});
