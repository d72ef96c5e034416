/**
 * Time points counted back from their anchor (rules `exact-before`, `approx-before`,
 * `within-before`: "two weeks before admission", data/README.md "Counting back"), on the
 * synthetic case of tests/fixtures/counted-back appended to a copy of the data: the days they
 * derive, the errors `validate` gives at their cause, `fill-days`, an alternative reading, the
 * narrative-order warning, and what the analyses read of them (a dated gap, a drug start they
 * precede, the rules table).
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  COUNTED_BACK,
  datedGap,
  deriveDay,
  loadCaseSeries,
  loadWithReadings,
  readingProblems,
  readingRows,
  relativeDay,
  ruleOffset,
  ruleRows,
  tiedTimepoints,
  TIME_RULES,
} from "../lib/mod.ts";
import { loadReadings } from "../lib/readings.ts";
import { undatedPoints } from "../lib/appraisal/computed.ts";
import { statedAmounts } from "../lib/stated_amounts.ts";
import { TIME_RULE_NAMES } from "../lib/schema.ts";
import { fillDays } from "../scripts/fill_days.ts";
import { dataWithFixture, editLine, loadProblems } from "./helpers/data_dir.ts";

const FIXTURE = "counted-back";
const CASE = "B1";

/** The line (1-based) of a time point of the fixture's case in `timepoints.csv`. */
function lineOf(text: string, timeId: string): number {
  const i = text.split("\n").findIndex((l) => l.startsWith(`${CASE},${timeId},`));
  assert.ok(i > 0, timeId);
  return i + 1;
}

/** A copy of the data with the fixture appended and its days filled (`fill-days`). */
async function filledData(): Promise<string> {
  const dir = await dataWithFixture(FIXTURE);
  const { text } = await fillDays(dir);
  await Deno.writeTextFile(`${dir}/timepoints.csv`, text);
  return dir;
}

/** The fixture's data with the cells of one time point from `rule` to `unit` replaced. */
async function withTimepoint(timeId: string, cells: string): Promise<string> {
  const dir = await filledData();
  const path = `${dir}/timepoints.csv`;
  const text = await Deno.readTextFile(path);
  await Deno.writeTextFile(
    path,
    editLine(text, lineOf(text, timeId), (l) => {
      const c = l.split(",");
      return [c[0], c[1], cells, ...c.slice(7)].join(",");
    }),
  );
  return dir;
}

Deno.test("a rule counted back is the mirror of the rule it counts back: its offset negated", () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...COUNTED_BACK),
      fc.integer({ min: 1, max: 240 }),
      fc.constantFrom(1, 2, 4, 10, 24),
      fc.constantFrom("day" as const, "week" as const, "month" as const, "year" as const),
      ([back, forward], p, q, unit) => {
        if (forward === "exact" && (unit === "month" || unit === "year")) return;
        const f = ruleOffset(forward, p / q, unit);
        const b = ruleOffset(back, p / q, unit);
        assert.deepEqual(b, { lo: 0 - f.hi, hi: 0 - f.lo, nominal: 0 - f.nominal });
        // At or before the anchor, never after it; its nominal inside its bounds.
        assert.ok(b.hi <= 0 && b.lo <= b.nominal && b.nominal <= b.hi);
      },
    ),
    { seed: 20121123 },
  );
  // "About a month before", "in the week before": 30 ± 15 days back; [A − 7, A], nominal A − 7.
  const a = { lo: 56, hi: 56, nominal: 56 };
  assert.deepEqual(deriveDay("approx-before", 1, "month", a, null).day, {
    lo: 11,
    hi: 41,
    nominal: 26,
  });
  assert.deepEqual(deriveDay("within-before", 1, "week", a, null).day, {
    lo: 49,
    hi: 56,
    nominal: 49,
  });
  // A count of months is never exact, back or forward; nothing back is 0 (that is the anchor).
  assert.throws(() => ruleOffset("exact-before", 1, "month"), RangeError);
  assert.throws(() => ruleOffset("within-before", 0, "day"), /counts back more than 0/);
});

Deno.test("every rule counted back is a rule of the data, with its sentence in the rules", () => {
  for (const [back, forward] of COUNTED_BACK) {
    assert.ok((TIME_RULE_NAMES as readonly string[]).includes(back), back);
    assert.ok(TIME_RULES[back].includes("A − N·unit"), back);
    assert.ok(forward in TIME_RULES);
  }
});

Deno.test("a quote counting back states its amount: '2 weeks before', 'the previous month', 'the day before'", () => {
  assert.deepEqual(statedAmounts("Two weeks before his admission"), [{ amount: 2, unit: "week" }]);
  assert.deepEqual(statedAmounts("on average over the previous month"), [
    { amount: 1, unit: "month" },
  ]);
  assert.deepEqual(statedAmounts("in the preceding week"), [{ amount: 1, unit: "week" }]);
  assert.deepEqual(statedAmounts("on the day before surgery"), [{ amount: 1, unit: "day" }]);
});

Deno.test("fill-days writes the days the rules counted back give; the data then load", async () => {
  const dir = await dataWithFixture(FIXTURE);
  try {
    const before = await Deno.readTextFile(`${dir}/timepoints.csv`);
    const { text, changed } = await fillDays(dir);
    const days = (id: string) => text.split("\n")[lineOf(text, id) - 1].split(",").slice(7, 10);
    // 8 weeks after the accident: the admission on day 56.
    assert.deepEqual(days("admission"), ["56", "56", "56"]);
    assert.deepEqual(days("amitriptyline_start"), ["42", "42", "42"]); // 56 − 14
    assert.deepEqual(days("month_before_admission"), ["11", "26", "41"]); // 56 − (30 ± 15)
    // 3 days after admission, discharged 4 weeks after: 87; the week before it [80, 87].
    assert.deepEqual(days("week_before_discharge"), ["80", "80", "87"]);
    assert.equal(changed.length, 8, "the fixture's rows, no other");
    const others = (t: string) => t.split("\n").filter((l) => !l.startsWith(`${CASE},`));
    assert.deepEqual(others(text), others(before));
    await Deno.writeTextFile(`${dir}/timepoints.csv`, text);
    const c = (await loadCaseSeries(dir)).cases.find((x) => x.id === CASE)!;
    assert.deepEqual(relativeDay(c, "amitriptyline_start", "admission"), {
      lo: -14,
      hi: -14,
      nominal: -14,
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("validate: an amount counted back that its quote does not state is one error, at amount", async () => {
  const dir = await withTimepoint("amitriptyline_start", "exact-before,admission,,3,week");
  const line = lineOf(await Deno.readTextFile(`${dir}/timepoints.csv`), "amitriptyline_start");
  const problems = await loadProblems(dir);
  const at = problems.filter((p) => p.startsWith(`timepoints.csv:${line}:`));
  assert.deepEqual(
    at.filter((p) => !/ is not usable: /.test(p)),
    [`timepoints.csv:${line}:amount: amount is 3 weeks but the quote states 2 weeks`],
  );
  // The rows that refer to it are counted under it, in one line at the same column.
  for (const p of at.filter((p) => / is not usable: /.test(p))) {
    assert.ok(p.startsWith(`timepoints.csv:${line}:amount: `), p);
  }
  // Its days are not checked: the problem is reported once, at its cause.
  assert.ok(!problems.some((p) => /day_(lo|nominal|hi)/.test(p)), problems.join("\n"));
});

Deno.test("validate: a count of months exact, a count back of 0, a bound, no amount: each at its column", async () => {
  // (Each on a point whose quote states its amount: "the previous month", "Two weeks before".)
  const cases: [string, string, string, RegExp][] = [
    [
      "month_before_admission",
      "exact-before,admission,,1,month",
      "unit",
      /months are never exact: use rule 'approx-before'/,
    ],
    [
      "amitriptyline_start",
      "exact-before,admission,,0,week",
      "amount",
      /0 is the anchor itself \(use rule 'exact' 0\)/,
    ],
    [
      "amitriptyline_start",
      "exact-before,admission,discharge,2,week",
      "bound",
      /only rule 'after' takes a bound/,
    ],
    [
      "amitriptyline_start",
      "exact-before,admission,,,",
      "amount",
      /rule 'exact-before' needs amount and unit/,
    ],
  ];
  for (const [timeId, cells, column, message] of cases) {
    const dir = await withTimepoint(timeId, cells);
    const line = lineOf(await Deno.readTextFile(`${dir}/timepoints.csv`), timeId);
    const problems = await loadProblems(dir);
    // Its own problem (the rows that refer to it are counted under it, at the same column).
    const own = problems.filter((p) =>
      new RegExp(`^timepoints\\.csv:${line}:\\w+: `).test(p) && !/ is not usable: /.test(p)
    );
    assert.equal(own.length, 1, `${cells}: ${problems.join("\n")}`);
    assert.ok(own[0].startsWith(`timepoints.csv:${line}:${column}: `), own[0]);
    assert.match(own[0], message);
  }
});

Deno.test("validate: a stored day that is not the one counted back is an error naming the rule", async () => {
  const dir = await filledData();
  const path = `${dir}/timepoints.csv`;
  const text = await Deno.readTextFile(path);
  const line = lineOf(text, "amitriptyline_start");
  // Counted forward by mistake: 56 + 14.
  await Deno.writeTextFile(
    path,
    editLine(text, line, (l) => {
      const c = l.split(",");
      return [...c.slice(0, 7), "70", "70", "70", ...c.slice(10)].join(",");
    }),
  );
  assert.deepEqual(
    (await loadProblems(dir)).filter((p) => p.includes(`:${line}:`)),
    [
      "lo",
      "nominal",
      "hi",
    ].map((s) =>
      `timepoints.csv:${line}:day_${s}: is 70 but rule 'exact-before' gives 42 ` +
      "(`deno task fill-days` writes the days the rules give)"
    ),
  );
});

Deno.test("an alternative reading counts back as the data do, and a wrong amount is reported at its row", async () => {
  const dir = await filledData();
  try {
    const quote = '"Two weeks before his admission, he had started amitriptyline 25 mg/day"';
    const row = (amount: number) =>
      `b1-about-two-weeks,"case B1: 'Two weeks before' read as approximate",${CASE},` +
      `amitriptyline_start,approx-before,admission,,${amount},week,about two weeks before,${quote}\n`;
    const path = `${dir}/readings.csv`;
    const original = await Deno.readTextFile(path);
    await Deno.writeTextFile(path, original + row(2));
    assert.deepEqual(await readingProblems(dir), []);
    const reading = (await loadReadings(dir)).filter((r) => r.name === "b1-about-two-weeks");
    const c = (await loadWithReadings(reading, dir)).cases.find((x) => x.id === CASE)!;
    // 14 ± 3.5 days before the admission.
    assert.deepEqual(relativeDay(c, "amitriptyline_start", "admission"), {
      lo: -17.5,
      hi: -10.5,
      nominal: -14,
    });
    assert.match(
      readingRows(reading)[0].rule as string,
      /^approx-before 2 week before admission$/,
    );
    await Deno.writeTextFile(path, original + row(3));
    const line = original.trimEnd().split("\n").length + 1;
    const problems = await readingProblems(dir);
    assert.ok(
      problems.some((p) =>
        p.file === "readings.csv" && p.row === line && p.column === "amount" &&
        /amount is 3 weeks but the quote states 2 weeks/.test(p.message)
      ),
      JSON.stringify(problems),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a point counted back is dated from day 0, and not tied to a drug start it precedes", async () => {
  const dir = await filledData();
  try {
    const s = await loadCaseSeries(dir);
    const c = s.cases.find((x) => x.id === CASE)!;
    const back = c.timepoints.filter((t) => COUNTED_BACK.has(t.rule));
    assert.equal(back.length, 3);
    for (const t of back) assert.ok(datedGap(c, t.id, "accident"), t.id);
    assert.deepEqual(undatedPoints(c), []);
    // Counted back from the milnacipran start: before it, so not a point the text ties to it.
    const milnacipran = c.treatments.find((t) => t.drug === "milnacipran")!;
    const text = await Deno.readTextFile(`${dir}/timepoints.csv`);
    const path = `${dir}/timepoints.csv`;
    await Deno.writeTextFile(
      path,
      editLine(text, lineOf(text, "week_before_discharge"), (l) => {
        const cells = l.split(",");
        return [cells[0], cells[1], "within-before,milnacipran_start,,1,week", ...cells.slice(7)]
          .join(",");
      }),
    );
    await Deno.writeTextFile(path, (await fillDays(dir)).text);
    const moved = (await loadCaseSeries(dir)).cases.find((x) => x.id === CASE)!;
    assert.deepEqual(relativeDay(moved, "week_before_discharge", "milnacipran_start").hi, 0);
    assert.ok(
      !tiedTimepoints(moved, moved.treatments.find((t) => t.drug === milnacipran.drug)!)
        .includes("week_before_discharge"),
    );
    // The rules table lists the rules counted back only where the data use them.
    const listed = (rows: { rule?: unknown }[]) =>
      rows.filter((r) => COUNTED_BACK.has(r.rule as never)).map((r) => r.rule);
    assert.deepEqual(listed(ruleRows(s)), [...COUNTED_BACK.keys()]);
    assert.deepEqual(listed(ruleRows()), []);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
