/**
 * Valid data whose offsets binary floating point cannot hold exactly (0.1 day, 2.3 weeks) loads,
 * and every time of its case is read, on the synthetic case of tests/fixtures/counted-back with
 * such time points appended (and the sentences their quotes cite appended to its text): their
 * sums round apart (three steps of 0.1 day are not 0.3 day in binary), which is no contradiction.
 * A true conflict of a millionth of a day is still refused, at its row, with the same message.
 */
import assert from "node:assert/strict";
import { DataValidationError, formatIssue, loadCaseSeries, relativeDay } from "../lib/mod.ts";
import { fillDays } from "../scripts/fill_days.ts";
import { dataWithFixture } from "./helpers/data_dir.ts";

const FIXTURE = "counted-back";
const CASE = "B1";

/** A time point of the fixture's case: its cells from `rule` to `unit`, and the sentence quoted. */
interface Row {
  id: string;
  cells: string;
  words: string;
  quote: string;
}

/**
 * The fixture's data with `rows` appended to its case and their days filled (`fill-days`, which
 * loads it as `validate` does, with the days derived: its problems are the loader's).
 */
async function withRows(rows: Row[]): Promise<string> {
  const dir = await dataWithFixture(FIXTURE);
  const source = `${dir}/sources/synthetic-${FIXTURE}.txt`;
  const text = await Deno.readTextFile(source);
  await Deno.writeTextFile(source, `${text.trimEnd()} ${rows.map((r) => r.quote).join(" ")}\n`);
  const path = `${dir}/timepoints.csv`;
  const lines = rows.map((r) => `${CASE},${r.id},${r.cells},,,,${r.words},${r.quote}`);
  await Deno.writeTextFile(
    path,
    `${(await Deno.readTextFile(path)).trimEnd()}\n${lines.join("\n")}\n`,
  );
  try {
    await Deno.writeTextFile(path, (await fillDays(dir)).text);
  } catch (e) {
    await Deno.remove(dir, { recursive: true });
    throw e;
  }
  return dir;
}

/** Checks every `n` steps of `amount` `unit`s, each after the one before, from `from`. */
function steps(prefix: string, from: string, n: number, amount: string, unit: string): Row[] {
  return Array.from({ length: n }, (_, k) => ({
    id: `${prefix}${k + 1}`,
    cells: `exact,${k === 0 ? from : `${prefix}${k}`},,${amount},${unit}`,
    words: `${amount} ${unit}s later`,
    quote: `Check ${prefix}${k + 1} came ${amount} ${unit}s after the one before.`,
  }));
}

/** y, `amount` days after the accident, and z, after x3 and at or before y. */
function meeting(amount: string): Row[] {
  return [
    {
      id: "y",
      cells: `exact,accident,,${amount},day`,
      words: `${amount} days after the accident`,
      quote: `A review was held ${amount} days after the accident.`,
    },
    {
      id: "z",
      cells: "after,x3,y,,",
      words: "after the third check and before the review",
      quote: "A note was written after the third check and before the review.",
    },
  ];
}

/** Whether two days are the same decimal, up to the rounding of a sum of a few terms. */
function near(got: number, want: number): boolean {
  return Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want));
}

Deno.test("time points 0.1 day or 2.3 weeks apart load, and every time between them is read", async () => {
  const dir = await withRows([
    ...steps("x", "accident", 3, "0.1", "day"),
    ...meeting("0.3"),
    ...steps("w", "admission", 25, "2.3", "week"),
  ]);
  try {
    const c = (await loadCaseSeries(dir)).cases.find((c) => c.id === CASE)!;
    for (const x of c.timepoints) for (const y of c.timepoints) relativeDay(c, x.id, y.id);
    const x3 = relativeDay(c, "x3", "accident");
    assert.ok(near(x3.lo, 0.3) && near(x3.hi, 0.3), `${x3.lo} ${x3.hi}`);
    // z is after x3 and at or before y, both on day 0.3: on day 0.3 too.
    assert.deepEqual(relativeDay(c, "z", "y"), { lo: 0, hi: 0, nominal: 0 });
    const w = relativeDay(c, "w25", "admission");
    assert.ok(near(w.lo, 25 * 16.1) && near(w.hi, 25 * 16.1), `${w.lo} ${w.hi}`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a bound a millionth of a day before its anchor is still refused at its row", async () => {
  const rows = [...steps("x", "accident", 3, "0.1", "day"), ...meeting("0.299999")];
  const problems = await withRows(rows).then(
    () => [],
    (e) => {
      if (!(e instanceof DataValidationError)) throw e;
      return e.issues.map(formatIssue);
    },
  );
  assert.equal(problems.length, 1, problems.join("\n"));
  assert.match(problems[0], /^timepoints\.csv:\d+:bound: bound 'y' falls before anchor 'x3'$/);
});
