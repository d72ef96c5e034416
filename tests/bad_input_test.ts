/**
 * One test per kind of bad input: each asserts the file, row, column and message reported.
 */
import assert from "node:assert/strict";
import { type DataIssue, DataValidationError, formatIssue, loadCaseSeries } from "../lib/mod.ts";
import { SHOWN_ISSUES } from "../lib/errors.ts";
import { copyData, dataWith, editLine, TEST_DATA_DIR } from "./helpers/data_dir.ts";
import { writeSyntheticSeries } from "../scripts/synthetic.ts";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

/** A new folder holding one synthetic case with 50 observations (more rows than are scanned). */
async function syntheticCase(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "synthetic-" });
  await writeSyntheticSeries(dir, { cases: 1, observationsPerCase: 50 });
  return dir;
}

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

/** The columns of a CSV text's header. */
const headerOf = (text: string): string[] => (parse(text, { to: 1 }) as string[][])[0];

/**
 * A copy of the data with one cell of `file` (found by its header, so a new column elsewhere
 * changes nothing) set to `value`; the line must hold no quoted cell.
 */
const setCell = (file: string, line: number, column: string, value: string) =>
  dataWith(file, (t) =>
    editLine(t, line, (l) => {
      const cells = l.split(",");
      const i = headerOf(t).indexOf(column);
      assert.ok(i >= 0, `${file} has no column ${column}`);
      cells[i] = value;
      return cells.join(",");
    }));

/** A data line for a table whose header is `header`, from cells by column name (others empty). */
function csvLine(header: string[], cells: Record<string, string>): string {
  for (const c of Object.keys(cells)) assert.ok(header.includes(c), `no column ${c}`);
  return stringify([header.map((c) => cells[c] ?? "")]).trimEnd();
}

/**
 * The text of a table with the cells of its row whose first cells are `key` replaced (by column
 * name, so that a new column anywhere changes nothing).
 */
function withCells(text: string, key: string, cells: Record<string, string>): string {
  const header = headerOf(text);
  const lines = text.split("\n");
  const i = lines.findIndex((l) => l.startsWith(key));
  assert.ok(i > 0, `no row starting ${key}`);
  const row = (parse(lines[i]) as string[][])[0];
  lines[i] = csvLine(header, {
    ...Object.fromEntries(header.map((c, j) => [c, row[j]])),
    ...cells,
  });
  return lines.join("\n");
}

Deno.test("unknown case id in observations", async () => {
  const issues = await issuesOf(await setCell("observations.csv", 3, "case_id", "9"));
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
      t.replace(
        "1,milnacipran_1wk_report,vas-10cm,2.3,2.3,2.3",
        "1,milnacipran_1wk_report,vas-10cm,2.5,2.3,2.3",
      ),
  );
  assertIssue(await issuesOf(dir), {
    file: "observations.csv",
    row: 4,
    column: "value_lo",
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
    (t) =>
      t.replace(
        "3,dose_75_report,vas-10cm,0,0.5,1,range",
        "3,dose_75_report,vas-10cm,0,1.5,1,range",
      ),
  );
  assertIssue(await issuesOf(dir), {
    file: "observations.csv",
    row: 13,
    column: "value_nominal",
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

Deno.test("a value outside its scale's range", async () => {
  const dir = await dataWith(
    "observations.csv",
    (t) =>
      t.replace("2,pretreatment_average,vas-10cm,8,8,8", "2,pretreatment_average,vas-10cm,8,8,12"),
  );
  assertIssue(await issuesOf(dir), {
    file: "observations.csv",
    row: 6,
    column: "value_hi",
  }, /12 is outside the range of scale vas-10cm \(0–10 cm\)/);
});

Deno.test("phantom-pain observation dated before the amputation", async () => {
  // Move case 1's surgical amputation after the start of milnacipran (day 81 at the earliest; a
  // rule with no amount, so no quote need state one) and drop the day-0 amputation event: the
  // VAS 6.6 at day [51.5, 58.5] then precedes every amputation of the case.
  const dir = await dataWith("timepoints.csv", (t) =>
    t.replace(
      "1,amputation_surgery,after,accident,paroxetine_start,,,0,3,6,",
      "1,amputation_surgery,after,milnacipran_start,,,,0,3,6,",
    ));
  const events = await Deno.readTextFile(`${dir}/events.csv`);
  await Deno.writeTextFile(`${dir}/events.csv`, events.replace(/^1,amputation,accident,.*\n/m, ""));
  assertIssue(await issuesOf(dir), {
    file: "observations.csv",
    row: 2,
    column: "time",
  }, /dated before the amputation \(day 58.5 < 81\)/);
});

Deno.test("overlapping dose periods of one drug", async () => {
  const dir = await dataWith("treatments.csv", (t) =>
    t.replace(
      "1,paroxetine,SSRI,10,,,,,paroxetine_start,paroxetine_20,",
      "1,paroxetine,SSRI,10,,,,,paroxetine_start,paroxetine_30,",
    ));
  const issues = await issuesOf(dir);
  assertIssue(issues, {
    file: "treatments.csv",
    row: 4,
    column: "start",
  }, /paroxetine dose period overlaps the one at line 3/);
});

Deno.test("duplicate row", async () => {
  let rows = 0;
  const dir = await dataWith("events.csv", (t) => {
    rows = t.trimEnd().split("\n").length;
    return t + t.split("\n")[1] + "\n";
  });
  assertIssue(
    await issuesOf(dir),
    { file: "events.csv", row: rows + 1 },
    /duplicate of the row at line 2/,
  );
});

Deno.test("duplicate case id and duplicate time id", async () => {
  let rows = 0;
  const dir = await dataWith("cases.csv", (t) => {
    rows = t.trimEnd().split("\n").length;
    return t + t.split("\n")[1].replace("27,", "28,") + "\n";
  });
  assertIssue(
    await issuesOf(dir),
    { file: "cases.csv", row: rows + 1, column: "case_id" },
    /duplicate case id/,
  );
  const dir2 = await dataWith("timepoints.csv", (t) => {
    rows = t.trimEnd().split("\n").length;
    return t + "1,transfer,exact,paroxetine_20,,5,day,21,21,21,again,again\n";
  });
  assertIssue(await issuesOf(dir2), {
    file: "timepoints.csv",
    row: rows + 1,
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
    assert.deepEqual(crlf, await loadCaseSeries(TEST_DATA_DIR));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a cell that is not a number", async () => {
  const dir = await setCell("cases.csv", 3, "age", "twenty-eight");
  assertIssue(
    await issuesOf(dir),
    { file: "cases.csv", row: 3, column: "age" },
    /not a number: 'twenty-eight'/,
  );
});

Deno.test("a cell of an optional number that is not one gets the number's message, not 'Invalid input'", async () => {
  const dir = await setCell("timepoints.csv", 4, "amount", "two");
  const issues = await issuesOf(dir);
  assertIssue(
    issues,
    { file: "timepoints.csv", row: 4, column: "amount" },
    /^not a number: 'two'$/,
  );
});

Deno.test("a negative amount says to count back with a -before rule; the rows it blocks are named at its column", async () => {
  // The first time point stated with an amount that another row is dated from (any article's).
  const text = await Deno.readTextFile(`${TEST_DATA_DIR}/timepoints.csv`);
  const rows = parse(text, { columns: true }) as Record<string, string>[];
  const i = rows.findIndex((r) =>
    r.amount !== "" && rows.some((o) => o.case_id === r.case_id && o.anchor === r.time_id)
  );
  assert.ok(i >= 0, "a time point with an amount that another is dated from");
  const line = i + 2;
  const { amount, time_id: id } = rows[i];
  const issues = await issuesOf(await setCell("timepoints.csv", line, "amount", `-${amount}`));
  const own = issues.find((x) =>
    x.row === line && x.column === "amount" && !/not usable/.test(x.message)
  );
  assert.ok(own, JSON.stringify(issues));
  assert.match(own.message, new RegExp(`^amount '-${amount}' is negative: `));
  assert.match(
    own.message,
    /exact-before, approx-before or within-before \(data\/README\.md, "Times"\)$/,
  );
  assert.doesNotMatch(own.message, /Too small/);
  // The rows dated from it are counted under it, at its line and column (not "timepoints.csv:N::").
  const blocked = issues.find((x) => x.message.startsWith(`time point '${id}' `));
  assert.ok(blocked, JSON.stringify(issues));
  assert.equal(formatIssue(blocked).split(": ")[0], `timepoints.csv:${line}:amount`);
});

Deno.test("NaN is not a number", async () => {
  const dir = await dataWith(
    "observations.csv",
    (t) =>
      t.replace(
        "2,milnacipran_6d_report,vas-10cm,1,1,1",
        "2,milnacipran_6d_report,vas-10cm,NaN,1,1",
      ),
  );
  assertIssue(
    await issuesOf(dir),
    { file: "observations.csv", row: 7, column: "value_lo" },
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

/** Loads `dir`, expects a DataValidationError, and returns it (the folder is removed). */
async function errorOf(dir: string): Promise<DataValidationError> {
  try {
    await loadCaseSeries(dir);
  } catch (e) {
    assert.ok(e instanceof DataValidationError, `expected DataValidationError, got ${e}`);
    return e;
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
  throw new assert.AssertionError({ message: "the data loaded without error" });
}

/** Line (1-based) of the first line of `text` that contains `needle`. */
const lineOf = (text: string, needle: string) =>
  text.split("\n").findIndex((l) => l.includes(needle)) + 1;

Deno.test("a Latin-1 byte is named, with its line, its column and the encoding it looks like", async () => {
  const dir = await copyData();
  const text = await Deno.readTextFile(`${dir}/observations.csv`);
  const line = lineOf(text, "pain VAS 3.3");
  const bytes = new TextEncoder().encode(text.replace("pain VAS 3.3", "pain VAS 3.3 caf\u00e9"));
  const at = bytes.indexOf(0xc3); // é in UTF-8 is C3 A9; in Latin-1 it is the single byte E9
  await Deno.writeFile(
    `${dir}/observations.csv`,
    Uint8Array.from([...bytes.subarray(0, at), 0xe9, ...bytes.subarray(at + 2)]),
  );
  const e = await errorOf(dir);
  assert.equal(e.issues.length, 1, e.message);
  assertIssue(
    e.issues,
    { file: "observations.csv", row: line, column: "value_words" },
    /byte 0xE9 is not UTF-8.*Latin-1.*'é'/,
  );
});

Deno.test("a UTF-16 file is named as such (with or without byte-order mark)", async () => {
  for (
    const [bom, pattern] of [[true, /UTF-16 \(little-endian\)/], [
      false,
      /UTF-16 \(little-endian, no byte-order mark\)/,
    ]] as const
  ) {
    const dir = await copyData();
    const text = await Deno.readTextFile(`${dir}/events.csv`);
    const utf16 = new Uint8Array((bom ? 2 : 0) + text.length * 2);
    if (bom) utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      utf16[(bom ? 2 : 0) + 2 * i] = c & 0xff;
      utf16[(bom ? 2 : 0) + 2 * i + 1] = c >> 8;
    }
    await Deno.writeFile(`${dir}/events.csv`, utf16);
    const e = await errorOf(dir);
    assert.equal(e.issues.length, 1, e.message);
    assertIssue(e.issues, { file: "events.csv" }, pattern);
  }
});

Deno.test("a missing source text is named by its path, once, with the quotes left unchecked", async () => {
  const dir = await copyData();
  await Deno.remove(`${dir}/sources/nagoshi-2012.txt`);
  const e = await errorOf(dir);
  const lines = e.issues.filter((i) => i.file.startsWith("sources/")).map(formatIssue);
  assert.equal(lines.length, 1, lines.join("\n"));
  assert.match(
    lines[0],
    /^sources\/nagoshi-2012\.txt::: file not found; so the \d+ quotes citing it were not checked against its text \(in \w+\.csv:\d+/,
  );
  assert.ok(!e.issues.some((i) => /quote not found/.test(i.message)), "no knock-on quote errors");
});

Deno.test("a source text that is not UTF-8 is named by its path", async () => {
  const dir = await copyData();
  const path = `${dir}/sources/nagoshi-2012.txt`;
  const bytes = await Deno.readFile(path);
  await Deno.writeFile(
    path,
    Uint8Array.from([...bytes.subarray(0, 10), 0xfc, ...bytes.subarray(10)]),
  );
  const e = await errorOf(dir);
  assertIssue(e.issues, { file: "sources/nagoshi-2012.txt", row: 1 }, /byte 0xFC is not UTF-8/);
  assert.ok(!e.issues.some((i) => /quote not found/.test(i.message)), "no knock-on quote errors");
});

Deno.test("a quote that is not in its source is reported at its cell", async () => {
  const dir = await dataWith(
    "events.csv",
    (t) =>
      t.replace(
        "His right leg was severed off at the knee",
        "His left leg was severed off at the knee",
      ),
  );
  const line = lineOf(await Deno.readTextFile(`${dir}/events.csv`), "His left leg");
  const e = await errorOf(dir);
  assert.deepEqual(e.issues, [
    {
      file: "events.csv",
      row: line,
      column: "quote",
      // Where it may have come from: the nearest passage of the text, and how far.
      message: "quote not found in source nagoshi-2012; nearest passage in " +
        'sources/nagoshi-2012.txt (white space folded; 4 characters differ): "His right leg was severed off at the knee"',
    },
  ]);
});

Deno.test("a number changed in a row but not in its quote is caught", async () => {
  const dir = await dataWith(
    "observations.csv",
    (t) => t.replace("6.6,6.6,6.6,exact,pain VAS 6.6", "6.7,6.7,6.7,exact,pain VAS 6.7"),
  );
  const e = await errorOf(dir);
  assertIssue(
    e.issues,
    { file: "observations.csv", row: 2, column: "value_nominal" },
    /value_nominal is 6.7 but the quote states .*6.6/,
  );
  const dir2 = await dataWith("cases.csv", (t) => t.replace(",27,male,", ",29,male,"));
  const e2 = await errorOf(dir2);
  assertIssue(
    e2.issues,
    { file: "cases.csv", row: 2, column: "age" },
    /age is 29 but the quote states 27/,
  );
});

Deno.test("a changed number inside a quote makes the quote unfound", async () => {
  const dir = await dataWith(
    "treatments.csv",
    (t) =>
      t.replace(
        "10 days later the dose was increased to 20 mg/day",
        "10 days later the dose was increased to 25 mg/day",
      ),
  );
  const e = await errorOf(dir);
  assert.ok(
    e.issues.some((i) =>
      i.file === "treatments.csv" && i.column === "quote" && /not found/.test(i.message)
    ),
  );
});

Deno.test("root cause first: a BOM in timepoints.csv is the only problem reported", async () => {
  const e = await errorOf(await dataWith("timepoints.csv", (t) => "\uFEFF" + t));
  assert.deepEqual(e.issues.map(formatIssue), [
    "timepoints.csv:1:: file starts with a byte-order mark (BOM): save it as UTF-8 without BOM",
  ]);
});

Deno.test("root cause first: one bad age gives one problem, not one per row of the case", async () => {
  const dir = await dataWith("cases.csv", (t) => t.replace(",27,male,", ",-27,male,"));
  const e = await errorOf(dir);
  assert.equal(e.issues.length, 1, e.message);
  assert.equal(e.issues[0].column, "age");
});

Deno.test("root cause first: an invalid rule is reported once, rows that use it are counted under it", async () => {
  const dir = await dataWith(
    "timepoints.csv",
    (t) => t.replace("1,paroxetine_20,exact,", "1,paroxetine_20,exactly,"),
  );
  const line = lineOf(await Deno.readTextFile(`${dir}/timepoints.csv`), "1,paroxetine_20,");
  const e = await errorOf(dir);
  assert.ok(!e.issues.some((i) => /unknown time_id/.test(i.message)), e.message);
  assert.deepEqual(e.issues[0], {
    file: "timepoints.csv",
    row: line,
    column: "rule",
    message:
      "unknown rule 'exactly': did you mean 'exact'? one of origin, exact, approx, within, " +
      "exact-before, approx-before, within-before, after, before",
  });
  assert.ok(e.issues.every((i) => i.file === "timepoints.csv" && i.row === line), e.message);
  assert.match(
    e.issues[1].message,
    /time point 'paroxetine_20' of case 1 is not usable: \d+ rows that refer to it were not checked against it \(timepoints\.csv:\d+, treatments\.csv:\d+/,
  );
});

Deno.test("root cause first: problems of whole files come first, then rows by file and line", async () => {
  const dir = await dataWith(
    "observations.csv",
    (t) =>
      t.replace("2,pretreatment_average,vas-10cm,8,8,8", "2,pretreatment_average,vas-10cm,8,x,8"),
  );
  await Deno.writeTextFile(`${dir}/events.csv`, "");
  const cases = await Deno.readTextFile(`${dir}/cases.csv`);
  await Deno.writeTextFile(`${dir}/cases.csv`, cases.replace(",27,male,", ",x,male,"));
  const e = await errorOf(dir);
  assert.deepEqual(e.issues.map(formatIssue), [
    "events.csv::: file is empty: a header line is required",
    "cases.csv:2:age: not a number: 'x'",
    "observations.csv:6:value_nominal: not a number: 'x'",
  ]);
});

Deno.test("an unknown case id used by many rows is reported once, with the count", async () => {
  const dir = await dataWith("observations.csv", (t) => t.replaceAll(/^3,/gm, "33,"));
  const e = await errorOf(dir);
  const hits = e.issues.filter((i) => /unknown case id '33'/.test(i.message));
  assert.equal(hits.length, 1, e.message);
  assert.match(hits[0].message, /; 4 more rows of this file with it \(line 10, line 11, /);
});

Deno.test("closed vocabularies list their values", async () => {
  const dir = await dataWith(
    "timepoints.csv",
    (t) => t.replace(",1,week,58.5,62,65.5,", ",1,fortnight,58.5,62,65.5,"),
  );
  const e = await errorOf(dir);
  assertIssue(
    e.issues,
    { file: "timepoints.csv", row: 12, column: "unit" },
    /^unknown unit 'fortnight': one of day, week, month, year$/,
  );
});

Deno.test("the origin problems have a row: a second origin, and a case with none", async () => {
  const dir = await dataWith(
    "timepoints.csv",
    (t) => t + "1,again,origin,,,,,0,0,0,again,His right leg was severed off at the knee\n",
  );
  const last = lineOf(await Deno.readTextFile(`${dir}/timepoints.csv`), "1,again,origin");
  const first = lineOf(await Deno.readTextFile(`${dir}/timepoints.csv`), "1,accident,origin");
  const e = await errorOf(dir);
  assert.deepEqual(e.issues.map(formatIssue), [
    `timepoints.csv:${last}:rule: case 1 needs exactly one 'origin' time point, has 2 ` +
    `(first at line ${first})`,
  ]);
  const dir2 = await dataWith(
    "timepoints.csv",
    (t) => t.replace("2,amputation,origin,,,,,0,0,0,", "2,amputation,before,transfer,,,,0,0,0,"),
  );
  const e2 = await errorOf(dir2);
  assertIssue(
    e2.issues,
    { file: "cases.csv", row: 3, column: "case_id" },
    /case 2 has no 'origin' time point/,
  );
});

Deno.test("an unclosed quote is reported at the line where it opens", async () => {
  // A quote inside an unquoted cell, then a quote opened and never closed.
  const dir = await dataWith(
    "observations.csv",
    (t) => t.replace("exact,pain VAS 0,", 'exact,pain "VAS" 0,'),
  );
  const line = lineOf(await Deno.readTextFile(`${dir}/observations.csv`), 'pain "VAS" 0');
  const e = await errorOf(dir);
  assert.deepEqual(e.issues.map(formatIssue), [
    `observations.csv:${line}:value_words: a quote inside an unquoted cell: quote the whole cell and ` +
    "double the quote",
  ]);

  // The last row's quote cell opens a quote that nothing closes: its closing quote taken away
  // when it is quoted (whatever article is last), else an opening one put in.
  const dir2 = await dataWith("observations.csv", (t) => {
    const body = t.trimEnd();
    return (body.endsWith('"')
      ? body.slice(0, -1)
      : body.replace(/(\n[^\n]*),([^\n,]*)$/, '$1,"$2')) + "\n";
  });
  const last = (await Deno.readTextFile(`${dir2}/observations.csv`)).trimEnd().split("\n").length;
  const e2 = await errorOf(dir2);
  assert.deepEqual(e2.issues.map(formatIssue), [
    `observations.csv:${last}:quote: quote opened on this line is never closed ` +
    "(every later line was read as part of this cell)",
  ]);
});

Deno.test("a quoted cell holding a line break is reported at the line where it opens", async () => {
  const dir = await dataWith(
    "observations.csv",
    (t) => t.replace('"when asked, hardly aware of it"', '"when asked,\nhardly aware of it"'),
  );
  const e = await errorOf(dir);
  assert.deepEqual(e.issues.map(formatIssue), [
    "observations.csv:5:note: the quoted cell opened on this line holds a line break (it closes on line 6): a cell may not span lines",
  ]);
});

Deno.test("a large file with a problem on every row: no crash, problems counted, message capped", async () => {
  const dir = await copyData();
  const rows = 150_000;
  const head = (await Deno.readTextFile(`${dir}/observations.csv`)).split("\n")[0] + "\n";
  const line = csvLine(head.trimEnd().split(","), {
    case_id: "1",
    time: "paroxetine_7wk_report",
    scale: "vas-10cm",
    value_lo: "6.6",
    value_nominal: "x",
    value_hi: "6.6",
    value_rule: "exact",
    value_words: "pain VAS 6.6",
    quote: "pain VAS 6.6",
  }) + "\n";
  await Deno.writeTextFile(`${dir}/observations.csv`, head + line.repeat(rows));
  const e = await errorOf(dir);
  assert.ok(e.total >= rows, `${e.total}`);
  assert.ok(e.issues.length <= 10_000);
  assert.deepEqual(e.issues[0], {
    file: "observations.csv",
    row: 2,
    column: "value_nominal",
    message: "not a number: 'x'",
  });
  const lines = e.message.split("\n");
  assert.equal(lines.length, 1 + SHOWN_ISSUES + 1);
  assert.match(lines.at(-1)!, new RegExp(`^\\.\\.\\. and ${e.total - SHOWN_ISSUES} more$`));
});

Deno.test("a case with no observations loads (the analyses list it as excluded)", async () => {
  // Every row of the last row's case goes (any case would do).
  let id = "";
  const dir = await dataWith("observations.csv", (t) => {
    const lines = t.trimEnd().split("\n");
    id = lines.at(-1)!.split(",")[0];
    return lines.filter((l) => l.split(",")[0] !== id).join("\n") + "\n";
  });
  try {
    const series = await loadCaseSeries(dir);
    assert.deepEqual(series.cases.find((c) => c.id === id)!.observations, []);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a data folder that does not exist is a TypeError naming it", async () => {
  await assert.rejects(
    () => loadCaseSeries("/tmp/no/such/dir"),
    (e) => e instanceof TypeError && /'\/tmp\/no\/such\/dir' not found/.test(e.message),
  );
});

Deno.test("a value its quote states elsewhere but its own words do not is caught", async () => {
  // The row's quote states 7 (a number of weeks) and 6.6 (the VAS); the value's words, 6.6.
  const dir = await dataWith(
    "observations.csv",
    (t) => t.replace("6.6,6.6,6.6,exact,pain VAS 6.6", "7,7,7,exact,pain VAS 6.6"),
  );
  const e = await errorOf(dir);
  assertIssue(
    e.issues,
    { file: "observations.csv", row: 2, column: "value_nominal" },
    /^value_nominal is 7 but its value_words state 6\.6$/,
  );
  // Said once: a value the quote does not state is that problem alone, not also its words'.
  const dir2 = await dataWith(
    "observations.csv",
    (t) => t.replace("6.6,6.6,6.6,exact,pain VAS 6.6", "6.7,6.7,6.7,exact,pain VAS 6.6"),
  );
  const rowTwo = (await errorOf(dir2)).issues.filter((i) =>
    i.file === "observations.csv" && i.row === 2
  );
  assert.equal(rowTwo.length, 1, JSON.stringify(rowTwo));
  assert.match(rowTwo[0].message, /but the quote states/);
});

Deno.test("a value stated in its quote with other digits around it is not taken as stated", async () => {
  // 6.6 → 16.6 in the row: the quote's "6.6" must not count as stating 16.6, nor 6.6 as 6.
  const dir = await dataWith(
    "observations.csv",
    (t) => t.replace("6.6,6.6,6.6,exact,pain VAS 6.6", "6,6,6,exact,pain VAS 6"),
  );
  const e = await errorOf(dir);
  assertIssue(
    e.issues,
    { file: "observations.csv", row: 2, column: "value_nominal" },
    /value_nominal is 6 but the quote states .*6\.6/,
  );
});

Deno.test("a second pain value for one time point is reported with the line of the first", async () => {
  const dir = await dataWith("observations.csv", (t) => t + t.split("\n")[1] + "\n");
  const rows = (await Deno.readTextFile(`${dir}/observations.csv`)).trimEnd().split("\n").length;
  assert.deepEqual((await errorOf(dir)).issues.map(formatIssue), [
    `observations.csv:${rows}:time: a second pain value for the same time point (first at line 2)`,
  ]);
  // The same in a case with many observations (indexed rather than scanned).
  const big = await syntheticCase();
  const text = await Deno.readTextFile(`${big}/observations.csv`);
  await Deno.writeTextFile(`${big}/observations.csv`, text + text.split("\n")[3] + "\n");
  assert.deepEqual((await errorOf(big)).issues.map(formatIssue), [
    "observations.csv:52:time: a second pain value for the same time point (first at line 4)",
  ]);
});

Deno.test("in a case with more rows than are scanned: a time point that cannot be derived and a duplicate event", async () => {
  const dir = await syntheticCase();
  const lines = async (file: string) =>
    (await Deno.readTextFile(`${dir}/${file}`)).trimEnd().split("\n");
  const times = await lines("timepoints.csv");
  const observations = await lines("observations.csv");
  // Time point v40 anchored on a point that does not exist: it cannot be derived.
  const at = times.findIndex((l) => l.split(",")[1] === "v40");
  const cells = times[at].split(",");
  cells[3] = "nowhere";
  times[at] = cells.join(",");
  await Deno.writeTextFile(`${dir}/timepoints.csv`, times.join("\n") + "\n");
  // 45 more events (one per VAS time point, quoting its observation), then the 44th again.
  const events = await lines("events.csv");
  const first = events.length + 1;
  for (let k = 1; k <= 45; k++) {
    const o = observations.find((l) => l.split(",")[1] === `v${k}`)!.split(",");
    events.push(`${o[0]},pain rating,v${k},a rating,${o.at(-1)}`);
  }
  events.push(events.at(-2)!);
  await Deno.writeTextFile(`${dir}/events.csv`, events.join("\n") + "\n");
  const issues = (await issuesOf(dir)).map(formatIssue);
  const obsLine = observations.findIndex((l) => l.split(",")[1] === "v40") + 1;
  assert.deepEqual(issues.slice(1), [
    // At the column of its problem (its anchor), beside it.
    `timepoints.csv:${
      at + 1
    }:anchor: time point 'v40' of case syn-1 is not usable: 2 rows that refer ` +
    `to it were not checked against it (events.csv:${first + 39}, observations.csv:${obsLine})`,
    `events.csv:${events.length}:: duplicate of the row at line ${
      first + 43
    } (same case_id, kind ` +
    "and time)",
  ]);
  assert.equal(
    issues[0],
    `timepoints.csv:${at + 1}:anchor: unknown time_id 'nowhere' for case syn-1`,
  );
});

Deno.test("readings.csv: a quote not in the source, an unknown time point and a bad rule are reported at their cells", async () => {
  const dir = await dataWith("readings.csv", (t) =>
    t
      .replace(
        "Six months later, the dose of milnacipran",
        "Seven months later, the dose of milnacipran",
      )
      .replace("3,stump_pain,after,surgery,", "3,no_such_point,after,surgery,")
      .replace("3,phantom_pain_report,exact,", "3,phantom_pain_report,exactly,"));
  const text = await Deno.readTextFile(`${dir}/readings.csv`);
  const e = await errorOf(dir);
  assert.deepEqual(e.issues, [
    {
      file: "readings.csv",
      row: lineOf(text, "Seven months later"),
      column: "quote",
      message: "quote not found in source nagoshi-2012; nearest passage in " +
        "sources/nagoshi-2012.txt (white space folded; 4 characters differ): " +
        '"Six months later, the dose of milnacipran was reduced to 75 mg/day"',
    },
    {
      file: "readings.csv",
      row: lineOf(text, "no_such_point"),
      column: "time_id",
      message: "unknown time_id 'no_such_point' for case 3 (not in timepoints.csv)",
    },
    {
      file: "readings.csv",
      row: lineOf(text, "exactly"),
      column: "rule",
      message:
        "unknown rule 'exactly': did you mean 'exact'? one of origin, exact, approx, within, " +
        "exact-before, approx-before, within-before, after, before",
    },
  ]);
});

Deno.test("readings.csv: a time point replaced twice by one reading, and one reading described two ways", async () => {
  const dir = await dataWith("readings.csv", (t) => {
    const lines = t.trimEnd().split("\n");
    const row = lines.find((l) => l.includes(",3,phantom_pain_report,exact,stump_pain,"))!;
    const other = row.replace(/^([^,]+),"[^"]*",3,phantom_pain_report,/, '$1,"another",3,surgery,');
    return [...lines, row, other].join("\n") + "\n";
  });
  const text = await Deno.readTextFile(`${dir}/readings.csv`);
  const n = text.trimEnd().split("\n").length;
  const e = await errorOf(dir);
  assert.deepEqual(e.issues, [
    {
      file: "readings.csv",
      row: n - 1,
      message: `duplicate of the row at line ${
        lineOf(text, ",3,phantom_pain_report,exact,stump_pain,")
      } (same reading, case_id and time_id)`,
    },
    {
      file: "readings.csv",
      row: n,
      column: "choice",
      message: `reading 'case3-three-weeks-from-stump-pain' is described otherwise at line ${
        lineOf(text, "case3-three-weeks-from-stump-pain,")
      } (a reading has one choice)`,
    },
  ]);
});

/** Runs `mkfifo path` (coreutils). */
async function mkfifo(path: string): Promise<void> {
  const { success } = await new Deno.Command("mkfifo", { args: [path] }).output();
  assert.ok(success, `mkfifo ${path}`);
}

/** FIFOs, `ln -s` and `/dev/urandom` are POSIX: not on Windows. */
const POSIX = Deno.build.os !== "windows";

Deno.test(
  "a FIFO, a directory or a device in place of a table or a source text is refused before reading, by name",
  { ignore: !POSIX },
  async () => {
    // Before: a FIFO blocked the loader for ever, /dev/urandom was read until memory ran out, and
    // a directory gave "Is a directory (os error 21)" without the file's name.
    const dir = await copyData();
    await Deno.remove(`${dir}/events.csv`);
    await mkfifo(`${dir}/events.csv`);
    await Deno.remove(`${dir}/sources/nagoshi-2012.txt`);
    await mkfifo(`${dir}/sources/nagoshi-2012.txt`);
    await Deno.remove(`${dir}/timepoints.csv`);
    await Deno.mkdir(`${dir}/timepoints.csv`);
    await Deno.remove(`${dir}/observations.csv`);
    // A link to a device (made with ln: Deno.symlink needs unscoped read and write permissions).
    const ln = await new Deno.Command("ln", {
      args: ["-s", "/dev/urandom", `${dir}/observations.csv`],
    })
      .output();
    assert.equal(ln.code, 0, new TextDecoder().decode(ln.stderr));
    const e = await errorOf(dir);
    const lines = e.issues.map(formatIssue);
    for (
      const [file, kind] of [
        ["sources/nagoshi-2012.txt", "a FIFO \\(named pipe\\)"],
        ["timepoints.csv", "a directory"],
        ["observations.csv", "a character device"],
        ["events.csv", "a FIFO \\(named pipe\\)"],
      ]
    ) {
      assert.ok(
        lines.some((l) =>
          new RegExp(`^${file}::: is ${kind}, not a regular file: refused before reading`).test(l)
        ),
        `${file}: ${lines.join("\n")}`,
      );
    }
  },
);

Deno.test("a file larger than its kind may be is refused before reading, by name and size", async () => {
  const dir = await copyData();
  // Sparse files: nothing is written, the size alone is checked.
  await Deno.truncate(`${dir}/sources/nagoshi-2012.txt`, 17 * 2 ** 20);
  await Deno.truncate(`${dir}/events.csv`, 2 ** 30 + 1);
  const lines = (await errorOf(dir)).issues.map(formatIssue);
  assert.ok(
    lines.some((l) =>
      l.startsWith(
        "sources/nagoshi-2012.txt::: is 17,825,792 bytes, more than the 16 MiB a file of its " +
          "kind may hold (data/README.md): refused before reading; so the ",
      )
    ),
    lines.join("\n"),
  );
  assert.ok(
    lines.some((l) => /^events\.csv::: is 1,073,741,825 bytes, more than the 1024 MiB/.test(l)),
    lines.join("\n"),
  );
});

Deno.test("a quote found only inside a longer number does not state the value (VAS 6 quoting 'pain VAS 6' where the text says 6.6)", async () => {
  const dir = await dataWith("observations.csv", (t) =>
    withCells(t, "1,paroxetine_7wk_report,", {
      value_lo: "6",
      value_nominal: "6",
      value_hi: "6",
      value_words: "pain VAS 6",
      quote: "relief (pain VAS 6",
    }));
  const e = await errorOf(dir);
  assert.deepEqual(e.issues.map(formatIssue), [
    "observations.csv:2:quote: quote found in source nagoshi-2012 only inside a longer word or " +
    "number (a quote starts and ends where a word or number does)",
  ]);
});

Deno.test("a numeric value whose quote states no number is refused, unless a words-to-number rule gives it", async () => {
  const dir = await dataWith("observations.csv", (t) =>
    withCells(t, "2,pretreatment_average,", {
      value_lo: "9.9",
      value_nominal: "9.9",
      value_hi: "9.9",
      quote: "The pain was continuous but variable in severity",
    }));
  const line = lineOf(await Deno.readTextFile(`${dir}/observations.csv`), "2,pretreatment_average");
  assert.deepEqual((await errorOf(dir)).issues.map(formatIssue), [
    `observations.csv:${line}:value_nominal: value_nominal is 9.9 but the quote states no number ` +
    "(in digits or number words); a value stated only in words needs a words-to-number rule " +
    "(data/README.md)",
  ]);
  // The documented rule 'no-pain': the quote's words give 0, and only 0.
  const noPain = (value: string, quote: string) =>
    dataWith("observations.csv", (t) =>
      withCells(t, "3,month_later_report,", {
        value_lo: value,
        value_nominal: value,
        value_hi: value,
        value_rule: "no-pain",
        value_words: "completely disappeared",
        note: "",
        period_start: "",
        period_end: "",
        quote,
      }));
  const ok = await noPain("0", "the phantom arm pain had completely disappeared");
  try {
    const series = await loadCaseSeries(ok);
    assert.ok(
      series.cases.some((c) => c.observations.some((o) => o.words === "completely disappeared")),
    );
  } finally {
    await Deno.remove(ok, { recursive: true });
  }
  const one = await noPain("1", "the phantom arm pain had completely disappeared");
  const l3 = lineOf(await Deno.readTextFile(`${one}/observations.csv`), "3,month_later_report");
  assert.deepEqual((await errorOf(one)).issues.map(formatIssue), [
    `observations.csv:${l3}:value_nominal: value_nominal is 1 but rule 'no-pain' gives 0`,
  ]);
  const words = await noPain("0", "A month later, the phantom arm pain had");
  assert.match(
    (await errorOf(words)).issues.map(formatIssue).join("\n"),
    new RegExp(`^observations.csv:${l3}:value_nominal: rule 'no-pain' needs the quote to say so`),
  );
});

Deno.test("a one-letter quote is too short to locate anything", async () => {
  const dir = await dataWith("events.csv", (t) =>
    t.replace(
      "1,amputation,accident,right leg severed off at the knee in a motorcycle accident,His right leg was severed off at the knee",
      "1,amputation,accident,right leg severed off at the knee in a motorcycle accident,a",
    ));
  assert.deepEqual((await errorOf(dir)).issues.map(formatIssue), [
    "events.csv:2:quote: quote too short to locate what it states: at least 12 characters or " +
    "3 words (data/README.md)",
  ]);
});

Deno.test("a dose of 1e300 mg/day is refused", async () => {
  const dir = await dataWith(
    "treatments.csv",
    (t) => t.replace("1,diclofenac,NSAID,75,", "1,diclofenac,NSAID,1e300,"),
  );
  const issues = (await errorOf(dir)).issues.map(formatIssue);
  assert.ok(
    issues.includes(
      "treatments.csv:2:dose_mg_per_day: 1e+300 mg/day is above the 100000 mg/day any dose may " +
        "be (data/README.md)",
    ),
    issues.join("\n"),
  );
});

Deno.test("case ids that name files: too long, colliding as file names, or differing only in case", async () => {
  // Before: validate passed them and reproduce failed ('File name too long', nothing named) or
  // wrote the files of '1' and '1-drug' over each other.
  const long = "c".repeat(300);
  // The four rows go after the last line of cases.csv, whatever the number of cases.
  let last = 0;
  const dir = await dataWith("cases.csv", (t) => {
    const row1 = t.split("\n")[1];
    last = t.trimEnd().split("\n").length;
    return t.trimEnd() + "\n" +
      [`${long},`, "1-drug,", "Z9,", "z9,"].map((id) => row1.replace(/^1,/, id)).join("\n") + "\n";
  });
  const issues = (await errorOf(dir)).issues.filter((i) => i.column === "case_id");
  assertIssue(
    issues,
    { file: "cases.csv", row: last + 1, column: "case_id" },
    /^case id is 300 characters long, more than the 64 an id that names files may have/,
  );
  assertIssue(
    issues,
    { file: "cases.csv", row: last + 2, column: "case_id" },
    /^case ids '1' and '1-drug' give colliding file names \(case-1-drug-… may be a file of either; '1' is at line 2\)/,
  );
  assertIssue(
    issues,
    { file: "cases.csv", row: last + 4, column: "case_id" },
    new RegExp(`^case id 'z9' differs only in case from 'Z9' \\(line ${last + 3}\\)`),
  );
});

Deno.test("derived days: every stored day that is wrong is reported in one run, in the file's notation", async () => {
  // One rule changed (exactly 6 days -> within 6 days, which its quote still states) without its
  // stored days: the point and every point derived from it are off. Before, one layer was
  // reported per run (the points anchored on a wrong one were only counted under it).
  const dir = await dataWith(
    "timepoints.csv",
    (t) =>
      t.replace(
        "1,paroxetine_start,exact,accident,,6,day,6,6,6,",
        "1,paroxetine_start,within,accident,,6,day,6,6,6,",
      )
        .replace(/^(1,paroxetine_end,after,milnacipran_start,,,,81,96),Inf,/m, "$1,200,"),
  );
  const text = await Deno.readTextFile(`${dir}/timepoints.csv`);
  const issues = (await errorOf(dir)).issues.map(formatIssue);
  for (const id of ["paroxetine_start", "paroxetine_20", "transfer", "paroxetine_40"]) {
    const line = lineOf(text, `1,${id},`);
    assert.ok(
      issues.some((l) => new RegExp(`^timepoints\\.csv:${line}:day_\\w+: is `).test(l)),
      `${id} (line ${line}) not reported:\n${issues.join("\n")}`,
    );
  }
  // A side the file writes Inf is named Inf, not Infinity.
  assert.ok(
    issues.includes(
      `timepoints.csv:${
        lineOf(text, "1,paroxetine_end,")
      }:day_hi: is 200 but rule 'after' gives Inf (\`deno task fill-days\` writes the days the ` +
        "rules give)",
    ),
    issues.join("\n"),
  );
  assert.ok(!issues.some((l) => /Infinity/.test(l)), issues.join("\n"));
});

Deno.test("a cycle that closes through a bound is reported at the bound", async () => {
  // amputation_surgery is bounded by paroxetine_start; anchoring paroxetine_start on it closes a
  // cycle through the bound column, which was reported as the anchor's.
  const dir = await dataWith(
    "timepoints.csv",
    (t) =>
      t.replace(
        "1,paroxetine_start,exact,accident,",
        "1,paroxetine_start,exact,amputation_surgery,",
      ),
  );
  const text = await Deno.readTextFile(`${dir}/timepoints.csv`);
  const line = lineOf(text, "1,amputation_surgery,");
  const issues = (await errorOf(dir)).issues.map(formatIssue);
  assert.ok(
    issues.includes(
      `timepoints.csv:${line}:bound: bound 'paroxetine_start' closes a cycle of anchors and ` +
        "bounds through 'amputation_surgery': bound this time point by one outside the cycle, or " +
        "anchor a time point on the cycle on an earlier one outside it",
    ),
    issues.join("\n"),
  );
});

Deno.test("an empty derived day says which task writes it", async () => {
  const dir = await setCell("timepoints.csv", 3, "day_nominal", "");
  assertIssue(
    await issuesOf(dir),
    { file: "timepoints.csv", row: 3, column: "day_nominal" },
    /^empty cell where a derived day is required: `deno task fill-days` writes it/,
  );
});
