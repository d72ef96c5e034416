/**
 * One test per kind of bad input: each asserts the file, row, column and message reported.
 */
import assert from "node:assert/strict";
import { type DataIssue, DataValidationError, loadCaseSeries } from "../lib/mod.ts";
import { dataWith, editLine } from "./helpers/data_dir.ts";

/** Loads `dir`, expects a DataValidationError, and returns its issues. */
async function issuesOf(dir: string): Promise<DataIssue[]> {
  try {
    await loadCaseSeries(dir);
  } catch (e) {
    assert.ok(e instanceof DataValidationError, `expected DataValidationError, got ${e}`);
    return e.issues;
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
  throw new assert.AssertionError({ message: "the data loaded without error" });
}

/** Asserts that one of the issues matches file, row, column and a message pattern. */
function assertIssue(issues: DataIssue[], expected: Omit<DataIssue, "message">, message: RegExp) {
  const hit = issues.find((i) =>
    i.file === expected.file && i.row === expected.row && i.column === expected.column &&
    message.test(i.message)
  );
  assert.ok(hit, `no issue ${JSON.stringify(expected)} ${message} in ${JSON.stringify(issues)}`);
}

const setCell = (file: string, line: number, column: number, value: string) =>
  dataWith(file, (t) =>
    editLine(t, line, (l) => {
      const cells = l.split(",");
      cells[column] = value;
      return cells.join(",");
    }));

Deno.test("unknown case id in observations", async () => {
  const issues = await issuesOf(await setCell("observations.csv", 3, 0, "9"));
  assertIssue(
    issues,
    { file: "observations.csv", row: 3, column: "case_id" },
    /unknown case id '9'/,
  );
});

Deno.test("VAS lower bound above upper bound", async () => {
  const dir = await dataWith(
    "observations.csv",
    (t) =>
      t.replace("1,milnacipran_1wk_report,2.3,2.3,2.3", "1,milnacipran_1wk_report,2.5,2.3,2.3"),
  );
  assertIssue(await issuesOf(dir), {
    file: "observations.csv",
    row: 4,
    column: "vas_lo",
  }, /lower bound 2.5 is above upper bound 2.3/);
});

Deno.test("day lower bound above upper bound", async () => {
  const dir = await dataWith(
    "timepoints.csv",
    (t) => t.replace(",7,week,51.5,55,58.5,", ",7,week,59,55,58.5,"),
  );
  assertIssue(await issuesOf(dir), {
    file: "timepoints.csv",
    row: 10,
    column: "day_lo",
  }, /lower bound 59 is above upper bound 58.5/);
});

Deno.test("nominal outside its interval", async () => {
  const dir = await dataWith(
    "observations.csv",
    (t) => t.replace("3,dose_75_report,0,0.5,1,range", "3,dose_75_report,0,1.5,1,range"),
  );
  assertIssue(await issuesOf(dir), {
    file: "observations.csv",
    row: 13,
    column: "vas_nominal",
  }, /nominal 1.5 is outside \[0, 1\]/);
});

Deno.test("derived day that does not follow its rule", async () => {
  const dir = await dataWith("timepoints.csv", (t) => t.replace(",6,day,6,6,6,", ",6,day,6,7,7,"));
  const issues = await issuesOf(dir);
  assertIssue(
    issues,
    { file: "timepoints.csv", row: 7, column: "day_nominal" },
    /is 7 but rule 'exact' gives 6/,
  );
  assertIssue(
    issues,
    { file: "timepoints.csv", row: 7, column: "day_hi" },
    /is 7 but rule 'exact' gives 6/,
  );
});

Deno.test("VAS outside [0, 10]", async () => {
  const dir = await dataWith(
    "observations.csv",
    (t) => t.replace("2,pretreatment_average,8,8,8", "2,pretreatment_average,8,8,12"),
  );
  assertIssue(await issuesOf(dir), {
    file: "observations.csv",
    row: 6,
    column: "vas_hi",
  }, /<=10/);
});

Deno.test("phantom-pain observation dated before the amputation", async () => {
  // Move case 1's surgical amputation to day 100 and drop the day-0 amputation event: the
  // VAS 6.6 at day [51.5, 58.5] then precedes every amputation of the case.
  const dir = await dataWith("timepoints.csv", (t) =>
    t.replace(
      "1,amputation_surgery,after,accident,paroxetine_start,,,0,3,6,",
      "1,amputation_surgery,exact,accident,,100,day,100,100,100,",
    ));
  const events = await Deno.readTextFile(`${dir}/events.csv`);
  await Deno.writeTextFile(`${dir}/events.csv`, events.replace(/^1,amputation,accident,.*\n/m, ""));
  assertIssue(await issuesOf(dir), {
    file: "observations.csv",
    row: 2,
    column: "time",
  }, /dated before the amputation \(day 58.5 < 100\)/);
});

Deno.test("overlapping dose periods of one drug", async () => {
  const dir = await dataWith("treatments.csv", (t) =>
    t.replace(
      "1,paroxetine,SSRI,10,paroxetine_start,paroxetine_20,",
      "1,paroxetine,SSRI,10,paroxetine_start,paroxetine_30,",
    ));
  const issues = await issuesOf(dir);
  assertIssue(issues, {
    file: "treatments.csv",
    row: 4,
    column: "start",
  }, /paroxetine dose period overlaps the one at line 3/);
});

Deno.test("duplicate row", async () => {
  const dir = await dataWith("events.csv", (t) => t + t.split("\n")[1] + "\n");
  assertIssue(
    await issuesOf(dir),
    { file: "events.csv", row: 15 },
    /duplicate of the row at line 2/,
  );
});

Deno.test("duplicate case id and duplicate time id", async () => {
  const dir = await dataWith("cases.csv", (t) => t + t.split("\n")[1].replace("27,", "28,") + "\n");
  assertIssue(
    await issuesOf(dir),
    { file: "cases.csv", row: 5, column: "case_id" },
    /duplicate case id/,
  );
  const dir2 = await dataWith(
    "timepoints.csv",
    (t) => t + "1,transfer,exact,paroxetine_20,,5,day,21,21,21,again,again\n",
  );
  assertIssue(await issuesOf(dir2), {
    file: "timepoints.csv",
    row: 43,
    column: "time_id",
  }, /duplicate time_id 'transfer' \(first at line 9\)/);
});

Deno.test("missing column", async () => {
  const dir = await dataWith(
    "events.csv",
    (t) =>
      t.split("\n").map((l) => l.split(",").slice(0, 2).concat(l.split(",").slice(3)).join(","))
        .join("\n"),
  );
  assertIssue(
    await issuesOf(dir),
    { file: "events.csv", row: 1, column: "time" },
    /missing column/,
  );
});

Deno.test("unknown column", async () => {
  const dir = await dataWith(
    "events.csv",
    (t) =>
      t.split("\n").map((l, i) => (l === "" ? l : `${l},${i === 0 ? "extra" : "x"}`)).join("\n"),
  );
  assertIssue(
    await issuesOf(dir),
    { file: "events.csv", row: 1, column: "extra" },
    /unknown column/,
  );
});

Deno.test("empty file", async () => {
  const dir = await dataWith("treatments.csv", () => "");
  const issues = await issuesOf(dir);
  assert.ok(
    issues.some((i) =>
      i.file === "treatments.csv" && i.row === undefined && /empty/.test(i.message)
    ),
  );
});

Deno.test("byte-order mark", async () => {
  const dir = await dataWith("cases.csv", (t) => "\uFEFF" + t);
  assertIssue(await issuesOf(dir), { file: "cases.csv", row: 1 }, /byte-order mark/);
});

Deno.test("CRLF line endings are accepted and give the same data", async () => {
  const dir = await dataWith("observations.csv", (t) => t.replaceAll("\n", "\r\n"));
  try {
    const crlf = await loadCaseSeries(dir);
    assert.deepEqual(crlf, await loadCaseSeries());
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a cell that is not a number", async () => {
  const dir = await setCell("cases.csv", 3, 2, "twenty-eight");
  assertIssue(
    await issuesOf(dir),
    { file: "cases.csv", row: 3, column: "age" },
    /not a number: 'twenty-eight'/,
  );
});

Deno.test("NaN is not a number", async () => {
  const dir = await dataWith(
    "observations.csv",
    (t) => t.replace("2,milnacipran_6d_report,1,1,1", "2,milnacipran_6d_report,NaN,1,1"),
  );
  assertIssue(
    await issuesOf(dir),
    { file: "observations.csv", row: 7, column: "vas_lo" },
    /not a number: 'NaN'/,
  );
});

Deno.test("unknown time id and a cycle of anchors", async () => {
  const dir = await dataWith(
    "timepoints.csv",
    (t) =>
      t.replace("1,paroxetine_start,exact,accident,", "1,paroxetine_start,exact,paroxetine_20,")
        .replace("1,transfer,exact,paroxetine_20,", "1,transfer,exact,nowhere,"),
  );
  const issues = await issuesOf(dir);
  assertIssue(issues, { file: "timepoints.csv", row: 7, column: "anchor" }, /cycle/);
  assertIssue(
    issues,
    { file: "timepoints.csv", row: 9, column: "anchor" },
    /unknown time_id 'nowhere'/,
  );
});

Deno.test("every problem is collected before throwing, across files", async () => {
  const dir = await dataWith("cases.csv", (t) => editLine(t, 2, (l) => l.replace(",27,", ",x,")));
  await Deno.writeTextFile(`${dir}/events.csv`, "");
  const issues = await issuesOf(dir);
  assert.ok(issues.some((i) => i.file === "cases.csv" && i.column === "age"));
  assert.ok(issues.some((i) => i.file === "events.csv"));
});

Deno.test("a missing file is reported by name", async () => {
  const dir = await dataWith("cases.csv", (t) => t);
  await Deno.remove(`${dir}/observations.csv`);
  const issues = await issuesOf(dir);
  assert.ok(issues.some((i) => i.file === "observations.csv" && /file not found/.test(i.message)));
});
