/**
 * A time point's `amount` and `unit` must be stated by its quote, as pain values and doses are
 * (`lib/stated_amounts.ts`, data/README.md "Numbers"): the forms of a stated amount, and the
 * loader's and `readingProblems`' located messages when a row's amount or unit is not its quote's.
 */
import assert from "node:assert/strict";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { quoteStatesAmount, statedAmounts } from "../lib/stated_amounts.ts";
import { readingProblems } from "../lib/readings.ts";
import { formatIssue } from "../lib/errors.ts";
import { copyData, loadProblems } from "./helpers/data_dir.ts";

Deno.test("statedAmounts reads digits, number words, 'a'/'an', halves, ordinals, abbreviations, 'day N', hours and 'the next day'", () => {
  const cases: [string, [number, string][]][] = [
    ["Two weeks after, the pain was rated 6", [[2, "week"]]],
    ["10 days later the dose was increased to 20 mg/day", [[10, "day"]]],
    ["within a week (pain VAS 2.3)", [[1, "week"]]],
    ["A month later, the pain had gone", [[1, "month"]]],
    ["an hour after the injection", [[1 / 24, "day"]]],
    ["within 24 hours of amputation", [[1, "day"]]],
    ["At the end of the second month on the drug", [[2, "month"]]],
    ["a 2-week course", [[2, "week"]]],
    ["on day 12 the pain VAS was 6.0", [[12, "day"]]],
    ["at week 7 the dose was raised", [[7, "week"]]],
    ["he was transferred the next day", [[1, "day"]]],
    ["on the day after surgery", [[1, "day"]]],
    ["1,200 days later", [[1200, "day"]]],
    ["about 1.5 years later", [[1.5, "year"]]],
    // A half: "half a/an <unit>", "<n> and a half <unit>", "<n> <unit> and a half".
    ["half a year later", [[0.5, "year"]]],
    ["half an hour after", [[0.5 / 24, "day"]]],
    ["a half-year course", [[0.5, "year"]]],
    ["a week and a half later", [[1.5, "week"]]],
    ["two and a half weeks", [[2.5, "week"]]],
    ["after 1 and a half years", [[1.5, "year"]]],
    ["12 days and a half", [[12.5, "day"]]],
    // A fortnight is 2 weeks.
    ["A fortnight later", [[2, "week"]]],
    ["two fortnights", [[4, "week"]]],
    ["the following fortnight", [[2, "week"]]],
    // Number words past twelve, compounds with a hyphen or a space.
    ["twenty days", [[20, "day"]]],
    ["seventeen days", [[17, "day"]]],
    ["thirty days", [[30, "day"]]],
    ["twenty-one days", [[21, "day"]]],
    ["thirty one days", [[31, "day"]]],
    ["on day twenty-one", [[21, "day"]]],
    ["the twenty-first day", [[21, "day"]]],
    // Ordinals in digits, and an ordinal, one word, then the unit.
    ["on the 3rd day", [[3, "day"]]],
    ["on the 3rd postoperative day", [[3, "day"]]],
    ["in the second post-operative week", [[2, "week"]]],
    ["the first two weeks", [[2, "week"]]],
    // Abbreviations, with or without a space after digits.
    ["12 h", [[0.5, "day"]]],
    ["after 48hrs", [[2, "day"]]],
    ["24 hr", [[1, "day"]]],
    ["3 d later", [[3, "day"]]],
    ["1 wk", [[1, "week"]]],
    ["2 wks", [[2, "week"]]],
    ["6 mo", [[6, "month"]]],
    ["18 mos", [[18, "month"]]],
    ["2 y", [[2, "year"]]],
    ["1 yr", [[1, "year"]]],
    ["3 yrs", [[3, "year"]]],
    // One-letter abbreviations only after digits; no unit inside a word.
    ["a d-dimer", []],
    ["and then", []],
    ["the 4th visit", []],
    ["30 mg/day", []],
    // No amount: no number with a unit, or a number that belongs to another one.
    ["For several days after surgery", []],
    ["pain VAS 6.6 at the visit", []],
    ["on day 1.5.3", []],
  ];
  for (const [text, expected] of cases) {
    assert.deepEqual(
      statedAmounts(text).map((a) => [a.amount, a.unit]),
      expected,
      text,
    );
  }
});

Deno.test("quoteStatesAmount names the amounts a quote states, the unit column when only the unit differs", () => {
  assert.equal(quoteStatesAmount("Two weeks after, the pain was 6", 2, "week"), null);
  assert.deepEqual(quoteStatesAmount("Two weeks after, the pain was 6", 3, "week"), {
    column: "amount",
    message: "amount is 3 weeks but the quote states 2 weeks",
  });
  assert.deepEqual(quoteStatesAmount("one week after surgery", 10, "day"), {
    column: "amount",
    message: "amount is 10 days but the quote states 1 week",
  });
  assert.deepEqual(quoteStatesAmount("one week after surgery", 1, "day"), {
    column: "unit",
    message: "amount is 1 day but the quote states 1 week",
  });
  assert.match(
    quoteStatesAmount("Milnacipran was then added", 2, "week")!.message,
    /states no time amount/,
  );
  // Half a year is 0.5 years, not the 1 year the "a" alone would say.
  assert.equal(quoteStatesAmount("half a year later", 0.5, "year"), null);
  assert.deepEqual(quoteStatesAmount("half a year later", 1, "year"), {
    column: "amount",
    message: "amount is 1 year but the quote states 0.5 years",
  });
  // 0 places a point at its anchor (the same visit): no number states it.
  assert.equal(quoteStatesAmount("the dose was increased to 30 mg/day", 0, "day"), null);
});

/** The rows of a CSV text as arrays (header first). */
const rowsOf = (text: string) => parse(text) as string[][];

/**
 * A copy of the data whose first row of `file` with a rule that takes an amount (and an amount
 * other than 0) has `edit` applied to its cells; returns the folder and that row's line.
 */
async function withAmountEdited(
  file: string,
  edit: (cell: (column: string, value?: string) => string) => void,
): Promise<{ dir: string; line: number }> {
  const dir = await copyData();
  const rows = rowsOf(await Deno.readTextFile(`${dir}/${file}`));
  const col = (c: string) => rows[0].indexOf(c);
  const i = rows.findIndex((r, k) =>
    k > 0 && ["exact", "approx", "within"].includes(r[col("rule")]) && Number(r[col("amount")]) > 0
  );
  assert.ok(i > 0, `${file} has a row with an amount`);
  edit((column, value) => {
    if (value !== undefined) rows[i][col(column)] = value;
    return rows[i][col(column)];
  });
  await Deno.writeTextFile(`${dir}/${file}`, stringify(rows));
  // No cell spans lines: the row's line is its index + 1.
  return { dir, line: i + 1 };
}

Deno.test("the loader names a time point whose amount its quote does not state, at its row and column", async () => {
  const { dir, line } = await withAmountEdited("timepoints.csv", (cell) => {
    cell("amount", String(Number(cell("amount")) + 1));
  });
  const problems = await loadProblems(dir);
  assert.ok(
    problems.some((p) => p.startsWith(`timepoints.csv:${line}:amount: amount is `)),
    problems.join("\n"),
  );
});

Deno.test("an amount its quote does not state is reported once, at its cause: its days and its dependants' are not checked against it", async () => {
  const { dir, line } = await withAmountEdited("timepoints.csv", (cell) => {
    cell("amount", String(Number(cell("amount")) + 1));
  });
  const problems = await loadProblems(dir);
  // The amount, then the point counted as unusable for the rows that refer to it; no stored day
  // reported against the mistyped amount (its own, or those of the points dated from it).
  assert.ok(problems[0].startsWith(`timepoints.csv:${line}:amount: amount is `), problems[0]);
  assert.ok(!problems.some((p) => /:day_(lo|nominal|hi): is /.test(p)), problems.join("\n"));
});

Deno.test("the loader names a time point whose unit is not the one its quote states with the amount", async () => {
  const { dir, line } = await withAmountEdited("timepoints.csv", (cell) => {
    // Another unit that the rule allows (days and weeks are exact; months and years never are).
    cell("unit", cell("unit") === "day" ? "week" : "day");
  });
  const problems = await loadProblems(dir);
  assert.ok(
    problems.some((p) =>
      new RegExp(`^timepoints\\.csv:${line}:unit: amount is .* but the quote states`).test(p)
    ),
    problems.join("\n"),
  );
});

Deno.test("a reading whose amount its quote does not state is named at its row in readings.csv", async () => {
  const { dir, line } = await withAmountEdited("readings.csv", (cell) => {
    cell("amount", String(Number(cell("amount")) + 1));
  });
  try {
    const problems = (await readingProblems(dir)).map(formatIssue);
    assert.ok(
      problems.some((p) => p.startsWith(`readings.csv:${line}:amount: under reading `)),
      problems.join("\n"),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("quoteStatesAmount's quick test of '12 days' and 'day 12' agrees with statedAmounts", () => {
  // Amounts that only part of a number states, or that a longer word holds, are not stated.
  const texts = [
    "1,200 days later",
    "after 6.5 weeks",
    "on day 12.5",
    "on day 1,200",
    "on day 1, then 2",
    "x12 days",
    "12 daysx",
    "12 days.",
    "weekday 7",
    "on day 3 and 4 days later",
    "Day 9",
    "12 days and a half",
    "1 week and a half later",
    "12 days and 3 weeks",
    "12 h",
    "12hrs",
    "1 wk",
    "twenty-one days",
    "a fortnight",
    "the 3rd postoperative day",
    "day twenty-one",
  ];
  for (const text of texts) {
    for (const unit of ["day", "week", "month", "year"] as const) {
      for (let amount = 1; amount <= 1300; amount++) {
        const stated = statedAmounts(text).some((a) => a.unit === unit && a.amount === amount);
        assert.equal(quoteStatesAmount(text, amount, unit) === null, stated, `${text}: ${amount}`);
      }
    }
  }
});
