/**
 * A period's ends (a dose period's `start` and `end`, a value's `period_start` and `period_end`)
 * are checked by the time the time points' anchors and bounds allow between them, not by their
 * nominal days (`lib/data/period_order.ts`); a swapped period is reported once, at its cause; and
 * a dose period's quote that names another drug of its article but not its own is warned of
 * (`lib/data/quote_drugs.ts`). On a copy of the data with constructed rows appended to a case of
 * the first article (rows looked up by id: the same on the grown data).
 */
import assert from "node:assert/strict";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { type DataIssue, DataValidationError, formatIssue, loadCaseSeries } from "../../lib/mod.ts";
import { copyData, FIRST_ARTICLE, TEST_DATA_DIR } from "../helpers/data_dir.ts";

/** Appends rows (cells by column name, the others empty) to a table of `dir`. */
async function append(dir: string, file: string, rows: Record<string, string>[]): Promise<void> {
  const path = `${dir}/${file}`;
  const text = await Deno.readTextFile(path);
  const header = (parse(text, { to: 1 }) as string[][])[0];
  for (const r of rows) for (const c of Object.keys(r)) assert.ok(header.includes(c), c);
  const cells = rows.map((r) => header.map((c) => r[c] ?? ""));
  await Deno.writeTextFile(path, text.replace(/\n?$/, "\n") + stringify(cells));
}

/** The first case of the first article, and its origin's time id. */
async function firstCase(): Promise<{ caseId: string; origin: string }> {
  const series = await loadCaseSeries(TEST_DATA_DIR);
  const c = series.cases.find((c) => c.sourceId === FIRST_ARTICLE)!;
  return { caseId: c.id, origin: c.timepoints.find((t) => t.rule === "origin")!.id };
}

/** A time point row of case `caseId` (its stored days placeholders: the load derives them). */
function timepoint(
  caseId: string,
  id: string,
  rule: string,
  anchor: string,
  more: Record<string, string> = {},
): Record<string, string> {
  return {
    case_id: caseId,
    time_id: id,
    rule,
    anchor,
    day_lo: "0",
    day_nominal: "0",
    day_hi: "0",
    words: `constructed ${id}`,
    quote: "Phantom leg pain appeared within 24 hours of amputation",
    ...more,
  };
}

/** Words of the article that state the amounts of the constructed time points. */
const [TEN_DAYS, SIX_DAYS] = [
  "10 days later the dose was increased",
  "Six days after the accident",
];

/**
 * A copy of the data whose first case has constructed time points: `pa` at some time after the
 * origin (no bound), `pb` exactly 10 days after `pa`, `pc` at some time after `pa`, `qa` after
 * the origin bounded by `qbound` (6 days after the origin) and `qb` within 1 day of the origin
 * (nominal days: `qa` 3, `qb` 0.5, though `qa` may be on day 0), and `pv` 10 days after `pa`.
 */
async function constructed(): Promise<{ dir: string; caseId: string }> {
  const { caseId, origin } = await firstCase();
  const dir = await copyData();
  await append(dir, "timepoints.csv", [
    timepoint(caseId, "pa", "after", origin),
    timepoint(caseId, "pb", "exact", "pa", { amount: "10", unit: "day", quote: TEN_DAYS }),
    timepoint(caseId, "pc", "after", "pa"),
    timepoint(caseId, "qbound", "exact", origin, { amount: "6", unit: "day", quote: SIX_DAYS }),
    timepoint(caseId, "qa", "after", origin, { bound: "qbound" }),
    timepoint(caseId, "qb", "within", origin, { amount: "1", unit: "day" }),
    timepoint(caseId, "pv", "exact", "pa", { amount: "10", unit: "day", quote: TEN_DAYS }),
  ]);
  return { dir, caseId };
}

/** A dose period of a drug no quote names, dose not stated. */
const period = (caseId: string, start: string, end: string, quote = "was administered") => ({
  case_id: caseId,
  drug: "testdrug",
  drug_class: "SSRI",
  start,
  end,
  purpose: "phantom limb pain",
  quote,
});

/** Loads `dir` (deriving the days), removes it, and returns its problems and warnings. */
async function load(dir: string): Promise<{ issues: string[]; warnings: string[] }> {
  const found: DataIssue[] = [];
  let issues: DataIssue[] = [];
  try {
    await loadCaseSeries(dir, { deriveDays: true, warnings: found });
  } catch (e) {
    if (!(e instanceof DataValidationError)) throw e;
    issues = e.issues;
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
  return { issues: issues.map(formatIssue), warnings: found.map(formatIssue) };
}

/** The lines of a table as it was before the rows were appended: the first appended is next. */
async function nextLine(file: string): Promise<number> {
  return (await Deno.readTextFile(`${TEST_DATA_DIR}${file}`)).trimEnd().split("\n").length + 1;
}

/** A value at `pv` stated over the period from `start` to `end`. */
const value = (caseId: string, start: string, end: string) => ({
  case_id: caseId,
  time: "pv",
  scale: "vas-10cm",
  value_lo: "6.6",
  value_nominal: "6.6",
  value_hi: "6.6",
  value_rule: "exact",
  value_words: "pain VAS 6.6",
  period_start: start,
  period_end: end,
  quote: "(pain VAS 6.6)",
});

Deno.test("a dose period surely ending before it starts is an error naming both time points and their days, reported once", async () => {
  const { dir, caseId } = await constructed();
  // pb is 10 days after pa: ending at pa is 10 days before the start, though neither day is
  // bounded above (their days alone would allow either order). A second period of the drug from
  // pb follows: the swapped row is left out, so it is no "second period from 'pb'".
  await append(dir, "treatments.csv", [period(caseId, "pb", "pa"), period(caseId, "pb", "")]);
  const line = await nextLine("treatments.csv");
  const { issues } = await load(dir);
  assert.deepEqual(issues, [
    `treatments.csv:${line}:end: ends before it starts: end 'pa' day 0 [0, Inf] is before start ` +
    "'pb' day 10 [10, Inf] (10 days before it, whatever days the text leaves open): are start " +
    "and end swapped, or is one the wrong time point?",
  ]);
});

Deno.test("a period surely ending before it starts only by the periods on earlier rows is an error saying so", async () => {
  const { dir, caseId } = await constructed();
  // pc is at some time after pa, and pb 10 days after pa. A period from pb to pc passes (pc may
  // be after pb) and puts pc at or after pb: a period from pc to pa then ends at least 10 days
  // before it starts, though by the time points alone it could at best be empty (a warning).
  // Passed with a warning, it would leave the case's network contradicting itself.
  await append(dir, "treatments.csv", [period(caseId, "pb", "pc"), period(caseId, "pc", "pa")]);
  const line = await nextLine("treatments.csv");
  const { issues } = await load(dir);
  assert.deepEqual(issues, [
    `treatments.csv:${line + 1}:end: ends before it starts: end 'pa' day 0 [0, Inf] is before ` +
    `start 'pc' day 0 [0, Inf], given the period at treatments.csv line ${line} (at least 10 ` +
    "days before it, whatever days the text leaves open): are start and end swapped, or is one " +
    "the wrong time point?",
  ]);
});

Deno.test("a value's period refused because of a dose period names the dose period's file and line", async () => {
  // treatments.csv is read before observations.csv: the period that makes it surely before is
  // on no earlier row of the value's own table.
  const { dir, caseId } = await constructed();
  await append(dir, "treatments.csv", [period(caseId, "pb", "pc")]);
  await append(dir, "observations.csv", [value(caseId, "pc", "pa")]);
  const [tLine, oLine] = [await nextLine("treatments.csv"), await nextLine("observations.csv")];
  assert.deepEqual((await load(dir)).issues, [
    `observations.csv:${oLine}:period_end: the period ends before it starts: period_end 'pa' ` +
    `day 0 [0, Inf] is before period_start 'pc' day 0 [0, Inf], given the period at ` +
    `treatments.csv line ${tLine} (at least 10 days before it, whatever days the text leaves ` +
    "open): are period_start and period_end swapped, or is one the wrong time point?",
  ]);
});

Deno.test("when no one period is needed to refuse it, the message names the case's other periods", async () => {
  // Two dose periods from pb to pc, each enough alone: neither is named.
  const { dir, caseId } = await constructed();
  await append(dir, "treatments.csv", [
    period(caseId, "pb", "pc"),
    { ...period(caseId, "pb", "pc"), drug: "otherdrug" },
    period(caseId, "pc", "pa"),
  ]);
  const line = await nextLine("treatments.csv");
  assert.deepEqual((await load(dir)).issues, [
    `treatments.csv:${line + 2}:end: ends before it starts: end 'pa' day 0 [0, Inf] is before ` +
    "start 'pc' day 0 [0, Inf], given the case's other periods (at least 10 days before it, " +
    "whatever days the text leaves open): are start and end swapped, or is one the wrong time " +
    "point?",
  ]);
});

Deno.test("two periods of a drug from one start: the second is named at its start column", async () => {
  const { dir, caseId } = await constructed();
  await append(dir, "treatments.csv", [period(caseId, "pa", "pb"), period(caseId, "pa", "")]);
  const line = await nextLine("treatments.csv");
  const { issues } = await load(dir);
  assert.deepEqual(issues, [
    `treatments.csv:${line + 1}:start: a second testdrug period from 'pa' (the first at line ` +
    `${line}): a drug has one period per start; a dose that changes starts a new period at the ` +
    "change",
  ]);
});

Deno.test("two periods of a drug overlap only when they surely do, whatever their nominal days", async () => {
  const { caseId, origin } = await firstCase();
  // Nominally the second starts (qb, day 0.5) before the first ends (qa, day 3), but qa may be
  // on day 0 and qb on day 1: they may not overlap.
  const maybe = await constructed();
  await append(maybe.dir, "treatments.csv", [
    period(caseId, origin, "qa"),
    period(caseId, "qb", ""),
  ]);
  assert.deepEqual((await load(maybe.dir)).issues, []);
  // The first ends at pb (10 days after pa, so on day 10 or later); the second starts on day 6.
  const surely = await constructed();
  await append(surely.dir, "treatments.csv", [
    period(caseId, origin, "pb"),
    period(caseId, "qbound", ""),
  ]);
  const line = await nextLine("treatments.csv");
  assert.deepEqual((await load(surely.dir)).issues, [
    `treatments.csv:${line + 1}:start: testdrug dose period overlaps the one at line ${line}`,
  ]);
});

Deno.test("a dose period whose end may fall after its start passes, whatever its nominal days", async () => {
  const { dir, caseId } = await constructed();
  // qa is nominally day 3 and qb day 0.5, but qa may be on day 0 and qb on day 1.
  await append(dir, "treatments.csv", [period(caseId, "qa", "qb")]);
  const { issues, warnings } = await load(dir);
  assert.deepEqual(issues, []);
  assert.deepEqual(warnings.filter((w) => w.includes(":end:")), []);
});

Deno.test("a dose period that can at best be empty (its end at most on its start's day) is a warning", async () => {
  const { dir, caseId } = await constructed();
  // pc is at or after pa: a period from pc to pa lasts 0 days at most.
  await append(dir, "treatments.csv", [period(caseId, "pc", "pa"), period(caseId, "pa", "pa")]);
  const line = await nextLine("treatments.csv");
  const { issues, warnings } = await load(dir);
  assert.deepEqual(issues, []);
  // Only the first: a period that starts and ends at one time point is a stop at that visit.
  assert.deepEqual(warnings.filter((w) => w.includes(":end:")), [
    `treatments.csv:${line}:end: ends no later than it starts: end 'pa' day 0 [0, Inf] ` +
    "is at or before start 'pc' day 0 [0, Inf] whatever days the text leaves open, so the " +
    "period is at best empty (a stop at the visit it starts); if it is not, are start and end " +
    "swapped, or is one the wrong time point?",
  ]);
});

Deno.test("a value's period is checked by the same rule", async () => {
  let { dir, caseId } = await constructed();
  await append(dir, "observations.csv", [value(caseId, "pb", "pa")]);
  const line = await nextLine("observations.csv");
  const { issues } = await load(dir);
  assert.deepEqual(issues, [
    `observations.csv:${line}:period_end: the period ends before it starts: period_end 'pa' day ` +
    "0 [0, Inf] is before period_start 'pb' day 10 [10, Inf] (10 days before it, whatever days " +
    "the text leaves open): are period_start and period_end swapped, or is one the wrong time " +
    "point?",
  ]);
  ({ dir, caseId } = await constructed());
  await append(dir, "observations.csv", [value(caseId, "qa", "qb")]);
  assert.deepEqual((await load(dir)).issues, []);
});

Deno.test("a dose period's quote naming another drug of its article, not its own, is a warning", async () => {
  const { dir, caseId } = await constructed();
  const series = await loadCaseSeries(TEST_DATA_DIR);
  const cases = series.cases.filter((c) => c.sourceId === FIRST_ARTICLE);
  // A drug of the article's first case that its last case is not given.
  const drugs = (c: (typeof cases)[number]) => new Set(c.treatments.map((t) => t.drug));
  const other = [...drugs(cases[0])].find((d) => !drugs(cases.at(-1)!).has(d))!;
  // Words of the article around the drug's name (no number: it states no dose).
  const text = await Deno.readTextFile(`${TEST_DATA_DIR}sources/${FIRST_ARTICLE}.txt`);
  const quote = text.replace(/\s+/g, " ").match(
    new RegExp(`\\b[a-z][a-z ,]{0,40}\\b${other}\\b[a-z ]{0,30}\\b`, "i"),
  )![0].trim();
  const last = cases.at(-1)!;
  await append(dir, "treatments.csv", [
    period(caseId, "pa", "pb", quote),
    period(last.id, last.timepoints[0].id, "", quote),
    // Names the drug it is given as well: no warning.
    { ...period(caseId, "pc", "", quote), drug: other },
  ]);
  const line = await nextLine("treatments.csv");
  const { issues, warnings } = await load(dir);
  assert.deepEqual(issues.filter((i) => !i.includes("overlaps")), []);
  const named = (row: number) =>
    `treatments.csv:${row}:quote: the quote names ${other} (given in this article) but ` +
    "not testdrug, the drug of this row: is it the quote of another period? A quote that names " +
    "no drug is fine";
  assert.deepEqual(warnings.filter((w) => w.includes(":quote:")), [named(line), named(line + 1)]);
});

Deno.test("the data give no warning of a period's order or of a quote naming another drug", async () => {
  const warnings: DataIssue[] = [];
  await loadCaseSeries(TEST_DATA_DIR, { warnings });
  const ours = warnings.filter((w) =>
    w.file === "treatments.csv" && (w.column === "quote" || w.column === "end") ||
    w.file === "observations.csv" && w.column === "period_end"
  );
  assert.deepEqual(ours.map(formatIssue), []);
});
