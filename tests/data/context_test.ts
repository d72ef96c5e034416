/**
 * What the checks of one load share: an unknown case or time id is reported once, at its first
 * row, and later rows with it are counted there; problems come out whole files first, then rows
 * by file (in table order) and line.
 */
import assert from "node:assert/strict";
import { LoadContext } from "../../lib/data/context.ts";
import { Issues } from "../../lib/data/issues.ts";

Deno.test("an unknown case is reported at its first row, the rows that repeat it counted there", () => {
  const ctx = new LoadContext("/nowhere/", "/nowhere");
  ctx.casesKnown = true;
  ctx.caseIds.set("A", 2);
  assert.equal(ctx.checkCase("events.csv", 2, "A"), true);
  assert.equal(ctx.checkCase("events.csv", 3, "B"), false);
  assert.equal(ctx.checkCase("events.csv", 4, "B"), false);
  assert.equal(ctx.checkCase("events.csv", 5, "B"), false);
  const messages = ctx.issues.error()!.issues.map((i) => `${i.row}:${i.message}`);
  assert.deepEqual(messages, [
    "3:unknown case id 'B' (not in cases.csv); 2 more rows of this file with it (line 4, line 5)",
  ]);
});

Deno.test("an unknown time id is reported per file and case, once", () => {
  const ctx = new LoadContext("/nowhere/", "/nowhere");
  ctx.timesKnown = true;
  assert.equal(ctx.dayOf("events.csv", 2, "time", "A", "t9"), null);
  assert.equal(ctx.dayOf("events.csv", 3, "time", "A", "t9"), null);
  assert.equal(ctx.dayOf("observations.csv", 2, "time", "A", "t9"), null);
  const issues = ctx.issues.error()!.issues;
  // observations.csv comes before events.csv in TABLE_ORDER.
  assert.deepEqual(issues.map((i) => [i.file, i.row]), [
    ["observations.csv", 2],
    ["events.csv", 2],
  ]);
  assert.match(issues[1].message, /1 more row of this file with it \(line 3\)$/);
});

Deno.test("problems come out whole files first, then rows by table order and line", () => {
  const issues = new Issues();
  issues.push({ file: "observations.csv", row: 3, message: "c" });
  issues.push({ file: "cases.csv", row: 9, message: "b" });
  issues.push({ file: "sources/x.txt", message: "text" });
  issues.push({ file: "observations.csv", row: 2, message: "a" });
  issues.pushFile({ file: "events.csv", message: "header" });
  const e = issues.error()!;
  assert.deepEqual(e.issues.map((i) => i.message), ["text", "header", "b", "a", "c"]);
  assert.equal(e.total, 5);
});

Deno.test("the quotes citing a source whose text was not read are counted at its problem, not dropped", async (t) => {
  const { checkSources } = await import("../../lib/data/checks/sources.ts");
  const table = (path: string) =>
    new Map([[
      "sources.csv",
      `source_id,citation,doi,pmid,licence,text_path\na,A,,,CC-BY-4.0,${path}\n`,
    ]]);
  const quoteAll = (ctx: LoadContext) => {
    ctx.check.quote("cases.csv", 2, "a", "cause_quote", "lost a limb");
    ctx.check.quote("cases.csv", 2, "a", "sds_quote", "scored 48");
    ctx.check.quote("timepoints.csv", 5, "a", "quote", "on day 9");
    ctx.check.quote("timepoints.csv", 6, "zz", "quote", "an unknown source: not counted here");
    return ctx.issues.error()!.issues.map((i) => `${i.file}:${i.row ?? ""}: ${i.message}`);
  };
  await t.step("a text_path not named after its source", () => {
    const ctx = new LoadContext("/nowhere/", "/nowhere", table("sources/b.txt"));
    checkSources(ctx);
    assert.deepEqual(quoteAll(ctx), [
      "sources.csv:2: must be sources/a.txt (the text is named after its source_id); so the 3 " +
      "quotes citing it were not checked against its text (in cases.csv:2, timepoints.csv:5)",
    ]);
  });
  await t.step("a text that is not there", () => {
    const ctx = new LoadContext("/nowhere/", "/nowhere", table("sources/a.txt"));
    checkSources(ctx);
    const [message] = quoteAll(ctx);
    assert.match(message, /^sources\/a\.txt:: .+; so the 3 quotes citing it were not checked/);
  });
  await t.step("a text_path its schema refuses", () => {
    const ctx = new LoadContext("/nowhere/", "/nowhere", table("sources/a b.pdf"));
    checkSources(ctx);
    const [message] = quoteAll(ctx);
    assert.match(message, /^sources\.csv:2: .+; so the 3 quotes citing it were not checked/);
  });
  await t.step("one quote is one quote", () => {
    const ctx = new LoadContext("/nowhere/", "/nowhere", table("sources/b.txt"));
    checkSources(ctx);
    ctx.check.quote("cases.csv", 2, "a", "cause_quote", "lost a limb");
    assert.match(ctx.issues.error()!.issues[0].message, /; so the quote citing it was not checked/);
  });
});

Deno.test("a knock-on count counts rows, once however many of a row's cells refer", () => {
  const issues = new Issues();
  const where = { file: "timepoints.csv", row: 2, message: "time point t is not usable" };
  issues.push(where);
  for (const ref of ["events.csv:4", "events.csv:4", "events.csv:5"]) {
    issues.knockOn("t", where, ref);
  }
  assert.deepEqual(issues.error()!.issues.map((i) => i.message), [
    "time point t is not usable",
    "time point t is not usable: 2 rows that refer to it were not checked against it " +
    "(events.csv:4, events.csv:5)",
  ]);
  const seven = new Issues();
  seven.push(where);
  for (let r = 3; r <= 9; r++) seven.knockOn("t", where, `events.csv:${r}`, true);
  assert.match(
    seven.error()!.issues[0].message,
    /; 7 more rows of this file with it \(events\.csv:3, .*, events\.csv:7, \.\.\.\)$/,
  );
});
